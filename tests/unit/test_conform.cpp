// The conformance suite (model/scenario/conform.hpp) must be able to fail:
// the model is broken on purpose through asyncio::Faults and the suite has to
// report a mismatch, with its first difference. The references are the
// captured SCENARIO.expected.json files and handle logs CPython 3.12 wrote
// through tests/conformance/virtual_clock.py, so the test needs no pyenv.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "model/explore/chooser.hpp"
#include "model/scenario/conform.hpp"
#include "model/scenario/run.hpp"

namespace fs = std::filesystem;
namespace conform = asim::scenario::conform;

namespace {

std::string scenario(const std::string& rel) {
  return (fs::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios" / rel).string();
}

// future_callbacks.py catches done-callbacks called inline; seed_question.py is
// the as_completed question; due_timer_after_ready.py catches due timers run
// before the handles already ready.
const std::vector<std::string>& chosen() {
  static const std::vector<std::string> v{scenario("loop/future_callbacks.py"),
                                          scenario("as_completed/seed_question.py"),
                                          scenario("loop/due_timer_after_ready.py")};
  return v;
}

conform::Report suite(asim::asyncio::Faults faults) {
  conform::SuiteOptions options;
  options.use_expected = true;
  options.compare.limits.faults = faults;
  return conform::run_suite(chosen(), options, nullptr);
}

std::size_t mismatches(const conform::Report& report) {
  std::size_t n = 0;
  for (const auto& [s, row] : report.cells)
    for (const auto& [v, c] : row)
      if (c.outputs == conform::Mark::Differ) {
        ++n;
        CHECK_FALSE(c.outputs_difference.empty());
      }
  return n;
}

// CPython 3.12.1's handle log of scenarios/loop/due_timer_after_ready.py (ASIM_HANDLE_LOG).
constexpr std::string_view kDueTimerLog312 =
    "1\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "2\t0.0\tlist.append\n"
    "2\t0.0\tlist.append\n"
    "2\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "2\t0.0\tlist.append\n"
    "2\t0.0\tlist.append\n"
    "3\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "4\t0.0\t_run_until_complete_cb\n"
    "5\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "6\t0.0\t_run_until_complete_cb\n"
    "7\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "8\t0.0\t_run_until_complete_cb\n";

// CPython 3.12.1's handle log of scenarios/loop/future_callbacks.py.
constexpr std::string_view kFutureCallbacksLog312 =
    "1\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "2\t0.0\tmain.<locals>.<lambda>\n"
    "2\t0.0\tmain.<locals>.<lambda>\n"
    "2\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "3\t0.0\t_run_until_complete_cb\n"
    "4\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "5\t0.0\t_run_until_complete_cb\n"
    "6\t0.0\t<_asyncio.TaskStepMethWrapper object at 0x?>\n"
    "7\t0.0\t_run_until_complete_cb\n";

conform::Reference reference_312(const std::string& path, std::string_view log) {
  conform::Reference ref;
  ref.outcome = conform::load_expected(path).at("3.12");
  ref.handles = conform::parse_handle_log(log);
  return ref;
}

}  // namespace

TEST_CASE("conform: the model as it is matches CPython on the chosen scenarios", "[conform]") {
  const auto report = suite({});
  CHECK_FALSE(report.any_difference());
  CHECK_FALSE(report.nothing_compared());
  CHECK(mismatches(report) == 0);
  const auto text = conform::render(report);
  CHECK(text.find("outputs: 21 of 21 scenario×version pairs match") != std::string::npos);
}

TEST_CASE("conform: done-callbacks called inline are caught", "[conform]") {
  asim::asyncio::Faults faults;
  faults.callbacks_inline = true;
  const auto report = suite(faults);
  REQUIRE(report.any_difference());
  CHECK(mismatches(report) >= 1);
  const conform::Verdict* found = nullptr;
  for (const auto& [s, row] : report.cells)
    if (s.find("future_callbacks.py") != std::string::npos) found = &row.at("3.12");
  REQUIRE(found);
  const auto& cell = *found;
  REQUIRE(cell.outputs == conform::Mark::Differ);
  // CPython prints after set_result before the callbacks run; inline, the callback prints first.
  CHECK(cell.outputs_difference ==
        "stdout line 1: CPython 'set_result returned; callbacks not run yet' | model 'callback 1 sees 42'");
  const auto text = conform::render(report);
  CHECK(text.find("✗ ") != std::string::npos);
  CHECK(text.find("outputs: stdout line 1") != std::string::npos);
}

TEST_CASE("conform: due timers run before the ready handles are caught", "[conform]") {
  asim::asyncio::Faults faults;
  faults.timers_before_ready = true;
  const auto report = suite(faults);
  REQUIRE(report.any_difference());
  CHECK(mismatches(report) >= 1);
  bool found = false;
  for (const auto& [s, row] : report.cells)
    if (s.find("due_timer_after_ready.py") != std::string::npos) {
      found = true;
      for (const auto& [v, c] : row) {
        INFO(v);
        CHECK(c.outputs == conform::Mark::Differ);
        CHECK(c.outputs_difference ==
              "stdout line 1: CPython \"after one iteration: ['call_soon 1', 'call_soon 2']\" | model \"after one "
              "iteration: ['call_at(past)', 'call_later(0)', 'call_soon 1', 'call_soon 2']\"");
      }
    }
  CHECK(found);
}

TEST_CASE("conform: per-tick handle sequences catch both faults at their first tick", "[conform]") {
  conform::CompareOptions options;
  options.handles = true;
  const auto due = scenario("loop/due_timer_after_ready.py");
  const auto callbacks = scenario("loop/future_callbacks.py");

  SECTION("no fault: every tick matches CPython 3.12's log") {
    for (const auto& [path, log] : {std::pair{due, kDueTimerLog312}, std::pair{callbacks, kFutureCallbacksLog312}}) {
      const auto v = conform::compare(path, "3.12", reference_312(path, log), options);
      CHECK(v.outputs == conform::Mark::Match);
      REQUIRE(v.handles);
      CHECK(*v.handles == conform::Mark::Match);
      CHECK(v.handles_difference.empty());
    }
  }
  SECTION("timers_before_ready: tick 2, the due timers run before the task's step") {
    options.limits.faults.timers_before_ready = true;
    const auto v = conform::compare(due, "3.12", reference_312(due, kDueTimerLog312), options);
    CHECK(v.outputs == conform::Mark::Differ);
    REQUIRE(v.handles);
    CHECK(*v.handles == conform::Mark::Differ);
    // Tick 2: CPython runs the two call_soon, the task's step, then the two
    // due timers; the broken model the two timers first, so the callback names
    // part at handle #4 (the arguments are not compared, only shown).
    CHECK(v.handles_difference ==
          "tick 2 (handle #4): CPython tick 2 t=0.0 Task.__step [<_asyncio.TaskStepMethWrapper object at 0x?>] | "
          "model tick 2 t=0.0 list.append [list.append('call_soon 1')]");
  }
  SECTION("callbacks_inline: the lambdas never run as handles at tick 2") {
    options.limits.faults.callbacks_inline = true;
    const auto v = conform::compare(callbacks, "3.12", reference_312(callbacks, kFutureCallbacksLog312), options);
    REQUIRE(v.handles);
    CHECK(*v.handles == conform::Mark::Differ);
    CHECK(v.handles_difference.rfind("tick 2 (handle #2): CPython tick 2 t=0.0 main.<locals>.<lambda>", 0) == 0);
  }
}

TEST_CASE("conform: one normalisation table for CPython's and the model's callback names", "[conform]") {
  using conform::normalise_callback;
  CHECK(normalise_callback("<TaskStepMethWrapper object at 0x?>") == "Task.__step");
  CHECK(normalise_callback("<_asyncio.TaskStepMethWrapper object at 0x7f3a2b>") == "Task.__step");
  CHECK(normalise_callback("Task.__step()") == "Task.__step");
  CHECK(normalise_callback("<TaskWakeupMethWrapper object at 0x?>") == "Task.__wakeup");
  // reprlib's shortened arguments leave parentheses unpaired.
  CHECK(normalise_callback("<TaskWakeupMethWrapper object at 0x?>(<Task finishe...)> result='a'>)") ==
        "Task.__wakeup");
  CHECK(normalise_callback("<Ticker (a) <b>>(<_GatheringFu...oom at 0.1')]>)") == "<Ticker (a) <b>>");
  CHECK(normalise_callback("Task.task_wakeup") == "Task.__wakeup");
  CHECK(normalise_callback("Task.__wakeup(<Future finished result=None>)") == "Task.__wakeup");
  CHECK(normalise_callback("_set_result_unless_cancelled") == "futures._set_result_unless_cancelled");
  CHECK(normalise_callback("_set_result_unless_cancelled(<Future pending>, None)") ==
        "futures._set_result_unless_cancelled");
  CHECK(normalise_callback("_gather.<locals>._done_callback") == "gather.<locals>._done_callback");
  CHECK(normalise_callback("functools.partial(<function _release_waiter at 0x?>, <Future pending "
                           "cb=[Task.task_wakeup()]>)") == "_release_waiter");
  CHECK(normalise_callback("as_completed.<locals>._on_completion") == "as_completed.<locals>._on_completion");
  CHECK(normalise_callback("_AsCompletedIterator._handle_completion(<Task finished>)") ==
        "_AsCompletedIterator._handle_completion");
  CHECK(normalise_callback("_run_until_complete_cb(<Task finished coro=<main()> result=None>)") ==
        "_run_until_complete_cb");
  CHECK(normalise_callback("main.<locals>.<lambda>") == "main.<locals>.<lambda>");

  CHECK(conform::last_nonempty_line("Traceback\n  File x\nValueError: <object at 0xdeadbeef>\n\n") ==
        "ValueError: <object at 0x?>");
  CHECK(conform::wanted_versions(scenario("taskgroup/taskgroup_basics.py")) ==
        std::vector<std::string>{"3.11", "3.12", "3.13"});
}

TEST_CASE("conform: an address-dependent order is matched by trying every choice", "[conform]") {
  // Two coroutines sleeping equally long: CPython's as_completed puts them in a
  // set, so which finishes first depends on addresses; the model has a choice.
  const auto dir = fs::temp_directory_path() / "asim-test-conform";
  fs::create_directories(dir);
  const auto path = (dir / "tie.py").string();
  {
    std::ofstream(path) << "import asyncio\n\n\n"
                           "async def main():\n"
                           "    for item in asyncio.as_completed([asyncio.sleep(0.1, 'a'), asyncio.sleep(0.1, 'b')]):\n"
                           "        print(await item)\n\n\n"
                           "asyncio.run(main())\n";
  }
  auto outcome_with = [&](std::vector<std::size_t> script) {
    asim::explore::Replay chooser(std::move(script));
    asim::scenario::RunOptions options;
    options.python = "3.12";
    options.chooser = &chooser;
    const auto r = asim::scenario::run_file(path, options);
    return conform::Outcome{r.out, conform::last_nonempty_line(r.err), r.exit_code};
  };
  const auto first = outcome_with({});
  const auto second = outcome_with({1});
  REQUIRE(first.out == "a\nb\n");
  REQUIRE(second.out == "b\na\n");

  conform::Reference ref;
  ref.outcome = second;
  auto v = conform::compare(path, "3.12", ref, {});
  CHECK(v.outputs == conform::Mark::MatchOrder);
  CHECK(v.choices == std::vector<std::size_t>{1});
  CHECK(v.model_runs == 2);

  ref.outcome = first;
  v = conform::compare(path, "3.12", ref, {});
  CHECK(v.outputs == conform::Mark::Match);
  CHECK(v.model_runs == 1);

  ref.outcome.out = "c\n";  // no choice gives this
  v = conform::compare(path, "3.12", ref, {});
  CHECK(v.outputs == conform::Mark::Differ);
  CHECK(v.model_runs == 2);
  CHECK(v.outputs_difference ==
        "stdout line 1: CPython 'c' | model 'a' (default choices; none of 2 choice sequences matches)");
  fs::remove_all(dir);
}
