// Tests of the tokenizer and parser (model/lang/lexer.*, model/lang/parser.*).
//
// Every expected AST dump, node position and SyntaxError message/position
// below was printed by CPython 3.12.1 itself for the same source, and pasted:
//   /root/.pyenv/versions/3.12.1/bin/python3.12 -c "import ast; print(ast.dump(ast.parse(src)))"
//   ast.walk(ast.parse(src)) -> f"{type(n).__name__}@{n.lineno}:{n.col_offset + 1}"
//   compile(src, "<f>", "exec") -> SyntaxError .msg, .lineno, .offset
// What asim reports on its own (constructs outside its subset) is
// marked as such.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/lang/lexer.hpp"
#include "model/lang/parser.hpp"

namespace {

namespace ast = asim::lang::ast;
using asim::lang::Diagnostic;
using asim::lang::Source;
using K = Diagnostic::Kind;

// --- dumper begin
// Prints a Module as CPython 3.12's ast.dump() does (no attributes): fields
// that are None are left out, lists are always shown. Fields asim's AST does
// not keep (annotations, type_comment, ...) print as CPython's defaults.
class Dumper {
 public:
  std::string module(const ast::Module& m) { return "Module(body=" + body(m.body) + ", type_ignores=[])"; }
  // When set, every statement and expression adds "Kind@line:col" here.
  std::vector<std::string>* locations = nullptr;

 private:
  template <class T, class F>
  std::string list(const std::vector<T>& items, F f) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + f(items[i]);
    return out + "]";
  }
  std::string body(const ast::Body& b) {
    return list(b, [&](const ast::StmtPtr& s) { return stmt(*s); });
  }
  std::string exprs(const std::vector<ast::ExprPtr>& v) {
    return list(v, [&](const ast::ExprPtr& e) { return e ? expr(*e) : std::string("None"); });
  }
  static std::string quote(const std::string& s) {
    const bool dq = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
    std::string out(1, dq ? '"' : '\'');
    for (unsigned char c : s) {
      if (c == '\\')
        out += "\\\\";
      else if (c == '\n')
        out += "\\n";
      else if (c == '\t')
        out += "\\t";
      else if (c == '\r')
        out += "\\r";
      else if (c == (dq ? '"' : '\''))
        out += std::string("\\") + static_cast<char>(c);
      else if (c < 0x20 || c == 0x7F)
        out += fmt::format("\\x{:02x}", c);
      else
        out += static_cast<char>(c);
    }
    return out + (dq ? '"' : '\'');
  }
  static std::string str_names(const std::vector<std::string>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + quote(v[i]);
    return out + "]";
  }
  static std::string ctx(ast::Ctx c) {
    return c == ast::Ctx::Load ? "Load()" : c == ast::Ctx::Store ? "Store()" : "Del()";
  }
  static std::string binop(ast::BinOp op) {
    using B = ast::BinOp;
    switch (op) {
      case B::Add: return "Add()";
      case B::Sub: return "Sub()";
      case B::Mult: return "Mult()";
      case B::Div: return "Div()";
      case B::FloorDiv: return "FloorDiv()";
      case B::Mod: return "Mod()";
      case B::Pow: return "Pow()";
      case B::LShift: return "LShift()";
      case B::RShift: return "RShift()";
      case B::BitOr: return "BitOr()";
      case B::BitXor: return "BitXor()";
      case B::BitAnd: return "BitAnd()";
      case B::MatMult: return "MatMult()";
    }
    return "?";
  }
  static std::string cmpop(ast::CmpOp op) {
    using C = ast::CmpOp;
    switch (op) {
      case C::Eq: return "Eq()";
      case C::NotEq: return "NotEq()";
      case C::Lt: return "Lt()";
      case C::LtE: return "LtE()";
      case C::Gt: return "Gt()";
      case C::GtE: return "GtE()";
      case C::Is: return "Is()";
      case C::IsNot: return "IsNot()";
      case C::In: return "In()";
      case C::NotIn: return "NotIn()";
    }
    return "?";
  }
  static std::string unaryop(ast::UnaryOp op) {
    using U = ast::UnaryOp;
    switch (op) {
      case U::Not: return "Not()";
      case U::USub: return "USub()";
      case U::UAdd: return "UAdd()";
      case U::Invert: return "Invert()";
    }
    return "?";
  }
  static std::string arg(const std::string& name) { return "arg(arg=" + quote(name) + ")"; }
  std::string arguments(const ast::Arguments& a) {
    auto args = [&](const std::vector<std::string>& v) { return list(v, [](const std::string& n) { return arg(n); }); };
    std::string out = "arguments(posonlyargs=" + args(a.posonly) + ", args=" + args(a.args);
    if (a.vararg) out += ", vararg=" + arg(*a.vararg);
    out += ", kwonlyargs=" + args(a.kwonly) + ", kw_defaults=" + exprs(a.kw_defaults);
    if (a.kwarg) out += ", kwarg=" + arg(*a.kwarg);
    return out + ", defaults=" + exprs(a.defaults) + ")";
  }
  std::string comprehensions(const std::vector<ast::Comprehension>& gens) {
    return list(gens, [&](const ast::Comprehension& c) {
      return "comprehension(target=" + expr(*c.target) + ", iter=" + expr(*c.iter) + ", ifs=" + exprs(c.ifs) +
             ", is_async=" + (c.is_async ? "1" : "0") + ")";
    });
  }
  std::string opt(std::string_view field, const ast::ExprPtr& e) {
    return e ? fmt::format(", {}={}", field, expr(*e)) : std::string();
  }

  std::string stmt(const ast::Stmt& s) { return located(stmt_text(s), s.loc); }
  std::string expr(const ast::Expr& e) { return located(expr_text(e), e.loc); }
  std::string located(std::string text, asim::lang::Loc loc) {
    if (locations) locations->push_back(fmt::format("{}@{}:{}", text.substr(0, text.find('(')), loc.line, loc.col));
    return text;
  }

  std::string stmt_text(const ast::Stmt& s) {
    using K = ast::StmtKind;
    switch (s.kind) {
      case K::FunctionDef:
      case K::AsyncFunctionDef: {
        const auto& f = static_cast<const ast::FunctionDef&>(s);
        return fmt::format("{}(name={}, args={}, body={}, decorator_list={}, type_params=[])",
                           f.is_async() ? "AsyncFunctionDef" : "FunctionDef", quote(f.name), arguments(f.args),
                           body(f.body), exprs(f.decorator_list));
      }
      case K::ClassDef: {
        const auto& c = static_cast<const ast::ClassDef&>(s);
        return fmt::format("ClassDef(name={}, bases={}, keywords=[], body={}, decorator_list={}, type_params=[])",
                           quote(c.name), exprs(c.bases), body(c.body), exprs(c.decorator_list));
      }
      case K::Return: {
        const auto& r = static_cast<const ast::Return&>(s);
        return r.value ? "Return(value=" + expr(*r.value) + ")" : std::string("Return()");
      }
      case K::Delete: return "Delete(targets=" + exprs(static_cast<const ast::Delete&>(s).targets) + ")";
      case K::Assign: {
        const auto& a = static_cast<const ast::Assign&>(s);
        return "Assign(targets=" + exprs(a.targets) + ", value=" + expr(*a.value) + ")";
      }
      case K::AugAssign: {
        const auto& a = static_cast<const ast::AugAssign&>(s);
        return "AugAssign(target=" + expr(*a.target) + ", op=" + binop(a.op) + ", value=" + expr(*a.value) + ")";
      }
      case K::AnnAssign: {
        const auto& a = static_cast<const ast::AnnAssign&>(s);
        return "AnnAssign(target=" + expr(*a.target) + ", annotation=" + expr(*a.annotation) + opt("value", a.value) +
               ", simple=" + (a.target->kind == ast::ExprKind::Name ? "1" : "0") + ")";
      }
      case K::For:
      case K::AsyncFor: {
        const auto& f = static_cast<const ast::For&>(s);
        return fmt::format("{}(target={}, iter={}, body={}, orelse={})", s.kind == K::For ? "For" : "AsyncFor",
                           expr(*f.target), expr(*f.iter), body(f.body), body(f.orelse));
      }
      case K::While: {
        const auto& w = static_cast<const ast::While&>(s);
        return "While(test=" + expr(*w.test) + ", body=" + body(w.body) + ", orelse=" + body(w.orelse) + ")";
      }
      case K::If: {
        const auto& i = static_cast<const ast::If&>(s);
        return "If(test=" + expr(*i.test) + ", body=" + body(i.body) + ", orelse=" + body(i.orelse) + ")";
      }
      case K::With:
      case K::AsyncWith: {
        const auto& w = static_cast<const ast::With&>(s);
        const auto items = list(w.items, [&](const ast::WithItem& i) {
          return "withitem(context_expr=" + expr(*i.context_expr) + opt("optional_vars", i.optional_vars) + ")";
        });
        return fmt::format("{}(items={}, body={})", s.kind == K::With ? "With" : "AsyncWith", items, body(w.body));
      }
      case K::Raise: {
        const auto& r = static_cast<const ast::Raise&>(s);
        std::string f = opt("exc", r.exc) + opt("cause", r.cause);
        return "Raise(" + (f.empty() ? f : f.substr(2)) + ")";
      }
      case K::Try: {
        const auto& t = static_cast<const ast::Try&>(s);
        const auto handlers = list(t.handlers, [&](const ast::ExceptHandler& h) {
          std::string f = opt("type", h.type);
          if (h.name) f += ", name=" + quote(*h.name);
          f += ", body=" + body(h.body);
          return "ExceptHandler(" + f.substr(2) + ")";
        });
        return "Try(body=" + body(t.body) + ", handlers=" + handlers + ", orelse=" + body(t.orelse) +
               ", finalbody=" + body(t.finalbody) + ")";
      }
      case K::Assert: {
        const auto& a = static_cast<const ast::Assert&>(s);
        return "Assert(test=" + expr(*a.test) + opt("msg", a.msg) + ")";
      }
      case K::Import:
      case K::ImportFrom: {
        const auto& names = s.kind == K::Import ? static_cast<const ast::Import&>(s).names
                                                : static_cast<const ast::ImportFrom&>(s).names;
        const auto aliases = list(names, [&](const ast::Alias& a) {
          return "alias(name=" + quote(a.name) + (a.asname ? ", asname=" + quote(*a.asname) : "") + ")";
        });
        if (s.kind == K::Import) return "Import(names=" + aliases + ")";
        return "ImportFrom(module=" + quote(static_cast<const ast::ImportFrom&>(s).module) + ", names=" + aliases +
               ", level=0)";
      }
      case K::Global:
      case K::Nonlocal:
        return fmt::format("{}(names={})", s.kind == K::Global ? "Global" : "Nonlocal",
                           str_names(static_cast<const ast::Global&>(s).names));
      case K::Expr: return "Expr(value=" + expr(*static_cast<const ast::ExprStmt&>(s).value) + ")";
      case K::Match: return "Match(...)";
      case K::Pass: return "Pass()";
      case K::Break: return "Break()";
      case K::Continue: return "Continue()";
    }
    return "?";
  }

