#include "model/lang/compiler.hpp"

#include <fmt/format.h>

#include "model/lang/lexer.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <optional>
#include <stdexcept>

#include "model/lang/compile_location.hpp"
#include "model/lang/extent.hpp"
#include "model/lang/symtable.hpp"
#include "model/lang/unparse.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/bytes.hpp"
#include "model/runtime/mangle.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text.hpp"

namespace asim::lang {

using namespace ast;
using runtime::mangle;
using runtime::Ref;
using runtime::Value;

namespace {

bool is_jump(Op op) {
  switch (op) {
    case Op::JUMP:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP:
    case Op::FOR_ITER:
    case Op::POP_JUMP_IF_NONE:
    case Op::POP_JUMP_IF_NOT_NONE: return true;
    default: return false;
  }
}

// Stack effect of an instruction when it falls through (jump = false) or
// jumps (jump = true), as PyCompile_OpcodeStackEffectWithJump.
int stack_effect(const Instr& in, bool jump) {
  const int n = in.arg;
  switch (in.op) {
    case Op::NOP:
    case Op::SWAP:
    case Op::DELETE_FAST:
    case Op::DELETE_DEREF:
    case Op::DELETE_GLOBAL:
    case Op::DELETE_NAME:
    case Op::LOAD_ATTR:
    case Op::UNARY_OP:
    case Op::LIST_TO_TUPLE:
    case Op::LIST_TO_SET:
    case Op::GET_ITER:
    case Op::JUMP:
    case Op::CHECK_EXC_MATCH:
    case Op::AWAIT:
    case Op::SETUP_ANNOTATIONS:
    case Op::YIELD_FROM:
    case Op::YIELD_VALUE:
    case Op::GET_YIELD_FROM_ITER:
    case Op::CHECK_EG_MATCH:
    case Op::GET_AITER: return 0;
    case Op::POP_TOP:
    case Op::STORE_FAST:
    case Op::STORE_DEREF:
    case Op::STORE_GLOBAL:
    case Op::STORE_NAME:
    case Op::DELETE_ATTR:
    case Op::BINARY_SUBSCR:
    case Op::BINARY_OP:
    case Op::COMPARE_OP:
    case Op::LIST_APPEND:
    case Op::LIST_EXTEND:
    case Op::DICT_UPDATE:
    case Op::POP_JUMP_IF_FALSE:
    case Op::POP_JUMP_IF_TRUE:
    case Op::RETURN_VALUE:
    case Op::RERAISE:
    case Op::POP_JUMP_IF_NONE:
    case Op::POP_JUMP_IF_NOT_NONE:
    case Op::PREP_RERAISE_STAR:
    case Op::POP_EXCEPT: return -1;
    case Op::MATCH_PATTERN: return -(n >> 16);
    case Op::COPY:
    case Op::LOAD_CONST:
    case Op::LOAD_FAST:
    case Op::LOAD_DEREF:
    case Op::LOAD_CLOSURE:
    case Op::LOAD_FROM_DICT_OR_DEREF:
    case Op::LOAD_GLOBAL:
    case Op::LOAD_NAME:
    case Op::LOAD_METHOD:
    case Op::PUSH_EXC_INFO:
    case Op::LOAD_ASSERTION_ERROR:
    case Op::GET_ANEXT:
    case Op::BEFORE_ASYNC_WITH:
    case Op::ASYNC_WITH_EXIT:
    case Op::WITH_EXCEPT_START:
    case Op::BEFORE_WITH:
    case Op::WITH_EXIT:
    case Op::WITH_EXCEPT_EXIT:
    case Op::IMPORT_NAME:
    case Op::IMPORT_FROM: return 1;
    case Op::STORE_ATTR:
    case Op::DELETE_SUBSCR:
    case Op::MAP_ADD:
    case Op::END_ASYNC_FOR: return -2;
    case Op::BUILD_CLASS:
    case Op::STORE_SUBSCR: return -3;
    case Op::BUILD_TUPLE:
    case Op::BUILD_LIST:
    case Op::BUILD_SET:
    case Op::BUILD_CONST_SET:
    case Op::BUILD_CONST_FROZENSET:
    case Op::BUILD_SLICE:
    case Op::BUILD_STRING: return 1 - n;
    case Op::BUILD_MAP: return 1 - 2 * n;
    case Op::UNPACK_SEQUENCE: return n - 1;
    case Op::UNPACK_EX: return (n & 0xff) + (n >> 8);
    case Op::FORMAT_VALUE: return (n & kHasSpec) ? -1 : 0;
    case Op::FOR_ITER: return jump ? -1 : 1;
    case Op::JUMP_IF_FALSE_OR_POP:
    case Op::JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1;
    case Op::CALL: return -n;
    case Op::CALL_METHOD: return -n - 1;
    case Op::CALL_KW: return -n - 1;
    case Op::CALL_EX: return -1 - (n & 1);
    case Op::MAKE_FUNCTION:
      return -(((n & kFnDefaults) ? 1 : 0) + ((n & kFnKwDefaults) ? 1 : 0) + ((n & kFnAnnotations) ? 1 : 0) +
               ((n & kFnClosure) ? 1 : 0));
    case Op::RAISE_VARARGS: return -n;
  }
  return 0;
}

bool falls_through(Op op) {
  return op != Op::JUMP && op != Op::RETURN_VALUE && op != Op::RAISE_VARARGS && op != Op::RERAISE;
}

// `a < b` and the like: what 3.11 specializes into COMPARE_OP_*_JUMP.
bool is_single_comparison(const ast::Expr& e) {
  if (e.kind != ExprKind::Compare) return false;
  const auto& c = static_cast<const ast::Compare&>(e);
  return c.ops.size() == 1 && c.ops[0] != runtime::CmpOp::Is && c.ops[0] != runtime::CmpOp::IsNot &&
         c.ops[0] != runtime::CmpOp::In && c.ops[0] != runtime::CmpOp::NotIn;
}

// ---------------------------------------------------- compiler warnings

// A plain int literal's value, with its sign.
std::optional<std::int64_t> small_int(const Expr& e) {
  if (e.kind == ExprKind::UnaryOp) {
    const auto& u = static_cast<const UnaryOpExpr&>(e);
    if (u.op != runtime::UnaryOp::USub && u.op != runtime::UnaryOp::UAdd) return std::nullopt;
    const auto v = small_int(*u.operand);
    if (!v || *v == INT64_MIN) return std::nullopt;
    return u.op == runtime::UnaryOp::USub ? -*v : *v;
  }
  if (e.kind != ExprKind::Constant) return std::nullopt;
  const auto& c = static_cast<const Constant&>(e);
  if (c.type == Constant::Type::False) return 0;
  if (c.type == Constant::Type::True) return 1;
  if (c.type != Constant::Type::Int || !c.big_int.empty()) return std::nullopt;
  return c.int_value;
}

bool is_zero(const Expr& e) {
  if (e.kind == ExprKind::Constant && static_cast<const Constant&>(e).type == Constant::Type::Float)
    return static_cast<const Constant&>(e).float_value == 0;
  if (e.kind == ExprKind::UnaryOp) return is_zero(*static_cast<const UnaryOpExpr&>(e).operand);
  const auto v = small_int(e);
  return v && *v == 0;
}

int bit_length(std::int64_t v) {
  const std::uint64_t m = v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
  return 64 - __builtin_clzll(m | 1) - (m == 0);
}

// ast_opt.c's limits on what it folds: an int over 128 bits, a str or bytes
// over 4096 items, a tuple over 256 (safe_multiply, safe_power,
// safe_lshift), judged here for literal operands only.
bool fold_too_big(const BinOpExpr& b) {
  constexpr int kMaxIntBits = 128;
  const auto l = small_int(*b.left), r = small_int(*b.right);
  if (b.op == runtime::BinOp::Pow && l && r && *l != 0 && *r > 0) return bit_length(*l) > kMaxIntBits / *r;
  if (b.op == runtime::BinOp::LShift && l && r && *l != 0 && *r > 0)
    return *r > kMaxIntBits || bit_length(*l) > kMaxIntBits - *r;
  if (b.op != runtime::BinOp::Mult) return false;
  const Expr& seq = l ? *b.right : *b.left;
  const auto n = l ? l : r;
  if (!n || *n <= 0 || seq.kind != ExprKind::Constant) return false;
  const auto& c = static_cast<const Constant&>(seq);
  if (c.type != Constant::Type::Str && c.type != Constant::Type::Bytes) return false;
  const auto items = c.type == Constant::Type::Bytes ? c.str_value.size() : runtime::text::decode(c.str_value).size();
  return static_cast<std::int64_t>(items) > 4096 / *n;
}

const char* constant_type(Constant::Type t) {
  switch (t) {
    case Constant::Type::None: return "NoneType";
    case Constant::Type::True:
    case Constant::Type::False: return "bool";
    case Constant::Type::Int: return "int";
    case Constant::Type::Float: return "float";
    case Constant::Type::Str: return "str";
    case Constant::Type::Bytes: return "bytes";
    case Constant::Type::Ellipsis: return "ellipsis";
  }
  return nullptr;
}

// The type of the constant CPython's AST optimizer (ast_opt.c) makes of `e`,
// or nullptr when `e` stays an expression: literals, `__debug__`, operators
// on constants that do not fail, tuples of constants.
const char* folded_type(const Expr& e) {
  using runtime::BinOp;
  switch (e.kind) {
    case ExprKind::Constant: return constant_type(static_cast<const Constant&>(e).type);
    case ExprKind::Name: return static_cast<const Name&>(e).id == "__debug__" ? "bool" : nullptr;
    case ExprKind::Tuple: {
      const auto& elts = static_cast<const TupleExpr&>(e).elts;
      const bool all = std::all_of(elts.begin(), elts.end(), [](const ExprPtr& x) { return folded_type(*x); });
      return all ? "tuple" : nullptr;
    }
    case ExprKind::Subscript: {
      // An item of a str, bytes or tuple constant, by an int constant in range.
      const auto& s = static_cast<const Subscript&>(e);
      const char* seq = folded_type(*s.value);
      const auto index = small_int(*s.slice);
      if (!seq || !index) return nullptr;
      const std::string_view t = seq;
      const auto in_range = [&](std::size_t n) { return *index < static_cast<std::int64_t>(n) && -*index <= static_cast<std::int64_t>(n); };
      if (s.value->kind == ExprKind::Tuple) {
        const auto& elts = static_cast<const TupleExpr&>(*s.value).elts;
        if (!in_range(elts.size())) return nullptr;
        return folded_type(*elts[static_cast<std::size_t>(*index < 0 ? *index + static_cast<std::int64_t>(elts.size()) : *index)]);
      }
      if (s.value->kind != ExprKind::Constant || (t != "str" && t != "bytes")) return nullptr;
      const auto& c = static_cast<const Constant&>(*s.value);
      const auto items = t == "bytes" ? c.str_value.size() : runtime::text::decode(c.str_value).size();
      return !in_range(items) ? nullptr : t == "bytes" ? "int" : "str";
    }
    case ExprKind::UnaryOp: {
      const auto& u = static_cast<const UnaryOpExpr&>(e);
      const std::string_view t = folded_type(*u.operand) ? folded_type(*u.operand) : "";
      if (t.empty()) return nullptr;
      if (u.op == runtime::UnaryOp::Not) return "bool";
      if (t == "int" || t == "bool") return "int";
      return t == "float" && u.op != runtime::UnaryOp::Invert ? "float" : nullptr;
    }
    case ExprKind::BinOp: {
      const auto& b = static_cast<const BinOpExpr&>(e);
      const char* lt = folded_type(*b.left);
      const char* rt = folded_type(*b.right);
      if (!lt || !rt) return nullptr;
      const std::string_view l = lt, r = rt;
      if (fold_too_big(b)) return nullptr;
      const auto integral = [](std::string_view t) { return t == "int" || t == "bool"; };
      if ((integral(l) || l == "float") && (integral(r) || r == "float")) {
        const bool ints = integral(l) && integral(r);
        switch (b.op) {
          case BinOp::Add:
          case BinOp::Sub:
          case BinOp::Mult: return ints ? "int" : "float";
          case BinOp::Div: return is_zero(*b.right) ? nullptr : "float";
          case BinOp::FloorDiv:
          case BinOp::Mod: return is_zero(*b.right) ? nullptr : ints ? "int" : "float";
          case BinOp::Pow: {
            if (!ints) return "float";
            const auto exponent = small_int(*b.right);
            if (!exponent || *exponent >= 0) return "int";
            return is_zero(*b.left) ? nullptr : "float";
          }
          case BinOp::LShift:
          case BinOp::RShift: {
            const auto count = small_int(*b.right);
            return ints && !(count && *count < 0) ? "int" : nullptr;
          }
          case BinOp::BitAnd:
          case BinOp::BitOr:
          case BinOp::BitXor: return !ints ? nullptr : l == "bool" && r == "bool" ? "bool" : "int";
          case BinOp::MatMult: return nullptr;
        }
        return nullptr;
      }
      const auto sequence = [](std::string_view t) { return t == "str" || t == "bytes" || t == "tuple"; };
      if (b.op == BinOp::Add && l == r && sequence(l)) return lt;
      if (b.op == BinOp::Mult && sequence(l) && integral(r)) return lt;
      if (b.op == BinOp::Mult && integral(l) && sequence(r)) return rt;
      if (b.op == BinOp::Mod && (l == "str" || l == "bytes")) return lt;
      return nullptr;
    }
    default: return nullptr;
  }
}

// infer_type: the type of what `e` evaluates to, when its form tells.
const char* infer_type(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List:
    case ExprKind::ListComp: return "list";
    case ExprKind::Dict:
    case ExprKind::DictComp: return "dict";
    case ExprKind::Set:
    case ExprKind::SetComp: return "set";
    case ExprKind::GeneratorExp: return "generator";
    case ExprKind::Lambda: return "function";
    case ExprKind::JoinedStr:
    case ExprKind::FormattedValue: return "str";
    case ExprKind::Slice: return "slice";
    default: return folded_type(e);
  }
}

enum class UnitKind { Module, Function, AsyncFunction, Lambda, Class, Comprehension };

enum class FBlockType { WhileLoop, ForLoop, TryExcept, FinallyTry, FinallyEnd, HandlerCleanup, With, AsyncWith,
                        ExceptionHandler, ExceptionGroupHandler, PopValue };

struct FBlock {
  explicit FBlock(FBlockType type, int block = -1, int exit = -1, std::size_t handler_level = 0,
                  const Body* finalbody = nullptr, const std::string* name = nullptr, Position pos = {},
                  Position context_pos = {})
      : type(type),
        block(block),
        exit(exit),
        handler_level(handler_level),
        finalbody(finalbody),
        name(name),
        pos(pos),
        context_pos(context_pos) {}
  FBlockType type;
  int block;                  // loops: where `continue` goes
  int exit;                   // loops: where `break` goes
  std::size_t handler_level;  // handler-stack size before this block's handlers
  const Body* finalbody;
  const std::string* name;  // `except E as name`
  Position pos;
  Position context_pos;    // With, AsyncWith: the item's context expression
  std::size_t with_id = 0;  // With, AsyncWith: its entry in Compiler::with_unwinds_
};

// Where 3.8-3.9 and 3.7 locate a `with`'s exit calls (WithCallsAt).
struct WithExitLines {
  Position code_before, body_end;
};

// The position `sites` holds for the instruction at `at`.
Position& alternative(std::vector<std::pair<int, Position>>& sites, int at) {
  for (auto& [pc, pos] : sites)
    if (pc == at) return pos;
  return sites.emplace_back(at, Position{}).second;
}

struct Unit {
  Ref<CodeObject> code;
  SymtableEntry* ste = nullptr;
  UnitKind kind = UnitKind::Module;
  std::unordered_map<std::string, int> varnames, names, cells;
  std::map<std::string, int> const_cache;
  std::vector<int> label_pos;
  std::vector<FBlock> fblocks;
  std::vector<std::uint16_t> handler_stack;
  int depth = 0;  // statement-level stack depth
  Position pos;
  std::string private_name;  // u_private: the class whose names `__spam` mangle into
};

class Compiler {
 public:
  Compiler(const Module& module, const CompileOptions& options)
      : module_(module), source_(module.source), options_(options), extents_(module.source) {}

