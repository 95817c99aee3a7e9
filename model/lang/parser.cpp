#include "model/lang/parser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <deque>
#include <functional>
#include <optional>
#include <set>
#include <utility>

#include "model/lang/compile_location.hpp"
#include "model/lang/identifier.hpp"
#include "model/lang/lexer.hpp"
#include "model/lang/symtable.hpp"
#include "model/runtime/int_profile.hpp"
#include "model/runtime/numbers.hpp"

namespace asim::lang {

namespace {

using namespace ast;
using DKind = Diagnostic::Kind;

constexpr std::array<std::string_view, 35> kKeywords = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield"};

bool is_keyword(std::string_view word) {
  return std::find(kKeywords.begin(), kKeywords.end(), word) != kKeywords.end();
}

// A parser error, kept apart from the lexer's Diagnostics: CPython lets a
// tokenizer error anywhere later in the file win over a parser error.
struct ParseFailure {
  Diagnostic diagnostic;
  bool in_fstring;
  bool drain = true;  // whether a later tokenizer error may replace it
  Token at;           // where the parse stopped (what 3.7-3.9 report)
};
// A failed speculative parse (see Parser::speculate).
struct Backtrack {};

struct Deferred {
  Loc loc;
  std::string message;
  Loc end{};  // 3.10+ mark the statement up to here
  bool at_line_zero = false;  // ordered by `loc`, reported at line 0 (see features.hpp)
  int unless_scope_awaits = -1;  // dropped if that scope awaits (await_makes_scope_async)
};

// A construct the modelled version's grammar lacks, at the token its parser
// stops at.
struct TooNew {
  Loc loc;
  Loc end;
  std::string message;
};

enum class ScopeKind { Module, Class, Function, AsyncFunction, Lambda };
struct Scope {
  ScopeKind kind;
  int id = 0;
  int loops = 0;   // enclosing loop bodies, for break/continue
  // 3.7's compiler refuses a `continue` whose way to its loop leaves a
  // `finally` body (compiler_continue, FINALLY_END).
  int finally_bodies_in_loop = 0;
  int awaits = 0;  // await expressions directly in it, outside an async def
};

template <class T>
std::unique_ptr<T> make_expr(Loc loc) {
  return std::make_unique<T>(loc);
}

constexpr std::string_view kAsyncComprehensionOutside = "asynchronous comprehension outside of an asynchronous function";

// _PyPegen_get_expr_name: how CPython names an expression in "cannot assign
// to ..." messages; 3.7-3.9 call an operation an "operator", a dict a
// "dict display" and `...` "Ellipsis"; 3.7's ast.c calls every display
// and f-string a "literal" and None, True and False a "keyword".
std::string expr_name(const Expr& e, ParserGeneration parser) {
  const bool operations_are_operators = parser < ParserGeneration::Peg310;
  const bool ast37 = parser == ParserGeneration::Pgen37;
  switch (e.kind) {
    case ExprKind::Attribute: return "attribute";
    case ExprKind::Subscript: return "subscript";
    case ExprKind::Starred: return "starred";
    case ExprKind::Name: return "name";
    case ExprKind::List: return "list";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::Call: return "function call";
    case ExprKind::BoolOp:
    case ExprKind::BinOp:
    case ExprKind::UnaryOp: return operations_are_operators ? "operator" : "expression";
    case ExprKind::GeneratorExp: return "generator expression";
    case ExprKind::Await: return "await expression";
    case ExprKind::Yield: return "yield expression";
    case ExprKind::ListComp: return "list comprehension";
    case ExprKind::SetComp: return "set comprehension";
    case ExprKind::DictComp: return "dict comprehension";
    case ExprKind::Dict: return ast37 ? "literal" : operations_are_operators ? "dict display" : "dict literal";
    case ExprKind::Set: return ast37 ? "literal" : "set display";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return ast37 ? "literal" : "f-string expression";
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::NamedExpr: return "named expression";
    case ExprKind::Slice: return "slice";
    case ExprKind::Constant: {
      const auto& c = static_cast<const Constant&>(e);
      switch (c.type) {
        case Constant::Type::None: return ast37 ? "keyword" : "None";
        case Constant::Type::True: return ast37 ? "keyword" : "True";
        case Constant::Type::False: return ast37 ? "keyword" : "False";
        case Constant::Type::Ellipsis: return operations_are_operators ? "Ellipsis" : "ellipsis";
        default: return "literal";
      }
    }
  }
  return "expression";
}

// Whether CPython's invalid_named_expression rule (which parses a
// bitwise_or) would see this target: it then suggests '==' for '='.
bool is_bitwise_or_level(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Compare:
    case ExprKind::IfExp:
    case ExprKind::BoolOp:
    case ExprKind::Lambda:
    case ExprKind::NamedExpr:
    case ExprKind::Tuple:
    case ExprKind::List:
    case ExprKind::GeneratorExp: return false;
    case ExprKind::UnaryOp: return static_cast<const UnaryOpExpr&>(e).op != UnaryOp::Not;
    case ExprKind::Constant: {
      const auto t = static_cast<const Constant&>(e).type;
      return t != Constant::Type::None && t != Constant::Type::True && t != Constant::Type::False;
    }
    default: return true;
  }
}

// Whether a subscript's brackets hold a slice (`a[1:]`, `a[i, ::2]`): they
// then read as no list display.
// Whether an f-string's body, format specs included, has literal text.
bool has_literal_text(const std::vector<FStringPiece>& pieces) {
  return std::any_of(pieces.begin(), pieces.end(), [](const FStringPiece& p) {
    return p.is_field ? has_literal_text(p.spec) : !p.text.empty();
  });
}

bool same_loc(Loc a, Loc b) { return a.line == b.line && a.col == b.col; }

bool has_slice(const Expr& e) {
  if (e.kind == ExprKind::Slice) return true;
  if (e.kind != ExprKind::Tuple) return false;
  const auto& elts = static_cast<const TupleExpr&>(e).elts;
  return std::any_of(elts.begin(), elts.end(), [](const ExprPtr& x) { return x->kind == ExprKind::Slice; });
}

class Parser {
 public:
  Parser(std::shared_ptr<const Source> source, const SyntaxFeatures& syntax, SyntaxWarningSink warn)
      : source_(std::move(source)),
        syntax_(syntax),
        warn_(std::move(warn)),
        main_lexer_(source_, syntax),
        lexer_(&main_lexer_) {}

  Module file();
  void raise_deferred(const Module& module);
  void raise_too_new(std::optional<Loc> before = std::nullopt) const;
  void drain_for_tokenizer_errors(const ParseFailure& failure);

 private:
  // ------------------------------------------------------------ tokens
  const Token& peek(std::size_t k = 0) {
    while (toks_.size() <= pos_ + k) {
      if (!toks_.empty() && toks_.back().kind == TokenKind::EndMarker) return toks_.back();
      toks_.push_back(next_token());
    }
    return toks_[pos_ + k];
  }
  Token next_token();
  const Token& take() {
    const Token& t = peek();
    if (t.kind != TokenKind::EndMarker) ++pos_;
    return t;
  }
  bool at(TokenKind kind, std::size_t k = 0) { return peek(k).kind == kind; }
  bool at_op(std::string_view op, std::size_t k = 0) {
    const Token& t = peek(k);
    return t.kind == TokenKind::Op && t.text == op;
  }
  bool at_kw(std::string_view kw, std::size_t k = 0) {
    const Token& t = peek(k);
    return t.kind == TokenKind::Name && t.text == kw;
  }
  bool at_name(std::size_t k = 0) {
    const Token& t = peek(k);
    return t.kind == TokenKind::Name && !is_keyword(t.text);
  }
  bool accept_op(std::string_view op) {
    if (!at_op(op)) return false;
    take();
    return true;
  }
  bool accept_kw(std::string_view kw) {
    if (!at_kw(kw)) return false;
    take();
    return true;
  }
  void expect_op(std::string_view op) {
    if (!accept_op(op)) fail_here();
  }
  std::string expect_name() {
    if (!at_name()) fail_here();
    return nfkc_identifier(take().text);
  }
  bool starts_expression(std::size_t k = 0, bool star = false);
  bool after_operand();
  bool with_items_in_parentheses();
  bool at_simple_stmt_end() { return at(TokenKind::Newline) || at_op(";") || at(TokenKind::EndMarker); }

  // ------------------------------------------------------------ errors
  [[noreturn]] void fail(Loc loc, std::string message, DKind kind = DKind::SyntaxError, Loc end = {});
  // Where the last token read ends: a node's end once its parse is done.
  Loc last_end() const { return pos_ > 0 ? toks_[pos_ - 1].end : Loc{}; }
  // The same, past the NEWLINE, INDENT and DEDENT tokens a block ends with.
  Loc last_code_end() const {
    for (std::size_t k = pos_; k > 0; --k) {
      const TokenKind kind = toks_[k - 1].kind;
      if (kind != TokenKind::Newline && kind != TokenKind::Indent && kind != TokenKind::Dedent) return toks_[k - 1].end;
    }
    return Loc{};
  }
  const Token& stopped_at() const {
    static const Token kStart;
    return pos_ < toks_.size() ? toks_[pos_] : toks_.empty() ? kStart : toks_.back();
  }
  [[noreturn]] void fail_here();
  Loc column_of(const Token& t) const;
  void fail_after_parse(Loc loc, std::string message, Loc end = {});
  [[noreturn]] void missing_comma_or_fail(const Expr& element);
  [[noreturn]] void missing_block(std::string_view what, int line);
  bool next_expression_parses(Loc* end = nullptr);
  void defer_semantic(Loc loc, std::string message, Loc end = {}, bool at_line_zero = false) {
    semantic_.push_back({loc, std::move(message), end, at_line_zero});
  }
  void defer_unsupported(Loc loc, std::string construct) { unsupported_.push_back({loc, std::move(construct)}); }
  void require(bool available, const Token& t, std::size_t length = 0, std::string message = "invalid syntax");

  // Speculation: run `f`; on a parse failure rewind and return false.
  // Tokenizer errors are not caught: CPython's tokenizer errors are fatal.
  struct Mark {
    std::size_t pos, semantic, unsupported, too_new;
  };
  Mark mark() const { return {pos_, semantic_.size(), unsupported_.size(), too_new_.size()}; }
  void rewind(const Mark& m) {
    pos_ = m.pos;
    semantic_.resize(m.semantic);
    unsupported_.resize(m.unsupported);
    too_new_.resize(m.too_new);
  }
  template <class F>
  bool speculate(F&& f);
  template <class F>
  bool lookahead(F&& f) {
    const Mark m = mark();
    const bool ok = speculate(std::forward<F>(f));
    rewind(m);
    return ok;
  }

  // ------------------------------------------------------------ scopes
  struct ScopeGuard {
    Parser& p;
    ScopeGuard(Parser& parser, ScopeKind kind) : p(parser) { p.scopes_.push_back({kind, ++p.scopes_opened_}); }
    ~ScopeGuard() { p.close_scope(); }
  };
  void close_scope();
  // Where the second pass would try star_targets (parsed_as_target).
  std::size_t target_candidate_ = 0;
  bool parsed_as_target(Loc chain);
  struct LoopGuard {
    Parser& p;
    int finally_bodies;
    explicit LoopGuard(Parser& parser) : p(parser), finally_bodies(p.scopes_.back().finally_bodies_in_loop) {
      ++p.scopes_.back().loops;
      p.scopes_.back().finally_bodies_in_loop = 0;
    }
    ~LoopGuard() {
      --p.scopes_.back().loops;
      p.scopes_.back().finally_bodies_in_loop = finally_bodies;
    }
  };
  bool in_function() const {
    return scopes_.back().kind == ScopeKind::Function || scopes_.back().kind == ScopeKind::AsyncFunction;
  }
  bool in_async_function() const { return scopes_.back().kind == ScopeKind::AsyncFunction; }

  // Bounds the recursion of nested expressions, so that a pathological file
  // is a Diagnostic rather than a stack overflow.
  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser, int levels = 1) : p(parser) {
      for (int i = 0; i < levels; ++i) deeper();
    }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;
    ~DepthGuard() { p.depth_ -= n; }
    void deeper() {
      ++n;
      if (++p.depth_ > kMaxDepth)
        p.fail(p.peek().loc, fmt::format("code nested more than {} levels deep (expressions, elif chains)", kMaxDepth),
               DKind::Unsupported);
    }
    int n = 0;
  };
  static constexpr int kMaxDepth = 500;
  void check_await(Loc loc, Loc end);

  // ------------------------------------------------------------ statements
  void statement(Body& out);
  StmtPtr compound_stmt();
  void simple_stmts(Body& out);
  StmtPtr simple_stmt();
  StmtPtr assignment_or_expression();
  StmtPtr annotated_assignment(ExprPtr target, Loc loc);
  StmtPtr augmented_assignment(ExprPtr target, BinOp op, Loc loc);
  StmtPtr assignment(ExprPtr first, Loc loc);
  void store_target(Expr& target, const std::function<bool()>& maybe_equality = nullptr, std::optional<Loc> written = {});
  bool single_assignment_follows();
  void check_starred_targets(Expr& target);
  // `__debug__` stored to: an error of 3.7-3.8's ast.c and 3.9+'s compiler.
  void check_debug_target(const Expr& target);
  void unparenthesized_generator_base(const GeneratorExp& g, std::size_t first);
  StmtPtr return_stmt();
  StmtPtr raise_stmt();
  StmtPtr global_stmt();
  StmtPtr del_stmt();
  StmtPtr assert_stmt();
  StmtPtr import_name();
  StmtPtr import_from();
  std::string dotted_name();
  void import_from_as_names(std::vector<Alias>& names);
  void expect_import_names();
  StmtPtr type_alias();
  Body block(std::string_view what, int line);
  void expect_colon(bool forced);
  StmtPtr decorated();
  void require_dotted_decorator();
  StmtPtr async_stmt(std::vector<ExprPtr> decorators);
  StmtPtr function_def(std::vector<ExprPtr> decorators, std::optional<Loc> async_loc);
  Arguments params(std::string_view close, bool annotations);
  StmtPtr class_def(std::vector<ExprPtr> decorators);
  void type_params();
  StmtPtr if_stmt();
  Body else_block();
  StmtPtr while_stmt();
  StmtPtr for_stmt(std::optional<Loc> async_loc);
  StmtPtr with_stmt(std::optional<Loc> async_loc);
  WithItem with_item(const Token** as = nullptr);  // *as: its 'as', if any
  StmtPtr try_stmt();
  ExceptHandler except_block();
  bool looks_like_match();
  void require_match_statement();
  StmtPtr match_stmt();
  PatternNode patterns();
  PatternNode maybe_star_pattern();
  PatternNode pattern();
  PatternNode or_pattern();
  PatternNode closed_pattern();
  ExprPtr literal_value();
  PatternNode mapping_pattern();
  PatternNode class_pattern(ExprPtr cls, Loc loc);

  // ------------------------------------------------------------ expressions
  ExprPtr star_expressions();
  ExprPtr star_expression();
  ExprPtr star_named_expression();
  ExprPtr named_expression(bool suggest_equality = true);
  void invalid_named_expression(const Expr& e);
  ExprPtr expression();
  ExprPtr yield_expr();
  ExprPtr lambdef();
  ExprPtr disjunction();
  ExprPtr conjunction();
  ExprPtr inversion();
  ExprPtr comparison();
  std::optional<CmpOp> compare_op();
  ExprPtr bitwise_or();
  ExprPtr bitwise_xor();
  ExprPtr bitwise_and();
  ExprPtr shift_expr();
  ExprPtr sum();
  ExprPtr term();
  ExprPtr factor();
  ExprPtr power();
  ExprPtr await_primary();
  ExprPtr primary();
  ExprPtr call(ExprPtr func, Loc start);
  void star_after_arguments(const ast::Starred& star, bool seen_keyword, bool seen_unpack, Loc args_start, Loc args_end, Loc comma);
  ExprPtr slices();
  ExprPtr slice();
  ExprPtr atom();
  ExprPtr atom_node();
  ExprPtr number();
  void check_digit_limit(const Token& t);
  ExprPtr strings();
  ExprPtr fstring_replacement_field(const FStringPiece& field);
  ExprPtr fstring_expression(const FStringPiece& field);
  ExprPtr fstring_field_expression(const FStringPiece& field);
  ExprPtr format_spec(const FStringPiece& field);
  ExprPtr group_tuple_genexp();
  ExprPtr list_or_listcomp();
  ExprPtr dict_or_set();
  ExprPtr dict_value();
  void no_starred_element(const Expr& element);
  // Where a bad target's range ends: 3.10+ mark it; 3.7-3.8's ast.c points
  // at its start alone.
  Loc target_end(const Expr& target) const { return syntax_.pgen() ? Loc{} : target.end; }
  // Where a target with a bad part is reported: 3.7-3.8's ast.c reports the
  // whole target, 3.9+ the part.
  Loc bad_target_loc(const Expr& target, const Expr& bad) const { return syntax_.pgen() ? target.loc : bad.loc; }
  void dict_unpacking_in_comprehension(Loc open, const Token& stars);
  void close_collection(std::string_view close, const Expr& last);
  std::vector<Comprehension> for_if_clauses();
  void check_async_comprehension(const std::vector<Comprehension>& generators, Loc loc, std::size_t awaits);
  bool nested_async_comprehensions(std::size_t since);
  bool drop_await_errors(std::size_t since);
  ExprPtr star_targets();
  ExprPtr star_target();
  template <class Next>
  ExprPtr binary(Next next, std::initializer_list<std::pair<std::string_view, BinOp>> ops);

  std::shared_ptr<const Source> source_;
  SyntaxFeatures syntax_;
  SyntaxWarningSink warn_;
  // The tokens whose warnings were given (by where their text starts): a
  // literal parsed again (speculation, an f-string field read twice) warns
  // once, as CPython's memoized rule acts once.
  std::set<const char*> warned_;
  void give_warnings(const Token& t, int line);
  Lexer main_lexer_;
  Lexer* lexer_;            // main_lexer_, or an f-string field's while parsing it
  // Before 3.10, a tokenizer error met only by looking ahead (the parsers
  // read no further than the token they fail at): raised when reached.
  std::optional<std::pair<const Lexer*, Diagnostic>> lookahead_error_;
  std::deque<Token> toks_;  // a deque: references to tokens stay valid while more are read
  std::size_t pos_ = 0;
  std::size_t backtracked_at_ = 0;  // where the last failure under speculation stopped
  int speculating_ = 0;
  int fstring_depth_ = 0;
  int depth_ = 0;
  std::vector<const Expr*> yields_;  // what yield_expr returned
  std::vector<Scope> scopes_;
  std::vector<Deferred> semantic_;     // SyntaxErrors CPython's code generator (compile.c) raises
  int scopes_opened_ = 0;
  std::vector<Deferred> unsupported_;  // constructs outside asim's subset
  std::vector<TooNew> too_new_;  // constructs the modelled version's grammar lacks
  // 3.7-3.8: the first error of building the AST (ast.c), raised once the
  // file parsed, before the compiler's; and where in the file it is.
  std::optional<Diagnostic> ast_error_;
  Loc ast_error_at_;
  void defer_ast_error(Loc at, Diagnostic d);
  // Python/future.c, run on the AST before the symbol table and the compiler.
  std::vector<std::pair<const ImportFrom*, Loc>> future_imports_;  // and where each ends
  std::optional<Diagnostic> future_error_;
  void check_future_imports(const Module& m);
  // 3.11+: where CPython's second (error) pass would stop. An action there
  // returns NULL without raising; with the tokenizer's error already set
  // (a null byte read), the generated code takes that for a failure
  // (error_indicator), so no invalid_* rule after it raises and the
  // tokenizer's error stands. Kept by where they start, as targets are
  // known only once their '=' is met.
  std::vector<Loc> second_pass_stops_;
  Loc list_after_name_;  // a '[' right after a NAME that began an expression
  void second_pass_stops_at(Loc loc) { second_pass_stops_.push_back(loc); }
  void forget_second_pass_stops(const Expr& target);
};

