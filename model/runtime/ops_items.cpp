// Subscription, iteration and len() (PyObject_GetItem, PyObject_SetItem,
// PyObject_GetIter, PyObject_Size), and the container constructors.
#include <fmt/format.h>

#include <iterator>
#include <utility>

#include "model/runtime/bytes.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/generic_alias.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterators.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

// A subscript as a position in a sequence of n: negative counts from the
// end; IndexError "<what> index out of range" when outside.
std::size_t position(std::int64_t i, std::size_t n, const char* what) {
  const auto len = static_cast<std::int64_t>(n);
  if (i < 0) i += len;
  if (i < 0 || i >= len) throw_index_error(fmt::format("{} index out of range", what));
  return static_cast<std::size_t>(i);
}

template <class Seq>
Seq slice_of(const Seq& items, const Slice& s) {
  const auto ix = s.indices(static_cast<std::int64_t>(items.size()));
  Seq out;
  out.reserve(static_cast<std::size_t>(ix.count));
  for (std::int64_t k = 0, i = ix.start; k < ix.count; ++k, i += ix.step) out.push_back(items[static_cast<std::size_t>(i)]);
  return out;
}

// A dunder a class body defines for `obj`: an instance's class, or a class's
// metaclass.
std::optional<Value> user_method(const Value& obj, const char* name) {
  if (!obj.is_object()) return std::nullopt;
  if (obj.object()->user_class()) return user_override(obj, name);
  auto* t = obj.as<Type>();
  if (!t || !t->metaclass) return std::nullopt;
  return type_of(obj)->lookup_override(name);
}

// The method a native class (contextvars.Context) gives for one of the
// protocols, taking self as its first argument: the builtins' own types are
// served before this is asked.
std::optional<Value> native_protocol_method(const Value& obj, const char* name) {
  if (!obj.is_object() || obj.object()->user_class() || obj.as<Type>()) return std::nullopt;
  auto m = type_of(obj)->lookup_class(name);
  if (!m || !m->as<Callable>()) return std::nullopt;
  return m;
}

// PyNumber_AsSsize_t(key, PyExc_IndexError): an int beyond int64 is an
// IndexError, other keys go through __index__.
std::int64_t subscript_index(const Value& key) {
  if (num::as_big(key)) throw_index_error("cannot fit 'int' into an index-sized integer");
  return index_value(key);
}

// An int, or what PyIndex_Check accepts: an int subclass instance, or an
// instance whose class defines __index__.
bool is_index_key(const Value& key) {
  if (num::is_integer(key)) return true;
  if (!key.is_object() || !key.object()->user_class()) return false;
  if (auto* n = key.as<DerivedNumber>()) return num::is_integer(n->value);
  return type_of(key)->lookup_override("__index__").has_value();
}

}  // namespace

