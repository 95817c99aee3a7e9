// unittest under asim: a test that reaches something asim does not model
// (a stop: exit 2 for a plain program) errors with asim's message and the
// run goes on with the next test, so one unmodelled call in CPython's own
// test files does not hide the tests after it. No test code can catch the
// stop, a test expected to fail does not count it as its failure, and an
// IsolatedAsyncioTestCase's loop is closed without awaiting the stopped task.
#include <catch2/catch.hpp>

#include "model/scenario/run.hpp"

namespace {

constexpr const char* kProgram = R"(import asyncio
import unittest
import warnings


class T(unittest.TestCase):
    def test_a_caught_nowhere(self):
        with warnings.catch_warnings(record=True):
            try:
                asyncio.set_event_loop_policy(object())
            except BaseException:
                print("caught")

    def test_b_in_a_task(self):
        loop = asyncio.new_event_loop()
        async def f():
            try:
                await asyncio.sleep(0)
                asyncio.get_event_loop_policy()
            except BaseException:
                print("caught in task")
        try:
            loop.run_until_complete(f())
        finally:
            loop.close()

    @unittest.expectedFailure
    def test_c_expected_failure(self):
        asyncio.get_event_loop_policy()

    def test_d_after(self):
        warnings.warn("shown", UserWarning)
        loop = asyncio.new_event_loop()
        loop.run_until_complete(asyncio.sleep(0))
        loop.close()


class U(unittest.IsolatedAsyncioTestCase):
    async def test_a(self):
        await asyncio.sleep(0)
        asyncio.get_event_loop_policy()

    async def test_b(self):
        await asyncio.sleep(0)


unittest.main(verbosity=2)
)";

}  // namespace

TEST_CASE("unittest: a stop inside one test errors that test, the run goes on", "[unittest]") {
  for (const char* version : {"3.8", "3.10", "3.11", "3.13"}) {
    INFO(version);
    asim::scenario::RunOptions options;
    options.python = version;
    const auto r = asim::scenario::run_source("/t.py", kProgram, options);
    CHECK(r.exit_code == 1);
    CHECK(r.out.find("caught") == std::string::npos);
    for (const char* line : {"test_a_caught_nowhere", "test_b_in_a_task", "test_c_expected_failure"})
      CHECK(r.err.find(std::string(line) + " (__main__.T") != std::string::npos);
    CHECK(r.err.find("test_d_after (__main__.T") != std::string::npos);
    CHECK(r.err.find("UserWarning: shown") != std::string::npos);
    CHECK(r.err.find("/t.py:10: not supported by asim: asyncio.set_event_loop_policy") != std::string::npos);
    CHECK(r.err.find("/t.py:19: not supported by asim: asyncio.get_event_loop_policy") != std::string::npos);
    CHECK(r.err.find("Ran 6 tests") != std::string::npos);
    CHECK(r.err.find("FAILED (errors=4)") != std::string::npos);
  }
}

TEST_CASE("unittest: a plain program still stops at what asim does not model", "[unittest]") {
  const auto r = asim::scenario::run_source("/p.py", "import asyncio\nasyncio.get_event_loop_policy()\nprint('no')\n", {});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("/p.py:2: not supported by asim: asyncio.get_event_loop_policy") != std::string::npos);
}

TEST_CASE("modules asim does not model import, and stop at their first use", "[unittest]") {
  for (const char* module : {"threading", "concurrent.futures", "weakref", "io"}) {
    INFO(module);
    const std::string program = std::string("import ") + module + "\nprint('imported')\n" + module + ".anything\n";
    const auto r = asim::scenario::run_source("/p.py", program, {});
    CHECK(r.exit_code == 2);
    CHECK(r.out == "imported\n");
    CHECK(r.err.find(std::string("not supported by asim: ") + module + ".anything") != std::string::npos);
  }
}

TEST_CASE("an asyncio object its __init__ did not initialize stops, never crashes", "[unittest]") {
  const auto r = asim::scenario::run_source(
      "/p.py", "import asyncio\nfut = asyncio.Future.__new__(asyncio.Future)\nprint('made')\nfut.result()\n", {});
  CHECK(r.exit_code == 2);
  CHECK(r.out == "made\n");
  CHECK(r.err.find("/p.py:4: not supported by asim: Future.result") != std::string::npos);
}

TEST_CASE("replacing a loop method asyncio's own code calls, other than create_future, stops", "[unittest]") {
  const auto r = asim::scenario::run_source(
      "/p.py", "import asyncio\nloop = asyncio.new_event_loop()\nloop.call_soon = print\nprint('no')\n", {});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("/p.py:3: not supported by asim: replacing loop.call_soon") != std::string::npos);
}
