#include "model/lang/lexer.hpp"

#include "model/lang/identifier.hpp"
#include "model/runtime/text.hpp"

#include <fmt/format.h>

#include <array>
#include <tuple>
#include <cstdlib>

namespace asim::lang {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_start(char c) {
  // Every non-ASCII byte counts as a letter: asim does not check which
  // Unicode characters are XID_Start, it only keeps UTF-8 names whole.
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || static_cast<unsigned char>(c) >= 0x80;
}
bool is_ident_char(char c) { return is_ident_start(c) || is_digit(c); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  c = lower(c);
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// r, u, b, f and their combinations rb/br/fr/rf, in any case.
bool is_string_prefix(std::string_view word) {
  if (word.empty() || word.size() > 2) return false;
  std::string w;
  for (char c : word) w += lower(c);
  static constexpr std::array<std::string_view, 8> kPrefixes = {"r", "u", "b", "f", "rb", "br", "fr", "rf"};
  for (auto p : kPrefixes)
    if (w == p) return true;
  return false;
}

// CPython lets a keyword follow a number with no space (`1if x else 2`);
// any other letter right after a number is an invalid literal.
bool keyword_follows(std::string_view rest) {
  static constexpr std::array<std::string_view, 8> kKeywords = {"and", "else", "for", "if", "in", "is", "not", "or"};
  for (auto k : kKeywords)
    if (rest.substr(0, k.size()) == k) return true;
  return false;
}

}  // namespace

Loc char_loc(const Source& source, Loc byte_loc) {
  const auto line = source.line(byte_loc.line);
  int col = 1;
  for (std::size_t i = 0; i + 1 < static_cast<std::size_t>(byte_loc.col) && i < line.size(); ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
  if (static_cast<std::size_t>(byte_loc.col) > line.size() + 1) col += byte_loc.col - static_cast<int>(line.size()) - 1;
  return {byte_loc.line, col};
}

struct Lexer::Delim {
  char quote = '"';
  bool triple = false;
  bool raw = false;
  bool fstring = false;
  bool bytes = false;
  Loc start;  // the literal's first character (its prefix), where CPython reports its errors
};

Lexer::Lexer(std::shared_ptr<const Source> source, const SyntaxFeatures& syntax)
    : source_(std::move(source)), syntax_(syntax), text_(source_->text()), end_(text_.size()) {
  check_line_read();
}

Lexer::Lexer(std::shared_ptr<const Source> source, std::size_t begin, std::size_t end, Loc start,
             std::size_t line_start, const SyntaxFeatures& syntax)
    : source_(std::move(source)),
      syntax_(syntax),
      text_(source_->text()),
      pos_(begin),
      end_(end),
      line_(start.line),
      line_start_(line_start),
      buffer_start_(line_start),
      expr_mode_(true),
      at_line_start_(false) {}

void Lexer::error(Loc loc, std::string message, Diagnostic::Kind kind) const {
  failed_in_fstring_ = expr_mode_ || fstring_depth_ > 0;
  throw Diagnostic(kind, source_, char_loc(*source_, loc), std::move(message));
}

Loc parser_error_loc(const Source& source, Loc byte_loc, const SyntaxFeatures& syntax) {
  if (syntax.parser_errors_in_bytes && !source.encoding_known()) return byte_loc;
  return char_loc(source, byte_loc);
}

void Lexer::parser_reported_error(Loc loc, std::string message) const {
  failed_in_fstring_ = expr_mode_ || fstring_depth_ > 0;
  throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, parser_error_loc(*source_, loc, syntax_), std::move(message));
}

void Lexer::tokenizer_error(Loc loc, std::string message) const {
  failed_in_fstring_ = expr_mode_ || fstring_depth_ > 0;
  throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, char_loc(*source_, loc), std::move(message))
      .raised_by_tokenizer();
}

Token Lexer::make(TokenKind kind, std::size_t begin, Loc loc) const {
  Token t;
  t.kind = kind;
  t.level = static_cast<int>(brackets_.size()) + (expr_mode_ ? 1 : 0);
  t.text = text_.substr(begin, pos_ - begin);
  t.loc = loc;
  t.end = here();
  return t;
}

void Lexer::newline(bool at_line_start) {
  ++pos_;
  ++line_;
  line_start_ = pos_;
  if (at_line_start) buffer_start_ = pos_;
  if (expr_mode_) return;
  if (const Diagnostic* not_utf8 = source_->encoding_error(line_)) throw *not_utf8;
  if (at_line_start && syntax_.null_line_dedents && source_->line(line_).find('\0') != std::string_view::npos) {
    null_line_ = true;
    return;
  }
  check_line_for_null();
}

void Lexer::check_line_read() const {
  if (const Diagnostic* not_utf8 = source_->encoding_error(line_)) throw *not_utf8;
  check_line_for_null();
}

// 3.11+ (tokenizer.c, tok_readline_*): a line read with a null byte in it
// is an error, reported without a column.
void Lexer::check_line_for_null() const {
  if (!syntax_.null_bytes_rejected || source_->line(line_).find('\0') == std::string_view::npos) return;
  raise_null_line();
}

void Lexer::raise_null_line() const {
  throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, {line_, 0}, "source code cannot contain null bytes");
}

Token Lexer::next() {
  if (pending_dedents_ > 0) {
    --pending_dedents_;
    return make(TokenKind::Dedent, pos_, here());
  }
  for (;;) {
    if (at_line_start_ && brackets_.empty()) {
      if (auto t = indentation()) return *t;
    }
    comment_ = {};
    skip_blanks();
    if (at_end()) return at_eof();
    if (!at_newline()) break;
    if (!brackets_.empty() || expr_mode_) {  // implicit line joining
      newline();
      buffer_start_ = pos_;
      continue;
    }
    const Loc loc = comment_.line ? comment_ : here();
    const std::size_t begin = pos_;
    newline(true);
    Token t = make(TokenKind::Newline, begin, loc);
    t.end = {loc.line, loc.col + 1};
    at_line_start_ = true;
    line_has_tokens_ = false;
    return t;
  }
  line_has_tokens_ = true;
  const char c = peek();
  if (is_ident_start(c)) return name_or_string();
  if (is_digit(c) || (c == '.' && is_digit(peek(1)))) return number();
  if (c == '"' || c == '\'') return string(pos_, here(), {});
  return op();
}

