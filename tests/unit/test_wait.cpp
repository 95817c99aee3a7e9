// asyncio.wait, wait_for and shield, replaying the oracle scripts
// tests/conformance/oracle/w_wait.py, w_wait_for.py and w_shield.py as C++
// programs with the same prints. Every expected text below is what real
// CPython printed for that script and section under the virtual-clock harness
// (python3.X tests/conformance/virtual_clock.py tests/conformance/oracle/w_wait.py SECTION).
#include <catch2/catch.hpp>

#include "model/explore/chooser.hpp"
#include "oracle_program.hpp"

using asim::asyncio::Future;
using asim::asyncio::ReturnWhen;
using asim::asyncio::Task;
using asim::runtime::Coro;
using asim::runtime::PyError;
using asim::runtime::Ref;
using asim::runtime::Value;
namespace asyncio = asim::asyncio;
namespace runtime = asim::runtime;
using asim::testing::indices;
using asim::testing::int_list;
using asim::testing::OracleRun;

namespace {

const char* const kAllVersions[] = {"3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"};

// w_wait.py
struct WaitProgram : OracleRun {
  using OracleRun::OracleRun;

  // async def job(delay, fail=False)
  Coro job(double delay, bool fail) {
    std::optional<PyError> error;
    Value result;
    try {
      co_await asyncio::sleep(loop, delay);
      if (fail) throw this->error(loop.builtins().ValueError, fmt::format("job {} failed", runtime::float_repr(delay)));
      result = Value::str(fmt::format("job {}", runtime::float_repr(delay)));
    } catch (PyError& e) {
      error = std::move(e);
    }
    print(fmt::format("  job({}) finally: {}", runtime::float_repr(delay), at()));
    if (error) throw *error;
    co_return result;
  }

  std::vector<Ref<Future>> start(const std::vector<std::pair<double, bool>>& specs) {
    std::vector<Ref<Future>> tasks;
    for (auto [delay, fail] : specs)
      tasks.push_back(asyncio::ensure_future(loop, Value(runtime::native("job", job(delay, fail)))));
    return tasks;
  }

  // run_wait(): returns the tasks; prints what wait() gave.
  Coro run_wait(std::vector<Ref<Future>>* tasks, std::optional<double> timeout, std::optional<ReturnWhen> when,
                std::string kw) {
    std::vector<Value> fs(tasks->begin(), tasks->end());
    Value r = co_await asyncio::wait(loop, fs, timeout, when.value_or(ReturnWhen::ALL_COMPLETED));
    auto* pair = r.as<runtime::Tuple>();
    const Value done = pair->items[0], pending = pair->items[1];
    print(fmt::format("wait({}) returned at {}: done={} pending={}", kw, at(), int_list(indices(*tasks, done)),
                      int_list(indices(*tasks, pending))));
    print(fmt::format("  types: {} {}", runtime::type_name(done), runtime::type_name(pending)));
    co_return Value::none();
  }

  Coro first_completed() {
    auto tasks = start({{0.3, false}, {0.1, true}, {0.2, false}});
    co_await runtime::native("run_wait", run_wait(&tasks, {}, ReturnWhen::FIRST_COMPLETED,
                                                  "return_when=FIRST_COMPLETED"));
    co_return Value::none();
  }

  Coro first_exception() {
    auto tasks = start({{0.3, false}, {0.2, true}, {0.1, false}});
    co_await runtime::native("run_wait", run_wait(&tasks, {}, ReturnWhen::FIRST_EXCEPTION,
                                                  "return_when=FIRST_EXCEPTION"));
    co_return Value::none();
  }

  Coro all_completed_timeout() {
    auto tasks = start({{0.3, false}, {0.1, false}, {0.2, false}});
    co_await runtime::native("run_wait", run_wait(&tasks, 0.25, {}, "timeout=0.25"));
    Value r = co_await tasks[0];
    print(fmt::format("then await tasks[0] -> {} at {}", runtime::repr(r), at()));
    co_return Value::none();
  }

  Coro all_completed() {
    auto tasks = start({{0.3, false}, {0.1, true}, {0.2, false}});
    co_await runtime::native("run_wait", run_wait(&tasks, {}, {}, ""));
    std::string excs;
    for (auto& t : tasks) excs += (excs.empty() ? "" : ", ") + (t->exception() ? t->exception()->repr() : "None");
    print("  exceptions: [" + excs + "]");
    co_return Value::none();
  }