Value getitem(const Value& obj, const Value& key) {
  if (auto f = user_override(obj, "__getitem__")) {
    const Value args[] = {obj, key};
    return call(*f, args);
  }
  if (auto* l = obj.as<List>()) {
    if (num::is_int(key)) return l->items[position(num::as_i64(key), l->items.size(), "list")];
    if (auto* s = key.as<Slice>()) return make_list(slice_of(l->items, *s));
    if (!is_index_key(key))
      throw_type_error(fmt::format("list indices must be integers or slices, not {}", type_name(key)));
    return l->items[position(subscript_index(key), l->items.size(), "list")];
  }
  if (auto* t = obj.as<Tuple>()) {
    if (num::is_int(key)) return t->items[position(num::as_i64(key), t->items.size(), "tuple")];
    if (auto* s = key.as<Slice>()) return make_tuple(slice_of(t->items, *s));
    if (!is_index_key(key))
      throw_type_error(fmt::format("tuple indices must be integers or slices, not {}", type_name(key)));
    return t->items[position(subscript_index(key), t->items.size(), "tuple")];
  }
  if (auto* d = obj.as<Dict>()) {
    if (auto v = d->get(key)) return *v;
    // dict_subscript: a subclass's __missing__ answers for an absent key,
    // also through dict.__getitem__.
    if (const Type* cls = obj.object()->user_class(); auto f = cls ? cls->lookup_override("__missing__") : std::nullopt) {
      const Value args[] = {obj, key};
      return call(*f, args);
    }
    throw_key_error(key);
  }
  if (auto* str = obj.as<Str>()) {
    const std::string& s = str->text;
    if (num::is_int(key)) {
      const auto n = text::length(s);
      return Value::str(text::at(s, static_cast<std::int64_t>(position(num::as_i64(key), static_cast<std::size_t>(n), "string"))));
    }
    if (auto* sl = key.as<Slice>()) {
      if (text::is_ascii(s)) {
        if (sl->step.is_none() || (num::is_int(sl->step) && num::as_i64(sl->step) == 1)) {
          const auto ix = sl->indices(static_cast<std::int64_t>(s.size()));
          return Value::str(ix.count > 0 ? s.substr(static_cast<std::size_t>(ix.start), static_cast<std::size_t>(ix.count)) : "");
        }
        return Value::str(slice_of(s, *sl));
      }
      return Value::str(text::encode(slice_of(text::decode(s), *sl)));
    }
    if (num::as_big(key)) subscript_index(key);
    if (is_index_key(key)) {
      const auto n = text::length(s);
      return Value::str(text::at(s, static_cast<std::int64_t>(position(subscript_index(key), static_cast<std::size_t>(n), "string"))));
    }
    if (!Runtime::current().features.str_index_names_type) throw_type_error("string indices must be integers");
    throw_type_error(fmt::format("string indices must be integers, not '{}'", type_name(key)));
  }
  if (auto* b = obj.as<Bytes>()) return bytes_getitem(*b, key);
  if (auto* r = obj.as<Range>()) {
    if (auto* sl = key.as<Slice>()) {
      const auto ix = sl->indices(r->length);
      const std::int64_t start = r->start + ix.start * r->step;
      return Value(make<Range>(start, r->start + ix.stop * r->step, r->step * ix.step));
    }
    if (!is_index_key(key))
      throw_type_error(fmt::format("range indices must be integers or slices, not {}", type_name(key)));
    return Value::integer(r->at(static_cast<std::int64_t>(position(subscript_index(key), static_cast<std::size_t>(r->length), "range object"))));
  }
  if (auto* t = obj.as<Type>()) {
    auto& types = Runtime::current().types;
    if (Runtime::current().features.builtin_generics)
      for (const auto& generic : {types.list, types.dict, types.tuple, types.set, types.frozenset, types.type})
        if (t == generic.get()) return Value(make<GenericAlias>(Ref<Type>(t), key));
    if (auto f = user_method(obj, "__getitem__")) {
      const Value args[] = {obj, key};
      return call(*f, args);
    }
    // __class_getitem__ is a class method even when not declared one.
    if (auto f = t->lookup_class("__class_getitem__")) {
      if (auto* cm = f->as<ClassMethod>()) f = cm->fn;
      if (f->as<BoundMethod>()) return call(*f, std::span<const Value>(&key, 1));
      const Value args[] = {obj, key};
      return call(*f, args);
    }
    if (!Runtime::current().features.type_subscript_names_type) throw_type_error("'type' object is not subscriptable");
    throw_type_error(fmt::format("type '{}' is not subscriptable", t->qualname));
  }
  if (auto f = native_protocol_method(obj, "__getitem__")) {
    const Value args[] = {obj, key};
    return call(*f, args);
  }
  // The stand-in of a library class asim leaves out stops the run here
  // (CPython's class may well be generic).
  if (auto* h = obj.is_object() ? downcast<HasAttributes>(obj.object()) : nullptr) h->get_attribute("__class_getitem__");
  throw_type_error(fmt::format("'{}' object is not subscriptable", type_name(obj)));
}

