#include "model/lang/traceback.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "model/lang/eval.hpp"
#include "model/lang/suggestions.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::lang {

namespace {

constexpr int kRecursiveCutoff = 3;  // TB_RECURSIVE_CUTOFF
constexpr int kTracebackLimit = 1000;  // PyTraceBack_LIMIT
constexpr std::size_t kMaxGroupWidth = 15;  // traceback.py's max_group_width
constexpr int kMaxGroupDepth = 10;          // and max_group_depth

bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\f';
}

// Character offsets of a UTF-8 line: offs[k] is the byte where char k starts.
std::vector<std::size_t> char_offsets(std::string_view line) {
  std::vector<std::size_t> offs;
  for (std::size_t b = 0; b < line.size(); ++b)
    if ((static_cast<unsigned char>(line[b]) & 0xc0) != 0x80) offs.push_back(b);
  return offs;
}

std::string_view rstrip(std::string_view s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || is_ws(s.back()))) s.remove_suffix(1);
  return s;
}

std::size_t char_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
}

// textwrap.dedent: the leading whitespace all lines that are not blank share
// comes off; blank lines become empty.
std::vector<std::string> dedent(const std::vector<std::string>& lines) {
  std::optional<std::string_view> margin;
  for (const auto& l : lines) {
    const std::size_t n = l.find_first_not_of(" \t");
    if (n == std::string::npos) continue;
    const std::string_view indent(l.data(), n);
    if (!margin) margin = indent;
    std::size_t k = 0;
    while (k < margin->size() && k < indent.size() && (*margin)[k] == indent[k]) ++k;
    margin = margin->substr(0, k);
  }
  std::vector<std::string> out;
  for (const auto& l : lines)
    out.push_back(l.find_first_not_of(" \t") == std::string::npos ? std::string() : l.substr(margin ? margin->size() : 0));
  return out;
}

// 3.13's traceback.py (format_frame_summary) for an expression over several
// lines: its first and last lines, and the lines around its anchors, with
// "...<N lines>..." for a longer gap; under each, the marks.
void display_segment(std::string& out, const runtime::TracebackEntry& e, const SourceLines& lines) {
  std::vector<std::string> original;
  for (int l = e.line; l <= e.end_line; ++l) original.emplace_back(rstrip(lines ? lines(e.file, l) : std::string_view()));
  const std::vector<std::string> all = dedent(original);
  if (std::all_of(all.begin(), all.end(), [](const std::string& l) { return l.empty(); })) return;
  // Character columns from here on: the lines as code points.
  std::vector<std::vector<std::size_t>> offs;
  for (const auto& l : all) offs.push_back(char_offsets(l));
  auto len = [&](std::size_t k) { return static_cast<int>(offs[k].size()); };
  const int margin = static_cast<int>(char_count(original[0])) - len(0);
  const std::size_t last = all.size() - 1;
  const int start = std::max(0, e.col - margin), end = std::max(0, e.end_col - margin);

  // The anchors' offsets through the original text, back to lines and
  // columns of the dedented ones.
  struct At {
    int line, col;
  };
  auto at = [&](int off) {
    int k = 0, base = e.col;
    while (k < static_cast<int>(last) && off > static_cast<int>(char_count(original[static_cast<std::size_t>(k)])) - base) {
      off -= static_cast<int>(char_count(original[static_cast<std::size_t>(k)])) - base + 1;
      base = 0;
      ++k;
    }
    return At{k, std::max(0, base + off - margin)};
  };
  const bool anchored = e.anchor_left >= 0;
  const At left = anchored ? at(e.anchor_left) : At{0, 0}, right = anchored ? at(e.anchor_right) : At{0, 0};

  // _should_show_carets
  bool carets = false;
  if (!e.call_statement) {
    auto text_before = [&](std::size_t k, int col) {
      const std::string& l = all[k];
      const std::size_t b = col < len(k) ? offs[k][static_cast<std::size_t>(col)] : l.size();
      return l.substr(0, b);
    };
    const std::string head = text_before(0, start);
    const std::string& tail_line = all[last];
    const std::string tail = tail_line.substr(text_before(last, end).size());
    carets = anchored || head.find_first_not_of(" \t\f") != std::string::npos ||
             tail.find_first_not_of(" \t\f") != std::string::npos;
  }
  std::set<int> significant = {0, static_cast<int>(last)};
  if (anchored)
    for (int d = -1; d <= 1; ++d) {
      significant.insert(left.line + d);
      significant.insert(right.line + d);
    }
  significant.erase(-1);
  significant.erase(static_cast<int>(all.size()));

  std::vector<std::string> result;
  auto output_line = [&](int k) {
    const std::string& l = all[static_cast<std::size_t>(k)];
    result.push_back(l);
    if (!carets) return;
    const int spaces = static_cast<int>(l.find_first_not_of(" \t\f") == std::string::npos ? l.size() : l.find_first_not_of(" \t\f"));
    const int count = k == static_cast<int>(last) ? end : len(static_cast<std::size_t>(k));
    std::string marks;
    for (int col = 0; col < count; ++col) {
      const bool after_left = k > left.line || (k == left.line && col >= left.col);
      const bool before_right = k < right.line || (k == right.line && col < right.col);
      if (col < spaces || (k == 0 && col < start)) marks += ' ';
      else if (anchored && after_left && before_right) marks += '^';
      else marks += anchored ? '~' : '^';
    }
    result.push_back(marks);
  };
  int previous = -1;
  for (int k : significant) {
    if (previous >= 0) {
      if (k - previous == 2) output_line(k - 1);
      else if (k - previous > 2) result.push_back(fmt::format("...<{} lines>...", k - previous - 1));
    }
    output_line(k);
    previous = k;
  }
  for (const auto& l : dedent(result)) out += "    " + l + "\n";
}

