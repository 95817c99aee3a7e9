// The `time` module on the virtual clock: what asyncio programs use to time
// themselves (perf_counter, monotonic, time), to block (sleep: the classic
// mistake inside a coroutine, which stalls the whole loop), and to print the
// hour (strftime). The conformance harness gives real CPython the same clock.
#include <fmt/format.h>

#include <cmath>
#include <ctime>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::Value;

namespace {

// What time.time() reads at virtual time 0.0 (2023-11-14 22:13:20 UTC); the
// harness's EPOCH.
constexpr double kEpoch = 1700000000.0;

double seconds_arg(const Value& v) {
  const auto& b = runtime::Runtime::current().builtins;
  if (v.kind() == Value::Kind::Int) return static_cast<double>(v.as_int());
  if (v.kind() == Value::Kind::Float) return v.as_float();
  if (v.kind() == Value::Kind::Bool) return v.as_bool() ? 1.0 : 0.0;
  runtime::raise(b.TypeError, fmt::format("'{}' object cannot be interpreted as an integer", runtime::type_name(v)));
}

// int(x * 1e9), as the harness computes the *_ns clocks.
Value nanoseconds(double seconds) {
  return Value::integer(static_cast<std::int64_t>(seconds * 1e9));
}

}  // namespace

runtime::Ref<runtime::Module> make_time_module(Session& session) {
  auto m = runtime::make<runtime::Module>("time");
  Session* s = &session;
  auto clock = [s](const Bound&) { return Value::floating(s->process_now()); };
  m->dict["monotonic"] = Value(function("monotonic", {}, clock));
  m->dict["perf_counter"] = Value(function("perf_counter", {}, clock));
  m->dict["time"] = Value(function("time", {}, [s](const Bound&) { return Value::floating(kEpoch + s->process_now()); }));
  m->dict["monotonic_ns"] = Value(function("monotonic_ns", {}, [s](const Bound&) { return nanoseconds(s->process_now()); }));
  m->dict["perf_counter_ns"] =
      Value(function("perf_counter_ns", {}, [s](const Bound&) { return nanoseconds(s->process_now()); }));
  m->dict["time_ns"] = Value(function("time_ns", {}, [s](const Bound&) { return nanoseconds(kEpoch + s->process_now()); }));
  m->dict["sleep"] = Value(function("sleep", {pos("secs")}, [s](const Bound& b) {
    const double secs = seconds_arg(b[0]);
    if (secs < 0) runtime::raise(runtime::Runtime::current().builtins.ValueError, "sleep length must be non-negative");
    s->block_for(secs);
    return Value::none();
  }));
  // strftime(format): the virtual time in UTC, through the C library's
  // strftime in the C locale, as CPython's time.strftime calls it.
  m->dict["strftime"] = Value(function("strftime", {pos("format"), opt("t")}, [s](const Bound& b) {
    const auto& builtins = runtime::Runtime::current().builtins;
    if (!b[1].is_none())
      runtime::raise(builtins.TypeError, "asim: time.strftime(format, t) is not modelled; strftime(format) "
                                         "formats the virtual clock");
    const std::string format = runtime::to_str(b[0]);
    const auto now = static_cast<std::time_t>(std::floor(kEpoch + s->process_now()));
    std::tm tm{};
    gmtime_r(&now, &tm);
    std::string out(256 + format.size() * 8, '\0');
    const std::size_t n = std::strftime(out.data(), out.size(), format.c_str(), &tm);
    if (n == 0 && !format.empty()) return Value::str("");
    out.resize(n);
    return Value::str(out);
  }));
  return m;
}

}  // namespace asim::modules
