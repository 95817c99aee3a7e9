// An exception's __traceback__ and sys.exc_info()[2]: CPython's traceback
// objects (Python/traceback.c), one per frame the exception passed through,
// outermost first and linked by tb_next, built on demand from
// PyException::traceback. Their frames (tb_frame) and code objects
// (tb_frame.f_code) know only what a traceback entry keeps: the function's
// name, its file and the line. Their other attributes (a frame's locals, its
// current line, a code object's first line...) stop the run as not modelled.
#pragma once

#include <string_view>
#include <utility>

#include "model/runtime/exceptions.hpp"

namespace asim::runtime {

// None when the exception has passed through no frame (never raised).
Value traceback_of(const Ref<PyException>& exc);

// The exception whose traceback `tb` belongs to, and how many frames the
// chain from `tb` inward covers; {null, 0} when `tb` is not a traceback.
std::pair<Ref<PyException>, std::size_t> traceback_frames(const Value& tb);

// with_traceback(tb) / `__traceback__ = tb`: `tb` is None or one of the
// traceback objects of the model. Any other value is CPython's TypeError.
void set_traceback(PyException& exc, const Value& tb);

// Where an exception notes that it left a native coroutine: CPython's
// traceback holds that coroutine's frame (asyncio's sleep, wait_for,
// Queue.get... are Python code there), which the model's entries lack, so
// walking such a traceback stops the run.
inline constexpr std::string_view kLibraryFramesKey = "__asim_library_frames__";
void note_library_frame(PyException& exc);

// How the run stops at an attribute the model does not keep (the session
// sets it: model/modules' not_modelled). Null: a plain AttributeError.
inline void (*stop_unmodelled)(std::string_view what, std::string_view why) = nullptr;

}  // namespace asim::runtime