  std::string constant(const ast::Constant& c) {
    using T = ast::Constant::Type;
    switch (c.type) {
      case T::None: return "None";
      case T::True: return "True";
      case T::False: return "False";
      case T::Ellipsis: return "Ellipsis";
      case T::Int: return std::to_string(c.int_value);
      case T::Str: return quote(c.str_value);
      case T::Bytes: return "b" + quote(c.str_value);
      case T::Float: {
        std::string f = fmt::format("{}", c.float_value);
        if (f.find_first_of(".eni") == std::string::npos) f += ".0";
        return f;
      }
    }
    return "?";
  }

  std::string expr_text(const ast::Expr& e) {
    using K = ast::ExprKind;
    switch (e.kind) {
      case K::BoolOp: {
        const auto& b = static_cast<const ast::BoolOpExpr&>(e);
        return fmt::format("BoolOp(op={}, values={})", b.op == ast::BoolOp::And ? "And()" : "Or()", exprs(b.values));
      }
      case K::NamedExpr: {
        const auto& n = static_cast<const ast::NamedExpr&>(e);
        return "NamedExpr(target=" + expr(*n.target) + ", value=" + expr(*n.value) + ")";
      }
      case K::BinOp: {
        const auto& b = static_cast<const ast::BinOpExpr&>(e);
        return "BinOp(left=" + expr(*b.left) + ", op=" + binop(b.op) + ", right=" + expr(*b.right) + ")";
      }
      case K::UnaryOp: {
        const auto& u = static_cast<const ast::UnaryOpExpr&>(e);
        return "UnaryOp(op=" + unaryop(u.op) + ", operand=" + expr(*u.operand) + ")";
      }
      case K::Lambda: {
        const auto& l = static_cast<const ast::Lambda&>(e);
        return "Lambda(args=" + arguments(l.args) + ", body=" + expr(*l.body) + ")";
      }
      case K::IfExp: {
        const auto& i = static_cast<const ast::IfExp&>(e);
        return "IfExp(test=" + expr(*i.test) + ", body=" + expr(*i.body) + ", orelse=" + expr(*i.orelse) + ")";
      }
      case K::Dict: {
        const auto& d = static_cast<const ast::DictExpr&>(e);
        return "Dict(keys=" + exprs(d.keys) + ", values=" + exprs(d.values) + ")";
      }
      case K::Set: return "Set(elts=" + exprs(static_cast<const ast::SetExpr&>(e).elts) + ")";
      case K::ListComp: {
        const auto& c = static_cast<const ast::ListComp&>(e);
        return "ListComp(elt=" + expr(*c.elt) + ", generators=" + comprehensions(c.generators) + ")";
      }
      case K::SetComp: {
        const auto& c = static_cast<const ast::SetComp&>(e);
        return "SetComp(elt=" + expr(*c.elt) + ", generators=" + comprehensions(c.generators) + ")";
      }
      case K::GeneratorExp: {
        const auto& c = static_cast<const ast::GeneratorExp&>(e);
        return "GeneratorExp(elt=" + expr(*c.elt) + ", generators=" + comprehensions(c.generators) + ")";
      }
      case K::DictComp: {
        const auto& c = static_cast<const ast::DictComp&>(e);
        return "DictComp(key=" + expr(*c.key) + ", value=" + expr(*c.value) +
               ", generators=" + comprehensions(c.generators) + ")";
      }
      case K::Await: return "Await(value=" + expr(*static_cast<const ast::Await&>(e).value) + ")";
      case K::Yield: {
        const auto& y = static_cast<const ast::Yield&>(e);
        if (y.from) return "YieldFrom(value=" + expr(*y.value) + ")";
        return y.value ? "Yield(value=" + expr(*y.value) + ")" : "Yield()";
      }
      case K::Compare: {
        const auto& c = static_cast<const ast::Compare&>(e);
        return "Compare(left=" + expr(*c.left) + ", ops=" + list(c.ops, [](ast::CmpOp o) { return cmpop(o); }) +
               ", comparators=" + exprs(c.comparators) + ")";
      }
      case K::Call: {
        const auto& c = static_cast<const ast::Call&>(e);
        const auto kws = list(c.keywords, [&](const ast::Keyword& k) {
          return "keyword(" + (k.arg ? "arg=" + quote(*k.arg) + ", " : std::string()) + "value=" + expr(*k.value) + ")";
        });
        return "Call(func=" + expr(*c.func) + ", args=" + exprs(c.args) + ", keywords=" + kws + ")";
      }
      case K::FormattedValue: {
        const auto& f = static_cast<const ast::FormattedValue&>(e);
        return "FormattedValue(value=" + expr(*f.value) +
               ", conversion=" + std::to_string(f.conversion ? static_cast<int>(f.conversion) : -1) +
               opt("format_spec", f.format_spec) + ")";
      }
      case K::JoinedStr: return "JoinedStr(values=" + exprs(static_cast<const ast::JoinedStr&>(e).values) + ")";
      case K::Constant: return "Constant(value=" + constant(static_cast<const ast::Constant&>(e)) + ")";
      case K::Attribute: {
        const auto& a = static_cast<const ast::Attribute&>(e);
        return "Attribute(value=" + expr(*a.value) + ", attr=" + quote(a.attr) + ", ctx=" + ctx(a.ctx) + ")";
      }
      case K::Subscript: {
        const auto& s = static_cast<const ast::Subscript&>(e);
        return "Subscript(value=" + expr(*s.value) + ", slice=" + expr(*s.slice) + ", ctx=" + ctx(s.ctx) + ")";
      }
      case K::Starred: {
        const auto& s = static_cast<const ast::Starred&>(e);
        return "Starred(value=" + expr(*s.value) + ", ctx=" + ctx(s.ctx) + ")";
      }
      case K::Name: {
        const auto& n = static_cast<const ast::Name&>(e);
        return "Name(id=" + quote(n.id) + ", ctx=" + ctx(n.ctx) + ")";
      }
      case K::List: {
        const auto& l = static_cast<const ast::ListExpr&>(e);
        return "List(elts=" + exprs(l.elts) + ", ctx=" + ctx(l.ctx) + ")";
      }
      case K::Tuple: {
        const auto& t = static_cast<const ast::TupleExpr&>(e);
        return "Tuple(elts=" + exprs(t.elts) + ", ctx=" + ctx(t.ctx) + ")";
      }
      case K::Slice: {
        const auto& s = static_cast<const ast::Slice&>(e);
        const std::string f = opt("lower", s.lower) + opt("upper", s.upper) + opt("step", s.step);
        return "Slice(" + (f.empty() ? f : f.substr(2)) + ")";
      }
    }
    return "?";
  }
};
// --- dumper end