  Ref<CodeObject> compile() {
    symtable_ = SymbolTable::build(module_);
    enter(symtable_->top(), UnitKind::Module, "<module>", 1);
    u().code->flags |= kModule;
    // A module's docstring is its __doc__, stored first as a class body's is.
    if (const std::string* doc = docstring(module_.body)) {
      set_pos(pos_of(*module_.body.front()));
      load_const(Value::str(*doc));
      emit(Op::STORE_NAME, name_index("__doc__"));
    }
    body(module_.body);
    set_pos(Position{last_line(module_.body), 0, 0, 0});
    load_const(Value());
    emit(Op::RETURN_VALUE);
    return leave();
  }

 private:
  // -------------------------------------------------------------- errors

  // At the node from `loc` to `end` (3.10+ mark the range).
  [[noreturn]] void syntax_error(Loc loc, std::string message, Loc end = {}) {
    throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, source_ ? char_loc(*source_, loc) : loc, std::move(message),
                     source_ && end.line ? char_loc(*source_, end) : end)
        .reading_text_back();
  }
  [[noreturn]] void unsupported(Loc loc, std::string what) {
    throw Diagnostic(Diagnostic::Kind::Unsupported, source_, source_ ? char_loc(*source_, loc) : loc, std::move(what));
  }

  // ------------------------------------------------------------ warnings

  // compiler_warn: a SyntaxWarning at the line where `at` starts.
  void warn(Loc at, const std::string& message) const {
    if (options_.warn && unchecked_ == 0) options_.warn(at.line, message);
  }

  // A branch 3.7 does not compile: one a constant test (expr_constant)
  // never takes.
  struct UncheckedBranch {
    Compiler& c;
    bool dead;
    UncheckedBranch(Compiler& compiler, std::optional<bool> truth, bool taken_when)
        : c(compiler), dead(c.options_.warnings.dead_branches_unchecked && truth && *truth != taken_when) {
      c.unchecked_ += dead;
    }
    ~UncheckedBranch() { c.unchecked_ -= dead; }
  };
  static std::optional<bool> constant_truth(const Expr& e) {
    if (e.kind != ExprKind::Constant) return std::nullopt;
    const auto& c = static_cast<const Constant&>(e);
    switch (c.type) {
      case Constant::Type::None:
      case Constant::Type::False: return false;
      case Constant::Type::True:
      case Constant::Type::Ellipsis: return true;
      case Constant::Type::Int: return c.int_value != 0 || !c.big_int.empty();
      case Constant::Type::Float: return c.float_value != 0;
      case Constant::Type::Str:
      case Constant::Type::Bytes: return !c.str_value.empty();
    }
    return std::nullopt;
  }

  // check_is_arg: `is` may compare with None, True, False and `...`, or an
  // expression; not with another constant.
  static bool check_is_arg(const Expr& e) {
    const std::string_view t = folded_type(e) ? folded_type(e) : "";
    return t.empty() || t == "NoneType" || t == "bool" || t == "ellipsis";
  }

  // check_compare: the first `is` of the chain with a literal on either side.
  void check_compare(const Compare& c) const {
    if (!options_.warnings.literal_misuse) return;
    const Expr* left = c.left.get();
    for (std::size_t i = 0; i < c.ops.size(); ++i) {
      const Expr* right = c.comparators[i].get();
      const bool is = c.ops[i] == runtime::CmpOp::Is;
      if ((is || c.ops[i] == runtime::CmpOp::IsNot) && (!check_is_arg(*left) || !check_is_arg(*right))) {
        const char* type = infer_type(check_is_arg(*left) ? *right : *left);
        const char* op = is ? "is" : "is not";
        const char* instead = is ? "==" : "!=";
        warn(c.loc, options_.warnings.is_names_literal_type
                        ? fmt::format("\"{}\" with '{}' literal. Did you mean \"{}\"?", op, type, instead)
                        : fmt::format("\"{}\" with a literal. Did you mean \"{}\"?", op, instead));
        return;
      }
      left = right;
    }
  }

  // check_caller: calling a literal or a display.
  void check_caller(const Call& c) const {
    if (!options_.warnings.literal_misuse) return;
    const Expr& f = *c.func;
    const char* type = nullptr;
    switch (f.kind) {
      case ExprKind::Tuple:
      case ExprKind::List:
      case ExprKind::ListComp:
      case ExprKind::Dict:
      case ExprKind::DictComp:
      case ExprKind::Set:
      case ExprKind::SetComp:
      case ExprKind::GeneratorExp:
      case ExprKind::JoinedStr:
      case ExprKind::FormattedValue: type = infer_type(f); break;
      default: type = folded_type(f);
    }
    if (type) warn(c.loc, fmt::format("'{}' object is not callable; perhaps you missed a comma?", type));
  }

  // check_subscripter and check_index: subscripting what cannot be
  // subscripted, or a sequence literal by what cannot index it.
  void check_subscript(const Subscript& s) const {
    if (!options_.warnings.literal_misuse) return;
    const Expr& v = *s.value;
    const std::string_view folded = folded_type(v) ? folded_type(v) : "";
    const bool unsubscriptable = v.kind == ExprKind::Set || v.kind == ExprKind::SetComp ||
                                 v.kind == ExprKind::GeneratorExp || v.kind == ExprKind::Lambda ||
                                 folded == "NoneType" || folded == "ellipsis" || folded == "int" ||
                                 folded == "bool" || folded == "float";
    if (unsubscriptable)
      warn(s.loc, fmt::format("'{}' object is not subscriptable; perhaps you missed a comma?", infer_type(v)));
    const Expr& index = *s.slice;
    if (options_.warnings.extended_slice_unchecked && index.kind == ExprKind::Tuple) {
      const auto& elts = static_cast<const TupleExpr&>(index).elts;
      if (std::any_of(elts.begin(), elts.end(), [](const ExprPtr& x) { return x->kind == ExprKind::Slice; })) return;
    }
    const std::string_view index_type = infer_type(index) ? infer_type(index) : "";
    if (index_type.empty() || index_type == "int" || index_type == "bool" || index_type == "slice") return;
    const bool sequence = folded == "str" || folded == "bytes" || folded == "tuple" || v.kind == ExprKind::Tuple ||
                          v.kind == ExprKind::List || v.kind == ExprKind::ListComp ||
                          v.kind == ExprKind::JoinedStr || v.kind == ExprKind::FormattedValue;
    if (sequence)
      warn(s.loc, fmt::format("{} indices must be integers or slices, not {}; perhaps you missed a comma?",
                              infer_type(v), index_type));
  }

  // compiler_assert: a parenthesized message makes a tuple, always true.
  void check_assert(const Assert& a) const {
    if (a.test->kind != ExprKind::Tuple || static_cast<const TupleExpr&>(*a.test).elts.empty()) return;
    if (!options_.warnings.assert_constant_tuple && folded_type(*a.test)) return;
    warn(a.loc, "assertion is always true, perhaps remove parentheses?");
  }

  // ---------------------------------------------------------------- units

  Unit& u() { return units_.back(); }

  void enter(SymtableEntry* ste, UnitKind kind, std::string name, int firstlineno) {
    Unit unit;
    unit.ste = ste;
    unit.kind = kind;
    unit.code = runtime::make<CodeObject>();
    CodeObject& co = *unit.code;
    co.name = std::move(name);
    co.firstlineno = firstlineno;
    co.source = source_;
    if (ste->function_like()) co.flags |= kOptimized;
    if (ste->nested) co.flags |= kNested;
    if (ste->is_generator) co.flags |= ste->is_coroutine ? kAsyncGenerator : kGenerator;
    else if (ste->is_coroutine) co.flags |= kCoroutine;
    co.qualname = qualname_for(ste, co.name, kind);
    if (kind == UnitKind::Class) unit.private_name = co.name;
    else if (!units_.empty()) unit.private_name = units_.back().private_name;
    // Parameters first, in co_varnames order, then the other locals.
    if (ste->function_like()) {
      for (const auto& p : ste->params) add_varname(unit, p);
      for (const auto& n : ste->names)
        if (ste->scope_of(n) == NameScope::Local) add_varname(unit, n);
    }
    if (ste->needs_class_closure) {
      unit.cells["__class__"] = 0;
      co.cellvars.push_back("__class__");
      co.cell2arg.push_back(-1);
    }
    for (const auto& n : ste->names)
      if (ste->scope_of(n) == NameScope::Cell) {
        unit.cells[n] = static_cast<int>(co.cellvars.size());
        co.cellvars.push_back(n);
        auto p = unit.varnames.find(n);
        co.cell2arg.push_back(p != unit.varnames.end() && (ste->flags_of(n) & kDefParam) ? p->second : -1);
      }
    std::vector<std::string> free;
    for (const auto& n : ste->names)
      if (ste->scope_of(n) == NameScope::Free ||
          (ste->kind == SymtableEntry::Kind::Class && (ste->flags_of(n) & kDefFreeClass)))
        free.push_back(n);
    for (const auto& n : free) {
      unit.cells[n] = static_cast<int>(co.cellvars.size() + co.freevars.size());
      co.freevars.push_back(n);
    }
    units_.push_back(std::move(unit));
  }

  static void add_varname(Unit& unit, const std::string& n) {
    if (unit.varnames.count(n)) return;
    unit.varnames[n] = static_cast<int>(unit.code->varnames.size());
    unit.code->varnames.push_back(n);
  }

  // compiler_set_qualname.
  std::string qualname_for(SymtableEntry* ste, const std::string& name, UnitKind kind) {
    if (units_.empty()) return name;
    const Unit& parent = units_.back();
    if (parent.kind == UnitKind::Module) return name;
    if (kind == UnitKind::Function || kind == UnitKind::AsyncFunction || kind == UnitKind::Class) {
      if (parent.ste->scope_of(mangle(parent.private_name, name)) == NameScope::GlobalExplicit) return name;
    }
    (void)ste;
    const bool function_parent = parent.kind == UnitKind::Function || parent.kind == UnitKind::AsyncFunction ||
                                 parent.kind == UnitKind::Lambda;
    return parent.code->qualname + (function_parent ? ".<locals>." : ".") + name;
  }

