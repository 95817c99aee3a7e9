// futures.py and tasks.py: Future states and errors, done-callbacks, Task
// cancellation, names, the exception classes per version, sleep(0), the
// eager task factory. Expected values come from real CPython through
// tests/conformance/virtual_clock.py; each test names its oracle script.
#include <catch2/catch.hpp>

#include <optional>

#include "tests/unit/support.hpp"

using namespace asim::test;
using asim::runtime::float_repr;

namespace {

Coro noop() {
  co_return Value::none();
}

Ref<asim::runtime::Coroutine> noop_coro() {
  return asim::runtime::native("noop", noop());
}

// ------------------------------------- l_futures_tasks.py, futures_part()

struct FuturesPart {
  std::string pending_result, pending_exception, set_result_twice, set_exception_after_result,
      cancelled_set_result, cancelled_result;
  bool cancel_done = true;
  std::size_t removed = 99, removed_again = 99, removed_never_added = 99;
  std::uint64_t tick_at_set_result = 0;
  std::vector<std::string> ran_right_after_set_result, ran_after_late_add;
  std::uint64_t tick_after_sleep = 0;
  std::vector<std::string> ran_after_sleep;  // "tag tick"
};

Coro futures_part(EventLoop& loop, FuturesPart* out) {
  auto f = loop.create_future();
  out->pending_result = error_of([&] { f->result(); });
  out->pending_exception = error_of([&] { f->exception(); });
  f->set_result(Value::integer(1));
  out->set_result_twice = error_of([&] { f->set_result(Value::integer(2)); });
  out->set_exception_after_result = error_of(
      [&] { f->set_exception(asim::runtime::new_exception(loop.builtins().ValueError, "x")); });
  auto g = loop.create_future();
  g->cancel();
  out->cancelled_set_result = error_of([&] { g->set_result(Value::integer(2)); });
  out->cancelled_result = error_of([&] { g->result(); });
  out->cancel_done = f->cancel();

  std::vector<std::string> log;
  auto cb = [&](std::string name) {
    return callback(name, [&log, &loop, name](std::span<const Value>) {
      log.push_back(name + " " + std::to_string(loop.tick()));
    });
  };
  auto h = loop.create_future();
  auto a = cb("a"), b = cb("b"), c = cb("c");
  h->add_done_callback(b);
  h->add_done_callback(a);
  h->add_done_callback(c);
  h->add_done_callback(a);
  h->add_done_callback(b);
  out->removed = h->remove_done_callback(*a);
  out->removed_again = h->remove_done_callback(*a);
  out->removed_never_added = h->remove_done_callback(*cb("z"));
  out->tick_at_set_result = loop.tick();
  h->set_result(Value::none());
  out->ran_right_after_set_result = log;
  h->add_done_callback(cb("late"));
  out->ran_after_late_add = log;
  co_await asim::asyncio::sleep(loop, 0);
  out->tick_after_sleep = loop.tick();
  out->ran_after_sleep = log;
  co_return Value::none();
}

}  // namespace

TEST_CASE("futures: InvalidStateError and CancelledError texts of the C Future") {
  // oracle l_futures_tasks.py (identical on 3.7-3.13; asyncio.Future is _asyncio.Future):
  //   pending result(): InvalidStateError('Result is not set.')
  //   pending exception(): InvalidStateError('Exception is not set.')
  //   set_result twice / set_exception after result / set_result when cancelled: InvalidStateError('invalid state')
  //   cancelled result(): CancelledError('')      cancel() of done future -> False
  for (auto version : {"3.7", "3.8", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    FuturesPart p;
    w.run(futures_part(w.loop, &p));
    CHECK(p.pending_result == "InvalidStateError('Result is not set.')");
    CHECK(p.pending_exception == "InvalidStateError('Exception is not set.')");
    CHECK(p.set_result_twice == "InvalidStateError('invalid state')");
    CHECK(p.set_exception_after_result == "InvalidStateError('invalid state')");
    CHECK(p.cancelled_set_result == "InvalidStateError('invalid state')");
    CHECK(p.cancelled_result == "CancelledError('')");
    CHECK_FALSE(p.cancel_done);
  }
}

TEST_CASE("futures: done callbacks are scheduled with call_soon in registration order, never inline") {
  // oracle l_futures_tasks.py: callbacks added b, a, c, a, b;
  //   remove_done_callback(a) -> 2, again -> 0, never-added -> 0
  //   right after set_result (tick 1): ran []; add_done_callback on a done future: ran inline? False
  //   after sleep(0): tick 2, ran [('b', 2), ('c', 2), ('b', 2), ('late', 2)]
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    FuturesPart p;
    w.run(futures_part(w.loop, &p));
    CHECK(p.removed == 2);
    CHECK(p.removed_again == 0);
    CHECK(p.removed_never_added == 0);
    CHECK(p.tick_at_set_result == 1);
    CHECK(p.ran_right_after_set_result.empty());
    CHECK(p.ran_after_late_add.empty());
    CHECK(p.tick_after_sleep == 2);
    CHECK(p.ran_after_sleep == std::vector<std::string>{"b 2", "c 2", "b 2", "late 2"});
  }
}

