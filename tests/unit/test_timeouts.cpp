// asyncio.timeout / timeout_at (3.11+), replaying the oracle script
// tests/conformance/oracle/w_timeouts.py section by section as C++ programs
// with the same prints. The expected texts are what real CPython printed
// (python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/w_timeouts.py SECTION).
#include <catch2/catch.hpp>

#include "model/asyncio/timeouts.hpp"
#include "oracle_program.hpp"

using asim::asyncio::Timeout;
using asim::runtime::Coro;
using asim::runtime::PyError;
using asim::runtime::PyException;
using asim::runtime::Ref;
using asim::runtime::Value;
namespace asyncio = asim::asyncio;
namespace runtime = asim::runtime;
using asim::testing::OracleRun;

namespace {

struct TimeoutsProgram : OracleRun {
  using OracleRun::OracleRun;

  bool is_timeout(const PyError& e) const { return e.exc->isinstance(loop.builtins().TimeoutError.get()); }

  // The script's chain(e): the __context__ chain's type names.
  static std::string chain(Ref<PyException> e) {
    std::string out;
    for (; e; e = e->context) out += (out.empty() ? "" : " <- ") + e->type->name;
    return out;
  }

  // `async with tm: <body>`: __aexit__ sees what the body raised, and raises
  // in its place or lets it through.
  Coro async_with(Ref<Timeout> tm, Ref<runtime::Coroutine> body) {
    co_await tm->aenter();
    std::optional<PyError> error;
    try {
      co_await body;
    } catch (PyError& e) {
      error = std::move(e);
    }
    Ref<PyException> exc;
    if (error) exc = error->exc;
    co_await tm->aexit(exc);
    if (error) throw *error;
    co_return Value::none();
  }
  Ref<runtime::Coroutine> with(Ref<Timeout> tm, Coro body) {
    return runtime::native("async_with", async_with(std::move(tm), runtime::native("body", std::move(body))));
  }

  Coro expire_body(Ref<Timeout> cm) {
    print(fmt::format("entered: {} when={} at {}", cm->repr(), runtime::float_repr(*cm->when()), at()));
    std::optional<PyError> error;
    try {
      co_await asyncio::sleep(loop, 1);
    } catch (PyError& e) {
      error = std::move(e);
    }
    print(fmt::format("  body finally at {}, cancelling={}", at(), asyncio::current_task(loop)->cancelling()));
    if (error) throw *error;
    co_return Value::none();
  }

  Coro expire() {
    auto cm = asyncio::timeout(loop, 0.1);
    print("before enter: " + cm->repr());
    try {
      co_await with(cm, expire_body(cm));
    } catch (PyError& e) {
      if (!is_timeout(e)) throw;
      print(fmt::format("TimeoutError at {}: cause={} context={} cause-is-context={}", at(), e.exc->cause->type->name,
                        e.exc->context->type->name, e.exc->cause == e.exc->context ? "True" : "False"));
    }
    print(fmt::format("after: {} expired={} cancelling={}", cm->repr(), cm->expired() ? "True" : "False",
                      asyncio::current_task(loop)->cancelling()));
    co_return Value::none();
  }

  Coro sleep_body(double delay) {
    co_await asyncio::sleep(loop, delay);
    co_return Value::none();
  }

  Coro in_time() {
    auto cm = asyncio::timeout(loop, 0.2);
    co_await with(cm, sleep_body(0.1));
    print(fmt::format("no timeout: {} expired={} at {}", cm->repr(), cm->expired() ? "True" : "False", at()));
    co_await asyncio::sleep(loop, 0.2);
    print("later at " + at());
    co_return Value::none();
  }

  Coro reschedule_body(Ref<Timeout> cm) {
    print("entered: " + cm->repr());
    cm->reschedule(loop.time() + 0.2);
    print("rescheduled: " + cm->repr());
    co_await asyncio::sleep(loop, 0.1);
    cm->reschedule(*cm->when() + 0.05);
    co_await asyncio::sleep(loop, 1);
    co_return Value::none();
  }

  Coro reschedule() {
    auto cm = asyncio::timeout(loop, std::nullopt);
    try {
      co_await with(cm, reschedule_body(cm));
    } catch (PyError& e) {
      if (!is_timeout(e)) throw;
      print("TimeoutError at " + at());
    }
    co_return Value::none();
  }

