// The `builtins` module a scenario's names fall back to: print, len, range,
// sorted, isinstance... and the builtin classes and exception classes by
// name (Python/bltinmodule.c).
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "model/runtime/module.hpp"

namespace asim::runtime {

using WriteText = std::function<void(std::string_view)>;

// print() without file= writes to write_stdout. write_stderr is for the
// module's own use (none yet) and kept for symmetry with sys.
// print(..., flush=True) without file= flushes stdout: what the run's output
// does with that (the terminal's buffer) is flush_stdout's.
using FlushText = std::function<void()>;
Ref<Module> make_builtins_module(WriteText write_stdout, FlushText flush_stdout = {});
// aiter() and anext(), for the versions that have them (3.10+).
void add_async_iteration_builtins(Module& m);

// A text stream for sys.stdout / sys.stderr: write() hands text to `sink`.
// `name` is what its repr shows: "<stdout>", "<stderr>".
Ref<Object> make_stream(std::string name, WriteText sink, FlushText flush = {});

}  // namespace asim::runtime
