// The event loop (base_events.py on a virtual clock): ready queue, timer heap,
// the virtual select, deadlock and step-limit stops. Expected values come from
// real CPython through tests/conformance/virtual_clock.py; each test names its
// script in tests/conformance/oracle/.
#include <catch2/catch.hpp>

#include "tests/unit/support.hpp"

using namespace asim::test;
using asim::runtime::float_repr;

namespace {

// (tag, repr(time), tick), as the oracle scripts log a callback's run.
struct Fired {
  std::string tag;
  std::string time;
  std::uint64_t tick;
  bool operator==(const Fired& o) const { return tag == o.tag && time == o.time && tick == o.tick; }
};

[[maybe_unused]] std::ostream& operator<<(std::ostream& os, const Fired& f) {
  return os << "(" << f.tag << ", " << f.time << ", " << f.tick << ")";
}

struct Log {
  explicit Log(EventLoop& l) : loop(l) {}
  EventLoop& loop;
  std::vector<Fired> fired;
  Ref<asim::runtime::Callable> cb = callback("cb", [this](std::span<const Value> a) {
    fired.push_back({asim::runtime::str(a[0]), float_repr(loop.time()), loop.tick()});
  });
  std::vector<std::string> tags() const {
    std::vector<std::string> out;
    for (auto& f : fired) out.push_back(f.tag);
    return out;
  }
  std::vector<std::uint64_t> ticks() const {
    std::vector<std::uint64_t> out;
    for (auto& f : fired) out.push_back(f.tick);
    return out;
  }
  std::vector<std::string> times() const {
    std::vector<std::string> out;
    for (auto& f : fired) out.push_back(f.time);
    return out;
  }
};

Value tag(std::string s) {
  return Value::str(std::move(s));
}

Value tag(int i) {
  return Value::str(std::to_string(i));
}

std::vector<std::string> numbers(std::initializer_list<int> xs) {
  std::vector<std::string> out;
  for (int x : xs) out.push_back(std::to_string(x));
  return out;
}

// ----------------------------------------------- k_loop_basics.py, first run

struct Basics {
  std::vector<Fired> soon, timers, cancel;
  std::uint64_t soon_resume_tick = 0;
  std::string timers_resume_time, cancel_resume_time;
  std::uint64_t timers_resume_tick = 0, cancel_resume_tick = 0;
  std::string cancelled_repr, expected_cancelled_repr;
  bool cancelled_flag = false;
};

Coro basics_main(EventLoop& loop, Basics* out) {
  Log log{loop};
  // 1. call_soon FIFO
  for (int i = 0; i < 5; ++i) loop.call_soon(log.cb, {tag("soon" + std::to_string(i))});
  co_await asim::asyncio::sleep(loop, 0);
  out->soon = std::exchange(log.fired, {});
  out->soon_resume_tick = loop.tick();
  // 2. call_later / call_at ordering
  loop.call_later(0.3, log.cb, {tag("later0.3")});
  loop.call_at(0.1, log.cb, {tag("at0.1")});
  loop.call_later(0.2, log.cb, {tag("later0.2")});
  loop.call_at(0.25, log.cb, {tag("at0.25")});
  loop.call_soon(log.cb, {tag("soon")});
  co_await asim::asyncio::sleep(loop, 0.5);
  out->timers = std::exchange(log.fired, {});
  out->timers_resume_time = float_repr(loop.time());
  out->timers_resume_tick = loop.tick();
  // 3. TimerHandle.cancel
  auto h = loop.call_later(0.1, log.cb, {tag("cancelled")});
  loop.call_later(0.2, log.cb, {tag("kept")});
  h->cancel();
  out->cancelled_repr = h->repr();
  out->expected_cancelled_repr = "<TimerHandle cancelled when=" + float_repr(h->when()) + ">";
  out->cancelled_flag = h->cancelled();
  co_await asim::asyncio::sleep(loop, 0.3);
  out->cancel = std::exchange(log.fired, {});
  out->cancel_resume_time = float_repr(loop.time());
  out->cancel_resume_tick = loop.tick();
  co_return Value::none();
}

Basics run_basics(std::string_view version) {
  World w(version);
  Basics b;
  w.run(basics_main(w.loop, &b));
  return b;
}

}  // namespace