void setitem(const Value& obj, const Value& key, Value value) {
  if (auto f = user_override(obj, "__setitem__")) {
    const Value args[] = {obj, key, value};
    call(*f, args);
    return;
  }
  if (auto* b = obj.as<ByteArray>()) {
    bytearray_setitem(*b, key, value);
    return;
  }
  if (auto* l = obj.as<List>()) {
    if (auto* s = key.as<Slice>()) {
      std::vector<Value> items;
      try {
        items = to_vector(value);
      } catch (const PyError& e) {
        if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get())) throw;
        const bool simple = s->step.is_none() || (num::is_int(s->step) && num::as_i64(s->step) == 1);
        throw_type_error(simple ? "can only assign an iterable" : "must assign iterable to extended slice");
      }
      const auto ix = s->indices(static_cast<std::int64_t>(l->items.size()));
      if (ix.step == 1) {
        // list_ass_slice: replace [start, max(start, stop)).
        const auto lo = static_cast<std::size_t>(ix.start);
        const auto hi = static_cast<std::size_t>(std::max(ix.start, ix.stop));
        // The items replaced are released once the list holds its new
        // ones, last first.
        std::vector<Value> recycled(std::make_move_iterator(l->items.begin() + static_cast<std::ptrdiff_t>(lo)),
                                    std::make_move_iterator(l->items.begin() + static_cast<std::ptrdiff_t>(hi)));
        l->items.erase(l->items.begin() + static_cast<std::ptrdiff_t>(lo), l->items.begin() + static_cast<std::ptrdiff_t>(hi));
        l->items.insert(l->items.begin() + static_cast<std::ptrdiff_t>(lo), items.begin(), items.end());
        release_backwards(recycled);
        return;
      }
      if (static_cast<std::int64_t>(items.size()) != ix.count)
        throw_value_error(fmt::format("attempt to assign sequence of size {} to extended slice of size {}",
                                      items.size(), ix.count));
      // list_ass_subscript: every item is in place before the replaced
      // ones are released, in the slice's order.
      std::vector<Value> garbage;
      garbage.reserve(items.size());
      for (std::int64_t k = 0, i = ix.start; k < ix.count; ++k, i += ix.step)
        garbage.push_back(std::exchange(l->items[static_cast<std::size_t>(i)], items[static_cast<std::size_t>(k)]));
      for (Value& v : garbage) v = Value();
      return;
    }
    if (!is_index_key(key))
      throw_type_error(fmt::format("list indices must be integers or slices, not {}", type_name(key)));
    l->items[position(subscript_index(key), l->items.size(), "list assignment")] = std::move(value);
    return;
  }
  if (auto* d = obj.as<Dict>()) {
    d->set(key, std::move(value));
    return;
  }
  throw_type_error(fmt::format("'{}' object does not support item assignment", type_name(obj)));
}

void delitem(const Value& obj, const Value& key) {
  if (auto f = user_override(obj, "__delitem__")) {
    const Value args[] = {obj, key};
    call(*f, args);
    return;
  }
  if (auto* b = obj.as<ByteArray>()) {
    bytearray_delitem(*b, key);
    return;
  }
  if (auto* l = obj.as<List>()) {
    if (auto* s = key.as<Slice>()) {
      const auto ix = s->indices(static_cast<std::int64_t>(l->items.size()));
      std::vector<bool> drop(l->items.size(), false);
      for (std::int64_t k = 0, i = ix.start; k < ix.count; ++k, i += ix.step) drop[static_cast<std::size_t>(i)] = true;
      std::vector<Value> kept;
      for (std::size_t i = 0; i < l->items.size(); ++i)
        if (!drop[i]) kept.push_back(l->items[i]);
      l->items.swap(kept);
      // A simple slice goes through list_ass_slice (released last first),
      // an extended one through list_ass_subscript (first first).
      if (ix.step == 1) release_backwards(kept);
      else
        for (Value& v : kept) v = Value();
      return;
    }
    if (!is_index_key(key))
      throw_type_error(fmt::format("list indices must be integers or slices, not {}", type_name(key)));
    const auto i = position(subscript_index(key), l->items.size(), "list assignment");
    // Released once the list no longer holds it.
    const Value removed = std::move(l->items[i]);
    l->items.erase(l->items.begin() + static_cast<std::ptrdiff_t>(i));
    return;
  }
  if (auto* d = obj.as<Dict>()) {
    if (!d->erase(key)) throw_key_error(key);
    return;
  }
  throw_type_error(fmt::format("'{}' object doesn't support item deletion", type_name(obj)));
}

namespace {

// seqiterobject: the old sequence protocol, obj[0], obj[1], ... until
// IndexError or StopIteration.
class SeqIterator : public Object, public Iterator {
 public:
  explicit SeqIterator(Value seq) : seq_(std::move(seq)) {}
  std::string_view type_name() const override { return "iterator"; }
  std::optional<Value> next() override {
    if (seq_.is_none()) return std::nullopt;
    try {
      return getitem(seq_, Value::integer(index_++));
    } catch (const PyError& e) {
      const auto& b = Runtime::current().builtins;
      if (!e.exc->isinstance(b.IndexError.get()) && !e.exc->isinstance(b.StopIteration.get())) throw;
      seq_ = Value();
      return std::nullopt;
    }
  }

 private:
  Value seq_;  // None once exhausted
  std::int64_t index_ = 0;
};

}  // namespace