// At the start of a logical line: compares its indentation with the stack and
// yields INDENT or the first of its DEDENTs (blank and comment-only lines do
// not count, as in CPython).
std::optional<Token> Lexer::indentation() {
  for (;;) {
    if (null_line_) {
      null_read_ = true;
      // 3.12+: the line after a NEWLINE is read when the next token is
      // wanted; a null byte in it fails the read, which the tokenizer takes
      // for the end of input at column 0: it dedents to the first column
      // (tokens the parser sees, and may fail on, first) before the error.
      if (indents_.size() > 1) {
        pending_dedents_ = static_cast<int>(indents_.size()) - 2;
        indents_.erase(indents_.begin() + 1, indents_.end());
        alt_indents_.erase(alt_indents_.begin() + 1, alt_indents_.end());
        // Where the line's text, read as a C string, ends.
        const int col = static_cast<int>(source_->line(line_).find('\0')) + 1;
        Token t = make(TokenKind::Dedent, pos_, {line_, col});
        t.end = {line_, col + 1};
        t.at_null_line = true;
        return t;
      }
      raise_null_line();
    }
    if (!at_end() && peek() == '\0' && !syntax_.null_bytes_rejected && !source_->null_is_character()) {
      // 3.10: a line that read as nothing (Source keeps its null byte).
      ++pos_;
      at_line_start_ = false;
      if (indents_.size() == 1) return std::nullopt;
      pending_dedents_ = static_cast<int>(indents_.size()) - 2;
      indents_.erase(indents_.begin() + 1, indents_.end());
      alt_indents_.erase(alt_indents_.begin() + 1, alt_indents_.end());
      // Made at the end of the input, on the last line counted.
      Token t = make(TokenKind::Dedent, pos_, {line_ - 1, 1});
      t.at_eof = true;
      return t;
    }
    int col = 0;
    int altcol = 0;
    measure_indent(col, altcol);
    std::optional<std::pair<int, int>> continued;  // the first backslash's columns
    // 3.9+ look at a backslash beginning the line as a continuation.
    if (syntax_.continuation_in_indentation && peek() == '\\' && pos_ + 1 < end_ && peek(1) != '\n') {
      ++pos_;
      failed_soft_ = true;  // E_LINECONT, a status as between tokens
      parser_reported_error(after_continuation(), "unexpected character after line continuation character");
    }
    // A continuation there with nothing after it is the end of input
    // (tok_continuation_line's E_EOF), as between tokens.
    auto continued_to_eof = [&] {
      if (!syntax_.continuation_in_indentation || peek() != '\\' || (pos_ + 1 < end_ && (peek(1) != '\n' || pos_ + 2 < end_)))
        return;
      const Loc backslash = here();
      ++pos_;
      failed_soft_ = true;  // E_EOF, a status
      continuation_at_eof(backslash, !at_end());
    };
    continued_to_eof();
    while (syntax_.continuation_in_indentation && peek() == '\\' && peek(1) == '\n' && pos_ + 2 < end_) {
      if (!continued) continued.emplace(col, altcol);
      ++pos_;
      newline();
      measure_indent(col, altcol);
      continued_to_eof();
    }
    if (at_end()) return std::nullopt;
    if (peek() == '#' || at_newline()) {
      while (!at_end() && !at_newline()) ++pos_;
      if (!at_end()) newline(true);
      continue;
    }
    // 3.9 takes a line begun with a backslash for a blank one, which leaves
    // the indentation as it was: what the next line joins goes on at it.
    // 3.10+ keep the first backslash's column for both counts, unless it is
    // 0, which tokenizer.c takes for no backslash: the joined line's own
    // indentation counts then.
    if (continued && !syntax_.continued_indentation_at_backslash)
      std::tie(col, altcol) = std::pair{indents_.back(), alt_indents_.back()};
    else if (continued && continued->first != 0)
      col = altcol = continued->first;
    at_line_start_ = false;
    const Loc loc = here();
    auto tab_error = [&] { error({line_, 1}, "inconsistent use of tabs and spaces in indentation", Diagnostic::Kind::TabError); };
    if (col == indents_.back()) {
      if (altcol != alt_indents_.back()) tab_error();
      return std::nullopt;
    }
    if (col > indents_.back()) {
      if (altcol <= alt_indents_.back()) tab_error();
      if (indents_.size() >= 100) error(loc, "too many levels of indentation", Diagnostic::Kind::IndentationError);
      indents_.push_back(col);
      alt_indents_.push_back(altcol);
      // CPython places an INDENT at the last character of the indentation.
      return make(TokenKind::Indent, pos_, {line_, std::max(1, loc.col - 1)});
    }
    int dedents = 0;
    while (indents_.size() > 1 && col < indents_.back()) {
      indents_.pop_back();
      alt_indents_.pop_back();
      ++dedents;
    }
    if (col != indents_.back()) {
      // CPython reports this past the end of the offending line.
      error({line_, static_cast<int>(source_->line(line_).size()) + 1},
            "unindent does not match any outer indentation level", Diagnostic::Kind::IndentationError);
    }
    if (altcol != alt_indents_.back()) tab_error();
    pending_dedents_ = dedents - 1;
    return make(TokenKind::Dedent, pos_, loc);
  }
}

// Tabs advance to the next multiple of 8 (CPython's tabsize); altcol counts
// them as 1, so a line whose indentation only agrees under one rule is a
// TabError.
void Lexer::measure_indent(int& col, int& altcol) {
  for (; !at_end(); ++pos_) {
    const char c = peek();
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / 8 + 1) * 8;
      ++altcol;
    } else if (c == '\f') {
      col = altcol = 0;
    } else {
      break;
    }
  }
}

// Spaces, comments and backslash continuations between tokens.
void Lexer::skip_blanks() {
  while (!at_end()) {
    const char c = peek();
    if (c == ' ' || c == '\t' || c == '\f' || (c == '\0' && !syntax_.null_bytes_rejected && !source_->null_is_character())) {
      ++pos_;
    } else if (c == '#') {
      comment_ = here();
      while (!at_end() && !at_newline()) ++pos_;
    } else if (c == '\\') {
      const Loc backslash = here();
      ++pos_;
      // These are statuses (E_LINECONT, E_EOF); the next line's own errors
      // (a null byte in it) are raised.
      failed_soft_ = true;
      if (at_end()) {
        // The tokenizer gives the last line the newline it lacks.
        continuation_at_eof(backslash, false);
      } else {
        if (!at_newline()) parser_reported_error(after_continuation(), "unexpected character after line continuation character");
        failed_soft_ = false;
        newline();
        failed_soft_ = true;
        if (at_end()) continuation_at_eof(backslash, true);
      }
      failed_soft_ = false;
    } else {
      break;
    }
  }
}

