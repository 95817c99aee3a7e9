#include "model/lang/symtable.hpp"

#include <fmt/format.h>

#include "model/lang/lexer.hpp"
#include "model/runtime/mangle.hpp"

#include <map>
#include <set>
#include <utility>

namespace asim::lang {

using namespace ast;
using runtime::mangle;

NameScope SymtableEntry::scope_of(const std::string& name) const {
  auto it = scopes.find(name);
  return it == scopes.end() ? NameScope::GlobalImplicit : it->second;
}

std::uint32_t SymtableEntry::flags_of(const std::string& name) const {
  auto it = flags.find(name);
  return it == flags.end() ? 0 : it->second;
}

SymtableEntry* SymbolTable::lookup(const void* node) const {
  auto it = by_node_.find(node);
  return it == by_node_.end() ? nullptr : it->second;
}

// The first pass of symtable.c: walks the tree, opening an entry per scope
// and recording what each scope does with each name.
class SymtableBuilder {
 public:
  SymtableBuilder(SymbolTable& table, std::shared_ptr<const Source> source, const SyntaxFeatures& syntax)
      : table_(table), source_(std::move(source)), syntax_(syntax) {}

  void module(const Module& m) {
    table_.top_ = enter(SymtableEntry::Kind::Module, "top", {1, 1}, &m);
    body(m.body);
    leave();
  }

  // The second pass: symtable.c's analyze_block.
  void analyze() {
    std::set<std::string> free, global;
    analyze_block(table_.top_, nullptr, free, global);
  }

 private:
  // At the node from `loc` to `end` (3.10+ mark the range). symtable.c
  // gives the node's col_offset, a byte offset, for the column.
  [[noreturn]] void error(Loc loc, std::string message, Loc end = {}) {
    throw Diagnostic(Diagnostic::Kind::SyntaxError, source_, loc, std::move(message), end).reading_text_back();
  }

