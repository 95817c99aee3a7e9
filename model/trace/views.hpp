// The views of `asim run`: one recorded run per Python version, rendered as
// side-by-side text, JSON lines, a Chrome/Perfetto trace or one HTML file.
// Every view reads the recorded events only; none runs the model again.
// docs/trace-format.md documents the machine-readable ones.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

#include "model/trace/explain.hpp"

namespace asim::trace {

// One program run under one version, as recorded.
struct RecordedRun {
  std::string version;  // "3.12", or "whatif"
  std::string title;    // "Python 3.12", or "what-if (not CPython)"
  std::vector<Annotated> events;
  std::string err;  // the program's stderr (tracebacks, warnings)
  int exit_code = 0;
};

struct ViewOptions {
  std::string program;  // what was run, for titles: "seed_question.py (built-in)"
  Level level = Level::Tasks;
  std::size_t width = 160;  // text: the whole line, all columns
  bool color = false;       // text: ANSI colours
};

// Columns, one per run, aligned by virtual time: each virtual time starts on
// the same row in every column. Explain notes follow their event.
std::string render_text(const std::vector<RecordedRun>& runs, const ViewOptions& options);

// One JSON object per line: every event at or below the level, run by run,
// then one "exit" record per run.
std::string render_jsonl(const std::vector<RecordedRun>& runs, const ViewOptions& options);

// Chrome's Trace Event Format (a JSON object with traceEvents), which
// Perfetto and chrome://tracing open: a process per version, a thread per task.
std::string render_chrome(const std::vector<RecordedRun>& runs, const ViewOptions& options);

// One self-contained HTML page: the runs' timelines side by side, a lane per
// task. Inline CSS and a little JS; readable without JS; no network.
std::string render_html(const std::vector<RecordedRun>& runs, const ViewOptions& options);

// Where an event sits on the timeline that lines runs up side by side: its
// loop run, then its virtual time in that run; what was written while no
// loop ran comes after that run's events (time 0: in the order written).
struct Slot {
  std::uint32_t run;
  bool outside;
  double time;
  auto operator<=>(const Slot&) const = default;
};
Slot slot_of(const Event& e);
// The slot's heading row: "t=1.5"; "loop run 2, t=0.0" where a new run
// starts, when the runs are several; "no event loop running" between runs.
std::string slot_heading(const Slot& slot, bool starts_run, bool several_runs);

// The width of `s` on a terminal: its code points (UTF-8), not its bytes.
std::size_t display_width(std::string_view s);

// Shared by the timeline views: whose lane an event goes on (a task's life
// events on that task's, all else on the running task's, or the loop's), and
// a short label for what a suspended task awaits.
std::string lane_of(const Event& e);
std::string await_label(const std::string& on);

}  // namespace asim::trace
