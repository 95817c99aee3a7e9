// The limits as a library sees them (docs/limits.md): an embedder's Stop is
// runtime::request_interrupt(), and RunOptions::max_memory the budget.
// Expected texts are CPython 3.12's for the same programs (a one-line loop
// interrupted by SIGINT; a MemoryError caught).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <string_view>
#include <thread>
#include <vector>
#include <cstdint>

#include "model/runtime/interrupt.hpp"
#include "model/scenario/run.hpp"

TEST_CASE("limits: request_interrupt is Ctrl-C, KeyboardInterrupt at the loop's backward jump", "[limits]") {
  asim::scenario::RunOptions options;
  options.python = "3.12";
  std::atomic<bool> ready{false};
  options.stream_out = [&](std::string_view) { ready = true; };
  // Stop once the program is in its loop, as a person would.
  std::thread stop([&] {
    while (!ready) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    asim::runtime::request_interrupt();
  });
  const auto r = asim::scenario::run_source("/p.py", "print('ready')\nn = 0\nwhile n >= 0: n += 1\n", options);
  stop.join();
  CHECK(r.out == "ready\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"/p.py\", line 3, in <module>\n"
        "    while n >= 0: n += 1\n"
        "          ^^^^^^\n"
        "KeyboardInterrupt\n");
  CHECK(r.exit_code == -2);
}

TEST_CASE("limits: an interrupt left from before a run does not stop the next one", "[limits]") {
  asim::runtime::request_interrupt();
  const auto r = asim::scenario::run_source("/p.py", "n = 0\nwhile n < 3: n += 1\nprint(n)\n", {});
  CHECK(r.out == "3\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("limits: an allocation past the memory budget is a catchable MemoryError", "[limits]") {
  asim::scenario::RunOptions options;
  options.max_memory = std::size_t{64} << 20;
  const auto r = asim::scenario::run_source(
      "/p.py", "try:\n    x = [0] * (10**8)\nexcept MemoryError as e:\n    print('caught', repr(e))\nprint(len([0] * 1000))\n",
      options);
  CHECK(r.out == "caught MemoryError()\n1000\n");
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
}

TEST_CASE("limits: interrupt_at replays a Ctrl-C at a counted eval-breaker check, byte for byte", "[limits]") {
  // The checks reported while a run goes are where a replay can stop it.
  static std::vector<std::uint64_t> reported;
  reported.clear();
  asim::runtime::set_check_observer([](std::uint64_t checks) { reported.push_back(checks); });
  const char* program = "n = 0\nwhile n >= 0:\n    n += 1\n    if n % 50000 == 0: print(n)\n    if n == 200000: break\nprint('end')\n";
  const auto whole = asim::scenario::run_source("/p.py", program, {});
  asim::runtime::set_check_observer(nullptr);
  REQUIRE(whole.exit_code == 0);
  REQUIRE(reported.size() >= 4);
  asim::scenario::RunOptions options;
  options.python = "3.12";
  options.interrupt_at = {reported[reported.size() / 2]};
  const auto first = asim::scenario::run_source("/p.py", program, options);
  const auto second = asim::scenario::run_source("/p.py", program, options);
  CHECK(first.exit_code == -2);
  CHECK(first.err.ends_with("KeyboardInterrupt\n"));
  CHECK(first.out.size() < whole.out.size());
  CHECK(whole.out.starts_with(first.out));
  CHECK(second.out == first.out);
  CHECK(second.err == first.err);
  // Without interrupt_at the next run goes to its end.
  CHECK(asim::scenario::run_source("/p.py", program, {}).out == whole.out);
}

TEST_CASE("limits: interrupt_at with two checks is two Ctrl-Cs, as 3.11+'s asyncio.run needs for a busy loop", "[limits]") {
  // CPython 3.12, the same loop sending itself SIGINT at two iterations:
  // one signal only cancels the main task (the Runner's handler), so the
  // loop finishes and the CancelledError ends the run as KeyboardInterrupt;
  // a second one inside the loop raises KeyboardInterrupt there.
  static std::vector<std::uint64_t> reported;
  reported.clear();
  asim::runtime::set_check_observer([](std::uint64_t checks) { reported.push_back(checks); });
  const char* program =
      "import asyncio\n"
      "async def main():\n"
      "    n = 0\n"
      "    while n < 300000:\n"
      "        n += 1\n"
      "    print('finished')\n"
      "    await asyncio.sleep(0)\n"
      "    print('after sleep')\n"
      "asyncio.run(main())\n";
  asim::scenario::RunOptions options;
  options.python = "3.12";
  const auto whole = asim::scenario::run_source("/p.py", program, options);
  asim::runtime::set_check_observer(nullptr);
  REQUIRE(whole.out == "finished\nafter sleep\n");
  REQUIRE(reported.size() >= 3);
  options.interrupt_at = {reported[reported.size() / 3]};
  const auto once = asim::scenario::run_source("/p.py", program, options);
  CHECK(once.out == "finished\n");
  CHECK(once.err.find("asyncio.exceptions.CancelledError\n\nDuring handling of the above exception, another "
                      "exception occurred:") != std::string::npos);
  CHECK(once.err.ends_with("KeyboardInterrupt\n"));
  options.interrupt_at = {reported[reported.size() / 2], reported[reported.size() / 3]};
  const auto twice = asim::scenario::run_source("/p.py", program, options);
  CHECK(twice.out == "");
  CHECK(twice.err.find("CancelledError") == std::string::npos);
  CHECK(twice.err.ends_with("KeyboardInterrupt\n"));
  CHECK(twice.exit_code == -2);
}
