// Binary and unary operators (Objects/abstract.c binary_op1, PyNumber_*,
// sequence concatenation and repetition), with CPython's error messages.
#include <fmt/format.h>

#include <algorithm>
#include <limits>

#include "model/runtime/bytes.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/format.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/length_hint.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"

namespace asim::runtime {

namespace {

const char* symbol(BinOp op) {
  switch (op) {
    case BinOp::Add: return "+";
    case BinOp::Sub: return "-";
    case BinOp::Mult: return "*";
    case BinOp::Div: return "/";
    case BinOp::FloorDiv: return "//";
    case BinOp::Mod: return "%";
    case BinOp::Pow: return "**";
    case BinOp::LShift: return "<<";
    case BinOp::RShift: return ">>";
    case BinOp::BitOr: return "|";
    case BinOp::BitXor: return "^";
    case BinOp::BitAnd: return "&";
    case BinOp::MatMult: return "@";
  }
  return "?";
}

const char* name(BinOp op) {
  switch (op) {
    case BinOp::Add: return "add";
    case BinOp::Sub: return "sub";
    case BinOp::Mult: return "mul";
    case BinOp::Div: return "truediv";
    case BinOp::FloorDiv: return "floordiv";
    case BinOp::Mod: return "mod";
    case BinOp::Pow: return "pow";
    case BinOp::LShift: return "lshift";
    case BinOp::RShift: return "rshift";
    case BinOp::BitOr: return "or";
    case BinOp::BitXor: return "xor";
    case BinOp::BitAnd: return "and";
    case BinOp::MatMult: return "matmul";
  }
  return "?";
}

// A sequence repeated n times (n <= 0 gives an empty one). A length past
// PY_SSIZE_T_MAX is list_repeat's MemoryError, or unicode_repeat's and
// bytes_repeat's OverflowError (`too_long`); a merely large one gets the
// memory budget's MemoryError when it is allocated.
template <class Seq>
Seq repeat(const Seq& items, std::int64_t n, const char* too_long = nullptr, std::size_t length = 0) {
  if (n <= 0 || items.empty()) return {};
  constexpr auto max_length = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  if (static_cast<std::uint64_t>(n) > max_length / (length ? length : items.size())) {
    if (too_long) raise(Runtime::current().builtins.OverflowError, too_long);
    raise(Runtime::current().builtins.MemoryError, "");
  }
  Seq out;
  out.reserve(items.size() * static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) out.insert(out.end(), items.begin(), items.end());
  return out;
}

[[noreturn]] void unsupported(BinOp op, const Value& a, const Value& b, bool inplace) {
  std::string sym = symbol(op);
  if (inplace) sym += "=";
  else if (op == BinOp::Pow) sym = "** or pow()";
  throw_type_error(
      fmt::format("unsupported operand type(s) for {}: '{}' and '{}'", sym, type_name(a), type_name(b)));
}

[[noreturn]] void cannot_concatenate(const Value& a, const Value& b) {
  throw_type_error(fmt::format("can only concatenate {} (not \"{}\") to {}", type_name(a), type_name(b), type_name(a)));
}

// seq * n: the count must be an int.
std::int64_t repeat_count(const Value& n) {
  if (num::is_integer(n)) return index_value(n);
  throw_type_error(fmt::format("can't multiply sequence by non-int of type '{}'", type_name(n)));
}

bool is_sequence(const Value& v) {
  return v.as<Str>() || v.as<Bytes>() || v.as<List>() || v.as<Tuple>();
}

std::optional<Value> sequence_op(BinOp op, const Value& a, const Value& b) {
  if (op == BinOp::Add) {
    if (auto* x = a.as<Str>()) {
      if (auto* y = b.as<Str>()) return Value::str(x->text + y->text);
      cannot_concatenate(a, b);
    }
    if (auto* x = a.as<Bytes>()) {
      auto* y = b.as<Bytes>();
      if (!y) throw_type_error(fmt::format("can't concat {} to {}", type_name(b), type_name(a)));
      return make_bytes_like(*x, x->data + y->data);
    }
    if (auto* x = a.as<List>()) {
      auto* y = b.as<List>();
      if (!y) cannot_concatenate(a, b);
      std::vector<Value> out(x->items);
      out.insert(out.end(), y->items.begin(), y->items.end());
      return make_list(std::move(out));
    }
    if (auto* x = a.as<Tuple>()) {
      auto* y = b.as<Tuple>();
      if (!y) cannot_concatenate(a, b);
      std::vector<Value> out(x->items);
      out.insert(out.end(), y->items.begin(), y->items.end());
      return make_tuple(std::move(out));
    }
    return std::nullopt;
  }
  if (op == BinOp::Mult) {
    const Value* seq = is_sequence(a) ? &a : is_sequence(b) ? &b : nullptr;
    if (!seq) return std::nullopt;
    const Value& count = plain_number(seq == &a ? b : a);
    if (!num::is_integer(count)) {
      // A program's __mul__ and __rmul__ had their turn (binary_impl), as
      // nb_multiply's before sequence_repeat's in PyNumber_Multiply.
      const auto cls = count.is_object() ? type_of(count) : Ref<Type>();
      if (!cls || !cls->lookup_override("__index__")) repeat_count(count);
    }
    const std::int64_t n = index_value(count);
    if (auto* s = seq->as<Str>()) {
      const auto chars = static_cast<std::size_t>(
          std::count_if(s->text.begin(), s->text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xc0) != 0x80; }));
      return Value::str(repeat(s->text, n, "repeated string is too long", chars));
    }
    if (auto* s = seq->as<Bytes>())
      return make_bytes_like(*s, repeat(s->data, n, seq->as<ByteArray>() ? nullptr : "repeated bytes are too long"));
    if (auto* l = seq->as<List>()) return make_list(repeat(l->items, n));
    if (auto* t = seq->as<Tuple>()) return make_tuple(repeat(t->items, n));
  }
  if (op == BinOp::Mod) {
    if (auto* s = a.as<Str>()) return Value::str(percent_format(s->text, b));
  }
  return std::nullopt;
}

