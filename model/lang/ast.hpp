// The syntax tree of asim's Python subset: one node type per construct,
// named as in CPython's Lib/ast.py (Parser/Python.asdl), so a reader who knows
// `ast.dump` output knows these. The parser builds it; the compiler reads it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/lang/source.hpp"
#include "model/runtime/operators.hpp"

namespace asim::lang::ast {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Body = std::vector<StmtPtr>;

// ------------------------------------------------------------------ operators

using runtime::BinOp;
using runtime::CmpOp;
using runtime::UnaryOp;
enum class BoolOp { And, Or };
enum class Ctx { Load, Store, Del };

// ---------------------------------------------------------------- expressions

enum class ExprKind {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp, GeneratorExp, Await, Yield,
  Compare, Call, FormattedValue, JoinedStr, Constant, Attribute, Subscript, Starred, Name, List, Tuple, Slice,
};

struct Expr {
  explicit Expr(ExprKind k, Loc l) : kind(k), loc(l) {}
  virtual ~Expr() = default;
  const ExprKind kind;
  Loc loc;
  // One past the node's last token, as CPython's end_lineno/end_col_offset,
  // where an error's range needs it (3.10+ mark the node); line 0 when not
  // recorded.
  Loc end;
};

struct BoolOpExpr : Expr {
  BoolOpExpr(Loc l) : Expr(ExprKind::BoolOp, l) {}
  BoolOp op;
  std::vector<ExprPtr> values;  // two or more
};

struct NamedExpr : Expr {  // target := value
  NamedExpr(Loc l) : Expr(ExprKind::NamedExpr, l) {}
  ExprPtr target;  // a Name
  ExprPtr value;
};

struct BinOpExpr : Expr {
  BinOpExpr(Loc l) : Expr(ExprKind::BinOp, l) {}
  ExprPtr left;
  BinOp op;
  ExprPtr right;
};

struct UnaryOpExpr : Expr {
  UnaryOpExpr(Loc l) : Expr(ExprKind::UnaryOp, l) {}
  UnaryOp op;
  ExprPtr operand;
};

// Parameters of a def or lambda: positional (with defaults for the last
// ones), *args, keyword-only (with defaults, nullptr when required), **kwargs.
struct Arguments {
  std::vector<std::string> posonly;  // before a `/`
  std::vector<std::string> args;
  std::vector<ExprPtr> defaults;     // for the last len(defaults) of posonly+args
  std::optional<std::string> vararg;
  std::vector<std::string> kwonly;
  std::vector<ExprPtr> kw_defaults;  // one per kwonly; nullptr = required
  std::optional<std::string> kwarg;
  // Annotations (a def's only), one per name above, nullptr where none.
  std::vector<ExprPtr> posonly_annotations, arg_annotations, kwonly_annotations;
  ExprPtr vararg_annotation, kwarg_annotation;
  // Each parameter's node (its name and annotation) in the order symtable.c
  // visits them: posonly, args, kwonly, vararg, kwarg. 3.10+ report a
  // duplicate there.
  std::vector<std::pair<Loc, Loc>> spans;
};

struct Lambda : Expr {
  Lambda(Loc l) : Expr(ExprKind::Lambda, l) {}
  Arguments args;
  ExprPtr body;
};

struct IfExp : Expr {  // body if test else orelse
  IfExp(Loc l) : Expr(ExprKind::IfExp, l) {}
  ExprPtr test, body, orelse;
};

struct DictExpr : Expr {
  DictExpr(Loc l) : Expr(ExprKind::Dict, l) {}
  std::vector<ExprPtr> keys;  // nullptr key = `**values[i]`
  std::vector<ExprPtr> values;
};

struct SetExpr : Expr {
  SetExpr(Loc l) : Expr(ExprKind::Set, l) {}
  std::vector<ExprPtr> elts;
};

struct Comprehension {  // for target in iter if ifs...
  ExprPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
  bool is_async = false;
};

struct ListComp : Expr {
  ListComp(Loc l) : Expr(ExprKind::ListComp, l) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct SetComp : Expr {
  SetComp(Loc l) : Expr(ExprKind::SetComp, l) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct DictComp : Expr {
  DictComp(Loc l) : Expr(ExprKind::DictComp, l) {}
  ExprPtr key, value;
  std::vector<Comprehension> generators;
};

// Generator expressions are parsed so that the error names them; asim runs
// them eagerly only as the sole argument of a call (sum(x for x in xs)).
struct GeneratorExp : Expr {
  GeneratorExp(Loc l) : Expr(ExprKind::GeneratorExp, l) {}
  ExprPtr elt;
  std::vector<Comprehension> generators;
};

struct Await : Expr {
  Await(Loc l) : Expr(ExprKind::Await, l) {}
  ExprPtr value;
};

// `yield value` (value null for a bare `yield`), or `yield from value`.
struct Yield : Expr {
  Yield(Loc l) : Expr(ExprKind::Yield, l) {}
  ExprPtr value;
  bool from = false;
};

struct Compare : Expr {  // left ops[0] comparators[0] ops[1] comparators[1] ...
  Compare(Loc l) : Expr(ExprKind::Compare, l) {}
  ExprPtr left;
  std::vector<CmpOp> ops;
  std::vector<ExprPtr> comparators;
};

struct Keyword {
  std::optional<std::string> arg;  // nullopt = `**value`
  ExprPtr value;
  Loc loc;
  Loc end;
};

struct Call : Expr {
  Call(Loc l) : Expr(ExprKind::Call, l) {}
  ExprPtr func;
  std::vector<ExprPtr> args;  // may contain Starred
  std::vector<Keyword> keywords;
};

// One {value!conversion:format_spec} of an f-string.
struct FormattedValue : Expr {
  FormattedValue(Loc l) : Expr(ExprKind::FormattedValue, l) {}
  ExprPtr value;
  char conversion = 0;  // 0, 's', 'r' or 'a'
  ExprPtr format_spec;  // a JoinedStr, or nullptr
};

struct JoinedStr : Expr {  // an f-string: Constant str parts and FormattedValues
  JoinedStr(Loc l) : Expr(ExprKind::JoinedStr, l) {}
  std::vector<ExprPtr> values;
};

struct Constant : Expr {
  enum class Type { None, True, False, Int, Float, Str, Bytes, Ellipsis };
  Constant(Loc l) : Expr(ExprKind::Constant, l) {}
  Type type = Type::None;
  std::int64_t int_value = 0;
  std::string big_int;  // an int literal beyond int64, as the lexer's Token has it
  double float_value = 0;
  std::string str_value;
};

struct Attribute : Expr {  // value.attr
  Attribute(Loc l) : Expr(ExprKind::Attribute, l) {}
  ExprPtr value;
  std::string attr;
  Ctx ctx = Ctx::Load;
};

struct Subscript : Expr {  // value[slice]
  Subscript(Loc l) : Expr(ExprKind::Subscript, l) {}
  ExprPtr value;
  ExprPtr slice;  // an expression, a Slice, or a Tuple of them
  Ctx ctx = Ctx::Load;
};

struct Starred : Expr {  // *value
  Starred(Loc l) : Expr(ExprKind::Starred, l) {}
  ExprPtr value;
  Ctx ctx = Ctx::Load;
};

struct Name : Expr {
  Name(Loc l) : Expr(ExprKind::Name, l) {}
  std::string id;
  Ctx ctx = Ctx::Load;
};

struct ListExpr : Expr {
  ListExpr(Loc l) : Expr(ExprKind::List, l) {}
  std::vector<ExprPtr> elts;
  Ctx ctx = Ctx::Load;
};

struct TupleExpr : Expr {
  TupleExpr(Loc l) : Expr(ExprKind::Tuple, l) {}
  std::vector<ExprPtr> elts;
  Ctx ctx = Ctx::Load;
};

struct Slice : Expr {  // lower:upper:step, each optional
  Slice(Loc l) : Expr(ExprKind::Slice, l) {}
  ExprPtr lower, upper, step;
};

// ----------------------------------------------------------------- statements

enum class StmtKind {
  FunctionDef, AsyncFunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, AsyncFor, While, If,
  With, AsyncWith, Raise, Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue, Match,
};

struct Stmt {
  explicit Stmt(StmtKind k, Loc l) : kind(k), loc(l) {}
  virtual ~Stmt() = default;
  const StmtKind kind;
  Loc loc;
  Loc end;  // one past the statement's last token (its body's, for a compound one)
};

struct FunctionDef : Stmt {  // def or async def (kind tells)
  FunctionDef(StmtKind k, Loc l) : Stmt(k, l) {}
  std::string name;
  Arguments args;
  ExprPtr returns;  // `-> annotation`, or nullptr
  Body body;
  std::vector<ExprPtr> decorator_list;
  bool is_async() const { return kind == StmtKind::AsyncFunctionDef; }
};

struct ClassDef : Stmt {
  ClassDef(Loc l) : Stmt(StmtKind::ClassDef, l) {}
  std::string name;
  std::vector<ExprPtr> bases;
  ExprPtr metaclass;  // `metaclass=...`, or nullptr
  std::vector<Keyword> keywords;  // the other `name=value`s, for __init_subclass__ and the metaclass
  Body body;
  std::vector<ExprPtr> decorator_list;
};

struct Return : Stmt {
  Return(Loc l) : Stmt(StmtKind::Return, l) {}
  ExprPtr value;  // may be nullptr
};

struct Delete : Stmt {
  Delete(Loc l) : Stmt(StmtKind::Delete, l) {}
  std::vector<ExprPtr> targets;
};

struct Assign : Stmt {  // t1 = t2 = value
  Assign(Loc l) : Stmt(StmtKind::Assign, l) {}
  std::vector<ExprPtr> targets;
  ExprPtr value;
};

struct AugAssign : Stmt {  // target op= value
  AugAssign(Loc l) : Stmt(StmtKind::AugAssign, l) {}
  ExprPtr target;
  BinOp op;
  ExprPtr value;
};

struct AnnAssign : Stmt {  // target: annotation = value
  AnnAssign(Loc l) : Stmt(StmtKind::AnnAssign, l) {}
  ExprPtr target;
  ExprPtr annotation;
  ExprPtr value;  // may be nullptr
};

struct For : Stmt {  // for / async for (kind tells)
  For(StmtKind k, Loc l) : Stmt(k, l) {}
  ExprPtr target, iter;
  Body body, orelse;
};

struct While : Stmt {
  While(Loc l) : Stmt(StmtKind::While, l) {}
  ExprPtr test;
  Body body, orelse;
};

struct If : Stmt {  // elif chains nest in orelse
  If(Loc l) : Stmt(StmtKind::If, l) {}
  ExprPtr test;
  Body body, orelse;
};

struct WithItem {
  ExprPtr context_expr;
  ExprPtr optional_vars;  // may be nullptr
};

struct With : Stmt {  // with / async with (kind tells)
  With(StmtKind k, Loc l) : Stmt(k, l) {}
  std::vector<WithItem> items;
  Body body;
};

struct Raise : Stmt {
  Raise(Loc l) : Stmt(StmtKind::Raise, l) {}
  ExprPtr exc;    // nullptr = bare re-raise
  ExprPtr cause;  // `from cause`, or nullptr
};

struct ExceptHandler {
  ExprPtr type;  // nullptr = bare except
  std::optional<std::string> name;
  Body body;
  Loc loc;
  Loc end;
};

struct Try : Stmt {
  Try(Loc l) : Stmt(StmtKind::Try, l) {}
  Body body;
  std::vector<ExceptHandler> handlers;
  Body orelse, finalbody;
  bool star = false;  // except*
};

// A pattern of a match statement (CPython's pattern_ty, one node kind per
// pattern rule).
struct PatternNode {
  enum class Kind { Value, Singleton, Capture, Wildcard, Star, Sequence, Mapping, Class, Or, As };
  Kind kind = Kind::Wildcard;
  Loc loc;
  Loc end;
  ExprPtr value;                     // Value: the literal or dotted name; Class: the class
  Constant::Type singleton = Constant::Type::None;
  std::vector<ExprPtr> keys;         // Mapping
  std::vector<PatternNode> items;    // elements, values, positional then keyword patterns, alternatives, As's pattern
  std::vector<std::string> keywords; // Class: the keyword names (of the last items)
  std::optional<std::string> name;   // Capture, As, Star (none for `*_`), Mapping's **rest
};

struct MatchCase {
  PatternNode pattern;
  ExprPtr guard;
  Body body;
};

struct Match : Stmt {
  Match(Loc l) : Stmt(StmtKind::Match, l) {}
  ExprPtr subject;
  std::vector<MatchCase> cases;
};

struct Assert : Stmt {
  Assert(Loc l) : Stmt(StmtKind::Assert, l) {}
  ExprPtr test, msg;
};

struct Alias {
  std::string name;  // dotted for `import a.b`
  std::optional<std::string> asname;
};

struct Import : Stmt {
  Import(Loc l) : Stmt(StmtKind::Import, l) {}
  std::vector<Alias> names;
};

struct ImportFrom : Stmt {
  ImportFrom(Loc l) : Stmt(StmtKind::ImportFrom, l) {}
  std::string module;
  int level = 0;  // the leading dots of a relative import
  std::vector<Alias> names;  // name "*" not supported
  // Where `*` stands in a function or class body: symtable.c's error.
  std::optional<Loc> star;
};

struct Global : Stmt {  // global / nonlocal (kind tells)
  Global(StmtKind k, Loc l) : Stmt(k, l) {}
  std::vector<std::string> names;
};

struct ExprStmt : Stmt {
  ExprStmt(Loc l) : Stmt(StmtKind::Expr, l) {}
  ExprPtr value;
};

struct Pass : Stmt {
  Pass(Loc l) : Stmt(StmtKind::Pass, l) {}
};

struct Break : Stmt {
  Break(Loc l) : Stmt(StmtKind::Break, l) {}
};

struct Continue : Stmt {
  Continue(Loc l) : Stmt(StmtKind::Continue, l) {}
};

struct Module {
  std::shared_ptr<const Source> source;
  Body body;
  // The grammar it was parsed with, which also says where the symbol table
  // and the compiler locate their errors.
  SyntaxFeatures syntax;
};

}  // namespace asim::lang::ast