// Where CPython reports a character after a backslash: 3.7-3.8 at the end of
// the line read (the caret under its last character). 3.9+ at that
// character, counted from the start of the tokenizer's buffer: when a
// backslash or a string joined this line to earlier ones, that is past the
// line's end, where the column stops.
Loc Lexer::after_continuation() const {
  const int length = static_cast<int>(source_->line(line_).size());
  if (syntax_.pgen()) return {line_, length};
  const int col = static_cast<int>(pos_ - buffer_start_) + 1;
  return {line_, std::min(col, length + 1)};
}

// tok_continuation_line meeting the end of the file. 3.7 takes it for the
// end of input. 3.8-3.9 report it two lines past the backslash's line (one
// when that line had no newline, or when the file is read through its
// declared codec), whose text they show; 3.10+ on that line (no column when
// the backslash is alone there), or an open bracket as never closed. The
// column is one past the line's end, counted in characters by 3.8 (whose
// display then takes it over the line's bytes) and in a file read through
// its codec, in the UTF-8 bytes of the line otherwise.
void Lexer::continuation_at_eof(Loc backslash, bool after_newline) {
  const int line = backslash.line;
  const auto text = source_->line(line);
  const int end = static_cast<int>(text.size()) + 1;
  const int col = syntax_.pgen() || source_->read_through_codec() ? char_loc(*source_, {line, end}).col : end;
  constexpr std::string_view kMessage = "unexpected EOF while parsing";
  switch (syntax_.parser) {
    case ParserGeneration::Pgen37: continued_to_eof_ = true; return;
    case ParserGeneration::Pgen38:
    case ParserGeneration::Peg39: {
      const bool two_past = after_newline && !source_->read_through_codec();
      throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, {line + (two_past ? 2 : 1), col}, std::string(kMessage))
          .showing_line(line);
    }
    case ParserGeneration::Peg310:
    case ParserGeneration::Peg312: break;
  }
  if (!brackets_.empty()) {
    failed_unclosed_ = true;
    parser_reported_error(brackets_.back().loc, fmt::format("'{}' was never closed", brackets_.back().ch));
  }
  const bool alone = text.find_first_not_of(" \t\f") == static_cast<std::size_t>(backslash.col - 1);
  if (alone) throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, {line, 0}, std::string(kMessage));
  throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, {line, col}, std::string(kMessage));
}

// The end of input: NEWLINE if the last line had tokens, a DEDENT per open
// indentation level, then ENDMARKER.
Token Lexer::at_eof() {
  if (!brackets_.empty()) {
    failed_unclosed_ = true;
    // Before 3.10: the parser meets the end of the file, past the last line.
    if (!syntax_.peg_messages()) error(past_last_line(), "unexpected EOF while parsing");
    parser_reported_error(brackets_.back().loc, fmt::format("'{}' was never closed", brackets_.back().ch));
  }
  if (expr_mode_) return make(TokenKind::EndMarker, pos_, here());
  if (line_has_tokens_) {
    line_has_tokens_ = false;
    Token t = make(TokenKind::Newline, pos_, comment_.line ? comment_ : here());
    // 3.7's parsetok makes the ENDMARKER after a continuation this NEWLINE.
    t.at_eof = continued_to_eof_;
    return t;
  }
  if (indents_.size() > 1) {
    indents_.pop_back();
    alt_indents_.pop_back();
    Token t = make(TokenKind::Dedent, pos_, eof_loc());
    t.at_eof = true;
    return t;
  }
  Token t = make(TokenKind::EndMarker, pos_, eof_loc());
  t.at_eof = true;
  return t;
}

// Where CPython 3.7-3.9 report the end of the file: the line after the last
// one, at the column past the last line's end.
Loc Lexer::past_last_line() const {
  const int last = source_->line_count();
  return {last + 1, static_cast<int>(source_->line(last).size()) + 1};
}

// Where CPython reports an error at the end of input: just past the last
// line that has characters (3.10: a line that read as nothing is uncounted).
Loc Lexer::eof_loc() const {
  int line = line_;
  while (line > 1 && (source_->line(line).empty() || source_->line(line) == std::string_view("\0", 1))) --line;
  return {line, static_cast<int>(source_->line(line).size()) + 1};
}

Token Lexer::name_or_string() {
  const std::size_t begin = pos_;
  const Loc loc = here();
  while (!at_end() && is_ident_char(peek())) ++pos_;
  const auto word = text_.substr(begin, pos_ - begin);
  if ((peek() == '"' || peek() == '\'') && is_string_prefix(word)) return string(begin, loc, word);
  if (!runtime::text::is_ascii(word)) verify_identifier(begin);
  return make(TokenKind::Name, begin, loc);
}

// tokenizer.c's verify_identifier: every byte from 0x80 up continues a name,
// so a character no identifier may hold is found once the name is read; the
// error points at it.
void Lexer::verify_identifier(std::size_t begin) const {
  const auto chars = runtime::text::decode(text_.substr(begin, pos_ - begin));
  const std::size_t bad = invalid_identifier_char(chars);
  if (bad == chars.size()) return;
  // 3.7-3.8 point at the name's last character, 3.9+ at the bad one.
  const std::size_t upto = syntax_.pgen() ? chars.size() - 1 : bad;
  std::size_t at = begin;
  for (std::size_t i = 0; i < upto; ++i) at += runtime::text::encode(chars.substr(i, 1)).size();
  const Loc loc{line_, static_cast<int>(at - line_start_) + 1};
  const char32_t c = chars[bad];
  if (syntax_.pgen()) error(loc, "invalid character in identifier");
  if (is_printable(c)) tokenizer_error(loc, fmt::format("invalid character '{}' (U+{:04X})", runtime::text::encode(chars.substr(bad, 1)), static_cast<std::uint32_t>(c)));
  tokenizer_error(loc, fmt::format("invalid non-printable character U+{:04X}", static_cast<std::uint32_t>(c)));
}