  static Coro noop() { co_return Value::str("noop"); }

  Coro errors() {
    Ref<Future> fut = loop.create_future();
    fut->set_result(Value::integer(1));
    // (label, fs, return_when); built one by one: g++ 12 cannot keep a
    // braced list's backing array in a coroutine frame.
    std::vector<std::tuple<std::string, Value, Value>> cases;
    cases.emplace_back("empty list", Value(runtime::make<runtime::List>()),
                       asyncio::return_when_value(ReturnWhen::ALL_COMPLETED));
    cases.emplace_back("bad return_when", Value(runtime::make<runtime::List>(std::vector<Value>(1, Value(fut)))),
                       Value::str("bogus"));
    cases.emplace_back("a future", Value(fut), asyncio::return_when_value(ReturnWhen::ALL_COMPLETED));
    for (const auto& [label, fs, return_when] : cases) {
      std::optional<PyError> error;
      try {
        co_await asyncio::wait(loop, fs, {}, return_when);
      } catch (PyError& e) {
        error = std::move(e);
      }
      print(fmt::format("{}: {}", label, type_and_message(*error)));
    }
    auto c = runtime::native("noop", noop());
    std::optional<PyError> error;
    try {
      co_await asyncio::wait(loop, Value(c), {}, asyncio::return_when_value(ReturnWhen::ALL_COMPLETED));
    } catch (PyError& e) {
      error = std::move(e);
    }
    print("a coroutine: " + type_and_message(*error));
    c->close();
    c = runtime::native("noop", noop());
    error.reset();
    Value r;
    try {
      r = co_await asyncio::wait(loop, std::vector<Value>(1, Value(c)));
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) {
      print("list with a coroutine: " + type_and_message(*error));
      c->close();
    } else {
      auto* done = r.as<runtime::Tuple>()->items[0].as<runtime::Set>();
      print(fmt::format("list with a coroutine: done=[{}] at {}",
                        runtime::repr(done->items[0].as<Future>()->result()), at()));
    }
    co_return Value::none();
  }
};

std::string run_wait_section(const char* version, const std::string& section,
                             asim::explore::Chooser* chooser = nullptr) {
  WaitProgram p(version, chooser);
  Coro (WaitProgram::*body)() = nullptr;
  if (section == "first_completed") body = &WaitProgram::first_completed;
  if (section == "first_exception") body = &WaitProgram::first_exception;
  if (section == "all_completed_timeout") body = &WaitProgram::all_completed_timeout;
  if (section == "all_completed") body = &WaitProgram::all_completed;
  if (section == "errors") body = &WaitProgram::errors;
  p.section(section, runtime::native("section", (p.*body)()));
  return p.out;
}

// asyncio.run's total _run_once count: 2 more from 3.9 (shutdown_default_executor).
std::string end_line(const std::string& section, const char* version, const char* time, int ticks_37_38) {
  const bool old = std::string(version) == "3.7" || std::string(version) == "3.8";
  return fmt::format("## end {}: asyncio.run returned at time={}, {} ticks\n", section, time,
                     old ? ticks_37_38 : ticks_37_38 + 2);
}

}  // namespace

TEST_CASE("wait FIRST_COMPLETED returns when the first task ends, here with an exception") {
  // CPython cancels asyncio.run's leftovers in all_tasks() order, which follows
  // addresses: 3.7-3.9, 3.11 and 3.12 printed job(0.2)'s finally first, 3.10
  // and 3.13 job(0.3)'s. asim's default takes creation order (0.3 first); the
  // other order is the alternative at that choice point.
  for (const char* v : kAllVersions) {
    CAPTURE(v);
    const std::string head =
        "## first_completed\n"
        "  job(0.1) finally: time=0.1 tick=4\n"
        "wait(return_when=FIRST_COMPLETED) returned at time=0.1 tick=6: done=[1] pending=[0, 2]\n"
        "  types: set set\n";
    CHECK(run_wait_section(v, "first_completed") == head +
                                                        "  job(0.3) finally: time=0.1 tick=8\n"
                                                        "  job(0.2) finally: time=0.1 tick=8\n" +
                                                        end_line("first_completed", v, "0.1", 12));
    asim::explore::Replay reversed({1});
    CHECK(run_wait_section(v, "first_completed", &reversed) == head +
                                                                   "  job(0.2) finally: time=0.1 tick=8\n"
                                                                   "  job(0.3) finally: time=0.1 tick=8\n" +
                                                                   end_line("first_completed", v, "0.1", 12));
  }
}

