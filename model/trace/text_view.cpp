// `asim run --format text`: the runs in columns, aligned by virtual time.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "model/runtime/value.hpp"
#include "model/trace/views.hpp"

namespace asim::trace {

namespace {

enum class Style { Plain, Title, Time, Dim, Output, Note, Explain, Choice, Error };

std::string_view ansi(Style s) {
  switch (s) {
    case Style::Plain:
      return "";
    case Style::Title:
      return "\x1b[1m";
    case Style::Time:
      return "\x1b[1;34m";
    case Style::Dim:
      return "\x1b[2m";
    case Style::Output:
      return "\x1b[32m";
    case Style::Note:
      return "\x1b[36m";
    case Style::Explain:
      return "\x1b[1;33m";
    case Style::Choice:
      return "\x1b[35m";
    case Style::Error:
      return "\x1b[31m";
  }
  return "";
}

struct Line {
  std::string text;
  Style style = Style::Plain;
};

// Byte offset of the first `n` code points of `s`.
std::size_t prefix_bytes(std::string_view s, std::size_t n) {
  std::size_t i = 0;
  while (i < s.size() && n > 0) {
    ++i;
    while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    --n;
  }
  return i;
}

// Tabs become spaces and other control characters a '?', so widths hold.
std::string printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '\t')
      out += "    ";
    else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      out += '?';
    else
      out += c;
  }
  return out;
}

// Wraps `text` (one line, no newline) into lines of at most `width` code
// points, at spaces where it can; continuation lines start with `indent`.
void wrap_into(std::vector<Line>& out, const std::string& text, std::size_t width, const std::string& indent,
               Style style) {
  std::string rest = printable(text);
  bool first = true;
  while (true) {
    const std::string lead = first ? "" : indent;
    const std::size_t room = width > lead.size() + 8 ? width - lead.size() : 8;
    if (display_width(rest) <= room) {
      out.push_back({lead + rest, style});
      return;
    }
    std::size_t cut = prefix_bytes(rest, room);
    // Break at the last space in the last third of the line, if any.
    const auto space = rest.rfind(' ', cut);
    if (space != std::string::npos && space > 0 &&
        display_width(std::string_view(rest).substr(0, space)) > room * 2 / 3)
      cut = space;
    out.push_back({lead + rest.substr(0, cut), style});
    rest = rest.substr(cut);
    if (!rest.empty() && rest[0] == ' ') rest.erase(0, 1);
    if (rest.empty()) return;
    first = false;
  }
}

// Each line of `text` wrapped: the first starts with `first_prefix`, the
// next ones with `line_prefix`, continuations of a wrapped line with
// `indent`. A final newline adds no line.
void wrap_lines(std::vector<Line>& out, const std::string& text, std::size_t width, const std::string& first_prefix,
                const std::string& line_prefix, const std::string& indent, Style style) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (true) {
    const auto nl = text.find('\n', start);
    if (nl == std::string::npos) {
      if (start < text.size() || pieces.empty()) pieces.push_back(text.substr(start));
      break;
    }
    pieces.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  for (std::size_t i = 0; i < pieces.size(); ++i)
    wrap_into(out, (i ? line_prefix : first_prefix) + pieces[i], width, indent, style);
}

Style style_of(Kind k) {
  switch (k) {
    case Kind::Output:
      return Style::Output;
    case Kind::Note:
      return Style::Note;
    case Kind::ChoicePoint:
      return Style::Choice;
    case Kind::ErrorOutput:
    case Kind::Deadlock:
      return Style::Error;
    default:
      return level_of(k) >= Level::Loop ? Style::Dim : Style::Plain;
  }
}

// "#6   Task-1  task-step      Task-1: send None"
std::string event_text(const Event& e, Level level, bool explained) {
  if (e.kind == Kind::Output || e.kind == Kind::ErrorOutput) {
    std::string text = e.detail;
    if (!text.empty() && text.back() == '\n') text.pop_back();
    if (level == Level::Program) return text;
    const std::string_view what = e.kind == Kind::Output ? "print" : "stderr";
    // Outside a loop there is no iteration and no task: the main program wrote it.
    if (e.outside) return fmt::format("{:<4} {:<7} {:<13} {}", "", "main", what, text);
    return fmt::format("#{:<3} {:<7} {:<13} {}", e.tick, e.task.empty() ? "loop" : e.task, what, text);
  }
  std::string body = e.subject;
  // An explained Note shows its subject only: the explanation says the rest.
  if (!e.detail.empty() && !(e.kind == Kind::Note && explained)) body += (body.empty() ? "" : ": ") + e.detail;
  return fmt::format("#{:<3} {:<7} {:<13} {}", e.tick, e.task.empty() ? "loop" : e.task, kind_name(e.kind), body);
}