TEST_CASE("loop: call_soon callbacks run FIFO, all in the next tick") {
  // oracle k_loop_basics.py §1 (identical on 3.7-3.13):
  // 1 call_soon: [('soon0', '0.0', 2), ... ('soon4', '0.0', 2)] | main resumes at tick 2
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    const auto b = run_basics(version);
    CHECK(b.soon == std::vector<Fired>{{"soon0", "0.0", 2}, {"soon1", "0.0", 2}, {"soon2", "0.0", 2},
                                       {"soon3", "0.0", 2}, {"soon4", "0.0", 2}});
    CHECK(b.soon_resume_tick == 2);
  }
}

TEST_CASE("loop: call_later and call_at fire by deadline, one timer per tick, clock jumps to each") {
  // oracle k_loop_basics.py §2: [('soon', '0.0', 3), ('at0.1', '0.1', 4), ('later0.2', '0.2', 5),
  // ('at0.25', '0.25', 6), ('later0.3', '0.3', 7)] | main resumes at 0.5 tick 9
  for (auto version : {"3.8", "3.12", "3.13"}) {
    INFO(version);
    const auto b = run_basics(version);
    CHECK(b.timers == std::vector<Fired>{{"soon", "0.0", 3},
                                         {"at0.1", "0.1", 4},
                                         {"later0.2", "0.2", 5},
                                         {"at0.25", "0.25", 6},
                                         {"later0.3", "0.3", 7}});
    CHECK(b.timers_resume_time == "0.5");
    CHECK(b.timers_resume_tick == 9);
  }
}

TEST_CASE("loop: a cancelled timer never runs and the clock skips its deadline") {
  // oracle k_loop_basics.py §3: repr after cancel: <TimerHandle cancelled when=WHEN>, cancelled(): True;
  // 3 cancel: [('kept', '0.7', 10)] | main resumes at 0.8 tick 12
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    const auto b = run_basics(version);
    CHECK(b.cancelled_flag);
    CHECK(b.cancelled_repr == b.expected_cancelled_repr);
    CHECK(b.cancel == std::vector<Fired>{{"kept", "0.7", 10}});
    CHECK(b.cancel_resume_time == "0.8");
    CHECK(b.cancel_resume_tick == 12);
  }
}

namespace {

// a_timer_ties.py
struct Ties {
  std::vector<std::string> exp1, exp2, exp3;
  std::vector<std::string> exp1_times, exp2_times, exp3_times;
  std::vector<std::uint64_t> exp1_ticks, exp2_ticks, exp3_ticks;
};

Coro ties_main(EventLoop& loop, Ties* out) {
  Log log{loop};
  for (int i = 0; i < 5; ++i) loop.call_at(1.0, log.cb, {tag(i)});
  co_await asim::asyncio::sleep(loop, 2.0);
  out->exp1 = log.tags(), out->exp1_times = log.times(), out->exp1_ticks = log.ticks();
  log.fired.clear();
  const double base = loop.time();
  for (int i = 0; i < 8; ++i) loop.call_at(base + 1.0, log.cb, {tag(i)});
  co_await asim::asyncio::sleep(loop, 2.0);
  out->exp2 = log.tags(), out->exp2_times = log.times(), out->exp2_ticks = log.ticks();
  log.fired.clear();
  const double t0 = loop.time();
  for (int i = 0; i < 3; ++i) loop.call_later(1.0, log.cb, {tag("later1.0#" + std::to_string(i))});
  for (int i = 0; i < 2; ++i) loop.call_at(t0 + 0.5, log.cb, {tag("at0.5#" + std::to_string(i))});
  for (int i = 0; i < 3; ++i) loop.call_at(t0 + 1.0, log.cb, {tag("at1.0#" + std::to_string(i))});
  co_await asim::asyncio::sleep(loop, 2.0);
  out->exp3 = log.tags(), out->exp3_times = log.times(), out->exp3_ticks = log.ticks();
  co_return Value::none();
}

// a_timer_ties_t0.py
struct TiesT0 {
  std::vector<std::string> mix, mix_times, x16;
  std::vector<std::uint64_t> mix_ticks;
};

Coro ties_t0_main(EventLoop& loop, TiesT0* out) {
  Log log{loop};
  for (int i = 0; i < 3; ++i) loop.call_later(1.0, log.cb, {tag("later1.0#" + std::to_string(i))});
  for (int i = 0; i < 2; ++i) loop.call_at(0.5, log.cb, {tag("at0.5#" + std::to_string(i))});
  for (int i = 0; i < 3; ++i) loop.call_at(1.0, log.cb, {tag("at1.0#" + std::to_string(i))});
  co_await asim::asyncio::sleep(loop, 2.0);
  out->mix = log.tags(), out->mix_times = log.times(), out->mix_ticks = log.ticks();
  log.fired.clear();
  for (int i = 0; i < 16; ++i) loop.call_at(3.0, log.cb, {tag(i)});
  co_await asim::asyncio::sleep(loop, 2.0);
  out->x16 = log.tags();
  co_return Value::none();
}

}  // namespace

