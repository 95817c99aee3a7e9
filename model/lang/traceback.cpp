#include "model/lang/traceback.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "model/lang/eval.hpp"
#include "model/lang/suggestions.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

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

// tb_displayline: the entry, its source line, and the carets when the
// failing expression is not the whole line.
void display_line(std::string& out, const runtime::TracebackEntry& e, const SourceLines& lines,
                  const LanguageFeatures& features) {
  out += fmt::format("  File \"{}\", line {}, in {}\n", e.file, e.line, e.function);
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

// The frames, outermost first, under `header`; nothing without frames.
void print_traceback(std::string& out, std::string_view header, const runtime::PyException& exc,
                     const SourceLines& lines, const LanguageFeatures& features) {
  const auto& tb = exc.traceback;  // innermost first
  if (tb.empty()) return;
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
  if (!exc.traceback.empty()) {
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