TEST_CASE("wait FIRST_EXCEPTION returns at the first exception, with the tasks done by then") {
  for (const char* v : kAllVersions) {
    CAPTURE(v);
    CHECK(run_wait_section(v, "first_exception") ==
          "## first_exception\n"
          "  job(0.1) finally: time=0.1 tick=4\n"
          "  job(0.2) finally: time=0.2 tick=7\n"
          "wait(return_when=FIRST_EXCEPTION) returned at time=0.2 tick=9: done=[1, 2] pending=[0]\n"
          "  types: set set\n"
          "  job(0.3) finally: time=0.2 tick=11\n" +
              end_line("first_exception", v, "0.2", 15));
  }
}

TEST_CASE("wait ALL_COMPLETED with a timeout returns at the timeout and leaves the rest running") {
  for (const char* v : kAllVersions) {
    CAPTURE(v);
    CHECK(run_wait_section(v, "all_completed_timeout") ==
          "## all_completed_timeout\n"
          "  job(0.1) finally: time=0.1 tick=4\n"
          "  job(0.2) finally: time=0.2 tick=7\n"
          "wait(timeout=0.25) returned at time=0.25 tick=10: done=[1, 2] pending=[0]\n"
          "  types: set set\n"
          "  job(0.3) finally: time=0.3 tick=12\n"
          "then await tasks[0] -> 'job 0.3' at time=0.3 tick=13\n" +
              end_line("all_completed_timeout", v, "0.3", 16));
  }
}

TEST_CASE("wait ALL_COMPLETED waits for every task - exceptions stay in the tasks") {
  for (const char* v : kAllVersions) {
    CAPTURE(v);
    CHECK(run_wait_section(v, "all_completed") ==
          "## all_completed\n"
          "  job(0.1) finally: time=0.1 tick=4\n"
          "  job(0.2) finally: time=0.2 tick=7\n"
          "  job(0.3) finally: time=0.3 tick=10\n"
          "wait() returned at time=0.3 tick=12: done=[0, 1, 2] pending=[]\n"
          "  types: set set\n"
          "  exceptions: [None, ValueError('job 0.1 failed'), None]\n" +
              end_line("all_completed", v, "0.3", 15));
  }
}

TEST_CASE("wait argument errors: texts per version - coroutines wrapped up to 3.10, refused from 3.11") {
  const std::string common =
      "bad return_when: ValueError('Invalid return_when value: bogus')\n"
      "a future: TypeError('expect a list of futures, not Future')\n"
      "a coroutine: TypeError('expect a list of futures, not coroutine')\n";
  const std::string legacy = "## errors\nempty list: ValueError('Set of coroutines/Futures is empty.')\n" + common +
                             "list with a coroutine: done=['noop'] at time=0.0 tick=4\n";
  CHECK(run_wait_section("3.7", "errors") == legacy + "## end errors: asyncio.run returned at time=0.0, 7 ticks\n");
  CHECK(run_wait_section("3.8", "errors") == legacy + "## end errors: asyncio.run returned at time=0.0, 7 ticks\n");
  CHECK(run_wait_section("3.9", "errors") == legacy + "## end errors: asyncio.run returned at time=0.0, 9 ticks\n");
  CHECK(run_wait_section("3.10", "errors") == legacy + "## end errors: asyncio.run returned at time=0.0, 9 ticks\n");
  for (const char* v : {"3.11", "3.12", "3.13"}) {
    CAPTURE(v);
    CHECK(run_wait_section(v, "errors") ==
          "## errors\nempty list: ValueError('Set of Tasks/Futures is empty.')\n" + common +
              "list with a coroutine: TypeError('Passing coroutines is forbidden, use tasks explicitly.')\n"
              "## end errors: asyncio.run returned at time=0.0, 6 ticks\n");
  }
}

namespace {

// w_wait_for.py
struct WaitForProgram : OracleRun {
  using OracleRun::OracleRun;

  std::string describe(const PyError& e) const {
    const auto& t = *e.exc->type;
    auto name_of = [](const Ref<runtime::PyException>& x) {
      return x ? runtime::repr(Value::str(x->type->name)) : std::string("None");
    };
    return fmt::format("{}.{} is-builtin-TimeoutError={} cause={} context={}",
                       t.module, t.name, &t == loop.builtins().TimeoutError.get() ? "True" : "False",
                       name_of(e.exc->cause), name_of(e.exc->context));
  }