std::shared_ptr<const Source> source(std::string text) { return std::make_shared<Source>("<test>", std::move(text)); }
ast::Module parse(const std::string& text) { return asim::lang::parse(source(text)); }
std::string dump(const std::string& text) { return Dumper().module(parse(text)); }

std::string kind_name(K k) {
  return k == K::SyntaxError ? "SyntaxError"
         : k == K::IndentationError ? "IndentationError"
         : k == K::TabError         ? "TabError"
                                    : "Unsupported";
}

// "Kind: message @line:col" of the Diagnostic parsing `text` raises.
std::string diagnostic(const std::string& text) {
  try {
    parse(text);
  } catch (const Diagnostic& d) {
    return fmt::format("{}: {} @{}:{}", kind_name(d.kind()), d.message(), d.loc().line, d.loc().col);
  }
  return "no diagnostic";
}

struct DumpCase {
  const char* source;
  const char* dump;
};
void check_dumps(std::initializer_list<DumpCase> cases) {
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(dump(c.source) == c.dump);
  }
}

struct ErrorCase {
  const char* source;
  K kind;
  const char* message;
  int line, col;
};
void check_errors(std::initializer_list<ErrorCase> cases) {
  for (const auto& c : cases) {
    INFO(c.source);
    CHECK(diagnostic(c.source) == fmt::format("{}: {} @{}:{}", kind_name(c.kind), c.message, c.line, c.col));
  }
}

std::vector<asim::lang::TokenKind> token_kinds(const std::string& text) {
  asim::lang::Lexer lexer(source(text));
  std::vector<asim::lang::TokenKind> kinds;
  for (;;) {
    kinds.push_back(lexer.next().kind);
    if (kinds.back() == asim::lang::TokenKind::EndMarker) return kinds;
  }
}

}  // namespace

TEST_CASE("lexer: NEWLINE, INDENT and DEDENT as CPython's tokenizer", "[parser]") {
  using T = asim::lang::TokenKind;
  // Blank and comment-only lines, bracketed continuation lines and backslash
  // continuations make no NEWLINE or INDENT.
  const auto kinds = token_kinds(
      "if a:\n"
      "\n"
      "        # comment\n"
      "\tx = (1,\n"
      "  2)\n"
      "\ty = 1 + \\\n"
      "3\n"
      "z");
  const std::vector<T> expected = {T::Name,   T::Name, T::Op,      T::Newline,  // if a:
                                   T::Indent, T::Name, T::Op,      T::Op,       T::Number, T::Op,
                                   T::Number, T::Op,   T::Newline,                                      // x = (1, 2)
                                   T::Name,   T::Op,   T::Number,  T::Op,       T::Number, T::Newline,  // y = 1 + 3
                                   T::Dedent, T::Name, T::Newline, T::EndMarker};
  CHECK(kinds == expected);

  asim::lang::Lexer lexer(source("x = 0x_ff + 1_000 + 2.5e-1 + 'a\\tb' + f'{x!r:>{w}}'"));
  std::vector<asim::lang::Token> tokens;
  do tokens.push_back(lexer.next());
  while (tokens.back().kind != T::EndMarker);
  CHECK(tokens[2].int_value == 255);
  CHECK(tokens[4].int_value == 1000);
  CHECK(tokens[6].is_float);
  CHECK(tokens[6].float_value == 0.25);
  CHECK(tokens[8].value == "a\tb");
  REQUIRE(tokens[10].is_fstring);
  REQUIRE(tokens[10].pieces.size() == 1);
  const auto& field = tokens[10].pieces[0];
  CHECK(field.is_field);
  CHECK(field.conversion == 'r');
  CHECK(field.has_spec);
  CHECK(field.spec.size() == 2);
  CHECK(field.loc.col == 41);
}

TEST_CASE("parser: operator precedence and associativity match CPython", "[parser]") {
  check_dumps(
      {
          {R"py(-2**2)py",
           R"py(Module(body=[Expr(value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=2), op=Pow(), right=Constant(value=2))))], type_ignores=[]))py"},
          {R"py(2 ** -3 ** 4)py",
           R"py(Module(body=[Expr(value=BinOp(left=Constant(value=2), op=Pow(), right=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=3), op=Pow(), right=Constant(value=4)))))], type_ignores=[]))py"},
          {R"py(a + b * c - d / e // f % g @ h)py",
           R"py(Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=BinOp(left=Name(id='b', ctx=Load()), op=Mult(), right=Name(id='c', ctx=Load()))), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=Div(), right=Name(id='e', ctx=Load())), op=FloorDiv(), right=Name(id='f', ctx=Load())), op=Mod(), right=Name(id='g', ctx=Load())), op=MatMult(), right=Name(id='h', ctx=Load()))))], type_ignores=[]))py"},
          {R"py(a | b ^ c & d << e >> f + g)py",
           R"py(Module(body=[Expr(value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())))))))], type_ignores=[]))py"},
          {R"py(x = 1 if a or b and not c else d)py",
           R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='c', ctx=Load()))])]), body=Constant(value=1), orelse=Name(id='d', ctx=Load())))], type_ignores=[]))py"},
          {R"py(not a == b < c is not d in e not in f)py",
           R"py(Module(body=[Expr(value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq(), Lt(), IsNot(), In(), NotIn()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load()), Name(id='f', ctx=Load())])))], type_ignores=[]))py"},
          {R"py(lambda x, y=1: x if y else -x)py", R"py(Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='x'), arg(arg='y')], kwonlyargs=[], kw_defaults=[], defaults=[Constant(value=1)]), body=IfExp(test=Name(id='y', ctx=Load()), body=Name(id='x', ctx=Load()), orelse=UnaryOp(op=USub(), operand=Name(id='x', ctx=Load())))))], type_ignores=[]))py"},
          {R"py(~a + +b - -c)py",
           R"py(Module(body=[Expr(value=BinOp(left=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=UAdd(), operand=Name(id='b', ctx=Load()))), op=Sub(), right=UnaryOp(op=USub(), operand=Name(id='c', ctx=Load()))))], type_ignores=[]))py"},
          {R"py(a.b[c](d, *e, f=g, **h).i)py",
           R"py(Module(body=[Expr(value=Attribute(value=Call(func=Subscript(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()), args=[Name(id='d', ctx=Load()), Starred(value=Name(id='e', ctx=Load()), ctx=Load())], keywords=[keyword(arg='f', value=Name(id='g', ctx=Load())), keyword(value=Name(id='h', ctx=Load()))]), attr='i', ctx=Load()))], type_ignores=[]))py"},
          {R"py((a + b) * c)py",
           R"py(Module(body=[Expr(value=BinOp(left=BinOp(left=Name(id='a', ctx=Load()), op=Add(), right=Name(id='b', ctx=Load())), op=Mult(), right=Name(id='c', ctx=Load())))], type_ignores=[]))py"},
          {R"py(x = a if b else c if d else e)py",
           R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[]))py"},
          {R"py(y = (n := 10) > 5)py",
           R"py(Module(body=[Assign(targets=[Name(id='y', ctx=Store())], value=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Constant(value=10)), ops=[Gt()], comparators=[Constant(value=5)]))], type_ignores=[]))py"},
          {R"py(await_ = a or b or c and d and e)py",
           R"py(Module(body=[Assign(targets=[Name(id='await_', ctx=Store())], value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), Name(id='b', ctx=Load()), BoolOp(op=And(), values=[Name(id='c', ctx=Load()), Name(id='d', ctx=Load()), Name(id='e', ctx=Load())])]))], type_ignores=[]))py"},
      });
}