std::vector<Line> lines_of(const Annotated& a, const ViewOptions& o, std::size_t width) {
  std::vector<Line> out;
  // What the program wrote keeps its own lines, under its first one.
  const bool written = a.event.kind == Kind::Output || a.event.kind == Kind::ErrorOutput;
  const std::string next_lines = !written ? "      " : o.level == Level::Program ? "" : std::string(28, ' ');
  if (level_of(a.event.kind) <= o.level)
    wrap_lines(out, event_text(a.event, o.level, !a.note.empty()), width, "", next_lines, "      ",
               style_of(a.event.kind));
  if (!a.note.empty()) wrap_lines(out, a.note, width, ">> ", "   ", "   ", Style::Explain);
  return out;
}

std::string paint(const Line& l, std::size_t width, bool color) {
  std::string out;
  if (color && l.style != Style::Plain && !l.text.empty())
    out = std::string(ansi(l.style)) + l.text + "\x1b[0m";
  else
    out = l.text;
  const auto w = display_width(l.text);
  if (w < width) out += std::string(width - w, ' ');
  return out;
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t n = 0;
  for (char c : s)
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
  return n;
}

std::string render_text(const std::vector<RecordedRun>& runs, const ViewOptions& o) {
  if (runs.empty()) return "";
  const std::size_t n = runs.size();
  const std::string sep = " | ";
  const std::size_t total = std::max<std::size_t>(o.width, n * 24 + (n - 1) * sep.size());
  const std::size_t col = (total - (n - 1) * sep.size()) / n;

  std::vector<std::vector<Line>> rows;  // rows[r][c]
  auto add_block = [&](const std::vector<std::vector<Line>>& columns) {
    std::size_t height = 0;
    for (const auto& c : columns) height = std::max(height, c.size());
    for (std::size_t r = 0; r < height; ++r) {
      std::vector<Line> row(n);
      for (std::size_t c = 0; c < n; ++c)
        if (r < columns[c].size()) row[c] = columns[c][r];
      rows.push_back(std::move(row));
    }
  };

  // Titles.
  {
    std::vector<std::vector<Line>> columns(n);
    for (std::size_t c = 0; c < n; ++c) wrap_into(columns[c], runs[c].title, col, "  ", Style::Title);
    add_block(columns);
  }
  const std::size_t title_rows = rows.size();

  // The events, by loop run and virtual time.
  std::map<Slot, std::vector<std::vector<Line>>> by_slot;
  for (std::size_t c = 0; c < n; ++c)
    for (const auto& a : runs[c].events) {
      auto lines = lines_of(a, o, col - 2);
      if (lines.empty()) continue;
      auto& columns = by_slot[slot_of(a.event)];
      columns.resize(n);
      for (auto& l : lines) columns[c].push_back({"  " + l.text, l.style});
    }
  std::set<std::uint32_t> loop_runs;
  for (const auto& [slot, _] : by_slot)
    if (!slot.outside) loop_runs.insert(slot.run);
  std::optional<std::uint32_t> last_run;
  for (auto& [slot, columns] : by_slot) {
    const bool starts_run = !slot.outside && slot.run != last_run;
    if (!slot.outside) last_run = slot.run;
    std::vector<std::vector<Line>> head(n);
    for (std::size_t c = 0; c < n; ++c)
      head[c].push_back({slot_heading(slot, starts_run, loop_runs.size() > 1), Style::Time});
    add_block(head);
    add_block(columns);
  }

  // How each run ended.
  const std::size_t footer_row = rows.size();
  {
    std::vector<std::vector<Line>> columns(n);
    for (std::size_t c = 0; c < n; ++c) {
      const auto& r = runs[c];
      columns[c].push_back({fmt::format("exit status {}", r.exit_code), r.exit_code ? Style::Error : Style::Title});
    }
    add_block(columns);
  }

  std::string out;
  const std::string level_name = o.level == Level::Program ? "program"
                                 : o.level == Level::Tasks ? "tasks"
                                 : o.level == Level::Loop  ? "loop"
                                                           : "full";
  out += fmt::format("{}: trace level {}; t = virtual time{}\n", o.program, level_name,
                     o.level == Level::Program ? "" : ", #n = loop iteration");
  const auto rule = [&] {
    std::string s;
    for (std::size_t c = 0; c < n; ++c) s += (c ? "-+-" : "") + std::string(col, '-');
    return s + "\n";
  };
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (r == title_rows || r == footer_row) out += rule();
    std::string line;
    for (std::size_t c = 0; c < n; ++c) {
      if (c) line += sep;
      line += paint(rows[r][c], col, o.color);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace asim::trace
