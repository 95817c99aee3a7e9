// Sinks that keep every event (and the loop's snapshots), for renderers and
// tests to read afterwards.
#pragma once

#include <vector>

#include "model/trace/event.hpp"
#include "model/trace/snapshot.hpp"

namespace asim::trace {

class Recorder : public Sink {
 public:
  void emit(Event e) override { events.push_back(std::move(e)); }
  std::vector<Event> events;
};

// Snapshots cost a walk over the loop's queues and tasks each iteration:
// only this recorder asks for them.
class SnapshotRecorder : public Recorder, public SnapshotSink {
 public:
  void snapshot(Snapshot s) override { snapshots.push_back(std::move(s)); }
  std::vector<Snapshot> snapshots;
};

}  // namespace asim::trace