  // async def work(delay, swallow=False)
  Coro work(double delay, bool swallow) {
    const std::string d = runtime::float_repr(delay);
    print(fmt::format("  work({}) starts in {} ({} tasks) at {}", d, name(asyncio::current_task(loop)),
                      asyncio::all_tasks(loop).size(), at()));
    std::optional<PyError> error;
    Value result;
    try {
      co_await asyncio::sleep(loop, delay);
      result = Value::str("work " + d);
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error && is_cancelled(*error)) {
      print(fmt::format("  work({}) cancelled at {}", d, at()));
      if (swallow) {
        error.reset();
        result = Value::str("swallowed");
      }
    }
    print(fmt::format("  work({}) finally at {}", d, at()));
    if (error) throw *error;
    co_return result;
  }

  Ref<runtime::Coroutine> work_coro(double delay, bool swallow = false) {
    return runtime::native("work", work(delay, swallow));
  }

  Coro timeout() {
    std::optional<PyError> error;
    Value r;
    try {
      r = co_await asyncio::wait_for(loop, Value(work_coro(0.5)), 0.2);
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) print(fmt::format("wait_for raised {} at {}", describe(*error), at()));
    else print("returned " + runtime::repr(r));
    co_return Value::none();
  }

  Coro in_time() {
    Value r = co_await asyncio::wait_for(loop, Value(work_coro(0.1)), 0.2);
    print(fmt::format("wait_for returned {} at {}", runtime::repr(r), at()));
    co_return Value::none();
  }

  Coro zero() {
    std::optional<PyError> error;
    Value r;
    try {
      r = co_await asyncio::wait_for(loop, Value(work_coro(0.1)), 0.0);
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) print(fmt::format("wait_for(.., 0) raised {} at {}", describe(*error), at()));
    else print("returned " + runtime::repr(r));
    co_await asyncio::sleep(loop, 0);
    print("after sleep(0) at " + at());
    co_return Value::none();
  }

  Coro swallow() {
    std::optional<PyError> error;
    Value r;
    try {
      r = co_await asyncio::wait_for(loop, Value(work_coro(0.5, true)), 0.2);
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) print(fmt::format("wait_for raised {} at {}", describe(*error), at()));
    else print(fmt::format("wait_for returned {} at {}", runtime::repr(r), at()));
    co_await asyncio::sleep(loop, 0);
    print("after sleep(0) at " + at());
    co_return Value::none();
  }

  Coro caller() {
    std::optional<PyError> error;
    Value r;
    try {
      r = co_await asyncio::wait_for(loop, Value(work_coro(0.5)), 1.0);
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) {
      if (is_cancelled(*error)) print("  caller sees CancelledError at " + at());
      throw *error;
    }
    co_return r;
  }

  Coro outer_cancel() {
    Ref<Future> t = asyncio::ensure_future(loop, Value(runtime::native("caller", caller())));
    co_await asyncio::sleep(loop, 0.1);
    t->cancel();
    print("cancel() requested at " + at());
    try {
      co_await t;
    } catch (PyError& e) {
      if (!is_cancelled(e)) throw;
    }
    print(fmt::format("caller task cancelled={} at {}", t->cancelled() ? "True" : "False", at()));
    co_return Value::none();
  }
};

std::string run_wait_for_section(const char* version, const std::string& section) {
  WaitForProgram p(version);
  Coro (WaitForProgram::*body)() = nullptr;
  if (section == "timeout") body = &WaitForProgram::timeout;
  if (section == "in_time") body = &WaitForProgram::in_time;
  if (section == "zero") body = &WaitForProgram::zero;
  if (section == "swallow") body = &WaitForProgram::swallow;
  if (section == "outer_cancel") body = &WaitForProgram::outer_cancel;
  p.section(section, runtime::native("section", (p.*body)()));
  return p.out;
}

}  // namespace