// ================================================================== errors

void Parser::fail(Loc loc, std::string message, DKind kind, Loc end) {
  if (speculating_ > 0) {
    backtracked_at_ = pos_;
    throw Backtrack{};
  }
  throw ParseFailure{Diagnostic(kind, source_, loc.col == 0 ? loc : parser_error_loc(*source_, loc, syntax_), std::move(message),
                                end.line ? parser_error_loc(*source_, end, syntax_) : Loc{}),
                     fstring_depth_ > 0, true, stopped_at()};
}

Diagnostic older_parser_error(const Diagnostic& d, const Token& at, const SyntaxFeatures& syntax);

// An error 3.7-3.8's ast.c finds building the tree, once the whole file
// parsed (a parser error anywhere wins): deferred there, and the parse goes
// on; a failure like any other on 3.9+.
void Parser::fail_after_parse(Loc loc, std::string message, Loc end) {
  if (!syntax_.pgen() || speculating_ > 0) fail(loc, std::move(message), DKind::SyntaxError, end);
  const Loc at = char_loc(*source_, loc);
  const Diagnostic d(DKind::SyntaxError, source_, at, std::move(message));
  defer_ast_error(at, Diagnostic(older_parser_error(d, stopped_at(), syntax_)).reading_text_back());
}

// A construct from a later version than the modelled one: CPython's parser
// of that version stops at token `t` with "invalid syntax", marking the
// token (`length` bytes as that version tokenizes it, when that differs
// from ours): 3.7 puts the caret under its last character, 3.10+ a range.
void Parser::require(bool available, const Token& t, std::size_t length, std::string message) {
  if (available) return;
  Loc end = t.end.line == t.loc.line ? t.end : Loc{};
  if (length) end = {t.loc.line, t.loc.col + static_cast<int>(length)};
  too_new_.push_back({t.loc, end, std::move(message)});
}

// The first construct too new for the modelled version, when it comes
// before `before` (the error the full grammar finds) or there is none.
void Parser::raise_too_new(std::optional<Loc> before) const {
  if (too_new_.empty()) return;
  const auto first = std::min_element(too_new_.begin(), too_new_.end(), [](const TooNew& a, const TooNew& b) {
    return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
  });
  const Loc at = parser_error_loc(*source_, first->loc, syntax_);
  if (before && std::pair(before->line, before->col) < std::pair(at.line, at.col)) return;
  throw Diagnostic(DKind::SyntaxError, source_, at, first->message,
                   first->end.line ? parser_error_loc(*source_, first->end, syntax_) : Loc{});
}

void Parser::fail_here() {
  const Token& t = peek();
  // 3.10+: a token made at the end of the file has no column (no caret).
  const bool no_column = t.at_eof && syntax_.peg_messages();
  if (t.kind == TokenKind::Indent || t.kind == TokenKind::Dedent) {
    // As CPython's parser reports a stray INDENT or DEDENT, without looking further.
    Loc at = parser_error_loc(*source_, t.loc, syntax_);
    if (no_column) at.col = 0;
    if (speculating_ > 0) {
      backtracked_at_ = pos_;
      throw Backtrack{};
    }
    // Reported only when the tokenizer has not failed (_Pypegen_set_syntax_error).
    if (main_lexer_.read_null_line()) main_lexer_.raise_null_line();
    throw ParseFailure{Diagnostic(DKind::IndentationError, source_, at,
                                  t.kind == TokenKind::Indent ? "unexpected indent" : "unexpected unindent"),
                       false, false, t};
  }
  // After an operand, `not` can only begin `not in`: CPython's parse takes
  // the `not` and stops at what follows it.
  if (t.kind == TokenKind::Name && t.text == "not" && !at_kw("in", 1) && after_operand())
    fail(peek(1).loc, "invalid syntax");
  if (t.kind == TokenKind::EndMarker && lexer_->is_fstring_field()) {
    // CPython points at the field's last token.
    fail(pos_ > 0 ? toks_[pos_ - 1].loc : t.loc, "f-string: expecting '=', or '!', or ':', or '}'");
  }
  if (no_column) fail({t.loc.line, 0}, "invalid syntax");
  // 3.7's tokenizer has no ':=': its parser stops at the ':'.
  if (t.kind == TokenKind::Op && t.text == ":=" && !syntax_.assignment_expressions)
    fail(t.loc, "invalid syntax", DKind::SyntaxError, {t.loc.line, t.loc.col + 1});
  fail(t.loc, "invalid syntax", DKind::SyntaxError, t.end);
}

// The next token from the lexer. Before 3.10, a tokenizer error found while
// speculating ends the speculation, and waits for the parse to get there.
Token Parser::next_token() {
  if (lookahead_error_ && lookahead_error_->first == lexer_) {
    if (speculating_ > 0) throw Backtrack{};
    throw lookahead_error_->second;
  }
  try {
    Token t = lexer_->next();
    if (t.kind == TokenKind::Number) give_warnings(t, t.loc.line);
    return t;
  } catch (const Diagnostic& d) {
    if (speculating_ == 0 || syntax_.peg_messages()) throw;
    lookahead_error_.emplace(lexer_, d);
    throw Backtrack{};
  }
}

void Parser::give_warnings(const Token& t, int line) {
  if (!warn_ || t.warnings.empty() || !warned_.insert(t.text.data()).second) return;
  for (const std::string& message : t.warnings) warn_(line, message);
}

// invalid_block rules: "expected an indented block after ...", at the line
// at the file's last line when the file ends there (no column: no caret).
void Parser::missing_block(std::string_view what, int line) {
  const std::string message = fmt::format("expected an indented block after {} on line {}", what, line);
  // pgen's classify() finds no grammar label for such a token: "invalid
  // syntax" there, before it says which token it expected.
  const Token& next = peek();
  if (syntax_.pgen() && next.kind == TokenKind::Op && next.text.size() == 1 &&
      std::string_view("$?`!").find(next.text[0]) != std::string_view::npos)
    fail_here();
  if (peek().at_eof && syntax_.peg_messages()) {
    if (speculating_ > 0) throw Backtrack{};
    // 3.10: a last line that read as nothing (a null byte) is uncounted; a
    // line that did so mid-file ended the input at the line before it.
    int last = source_->line_count() - (source_->line(source_->line_count()) == std::string_view("\0", 1));
    if (source_->line(peek().loc.line + 1).rfind(std::string_view("\0", 1), 0) == 0) last = peek().loc.line;
    throw ParseFailure{Diagnostic(DKind::IndentationError, source_, {last, 0}, message), false,
                       true, peek()};
  }
  fail(column_of(peek()), message, DKind::IndentationError, peek().end);
}

// Where an error at token `t` is reported: the PEG parser's DEDENT has no
// column (col_offset -1, so offset 0 and no caret); pgen's has one.
Loc Parser::column_of(const Token& t) const {
  if (t.kind == TokenKind::Dedent && !t.at_null_line && !syntax_.pgen()) return {t.loc.line, 0};
  return t.loc;
}

// CPython's invalid_expression rule: inside brackets, an expression followed
// by another one is most likely a missing comma.
void Parser::missing_comma_or_fail(const Expr& element) {
  // For `a, b c` and `*a b` CPython's rule sees `b c` and `a b`.
  const Expr* last = &element;
  if (last->kind == ExprKind::Tuple && !static_cast<const TupleExpr&>(*last).elts.empty() &&
      static_cast<const TupleExpr&>(*last).elts.front()->loc.col == last->loc.col &&
      static_cast<const TupleExpr&>(*last).elts.front()->loc.line == last->loc.line)
    last = static_cast<const TupleExpr&>(*last).elts.back().get();
  if (last->kind == ExprKind::Starred) last = static_cast<const Starred&>(*last).value.get();
  // A lambda's body is an expression of its own, where the rule applies.
  while (last->kind == ExprKind::Lambda) last = static_cast<const Lambda&>(*last).body.get();
  const Expr& previous = *last;
  const bool candidate = starts_expression() && previous.kind != ExprKind::IfExp && previous.kind != ExprKind::Lambda &&
                         previous.kind != ExprKind::NamedExpr &&
                         !(previous.kind == ExprKind::Name && at(TokenKind::String));
  Loc end;
  if (candidate && next_expression_parses(&end)) {
    // The range runs from the one expression to the end of the other (to
    // the end of the line, when that is on a later line).
    fail(previous.loc, "invalid syntax. Perhaps you forgot a comma?", DKind::SyntaxError, end);
  }
  fail_here();
}

// Whether an expression (as CPython's expression_without_invalid: a
// disjunction will do) parses here; looked at, not consumed. Tokenizer errors
// met on the way are raised, as CPython raises them.
bool Parser::next_expression_parses(Loc* end) {
  return lookahead([&] {
    if (at_kw("lambda"))
      lambdef();
    else
      disjunction();
    if (end && pos_ > 0) *end = toks_[pos_ - 1].end;
  });
}

template <class F>
bool Parser::speculate(F&& f) {
  const Mark m = mark();
  struct Counter {
    int& n;
    explicit Counter(int& c) : n(c) { ++n; }
    ~Counter() { --n; }
  } counter(speculating_);
  try {
    f();
    return true;
  } catch (const Backtrack&) {
    rewind(m);
    return false;
  }
}

// Whether the previous token can end an operand.
bool Parser::after_operand() {
  if (pos_ == 0) return false;
  const Token& t = toks_[pos_ - 1];
  if (t.kind == TokenKind::Number || t.kind == TokenKind::String) return true;
  if (t.kind == TokenKind::Name)
    return !is_keyword(t.text) || t.text == "True" || t.text == "False" || t.text == "None";
  return t.kind == TokenKind::Op && (t.text == ")" || t.text == "]" || t.text == "}" || t.text == "...");
}

bool Parser::starts_expression(std::size_t k, bool star) {
  const Token& t = peek(k);
  switch (t.kind) {
    case TokenKind::Name:
      return !is_keyword(t.text) || t.text == "True" || t.text == "False" || t.text == "None" || t.text == "lambda" ||
             t.text == "not" || t.text == "await";
    case TokenKind::Number:
    case TokenKind::String: return true;
    case TokenKind::Op:
      return t.text == "(" || t.text == "[" || t.text == "{" || t.text == "-" || t.text == "+" || t.text == "~" ||
             t.text == "..." || (star && t.text == "*");
    default: return false;
  }
}

void Parser::check_await(Loc loc, Loc end) {
  switch (scopes_.back().kind) {
    case ScopeKind::AsyncFunction: return;
    default: ++scopes_.back().awaits; break;
  }
  switch (scopes_.back().kind) {
    case ScopeKind::Module:
    case ScopeKind::Class: defer_semantic(loc, "'await' outside function", end); return;
    default: defer_semantic(loc, "'await' outside async function", end);
  }
}

// Removes the "'await' outside ..." errors recorded since `since` (the
// await was inside a comprehension); returns whether there were any.
bool Parser::drop_await_errors(std::size_t since) {
  const auto is_await = [](const Deferred& d) { return d.message.rfind("'await' outside", 0) == 0; };
  const auto first = semantic_.begin() + static_cast<std::ptrdiff_t>(since);
  const auto kept = std::remove_if(first, semantic_.end(), is_await);
  const auto dropped = static_cast<int>(semantic_.end() - kept);
  semantic_.erase(kept, semantic_.end());
  scopes_.back().awaits = std::max(0, scopes_.back().awaits - dropped);
  return dropped > 0;
}

// Whether the second pass, trying star_targets where a target may be (an
// expression statement, the value after each '=' of an assignment), reaches
// the primary starting at `chain` as a target: at the start, inside groups
// and after a '*' (star_atom, star_target).
bool Parser::parsed_as_target(Loc chain) {
  std::size_t i = target_candidate_;
  while (i < toks_.size() && toks_[i].kind == TokenKind::Op &&
         (toks_[i].text == "(" || toks_[i].text == "[" || toks_[i].text == "*"))
    ++i;
  return i < toks_.size() && same_loc(toks_[i].loc, chain);
}

void Parser::close_scope() {
  const Scope& s = scopes_.back();
  if (s.awaits > 0)
    semantic_.erase(std::remove_if(semantic_.begin(), semantic_.end(),
                                   [&](const Deferred& d) { return d.unless_scope_awaits == s.id; }),
                    semantic_.end());
  scopes_.pop_back();
}

// In CPython's order: the AST (3.7-3.8's ast.c), the future imports
// (future.c), the symbol table (symtable.c), the code generator (compile.c),
// and only then what asim does not model.
void Parser::raise_deferred(const Module& module) {
  if (ast_error_) throw *ast_error_;
  if (future_error_) throw *future_error_;
  if (!semantic_.empty() || !unsupported_.empty()) SymbolTable::build(module);
  auto first = [](std::vector<Deferred>& v) {
    return std::min_element(v.begin(), v.end(), [](const Deferred& a, const Deferred& b) {
      return std::pair(a.loc.line, a.loc.col) < std::pair(b.loc.line, b.loc.col);
    });
  };
  if (!semantic_.empty()) {
    // CPython's compiler reports its errors at col_offset + 1: bytes, not characters.
    const auto& d = *first(semantic_);
    if (d.at_line_zero) throw Diagnostic(DKind::SyntaxError, source_, {}, d.message);
    throw Diagnostic(DKind::SyntaxError, source_, d.loc, d.message, d.end).reading_text_back();
  }
  if (!unsupported_.empty()) {
    const auto& d = *first(unsupported_);
    throw Diagnostic(DKind::Unsupported, source_, char_loc(*source_, d.loc), d.message);
  }
}

// After a parser error CPython tokenizes the rest of the file, and a
// tokenizer error found there is reported instead (_PyPegen_tokenize_full_
// source_to_check_for_errors); an unclosed bracket only if it opened on an
// earlier line than the last token the parser had read (which may be past
// its error, when a rule looked ahead), and indentation errors (TabError
// included: the tokenizer reports them by status, raising nothing) never.
void Parser::drain_for_tokenizer_errors(const ParseFailure& failure) {
  // 3.12+ tokenize f-strings: an error inside one is the tokenizer's own.
  if ((failure.in_fstring && syntax_.parser == ParserGeneration::Peg312) || !failure.drain) return;
  // The tokenizer failed already (its status is an error, _Pypegen_set_syntax_error
  // does not drain): an invalid_* rule's error stands, a plain one is the tokenizer's.
  if (main_lexer_.read_null_line()) {
    if (failure.diagnostic.message() == "invalid syntax" || !second_pass_stops_.empty()) main_lexer_.raise_null_line();
    return;
  }
  try {
    for (Token t = main_lexer_.next(); t.kind != TokenKind::EndMarker; t = main_lexer_.next())
      if (t.kind == TokenKind::Number) give_warnings(t, t.loc.line);
  } catch (const Diagnostic& d) {
    if (d.kind() == DKind::IndentationError || d.kind() == DKind::TabError || main_lexer_.failed_in_fstring()) return;
    // An open bracket at the end of the input, also when a status (a
    // continuation met the end of the file) ends it.
    if (main_lexer_.failed_unclosed()) {
      if (!toks_.empty() && d.loc().line >= toks_.back().loc.line) return;
      throw;
    }
    if (main_lexer_.failed_soft()) return;
    throw;
  }
}

