// as_completed, both designs (tasks.py): the legacy generator (3.7-3.12) and
// _AsCompletedIterator (3.13). Expected values come from real CPython through
// tests/conformance/virtual_clock.py; each test names its oracle script.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/unit/support.hpp"

using namespace asim::test;
using asim::runtime::float_repr;

namespace {

asim::runtime::Iterator& as_iterator(const Value& v) {
  auto* it = dynamic_cast<asim::runtime::Iterator*>(v.object());
  REQUIRE(it);
  return *it;
}

// Brace-initialised vectors are built in plain functions: inside a coroutine
// body g++ 12 rejects some initializer lists ("array used as initializer").
std::vector<Ref<Task>> start_fetches(EventLoop& loop, bool fail_second, std::vector<std::string>* log = nullptr) {
  return {asim::asyncio::create_task(loop, fetch(loop, 0.3, false, log)),
          asim::asyncio::create_task(loop, fetch(loop, 0.1, fail_second, log)),
          asim::asyncio::create_task(loop, fetch(loop, 0.2, false, log))};
}

Ref<asim::runtime::List> list_of_values(Value a, Value b, Value c = {}, Value d = {}) {
  std::vector<Value> items{std::move(a), std::move(b)};
  if (!c.is_none()) items.push_back(std::move(c));
  if (!d.is_none()) items.push_back(std::move(d));
  return list_of(items);
}

std::vector<Value> pair_of(const Value& a, const Value& b) {
  return {a, b};
}

// ------------------------------------------------------------- b_seed.py

struct Seed {
  std::uint64_t main_first_tick = 0;
  std::string item_type, item_qualname;
  std::vector<Outcome> results;
  std::vector<std::size_t> identity;  // A: the index i with `t is tasks[i]`
  std::uint64_t main_returns_tick = 0;
  std::vector<std::string> log;
};

Coro seed_main(EventLoop& loop, Seed* out, bool async_for) {
  out->main_first_tick = loop.tick();
  auto tasks = start_fetches(loop, true, &out->log);
  Value it = asim::asyncio::as_completed(loop, Value(list_of(tasks)));
  if (!async_for) {
    while (auto item = as_iterator(it).next()) {
      if (out->item_type.empty()) {
        out->item_type = asim::runtime::type_name(*item);
        out->item_qualname = std::string(item->as<asim::runtime::Coroutine>()->qualname);
      }
      Outcome o;
      co_await captured(loop, *item, &o);
      out->results.push_back(o);
    }
  } else {
    auto* ait = dynamic_cast<asim::runtime::AsyncIterator*>(it.object());
    for (;;) {
      Outcome o;
      co_await captured(loop, Value(ait->anext()), &o);
      if (o.exc && o.exc->isinstance(loop.builtins().StopAsyncIteration.get())) break;
      auto* t = o.value.as<Task>();
      std::size_t i = 0;
      while (i < tasks.size() && tasks[i].get() != t) ++i;
      out->identity.push_back(i);
      o.what = t->exception() ? describe(t->exception()) : asim::runtime::repr(t->result());
      out->results.push_back(o);
    }
  }
  out->main_returns_tick = loop.tick();
  co_return Value::none();
}

}  // namespace