TEST_CASE("wait_for timing out: the TimeoutError class, its chaining and its timing per version") {
  // ≤3.11: the coroutine runs in a new task (tick 2); the timer releases the
  // waiter (tick 3), the inner is cancelled (4), finishes (5), _cancel_and_wait
  // returns (6-7). 3.12: inline, so the timeout cancels main itself.
  const std::string legacy_head =
      "## timeout\n"
      "  work(0.5) starts in {} (2 tasks) at time=0.0 tick=2\n"
      "  work(0.5) cancelled at time=0.2 tick=5\n"
      "  work(0.5) finally at time=0.2 tick=5\n";
  auto legacy = [&](const char* name, const char* cls, const char* chain, int ticks) {
    return fmt::format(fmt::runtime(legacy_head), name) +
           fmt::format("wait_for raised {} {} at time=0.2 tick=7\n"
                       "## end timeout: asyncio.run returned at time=0.2, {} ticks\n",
                       cls, chain, ticks);
  };
  const char* plain = "cause=None context=None";
  const char* chained = "cause='CancelledError' context='CancelledError'";
  CHECK(run_wait_for_section("3.7", "timeout") ==
        legacy("?", "concurrent.futures._base.TimeoutError is-builtin-TimeoutError=False", plain, 10));
  CHECK(run_wait_for_section("3.8", "timeout") ==
        legacy("Task-2", "asyncio.exceptions.TimeoutError is-builtin-TimeoutError=False", plain, 10));
  CHECK(run_wait_for_section("3.9", "timeout") ==
        legacy("Task-2", "asyncio.exceptions.TimeoutError is-builtin-TimeoutError=False", chained, 12));
  CHECK(run_wait_for_section("3.10", "timeout") ==
        legacy("Task-2", "asyncio.exceptions.TimeoutError is-builtin-TimeoutError=False", chained, 12));
  CHECK(run_wait_for_section("3.11", "timeout") ==
        legacy("Task-2", "builtins.TimeoutError is-builtin-TimeoutError=True", chained, 12));
  for (const char* v : {"3.12", "3.13"}) {
    CAPTURE(v);
    CHECK(run_wait_for_section(v, "timeout") ==
          "## timeout\n"
          "  work(0.5) starts in Task-1 (1 tasks) at time=0.0 tick=1\n"
          "  work(0.5) cancelled at time=0.2 tick=3\n"
          "  work(0.5) finally at time=0.2 tick=3\n"
          "wait_for raised builtins.TimeoutError is-builtin-TimeoutError=True cause='CancelledError' "
          "context='CancelledError' at time=0.2 tick=3\n"
          "## end timeout: asyncio.run returned at time=0.2, 8 ticks\n");
  }
}

TEST_CASE("wait_for on a coroutine: a new Task up to 3.11, inline in the caller's task from 3.12") {
  CHECK(run_wait_for_section("3.11", "in_time") ==
        "## in_time\n"
        "  work(0.1) starts in Task-2 (2 tasks) at time=0.0 tick=2\n"
        "  work(0.1) finally at time=0.1 tick=4\n"
        "wait_for returned 'work 0.1' at time=0.1 tick=6\n"
        "## end in_time: asyncio.run returned at time=0.1, 11 ticks\n");
  CHECK(run_wait_for_section("3.7", "in_time") ==
        "## in_time\n"
        "  work(0.1) starts in ? (2 tasks) at time=0.0 tick=2\n"
        "  work(0.1) finally at time=0.1 tick=4\n"
        "wait_for returned 'work 0.1' at time=0.1 tick=6\n"
        "## end in_time: asyncio.run returned at time=0.1, 9 ticks\n");
  for (const char* v : {"3.12", "3.13"}) {
    CAPTURE(v);
    CHECK(run_wait_for_section(v, "in_time") ==
          "## in_time\n"
          "  work(0.1) starts in Task-1 (1 tasks) at time=0.0 tick=1\n"
          "  work(0.1) finally at time=0.1 tick=3\n"
          "wait_for returned 'work 0.1' at time=0.1 tick=3\n"
          "## end in_time: asyncio.run returned at time=0.1, 8 ticks\n");
  }
}

TEST_CASE("wait_for with timeout 0: the coroutine never starts - 3.7 raises at once, later versions wait") {
  CHECK(run_wait_for_section("3.7", "zero") ==
        "## zero\n"
        "wait_for(.., 0) raised concurrent.futures._base.TimeoutError is-builtin-TimeoutError=False cause=None "
        "context=None at time=0.0 tick=1\n"
        "after sleep(0) at time=0.0 tick=2\n"
        "## end zero: asyncio.run returned at time=0.0, 5 ticks\n");
  CHECK(run_wait_for_section("3.8", "zero") ==
        "## zero\n"
        "wait_for(.., 0) raised asyncio.exceptions.TimeoutError is-builtin-TimeoutError=False "
        "cause='CancelledError' context='CancelledError' at time=0.0 tick=4\n"
        "after sleep(0) at time=0.0 tick=5\n"
        "## end zero: asyncio.run returned at time=0.0, 8 ticks\n");
  for (const char* v : {"3.11", "3.12", "3.13"}) {
    CAPTURE(v);
    CHECK(run_wait_for_section(v, "zero") ==
          "## zero\n"
          "wait_for(.., 0) raised builtins.TimeoutError is-builtin-TimeoutError=True cause='CancelledError' "
          "context='CancelledError' at time=0.0 tick=4\n"
          "after sleep(0) at time=0.0 tick=5\n"
          "## end zero: asyncio.run returned at time=0.0, 10 ticks\n");
  }
}

