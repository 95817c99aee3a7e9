// Source spans of syntax-tree nodes. The parser gives each node where it
// starts; where it ends (CPython's end_lineno/end_col_offset) and, for binary
// operations and subscripts, where the operator is (the `~~^^~~` anchors of
// a 3.11+ traceback) come from the tokens of the source text.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "model/lang/ast.hpp"
#include "model/lang/code.hpp"

namespace asim::lang {

class Extents {
 public:
  explicit Extents(std::shared_ptr<const Source> source);

  Position of(const ast::Expr& e);
  Position of(const ast::Stmt& s);

 private:
  struct Token {
    int line, col, end_line, end_col;  // 0-based byte columns
    char kind;                         // 'n' name, '0' number, 's' string, 'o' operator
    std::string text;                  // operators only
    int inner;                         // tokens of f-string fields that follow this one
  };

  void tokenize(std::string_view text);
  int token_at(Loc loc) const;  // the token starting at loc, or -1
  int matching(int open) const;      // the bracket closing tokens_[open], or -1
  int next(int k) const;             // the token after k at k's level (past f-string fields)
  int end_token(const ast::Expr& e);
  // The end of `child` inside `node`, past the `)` of parentheses opened
  // between the node's start and the child's.
  int end_with_parens(const ast::Expr& node, const ast::Expr* child);
  int end_with_parens(Loc start, const ast::Expr* child);
  bool is_op(int i, std::string_view text) const;
  void anchors(const ast::Expr& e, Position& p);
  // 3.13's anchors of an expression over several lines: character offsets
  // from the expression's start through its text (lines without trailing
  // whitespace, a newline counting one), which the traceback printer turns
  // back into lines and columns.
  void multiline_anchors(const ast::Expr& e, Position& p);
  // `return f(...)` / `x = f(...)`: their calls, for Position::call_statement.
  void note_call_statement(const ast::Stmt& s);
  std::unordered_set<const ast::Expr*> call_statements_;
  int char_col(int line, int byte_col) const;
  Position to_chars(Position p) const;

  std::shared_ptr<const Source> source_;
  std::vector<Token> tokens_;
  std::map<std::pair<int, int>, int> index_;
  std::unordered_map<const void*, int> end_cache_;
};

}  // namespace asim::lang
