// The tokenizer: Python source text to tokens, with the semantics of
// CPython's Parser/tokenizer.c (NEWLINE, INDENT/DEDENT from an indentation
// stack, implicit line joining inside brackets, backslash continuation) and
// its error messages. The parser pulls tokens one at a time, so that an error
// early in a file is reported before a tokenizer error later in it, as
// CPython does.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/lang/source.hpp"

namespace asim::lang {

enum class TokenKind { Name, Number, String, Op, Newline, Indent, Dedent, EndMarker };

// One piece of an f-string's body: literal text (escapes decoded, `{{` and
// `}}` collapsed) or a replacement field {expr=!c:spec}. The lexer finds the
// pieces (it must, to find where the f-string ends); the parser parses each
// field's expression from its source range.
struct FStringPiece {
  bool is_field = false;
  Loc loc;           // the literal's first character, or the field's '{'
  std::string text;  // literal only
  // Field only:
  std::size_t expr_begin = 0, expr_end = 0;  // the expression's source text range
  Loc expr_loc;                              // where that range starts
  std::size_t expr_line_start = 0;           // offset of the first character of expr_loc's line
  bool has_debug = false;                    // `{x=}`
  std::string debug_text;                    // "x=" (as written, with its spaces)
  char conversion = 0;                       // 0, 's', 'r' or 'a'
  bool has_spec = false;
  Loc spec_loc;                    // its ':'
  std::vector<FStringPiece> spec;  // the format spec after ':', itself pieces
};

struct Token {
  TokenKind kind = TokenKind::EndMarker;
  std::string_view text;  // the token's source text (empty for INDENT, DEDENT, ENDMARKER and NEWLINE at EOF)
  Loc loc;                // first character (byte column, 1-based)
  Loc end;                // one past the last character
  int level = 0;          // brackets open before it (an f-string field counts as one)
  // A DEDENT or ENDMARKER made once the tokenizer met the end of the file
  // (its `done` is E_EOF: a parse failing there is "unexpected EOF" before 3.10).
  bool at_eof = false;
  // A DEDENT made where a line with a null byte ends the input (3.11+): it
  // has the column where the line's text ends, unlike the PEG parser's others.
  bool at_null_line = false;

  // NUMBER
  bool is_float = false;
  std::int64_t int_value = 0;
  std::string big_int;  // an int beyond int64: its text, prefix kept, underscores dropped
  double float_value = 0;

  // STRING
  bool is_fstring = false;
  bool is_bytes = false;             // b'...': `value` holds the bytes
  std::string value;                 // a plain string's decoded value
  std::vector<FStringPiece> pieces;  // an f-string's body
  // Before 3.12: an error inside the f-string, which the parser raises when
  // it takes the literal (CPython reads the fields in the parser's actions,
  // so a tokenizer error later in the file wins over it).
  std::shared_ptr<const Diagnostic> fstring_error;

  // The SyntaxWarnings CPython gives about the token, in order: for a
  // number, the tokenizer's "invalid decimal literal" (a keyword right after
  // it); for a str or bytes literal, the parser's about its first invalid
  // escape (an f-string's: of each run of literal text), given when it
  // builds the literal.
  std::vector<std::string> warnings;

  // A construct CPython accepts but asim does not (bytes, 1j, a 65-bit int,
  // \N{...}): the parser reports it only once the whole file parsed, so that
  // a real SyntaxError later in the file is reported first, as CPython would.
  std::string unsupported;
};

class Lexer {
 public:
  // Tokenizes a whole file, as the tokenizer of the version `syntax` describes.
  explicit Lexer(std::shared_ptr<const Source> source, const SyntaxFeatures& syntax = {});
  // Tokenizes the expression of an f-string replacement field: the source
  // range [begin, end), which starts at `start` (its line starting at
  // `line_start`). No indentation, newlines are whitespace, as inside brackets.
  Lexer(std::shared_ptr<const Source> source, std::size_t begin, std::size_t end, Loc start, std::size_t line_start,
        const SyntaxFeatures& syntax = {});

  // The next token; throws Diagnostic on a tokenizer error.
  Token next();

  // After next() threw: whether it was EOF inside brackets ("'(' was never
  // closed"), which CPython lets win over a parser error only when the bracket
  // opened on an earlier line than that error.
  bool failed_unclosed() const { return failed_unclosed_; }
  // After next() threw: whether inside an f-string, where CPython keeps the
  // parser's error rather than the tokenizer's.
  bool failed_in_fstring() const { return failed_in_fstring_; }
  // After next() threw: whether CPython's tokenizer reports this one through
  // a status code (a bad line continuation), which never replaces a parser error.
  bool failed_soft() const { return failed_soft_; }
  bool is_fstring_field() const { return expr_mode_; }
  // 3.12+: whether a line with a null byte was read at the start of a logical
  // line (the tokenizer has failed, though DEDENTs came out first), and its
  // error, which a plain "invalid syntax" gives way to.
  bool read_null_line() const { return null_read_; }
  [[noreturn]] void raise_null_line() const;

