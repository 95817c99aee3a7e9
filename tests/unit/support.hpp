// Helpers shared by the unit tests that drive small asyncio programs from C++,
// the way model/demo/seed.cpp does. Each test mirrors a script in
// tests/conformance/oracle/ and checks the model against what real CPython
// printed for it (tests/conformance/oracle_notes.md).
#pragma once

#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/asyncio/as_completed.hpp"
#include "model/asyncio/base_events.hpp"
#include "model/asyncio/runners.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/native_coroutine.hpp"

namespace asim::test {

using asyncio::EventLoop;
using asyncio::Future;
using asyncio::Task;
using runtime::Coro;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Value;

// One model run: the runtime (heap, builtins) and a loop for one version.
// The runtime is declared first so it outlives every object the loop holds.
struct World {
  explicit World(std::string_view version, trace::Sink* sink = nullptr, explore::Chooser* chooser = nullptr,
                 asyncio::Limits limits = {})
      : loop(asyncio::profile(version), sink, chooser, limits) {
    rt.warning_sink = [this](const std::string& w) { warnings.push_back(w); };
  }
  runtime::Runtime rt;
  std::vector<std::string> warnings;
  EventLoop loop;

  // asyncio.run(main()); `qualname` must be a literal (coroutines keep a view).
  Value run(Coro body, std::string_view qualname = "main") {
    return asyncio::run(loop, runtime::native(qualname, std::move(body)));
  }
};

// A callable for call_soon / call_at / add_done_callback.
inline Ref<runtime::Callable> callback(std::string qualname, std::function<void(std::span<const Value>)> body) {
  return runtime::native_function(std::move(qualname), [body = std::move(body)](std::span<const Value> args) {
    body(args);
    return Value::none();
  });
}

// "ValueError('x')" / "TimeoutError('')": type name and str(), as the oracle
// scripts print them with '%s(%r)' % (type(e).__name__, str(e)).
inline std::string describe(const Ref<PyException>& e) {
  return fmt::format("{}({})", e->type->name, runtime::repr(Value::str(e->message())));
}

// Runs f(), which is expected to raise; returns describe(exception), or
// "no error".
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (PyError& e) {
    return describe(e.exc);
  }
  return "no error";
}

// What one `await` gave, and when: the oracle scripts' "... at time T tick K".
struct Outcome {
  std::string what;  // repr(result), or describe(exception)
  std::string time;  // repr(loop.time())
  std::uint64_t tick = 0;
  Ref<PyException> exc;
  Value value;
  bool operator==(const Outcome& o) const { return what == o.what && time == o.time && tick == o.tick; }
};

inline std::ostream& operator<<(std::ostream& os, const Outcome& o) {
  return os << o.what << " at " << o.time << " tick " << o.tick;
}

inline Outcome outcome(std::string what, std::string time, std::uint64_t tick) {
  Outcome o;
  o.what = std::move(what);
  o.time = std::move(time);
  o.tick = tick;
  return o;
}

// `try: r = await aw ... except BaseException as e: ...`, recorded in *out.
// Awaiting through this extra coroutine costs no loop iteration: delegation
// is `yield from`.
inline Coro capture(EventLoop& loop, Value awaitable, Outcome* out) {
  try {
    out->value = co_await awaitable;
    out->what = runtime::repr(out->value);
  } catch (PyError& e) {
    out->exc = e.exc;
    out->what = describe(e.exc);
  }
  out->time = runtime::float_repr(loop.time());
  out->tick = loop.tick();
  co_return Value::none();
}

inline Ref<runtime::Coroutine> captured(EventLoop& loop, Value awaitable, Outcome* out) {
  return runtime::native("capture", capture(loop, std::move(awaitable), out));
}

// The oracle scripts' fetch(): sleep(delay), then raise ValueError('fetch
// <delay> failed') or return 'result <delay>'. With a log, it records its
// first step ("start <name> <delay> tick K time T") and its `finally:`.
inline Coro fetch_body(EventLoop& loop, double delay, bool fail, std::vector<std::string>* log) {
  const std::string d = runtime::float_repr(delay);
  if (log) {
    auto me = asyncio::current_task(loop);
    log->push_back(fmt::format("start {} {} tick {} time {}", me ? me->get_name() : "?", d, loop.tick(),
                               runtime::float_repr(loop.time())));
  }
  auto finally = [&] {
    if (log)
      log->push_back(fmt::format("finally {} tick {} time {}", d, loop.tick(), runtime::float_repr(loop.time())));
  };
  try {
    co_await asyncio::sleep(loop, delay);
  } catch (...) {
    finally();
    throw;
  }
  finally();
  if (fail)
    throw PyError{runtime::new_exception(loop.builtins().ValueError, fmt::format("fetch {} failed", d))};
  co_return Value::str("result " + d);
}

inline Ref<runtime::Coroutine> fetch(EventLoop& loop, double delay, bool fail = false,
                                     std::vector<std::string>* log = nullptr) {
  return runtime::native("fetch", fetch_body(loop, delay, fail, log));
}

inline Ref<runtime::List> list_of(const std::vector<Value>& items) {
  return runtime::make<runtime::List>(items);
}

template <class T>
Ref<runtime::List> list_of(const std::vector<Ref<T>>& items) {
  return runtime::make<runtime::List>(std::vector<Value>(items.begin(), items.end()));
}

// The pending tasks other than the current one (`all_tasks() - {me}`).
inline std::size_t other_tasks(EventLoop& loop) {
  std::size_t n = 0;
  for (auto& t : asyncio::all_tasks(loop))
    if (t.get() != loop.current_task()) ++n;
  return n;
}

}  // namespace asim::test