  Coro past_body(Ref<Timeout> cm) {
    print(fmt::format("entered {} at {}", cm->repr(), at()));
    co_await asyncio::sleep(loop, 0);
    print("  not reached");
    co_return Value::none();
  }

  Coro past() {
    auto cm = asyncio::timeout_at(loop, loop.time() - 1);
    try {
      co_await with(cm, past_body(cm));
    } catch (PyError& e) {
      if (!is_timeout(e)) throw;
      print("TimeoutError at " + at());
    }
    co_return Value::none();
  }

  Coro nested_inner(Ref<Timeout> inner) {
    try {
      co_await with(inner, sleep_body(1));
    } catch (PyError& e) {
      if (!is_timeout(e)) throw;
      print("inner caught it (wrong)");
    }
    co_return Value::none();
  }

  Coro nested() {
    auto outer = asyncio::timeout(loop, 0.1);
    Ref<Timeout> inner;
    try {
      co_await asyncio_with_outer(outer, &inner);
    } catch (PyError& e) {
      if (!is_timeout(e)) throw;
      print(fmt::format("outer TimeoutError at {}: outer.expired={} inner.expired={}", at(),
                        outer->expired() ? "True" : "False", inner->expired() ? "True" : "False"));
    }
    co_return Value::none();
  }
  // The outer `async with`: its body makes the inner timeout on entry, as
  // the script's nested `async with asyncio.timeout(0.2) as inner` does.
  Ref<runtime::Coroutine> asyncio_with_outer(Ref<Timeout> outer, Ref<Timeout>* inner) {
    *inner = asyncio::timeout(loop, 0.2);
    return with(std::move(outer), nested_inner(*inner));
  }

  Coro convert_body() {
    std::optional<PyError> error;
    try {
      co_await asyncio::sleep(loop, 1);
    } catch (PyError& e) {
      if (!is_cancelled(e)) throw;
      error = std::move(e);
    }
    // `raise ValueError('converted')` inside the except: its context is the CancelledError.
    auto converted = runtime::new_exception(loop.builtins().ValueError, "converted");
    converted->context = error->exc;
    throw PyError{converted};
  }

  Coro other_exception() {
    try {
      co_await with(asyncio::timeout(loop, 0.1), convert_body());
    } catch (PyError& e) {
      if (!e.exc->isinstance(loop.builtins().ValueError.get())) throw;
      print(fmt::format("ValueError at {}: chain {}", at(), chain(e.exc)));
    }
    co_return Value::none();
  }

  Coro nothing() { co_return Value::none(); }

  Coro errors() {
    auto cm = asyncio::timeout(loop, 1);
    try {
      cm->reschedule(2);
    } catch (PyError& e) {
      print("reschedule before enter: " + runtime::repr(Value::str(e.exc->message())));
    }
    co_await cm->aenter();
    std::optional<PyError> error;
    try {
      co_await cm->aenter();
    } catch (PyError& e) {
      error = std::move(e);
    }
    print("enter twice: " + runtime::repr(Value::str(error->exc->message())));
    co_await cm->aexit(nullptr);
    try {
      cm->reschedule(2);
    } catch (PyError& e) {
      print("reschedule after exit: " + runtime::repr(Value::str(e.exc->message())));
    }
    co_return Value::none();
  }
};

std::string run_section(const char* version, const std::string& section) {
  TimeoutsProgram p(version);
  Coro (TimeoutsProgram::*body)() = nullptr;
  if (section == "expire") body = &TimeoutsProgram::expire;
  if (section == "in_time") body = &TimeoutsProgram::in_time;
  if (section == "reschedule") body = &TimeoutsProgram::reschedule;
  if (section == "past") body = &TimeoutsProgram::past;
  if (section == "nested") body = &TimeoutsProgram::nested;
  if (section == "other_exception") body = &TimeoutsProgram::other_exception;
  if (section == "errors") body = &TimeoutsProgram::errors;
  p.section(section, runtime::native("section", (p.*body)()));
  return p.out;
}

const char* const kTimeoutVersions[] = {"3.11", "3.12", "3.13"};

}  // namespace