// tb_displayline: the entry, its source line, and the carets when the
// failing expression is not the whole line.
void display_line(std::string& out, const runtime::TracebackEntry& e, const SourceLines& lines,
                  const LanguageFeatures& features) {
  out += fmt::format("  File \"{}\", line {}, in {}\n", e.file, e.line, e.function);
  if (!e.shown.empty()) {
    out += e.shown;
    return;
  }
  // (A compound statement's position ends at the start of its next line:
  // its first line alone is shown.)
  if (features.traceback_call_carets && e.end_line > e.line && e.end_col > 0) {
    display_segment(out, e, lines);
    return;
  }
  std::string_view line = lines ? lines(e.file, e.line) : std::string_view();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r' || is_ws(line.back()))) line.remove_suffix(1);
  std::size_t ws_bytes = 0;
  while (ws_bytes < line.size() && is_ws(line[ws_bytes])) ++ws_bytes;
  if (ws_bytes == line.size()) return;
  out += fmt::format("    {}\n", line.substr(ws_bytes));
  if (!features.traceback_carets || e.end_line <= 0 || e.end_line < e.line) return;

  const auto offs = char_offsets(line);
  const int len = static_cast<int>(offs.size());
  const int ws = static_cast<int>(ws_bytes);  // whitespace is ASCII: bytes == chars
  const int start = e.col;
  int end = e.end_col;
  int left = -1, right = -1;
  const bool anchored = e.anchor_left >= 0 && (!e.call_anchors || features.traceback_call_carets);
  if (e.line == e.end_line) {
    if (anchored) {
      left = start + e.anchor_left;
      right = start + e.anchor_right;
    }
  } else {
    end = len;  // a multi-line expression: mark to the end of its first line
  }
  if (start == end && e.line == e.end_line) {
    const int margin = features.zero_width_mark_keeps_margin ? 4 + std::max(0, start - ws) : std::max(0, 4 + start - ws);
    out += std::string(static_cast<std::size_t>(margin), ' ') + '\n';
    return;
  }
  if (start < ws || end > len || start > end) return;
  const bool secondary = left >= 0 || right >= 0;
  if (features.traceback_call_carets && e.call_statement) return;
  if (end - start == len - ws && !secondary) return;
  out += "    ";
  for (int x = ws; x < end; ++x) {
    if (x < start) out += ' ';
    else if (secondary && left <= x && x < right) out += '^';
    else out += secondary ? '~' : '^';
  }
  out += '\n';
}

}  // namespace

std::string format_exception_only(const runtime::PyException& exc, const DirOf& dir,
                                  const LanguageFeatures& features, bool uncaught);

