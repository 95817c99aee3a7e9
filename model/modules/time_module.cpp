// The `time` module on the virtual clock: what asyncio programs use to time
// themselves (perf_counter, monotonic, time), to block (sleep: the classic
// mistake inside a coroutine, which stalls the whole loop), and to print the
// hour (strftime). The conformance harness gives real CPython the same clock.
#include <fmt/format.h>

#include <cmath>
#include <ctime>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::Value;

namespace {

// What time.time() reads at virtual time 0.0 (2023-11-14 22:13:20 UTC); the
// harness's EPOCH.
constexpr double kEpoch = 1700000000.0;

double seconds_arg(const Value& given) {
  const Value& v = runtime::plain_number(given);
  const auto& b = runtime::Runtime::current().builtins;
  if (v.kind() == Value::Kind::Int) return static_cast<double>(v.as_int());
  if (v.kind() == Value::Kind::Float) return v.as_float();
  if (v.kind() == Value::Kind::Bool) return v.as_bool() ? 1.0 : 0.0;
  runtime::raise(b.TypeError, fmt::format("'{}' object cannot be interpreted as an integer", runtime::type_name(given)));
}

// int(x * 1e9), as the harness computes the *_ns clocks.
Value nanoseconds(double seconds) {
  return Value::integer(static_cast<std::int64_t>(seconds * 1e9));
}

// The module's functions are C functions in CPython: a class attribute
// holding one (logging.Formatter.converter) does not bind as a method.
runtime::Ref<BuiltinFunction> builtin(std::string name, std::vector<Param> params, BuiltinFunction::Body body) {
  Signature signature(name, std::move(params));
  return runtime::make<BuiltinFunction>(std::move(name), std::move(signature), std::move(body),
                                        "builtin_function_or_method");
}

}  // namespace

runtime::Ref<runtime::Module> make_time_module(Session& session) {
  auto m = runtime::make<runtime::Module>("time");
  Session* s = &session;
  auto clock = [s](const Bound&) { return Value::floating(s->process_now()); };
  m->dict["monotonic"] = Value(builtin("monotonic", {}, clock));
  m->dict["perf_counter"] = Value(builtin("perf_counter", {}, clock));
  m->dict["time"] = Value(builtin("time", {}, [s](const Bound&) { return Value::floating(kEpoch + s->process_now()); }));
  m->dict["monotonic_ns"] = Value(builtin("monotonic_ns", {}, [s](const Bound&) { return nanoseconds(s->process_now()); }));
  m->dict["perf_counter_ns"] =
      Value(builtin("perf_counter_ns", {}, [s](const Bound&) { return nanoseconds(s->process_now()); }));
  m->dict["time_ns"] = Value(builtin("time_ns", {}, [s](const Bound&) { return nanoseconds(kEpoch + s->process_now()); }));
  m->dict["sleep"] = Value(builtin("sleep", {pos("secs")}, [s](const Bound& b) {
    const double secs = seconds_arg(b[0]);
    if (secs < 0) runtime::raise(runtime::Runtime::current().builtins.ValueError, "sleep length must be non-negative");
    s->block_for(secs);
    return Value::none();
  }));
  // gmtime/localtime(secs=None): the virtual time (or `secs`) broken down in
  // UTC — the machine's zone, as the harness has it — as a 9-tuple in
  // struct_time's order.
  auto broken_down = [s](const Bound& b) {
    const double secs = b[0].is_none() ? kEpoch + s->process_now() : seconds_arg(b[0]);
    const auto t = static_cast<std::time_t>(std::floor(secs));
    std::tm tm{};
    gmtime_r(&t, &tm);
    return runtime::make_tuple({Value::integer(tm.tm_year + 1900), Value::integer(tm.tm_mon + 1),
                                Value::integer(tm.tm_mday), Value::integer(tm.tm_hour), Value::integer(tm.tm_min),
                                Value::integer(tm.tm_sec), Value::integer((tm.tm_wday + 6) % 7),
                                Value::integer(tm.tm_yday + 1), Value::integer(0)});
  };
  m->dict["gmtime"] = Value(builtin("gmtime", {opt("secs")}, broken_down));
  m->dict["localtime"] = Value(builtin("localtime", {opt("secs")}, broken_down));
  // strftime(format, t=None): `t` (a struct_time-ordered 9-sequence) or the
  // virtual time in UTC, through the C library's strftime in the C locale,
  // as CPython's time.strftime calls it.
  m->dict["strftime"] = Value(builtin("strftime", {pos("format"), opt("t")}, [s](const Bound& b) {
    const std::string format = runtime::to_str(b[0]);
    std::tm tm{};
    if (b[1].is_none()) {
      const auto now = static_cast<std::time_t>(std::floor(kEpoch + s->process_now()));
      gmtime_r(&now, &tm);
    } else {
      const auto fields = runtime::to_vector(b[1]);
      if (fields.size() != 9)
        runtime::raise(runtime::Runtime::current().builtins.TypeError, "time.struct_time() takes a 9-sequence");
      auto field = [&](std::size_t i) { return static_cast<int>(fields[i].as_int()); };
      tm.tm_year = field(0) - 1900;
      tm.tm_mon = field(1) - 1;
      tm.tm_mday = field(2);
      tm.tm_hour = field(3);
      tm.tm_min = field(4);
      tm.tm_sec = field(5);
      tm.tm_wday = (field(6) + 1) % 7;
      tm.tm_yday = field(7) - 1;
      tm.tm_isdst = field(8);
    }
    std::string out(256 + format.size() * 8, '\0');
    const std::size_t n = std::strftime(out.data(), out.size(), format.c_str(), &tm);
    if (n == 0 && !format.empty()) return Value::str("");
    out.resize(n);
    return Value::str(out);
  }));
  return m;
}

}  // namespace asim::modules
