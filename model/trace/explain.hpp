// The explain view: short plain-English notes at the moments that matter,
// derived from the recorded events alone. A pure function: the same events
// give the same notes, nothing is run again, and no text is written for a
// particular scenario; the notes come from the model's Note subjects
// (model/trace/note_subjects.hpp) and the events around them.
#pragma once

#include <string>
#include <vector>

#include "model/trace/event.hpp"

namespace asim::trace {

struct Annotated {
  Event event;
  std::string note;  // "" when the event needs no explanation
};

// Every event, in order, each with its note (when `explain` is false, none).
std::vector<Annotated> annotate(const std::vector<Event>& events, bool explain = true);

}  // namespace asim::trace
