// The browser edition's entry (cmake/web.cmake): one program run under one
// Python version, as `asim run --format jsonl --trace full --explain` records
// it, its loop snapshots as `asim run --format snapshots` prints them, and
// the program's stdout, handed to the page's worker as one JSON object; and
// the runs since the last reset as `asim run --format html`
// shows them side by side; and `asim explore --format json` of a program.
// The recording and its rendering are the CLI's; nothing here formats an
// event.
//
// The Stop button is the Ctrl-C: a running program cannot be told anything,
// so the worker reports how many eval-breaker checks the run has made, the
// page ends the worker and asks for the same run again with a Ctrl-C at
// that check (runtime::request_interrupt_at); runs are deterministic, so it
// stops there with CPython's KeyboardInterrupt.
#include <emscripten.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <limits>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/asyncio/version_profile.hpp"
#include "model/explore/explore.hpp"
#include "model/runtime/interrupt.hpp"
#include "model/scenario/run.hpp"
#include "model/trace/recorder.hpp"
#include "model/trace/views.hpp"

namespace {

using json = nlohmann::ordered_json;

// The worker's self.asimChecks(count), which posts it (throttled) to the page.
EM_JS(void, asim_post_checks, (double checks), { self.asimChecks(checks); });

// The runs since asim_reset(), for the timeline.
std::vector<asim::trace::RecordedRun> recorded;

// WebAssembly's 32-bit memory reaches 2 GiB here (emscripten's default
// maximum for a growing memory): a budget past it could not be kept.
constexpr double kMaxMemoryMiB = 2047;

// The program as CPython would be given it: `python main.py` in the root folder.
constexpr const char* kProgram = "main.py";

// `how`, from the page: {"seconds": S, "memoryMiB": M} (its limits, as
// `asim exec --max-seconds S --max-memory M`: wall-clock time and memory, no
// counts), "interrupts": [N, ...] (Ctrl-Cs replayed at those checks),
// "replay": "c:..." (one schedule `explore` found).
std::string run(const std::string& source, const std::string& version, const json& how) {
  const auto* profile = asim::asyncio::find_profile(version);
  if (!profile) return json{{"version", version}, {"error", "unknown Python version"}}.dump();
  asim::trace::SnapshotRecorder recorder;
  asim::scenario::RunOptions options;
  options.python = std::string(profile->label);
  options.sink = &recorder;
  options.max_instructions = std::numeric_limits<std::uint64_t>::max();
  options.limits.max_tasks = std::numeric_limits<std::uint64_t>::max();
  options.limits.max_steps = std::numeric_limits<std::uint64_t>::max();
  options.max_seconds = how.value("seconds", 60.0);
  options.max_memory = static_cast<std::size_t>(std::min(how.value("memoryMiB", 1024.0), kMaxMemoryMiB) * 1024 * 1024);
  options.interrupt_at = how.value("interrupts", std::vector<std::uint64_t>{});
  std::optional<asim::explore::Replay> replay;
  if (how.contains("replay")) {
    replay.emplace(asim::explore::parse_token(how.at("replay").get<std::string>()));
    options.chooser = &*replay;
  }
  asim::runtime::set_check_observer([](std::uint64_t checks) { asim_post_checks(static_cast<double>(checks)); });
  const auto result = asim::scenario::run_source(kProgram, source, options);
  std::vector<asim::trace::RecordedRun> runs{{std::string(profile->label), asim::asyncio::display_name(*profile),
                                              asim::trace::annotate(recorder.events, true), result.err,
                                              result.exit_code}};
  asim::trace::attach_notes(recorder.snapshots, runs.front().events);
  recorded.push_back(runs.front());
  asim::trace::ViewOptions view;
  view.program = kProgram;
  view.level = asim::trace::Level::Full;
  return json{{"version", runs.front().version},
              {"stdout", result.out},
              {"stderr", result.err},
              {"exit", result.exit_code},
              {"trace", asim::trace::render_jsonl(runs, view)},
              {"snapshots", asim::trace::render_snapshots({{runs.front().version, recorder.snapshots}})}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

// Every order of the program's choice points, as `asim explore --format
// json` reports them; each outcome's replay token goes back to run().
std::string explore(const std::string& source, const std::string& version, std::size_t max_schedules) {
  if (!asim::asyncio::find_profile(version)) return json{{"error", "unknown Python version"}}.dump();
  // explore reads the program from a file: WebAssembly's in-memory one.
  std::ofstream(kProgram, std::ios::binary) << source;
  asim::explore::Options options;
  options.python = version;
  options.max_schedules = max_schedules;
  return asim::explore::render_json(asim::explore::explore_file(kProgram, options));
}

}  // namespace

// Called from JavaScript (ccall): the result lives until the next call.
extern "C" const char* asim_run(const char* source, const char* version, const char* how) {
  static std::string result;
  try {
    result = run(source, version, json::parse(how));
  } catch (const std::exception& e) {
    result = json{{"version", version}, {"error", std::string("asim: ") + e.what()}}.dump();
  }
  return result.c_str();
}

extern "C" const char* asim_explore(const char* source, const char* version, int max_schedules) {
  static std::string result;
  try {
    result = explore(source, version, static_cast<std::size_t>(max_schedules));
  } catch (const std::exception& e) {
    result = json{{"error", std::string("asim: ") + e.what()}}.dump();
  }
  return result.c_str();
}

extern "C" void asim_reset() { recorded.clear(); }

// The recorded runs' timelines side by side, one HTML page (its own styles
// and script), at the tasks level as `asim run` shows by default.
extern "C" const char* asim_timeline_html() {
  static std::string page;
  asim::trace::ViewOptions view;
  view.program = kProgram;
  page = recorded.empty() ? std::string() : asim::trace::render_html(recorded, view);
  return page.c_str();
}