TEST_CASE("parser: statements match CPython's AST", "[parser]") {
  check_dumps(
      {
          {R"py(async def f(a, b=1, *c, d, e=2, **g):
    await x)py",
           R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='g'), defaults=[Constant(value=1)]), body=[Expr(value=Await(value=Name(id='x', ctx=Load())))], decorator_list=[], type_params=[])], type_ignores=[]))py"},
          {R"py(def f(a, /, b, *, c):
    return)py",
           R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), body=[Return()], decorator_list=[], type_params=[])], type_ignores=[]))py"},
          {R"py(@dec
def f():
    pass)py",
           R"py(Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[Name(id='dec', ctx=Load())], type_params=[])], type_ignores=[]))py"},
          {R"py(class C(A, B):
    def m(self):
        return self.x)py",
           R"py(Module(body=[ClassDef(name='C', bases=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], keywords=[], body=[FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=Attribute(value=Name(id='self', ctx=Load()), attr='x', ctx=Load()))], decorator_list=[], type_params=[])], decorator_list=[], type_params=[])], type_ignores=[]))py"},
          {R"py(if a:
    pass
elif b:
    x = 1
else:
    y = 2)py",
           R"py(Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], orelse=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])])], type_ignores=[]))py"},
          {R"py(while x:
    break
else:
    pass)py",
           R"py(Module(body=[While(test=Name(id='x', ctx=Load()), body=[Break()], orelse=[Pass()])], type_ignores=[]))py"},
          {R"py(for i, (j, *k) in enumerate(xs):
    continue
else:
    pass)py",
           R"py(Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Tuple(elts=[Name(id='j', ctx=Store()), Starred(value=Name(id='k', ctx=Store()), ctx=Store())], ctx=Store())], ctx=Store()), iter=Call(func=Name(id='enumerate', ctx=Load()), args=[Name(id='xs', ctx=Load())], keywords=[]), body=[Continue()], orelse=[Pass()])], type_ignores=[]))py"},
          {R"py(try:
    pass
except (A, B) as e:
    raise C from e
except D:
    raise
except:
    pass
else:
    pass
finally:
    pass)py",
           R"py(Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), name='e', body=[Raise(exc=Name(id='C', ctx=Load()), cause=Name(id='e', ctx=Load()))]), ExceptHandler(type=Name(id='D', ctx=Load()), body=[Raise()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[]))py"},
          {R"py(async def f():
    async for x in y:
        pass
    async with a as b, c:
        pass
    with (d as e, f):
        pass)py",
           R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()]), With(items=[withitem(context_expr=Name(id='d', ctx=Load()), optional_vars=Name(id='e', ctx=Store())), withitem(context_expr=Name(id='f', ctx=Load()))], body=[Pass()])], decorator_list=[], type_params=[])], type_ignores=[]))py"},
          {R"py(import a.b as c, d
from e.f import g as h, i
from j import (k,
    l,))py",
           R"py(Module(body=[Import(names=[alias(name='a.b', asname='c'), alias(name='d')]), ImportFrom(module='e.f', names=[alias(name='g', asname='h'), alias(name='i')], level=0), ImportFrom(module='j', names=[alias(name='k'), alias(name='l')], level=0)], type_ignores=[]))py"},
          {R"py(global a, b
def f():
    nonlocal a
    del a[1], b.c, (d, e)
    assert x, 'msg')py",
           R"py(Module(body=[Global(names=['a', 'b']), FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Nonlocal(names=['a']), Delete(targets=[Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value=1), ctx=Del()), Attribute(value=Name(id='b', ctx=Load()), attr='c', ctx=Del()), Tuple(elts=[Name(id='d', ctx=Del()), Name(id='e', ctx=Del())], ctx=Del())]), Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], decorator_list=[], type_params=[])], type_ignores=[]))py"},
          {R"py(x = y = z
a, *b = c
x += 1
x //= y ** 2
d[k] -= 1)py",
           R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], value=Name(id='z', ctx=Load())), Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load())), AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1)), AugAssign(target=Name(id='x', ctx=Store()), op=FloorDiv(), value=BinOp(left=Name(id='y', ctx=Load()), op=Pow(), right=Constant(value=2))), AugAssign(target=Subscript(value=Name(id='d', ctx=Load()), slice=Name(id='k', ctx=Load()), ctx=Store()), op=Sub(), value=Constant(value=1))], type_ignores=[]))py"},
          {R"py(x = 1; y = 2;
pass)py",
           R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2)), Pass()], type_ignores=[]))py"},
      });
}

TEST_CASE("parser: comprehensions, displays, calls and slices match CPython's AST", "[parser]") {
  check_dumps({
      {R"py([x * y for x in a if x for y in b if y if not x])py",
       R"py(Module(body=[Expr(value=ListComp(elt=BinOp(left=Name(id='x', ctx=Load()), op=Mult(), right=Name(id='y', ctx=Load())), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='a', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0), comprehension(target=Name(id='y', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[Name(id='y', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='x', ctx=Load()))], is_async=0)]))], type_ignores=[]))py"},
      {R"py({k: v for k, v in d.items()})py",
       R"py(Module(body=[Expr(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[]))py"},
      {R"py({x for x in y})py",
       R"py(Module(body=[Expr(value=SetComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[]))py"},
      {R"py(sum(x for x in y if x))py",
       R"py(Module(body=[Expr(value=Call(func=Name(id='sum', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[Name(id='x', ctx=Load())], is_async=0)])], keywords=[]))], type_ignores=[]))py"},
      {R"py(async def f():
    return [x async for x in y])py",
       R"py(Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Return(value=ListComp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=1)]))], decorator_list=[], type_params=[])], type_ignores=[]))py"},
      {R"py({**a, 'b': 1, **c})py",
       R"py(Module(body=[Expr(value=Dict(keys=[None, Constant(value='b'), None], values=[Name(id='a', ctx=Load()), Constant(value=1), Name(id='c', ctx=Load())]))], type_ignores=[]))py"},
      {R"py({1, 2, *a})py",
       R"py(Module(body=[Expr(value=Set(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', ctx=Load()), ctx=Load())]))], type_ignores=[]))py"},
      {R"py([*a, *b])py",
       R"py(Module(body=[Expr(value=List(elts=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))py"},
      {R"py(f(*a, *b, **c, **d))py", R"py(Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(value=Name(id='c', ctx=Load())), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[]))py"},
      {R"py(a[1:2:3], a[::2], a[1:2, ::3], a[:], a[x, y], a[i][j])py",
       R"py(Module(body=[Expr(value=Tuple(elts=[Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), ctx=Load()), Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=2)), ctx=Load()), Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Slice(step=Constant(value=3))], ctx=Load()), ctx=Load()), Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()), Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), ctx=Load()), Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Name(id='i', ctx=Load()), ctx=Load()), slice=Name(id='j', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[]))py"},
      {R"py(x = (1,), (), [], {}, 1,)py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Tuple(elts=[Constant(value=1)], ctx=Load()), Tuple(elts=[], ctx=Load()), List(elts=[], ctx=Load()), Dict(keys=[], values=[]), Constant(value=1)], ctx=Load()))], type_ignores=[]))py"},
      {R"py(x = ..., None, True, False)py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=Ellipsis), Constant(value=None), Constant(value=True), Constant(value=False)], ctx=Load()))], type_ignores=[]))py"},
      {R"py(if (n := len(a)) > 10:
    pass)py",
       R"py(Module(body=[If(test=Compare(left=NamedExpr(target=Name(id='n', ctx=Store()), value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[])), ops=[Gt()], comparators=[Constant(value=10)]), body=[Pass()], orelse=[])], type_ignores=[]))py"},
      {R"py(x = lambda *a, k=1, **kw: 0)py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], vararg=arg(arg='a'), kwonlyargs=[arg(arg='k')], kw_defaults=[Constant(value=1)], kwarg=arg(arg='kw'), defaults=[]), body=Constant(value=0)))], type_ignores=[]))py"},
  });
}