namespace {

// ------------------------------------- l_futures_tasks.py, tasks_part()

Coro worker(EventLoop& loop, std::vector<std::string>* log) {
  log->push_back(fmt::format("worker started tick {}", loop.tick()));
  std::optional<PyError> error;
  try {
    co_await asim::asyncio::sleep(loop, 1.0);
    log->push_back("not reached");
  } catch (PyError& e) {
    error = e;
  }
  if (error && error->exc->isinstance(loop.exceptions().CancelledError.get()))
    log->push_back(fmt::format("CancelledError inside (args {}) at {} tick {}",
                               error->exc->args.empty() ? "()" : "?", float_repr(loop.time()), loop.tick()));
  log->push_back(fmt::format("finally at {} tick {}", float_repr(loop.time()), loop.tick()));
  if (error) throw *error;
  co_return Value::none();
}

Coro never(std::vector<std::string>* log) {
  log->push_back("never: body ran");
  co_return Value::none();
}

struct TasksPart {
  bool cancel_result = false, done_right_after = true, cancelled_right_after = true;
  std::uint64_t cancel_tick = 0;
  Outcome await_t;
  std::vector<std::string> worker_log;
  bool t_cancelled = false, cancel_again = true;
  bool u_cancel = false;
  std::uint64_t u_cancel_tick = 0;
  Outcome await_u;
  std::vector<std::string> never_log;
  bool u_cancelled = false;
};

Coro tasks_part(EventLoop& loop, TasksPart* out) {
  auto t = asim::asyncio::create_task(loop, asim::runtime::native("worker", worker(loop, &out->worker_log)));
  co_await asim::asyncio::sleep(loop, 0.5);
  out->cancel_result = t->cancel();
  out->cancel_tick = loop.tick();
  out->done_right_after = t->done();
  out->cancelled_right_after = t->cancelled();
  co_await captured(loop, Value(t), &out->await_t);
  out->t_cancelled = t->cancelled();
  out->cancel_again = t->cancel();

  auto u = asim::asyncio::create_task(loop, asim::runtime::native("never", never(&out->never_log)));
  out->u_cancel = u->cancel();
  out->u_cancel_tick = loop.tick();
  co_await captured(loop, Value(u), &out->await_u);
  out->u_cancelled = u->cancelled();
  co_return Value::none();
}

}  // namespace

TEST_CASE("tasks: cancel() of a task sleeping throws CancelledError into it - its finally runs") {
  // oracle l_futures_tasks.py (identical on 3.7-3.13):
  //   cancel() -> True at tick 4 | done right after: False | cancelled right after: False
  //   await t -> CancelledError at 0.5 tick 6
  //   worker log: ['worker started tick 2', 'CancelledError inside (args ()) at 0.5 tick 5',
  //                'finally at 0.5 tick 5']
  //   t.cancelled(): True cancel() again -> False
  for (auto version : {"3.7", "3.8", "3.11", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    TasksPart p;
    w.run(tasks_part(w.loop, &p));
    CHECK(p.cancel_result);
    CHECK(p.cancel_tick == 4);
    CHECK_FALSE(p.done_right_after);
    CHECK_FALSE(p.cancelled_right_after);
    CHECK(p.await_t == outcome("CancelledError('')", "0.5", 6));
    CHECK(p.worker_log == std::vector<std::string>{"worker started tick 2",
                                                   "CancelledError inside (args ()) at 0.5 tick 5",
                                                   "finally at 0.5 tick 5"});
    CHECK(p.t_cancelled);
    CHECK_FALSE(p.cancel_again);
  }
}

TEST_CASE("tasks: a task cancelled before its first step never runs its body") {
  // oracle l_futures_tasks.py: cancel before first step -> True tick 6;
  //   await u -> CancelledError at tick 8; body ran: []; cancelled: True
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    TasksPart p;
    w.run(tasks_part(w.loop, &p));
    CHECK(p.u_cancel);
    CHECK(p.u_cancel_tick == 6);
    CHECK(p.await_u.tick == 8);
    CHECK(p.await_u.exc);
    CHECK(p.await_u.exc->isinstance(w.loop.exceptions().CancelledError.get()));
    CHECK(p.never_log.empty());
    CHECK(p.u_cancelled);
    CHECK(w.warnings.empty());  // closed by the throw, so not "never awaited"
  }
}

