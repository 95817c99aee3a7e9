// The seed situation (three fetches of 0.3/0.1/0.2 s, the 0.1 s one raising),
// checked against numbers captured from real CPython with the virtual-clock
// harness: tests/conformance/oracle/b_seed.py, notes in oracle_notes.md (b).
#include <catch2/catch.hpp>

#include "model/demo/seed.hpp"

using asim::asyncio::profile;
using asim::demo::run_seed;

TEST_CASE("seed, legacy 3.12: every item is a coroutine - results arrive in completion order") {
  const auto run = run_seed(profile("3.12"));
  CHECK(run.output ==
        "got coroutine (a Future? False)\n"
        "  await gave raised ValueError('fetch 0.1 failed') at t=0.1\n"
        "got coroutine (a Future? False)\n"
        "  await gave result 'result 0.2' at t=0.2\n"
        "got coroutine (a Future? False)\n"
        "  await gave result 'result 0.3' at t=0.3\n");
}

TEST_CASE("seed, 3.13 async for: the very Task objects, done, in completion order") {
  const auto run = run_seed(profile("3.13"));
  CHECK(run.output ==
        "got Task-3 is tasks[1]: done=True exception=ValueError('fetch 0.1 failed') at t=0.1\n"
        "got Task-4 is tasks[2]: done=True exception=None at t=0.2\n"
        "got Task-2 is tasks[0]: done=True exception=None at t=0.3\n");
}

TEST_CASE("seed: asyncio.run takes as many loop iterations as CPython") {
  // CPython: 17 _run_once calls on 3.7/3.8, 19 from 3.9 (shutdown_default_executor).
  CHECK(run_seed(profile("3.7")).ticks == 17);
  CHECK(run_seed(profile("3.8")).ticks == 17);
  CHECK(run_seed(profile("3.9")).ticks == 19);
  CHECK(run_seed(profile("3.12")).ticks == 19);
  CHECK(run_seed(profile("3.13")).ticks == 19);
}