  Ref<CodeObject> leave() {
    Unit& unit = u();
    CodeObject& co = *unit.code;
    // Resolve labels.
    for (auto& in : co.code)
      if (is_jump(in.op)) in.arg = unit.label_pos[static_cast<std::size_t>(in.arg)];
    for (auto& h : co.handlers) h.target = unit.label_pos[static_cast<std::size_t>(h.target)];
    // Instructions the compiler adds (jumps, handler clean-up) take the line
    // of the instruction before them, as CPython's propagate_line_numbers
    // gives them one: f_lineno is never 0.
    int line = co.firstlineno;
    for (auto& p : co.positions) {
      if (p.line == 0) p.line = line;
      line = p.line;
    }
    co.stacksize = compute_stacksize(co);
    Ref<CodeObject> out = unit.code;
    units_.pop_back();
    return out;
  }

  // Flow analysis over the instructions: the deepest stack, and a check
  // that every path reaches each instruction with the same depth.
  static int compute_stacksize(const CodeObject& co) {
    const std::size_t n = co.code.size();
    std::vector<int> depth(n, -1);
    std::vector<std::size_t> work;
    int max_depth = 0;
    auto reach = [&](std::size_t i, int d) {
      if (i >= n) return;
      if (d < 0) throw std::logic_error(fmt::format("asim compiler: negative stack depth at {} in {}\n{}", i,
                                                    co.qualname, co.disassemble()));
      if (depth[i] == -1) {
        depth[i] = d;
        work.push_back(i);
      } else if (depth[i] != d) {
        throw std::logic_error(fmt::format("asim compiler: inconsistent stack depth at {} ({} vs {}) in {}\n{}", i,
                                           depth[i], d, co.qualname, co.disassemble()));
      }
    };
    if (n) reach(0, 0);
    while (!work.empty()) {
      const std::size_t i = work.back();
      work.pop_back();
      const Instr& in = co.code[i];
      const int d = depth[i];
      max_depth = std::max(max_depth, d);
      if (in.handler != kNoHandler) {
        const Handler& h = co.handlers[in.handler];
        if (h.depth > d)
          throw std::logic_error(fmt::format("asim compiler: handler {} deeper ({}) than the stack ({}) at {} in {}\n{}",
                                             in.handler, h.depth, d, i, co.qualname, co.disassemble()));
        reach(static_cast<std::size_t>(h.target), h.depth + 1);
        max_depth = std::max(max_depth, h.depth + 1);
      }
      if (falls_through(in.op)) {
        const int after = d + stack_effect(in, false);
        max_depth = std::max(max_depth, after);
        reach(i + 1, after);
      }
      if (is_jump(in.op)) reach(static_cast<std::size_t>(in.arg), d + stack_effect(in, true));
    }
    return max_depth + 1;
  }

  // --------------------------------------------------------- instructions

  int new_label() {
    u().label_pos.push_back(-1);
    return static_cast<int>(u().label_pos.size() - 1);
  }
  void use_label(int label) { u().label_pos[static_cast<std::size_t>(label)] = static_cast<int>(u().code->code.size()); }

  void emit(Op op, int arg = 0) {
    Unit& unit = u();
    Instr in{op, 0, unit.handler_stack.empty() ? kNoHandler : unit.handler_stack.back(), arg};
    unit.code->code.push_back(in);
    unit.code->positions.push_back(unit.pos);
  }
  void emit_jump(Op op, int label) { emit(op, label); }
  // The lines 3.7-3.9 would give the next instruction without a line of its
  // own (their compiler's u_lineno): the exit lines of a `with` that just
  // ended, else, after the last statement compiled began, 3.8-3.9 the line
  // of its last instruction and 3.7 the furthest line it reached (a later
  // line of a multi-line expression); its own line if it emitted nothing.
  WithExitLines lines_so_far() const {
    const CodeObject& code = *units_.back().code;
    if (with_tail_.code == &code && with_tail_.at == code.code.size()) return with_tail_.lines;
    WithExitLines lines{statement_begun_.pos, statement_begun_.pos};
    if (statement_begun_.code != &code) return {code.positions.back(), code.positions.back()};
    for (std::size_t i = statement_begun_.at; i < code.positions.size(); ++i) {
      const Position& p = code.positions[i];
      if (p.line > 0) lines.code_before = p;
      if (p.line > lines.body_end.line) lines.body_end = p;
    }
    return lines;
  }
  // An instruction that calls a `with` item's __enter__ or __exit__ (or
  // awaits it), with the other places versions locate it (WithCallsAt).
  void emit_with_call(Op op, const Position& context, const std::optional<WithExitLines>& exit = std::nullopt) {
    CodeObject& code = *u().code;
    const int at = static_cast<int>(code.code.size());
    code.with_context_calls.emplace_back(at, context);
    if (exit) {
      code.with_exit_after_code.emplace_back(at, exit->code_before);
      code.with_exit_after_body.emplace_back(at, exit->body_end);
    }
    emit(op);
  }

  void set_pos(Position p) { u().pos = p; }
  Position pos_of(const Expr& e) { return extents_.of(e); }
  Position pos_of(const Stmt& s) { return extents_.of(s); }

  // SETUP_FINALLY / SETUP_CLEANUP: instructions emitted from now on send
  // their exceptions to `label` with the stack cut to `depth`.
  std::uint16_t push_handler(int label, int depth) {
    auto& hs = u().code->handlers;
    hs.push_back(Handler{label, depth});
    const auto id = static_cast<std::uint16_t>(hs.size() - 1);
    u().handler_stack.push_back(id);
    return id;
  }
  void pop_handler() { u().handler_stack.pop_back(); }  // POP_BLOCK

  int add_const_key(const std::string& key, Value v) {
    auto& cache = u().const_cache;
    auto it = cache.find(key);
    if (it != cache.end()) return it->second;
    auto& consts = u().code->consts;
    consts.push_back(std::move(v));
    const int i = static_cast<int>(consts.size() - 1);
    cache[key] = i;
    return i;
  }
  int add_const(Value v) {
    auto& consts = u().code->consts;
    consts.push_back(std::move(v));
    return static_cast<int>(consts.size() - 1);
  }
  void load_const(Value v) {
    switch (v.kind()) {
      case Value::Kind::None: emit(Op::LOAD_CONST, add_const_key("N", v)); return;
      case Value::Kind::Bool: emit(Op::LOAD_CONST, add_const_key(v.as_bool() ? "T" : "F", v)); return;
      case Value::Kind::Int: emit(Op::LOAD_CONST, add_const_key("i" + std::to_string(v.as_int()), v)); return;
      default: emit(Op::LOAD_CONST, add_const(std::move(v))); return;
    }
  }
  void load_str(const std::string& s) { emit(Op::LOAD_CONST, add_const_key("s" + s, Value::str(s))); }

  int name_index(const std::string& name) {
    auto& names = u().names;
    auto it = names.find(name);
    if (it != names.end()) return it->second;
    u().code->names.push_back(name);
    const int i = static_cast<int>(u().code->names.size() - 1);
    names[name] = i;
    return i;
  }

  // compiler_addop_name: attribute and imported names mangle as variables do.
  int mangled_name_index(const std::string& name) { return name_index(mangle(u().private_name, name)); }

  // ----------------------------------------------------------------- names

  // compiler_nameop.
  void nameop(const std::string& plain, Ctx ctx) {
    Unit& unit = u();
    const std::string name = mangle(unit.private_name, plain);
    const SymtableEntry& ste = *unit.ste;
    const NameScope scope = ste.scope_of(name);
    enum { Fast, Deref, Global, Name } kind = Name;
    switch (scope) {
      case NameScope::Free:
      case NameScope::Cell: kind = Deref; break;
      case NameScope::Local: kind = ste.function_like() ? Fast : Name; break;
      case NameScope::GlobalImplicit: kind = ste.function_like() ? Global : Name; break;
      case NameScope::GlobalExplicit: kind = Global; break;
    }
    // Module-level names live in the globals.
    if (kind == Name && ste.kind == SymtableEntry::Kind::Module) kind = Global;
    if (kind == Fast && !unit.varnames.count(name)) kind = Name;  // defensive
    switch (kind) {
      case Fast: {
        const int i = unit.varnames.at(name);
        emit(ctx == Ctx::Load ? Op::LOAD_FAST : ctx == Ctx::Store ? Op::STORE_FAST : Op::DELETE_FAST, i);
        return;
      }
      case Deref: {
        const int i = unit.cells.at(name);
        if (ctx == Ctx::Load && ste.kind == SymtableEntry::Kind::Class) {
          emit(Op::LOAD_FROM_DICT_OR_DEREF, i);
          return;
        }
        emit(ctx == Ctx::Load ? Op::LOAD_DEREF : ctx == Ctx::Store ? Op::STORE_DEREF : Op::DELETE_DEREF, i);
        return;
      }
      case Global:
        emit(ctx == Ctx::Load ? Op::LOAD_GLOBAL : ctx == Ctx::Store ? Op::STORE_GLOBAL : Op::DELETE_GLOBAL,
             name_index(name));
        return;
      case Name:
        emit(ctx == Ctx::Load ? Op::LOAD_NAME : ctx == Ctx::Store ? Op::STORE_NAME : Op::DELETE_NAME, name_index(name));
        return;
    }
  }

  // ------------------------------------------------------------ statements