// What 3.7-3.9 report where 3.12's parser reports `d`, having stopped at
// `at`: the same error where their grammar had that rule, else "invalid
// syntax" at the token where the parse stopped; at the end of the file
// "unexpected EOF while parsing" (pgen) past the last line.
Diagnostic older_parser_error(const Diagnostic& d, const Token& at, const SyntaxFeatures& syntax) {
  const auto& src = d.source();
  const std::string& m = d.message();
  auto starts = [&](std::string_view p) { return m.rfind(p, 0) == 0; };
  // 3.9: after a last line that read as nothing (a null byte), no column.
  const bool null_last = syntax.parser == ParserGeneration::Peg39 && src->file_line(src->line_count()).rfind('\0', 0) == 0;
  const Loc eof{src->line_count() + 1, null_last ? 0 : static_cast<int>(src->line(src->line_count()).size()) + 1};
  const bool at_eof = at.kind == TokenKind::EndMarker || at.at_eof;
  if (d.kind() == DKind::IndentationError && starts("expected an indented block")) {
    if (at_eof && syntax.pgen()) return Diagnostic(DKind::SyntaxError, src, eof, "unexpected EOF while parsing");
    if (at_eof) return Diagnostic(DKind::IndentationError, src, eof, "expected an indented block");
    return Diagnostic(DKind::IndentationError, src, d.loc(), "expected an indented block", d.end());
  }
  if (at_eof && (d.kind() == DKind::SyntaxError || m == "unexpected unindent"))
    return Diagnostic(DKind::SyntaxError, src, eof, "unexpected EOF while parsing");
  if (d.kind() != DKind::SyntaxError) return d;
  // A DEDENT or INDENT no rule expects (the invalid_* rules of 3.10+ see
  // past it: "expected 'except' or 'finally' block" after `try: ...`).
  if (at.kind == TokenKind::Dedent)
    return Diagnostic(DKind::IndentationError, src, syntax.pgen() ? char_loc(*src, at.loc) : Loc{at.loc.line, 0},
                      "unexpected unindent");
  if (at.kind == TokenKind::Indent)
    return Diagnostic(DKind::IndentationError, src, parser_error_loc(*src, at.loc, syntax), "unexpected indent", parser_error_loc(*src, at.end, syntax));
  // Rules the older grammars share, worded alike.
  static constexpr std::array<std::string_view, 17> kShared = {
      "invalid syntax",
      "positional argument follows keyword argument",
      "Generator expression must be parenthesized",
      "iterable unpacking cannot be used in comprehension",
      "named arguments must follow bare *",
      "trailing comma not allowed without surrounding parentheses",
      "keyword argument repeated",
      "f-string",
      "expression cannot contain assignment",
      "cannot mix bytes and nonbytes literals",
      "dict unpacking cannot be used in dict comprehension",
      "cannot use assignment expressions with",
      "iterable argument unpacking follows keyword argument unpacking",
      "non-default argument follows default argument",
      "illegal target for annotation",
      "only single target",
      "can't use starred expression here",
  };
  if (m == "invalid syntax" || std::any_of(kShared.begin() + 1, kShared.end(), starts)) return d;
  // 3.9 words a bad augmented target as 3.10+ do; 3.7-3.8's ast.c as any
  // other assignment.
  constexpr std::string_view kAugmented = "' is an illegal expression for augmented assignment";
  if (const auto k = m.find(kAugmented); k != std::string::npos && m.front() == '\'') {
    if (!syntax.pgen()) return d;
    const std::string what = m.substr(1, k - 1);
    // A target set_context takes (a tuple, a list, a starred one) is
    // refused by the augmented assignment's own check.
    if (what == "tuple" || what == "list" || what == "starred")
      return Diagnostic(DKind::SyntaxError, src, d.loc(), "illegal expression for augmented assignment");
    return Diagnostic(DKind::SyntaxError, src, d.loc(),
                      fmt::format("{} assign to {}", syntax.parser == ParserGeneration::Pgen37 ? "can't" : "cannot", what));
  }
  for (std::string_view verb : {"assign to", "delete"}) {
    if (!starts(fmt::format("cannot {} ", verb))) continue;
    std::string what = m.substr(0, m.find(" here. Maybe"));
    if (syntax.parser != ParserGeneration::Pgen37) return Diagnostic(DKind::SyntaxError, src, d.loc(), what, d.end());
    // 3.7's ast.c: a 0-based column, the line read back.
    what.replace(0, 6, "can't");
    return Diagnostic(DKind::SyntaxError, src, d.loc(), what, d.end()).reading_text_back();
  }
  return Diagnostic(DKind::SyntaxError, src, parser_error_loc(*src, at.loc, syntax), "invalid syntax", parser_error_loc(*src, at.end, syntax));
}

// ================================================================== statements

// file: [statements] ENDMARKER
Module Parser::file() {
  ScopeGuard scope(*this, ScopeKind::Module);
  Module m;
  m.source = source_;
  m.syntax = syntax_;
  while (!at(TokenKind::EndMarker)) {
    // pgen's file_input is (NEWLINE | stmt)*: an empty logical line (a
    // backslash joined to an empty line) is allowed at the top level.
    if (syntax_.pgen() && at(TokenKind::Newline)) {
      take();
      continue;
    }
    statement(m.body);
  }
  check_future_imports(m);
  return m;
}

// future.c's future_parse: the future imports that begin the file (after a
// docstring; several on one line as the first) name features CPython knows;
// the compiler refuses any other one, marking its statement.
void Parser::check_future_imports(const Module& m) {
  static constexpr std::array<std::string_view, 10> kFeatures = {
      "nested_scopes",  "generators",    "division",       "absolute_import", "with_statement",
      "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop",  "annotations"};
  std::vector<const Stmt*> leading;
  std::size_t i = 0;
  if (!m.body.empty() && m.body[0]->kind == StmtKind::Expr) {
    const auto& e = *static_cast<const ExprStmt&>(*m.body[0]).value;
    if (e.kind == ExprKind::Constant && static_cast<const Constant&>(e).type == Constant::Type::Str) i = 1;
  }
  bool done = false;
  int prev_line = 0;
  for (; i < m.body.size(); ++i) {
    const Stmt& s = *m.body[i];
    if (done && s.loc.line > prev_line) break;
    prev_line = s.loc.line;
    const bool future = s.kind == StmtKind::ImportFrom && static_cast<const ImportFrom&>(s).module == "__future__";
    if (!future) {
      done = true;
      continue;
    }
    if (done && !syntax_.future_refuses_late_import_on_its_line) break;
    if (done) {  // after another statement on its line: future.c says so, at col_offset
      if (!future_error_)
        future_error_.emplace(Diagnostic(DKind::SyntaxError, source_,
                                         // (3.7's read-back errors all count from col_offset)
                                         Loc{s.loc.line, s.loc.col - (syntax_.parser == ParserGeneration::Pgen37 ? 0 : 1)},
                                         "from __future__ imports must occur at the beginning of the file")
                                  .reading_text_back());
      break;
    }
    leading.push_back(&s);
    for (const Alias& a : static_cast<const ImportFrom&>(s).names) {
      if (future_error_ || std::find(kFeatures.begin(), kFeatures.end(), a.name) != kFeatures.end()) continue;
      future_error_.emplace(
          Diagnostic(DKind::SyntaxError, source_, s.loc,
                     a.name == "braces" ? "not a chance" : fmt::format("future feature {} is not defined", a.name))
              .reading_text_back());
    }
  }
  for (const auto& [s, end] : future_imports_)
    if (std::find(leading.begin(), leading.end(), s) == leading.end())
      semantic_.push_back(
          {s->loc, "from __future__ imports must occur at the beginning of the file", syntax_.pgen() ? Loc{} : end});
}

// statement: compound_stmt | simple_stmts
void Parser::statement(Body& out) {
  if (at(TokenKind::Indent)) fail_here();  // "unexpected indent"
  if (auto s = compound_stmt()) {
    if (s->end.line == 0) s->end = last_code_end();
    out.push_back(std::move(s));
    return;
  }
  simple_stmts(out);
}

// compound_stmt: function_def | if_stmt | class_def | with_stmt | for_stmt |
// try_stmt | while_stmt | match_stmt
StmtPtr Parser::compound_stmt() {
  if (at_op("@")) return decorated();
  if (!at(TokenKind::Name)) return nullptr;
  const std::string_view w = peek().text;
  if (w == "def") return function_def({}, std::nullopt);
  if (w == "class") return class_def({});
  if (w == "if") return if_stmt();
  if (w == "while") return while_stmt();
  if (w == "for") return for_stmt(std::nullopt);
  if (w == "try") return try_stmt();
  if (w == "with") return with_stmt(std::nullopt);
  if (w == "async") return async_stmt({});
  if (w == "match" && looks_like_match()) {
    require_match_statement();
    return match_stmt();
  }
  // invalid_match_stmt: `match SUBJECT` and the line's end, when the line
  // is no expression statement either.
  if (w == "match" && syntax_.match_statement && !at(TokenKind::Newline, 1) && !at_op("=", 1) &&
      lookahead([&] {
        take();
        star_expressions();
        if (!at(TokenKind::Newline)) fail_here();
      }) &&
      !lookahead([&] {
        star_expressions();
        if (!at(TokenKind::Newline)) fail_here();
      })) {
    take();
    star_expressions();
    fail(peek().loc, "expected ':'");
  }
  return nullptr;
}

// simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE
void Parser::simple_stmts(Body& out) {
  for (;;) {
    out.push_back(simple_stmt());
    if (out.back()->end.line == 0) out.back()->end = last_end();
    if (!accept_op(";") || at(TokenKind::Newline)) break;
  }
  if (!at(TokenKind::Newline)) {
    // CPython's invalid_expression rule parses what follows before giving up,
    // so a tokenizer error there (an unclosed bracket) is the one reported.
    if (starts_expression()) lookahead([&] { star_expressions(); });
    fail_here();
  }
  take();
}

// simple_stmt: assignment | star_expressions | return_stmt | import_stmt |
// raise_stmt | 'pass' | del_stmt | yield_stmt | assert_stmt | 'break' |
// 'continue' | global_stmt | nonlocal_stmt | type_alias
StmtPtr Parser::simple_stmt() {
  const Token& t = peek();
  const Loc loc = t.loc;
  if (t.kind == TokenKind::Name) {
    const std::string_view w = t.text;
    if (w == "pass") {
      take();
      return std::make_unique<Pass>(loc);
    }
    if (w == "break" || w == "continue") {
      take();
      if (scopes_.back().loops == 0)
        defer_semantic(loc, w == "break" ? "'break' outside loop" : "'continue' not properly in loop", last_end());
      else if (w == "continue" && scopes_.back().finally_bodies_in_loop > 0 && syntax_.parser == ParserGeneration::Pgen37)
        defer_semantic(loc, "'continue' not supported inside 'finally' clause", last_end());
      if (w == "break") return std::make_unique<Break>(loc);
      return std::make_unique<Continue>(loc);
    }
    if (w == "return") return return_stmt();
    if (w == "raise") return raise_stmt();
    if (w == "global" || w == "nonlocal") return global_stmt();
    if (w == "del") return del_stmt();
    if (w == "assert") return assert_stmt();
    if (w == "import") return import_name();
    if (w == "from") return import_from();
    if (w == "type" && at_name(1) && (at_op("=", 2) || at_op("[", 2))) return type_alias();
  }
  return assignment_or_expression();
}

// assignment | star_expressions: the targets are parsed as expressions, then
// checked and given the Store context once the '=' shows what they are.
StmtPtr Parser::assignment_or_expression() {
  const Loc loc = peek().loc;
  const bool yield = at_kw("yield");
  target_candidate_ = pos_;
  ExprPtr e = yield ? yield_expr() : star_expressions();
  if (yield && at_op("=")) fail(e->loc, "assignment to yield expression not possible");
  if (at_op(":")) return annotated_assignment(std::move(e), loc);
  // clang-format off
  static constexpr std::array<std::pair<std::string_view, BinOp>, 13> kAugmented = {{
      {"+=", BinOp::Add}, {"-=", BinOp::Sub}, {"*=", BinOp::Mult}, {"/=", BinOp::Div}, {"//=", BinOp::FloorDiv},
      {"%=", BinOp::Mod}, {"**=", BinOp::Pow}, {"<<=", BinOp::LShift}, {">>=", BinOp::RShift},
      {"|=", BinOp::BitOr}, {"^=", BinOp::BitXor}, {"&=", BinOp::BitAnd}, {"@=", BinOp::MatMult}}};
  // clang-format on
  for (const auto& [text, op] : kAugmented)
    if (at_op(text)) return augmented_assignment(std::move(e), op, loc);
  if (at_op("=")) return assignment(std::move(e), loc);
  if (at_op(":=") && syntax_.parser == ParserGeneration::Pgen37) {
    // 3.7 reads ':' '=': an annotation, then no expression.
    const Token& t = peek();
    fail({t.loc.line, t.loc.col + 1}, "invalid syntax");
  }
  // 3.9's invalid_assignment reads `NAME := value` (a named_expression),
  // then fails at the token after it.
  const Token* after_named = nullptr;
  if (at_op(":=") && syntax_.parser == ParserGeneration::Peg39 && e->kind == ExprKind::Name && same_loc(e->loc, loc) &&
      lookahead([&] {
        take();
        expression();
        after_named = &peek();
      }))
    fail(after_named->loc, "invalid syntax", DKind::SyntaxError, after_named->end);
  // invalid_assignment tries the statement's first expression as a
  // star_named_expression, whose invalid_named_expression (3.9+) judges
  // `TARGET := value` with a TARGET other than a bare name.
  if (at_op(":=") && !syntax_.pgen() && e->kind != ExprKind::Tuple && e->kind != ExprKind::Starred && !yield &&
      !(e->kind == ExprKind::Name && same_loc(e->loc, loc)) && lookahead([&] {
        take();
        expression();
      }))
    fail(e->loc, fmt::format("cannot use assignment expressions with {}", expr_name(*e, syntax_.parser)),
         DKind::SyntaxError, target_end(*e));
  // invalid_legacy_expression: Python 2's print statement.
  Loc legacy_end;
  if (e->kind == ExprKind::Name && starts_expression() && lookahead([&] {
        star_expressions();
        legacy_end = last_end();
      })) {
    const auto& id = static_cast<const Name&>(*e).id;
    if (id == "print" || id == "exec")
      fail(e->loc, fmt::format("Missing parentheses in call to '{}'. Did you mean {}(...)?", id, id), DKind::SyntaxError,
           legacy_end);
  }
  if (e->kind == ExprKind::Starred) defer_semantic(e->loc, "can't use starred expression here", e->end);
  auto s = std::make_unique<ExprStmt>(loc);
  s->value = std::move(e);
  return s;
}

// annotated_rhs after `target ':' expression ['=' ...]`.
StmtPtr Parser::annotated_assignment(ExprPtr target, Loc loc) {
  const Loc colon = peek().loc;
  const bool single =
      target->kind == ExprKind::Name || target->kind == ExprKind::Attribute || target->kind == ExprKind::Subscript;
  // CPython judges a bad target only when an annotation follows; otherwise
  // its parse never got past the ':'.
  if (!single && !lookahead([&] {
        take();
        expression();
      }))
    fail(colon, "invalid syntax");
  take();  // ':'
  ExprPtr annotation = expression();
  // 3.7-3.8's ast.c judges the target once the file parsed.
  // 3.10+ mark the target, only the first name of an unparenthesized tuple.
  if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List) {
    const auto& elts = target->kind == ExprKind::Tuple ? static_cast<const TupleExpr&>(*target).elts
                                                       : static_cast<const ListExpr&>(*target).elts;
    const bool bare = !elts.empty() && same_loc(elts.front()->loc, target->loc);
    fail_after_parse(target->loc, fmt::format("only single target (not {}) can be annotated", expr_name(*target, syntax_.parser)),
                     target_end(bare ? *elts.front() : *target));
  } else if (!single) {
    fail_after_parse(target->loc, "illegal target for annotation", target_end(*target));
  }
  auto s = std::make_unique<AnnAssign>(loc);
  if (single) store_target(*target);
  s->target = std::move(target);
  s->annotation = std::move(annotation);
  // 3.7's annassign takes one `test` after the '='.
  if (accept_op("="))
    s->value = at_kw("yield") ? yield_expr() : syntax_.parser == ParserGeneration::Pgen37 ? expression() : star_expressions();
  return s;
}

StmtPtr Parser::augmented_assignment(ExprPtr target, BinOp op, Loc loc) {
  if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute && target->kind != ExprKind::Subscript)
    fail(target->loc, fmt::format("'{}' is an illegal expression for augmented assignment", expr_name(*target, syntax_.parser)),
         DKind::SyntaxError, target_end(*target));
  check_debug_target(*target);
  take();  // the operator
  store_target(*target);
  auto s = std::make_unique<AugAssign>(loc);
  s->target = std::move(target);
  s->op = op;
  s->value = at_kw("yield") ? yield_expr() : star_expressions();
  return s;
}

// assignment: (star_targets '=')+ (yield_expr | star_expressions)
StmtPtr Parser::assignment(ExprPtr first, Loc loc) {
  auto s = std::make_unique<Assign>(loc);
  s->targets.push_back(std::move(first));
  Loc written = loc;
  for (;;) {
    // Each target is judged before its value is parsed, as CPython's
    // invalid_assignment rule does; '==' is suggested only for `target = value`.
    const bool first_target = s->targets.size() == 1;
    store_target(*s->targets.back(), [&] { return first_target && single_assignment_follows(); }, written);
    take();  // '='
    target_candidate_ = pos_;
    written = peek().loc;
    ExprPtr rhs = at_kw("yield") ? yield_expr() : star_expressions();
    if (!at_op("=")) {
      if (rhs->kind == ExprKind::Starred) defer_semantic(rhs->loc, "can't use starred expression here", rhs->end);
      s->value = std::move(rhs);
      return s;
    }
    s->targets.push_back(std::move(rhs));
  }
}

