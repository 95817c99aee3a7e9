// A loop's life outside asyncio.run (base_events.py): run_until_complete,
// run_forever and stop, close, two loops of one process, and which loop a
// Lock makes its futures on (mixins.py). Expected values: real CPython running
// tests/conformance/oracle/x_loop_lifecycle.py.
#include <catch2/catch.hpp>

#include "model/asyncio/locks.hpp"
#include "tests/unit/support.hpp"

using namespace asim::test;
using asim::asyncio::LoopBinding;
using asim::runtime::float_repr;

namespace {

// Another loop of the same process, as asyncio.new_event_loop() makes.
std::unique_ptr<EventLoop> new_event_loop(World& w) {
  return std::make_unique<EventLoop>(w.loop.profile(), nullptr, nullptr, asim::asyncio::Limits{}, w.loop.process());
}

Coro nap(EventLoop& loop, double d) {
  co_await asim::asyncio::sleep(loop, d);
  co_return Value::floating(d);
}

Value nap_coro(EventLoop& loop, double d) {
  return Value(asim::runtime::native("nap", nap(loop, d)));
}

}  // namespace

TEST_CASE("a closed loop refuses to schedule or run anything (x_loop_lifecycle.py closed)", "[loop][lifecycle]") {
  for (const char* v : {"3.7", "3.9", "3.10", "3.13"}) {
    World w(v);
    EventLoop& loop = w.loop;
    CHECK(float_repr(loop.run_until_complete(nap_coro(loop, 2)).as_float()) == "2.0");
    CHECK(float_repr(loop.time()) == "2.0");
    CHECK(loop.tick() == 4);
    loop.close();
    loop.close();
    CHECK(loop.is_closed());
    const std::string closed = "RuntimeError('Event loop is closed')";
    auto cb = callback("print", [](std::span<const Value>) {});
    CHECK(error_of([&] { loop.call_soon(cb); }) == closed);
    CHECK(error_of([&] { loop.call_later(1, cb); }) == closed);
    auto coro = asim::runtime::native("nap", nap(loop, 1));
    CHECK(error_of([&] { loop.create_task(coro); }) == closed);
    CHECK(error_of([&] { loop.run_until_complete(Value(coro)); }) == closed);
    CHECK(error_of([&] { loop.run_forever(); }) == closed);
    coro->close();
  }
}

TEST_CASE("stop() ends run_forever after the tick - what is pending carries on later (x_loop_lifecycle.py stop)",
          "[loop][lifecycle]") {
  World w("3.12");
  EventLoop& loop = w.loop;
  auto task = loop.create_task(asim::runtime::native("nap", nap(loop, 3)));
  loop.call_later(1.5, callback("BaseEventLoop.stop", [&](std::span<const Value>) { loop.stop(); }));
  loop.run_forever();
  CHECK(float_repr(loop.time()) == "1.5");
  CHECK(loop.tick() == 2);
  CHECK_FALSE(task->done());
  CHECK(float_repr(loop.run_until_complete(Value(task)).as_float()) == "3.0");
  CHECK(float_repr(loop.time()) == "3.0");
  CHECK(loop.tick() == 5);
}

TEST_CASE("one loop runs at a time, and a running loop cannot close (x_loop_lifecycle.py nested)",
          "[loop][lifecycle]") {
  World w("3.11");
  EventLoop& loop = w.loop;
  auto other = new_event_loop(w);
  std::string same, second, close;
  auto body = [&]() -> Coro {
    auto c1 = asim::runtime::native("nap", nap(loop, 0));
    auto c2 = asim::runtime::native("nap", nap(*other, 0));
    same = error_of([&] { loop.run_until_complete(Value(c1)); });
    second = error_of([&] { other->run_until_complete(Value(c2)); });
    close = error_of([&] { loop.close(); });
    c1->close();
    c2->close();
    co_return Value::none();
  };
  loop.run_until_complete(Value(asim::runtime::native("main", body())));
  CHECK(same == "RuntimeError('This event loop is already running')");
  CHECK(second == "RuntimeError('Cannot run the event loop while another loop is running')");
  CHECK(close == "RuntimeError('Cannot close a running event loop')");
  CHECK(loop.running_loop() == nullptr);
}

namespace {

Coro hold(EventLoop& loop, asim::asyncio::Lock& lock) {
  co_await lock.acquire();
  co_await asim::asyncio::sleep(loop, 1);
  lock.release();
  co_return Value::none();
}

// Two holders contend on `lock` in a fresh loop: what each gave, the end
// of the error text after the object's repr, and the loop's time and tick.
struct Contention {
  std::vector<std::string> results;
  std::string time;
  std::uint64_t tick = 0;
};

Coro contend_body(EventLoop& loop, asim::asyncio::Lock& lock) {
  std::vector<Value> holders{Value(asim::runtime::native("hold", hold(loop, lock))),
                             Value(asim::runtime::native("hold", hold(loop, lock)))};
  co_return co_await asim::asyncio::gather(loop, holders, true);
}

// `loop` must stay alive after: a loop made later at the same address would
// pass for it (CPython's objects hold their loop).
Contention contend(EventLoop* loop, asim::asyncio::Lock& lock) {
  Value out = loop->run_until_complete(Value(asim::runtime::native("contend", contend_body(*loop, lock))));
  Contention c;
  for (const auto& r : out.as<asim::runtime::List>()->items) {
    if (auto* e = r.as<PyException>()) {
      const std::string m = e->message();
      c.results.push_back(std::string(e->type->name) + ": ..." + m.substr(m.rfind('>') + 1));
    } else {
      c.results.push_back(asim::runtime::repr(r));
    }
  }
  c.time = float_repr(loop->time());
  c.tick = loop->tick();
  loop->close();
  return c;
}

}  // namespace

TEST_CASE("3.10+ bind a Lock to the first loop that needs a future, and refuse the next (x_loop_lifecycle.py "
          "lock_two_loops)",
          "[loop][lifecycle][locks]") {
  for (const char* v : {"3.10", "3.13"}) {
    World w(v);
    auto lock = asim::runtime::make<asim::asyncio::Lock>(LoopBinding(w.loop.process()));
    auto loop_a = new_event_loop(w), loop_b = new_event_loop(w);
    auto first = contend(loop_a.get(), *lock);
    CHECK(first.results == std::vector<std::string>{"None", "None"});
    CHECK(first.time == "2.0");
    CHECK(first.tick == 10);
    auto second = contend(loop_b.get(), *lock);
    CHECK(second.results == std::vector<std::string>{"None", "RuntimeError: ... is bound to a different event loop"});
    CHECK(second.time == "1.0");
    CHECK(second.tick == 8);
  }
}

TEST_CASE("3.7-3.9 tie a Lock to get_event_loop()'s loop when it is made: a task of another loop that must wait "
          "gets a future of the wrong loop (x_loop_lifecycle.py lock_two_loops)",
          "[loop][lifecycle][locks]") {
  for (const char* v : {"3.7", "3.9"}) {
    World w(v);
    // w.loop plays get_event_loop()'s loop, never run.
    auto lock = asim::runtime::make<asim::asyncio::Lock>(LoopBinding(&w.loop));
    std::vector<std::unique_ptr<EventLoop>> loops;
    for (int run = 0; run < 2; ++run) {
      loops.push_back(new_event_loop(w));
      auto c = contend(loops.back().get(), *lock);
      CHECK(c.results == std::vector<std::string>{"None", "RuntimeError: ... attached to a different loop"});
      CHECK(c.time == "1.0");
      CHECK(c.tick == 9);
    }
  }
}