TEST_CASE("loop: equal deadlines pop in CPython's heapq order, not FIFO") {
  // oracle a_timer_ties.py (byte-identical on 3.7-3.13), oracle_notes.md (a):
  //   exp1 5x call_at(1.0): [0, 2, 1, 3, 4] times ['1.0'] ticks [2]
  //   exp2 8x call_at(3.0): [0, 2, 6, 5, 7, 1, 3, 4] times ['3.0'] ticks [5]
  //   exp3 mix (t0=4.0): [at0.5#0, at0.5#1, later1.0#2, at1.0#1, at1.0#0, at1.0#2, later1.0#0, later1.0#1]
  //        times 4.5 x2, 5.0 x6; ticks 8 x2, 9 x6
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    Ties t;
    w.run(ties_main(w.loop, &t));
    CHECK(t.exp1 == numbers({0, 2, 1, 3, 4}));
    CHECK(t.exp1_times == std::vector<std::string>(5, "1.0"));
    CHECK(t.exp1_ticks == std::vector<std::uint64_t>(5, 2));
    CHECK(t.exp2 == numbers({0, 2, 6, 5, 7, 1, 3, 4}));
    CHECK(t.exp2_times == std::vector<std::string>(8, "3.0"));
    CHECK(t.exp2_ticks == std::vector<std::uint64_t>(8, 5));
    CHECK(t.exp3 == std::vector<std::string>{"at0.5#0", "at0.5#1", "later1.0#2", "at1.0#1", "at1.0#0", "at1.0#2",
                                             "later1.0#0", "later1.0#1"});
    CHECK(t.exp3_times == std::vector<std::string>{"4.5", "4.5", "5.0", "5.0", "5.0", "5.0", "5.0", "5.0"});
    CHECK(t.exp3_ticks == std::vector<std::uint64_t>{8, 8, 9, 9, 9, 9, 9, 9});
  }
}

TEST_CASE("loop: mixed call_later/call_at ties from t=0, and sixteen equal deadlines") {
  // oracle a_timer_ties_t0.py (3.7-3.13):
  //   mix: [at0.5#0, at0.5#1, later1.0#2, at1.0#1, at1.0#0, at1.0#2, later1.0#0, later1.0#1]
  //   times 0.5 x2, 1.0 x6; ticks [2, 2, 3, 3, 3, 3, 3, 3]
  //   16x call_at(3.0): [0, 2, 6, 14, 13, 15, 5, 11, 12, 10, 9, 8, 7, 1, 3, 4]
  World w("3.12");
  TiesT0 t;
  w.run(ties_t0_main(w.loop, &t));
  CHECK(t.mix == std::vector<std::string>{"at0.5#0", "at0.5#1", "later1.0#2", "at1.0#1", "at1.0#0", "at1.0#2",
                                          "later1.0#0", "later1.0#1"});
  CHECK(t.mix_times == std::vector<std::string>{"0.5", "0.5", "1.0", "1.0", "1.0", "1.0", "1.0", "1.0"});
  CHECK(t.mix_ticks == std::vector<std::uint64_t>{2, 2, 3, 3, 3, 3, 3, 3});
  CHECK(t.x16 == numbers({0, 2, 6, 14, 13, 15, 5, 11, 12, 10, 9, 8, 7, 1, 3, 4}));
}

