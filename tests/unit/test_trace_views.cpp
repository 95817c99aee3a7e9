// The views of `asim run` (model/trace/views.hpp) and the explain notes
// (model/trace/explain.hpp), on recordings of real scenarios.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "model/asyncio/version_profile.hpp"
#include "model/scenario/run.hpp"
#include "model/trace/recorder.hpp"
#include "model/trace/views.hpp"

namespace fs = std::filesystem;
using asim::trace::Annotated;
using asim::trace::Kind;
using asim::trace::RecordedRun;

namespace {

fs::path scenario(const std::string& relative) {
  return fs::absolute(__FILE__).parent_path().parent_path().parent_path() / "scenarios" / relative;
}

RecordedRun record(const std::string& relative, const std::string& version, bool explain = true) {
  asim::trace::Recorder recorder;
  asim::scenario::RunOptions options;
  options.python = version;
  options.sink = &recorder;
  const auto result = asim::scenario::run_file(scenario(relative).string(), options);
  const auto* profile = asim::asyncio::find_profile(version);
  REQUIRE(profile);
  return {version, asim::asyncio::display_name(*profile), asim::trace::annotate(recorder.events, explain), result.err,
          result.exit_code};
}

// What the program printed: the Output events, in order.
std::string printed(const RecordedRun& run) {
  std::string out;
  for (const auto& a : run.events)
    if (a.event.kind == Kind::Output) out += a.event.detail;
  return out;
}

std::vector<std::string> notes_of(const RecordedRun& run) {
  std::vector<std::string> out;
  for (const auto& a : run.events)
    if (!a.note.empty()) out.push_back(a.note);
  return out;
}

bool any_note_contains(const RecordedRun& run, const std::string& text) {
  for (const auto& n : notes_of(run))
    if (n.find(text) != std::string::npos) return true;
  return false;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

asim::trace::ViewOptions options(asim::trace::Level level = asim::trace::Level::Tasks) {
  asim::trace::ViewOptions o;
  o.program = "seed_question.py";
  o.level = level;
  o.width = 160;
  return o;
}

}  // namespace

TEST_CASE("views: jsonl is one JSON object per line with the seed's kinds", "[views]") {
  const std::vector<RecordedRun> runs{record("as_completed/seed_question.py", "3.12"),
                                      record("as_completed/seed_question.py", "3.13")};
  const auto text = asim::trace::render_jsonl(runs, options(asim::trace::Level::Full));
  std::map<std::string, std::set<std::string>> kinds;  // version -> kinds
  std::size_t explained = 0;
  for (const auto& line : lines(text)) {
    const auto j = nlohmann::json::parse(line);  // throws on a bad line
    REQUIRE(j.contains("version"));
    REQUIRE(j.contains("kind"));
    const std::string kind = j["kind"];
    kinds[j["version"]].insert(kind);
    if (kind == "run" || kind == "exit") continue;
    CHECK(j["time"].is_number());
    CHECK(j["tick"].is_number_unsigned());
    CHECK((j["task"].is_string() || j["task"].is_null()));
    CHECK(j["subject"].is_string());
    CHECK(j["detail"].is_string());
    if (j.contains("explain")) ++explained;
  }
  for (const auto* version : {"3.12", "3.13"})
    for (const auto* kind : {"run", "task-created", "task-step", "task-suspended", "task-wakeup", "task-finished",
                             "handle-run", "timer-scheduled", "future-done", "note", "output", "exit"})
      CHECK(kinds[version].count(kind) == 1);
  CHECK(explained > 0);
}

TEST_CASE("views: the chrome trace is JSON with traceEvents and a thread per task", "[views]") {
  const std::vector<RecordedRun> runs{record("as_completed/seed_question.py", "3.12"),
                                      record("as_completed/seed_question.py", "3.13")};
  const auto doc = nlohmann::json::parse(asim::trace::render_chrome(runs, options()));
  REQUIRE(doc.contains("traceEvents"));
  const auto& events = doc["traceEvents"];
  REQUIRE(events.is_array());
  // pid per version; per pid, every task has exactly one tid and each tid one task.
  for (int pid : {1, 2}) {
    const auto& run = runs[static_cast<std::size_t>(pid - 1)];
    std::set<std::string> tasks;
    for (const auto& a : run.events)
      if (a.event.kind == Kind::TaskCreated) tasks.insert(a.event.subject);
    std::map<std::string, int> tid_of_name;
    std::set<int> tids;
    std::string process;
    for (const auto& e : events) {
      if (e["pid"] != pid || e["ph"] != "M") continue;
      if (e["name"] == "process_name") process = e["args"]["name"];
      if (e["name"] != "thread_name") continue;
      const std::string name = e["args"]["name"];
      const int tid = e["tid"];
      CHECK(tids.insert(tid).second);
      tid_of_name[name.substr(0, name.find(' '))] = tid;
    }
    CHECK(process == run.title);
    CHECK(tid_of_name.count("event") == 1);  // "event loop", tid 0
    CHECK(tid_of_name["event"] == 0);
    for (const auto& t : tasks) CHECK(tid_of_name.count(t) == 1);
    CHECK(tid_of_name.size() == tasks.size() + 1);
    // Every step is a complete event on its task's thread, with a duration.
    std::size_t steps = 0;
    for (const auto& e : events) {
      if (e["pid"] != pid || e["ph"] != "X") continue;
      CHECK(e["dur"].get<double>() >= 1.0);
      CHECK(e["ts"].get<double>() >= 0.0);
      if (e["cat"] == "step") ++steps;
    }
    std::size_t recorded_steps = 0;
    for (const auto& a : run.events) recorded_steps += a.event.kind == Kind::TaskStep;
    CHECK(steps == recorded_steps);
  }
}

TEST_CASE("views: explain notes for the seed question", "[views]") {
  const auto legacy = record("as_completed/seed_question.py", "3.12");
  CHECK(any_note_contains(legacy, "is a coroutine"));
  CHECK(any_note_contains(legacy, "bound to no task"));
  CHECK(any_note_contains(legacy, "whichever result comes next"));
  CHECK(any_note_contains(legacy, "first next()"));
  CHECK_FALSE(any_note_contains(legacy, "hands out the Task itself"));

  const auto modern = record("as_completed/seed_question.py", "3.13");
  CHECK(any_note_contains(modern, "`async for` hands out the Task itself"));
  CHECK(any_note_contains(modern, "3.13 starts at the call"));
  CHECK(any_note_contains(modern, "Plain iteration still yields a coroutine"));

  // The notes are derived from the events: the task names in them are the run's.
  std::set<std::string> tasks;
  for (const auto& a : modern.events)
    if (a.event.kind == Kind::TaskCreated) tasks.insert(a.event.subject);
  for (const auto& a : modern.events)
    if (a.event.kind == Kind::Note && a.event.subject == "as_completed:anext") {
      CHECK(tasks.count(a.event.detail) == 1);
      CHECK(a.note.find(a.event.detail) != std::string::npos);
    }

  // Without --explain, no notes at all.
  const auto plain = record("as_completed/seed_question.py", "3.12", false);
  CHECK(notes_of(plain).empty());
}

TEST_CASE("views: explain notes come from the events, not from the scenario", "[views]") {
  // A second scenario, written for another lesson: the timeout note appears,
  // naming the task the timeout left running, and so does the leftover note.
  for (const auto* version : {"3.12", "3.13"}) {
    const auto run = record("timeouts/as_completed_timeout.py", version);
    INFO(version);
    CHECK(any_note_contains(run, "The timeout fired"));
    CHECK(any_note_contains(run, "did not cancel the tasks: Task-2 keeps running"));
    CHECK(any_note_contains(run, "asyncio.run cancels the task still pending (Task-2)"));
  }
  // A scenario passing coroutines: the notes count the tasks as_completed made.
  const auto lazy = record("as_completed/lazy_vs_eager.py", "3.12");
  const auto eager = record("as_completed/lazy_vs_eager.py", "3.13");
  CHECK(any_note_contains(lazy, "The tasks start now"));
  CHECK(any_note_contains(
      eager,
      "3.13 starts at the call: it already wrapped 2 coroutines in new tasks (Task-2 and Task-3), which start now"));
  // Pure: the same events give the same notes.
  std::vector<asim::trace::Event> events;
  for (const auto& a : eager.events) events.push_back(a.event);
  const auto again = asim::trace::annotate(events);
  REQUIRE(again.size() == eager.events.size());
  for (std::size_t i = 0; i < again.size(); ++i) CHECK(again[i].note == eager.events[i].note);
}

TEST_CASE("views: the html page is one self-contained file", "[views]") {
  const std::vector<RecordedRun> runs{record("as_completed/seed_question.py", "3.12"),
                                      record("as_completed/seed_question.py", "3.13"),
                                      record("as_completed/seed_question.py", "whatif")};
  const auto html = asim::trace::render_html(runs, options());
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(html.find("http://") == std::string::npos);
  CHECK(html.find("https://") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK(html.find("src=") == std::string::npos);
  CHECK(html.find("<style>") != std::string::npos);
  CHECK(html.find("Python 3.12") != std::string::npos);
  CHECK(html.find("Python 3.13") != std::string::npos);
  CHECK(html.find("what-if (not CPython)") != std::string::npos);
  CHECK(html.find("explain:") != std::string::npos);
  CHECK(html.find("title=\"#") != std::string::npos);  // details on hover
  CHECK(html.find("</html>") != std::string::npos);
}

TEST_CASE("views: the text view aligns each virtual time across the columns", "[views]") {
  const std::vector<RecordedRun> runs{record("as_completed/seed_question.py", "3.12"),
                                      record("as_completed/seed_question.py", "3.13")};
  auto o = options();
  o.width = 121;
  const auto text = asim::trace::render_text(runs, o);
  std::size_t time_rows = 0;
  for (const auto& line : lines(text)) {
    CHECK(asim::trace::display_width(line) <= 121);
    if (line.rfind("t=", 0) == 0) {
      ++time_rows;
      // "t=0.1 ... | t=0.1": the same time on the same row in both columns.
      const auto bar = line.find(" | ");
      REQUIRE(bar != std::string::npos);
      CHECK(line.substr(bar + 3) == line.substr(0, line.find(' ')));
    }
  }
  CHECK(time_rows == 7);                           // 0.0 to 0.6 (3.13 runs its async for part after 0.3)
  CHECK(text.find("\x1b[") == std::string::npos);  // no colour unless asked
  o.color = true;
  CHECK(asim::trace::render_text(runs, o).find("\x1b[") != std::string::npos);
}

TEST_CASE("views: the what-if design hands out pending Futures", "[views]") {
  const auto* whatif = asim::asyncio::find_profile("whatif");
  REQUIRE(whatif);
  CHECK_FALSE(asim::asyncio::is_cpython(*whatif));
  CHECK(asim::asyncio::display_name(*whatif) == "what-if (not CPython)");
  for (const auto& p : asim::asyncio::all_profiles()) CHECK(p.label != "whatif");  // not a CPython version

  const auto run = record("as_completed/whatif_futures.py", "whatif");
  CHECK(run.exit_code == 0);
  const auto out = printed(run);
  CHECK(out.find("result() raised InvalidStateError: Result is not set.") != std::string::npos);
  CHECK(out.find("got a Future, done=False") != std::string::npos);
  CHECK(out.find("await item: page after 0.1s") != std::string::npos);
  CHECK(any_note_contains(run, "What-if, not CPython"));
  CHECK(any_note_contains(run, "InvalidStateError"));

  // The real versions run the same file and hand out coroutines.
  const auto real = record("as_completed/whatif_futures.py", "3.12");
  CHECK(printed(real).find("InvalidStateError") == std::string::npos);
  CHECK(printed(real).find("got a coroutine") != std::string::npos);
}

TEST_CASE("views: what a program writes outside its loops shows where it was written, in every format", "[views]") {
  for (const char* version : {"3.7", "3.10", "3.13"}) {
    asim::trace::Recorder recorder;
    asim::scenario::RunOptions run_options;
    run_options.python = version;
    run_options.sink = &recorder;
    const auto result = asim::scenario::run_file(scenario("legacy_loop/output_between_runs.py").string(), run_options);
    // Every byte the program wrote is an event, stdout and stderr alike.
    std::string out, err;
    for (const auto& e : recorder.events) {
      if (e.kind == Kind::Output) out += e.detail;
      if (e.kind == Kind::ErrorOutput) err += e.detail;
    }
    CHECK(out == result.out);
    CHECK(err == result.err);
    CHECK_FALSE(err.empty());

    const std::vector<RecordedRun> runs{
        {version, version, asim::trace::annotate(recorder.events, false), result.err, result.exit_code}};
    const auto o = options(asim::trace::Level::Program);
    const std::vector<std::string> order{"before any loop", "start run 1", "between runs", "start run 2",
                                         "between two run_until_complete calls", "start run 3",
                                         "after the last run", "the end: a message on stderr"};
    for (const auto& rendered : {asim::trace::render_text(runs, o), asim::trace::render_jsonl(runs, o),
                                 asim::trace::render_chrome(runs, o), asim::trace::render_html(runs, o)}) {
      std::size_t at = 0;
      for (const auto& line : order) {
        const auto found = rendered.find(line, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found;
      }
    }
    // The text view heads each stretch outside a loop, and each run after the first.
    const auto text = lines(asim::trace::render_text(runs, o));
    const auto heading_before = [&](const std::string& printed_line) {
      for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i].find(printed_line) != std::string::npos) {
          for (std::size_t j = i; j-- > 0;)
            if (text[j].rfind("  ", 0) != 0) return text[j].substr(0, text[j].find_last_not_of(' ') + 1);
        }
      return std::string();
    };
    CHECK(heading_before("before any loop") == "no event loop running");
    CHECK(heading_before("start run 1") == "loop run 1, t=0.0");
    CHECK(heading_before("between runs") == "no event loop running");
    CHECK(heading_before("start run 3") == "loop run 3, t=0.5");
    CHECK(heading_before("the end") == "no event loop running");
  }
}

TEST_CASE("views: snapshots hold the ready queue each iteration runs, the timers in firing order, the tasks",
          "[views][snapshots]") {
  asim::trace::SnapshotRecorder recorder;
  asim::scenario::RunOptions options;
  options.python = "3.12";
  options.sink = &recorder;
  const auto path = scenario("as_completed/seed_question.py").string();
  REQUIRE(asim::scenario::run_file(path, options).exit_code == 0);
  const auto& snapshots = recorder.snapshots;
  REQUIRE(!snapshots.empty());
  // The callbacks each iteration ran (the per-tick sequence `asim conform
  // --handles` checks against CPython), ending each handle's repr:
  // "<Handle CALLBACK>", "<TimerHandle when=T CALLBACK>".
  std::map<std::uint64_t, std::vector<std::string>> ran;
  for (const auto& e : recorder.events)
    if (e.kind == Kind::HandleRun) ran[e.tick].push_back(" " + e.subject);
  // Each handle's repr names its callback last, before ">" or, for one of
  // asyncio's own functions, before " at FILE:LINE>".
  const auto callbacks_match = [](const std::vector<std::string>& reprs, const std::vector<std::string>& callbacks) {
    if (reprs.size() != callbacks.size()) return false;
    for (std::size_t i = 0; i < reprs.size(); ++i)
      if (!reprs[i].ends_with(callbacks[i] + ">") && reprs[i].find(callbacks[i] + " at ") == std::string::npos)
        return false;
    return true;
  };
  std::uint64_t previous = 0;
  bool saw_first_timer_due = false;
  for (const auto& s : snapshots) {
    CHECK(s.tick == previous + 1);
    previous = s.tick;
    CHECK(callbacks_match(s.ready, ran[s.tick]));
    for (std::size_t i = 1; i < s.timers.size(); ++i) CHECK(s.timers[i - 1].when <= s.timers[i].when);
    // The 0.1 s sleep due: its timer moved to the ready queue, 0.2 and 0.3 wait.
    std::vector<double> whens;
    for (const auto& t : s.timers) whens.push_back(t.when);
    if (s.time == 0.1 && whens == std::vector<double>{0.2, 0.3} && s.ready.size() == 1 &&
        s.ready.front().rfind("<TimerHandle when=0.1 ", 0) == 0)
      saw_first_timer_due = true;
    for (const auto& t : s.tasks) {
      CHECK((t.state == "scheduled" || t.state == "waiting"));
      CHECK(t.repr.rfind("<Task pending name='" + t.name + "'", 0) == 0);
      // The program's coroutines say where they are; the loop's own
      // (shutdown_asyncgens) do not.
      CHECK(((t.file == path && t.line > 0) || (t.file.empty() && t.line == 0)));
    }
  }
  CHECK(saw_first_timer_due);
  CHECK(snapshots.front().tasks.size() == 1);  // main's task, its first step queued
  CHECK(snapshots.front().tasks.front().state == "scheduled");

  const auto text = asim::trace::render_snapshots({{"3.12", snapshots}});
  const auto rendered = lines(text);
  REQUIRE(rendered.size() == snapshots.size());
  for (const auto& line : rendered) {
    const auto j = nlohmann::json::parse(line);
    CHECK(j["version"] == "3.12");
    CHECK(j["kind"] == "snapshot");
    CHECK(j["ready"].is_array());
    CHECK(j["timers"].is_array());
    CHECK(j["tasks"].is_array());
  }
}

TEST_CASE("views: each snapshot carries the explain notes of its own iteration", "[views][snapshots]") {
  asim::trace::SnapshotRecorder recorder;
  asim::scenario::RunOptions options;
  options.python = "3.12";
  options.sink = &recorder;
  REQUIRE(asim::scenario::run_file(scenario("as_completed/seed_question.py").string(), options).exit_code == 0);
  const auto annotated = asim::trace::annotate(recorder.events, true);
  auto snapshots = recorder.snapshots;
  asim::trace::attach_notes(snapshots, annotated);

  std::map<std::uint64_t, std::vector<std::string>> by_tick;
  std::vector<std::string> in_loop;
  for (const auto& a : annotated)
    if (!a.note.empty() && !a.event.outside) {
      by_tick[std::max<std::uint64_t>(a.event.tick, snapshots.front().tick)].push_back(a.note);
      in_loop.push_back(a.note);
    }
  REQUIRE(in_loop.size() >= 3);
  std::vector<std::string> attached;
  for (const auto& s : snapshots) {
    CHECK(s.notes == by_tick[s.tick]);
    attached.insert(attached.end(), s.notes.begin(), s.notes.end());
  }
  CHECK(attached == in_loop);
  const auto first = nlohmann::json::parse(lines(asim::trace::render_snapshots({{"3.12", snapshots}})).front());
  CHECK(first["notes"] == nlohmann::json(snapshots.front().notes));
}

TEST_CASE("views: a note from before a loop run's first iteration goes to that iteration", "[views][snapshots]") {
  using asim::trace::Event;
  using asim::trace::Snapshot;
  std::vector<Snapshot> snapshots{{1, 0.0, 1, {}, {}, {}, {}}, {2, 0.0, 1, {}, {}, {}, {}},
                                  {1, 0.0, 2, {}, {}, {}, {}}, {2, 0.5, 2, {}, {}, {}, {}}};
  const auto note = [](std::uint64_t tick, std::uint32_t run, std::string text, bool outside = false) {
    Event e{0.0, tick, Kind::Note, "", "", "", run, outside};
    return Annotated{e, std::move(text)};
  };
  asim::trace::attach_notes(snapshots, {note(0, 1, "before run 1"), note(2, 1, "run 1 tick 2"),
                                        note(0, 2, "between", true), note(0, 2, "before run 2"),
                                        note(2, 2, "run 2 tick 2"), note(2, 2, "again"), note(9, 2, "")});
  CHECK(snapshots[0].notes == std::vector<std::string>{"before run 1"});
  CHECK(snapshots[1].notes == std::vector<std::string>{"run 1 tick 2"});
  CHECK(snapshots[2].notes == std::vector<std::string>{"before run 2"});
  CHECK(snapshots[3].notes == std::vector<std::string>{"run 2 tick 2", "again"});
}