TEST_CASE("as_completed seed: results reach the consumer at ticks 6, 10, 14 - the first task starts in tick 2") {
  // oracle b_seed.py L (3.7-3.13) and A (3.13), oracle_notes.md (b):
  //   main first step: tick 1 time 0.0
  //   got ValueError('fetch 0.1 failed') at time 0.1 tick 6; 'result 0.2' at 0.2 tick 10; 'result 0.3' at 0.3 tick 14
  //   main returns at tick 14; first fetch step: delay 0.3 tick 2 time 0.0
  //   total _run_once calls: 17 on 3.7/3.8, 19 on 3.9+
  const std::vector<Outcome> expected{outcome("ValueError('fetch 0.1 failed')", "0.1", 6),
                                      outcome("'result 0.2'", "0.2", 10), outcome("'result 0.3'", "0.3", 14)};
  for (const auto& p : asim::asyncio::all_profiles()) {
    for (bool async_for : {false, true}) {
      if (async_for && p.as_completed_design != asim::asyncio::AsCompletedDesign::AsyncIterator) continue;
      INFO(p.label << (async_for ? " async for" : " plain for"));
      World w(p.label);
      Seed s;
      w.run(seed_main(w.loop, &s, async_for));
      CHECK(s.main_first_tick == 1);
      CHECK(s.results == expected);
      CHECK(s.main_returns_tick == 14);
      REQUIRE_FALSE(s.log.empty());
      CHECK(s.log.front() == "start Task-2 0.3 tick 2 time 0.0");
      // All three first steps run in tick 2, in creation order.
      CHECK(s.log[1] == "start Task-3 0.1 tick 2 time 0.0");
      CHECK(s.log[2] == "start Task-4 0.2 tick 2 time 0.0");
      CHECK(w.loop.tick() == (p.minor <= 8 ? 17u : 19u));
      // A: `t is tasks[1]`, then tasks[2], then tasks[0]
      if (async_for) CHECK(s.identity == std::vector<std::size_t>{1, 2, 0});
    }
  }
}

TEST_CASE("as_completed: plain iteration yields coroutines, with each version's qualname") {
  // oracle b_seed.py L: item type: coroutine; qualname as_completed.<locals>._wait_for_one on 3.7-3.12,
  // _AsCompletedIterator._wait_for_one on 3.13.
  for (const auto& p : asim::asyncio::all_profiles()) {
    INFO(p.label);
    World w(p.label);
    Seed s;
    w.run(seed_main(w.loop, &s, false));
    CHECK(s.item_type == "coroutine");
    CHECK(s.item_qualname ==
          (p.minor <= 12 ? "as_completed.<locals>._wait_for_one" : "_AsCompletedIterator._wait_for_one"));
  }
}

namespace {

// ------------------------------------------------------- d_lazy_eager.py

struct Lazy {
  std::string type_of_it;
  std::size_t tasks_after_call = 99, tasks_after_sleep = 99, tasks_after_next = 99;
  std::size_t started_after_sleep = 99, started_after_next = 99;
  std::string sleep_time;
  std::uint64_t sleep_tick = 0;
  std::vector<Outcome> results;
  std::vector<std::string> first_steps;  // "tick time"
};

std::size_t count_started(const std::vector<std::string>& log) {
  std::size_t n = 0;
  for (auto& l : log) n += l.rfind("start ", 0) == 0;
  return n;
}

Coro lazy_main(EventLoop& loop, Lazy* out) {
  std::vector<std::string> log;
  auto coros = list_of_values(Value(fetch(loop, 0.3, false, &log)), Value(fetch(loop, 0.1, true, &log)),
                              Value(fetch(loop, 0.2, false, &log)));
  Value it = asim::asyncio::as_completed(loop, Value(coros));
  out->type_of_it = asim::runtime::type_name(it);
  out->tasks_after_call = other_tasks(loop);
  co_await asim::asyncio::sleep(loop, 0.05);
  out->sleep_time = float_repr(loop.time());
  out->sleep_tick = loop.tick();
  out->tasks_after_sleep = other_tasks(loop);
  out->started_after_sleep = count_started(log);
  auto first = as_iterator(it).next();
  out->tasks_after_next = other_tasks(loop);
  out->started_after_next = count_started(log);
  std::vector<Value> items;
  items.push_back(*first);
  while (auto item = as_iterator(it).next()) items.push_back(*item);
  for (auto& item : items) {
    Outcome o;
    co_await captured(loop, item, &o);
    out->results.push_back(o);
  }
  for (auto& l : log)
    if (l.rfind("start ", 0) == 0) out->first_steps.push_back(l.substr(l.find(" tick ") + 1));
  co_return Value::none();
}

}  // namespace

