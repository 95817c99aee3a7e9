// The state of one model run that every object can reach: the heap, the
// builtin classes and exception classes, and where warnings go. One Runtime
// is current at a time (runs are sequential), the way an interpreter state is
// in CPython.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <typeindex>
#include <unordered_map>

#include "model/runtime/async_generator.hpp"
#include "model/runtime/builtin_types.hpp"
#include "model/runtime/exceptions.hpp"
#include "model/runtime/int_profile.hpp"
#include "model/runtime/features.hpp"
#include "model/runtime/object.hpp"

namespace asim::runtime {

class Runtime;
namespace detail {
extern Runtime* current_runtime;
[[noreturn]] void no_current_runtime();
}  // namespace detail

class Runtime {
 public:
  Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  // Inline: builtins() asks for it at nearly every native step.
  static Runtime& current() {
    if (!detail::current_runtime) [[unlikely]]
      detail::no_current_runtime();
    return *detail::current_runtime;
  }

  // A RuntimeWarning, as the warnings module would print it to stderr.
  void warn(const std::string& message);
  std::function<void(const std::string&)> warning_sink;
  // A warning issued by a finalizer about `source`: when the filters make it
  // an error, the error is reported as unraisable (PyErr_WriteUnraisable:
  // "Exception ignored in: ...") and the finalizer goes on.
  void warn_unraisable(const std::string& message, const Object& source);
  std::function<void(const PyError&, const std::string& where)> unraisable_sink;
  // sys.set_asyncgen_hooks: set by the running loop.
  AsyncGenHooks asyncgen_hooks;
  // sys.set_coroutine_origin_tracking_depth: a loop in debug mode sets it
  // while it runs, and coroutines made then remember where (cr_origin).
  int coroutine_origin_tracking_depth = 0;
  // The Python frames CPython has under the program's where asim runs
  // natively (the harness that runs the program, asyncio.run and the event
  // loop): the recursion limit counts them. The run and the loop set it
  // from the version profile (FramesBelow) while they are active.
  int frames_below = 0;
  struct FramesBelowScope {
    FramesBelowScope(int frames) : frames(frames) { Runtime::current().frames_below += frames; }
    FramesBelowScope(const FramesBelowScope&) = delete;
    FramesBelowScope& operator=(const FramesBelowScope&) = delete;
    ~FramesBelowScope() { Runtime::current().frames_below -= frames; }
    const int frames;
  };
  // A report asim printed otherwise than CPython would, met where the run
  // cannot stop (a finalizer): the run ends with it (exit 2) once the
  // program has finished; the first one is kept.
  std::string unmodelled;
  void unmodelled_at_exit(std::string report) {
    if (unmodelled.empty()) unmodelled = std::move(report);
  }
  // traceback.format_exception, as the interpreter prints it (for the event
  // loop's exception handler); null when no interpreter runs.
  std::function<std::string(const PyException&)> format_exception;
  // "FILE:LINE" of the line running now, for messages; null when no
  // interpreter runs.
  std::function<std::string()> current_location;
  // "FILE:LINE" where CPython's Lib defines the Python function a native
  // function stands for (asyncio's callbacks), "" for any other; null when
  // no run set it.
  std::function<std::string(std::string_view qualname)> library_function_source;
  // The installed CPython's Lib folder for the modelled version, where
  // tracebacks place asyncio's own frames; "<asim>" where there is none.
  // Null when no run set it.
  std::function<std::string()> cpython_lib;
  // int's per-version behaviour and the str conversion digit limit.
  IntProfile ints;
  // The builtins' per-version messages.
  RuntimeFeatures features;

 private:
  // Declared first so it is destroyed last: the heap's final teardown may
  // still warn (an unawaited coroutine freed with a cycle) through current().
  struct Registration {
    explicit Registration(Runtime* self);
    ~Registration();
    Runtime* previous;
  } registration_;
  Heap heap_;  // built before, destroyed after, every object below
  // The builtin classes are set-up objects: their fake addresses come from
  // the library's range, so a new builtin class moves no program address.
  std::optional<Heap::LibraryScope> setting_up_{std::in_place};

 public:
  Heap& heap() { return heap_; }
  BuiltinTypes types;  // before the exceptions: BaseException derives from object
  BuiltinExceptions builtins;
  // The current contextvars.Context (model/runtime/contextvars.hpp), made
  // on first use; after the heap, so it is released before the heap goes.
  Ref<Object> context;
  // type_of(): the class of objects of each C++ class (register_type), and
  // classes made up on first sight for C++ classes nobody registered.
  std::unordered_map<std::type_index, Ref<Type>> type_registry;
  // Classes by name, for C++ classes whose objects have several Python
  // classes (Set is a set or a frozenset) and for the classes made up.
  std::unordered_map<std::string, Ref<Type>> named_types;
};

// The exception classes of the current runtime.
inline const BuiltinExceptions& builtins() {
  return Runtime::current().builtins;
}

}  // namespace asim::runtime