// Sets ctx on an assignment or del target; returns the first sub-expression
// that cannot be one.
Expr* set_context(Expr& e, Ctx ctx) {
  switch (e.kind) {
    case ExprKind::Name: static_cast<Name&>(e).ctx = ctx; return nullptr;
    case ExprKind::Attribute: static_cast<Attribute&>(e).ctx = ctx; return nullptr;
    case ExprKind::Subscript: static_cast<Subscript&>(e).ctx = ctx; return nullptr;
    case ExprKind::Starred: {
      if (ctx == Ctx::Del) return &e;
      auto& s = static_cast<Starred&>(e);
      s.ctx = ctx;
      return set_context(*s.value, ctx);
    }
    case ExprKind::Tuple:
    case ExprKind::List: {
      auto& elts = e.kind == ExprKind::Tuple ? static_cast<TupleExpr&>(e).elts : static_cast<ListExpr&>(e).elts;
      if (e.kind == ExprKind::Tuple)
        static_cast<TupleExpr&>(e).ctx = ctx;
      else
        static_cast<ListExpr&>(e).ctx = ctx;
      for (auto& elt : elts)
        if (Expr* bad = set_context(*elt, ctx)) return bad;
      return nullptr;
    }
    default: return &e;
  }
}

// At an assignment's '=': whether a bitwise_or and no further '=' follow
// (CPython's invalid_named_expression then suggests '==').
bool Parser::single_assignment_follows() {
  return lookahead([&] {
    take();
    bitwise_or();
    if (at_op("=") || at_op(":=")) fail_here();
  });
}

// CPython parses a target as star_targets, never as an expression.
void Parser::forget_second_pass_stops(const Expr& target) {
  std::erase_if(second_pass_stops_, [&](Loc l) { return same_loc(l, target.loc); });
  if (target.kind == ExprKind::Starred) forget_second_pass_stops(*static_cast<const Starred&>(target).value);
  if (target.kind == ExprKind::Tuple)
    for (const auto& elt : static_cast<const TupleExpr&>(target).elts) forget_second_pass_stops(*elt);
  if (target.kind == ExprKind::List)
    for (const auto& elt : static_cast<const ListExpr&>(target).elts) forget_second_pass_stops(*elt);
}

// `written`: where the target's text begins (a parenthesis of its own),
// which pgen's ast.c reports a target it refuses at.
// A name `__debug__` among a target's names (forbidden_name).
const Expr* debug_name(const Expr& target) {
  switch (target.kind) {
    case ExprKind::Name: return static_cast<const Name&>(target).id == "__debug__" ? &target : nullptr;
    case ExprKind::Starred: return debug_name(*static_cast<const Starred&>(target).value);
    case ExprKind::Tuple:
    case ExprKind::List:
      for (const auto& elt : target.kind == ExprKind::Tuple ? static_cast<const TupleExpr&>(target).elts
                                                            : static_cast<const ListExpr&>(target).elts)
        if (const Expr* found = debug_name(*elt)) return found;
      return nullptr;
    default: return nullptr;
  }
}

void Parser::check_debug_target(const Expr& target) {
  const Expr* debug = debug_name(target);
  if (!debug) return;
  defer_semantic(bad_target_loc(target, *debug),
                 syntax_.parser == ParserGeneration::Pgen37 ? "assignment to keyword" : "cannot assign to __debug__",
                 target_end(*debug));
}

void Parser::store_target(Expr& target, const std::function<bool()>& maybe_equality, std::optional<Loc> written) {
  forget_second_pass_stops(target);
  Expr* bad = set_context(target, Ctx::Store);
  if (!bad) {
    check_starred_targets(target);
    check_debug_target(target);
    return;
  }
  const bool yield = std::find(yields_.begin(), yields_.end(), bad) != yields_.end();
  const std::string name = yield ? "yield expression" : expr_name(*bad, syntax_.parser);
  // invalid_named_expression, tried on the target (or the last item of an
  // unparenthesized tuple of targets) just before the '=': a bitwise_or, a
  // named expression only in parentheses in these places.
  const auto* tuple = target.kind == ExprKind::Tuple ? &static_cast<const TupleExpr&>(target) : nullptr;
  const bool before_equals = bad == &target || (syntax_.peg_messages() && tuple && !tuple->elts.empty() &&
                                                 bad == tuple->elts.back().get() && same_loc(tuple->loc, tuple->elts.front()->loc));
  if (before_equals && (yield || bad->kind == ExprKind::NamedExpr || is_bitwise_or_level(*bad)) && maybe_equality && maybe_equality())
    return fail_after_parse(syntax_.pgen() && written ? *written : bad->loc,
                            fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", name),
                            target_end(*bad));
  fail_after_parse(syntax_.pgen() && written ? *written : bad_target_loc(target, *bad),
                   fmt::format("cannot assign to {}", name), target_end(*bad));
}

// The compiler's checks on starred targets (after parsing, in CPython).
void Parser::check_starred_targets(Expr& target) {
  if (target.kind == ExprKind::Starred) {
    defer_semantic(target.loc, "starred assignment target must be in a list or tuple", target.end);
    return;
  }
  if (target.kind != ExprKind::Tuple && target.kind != ExprKind::List) return;
  auto& elts =
      target.kind == ExprKind::Tuple ? static_cast<TupleExpr&>(target).elts : static_cast<ListExpr&>(target).elts;
  int stars = 0;
  for (auto& elt : elts) {
    if (elt->kind == ExprKind::Starred) {
      ++stars;
      check_starred_targets(*static_cast<Starred&>(*elt).value);
    } else {
      check_starred_targets(*elt);
    }
  }
  if (stars > 1)
    defer_semantic(target.loc, syntax_.pgen() ? "two starred expressions in assignment" : "multiple starred expressions in assignment",
                   target.end);
}

// return_stmt: 'return' [star_expressions]
StmtPtr Parser::return_stmt() {
  const Loc loc = take().loc;
  auto s = std::make_unique<Return>(loc);
  if (!at_simple_stmt_end()) s->value = star_expressions();
  s->end = last_end();
  if (!in_function()) defer_semantic(loc, "'return' outside function", s->end);
  return s;
}

// raise_stmt: 'raise' expression ['from' expression] | 'raise'
StmtPtr Parser::raise_stmt() {
  const Loc loc = take().loc;
  auto s = std::make_unique<Raise>(loc);
  if (!at_simple_stmt_end()) {
    s->exc = expression();
    if (accept_kw("from")) s->cause = expression();
  }
  return s;
}

// global_stmt: 'global' ','.NAME+ ; nonlocal_stmt: 'nonlocal' ','.NAME+
StmtPtr Parser::global_stmt() {
  const Token& t = take();
  const bool nonlocal = t.text == "nonlocal";
  auto s = std::make_unique<Global>(nonlocal ? StmtKind::Nonlocal : StmtKind::Global, t.loc);
  do {
    s->names.push_back(expect_name());
  } while (accept_op(","));
  s->end = last_end();
  return s;
}

// del_stmt: 'del' del_targets
StmtPtr Parser::del_stmt() {
  const Loc loc = take().loc;
  auto s = std::make_unique<Delete>(loc);
  do {
    ExprPtr t = star_expression();
    forget_second_pass_stops(*t);
    if (Expr* bad = set_context(*t, Ctx::Del))
      fail(bad_target_loc(*t, *bad), fmt::format("cannot delete {}", expr_name(*bad, syntax_.parser)),
           DKind::SyntaxError, target_end(*bad));
    s->targets.push_back(std::move(t));
  } while (accept_op(",") && !at_simple_stmt_end());
  return s;
}

// assert_stmt: 'assert' expression [',' expression]
StmtPtr Parser::assert_stmt() {
  const Loc loc = take().loc;
  auto s = std::make_unique<Assert>(loc);
  s->test = expression();
  if (accept_op(",")) s->msg = expression();
  return s;
}

// dotted_name: dotted_name '.' NAME | NAME
std::string Parser::dotted_name() {
  std::string name = expect_name();
  while (accept_op(".")) name += "." + expect_name();
  return name;
}

// import_name: 'import' dotted_as_names
StmtPtr Parser::import_name() {
  const Loc loc = take().loc;
  auto s = std::make_unique<Import>(loc);
  expect_import_names();
  do {
    Alias a;
    a.name = dotted_name();
    if (accept_kw("as")) a.asname = expect_name();
    s->names.push_back(std::move(a));
  } while (accept_op(","));
  // invalid_import: plain dotted names, `from`, a dotted name.
  const bool plain = std::none_of(s->names.begin(), s->names.end(), [](const Alias& a) { return a.asname.has_value(); });
  if (syntax_.import_from_hint && plain && at_kw("from") && at_name(1)) {
    take();
    dotted_name();
    fail(loc, "Did you mean to use 'from ... import ...' instead?", DKind::SyntaxError, last_end());
  }
  return s;
}

// import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//            | 'from' ('.' | '...')+ 'import' import_from_targets
StmtPtr Parser::import_from() {
  const Loc loc = take().loc;
  auto s = std::make_unique<ImportFrom>(loc);
  int level = 0;
  for (;;) {
    if (accept_op("."))
      ++level;
    else if (accept_op("..."))
      level += 3;
    else
      break;
  }
  if (level == 0 || !at_kw("import")) s->module = dotted_name();
  s->level = level;
  if (!accept_kw("import")) fail_here();
  expect_import_names();
  if (at_op("*")) {
    if (scopes_.back().kind == ScopeKind::Module) defer_unsupported(peek().loc, "star imports (from ... import *)");
    else s->star = peek().loc;
    take();
    return s;
  }
  if (accept_op("(")) {
    import_from_as_names(s->names);
    accept_op(",");
    expect_op(")");
  } else {
    const Loc names = peek().loc;
    import_from_as_names(s->names);
    if (at_op(",")) {
      take();
      // 3.7-3.8's grammar takes the comma; their ast.c refuses it at the names.
      if (syntax_.pgen() && (at(TokenKind::Newline) || at_op(";")))
        fail_after_parse(names, "trailing comma not allowed without surrounding parentheses");
      else
        fail(peek().loc, "trailing comma not allowed without surrounding parentheses");
    }
  }
  if (s->module == "__future__" && level == 0) future_imports_.emplace_back(s.get(), toks_[pos_ - 1].end);
  return s;
}

// import_from_as_names: ','.import_from_as_name+
// 3.13's invalid_import and invalid_import_from_targets: `import` at the end
// of its line.
void Parser::expect_import_names() {
  if (syntax_.import_expects_names && at(TokenKind::Newline))
    fail(peek().loc, "Expected one or more names after 'import'");
}

void Parser::import_from_as_names(std::vector<Alias>& names) {
  for (;;) {
    Alias a;
    a.name = expect_name();
    if (accept_kw("as")) a.asname = expect_name();
    names.push_back(std::move(a));
    if (!at_op(",") || !at_name(1)) return;
    take();
  }
}

// type_alias: "type" NAME [type_params] '=' expression
StmtPtr Parser::type_alias() {
  const Loc loc = take().loc;
  require(syntax_.type_parameters, take());  // the name
  if (at_op("[")) type_params();
  expect_op("=");
  expression();
  defer_unsupported(loc, "type statements (type aliases)");
  return std::make_unique<Pass>(loc);
}

// block: NEWLINE INDENT statements DEDENT | simple_stmts
Body Parser::block(std::string_view what, int line) {
  Body body;
  if (!at(TokenKind::Newline)) {
    simple_stmts(body);
    return body;
  }
  take();
  if (!at(TokenKind::Indent)) missing_block(what, line);
  take();
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) statement(body);
  if (at(TokenKind::Dedent)) take();
  return body;
}

// The ':' of a compound statement header. Some rules force it (`&&':'`:
// "expected ':'" whatever follows); the others say so only before a NEWLINE.
void Parser::expect_colon(bool forced) {
  if (accept_op(":")) return;
  // A forced token (&&':') marks the token found instead, when it has text.
  const bool marked = forced && (at(TokenKind::Name) || at(TokenKind::Op) || at(TokenKind::Number) || at(TokenKind::String));
  if (forced || at(TokenKind::Newline)) fail(peek().loc, "expected ':'", DKind::SyntaxError, marked ? peek().end : Loc{});
  fail_here();
}

// decorators: ('@' named_expression NEWLINE)+, then a class or function.
StmtPtr Parser::decorated() {
  std::vector<ExprPtr> decorators;
  while (accept_op("@")) {
    if (!syntax_.relaxed_decorators) require_dotted_decorator();
    ExprPtr d = named_expression();
    decorators.push_back(std::move(d));
    if (!at(TokenKind::Newline)) fail_here();
    take();
  }
  if (at_kw("def")) return function_def(std::move(decorators), std::nullopt);
  if (at_kw("class")) return class_def(std::move(decorators));
  if (at_kw("async") && at_kw("def", 1)) return async_stmt(std::move(decorators));
  fail_here();
}

// pgen's decorator: '@' dotted_name ['(' [arglist] ')'] NEWLINE. Before
// PEP 614 (3.9) the first token past that shape is "invalid syntax".
void Parser::require_dotted_decorator() {
  std::size_t k = 0;
  if (!at_name(k)) return require(false, peek(k));
  for (++k; at_op(".", k); k += 2)
    if (!at_name(k + 1)) return require(false, peek(k + 1));
  if (at_op("(", k)) {
    for (int depth = 0;; ++k) {
      if (at(TokenKind::EndMarker, k)) return;  // unclosed: the full grammar's error
      if (at_op("(", k) || at_op("[", k) || at_op("{", k)) ++depth;
      if ((at_op(")", k) || at_op("]", k) || at_op("}", k)) && --depth == 0) break;
    }
    ++k;
  }
  if (!at(TokenKind::Newline, k)) require(false, peek(k));
}

// 'async' function_def | 'async' for_stmt | 'async' with_stmt
StmtPtr Parser::async_stmt(std::vector<ExprPtr> decorators) {
  const Loc loc = take().loc;
  if (at_kw("def")) return function_def(std::move(decorators), loc);
  if (at_kw("for")) return for_stmt(loc);
  if (at_kw("with")) return with_stmt(loc);
  fail_here();
}

// function_def_raw: ['async'] 'def' NAME [type_params] '(' [params] ')'
//                   ['->' expression] ':' block
StmtPtr Parser::function_def(std::vector<ExprPtr> decorators, std::optional<Loc> async_loc) {
  const Token& def = take();
  const int line = def.loc.line;
  auto s = std::make_unique<FunctionDef>(async_loc ? StmtKind::AsyncFunctionDef : StmtKind::FunctionDef,
                                         async_loc.value_or(def.loc));
  s->decorator_list = std::move(decorators);
  s->name = expect_name();
  if (at_op("["))
    require(syntax_.type_parameters, peek(), 0,
            syntax_.def_expects_parenthesis ? "expected '('" : "invalid syntax");
  if (at_op("[")) type_params();
  if (!accept_op("(")) {
    if (!syntax_.def_expects_parenthesis) fail_here();
    const Token& t = peek();
    const bool extent = t.kind != TokenKind::Newline && t.kind != TokenKind::EndMarker && t.end.line == t.loc.line;
    fail(t.loc, "expected '('", DKind::SyntaxError, extent ? t.end : Loc{});
  }
  s->args = params(")", true);  // defaults and annotations belong to the enclosing scope
  expect_op(")");
  if (accept_op("->")) s->returns = expression();
  expect_colon(true);
  ScopeGuard scope(*this, async_loc ? ScopeKind::AsyncFunction : ScopeKind::Function);
  s->body = block("function definition", line);
  return s;
}

// params / lambda_params: [posonly '/'] args ['*' [NAME] kwonly] ['**' NAME],
// with CPython's messages for misplaced parts.
Arguments Parser::params(std::string_view close, bool annotations) {
  Arguments a;
  bool star = false, kwarg = false, slash = false, seen_default = false;
  std::optional<Loc> bare_star;
  std::vector<std::pair<Loc, Loc>> arg_spans, posonly_spans, kwonly_spans;
  std::optional<std::pair<Loc, Loc>> vararg_span, kwarg_span;
  auto annotation = [&]() -> ExprPtr {
    if (annotations && accept_op(":")) return expression();
    return nullptr;
  };
  auto span_from = [&](Loc start) { return std::pair(start, last_end()); };
  const Loc list_start = peek().loc;
  while (!at_op(close)) {
    const Loc loc = peek().loc;
    if (kwarg) fail(loc, "arguments cannot follow var-keyword argument");
    if (!syntax_.positional_only_params && at_op("/")) fail_here();
    if (accept_op("/")) {
      if (slash) fail(loc, "/ may appear only once");
      if (star) fail(loc, "/ must be ahead of *");
      if (a.args.empty()) fail(loc, "at least one argument must precede /");
      slash = true;
      a.posonly = std::move(a.args);
      a.args.clear();
      a.posonly_annotations = std::move(a.arg_annotations);
      a.arg_annotations.clear();
      posonly_spans = std::move(arg_spans);
      arg_spans.clear();
    } else if (accept_op("*")) {
      if (star) fail(loc, "* argument may appear only once");
      star = true;
      if (at_name()) {
        const Loc start = peek().loc;
        a.vararg = expect_name();
        a.vararg_annotation = annotation();
        vararg_span = span_from(start);
        if (at_op("=")) fail(peek().loc, "var-positional argument cannot have default value");
      } else if (at_op(close) || (at_op(",") && (at_op(close, 1) || at_op("**", 1)))) {
        // invalid_star_etc: 3.10+ mark a def's '*', 3.9 (and 3.10+ in a
        // lambda) the last token the rule read; 3.7-3.8's ast.c the '*',
        // or the `**` where keyword-only parameters were to begin.
        constexpr std::string_view kMessage = "named arguments must follow bare *";
        if (syntax_.pgen()) fail_after_parse(at_op(",") && at_op("**", 1) ? peek(1).loc : loc, std::string(kMessage));
        else if (annotations && syntax_.parser != ParserGeneration::Peg39) fail(loc, std::string(kMessage));
        else fail(at_op(",") ? peek(1).loc : peek().loc, std::string(kMessage));
      } else {
        bare_star = loc;
      }
    } else if (accept_op("**")) {
      const Loc start = peek().loc;
      a.kwarg = expect_name();
      a.kwarg_annotation = annotation();
      kwarg_span = span_from(start);
      if (at_op("=")) fail(peek().loc, "var-keyword argument cannot have default value");
      kwarg = true;
    } else {
      // invalid_parameters, invalid_lambda_parameters: `(x, y)` where a
      // parameter without a default may stand, marked to its ')'.
      Loc closed;
      if (at_op("(") && syntax_.parenthesized_parameters_named && !star && !slash && !seen_default &&
          lookahead([&] {
            take();
            do {
              expect_name();
              annotation();
            } while (accept_op(",") && !at_op(")"));
            if (!at_op(")")) fail_here();
            closed = peek().end;
          }))
        fail(loc, annotations ? "Function parameters cannot be parenthesized" : "Lambda expression parameters cannot be parenthesized",
             DKind::SyntaxError, closed);
      std::string name = expect_name();
      ExprPtr ann = annotation();
      (star ? kwonly_spans : arg_spans).push_back(span_from(loc));
      ExprPtr def;
      if (accept_op("=")) def = expression();
      if (star) {
        a.kwonly.push_back(std::move(name));
        a.kwonly_annotations.push_back(std::move(ann));
        a.kw_defaults.push_back(std::move(def));
      } else {
        if (def) {
          seen_default = true;
          a.defaults.push_back(std::move(def));
        } else if (seen_default) {
          // invalid_parameters (3.12 reworded it); 3.9 at the last token it
          // read, past the parameter's comma; 3.7-3.8's ast.c at the list.
          constexpr std::string_view kOld = "non-default argument follows default argument";
          switch (syntax_.parser) {
            case ParserGeneration::Pgen37:
            case ParserGeneration::Pgen38: fail_after_parse(list_start, std::string(kOld)); break;
            case ParserGeneration::Peg39: fail(at_op(",") ? peek(1).loc : peek().loc, std::string(kOld));
            case ParserGeneration::Peg310: fail(loc, std::string(kOld), DKind::SyntaxError, last_end());
            case ParserGeneration::Peg312:
              fail(loc, "parameter without a default follows parameter with a default", DKind::SyntaxError, last_end());
          }
        }
        a.args.push_back(std::move(name));
        a.arg_annotations.push_back(std::move(ann));
      }
    }
    if (!accept_op(",")) break;
  }
  for (auto* spans : {&posonly_spans, &arg_spans, &kwonly_spans}) a.spans.insert(a.spans.end(), spans->begin(), spans->end());
  for (const auto& span : {vararg_span, kwarg_span})
    if (span) a.spans.push_back(*span);
  return a;
}