TEST_CASE("as_completed: the legacy generator creates no task before the first next() - 3.13 at the call") {
  // oracle d_lazy_eager.py, oracle_notes.md (d).
  SECTION("3.12") {
    // type(it): generator | tasks right after as_completed(): 0
    // after sleep(0.05): time 0.05 tick 3, tasks (minus main): 0, started: []
    // after first next(): tasks (minus main): 3, started: 0
    // got ValueError at 0.15000000000000002 tick 8; result 0.2 at 0.25 tick 12; result 0.3 at 0.35 tick 16
    // first steps: all tick 4, time 0.05
    World w("3.12");
    Lazy l;
    w.run(lazy_main(w.loop, &l));
    CHECK(l.type_of_it == "generator");
    CHECK(l.tasks_after_call == 0);
    CHECK(l.sleep_time == "0.05");
    CHECK(l.sleep_tick == 3);
    CHECK(l.tasks_after_sleep == 0);
    CHECK(l.started_after_sleep == 0);
    CHECK(l.tasks_after_next == 3);
    CHECK(l.started_after_next == 0);
    CHECK(l.results == std::vector<Outcome>{outcome("ValueError('fetch 0.1 failed')", "0.15000000000000002", 8),
                                            outcome("'result 0.2'", "0.25", 12),
                                            outcome("'result 0.3'", "0.35", 16)});
    CHECK(l.first_steps == std::vector<std::string>(3, "tick 4 time 0.05"));
  }
  SECTION("3.13") {
    // type(it): _AsCompletedIterator | tasks right after as_completed(): 3
    // after sleep(0.05): time 0.05 tick 4, tasks (minus main): 3, started: all three at tick 2, 0.0
    // after first next(): 3, started: 3
    // got ValueError at 0.1 tick 8; result 0.2 at 0.2 tick 12; result 0.3 at 0.3 tick 16
    World w("3.13");
    Lazy l;
    w.run(lazy_main(w.loop, &l));
    CHECK(l.type_of_it == "_AsCompletedIterator");
    CHECK(l.tasks_after_call == 3);
    CHECK(l.sleep_time == "0.05");
    CHECK(l.sleep_tick == 4);
    CHECK(l.tasks_after_sleep == 3);
    CHECK(l.started_after_sleep == 3);
    CHECK(l.tasks_after_next == 3);
    CHECK(l.started_after_next == 3);
    CHECK(l.results == std::vector<Outcome>{outcome("ValueError('fetch 0.1 failed')", "0.1", 8),
                                            outcome("'result 0.2'", "0.2", 12), outcome("'result 0.3'", "0.3", 16)});
    CHECK(l.first_steps == std::vector<std::string>(3, "tick 2 time 0.0"));
  }
}

namespace {

// ------------------------------------------------------ g_exceptions.py probe()

enum class Arg { FutureArg, CoroutineArg, Five, TaskArg };

Coro noop_body() {
  co_return Value::none();
}

struct Probe {
  std::string at_call = "no error", at_next = "no error";
  std::string iterator_type;
};

Coro probe_main(EventLoop& loop, Arg kind, Probe* out) {
  Value arg;
  switch (kind) {
    case Arg::FutureArg: arg = Value(loop.create_future()); break;
    case Arg::CoroutineArg: arg = Value(asim::runtime::native("coro", noop_body())); break;
    case Arg::Five: arg = Value::integer(5); break;
    case Arg::TaskArg: arg = Value(asim::asyncio::ensure_future(loop, Value(asim::runtime::native("coro", noop_body())))); break;
  }
  Value it;
  out->at_call = error_of([&] { it = asim::asyncio::as_completed(loop, arg); });
  if (!it.is_none()) {
    out->iterator_type = asim::runtime::type_name(it);
    out->at_next = error_of([&] { (void)as_iterator(it).next(); });
  }
  if (auto* c = arg.as<asim::runtime::Coroutine>()) c->close();
  co_return Value::none();
}

}  // namespace