bool has_iter_protocol(const Value& v) {
  if (!v.is_object()) return false;
  Object* o = v.object();
  if (downcast<Iterator>(o) || downcast<List>(o) || downcast<Tuple>(o) || downcast<Str>(o) || downcast<Bytes>(o) ||
      downcast<Dict>(o) || downcast<DictView>(o) || downcast<Set>(o) || downcast<Range>(o))
    return true;
  for (const char* name : {"__iter__", "__getitem__"})
    if (user_method(v, name) || native_protocol_method(v, name)) return true;
  return false;
}

Value iter(const Value& iterable) {
  if (iterable.is_object()) {
    Object* o = iterable.object();
    if (o->user_class()) {
      if (auto f = user_override(iterable, "__iter__")) {
        Value it = call(*f, std::span<const Value>(&iterable, 1));
        if (!is_iterator(it))
          throw_type_error(fmt::format("iter() returned non-iterator of type '{}'", type_name(it)));
        return it;
      }
    }
    if (downcast<Iterator>(o)) return iterable;
    // PySequence_Check: a class defining __getitem__ (not a dict's).
    if (o->user_class() && !downcast<Dict>(o) && !downcast<List>(o) && !downcast<Tuple>(o) && !downcast<Str>(o) &&
        !downcast<Bytes>(o) && !downcast<Set>(o) && user_override(iterable, "__getitem__"))
      return Value(make<SeqIterator>(iterable));
    if (auto* l = downcast<List>(o)) return Value(make<ListIterator>(Ref<List>(l)));
    if (auto* t = downcast<Tuple>(o)) return Value(make<SequenceIterator>("tuple_iterator", t->items));
    if (auto* s = downcast<Str>(o)) return Value(make<StrIterator>(s->text));
    if (auto* b = downcast<Bytes>(o)) {
      std::vector<Value> items;
      for (unsigned char c : b->data) items.push_back(Value::integer(c));
      return Value(make<SequenceIterator>(downcast<ByteArray>(o) ? "bytearray_iterator" : "bytes_iterator", std::move(items)));
    }
    if (auto* d = downcast<Dict>(o)) return Value(make<DictIterator>(Ref<Dict>(d), DictView::Kind::Keys));
    if (auto* v = downcast<DictView>(o)) return Value(make<DictIterator>(v->dict, v->kind));
    if (auto* s = downcast<Set>(o)) return Value(make<SetIterator>(Ref<Set>(s)));
    if (auto* r = downcast<Range>(o)) return Value(make<RangeIterator>(r->start, r->step, r->length));
    if (auto f = user_method(iterable, "__iter__"); f || (f = native_protocol_method(iterable, "__iter__"))) {
      Value it = call(*f, std::span<const Value>(&iterable, 1));
      if (!is_iterator(it))
        throw_type_error(fmt::format("iter() returned non-iterator of type '{}'", type_name(it)));
      return it;
    }
  }
  throw_type_error(fmt::format("'{}' object is not iterable", type_name(iterable)));
}

bool is_iterator(const Value& v) {
  if (!v.is_object()) return false;
  if (v.as<Iterator>()) return true;
  return user_method(v, "__next__").has_value();
}

std::optional<Value> next(const Value& iterator) {
  if (auto* it = iterator.as<Iterator>()) return it->next();
  if (auto f = user_method(iterator, "__next__")) {
    try {
      return call(*f, std::span<const Value>(&iterator, 1));
    } catch (const PyError& e) {
      if (e.exc->isinstance(Runtime::current().builtins.StopIteration.get())) return std::nullopt;
      throw;
    }
  }
  throw_type_error(fmt::format("'{}' object is not an iterator", type_name(iterator)));
}

