// The program's console input: builtins.input() and sys.stdin, reading the
// session's standard input (asim exec: the process's own).
#include <fmt/format.h>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/args.hpp"
#include "model/runtime/builtins_internal.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text_stream.hpp"

namespace asim::modules {

using runtime::Value;

runtime::Ref<runtime::Object> make_stdin(Session& session) {
  auto stdin_stream = runtime::make<runtime::TextStream>("<stdin>", [&session] { return session.read_line(); });
  // io.UnsupportedOperation is not modelled: writing to stdin stops the run.
  stdin_stream->set_unsupported([](std::string_view what) { not_modelled(fmt::format("sys.stdin: {}", what), "io.UnsupportedOperation"); });
  return stdin_stream;
}

void add_console_builtins(runtime::Module& builtins, Session& session) {
  // builtin_input_impl, the path for a console that is not a terminal (what
  // a terminal's readline would echo is the same text): flush stderr, write
  // the prompt's str() to stdout, flush it, read a line, drop its "\n".
  runtime::add_function(builtins, "input", [&session](std::span<const Value> a, std::span<const runtime::Keyword> kw) {
    runtime::args::no_kwargs("input", kw);
    runtime::args::count("input", a, 0, 1);
    session.flush_err();
    if (!a.empty()) session.write_out(runtime::to_str(a[0]));
    session.flush_out();
    std::string line = static_cast<runtime::TextStream&>(*session.stdin_stream()).readline();
    if (line.empty()) runtime::raise(runtime::builtins().EOFError, "EOF when reading a line");
    if (line.back() == '\n') line.pop_back();
    return Value::str(std::move(line));
  });
}

}  // namespace asim::modules
