// The `sys` module: what scenarios use to branch on the version.
#include <fmt/format.h>

#include "model/lang/eval.hpp"
#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/builtins.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text_stream.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::modules {

using runtime::Value;


runtime::Ref<runtime::Module> make_sys_module(Session& session) {
  auto m = runtime::make<runtime::Module>("sys");
  const auto& p = session.profile();
  // A plain tuple compares as sys.version_info does: (3, 12, 1, 'final', 0) >= (3, 13).
  m->dict["version_info"] = runtime::make_tuple({Value::integer(p.major), Value::integer(p.minor),
                                                 Value::integer(p.micro), Value::str("final"), Value::integer(0)});
  m->dict["version"] = Value::str(fmt::format("{}.{}.{} (asim model)", p.major, p.minor, p.micro));
  m->dict["platform"] = Value::str("linux");
  m->dict["maxsize"] = Value::integer(INT64_MAX);
  // The int <-> decimal str digit limit (sys_set_int_max_str_digits_impl).
  m->dict["get_int_max_str_digits"] = Value(function("get_int_max_str_digits", {}, [](const Bound&) {
    return Value::integer(runtime::Runtime::current().ints.max_str_digits);
  }));
  m->dict["set_int_max_str_digits"] = Value(function("set_int_max_str_digits", {pos("maxdigits")}, [](const Bound& b) {
    const std::int64_t n = runtime::index_value(b[0]);
    if (n != 0 && n < runtime::kStrDigitsCheckThreshold)
      runtime::raise(runtime::Runtime::current().builtins.ValueError,
                     fmt::format("maxdigits must be 0 or larger than {}", runtime::kStrDigitsCheckThreshold));
    runtime::Runtime::current().ints.max_str_digits = n;
    return Value::none();
  }));
  std::vector<Value> argv;
  for (const auto& arg : session.argv()) argv.push_back(Value::str(arg));
  m->dict["argv"] = runtime::make_list(std::move(argv));
  Session* s = &session;
  // The program's own output streams: what they write goes where print's does.
  // io.UnsupportedOperation is not modelled: reading them stops the run.
  const auto output_stream = [](std::string name, runtime::TextStream::Sink sink, runtime::TextStream::Flush flush) {
    auto stream = runtime::make<runtime::TextStream>(name, std::move(sink), std::move(flush));
    stream->set_unsupported([name](std::string_view what) {
      not_modelled(fmt::format("sys.{}: {}", name.substr(1, name.size() - 2), what), "io.UnsupportedOperation");
    });
    return Value(stream);
  };
  m->dict["stdout"] = output_stream("<stdout>", [s](std::string_view text) { s->write_out(text); }, [s] { s->flush_out(); });
  m->dict["stderr"] = output_stream("<stderr>", [s](std::string_view text) { s->write_err(text); }, [s] { s->flush_err(); });
  m->dict["stdin"] = Value(session.stdin_stream());
  m->dict["exit"] = Value(function("exit", {opt("status")}, [](const Bound& b) -> Value {
    throw runtime::PyError{runtime::make<runtime::PyException>(runtime::Runtime::current().builtins.SystemExit,
                                                               b[0].is_none() ? std::vector<Value>{}
                                                                              : std::vector<Value>{b[0]})};
  }));
  // exc_info(): (type, value, traceback) of the exception being handled.
  m->dict["exc_info"] = Value(function("exc_info", {}, [](const Bound&) {
    runtime::PyException* exc = lang::ThreadState::current().handled_exception();
    if (!exc) return runtime::make_tuple({Value::none(), Value::none(), Value::none()});
    const Value value{runtime::Ref<runtime::PyException>(exc)};
    return runtime::make_tuple(
        {Value(runtime::type_of(value)), value, runtime::traceback_of(runtime::Ref<runtime::PyException>(exc))});
  }));
  return m;
}

}  // namespace asim::modules
