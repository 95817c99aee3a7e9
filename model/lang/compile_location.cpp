#include "model/lang/compile_location.hpp"

namespace asim::lang {

using namespace ast;

namespace {

// 3.7's compiler_visit_stmt sets the location to the statement's;
// compiler_visit_expr raises the line to an expression's (never lowers it)
// and always takes its column, restoring neither. 3.8-3.9 restore both after
// each expression, so only statements move them.
class CompilerLocation {
 public:
  explicit CompilerLocation(SyntaxFeatures::DefaultExceptAt mode) : expressions_(mode == SyntaxFeatures::DefaultExceptAt::LastExpression) {}

  Loc at() const { return at_; }

  void set(Loc loc) { at_ = loc; }

  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }

  void handler(const ExceptHandler& h) {
    set(h.loc);
    if (h.type) expr(*h.type);
    body(h.body);
  }

  void stmt(const Stmt& s) {
    set(s.loc);
    switch (s.kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        const auto& f = static_cast<const FunctionDef&>(s);
        // 3.7's FunctionDef begins at its first decorator, the '@' at the def's column.
        if (expressions_ && !f.decorator_list.empty()) set({f.decorator_list.front()->loc.line, s.loc.col});
        exprs(f.decorator_list);
        exprs(f.args.defaults);
        exprs(f.args.kw_defaults);
        for (const auto* list : {&f.args.posonly_annotations, &f.args.arg_annotations})
          exprs(*list);
        maybe(f.args.vararg_annotation);
        exprs(f.args.kwonly_annotations);
        maybe(f.args.kwarg_annotation);
        maybe(f.returns);
        return;
      }
      case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        if (expressions_ && !c.decorator_list.empty()) set({c.decorator_list.front()->loc.line, s.loc.col});
        exprs(c.decorator_list);
        exprs(c.bases);
        maybe(c.metaclass);
        for (const auto& k : c.keywords) expr(*k.value);
        return;
      }
      case StmtKind::Return: return maybe(static_cast<const Return&>(s).value);
      case StmtKind::Delete: return exprs(static_cast<const Delete&>(s).targets);
      case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        expr(*a.value);
        return exprs(a.targets);
      }
      case StmtKind::AugAssign: {
        // compiler_augassign visits an attribute or subscript target again to store it.
        const auto& a = static_cast<const AugAssign&>(s);
        expr(*a.target);
        expr(*a.value);
        if (a.target->kind != ExprKind::Name) expr(*a.target);
        return;
      }
      case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        maybe(a.value);
        expr(*a.target);
        return expr(*a.annotation);
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto& f = static_cast<const For&>(s);
        expr(*f.iter);
        expr(*f.target);
        body(f.body);
        return body(f.orelse);
      }
      case StmtKind::While: {
        const auto& w = static_cast<const While&>(s);
        const int constant = constant_truth(*w.test);
        if (constant == 0) return body(w.orelse);
        if (constant < 0) expr(*w.test);
        body(w.body);
        return body(w.orelse);
      }
      case StmtKind::If: {
        const auto& i = static_cast<const If&>(s);
        const int constant = constant_truth(*i.test);
        if (constant < 0) expr(*i.test);
        if (constant != 0) body(i.body);
        if (constant != 1) body(i.orelse);
        return;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        const auto& w = static_cast<const With&>(s);
        for (const auto& item : w.items) {
          expr(*item.context_expr);
          maybe(item.optional_vars);
        }
        return body(w.body);
      }
      case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        maybe(r.exc);
        return maybe(r.cause);
      }
      case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        body(t.body);
        for (const auto& h : t.handlers) handler(h);
        body(t.orelse);
        return body(t.finalbody);
      }
      case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        expr(*a.test);
        return maybe(a.msg);
      }
      case StmtKind::Expr: {
        // compiler_visit_stmt_expr skips a constant statement (a docstring, `...`).
        const auto& e = *static_cast<const ExprStmt&>(s).value;
        if (e.kind != ExprKind::Constant) expr(e);
        return;
      }
      case StmtKind::Match:
      case StmtKind::Import:
      case StmtKind::ImportFrom:
      case StmtKind::Global:
      case StmtKind::Nonlocal:
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: return;
    }
  }

 private:
  // 3.7's expr_constant: 1 or 0 for a test the compiler knows, else -1;
  // 3.8+ compile both branches (the dead one without emitting it).
  int constant_truth(const Expr& e) const {
    if (!expressions_ || e.kind != ExprKind::Constant) return -1;
    const auto& c = static_cast<const Constant&>(e);
    switch (c.type) {
      case Constant::Type::None:
      case Constant::Type::False: return 0;
      case Constant::Type::True:
      case Constant::Type::Ellipsis: return 1;
      case Constant::Type::Int: return c.int_value != 0 || !c.big_int.empty();
      case Constant::Type::Float: return c.float_value != 0;
      case Constant::Type::Str:
      case Constant::Type::Bytes: return !c.str_value.empty();
    }
    return -1;
  }

  // What 3.7's AST optimizer folds into one constant at the node.
  static bool folds(const Expr& e) {
    switch (e.kind) {
      case ExprKind::Constant: return true;
      case ExprKind::UnaryOp: return folds(*static_cast<const UnaryOpExpr&>(e).operand);
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOpExpr&>(e);
        return folds(*b.left) && folds(*b.right);
      }
      case ExprKind::Tuple: {
        const auto& elts = static_cast<const TupleExpr&>(e).elts;
        for (const auto& elt : elts)
          if (!folds(*elt)) return false;
        return true;
      }
      default: return false;
    }
  }

  void maybe(const ExprPtr& e) {
    if (e) expr(*e);
  }

  void exprs(const std::vector<ExprPtr>& v) {
    for (const auto& e : v) maybe(e);
  }

  void comprehension_outermost(const std::vector<Comprehension>& generators) {
    // Only the outermost iterable is evaluated in the enclosing code.
    if (!generators.empty()) expr(*generators.front().iter);
  }

  void expr(const Expr& e) {
    if (!expressions_) return;
    // Starred values and slices are visited without a node of their own.
    if (e.kind == ExprKind::Starred) return expr(*static_cast<const Starred&>(e).value);
    if (e.kind == ExprKind::Slice) {
      const auto& s = static_cast<const Slice&>(e);
      maybe(s.lower);
      maybe(s.upper);
      return maybe(s.step);
    }
    if (e.loc.line > at_.line) at_.line = e.loc.line;
    at_.col = e.loc.col;
    if (folds(e)) return;
    switch (e.kind) {
      case ExprKind::BoolOp: return exprs(static_cast<const BoolOpExpr&>(e).values);
      case ExprKind::NamedExpr: return expr(*static_cast<const NamedExpr&>(e).value);
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOpExpr&>(e);
        expr(*b.left);
        return expr(*b.right);
      }
      case ExprKind::UnaryOp: return expr(*static_cast<const UnaryOpExpr&>(e).operand);
      case ExprKind::Lambda: {
        const auto& l = static_cast<const Lambda&>(e);
        exprs(l.args.defaults);
        return exprs(l.args.kw_defaults);
      }
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        expr(*i.test);
        expr(*i.body);
        return expr(*i.orelse);
      }
      case ExprKind::Dict: {
        const auto& d = static_cast<const DictExpr&>(e);
        for (std::size_t k = 0; k < d.values.size(); ++k) {
          maybe(d.keys[k]);
          expr(*d.values[k]);
        }
        return;
      }
      case ExprKind::Set: return exprs(static_cast<const SetExpr&>(e).elts);
      case ExprKind::ListComp: return comprehension_outermost(static_cast<const ListComp&>(e).generators);
      case ExprKind::SetComp: return comprehension_outermost(static_cast<const SetComp&>(e).generators);
      case ExprKind::DictComp: return comprehension_outermost(static_cast<const DictComp&>(e).generators);
      case ExprKind::GeneratorExp: return comprehension_outermost(static_cast<const GeneratorExp&>(e).generators);
      case ExprKind::Await: return expr(*static_cast<const Await&>(e).value);
      case ExprKind::Yield: return maybe(static_cast<const Yield&>(e).value);
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        expr(*c.left);
        return exprs(c.comparators);
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(e);
        expr(*c.func);
        exprs(c.args);
        for (const auto& k : c.keywords) expr(*k.value);
        return;
      }
      case ExprKind::FormattedValue: {
        const auto& f = static_cast<const FormattedValue&>(e);
        expr(*f.value);
        return maybe(f.format_spec);
      }
      case ExprKind::JoinedStr: return exprs(static_cast<const JoinedStr&>(e).values);
      case ExprKind::Attribute: return expr(*static_cast<const Attribute&>(e).value);
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        expr(*s.value);
        return expr(*s.slice);
      }
      case ExprKind::List: return exprs(static_cast<const ListExpr&>(e).elts);
      case ExprKind::Tuple: return exprs(static_cast<const TupleExpr&>(e).elts);
      case ExprKind::Constant:
      case ExprKind::Name:
      case ExprKind::Starred:
      case ExprKind::Slice: return;
    }
  }

  bool expressions_;
  Loc at_;
};

}  // namespace

int decorator_calls_line_37(const Stmt& definition) {
  CompilerLocation where(SyntaxFeatures::DefaultExceptAt::LastExpression);
  where.stmt(definition);
  return where.at().line;
}

Loc location_before_handler(const Try& t, std::size_t handler, SyntaxFeatures::DefaultExceptAt mode) {
  CompilerLocation where(mode);
  where.set(t.loc);
  where.body(t.body);
  for (std::size_t i = 0; i < handler; ++i) where.handler(t.handlers[i]);
  return where.at();
}

}  // namespace asim::lang