TEST_CASE("as_completed: TypeError texts per version, raised at the first next() (legacy) or at the call (3.13)") {
  // oracle g_exceptions.py, oracle_notes.md (g):
  //   3.7:      call OK (generator), first next(): TypeError('expect a list of futures, not Future'), ... coroutine, Task
  //   3.8-3.12: call OK (generator), first next(): TypeError('expect an iterable of futures, not Future'), ...
  //   3.13:     raises at CALL: TypeError('expects an iterable of awaitables, not Future'), ...
  //   as_completed(5): TypeError("'int' object is not iterable"), at first next() (legacy) / at the call (3.13)
  struct Case {
    Arg kind;
    const char* type;
  };
  for (const auto& p : asim::asyncio::all_profiles()) {
    const std::string prefix = p.minor == 7    ? "expect a list of futures, not "
                               : p.minor <= 12 ? "expect an iterable of futures, not "
                                               : "expects an iterable of awaitables, not ";
    for (const auto& c : {Case{Arg::FutureArg, "Future"}, Case{Arg::CoroutineArg, "coroutine"},
                          Case{Arg::Five, nullptr}, Case{Arg::TaskArg, "Task"}}) {
      INFO(p.label << " " << (c.type ? c.type : "5"));
      World w(p.label);
      Probe pr;
      w.run(probe_main(w.loop, c.kind, &pr));
      const std::string expected = c.type ? "TypeError('" + prefix + c.type + "')"
                                          : "TypeError(\"'int' object is not iterable\")";
      if (p.minor <= 12) {
        CHECK(pr.at_call == "no error");
        CHECK(pr.iterator_type == "generator");
        CHECK(pr.at_next == expected);
      } else {
        CHECK(pr.at_call == expected);
      }
      CHECK(w.warnings.empty());
    }
  }
}

namespace {

// --------------------------------------------------------- e_timeout.py

struct TimeoutRun {
  std::vector<Outcome> awaits;
  std::vector<std::string> states;  // after each TimeoutError
  std::string main_returns;
  std::vector<std::string> log;
  Ref<PyException> timeout_exc;
};

Coro timeout_main(EventLoop& loop, TimeoutRun* out) {
  auto tasks = start_fetches(loop, false, &out->log);
  Value it = asim::asyncio::as_completed(loop, Value(list_of(tasks)), 0.15);
  while (auto item = as_iterator(it).next()) {
    Outcome o;
    co_await captured(loop, *item, &o);
    out->awaits.push_back(o);
    if (o.exc) {
      out->timeout_exc = o.exc;
      std::string state;
      for (int i = 0; i < 3; ++i)
        state += fmt::format("{}fetch({}) done={} cancelled={}", i ? ", " : "", i == 0 ? "0.3" : i == 1 ? "0.1" : "0.2",
                             tasks[i]->done() ? "True" : "False", tasks[i]->cancelled() ? "True" : "False");
      out->states.push_back(state);
    }
  }
  out->main_returns = fmt::format("time {} tick {}", float_repr(loop.time()), loop.tick());
  co_return Value::none();
}

}  // namespace

