#include "model/lang/unparse.hpp"

#include "model/runtime/bytes.hpp"
#include "model/runtime/ops.hpp"

namespace asim::lang {

namespace {

using namespace ast;

std::optional<std::string> join(const std::vector<ExprPtr>& items) {
  std::string out;
  for (const auto& item : items) {
    auto text = unparse(*item);
    if (!text) return std::nullopt;
    out += (out.empty() ? "" : ", ") + *text;
  }
  return out;
}

std::optional<std::string> constant(const Constant& c) {
  switch (c.type) {
    case Constant::Type::None: return "None";
    case Constant::Type::True: return "True";
    case Constant::Type::False: return "False";
    case Constant::Type::Int: return c.big_int.empty() ? std::to_string(c.int_value) : c.big_int;
    case Constant::Type::Float: return runtime::to_repr(runtime::Value::floating(c.float_value));
    case Constant::Type::Str: return runtime::to_repr(runtime::Value::str(c.str_value));
    case Constant::Type::Bytes: return runtime::bytes_literal(c.str_value);
    case Constant::Type::Ellipsis: return "...";
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> unparse(const Expr& e) {
  switch (e.kind) {
    case ExprKind::Name: return static_cast<const Name&>(e).id;
    case ExprKind::Constant: return constant(static_cast<const Constant&>(e));
    case ExprKind::Attribute: {
      const auto& a = static_cast<const Attribute&>(e);
      auto value = unparse(*a.value);
      if (!value) return std::nullopt;
      return *value + "." + a.attr;
    }
    case ExprKind::Subscript: {
      const auto& s = static_cast<const Subscript&>(e);
      auto value = unparse(*s.value);
      // A tuple index is written without its parentheses: Dict[str, int].
      std::optional<std::string> index;
      if (s.slice->kind == ExprKind::Tuple && !static_cast<const TupleExpr&>(*s.slice).elts.empty())
        index = join(static_cast<const TupleExpr&>(*s.slice).elts);
      else
        index = unparse(*s.slice);
      if (!value || !index) return std::nullopt;
      return *value + "[" + *index + "]";
    }
    case ExprKind::Tuple: {
      const auto& t = static_cast<const TupleExpr&>(e);
      auto items = join(t.elts);
      if (!items) return std::nullopt;
      return "(" + *items + (t.elts.size() == 1 ? ",)" : ")");
    }
    case ExprKind::List: {
      auto items = join(static_cast<const ListExpr&>(e).elts);
      if (!items) return std::nullopt;
      return "[" + *items + "]";
    }
    case ExprKind::BinOp: {
      const auto& b = static_cast<const BinOpExpr&>(e);
      if (b.op != BinOp::BitOr) return std::nullopt;
      auto left = unparse(*b.left), right = unparse(*b.right);
      if (!left || !right) return std::nullopt;
      return *left + " | " + *right;
    }
    case ExprKind::Call: {
      const auto& c = static_cast<const Call&>(e);
      if (!c.keywords.empty()) return std::nullopt;
      auto func = unparse(*c.func);
      auto args = join(c.args);
      if (!func || !args) return std::nullopt;
      return *func + "(" + *args + ")";
    }
    default: return std::nullopt;
  }
}

}  // namespace asim::lang
