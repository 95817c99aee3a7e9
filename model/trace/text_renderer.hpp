// Plain-text views of a recorded event stream. Renderers only read events;
// they never run the model again.
#pragma once

#include <string>
#include <vector>

#include "model/trace/event.hpp"

namespace asim::trace {

// One line per event at or below `level`: "t=0.1  #6  Task-2  task-finished  ...".
std::vector<std::string> render_lines(const std::vector<Event>& events, Level level);

// Two traces in columns, aligned by virtual time: each time's lines start on
// the same row in both columns.
std::string render_side_by_side(const std::string& left_title, const std::vector<Event>& left,
                                const std::string& right_title, const std::vector<Event>& right, Level level,
                                std::size_t column_width);

}  // namespace asim::trace