namespace {

// ------------------------------------------------------ h_task_names.py

struct Names {
  std::string main, custom, after_custom, via_loop, after_via_loop, ctor, after_ctor, ensured, after_gather,
      renamed, second_main;
  std::vector<std::string> three;
};

Coro names_main(EventLoop& loop, Names* out) {
  using asim::asyncio::create_task;
  out->main = asim::asyncio::current_task(loop)->get_name();
  for (int i = 0; i < 3; ++i) out->three.push_back(create_task(loop, noop_coro())->get_name());
  out->custom = create_task(loop, noop_coro(), "custom")->get_name();
  out->after_custom = create_task(loop, noop_coro())->get_name();
  out->via_loop = loop.create_task(noop_coro(), "viaLoop")->get_name();
  out->after_via_loop = create_task(loop, noop_coro())->get_name();
  out->ctor = asim::runtime::make<Task>(noop_coro(), &loop, std::string("ctor"), false)->get_name();
  out->after_ctor = create_task(loop, noop_coro())->get_name();
  out->ensured = asim::runtime::ref_cast<Task>(asim::asyncio::ensure_future(loop, Value(noop_coro())))->get_name();
  auto g = asim::asyncio::gather(loop, {Value(noop_coro()), Value(noop_coro())});
  out->after_gather = create_task(loop, noop_coro())->get_name();
  auto t = create_task(loop, noop_coro());
  t->set_name("42");
  out->renamed = t->get_name();
  co_await asim::asyncio::sleep(loop, 0);
  co_await g;
  co_return Value::none();
}

Coro second_main(EventLoop& loop, Names* out) {
  out->second_main = asim::asyncio::current_task(loop)->get_name();
  co_return Value::none();
}

Names run_names(std::string_view version) {
  World w(version);
  Names n;
  w.run(names_main(w.loop, &n));
  // The counter is process-global in CPython: a second asyncio.run, on a new
  // loop of the same process, continues it.
  EventLoop second(asim::asyncio::profile(version), nullptr, nullptr, {}, w.loop.process());
  asim::asyncio::run(second, asim::runtime::native("main", second_main(second, &n)));
  return n;
}

}  // namespace

TEST_CASE("tasks: Task-N names count from the main task, Task-1 - who uses up a number, per version") {
  // oracle h_task_names.py, oracle_notes.md (h).
  // 3.12: main Task-1; 3 unnamed Task-2..4; create_task(name="custom") -> custom, next Task-6;
  //   loop.create_task(name=) -> next Task-7; asyncio.Task(name=) -> next Task-8; ensure_future -> Task-9;
  //   gather(2 coros) -> next create_task Task-12; set_name(42) -> '42'; second asyncio.run main Task-16.
  // 3.13: the same, but create_task(name=) takes no number: Task-5, -6, -7, -8, -11, second main Task-15.
  // 3.8: as 3.12, but asyncio.run has no shutdown_default_executor task: second main Task-15.
  struct Expected {
    const char* version;
    const char* after_custom;
    const char* after_via_loop;
    const char* after_ctor;
    const char* ensured;
    const char* after_gather;
    const char* second_main;
  };
  for (const auto& e : {Expected{"3.8", "Task-6", "Task-7", "Task-8", "Task-9", "Task-12", "Task-15"},
                        Expected{"3.12", "Task-6", "Task-7", "Task-8", "Task-9", "Task-12", "Task-16"},
                        Expected{"3.13", "Task-5", "Task-6", "Task-7", "Task-8", "Task-11", "Task-15"}}) {
    INFO(e.version);
    const auto n = run_names(e.version);
    CHECK(n.main == "Task-1");
    CHECK(n.three == std::vector<std::string>{"Task-2", "Task-3", "Task-4"});
    CHECK(n.custom == "custom");
    CHECK(n.after_custom == e.after_custom);
    CHECK(n.via_loop == "viaLoop");
    CHECK(n.after_via_loop == e.after_via_loop);
    CHECK(n.ctor == "ctor");
    CHECK(n.after_ctor == e.after_ctor);
    CHECK(n.ensured == e.ensured);
    CHECK(n.after_gather == e.after_gather);
    CHECK(n.renamed == "42");
    CHECK(n.second_main == e.second_main);
  }
}