TEST_CASE("timeout expiring: TimeoutError chained from the CancelledError - the task's cancel count restored") {
  for (const char* v : kTimeoutVersions) {
    CAPTURE(v);
    CHECK(run_section(v, "expire") ==
          "## expire\n"
          "before enter: <Timeout [created]>\n"
          "entered: <Timeout [active] when=0.1> when=0.1 at time=0.0 tick=1\n"
          "  body finally at time=0.1 tick=3, cancelling=1\n"
          "TimeoutError at time=0.1 tick=3: cause=CancelledError context=CancelledError cause-is-context=True\n"
          "after: <Timeout [expired]> expired=True cancelling=0\n"
          "## end expire: asyncio.run returned at time=0.1, 8 ticks\n");
  }
}

TEST_CASE("timeout not reached: the Timeout ends finished and its timer is gone") {
  for (const char* v : kTimeoutVersions) {
    CAPTURE(v);
    CHECK(run_section(v, "in_time") ==
          "## in_time\n"
          "no timeout: <Timeout [finished]> expired=False at time=0.1 tick=3\n"
          "later at time=0.30000000000000004 tick=5\n"
          "## end in_time: asyncio.run returned at time=0.30000000000000004, 10 ticks\n");
  }
}

TEST_CASE("timeout(None) rescheduled twice fires at the last deadline") {
  for (const char* v : kTimeoutVersions) {
    CAPTURE(v);
    CHECK(run_section(v, "reschedule") ==
          "## reschedule\n"
          "entered: <Timeout [active] when=None>\n"
          "rescheduled: <Timeout [active] when=0.2>\n"
          "TimeoutError at time=0.25 tick=5\n"
          "## end reschedule: asyncio.run returned at time=0.25, 10 ticks\n");
  }
}

TEST_CASE("timeout_at a deadline already past fires on the next loop iteration, at the first await") {
  for (const char* v : kTimeoutVersions) {
    CAPTURE(v);
    CHECK(run_section(v, "past") ==
          "## past\n"
          "entered <Timeout [active] when=-1.0> at time=0.0 tick=1\n"
          "TimeoutError at time=0.0 tick=2\n"
          "## end past: asyncio.run returned at time=0.0, 7 ticks\n");
  }
}

TEST_CASE("nested timeouts: the one that expired, the outer, raises - the inner lets CancelledError through") {
  for (const char* v : kTimeoutVersions) {
    CAPTURE(v);
    CHECK(run_section(v, "nested") ==
          "## nested\n"
          "outer TimeoutError at time=0.1 tick=3: outer.expired=True inner.expired=False\n"
          "## end nested: asyncio.run returned at time=0.1, 8 ticks\n");
  }
}

TEST_CASE("timeout whose body turns the cancellation into ValueError: 3.13 inserts a TimeoutError in its context") {
  const std::string head = "## other_exception\nValueError at time=0.1 tick=3: chain ValueError <- ";
  const std::string tail = "## end other_exception: asyncio.run returned at time=0.1, 8 ticks\n";
  CHECK(run_section("3.11", "other_exception") == head + "CancelledError\n" + tail);
  CHECK(run_section("3.12", "other_exception") == head + "CancelledError\n" + tail);
  CHECK(run_section("3.13", "other_exception") == head + "TimeoutError <- CancelledError\n" + tail);
}

TEST_CASE("Timeout state errors, and no asyncio.timeout before 3.11") {
  for (const char* v : kTimeoutVersions) {
    CAPTURE(v);
    CHECK(run_section(v, "errors") ==
          "## errors\n"
          "reschedule before enter: 'Timeout has not been entered'\n"
          "enter twice: 'Timeout has already been entered'\n"
          "reschedule after exit: 'Cannot change state of finished Timeout'\n"
          "## end errors: asyncio.run returned at time=0.0, 6 ticks\n");
  }
  // CPython 3.10: AttributeError: module 'asyncio' has no attribute 'timeout'
  TimeoutsProgram p("3.10");
  try {
    asyncio::timeout(p.loop, 1.0);
    FAIL("asyncio.timeout must not exist on 3.10");
  } catch (PyError& e) {
    CHECK(OracleRun::type_and_message(e) == "AttributeError(\"module 'asyncio' has no attribute 'timeout'\")");
  }
}
