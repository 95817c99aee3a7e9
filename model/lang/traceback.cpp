#include "model/lang/traceback.hpp"

#include <fmt/format.h>

#include <set>

#include "model/lang/eval.hpp"
#include "model/lang/suggestions.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

namespace {

constexpr int kRecursiveCutoff = 3;  // TB_RECURSIVE_CUTOFF
constexpr int kTracebackLimit = 1000;  // PyTraceBack_LIMIT

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
  if (e.line == e.end_line) {
    if (e.anchor_left >= 0) {
      left = start + e.anchor_left;
      right = start + e.anchor_right;
    }
  } else {
    end = len;  // a multi-line expression: mark to the end of its first line
  }
  if (start < ws || end > len || start > end) return;
  const bool secondary = left >= 0 || right >= 0;
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
                                  const LanguageFeatures& features);

namespace {

void print_traceback(std::string& out, const runtime::PyException& exc, const SourceLines& lines,
                     const LanguageFeatures& features) {
  const auto& tb = exc.traceback;  // innermost first
  if (tb.empty()) return;
  out += "Traceback (most recent call last):\n";
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

void print_recursive(std::string& out, const runtime::PyException& exc, const SourceLines& lines, const DirOf& dir,
                     const LanguageFeatures& features,
                     std::set<const runtime::PyException*>& seen) {
  seen.insert(&exc);
  if (exc.cause) {
    if (!seen.count(exc.cause.get())) {
      print_recursive(out, *exc.cause, lines, dir, features, seen);
      out += "\nThe above exception was the direct cause of the following exception:\n\n";
    }
  } else if (exc.context && !exc.suppress_context) {
    if (!seen.count(exc.context.get())) {
      print_recursive(out, *exc.context, lines, dir, features, seen);
      out += "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
  }
  print_traceback(out, exc, lines, features);
  out += format_exception_only(exc, dir, features);
  out += '\n';
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
                                  const LanguageFeatures& features) {
  const runtime::Type& t = *exc.type;
  std::string name = t.qualname.empty() ? t.name : t.qualname;
  if (t.module != "builtins" && t.module != "__main__") name = t.module + "." + name;
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

std::string format_exception(const runtime::PyException& exc, const SourceLines& lines, const DirOf& dir,
                             const LanguageFeatures& features) {
  std::string out;
  std::set<const runtime::PyException*> seen;
  print_recursive(out, exc, lines, dir, features, seen);
  return out;
}

}  // namespace asim::lang