TEST_CASE("as_completed timeout: TimeoutError at 0.15, tasks not cancelled - leftovers cancelled by asyncio.run") {
  // oracle e_timeout.py (3.7-3.13), oracle_notes.md (e):
  //   finally fetch(0.1): time 0.1 tick 4
  //   await -> 'result 0.1' at time 0.1 tick 6
  //   await -> TimeoutError ('') at time 0.15 tick 8   (twice; the second does not suspend)
  //   state: fetch(0.3) done=False cancelled=False, fetch(0.1) done=True cancelled=False, fetch(0.2) done=False ...
  //   main returns at time 0.15 tick 8
  //   finally fetch(0.3) / fetch(0.2): time 0.15 tick 10 (their order follows addresses: see test_choice_points)
  //   asyncio.run returned; time 0.15 total ticks 14 (3.7/3.8), 16 (3.9+)
  const std::string state =
      "fetch(0.3) done=False cancelled=False, fetch(0.1) done=True cancelled=False, fetch(0.2) done=False "
      "cancelled=False";
  for (const auto& p : asim::asyncio::all_profiles()) {
    INFO(p.label);
    World w(p.label);
    TimeoutRun r;
    w.run(timeout_main(w.loop, &r));
    CHECK(r.awaits == std::vector<Outcome>{outcome("'result 0.1'", "0.1", 6), outcome("TimeoutError('')", "0.15", 8),
                                           outcome("TimeoutError('')", "0.15", 8)});
    REQUIRE(r.timeout_exc);
    // asyncio.TimeoutError: the builtin from 3.11, asyncio's own class before (same name).
    CHECK(r.timeout_exc->type == w.loop.exceptions().TimeoutError);
    CHECK((r.timeout_exc->type == w.loop.builtins().TimeoutError) == (p.minor >= 11));
    CHECK(r.states == std::vector<std::string>{state, state});
    CHECK(r.main_returns == "time 0.15 tick 8");
    std::vector<std::string> finals;
    for (auto& l : r.log)
      if (l.rfind("finally ", 0) == 0) finals.push_back(l);
    REQUIRE(finals.size() == 3);
    CHECK(finals[0] == "finally 0.1 tick 4 time 0.1");
    std::vector<std::string> leftovers{finals[1], finals[2]};
    std::sort(leftovers.begin(), leftovers.end());
    CHECK(leftovers == std::vector<std::string>{"finally 0.2 tick 10 time 0.15", "finally 0.3 tick 10 time 0.15"});
    CHECK(float_repr(w.loop.time()) == "0.15");
    CHECK(w.loop.tick() == (p.minor <= 8 ? 14u : 16u));
  }
}

namespace {

// ---------------------------------------------------- f_legacy_items.py

std::vector<Ref<Task>> three_tasks(EventLoop& loop) {
  return start_fetches(loop, true);
}

std::vector<Value> items_of(EventLoop& loop, const std::vector<Ref<Task>>& tasks) {
  Value it = asim::asyncio::as_completed(loop, Value(list_of(tasks)));
  std::vector<Value> items;
  while (auto item = as_iterator(it).next()) items.push_back(*item);
  return items;
}

// main_reverse(): tasks = await make_tasks() (a coroutine: no loop iteration); items in reverse.
Coro main_reverse(EventLoop& loop, std::vector<Outcome>* out) {
  auto items = items_of(loop, three_tasks(loop));
  for (int i = 2; i >= 0; --i) {
    Outcome o;
    co_await captured(loop, items[i], &o);
    out->push_back(o);
  }
  co_return Value::none();
}

struct GatherRun {
  Outcome gathered, third, gather_raised, third_again;
  std::string gathered_list;
};

// main_gather()
Coro main_gather(EventLoop& loop, GatherRun* out) {
  auto items = items_of(loop, three_tasks(loop));
  co_await captured(loop, Value(asim::asyncio::gather(loop, pair_of(items[0], items[1]), true)), &out->gathered);
  co_await captured(loop, items[2], &out->third);
  items = items_of(loop, three_tasks(loop));
  co_await captured(loop, Value(asim::asyncio::gather(loop, pair_of(items[0], items[1]))), &out->gather_raised);
  co_await captured(loop, items[2], &out->third_again);
  co_await asim::asyncio::sleep(loop, 1);
  co_return Value::none();
}

}  // namespace