// class_def_raw: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block
StmtPtr Parser::class_def(std::vector<ExprPtr> decorators) {
  const Token& kw = take();
  const int line = kw.loc.line;
  auto s = std::make_unique<ClassDef>(kw.loc);
  s->decorator_list = std::move(decorators);
  s->name = expect_name();
  if (at_op("[")) require(syntax_.type_parameters, peek());
  if (at_op("[")) type_params();
  if (at_op("(")) {
    // The bases are parsed as a call's arguments would be.
    const Loc open = peek().loc;
    const std::size_t first = pos_;
    auto c = call(make_expr<Name>(kw.loc), kw.loc);
    auto& args = static_cast<Call&>(*c);
    if (args.args.size() == 1 && args.keywords.empty() && args.args.front()->kind == ExprKind::GeneratorExp &&
        same_loc(args.args.front()->loc, open))
      unparenthesized_generator_base(static_cast<const GeneratorExp&>(*args.args.front()), first);
    for (auto& k : args.keywords) {
      if (!k.arg) {
        defer_unsupported(k.loc, "**mapping in a class statement");
        break;
      }
      if (*k.arg == "metaclass" && !s->metaclass) s->metaclass = std::move(k.value);
      else s->keywords.push_back(std::move(k));
    }
    s->bases = std::move(args.args);
  }
  expect_colon(false);
  ScopeGuard scope(*this, ScopeKind::Class);
  s->body = block("class definition", line);
  return s;
}

// `class C(x for x in y)`: no rule takes a generator expression for the
// bases. 3.7-3.8's ast.c refuses it once the file parsed, 3.9 fails at the
// ')', 3.10+ at the 'for'.
void Parser::unparenthesized_generator_base(const GeneratorExp& g, std::size_t first) {
  if (syntax_.pgen()) {
    const Loc at = char_loc(*source_, g.elt->loc);
    defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at, "invalid syntax").reading_text_back());
    return;
  }
  const Token* at = &toks_[pos_ - 1];
  if (syntax_.parser != ParserGeneration::Peg39) {
    int depth = 0;
    for (std::size_t k = first; k < pos_; ++k) {
      const Token& t = toks_[k];
      if (t.kind == TokenKind::Op && (t.text == "(" || t.text == "[" || t.text == "{")) ++depth;
      if (t.kind == TokenKind::Op && (t.text == ")" || t.text == "]" || t.text == "}")) --depth;
      if (depth == 1 && t.kind == TokenKind::Name && t.text == "for") {
        at = &t;
        break;
      }
    }
  }
  fail(at->loc, "invalid syntax", DKind::SyntaxError, at->end);
}

// type_params: '[' type_param_seq ']' (PEP 695), parsed loosely and skipped.
void Parser::type_params() {
  defer_unsupported(peek().loc, "type parameter lists (PEP 695 generics)");
  take();
  do {
    if (at_op("]")) break;
    if (!accept_op("**")) accept_op("*");
    expect_name();
    if (accept_op(":")) expression();
  } while (accept_op(","));
  expect_op("]");
}

// if_stmt: 'if' named_expression ':' block (elif_stmt | [else_block]);
// an elif is an If nested in orelse.
StmtPtr Parser::if_stmt() {
  DepthGuard depth(*this);  // elif chains nest
  const Token& kw = take();
  const bool elif = kw.text == "elif";
  auto s = std::make_unique<If>(kw.loc);
  s->test = named_expression();
  expect_colon(false);
  s->body = block(elif ? "'elif' statement" : "'if' statement", s->loc.line);
  if (at_kw("elif"))
    s->orelse.push_back(if_stmt());
  else if (at_kw("else"))
    s->orelse = else_block();
  return s;
}

// else_block: 'else' &&':' block
Body Parser::else_block() {
  const int line = take().loc.line;
  expect_colon(true);
  return block("'else' statement", line);
}

// while_stmt: 'while' named_expression ':' block [else_block]
StmtPtr Parser::while_stmt() {
  const Loc loc = take().loc;
  auto s = std::make_unique<While>(loc);
  s->test = named_expression();
  expect_colon(false);
  {
    LoopGuard loop(*this);
    s->body = block("'while' statement", loc.line);
  }
  if (at_kw("else")) s->orelse = else_block();
  return s;
}

// for_stmt: ['async'] 'for' star_targets 'in' star_expressions ':' block [else_block]
StmtPtr Parser::for_stmt(std::optional<Loc> async_loc) {
  const Token& kw = take();
  const int line = kw.loc.line;
  auto s = std::make_unique<For>(async_loc ? StmtKind::AsyncFor : StmtKind::For, async_loc.value_or(kw.loc));
  s->target = star_targets();
  if (!accept_kw("in")) fail_here();
  s->iter = star_expressions();
  expect_colon(false);
  {
    LoopGuard loop(*this);
    s->body = block("'for' statement", line);
  }
  if (at_kw("else")) s->orelse = else_block();
  s->end = last_code_end();
  if (async_loc && !in_async_function()) defer_semantic(s->loc, "'async for' outside async function", s->end);
  return s;
}

// with_stmt: ['async'] 'with' '(' ','.with_item+ ','? ')' ':' block
//          | ['async'] 'with' ','.with_item+ ':' block
StmtPtr Parser::with_stmt(std::optional<Loc> async_loc) {
  const Token& kw = take();
  const int line = kw.loc.line;
  auto s = std::make_unique<With>(async_loc ? StmtKind::AsyncWith : StmtKind::With, async_loc.value_or(kw.loc));
  auto parenthesized_items = [&] {
    take();
    do {
      if (at_op(")")) break;
      const Token* as = nullptr;
      s->items.push_back(with_item(&as));
      if (as) require(syntax_.parenthesized_with_items, *as);
    } while (accept_op(","));
    if (!at_op(")") && !s->items.empty()) {
      const WithItem& last = s->items.back();
      close_collection(")", last.optional_vars ? *last.optional_vars : *last.context_expr);
    } else {
      expect_op(")");
    }
    if (!at_op(":")) fail_here();
  };
  // `with (a as b, c):` is certainly the parenthesized form (errors in it are
  // reported); `with (a, b):` may be a tuple: tried, then parsed as an expression.
  bool parenthesized = false;
  if (at_op("(") && with_items_in_parentheses()) {
    parenthesized_items();
    parenthesized = true;
  } else if (at_op("(")) {
    parenthesized = speculate(parenthesized_items);
  }
  if (!parenthesized) {
    s->items.clear();
    do {
      s->items.push_back(with_item());
    } while (accept_op(","));
  }
  expect_colon(false);
  s->body = block("'with' statement", line);
  s->end = last_code_end();
  if (async_loc && !in_async_function()) defer_semantic(s->loc, "'async with' outside async function", s->end);
  return s;
}

// Whether an `as` sits directly inside the parentheses that start here.
bool Parser::with_items_in_parentheses() {
  int depth = 0;
  for (std::size_t k = 0;; ++k) {
    const Token& t = peek(k);
    if (t.kind == TokenKind::Newline || t.kind == TokenKind::EndMarker) return false;
    if (t.kind == TokenKind::Op && (t.text == "(" || t.text == "[" || t.text == "{")) ++depth;
    if (t.kind == TokenKind::Op && (t.text == ")" || t.text == "]" || t.text == "}") && --depth == 0) return false;
    if (depth == 1 && t.kind == TokenKind::Name && t.text == "as") return true;
  }
}

// with_item: expression 'as' star_target | expression
WithItem Parser::with_item(const Token** as) {
  WithItem item;
  // 3.7-3.8's ast.c refuses a target at its with_item, which begins here.
  const Loc written = peek().loc;
  item.context_expr = expression();
  if (as && at_kw("as")) *as = &peek();
  if (accept_kw("as")) {
    item.optional_vars = star_target();
    store_target(*item.optional_vars, nullptr, written);
  }
  return item;
}

// try_stmt: 'try' &&':' block (finally_block | except_block+ [else_block] [finally_block])
StmtPtr Parser::try_stmt() {
  const Loc loc = take().loc;
  auto s = std::make_unique<Try>(loc);
  expect_colon(true);
  s->body = block("'try' statement", loc.line);
  std::optional<bool> star;
  while (at_kw("except")) {
    const bool this_star = at_op("*", 1);
    if (star && *star != this_star)
      fail(peek().loc, "cannot have both 'except' and 'except*' on the same 'try'", DKind::SyntaxError, peek().end);
    star = this_star;
    s->handlers.push_back(except_block());
  }
  s->star = star.value_or(false);
  if (!s->handlers.empty() && at_kw("else")) s->orelse = else_block();
  bool has_finally = false;
  if (at_kw("finally")) {
    has_finally = true;
    const int line = take().loc.line;
    expect_colon(true);
    struct FinallyGuard {
      Parser& p;
      explicit FinallyGuard(Parser& parser) : p(parser) { ++p.scopes_.back().finally_bodies_in_loop; }
      ~FinallyGuard() { --p.scopes_.back().finally_bodies_in_loop; }
    } in_finally(*this);
    s->finalbody = block("'finally' statement", line);
  }
  if (s->handlers.empty() && !has_finally) {
    // At the last token read, marked whole (a DEDENT, NEWLINE or the end has no extent).
    const Token& t = peek();
    const bool extent = t.kind != TokenKind::Dedent && t.kind != TokenKind::Indent && t.kind != TokenKind::Newline &&
                        t.kind != TokenKind::EndMarker && t.end.line == t.loc.line;
    fail(column_of(t), "expected 'except' or 'finally' block", DKind::SyntaxError, extent ? t.end : Loc{});
  }
  for (std::size_t i = 0; i + 1 < s->handlers.size(); ++i) {
    if (s->handlers[i].type) continue;
    if (syntax_.default_except_at == SyntaxFeatures::DefaultExceptAt::Handler)
      defer_semantic(s->handlers[i].loc, "default 'except:' must be last", s->handlers[i].end);
    else
      defer_semantic(location_before_handler(*s, i, syntax_.default_except_at), "default 'except:' must be last");
    break;
  }
  return s;
}

// except_block: 'except' expression ['as' NAME] ':' block | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME] ':' block
ExceptHandler Parser::except_block() {
  ExceptHandler h;
  h.loc = take().loc;
  const bool star = at_op("*");
  if (star) {
    require(syntax_.except_star, peek());
    take();
    if (at_op(":")) fail(peek().loc, "expected one or more exception types");
  }
  // invalid_except_stmt: a bare 'except' at the line's end is missing its ':'.
  if (!at_op(":") && !(!star && (at(TokenKind::Newline) || at(TokenKind::EndMarker)))) {
    h.type = expression();
    if (at_op(",")) {
      // invalid_except_stmt marks the types up to the last one.
      Loc end = h.type->end;
      lookahead([&] {
        take();
        end = star_expressions()->end;
      });
      fail(h.type->loc, "multiple exception types must be parenthesized", DKind::SyntaxError, end);
    }
    if (accept_kw("as")) h.name = expect_name();
  }
  expect_colon(false);
  h.body = block(star ? "'except*' statement" : "'except' statement", h.loc.line);
  h.end = last_code_end();
  return h;
}

// `match` is a soft keyword: a match statement only if a subject, ':' and
// NEWLINE follow (otherwise `match` is a name, as in `match = 1`).
bool Parser::looks_like_match() {
  if (at_op("=", 1) || at_op(".", 1) || at(TokenKind::Newline, 1)) return false;
  return lookahead([&] {
    take();
    star_expressions();
    if (!accept_op(":") || !at(TokenKind::Newline)) fail_here();
  });
}

// Where a parser without the match statement stops in `match SUBJECT:`: at
// a subject that cannot follow the name `match`; else (`match [x]:`,
// `match (x):`, `match -x:` read as an expression) at the ':', or (PEG, 3.9)
// at the token after it.
void Parser::require_match_statement() {
  if (syntax_.match_statement) return;
  const Token& subject = peek(1);
  const bool name_follows = subject.kind == TokenKind::Name || subject.kind == TokenKind::Number ||
                            subject.kind == TokenKind::String || (subject.kind == TokenKind::Op && subject.text == "{");
  if (name_follows) {
    require(false, subject);
    return;
  }
  std::size_t k = 1;
  while (!(at_op(":", k) && at(TokenKind::Newline, k + 1)) && !at(TokenKind::EndMarker, k)) ++k;
  require(false, peek(syntax_.pgen() ? k : k + 1));
}

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
// subject_expr: star_named_expression ',' star_named_expressions? | named_expression
StmtPtr Parser::match_stmt() {
  const Loc loc = take().loc;
  auto m = std::make_unique<Match>(loc);
  m->subject = star_expressions();
  expect_op(":");
  take();  // NEWLINE
  if (!at(TokenKind::Indent)) missing_block("'match' statement", loc.line);
  take();
  while (!at(TokenKind::Dedent) && !at(TokenKind::EndMarker)) {
    // case_block: "case" patterns guard? ':' block
    if (!(at(TokenKind::Name) && peek().text == "case")) fail_here();
    const int line = take().loc.line;
    MatchCase c;
    c.pattern = patterns();
    if (accept_kw("if")) c.guard = named_expression();
    expect_colon(false);
    c.body = block("'case' statement", line);
    m->cases.push_back(std::move(c));
  }
  if (at(TokenKind::Dedent)) take();
  return m;
}

// patterns: open_sequence_pattern | pattern
PatternNode Parser::patterns() {
  const Loc loc = peek().loc;
  PatternNode first = maybe_star_pattern();
  if (!at_op(",")) {
    // A star pattern alone: no rule takes it, the parser stops after it.
    if (first.kind == PatternNode::Kind::Star) fail_here();
    return first;
  }
  PatternNode seq;
  seq.kind = PatternNode::Kind::Sequence;
  seq.loc = loc;
  seq.items.push_back(std::move(first));
  while (accept_op(",")) {
    if (at_op(":") || at_kw("if")) break;
    seq.items.push_back(maybe_star_pattern());
  }
  seq.end = last_end();
  return seq;
}

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
PatternNode Parser::maybe_star_pattern() {
  if (!at_op("*")) return pattern();
  PatternNode star;
  star.kind = PatternNode::Kind::Star;
  star.loc = take().loc;
  const std::string name = expect_name();
  if (name != "_") star.name = name;
  star.end = last_end();
  return star;
}

// pattern: or_pattern ['as' pattern_capture_target]
PatternNode Parser::pattern() {
  PatternNode p = or_pattern();
  if (!accept_kw("as")) return p;
  PatternNode as;
  as.kind = PatternNode::Kind::As;
  as.loc = p.loc;
  const Loc name_loc = peek().loc;
  const std::string name = expect_name();
  if (name == "_") fail(name_loc, "cannot use '_' as a target");
  as.name = name;
  as.items.push_back(std::move(p));
  as.end = last_end();
  return as;
}

// or_pattern: '|'.closed_pattern+
PatternNode Parser::or_pattern() {
  PatternNode first = closed_pattern();
  first.end = last_end();
  if (!at_op("|")) return first;
  PatternNode alt;
  alt.kind = PatternNode::Kind::Or;
  alt.loc = first.loc;
  alt.items.push_back(std::move(first));
  while (accept_op("|")) {
    alt.items.push_back(closed_pattern());
    alt.items.back().end = last_end();
  }
  alt.end = last_end();
  return alt;
}