 private:
  struct Delim;  // how a string literal ends
  struct Open {
    char ch;
    Loc loc;
  };

  Token make(TokenKind kind, std::size_t begin, Loc loc) const;
  Loc here() const { return {line_, static_cast<int>(pos_ - line_start_) + 1}; }
  char peek(std::size_t k = 0) const { return pos_ + k < end_ ? text_[pos_ + k] : '\0'; }
  bool at_end() const { return pos_ >= end_; }
  // Consumes '\n' (Source made every line end one) and starts the next line; at the
  // start of a logical line a null byte there is reported only when a token is wanted.
  void newline(bool at_line_start = false);
  bool at_newline() const { return peek() == '\n'; }
  [[noreturn]] void error(Loc loc, std::string message, Diagnostic::Kind kind = Diagnostic::Kind::SyntaxError) const;
  // tokenizer.c's syntaxerror(): 3.9+ show the tokenizer's line.
  [[noreturn]] void tokenizer_error(Loc loc, std::string message) const;
  // An error of the tokenizer's that the parser reports (parser_error_loc).
  [[noreturn]] void parser_reported_error(Loc loc, std::string message) const;

  std::optional<Token> indentation();
  void measure_indent(int& col, int& altcol);
  void skip_blanks();
  Token at_eof();
  Loc eof_loc() const;
  Loc past_last_line() const;
  void check_line_for_null() const;
  // A line the tokenizer reads: its UTF-8 check (a file with no declaration), then its null bytes.
  void check_line_read() const;
  Token name_or_string();
  void verify_identifier(std::size_t begin) const;
  void continuation_at_eof(Loc backslash, bool after_newline);
  Loc after_continuation() const;
  Token number();
  Token op();
  void open_bracket(char c, Loc loc);
  void close_bracket(char c, Loc loc);
  void check_match(const Open& open, char c, Loc loc) const;

  Token string(std::size_t begin, Loc loc, std::string_view prefix);
  void scan_plain_string(const Delim& d, Token& tok);
  void scan_fstring(const Delim& d, const FStringPiece* spec_of, std::vector<FStringPiece>& out, Token& tok);
  void scan_field(const Delim& d, std::vector<FStringPiece>& out, Token& tok);
  void scan_field_expression(const Delim& d, FStringPiece& field);
  void scan_field_tail(const Delim& d, FStringPiece& field, Token& tok);
  void skip_nested_string(const Delim& d);
  bool at_closing_quote(const Delim& d) const;
  struct Position {
    std::size_t pos;
    int line;
    std::size_t line_start;
  };
  Position end_of_plain_literal(const Delim& d);
  void escape(const Delim& d, std::string& out, std::size_t segment_begin, Token& tok, bool& warned);
  [[noreturn]] void unterminated(const Delim& d) const;

  std::shared_ptr<const Source> source_;
  SyntaxFeatures syntax_;
  std::string_view text_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  int line_ = 1;
  std::size_t line_start_ = 0;
  // Where CPython's tokenizer buffer starts: the first of the lines that
  // backslashes and strings join.
  std::size_t buffer_start_ = 0;
  bool expr_mode_ = false;

  std::vector<int> indents_{0};      // columns, tabs to multiples of 8
  std::vector<int> alt_indents_{0};  // columns, tabs as 1: a disagreement is a TabError
  int pending_dedents_ = 0;
  bool at_line_start_ = true;
  bool line_has_tokens_ = false;  // a NEWLINE is due at EOF
  std::vector<Open> brackets_;
  bool failed_unclosed_ = false;
  int field_depth_ = 0;    // f-string replacement fields being scanned, nested
  int fstring_depth_ = 0;  // f-strings being scanned, nested
  // Before 3.12: where the text of the f-string being scanned ends (its
  // closing quote), which ends a field's expression too.
  std::size_t fstring_text_end_ = 0;
  mutable bool failed_in_fstring_ = false;
  bool failed_soft_ = false;
  bool null_line_ = false;  // 3.12+: the current line has a null byte, not yet reported
  bool null_read_ = false;  // ... and a token was wanted after it
  bool continued_to_eof_ = false;  // 3.7: a backslash continuation ended the file
  Loc comment_;  // where a comment started on the current line: CPython's NEWLINE token starts there
};

// The column CPython reports for a byte column of `loc`'s line: SyntaxError
// offsets count characters, not UTF-8 bytes.
Loc char_loc(const Source& source, Loc byte_loc);

// The column of an error the parser raises (pegen's raise functions, which
// also report the tokenizer's unclosed brackets and bad continuations):
// characters, or on 3.9-3.12 the byte offset itself when the file's encoding
// is unknown (SyntaxFeatures::parser_errors_in_bytes).
Loc parser_error_loc(const Source& source, Loc byte_loc, const SyntaxFeatures& syntax);

}  // namespace asim::lang