namespace {

// Whether CPython prints a traceback above the exception: an exception that
// passed through asyncio's own code only (a Handle's callback, a Task of
// sleep or wait_for) has CPython's library frames, which are not shown.
bool has_frames(const runtime::PyException& exc) {
  return !exc.traceback.empty() || exc.dict.count(std::string(runtime::kLibraryFramesKey));
}

// The frames, outermost first, under `header`; nothing without frames.
void print_traceback(std::string& out, std::string_view header, const runtime::PyException& exc,
                     const SourceLines& lines, const LanguageFeatures& features) {
  const auto& tb = exc.traceback;  // innermost first
  if (!has_frames(exc)) return;
  out += header;
  int n = static_cast<int>(tb.size());
  int first = n - 1;  // outermost
  if (n > kTracebackLimit) first = kTracebackLimit - 1;
  const runtime::TracebackEntry* last = nullptr;
  int cnt = 0;
  auto repeated = [&] {
    if (cnt > kRecursiveCutoff) {
      const int more = cnt - kRecursiveCutoff;
      out += fmt::format("  [Previous line repeated {} more time{}]\n", more, more > 1 ? "s" : "");
    }
  };
  for (int i = first; i >= 0; --i) {
    const auto& e = tb[static_cast<std::size_t>(i)];
    if (!last || e.file != last->file || e.line != last->line || e.function != last->function) {
      repeated();
      last = &e;
      cnt = 0;
    }
    ++cnt;
    if (cnt <= kRecursiveCutoff) display_line(out, e, lines, features);
  }
  repeated();
}

// traceback.py's _ExceptionPrintContext: inside an exception group every
// line is indented by its depth and carries a "| " margin ("+ " on the top
// group's first line).
struct PrintContext {
  std::set<const runtime::PyException*> seen;
  bool uncaught = false;
  int group_depth = 0;
  bool need_close = false;