// ------------------------------------------------------------------ numbers

Token Lexer::number() {
  const std::size_t begin = pos_;
  const Loc loc = here();
  // CPython reports most malformed literals at the offending character's
  // 0-based column (one left of it, 1-based).
  // 3.7's "invalid token" marks the last character the tokenizer read.
  auto invalid_token_37 = [&] {
    if (syntax_.parser == ParserGeneration::Pgen37) error({line_, here().col - 1}, "invalid token");
  };
  auto invalid = [&](std::string_view kind) {
    invalid_token_37();
    tokenizer_error({line_, here().col - 1}, fmt::format("invalid {} literal", kind));
  };
  // Digits with single underscores between them.
  auto digits = [&](auto is_ok, std::string_view kind) {
    for (;;) {
      while (is_ok(peek())) ++pos_;
      if (peek() != '_') return;
      ++pos_;
      if (!is_ok(peek())) invalid(kind);
    }
  };
  // verify_end_of_number: a keyword may follow (`1if`), with a warning.
  std::string warning;
  auto end_of_number = [&](std::string_view kind) {
    if (!is_ident_char(peek())) return;
    if (keyword_follows(text_.substr(pos_, end_ - pos_))) {
      if (syntax_.number_before_keyword_warns) warning = fmt::format("invalid {} literal", kind);
      return;
    }
    // Before 3.10 a name may follow: the parser finds `1abc` invalid.
    if (syntax_.peg_messages()) invalid(kind);
  };

  if (peek() == '0' && (lower(peek(1)) == 'x' || lower(peek(1)) == 'o' || lower(peek(1)) == 'b')) {
    const char b = lower(peek(1));
    const int base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
    const std::string_view kind = b == 'x' ? "hexadecimal" : b == 'o' ? "octal" : "binary";
    pos_ += 2;
    auto ok = [base](char c) { return hex_value(c) >= 0 && hex_value(c) < base; };
    if (peek() == '_') ++pos_;
    // At the digit; before 3.10 one to the left when it follows the prefix.
    auto invalid_digit = [&](bool after_prefix) {
      invalid_token_37();
      const Loc at = after_prefix && !syntax_.peg_messages() ? Loc{line_, here().col - 1} : here();
      tokenizer_error(at, fmt::format("invalid digit '{}' in {} literal", peek(), kind));
    };
    if (!ok(peek())) {
      if (is_digit(peek())) invalid_digit(true);
      invalid(kind);
    }
    digits(ok, kind);
    // 3.7: such a digit begins the next token (`0b12` is `0b1` `2`).
    if (is_digit(peek()) && syntax_.parser != ParserGeneration::Pgen37) invalid_digit(false);
    end_of_number(kind);
    Token t = make(TokenKind::Number, begin, loc);
    if (!warning.empty()) t.warnings.push_back(std::move(warning));
    std::int64_t v = 0;
    for (char c : t.text.substr(2)) {
      if (c == '_') continue;
      if (__builtin_mul_overflow(v, base, &v) || __builtin_add_overflow(v, hex_value(c), &v)) {
        for (char d : t.text)
          if (d != '_') t.big_int += d;
        break;
      }
    }
    t.int_value = v;
    return t;
  }

  bool is_float = false;
  if (peek() != '.') digits(is_digit, "decimal");
  if (peek() == '.') {
    is_float = true;
    ++pos_;
    if (is_digit(peek())) digits(is_digit, "decimal");
  }
  if (lower(peek()) == 'e') {
    const std::size_t e = pos_;
    ++pos_;
    const bool sign = peek() == '+' || peek() == '-';
    if (sign) ++pos_;
    if (is_digit(peek())) {
      is_float = true;
      digits(is_digit, "decimal");
    } else if (sign) {
      invalid("decimal");
    } else {
      pos_ = e;  // `1else`: end_of_number decides
    }
  }
  bool imaginary = false;
  if (lower(peek()) == 'j') {
    imaginary = true;
    ++pos_;
  }
  std::string clean;
  for (char c : text_.substr(begin, pos_ - begin))
    if (c != '_') clean += c;
  if (!is_float && !imaginary && clean.size() > 1 && clean[0] == '0' &&
      clean.find_first_not_of('0') != std::string::npos) {
    invalid_token_37();
    constexpr std::string_view kZeros =
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers";
    // 3.8-3.9 at the last digit; 3.10+ at the first, giving its byte offset
    // for the column (syntaxerror_known_range).
    if (!syntax_.peg_messages()) tokenizer_error({line_, here().col - 1}, std::string(kZeros));
    failed_in_fstring_ = expr_mode_ || fstring_depth_ > 0;
    throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, loc, std::string(kZeros)).raised_by_tokenizer();
  }
  end_of_number(imaginary ? "imaginary" : "decimal");

  Token t = make(TokenKind::Number, begin, loc);
  if (!warning.empty()) t.warnings.push_back(std::move(warning));
  if (imaginary) {
    t.unsupported = "complex numbers (imaginary literals such as 1j)";
    return t;
  }
  if (is_float) {
    t.is_float = true;
    t.float_value = std::strtod(clean.c_str(), nullptr);
    return t;
  }
  std::int64_t v = 0;
  for (char c : clean) {
    if (__builtin_mul_overflow(v, 10, &v) || __builtin_add_overflow(v, c - '0', &v)) {
      t.big_int = clean;
      break;
    }
  }
  t.int_value = v;
  return t;
}

// ---------------------------------------------------------------- operators

