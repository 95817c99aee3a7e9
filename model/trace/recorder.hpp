// A sink that keeps every event, for renderers and tests to read afterwards.
#pragma once

#include <vector>

#include "model/trace/event.hpp"

namespace asim::trace {

class Recorder : public Sink {
 public:
  void emit(Event e) override { events.push_back(std::move(e)); }
  std::vector<Event> events;
};

}  // namespace asim::trace