namespace {

// j_heapify.py: 150 timers at t0 + D[i % 7], some cancelled, then sleep(5.0).
struct Heapify {
  std::vector<std::string> order;
  std::vector<std::string> groups;  // "time tick count"
  std::uint64_t start_tick = 0;
};

Coro heapify_experiment(EventLoop& loop, bool (*cancel)(int), Heapify* out) {
  static constexpr double D[] = {1.0, 1.0, 2.0, 1.5, 1.0, 2.0, 3.0};
  Log log{loop};
  const double t0 = loop.time();
  std::vector<Ref<asim::asyncio::TimerHandle>> hs;
  for (int i = 0; i < 150; ++i) hs.push_back(loop.call_at(t0 + D[i % 7], log.cb, {tag(i)}));
  for (int i = 0; i < 150; ++i)
    if (cancel(i)) hs[i]->cancel();
  out->start_tick = loop.tick();
  co_await asim::asyncio::sleep(loop, 5.0);
  out->order = log.tags();
  for (auto& f : log.fired) {
    const std::string key = f.time + " " + std::to_string(f.tick);
    if (out->groups.empty() || out->groups.back().rfind(key + " ", 0) != 0) out->groups.push_back(key + " 0");
    auto& g = out->groups.back();
    const auto sp = g.rfind(' ');
    g = g.substr(0, sp + 1) + std::to_string(std::stoi(g.substr(sp + 1)) + 1);
  }
  co_return Value::none();
}

Coro heapify_main(EventLoop& loop, Heapify* h, Heapify* n) {
  co_await asim::runtime::native("experiment", heapify_experiment(loop, [](int i) { return i % 3 != 0; }, h));
  co_await asim::runtime::native("experiment", heapify_experiment(loop, [](int i) { return i % 5 == 1 || i % 5 == 3; }, n));
  co_return Value::none();
}

}  // namespace

TEST_CASE("loop: the >100 scheduled / >50% cancelled heapify gives CPython's firing order") {
  // oracle j_heapify.py (byte-identical on 3.7-3.13). H: 100 of 151 timers cancelled, so _run_once
  // rebuilds the heap with heapify; j_heapify_sim.py shows that without the rebuild the order
  // would differ ("H same: False"). N: 60 of 151 cancelled, no rebuild.
  const auto h_order = numbers({84, 42, 39, 0,   78, 147, 36, 81,  144, 63,  141, 123, 18,  15,  126, 120, 60,
                                57, 21, 102, 105, 99, 45,  87, 129, 3,   66,  24,  108, 138, 9,   135, 75,  33,
                                72, 54, 30,  117, 114, 96, 51, 93,  12,  69,  132, 111, 27,  6,   90,  48});
  const auto n_order = numbers({0,   14,  29,  60,  119, 120, 57,  112, 25,  109, 105, 49,  50, 102, 99,  130,
                                95,  4,   22,  92,  39,  42,  85,  84,  7,   77,  35,  74,  147, 144, 15, 67,
                                70,  140, 137, 32,  134, 64,  127, 59,  122, 17,  115, 24,  52,  129, 94, 45,
                                10,  87,  80,  30,  124, 145, 149, 135, 142, 114, 110, 19,  79,  2,   100, 75,
                                89,  44,  82,  40,  9,   12,  72,  54,  37,  65,  117, 107, 5,   47,  62,  20,
                                90,  125, 55,  139, 69,  132, 97,  27,  34,  104});
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    Heapify h, n;
    w.run(heapify_main(w.loop, &h, &n));
    CHECK(h.start_tick == 1);
    CHECK(h.order == h_order);
    // H groups (time, tick, count): [('1.0', 2, 22), ('1.5', 3, 7), ('2.0', 4, 14), ('3.0', 5, 7)]
    CHECK(h.groups == std::vector<std::string>{"1.0 2 22", "1.5 3 7", "2.0 4 14", "3.0 5 7"});
    CHECK(n.start_tick == 7);
    CHECK(n.order == n_order);
    // N groups: [('6.0', 8, 39), ('6.5', 9, 12), ('7.0', 10, 27), ('8.0', 11, 12)]
    CHECK(n.groups == std::vector<std::string>{"6.0 8 39", "6.5 9 12", "7.0 10 27", "8.0 11 12"});
  }
}

