// model/runtime/fiber: a stack of its own that stops mid-call and goes on.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "model/runtime/fiber.hpp"

using asim::runtime::Fiber;

namespace {

// A few frames deep, as a thread blocked inside nested calls is.
void nested(std::vector<std::string>& log, int depth) {
  if (depth == 0) {
    log.push_back("suspending");
    Fiber::suspend();
    log.push_back("resumed");
    return;
  }
  nested(log, depth - 1);
  log.push_back("unwound " + std::to_string(depth));
}

}  // namespace

TEST_CASE("a fiber suspends in the middle of nested calls and goes on from there", "[fiber]") {
  if (!Fiber::supported()) return;
  std::vector<std::string> log;
  Fiber fiber([&] { nested(log, 2); }, 1 << 20);
  CHECK(Fiber::running() == nullptr);
  fiber.resume();
  CHECK(log == std::vector<std::string>{"suspending"});
  CHECK_FALSE(fiber.finished());
  log.push_back("outside");
  fiber.resume();
  CHECK(log == std::vector<std::string>{"suspending", "outside", "resumed", "unwound 1", "unwound 2"});
  CHECK(fiber.finished());
  CHECK(Fiber::running() == nullptr);
}

TEST_CASE("an exception leaving a fiber's body is thrown where it was resumed", "[fiber]") {
  if (!Fiber::supported()) return;
  Fiber fiber([] { throw std::runtime_error("from the fiber"); }, 1 << 20);
  CHECK_THROWS_WITH(fiber.resume(), "from the fiber");
  CHECK(fiber.finished());
}

TEST_CASE("fibers take turns, each keeping its own stack", "[fiber]") {
  if (!Fiber::supported()) return;
  std::vector<int> order;
  auto body = [&](int id) {
    return [&order, id] {
      for (int i = 0; i < 3; ++i) {
        int local = id * 10 + i;  // lives on this fiber's stack across the switch
        Fiber::suspend();
        order.push_back(local);
      }
    };
  };
  Fiber a(body(1), 1 << 20), b(body(2), 1 << 20);
  a.resume();
  b.resume();
  while (!a.finished() || !b.finished()) {
    a.resume();
    b.resume();
  }
  CHECK(order == std::vector<int>{10, 20, 11, 21, 12, 22});
}