TEST_CASE("wait_for whose inner swallows the cancellation: TimeoutError on 3.7-3.8, its result from 3.9") {
  const std::string legacy_head =
      "## swallow\n"
      "  work(0.5) starts in Task-2 (2 tasks) at time=0.0 tick=2\n"
      "  work(0.5) cancelled at time=0.2 tick=5\n"
      "  work(0.5) finally at time=0.2 tick=5\n";
  CHECK(run_wait_for_section("3.8", "swallow") ==
        legacy_head +
            "wait_for raised asyncio.exceptions.TimeoutError is-builtin-TimeoutError=False cause=None context=None "
            "at time=0.2 tick=7\n"
            "after sleep(0) at time=0.2 tick=8\n"
            "## end swallow: asyncio.run returned at time=0.2, 11 ticks\n");
  CHECK(run_wait_for_section("3.10", "swallow") ==
        legacy_head +
            "wait_for returned 'swallowed' at time=0.2 tick=7\n"
            "after sleep(0) at time=0.2 tick=8\n"
            "## end swallow: asyncio.run returned at time=0.2, 13 ticks\n");
  CHECK(run_wait_for_section("3.12", "swallow") ==
        "## swallow\n"
        "  work(0.5) starts in Task-1 (1 tasks) at time=0.0 tick=1\n"
        "  work(0.5) cancelled at time=0.2 tick=3\n"
        "  work(0.5) finally at time=0.2 tick=3\n"
        "wait_for returned 'swallowed' at time=0.2 tick=3\n"
        "after sleep(0) at time=0.2 tick=4\n"
        "## end swallow: asyncio.run returned at time=0.2, 9 ticks\n");
}

TEST_CASE("wait_for's caller cancelled: 3.7 does not wait for the inner - 3.8-3.11 do - 3.12 is one task") {
  CHECK(run_wait_for_section("3.7", "outer_cancel") ==
        "## outer_cancel\n"
        "  work(0.5) starts in ? (3 tasks) at time=0.0 tick=3\n"
        "cancel() requested at time=0.1 tick=5\n"
        "  caller sees CancelledError at time=0.1 tick=6\n"
        "  work(0.5) cancelled at time=0.1 tick=7\n"
        "  work(0.5) finally at time=0.1 tick=7\n"
        "caller task cancelled=True at time=0.1 tick=7\n"
        "## end outer_cancel: asyncio.run returned at time=0.1, 10 ticks\n");
  CHECK(run_wait_for_section("3.11", "outer_cancel") ==
        "## outer_cancel\n"
        "  work(0.5) starts in Task-3 (3 tasks) at time=0.0 tick=3\n"
        "cancel() requested at time=0.1 tick=5\n"
        "  work(0.5) cancelled at time=0.1 tick=7\n"
        "  work(0.5) finally at time=0.1 tick=7\n"
        "  caller sees CancelledError at time=0.1 tick=9\n"
        "caller task cancelled=True at time=0.1 tick=10\n"
        "## end outer_cancel: asyncio.run returned at time=0.1, 15 ticks\n");
  CHECK(run_wait_for_section("3.13", "outer_cancel") ==
        "## outer_cancel\n"
        "  work(0.5) starts in Task-2 (2 tasks) at time=0.0 tick=2\n"
        "cancel() requested at time=0.1 tick=4\n"
        "  work(0.5) cancelled at time=0.1 tick=5\n"
        "  work(0.5) finally at time=0.1 tick=5\n"
        "  caller sees CancelledError at time=0.1 tick=5\n"
        "caller task cancelled=True at time=0.1 tick=6\n"
        "## end outer_cancel: asyncio.run returned at time=0.1, 11 ticks\n");
}

