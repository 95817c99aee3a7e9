// Choice points (DESIGN §4): where CPython's order follows object addresses
// (iterating a set of coroutines or tasks), the model asks an
// explore::Chooser. The default takes argument order and the trace marks the
// place; explore::Replay forces any other order, and everything else stays
// deterministic. CPython's behaviour at these places: oracle_notes.md (c), (e).
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "model/trace/recorder.hpp"
#include "tests/unit/support.hpp"

using namespace asim::test;
using asim::explore::Replay;
using asim::runtime::float_repr;

namespace {

Ref<asim::runtime::List> seed_coros(EventLoop& loop, std::vector<std::string>* log) {
  return list_of(std::vector<Value>{Value(fetch(loop, 0.3, false, log)), Value(fetch(loop, 0.1, true, log)),
                                    Value(fetch(loop, 0.2, false, log))});
}

struct CoroRun {
  std::vector<Outcome> results;
  std::vector<std::string> log;
  std::uint64_t created_tick = 0;
  std::vector<std::string> names_by_delay;  // "Task-N 0.1" after the tasks exist
};

// c_seed_coros.py: `for item in as_completed(coros): await item`
Coro coro_main(EventLoop& loop, CoroRun* out) {
  Value it = asim::asyncio::as_completed(loop, Value(seed_coros(loop, &out->log)));
  auto& iter = *dynamic_cast<asim::runtime::Iterator*>(it.object());
  while (auto item = iter.next()) {
    if (out->names_by_delay.empty()) {
      out->created_tick = loop.tick();
      for (auto& t : asim::asyncio::all_tasks(loop))
        if (t.get() != loop.current_task()) out->names_by_delay.push_back(t->get_name());
    }
    Outcome o;
    co_await captured(loop, *item, &o);
    out->results.push_back(o);
  }
  co_return Value::none();
}

std::vector<std::string> first_steps(const std::vector<std::string>& log) {
  std::vector<std::string> out;
  for (auto& l : log)
    if (l.rfind("start ", 0) == 0) out.push_back(l);
  return out;
}

const std::vector<Outcome>& seed_outcomes() {
  // oracle c_seed_coros.py: the consumer's ticks and times do not depend on the creation order.
  static const std::vector<Outcome> expected{outcome("ValueError('fetch 0.1 failed')", "0.1", 6),
                                             outcome("'result 0.2'", "0.2", 10), outcome("'result 0.3'", "0.3", 14)};
  return expected;
}

std::string render(const std::vector<asim::trace::Event>& events) {
  std::string out;
  for (auto& e : events)
    out += fmt::format("{} {} {} {} | {} | {}\n", float_repr(e.time), e.tick, asim::trace::kind_name(e.kind), e.task,
                       e.subject, e.detail);
  return out;
}

}  // namespace

TEST_CASE("choice points: coroutines passed to as_completed become Task-2..4 in argument order by default") {
  // oracle c_seed_coros.py (3.12, 3.13): the tasks are created in set(coros) order and named Task-2, -3, -4
  // in that order, in tick 1 (3.12: inside the first next(); 3.13: inside the call); all first steps run
  // in tick 2, in that order; ValueError at 0.1/tick 6, 'result 0.2' at 0.2/tick 10, 'result 0.3' at
  // 0.3/tick 14; 19 ticks in all. The set order follows addresses: with padding objects CPython 3.12 gave
  // (by delay) [.1,.2,.3] [.1,.3,.2] [.3,.1,.2] [.2,.3,.1] ...; argument order [.3,.1,.2] is among them.
  for (auto version : {"3.12", "3.13"}) {
    INFO(version);
    asim::trace::Recorder rec;
    World w(version, &rec);
    CoroRun r;
    w.run(coro_main(w.loop, &r));
    CHECK(r.created_tick == 1);
    CHECK(r.names_by_delay == std::vector<std::string>{"Task-2", "Task-3", "Task-4"});
    CHECK(first_steps(r.log) == std::vector<std::string>{"start Task-2 0.3 tick 2 time 0.0",
                                                         "start Task-3 0.1 tick 2 time 0.0",
                                                         "start Task-4 0.2 tick 2 time 0.0"});
    CHECK(r.results == seed_outcomes());
    CHECK(w.loop.tick() == 19);
    // The trace marks the place where CPython may differ.
    const auto n = std::count_if(rec.events.begin(), rec.events.end(), [](const asim::trace::Event& e) {
      return e.kind == asim::trace::Kind::ChoicePoint && e.subject == "as_completed";
    });
    CHECK(n == 1);
  }
}

