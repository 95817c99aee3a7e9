// Source text and positions, shared by the lexer, parser, compiler and the
// tracebacks the interpreter prints.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "model/lang/features.hpp"

namespace asim::lang {

class Diagnostic;

// A scenario file's text (UTF-8), split into lines for error messages and
// tracebacks. Universal newlines, as CPython reads a source file: "\r\n" and
// a lone "\r" end a line like "\n" and are stored as "\n".
class Source {
 public:
  Source(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // Line `n` (1-based) without its newline; "" when out of range.
  std::string_view line(int n) const;
  int line_count() const { return static_cast<int>(lines_.size()); }
  // Line `n` of the file itself, where the text read differs from it (before
  // 3.11 a null byte hides the rest of its line): the line 3.9-3.10 read
  // back from the file to show in a syntax error.
  std::string_view file_line(int n) const;
  void keep_file_text(std::string text);
  // Whether a null byte is a character of its line (SyntaxFeatures::
  // recoded_null_is_token) rather than where the line's text ends.
  bool null_is_character() const { return null_is_character_; }
  void set_null_is_character() { null_is_character_ = true; }
  // Whether CPython reads the file through its declared codec's readline
  // (fp_setreadl: any declaration other than the tokenizer's own "utf-8"),
  // not line by line from the file itself.
  bool read_through_codec() const { return read_through_codec_; }
  void set_read_through_codec() { read_through_codec_ = true; }
  // Whether the tokenizer knows the file's encoding (a declaration or a
  // UTF-8 BOM: tok->encoding is set), which 3.9-3.12's parser needs to give
  // its errors' columns in characters (SyntaxFeatures::parser_errors_in_bytes).
  bool encoding_known() const { return encoding_known_; }
  void set_encoding_known() { encoding_known_ = true; }
  // Whether the file began with a UTF-8 BOM, which the text here has not.
  bool had_bom() const { return had_bom_; }
  void set_had_bom() { had_bom_ = true; }
  // A file with no declaration is checked for UTF-8 line by line, as the
  // tokenizer reads it: the error for the first line that is not, raised
  // when the Lexer reaches that line, so that an error on an earlier line
  // comes first (and on 3.10+, a parser's error gives way to it when the
  // rest of the file is tokenized).
  const Diagnostic* encoding_error(int line) const {
    return line == encoding_error_line_ ? encoding_error_.get() : nullptr;
  }
  void defer_encoding_error(int line, std::shared_ptr<const Diagnostic> error) {
    encoding_error_line_ = line;
    encoding_error_ = std::move(error);
  }

 private:
  std::string path_;
  std::string text_;
  std::vector<std::string_view> lines_;
  std::shared_ptr<const Source> file_;  // the file's own text, when it differs
  bool null_is_character_ = false;
  bool read_through_codec_ = false;
  bool encoding_known_ = false;
  bool had_bom_ = false;
  int encoding_error_line_ = 0;
  std::shared_ptr<const Diagnostic> encoding_error_;
};

// 1-based line, 1-based column (as CPython reports them in SyntaxErrors).
struct Loc {
  int line = 0;
  int col = 0;
};

// A program the model cannot run: a Python SyntaxError (as CPython would
// report it, exit status 1) or a construct outside asim's subset (exit 2).
class Diagnostic : public std::runtime_error {
 public:
  enum class Kind { SyntaxError, IndentationError, TabError, Unsupported };
  Diagnostic(Kind kind, std::shared_ptr<const Source> source, Loc loc, std::string message, Loc end = {});

  Kind kind() const { return kind_; }
  Loc loc() const { return loc_; }
  // One past the offending text (CPython's end_lineno/end_offset); line 0
  // when only a point is known.
  Loc end() const { return end_; }
  const std::string& message() const { return message_; }
  const std::shared_ptr<const Source>& source() const { return source_; }
  // The exception class CPython raises: "SyntaxError", "IndentationError", "TabError".
  std::string_view class_name() const;
  // An error about the file as a whole (its encoding): CPython 3.9+ give it
  // no location; 3.7-3.8 name `line` and show no text.
  static Diagnostic about_file(std::shared_ptr<const Source> source, int line, std::string message);
  bool whole_file() const { return whole_file_; }
  // The line whose text CPython shows, when not the reported one (3.7-3.9
  // report an unterminated triple-quoted string past the end of the file
  // and show the file's last line).
  int shown_line() const { return shown_line_ ? shown_line_ : loc_.line; }
  Diagnostic&& showing_line(int line) && {
    shown_line_ = line;
    return std::move(*this);
  }
  // Whether CPython reads the shown line back from the file (its
  // err_programtext, 999 bytes at a time: a longer line shows only its last
  // piece) rather than taking the tokenizer's copy.
  bool text_read_back() const { return text_read_back_; }
  Diagnostic&& reading_text_back() && {
    text_read_back_ = true;
    return std::move(*this);
  }
  // Whether the tokenizer raised it itself (unmatched brackets, invalid
  // characters and digits, unterminated strings), rather than the parser:
  // 3.9+ then show the tokenizer's copy of the line, not the file's.
  bool from_tokenizer() const { return from_tokenizer_; }
  Diagnostic&& raised_by_tokenizer() && {
    from_tokenizer_ = true;
    return std::move(*this);
  }
  // Whether CPython reports no column (offset None or 0): no caret.
  bool no_caret() const { return loc_.col == 0; }
  // asim's own report: "file:line:col: message", the source line, a caret,
  // and for unsupported constructs what to do about it.
  std::string render() const;

 private:
  Kind kind_;
  std::shared_ptr<const Source> source_;
  Loc loc_;
  Loc end_;
  std::string message_;
  bool whole_file_ = false;
  int shown_line_ = 0;
  bool text_read_back_ = false;
  bool from_tokenizer_ = false;
};

// The program text of a source file's bytes, as CPython's tokenizer reads a
// script: a UTF-8 BOM dropped, a PEP 263 coding declaration on line 1 or 2
// honoured (its text decoded to UTF-8); before 3.11 a null byte ends its
// line's text and takes the newline after it (3.11+: the Lexer refuses it).
// Throws Diagnostic (SyntaxError) where CPython refuses the file; Unsupported
// for an encoding CPython knows and asim does not decode.
std::shared_ptr<const Source> load_source(std::string path, std::string_view bytes, const SyntaxFeatures& syntax);

}  // namespace asim::lang
