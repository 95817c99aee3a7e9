// Source text and positions, shared by the lexer, parser, compiler and the
// tracebacks the interpreter prints.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace asim::lang {

// A scenario file's text, split into lines for error messages and tracebacks.
class Source {
 public:
  Source(std::string path, std::string text);
  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // Line `n` (1-based) without its newline; "" when out of range.
  std::string_view line(int n) const;

 private:
  std::string path_;
  std::string text_;
  std::vector<std::string_view> lines_;
};

// 1-based line, 1-based column (as CPython reports them in SyntaxErrors).
struct Loc {
  int line = 0;
  int col = 0;
};

// A program the model cannot run: a Python SyntaxError (as CPython would
// report it) or a construct outside asim's subset. Exit status 2 (or 1 for
// a SyntaxError, as CPython's own exit status).
class Diagnostic : public std::runtime_error {
 public:
  enum class Kind { SyntaxError, IndentationError, Unsupported };
  Diagnostic(Kind kind, std::shared_ptr<const Source> source, Loc loc, std::string message);

  Kind kind() const { return kind_; }
  Loc loc() const { return loc_; }
  const std::string& message() const { return message_; }
  // The full report: "file:line:col: message", the source line, a caret,
  // and for unsupported constructs what to do about it.
  std::string render() const;

 private:
  Kind kind_;
  std::shared_ptr<const Source> source_;
  Loc loc_;
  std::string message_;
};

}  // namespace asim::lang