// closed_pattern: literal_pattern | capture_pattern | wildcard_pattern |
// value_pattern | group_pattern | sequence_pattern | mapping_pattern |
// class_pattern
PatternNode Parser::closed_pattern() {
  PatternNode p;
  p.loc = peek().loc;
  using K = PatternNode::Kind;
  if (at_op("(") || at_op("[")) {
    const bool paren = at_op("(");
    const std::string_view close = paren ? ")" : "]";
    take();
    p.kind = K::Sequence;
    if (accept_op(close)) return p;
    PatternNode first = maybe_star_pattern();
    // group_pattern: '(' pattern ')'
    if (paren && first.kind != K::Star && accept_op(")")) return first;
    p.items.push_back(std::move(first));
    while (accept_op(",")) {
      if (at_op(close)) break;
      p.items.push_back(maybe_star_pattern());
    }
    expect_op(close);
    return p;
  }
  if (at_op("{")) return mapping_pattern();
  if (at(TokenKind::Number) || at(TokenKind::String) || at_op("-")) {
    p.kind = K::Value;
    p.value = literal_value();
    return p;
  }
  if (at_kw("None") || at_kw("True") || at_kw("False")) {
    p.kind = K::Singleton;
    const std::string_view w = take().text;
    p.singleton = w == "None" ? Constant::Type::None : w == "True" ? Constant::Type::True : Constant::Type::False;
    return p;
  }
  if (!at_name()) fail_here();
  // name_or_attr: a capture, a dotted value, or a class.
  ExprPtr target = make_expr<Name>(p.loc);
  static_cast<Name&>(*target).id = nfkc_identifier(take().text);
  bool dotted = false;
  while (accept_op(".")) {
    auto a = make_expr<Attribute>(p.loc);
    a->value = std::move(target);
    a->attr = expect_name();
    target = std::move(a);
    dotted = true;
  }
  if (at_op("(")) return class_pattern(std::move(target), p.loc);
  if (dotted) {
    p.kind = K::Value;
    p.value = std::move(target);
    return p;
  }
  const std::string name = static_cast<Name&>(*target).id;
  if (name == "_") return p;  // wildcard
  p.kind = K::Capture;
  p.name = name;
  return p;
}

// signed_number | strings: a literal pattern's value (or a mapping key).
ExprPtr Parser::literal_value() {
  if (at(TokenKind::String)) {
    ExprPtr e = strings();
    if (e->kind == ExprKind::JoinedStr) fail(e->loc, "patterns may only match literals and attribute lookups");
    return e;
  }
  const Loc loc = peek().loc;
  const bool negative = accept_op("-");
  if (!at(TokenKind::Number)) fail_here();
  const Token& real = peek();
  ExprPtr n = number();
  if (negative) {
    auto& c = static_cast<Constant&>(*n);
    c.loc = loc;
    if (!c.big_int.empty()) c.big_int = "-" + c.big_int;
    else if (c.type == Constant::Type::Int) c.int_value = -c.int_value;
    else c.float_value = -c.float_value;
  }
  if (at_op("+") || at_op("-")) {
    // complex_number: signed_real_number ('+' | '-') imaginary_number, each
    // checked as it is read (_PyPegen_ensure_real, _PyPegen_ensure_imaginary).
    const auto imaginary = [](const Token& t) { return t.text.back() == 'j' || t.text.back() == 'J'; };
    if (imaginary(real)) fail(real.loc, "real number required in complex literal", DKind::SyntaxError, real.end);
    const Loc op = take().loc;
    if (!at(TokenKind::Number)) fail_here();
    if (!imaginary(peek()))
      fail(peek().loc, "imaginary number required in complex literal", DKind::SyntaxError, peek().end);
    // asim has no complex numbers.
    defer_unsupported(op, "complex numbers (imaginary literals such as 1j)");
    number();
  }
  return n;
}

// mapping_pattern: '{' [items_pattern] [',' double_star_pattern] [','] '}'
PatternNode Parser::mapping_pattern() {
  PatternNode p;
  p.kind = PatternNode::Kind::Mapping;
  p.loc = take().loc;
  while (!at_op("}")) {
    if (accept_op("**")) {
      p.name = expect_name();
      accept_op(",");
      break;
    }
    if (at(TokenKind::Number) || at(TokenKind::String) || at_op("-")) {
      p.keys.push_back(literal_value());
    } else if (at_kw("None") || at_kw("True") || at_kw("False")) {
      auto c = make_expr<Constant>(peek().loc);
      const std::string_view w = take().text;
      c->type = w == "None" ? Constant::Type::None : w == "True" ? Constant::Type::True : Constant::Type::False;
      p.keys.push_back(std::move(c));
    } else {
      const Loc loc = peek().loc;
      ExprPtr key = make_expr<Name>(loc);
      static_cast<Name&>(*key).id = expect_name();
      if (!at_op(".")) fail(loc, "mapping pattern keys may only match literals and attribute lookups");
      while (accept_op(".")) {
        auto a = make_expr<Attribute>(loc);
        a->value = std::move(key);
        a->attr = expect_name();
        key = std::move(a);
      }
      p.keys.push_back(std::move(key));
    }
    expect_op(":");
    p.items.push_back(pattern());
    if (!accept_op(",")) break;
  }
  expect_op("}");
  return p;
}

// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ')'
PatternNode Parser::class_pattern(ExprPtr cls, Loc loc) {
  PatternNode p;
  p.kind = PatternNode::Kind::Class;
  p.loc = loc;
  p.value = std::move(cls);
  take();  // '('
  while (!at_op(")")) {
    if (at_name() && at_op("=", 1)) {
      std::string name = nfkc_identifier(take().text);
      take();  // '='
      p.items.push_back(pattern());
      if (std::find(p.keywords.begin(), p.keywords.end(), name) != p.keywords.end())
        defer_semantic(p.items.back().loc, fmt::format("attribute name repeated in class pattern: {}", name));
      p.keywords.push_back(std::move(name));
    } else {
      if (!p.keywords.empty()) fail(peek().loc, "positional patterns follow keyword patterns");
      p.items.push_back(pattern());
    }
    if (!accept_op(",")) break;
  }
  expect_op(")");
  return p;
}

// ================================================================== expressions

// star_expressions: star_expression (',' star_expression)* [',']
ExprPtr Parser::star_expressions() {
  const Loc loc = peek().loc;
  ExprPtr first = star_expression();
  if (!at_op(",")) return first;
  auto t = make_expr<TupleExpr>(loc);
  t->elts.push_back(std::move(first));
  while (accept_op(",")) {
    if (!starts_expression(0, true)) break;
    t->elts.push_back(star_expression());
  }
  t->end = last_end();
  return t;
}

// star_expression: '*' bitwise_or | expression
ExprPtr Parser::star_expression() {
  if (!at_op("*")) return expression();
  auto s = make_expr<Starred>(take().loc);
  s->value = bitwise_or();
  s->end = last_end();
  return s;
}

// star_named_expression: '*' bitwise_or | named_expression
ExprPtr Parser::star_named_expression() {
  if (!at_op("*")) return named_expression();
  auto s = make_expr<Starred>(take().loc);
  s->value = bitwise_or();
  s->end = last_end();
  return s;
}

// named_expression: NAME ':=' expression | expression !':='
ExprPtr Parser::named_expression(bool suggest_equality) {
  ExprPtr e = expression();
  if (suggest_equality && at_op("=")) invalid_named_expression(*e);
  if (!at_op(":=")) return e;
  require(syntax_.assignment_expressions, peek(), 1);  // 3.7 reads ':' '='
  // 3.7 has no ':='; 3.10+'s call arguments take `NAME ':='` alone (no
  // invalid_named_expression there): both stop at it.
  const bool in_arguments = !suggest_equality;
  if (e->kind != ExprKind::Name && (!syntax_.assignment_expressions || (in_arguments && syntax_.peg_messages())))
    fail_here();
  if (e->kind != ExprKind::Name)
    fail(e->loc, fmt::format("cannot use assignment expressions with {}", expr_name(*e, syntax_.parser)),
         DKind::SyntaxError, target_end(*e));
  take();
  auto n = make_expr<NamedExpr>(e->loc);
  static_cast<Name&>(*e).ctx = Ctx::Store;
  n->target = std::move(e);
  n->value = expression();
  n->end = last_end();
  return n;
}

// invalid_named_expression (3.10+): `x = 1` where an expression is expected
// (as in `if x = 1:`) is most likely a comparison. The older grammars have
// no such rule: their parse stops at the '='.
void Parser::invalid_named_expression(const Expr& e) {
  if (!syntax_.peg_messages()) return;
  const Loc target_end = toks_[pos_ - 1].end;
  Loc value_end;
  const bool single = lookahead([&] {
    take();
    bitwise_or();
    value_end = toks_[pos_ - 1].end;
    if (at_op("=") || at_op(":=")) fail_here();
  });
  if (!single) return;
  if (e.kind == ExprKind::Name) fail(e.loc, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", DKind::SyntaxError, value_end);
  if (is_bitwise_or_level(e))
    fail(e.loc, fmt::format("cannot assign to {} here. Maybe you meant '==' instead of '='?", expr_name(e, syntax_.parser)),
         DKind::SyntaxError, target_end);
}

// expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef
ExprPtr Parser::expression() {
  DepthGuard depth(*this);
  if (at_kw("lambda")) return lambdef();
  // invalid_legacy_expression (second pass): NAME !'(' star_expressions
  // returns NULL unless the NAME is print or exec. After a NAME in valid
  // code only a binary +, - or *, or a subscript that reads as a list
  // display, begins star_expressions.
  if (at_name() && peek().text != "print" && peek().text != "exec") {
    if (at_op("+", 1) || at_op("-", 1) || at_op("*", 1) || at_op("~", 1)) second_pass_stops_at(peek().loc);
    if (at_op("[", 1)) list_after_name_ = peek(1).loc;
  }
  // A node starts where its first operand's text does, parentheses included.
  const Loc start = peek().loc;
  ExprPtr body = disjunction();
  if (!at_kw("if")) return body;
  take();
  ExprPtr test = disjunction();
  if (!at_kw("else")) {
    if (at_op(":")) fail_here();
    fail(start, "expected 'else' after 'if' expression", DKind::SyntaxError, test->end);
  }
  take();
  auto e = make_expr<IfExp>(start);
  e->body = std::move(body);
  e->test = std::move(test);
  e->orelse = expression();
  e->end = last_end();
  return e;
}

// yield_expr: 'yield' 'from' expression | 'yield' [star_expressions]
ExprPtr Parser::yield_expr() {
  const Loc loc = take().loc;
  auto y = make_expr<Yield>(loc);
  if (accept_kw("from")) {
    y->value = expression();
    y->from = true;
  } else {
    if (starts_expression(0, true)) y->value = star_expressions();
  }
  y->end = last_end();
  if (!in_function() && scopes_.back().kind != ScopeKind::Lambda) defer_semantic(loc, "'yield' outside function", y->end);
  yields_.push_back(y.get());
  return y;
}

// lambdef: 'lambda' [lambda_params] ':' expression
ExprPtr Parser::lambdef() {
  auto l = make_expr<Lambda>(take().loc);
  l->args = params(":", false);
  expect_op(":");
  ScopeGuard scope(*this, ScopeKind::Lambda);
  l->body = expression();
  l->end = last_end();
  return l;
}

// disjunction: conjunction ('or' conjunction)+ | conjunction
ExprPtr Parser::disjunction() {
  const Loc start = peek().loc;
  ExprPtr first = conjunction();
  if (!at_kw("or")) return first;
  auto b = make_expr<BoolOpExpr>(start);
  b->op = BoolOp::Or;
  b->values.push_back(std::move(first));
  while (accept_kw("or")) b->values.push_back(conjunction());
  b->end = last_end();
  return b;
}

// conjunction: inversion ('and' inversion)+ | inversion
ExprPtr Parser::conjunction() {
  const Loc start = peek().loc;
  ExprPtr first = inversion();
  if (!at_kw("and")) return first;
  auto b = make_expr<BoolOpExpr>(start);
  b->op = BoolOp::And;
  b->values.push_back(std::move(first));
  while (accept_kw("and")) b->values.push_back(inversion());
  b->end = last_end();
  return b;
}

// inversion: 'not' inversion | comparison
ExprPtr Parser::inversion() {
  DepthGuard depth(*this);
  if (!at_kw("not")) return comparison();
  auto u = make_expr<UnaryOpExpr>(take().loc);
  u->op = UnaryOp::Not;
  u->operand = inversion();
  u->end = last_end();
  return u;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
ExprPtr Parser::comparison() {
  const Loc start = peek().loc;
  ExprPtr left = bitwise_or();
  std::optional<CmpOp> op = compare_op();
  if (!op) return left;
  auto c = make_expr<Compare>(start);
  c->left = std::move(left);
  do {
    c->ops.push_back(*op);
    c->comparators.push_back(bitwise_or());
  } while ((op = compare_op()));
  c->end = last_end();
  return c;
}

// The comparison operator at the current token, consumed; nullopt if none.
std::optional<CmpOp> Parser::compare_op() {
  static constexpr std::array<std::pair<std::string_view, CmpOp>, 6> kOps = {{{"==", CmpOp::Eq},
                                                                              {"!=", CmpOp::NotEq},
                                                                              {"<", CmpOp::Lt},
                                                                              {"<=", CmpOp::LtE},
                                                                              {">", CmpOp::Gt},
                                                                              {">=", CmpOp::GtE}}};
  for (const auto& [text, op] : kOps)
    if (accept_op(text)) return op;
  if (accept_kw("in")) return CmpOp::In;
  if (at_kw("not") && at_kw("in", 1)) {
    take();
    take();
    return CmpOp::NotIn;
  }
  if (accept_kw("is")) return accept_kw("not") ? CmpOp::IsNot : CmpOp::Is;
  return std::nullopt;
}

// A left-associative binary level: next (op next)*.
template <class Next>
ExprPtr Parser::binary(Next next, std::initializer_list<std::pair<std::string_view, BinOp>> ops) {
  const Loc start = peek().loc;
  ExprPtr left = (this->*next)();
  DepthGuard chain(*this, 0);  // each operator nests the tree one level deeper
  for (;;) {
    const auto it = std::find_if(ops.begin(), ops.end(), [&](const auto& o) { return at_op(o.first); });
    if (it == ops.end()) return left;
    chain.deeper();
    take();
    auto b = make_expr<BinOpExpr>(start);
    b->left = std::move(left);
    b->op = it->second;
    b->right = (this->*next)();
    b->end = last_end();
    left = std::move(b);
  }
}

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
ExprPtr Parser::bitwise_or() { return binary(&Parser::bitwise_xor, {{"|", BinOp::BitOr}}); }
// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
ExprPtr Parser::bitwise_xor() { return binary(&Parser::bitwise_and, {{"^", BinOp::BitXor}}); }
// bitwise_and: bitwise_and '&' shift_expr | shift_expr
ExprPtr Parser::bitwise_and() { return binary(&Parser::shift_expr, {{"&", BinOp::BitAnd}}); }
// shift_expr: shift_expr ('<<' | '>>') sum | sum
ExprPtr Parser::shift_expr() { return binary(&Parser::sum, {{"<<", BinOp::LShift}, {">>", BinOp::RShift}}); }
// sum: sum ('+' | '-') term | term
ExprPtr Parser::sum() { return binary(&Parser::term, {{"+", BinOp::Add}, {"-", BinOp::Sub}}); }
// term: term ('*' | '/' | '//' | '%' | '@') factor | factor
ExprPtr Parser::term() {
  return binary(
      &Parser::factor,
      {{"*", BinOp::Mult}, {"/", BinOp::Div}, {"//", BinOp::FloorDiv}, {"%", BinOp::Mod}, {"@", BinOp::MatMult}});
}

// factor: '+' factor | '-' factor | '~' factor | power
ExprPtr Parser::factor() {
  DepthGuard depth(*this);
  std::optional<UnaryOp> op;
  if (at_op("+"))
    op = UnaryOp::UAdd;
  else if (at_op("-"))
    op = UnaryOp::USub;
  else if (at_op("~"))
    op = UnaryOp::Invert;
  if (!op) return power();
  auto u = make_expr<UnaryOpExpr>(take().loc);
  u->op = *op;
  u->operand = factor();
  u->end = last_end();
  return u;
}

// power: await_primary '**' factor | await_primary
// (right-associative through factor, and binding tighter than a unary minus
// on its left: -2**2 == -(2**2))
ExprPtr Parser::power() {
  const Loc start = peek().loc;
  ExprPtr base = await_primary();
  if (!accept_op("**")) return base;
  auto b = make_expr<BinOpExpr>(start);
  b->left = std::move(base);
  b->op = BinOp::Pow;
  b->right = factor();
  b->end = last_end();
  return b;
}

// await_primary: 'await' primary | primary
ExprPtr Parser::await_primary() {
  if (!at_kw("await")) return primary();
  auto a = make_expr<Await>(take().loc);
  a->value = primary();
  a->end = last_end();
  check_await(a->loc, a->end);
  return a;
}

// primary: primary '.' NAME | primary genexp | primary '(' [arguments] ')' |
//          primary '[' slices ']' | atom
ExprPtr Parser::primary() {
  const Loc start = peek().loc;
  ExprPtr e = atom();
  DepthGuard chain(*this, 0);  // each trailer nests the tree one level deeper
  for (;;) {
    if (at_op(".") || at_op("(") || at_op("[")) chain.deeper();
    if (accept_op(".")) {
      auto a = make_expr<Attribute>(start);
      a->value = std::move(e);
      a->attr = expect_name();
      e = std::move(a);
    } else if (at_op("(")) {
      e = call(std::move(e), start);
    } else if (at_op("[") && at_op("]", 1)) {
      // No subscript: inside brackets CPython then sees two expressions in a
      // row (a missing comma); elsewhere it stops at the ']'.
      if (peek().level > 0) return e;
      take();
      fail_here();
    } else if (at_op("[")) {
      const bool after_name = e->kind == ExprKind::Name && same_loc(peek().loc, list_after_name_);
      take();
      auto s = make_expr<Subscript>(start);
      s->value = std::move(e);
      s->slice = slices();
      if (after_name && !has_slice(*s->slice)) second_pass_stops_at(start);
      if (!accept_op("]")) close_collection("]", *s->slice);
      e = std::move(s);
    } else {
      return e;
    }
    e->end = last_end();
  }
}

// A '*' argument after others, `*` taken: invalid_arguments' `args ',' '*'`
// where its expression does not parse or it follows a `**` argument
// (SyntaxFeatures::StarAfterKeywords). Returns when the argument may stand.
void Parser::star_after_arguments(const Starred& star, bool seen_keyword, bool seen_unpack, Loc args_start, Loc args_end,
                                  Loc comma) {
  using Mode = SyntaxFeatures::StarAfterKeywords;
  static constexpr const char* kMessage = "iterable argument unpacking follows keyword argument unpacking";
  const Mode mode = syntax_.star_after_keywords;
  if (mode == Mode::AstError) {
    if (seen_unpack) {
      const Loc at = char_loc(*source_, star.loc);
      defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at, kMessage).reading_text_back());
    }
    return;
  }
  if (mode == Mode::FromComma) {
    if (!seen_unpack || !lookahead([&] { expression(); })) return;
    // Through the starred arguments that follow, each not before a '='.
    Loc end;
    speculate([&] {
      expression();
      end = last_end();
      while (at_op(",") && at_op("*", 1)) {
        take();
        take();
        expression();
        if (at_op("=")) break;
        end = last_end();
      }
    });
    fail(comma, kMessage, DKind::SyntaxError, end);
  }
  if (mode == Mode::Star && !seen_keyword && !seen_unpack) return;
  // The furthest token the parser read: the '*' itself after a `**`
  // argument (kwarg_or_double_starred stops there), else where the
  // expression after it failed.
  const std::size_t star_at = pos_ - 1;
  if (!seen_unpack && lookahead([&] { expression(); })) return;
  const Token& furthest = seen_unpack ? toks_[star_at] : toks_[std::min(backtracked_at_, toks_.size() - 1)];
  switch (mode) {
    case Mode::FurthestToken: fail(furthest.loc, kMessage);
    case Mode::Arguments: fail(args_start, kMessage, DKind::SyntaxError, args_end);
    default: fail(star.loc, kMessage);
  }
}