bool is_set_view(const Value& v) {
  auto* view = v.as<DictView>();
  return view && view->kind != DictView::Kind::Values;
}

// Sets combine with sets; a dict key or item view combines with any
// iterable, as set(a) op b (dictviews_or and friends).
std::optional<Value> set_op(BinOp op, const Value& a, const Value& b) {
  Ref<Set> left;
  if (a.as<Set>() && b.as<Set>()) {
    left = Ref<Set>(a.as<Set>());
  } else if (is_set_view(a) || is_set_view(b)) {
    left = make<Set>();
    set_update(*left, a);
  } else {
    return std::nullopt;
  }
  switch (op) {
    case BinOp::BitOr: return Value(set_union(*left, b));
    case BinOp::BitAnd: return Value(set_intersection(*left, b));
    case BinOp::Sub: return Value(set_difference(*left, b));
    case BinOp::BitXor: return Value(set_symmetric_difference(*left, b));
    default: return std::nullopt;
  }
}

std::optional<Value> user_binary(BinOp op, const Value& a, const Value& b) {
  const Value ni = not_implemented();
  const std::string n = name(op);
  if (a.is_object()) {
    if (auto f = type_of(a)->lookup_override("__" + n + "__")) {
      const Value args[] = {a, b};
      Value r = call(*f, args);
      if (!r.is(ni)) return r;
    }
  }
  if (b.is_object()) {
    if (auto f = type_of(b)->lookup_override("__r" + n + "__")) {
      const Value args[] = {b, a};
      Value r = call(*f, args);
      if (!r.is(ni)) return r;
    }
  }
  return std::nullopt;
}