TEST_CASE("exceptions: CancelledError is an Exception only in 3.7 - asyncio.TimeoutError is TimeoutError from 3.11") {
  // oracle g_exceptions.py, oracle_notes.md (g):
  //   issubclass(CancelledError, Exception): True on 3.7, False on 3.8-3.13 (always a BaseException)
  //   asyncio.TimeoutError is TimeoutError / issubclass(asyncio.TimeoutError, TimeoutError):
  //     False on 3.7-3.10, True on 3.11-3.13
  //   3.7: CancelledError, TimeoutError and InvalidStateError all derive from concurrent.futures._base.Error
  for (const auto& p : asim::asyncio::all_profiles()) {
    INFO(p.label);
    // The profile table says it...
    using asim::asyncio::ExceptionBase;
    CHECK(p.cancelled_error.base == (p.minor == 7 ? ExceptionBase::FuturesError : ExceptionBase::BaseException));
    CHECK((p.timeout_error.base == ExceptionBase::BuiltinTimeoutError) == (p.minor >= 11));
    // ...and the classes built from it behave so.
    World w(p.label);
    const auto& b = w.loop.builtins();
    const auto& x = w.loop.exceptions();
    CHECK(x.CancelledError->is_subclass_of(b.Exception.get()) == (p.minor == 7));
    CHECK(x.CancelledError->is_subclass_of(b.BaseException.get()));
    CHECK((x.TimeoutError == b.TimeoutError) == (p.minor >= 11));
    CHECK(x.TimeoutError->is_subclass_of(b.TimeoutError.get()) == (p.minor >= 11));
    CHECK(x.TimeoutError->is_subclass_of(b.Exception.get()));
    CHECK(x.InvalidStateError->is_subclass_of(b.Exception.get()));
    const char* base = p.minor == 7 ? "concurrent.futures._base.Error" : "Exception";
    CHECK(x.InvalidStateError->base->qualified_name() == base);
    if (p.minor == 7) CHECK(x.CancelledError->base->qualified_name() == base);
    CHECK(x.QueueEmpty->base->qualified_name() == "Exception");
  }
}

namespace {

// n_traceback_names.py cancelled_main(): an uncaught CancelledError out of asyncio.run.
Coro cancelled_main(EventLoop& loop) {
  auto t = asim::asyncio::ensure_future(loop, Value(asim::asyncio::sleep(loop, 1)));
  co_await asim::asyncio::sleep(loop, 0);
  t->cancel();
  co_await t;
  co_return Value::none();
}

}  // namespace

TEST_CASE("exceptions: the names tracebacks print, per version") {
  // oracle n_traceback_names.py (traceback.format_exception_only and an uncaught CancelledError):
  //   3.7:      concurrent.futures._base.CancelledError, concurrent.futures._base.TimeoutError,
  //             asyncio.base_futures.InvalidStateError, asyncio.queues.QueueEmpty
  //   3.8-3.10: asyncio.exceptions.CancelledError, asyncio.exceptions.TimeoutError,
  //             asyncio.exceptions.InvalidStateError, asyncio.queues.QueueEmpty
  //   3.11+:    asyncio.exceptions.CancelledError, TimeoutError, asyncio.exceptions.InvalidStateError, ...
  for (const auto& p : asim::asyncio::all_profiles()) {
    INFO(p.label);
    World w(p.label);
    const auto& x = w.loop.exceptions();
    const std::string cancelled =
        p.minor == 7 ? "concurrent.futures._base.CancelledError" : "asyncio.exceptions.CancelledError";
    const std::string timeout = p.minor == 7    ? "concurrent.futures._base.TimeoutError"
                                : p.minor <= 10 ? "asyncio.exceptions.TimeoutError"
                                                : "TimeoutError";
    const std::string invalid =
        p.minor == 7 ? "asyncio.base_futures.InvalidStateError" : "asyncio.exceptions.InvalidStateError";
    CHECK(x.CancelledError->qualified_name() == cancelled);
    CHECK(x.TimeoutError->qualified_name() == timeout);
    CHECK(x.InvalidStateError->qualified_name() == invalid);
    CHECK(x.QueueEmpty->qualified_name() == "asyncio.queues.QueueEmpty");
    // "uncaught from cancelled_main: <name>"
    std::string uncaught = "nothing raised";
    try {
      w.run(cancelled_main(w.loop));
    } catch (PyError& e) {
      uncaught = e.exc->type->qualified_name();
    }
    CHECK(uncaught == cancelled);
  }
}