// arguments: args [','] &')' where
// args: ','.(starred_expression | (assignment_expression | expression !':=') !'=')+
//       [',' kwargs] | kwargs
ExprPtr Parser::call(ExprPtr func, Loc start) {
  const Loc open = take().loc;
  auto c = make_expr<Call>(start);
  c->func = std::move(func);
  bool seen_keyword = false, seen_unpack = false;
  Loc args_start, args_end, comma;  // the arguments so far, the comma after them
  const std::size_t awaits = semantic_.size();
  // args: kwargs, whose action extracts the starred arguments: none is NULL.
  if (at_op("**") || (at_name() && at_op("=", 1))) second_pass_stops_at(open);
  while (!accept_op(")")) {
    const Loc loc = peek().loc;
    const Expr* last = nullptr;
    if (!args_start.line) args_start = loc;
    if (accept_op("*")) {
      auto s = make_expr<Starred>(loc);
      if (args_end.line) star_after_arguments(*s, seen_keyword, seen_unpack, args_start, args_end, comma);
      if (!syntax_.invalid_star_expression) {
        s->value = expression();
      } else if (!speculate([&] { s->value = expression(); })) {
        // Where the valid grammar stopped: the last token the first pass read.
        const Token& stop = toks_[std::min(backtracked_at_, toks_.size() - 1)];
        fail(stop.loc, "Invalid star expression", DKind::SyntaxError, stop.end);
      }
      s->end = last_end();
      if (syntax_.starred_argument_assignment && at_op("=")) {
        // invalid_starred_expression: '*' expression '=' expression, from
        // the '*' to the value's end; the value's own missing comma first.
        take();
        // The value is the longest expression that parses there (a primary
        // before an operator whose operand is missing).
        Loc end;
        if (lookahead([&] { expression(); })) {
          ExprPtr value = expression();
          if (starts_expression()) missing_comma_or_fail(*value);
          end = last_end();
        } else if (!lookahead([&] {
                     await_primary();
                     end = last_end();
                   })) {
          expression();
        }
        fail(loc, "cannot assign to iterable argument unpacking", DKind::SyntaxError, end);
      }
      // A starred element of a generator expression: invalid_comprehension
      // when it is the call's only argument, invalid_arguments otherwise.
      Loc comprehension_end;
      if (!syntax_.pgen() && at_kw("for") && lookahead([&] {
            for_if_clauses();
            comprehension_end = last_end();
          })) {
        if (c->args.empty() && c->keywords.empty()) no_starred_element(*s);
        fail(loc, "Generator expression must be parenthesized", DKind::SyntaxError, comprehension_end);
      }
      last = s.get();
      c->args.push_back(std::move(s));
    } else if (accept_op("**")) {
      seen_unpack = true;
      c->keywords.push_back({std::nullopt, expression(), loc, {}});
      c->keywords.back().end = last_end();
      last = c->keywords.back().value.get();
    } else if (at_name() && at_op("=", 1)) {
      seen_keyword = true;
      std::string name = nfkc_identifier(take().text);
      take();
      if (at_op(",") || at_op(")")) fail(loc, "expected argument value expression");
      const bool repeated = std::any_of(c->keywords.begin(), c->keywords.end(), [&](const Keyword& k) { return k.arg == name; });
      c->keywords.push_back({name, expression(), loc, last_end()});
      // 3.7-3.8's ast.c finds it (not naming it) while building the tree, 3.9+'s compiler later.
      if (repeated && syntax_.pgen())
        defer_ast_error(loc, Diagnostic(DKind::SyntaxError, source_, loc, "keyword argument repeated").reading_text_back());
      else if (repeated)
        defer_semantic(loc, "keyword argument repeated: " + name, last_end());
      last = c->keywords.back().value.get();
    } else {
      ExprPtr e = named_expression(false);
      if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
        // A generator expression as the sole argument needs no parentheses of its own.
        auto g = make_expr<GeneratorExp>(open);
        const Loc elt = e->loc;
        g->elt = std::move(e);
        g->generators = for_if_clauses();
        const Loc comprehension_end = last_end();
        drop_await_errors(awaits);
        nested_async_comprehensions(awaits);
        const bool alone = c->args.empty() && c->keywords.empty();
        if (alone && !at_op(")") && !at_op(",")) fail_here();
        if ((!alone || at_op(",")) && syntax_.pgen()) {
          // pgen's grammar takes `argument: test [comp_for]` anywhere; ast.c
          // refuses it once the whole file parsed.
          const Loc at = char_loc(*source_, elt);
          defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at, "Generator expression must be parenthesized")
                                  .reading_text_back());
        } else if (!alone || at_op(",")) {
          // CPython parses the arguments after it first: a tokenizer error there wins.
          if (at_op(","))
            lookahead([&] {
              take();
              star_expressions();
            });
          fail(elt, "Generator expression must be parenthesized", DKind::SyntaxError, comprehension_end);
        }
        // invalid_arguments: args for_if_clauses, whose action returns NULL
        // for a generator expression alone (_PyPegen_nonparen_genexp_in_call).
        // Only t_primary parses such a call as '(' arguments ')' (primary
        // takes it as `primary genexp`), and t_primary only when its genexp
        // alternative fails for want of a '(', '[' or '.' after it.
        if (alone && at_op(")") && !at_op("(", 1) && !at_op("[", 1) && !at_op(".", 1) && parsed_as_target(start))
          second_pass_stops_at(open);
        c->args.push_back(std::move(g));
        last = c->args.back().get();
      } else {
        // None, True or False before the '=': 3.8's ast.c and 3.10+'s
        // invalid_kwarg name the keyword (3.9 does not).
        const auto constant = e->kind == ExprKind::Constant ? static_cast<const Constant&>(*e).type : Constant::Type::Int;
        const bool keyword_constant =
            (constant == Constant::Type::None || constant == Constant::Type::True || constant == Constant::Type::False) &&
            syntax_.parser != ParserGeneration::Pgen37 && syntax_.parser != ParserGeneration::Peg39;
        const std::string misplaced_assignment =
            keyword_constant ? fmt::format("cannot assign to {}", expr_name(*e, syntax_.parser))
                             : "expression cannot contain assignment, perhaps you meant \"==\"?";
        if (at_op("=") && syntax_.pgen()) {
          // pgen's grammar takes `test '=' test`; ast.c refuses a keyword
          // that is no name, once the whole file parsed.
          const Loc at = char_loc(*source_, e->loc);
          defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at,
                                         syntax_.parser == ParserGeneration::Pgen37
                                             ? "keyword can't be an expression"
                                             : misplaced_assignment)
                                  .reading_text_back());
          take();
          e = expression();
        }
        if (at_op("="))  // marked up to the '='
          fail(e->loc, misplaced_assignment, DKind::SyntaxError, peek().end);
        // 3.9+ place these at the token after the argument, 3.7-3.8's ast.c at the argument.
        const Loc after = syntax_.pgen() ? e->loc : peek().loc;
        if (seen_unpack) fail_after_parse(after, "positional argument follows keyword argument unpacking");
        else if (seen_keyword) fail_after_parse(after, "positional argument follows keyword argument");
        last = e.get();
        c->args.push_back(std::move(e));
      }
    }
    if (accept_op(")")) break;
    args_end = last_end();
    comma = peek().loc;
    if (!accept_op(",")) missing_comma_or_fail(*last);
  }
  if (!c->args.empty() && c->args.front()->kind == ExprKind::Starred) std::erase_if(second_pass_stops_, [&](Loc l) { return same_loc(l, open); });
  c->end = last_end();
  return c;
}

// slices: slice !',' | ','.(slice | starred_expression)+ [',']
ExprPtr Parser::slices() {
  const Loc loc = peek().loc;
  ExprPtr first = slice();
  if (!at_op(",") && first->kind != ExprKind::Starred) return first;
  auto t = make_expr<TupleExpr>(loc);
  t->elts.push_back(std::move(first));
  while (accept_op(",") && !at_op("]")) t->elts.push_back(slice());
  return t;
}

// slice: [expression] ':' [expression] [':' [expression]] | named_expression
ExprPtr Parser::slice() {
  const Loc loc = peek().loc;
  if (at_op("*")) {
    // 3.9 reads the starred expression before it fails.
    const Token* refused = &peek();
    if (!syntax_.starred_subscripts && syntax_.parser == ParserGeneration::Peg39)
      lookahead([&] {
        star_named_expression();
        refused = &peek();
      });
    require(syntax_.starred_subscripts, *refused);
    return star_named_expression();
  }
  ExprPtr lower;
  if (!at_op(":")) {
    lower = syntax_.assignment_expression_in_subscript ? named_expression() : expression();
    // 3.7 reads ':' '=': a slice, then no expression.
    if (at_op(":=") && !syntax_.assignment_expressions) fail({peek().loc.line, peek().loc.col + 1}, "invalid syntax");
    if (!at_op(":")) return lower;
  }
  take();
  auto s = make_expr<Slice>(loc);
  s->lower = std::move(lower);
  auto bound = [&] { return at_op(":") || at_op("]") || at_op(",") ? nullptr : expression(); };
  s->upper = bound();
  if (accept_op(":")) s->step = bound();
  return s;
}

// atom: NAME | 'True' | 'False' | 'None' | strings | NUMBER |
//       (tuple | group | genexp) | (list | listcomp) | (dict | set | dictcomp | setcomp) | '...'
ExprPtr Parser::atom() {
  ExprPtr e = atom_node();
  if (e->end.line == 0) e->end = last_end();
  return e;
}

ExprPtr Parser::atom_node() {
  const Token& t = peek();
  switch (t.kind) {
    case TokenKind::Name: {
      if (t.text == "True" || t.text == "False" || t.text == "None") {
        auto c = make_expr<Constant>(take().loc);
        c->type = t.text == "True"    ? Constant::Type::True
                  : t.text == "False" ? Constant::Type::False
                                      : Constant::Type::None;
        return c;
      }
      if (is_keyword(t.text)) fail_here();
      auto n = make_expr<Name>(t.loc);
      n->id = nfkc_identifier(take().text);
      return n;
    }
    case TokenKind::Number: return number();
    case TokenKind::String: return strings();
    case TokenKind::Op:
      if (t.text == "(") {
        // A parenthesized expression's node spans the expression alone.
        ExprPtr e = group_tuple_genexp();
        if (e->kind == ExprKind::Tuple || e->kind == ExprKind::GeneratorExp) e->end = last_end();
        return e;
      }
      if (t.text == "[" || t.text == "{") {
        ExprPtr e = t.text == "[" ? list_or_listcomp() : dict_or_set();
        e->end = last_end();
        return e;
      }
      if (t.text == "...") {
        auto c = make_expr<Constant>(take().loc);
        c->type = Constant::Type::Ellipsis;
        return c;
      }
      break;
    default: break;
  }
  fail_here();
}

ExprPtr Parser::number() {
  const Token& t = take();
  if (!t.unsupported.empty()) defer_unsupported(t.loc, t.unsupported);
  check_digit_limit(t);
  auto c = make_expr<Constant>(t.loc);
  c->type = t.is_float ? Constant::Type::Float : Constant::Type::Int;
  c->int_value = t.int_value;
  c->big_int = t.big_int;
  c->float_value = t.float_value;
  return c;
}

// A decimal literal over int's digit limit: PyLong_FromString's ValueError
// as a SyntaxError with a hint, given no column (3.9+: _PyPegen_number_token,
// raised as the parse meets it) or at the literal (3.7-3.8: ast.c's
// ast_for_atom, once the whole file parsed).
// The line is read back from the file.
void Parser::check_digit_limit(const Token& t) {
  const std::string& digits = t.big_int;
  const bool decimal = digits.size() < 2 || digits[0] != '0';
  const auto count = static_cast<std::int64_t>(digits.size());
  if (!decimal || count <= runtime::kDefaultMaxStrDigits) return;
  const std::string message =
      runtime::num::digit_limit_message(runtime::kDefaultMaxStrDigits, syntax_.int_limit_says_digits, count) +
      " - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.";
  if (!syntax_.pgen()) {
    const int col = syntax_.parser == ParserGeneration::Peg39 ? 1 : 0;
    throw Diagnostic(DKind::SyntaxError, source_, {t.loc.line, col}, message).reading_text_back();
  }
  const Loc at = char_loc(*source_, t.loc);
  defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at, message).reading_text_back());
}

void Parser::defer_ast_error(Loc at, Diagnostic d) {
  if (ast_error_ && std::pair(ast_error_at_.line, ast_error_at_.col) <= std::pair(at.line, at.col)) return;
  ast_error_.emplace(std::move(d));
  ast_error_at_ = at;
}

// strings: STRING+ — adjacent literals concatenate; with any f-string among
// them the result is a JoinedStr whose adjacent literal parts are merged.
ExprPtr Parser::strings() {
  const Loc loc = peek().loc;
  std::vector<const Token*> parts;
  bool any_f = false;
  const Diagnostic* fstring_error = nullptr;
  while (at(TokenKind::String)) {
    if (peek().fstring_error && !fstring_error) fstring_error = peek().fstring_error.get();
    const Token& t = take();
    if (!t.unsupported.empty()) defer_unsupported(t.loc, t.unsupported);
    any_f |= t.is_fstring;
    parts.push_back(&t);
  }
  // 3.12+ warn of invalid escapes as the literals are joined: a plain
  // literal at its first line, an f-string (its FSTRING_MIDDLE tokens) at
  // its last.
  if (syntax_.invalid_escape_warns)
    for (const Token* t : parts) give_warnings(*t, t->is_fstring ? t->end.line : t->loc.line);
  // 3.11 makes a str node of the literal text (a u-prefixed first literal
  // names its kind first, so it gets past the check).
  const char prefix = parts.front()->text.empty() ? '\0' : parts.front()->text.front();
  if (syntax_.str_literal_stops_second_pass && !parts.front()->is_bytes && prefix != 'u' && prefix != 'U' &&
      (!any_f || std::any_of(parts.begin(), parts.end(), [](const Token* t) {
        return t->is_fstring ? has_literal_text(t->pieces) : !t->value.empty();
      })))
    second_pass_stops_at(loc);
  if (fstring_error && syntax_.pgen()) {
    // 3.7-3.8 read the f-strings once the whole file parsed (ast.c's
    // parsestrplus, on the joined literals), placing an error at the first.
    const Loc at = char_loc(*source_, loc);
    defer_ast_error(at, Diagnostic(fstring_error->kind(), source_, at, fstring_error->message()).reading_text_back());
  } else if (fstring_error) {
    // 3.9-3.11 read them as the parser joins the literals
    // (_PyPegen_concatenate_strings): an error is placed at the token the
    // parser looked at next.
    if (speculating_ > 0) throw Backtrack{};
    const Loc at = parser_error_loc(*source_, peek().loc, syntax_);
    throw ParseFailure{Diagnostic(fstring_error->kind(), source_, at, fstring_error->message(), {at.line, at.col + 1}),
                       false, true, *parts.front()};
  }
  const auto bytes = std::count_if(parts.begin(), parts.end(), [](const Token* t) { return t->is_bytes; });
  if (bytes > 0 && static_cast<std::size_t>(bytes) < parts.size()) {
    const std::string mix = "cannot mix bytes and nonbytes literals";
    if (syntax_.pgen()) {
      // 3.7-3.8: ast.c's parsestrplus, once the file parsed, at the first
      // literal's col_offset (3.8 adds 1 to it, 3.7 does not).
      Loc at = char_loc(*source_, loc);
      if (syntax_.parser == ParserGeneration::Pgen37) --at.col;
      defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at, mix));
    } else if (syntax_.parser == ParserGeneration::Peg39) {
      // 3.9: at the token the parser looked at next, as other errors of
      // _PyPegen_concatenate_strings.
      if (speculating_ > 0) throw Backtrack{};
      const Loc at = parser_error_loc(*source_, peek().loc, syntax_);
      throw ParseFailure{Diagnostic(DKind::SyntaxError, source_, at, mix, {at.line, at.col + 1}), false, true,
                         *parts.front()};
    } else {
      fail(parts.back()->end, mix);
    }
  }
  if (!any_f) {
    auto c = make_expr<Constant>(loc);
    c->type = bytes > 0 ? Constant::Type::Bytes : Constant::Type::Str;
    for (const Token* t : parts) c->str_value += t->value;
    return c;
  }
  auto j = make_expr<JoinedStr>(loc);
  std::string pending;
  Loc pending_loc = loc;
  auto add_text = [&](const std::string& text, Loc at) {
    if (pending.empty()) pending_loc = at;
    pending += text;
  };
  auto flush = [&] {
    if (pending.empty()) return;
    auto c = make_expr<Constant>(pending_loc);
    c->type = Constant::Type::Str;
    c->str_value = std::move(pending);
    pending.clear();
    j->values.push_back(std::move(c));
  };
  for (const Token* t : parts) {
    if (!t->is_fstring) {
      add_text(t->value, t->loc);
      continue;
    }
    for (const FStringPiece& p : t->pieces) {
      if (!p.is_field) {
        add_text(p.text, p.loc);
        continue;
      }
      if (p.has_debug) add_text(p.debug_text, p.expr_loc);  // `{x=}` shows its own text
      flush();
      j->values.push_back(fstring_replacement_field(p));
    }
  }
  flush();
  return j;
}