Token Lexer::op() {
  const std::size_t begin = pos_;
  const Loc loc = here();
  static constexpr std::array<std::string_view, 4> kThree = {"**=", "//=", ">>=", "<<="};
  static constexpr std::array<std::string_view, 19> kTwo = {
      "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@="};
  const auto rest = text_.substr(pos_, std::min<std::size_t>(3, end_ - pos_));
  auto take = [&](std::size_t n) {
    pos_ += n;
    return make(TokenKind::Op, begin, loc);
  };
  if (rest == "...") return take(3);
  for (auto o : kThree)
    if (rest == o) return take(3);
  for (auto o : kTwo)
    if (rest.substr(0, 2) == o) return take(2);
  // The PEG parsers get "<>" as one token, NOTEQUAL, which only Barry as
  // FLUFL accepts: "invalid syntax" there.
  if (rest.substr(0, 2) == "<>" && !syntax_.pgen()) return take(2);
  const char c = peek();
  const int level = static_cast<int>(brackets_.size()) + (expr_mode_ ? 1 : 0);
  // Before 3.12 such a character is a token no rule accepts ("invalid syntax").
  if ((static_cast<unsigned char>(c) < 0x20 || c == 0x7F) && syntax_.parser == ParserGeneration::Peg312)
    tokenizer_error(loc, fmt::format("invalid non-printable character U+{:04X}", static_cast<unsigned>(c)));
  if (c == '(' || c == '[' || c == '{') open_bracket(c, loc);
  if (c == ')' || c == ']' || c == '}') close_bracket(c, loc);
  // Anything else ('$', '?', '`') is a one-character token no grammar rule
  // accepts: the parser reports "invalid syntax" there, as CPython does.
  Token t = take(1);
  t.level = level;  // an opening bracket's level is the one before it
  return t;
}

void Lexer::open_bracket(char c, Loc loc) {
  if (brackets_.size() >= 200) tokenizer_error(loc, "too many nested parentheses");
  brackets_.push_back({c, loc});
}

void Lexer::close_bracket(char c, Loc loc) {
  // CPython names the f-string only in these tokenizer errors.
  const std::string_view where = expr_mode_ ? "f-string: " : "";
  // 3.7's tokenizer does not check brackets: the parser stops at the token.
  const bool checked = syntax_.parser != ParserGeneration::Pgen37;
  if (brackets_.empty()) {
    if (checked) tokenizer_error(loc, fmt::format("{}unmatched '{}'", where, c));
    return;
  }
  if (checked) check_match(brackets_.back(), c, loc);
  brackets_.pop_back();
}

void Lexer::check_match(const Open& open, char c, Loc loc) const {
  const char want = open.ch == '(' ? ')' : open.ch == '[' ? ']' : '}';
  if (c == want) return;
  if (open.loc.line != loc.line)
    tokenizer_error(loc, fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}' on line {}", c, open.ch,
                           open.loc.line));
  tokenizer_error(loc, fmt::format("closing parenthesis '{}' does not match opening parenthesis '{}'", c, open.ch));
}

// ------------------------------------------------------------------ strings

Token Lexer::string(std::size_t begin, Loc loc, std::string_view prefix) {
  Delim d;
  d.start = loc;
  for (char c : prefix) {
    d.raw |= lower(c) == 'r';
    d.bytes |= lower(c) == 'b';
    d.fstring |= lower(c) == 'f';
  }
  d.quote = peek();
  d.triple = peek(1) == d.quote && peek(2) == d.quote;
  pos_ += d.triple ? 3 : 1;
  Token t;
  if (d.fstring) {
    struct Nesting {
      int& n;
      explicit Nesting(int& c) : n(c) { ++n; }
      ~Nesting() { --n; }
    } nesting(fstring_depth_);
    t.is_fstring = true;
    if (syntax_.parser == ParserGeneration::Peg312) {
      scan_fstring(d, nullptr, t.pieces, t);
    } else {
      // Before 3.12 the literal ends at its first closing quote, whatever
      // the replacement fields hold; not finding it is the tokenizer's
      // error, as for any literal.
      const Position end = [&] {
        try {
          return end_of_plain_literal(d);
        } catch (const Diagnostic&) {
          failed_in_fstring_ = false;
          throw;
        }
      }();
      struct TextEnd {
        std::size_t& at;
        std::size_t saved;
        TextEnd(std::size_t& a, std::size_t value) : at(a), saved(a) { at = value; }
        ~TextEnd() { at = saved; }
      } text_end(fstring_text_end_, end.pos - (d.triple ? 3 : 1));
      try {
        scan_fstring(d, nullptr, t.pieces, t);
        if (pos_ != end.pos) error(d.start, "f-string: expecting '}'");
      } catch (const Diagnostic& e) {
        t.fstring_error = std::make_shared<const Diagnostic>(e);
        t.pieces.clear();
        failed_in_fstring_ = false;
        pos_ = end.pos;
        line_ = end.line;
        line_start_ = end.line_start;
      }
    }
  } else {
    scan_plain_string(d, t);
  }
  t.is_bytes = d.bytes;
  Token m = make(TokenKind::String, begin, loc);
  t.kind = m.kind;
  t.text = m.text;
  t.loc = m.loc;
  t.end = m.end;
  return t;
}

// Before 3.12 an f-string is one STRING token: where it ends (or that it
// does not) is found as for any string literal, before its fields are read.
Lexer::Position Lexer::end_of_plain_literal(const Delim& d) {
  const Position start{pos_, line_, line_start_};
  Delim plain = d;
  plain.fstring = false;
  Token scratch;
  scan_plain_string(plain, scratch);
  const Position end{pos_, line_, line_start_};
  pos_ = start.pos;
  line_ = start.line;
  line_start_ = start.line_start;
  return end;
}

bool Lexer::at_closing_quote(const Delim& d) const {
  return peek() == d.quote && (!d.triple || (peek(1) == d.quote && peek(2) == d.quote));
}

