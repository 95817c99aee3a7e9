// ==, <, truth, hash and `in` (Objects/object.c PyObject_RichCompare,
// PyObject_IsTrue, PyObject_Hash; PySequence_Contains), for the builtin
// types, and through a class body's __eq__/__lt__/... for scenario classes.
#include <fmt/format.h>

#include <cstring>

#include "model/runtime/bytes.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/pyhash.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/set.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

const char* op_symbol(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "==";
    case CmpOp::NotEq: return "!=";
    case CmpOp::Lt: return "<";
    case CmpOp::LtE: return "<=";
    case CmpOp::Gt: return ">";
    case CmpOp::GtE: return ">=";
    default: return "?";
  }
}

const char* dunder(CmpOp op) {
  switch (op) {
    case CmpOp::Eq: return "__eq__";
    case CmpOp::NotEq: return "__ne__";
    case CmpOp::Lt: return "__lt__";
    case CmpOp::LtE: return "__le__";
    case CmpOp::Gt: return "__gt__";
    case CmpOp::GtE: return "__ge__";
    default: return "";
  }
}

// The operation with its operands swapped: a < b is b > a.
CmpOp reflected(CmpOp op) {
  switch (op) {
    case CmpOp::Lt: return CmpOp::Gt;
    case CmpOp::LtE: return CmpOp::GtE;
    case CmpOp::Gt: return CmpOp::Lt;
    case CmpOp::GtE: return CmpOp::LtE;
    default: return op;
  }
}

bool from_three_way(CmpOp op, int c) {
  switch (op) {
    case CmpOp::Eq: return c == 0;
    case CmpOp::NotEq: return c != 0;
    case CmpOp::Lt: return c < 0;
    case CmpOp::LtE: return c <= 0;
    case CmpOp::Gt: return c > 0;
    case CmpOp::GtE: return c >= 0;
    default: return false;
  }
}

// x is y or x == y: how containers compare their elements.
bool same(const Value& a, const Value& b) {
  return a.is(b) || equals(a, b);
}

// a.__op__(b) from a class body, then b's reflection; nullopt when neither
// answers (NotImplemented).
std::optional<Value> user_compare(CmpOp op, const Value& a, const Value& b) {
  const Value ni = not_implemented();
  if (a.is_object()) {
    if (auto f = type_of(a)->lookup_override(dunder(op))) {
      const Value args[] = {a, b};
      Value r = call(*f, args);
      if (!r.is(ni)) return r;
    }
  }
  if (b.is_object()) {
    if (auto f = type_of(b)->lookup_override(dunder(reflected(op)))) {
      const Value args[] = {b, a};
      Value r = call(*f, args);
      if (!r.is(ni)) return r;
    }
  }
  return std::nullopt;
}

// Set-likes: sets, frozensets and dict key views.
const Set* as_set(const Value& v, Ref<Set>& holder) {
  if (auto* s = v.as<Set>()) return s;
  if (auto* view = v.as<DictView>(); view && view->kind != DictView::Kind::Values) {
    holder = make<Set>(view->snapshot());
    return holder.get();
  }
  return nullptr;
}

// Sequences compare element-wise: the first differing pair decides, else
// the lengths (list_richcompare, tuplerichcompare).
std::optional<Value> sequence_compare(CmpOp op, const std::vector<Value>& x, const std::vector<Value>& y) {
  if ((op == CmpOp::Eq || op == CmpOp::NotEq) && x.size() != y.size()) return Value::boolean(op == CmpOp::NotEq);
  std::size_t i = 0;
  for (; i < x.size() && i < y.size(); ++i)
    if (!same(x[i], y[i])) break;
  if (i >= x.size() || i >= y.size()) {
    const int c = x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
    return Value::boolean(from_three_way(op, c));
  }
  if (op == CmpOp::Eq) return Value::boolean(false);
  if (op == CmpOp::NotEq) return Value::boolean(true);
  return compare(op, x[i], y[i]);
}