TEST_CASE("choice points: explore::Replay forcing another set(coros) order changes the creation order") {
  // Replay {1, 0}: the first position takes the 2nd coroutine (fetch 0.1), the next the 1st (0.3), then
  // the last (0.2): set order [.1, .3, .2], one CPython 3.12 produced (oracle c, padding 1 and 4).
  for (auto version : {"3.12", "3.13"}) {
    INFO(version);
    Replay replay({1, 0});
    World w(version, nullptr, &replay);
    CoroRun r;
    w.run(coro_main(w.loop, &r));
    CHECK(first_steps(r.log) == std::vector<std::string>{"start Task-2 0.1 tick 2 time 0.0",
                                                         "start Task-3 0.3 tick 2 time 0.0",
                                                         "start Task-4 0.2 tick 2 time 0.0"});
    CHECK(r.results == seed_outcomes());
    // Two choices were asked for (3 options, then 2); the last position is forced.
    REQUIRE(replay.made().size() == 2);
    CHECK(replay.made()[0].chosen == 1);
    CHECK(replay.made()[0].options == 3);
    CHECK(replay.made()[1].chosen == 0);
    CHECK(replay.made()[1].options == 2);
  }
}

TEST_CASE("choice points: every set(coros) order gives a distinct creation order and the same results") {
  for (auto version : {"3.12", "3.13"}) {
    std::set<std::vector<std::string>> orders;
    for (std::size_t a = 0; a < 3; ++a) {
      for (std::size_t b = 0; b < 2; ++b) {
        INFO(version << " replay {" << a << ", " << b << "}");
        Replay replay({a, b});
        World w(version, nullptr, &replay);
        CoroRun r;
        w.run(coro_main(w.loop, &r));
        auto steps = first_steps(r.log);
        REQUIRE(steps.size() == 3);
        CHECK(steps[0].rfind("start Task-2 ", 0) == 0);
        CHECK(steps[1].rfind("start Task-3 ", 0) == 0);
        CHECK(steps[2].rfind("start Task-4 ", 0) == 0);
        orders.insert(steps);
        CHECK(r.results == seed_outcomes());
      }
    }
    CHECK(orders.size() == 6);
  }
}

namespace {

// e_timeout.py: two tasks are left pending when main returns; asyncio.run cancels them.
Coro leftovers_main(EventLoop& loop, std::vector<std::string>* log) {
  std::vector<Ref<Task>> tasks;
  tasks.push_back(asim::asyncio::create_task(loop, fetch(loop, 0.3, false, log)));
  tasks.push_back(asim::asyncio::create_task(loop, fetch(loop, 0.1, false, log)));
  tasks.push_back(asim::asyncio::create_task(loop, fetch(loop, 0.2, false, log)));
  Value it = asim::asyncio::as_completed(loop, Value(list_of(tasks)), 0.15);
  auto& iter = *dynamic_cast<asim::runtime::Iterator*>(it.object());
  while (auto item = iter.next()) {
    Outcome o;
    co_await captured(loop, *item, &o);
  }
  co_return Value::none();
}

std::vector<std::string> leftover_finals(const std::vector<std::string>& log) {
  std::vector<std::string> out;
  for (auto& l : log)
    if (l.rfind("finally ", 0) == 0 && l.find("tick 10 ") != std::string::npos) out.push_back(l);
  return out;
}

}  // namespace

TEST_CASE("choice points: the order asyncio.run cancels leftover tasks in is a choice, replayable") {
  // oracle e_timeout.py: both `finally:` blocks print at time 0.15, tick 10, in all_tasks() order, which
  // follows addresses: 3.12 printed fetch(0.3) first in some runs and fetch(0.2) first in others.
  for (auto version : {"3.8", "3.12", "3.13"}) {
    INFO(version);
    {
      asim::trace::Recorder rec;
      World w(version, &rec);
      std::vector<std::string> log;
      w.run(leftovers_main(w.loop, &log));
      CHECK(leftover_finals(log) ==
            std::vector<std::string>{"finally 0.3 tick 10 time 0.15", "finally 0.2 tick 10 time 0.15"});
      const auto n = std::count_if(rec.events.begin(), rec.events.end(), [](const asim::trace::Event& e) {
        return e.kind == asim::trace::Kind::ChoicePoint && e.subject == "asyncio.run";
      });
      CHECK(n == 1);
    }
    {
      Replay replay({1});
      World w(version, nullptr, &replay);
      std::vector<std::string> log;
      w.run(leftovers_main(w.loop, &log));
      CHECK(leftover_finals(log) ==
            std::vector<std::string>{"finally 0.2 tick 10 time 0.15", "finally 0.3 tick 10 time 0.15"});
      REQUIRE(replay.made().size() == 1);
      CHECK(replay.made()[0].options == 2);
      CHECK(w.loop.tick() == (std::string(version) == "3.8" ? 14u : 16u));
    }
  }
}

TEST_CASE("choice points: outside them everything is deterministic - the same run gives the same trace") {
  for (auto version : {"3.12", "3.13"}) {
    INFO(version);
    std::vector<std::string> traces;
    for (int i = 0; i < 2; ++i) {
      asim::trace::Recorder rec;
      Replay replay({2, 1});
      World w(version, &rec, &replay);
      CoroRun r;
      w.run(coro_main(w.loop, &r));
      CHECK(r.results == seed_outcomes());
      traces.push_back(render(rec.events));
    }
    CHECK(traces[0] == traces[1]);
    CHECK(traces[0].size() > 1000);
  }
}