void Lexer::unterminated(const Delim& d) const {
  if (!syntax_.peg_messages()) {
    // Before 3.10: a single-quoted literal is reported past the end of its
    // line, a triple-quoted one past the end of the file (3.8-3.9 showing
    // the file's last line).
    // A file without a newline at its end ends on its last line's buffer:
    // one line less, and 3.7 shows that line too.
    const bool newline_at_end = !source_->text().empty() && source_->text().back() == '\n';
    if (d.triple && syntax_.parser == ParserGeneration::Pgen37 && newline_at_end)
      error({source_->line_count() + 2, 1}, "EOF while scanning triple-quoted string literal");
    if (d.triple) {
      const int last = source_->line_count();
      throw Diagnostic(Diagnostic::Kind::SyntaxError, source_,
                       {last + (newline_at_end ? 2 : 1),
                        parser_error_loc(*source_, {last, static_cast<int>(source_->line(last).size()) + 1}, syntax_).col},
                       "EOF while scanning triple-quoted string literal")
          .showing_line(last);
    }
    constexpr std::string_view kEol = "EOL while scanning string literal";
    auto eol_of = [&](int line) { return Loc{line, static_cast<int>(source_->line(line).size()) + 1}; };
    // A backslash escaped the file's last newline (3.7-3.9 give a last line
    // without one a newline of their own): the tokenizer reads one line more,
    // finds the end of the file there, and reports it as continuation_at_eof
    // does, 3.7 showing that empty line.
    const std::string& text = source_->text();
    const bool after_newline = at_end() && pos_ > 0 && (text[pos_ - 1] == '\n' || text[pos_ - 1] == '\r');
    if (!at_end() || (!after_newline && (pos_ == 0 || text[pos_ - 1] != '\\')))
      parser_reported_error(eol_of(line_), std::string(kEol));
    const int backslash = after_newline ? line_ - 1 : line_;
    if (syntax_.parser == ParserGeneration::Pgen37 && after_newline) error({backslash + 1, 1}, std::string(kEol));
    const bool two_past = after_newline && syntax_.parser != ParserGeneration::Pgen37 && !source_->read_through_codec();
    throw Diagnostic(Diagnostic::Kind::SyntaxError, source_,
                     {backslash + (two_past ? 2 : 1), parser_error_loc(*source_, eol_of(backslash), syntax_).col}, std::string(kEol))
        .showing_line(backslash);
  }
  // CPython names the last line that has characters.
  const int line = at_end() && pos_ == line_start_ && line_ > d.start.line ? line_ - 1 : line_;
  tokenizer_error(d.start, fmt::format("unterminated {}{}string literal (detected at line {})", d.triple ? "triple-quoted " : "",
                             d.fstring ? "f-" : "", line));
}

void Lexer::scan_plain_string(const Delim& d, Token& tok) {
  const std::size_t body = pos_;
  bool warned = false;
  for (;;) {
    if (at_end()) unterminated(d);
    if (at_closing_quote(d)) {
      pos_ += d.triple ? 3 : 1;
      return;
    }
    if (peek() == '\\') {
      escape(d, tok.value, body, tok, warned);
    } else if (at_newline()) {
      if (!d.triple) unterminated(d);
      tok.value += '\n';
      newline();
    } else {
      if (d.bytes && static_cast<unsigned char>(peek()) >= 0x80)
        error(d.start, syntax_.peg_messages() ? "bytes can only contain ASCII literal characters"
                                              : "bytes can only contain ASCII literal characters.");
      tok.value += peek();
      ++pos_;
    }
  }
}

// One backslash escape inside a literal (or, in a raw literal, the backslash
// and what it protects from ending the literal). The first invalid one of a
// run of literal text (`warned` not yet set) is the warning of
// warn_invalid_escape_sequence.
void Lexer::escape(const Delim& d, std::string& out, std::size_t segment_begin, Token& tok, bool& warned) {
  const std::size_t backslash = pos_;
  auto invalid_escape = [&](std::string_view octal_digits) {
    if (warned) return;
    warned = true;
    tok.warnings.push_back(octal_digits.empty()
                               ? fmt::format("invalid escape sequence '\\{}'", text_[backslash + 1])
                               : fmt::format("invalid octal escape sequence '\\{}'", octal_digits));
  };
  ++pos_;
  if (at_end()) unterminated(d);
  if (d.raw) {
    out += '\\';
    if (at_newline()) {
      out += '\n';
      newline();
    } else if (peek() == d.quote || peek() == '\\') {
      out += peek();
      ++pos_;
    }
    return;
  }
  if (at_newline()) {  // a backslash-newline inside a literal joins the lines
    newline();
    return;
  }
  auto unicode_error = [&](std::string_view what) {
    error(d.start, fmt::format("(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {}",
                               backslash - segment_begin, pos_ - segment_begin - 1, what));
  };
  auto hex = [&](int n, std::string_view what) {
    std::uint32_t v = 0;
    for (int i = 0; i < n; ++i) {
      if (hex_value(peek()) < 0) unicode_error(what);
      v = v * 16 + static_cast<std::uint32_t>(hex_value(peek()));
      ++pos_;
    }
    return v;
  };
  const char c = peek();
  ++pos_;
  switch (c) {
    case '\\': out += '\\'; break;
    case '\'': out += '\''; break;
    case '"': out += '"'; break;
    case 'a': out += '\a'; break;
    case 'b': out += '\b'; break;
    case 'f': out += '\f'; break;
    case 'n': out += '\n'; break;
    case 'r': out += '\r'; break;
    case 't': out += '\t'; break;
    case 'v': out += '\v'; break;
    case 'x': {
      const auto v = hex(2, "truncated \\xXX escape");
      if (d.bytes)
        out += static_cast<char>(v);
      else
        runtime::text::append(out, v);
      break;
    }
    case 'u':
    case 'U': {
      if (d.bytes) {
        invalid_escape({});
        out += '\\';
        out += c;
        break;
      }
      const auto v = c == 'u' ? hex(4, "truncated \\uXXXX escape") : hex(8, "truncated \\UXXXXXXXX escape");
      if (v > 0x10FFFF) unicode_error("illegal Unicode character");
      runtime::text::append(out, v);
      break;
    }
    case 'N': {
      if (d.bytes) {
        invalid_escape({});
        out += "\\N";
        break;
      }
      if (peek() != '{') unicode_error("malformed \\N character escape");
      while (!at_end() && peek() != '}' && !at_closing_quote(d) && !at_newline()) ++pos_;
      if (at_end() || (at_newline() && !d.triple)) unterminated(d);  // found before the escape is decoded
      if (peek() != '}') unicode_error("malformed \\N character escape");
      ++pos_;
      if (tok.unsupported.empty()) tok.unsupported = "\\N{...} escapes (named Unicode characters)";
      break;
    }
    default:
      if (c >= '0' && c <= '7') {
        std::uint32_t v = static_cast<std::uint32_t>(c - '0');
        for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; ++i, ++pos_)
          v = v * 8 + static_cast<std::uint32_t>(peek() - '0');
        if (v > 0377) invalid_escape(text_.substr(backslash + 1, 3));
        if (d.bytes)
          out += static_cast<char>(v);
        else
          runtime::text::append(out, v);
        break;
      }
      // An unknown escape keeps its backslash (CPython only warns; not
      // about a non-ASCII character, which it had made a \u escape). In an
      // f-string, `\{` leaves the brace to start a replacement field.
      if (static_cast<unsigned char>(c) < 0x80) invalid_escape({});
      out += '\\';
      if (d.fstring && (c == '{' || c == '}'))
        --pos_;
      else
        out += c;
  }
}