Value binary_impl(BinOp op, const Value& a, const Value& b, bool inplace) {
  if (auto r = num::binary(op, a, b)) return *r;
  if (a.is_object() || b.is_object()) {
    // A class body's operator comes before its builtin base's; an int or
    // float subclass otherwise computes with the number it holds.
    const bool user = (a.is_object() && a.object()->user_class()) || (b.is_object() && b.object()->user_class());
    if (overridable(a) || overridable(b)) {
      if (auto r = user_binary(op, a, b)) return *r;
      if (auto r = num::binary(op, plain_number(a), plain_number(b))) return *r;
    }
    if (auto r = sequence_op(op, a, b)) return *r;
    if (op == BinOp::BitOr || op == BinOp::BitAnd || op == BinOp::Sub || op == BinOp::BitXor)
      if (auto r = set_op(op, a, b)) return *r;
    if (op == BinOp::BitOr && Runtime::current().features.dict_union) {
      if (auto* x = a.as<Dict>()) {
        if (auto* y = b.as<Dict>()) {
          auto out = make<Dict>();
          for (const auto* d : {x, y})
            for (const auto& e : std::vector<Dict::Entry>(d->entries()))
              if (e.live) out->set(e.key, e.value);
          return Value(out);
        }
      }
    }
    if (!user)
      if (auto r = user_binary(op, a, b)) return *r;
  }
  unsupported(op, a, b, inplace);
}

}  // namespace

Value binary_op(BinOp op, const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int) {
    if (auto r = num::binary(op, a, b)) return *r;
  }
  return binary_impl(op, a, b, false);
}

Value inplace_op(BinOp op, const Value& a, const Value& b) {
  if (auto f = user_override(a, std::string("__i") + name(op) + "__")) {
    const Value args[] = {a, b};
    Value r = call(*f, args);
    if (!r.is(not_implemented())) return r;
  }
  if (auto* l = a.as<List>()) {
    if (op == BinOp::Add) {
      // list_inplace_concat: extends by any iterable.
      auto more = extend_items(b);
      l->items.insert(l->items.end(), more.begin(), more.end());
      return a;
    }
    if (op == BinOp::Mult) {
      // list_inplace_repeat: a count <= 0 is _list_clear's release.
      std::vector<Value> old = repeat(l->items, repeat_count(b));
      old.swap(l->items);
      release_backwards(old);
      return a;
    }
  }
  if (auto* ba = a.as<ByteArray>(); ba && (op == BinOp::Add || op == BinOp::Mult)) {
    // bytearray_iconcat / bytearray_irepeat: the object itself grows.
    const Value r = binary_impl(op, a, b, true);
    ba->data = r.as<Bytes>()->data;
    return a;
  }
  if (auto* s = a.as<Set>(); s && !s->frozen) {
    if (op == BinOp::BitOr || op == BinOp::BitAnd || op == BinOp::Sub || op == BinOp::BitXor) {
      if (!b.as<Set>()) unsupported(op, a, b, true);
      switch (op) {
        case BinOp::BitOr: set_update(*s, b); break;
        case BinOp::Sub: set_difference_update(*s, b); break;
        case BinOp::BitXor: set_symmetric_difference_update(*s, b); break;
        default: {
          auto r = set_intersection(*s, b);
          s->swap_contents(*r);
        }
      }
      return a;
    }
  }
  if (auto* d = a.as<Dict>(); d && op == BinOp::BitOr && Runtime::current().features.dict_union) {
    call_method(a, "update", std::span<const Value>(&b, 1));
    return a;
  }
  if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int) {
    if (auto r = num::binary(op, a, b)) return *r;
  }
  return binary_impl(op, a, b, true);
}

Value unary_op(UnaryOp op, const Value& v) {
  if (op == UnaryOp::Not) return Value::boolean(!truthy(v));
  if (auto r = num::unary(op, v)) return *r;
  const char* sym = op == UnaryOp::USub ? "-" : op == UnaryOp::UAdd ? "+" : "~";
  if (v.is_object()) {
    const char* dunder = op == UnaryOp::USub ? "__neg__" : op == UnaryOp::UAdd ? "__pos__" : "__invert__";
    if (auto f = type_of(v)->lookup_override(dunder)) return call(*f, std::span<const Value>(&v, 1));
    if (auto r = num::unary(op, plain_number(v))) return *r;
  }
  throw_type_error(fmt::format("bad operand type for unary {}: '{}'", sym, type_name(v)));
}

}  // namespace asim::runtime