TEST_CASE("as_completed legacy items: any item gives the next completion - gathered items get one each") {
  // oracle f_legacy_items.py (3.12; identical on 3.7-3.13), oracle_notes.md (f):
  //   await items[2] -> ValueError('fetch 0.1 failed') at time 0.1 tick 6
  //   await items[1] -> 'result 0.2' at time 0.2 tick 10
  //   await items[0] -> 'result 0.3' at time 0.3 tick 14
  //   gather(items[0], items[1], return_exceptions=True) -> [ValueError('fetch 0.1 failed'), 'result 0.2']
  //     at time 0.2 tick 13; await items[2] -> 'result 0.3' at time 0.3 tick 17
  //   gather(items[0], items[1]) raised ValueError('fetch 0.1 failed') at time 0.4 tick 24
  //   await items[2] -> 'result 0.3' at time 0.6 tick 33
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    {
      World w(version);
      std::vector<Outcome> got;
      w.run(main_reverse(w.loop, &got));
      CHECK(got == std::vector<Outcome>{outcome("ValueError('fetch 0.1 failed')", "0.1", 6),
                                        outcome("'result 0.2'", "0.2", 10), outcome("'result 0.3'", "0.3", 14)});
    }
    {
      World w(version);
      GatherRun g;
      w.run(main_gather(w.loop, &g));
      CHECK(g.gathered == outcome("[ValueError('fetch 0.1 failed'), 'result 0.2']", "0.2", 13));
      CHECK(g.third == outcome("'result 0.3'", "0.3", 17));
      CHECK(g.gather_raised == outcome("ValueError('fetch 0.1 failed')", "0.4", 24));
      CHECK(g.third_again == outcome("'result 0.3'", "0.6", 33));
    }
  }
}

namespace {

// ----------------------------------------------- m_as_completed_dups.py

struct Dups {
  std::size_t task_items = 0, coro_items = 0, new_tasks = 0;
  std::vector<Outcome> task_results, coro_results;
};

Coro dups_main(EventLoop& loop, Dups* out) {
  auto a = asim::asyncio::create_task(loop, fetch(loop, 0.2));
  auto b = asim::asyncio::create_task(loop, fetch(loop, 0.1));
  auto items = [&](const Value& fs) {
    std::vector<Value> v;
    Value it = asim::asyncio::as_completed(loop, fs);
    while (auto item = as_iterator(it).next()) v.push_back(*item);
    return v;
  };
  auto ti = items(Value(list_of_values(Value(a), Value(b), Value(a), Value(a))));
  out->task_items = ti.size();
  for (auto& item : ti) {
    Outcome o;
    co_await captured(loop, item, &o);
    out->task_results.push_back(o);
  }
  auto c = fetch(loop, 0.3);
  const auto before = asim::asyncio::all_tasks(loop).size();
  auto ci = items(Value(list_of_values(Value(c), Value(c))));
  out->coro_items = ci.size();
  out->new_tasks = asim::asyncio::all_tasks(loop).size() - before;
  for (auto& item : ci) {
    Outcome o;
    co_await captured(loop, item, &o);
    out->coro_results.push_back(o);
  }
  co_return Value::none();
}

}  // namespace

TEST_CASE("as_completed: the same task (or coroutine) passed twice gives one item fewer") {
  // oracle m_as_completed_dups.py (3.7-3.13):
  //   tasks [a, b, a, a] -> 2 items: 'result 0.1' at 0.1 tick 6, 'result 0.2' at 0.2 tick 10
  //   coroutine [c, c] -> 1 items, 1 new task(s): 'result 0.3' at 0.5 tick 15
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    Dups d;
    w.run(dups_main(w.loop, &d));
    CHECK(d.task_items == 2);
    CHECK(d.task_results ==
          std::vector<Outcome>{outcome("'result 0.1'", "0.1", 6), outcome("'result 0.2'", "0.2", 10)});
    CHECK(d.coro_items == 1);
    CHECK(d.new_tasks == 1);
    CHECK(d.coro_results == std::vector<Outcome>{outcome("'result 0.3'", "0.5", 15)});
  }
}