// fstring_replacement_field: '{' (yield_expr | star_expressions) ['='] [conversion] [format_spec] '}'
ExprPtr Parser::fstring_replacement_field(const FStringPiece& field) {
  auto f = make_expr<FormattedValue>(field.loc);
  f->value = fstring_expression(field);
  f->conversion = field.conversion;
  // `{x=}` shows repr(x) unless a conversion or format spec says otherwise.
  if (field.has_debug && !field.conversion && !field.has_spec) f->conversion = 'r';
  if (field.has_spec) f->format_spec = format_spec(field);
  return f;
}

// A field's expression. Before 3.12 it is compiled apart, as the text
// "(expr)" (fstring_compile_expr): an error in it is reported there, 3.7-3.8
// in a file named <fstring> on line 1 (once the whole file parsed),
// 3.9-3.11 in the file on the field's line, saying "f-string: ".
ExprPtr Parser::fstring_expression(const FStringPiece& field) {
  if (syntax_.parser == ParserGeneration::Peg312) return fstring_field_expression(field);
  try {
    return fstring_field_expression(field);
  } catch (const ParseFailure&) {
    const auto expr = source_->text().substr(field.expr_begin, field.expr_end - field.expr_begin);
    if (syntax_.pgen()) {
      // An error of ast.c, raised once the file parsed.
      const std::string text = "(" + std::string(expr) + ")";
      try {
        parse(std::make_shared<const Source>("<fstring>", text), syntax_);
      } catch (const Diagnostic& d) {
        // The text has no newline: reading past the closing parenthesis (the
        // tokenizer looks for a two-character operator) met the end of the
        // input, so pgen reports a failure there as the end of the file.
        const auto last_line = text.substr(text.rfind('\n') + 1);
        const bool at_close = d.loc().line == static_cast<int>(std::count(text.begin(), text.end(), '\n')) + 1 &&
                              d.loc().col == std::count_if(last_line.begin(), last_line.end(), [](char c) {
                                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                              });
        if (d.kind() == DKind::SyntaxError && d.message() == "invalid syntax" && at_close)
          defer_ast_error(char_loc(*source_, field.loc),
                          Diagnostic(d.kind(), d.source(), d.loc(), "unexpected EOF while parsing", d.end()));
        else
          defer_ast_error(char_loc(*source_, field.loc), d);
      }
      return make_expr<Constant>(field.loc);
    }
    try {
      parse(std::make_shared<const Source>(
                source_->path(), std::string(static_cast<std::size_t>(field.expr_loc.line - 1), '\n') + "(" + expr + ")"),
            syntax_);
    } catch (const Diagnostic& d) {
      throw Diagnostic(d.kind(), d.source(), d.loc(), "f-string: " + d.message(), d.end());
    }
    throw;
  }
}

// A field's expression, parsed from its own source range with a lexer of its
// own (the token stream is swapped, then restored, also on failure).
ExprPtr Parser::fstring_field_expression(const FStringPiece& field) {
  Lexer sub(source_, field.expr_begin, field.expr_end, field.expr_loc, field.expr_line_start, syntax_);
  struct Swap {
    Parser& p;
    Lexer* lexer;
    std::deque<Token> toks;
    std::size_t pos;
    Swap(Parser& parser, Lexer* l) : p(parser), lexer(p.lexer_), pos(p.pos_) {
      std::swap(toks, p.toks_);
      p.lexer_ = l;
      p.pos_ = 0;
      ++p.fstring_depth_;
    }
    ~Swap() {
      std::swap(toks, p.toks_);
      p.lexer_ = lexer;
      p.pos_ = pos;
      --p.fstring_depth_;
    }
  } swap(*this, &sub);
  ExprPtr e = at_kw("yield") ? yield_expr() : star_expressions();
  if (!at(TokenKind::EndMarker)) missing_comma_or_fail(*e);
  // 3.9-3.11 parse the field as "(expr)": a lone starred expression is then
  // a group's error, reported for that text.
  if (e->kind == ExprKind::Starred && syntax_.parser != ParserGeneration::Peg312 && !syntax_.pgen())
    fail(e->loc, "can't use starred expression here");
  return e;
}

// format_spec: literal text and nested replacement fields, as a JoinedStr.
ExprPtr Parser::format_spec(const FStringPiece& field) {
  auto j = make_expr<JoinedStr>(field.spec_loc);
  for (const FStringPiece& p : field.spec) {
    if (p.is_field) {
      j->values.push_back(fstring_replacement_field(p));
      continue;
    }
    auto c = make_expr<Constant>(p.loc);
    c->type = Constant::Type::Str;
    c->str_value = p.text;
    j->values.push_back(std::move(c));
  }
  return j;
}

// After an element of a bracketed display: the closing bracket, or the
// "Perhaps you forgot a comma?" diagnosis.
void Parser::close_collection(std::string_view close, const Expr& last) {
  if (accept_op(close)) return;
  if (at_op(",")) fail_here();
  missing_comma_or_fail(last);
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]] ')'
// group: '(' (yield_expr | named_expression) ')'
// genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')'
ExprPtr Parser::group_tuple_genexp() {
  const Loc open = take().loc;
  if (accept_op(")")) return make_expr<TupleExpr>(open);
  if (at_kw("yield")) {
    ExprPtr y = yield_expr();
    expect_op(")");
    return y;
  }
  const std::size_t awaits = semantic_.size();
  ExprPtr first = star_named_expression();
  if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
    no_starred_element(*first);
    auto g = make_expr<GeneratorExp>(open);
    g->elt = std::move(first);
    g->generators = for_if_clauses();
    // An await makes it an asynchronous generator expression, allowed anywhere.
    drop_await_errors(awaits);
    nested_async_comprehensions(awaits);
    expect_op(")");
    return g;
  }
  if (!at_op(",")) {
    close_collection(")", *first);
    // invalid_group (3.9 says "can't"); 3.7-3.8's compiler refuses it.
    if (first->kind == ExprKind::Starred && syntax_.pgen())
      defer_semantic(first->loc, "can't use starred expression here", first->end);
    else if (first->kind == ExprKind::Starred)
      fail(first->loc,
           syntax_.parser == ParserGeneration::Peg39 ? "can't use starred expression here" : "cannot use starred expression here",
           DKind::SyntaxError, first->end);
    return first;
  }
  auto t = make_expr<TupleExpr>(open);
  t->elts.push_back(std::move(first));
  while (accept_op(",") && !at_op(")")) t->elts.push_back(star_named_expression());
  close_collection(")", *t->elts.back());
  return t;
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
ExprPtr Parser::list_or_listcomp() {
  const Loc open = take().loc;
  if (accept_op("]")) return make_expr<ListExpr>(open);
  const std::size_t awaits = semantic_.size();
  ExprPtr first = star_named_expression();
  if (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
    no_starred_element(*first);
    auto l = make_expr<ListComp>(open);
    l->elt = std::move(first);
    l->generators = for_if_clauses();
    check_async_comprehension(l->generators, open, awaits);
    expect_op("]");
    return l;
  }
  auto l = make_expr<ListExpr>(open);
  l->elts.push_back(std::move(first));
  while (accept_op(",") && !at_op("]")) l->elts.push_back(star_named_expression());
  close_collection("]", *l->elts.back());
  return l;
}

// dict: '{' [double_starred_kvpairs] '}'    set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'   setcomp: '{' named_expression for_if_clauses '}'
ExprPtr Parser::dict_or_set() {
  const Loc open = take().loc;
  if (accept_op("}")) return make_expr<DictExpr>(open);
  const std::size_t awaits = semantic_.size();
  auto is_comp = [&] { return at_kw("for") || (at_kw("async") && at_kw("for", 1)); };
  ExprPtr first_key;
  ExprPtr first_value;
  if (at_op("**")) {
    const Token& stars = take();
    first_value = bitwise_or();
    if (is_comp()) dict_unpacking_in_comprehension(open, stars);
  } else {
    ExprPtr first = star_named_expression();
    if (!accept_op(":")) {
      if (is_comp()) {
        no_starred_element(*first);
        auto s = make_expr<SetComp>(open);
        s->elt = std::move(first);
        s->generators = for_if_clauses();
        check_async_comprehension(s->generators, open, awaits);
        expect_op("}");
        return s;
      }
      auto s = make_expr<SetExpr>(open);
      s->elts.push_back(std::move(first));
      while (accept_op(",") && !at_op("}")) s->elts.push_back(star_named_expression());
      close_collection("}", *s->elts.back());
      return s;
    }
    first_key = std::move(first);
    first_value = dict_value();
    if (is_comp()) {
      auto d = make_expr<DictComp>(open);
      d->key = std::move(first_key);
      d->value = std::move(first_value);
      d->generators = for_if_clauses();
      check_async_comprehension(d->generators, open, awaits);
      expect_op("}");
      return d;
    }
  }
  auto d = make_expr<DictExpr>(open);
  d->keys.push_back(std::move(first_key));
  d->values.push_back(std::move(first_value));
  while (accept_op(",") && !at_op("}")) {
    if (accept_op("**")) {
      d->keys.push_back(nullptr);
      d->values.push_back(bitwise_or());
      continue;
    }
    ExprPtr key = expression();
    if (!accept_op(":")) fail(key->loc, "':' expected after dictionary key");
    d->keys.push_back(std::move(key));
    d->values.push_back(dict_value());
  }
  close_collection("}", *d->values.back());
  return d;
}

// invalid_comprehension: `[*a for a in b]`.
void Parser::no_starred_element(const Expr& element) {
  // (3.7-3.8 point at its start alone: ast.c's error)
  if (element.kind == ExprKind::Starred)
    fail(element.loc, "iterable unpacking cannot be used in comprehension", DKind::SyntaxError,
         syntax_.pgen() ? Loc{} : element.end);
}

// `{**a for a in b}`. 3.7-3.8's grammar takes it, and ast.c refuses it at
// the '{' once the whole file parsed; 3.9+'s invalid_dict_comprehension
// marks the '**' when the comprehension and its '}' parse.
void Parser::dict_unpacking_in_comprehension(Loc open, const Token& stars) {
  constexpr std::string_view kMessage = "dict unpacking cannot be used in dict comprehension";
  if (syntax_.pgen()) {
    const Loc at = char_loc(*source_, open);
    defer_ast_error(at, Diagnostic(DKind::SyntaxError, source_, at, std::string(kMessage)).reading_text_back());
    for_if_clauses();
    return;
  }
  if (lookahead([&] {
        for_if_clauses();
        expect_op("}");
      }))
    fail(stars.loc, std::string(kMessage), DKind::SyntaxError, stars.end);
}

// The value after a dictionary key's ':' (which was just taken).
ExprPtr Parser::dict_value() {
  if (at_op(",") || at_op("}")) fail(toks_[pos_ - 1].loc, "expression expected after dictionary key and ':'");
  if (at_op("*")) fail(peek().loc, "cannot use a starred expression in a dictionary value");
  return expression();
}

// for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+
std::vector<Comprehension> Parser::for_if_clauses() {
  std::vector<Comprehension> out;
  while (at_kw("for") || (at_kw("async") && at_kw("for", 1))) {
    Comprehension c;
    c.is_async = accept_kw("async");
    take();  // 'for'
    c.target = star_targets();
    if (!accept_kw("in")) missing_comma_or_fail(*c.target);
    c.iter = disjunction();
    while (accept_kw("if")) c.ifs.push_back(disjunction());
    out.push_back(std::move(c));
  }
  return out;
}

// An `async for` or an await makes a comprehension asynchronous, which only
// an async function may contain (CPython reports the comprehension, not the
// await).
void Parser::check_async_comprehension(const std::vector<Comprehension>& generators, Loc loc, std::size_t awaits) {
  using At = SyntaxFeatures::AsyncComprehensionErrorAt;
  const bool any_async = std::any_of(generators.begin(), generators.end(), [](const auto& g) { return g.is_async; });
  const bool awaited = drop_await_errors(awaits);
  const bool nested = nested_async_comprehensions(awaits);
  if ((!awaited && !any_async && !nested) || in_async_function()) return;
  switch (syntax_.async_comprehension_error_at) {
    // Called at the closing bracket, which the comprehension's node includes.
    case At::Node: defer_semantic(loc, std::string(kAsyncComprehensionOutside), peek().end); break;
    case At::LineStart: defer_semantic({loc.line, 1}, std::string(kAsyncComprehensionOutside)); break;
    // Ordered among the others by where it is, reported at line 0.
    case At::LineZero: defer_semantic(loc, std::string(kAsyncComprehensionOutside), {}, true); break;
  }
  if (syntax_.await_makes_scope_async) semantic_.back().unless_scope_awaits = scopes_.back().id;
}

// The asynchronous comprehensions reported inside one being closed (since
// `since`). 3.11+ (bpo-33346) make it asynchronous instead: they are allowed
// in a comprehension, whose own check then decides. Before, the scope around
// them is that comprehension, which no await of the function's makes a
// coroutine: they stand.
bool Parser::nested_async_comprehensions(std::size_t since) {
  const auto first = semantic_.begin() + static_cast<std::ptrdiff_t>(since);
  const auto is_nested = [](const Deferred& d) { return d.message == kAsyncComprehensionOutside; };
  if (syntax_.await_makes_scope_async) {
    for (auto it = first; it != semantic_.end(); ++it)
      if (is_nested(*it)) it->unless_scope_awaits = -1;
    return false;
  }
  const auto kept = std::remove_if(first, semantic_.end(), is_nested);
  const bool any = kept != semantic_.end();
  semantic_.erase(kept, semantic_.end());
  return any;
}

// star_targets: star_target !',' | star_target (',' star_target)* [',']
// Targets are parsed as bitwise_or expressions (which stop before `in`) and
// then checked, which gives CPython's "cannot assign to ..." messages.
ExprPtr Parser::star_targets() {
  const Mark start = mark();
  const Loc loc = peek().loc;
  ExprPtr first = star_target();
  if (at_op(",")) {
    auto t = make_expr<TupleExpr>(loc);
    t->elts.push_back(std::move(first));
    while (accept_op(",") && starts_expression(0, true)) t->elts.push_back(star_target());
    first = std::move(t);
  }
  if (set_context(*first, Ctx::Store)) {
    // CPython's invalid_for_target parses star_expressions from the target
    // first: a tokenizer error there is the one reported.
    const Mark end = mark();
    rewind(start);
    lookahead([&] { star_expressions(); });
    rewind(end);
  }
  store_target(*first);
  return first;
}

// star_target: '*' (!'*' star_target) | target_with_star_atom
ExprPtr Parser::star_target() {
  DepthGuard depth(*this);
  if (!at_op("*")) return bitwise_or();
  auto s = make_expr<Starred>(take().loc);
  s->value = star_target();
  return s;
}

}  // namespace

ast::Module parse(std::shared_ptr<const Source> source, const SyntaxFeatures& syntax, const SyntaxWarningSink& warn) {
  Parser parser(std::move(source), syntax, warn);
  try {
    Module m = parser.file();
    parser.raise_too_new();
    parser.raise_deferred(m);
    return m;
  } catch (const ParseFailure& failure) {
    // Before 3.10 the parser's error stands: no later tokenizer error replaces it.
    if (!syntax.peg_messages()) {
      const Diagnostic older = older_parser_error(failure.diagnostic, failure.at, syntax);
      // pgen stops at the first token its grammar refuses: a too-new
      // construct before the token where this error was found (the '=' after
      // a bad target) is met first.
      const Loc stopped = syntax.pgen() && failure.at.kind != TokenKind::EndMarker ? char_loc(*older.source(), failure.at.loc) : older.loc();
      parser.raise_too_new(std::pair(stopped.line, stopped.col) > std::pair(older.loc().line, older.loc().col) ? stopped : older.loc());
      throw older;
    }
    parser.raise_too_new(failure.diagnostic.loc());
    parser.drain_for_tokenizer_errors(failure);
    throw failure.diagnostic;
  } catch (const Diagnostic& d) {
    // A tokenizer error past a too-new construct: that version's parser
    // stopped before the tokenizer got there.
    parser.raise_too_new(d.loc());
    throw;
  }
}

}  // namespace asim::lang