namespace {

// w_shield.py
struct ShieldProgram : OracleRun {
  using OracleRun::OracleRun;

  Coro work(double delay) {
    std::optional<PyError> error;
    try {
      co_await asyncio::sleep(loop, delay);
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) {
      if (is_cancelled(*error)) print(fmt::format("  work({}) cancelled at {}", runtime::float_repr(delay), at()));
      throw *error;
    }
    print(fmt::format("  work({}) done at {}", runtime::float_repr(delay), at()));
    co_return Value::str("work " + runtime::float_repr(delay));
  }

  Coro caller(Ref<Future> inner) {
    std::optional<PyError> error;
    Value r;
    try {
      r = co_await asyncio::shield(loop, Value(inner));
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) {
      if (is_cancelled(*error)) print("  caller sees CancelledError at " + at());
      throw *error;
    }
    co_return r;
  }

  Coro protect() {
    Ref<Future> inner = asyncio::ensure_future(loop, Value(runtime::native("work", work(0.3))));
    Ref<Future> t = asyncio::ensure_future(loop, Value(runtime::native("caller", caller(inner))));
    co_await asyncio::sleep(loop, 0.1);
    t->cancel();
    try {
      co_await t;
    } catch (PyError& e) {
      if (!is_cancelled(e)) throw;
    }
    print(fmt::format("caller cancelled={} at {}; inner done={}", t->cancelled() ? "True" : "False", at(),
                      inner->done() ? "True" : "False"));
    Value r = co_await inner;
    print(fmt::format("inner -> {} at {}", runtime::repr(r), at()));
    co_return Value::none();
  }

  Coro inner_cancelled() {
    Ref<Future> inner = asyncio::ensure_future(loop, Value(runtime::native("work", work(0.3))));
    Ref<Future> outer = asyncio::shield(loop, Value(inner));
    co_await asyncio::sleep(loop, 0.1);
    inner->cancel();
    try {
      co_await outer;
    } catch (PyError& e) {
      if (!is_cancelled(e)) throw;
    }
    print(fmt::format("outer cancelled={} at {}", outer->cancelled() ? "True" : "False", at()));
    co_return Value::none();
  }

  Coro shortcut() {
    Ref<Future> fut = loop.create_future();
    fut->set_result(Value::integer(7));
    print(fmt::format("shield(done future) is the future: {}",
                      asyncio::shield(loop, Value(fut)).get() == fut.get() ? "True" : "False"));
    Value r = co_await asyncio::shield(loop, Value(runtime::native("work", work(0.1))));
    print(fmt::format("shield(coroutine) -> {} at {}", runtime::repr(r), at()));
    co_return Value::none();
  }
};

}  // namespace

TEST_CASE("shield: cancelling the caller leaves the inner task running - cancelling the inner reaches outer") {
  for (const char* v : kAllVersions) {
    CAPTURE(v);
    const bool old = std::string(v) == "3.7" || std::string(v) == "3.8";
    std::string out;
    for (auto [name, body] : {std::pair{"protect", &ShieldProgram::protect},
                              std::pair{"inner_cancelled", &ShieldProgram::inner_cancelled},
                              std::pair{"shortcut", &ShieldProgram::shortcut}}) {
      ShieldProgram p(v);
      p.section(name, runtime::native("section", (p.*body)()));
      out += p.out;
    }
    CHECK(out == fmt::format("## protect\n"
                               "  caller sees CancelledError at time=0.1 tick=5\n"
                               "caller cancelled=True at time=0.1 tick=6; inner done=False\n"
                               "  work(0.3) done at time=0.3 tick=8\n"
                               "inner -> 'work 0.3' at time=0.3 tick=9\n"
                               "## end protect: asyncio.run returned at time=0.3, {} ticks\n"
                               "## inner_cancelled\n"
                               "  work(0.3) cancelled at time=0.1 tick=5\n"
                               "outer cancelled=True at time=0.1 tick=7\n"
                               "## end inner_cancelled: asyncio.run returned at time=0.1, {} ticks\n"
                               "## shortcut\n"
                               "shield(done future) is the future: True\n"
                               "  work(0.1) done at time=0.1 tick=4\n"
                               "shield(coroutine) -> 'work 0.1' at time=0.1 tick=6\n"
                               "## end shortcut: asyncio.run returned at time=0.1, {} ticks\n",
                               old ? 12 : 14, old ? 10 : 12, old ? 9 : 11));
  }
}