// The body of an f-string (or, with spec_of, of that field's format spec up
// to the '}' that closes the field): literal text and replacement fields.
void Lexer::scan_fstring(const Delim& d, const FStringPiece* spec_of, std::vector<FStringPiece>& out, Token& tok) {
  const bool in_spec = spec_of != nullptr;
  std::string lit;
  Loc lit_loc = here();
  std::size_t segment = pos_;
  // Whether the run of literal text (CPython 3.12's FSTRING_MIDDLE token,
  // which a doubled brace ends too) has had its invalid escape.
  bool warned = false;
  auto flush = [&] {
    if (lit.empty()) return;
    FStringPiece p;
    p.loc = lit_loc;
    p.text = std::move(lit);
    out.push_back(std::move(p));
    lit.clear();
  };
  for (;;) {
    if (in_spec && at_newline() && !d.triple) {
      // 3.12+: the spec ends at the newline and the parser, wanting '}',
      // meets the next token (none at all: the field was never closed).
      std::size_t k = pos_;
      int line = line_;
      std::size_t start = line_start_;
      for (; k < end_ && (text_[k] == '\n' || text_[k] == ' ' || text_[k] == '\t' || text_[k] == '\f'); ++k)
        if (text_[k] == '\n') {
          ++line;
          start = k + 1;
        }
      if (k < end_ && text_[k] == '}') {  // which may be the '}' itself
        pos_ = k;
        line_ = line;
        line_start_ = start;
        continue;
      }
      if (k < end_) error({line, static_cast<int>(k - start) + 1}, "f-string: expecting '}', or format specs");
    }
    if (in_spec && (at_end() || (at_newline() && !d.triple))) error(spec_of->loc, "'{' was never closed");
    if (at_end()) unterminated(d);
    if (at_closing_quote(d)) {
      if (in_spec) error(here(), "f-string: expecting '}', or format specs");
      flush();
      pos_ += d.triple ? 3 : 1;
      return;
    }
    const char c = peek();
    if (c == '{' && !in_spec && peek(1) == '{') {
      lit += '{';
      pos_ += 2;
      warned = false;
    } else if (c == '{') {
      flush();
      scan_field(d, out, tok);
      lit_loc = here();
      segment = pos_;
      warned = false;
    } else if (c == '}' && in_spec) {
      flush();
      return;
    } else if (c == '}') {
      if (peek(1) != '}') error(here(), "f-string: single '}' is not allowed");
      lit += '}';
      pos_ += 2;
      warned = false;
    } else if (c == '\\') {
      escape(d, lit, segment, tok, warned);
    } else if (at_newline()) {
      if (!d.triple) unterminated(d);
      lit += '\n';
      newline();
    } else {
      lit += c;
      ++pos_;
    }
  }
}

void Lexer::scan_field(const Delim& d, std::vector<FStringPiece>& out, Token& tok) {
  struct Nesting {
    int& n;
    explicit Nesting(int& c) : n(c) { ++n; }
    ~Nesting() { --n; }
  } nesting(field_depth_);
  if (field_depth_ > 50) error(here(), "f-string: expressions nested too deeply");
  FStringPiece f;
  f.is_field = true;
  f.loc = here();
  ++pos_;  // '{'
  scan_field_expression(d, f);
  scan_field_tail(d, f, tok);
  out.push_back(std::move(f));
}

// The expression of a replacement field: up to a '}', '!', ':' or debugging
// '=' outside brackets. Strings inside it may use any quotes (PEP 701).
void Lexer::scan_field_expression(const Delim& d, FStringPiece& f) {
  f.expr_begin = pos_;
  f.expr_loc = here();
  f.expr_line_start = line_start_;
  std::vector<Open> open;  // brackets inside the expression
  for (;;) {
    if (at_end()) {
      if (!open.empty()) parser_reported_error(open.back().loc, fmt::format("'{}' was never closed", open.back().ch));
      parser_reported_error(f.loc, "'{' was never closed");
    }
    const char c = peek();
    // fstring_find_expr (before 3.12) refuses a backslash anywhere in the
    // expression, its strings included, and a comment.
    const bool whole_expression_checked = syntax_.parser != ParserGeneration::Peg312;
    if (c == '\\' && whole_expression_checked) error(here(), "f-string expression part cannot include a backslash");
    if (c == '#' && whole_expression_checked) error(here(), "f-string expression part cannot include '#'");
    if (c == '\\') {  // only a line continuation, as outside f-strings
      ++pos_;
      if (!at_newline()) parser_reported_error(here(), "unexpected character after line continuation character");
      newline();
      continue;
    }
    if ((c == '"' || c == '\'') && whole_expression_checked) {
      // fstring_find_expr reads to the end of the f-string's text: a string
      // in the expression ends at its quote, or is unterminated there.
      if (pos_ >= fstring_text_end_) {
        if (!open.empty())
          error(here(), syntax_.parser == ParserGeneration::Pgen37 ? "f-string: mismatched '(', '{', or '['"
                                                                   : fmt::format("f-string: unmatched '{}'", open.back().ch));
        error(here(), "f-string: expecting '}'");
      }
      const std::size_t quote = peek(1) == c && peek(2) == c ? 3 : 1;
      const std::size_t close = std::min(text_.find(text_.substr(pos_, quote), pos_ + quote), fstring_text_end_);
      const std::size_t backslash = text_.find('\\', pos_ + quote);
      if (backslash < close) {
        pos_ = backslash;
        error(here(), "f-string expression part cannot include a backslash");
      }
      if (close + quote > fstring_text_end_) error(here(), "f-string: unterminated string");
      while (pos_ < close + quote) {
        if (at_newline()) newline();
        else ++pos_;
      }
      continue;
    }
    if (c == '"' || c == '\'') {
      skip_nested_string(d);
      continue;
    }
    if (is_ident_start(c)) {
      const std::size_t b = pos_;
      while (!at_end() && is_ident_char(peek())) ++pos_;
      // Before 3.12 a quote starts a string whatever letters precede it.
      if (!whole_expression_checked && (peek() == '"' || peek() == '\'') && is_string_prefix(text_.substr(b, pos_ - b))) {
        pos_ = b;
        skip_nested_string(d);
      }
      continue;
    }
    if (at_newline()) {
      newline();
      continue;
    }
    if (c == '#') error(f.loc, "'{' was never closed");
    const std::string_view two = text_.substr(pos_, 2);
    if (two == "!=" || two == "==" || two == "<=" || two == ">=") {
      pos_ += 2;
      continue;
    }
    if (c == '(' || c == '[' || c == '{') {
      open.push_back({c, here()});
      ++pos_;
      continue;
    }
    if (c == ')' || c == ']' || c == '}') {
      if (open.empty() && c == '}') break;
      if (open.empty() && syntax_.parser == ParserGeneration::Pgen37) {
        ++pos_;  // 3.7's fstring_find_expr takes it for part of the expression
        continue;
      }
      if (open.empty()) error(here(), fmt::format("f-string: unmatched '{}'", c));
      if (syntax_.parser == ParserGeneration::Peg312) {
        check_match(open.back(), c, here());
      } else if (syntax_.parser != ParserGeneration::Pgen37) {
        // fstring_find_expr's own check (3.7 has none).
        const char want = open.back().ch == '(' ? ')' : open.back().ch == '[' ? ']' : '}';
        if (c != want)
          error(here(), fmt::format("f-string: closing parenthesis '{}' does not match opening parenthesis '{}'", c,
                                    open.back().ch));
      }
      open.pop_back();
      ++pos_;
      continue;
    }
    if (open.empty() && (c == ':' || c == '!')) break;
    // A lone '=' outside brackets ends the expression (the '=' specifier).
    if (open.empty() && c == '=' && syntax_.fstring_debug_specifier) break;
    ++pos_;
  }
  f.expr_end = pos_;
  const auto expr = text_.substr(f.expr_begin, f.expr_end - f.expr_begin);
  const auto first = expr.find_first_not_of(" \t\r\n\f");
  if (first == std::string_view::npos) {
    if (syntax_.parser != ParserGeneration::Peg312) error(here(), "f-string: empty expression not allowed");
    error(here(), fmt::format("f-string: valid expression required before '{}'", peek()));
  }
  // Before 3.12 the field's text up to the ':' is compiled as it is.
  if (syntax_.parser == ParserGeneration::Peg312 && peek() == ':' && expr.substr(first, 6) == "lambda" &&
      (expr.size() == first + 6 || !is_ident_char(expr[first + 6]))) {
    failed_in_fstring_ = true;
    // Marked up to the ':' that ended the field.
    throw Diagnostic(Diagnostic::Kind::SyntaxError, source_,
                     char_loc(*source_, {f.expr_loc.line, f.expr_loc.col + static_cast<int>(first)}),
                     "f-string: lambda expressions are not allowed without parentheses", [&] {
                       Loc end = char_loc(*source_, here());
                       ++end.col;
                       return end;
                     }());
  }
}