  SymtableEntry* enter(SymtableEntry::Kind kind, std::string name, Loc loc, const void* node) {
    auto e = std::make_unique<SymtableEntry>();
    e->kind = kind;
    e->name = std::move(name);
    e->loc = loc;
    e->node = node;
    e->parent = cur_;
    if (cur_) {
      cur_->children.push_back(e.get());
      e->nested = cur_->nested || cur_->function_like();
    }
    SymtableEntry* raw = e.get();
    table_.entries_.push_back(std::move(e));
    if (node) table_.by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void leave() { cur_ = cur_->parent; }

  // symtable_add_def_helper: the name is recorded mangled.
  void add_def(const std::string& plain, std::uint32_t flag, SymtableEntry* e = nullptr) {
    if (!e) e = cur_;
    const std::string name = mangle(private_, plain);
    auto [it, inserted] = e->flags.try_emplace(name, 0);
    if (inserted) e->names.push_back(name);
    it->second |= flag;
    if (flag & kDefParam) e->params.push_back(name);
  }

  // ------------------------------------------------------------ statements

  void body(const Body& b) {
    for (const auto& s : b) stmt(*s);
  }

  void arguments_defaults(const Arguments& a) {
    for (const auto& d : a.defaults) expr(*d);
    for (const auto& d : a.kw_defaults)
      if (d) expr(*d);
  }

  // A def's annotations are evaluated in the scope around it.
  void annotations(const Arguments& a, const ExprPtr& returns) {
    for (const auto* list : {&a.posonly_annotations, &a.arg_annotations, &a.kwonly_annotations})
      for (const auto& e : *list)
        if (e) expr(*e);
    for (const auto* e : {&a.vararg_annotation, &a.kwarg_annotation, &returns})
      if (*e) expr(**e);
  }

  // symtable_visit_arguments, in its order (Arguments::spans).
  // `first_decorator`: where a decorated def's first decorator is.
  void params(const Arguments& a, const Loc* first_decorator = nullptr) {
    std::vector<const std::string*> names;
    for (const auto* list : {&a.posonly, &a.args, &a.kwonly})
      for (const auto& n : *list) names.push_back(&n);
    for (const auto* n : {&a.vararg, &a.kwarg})
      if (*n) names.push_back(&**n);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (cur_->flags_of(mangle(private_, *names[i])) & kDefParam) {
        std::string message = fmt::format("duplicate argument '{}' in function definition", *names[i]);
        switch (syntax_.duplicate_argument_at) {
          case SyntaxFeatures::DuplicateArgumentAt::Parameter: error(a.spans[i].first, std::move(message), a.spans[i].second);
          case SyntaxFeatures::DuplicateArgumentAt::FirstDecorator:
            // Decorators share the def's indentation: the '@' is at its column.
            if (first_decorator) error({first_decorator->line, cur_->loc.col}, std::move(message));
            [[fallthrough]];
          case SyntaxFeatures::DuplicateArgumentAt::Def: error(cur_->loc, std::move(message));
        }
      }
      add_def(*names[i], kDefParam);
    }
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef:
      case StmtKind::AsyncFunctionDef: {
        const auto& f = static_cast<const FunctionDef&>(s);
        add_def(f.name, kDefLocal);
        arguments_defaults(f.args);
        annotations(f.args, f.returns);
        for (const auto& d : f.decorator_list) expr(*d);
        auto* e = enter(SymtableEntry::Kind::Function, f.name, f.loc, &f);
        e->is_async = e->is_coroutine = f.is_async();
        params(f.args, f.decorator_list.empty() ? nullptr : &f.decorator_list.front()->loc);
        body(f.body);
        leave();
        break;
      }
      case StmtKind::ClassDef: {
        const auto& c = static_cast<const ClassDef&>(s);
        add_def(c.name, kDefLocal);
        for (const auto& d : c.decorator_list) expr(*d);
        for (const auto& b : c.bases) expr(*b);
        if (c.metaclass) expr(*c.metaclass);
        for (const auto& k : c.keywords) expr(*k.value);
        enter(SymtableEntry::Kind::Class, c.name, c.loc, &c);
        const std::string outer_private = std::exchange(private_, c.name);
        body(c.body);
        private_ = outer_private;
        leave();
        break;
      }
      case StmtKind::Return: {
        const auto& r = static_cast<const Return&>(s);
        if (r.value) expr(*r.value);
        break;
      }
      case StmtKind::Delete:
        for (const auto& t : static_cast<const Delete&>(s).targets) expr(*t);
        break;
      case StmtKind::Assign: {
        const auto& a = static_cast<const Assign&>(s);
        expr(*a.value);
        for (const auto& t : a.targets) expr(*t);
        break;
      }
      case StmtKind::AugAssign: {
        const auto& a = static_cast<const AugAssign&>(s);
        expr(*a.target);
        expr(*a.value);
        break;
      }
      case StmtKind::AnnAssign: {
        const auto& a = static_cast<const AnnAssign&>(s);
        // An annotated name belongs to its scope: one declared global or
        // nonlocal there cannot be annotated (the module's own globals can).
        if (a.target->kind == ExprKind::Name && cur_->kind != SymtableEntry::Kind::Module) {
          const std::string& name = static_cast<const Name&>(*a.target).id;
          const std::uint32_t cur = cur_->flags_of(mangle(private_, name));
          if (cur & (kDefGlobal | kDefNonlocal))
            error(s.loc, fmt::format("annotated name '{}' can't be {}", name, (cur & kDefGlobal) ? "global" : "nonlocal"), s.end);
        }
        // A name alone (not in parentheses) is recorded as annotated.
        if (a.target->kind == ExprKind::Name && a.target->loc.col == s.loc.col && a.target->loc.line == s.loc.line)
          add_def(static_cast<const Name&>(*a.target).id, kDefAnnot | kDefLocal);
        // Evaluated only outside functions (into __annotations__).
        if (!cur_->function_like()) expr(*a.annotation);
        if (a.value) expr(*a.value);
        expr(*a.target);
        break;
      }
      case StmtKind::For:
      case StmtKind::AsyncFor: {
        const auto& f = static_cast<const For&>(s);
        expr(*f.target);
        expr(*f.iter);
        body(f.body);
        body(f.orelse);
        break;
      }
      case StmtKind::While: {
        const auto& w = static_cast<const While&>(s);
        expr(*w.test);
        body(w.body);
        body(w.orelse);
        break;
      }
      case StmtKind::If: {
        const auto& i = static_cast<const If&>(s);
        expr(*i.test);
        body(i.body);
        body(i.orelse);
        break;
      }
      case StmtKind::With:
      case StmtKind::AsyncWith: {
        const auto& w = static_cast<const With&>(s);
        for (const auto& item : w.items) {
          expr(*item.context_expr);
          if (item.optional_vars) expr(*item.optional_vars);
        }
        body(w.body);
        break;
      }
      case StmtKind::Raise: {
        const auto& r = static_cast<const Raise&>(s);
        if (r.exc) expr(*r.exc);
        if (r.cause) expr(*r.cause);
        break;
      }
      case StmtKind::Try: {
        const auto& t = static_cast<const Try&>(s);
        body(t.body);
        for (const auto& h : t.handlers) {
          if (h.type) expr(*h.type);
          if (h.name) add_def(*h.name, kDefLocal);
          body(h.body);
        }
        body(t.orelse);
        body(t.finalbody);
        break;
      }
      case StmtKind::Assert: {
        const auto& a = static_cast<const Assert&>(s);
        expr(*a.test);
        if (a.msg) expr(*a.msg);
        break;
      }
      case StmtKind::Import:
        for (const auto& alias : static_cast<const Import&>(s).names) {
          // `import a.b` binds `a`.
          std::string bound = alias.asname ? *alias.asname : alias.name.substr(0, alias.name.find('.'));
          add_def(bound, kDefImport);
        }
        break;
      case StmtKind::ImportFrom: {
        const auto& from = static_cast<const ImportFrom&>(s);
        // symtable_visit_alias: 3.10+ at the '*', before at the block.
        if (from.star) {
          constexpr std::string_view message = "import * only allowed at module level";
          if (syntax_.duplicate_argument_at == SyntaxFeatures::DuplicateArgumentAt::Parameter)
            error(*from.star, std::string(message), {from.star->line, from.star->col + 1});
          error(cur_->loc, std::string(message));
        }
        for (const auto& alias : from.names) add_def(alias.asname ? *alias.asname : alias.name, kDefImport);
        break;
      }
      case StmtKind::Global:
      case StmtKind::Nonlocal: {
        const bool global = s.kind == StmtKind::Global;
        for (const auto& name : static_cast<const Global&>(s).names) {
          const std::uint32_t cur = cur_->flags_of(mangle(private_, name));
          // An import binds with DEF_IMPORT alone, which these do not look at.
          if (cur & (kDefParam | kDefLocal | kUse | kDefAnnot)) {
            const char* kind = global ? "global" : "nonlocal";
            if (cur & kDefParam) error(s.loc, fmt::format("name '{}' is parameter and {}", name, kind), s.end);
            if (cur & kUse) error(s.loc, fmt::format("name '{}' is used prior to {} declaration", name, kind), s.end);
            if (cur & kDefAnnot) error(s.loc, fmt::format("annotated name '{}' can't be {}", name, kind), s.end);
            error(s.loc, fmt::format("name '{}' is assigned to before {} declaration", name, kind), s.end);
          }
          if (!global && cur_->kind == SymtableEntry::Kind::Module)
            error(s.loc, "nonlocal declaration not allowed at module level", s.end);
          add_def(name, global ? kDefGlobal : kDefNonlocal);
          decl_locs_[{cur_, mangle(private_, name)}] = {s.loc, s.end};
        }
        break;
      }
      case StmtKind::Expr: expr(*static_cast<const ExprStmt&>(s).value); break;
      case StmtKind::Match: {
        const auto& m = static_cast<const Match&>(s);
        expr(*m.subject);
        for (const auto& c : m.cases) {
          pattern(c.pattern);
          if (c.guard) expr(*c.guard);
          body(c.body);
        }
        break;
      }
      case StmtKind::Pass:
      case StmtKind::Break:
      case StmtKind::Continue: break;
    }
  }