std::optional<Value> builtin_compare(CmpOp op, const Value& a, const Value& b) {
  if (num::is_number(a) && num::is_number(b)) {
    const int c = num::compare(a, b);
    if (c == 2) return Value::boolean(op == CmpOp::NotEq);
    return Value::boolean(from_three_way(op, c));
  }
  if (!a.is_object() || !b.is_object()) return std::nullopt;
  if (auto* x = a.as<Str>()) {
    if (auto* y = b.as<Str>()) return Value::boolean(from_three_way(op, x->text.compare(y->text)));
    return std::nullopt;
  }
  if (auto* x = a.as<Bytes>()) {
    if (auto* y = b.as<Bytes>()) return Value::boolean(from_three_way(op, x->data.compare(y->data)));
    return std::nullopt;
  }
  if (auto* x = a.as<List>()) {
    if (auto* y = b.as<List>()) return sequence_compare(op, std::vector<Value>(x->items), std::vector<Value>(y->items));
    return std::nullopt;
  }
  if (auto* x = a.as<Tuple>()) {
    if (auto* y = b.as<Tuple>()) return sequence_compare(op, x->items, y->items);
    return std::nullopt;
  }
  Ref<Set> hx, hy;
  if (const Set* x = as_set(a, hx)) {
    const Set* y = as_set(b, hy);
    if (!y) return std::nullopt;
    const Value yv = hy ? Value(hy) : b;
    const Value xv = hx ? Value(hx) : a;
    switch (op) {
      case CmpOp::Eq: return Value::boolean(x->size() == y->size() && set_issubset(*x, yv));
      case CmpOp::NotEq: return Value::boolean(!(x->size() == y->size() && set_issubset(*x, yv)));
      case CmpOp::LtE: return Value::boolean(set_issubset(*x, yv));
      case CmpOp::Lt: return Value::boolean(x->size() < y->size() && set_issubset(*x, yv));
      case CmpOp::GtE: return Value::boolean(set_issubset(*y, xv));
      case CmpOp::Gt: return Value::boolean(x->size() > y->size() && set_issubset(*y, xv));
      default: return std::nullopt;
    }
  }
  if (op != CmpOp::Eq && op != CmpOp::NotEq) return std::nullopt;
  const bool ne = op == CmpOp::NotEq;
  if (auto* x = a.as<Dict>()) {
    auto* y = b.as<Dict>();
    if (!y) return std::nullopt;
    if (x->size() != y->size()) return Value::boolean(ne);
    const std::vector<Dict::Entry> entries = x->entries();
    for (const auto& e : entries) {
      if (!e.live) continue;
      auto other = y->get(e.key);
      if (!other || !same(e.value, *other)) return Value::boolean(ne);
    }
    return Value::boolean(!ne);
  }
  if (auto* x = a.as<Range>()) {
    auto* y = b.as<Range>();
    if (!y) return std::nullopt;
    const bool eq = x->length == y->length &&
                    (x->length == 0 || (x->start == y->start && (x->length == 1 || x->step == y->step)));
    return Value::boolean(eq != ne);
  }
  if (auto* x = a.as<Slice>()) {
    auto* y = b.as<Slice>();
    if (!y) return std::nullopt;
    const bool eq = same(x->start, y->start) && same(x->stop, y->stop) && same(x->step, y->step);
    return Value::boolean(eq != ne);
  }
  if (auto* x = a.as<Callable>()) {
    auto* y = b.as<Callable>();
    if (!y) return std::nullopt;
    return Value::boolean(x->equals(*y) != ne);
  }
  return std::nullopt;
}

}  // namespace

Value compare(CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case CmpOp::Is: return Value::boolean(a.is(b));
    case CmpOp::IsNot: return Value::boolean(!a.is(b));
    case CmpOp::In: return Value::boolean(contains(b, a));
    case CmpOp::NotIn: return Value::boolean(!contains(b, a));
    default: break;
  }
  if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int) {
    const auto x = a.as_int(), y = b.as_int();
    return Value::boolean(from_three_way(op, x < y ? -1 : x > y ? 1 : 0));
  }
  // A class body's comparison comes before its builtin base's.
  const bool user = (a.is_object() && a.object()->user_class()) || (b.is_object() && b.object()->user_class());
  if (overridable(a) || overridable(b))
    if (auto r = user_compare(op, a, b)) return *r;
  if (auto r = builtin_compare(op, plain_number(a), plain_number(b))) return *r;
  if (!user && (a.is_object() || b.is_object()))
    if (auto r = user_compare(op, a, b)) return *r;
  // object's default: identity for == and !=, TypeError for ordering.
  if (op == CmpOp::Eq) return Value::boolean(a.is(b));
  if (op == CmpOp::NotEq) {
    if (a.is_object()) {
      if (auto f = type_of(a)->lookup_override("__eq__")) {
        const Value args[] = {a, b};
        const Value r = call(*f, args);
        if (!r.is(not_implemented())) return Value::boolean(!truthy(r));
      }
    }
    return Value::boolean(!a.is(b));
  }
  throw_type_error(fmt::format("'{}' not supported between instances of '{}' and '{}'", op_symbol(op), type_name(a),
                               type_name(b)));
}

bool equals(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int) return a.as_int() == b.as_int();
  if (auto* x = a.as<Str>())
    if (auto* y = b.as<Str>(); y && !overridable(a) && !overridable(b)) return x->text == y->text;
  return truthy(compare(CmpOp::Eq, a, b));
}

bool less_than(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int) return a.as_int() < b.as_int();
  return truthy(compare(CmpOp::Lt, a, b));
}

