// What the event loop holds at the start of each _run_once iteration's
// callbacks: the ready queue, the timer heap and every pending task. A sink
// that also derives from SnapshotSink receives one per iteration (the loop
// asks with dynamic_cast, so other sinks pay nothing); `asim run --format
// snapshots` prints them and the playground steps through them
// (docs/trace-format.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/trace/explain.hpp"

namespace asim::trace {

struct TimerEntry {
  double when;
  std::string handle;  // the TimerHandle's repr, as CPython prints it
  bool cancelled;
};

struct TaskEntry {
  std::string name;
  std::string state;   // "scheduled" (its step is queued) or "waiting" (on its awaited future)
  std::string repr;    // the Task's repr: coroutine, "running at FILE:LINE", wait_for=
  std::string file;    // where its coroutine is suspended, if known
  std::uint32_t line;  // 0 when not known
};

struct Snapshot {
  std::uint64_t tick;  // the _run_once iteration, 1 for the first
  double time;         // the loop's clock once due timers moved to the ready queue
  std::uint32_t run;   // which event-loop run of the program (as Event::run)
  std::vector<std::string> ready;  // _ready in order: the handles this iteration runs
  std::vector<TimerEntry> timers;  // _scheduled, earliest deadline first
  std::vector<TaskEntry> tasks;    // pending tasks, oldest first
  // The explain notes of the events this iteration's callbacks caused:
  // not recorded by the loop but joined afterwards (attach_notes).
  std::vector<std::string> notes;
};

class SnapshotSink {
 public:
  virtual ~SnapshotSink() = default;
  virtual void snapshot(Snapshot s) = 0;
};

}  // namespace asim::trace

namespace asim::trace {

// One program run's snapshots under one version, as recorded.
struct RecordedSnapshots {
  std::string version;
  std::vector<Snapshot> snapshots;
};

// Gives each snapshot the notes of the events of its iteration (same run,
// same tick); a note from before a run's first iteration goes to that first
// one, and notes outside every loop run to none.
void attach_notes(std::vector<Snapshot>& snapshots, const std::vector<Annotated>& events);

// `asim run --format snapshots`: one JSON object per line and snapshot, run
// by run (docs/trace-format.md).
std::string render_snapshots(const std::vector<RecordedSnapshots>& runs);

}  // namespace asim::trace
