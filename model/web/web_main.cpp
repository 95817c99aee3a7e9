// The browser edition's entry (cmake/web.cmake): one program run under one
// Python version, as `asim run --format jsonl --trace full --explain` records
// it, its loop snapshots as `asim run --format snapshots` prints them, and
// the program's stdout, handed to the page's worker as one JSON object; and
// the runs since the last reset as `asim run --format html`
// shows them side by side. The recording and its rendering are the CLI's;
// nothing here formats an event.
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "model/asyncio/version_profile.hpp"
#include "model/scenario/run.hpp"
#include "model/trace/recorder.hpp"
#include "model/trace/views.hpp"

namespace {

using json = nlohmann::ordered_json;

// A person's run, as `asim run` limits it: wall-clock time, no counts. The
// page's Stop button ends a run sooner.
constexpr double kMaxSeconds = 60;

// The runs since asim_reset(), for the timeline.
std::vector<asim::trace::RecordedRun> recorded;

std::string run(const std::string& source, const std::string& version) {
  const auto* profile = asim::asyncio::find_profile(version);
  if (!profile) return json{{"version", version}, {"error", "unknown Python version"}}.dump();
  asim::trace::SnapshotRecorder recorder;
  asim::scenario::RunOptions options;
  options.python = std::string(profile->label);
  options.sink = &recorder;
  options.max_instructions = std::numeric_limits<std::uint64_t>::max();
  options.limits.max_tasks = std::numeric_limits<std::uint64_t>::max();
  options.limits.max_steps = std::numeric_limits<std::uint64_t>::max();
  options.max_seconds = kMaxSeconds;
  // The file CPython would be given: `python main.py` in the root folder.
  const auto result = asim::scenario::run_source("main.py", source, options);
  std::vector<asim::trace::RecordedRun> runs{{std::string(profile->label), asim::asyncio::display_name(*profile),
                                              asim::trace::annotate(recorder.events, true), result.err,
                                              result.exit_code}};
  recorded.push_back(runs.front());
  asim::trace::ViewOptions view;
  view.program = "main.py";
  view.level = asim::trace::Level::Full;
  return json{{"version", runs.front().version},
              {"stdout", result.out},
              {"stderr", result.err},
              {"exit", result.exit_code},
              {"trace", asim::trace::render_jsonl(runs, view)},
              {"snapshots", asim::trace::render_snapshots({{runs.front().version, recorder.snapshots}})}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace

// Called from JavaScript (ccall): the result lives until the next call.
extern "C" const char* asim_run(const char* source, const char* version) {
  static std::string result;
  try {
    result = run(source, version);
  } catch (const std::exception& e) {
    result = json{{"version", version}, {"error", std::string("asim: ") + e.what()}}.dump();
  }
  return result.c_str();
}

extern "C" void asim_reset() { recorded.clear(); }

// The recorded runs' timelines side by side, one HTML page (its own styles
// and script), at the tasks level as `asim run` shows by default.
extern "C" const char* asim_timeline_html() {
  static std::string page;
  asim::trace::ViewOptions view;
  view.program = "main.py";
  page = recorded.empty() ? std::string() : asim::trace::render_html(recorded, view);
  return page.c_str();
}