// A string literal inside a replacement field, skipped whole (the parser
// lexes the field again). One that would not end means the quote closed the
// f-string itself: the field is missing its '}'.
void Lexer::skip_nested_string(const Delim& d) {
  const std::size_t pos = pos_;
  const int line = line_;
  const std::size_t line_start = line_start_;
  const bool outer_quote = [&] {
    std::size_t k = pos_;
    while (k < end_ && is_ident_char(text_[k])) ++k;
    // The quote after a prefix counts (3.12's tokenizer compares the
    // quotes). A triple quote starts a nested literal even in a
    // single-quoted f-string.
    const auto quote_at = [&](std::size_t i) { return i < end_ && text_[i] == d.quote; };
    return quote_at(k) && (!d.triple || (quote_at(k + 1) && quote_at(k + 2))) &&
           (d.triple || !quote_at(k + 1) || !quote_at(k + 2));
  }();
  try {
    const std::size_t b = pos_;
    const Loc loc = here();
    while (is_ident_char(peek())) ++pos_;
    string(b, loc, text_.substr(b, pos_ - b));
  } catch (const Diagnostic&) {
    if (!outer_quote) throw;
    pos_ = pos;
    line_ = line;
    line_start_ = line_start;
    error(here(), "f-string: expecting '}'");
  }
}

// After a field's expression: `=`, `!conversion`, `:spec`, then '}'.
void Lexer::scan_field_tail(const Delim& d, FStringPiece& f, Token& tok) {
  if (peek() == '=') {
    ++pos_;
    while (peek() == ' ') ++pos_;
    f.has_debug = true;
    f.debug_text = std::string(text_.substr(f.expr_begin, pos_ - f.expr_begin));
    if (peek() != '!' && peek() != ':' && peek() != '}')
      error(here(), syntax_.parser == ParserGeneration::Peg312 ? "f-string: expecting '!', or ':', or '}'"
                                                               : "f-string: expecting '}'");
  }
  if (peek() == '!' && syntax_.parser != ParserGeneration::Peg312) {
    // Before 3.12 (fstring_find_expr) the conversion is the one character
    // after the '!'.
    ++pos_;
    if (at_end() || at_closing_quote(d)) error(here(), "f-string: expecting '}'");
    f.conversion = peek();
    ++pos_;
    if (f.conversion != 's' && f.conversion != 'r' && f.conversion != 'a')
      error(here(), "f-string: invalid conversion character: expected 's', 'r', or 'a'");
  }
  if (peek() == '!') {
    ++pos_;
    // The conversion is a NAME token in CPython's f-string grammar.
    const Loc at = here();
    const std::size_t b = pos_;
    while (!at_end() && is_ident_char(peek())) ++pos_;
    const auto name = text_.substr(b, pos_ - b);
    if (name.empty() && (peek() == '}' || peek() == ':' || at_end() || at_closing_quote(d)))
      error(at, "f-string: missing conversion character");
    if (name.empty()) error(at, "f-string: invalid conversion character");
    if (name != "s" && name != "r" && name != "a")
      error(at, fmt::format("f-string: invalid conversion character '{}': expected 's', 'r', or 'a'", name));
    f.conversion = name[0];
    if (peek() != ':' && peek() != '}') error(here(), "f-string: expecting ':' or '}'");
  }
  if (peek() == ':') {
    f.spec_loc = here();
    ++pos_;
    f.has_spec = true;
    scan_fstring(d, &f, f.spec, tok);
  }
  if (peek() != '}') error(here(), "f-string: expecting '}'");
  ++pos_;
}

}  // namespace asim::lang