  // Captures bind local names; values, classes and keys are loads.
  void pattern(const PatternNode& p) {
    if (p.value) expr(*p.value);
    exprs(p.keys);
    if (p.name) add_def(*p.name, kDefLocal);
    for (const auto& item : p.items) pattern(item);
  }

  // ----------------------------------------------------------- expressions

  void exprs(const std::vector<ExprPtr>& v) {
    for (const auto& e : v)
      if (e) expr(*e);
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::BoolOp: exprs(static_cast<const BoolOpExpr&>(e).values); break;
      case ExprKind::NamedExpr: {
        // symtable_handle_namedexpr: the checks, then the value.
        const auto& n = static_cast<const NamedExpr&>(e);
        if (cur_->comp_iter_expr > 0)
          error(named_expr_loc(n), "assignment expression cannot be used in a comprehension iterable expression",
                n.end);
        named_expr_target(n);
        expr(*n.value);
        break;
      }
      case ExprKind::BinOp: {
        const auto& b = static_cast<const BinOpExpr&>(e);
        expr(*b.left);
        expr(*b.right);
        break;
      }
      case ExprKind::UnaryOp: expr(*static_cast<const UnaryOpExpr&>(e).operand); break;
      case ExprKind::Lambda: {
        const auto& l = static_cast<const Lambda&>(e);
        arguments_defaults(l.args);
        auto* entry = enter(SymtableEntry::Kind::Function, "<lambda>", l.loc, &l);
        entry->is_lambda = true;
        params(l.args);
        expr(*l.body);
        leave();
        break;
      }
      case ExprKind::IfExp: {
        const auto& i = static_cast<const IfExp&>(e);
        expr(*i.test);
        expr(*i.body);
        expr(*i.orelse);
        break;
      }
      case ExprKind::Dict: {
        const auto& d = static_cast<const DictExpr&>(e);
        exprs(d.keys);
        exprs(d.values);
        break;
      }
      case ExprKind::Set: exprs(static_cast<const SetExpr&>(e).elts); break;
      case ExprKind::ListComp: {
        const auto& c = static_cast<const ListComp&>(e);
        comprehension(e, "<listcomp>", c.generators, c.elt.get(), nullptr);
        break;
      }
      case ExprKind::SetComp: {
        const auto& c = static_cast<const SetComp&>(e);
        comprehension(e, "<setcomp>", c.generators, c.elt.get(), nullptr);
        break;
      }
      case ExprKind::DictComp: {
        const auto& c = static_cast<const DictComp&>(e);
        comprehension(e, "<dictcomp>", c.generators, c.key.get(), c.value.get());
        break;
      }
      case ExprKind::GeneratorExp: {
        const auto& c = static_cast<const GeneratorExp&>(e);
        comprehension(e, "<genexpr>", c.generators, c.elt.get(), nullptr);
        break;
      }
      case ExprKind::Yield: {
        const auto& y = static_cast<const Yield&>(e);
        if (cur_->kind == SymtableEntry::Kind::Comprehension) {
          // 3.7 only warns (DeprecationWarning) and makes the comprehension
          // a generator, which asim does not model.
          if (syntax_.parser == ParserGeneration::Pgen37)
            throw Diagnostic(Diagnostic::Kind::Unsupported, source_, char_loc(*source_, e.loc),
                             "'yield' inside a comprehension (a generator on 3.7)");
          const std::string& n = cur_->name;
          const std::string message =
              fmt::format("'yield' inside {}", n == "<listcomp>"    ? "list comprehension"
                                               : n == "<setcomp>"  ? "set comprehension"
                                               : n == "<dictcomp>" ? "dict comprehension"
                                                                   : "generator expression");
          // 3.8-3.9 at the comprehension, 3.10+ at the yield.
          if (syntax_.parser == ParserGeneration::Pgen38 || syntax_.parser == ParserGeneration::Peg39)
            error(cur_->loc, message);
          error(e.loc, message, e.end);
        }
        if (y.from && cur_->is_coroutine && cur_->kind != SymtableEntry::Kind::Comprehension)
          error(e.loc, "'yield from' inside async function", e.end);
        cur_->is_generator = true;
        if (y.value) expr(*y.value);
        break;
      }
      case ExprKind::Await:
        // A comprehension that awaits is itself a coroutine (3.11).
        if (cur_->kind == SymtableEntry::Kind::Comprehension) cur_->is_coroutine = true;
        expr(*static_cast<const Await&>(e).value);
        break;
      case ExprKind::Compare: {
        const auto& c = static_cast<const Compare&>(e);
        expr(*c.left);
        exprs(c.comparators);
        break;
      }
      case ExprKind::Call: {
        const auto& c = static_cast<const Call&>(e);
        expr(*c.func);
        exprs(c.args);
        for (const auto& k : c.keywords) expr(*k.value);
        break;
      }
      case ExprKind::FormattedValue: {
        const auto& f = static_cast<const FormattedValue&>(e);
        expr(*f.value);
        if (f.format_spec) expr(*f.format_spec);
        break;
      }
      case ExprKind::JoinedStr: exprs(static_cast<const JoinedStr&>(e).values); break;
      case ExprKind::Constant: break;
      case ExprKind::Attribute: expr(*static_cast<const Attribute&>(e).value); break;
      case ExprKind::Subscript: {
        const auto& s = static_cast<const Subscript&>(e);
        expr(*s.value);
        expr(*s.slice);
        break;
      }
      case ExprKind::Starred: expr(*static_cast<const Starred&>(e).value); break;
      case ExprKind::Name: {
        const auto& n = static_cast<const Name&>(e);
        // super() in a method reads the implicit __class__ cell.
        if (n.ctx == Ctx::Load && n.id == "super" && cur_->function_like()) add_def("__class__", kUse);
        add_def(n.id, n.ctx == Ctx::Load ? std::uint32_t{kUse}
                                          : std::uint32_t{kDefLocal} | (comp_target_ ? std::uint32_t{kDefCompIter} : 0u));
        break;
      }
      case ExprKind::List: exprs(static_cast<const ListExpr&>(e).elts); break;
      case ExprKind::Tuple: exprs(static_cast<const TupleExpr&>(e).elts); break;
      case ExprKind::Slice: {
        const auto& s = static_cast<const Slice&>(e);
        if (s.lower) expr(*s.lower);
        if (s.upper) expr(*s.upper);
        if (s.step) expr(*s.step);
        break;
      }
    }
  }

  // symtable_handle_comprehension: the first iterable is evaluated in the
  // enclosing scope; everything else in the comprehension's own scope, whose
  // one parameter ".0" is the iterator of that first iterable.
  void comprehension(const Expr& node, const char* name, const std::vector<Comprehension>& gens, const Expr* elt,
                     const Expr* value) {
    ++cur_->comp_iter_expr;
    expr(*gens.front().iter);
    --cur_->comp_iter_expr;
    auto* e = enter(SymtableEntry::Kind::Comprehension, name, node.loc, &node);
    e->generator_exp = node.kind == ExprKind::GeneratorExp;
    add_def(".0", kDefParam);
    for (std::size_t i = 0; i < gens.size(); ++i) {
      const auto& g = gens[i];
      if (g.is_async) e->is_coroutine = true;
      if (i > 0) {
        ++cur_->comp_iter_expr;
        expr(*g.iter);
        --cur_->comp_iter_expr;
      }
      comp_target_ = true;
      expr(*g.target);
      comp_target_ = false;
      exprs(g.ifs);
    }
    if (elt) expr(*elt);
    if (value) expr(*value);
    leave();
    // A comprehension holding an async one must await it.
    if (e->is_coroutine && !e->generator_exp && cur_->kind == SymtableEntry::Kind::Comprehension)
      cur_->is_coroutine = true;
  }

  // 3.8-3.9 give the node's 0-based col_offset for the 1-based offset: one
  // column left of it.
  Loc named_expr_loc(const Expr& n) const {
    if (syntax_.parser != ParserGeneration::Pgen38 && syntax_.parser != ParserGeneration::Peg39) return n.loc;
    return {n.loc.line, n.loc.col - 1};
  }
  // 3.10+ mark the target of the named expression.
  Loc named_expr_target_end(const Expr& target) const {
    return syntax_.parser == ParserGeneration::Pgen38 || syntax_.parser == ParserGeneration::Peg39 ? Loc{} : target.end;
  }

  // symtable_extend_namedexpr_scope: `x := v` in a comprehension binds x in
  // the nearest enclosing function (or module).
  void named_expr_target(const NamedExpr& n) {
    const auto& target = static_cast<const Name&>(*n.target);
    if (cur_->kind != SymtableEntry::Kind::Comprehension) {
      add_def(target.id, kDefLocal);
      return;
    }
    for (SymtableEntry* e = cur_; e; e = e->parent) {
      if (e->kind == SymtableEntry::Kind::Comprehension) {
        if (e->flags_of(mangle(private_, target.id)) & kDefCompIter)
          error(named_expr_loc(target),
                fmt::format("assignment expression cannot rebind comprehension iteration variable '{}'", target.id),
                named_expr_target_end(target));
        continue;
      }
      if (e->kind == SymtableEntry::Kind::Class)
        error(named_expr_loc(target), "assignment expression within a comprehension cannot be used in a class body",
              named_expr_target_end(target));
      add_def(target.id, kDefLocal, e);
      add_def(target.id, e->kind == SymtableEntry::Kind::Module ? kDefGlobal : kDefNonlocal, cur_);
      if (e->kind == SymtableEntry::Kind::Module) add_def(target.id, kDefGlobal, e);
      return;
    }
  }

  // -------------------------------------------------------------- analysis

  using Names = std::set<std::string>;

  void analyze_name(SymtableEntry* ste, const std::string& name, std::uint32_t flags, Names* bound, Names& local,
                    Names& free, Names& global) {
    // Where the declaration is (the statement, from its start to its end).
    auto error_at_declaration = [&](std::string message) {
      auto it = decl_locs_.find({ste, name});
      if (it == decl_locs_.end()) error(ste->loc, std::move(message));
      error(it->second.first, std::move(message), it->second.second);
    };
    if (flags & kDefGlobal) {
      if (flags & kDefNonlocal) error_at_declaration(fmt::format("name '{}' is nonlocal and global", name));
      ste->scopes[name] = NameScope::GlobalExplicit;
      global.insert(name);
      if (bound) bound->erase(name);
      return;
    }
    if (flags & kDefNonlocal) {
      if (!bound) error_at_declaration("nonlocal declaration not allowed at module level");
      if (!bound->count(name)) error_at_declaration(fmt::format("no binding for nonlocal '{}' found", name));
      ste->scopes[name] = NameScope::Free;
      free.insert(name);
      return;
    }
    if (flags & kDefBound) {
      ste->scopes[name] = NameScope::Local;
      local.insert(name);
      global.erase(name);
      return;
    }
    if (bound && bound->count(name)) {
      ste->scopes[name] = NameScope::Free;
      free.insert(name);
      return;
    }
    ste->scopes[name] = NameScope::GlobalImplicit;
  }

  void analyze_block(SymtableEntry* ste, Names* bound, Names& free, Names& global) {
    Names local, newbound, newfree, newglobal;
    // A class namespace is invisible to nested functions: what they see is
    // decided before the class's own names are analyzed.
    if (ste->kind == SymtableEntry::Kind::Class) {
      newglobal = global;
      if (bound) newbound = *bound;
      newbound.insert("__class__");
    }
    for (const auto& name : ste->names) analyze_name(ste, name, ste->flags[name], bound, local, free, global);
    if (ste->kind != SymtableEntry::Kind::Class) {
      if (ste->function_like()) newbound.insert(local.begin(), local.end());
      if (bound) newbound.insert(bound->begin(), bound->end());
      newglobal.insert(global.begin(), global.end());
    }
    for (SymtableEntry* child : ste->children) {
      Names child_bound = newbound, child_free, child_global = newglobal;
      analyze_block(child, &child_bound, child_free, child_global);
      newfree.insert(child_free.begin(), child_free.end());
    }
    // analyze_cells: locals that children use become cells.
    if (ste->function_like()) {
      for (auto it = newfree.begin(); it != newfree.end();) {
        auto s = ste->scopes.find(*it);
        if (s != ste->scopes.end() && s->second == NameScope::Local) {
          s->second = NameScope::Cell;
          it = newfree.erase(it);
        } else {
          ++it;
        }
      }
    }
    // drop_class_free: a method's __class__ is a cell of the class body.
    if (ste->kind == SymtableEntry::Kind::Class && newfree.erase("__class__")) ste->needs_class_closure = true;
    // update_symbols: children's free names pass through this block.
    for (const auto& name : newfree) {
      auto f = ste->flags.find(name);
      if (f != ste->flags.end()) {
        if (ste->kind == SymtableEntry::Kind::Class && (f->second & (kDefBound | kDefGlobal)))
          f->second |= kDefFreeClass;
        continue;
      }
      if (bound && !bound->count(name)) continue;  // a global
      if (!bound) continue;
      ste->flags[name] = 0;
      ste->names.push_back(name);
      ste->scopes[name] = NameScope::Free;
    }
    free.insert(newfree.begin(), newfree.end());
  }

  SymbolTable& table_;
  std::shared_ptr<const Source> source_;
  const SyntaxFeatures& syntax_;
  SymtableEntry* cur_ = nullptr;
  bool comp_target_ = false;
  std::string private_;  // st_private: the class whose body the walk is in
  std::map<std::pair<const SymtableEntry*, std::string>, std::pair<Loc, Loc>> decl_locs_;  // a declaration statement's start and end

};

std::unique_ptr<SymbolTable> SymbolTable::build(const ast::Module& module) {
  auto table = std::unique_ptr<SymbolTable>(new SymbolTable());
  SymtableBuilder b(*table, module.source, module.syntax);
  b.module(module);
  b.analyze();
  return table;
}

}  // namespace asim::lang