TEST_CASE("parser: f-strings with conversions, format specs, nested fields and '='", "[parser]") {
  check_dumps({
      {R"py(f"a{x=}b{y!r:>10}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='ax='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114), Constant(value='b'), FormattedValue(value=Name(id='y', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>10')]))]))], type_ignores=[]))py"},
      {R"py(f"{x=:>3}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='>3')]))]))], type_ignores=[]))py"},
      {R"py(f"{x=!s}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[]))py"},
      {R"py(f"{ x = }")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value=' x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[]))py"},
      {R"py(f"{x:.{p}f}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.'), FormattedValue(value=Name(id='p', ctx=Load()), conversion=-1), Constant(value='f')]))]))], type_ignores=[]))py"},
      {R"py(f"{x!a} {{literal}} }}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=97), Constant(value=' {literal} }')]))], type_ignores=[]))py"},
      {R"py(f'{a["b"]!r}')py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=114)]))], type_ignores=[]))py"},
      {R"py(f"{x}" "y" f"{z!a}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='y'), FormattedValue(value=Name(id='z', ctx=Load()), conversion=97)]))], type_ignores=[]))py"},
      {R"py("a" f"b")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='ab')]))], type_ignores=[]))py"},
      {R"py(f"")py", R"py(Module(body=[Expr(value=JoinedStr(values=[]))], type_ignores=[]))py"},
      {R"py(f"{3.14:.2f}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]))], type_ignores=[]))py"},
      {R"py(f"{f'{x}'}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]), conversion=-1)]))], type_ignores=[]))py"},
      {R"py(f"{x, y}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), conversion=-1)]))], type_ignores=[]))py"},
      {R"py(f"""multi
{x}
line""")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='multi\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\nline')]))], type_ignores=[]))py"},
      {R"py(f"\n{x}\t")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1), Constant(value='\t')]))], type_ignores=[]))py"},
      {R"py(rf"\n{x}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[Constant(value='\\n'), FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1)]))], type_ignores=[]))py"},
      {R"py(f"{x!=y} {x==y} {a[1:2]}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[NotEq()], comparators=[Name(id='y', ctx=Load())]), conversion=-1), Constant(value=' '), FormattedValue(value=Compare(left=Name(id='x', ctx=Load()), ops=[Eq()], comparators=[Name(id='y', ctx=Load())]), conversion=-1), Constant(value=' '), FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()), conversion=-1)]))], type_ignores=[]))py"},
      {R"py(f"{x:#x}")py",
       R"py(Module(body=[Expr(value=JoinedStr(values=[FormattedValue(value=Name(id='x', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='#x')]))]))], type_ignores=[]))py"},
  });
}

TEST_CASE("parser: string and number literals", "[parser]") {
  check_dumps({
      {R"py(x = "\x41\u00e9\101\n\t\\\'\"\a\0")py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='AéA\n\t\\\'"\x07\x00'))], type_ignores=[]))py"},
      {R"py(x = r"\n\x41")py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\n\\x41'))], type_ignores=[]))py"},
      {R"py(x = '''a
b''')py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='a\nb'))], type_ignores=[]))py"},
      {R"py(x = "a\
b")py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab'))], type_ignores=[]))py"},
      {R"py(x = "\d")py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\d'))], type_ignores=[]))py"},
      {R"py(x = "a" 'b' """c""")py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abc'))], type_ignores=[]))py"},
      {R"py(x = 0x1F + 0o17 + 0b101 + 1_000_000 + 9223372036854775807)py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=31), op=Add(), right=Constant(value=15)), op=Add(), right=Constant(value=5)), op=Add(), right=Constant(value=1000000)), op=Add(), right=Constant(value=9223372036854775807)))], type_ignores=[]))py"},
      {R"py(x = 1.5 + 2e3 + .5 + 1e-3 + 10. + 1_0.5_5)py",
       R"py(Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1.5), op=Add(), right=Constant(value=2000.0)), op=Add(), right=Constant(value=0.5)), op=Add(), right=Constant(value=0.001)), op=Add(), right=Constant(value=10.0)), op=Add(), right=Constant(value=10.55)))], type_ignores=[]))py"},
  });
}

TEST_CASE("parser: node locations are CPython's lineno and col_offset + 1", "[parser]") {
  struct Case {
    const char* source;
    const char* locations;
  };
  const Case cases[] = {
      {R"py(x = (a + b) * f(c)[d].e)py",
       "Assign@1:1 Attribute@1:15 BinOp@1:5 BinOp@1:6 Call@1:15 Name@1:1 Name@1:10 Name@1:15 Name@1:17 Name@1:20 "
       "Name@1:6 Subscript@1:15"},
      {R"py(async def f():
    return [await g(x) for x in y if x])py",
       "AsyncFunctionDef@1:1 Await@2:13 Call@2:19 ListComp@2:12 Name@2:19 Name@2:21 Name@2:28 Name@2:33 Name@2:38 "
       "Return@2:5"},
      {R"py(if a:
    pass
elif b:
    s = f'ab{c!r:.{w}f}d')py",
       "Assign@4:5 Constant@4:11 Constant@4:18 Constant@4:22 Constant@4:24 FormattedValue@4:13 FormattedValue@4:19 "
       "If@1:1 If@3:1 JoinedStr@4:17 JoinedStr@4:9 Name@1:4 Name@3:6 Name@4:14 Name@4:20 Name@4:5 Pass@2:5"},
      {R"py(print(x for x in y)
z = (1, 2)
w = a[:2])py",
       "Assign@2:1 Assign@3:1 Call@1:1 Constant@2:6 Constant@2:9 Constant@3:8 Expr@1:1 GeneratorExp@1:6 Name@1:1 "
       "Name@1:13 Name@1:18 Name@1:7 Name@2:1 Name@3:1 Name@3:5 Slice@3:7 Subscript@3:5 Tuple@2:5"},
  };
  for (const auto& c : cases) {
    INFO(c.source);
    std::vector<std::string> locations;
    Dumper d;
    d.locations = &locations;
    d.module(parse(c.source));
    std::sort(locations.begin(), locations.end());
    std::string joined;
    for (const auto& l : locations) joined += (joined.empty() ? "" : " ") + l;
    CHECK(joined == c.locations);
  }
}

TEST_CASE("parser: parameter annotations are dropped, variable ones kept - soft keywords are names elsewhere",
          "[parser]") {
  // asim's AST keeps the annotations of `name: type` statements (modules and
  // classes store them in __annotations__), not those of parameters.
  CHECK(
      dump("def f(a: int = 1, *args: str, **kw: dict) -> None:\n    x: list[int] = []\n    y: int") ==
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], vararg=arg(arg='args'), "
      "kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), "
      "body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Subscript(value=Name(id='list', ctx=Load()), "
      "slice=Name(id='int', ctx=Load()), ctx=Load()), value=List(elts=[], ctx=Load()), simple=1), "
      "AnnAssign(target=Name(id='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=1)], "
      "decorator_list=[], type_params=[])], type_ignores=[])");
  check_dumps({
      {R"py(match = 1
match(x)
match.y = type
type(x))py",
       R"py(Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[])), Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='y', ctx=Store())], value=Name(id='type', ctx=Load())), Expr(value=Call(func=Name(id='type', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]))], type_ignores=[]))py"},
  });
}

TEST_CASE("parser: syntax errors read as CPython 3.12's, at its line and column", "[parser]") {
  check_errors({
      {R"py(f() = 1)py", K::SyntaxError, R"(cannot assign to function call here. Maybe you meant '==' instead of '='?)",
       1, 1},
      {R"py(1 = x)py", K::SyntaxError, R"(cannot assign to literal here. Maybe you meant '==' instead of '='?)", 1, 1},
      {R"py(None = 1)py", K::SyntaxError, R"(cannot assign to None)", 1, 1},
      {R"py(x + 1 = 2)py", K::SyntaxError, R"(cannot assign to expression here. Maybe you meant '==' instead of '='?)",
       1, 1},
      {R"py([a, f()] = 1)py", K::SyntaxError, R"(cannot assign to function call)", 1, 5},
      {R"py(f() += 1)py", K::SyntaxError, R"('function call' is an illegal expression for augmented assignment)", 1, 1},
      {R"py((a, b) += 1)py", K::SyntaxError, R"('tuple' is an illegal expression for augmented assignment)", 1, 1},
      {R"py(for f() in x: pass)py", K::SyntaxError, R"(cannot assign to function call)", 1, 5},
      {R"py(del f())py", K::SyntaxError, R"(cannot delete function call)", 1, 5},
      {R"py(del (a, 1))py", K::SyntaxError, R"(cannot delete literal)", 1, 9},
      {R"py(a, b: int = 1)py", K::SyntaxError, R"(only single target (not tuple) can be annotated)", 1, 1},
      {R"py(f(): int)py", K::SyntaxError, R"(illegal target for annotation)", 1, 1},
      {R"py(a if b else c = 1)py", K::SyntaxError, R"(cannot assign to conditional expression)", 1, 1},
      {R"py(x = {a: b for a in c} = 1)py", K::SyntaxError, R"(cannot assign to dict comprehension)", 1, 5},
      {R"py((yield) = 1)py", K::SyntaxError,
       R"(cannot assign to yield expression here. Maybe you meant '==' instead of '='?)", 1, 2},
      {R"py(if x
    pass)py",
       K::SyntaxError, R"(expected ':')", 1, 5},
      {R"py(class C:
    def f(self)
        pass)py",
       K::SyntaxError, R"(expected ':')", 2, 16},
      {R"py(def f() x:
    pass)py",
       K::SyntaxError, R"(expected ':')", 1, 9},
      {R"py(try
    pass)py",
       K::SyntaxError, R"(expected ':')", 1, 4},
      {R"py(try:
    pass
except E
    pass)py",
       K::SyntaxError, R"(expected ':')", 3, 9},
      {R"py([a b])py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 2},
      {R"py(f(a b))py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 3},
      {R"py({a b})py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 2},
      {R"py(f"{a b}")py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 4},
      {R"py(a b)py", K::SyntaxError, R"(invalid syntax)", 1, 3},
      {R"py(x = (1,)py", K::SyntaxError, R"('(' was never closed)", 1, 5},
      {R"py(x = (1,
y = 2)py",
       K::SyntaxError, R"('(' was never closed)", 1, 5},
      {R"py(a b
x = ()py",
       K::SyntaxError, R"(invalid syntax)", 1, 3},
      {R"py([a b)py", K::SyntaxError, R"('[' was never closed)", 1, 1},
      {R"py(x = [1, 2))py", K::SyntaxError, R"(closing parenthesis ')' does not match opening parenthesis '[')", 1, 10},
      {R"py(x = 1))py", K::SyntaxError, R"(unmatched ')')", 1, 6},
      {R"py(s = "abc)py", K::SyntaxError, R"(unterminated string literal (detected at line 1))", 1, 5},
      {R"py(s = '''abc
y = 1)py",
       K::SyntaxError, R"(unterminated triple-quoted string literal (detected at line 2))", 1, 5},
      {R"py(x = f"abc)py", K::SyntaxError, R"(unterminated f-string literal (detected at line 1))", 1, 5},
      {R"py(a b
s = "abc)py",
       K::SyntaxError, R"(unterminated string literal (detected at line 2))", 2, 5},
      {R"py(x = 1 +)py", K::SyntaxError, R"(invalid syntax)", 1, 8},
      {R"py(print "hello")py", K::SyntaxError, R"(Missing parentheses in call to 'print'. Did you mean print(...)?)", 1,
       1},
      {R"py(x = 1 if y)py", K::SyntaxError, R"(expected 'else' after 'if' expression)", 1, 5},
      {R"py(f(**x, *y))py", K::SyntaxError, R"(iterable argument unpacking follows keyword argument unpacking)", 1, 8},
      {R"py(f(x=1, y))py", K::SyntaxError, R"(positional argument follows keyword argument)", 1, 9},
      {R"py(f(a=))py", K::SyntaxError, R"(expected argument value expression)", 1, 3},
      {R"py(f(x+1=2))py", K::SyntaxError, R"(expression cannot contain assignment, perhaps you meant "=="?)", 1, 3},
      {R"py(f(a for a in b, c))py", K::SyntaxError, R"(Generator expression must be parenthesized)", 1, 3},
      {R"py(def f(x=1, y): pass)py", K::SyntaxError, R"(parameter without a default follows parameter with a default)",
       1, 12},
      {R"py(def f(*): pass)py", K::SyntaxError, R"(named arguments must follow bare *)", 1, 7},
      {R"py(def f(**k, a): pass)py", K::SyntaxError, R"(arguments cannot follow var-keyword argument)", 1, 12},
      {R"py(x := 1)py", K::SyntaxError, R"(invalid syntax)", 1, 3},
      {R"py((x.y := 1))py", K::SyntaxError, R"(cannot use assignment expressions with attribute)", 1, 2},
      {R"py(if x = 1:
    pass)py",
       K::SyntaxError, R"(invalid syntax. Maybe you meant '==' or ':=' instead of '='?)", 1, 4},
      {R"py(a $ b)py", K::SyntaxError, R"(invalid syntax)", 1, 3},
      {R"py(else: pass)py", K::SyntaxError, R"(invalid syntax)", 1, 1},
      {R"py(try:
    pass
x = 1)py",
       K::SyntaxError, R"(expected 'except' or 'finally' block)", 3, 1},
      {R"py(try:
    pass
except A, B:
    pass)py",
       K::SyntaxError, R"(multiple exception types must be parenthesized)", 3, 8},
      {R"py(from x import a,)py", K::SyntaxError, R"(trailing comma not allowed without surrounding parentheses)", 1,
       17},
      {R"py({1: 2, 3})py", K::SyntaxError, R"(':' expected after dictionary key)", 1, 8},
      {R"py(x = 1 ;; y)py", K::SyntaxError, R"(invalid syntax)", 1, 8},
      {R"py(x = 1__0)py", K::SyntaxError, R"(invalid decimal literal)", 1, 6},
      {R"py(x = 0b12)py", K::SyntaxError, R"(invalid digit '2' in binary literal)", 1, 8},
      {R"py(x = 08)py", K::SyntaxError,
       R"(leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers)", 1, 5},
      {R"py(x = 1abc)py", K::SyntaxError, R"(invalid decimal literal)", 1, 5},
      {R"py(x = 1 \ 2)py", K::SyntaxError, R"(unexpected character after line continuation character)", 1, 8},
      {R"py(f"{x!z}")py", K::SyntaxError, R"(f-string: invalid conversion character 'z': expected 's', 'r', or 'a')", 1,
       6},
      {R"py(f"{x!}")py", K::SyntaxError, R"(f-string: missing conversion character)", 1, 6},
      {R"py(f"{}")py", K::SyntaxError, R"(f-string: valid expression required before '}')", 1, 4},
      {R"py(f"}")py", K::SyntaxError, R"(f-string: single '}' is not allowed)", 1, 3},
      {R"py(f"{x")py", K::SyntaxError, R"(f-string: expecting '}')", 1, 5},
      {R"py(f"{1+}")py", K::SyntaxError, R"(f-string: expecting '=', or '!', or ':', or '}')", 1, 5},
      {R"py(f"{lambda x: 1}")py", K::SyntaxError, R"(f-string: lambda expressions are not allowed without parentheses)",
       1, 4},
      {R"py(x = "\x4")py", K::SyntaxError,
       R"((unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: truncated \xXX escape)", 1, 5},
  });
}

// Found by comparing fuzzed sources with CPython: where its second parse pass
// looks (a comma hint, a tokenizer error met while looking ahead), f-string
// internals, positions at comments and indentation.
TEST_CASE("parser: corner cases of CPython's error reporting", "[parser]") {
  check_errors({
      {R"py(lo{bal)py", K::SyntaxError, R"('{' was never closed)", 1, 3},
      {R"py(x = #comment)py", K::SyntaxError, R"(invalid syntax)", 1, 5},
      {R"py(@dec
 f():
    pass)py",
       K::IndentationError, R"(unexpected indent)", 2, 1},
      {R"py({1: *a})py", K::SyntaxError, R"(cannot use a starred expression in a dictionary value)", 1, 5},
      {R"py({1:, 3})py", K::SyntaxError, R"(expression expected after dictionary key and ':')", 1, 3},
      {R"py([*a for a in b])py", K::SyntaxError, R"(iterable unpacking cannot be used in comprehension)", 1, 2},
      {R"py(yield = 1)py", K::SyntaxError, R"(assignment to yield expression not possible)", 1, 1},
      {R"py(x = 1j_)py", K::SyntaxError, R"(invalid imaginary literal)", 1, 6},
      {R"py(f"{x:>10)py", K::SyntaxError, R"('{' was never closed)", 1, 3},
      {R"py(f"{a[r'b': c}")py", K::SyntaxError, R"(closing parenthesis '}' does not match opening parenthesis '[')", 1,
       13},
      {R"py(f"{a)}")py", K::SyntaxError, R"(f-string: unmatched ')')", 1, 5},
      {R"py(f"{x!rw}")py", K::SyntaxError, R"(f-string: invalid conversion character 'rw': expected 's', 'r', or 'a')",
       1, 6},
      {R"py(f(x for x in yif x))py", K::SyntaxError, R"(invalid syntax)", 1, 18},
      {R"py(x = énot not a)py", K::SyntaxError, R"(invalid syntax)", 1, 14},
      {R"py(with (a as b, cs d):
    pass)py",
       K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 15},
      {R"py(try:b
    pas
x = 1)py",
       K::SyntaxError, R"(expected 'except' or 'finally' block)", 2, 4},
      {R"py(x[])py", K::SyntaxError, R"(invalid syntax)", 1, 3},
      {R"py([x[]])py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 2},
      {R"py([x for x i y])py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 8},
      {R"py([*a0 1])py", K::SyntaxError, R"(invalid syntax. Perhaps you forgot a comma?)", 1, 3},
      {R"py(x = 12_)py", K::SyntaxError, R"(invalid decimal literal)", 1, 7},
      {R"py(x = 0o8)py", K::SyntaxError, R"(invalid digit '8' in octal literal)", 1, 7},
      {R"py(async x)py", K::SyntaxError, R"(invalid syntax)", 1, 7},
      {R"py(raise from x)py", K::SyntaxError, R"(invalid syntax)", 1, 7},
      {R"py(import a.b as)py", K::SyntaxError, R"(invalid syntax)", 1, 14},
      {R"py(x = f'{x}' f"{)py", K::SyntaxError, R"('{' was never closed)", 1, 14},
      {R"py(def f():
    pass
  x = 1)py",
       K::IndentationError, R"(unindent does not match any outer indentation level)", 3, 8},
      {R"py(print(:\N{BULLET}"))py", K::SyntaxError, R"(invalid syntax)", 1, 7},
      {R"py(x = [1, 2
def f(): pass)py",
       K::SyntaxError, R"('[' was never closed)", 1, 5},
      {R"py(for x in y z:
    pass)py",
       K::SyntaxError, R"(invalid syntax)", 1, 12},
  });
}

TEST_CASE("parser: indentation errors read as CPython 3.12's", "[parser]") {
  check_errors({
      {R"py(if x:
pass)py",
       K::IndentationError, R"(expected an indented block after 'if' statement on line 1)", 2, 1},
      {R"py(def f():
    pass
x = 1
    y = 2)py",
       K::IndentationError, R"(unexpected indent)", 4, 4},
      {R"py(  x = 1)py", K::IndentationError, R"(unexpected indent)", 1, 2},
      {R"py(def f():
  x
 y)py",
       K::IndentationError, R"(unindent does not match any outer indentation level)", 3, 3},
      {R"py(if x:
    pass
  else:
    pass)py",
       K::IndentationError, R"(unindent does not match any outer indentation level)", 3, 8},
      // As `python3.12 file.py` reports it (line 1, no column, so no caret);
      // compile() of the same string gives column 9.
      {R"py(def f():
)py",
       K::IndentationError, R"(expected an indented block after function definition on line 1)", 1, 0},
      {R"py(for x in y:
# c
pass)py",
       K::IndentationError, R"(expected an indented block after 'for' statement on line 1)", 3, 1},
      {R"py(async def f():
    async with a:
    pass)py",
       K::IndentationError, R"(expected an indented block after 'with' statement on line 2)", 3, 5},
      {R"py(try:
    x
except E:
x)py",
       K::IndentationError, R"(expected an indented block after 'except' statement on line 3)", 4, 1},
      {R"py(class C:
x)py",
       K::IndentationError, R"(expected an indented block after class definition on line 1)", 2, 1},
      {R"py(@dec
def f():
x)py",
       K::IndentationError, R"(expected an indented block after function definition on line 2)", 3, 1},
      {R"py(while 1:
    pass
else:
y)py",
       K::IndentationError, R"(expected an indented block after 'else' statement on line 3)", 4, 1},
      {R"py(if a:
    pass
elif b:
y)py",
       K::IndentationError, R"(expected an indented block after 'elif' statement on line 3)", 4, 1},
      {R"py(try:
    x
finally:
y)py",
       K::IndentationError, R"(expected an indented block after 'finally' statement on line 3)", 4, 1},
      {R"py(if x:
	x = 1
        y = 2)py",
       K::TabError, R"(inconsistent use of tabs and spaces in indentation)", 3, 1},
  });
}

TEST_CASE("parser: the errors CPython's compiler raises after parsing are reported too", "[parser]") {
  check_errors({
      {R"py(break)py", K::SyntaxError, R"('break' outside loop)", 1, 1},
      {R"py(continue)py", K::SyntaxError, R"('continue' not properly in loop)", 1, 1},
      {R"py(while True:
    def f():
        break)py",
       K::SyntaxError, R"('break' outside loop)", 3, 9},
      {R"py(def f():
    return 1
return 2)py",
       K::SyntaxError, R"('return' outside function)", 3, 1},
      {R"py(class C:
    return 1)py",
       K::SyntaxError, R"('return' outside function)", 2, 5},
      {R"py(await x)py", K::SyntaxError, R"('await' outside function)", 1, 1},
      {R"py(def f():
    await x)py",
       K::SyntaxError, R"('await' outside async function)", 2, 5},
      {R"py(async def f():
    lambda: await x)py",
       K::SyntaxError, R"('await' outside async function)", 2, 13},
      {R"py(def f():
    async for x in y: pass)py",
       K::SyntaxError, R"('async for' outside async function)", 2, 5},
      {R"py(def f():
    async with x: pass)py",
       K::SyntaxError, R"('async with' outside async function)", 2, 5},
      {R"py(def f():
    return [x async for x in y])py",
       K::SyntaxError, R"(asynchronous comprehension outside of an asynchronous function)", 2, 12},
      {R"py(async def f():
    def g():
        return [await x for x in y])py",
       K::SyntaxError, R"(asynchronous comprehension outside of an asynchronous function)", 3, 16},
      {R"py(x = yield 1)py", K::SyntaxError, R"('yield' outside function)", 1, 5},
      {R"py(f(x=1, x=2))py", K::SyntaxError, R"(keyword argument repeated: x)", 1, 8},
      {R"py(*a = 1)py", K::SyntaxError, R"(starred assignment target must be in a list or tuple)", 1, 1},
      {R"py(a, *b, *c = x)py", K::SyntaxError, R"(multiple starred expressions in assignment)", 1, 1},
      {R"py(x = *a)py", K::SyntaxError, R"(can't use starred expression here)", 1, 5},
      {R"py(try:
    pass
except:
    pass
except E:
    pass)py",
       K::SyntaxError, R"(default 'except:' must be last)", 3, 1},
  });
}

// asim's own diagnostics: CPython runs these, asim does not.
TEST_CASE("parser: constructs outside the subset are Unsupported, at the construct", "[parser]") {
  check_errors({
      {"type X = int", K::Unsupported, "type statements (type aliases)", 1, 1},
      {"def f[T](x): pass", K::Unsupported, "type parameter lists (PEP 695 generics)", 1, 6},
      {"class C[T]: pass", K::Unsupported, "type parameter lists (PEP 695 generics)", 1, 8},
      {"class C(A, **opts): pass", K::Unsupported, "**mapping in a class statement", 1, 12},
      {"from x import *", K::Unsupported, "star imports (from ... import *)", 1, 15},
      {"x = 2j", K::Unsupported, "complex numbers (imaginary literals such as 1j)", 1, 5},
      {"print('\\N{BULLET}')", K::Unsupported, "\\N{...} escapes (named Unicode characters)", 1, 7},
  });
  CHECK(diagnostic("x = " + std::string(600, '-') + "1") ==
        "Unsupported: code nested more than 500 levels deep (expressions, elif chains) @1:503");
  // Parsed all the same: a sync `with`, `global` at module level, nonlocal, walrus, star-expressions,
  // relative imports.
  CHECK_NOTHROW(
      parse("global g\nwith open(p) as f, g:\n    pass\ndef f():\n    x = 1\n    def g():\n"
            "        nonlocal x\n        x = (y := 2)\n        a, *b = [*c, *d]\nfrom . import x\nfrom ..a.b import c\n"));
}

TEST_CASE("parser: which diagnostic wins when a file has several", "[parser]") {
  // A SyntaxError anywhere (as CPython would report it) before an unsupported construct.
  CHECK(diagnostic("match x:\n    case 1:\n        pass\nx = (1,\ny = 2\n") ==
        "SyntaxError: '(' was never closed @4:5");
  // A compile-time SyntaxError before an unsupported construct that comes earlier.
  CHECK(diagnostic("match x:\n    case 1:\n        pass\nbreak\n") == "SyntaxError: 'break' outside loop @4:1");
  // The symbol table's errors before the code generator's, wherever they are (symtable.c runs first).
  CHECK(diagnostic("x = 1\nawait y\ndef f(a, a): pass\n") == "SyntaxError: duplicate argument 'a' in function definition @3:10");
  CHECK(diagnostic("return 5\ndef f():\n    nonlocal y\n") == "SyntaxError: no binding for nonlocal 'y' found @3:5");
  CHECK(diagnostic("break\nnonlocal q\n") == "SyntaxError: nonlocal declaration not allowed at module level @2:1");
  // The first of several unsupported constructs.
  CHECK(diagnostic("x = 2j\nmatch x:\n    case 1:\n        pass\n") ==
        "Unsupported: complex numbers (imaginary literals such as 1j) @1:5");
  // A tokenizer error later in the file wins over a parser error (CPython tokenizes the rest).
  CHECK(diagnostic("a b\nx = 1\ns = 'abc\n") == "SyntaxError: unterminated string literal (detected at line 3) @3:5");
  // ... but an unclosed bracket only if it opened before the parser error's line.
  CHECK(diagnostic("a b\nx = (\n") == "SyntaxError: invalid syntax @1:3");
  // Diagnostic columns count characters, as CPython's SyntaxError.offset does.
  CHECK(diagnostic("s = 'é' + $") == "SyntaxError: invalid syntax @1:11");
}

TEST_CASE("parser: a realistic asyncio program parses as CPython parses it", "[parser]") {
  const char* program = R"py(import asyncio


class Timeout(Exception):
    pass


async def worker(name, queue, results, *, delay=0.1):
    while True:
        item = await queue.get()
        try:
            if item is None:
                break
            await asyncio.sleep(delay * item)
            results[name] = results.get(name, 0) + item
            print(f"{name}: got {item!r:>4} total={results[name]:.1f}")
        except asyncio.CancelledError:
            print(f"{name} cancelled")
            raise
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    results = {}
    tasks = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(3)]
    for n in [1, 2, 3, *range(4, 6)]:
        await queue.put(n)
    for _ in tasks:
        await queue.put(None)
    done, pending = await asyncio.wait(tasks, timeout=5)
    assert not pending, f"{len(pending)} still pending"
    try:
        async with asyncio.timeout(0.5):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")
    except (ValueError, KeyError) as e:
        raise Timeout("bad") from e
    total = sum(v for v in results.values())
    ordered = sorted(results.items(), key=lambda kv: (-kv[1], kv[0]))
    print(total, ordered[:2], len(done) == len(tasks))
    global counter
    counter = counter + 1 if counter else 1
    return {k: v for k, v in ordered if v > 0}


counter = 0
if __name__ == "__main__":
    asyncio.run(main())
)py";
  const char* expected =
      R"py(Module(body=[Import(names=[alias(name='asyncio')]), ClassDef(name='Timeout', bases=[Name(id='Exception', ctx=Load())], keywords=[], body=[Pass()], decorator_list=[], type_params=[]), AsyncFunctionDef(name='worker', args=arguments(posonlyargs=[], args=[arg(arg='name'), arg(arg='queue'), arg(arg='results')], kwonlyargs=[arg(arg='delay')], kw_defaults=[Constant(value=0.1)], defaults=[]), body=[While(test=Constant(value=True), body=[Assign(targets=[Name(id='item', ctx=Store())], value=Await(value=Call(func=Attribute(value=Name(id='queue', ctx=Load()), attr='get', ctx=Load()), args=[], keywords=[]))), Try(body=[If(test=Compare(left=Name(id='item', ctx=Load()), ops=[Is()], comparators=[Constant(value=None)]), body=[Break()], orelse=[]), Expr(value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='sleep', ctx=Load()), args=[BinOp(left=Name(id='delay', ctx=Load()), op=Mult(), right=Name(id='item', ctx=Load()))], keywords=[]))), Assign(targets=[Subscript(value=Name(id='results', ctx=Load()), slice=Name(id='name', ctx=Load()), ctx=Store())], value=BinOp(left=Call(func=Attribute(value=Name(id='results', ctx=Load()), attr='get', ctx=Load()), args=[Name(id='name', ctx=Load()), Constant(value=0)], keywords=[]), op=Add(), right=Name(id='item', ctx=Load()))), Expr(value=Call(func=Name(id='print', ctx=Load()), args=[JoinedStr(values=[FormattedValue(value=Name(id='name', ctx=Load()), conversion=-1), Constant(value=': got '), FormattedValue(value=Name(id='item', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>4')])), Constant(value=' total='), FormattedValue(value=Subscript(value=Name(id='results', ctx=Load()), slice=Name(id='name', ctx=Load()), ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.1f')]))])], keywords=[]))], handlers=[ExceptHandler(type=Attribute(value=Name(id='asyncio', ctx=Load()), attr='CancelledError', ctx=Load()), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[JoinedStr(values=[FormattedValue(value=Name(id='name', ctx=Load()), conversion=-1), Constant(value=' cancelled')])], keywords=[])), Raise()])], orelse=[], finalbody=[Expr(value=Call(func=Attribute(value=Name(id='queue', ctx=Load()), attr='task_done', ctx=Load()), args=[], keywords=[]))])], orelse=[])], decorator_list=[], type_params=[]), AsyncFunctionDef(name='main', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='queue', ctx=Store())], value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='Queue', ctx=Load()), args=[], keywords=[])), Assign(targets=[Name(id='results', ctx=Store())], value=Dict(keys=[], values=[])), Assign(targets=[Name(id='tasks', ctx=Store())], value=ListComp(elt=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='create_task', ctx=Load()), args=[Call(func=Name(id='worker', ctx=Load()), args=[JoinedStr(values=[Constant(value='w'), FormattedValue(value=Name(id='i', ctx=Load()), conversion=-1)]), Name(id='queue', ctx=Load()), Name(id='results', ctx=Load())], keywords=[])], keywords=[]), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=3)], keywords=[]), ifs=[], is_async=0)])), For(target=Name(id='n', ctx=Store()), iter=List(elts=[Constant(value=1), Constant(value=2), Constant(value=3), Starred(value=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=4), Constant(value=6)], keywords=[]), ctx=Load())], ctx=Load()), body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='queue', ctx=Load()), attr='put', ctx=Load()), args=[Name(id='n', ctx=Load())], keywords=[])))], orelse=[]), For(target=Name(id='_', ctx=Store()), iter=Name(id='tasks', ctx=Load()), body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='queue', ctx=Load()), attr='put', ctx=Load()), args=[Constant(value=None)], keywords=[])))], orelse=[]), Assign(targets=[Tuple(elts=[Name(id='done', ctx=Store()), Name(id='pending', ctx=Store())], ctx=Store())], value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='wait', ctx=Load()), args=[Name(id='tasks', ctx=Load())], keywords=[keyword(arg='timeout', value=Constant(value=5))]))), Assert(test=UnaryOp(op=Not(), operand=Name(id='pending', ctx=Load())), msg=JoinedStr(values=[FormattedValue(value=Call(func=Name(id='len', ctx=Load()), args=[Name(id='pending', ctx=Load())], keywords=[]), conversion=-1), Constant(value=' still pending')])), Try(body=[AsyncWith(items=[withitem(context_expr=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='timeout', ctx=Load()), args=[Constant(value=0.5)], keywords=[]))], body=[Expr(value=Await(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='sleep', ctx=Load()), args=[Constant(value=1)], keywords=[])))])], handlers=[ExceptHandler(type=Name(id='TimeoutError', ctx=Load()), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Constant(value='timed out')], keywords=[]))]), ExceptHandler(type=Tuple(elts=[Name(id='ValueError', ctx=Load()), Name(id='KeyError', ctx=Load())], ctx=Load()), name='e', body=[Raise(exc=Call(func=Name(id='Timeout', ctx=Load()), args=[Constant(value='bad')], keywords=[]), cause=Name(id='e', ctx=Load()))])], orelse=[], finalbody=[]), Assign(targets=[Name(id='total', ctx=Store())], value=Call(func=Name(id='sum', ctx=Load()), args=[GeneratorExp(elt=Name(id='v', ctx=Load()), generators=[comprehension(target=Name(id='v', ctx=Store()), iter=Call(func=Attribute(value=Name(id='results', ctx=Load()), attr='values', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)])], keywords=[])), Assign(targets=[Name(id='ordered', ctx=Store())], value=Call(func=Name(id='sorted', ctx=Load()), args=[Call(func=Attribute(value=Name(id='results', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[])], keywords=[keyword(arg='key', value=Lambda(args=arguments(posonlyargs=[], args=[arg(arg='kv')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Tuple(elts=[UnaryOp(op=USub(), operand=Subscript(value=Name(id='kv', ctx=Load()), slice=Constant(value=1), ctx=Load())), Subscript(value=Name(id='kv', ctx=Load()), slice=Constant(value=0), ctx=Load())], ctx=Load())))])), Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='total', ctx=Load()), Subscript(value=Name(id='ordered', ctx=Load()), slice=Slice(upper=Constant(value=2)), ctx=Load()), Compare(left=Call(func=Name(id='len', ctx=Load()), args=[Name(id='done', ctx=Load())], keywords=[]), ops=[Eq()], comparators=[Call(func=Name(id='len', ctx=Load()), args=[Name(id='tasks', ctx=Load())], keywords=[])])], keywords=[])), Global(names=['counter']), Assign(targets=[Name(id='counter', ctx=Store())], value=IfExp(test=Name(id='counter', ctx=Load()), body=BinOp(left=Name(id='counter', ctx=Load()), op=Add(), right=Constant(value=1)), orelse=Constant(value=1))), Return(value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Name(id='ordered', ctx=Load()), ifs=[Compare(left=Name(id='v', ctx=Load()), ops=[Gt()], comparators=[Constant(value=0)])], is_async=0)]))], decorator_list=[], type_params=[]), Assign(targets=[Name(id='counter', ctx=Store())], value=Constant(value=0)), If(test=Compare(left=Name(id='__name__', ctx=Load()), ops=[Eq()], comparators=[Constant(value='__main__')]), body=[Expr(value=Call(func=Attribute(value=Name(id='asyncio', ctx=Load()), attr='run', ctx=Load()), args=[Call(func=Name(id='main', ctx=Load()), args=[], keywords=[])], keywords=[]))], orelse=[])], type_ignores=[]))py";
  CHECK(dump(program) == expected);
}

TEST_CASE("parser: every file of the syntax corpus gives a Diagnostic", "[parser]") {
  // The corpus sits next to this file's folder: tests/lang/syntax_corpus.
  const auto dir = std::filesystem::path(__FILE__).parent_path().parent_path() / "lang" / "syntax_corpus";
  REQUIRE(std::filesystem::is_directory(dir));
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".py") continue;
    ++files;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    const std::string path = entry.path().filename().string();
    INFO(path);
    try {
      asim::lang::parse(std::make_shared<Source>(path, text.str()));
      FAIL("no diagnostic");
    } catch (const Diagnostic& d) {
      // An optional first line `# expect: <line:col: kind: message>` pins the report.
      const std::string first = text.str().substr(0, text.str().find('\n'));
      if (first.rfind("# expect: ", 0) == 0) {
        const std::string rendered = d.render();
        CHECK(rendered.substr(path.size() + 1, rendered.find('\n') - path.size() - 1) == first.substr(10));
      }
    }
  }
  CHECK(files >= 15);
}