bool truthy(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None: return false;
    case Value::Kind::Bool: return v.as_bool();
    case Value::Kind::Int: return v.as_int() != 0;
    case Value::Kind::Float: return v.as_float() != 0.0;
    case Value::Kind::Obj: break;
  }
  if (const Type* cls = overriding_class(v.object())) {
    if (auto f = cls->lookup_override("__bool__")) {
      const Value r = call(*f, std::span<const Value>(&v, 1));
      if (r.kind() != Value::Kind::Bool)
        throw_type_error(fmt::format("__bool__ should return bool, returned {}", type_name(r)));
      return r.as_bool();
    }
    if (cls->lookup_override("__len__")) return len(v) != 0;
    if (auto* n = v.as<DerivedNumber>()) return truthy(n->value);
  }
  if (auto* s = v.as<Str>()) return !s->text.empty();
  if (auto* b = v.as<Bytes>()) return !b->data.empty();
  if (auto* l = v.as<List>()) return !l->items.empty();
  if (auto* t = v.as<Tuple>()) return !t->items.empty();
  if (auto* d = v.as<Dict>()) return d->size() != 0;
  if (auto* s = v.as<Set>()) return s->size() != 0;
  if (auto* r = v.as<Range>()) return r->length != 0;
  if (auto* view = v.as<DictView>()) return view->dict->size() != 0;
  return true;
}

namespace {

// How many hashes taken so far had an address in them (see py_hash_stable).
std::uint64_t address_hashes = 0;

// _Py_HashPointer: the address rotated by 4 bits (objects are aligned).
std::int64_t hash_pointer(std::uint64_t address) {
  note_address_hash();
  const std::uint64_t y = (address >> 4) | (address << 60);
  const auto x = static_cast<std::int64_t>(y);
  return x == -1 ? -2 : x;
}

// tuplehash as 3.7 has it: multiply and XOR, the multiplier growing.
std::int64_t hash_tuple_37(const std::vector<Value>& items) {
  std::uint64_t x = 0x345678UL;
  std::uint64_t mult = 1000003UL;  // _PyHASH_MULTIPLIER
  std::size_t left = items.size();
  for (const auto& item : items) {
    --left;
    x = (x ^ static_cast<std::uint64_t>(py_hash(item))) * mult;
    mult += 82520UL + left + left;
  }
  x += 97531UL;
  const auto h = static_cast<std::int64_t>(x);
  return h == -1 ? -2 : h;
}

// tuplehash (xxHash-based, CPython 3.8+).
std::int64_t hash_tuple(const std::vector<Value>& items) {
  if (!Runtime::current().features.tuple_hash_xxhash) return hash_tuple_37(items);
  constexpr std::uint64_t kPrime1 = 11400714785074694791ULL, kPrime2 = 14029467366897019727ULL,
                          kPrime5 = 2870177450012600261ULL;
  std::uint64_t acc = kPrime5;
  for (const auto& item : items) {
    const auto lane = static_cast<std::uint64_t>(py_hash(item));
    acc += lane * kPrime2;
    acc = (acc << 31) | (acc >> 33);
    acc *= kPrime1;
  }
  acc += items.size() ^ (kPrime5 ^ 3527539UL);
  if (acc == static_cast<std::uint64_t>(-1)) return 1546275796;
  return static_cast<std::int64_t>(acc);
}

[[noreturn]] void unhashable(const Value& v) {
  throw_type_error(fmt::format("unhashable type: '{}'", type_name(v)));
}

// slot_tp_hash: a __hash__ defined in Python. A result within Py_hash_t is
// the hash itself (so a __hash__ returning hash(y) hashes as y does); a
// larger one is hashed as an int.
std::int64_t slot_hash(const Value& method, const Value& v) {
  const Value r = call(method, std::span<const Value>(&v, 1));
  if (!num::is_integer(r)) throw_type_error("__hash__ method should return an integer");
  if (const BigInt* b = num::as_big(r)) return b->hash();
  const std::int64_t h = num::as_i64(r);
  return h == -1 ? -2 : h;
}

}  // namespace