namespace {

// k_loop_basics.py chain(): call_later(0.1) three times in sequence.
Coro chain_main(EventLoop& loop, std::vector<Fired>* times, std::uint64_t* resume_tick) {
  auto done = loop.create_future();
  struct State {
    EventLoop& loop;
    Ref<Future> done;
    std::vector<Fired>* times;
    Ref<asim::runtime::Callable> step;
  };
  auto st = std::make_shared<State>(State{loop, done, times, nullptr});
  st->step = callback("step", [s = st.get()](std::span<const Value> a) {
    const auto n = a[0].as_int();
    s->times->push_back({std::to_string(n), float_repr(s->loop.time()), s->loop.tick()});
    if (n < 3) s->loop.call_later(0.1, s->step, {Value::integer(n + 1)});
    else s->done->set_result(Value::none());
  });
  loop.call_later(0.1, st->step, {Value::integer(1)});
  co_await done;
  *resume_tick = loop.tick();
  st->step.reset();  // break the callback's cycle through the state
  co_return Value::none();
}

}  // namespace

TEST_CASE("loop: the clock jumps exactly to each deadline, in double arithmetic") {
  // oracle k_loop_basics.py §4: chain: [('0.1', 2), ('0.2', 3), ('0.30000000000000004', 4)]
  // | 0.1+0.1+0.1 == 0.3: False | main resumes at tick 5
  for (auto version : {"3.7", "3.12", "3.13"}) {
    INFO(version);
    World w(version);
    std::vector<Fired> times;
    std::uint64_t resume = 0;
    w.run(chain_main(w.loop, &times, &resume));
    CHECK(times == std::vector<Fired>{{"1", "0.1", 2}, {"2", "0.2", 3}, {"3", "0.30000000000000004", 4}});
    CHECK(resume == 5);
    CHECK(w.loop.time() == 0.1 + 0.1 + 0.1);
    CHECK(w.loop.time() != 0.3);
  }
}

namespace {

Coro wait_forever_main(EventLoop& loop) {
  co_await loop.create_future();
  co_return Value::none();
}

Coro child_waits(EventLoop& loop, Ref<Future> fut) {
  co_await asim::asyncio::sleep(loop, 0.25);
  co_await fut;
  co_return Value::none();
}

Coro parent_waits(EventLoop& loop) {
  auto fut = loop.create_future();
  auto t = asim::asyncio::create_task(loop, asim::runtime::native("child_waits", child_waits(loop, fut)));
  co_await t;
  co_return Value::none();
}

}  // namespace

TEST_CASE("loop: a task awaiting a future nobody completes stops with asyncio::Deadlock") {
  // CPython would block in select() forever (the harness raises 'asim-harness: deadlock');
  // the model stops and says who waits on what.
  SECTION("main alone") {
    World w("3.12");
    try {
      w.run(wait_forever_main(w.loop));
      FAIL("no deadlock reported");
    } catch (const asim::asyncio::Deadlock& d) {
      const std::string msg = d.what();
      INFO(msg);
      CHECK(msg.find("Task-1") != std::string::npos);
      CHECK(msg.find("main()") != std::string::npos);
      CHECK(msg.find("waits on <Future pending") != std::string::npos);
      CHECK(msg.find("virtual time 0.0") != std::string::npos);
    }
    CHECK(w.loop.tick() == 2);
  }
  SECTION("a chain of waiting tasks, after the clock moved") {
    World w("3.13");
    try {
      w.run(parent_waits(w.loop));
      FAIL("no deadlock reported");
    } catch (const asim::asyncio::Deadlock& d) {
      const std::string msg = d.what();
      INFO(msg);
      CHECK(msg.find("virtual time 0.25") != std::string::npos);
      CHECK(msg.find("Task-1 (main()) waits on <Task pending name='Task-2' coro=<child_waits()>") !=
            std::string::npos);
      CHECK(msg.find("Task-2 (child_waits()) waits on <Future pending") != std::string::npos);
    }
  }
}

TEST_CASE("loop: a callback that re-schedules itself forever hits the step limit") {
  asim::asyncio::Limits limits;
  limits.max_steps = 1000;
  World w("3.12", nullptr, nullptr, limits);
  Ref<asim::runtime::Callable> again;
  again = callback("again", [&](std::span<const Value>) { w.loop.call_soon(again); });
  w.loop.call_soon(again);
  try {
    w.loop.run_forever();
    FAIL("the loop returned");
  } catch (const asim::asyncio::LimitExceeded& e) {
    CHECK(std::string(e.what()).find("step limit") != std::string::npos);
  }
  // One handle per tick: the 1001st handle is refused, in tick 1001.
  CHECK(w.loop.tick() == 1001);
  CHECK_FALSE(w.loop.is_running());
  again.reset();
}
