#include "model/trace/text_renderer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "model/runtime/value.hpp"

namespace asim::trace {

namespace {

std::string render_one(const Event& e) {
  std::string who = e.task.empty() ? "loop" : e.task;
  std::string line = fmt::format("#{:<3} {:<8} {:<14} {}", e.tick, who, kind_name(e.kind), e.subject);
  if (!e.detail.empty()) line += (e.subject.empty() ? "" : ": ") + e.detail;
  return line;
}

std::string fit(const std::string& s, std::size_t width) {
  if (s.size() <= width) return s + std::string(width - s.size(), ' ');
  return s.substr(0, width - 1) + "~";
}

}  // namespace

std::vector<std::string> render_lines(const std::vector<Event>& events, Level level) {
  std::vector<std::string> out;
  double last_time = -1;
  for (const auto& e : events) {
    if (level_of(e.kind) > level) continue;
    if (e.time != last_time) {
      out.push_back(fmt::format("t={}", runtime::float_repr(e.time)));
      last_time = e.time;
    }
    out.push_back("  " + render_one(e));
  }
  return out;
}

std::string render_side_by_side(const std::string& left_title, const std::vector<Event>& left,
                                const std::string& right_title, const std::vector<Event>& right, Level level,
                                std::size_t column_width) {
  std::map<double, std::pair<std::vector<std::string>, std::vector<std::string>>> by_time;
  for (const auto& e : left)
    if (level_of(e.kind) <= level) by_time[e.time].first.push_back(render_one(e));
  for (const auto& e : right)
    if (level_of(e.kind) <= level) by_time[e.time].second.push_back(render_one(e));
  std::string out = fit(left_title, column_width) + " | " + right_title + "\n";
  out += std::string(column_width, '-') + "-+-" + std::string(column_width, '-') + "\n";
  for (const auto& [time, columns] : by_time) {
    out += fit("t=" + runtime::float_repr(time), column_width) + " | t=" + runtime::float_repr(time) + "\n";
    const auto rows = std::max(columns.first.size(), columns.second.size());
    for (std::size_t i = 0; i < rows; ++i) {
      const std::string l = i < columns.first.size() ? columns.first[i] : "";
      const std::string r = i < columns.second.size() ? columns.second[i] : "";
      out += fit("  " + l, column_width) + " | " + (r.empty() ? "" : "  " + fit(r, column_width - 2)) + "\n";
    }
  }
  return out;
}

}  // namespace asim::trace
