#include "model/lang/syntax_error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <vector>

namespace asim::lang {

namespace {

// The attributes of CPython's SyntaxError object that printing reads.
struct Attributes {
  std::optional<int> lineno;        // none: None
  int offset = -1;                  // 1-based characters; -1: None
  int end_offset = -1;              // -1: None
  int end_lineno = 0;
  std::optional<std::string> text;  // the source line with its newline
};

int chars(std::string_view s) {
  int n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// Python/errors.c err_programtext: the line read with fgets into a
// 1000-byte buffer until its newline, so only the last piece stays.
std::string_view read_back(const Source& source, std::string_view line) {
  constexpr std::size_t kPiece = 999;
  const std::size_t end = static_cast<std::size_t>(line.data() - source.text().data()) + line.size();
  const std::size_t bytes = line.size() + (end < source.text().size() && source.text()[end] == '\n');
  if (bytes <= kPiece) return line;
  const std::size_t last = bytes % kPiece == 0 ? kPiece : bytes % kPiece;
  return line.substr(bytes - last);
}

// Whether each line ends inside a token the tokenizer is still reading: a
// backslash continuation, or a string going on to the next line.
std::vector<bool> lines_continued(const Source& source, int upto) {
  std::vector<bool> continued(static_cast<std::size_t>(upto) + 1, false);
  std::string_view quote;  // the open string's delimiter, if any
  for (int n = 1; n <= upto; ++n) {
    const std::string_view t = source.line(n);
    bool backslash = false;
    for (std::size_t i = 0; i < t.size();) {
      if (!quote.empty()) {
        if (t[i] == '\\') {
          backslash = i + 1 == t.size();
          i += 2;
        } else if (t.substr(i, quote.size()) == quote) {
          i += quote.size();
          quote = {};
        } else {
          ++i;
        }
        continue;
      }
      if (t[i] == '#') break;
      if (t[i] == '"' || t[i] == '\'') {
        quote = t.substr(i, t.substr(i, 3) == std::string(3, t[i]) ? 3 : 1);
        i += quote.size();
        continue;
      }
      backslash = t[i] == '\\' && i + 1 == t.size();
      ++i;
    }
    continued[static_cast<std::size_t>(n)] = backslash || quote.size() == 3;
    if (quote.size() == 1 && !backslash) quote = {};
  }
  return continued;
}

// The parser's byte column (in the text without the BOM) is made a
// character offset over the line read back, which has the BOM's three
// bytes (_PyPegen_byte_offset_to_character_offset, decoding with "replace").
int offset_after_bom(std::string_view line, int offset) {
  if (offset <= 0) return offset;
  std::size_t bytes = 0;
  for (int n = 1; n < offset && bytes < line.size(); ++n)
    do ++bytes;
    while (bytes < line.size() && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80);
  if (bytes == 0) return 1;
  return (bytes < 3 ? 1 : 1 + chars(line.substr(0, bytes - 3))) + 1;
}

// 3.8's pgen error text is its tokenizer's buffer, where lines read while a
// token was in progress were appended: from the first line of such a run.
std::string buffer_text(const Source& source, int line) {
  const std::vector<bool> continued = lines_continued(source, line);
  int first = line;
  while (first > 1 && continued[static_cast<std::size_t>(first - 1)]) --first;
  std::string text;
  for (int n = first; n <= line; ++n) text += std::string(source.line(n)) + "\n";
  return text.substr(0, text.find('\0'));  // a C string
}

Attributes attributes(const Diagnostic& d, const SyntaxFeatures& syntax) {
  Attributes a;
  if (d.whole_file()) {
    if (syntax.display == SyntaxErrorDisplay::Pgen) a.lineno = d.loc().line;
    return a;
  }
  a.lineno = d.loc().line;
  // A compiler error raised before any line was set (3.8-3.9's asynchronous
  // comprehension): line 0, no text.
  if (d.loc().line == 0) return a;
  // 3.9+ read the line back from the file, 3.7-3.8 show the tokenizer's,
  // and so do 3.9+ for the errors their tokenizer raises itself.
  const bool tokenizer_line = syntax.display == SyntaxErrorDisplay::Pgen || d.from_tokenizer();
  auto line = !d.source()      ? std::string_view{}
              : tokenizer_line ? d.source()->line(d.shown_line())
                               : d.source()->file_line(d.shown_line());
  if (d.text_read_back() && d.source()) line = read_back(*d.source(), line);
  line = line.substr(0, line.find('\0'));  // CPython's text is a C string
  // Past the file's end the tokenizer's buffer is empty: no newline.
  const bool past_end = d.source() && d.shown_line() > d.source()->line_count();
  // The first line read back from a file that began with a BOM has it.
  const bool bom = !tokenizer_line && d.source() && d.source()->had_bom() && d.shown_line() == 1;
  a.text = (bom ? "\xEF\xBB\xBF" : "") + std::string(line) + (past_end ? "" : "\n");
  // 3.8's parser reports its buffer, with the offset in the error's own line.
  if (syntax.parser == ParserGeneration::Pgen38 && d.source() && !past_end && !d.text_read_back() &&
      !d.from_tokenizer() && d.kind() == Diagnostic::Kind::SyntaxError && d.message() == "invalid syntax")
    a.text = buffer_text(*d.source(), d.shown_line());
  a.offset = d.no_caret() ? -1 : d.loc().col;
  if (d.end().line > 0) {
    a.end_lineno = d.end().line;
    a.end_offset = d.end().col;
  } else if (a.offset >= 0) {
    a.end_lineno = *a.lineno;
    a.end_offset = a.offset;
  }
  if (bom && d.loc().line == 1) {
    a.offset = offset_after_bom(line, a.offset);
    if (a.end_lineno == 1) a.end_offset = offset_after_bom(line, a.end_offset);
  }
  if (d.kind() == Diagnostic::Kind::TabError) {
    a.offset = syntax.pgen() ? chars(line) + 1 : 1;
    a.end_offset = 0;
  }
  // 3.7's parser marks the last character of a range; its compiler (whose
  // errors' lines are read back) the node's start.
  if (syntax.parser == ParserGeneration::Pgen37 && !d.text_read_back() && d.end().line == a.lineno && a.offset > 0 &&
      d.end().col > a.offset)
    a.offset = d.end().col - 1;
  // 3.7's ast.c, symtable and compiler (the errors whose line is read back)
  // give the node's 0-based col_offset.
  if (syntax.parser == ParserGeneration::Pgen37 && d.text_read_back() && a.offset > 0) --a.offset;
  return a;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// Python/pythonrun.c print_error_text, 3.7-3.8: a 1-based offset.
std::string pgen_text(int offset, std::string text) {
  std::size_t at = 0;
  if (offset >= 0) {
    if (offset > 0 && static_cast<std::size_t>(offset) == text.size() && text.back() == '\n') --offset;
    // An offset past the line's newline moves on to the (empty) rest.
    for (std::size_t nl; (nl = text.find('\n', at)) != std::string::npos && static_cast<int>(nl - at) < offset;) {
      offset -= static_cast<int>(nl + 1 - at);
      at = nl + 1;
    }
    while (at < text.size() && is_blank(text[at])) {
      ++at;
      --offset;
    }
  }
  text.erase(0, at);
  std::string out = "    " + text;
  if (text.empty() || text.back() != '\n') out += "\n";
  if (offset == -1) return out;
  out += "    ";
  for (int i = 1; i < offset; ++i) out += ' ';
  return out + "^\n";
}

// Python/pythonrun.c print_error_text, 3.9-3.12: 0-based after conversion,
// clipped to the line; 3.10+ repeat the caret up to end_offset.
std::string c_text(int offset, int end_offset, std::string text, bool ranges) {
  const int carets = ranges && end_offset > 0 && end_offset > offset ? end_offset - offset : 1;
  --offset;
  std::size_t at = 0;
  while (at < text.size() && is_blank(text[at])) {
    ++at;
    --offset;
  }
  text.erase(0, at);
  int len = static_cast<int>(text.size());
  if (len > 0 && text.back() == '\n') --len;
  if (offset > len) offset = len;
  std::string out = "    " + text;
  if (static_cast<std::size_t>(len) >= text.size() || text[static_cast<std::size_t>(len)] != '\n') out += "\n";
  if (offset < 0) return out;
  out += "    " + std::string(static_cast<std::size_t>(offset), ' ') + std::string(static_cast<std::size_t>(carets), '^');
  return out + "\n";
}

// Lib/traceback.py TracebackException._format_syntax_error, 3.13.
std::string traceback_text(const Attributes& a) {
  std::vector<std::string> rtext;  // characters, newlines stripped from the right
  std::string_view t = *a.text;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t n = 1;
    while (i + n < t.size() && (static_cast<unsigned char>(t[i + n]) & 0xC0) == 0x80) ++n;
    rtext.emplace_back(t.substr(i, n));
    i += n;
  }
  const int text_len = static_cast<int>(rtext.size());
  while (!rtext.empty() && rtext.back() == "\n") rtext.pop_back();
  std::size_t spaces = 0;
  while (spaces < rtext.size() && (rtext[spaces] == " " || rtext[spaces] == "\n" || rtext[spaces] == "\f")) ++spaces;
  std::string ltext;
  for (std::size_t i = spaces; i < rtext.size(); ++i) ltext += rtext[i];
  if (a.offset < 0) return "    " + ltext + "\n";
  const int rlen = static_cast<int>(rtext.size());
  int offset = a.offset;
  int end_offset = a.lineno == a.end_lineno ? (a.end_offset == -1 || a.end_offset == 0 ? offset : a.end_offset) : rlen + 1;
  if (text_len > 0 && offset > text_len) offset = rlen + 1;
  if (text_len > 0 && end_offset > text_len) end_offset = rlen + 1;
  if (offset >= end_offset || end_offset < 0) end_offset = offset + 1;
  const int colno = offset - 1 - static_cast<int>(spaces);
  const int end_colno = end_offset - 1 - static_cast<int>(spaces);
  if (colno < 0) return "    " + ltext + "\n";
  std::string caretspace;
  for (int i = 0; i < colno; ++i) {
    const std::size_t k = spaces + static_cast<std::size_t>(i);
    const bool space = k < rtext.size() && rtext[k].size() == 1 && std::isspace(static_cast<unsigned char>(rtext[k][0]));
    caretspace += space ? rtext[k] : " ";
  }
  return "    " + ltext + "\n    " + caretspace + std::string(static_cast<std::size_t>(std::max(0, end_colno - colno)), '^') +
         "\n";
}

// Objects/exceptions.c's _check_for_legacy_statements from `start`.
std::optional<std::string> legacy_statement(std::string_view text, std::size_t start) {
  constexpr std::string_view kSpace = " \t\n\r\f\v\x1c\x1d\x1e\x1f";
  start = std::min(text.find_first_not_of(kSpace, start), text.size());
  if (start == text.size()) return std::nullopt;
  const std::string_view rest = text.substr(start);
  if (rest.rfind("print ", 0) == 0) {
    // The arguments up to a ';', stripped, as the call's.
    std::string_view args = rest.substr(6, rest.find(';') == std::string_view::npos ? std::string_view::npos : rest.find(';') - 6);
    constexpr std::string_view kStrip = " \t\r\n";
    args.remove_prefix(std::min(args.find_first_not_of(kStrip), args.size()));
    args = args.substr(0, args.find_last_not_of(kStrip) + 1);
    const bool trailing_comma = !args.empty() && args.back() == ',';
    return fmt::format("Missing parentheses in call to 'print'. Did you mean print({}{})?", args,
                       trailing_comma ? " end=\" \"" : "");
  }
  if (rest.rfind("exec ", 0) == 0) return "Missing parentheses in call to 'exec'";
  return std::nullopt;
}

// Objects/exceptions.c's _report_missing_parentheses, which 3.7-3.9's
// SyntaxError constructor runs on its text (their grammars have no rule for
// it): a line without '(' that is a Python 2 print or exec statement, also
// after a one-line compound statement's first ':', gets that message.
std::optional<std::string> missing_parentheses(std::string_view text) {
  if (text.find('(') != std::string_view::npos) return std::nullopt;
  if (auto message = legacy_statement(text, 0)) return message;
  if (const auto colon = text.find(':'); colon != std::string_view::npos) return legacy_statement(text, colon + 1);
  return std::nullopt;
}

}  // namespace

std::string format_syntax_error(const Diagnostic& d, const SyntaxFeatures& syntax) {
  const Attributes a = attributes(d, syntax);
  const std::string path = d.source() ? d.source()->path() : "<string>";
  std::string out;
  if (a.lineno) out += fmt::format("  File \"{}\", line {}\n", path, *a.lineno);
  if (a.text) {
    switch (syntax.display) {
      case SyntaxErrorDisplay::Pgen: out += pgen_text(a.offset, *a.text); break;
      case SyntaxErrorDisplay::C: out += c_text(a.offset, a.end_offset, *a.text, false); break;
      case SyntaxErrorDisplay::CRanges: {
        // pythonrun.c: a range over several lines is marked to the end of the first.
        const int line_size = static_cast<int>(a.text->size());
        int end_offset = a.end_lineno > a.lineno ? line_size : a.end_offset;
        if (end_offset > line_size + 1) end_offset = line_size + 1;
        // Only a plain SyntaxError gets a range: IndentationError and TabError one caret.
        out += c_text(a.offset, end_offset, *a.text, d.kind() == Diagnostic::Kind::SyntaxError);
        break;
      }
      case SyntaxErrorDisplay::Traceback: out += traceback_text(a); break;
    }
  }
  std::string message = d.message();
  if (!syntax.peg_messages() && d.kind() == Diagnostic::Kind::SyntaxError && a.text)
    if (auto legacy = missing_parentheses(*a.text)) message = std::move(*legacy);
  return out + fmt::format("{}: {}\n", d.class_name(), message);
}

}  // namespace asim::lang