  std::string indent() const { return std::string(2 * static_cast<std::size_t>(group_depth), ' '); }
  // _ExceptionPrintContext.emit: textwrap.indent of every line, blank ones too.
  void emit(std::string& out, std::string_view text, char margin = '|') const {
    std::string prefix = indent();
    if (group_depth) prefix += std::string{margin, ' '};
    while (!text.empty()) {
      const std::size_t end = std::min(text.find('\n'), text.size() - 1) + 1;
      out += prefix;
      out += text.substr(0, end);
      text.remove_prefix(end);
    }
  }
};

// An ExceptionGroup's exceptions, or nullptr for any other exception.
const std::vector<runtime::Value>* group_members(const runtime::PyException& exc) {
  auto it = exc.dict.find("exceptions");
  if (it == exc.dict.end()) return nullptr;
  auto* tuple = it->second.as<runtime::Tuple>();
  return tuple ? &tuple->items : nullptr;
}

// TracebackException.format: the chain first (cause or context), then the
// exception; a group with its members below it, numbered and boxed.
void print_recursive(std::string& out, const runtime::PyException& exc, const SourceLines& lines, const DirOf& dir,
                     const LanguageFeatures& features, PrintContext& ctx) {
  ctx.seen.insert(&exc);
  if (exc.cause) {
    if (!ctx.seen.count(exc.cause.get())) {
      print_recursive(out, *exc.cause, lines, dir, features, ctx);
      ctx.emit(out, "\nThe above exception was the direct cause of the following exception:\n\n");
    }
  } else if (exc.context && !exc.suppress_context) {
    if (!ctx.seen.count(exc.context.get())) {
      print_recursive(out, *exc.context, lines, dir, features, ctx);
      ctx.emit(out, "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
  }
  const auto* members = group_members(exc);
  std::string text;
  if (!members) {
    print_traceback(text, "Traceback (most recent call last):\n", exc, lines, features);
    ctx.emit(out, text);
    ctx.emit(out, format_exception_only(exc, dir, features, ctx.uncaught) + "\n");
    return;
  }
  if (ctx.group_depth > kMaxGroupDepth) {
    ctx.emit(out, fmt::format("... (max_group_depth is {})\n", kMaxGroupDepth));
    return;
  }
  const bool top = ctx.group_depth == 0;
  if (top) ++ctx.group_depth;
  if (has_frames(exc)) {
    ctx.emit(out, "Exception Group Traceback (most recent call last):\n", top ? '+' : '|');
    print_traceback(text, "", exc, lines, features);
    ctx.emit(out, text);
  }
  ctx.emit(out, format_exception_only(exc, dir, features, ctx.uncaught) + "\n");
  const std::size_t n = std::min(members->size(), kMaxGroupWidth + 1);
  ctx.need_close = false;
  for (std::size_t i = 0; i < n; ++i) {
    const bool last = i == n - 1;
    if (last) ctx.need_close = true;  // a nested group may close the box instead
    const bool truncated = i >= kMaxGroupWidth;
    const std::string title = truncated ? "..." : std::to_string(i + 1);
    out += ctx.indent() + (i == 0 ? "+-" : "  ") + "+---------------- " + title + " ----------------\n";
    ++ctx.group_depth;
    if (!truncated) {
      if (auto* member = (*members)[i].as<runtime::PyException>())
        print_recursive(out, *member, lines, dir, features, ctx);
    } else {
      const std::size_t remaining = members->size() - kMaxGroupWidth;
      ctx.emit(out, fmt::format("and {} more exception{}\n", remaining, remaining > 1 ? "s" : ""));
    }
    if (last && ctx.need_close) {
      out += ctx.indent() + "+------------------------------------\n";
      ctx.need_close = false;
    }
    --ctx.group_depth;
  }
}

// The hint after a NameError or AttributeError (print_exception_suggestions,
// and traceback.py's "forget to import").
std::string suggestion(const runtime::PyException& exc, const DirOf& dir, const LanguageFeatures& features) {
  const auto& b = runtime::Runtime::current().builtins;
  auto name_it = exc.dict.find("name");
  if (name_it == exc.dict.end()) return "";
  auto* name = name_it->second.as<runtime::Str>();
  if (!name) return "";
  std::string out;
  if (!features.name_suggestions) return out;
  if (exc.type.get() == b.NameError.get()) {
    auto hint = exc.dict.find(std::string(kSuggestionKey));
    if (hint != exc.dict.end()) out = ". Did you mean: '" + runtime::to_str(hint->second) + "'?";
    if (features.self_and_import_suggestions && is_stdlib_module(name->text))
      out += out.empty() ? ". Did you forget to import '" + name->text + "'?"
                         : " Or did you forget to import '" + name->text + "'";
    return out;
  }
  if (exc.isinstance(b.AttributeError.get()) && dir) {
    auto obj = exc.dict.find("obj");
    if (obj == exc.dict.end()) return "";
    std::vector<std::string> candidates;
    try {
      candidates = dir(obj->second);
    } catch (runtime::PyError&) {
      return "";
    }
    if (auto hint = calculate_suggestion(candidates, name->text)) return ". Did you mean: '" + *hint + "'?";
  }
  return "";
}

}  // namespace

std::string format_exception_only(const runtime::PyException& exc, const DirOf& dir,
                                  const LanguageFeatures& features, bool uncaught) {
  const runtime::Type& t = *exc.type;
  const auto naming = uncaught ? features.uncaught_class_naming : UncaughtClassNaming::AsTracebackModule;
  std::string name = t.qualname.empty() || naming == UncaughtClassNaming::ModuleAndName ? t.name : t.qualname;
  const bool main_prefixed = naming != UncaughtClassNaming::AsTracebackModule;
  if (t.module != "builtins" && (t.module != "__main__" || main_prefixed)) name = t.module + "." + name;
  std::string message;
  try {
    message = runtime::to_str(runtime::Value(runtime::Ref<runtime::PyException>(const_cast<runtime::PyException*>(&exc))));
  } catch (runtime::PyError&) {
    return name + ": <exception str() failed>";
  }
  message += suggestion(exc, dir, features);
  if (message.empty()) return name;
  return name + ": " + message;
}

bool linecache_has(std::string_view file, const LanguageFeatures& features) {
  return !file.starts_with('<') || (file == "<string>" && features.command_source_shown);
}

std::string format_exception(const runtime::PyException& exc, const SourceLines& lines, const DirOf& dir,
                             const LanguageFeatures& features, bool uncaught) {
  std::string out;
  PrintContext ctx;
  ctx.uncaught = uncaught;
  print_recursive(out, exc, lines, dir, features, ctx);
  return out;
}

}  // namespace asim::lang