std::int64_t len(const Value& v) {
  if (v.is_object()) {
    Object* o = v.object();
    if (o->user_class()) {
      if (auto f = user_override(v, "__len__")) {
        const Value r = call(*f, std::span<const Value>(&v, 1));
        const auto n = index_value(r);
        if (n < 0) throw_value_error("__len__() should return >= 0");
        return n;
      }
    }
    if (auto* s = downcast<Str>(o)) return text::length(s->text);
    if (auto* b = downcast<Bytes>(o)) return static_cast<std::int64_t>(b->data.size());
    if (auto* l = downcast<List>(o)) return static_cast<std::int64_t>(l->items.size());
    if (auto* t = downcast<Tuple>(o)) return static_cast<std::int64_t>(t->items.size());
    if (auto* d = downcast<Dict>(o)) return static_cast<std::int64_t>(d->size());
    if (auto* s = downcast<Set>(o)) return static_cast<std::int64_t>(s->size());
    if (auto* r = downcast<Range>(o)) return r->length;
    if (auto* view = downcast<DictView>(o)) return static_cast<std::int64_t>(view->dict->size());
    if (auto f = user_method(v, "__len__"); f || (f = native_protocol_method(v, "__len__"))) {
      const Value r = call(*f, std::span<const Value>(&v, 1));
      const auto n = index_value(r);
      if (n < 0) throw_value_error("__len__() should return >= 0");
      return n;
    }
  }
  throw_type_error(fmt::format("object of type '{}' has no len()", type_name(v)));
}

std::vector<Value> unpack(const Value& v, std::size_t n) {
  std::vector<Value> items;
  const bool exact = v.is_object() && !overridable(v);
  if (auto* t = exact ? v.as<Tuple>() : nullptr) items = t->items;
  else if (auto* l = exact ? v.as<List>() : nullptr) items = l->items;
  else {
    Value it;
    try {
      it = iter(v);
    } catch (const PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get()) || (v.is_object() && v.object()->user_class()))
        throw;
      throw_type_error(fmt::format("cannot unpack non-iterable {} object", type_name(v)));
    }
    // UNPACK_SEQUENCE stops one past n to tell "too many".
    while (items.size() <= n) {
      auto x = next(it);
      if (!x) break;
      items.push_back(std::move(*x));
    }
  }
  if (items.size() < n)
    throw_value_error(fmt::format("not enough values to unpack (expected {}, got {})", n, items.size()));
  if (items.size() > n) throw_value_error(fmt::format("too many values to unpack (expected {})", n));
  return items;
}

std::vector<Value> unpack_ex(const Value& v, std::size_t before, std::size_t after) {
  std::vector<Value> items;
  try {
    items = to_vector(v);
  } catch (const PyError& e) {
    if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get()) || (v.is_object() && v.object()->user_class()))
      throw;
    throw_type_error(fmt::format("cannot unpack non-iterable {} object", type_name(v)));
  }
  if (items.size() < before + after)
    throw_value_error(fmt::format("not enough values to unpack (expected at least {}, got {})", before + after,
                                  items.size()));
  std::vector<Value> out(items.begin(), items.begin() + static_cast<std::ptrdiff_t>(before));
  out.push_back(make_list(std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(before),
                                             items.end() - static_cast<std::ptrdiff_t>(after))));
  out.insert(out.end(), items.end() - static_cast<std::ptrdiff_t>(after), items.end());
  return out;
}

Value make_list(std::vector<Value> items) {
  return Value(make<List>(std::move(items)));
}

Value make_tuple(std::vector<Value> items) {
  return Value(make<Tuple>(std::move(items)));
}

Value make_dict() {
  return Value(make<Dict>());
}

Value make_set(std::vector<Value> items) {
  auto s = make<Set>();
  for (const auto& v : items) s->add(v);
  return Value(s);
}

Value make_constant_set(std::vector<Value> items) {
  const bool stable = std::all_of(items.begin(), items.end(), [](const Value& v) {
    bool item_stable = false;
    py_hash_stable(v, item_stable);
    return item_stable;
  });
  if (items.size() <= 2 || !stable) return make_set(std::move(items));
  Set folded;  // PyFrozenSet_New(tuple)
  for (const auto& v : items) folded.add(v);
  Set merged;  // merge_consts_recursive: a new frozenset from the old one's order
  for (const auto& v : folded.slot_order()) merged.add(v);
  auto result = make<Set>();  // BUILD_SET 0; SET_UPDATE
  result->merge(merged);
  return Value(result);
}

Value make_constant_frozenset(std::vector<Value> items, bool rebuilt) {
  auto folded = make<Set>(std::vector<Value>{}, true);  // PyFrozenSet_New(tuple)
  for (const auto& v : items) folded->add(v);
  if (!rebuilt) return Value(folded);
  auto merged = make<Set>(std::vector<Value>{}, true);
  for (const auto& v : folded->slot_order()) merged->add(v);
  return Value(merged);
}

Value make_slice(Value start, Value stop, Value step) {
  return Value(make<Slice>(std::move(start), std::move(stop), std::move(step)));
}

}  // namespace asim::runtime
