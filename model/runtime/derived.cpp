// Classes deriving from builtin types (Objects/typeobject.c type_new's base
// checks, and each builtin's tp_new / tp_init as a subclass reaches them
// through super()).
#include "model/runtime/derived.hpp"

#include <fmt/format.h>

#include <cmath>

#include "model/runtime/args.hpp"
#include "model/runtime/bytes.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/format.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/length_hint.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/mangle.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/set.hpp"

namespace asim::runtime {

std::optional<Value> DerivedParts::get_attribute(std::string_view name) {
  if (name == "__dict__") {
    Value d = make_dict();
    for (const auto& [k, v] : dict) setitem(d, Value::str(k), v);
    return d;
  }
  if (auto it = dict.find(std::string(name)); it != dict.end()) return it->second;
  return std::nullopt;
}

bool DerivedParts::set_attribute(std::string_view name, const Value& value) {
  if (!has_room_for(*cls, name)) return false;
  dict[std::string(name)] = value;
  return true;
}

bool DerivedParts::del_attribute(std::string_view name) {
  return dict.erase(std::string(name)) > 0;
}

std::string DerivedNumber::repr() const {
  return to_repr(value);
}

namespace {

// The builtin types a class statement may derive from here, their instances
// carrying the builtin's own object.
std::array<const Type*, 9> derivable() {
  const auto& t = Runtime::current().types;
  return {t.list.get(), t.dict.get(), t.tuple.get(), t.set.get(), t.frozenset.get(),
          t.str.get(),  t.bytes.get(), t.int_.get(), t.float_.get()};
}

bool is_derivable(const Type* t) {
  for (const Type* d : derivable())
    if (d == t) return true;
  return false;
}

using Slot = Value (*)(std::span<const Value> a);

// check_num_args: a slot wrapper's argument count.
void check_num_args(std::span<const Value> args, std::size_t n) {
  if (args.size() == n) return;
  const bool singular = n == 1 && Runtime::current().features.arg_count_singular;
  throw_type_error(fmt::format("expected {} argument{}, got {}", n, singular ? "" : "s", args.size()));
}

// Which operands a slot treats as the builtin's own: self, or both.
enum class Operands { Self, Both };

// The builtin's method `name` behind an operation (CPython's slot
// wrappers: list.__getitem__, dict.__repr__, str.__eq__...), as a subclass
// reaches it through super(): the operation on self with none of the
// subclass's overrides.
void slot(const Ref<Type>& T, const std::string& name, std::size_t nargs, Slot op, Operands which = Operands::Self) {
  def(T, name, [T, name, nargs, op, which](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs(name, kw);
    if (a.empty() || !isinstance(a[0], T.get()))
      throw_type_error(fmt::format("descriptor '{}' requires a '{}' object but received a '{}'", name, T->name,
                                   a.empty() ? std::string("nothing") : type_name(a[0])));
    check_num_args(a.subspan(1), nargs);
    AsBuiltin builtin(a[0], which == Operands::Both ? a[1] : Value());
    return op(a);
  });
}

// The plain number an operand of int's or float's own methods stands for:
// an int (of a bool or an int subclass), or a float when `floats` (long_add
// takes ints only, float_add ints and floats); nullopt for any other
// operand, for which the method answers NotImplemented.
std::optional<Value> number_operand(const Value& v, bool floats) {
  Value n = v;
  if (auto* d = v.as<DerivedNumber>()) n = d->value;
  if (n.kind() == Value::Kind::Bool) n = Value::integer(n.as_bool());
  if (num::is_integer(n) || (floats && n.kind() == Value::Kind::Float)) return n;
  return std::nullopt;
}

void check_descriptor(const Ref<Type>& T, const std::string& name, std::span<const Value> a) {
  if (a.empty() || !isinstance(a[0], T.get()))
    throw_type_error(fmt::format("descriptor '{}' requires a '{}' object but received a '{}'", name, T->name,
                                 a.empty() ? std::string("nothing") : type_name(a[0])));
}

// int's and float's binary methods (long_add, float_add... as their slot
// wrappers call them): __add__(x) is self + x, __radd__(x) is x + self, on
// the plain numbers; NotImplemented for an operand they do not take.
// __pow__ and __rpow__ also take a modulus.
void number_slot(const Ref<Type>& T, const std::string& name, BinOp op, bool reflected) {
  def(T, name, [T, name, op, reflected](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs(name, kw);
    check_descriptor(T, name, a);
    if (op == BinOp::Pow) args::count("", a.subspan(1), 1, 2);
    else check_num_args(a.subspan(1), 1);
    const bool floats = T.get() == Runtime::current().types.float_.get();
    const Value self = *number_operand(a[0], true);
    const auto other = number_operand(a[1], floats);
    if (!other) return Runtime::current().types.NotImplemented;
    const Value& x = reflected ? *other : self;
    const Value& y = reflected ? self : *other;
    if (op == BinOp::Pow && a.size() > 2 && !a[2].is_none()) {
      const auto mod = number_operand(a[2], floats);
      if (!mod) return Runtime::current().types.NotImplemented;
      if (!num::is_integer(x) || !num::is_integer(y) || !num::is_integer(*mod))
        throw_type_error("pow() 3rd argument not allowed unless all arguments are integers");
      return num::pow_mod(x, y, *mod);
    }
    return binary_op(op, x, y);
  });
}

// __divmod__ and __rdivmod__.
void divmod_slot(const Ref<Type>& T, const std::string& name, bool reflected) {
  def(T, name, [T, name, reflected](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs(name, kw);
    check_descriptor(T, name, a);
    check_num_args(a.subspan(1), 1);
    const Value self = *number_operand(a[0], true);
    const auto other = number_operand(a[1], T.get() == Runtime::current().types.float_.get());
    if (!other) return Runtime::current().types.NotImplemented;
    auto [q, r] = reflected ? num::divmod(*other, self) : num::divmod(self, *other);
    return make_tuple({q, r});
  });
}

// The methods of one operand: __neg__, __int__, __index__...
void unary_slot(const Ref<Type>& T, const std::string& name, Value (*op)(const Value& plain)) {
  def(T, name, [T, name, op](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs(name, kw);
    check_descriptor(T, name, a);
    check_num_args(a.subspan(1), 0);
    return op(*number_operand(a[0], true));
  });
}

void install_number_slots(const Ref<Type>& T, bool is_int) {
  const std::pair<const char*, BinOp> binary[] = {
      {"add", BinOp::Add},       {"sub", BinOp::Sub},   {"mul", BinOp::Mult}, {"truediv", BinOp::Div},
      {"floordiv", BinOp::FloorDiv}, {"mod", BinOp::Mod}, {"pow", BinOp::Pow},  {"lshift", BinOp::LShift},
      {"rshift", BinOp::RShift}, {"and", BinOp::BitAnd}, {"or", BinOp::BitOr}, {"xor", BinOp::BitXor}};
  for (const auto& [name, op] : binary) {
    if (!is_int && (op == BinOp::LShift || op == BinOp::RShift || op == BinOp::BitAnd || op == BinOp::BitOr ||
                    op == BinOp::BitXor))
      continue;
    number_slot(T, fmt::format("__{}__", name), op, false);
    number_slot(T, fmt::format("__r{}__", name), op, true);
  }
  divmod_slot(T, "__divmod__", false);
  divmod_slot(T, "__rdivmod__", true);
  unary_slot(T, "__neg__", [](const Value& v) { return unary_op(UnaryOp::USub, v); });
  unary_slot(T, "__pos__", [](const Value& v) { return unary_op(UnaryOp::UAdd, v); });
  unary_slot(T, "__abs__", [](const Value& v) { return num::is_integer(v) && num::sign(v) < 0 ? unary_op(UnaryOp::USub, v)
                                                      : v.kind() == Value::Kind::Float ? Value::floating(std::fabs(v.as_float()))
                                                                                        : v; });
  unary_slot(T, "__float__", [](const Value& v) { return Value::floating(num::as_f64(v)); });
  unary_slot(T, "__int__", [](const Value& v) { return num::is_integer(v) ? v : num::float_to_int(v.as_float()); });
  unary_slot(T, "__trunc__", [](const Value& v) { return num::is_integer(v) ? v : num::float_to_int(v.as_float()); });
  if (!is_int) return;
  unary_slot(T, "__invert__", [](const Value& v) { return unary_op(UnaryOp::Invert, v); });
  unary_slot(T, "__index__", [](const Value& v) { return v; });
  unary_slot(T, "__floor__", [](const Value& v) { return v; });
  unary_slot(T, "__ceil__", [](const Value& v) { return v; });
}

template <CmpOp op>
Value compare_slot(std::span<const Value> a) {
  return compare(op, a[0], a[1]);
}

template <BinOp op>
Value binary_slot(std::span<const Value> a) {
  return binary_op(op, a[0], a[1]);
}

void install_slot_wrappers(BuiltinTypes& t) {
  const std::pair<const char*, Slot> comparisons[] = {
      {"__eq__", compare_slot<CmpOp::Eq>}, {"__ne__", compare_slot<CmpOp::NotEq>}, {"__lt__", compare_slot<CmpOp::Lt>},
      {"__le__", compare_slot<CmpOp::LtE>}, {"__gt__", compare_slot<CmpOp::Gt>},   {"__ge__", compare_slot<CmpOp::GtE>}};
  for (const Type* base : derivable()) {
    const Ref<Type> T(const_cast<Type*>(base));
    slot(T, "__repr__", 0, [](std::span<const Value> a) { return Value::str(to_repr(a[0])); });
    for (const auto& [name, op] : comparisons) slot(T, name, 1, op, Operands::Both);
    if (T != t.list && T != t.dict && T != t.set)
      slot(T, "__hash__", 0, [](std::span<const Value> a) { return Value::integer(py_hash(a[0])); });
    if (T == t.int_ || T == t.float_) {
      slot(T, "__bool__", 0, [](std::span<const Value> a) { return Value::boolean(truthy(a[0])); });
      install_number_slots(T, T == t.int_);
      continue;
    }
    slot(T, "__len__", 0, [](std::span<const Value> a) { return Value::integer(len(a[0])); });
    slot(T, "__contains__", 1, [](std::span<const Value> a) { return Value::boolean(contains(a[0], a[1])); });
    slot(T, "__iter__", 0, [](std::span<const Value> a) { return iter(a[0]); });
    if (T == t.set || T == t.frozenset) continue;
    slot(T, "__getitem__", 1, [](std::span<const Value> a) { return getitem(a[0], a[1]); });
    if (T == t.list || T == t.dict) {
      slot(T, "__setitem__", 2, [](std::span<const Value> a) {
        setitem(a[0], a[1], a[2]);
        return Value::none();
      });
      slot(T, "__delitem__", 1, [](std::span<const Value> a) {
        delitem(a[0], a[1]);
        return Value::none();
      });
    }
    if (T != t.dict) {
      slot(T, "__add__", 1, binary_slot<BinOp::Add>, Operands::Both);
      slot(T, "__mul__", 1, binary_slot<BinOp::Mult>, Operands::Both);
    }
  }
  // dict_or (3.9+; the attribute table hides them before): a merge with
  // another dict only, NotImplemented otherwise; __ior__ is update().
  slot(t.dict, "__or__", 1, [](std::span<const Value> a) {
    if (!isinstance(a[1], Runtime::current().types.dict.get())) return Runtime::current().types.NotImplemented;
    return binary_op(BinOp::BitOr, a[0], a[1]);
  }, Operands::Both);
  slot(t.dict, "__ror__", 1, [](std::span<const Value> a) {
    if (!isinstance(a[1], Runtime::current().types.dict.get())) return Runtime::current().types.NotImplemented;
    return binary_op(BinOp::BitOr, a[1], a[0]);
  }, Operands::Both);
  slot(t.dict, "__ior__", 1, [](std::span<const Value> a) {
    call_method(a[0], "update", a.subspan(1, 1));
    return a[0];
  });
  slot(t.str, "__str__", 0, [](std::span<const Value> a) { return Value::str(to_str(a[0])); });
  // int.__format__, float.__format__, str.__format__: str(self) for an
  // empty spec, else the value's own formatting.
  for (const auto& T : {t.int_, t.float_, t.str}) {
    slot(T, "__format__", 1, [](std::span<const Value> a) {
      auto* spec = a[1].as<Str>();
      if (!spec) throw_type_error(fmt::format("format() argument must be str, not {}", type_name(a[1])));
      if (spec->text.empty()) return Value::str(to_str(a[0]));
      if (auto* s = a[0].as<Str>()) return Value::str(format_text(s->text, spec->text));
      return Value::str(format(*number_operand(a[0], true), spec->text));
    });
  }
}

}  // namespace

bool has_room_for(const Type& cls, std::string_view name) {
  auto no_dict = [](const Type* t) { return t->module == "builtins" || t->dict.count("__slots__"); };
  if (!no_dict(&cls)) return true;
  for (const Type* t : cls.ancestors())
    if (!no_dict(t)) return true;
  // type_new mangles each slot's name by its class, as attribute names in
  // the class's methods are.
  auto listed = [&](const Type* t) {
    auto slots = t->dict.find("__slots__");
    if (slots == t->dict.end()) return false;
    if (auto* s = slots->second.as<Str>()) return mangle(t->name, s->text) == name;
    for (const auto& v : to_vector(slots->second))
      if (auto* s = v.as<Str>(); s && (mangle(t->name, s->text) == name || s->text == "__dict__")) return true;
    return false;
  };
  if (listed(&cls)) return true;
  for (const Type* t : cls.ancestors())
    if (listed(t)) return true;
  return false;
}

const Type* builtin_base(const Type& cls) {
  if (is_derivable(&cls)) return &cls;
  for (const Type* t : cls.ancestors())
    if (is_derivable(t)) return t;
  return nullptr;
}

bool init_fills(const Type& builtin) {
  const auto& t = Runtime::current().types;
  return &builtin == t.list.get() || &builtin == t.dict.get() || &builtin == t.set.get();
}

Value derive(const Ref<Type>& cls, const Value& plain) {
  Object* o = plain.object();
  if (!o || downcast<BigIntObject>(o)) return Value(make<DerivedNumber>(cls, plain));
  if (auto* l = downcast<List>(o)) return Value(make<Derived<List>>(cls, l->items));
  if (auto* t = downcast<Tuple>(o)) return Value(make<Derived<Tuple>>(cls, t->items));
  if (auto* s = downcast<Str>(o)) return Value(make<Derived<Str>>(cls, s->text));
  if (auto* b = downcast<Bytes>(o)) return Value(make<Derived<Bytes>>(cls, b->data));
  if (auto* d = downcast<Dict>(o)) {
    auto out = make<Derived<Dict>>(cls);
    for (const auto& e : d->entries())
      if (e.live) out->set(e.key, e.value);
    return Value(out);
  }
  if (auto* s = downcast<Set>(o)) {
    auto out = make<Derived<Set>>(cls, std::vector<Value>{}, s->frozen);
    out->merge(*s);
    return Value(out);
  }
  throw_type_error(fmt::format("cannot derive '{}' from '{}'", cls->name, type_name(plain)));
}

std::optional<std::string> check_bases(const std::vector<Ref<Type>>& bases) {
  const auto& t = Runtime::current().types;
  // Builtins whose tp_flags lack Py_TPFLAGS_BASETYPE.
  for (const auto& b : bases) {
    for (const auto& final_type : {t.bool_, t.NoneType, t.NotImplementedType, t.ellipsis, t.range, t.slice, t.function,
                                   t.builtin_function, t.method, t.coroutine, t.generator, t.async_generator,
                                   t.dict_keys, t.dict_values, t.dict_items})
      if (b.get() == final_type.get())
        throw_type_error(fmt::format("type '{}' is not an acceptable base type", b->name));
  }
  // best_base: the builtin layouts the bases carry must be one line.
  const Type* layout = nullptr;
  for (const auto& b : bases) {
    const Type* mine = builtin_base(*b);
    if (!mine && b->is_subclass_of(Runtime::current().builtins.BaseException.get()))
      mine = Runtime::current().builtins.BaseException.get();
    if (!mine) continue;
    if (layout && layout != mine && !mine->is_subclass_of(layout) && !layout->is_subclass_of(mine))
      throw_type_error("multiple bases have instance lay-out conflict");
    if (!layout || mine->is_subclass_of(layout)) layout = mine;
  }
  for (const auto& b : bases) {
    for (const auto& unmodelled : {t.bytearray, t.super_, t.module, t.TextIOWrapper, t.GenericAlias})
      if (b->is_subclass_of(unmodelled.get()))
        return fmt::format("a class deriving from '{}'", unmodelled->name);
  }
  return std::nullopt;
}

void install_derived_types(BuiltinTypes& t) {
  // X.__new__(cls, ...): the builtin's value, made an instance of cls.
  for (const Type* base : derivable()) {
    const Ref<Type> B(const_cast<Type*>(base));
    def(B, "__new__", [B](std::span<const Value> a, std::span<const Keyword> kw) {
      if (a.empty()) throw_type_error(fmt::format("{}.__new__(): not enough arguments", B->name));
      auto* cls = a[0].as<Type>();
      if (!cls)
        throw_type_error(fmt::format("{}.__new__(X): X is not a type object ({})", B->name, type_name(a[0])));
      if (!cls->is_subclass_of(B.get()))
        throw_type_error(fmt::format("{}.__new__({}): {} is not a subtype of {}", B->name, cls->name, cls->name, B->name));
      const bool ignores_args = init_fills(*B);
      const Value plain = B->constructor(B, ignores_args ? std::span<const Value>() : a.subspan(1),
                                         ignores_args ? std::span<const Keyword>() : kw);
      return cls == B.get() ? plain : derive(Ref<Type>(cls), plain);
    });
  }
  install_slot_wrappers(t);
  // list.__init__, dict.__init__, set.__init__: what super().__init__(...)
  // in a subclass's __init__ reaches (list___init___impl and friends).
  def(t.list, "__init__", [L = t.list](std::span<const Value> a, std::span<const Keyword> kw) {
    auto& l = self_as<List>(a, *L, "__init__");
    args::no_kwargs("list", kw);
    args::count("list", a.subspan(1), 0, 1);
    std::vector<Value> items = a.size() > 1 ? extend_items(a[1]) : std::vector<Value>{};
    l.items.swap(items);
    return Value::none();
  });
  def(t.dict, "__init__", [D = t.dict](std::span<const Value> a, std::span<const Keyword> kw) {
    self_as<Dict>(a, *D, "__init__");
    if (a.size() > 2) throw_type_error(fmt::format("dict expected at most 1 argument, got {}", a.size() - 1));
    return call(*D->lookup_class("update"), a, kw);
  });
  def(t.set, "__init__", [S = t.set](std::span<const Value> a, std::span<const Keyword> kw) {
    auto& s = self_as<Set>(a, *S, "__init__");
    args::no_kwargs("set", kw);
    args::count("set", a.subspan(1), 0, 1);
    s.clear();
    if (a.size() > 1) set_update(s, a[1]);
    return Value::none();
  });
}

}  // namespace asim::runtime