  static int last_line(const Body& b) {
    return b.empty() ? 1 : b.back()->loc.line;
  }

  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }

  // CodeObject::furthest_lines for the simple statement whose instructions
  // start at `begin`.
  static void note_furthest_lines(CodeObject& code, std::size_t begin, int line) {
    int furthest = line;
    for (std::size_t i = begin; i < code.positions.size(); ++i) {
      Position p = code.positions[i];
      if (p.line <= 0) continue;
      if (p.line > furthest) {
        furthest = p.line;
      } else if (p.line < furthest) {
        p.line = furthest;
        code.furthest_lines.emplace_back(static_cast<int>(i), p);
      }
    }
  }

  static bool simple_statement(StmtKind kind) {
    switch (kind) {
      case StmtKind::Return:
      case StmtKind::Delete:
      case StmtKind::Assign:
      case StmtKind::AugAssign:
      case StmtKind::AnnAssign:
      case StmtKind::Raise:
      case StmtKind::Assert:
      case StmtKind::Expr: return true;
      default: return false;
    }
  }

  // The comparison 3.11's compiler_jump_if compiles last for a test (through
  // `not`, `and`/`or` and conditional expressions), whose location its
  // jump leaves for the code after it; nullptr if there is none.
  static const Expr* last_jump_compare(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Compare: return &e;
      case ExprKind::UnaryOp: {
        const auto& u = static_cast<const UnaryOpExpr&>(e);
        return u.op == UnaryOp::Not ? last_jump_compare(*u.operand) : nullptr;
      }
      case ExprKind::BoolOp: {
        const Expr* last = nullptr;
        for (const auto& v : static_cast<const BoolOpExpr&>(e).values)
          if (const Expr* c = last_jump_compare(*v)) last = c;
        return last;
      }
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        const Expr* last = nullptr;
        for (const Expr* part : {i.test.get(), i.body.get(), i.orelse.get()})
          if (const Expr* c = last_jump_compare(*part)) last = c;
        return last;
      }
      default: return nullptr;
    }
  }

  void stmt(const Stmt& s) {
    if (simple_statement(s.kind)) {
      CodeObject& code = *u().code;
      const std::size_t begin = code.code.size();
      statement(s);
      note_furthest_lines(code, begin, s.loc.line);
    } else {
      statement(s);
    }
  }

  void statement(const Stmt& s) {
    set_pos(pos_of(s));
    statement_begun_ = {u().code.get(), u().code->code.size(), u().pos, {}};
    switch (s.kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: function_def(static_cast<const FunctionDef&>(s)); break;
      case StmtKind::ClassDef: class_def(static_cast<const ClassDef&>(s)); break;
      case StmtKind::Return: return_stmt(static_cast<const Return&>(s)); break;
      case StmtKind::Delete:
        for (const auto& t : static_cast<const Delete&>(s).targets) delete_target(*t);
        break;
      case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        expr(*a.value);
        for (std::size_t i = 0; i < a.targets.size(); ++i) {
          if (i + 1 < a.targets.size()) {
            set_pos(pos_of(s));
            emit(Op::COPY, 1);
          }
          store_target(*a.targets[i]);
        }
        break;
      }
      case StmtKind::AugAssign: aug_assign(static_cast<const AugAssign&>(s)); break;
      case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        if (a.value) {
          expr(*a.value);
          store_target(*a.target);
        }
        // compiler_annassign. Module and class bodies keep `name: annotation`
        // in __annotations__ (made at the body's start); functions never
        // evaluate an annotation.
        if (a.target->kind == ExprKind::Name) {
          if (!u().ste->function_like()) {
            annotation(*a.annotation);
            set_pos(pos_of(s));
            emit(Op::SETUP_ANNOTATIONS);
            nameop("__annotations__", Ctx::Load);
            load_const(Value::str(mangle(u().private_name, static_cast<const Name&>(*a.target).id)));
            emit(Op::STORE_SUBSCR);
          }
          break;
        }
        // `obj.attr: T` or `obj[key]: T` without a value still evaluates
        // obj (and key); T only outside functions, and not under PEP 563.
        if (!a.value) {
          if (a.target->kind == ExprKind::Attribute) {
            expr(*static_cast<const Attribute&>(*a.target).value);
            emit(Op::POP_TOP);
          } else {
            const auto& sub = static_cast<const Subscript&>(*a.target);
            expr(*sub.value);
            emit(Op::POP_TOP);
            expr(*sub.slice);
            emit(Op::POP_TOP);
          }
        }
        if (!u().ste->function_like()) {
          emit(Op::SETUP_ANNOTATIONS);
          if (!future_annotations_) {
            expr(*a.annotation);
            emit(Op::POP_TOP);
          }
        }
        break;
      }
      case StmtKind::For: for_stmt(static_cast<const For&>(s)); break;
      case StmtKind::AsyncFor: async_for_stmt(static_cast<const For&>(s)); break;
      case StmtKind::While: while_stmt(static_cast<const While&>(s)); break;
      case StmtKind::If: if_stmt(static_cast<const If&>(s)); break;
      case StmtKind::With: with_stmt(static_cast<const With&>(s), 0, false); break;
      case StmtKind::AsyncWith: {
        const auto& w = static_cast<const With&>(s);
        if (u().kind != UnitKind::AsyncFunction) syntax_error(s.loc, "'async with' outside async function", s.end);
        with_stmt(w, 0, true);
        break;
      }
      case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        int n = 0;
        if (r.exc) {
          expr(*r.exc);
          ++n;
          if (r.cause) {
            expr(*r.cause);
            ++n;
          }
        }
        set_pos(pos_of(s));
        emit(Op::RAISE_VARARGS, n);
        break;
      }
      case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        if (!t.finalbody.empty()) try_finally(t);
        else if (t.star) try_star_except(t);
        else try_except(t);
        break;
      }
      case StmtKind::Match: match_stmt(static_cast<const Match&>(s)); break;
      case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        check_assert(a);
        const int end = new_label();
        expr(*a.test);
        emit_jump(Op::POP_JUMP_IF_TRUE, end);
        set_pos(pos_of(s));
        emit(Op::LOAD_ASSERTION_ERROR);
        if (a.msg) {
          expr(*a.msg);
          set_pos(pos_of(s));
          emit(Op::CALL, 1);
        }
        const int raise_at = static_cast<int>(u().code->code.size());
        u().code->assert_tests.emplace_back(raise_at, pos_of(*a.test));
        if (const Expr* compare = last_jump_compare(*a.test))
          u().code->assert_compares.emplace_back(raise_at, pos_of(*compare));
        emit(Op::RAISE_VARARGS, 1);
        use_label(end);
        break;
      }
      case StmtKind::Import:
        for (const auto& alias : static_cast<const Import&>(s).names) {
          emit(Op::IMPORT_NAME, mangled_name_index(alias.name));
          const auto dot = alias.name.find('.');
          if (!alias.asname && dot != std::string::npos) {
            emit(Op::POP_TOP);
            emit(Op::IMPORT_NAME, mangled_name_index(alias.name.substr(0, dot)));
            nameop(alias.name.substr(0, dot), Ctx::Store);
          } else {
            nameop(alias.asname ? *alias.asname : alias.name, Ctx::Store);
          }
        }
        break;
      case StmtKind::ImportFrom: {
        const auto& i = static_cast<const ImportFrom&>(s);
        if (i.module == "__future__" && i.level == 0)
          for (const auto& alias : i.names)
            if (alias.name == "annotations") future_annotations_ = true;
        // A relative import's name keeps its leading dots (CPython passes the
        // level beside it): no absolute name starts with a dot.
        emit(Op::IMPORT_NAME, mangled_name_index(std::string(static_cast<std::size_t>(i.level), '.') + i.module));
        for (const auto& alias : i.names) {
          if (alias.name == "*") unsupported(s.loc, "'from ... import *'");
          emit(Op::IMPORT_FROM, mangled_name_index(alias.name));
          nameop(alias.asname ? *alias.asname : alias.name, Ctx::Store);
        }
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass: break;
      case StmtKind::Expr: {
        const auto& e = *static_cast<const ExprStmt&>(s).value;
        if (e.kind == ExprKind::Constant) break;  // docstrings and `...`
        expr(e);
        set_pos(pos_of(s));
        emit(Op::POP_TOP);
        break;
      }
      case StmtKind::Break: {
        const auto saved = save_state();
        const auto loop = unwind_fblock_stack(false, true, s.loc, s.end);
        if (!loop) syntax_error(s.loc, "'break' outside loop", s.end);
        unwind_fblock(*loop, false);
        emit_jump(Op::JUMP, loop->exit);
        restore_state(saved);
        break;
      }
      case StmtKind::Continue: {
        const auto saved = save_state();
        const auto loop = unwind_fblock_stack(false, true, s.loc, s.end);
        if (!loop) syntax_error(s.loc, "'continue' not properly in loop", s.end);
        set_pos(pos_of(s));
        emit_jump(Op::JUMP, loop->block);
        restore_state(saved);
        break;
      }
    }
  }

  // -------------------------------------------------- fblocks and unwinding

  struct SavedState {
    std::vector<std::uint16_t> handlers;
    int depth;
  };
  SavedState save_state() { return {u().handler_stack, u().depth}; }
  void restore_state(const SavedState& s) {
    u().handler_stack = s.handlers;
    u().depth = s.depth;
  }

  void push_fblock(FBlock b) { u().fblocks.push_back(b); }
  void pop_fblock() { u().fblocks.pop_back(); }

  // compiler_unwind_fblock: the code that leaves one block early.
  void unwind_fblock(const FBlock& b, bool preserve_tos) {
    Unit& unit = u();
    switch (b.type) {
      case FBlockType::WhileLoop:
      case FBlockType::ExceptionGroupHandler:  // unwind_fblock_stack refuses to leave one
      case FBlockType::ExceptionHandler: return;
      case FBlockType::ForLoop:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        --unit.depth;
        return;
      case FBlockType::TryExcept: unit.handler_stack.resize(b.handler_level); return;
      case FBlockType::FinallyTry: {
        unit.handler_stack.resize(b.handler_level);
        if (preserve_tos) push_fblock(FBlock{FBlockType::PopValue});
        const Position saved = unit.pos;
        body(*b.finalbody);
        set_pos(saved);
        if (preserve_tos) pop_fblock();
        return;
      }
      case FBlockType::FinallyEnd:
        // Stack: prev_exc, exc (the exception the finally block runs for).
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        if (preserve_tos) emit(Op::SWAP, 2);
        unit.handler_stack.resize(b.handler_level);
        emit(Op::POP_EXCEPT);
        unit.depth -= 2;
        return;
      case FBlockType::With:
      case FBlockType::AsyncWith:
        unit.handler_stack.resize(b.handler_level);
        {
          // 3.7 located these where the body ends, once that is known.
          const WithExitLines here = lines_so_far();
          const auto leave = [&](Op op) {
            with_unwinds_[b.with_id].push_back(static_cast<int>(u().code->code.size()));
            emit_with_call(op, b.context_pos, WithExitLines{here.code_before, {}});
          };
          set_pos(b.pos);
          if (preserve_tos) emit(Op::SWAP, 2);
          if (b.type == FBlockType::With) {
            leave(Op::WITH_EXIT);
          } else {
            leave(Op::ASYNC_WITH_EXIT);
            leave(Op::AWAIT);
          }
        }
        emit(Op::POP_TOP);  // __exit__'s result
        emit(Op::POP_TOP);  // the manager
        --unit.depth;
        return;
      case FBlockType::HandlerCleanup:
        if (preserve_tos) emit(Op::SWAP, 2);
        unit.handler_stack.resize(b.handler_level);
        emit(Op::POP_EXCEPT);
        --unit.depth;
        if (b.name) {
          load_const(Value());
          nameop(*b.name, Ctx::Store);
          nameop(*b.name, Ctx::Del);
        }
        return;
      case FBlockType::PopValue:
        if (preserve_tos) emit(Op::SWAP, 2);
        emit(Op::POP_TOP);
        --unit.depth;
        return;
    }
  }

  // compiler_unwind_fblock_stack: unwinds every block up to the innermost
  // loop (when `loop`), or all of them. Returns (a copy of) that loop.
  std::optional<FBlock> unwind_fblock_stack(bool preserve_tos, bool loop, Loc at, Loc end) {
    if (u().fblocks.empty()) return std::nullopt;
    const FBlock top = u().fblocks.back();
    if (top.type == FBlockType::ExceptionGroupHandler)
      syntax_error(at, "'break', 'continue' and 'return' cannot appear in an except* block", end);
    if (loop && (top.type == FBlockType::WhileLoop || top.type == FBlockType::ForLoop)) return top;
    u().fblocks.pop_back();
    unwind_fblock(top, preserve_tos);
    std::optional<FBlock> found = unwind_fblock_stack(preserve_tos, loop, at, end);
    u().fblocks.push_back(top);
    return found;
  }

  void return_stmt(const Return& r) {
    const auto kind = u().kind;
    if (kind == UnitKind::Module || kind == UnitKind::Class) syntax_error(r.loc, "'return' outside function", r.end);
    if (r.value && u().ste->is_generator && u().ste->is_coroutine)
      syntax_error(r.loc, "'return' with value in async generator", r.end);
    const bool preserve_tos = r.value && r.value->kind != ExprKind::Constant;
    const auto saved = save_state();
    if (preserve_tos) {
      expr(*r.value);
      ++u().depth;
    }
    set_pos(pos_of(r));
    unwind_fblock_stack(preserve_tos, false, r.loc, r.end);
    set_pos(pos_of(r));
    if (!r.value) load_const(Value());
    else if (!preserve_tos) expr(*r.value);
    emit(Op::RETURN_VALUE);
    restore_state(saved);
  }

  // -------------------------------------------------------- control flow

  void if_stmt(const If& s) {
    const int end = new_label();
    const int orelse = s.orelse.empty() ? end : new_label();
    expr(*s.test);
    set_pos(pos_of(*s.test));
    emit_jump(Op::POP_JUMP_IF_FALSE, orelse);
    const auto truth = constant_truth(*s.test);
    {
      UncheckedBranch unchecked(*this, truth, true);
      body(s.body);
    }
    if (!s.orelse.empty()) {
      set_pos(Position{});
      emit_jump(Op::JUMP, end);
      use_label(orelse);
      UncheckedBranch unchecked(*this, truth, false);
      body(s.orelse);
    }
    use_label(end);
  }

  void while_stmt(const While& s) {
    const int loop = new_label(), anchor = new_label(), end = new_label();
    use_label(loop);
    push_fblock(FBlock{FBlockType::WhileLoop, loop, end});
    expr(*s.test);
    set_pos(pos_of(*s.test));
    emit_jump(Op::POP_JUMP_IF_FALSE, anchor);
    const auto truth = constant_truth(*s.test);
    {
      UncheckedBranch unchecked(*this, truth, true);
      body(s.body);
    }
    set_pos(pos_of(*s.test));
    // 3.11 compares and jumps in one specialized instruction, at the test.
    if (!is_single_comparison(*s.test))
      u().code->while_statement_jumps.emplace_back(static_cast<int>(u().code->code.size()), pos_of(s));
    emit_jump(Op::JUMP, loop);
    pop_fblock();
    use_label(anchor);
    {
      UncheckedBranch unchecked(*this, truth, false);
      body(s.orelse);
    }
    use_label(end);
  }

  // GET_ITER or FOR_ITER, with where 3.13 locates it (iterable_sites).
  void emit_iteration(Op op, const Expr& iterable, int label = 0) {
    CodeObject& code = *u().code;
    code.iterable_sites.emplace_back(static_cast<int>(code.code.size()), pos_of(iterable));
    emit(op, label);
  }

  void for_stmt(const For& s) {
    const int start = new_label(), cleanup = new_label(), end = new_label();
    iterable(*s.iter);
    set_pos(pos_of(s));
    emit_iteration(Op::GET_ITER, *s.iter);
    use_label(start);
    push_fblock(FBlock{FBlockType::ForLoop, start, end});
    ++u().depth;
    set_pos(pos_of(s));
    emit_iteration(Op::FOR_ITER, *s.iter, cleanup);
    store_target(*s.target);
    body(s.body);
    set_pos(back_jump_position(s.body));
    emit_jump(Op::JUMP, start);
    use_label(cleanup);
    --u().depth;
    pop_fblock();
    body(s.orelse);
    use_label(end);
  }

  // The location CPython's flow graph gives a loop's closing jump: that of
  // the body's last instruction, or of a `pass` ending the body (its NOP)
  // when on a line of its own.
  Position back_jump_position(const std::vector<StmtPtr>& stmts) {
    CodeObject& co = *u().code;
    Position last = co.positions.back();
    if (stmts.empty() || stmts.back()->kind != StmtKind::Pass) return last;
    const Position pass = pos_of(*stmts.back());
    if (pass.line != last.line) return pass;
    co.same_line_pass_jumps.emplace_back(static_cast<int>(co.code.size()), pass);
    return last;
  }

  void async_for_stmt(const For& s) {
    if (u().kind != UnitKind::AsyncFunction) syntax_error(s.loc, "'async for' outside async function", s.end);
    const int start = new_label(), except = new_label(), end = new_label();
    expr(*s.iter);
    set_pos(pos_of(s));
    emit(Op::GET_AITER);
    use_label(start);
    push_fblock(FBlock{FBlockType::ForLoop, start, end});
    ++u().depth;
    push_handler(except, u().depth);
    emit(Op::GET_ANEXT);
    emit(Op::AWAIT);
    pop_handler();
    store_target(*s.target);
    body(s.body);
    set_pos(Position{});
    emit_jump(Op::JUMP, start);
    pop_fblock();
    use_label(except);
    set_pos(pos_of(*s.iter));
    emit(Op::END_ASYNC_FOR);
    --u().depth;
    body(s.orelse);
    use_label(end);
  }

  // compiler_try_except.
  void try_except(const Try& t) {
    Unit& unit = u();
    const int except = new_label(), end = new_label(), cleanup = new_label();
    const int d = unit.depth;
    const Position try_pos = pos_of(t);
    const std::size_t level = unit.handler_stack.size();
    push_handler(except, d);
    push_fblock(FBlock{FBlockType::TryExcept, -1, -1, level});
    body(t.body);
    pop_fblock();
    pop_handler();
    body(t.orelse);
    set_pos(Position{});
    emit_jump(Op::JUMP, end);

    use_label(except);
    const std::uint16_t cleanup_handler = push_handler(cleanup, d + 1);
    emit(Op::PUSH_EXC_INFO);
    u().depth = d + 1;  // prev_exc (the exception itself is popped by each handler)
    push_fblock(FBlock{FBlockType::ExceptionHandler});
    for (std::size_t i = 0; i < t.handlers.size(); ++i) {
      const ExceptHandler& h = t.handlers[i];
      set_pos(Position{h.loc.line, h.loc.col - 1, 0, 0});
      if (!h.type && i + 1 < t.handlers.size()) syntax_error(h.loc, "default 'except:' must be last", h.end);
      const int next_except = new_label();
      if (h.type) {
        expr(*h.type);
        set_pos(Position{h.loc.line, h.loc.col - 1, 0, 0});
        emit(Op::CHECK_EXC_MATCH);
        emit_jump(Op::POP_JUMP_IF_FALSE, next_except);
      }
      if (h.name) {
        const int cleanup_end = new_label();
        nameop(*h.name, Ctx::Store);
        push_handler(cleanup_end, d + 1);
        push_fblock(FBlock{FBlockType::HandlerCleanup, -1, -1, level, nullptr, &*h.name});
        body(h.body);
        pop_fblock();
        set_pos(Position{});
        pop_handler();
        pop_handler();
        emit(Op::POP_EXCEPT);
        load_const(Value());
        nameop(*h.name, Ctx::Store);
        nameop(*h.name, Ctx::Del);
        emit_jump(Op::JUMP, end);
        // An exception in the handler body: unbind the name, re-raise.
        use_label(cleanup_end);
        u().handler_stack.push_back(cleanup_handler);
        load_const(Value());
        nameop(*h.name, Ctx::Store);
        nameop(*h.name, Ctx::Del);
        emit(Op::RERAISE);
      } else {
        emit(Op::POP_TOP);
        push_fblock(FBlock{FBlockType::HandlerCleanup, -1, -1, level});
        body(h.body);
        pop_fblock();
        set_pos(Position{});
        pop_handler();
        emit(Op::POP_EXCEPT);
        emit_jump(Op::JUMP, end);
        u().handler_stack.push_back(cleanup_handler);
      }
      use_label(next_except);
    }
    pop_fblock();
    set_pos(Position{});
    emit(Op::RERAISE);  // no handler matched
    pop_handler();

    use_label(cleanup);  // POP_EXCEPT_AND_RERAISE
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    u().depth = d;
    (void)try_pos;
    use_label(end);
  }

  // compiler_match. Each case: the subject (a copy, but for the last case)
  // and the pattern's operands go to MATCH_PATTERN, which leaves the bound
  // values or None; then the captures are stored, the guard tested, the
  // body run.
  void match_stmt(const Match& m) {
    const int end = new_label();
    expr(*m.subject);
    for (std::size_t i = 0; i < m.cases.size(); ++i) {
      const MatchCase& c = m.cases[i];
      const bool last = i + 1 == m.cases.size();
      // Only the last case (or one with a guard) may be irrefutable.
      PatternBuilder builder(*this, c.guard != nullptr || last);
      Pattern pattern = builder.build(c.pattern);
      const int next = new_label(), failed = new_label();
      const Position pos{c.pattern.loc.line, c.pattern.loc.col - 1, 0, 0};
      set_pos(pos);
      if (!last) emit(Op::COPY, 1);
      for (const Expr* operand : builder.operands) expr(*operand);
      set_pos(pos);
      auto& patterns = u().code->patterns;
      patterns.push_back(std::move(pattern));
      emit(Op::MATCH_PATTERN, static_cast<int>(patterns.size() - 1) | static_cast<int>(builder.operands.size()) << 16);
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, failed);
      emit(Op::UNPACK_SEQUENCE, static_cast<int>(builder.names.size()));
      for (const auto& name : builder.names) nameop(name, Ctx::Store);
      if (c.guard) {
        expr(*c.guard);
        emit_jump(Op::POP_JUMP_IF_FALSE, last ? end : next);
      }
      if (!last) emit(Op::POP_TOP);  // the subject
      body(c.body);
      set_pos(Position{});
      emit_jump(Op::JUMP, end);
      use_label(failed);
      set_pos(pos);
      emit(Op::POP_TOP);  // None
      use_label(next);
    }
    use_label(end);
  }

  // A case's pattern for MATCH_PATTERN: slots for the names it binds, the
  // expressions to evaluate before (values, classes, keys, in pre-order),
  // and the compile-time errors of compiler_pattern.
  struct PatternBuilder {
    PatternBuilder(Compiler& c, bool irrefutable_ok) : compiler(c), allow_irrefutable(irrefutable_ok) {}
    Compiler& compiler;
    bool allow_irrefutable;
    std::vector<std::string> names;     // by slot
    std::vector<const Expr*> operands;  // in pre-order
    std::vector<std::string> bound;     // along the current alternative

    Pattern build(const PatternNode& node) {
      Pattern root = node_of(node);
      root.slots = static_cast<int>(names.size());
      return root;
    }

    int bind(const std::string& name, Loc loc) {
      if (std::find(bound.begin(), bound.end(), name) != bound.end())
        compiler.syntax_error(loc, fmt::format("multiple assignments to name '{}' in pattern", name));
      bound.push_back(name);
      const auto it = std::find(names.begin(), names.end(), name);
      if (it != names.end()) return static_cast<int>(it - names.begin());
      names.push_back(name);
      return static_cast<int>(names.size() - 1);
    }

    Pattern sub(const PatternNode& node) {
      const bool saved = std::exchange(allow_irrefutable, true);
      Pattern p = node_of(node);
      allow_irrefutable = saved;
      return p;
    }

    Pattern node_of(const PatternNode& node) {
      using K = PatternNode::Kind;
      Pattern p;
      switch (node.kind) {
        case K::Wildcard:
        case K::Capture:
          if (!allow_irrefutable)
            compiler.syntax_error(node.loc, node.name ? fmt::format("name capture '{}' makes remaining patterns unreachable", *node.name)
                                                      : std::string("wildcard makes remaining patterns unreachable"));
          p.kind = node.kind == K::Wildcard ? Pattern::Kind::Wildcard : Pattern::Kind::Capture;
          if (node.name) p.slot = bind(*node.name, node.loc);
          return p;
        case K::Star:
          p.kind = Pattern::Kind::Star;
          if (node.name) p.slot = bind(*node.name, node.loc);
          return p;
        case K::Singleton:
          p.kind = Pattern::Kind::Singleton;
          p.singleton = node.singleton == Constant::Type::None   ? Value()
                        : node.singleton == Constant::Type::True ? Value::boolean(true)
                                                                 : Value::boolean(false);
          return p;
        case K::Value:
          p.kind = Pattern::Kind::Value;
          p.operands = 1;
          operands.push_back(node.value.get());
          return p;
        case K::As:
          p.kind = Pattern::Kind::As;
          p.items.push_back(sub(node.items.front()));
          p.slot = bind(*node.name, node.loc);
          return p;
        case K::Sequence: {
          p.kind = Pattern::Kind::Sequence;
          bool star = false;
          for (const auto& item : node.items) {
            if (item.kind == K::Star) {
              if (star) compiler.syntax_error(node.loc, "multiple starred names in sequence pattern", node.end);
              star = true;
            }
            p.items.push_back(sub(item));
          }
          return p;
        }
        case K::Mapping: {
          p.kind = Pattern::Kind::Mapping;
          p.operands = static_cast<int>(node.keys.size());
          std::vector<std::string> literal_keys;
          for (const auto& key : node.keys) {
            if (key->kind == ExprKind::Constant) {
              const std::string r = constant_repr(static_cast<const Constant&>(*key));
              if (std::find(literal_keys.begin(), literal_keys.end(), r) != literal_keys.end())
                compiler.syntax_error(node.loc, fmt::format("mapping pattern checks duplicate key ({})", r), node.end);
              literal_keys.push_back(r);
            }
            operands.push_back(key.get());
          }
          for (const auto& item : node.items) p.items.push_back(sub(item));
          if (node.name) p.slot = bind(*node.name, node.loc);
          return p;
        }
        case K::Class:
          p.kind = Pattern::Kind::Class;
          p.operands = 1;
          operands.push_back(node.value.get());
          for (const auto& item : node.items) p.items.push_back(sub(item));
          p.keywords = node.keywords;
          return p;
        case K::Or: {
          p.kind = Pattern::Kind::Or;
          const std::vector<std::string> before = bound;
          const bool outer_allow = allow_irrefutable;
          std::vector<std::string> first_names;
          for (std::size_t i = 0; i < node.items.size(); ++i) {
            bound = before;
            allow_irrefutable = i + 1 == node.items.size() && outer_allow;
            p.items.push_back(node_of(node.items[i]));
            std::vector<std::string> mine(bound.begin() + static_cast<std::ptrdiff_t>(before.size()), bound.end());
            std::sort(mine.begin(), mine.end());
            if (i == 0) first_names = mine;
            else if (mine != first_names)
              compiler.syntax_error(node.loc, "alternative patterns bind different names", node.end);
          }
          allow_irrefutable = outer_allow;
          return p;
        }
      }
      return p;
    }

    // How CPython's error shows a literal key: its repr.
    static std::string constant_repr(const Constant& c) {
      switch (c.type) {
        case Constant::Type::Int: return c.big_int.empty() ? std::to_string(c.int_value) : c.big_int;
        case Constant::Type::Float: return runtime::repr(Value::floating(c.float_value));
        case Constant::Type::Str: return runtime::repr(Value::str(c.str_value));
        case Constant::Type::Bytes: return runtime::bytes_literal(c.str_value);
        case Constant::Type::True: return "True";
        case Constant::Type::False: return "False";
        case Constant::Type::None: return "None";
        case Constant::Type::Ellipsis: return "Ellipsis";
      }
      return "";
    }
  };

  // compiler_try_star_except. The stack in the handlers: prev_exc, the
  // exception caught (orig), the list of what the clauses raised, and what
  // is left unmatched (a group, or None).
  void try_star_except(const Try& t) {
    Unit& unit = u();
    const int except = new_label(), orelse = new_label(), end = new_label(), cleanup = new_label();
    const int reraise_star = new_label(), reraise = new_label();
    const int d = unit.depth;
    const std::size_t level = unit.handler_stack.size();
    push_handler(except, d);
    push_fblock(FBlock{FBlockType::TryExcept, -1, -1, level});
    body(t.body);
    pop_fblock();
    pop_handler();
    set_pos(Position{});
    emit_jump(Op::JUMP, orelse);

    use_label(except);
    push_handler(cleanup, d + 1);
    emit(Op::PUSH_EXC_INFO);
    u().depth = d + 2;  // prev_exc, exc
    push_fblock(FBlock{FBlockType::ExceptionGroupHandler});
    for (std::size_t i = 0; i < t.handlers.size(); ++i) {
      const ExceptHandler& h = t.handlers[i];
      const Position hpos{h.loc.line, h.loc.col - 1, 0, 0};
      set_pos(hpos);
      const int no_match = new_label(), next = new_label(), cleanup_end = new_label();
      if (i == 0) {
        emit(Op::BUILD_LIST, 0);  // what the clauses raise
        emit(Op::COPY, 2);        // the exception still to match
        u().depth = d + 4;
      }
      expr(*h.type);
      set_pos(hpos);
      emit(Op::CHECK_EG_MATCH);
      emit(Op::COPY, 1);
      emit_jump(Op::POP_JUMP_IF_NONE, no_match);
      if (h.name) nameop(*h.name, Ctx::Store);
      else emit(Op::POP_TOP);
      push_handler(cleanup_end, d + 4);
      push_fblock(FBlock{FBlockType::HandlerCleanup, -1, -1, level, nullptr, h.name ? &*h.name : nullptr});
      body(h.body);
      pop_fblock();
      pop_handler();
      set_pos(Position{});
      if (h.name) {
        load_const(Value());
        nameop(*h.name, Ctx::Store);
        nameop(*h.name, Ctx::Del);
      }
      emit_jump(Op::JUMP, next);

      // An exception in the clause's body joins the list.
      use_label(cleanup_end);
      if (h.name) {
        load_const(Value());
        nameop(*h.name, Ctx::Store);
        nameop(*h.name, Ctx::Del);
      }
      emit(Op::LIST_APPEND, 2);
      emit_jump(Op::JUMP, next);

      use_label(no_match);
      set_pos(hpos);
      emit(Op::POP_TOP);  // None
      use_label(next);
      if (i + 1 == t.handlers.size()) {
        set_pos(Position{});
        emit(Op::LIST_APPEND, 1);  // the unmatched rest (or None)
        emit_jump(Op::JUMP, reraise_star);
      }
    }
    pop_fblock();

    use_label(reraise_star);
    u().depth = d + 3;  // prev_exc, orig, list
    emit(Op::PREP_RERAISE_STAR);
    emit(Op::COPY, 1);
    emit_jump(Op::POP_JUMP_IF_NOT_NONE, reraise);
    emit(Op::POP_TOP);
    pop_handler();
    emit(Op::POP_EXCEPT);
    emit_jump(Op::JUMP, end);

    use_label(reraise);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);

    use_label(cleanup);  // POP_EXCEPT_AND_RERAISE
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    u().depth = d;

    use_label(orelse);
    body(t.orelse);
    use_label(end);
  }

  // compiler_try_finally.
  void try_finally(const Try& t) {
    Unit& unit = u();
    const int end = new_label(), exit = new_label(), cleanup = new_label();
    const int d = unit.depth;
    const std::size_t level = unit.handler_stack.size();
    push_handler(end, d);
    push_fblock(FBlock{FBlockType::FinallyTry, -1, -1, level, &t.finalbody});
    if (t.star) try_star_except(t);
    else if (!t.handlers.empty()) try_except(t);
    else body(t.body);
    pop_handler();
    pop_fblock();
    body(t.finalbody);
    set_pos(Position{});
    emit_jump(Op::JUMP, exit);

    // The finally block, run for an exception.
    use_label(end);
    push_handler(cleanup, d + 1);
    emit(Op::PUSH_EXC_INFO);
    u().depth = d + 2;
    push_fblock(FBlock{FBlockType::FinallyEnd, -1, -1, level});
    body(t.finalbody);
    pop_fblock();
    set_pos(Position{});
    emit(Op::RERAISE);
    pop_handler();

    use_label(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    u().depth = d;
    use_label(exit);
  }

  // compiler_async_with, one item at a time.
  // `with` / `async with`, one item at a time; __exit__ (awaited __aexit__)
  // runs on the way out, given the exception if one left the body.
  void with_stmt(const With& s, std::size_t pos, bool is_async) {
    Unit& unit = u();
    const WithItem& item = s.items[pos];
    const Position with_pos = pos_of(s);
    // The instructions that call __enter__/__exit__ (or await them), which
    // 3.13 locates at the context expression.
    const Position context_pos = pos_of(*item.context_expr);
    const auto enter = [&](Op op) { emit_with_call(op, context_pos); };
    const int final = new_label(), exit = new_label(), cleanup = new_label(), suppress = new_label();
    const int d = unit.depth;
    expr(*item.context_expr);
    set_pos(with_pos);
    if (is_async) {
      enter(Op::BEFORE_ASYNC_WITH);
      enter(Op::AWAIT);
    } else {
      enter(Op::BEFORE_WITH);
    }
    const std::size_t level = unit.handler_stack.size();
    push_handler(final, d + 1);
    FBlock block{is_async ? FBlockType::AsyncWith : FBlockType::With, -1, -1, level, nullptr, nullptr, with_pos,
                 context_pos};
    block.with_id = with_unwinds_.size();
    with_unwinds_.emplace_back();
    push_fblock(block);
    u().depth = d + 1;
    if (item.optional_vars) store_target(*item.optional_vars);
    else emit(Op::POP_TOP);
    if (pos + 1 == s.items.size()) body(s.body);
    else with_stmt(s, pos + 1, is_async);
    pop_fblock();
    pop_handler();
    // Both ways out call __exit__ where the body's code ended, for 3.7-3.9;
    // for 3.7, so do a `return`, `break` or `continue` inside it.
    const WithExitLines body_end = lines_so_far();
    for (const int at : with_unwinds_[block.with_id])
      alternative(u().code->with_exit_after_body, at) = body_end.body_end;
    const auto leave = [&](Op op) { emit_with_call(op, context_pos, body_end); };
    set_pos(with_pos);
    if (is_async) {
      leave(Op::ASYNC_WITH_EXIT);
      leave(Op::AWAIT);
    } else {
      leave(Op::WITH_EXIT);
    }
    emit(Op::POP_TOP);  // __exit__'s result
    emit(Op::POP_TOP);  // the manager
    emit_jump(Op::JUMP, exit);

    // An exception left the body: __exit__(exc), suppress if true.
    use_label(final);
    push_handler(cleanup, d + 2);
    emit(Op::PUSH_EXC_INFO);
    if (is_async) {
      leave(Op::WITH_EXCEPT_START);
      leave(Op::AWAIT);
    } else {
      leave(Op::WITH_EXCEPT_EXIT);
    }
    emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
    emit(Op::RERAISE);
    use_label(suppress);
    emit(Op::POP_TOP);  // exc
    pop_handler();
    emit(Op::POP_EXCEPT);
    emit(Op::POP_TOP);  // the manager
    emit_jump(Op::JUMP, exit);
    use_label(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_EXCEPT);
    emit(Op::RERAISE);
    u().depth = d;
    use_label(exit);
    with_tail_ = {u().code.get(), u().code->code.size(), {}, body_end};
  }

  // --------------------------------------------------------- assignments

  void store_target(const Expr& t) {
    set_pos(pos_of(t));
    switch (t.kind) {
      case ExprKind::Name: nameop(static_cast<const Name&>(t).id, Ctx::Store); return;
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(t);
        expr(*a.value);
        set_pos(pos_of(t));
        emit(Op::STORE_ATTR, mangled_name_index(a.attr));
        return;
      }
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(t);
        expr(*s.value);
        expr(*s.slice);
        set_pos(pos_of(t));
        emit(Op::STORE_SUBSCR);
        return;
      }
      case ExprKind::List:
      case ExprKind::Tuple: {
        const auto& elts = t.kind == ExprKind::List ? static_cast<const ListExpr&>(t).elts
                                                    : static_cast<const TupleExpr&>(t).elts;
        std::optional<std::size_t> star;
        for (std::size_t i = 0; i < elts.size(); ++i)
          if (elts[i]->kind == ExprKind::Starred) {
            if (star) syntax_error(elts[i]->loc, "multiple starred expressions in assignment");
            star = i;
          }
        if (star) {
          const std::size_t before = *star, after = elts.size() - *star - 1;
          if (before >= 256 || after >= (1 << 23)) syntax_error(t.loc, "too many expressions in star-unpacking assignment");
          emit(Op::UNPACK_EX, static_cast<int>(before | (after << 8)));
        } else {
          emit(Op::UNPACK_SEQUENCE, static_cast<int>(elts.size()));
        }
        for (const auto& e : elts) {
          if (e->kind == ExprKind::Starred) store_target(*static_cast<const Starred&>(*e).value);
          else store_target(*e);
        }
        return;
      }
      case ExprKind::Starred: syntax_error(t.loc, "starred assignment target must be in a list or tuple", t.end);
      default: syntax_error(t.loc, "cannot assign to expression");
    }
  }

  void delete_target(const Expr& t) {
    set_pos(pos_of(t));
    switch (t.kind) {
      case ExprKind::Name: nameop(static_cast<const Name&>(t).id, Ctx::Del); return;
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(t);
        expr(*a.value);
        set_pos(pos_of(t));
        emit(Op::DELETE_ATTR, mangled_name_index(a.attr));
        return;
      }
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(t);
        expr(*s.value);
        expr(*s.slice);
        set_pos(pos_of(t));
        emit(Op::DELETE_SUBSCR);
        return;
      }
      case ExprKind::List:
      case ExprKind::Tuple: {
        const auto& elts = t.kind == ExprKind::List ? static_cast<const ListExpr&>(t).elts
                                                    : static_cast<const TupleExpr&>(t).elts;
        for (const auto& e : elts) delete_target(*e);
        return;
      }
      default: syntax_error(t.loc, "cannot delete expression");
    }
  }

  void aug_assign(const AugAssign& s) {
    const Expr& t = *s.target;
    const Position p = pos_of(s);
    const int op = static_cast<int>(s.op) | kInplace;
    switch (t.kind) {
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(t);
        set_pos(pos_of(t));
        nameop(n.id, Ctx::Load);
        expr(*s.value);
        set_pos(p);
        emit(Op::BINARY_OP, op);
        set_pos(pos_of(t));
        nameop(n.id, Ctx::Store);
        return;
      }
      case ExprKind::Attribute: {
        const auto& a = static_cast<const Attribute&>(t);
        expr(*a.value);
        set_pos(pos_of(t));
        emit(Op::COPY, 1);
        emit(Op::LOAD_ATTR, mangled_name_index(a.attr));
        expr(*s.value);
        set_pos(p);
        emit(Op::BINARY_OP, op);
        set_pos(pos_of(t));
        emit(Op::SWAP, 2);
        emit(Op::STORE_ATTR, mangled_name_index(a.attr));
        return;
      }
      case ExprKind::Subscript: {
        const auto& sub = static_cast<const Subscript&>(t);
        expr(*sub.value);
        expr(*sub.slice);
        set_pos(pos_of(t));
        emit(Op::COPY, 2);
        emit(Op::COPY, 2);
        emit(Op::BINARY_SUBSCR);
        expr(*s.value);
        set_pos(p);
        emit(Op::BINARY_OP, op);
        set_pos(pos_of(t));
        emit(Op::SWAP, 3);
        emit(Op::SWAP, 2);
        emit(Op::STORE_SUBSCR);
        return;
      }
      default: syntax_error(t.loc, "'expression' is an illegal expression for augmented assignment");
    }
  }

  // ---------------------------------------------------- functions, classes

  // An annotation's value: evaluated, or under PEP 563 (`from __future__
  // import annotations`) its source text, unevaluated.
  void annotation(const Expr& e) {
    if (future_annotations_) {
      auto text = unparse(e);
      if (!text) unsupported(e.loc, "this annotation under 'from __future__ import annotations'");
      load_const(Value::str(*text));
    } else {
      expr(e);
    }
  }

  // compiler_visit_annotations: pushes a def's __annotations__ dict when it
  // has any, in CPython's order (the plain parameters before the
  // positional-only ones, as every version does); returns MAKE_FUNCTION flags.
  int function_annotations(const Arguments& a, const ExprPtr& returns) {
    int n = 0;
    auto add = [&](const std::string& name, const ExprPtr& e) {
      if (!e) return;
      load_const(Value::str(mangle(u().private_name, name)));
      annotation(*e);
      ++n;
    };
    for (std::size_t i = 0; i < a.args.size(); ++i) add(a.args[i], a.arg_annotations[i]);
    for (std::size_t i = 0; i < a.posonly.size(); ++i) add(a.posonly[i], a.posonly_annotations[i]);
    if (a.vararg) add(*a.vararg, a.vararg_annotation);
    for (std::size_t i = 0; i < a.kwonly.size(); ++i) add(a.kwonly[i], a.kwonly_annotations[i]);
    if (a.kwarg) add(*a.kwarg, a.kwarg_annotation);
    add("return", returns);
    if (n == 0) return 0;
    emit(Op::BUILD_MAP, n);
    return kFnAnnotations;
  }

  // Pushes the defaults and kw-defaults tuples; returns MAKE_FUNCTION flags.
  int function_defaults(const Arguments& a) {
    int flags = 0;
    if (!a.defaults.empty()) {
      for (const auto& d : a.defaults) expr(*d);
      emit(Op::BUILD_TUPLE, static_cast<int>(a.defaults.size()));
      flags |= kFnDefaults;
    }
    bool any_kw = false;
    for (const auto& d : a.kw_defaults) any_kw |= d != nullptr;
    if (any_kw) {
      for (const auto& d : a.kw_defaults) {
        if (d) expr(*d);
        else emit(Op::LOAD_CONST, add_const(options_.unbound));
      }
      emit(Op::BUILD_TUPLE, static_cast<int>(a.kw_defaults.size()));
      flags |= kFnKwDefaults;
    }
    return flags;
  }

  void set_arg_counts(CodeObject& co, const Arguments& a) {
    co.posonlyargcount = static_cast<int>(a.posonly.size());
    co.argcount = static_cast<int>(a.posonly.size() + a.args.size());
    co.kwonlyargcount = static_cast<int>(a.kwonly.size());
    if (a.vararg) co.flags |= kVarargs;
    if (a.kwarg) co.flags |= kVarkeywords;
  }

  // Loads the closure cells `code` needs and the code itself, then
  // MAKE_FUNCTION with `flags`.
  void make_closure(const Ref<CodeObject>& code, int flags) {
    if (!code->freevars.empty()) {
      for (const auto& name : code->freevars) {
        auto it = u().cells.find(name);
        if (it == u().cells.end())
          throw std::logic_error("asim compiler: no cell for free variable '" + name + "' in " + u().code->qualname);
        emit(Op::LOAD_CLOSURE, it->second);
      }
      emit(Op::BUILD_TUPLE, static_cast<int>(code->freevars.size()));
      flags |= kFnClosure;
    }
    emit(Op::LOAD_CONST, add_const(Value(code)));
    emit(Op::MAKE_FUNCTION, flags);
  }

  // A body's docstring: its first statement, when a string literal.
  static const std::string* docstring(const Body& b) {
    if (b.empty() || b.front()->kind != StmtKind::Expr) return nullptr;
    const auto& e = *static_cast<const ExprStmt&>(*b.front()).value;
    if (e.kind != ExprKind::Constant) return nullptr;
    const auto& c = static_cast<const Constant&>(e);
    return c.type == Constant::Type::Str ? &c.str_value : nullptr;
  }

  // Innermost first, each located at its decorator, with the places other
  // versions locate it: the statement `p` (3.8-3.10), and 3.7's furthest line.
  void call_decorators(const Stmt& definition, const std::vector<ExprPtr>& decorators, const Position& p) {
    if (decorators.empty()) return;
    CodeObject& code = *u().code;
    Position line_37 = p;
    line_37.line = decorator_calls_line_37(definition);
    for (std::size_t i = decorators.size(); i-- > 0;) {
      set_pos(pos_of(*decorators[i]));
      code.decorator_statement_calls.emplace_back(static_cast<int>(code.code.size()), p);
      code.furthest_lines.emplace_back(static_cast<int>(code.code.size()), line_37);
      emit(Op::CALL, 1);
    }
    set_pos(p);
  }

  void function_def(const FunctionDef& f) {
    const Position p = pos_of(f);
    for (const auto& d : f.decorator_list) expr(*d);
    set_pos(p);
    int flags = function_defaults(f.args);
    flags |= function_annotations(f.args, f.returns);
    SymtableEntry* ste = symtable_->lookup(&f);
    // co_firstlineno: the first decorator's line, else the def's.
    enter(ste, f.is_async() ? UnitKind::AsyncFunction : UnitKind::Function, f.name,
          f.decorator_list.empty() ? f.loc.line : f.decorator_list.front()->loc.line);
    set_arg_counts(*u().code, f.args);
    if (const std::string* doc = docstring(f.body)) u().code->doc = Value::str(*doc);
    body(f.body);
    set_pos(Position{last_line(f.body), 0, 0, 0});
    load_const(Value());
    emit(Op::RETURN_VALUE);
    Ref<CodeObject> code = leave();
    set_pos(p);
    make_closure(code, flags);
    call_decorators(f, f.decorator_list, p);
    nameop(f.name, Ctx::Store);
  }

  void lambda(const Lambda& l) {
    const Position p = pos_of(l);
    const int flags = function_defaults(l.args);
    enter(symtable_->lookup(&l), UnitKind::Lambda, "<lambda>", l.loc.line);
    set_arg_counts(*u().code, l.args);
    expr(*l.body);
    set_pos(pos_of(*l.body));
    emit(Op::RETURN_VALUE);
    Ref<CodeObject> code = leave();
    set_pos(p);
    make_closure(code, flags);
  }

  void class_def(const ClassDef& c) {
    const Position p = pos_of(c);
    for (const auto& d : c.decorator_list) expr(*d);
    // co_firstlineno: the first decorator's line, else the class's.
    enter(symtable_->lookup(&c), UnitKind::Class, c.name,
          c.decorator_list.empty() ? c.loc.line : c.decorator_list.front()->loc.line);
    u().code->flags |= kClassBody;
    if (const std::string* doc = docstring(c.body)) {
      set_pos(pos_of(*c.body.front()));
      load_const(Value::str(*doc));
      emit(Op::STORE_NAME, name_index("__doc__"));
    }
    body(c.body);
    set_pos(Position{last_line(c.body), 0, 0, 0});
    if (u().ste->needs_class_closure) {
      // The class cell goes back to BUILD_CLASS, which fills it.
      emit(Op::LOAD_CLOSURE, u().cells.at("__class__"));
      emit(Op::STORE_NAME, name_index("__classcell__"));
    }
    load_const(Value());
    emit(Op::RETURN_VALUE);
    Ref<CodeObject> code = leave();
    set_pos(p);
    make_closure(code, 0);
    for (const auto& b : c.bases) {
      if (b->kind == ExprKind::Starred) unsupported(b->loc, "*bases in a class statement");
      expr(*b);
    }
    set_pos(p);
    emit(Op::BUILD_TUPLE, static_cast<int>(c.bases.size()));
    if (c.metaclass) expr(*c.metaclass);
    else load_const(Value());
    // The other keywords as a dict (None without any), as __build_class__
    // takes them.
    if (c.keywords.empty()) {
      load_const(Value());
    } else {
      for (const auto& k : c.keywords) {
        load_str(*k.arg);
        expr(*k.value);
      }
      set_pos(p);
      emit(Op::BUILD_MAP, static_cast<int>(c.keywords.size()));
    }
    set_pos(p);
    emit(Op::BUILD_CLASS, name_index(c.name));
    call_decorators(c, c.decorator_list, p);
    nameop(c.name, Ctx::Store);
  }

  // ---------------------------------------------------------- expressions

  void expr(const Expr& e) {
    const Position p = pos_of(e);
    set_pos(p);
    switch (e.kind) {
      case ExprKind::BoolOp: {
        const auto& b = static_cast<const BoolOpExpr&>(e);
        const int end = new_label();
        for (std::size_t i = 0; i < b.values.size(); ++i) {
          expr(*b.values[i]);
          if (i + 1 < b.values.size()) {
            set_pos(p);
            emit_jump(b.op == BoolOp::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP, end);
          }
        }
        use_label(end);
        return;
      }
      case ExprKind::NamedExpr: {
        const auto& n = static_cast<const NamedExpr&>(e);
        expr(*n.value);
        set_pos(p);
        emit(Op::COPY, 1);
        store_target(*n.target);
        return;
      }
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOpExpr&>(e);
        expr(*b.left);
        expr(*b.right);
        set_pos(p);
        emit(Op::BINARY_OP, static_cast<int>(b.op));
        return;
      }
      case ExprKind::UnaryOp: {
        const auto& un = static_cast<const UnaryOpExpr&>(e);
        expr(*un.operand);
        set_pos(p);
        emit(Op::UNARY_OP, static_cast<int>(un.op));
        return;
      }
      case ExprKind::Lambda: lambda(static_cast<const Lambda&>(e)); return;
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        const int orelse = new_label(), end = new_label();
        expr(*i.test);
        set_pos(p);
        emit_jump(Op::POP_JUMP_IF_FALSE, orelse);
        expr(*i.body);
        set_pos(p);
        emit_jump(Op::JUMP, end);
        use_label(orelse);
        expr(*i.orelse);
        use_label(end);
        return;
      }
      case ExprKind::Dict: {
        const auto& d = static_cast<const DictExpr&>(e);
        bool unpack = false;
        for (const auto& k : d.keys) unpack |= k == nullptr;
        if (!unpack) {
          for (std::size_t i = 0; i < d.keys.size(); ++i) {
            expr(*d.keys[i]);
            expr(*d.values[i]);
          }
          set_pos(p);
          emit(Op::BUILD_MAP, static_cast<int>(d.keys.size()));
          return;
        }
        emit(Op::BUILD_MAP, 0);
        for (std::size_t i = 0; i < d.keys.size(); ++i) {
          if (d.keys[i]) {
            expr(*d.keys[i]);
            expr(*d.values[i]);
            set_pos(p);
            emit(Op::MAP_ADD, 1);
          } else {
            expr(*d.values[i]);
            set_pos(p);
            emit(Op::DICT_UPDATE, 1);
          }
        }
        return;
      }
      case ExprKind::Set: sequence(static_cast<const SetExpr&>(e).elts, Op::BUILD_SET, p); return;
      case ExprKind::List: {
        const auto& l = static_cast<const ListExpr&>(e);
        if (l.ctx != Ctx::Load) syntax_error(e.loc, "cannot use a list target here");
        sequence(l.elts, Op::BUILD_LIST, p);
        return;
      }
      case ExprKind::Tuple: {
        const auto& t = static_cast<const TupleExpr&>(e);
        sequence(t.elts, Op::BUILD_TUPLE, p);
        return;
      }
      case ExprKind::ListComp: {
        const auto& c = static_cast<const ListComp&>(e);
        comprehension(e, "<listcomp>", c.generators, c.elt.get(), nullptr, Op::BUILD_LIST);
        return;
      }
      case ExprKind::SetComp: {
        const auto& c = static_cast<const SetComp&>(e);
        comprehension(e, "<setcomp>", c.generators, c.elt.get(), nullptr, Op::BUILD_SET);
        return;
      }
      case ExprKind::DictComp: {
        const auto& c = static_cast<const DictComp&>(e);
        comprehension(e, "<dictcomp>", c.generators, c.key.get(), c.value.get(), Op::BUILD_MAP);
        return;
      }
      case ExprKind::GeneratorExp: {
        const auto& g = static_cast<const GeneratorExp&>(e);
        comprehension(e, "<genexpr>", g.generators, g.elt.get(), nullptr, Op::YIELD_VALUE);
        return;
      }
      case ExprKind::Await: {
        const auto& a = static_cast<const Await&>(e);
        const Unit& unit = u();
        if (!unit.ste->function_like()) syntax_error(e.loc, "'await' outside function", e.end);
        if (unit.kind != UnitKind::AsyncFunction && unit.kind != UnitKind::Comprehension)
          syntax_error(e.loc, "'await' outside async function", e.end);
        expr(*a.value);
        set_pos(p);
        emit(Op::AWAIT);
        return;
      }
      case ExprKind::Yield: {
        const auto& y = static_cast<const Yield&>(e);
        if (y.value) expr(*y.value);
        else load_const(Value());
        set_pos(p);
        if (y.from) {
          emit(Op::GET_YIELD_FROM_ITER);
          emit(Op::YIELD_FROM);
        } else {
          emit(Op::YIELD_VALUE);
        }
        return;
      }
      case ExprKind::Compare: compare(static_cast<const Compare&>(e), p); return;
      case ExprKind::Call: call(static_cast<const Call&>(e), p); return;
      case ExprKind::FormattedValue: {
        const auto& f = static_cast<const FormattedValue&>(e);
        expr(*f.value);
        int arg = static_cast<unsigned char>(f.conversion);
        if (f.format_spec) {
          expr(*f.format_spec);
          arg |= kHasSpec;
        }
        set_pos(p);
        emit(Op::FORMAT_VALUE, arg);
        return;
      }
      case ExprKind::JoinedStr: {
        const auto& j = static_cast<const JoinedStr&>(e);
        if (j.values.size() == 1 && j.values[0]->kind == ExprKind::Constant) {
          expr(*j.values[0]);
          return;
        }
        if (j.values.empty()) {
          load_str("");
          return;
        }
        for (const auto& v : j.values) expr(*v);
        set_pos(p);
        emit(Op::BUILD_STRING, static_cast<int>(j.values.size()));
        return;
      }
      case ExprKind::Constant: constant(static_cast<const Constant&>(e)); return;
      case ExprKind::Attribute: attribute(static_cast<const Attribute&>(e), p, Op::LOAD_ATTR); return;
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        check_subscript(s);
        expr(*s.value);
        expr(*s.slice);
        set_pos(p);
        emit(Op::BINARY_SUBSCR);
        return;
      }
      case ExprKind::Starred: syntax_error(e.loc, "can't use starred expression here", e.end);
      case ExprKind::Name:
        // The AST optimizer makes `__debug__` a constant (no -O: True).
        if (static_cast<const Name&>(e).id == "__debug__") return load_const(Value::boolean(true));
        nameop(static_cast<const Name&>(e).id, Ctx::Load);
        return;
      case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(e);
        if (s.lower) expr(*s.lower);
        else load_const(Value());
        if (s.upper) expr(*s.upper);
        else load_const(Value());
        if (s.step) expr(*s.step);
        set_pos(p);
        emit(Op::BUILD_SLICE, s.step ? 3 : 2);
        return;
      }
    }
  }

  void constant(const Constant& c) {
    switch (c.type) {
      case Constant::Type::None: load_const(Value()); return;
      case Constant::Type::True: load_const(Value::boolean(true)); return;
      case Constant::Type::False: load_const(Value::boolean(false)); return;
      case Constant::Type::Int:
        if (!c.big_int.empty()) emit(Op::LOAD_CONST, add_const(*runtime::num::parse_int(c.big_int, 0)));
        else load_const(Value::integer(c.int_value));
        return;
      case Constant::Type::Float: emit(Op::LOAD_CONST, add_const(Value::floating(c.float_value))); return;
      case Constant::Type::Str: load_str(c.str_value); return;
      case Constant::Type::Bytes:
        emit(Op::LOAD_CONST, add_const_key("b" + c.str_value, runtime::make_bytes(c.str_value)));
        return;
      case Constant::Type::Ellipsis:
        if (options_.ellipsis.is_none()) unsupported(c.loc, "the Ellipsis literal '...' as a value");
        emit(Op::LOAD_CONST, add_const(options_.ellipsis));
        return;
    }
  }

  // A list/tuple/set display, with *starred items collected through a list.
  void sequence(const std::vector<ExprPtr>& elts, Op build, Position p) {
    bool starred = false;
    for (const auto& e : elts) starred |= e->kind == ExprKind::Starred;
    if (!starred) {
      for (const auto& e : elts) expr(*e);
      set_pos(p);
      // starunpack_helper: CPython folds a set display of three or more
      // constants into a frozenset constant, which can change the order.
      const bool folded = build == Op::BUILD_SET && elts.size() > 2 &&
                          std::all_of(elts.begin(), elts.end(), [](const ExprPtr& e) { return is_folded_constant(*e); });
      emit(folded ? Op::BUILD_CONST_SET : build, static_cast<int>(elts.size()));
      return;
    }
    set_pos(p);
    emit(Op::BUILD_LIST, 0);
    for (const auto& e : elts) {
      if (e->kind == ExprKind::Starred) {
        expr(*static_cast<const Starred&>(*e).value);
        set_pos(p);
        emit(Op::LIST_EXTEND, build == Op::BUILD_SET ? 1 : 1 | kDisplayUnpack);
      } else {
        expr(*e);
        set_pos(p);
        emit(Op::LIST_APPEND, 1);
      }
    }
    if (build == Op::BUILD_TUPLE) emit(Op::LIST_TO_TUPLE);
    else if (build == Op::BUILD_SET) emit(Op::LIST_TO_SET);
  }


  // What CPython's AST optimizer turns into a constant: a literal, a sign
  // or ~ on a number literal, a tuple of such.
  static bool is_folded_constant(const Expr& e) {
    if (e.kind == ExprKind::Constant) return true;
    if (e.kind == ExprKind::UnaryOp) {
      const auto& u = static_cast<const UnaryOpExpr&>(e);
      if (u.op == runtime::UnaryOp::Not || u.operand->kind != ExprKind::Constant) return false;
      const auto t = static_cast<const Constant&>(*u.operand).type;
      return t == Constant::Type::Int || t == Constant::Type::Float;
    }
    if (e.kind == ExprKind::Tuple) {
      const auto& elts = static_cast<const TupleExpr&>(e).elts;
      return std::all_of(elts.begin(), elts.end(), [](const ExprPtr& x) { return is_folded_constant(*x); });
    }
    return false;
  }

  // What a for loop or comprehension iterates. fold_iter: CPython's AST
  // optimizer makes a set display of constants there a frozenset constant,
  // iterated in that frozenset's order.
  void iterable(const Expr& e) {
    if (e.kind != ExprKind::Set) return expr(e);
    const auto& elts = static_cast<const SetExpr&>(e).elts;
    if (!std::all_of(elts.begin(), elts.end(), [](const ExprPtr& x) { return is_folded_constant(*x); })) return expr(e);
    for (const auto& x : elts) expr(*x);
    set_pos(pos_of(e));
    emit(Op::BUILD_CONST_FROZENSET, static_cast<int>(elts.size()));
  }

  void compare(const Compare& c, Position p) {
    check_compare(c);
    expr(*c.left);
    const std::size_t n = c.ops.size();
    if (n == 1) {
      expr(*c.comparators[0]);
      set_pos(p);
      emit(Op::COMPARE_OP, static_cast<int>(c.ops[0]));
      return;
    }
    const int cleanup = new_label(), end = new_label();
    for (std::size_t i = 0; i + 1 < n; ++i) {
      expr(*c.comparators[i]);
      set_pos(p);
      emit(Op::SWAP, 2);
      emit(Op::COPY, 2);
      emit(Op::COMPARE_OP, static_cast<int>(c.ops[i]));
      emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
    }
    expr(*c.comparators[n - 1]);
    set_pos(p);
    emit(Op::COMPARE_OP, static_cast<int>(c.ops[n - 1]));
    emit_jump(Op::JUMP, end);
    use_label(cleanup);
    emit(Op::SWAP, 2);
    emit(Op::POP_TOP);
    use_label(end);
  }

  // `obj.attr` at `p`, loaded by LOAD_ATTR, or by LOAD_METHOD for a call.
  void attribute(const Attribute& a, Position p, Op load) {
    expr(*a.value);
    set_pos(p);
    emit(load, mangled_name_index(a.attr));
  }

  void call(const Call& c, Position p) {
    check_caller(c);
    // super() in a method: super(__class__, <first argument>).
    if (c.func->kind == ExprKind::Name && static_cast<const Name&>(*c.func).id == "super" && c.args.empty() &&
        c.keywords.empty() && u().ste->function_like() && u().ste->scope_of("__class__") == NameScope::Free &&
        !u().code->varnames.empty() && (u().code->argcount > 0 || (u().code->flags & kVarargs))) {
      expr(*c.func);
      set_pos(p);
      nameop("__class__", Ctx::Load);
      nameop(u().code->varnames[0], Ctx::Load);
      emit(Op::CALL, 2);
      return;
    }
    bool dynamic = false;
    for (const auto& a : c.args) dynamic |= a->kind == ExprKind::Starred;
    for (const auto& k : c.keywords) dynamic |= !k.arg.has_value();
    // `obj.m(args)` (CPython 3.7-3.10's LOAD_METHOD, 3.11's LOAD_ATTR
    // method form): the method and obj stay apart on the stack, so a call
    // of a method found on obj's class makes no bound method object.
    if (!dynamic && c.keywords.empty() && c.func->kind == ExprKind::Attribute) {
      const Position at = pos_of(*c.func);
      set_pos(at);
      attribute(static_cast<const Attribute&>(*c.func), at, Op::LOAD_METHOD);
      for (const auto& a : c.args) expr(*a);
      set_pos(p);
      emit(Op::CALL_METHOD, static_cast<int>(c.args.size()));
      return;
    }
    expr(*c.func);
    for (std::size_t i = 0; i < c.keywords.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (c.keywords[i].arg && c.keywords[j].arg && *c.keywords[i].arg == *c.keywords[j].arg)
          syntax_error(c.keywords[i].loc, "keyword argument repeated: " + *c.keywords[i].arg, c.keywords[i].end);
    if (!dynamic) {
      for (const auto& a : c.args) expr(*a);
      if (c.keywords.empty()) {
        set_pos(p);
        emit(Op::CALL, static_cast<int>(c.args.size()));
        return;
      }
      std::vector<Value> names;
      for (const auto& k : c.keywords) {
        expr(*k.value);
        names.push_back(Value::str(*k.arg));
      }
      set_pos(p);
      emit(Op::LOAD_CONST, add_const(runtime::make_tuple(std::move(names))));
      emit(Op::CALL_KW, static_cast<int>(c.args.size() + c.keywords.size()));
      return;
    }
    // f(*args, **kwargs): a tuple of positionals and a dict of keywords.
    set_pos(p);
    emit(Op::BUILD_LIST, 0);
    const bool sole_star = c.args.size() == 1 && c.args[0]->kind == ExprKind::Starred;
    for (const auto& a : c.args) {
      if (a->kind == ExprKind::Starred) {
        expr(*static_cast<const Starred&>(*a).value);
        set_pos(p);
        emit(Op::LIST_EXTEND, 1 | kCallUnpack | (sole_star ? kSoleStar : 0));
      } else {
        expr(*a);
        set_pos(p);
        emit(Op::LIST_APPEND, 1);
      }
    }
    emit(Op::LIST_TO_TUPLE);
    if (!c.keywords.empty()) {
      // compiler_call_helper: a run of named keywords is a dict of its own,
      // merged into the first one (DICT_MERGE) unless it is that first one.
      emit(Op::BUILD_MAP, 0);
      bool first = true;
      for (std::size_t i = 0; i < c.keywords.size();) {
        if (!c.keywords[i].arg) {
          expr(*c.keywords[i].value);
          set_pos(p);
          emit(Op::DICT_UPDATE, 1 | kCallUnpack);
          ++i;
        } else {
          if (!first) emit(Op::BUILD_MAP, 0);
          for (; i < c.keywords.size() && c.keywords[i].arg; ++i) {
            load_str(*c.keywords[i].arg);
            expr(*c.keywords[i].value);
            set_pos(p);
            emit(Op::MAP_ADD, 1);
          }
          if (!first) emit(Op::DICT_UPDATE, 1 | kCallUnpack);
        }
        first = false;
      }
    }
    set_pos(p);
    emit(Op::CALL_EX, c.keywords.empty() ? 0 : 1);
  }

  // A comprehension as 3.11 compiles it: a function of the first iterable's
  // iterator, called at once (and awaited when it is asynchronous).
  // `call_pos`: where the caller runs it (an eager generator expression runs
  // inside the call that consumes it).
  // `build` is what the body makes: BUILD_LIST, BUILD_SET, BUILD_MAP, or
  // YIELD_VALUE for a generator expression (a generator of its own).
  void comprehension(const Expr& node, const char* name, const std::vector<Comprehension>& gens, const Expr* elt,
                     const Expr* value, Op build) {
    const Position p = pos_of(node);
    SymtableEntry* ste = symtable_->lookup(&node);
    const bool is_genexp = node.kind == ExprKind::GeneratorExp;
    const UnitKind outer = u().kind;
    if (ste->is_coroutine && !is_genexp) {
      if (outer != UnitKind::AsyncFunction && outer != UnitKind::Comprehension)
        syntax_error(node.loc, "asynchronous comprehension outside of an asynchronous function", node.end);
    }
    enter(ste, UnitKind::Comprehension, name, node.loc.line);
    CodeObject& co = *u().code;
    co.argcount = 1;
    if (is_genexp) {
      // With `async for` or `await` inside: an asynchronous generator.
      co.flags = (co.flags & ~kCoroutine) | (ste->is_coroutine ? kAsyncGenerator : kGenerator);
      comprehension_generator(gens, 0, elt, value, build, p);
      set_pos(p);
      load_const(Value());
    } else {
      co.flags |= kComprehension;
      set_pos(p);
      emit(build == Op::BUILD_MAP ? Op::BUILD_MAP : Op::BUILD_LIST, 0);
      u().depth = 1;
      comprehension_generator(gens, 0, elt, value, build, p);
      set_pos(p);
      if (build == Op::BUILD_SET) emit(Op::LIST_TO_SET);
    }
    emit(Op::RETURN_VALUE);
    Ref<CodeObject> code = leave();

    set_pos(p);
    make_closure(code, 0);
    iterable(*gens[0].iter);
    set_pos(p);
    if (gens[0].is_async) emit(Op::GET_AITER);
    else emit_iteration(Op::GET_ITER, *gens[0].iter);
    emit(Op::CALL, 1);
    if (code->is_coroutine() && !is_genexp) emit(Op::AWAIT);
  }

  void comprehension_generator(const std::vector<Comprehension>& gens, std::size_t i, const Expr* elt,
                               const Expr* value, Op build, Position p) {
    const Comprehension& g = gens[i];
    const int start = new_label(), if_cleanup = new_label(), anchor = new_label();
    if (i == 0) {
      emit(Op::LOAD_FAST, 0);  // .0
    } else {
      iterable(*g.iter);
      set_pos(p);
      if (g.is_async) emit(Op::GET_AITER);
      else emit_iteration(Op::GET_ITER, *g.iter);
    }
    ++u().depth;
    use_label(start);
    set_pos(p);
    if (g.is_async) {
      push_handler(anchor, u().depth);
      emit(Op::GET_ANEXT);
      emit(Op::AWAIT);
      pop_handler();
    } else {
      emit_iteration(Op::FOR_ITER, *g.iter, anchor);
    }
    store_target(*g.target);
    for (const auto& cond : g.ifs) {
      expr(*cond);
      set_pos(p);
      emit_jump(Op::POP_JUMP_IF_FALSE, if_cleanup);
    }
    if (i + 1 < gens.size()) {
      comprehension_generator(gens, i + 1, elt, value, build, p);
    } else {
      // The list (or dict) sits under one iterator per generator.
      const int depth = static_cast<int>(gens.size()) + 1;
      if (build == Op::BUILD_MAP) {
        expr(*elt);
        expr(*value);
        set_pos(p);
        emit(Op::MAP_ADD, depth);
      } else if (build == Op::YIELD_VALUE) {
        expr(*elt);
        set_pos(p);
        emit(Op::YIELD_VALUE);
        emit(Op::POP_TOP);
      } else {
        expr(*elt);
        set_pos(p);
        emit(Op::LIST_APPEND, depth);
      }
    }
    use_label(if_cleanup);
    set_pos(p);
    emit_jump(Op::JUMP, start);
    use_label(anchor);
    if (g.is_async) emit(Op::END_ASYNC_FOR);
    --u().depth;
  }

  const Module& module_;
  std::shared_ptr<const Source> source_;
  const CompileOptions& options_;
  int unchecked_ = 0;  // branches being compiled that 3.7 would not compile
  Extents extents_;
  std::unique_ptr<SymbolTable> symtable_;
  std::deque<Unit> units_;  // a deque: references to outer units stay valid
  bool future_annotations_ = false;  // `from __future__ import annotations` seen
  // Where the last `with` statement compiled ended its code, and the line
  // 3.7-3.9 gave its exit code (the body's end): an enclosing `with` whose
  // body ends there carries that line on.
  struct CodeMark {
    const CodeObject* code = nullptr;
    std::size_t at = 0;
    Position pos;
    WithExitLines lines;
  };
  CodeMark with_tail_;
  // The statement compiled last: where its code began, and its position.
  CodeMark statement_begun_;
  // Per `with` statement (FBlock::with_id): its exit calls for a `return`,
  // `break` or `continue` inside it.
  std::vector<std::vector<int>> with_unwinds_;
};

}  // namespace

Ref<CodeObject> compile_module(const ast::Module& module, const CompileOptions& options) {
  Compiler c(module, options);
  return c.compile();
}

}  // namespace asim::lang