std::int64_t py_hash(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None:
      // Before 3.12, None's address.
      if (!Runtime::current().features.none_hash_constant) note_address_hash();
      return 0xFCA86420;  // 3.12's constant hash(None)
    case Value::Kind::Bool: return v.as_bool() ? 1 : 0;
    case Value::Kind::Int: return num::hash_int(v.as_int());
    case Value::Kind::Float: return num::hash_double(v.as_float());
    case Value::Kind::Obj: break;
  }
  if (const Type* cls = overriding_class(v.object())) {
    if (auto f = cls->lookup_override("__hash__")) {
      if (f->is_none()) unhashable(v);
      return slot_hash(*f, v);
    }
    // A class that defines __eq__ and not __hash__ is unhashable.
    if (cls->lookup_override("__eq__")) unhashable(v);
    if (auto* n = v.as<DerivedNumber>()) return py_hash(n->value);
  }
  if (const BigInt* b = num::as_big(v)) return b->hash();
  const StrHashAlgorithm algorithm = Runtime::current().features.str_hash;
  if (auto* s = v.as<Str>()) return hash_str(s->text, algorithm);
  if (v.as<ByteArray>()) unhashable(v);
  if (auto* b = v.as<Bytes>()) return hash_bytes(b->data, algorithm);
  if (auto* t = v.as<Tuple>()) return hash_tuple(t->items);
  if (auto* s = v.as<Set>()) {
    if (!s->frozen) unhashable(v);
    if (!s->stable()) note_address_hash();
    return s->frozen_hash();
  }
  if (v.as<List>() || v.as<Dict>() || v.as<DictView>()) unhashable(v);
  if (auto* r = v.as<Range>()) {
    // range_hash: hash((len, start, step)), with None for what len hides.
    const Value n = Value::integer(r->length);
    if (r->length == 0) return hash_tuple({n, Value::none(), Value::none()});
    if (r->length == 1) return hash_tuple({n, Value::integer(r->start), Value::none()});
    return hash_tuple({n, Value::integer(r->start), Value::integer(r->step)});
  }
  if (auto* s = v.as<Slice>()) {
    if (!Runtime::current().features.slice_hashable) unhashable(v);
    return hash_tuple({s->start, s->stop, s->step});
  }
  if (auto* m = v.as<BoundMethod>()) return py_hash(m->self) ^ hash_pointer(m->function->address());
  // A library class whose __hash__ is Python code in CPython (TimerHandle's
  // hash(self._when)) keeps it in its dict as a class body would.
  if (auto f = type_of(v)->lookup_override("__hash__")) return slot_hash(*f, v);
  return hash_pointer(v.object()->address());
}

void note_address_hash() {
  ++address_hashes;
}

std::int64_t py_hash_stable(const Value& v, bool& stable) {
  const std::uint64_t before = address_hashes;
  const std::int64_t h = py_hash(v);
  stable = address_hashes == before;
  return h;
}

std::size_t hash(const Value& v) {
  return static_cast<std::size_t>(py_hash(v));
}

bool contains(const Value& haystack, const Value& needle) {
  if (auto f = user_override(haystack, "__contains__")) {
    const Value args[] = {haystack, needle};
    return truthy(call(*f, args));
  }
  if (auto* s = haystack.as<Str>()) {
    auto* n = needle.as<Str>();
    if (!n)
      throw_type_error(fmt::format("'in <string>' requires string as left operand, not {}", type_name(needle)));
    return s->text.find(n->text) != std::string::npos;
  }
  if (auto* b = haystack.as<Bytes>()) return bytes_contains(*b, needle);
  if (auto* l = haystack.as<List>()) {
    for (std::size_t i = 0; i < l->items.size(); ++i)
      if (same(Value(l->items[i]), needle)) return true;
    return false;
  }
  if (auto* t = haystack.as<Tuple>()) {
    for (const auto& item : t->items)
      if (same(item, needle)) return true;
    return false;
  }
  if (auto* d = haystack.as<Dict>()) return d->contains(needle);
  if (auto* s = haystack.as<Set>()) return s->contains(needle);
  if (auto* r = haystack.as<Range>()) {
    if (num::is_int(needle)) return r->contains(num::as_i64(needle));
  }
  if (auto* view = haystack.as<DictView>()) {
    switch (view->kind) {
      case DictView::Kind::Keys: return view->dict->contains(needle);
      case DictView::Kind::Items: {
        auto* pair = needle.as<Tuple>();
        if (!pair || pair->items.size() != 2) return false;
        auto v = view->dict->get(pair->items[0]);
        return v && same(*v, pair->items[1]);
      }
      case DictView::Kind::Values: break;
    }
  }
  if (haystack.is_object() && haystack.as<Type>() && haystack.as<Type>()->metaclass) {
    if (auto f = type_of(haystack)->lookup_override("__contains__")) {
      const Value args[] = {haystack, needle};
      return truthy(call(*f, args));
    }
  }
  // A native class's own __contains__ (contextvars.Context).
  if (haystack.is_object() && !haystack.object()->user_class() && !haystack.as<Type>())
    if (auto f = type_of(haystack)->lookup_class("__contains__"); f && f->as<Callable>()) {
      const Value args[] = {haystack, needle};
      return truthy(call(*f, args));
    }
  // PySequence_Contains falls back to iterating.
  Value it;
  try {
    it = iter(haystack);
  } catch (const PyError& e) {
    if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get())) throw;
    throw_type_error(fmt::format("argument of type '{}' is not iterable", type_name(haystack)));
  }
  while (auto v = next(it))
    if (same(*v, needle)) return true;
  return false;
}

}  // namespace asim::runtime