namespace {

Coro sleep0_main(EventLoop& loop, std::vector<std::uint64_t>* ticks, std::string* time0, std::string* time1) {
  ticks->push_back(loop.tick());
  for (int i = 0; i < 3; ++i) {
    co_await asim::asyncio::sleep(loop, 0);
    ticks->push_back(loop.tick());
  }
  *time0 = float_repr(loop.time());
  co_await asim::asyncio::sleep(loop, 0.01);
  ticks->push_back(loop.tick());
  *time1 = float_repr(loop.time());
  co_return Value::none();
}

}  // namespace

TEST_CASE("tasks: sleep(0) yields exactly one loop iteration - sleep(d) takes two") {
  // oracle k_loop_basics.py §5 (3.7-3.13): sleep(0) ticks: [1, 2, 3, 4] time 0.0;
  //   then sleep(0.01): tick 6 time 0.01
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    std::vector<std::uint64_t> ticks;
    std::string t0, t1;
    w.run(sleep0_main(w.loop, &ticks, &t0, &t1));
    CHECK(ticks == std::vector<std::uint64_t>{1, 2, 3, 4, 6});
    CHECK(t0 == "0.0");
    CHECK(t1 == "0.01");
  }
}

namespace {

// ----------------------------------------------------- i_eager_factory.py

Coro eager_child(EventLoop& loop, std::vector<std::string>* log) {
  log->push_back(fmt::format("start A tick {} time {} current_task is child: {}", loop.tick(),
                             float_repr(loop.time()), asim::asyncio::current_task(loop)->get_name()));
  co_await asim::asyncio::sleep(loop, 0);
  log->push_back(fmt::format("after sleep(0) A tick {}", loop.tick()));
  co_return Value::str("A");
}

Coro quick() {
  co_return Value::str("quick-result");
}

Coro eager_main(EventLoop& loop, std::vector<std::string>* log) {
  loop.set_eager_task_factory(true);
  log->push_back(fmt::format("main at tick {}", loop.tick()));
  auto t = asim::asyncio::create_task(loop, asim::runtime::native("child", eager_child(loop, log)));
  log->push_back(fmt::format("create_task returned; tick {} done: {} name: '{}'", loop.tick(),
                             t->done() ? "True" : "False", t->get_name()));
  auto q = asim::asyncio::create_task(loop, asim::runtime::native("quick", quick()));
  bool in_all = false;
  for (auto& x : asim::asyncio::all_tasks(loop)) in_all = in_all || x.get() == q.get();
  log->push_back(fmt::format("eager task finishing synchronously: done right after create_task: {} result: {} "
                             "in all_tasks: {} name: '{}'",
                             q->done() ? "True" : "False", q->done() ? asim::runtime::str(q->result()) : "None",
                             in_all ? "True" : "False", q->get_name()));
  Value r = co_await t;
  log->push_back(fmt::format("await t -> {} tick {}", asim::runtime::str(r), loop.tick()));
  log->push_back("main task name: " + asim::asyncio::current_task(loop)->get_name());
  co_return Value::none();
}

}  // namespace

TEST_CASE("tasks: with the eager task factory (3.12) the first step runs inside create_task") {
  // oracle i_eager_factory.py, python3.12 output, line for line. The child calls
  // asyncio.current_task() during its eager first step, while the Task is still
  // being constructed: a regression test for a use-after-free (the task had no
  // reference yet, so the temporary Ref that current_task() returns freed it).
  World w("3.12");
  std::vector<std::string> log;
  w.run(eager_main(w.loop, &log));
  CHECK(log == std::vector<std::string>{
                   "main at tick 1",
                   "start A tick 1 time 0.0 current_task is child: Task-2",
                   "create_task returned; tick 1 done: False name: 'Task-2'",
                   "eager task finishing synchronously: done right after create_task: True result: quick-result "
                   "in all_tasks: False name: 'Task-3'",
                   "after sleep(0) A tick 2",
                   "await t -> A tick 3",
                   "main task name: Task-1",
               });
}
