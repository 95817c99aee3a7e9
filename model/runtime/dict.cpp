// dict and its views (Objects/dictobject.c): insertion order, KeyError with
// the key as argument, and the dict methods.
#include "model/runtime/dict.hpp"

#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/iterators.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/repr_guard.hpp"

namespace asim::runtime {

void throw_key_error(const Value& key) {
  throw PyError{make<PyException>(Runtime::current().builtins.KeyError, std::vector<Value>{key})};
}

std::string Dict::repr() const {
  ReprGuard guard(this);
  if (!guard.entered()) return "{...}";
  std::string out = "{";
  bool first = true;
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (!entries_[i].live) continue;
    // Copies: a repr may run code that changes the dict.
    const Value k = entries_[i].key, v = entries_[i].value;
    out += (first ? "" : ", ") + to_repr(k) + ": " + to_repr(v);
    first = false;
  }
  return out + "}";
}

std::int64_t Dict::find(const Value& key) const {
  return find(key, py_hash(key));
}

// lookdict's probe sequence: perturb shifted down, then i = i*5 + perturb + 1.
std::int64_t Dict::find(const Value& key, std::int64_t hash) const {
  if (index_.empty()) return -1;
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  for (std::size_t i = static_cast<std::size_t>(perturb) & mask;; i = (i * 5 + perturb + 1) & mask) {
    const std::int32_t ix = index_[i];
    if (ix == kEmpty) return -1;
    if (ix >= 0) {
      const Entry& e = entries_[static_cast<std::size_t>(ix)];
      if (e.key.is(key) || (e.hash == hash && equals(e.key, key))) return ix;
    }
    perturb >>= 5;
  }
}

std::size_t Dict::slot_of(std::size_t entry) const {
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(entries_[entry].hash);
  for (std::size_t i = static_cast<std::size_t>(perturb) & mask;; i = (i * 5 + perturb + 1) & mask) {
    if (index_[i] == static_cast<std::int32_t>(entry)) return i;
    perturb >>= 5;
  }
}

void Dict::reindex(std::size_t entries) {
  std::size_t size = 8;
  while (size * 2 < entries * 3) size *= 2;
  index_.assign(size, kEmpty);
  const std::size_t mask = size - 1;
  for (std::size_t e = 0; e < entries_.size(); ++e) {
    if (!entries_[e].live) continue;
    auto perturb = static_cast<std::uint64_t>(entries_[e].hash);
    std::size_t i = static_cast<std::size_t>(perturb) & mask;
    while (index_[i] != kEmpty) {
      perturb >>= 5;
      i = (i * 5 + perturb + 1) & mask;
    }
    index_[i] = static_cast<std::int32_t>(e);
  }
}

std::optional<Value> Dict::get(const Value& key) const {
  const auto i = find(key);
  if (i < 0) return std::nullopt;
  return entries_[static_cast<std::size_t>(i)].value;
}

void Dict::set(const Value& key, Value value) {
  const std::int64_t hash = py_hash(key);
  if (const auto i = find(key, hash); i >= 0) {
    // An existing key keeps its place and its first key object.
    entries_[static_cast<std::size_t>(i)].value = std::move(value);
    return;
  }
  if (entries_.size() >= 16 && entries_.size() >= 2 * live_) compact();
  entries_.push_back(Entry{key, std::move(value), hash, true});
  ++live_;
  ++keys_version_;
  // Tombstones count as used, so a table full of them is rebuilt too.
  if (3 * entries_.size() > 2 * index_.size()) {
    reindex(entries_.size());
    return;
  }
  const std::size_t mask = index_.size() - 1;
  auto perturb = static_cast<std::uint64_t>(hash);
  std::size_t i = static_cast<std::size_t>(perturb) & mask;
  while (index_[i] >= 0) {
    perturb >>= 5;
    i = (i * 5 + perturb + 1) & mask;
  }
  index_[i] = static_cast<std::int32_t>(entries_.size() - 1);
}

std::optional<Value> Dict::erase(const Value& key) {
  const auto found = find(key);
  if (found < 0) return std::nullopt;
  const auto i = static_cast<std::size_t>(found);
  index_[slot_of(i)] = kDummy;
  Entry& e = entries_[i];
  Value old = std::move(e.value);
  e = Entry{};
  --live_;
  ++keys_version_;
  return old;
}

void Dict::clear() {
  entries_.clear();
  index_.clear();
  live_ = 0;
  ++keys_version_;
}

void Dict::compact() {
  std::vector<Entry> kept;
  kept.reserve(live_);
  for (auto& e : entries_)
    if (e.live) kept.push_back(std::move(e));
  entries_.swap(kept);
  reindex(entries_.size() + 1);
}

std::string_view DictView::type_name() const {
  switch (kind) {
    case Kind::Keys: return "dict_keys";
    case Kind::Values: return "dict_values";
    case Kind::Items: return "dict_items";
  }
  return "dict_keys";
}

std::vector<Value> DictView::snapshot() const {
  std::vector<Value> out;
  out.reserve(dict->size());
  for (const auto& e : dict->entries()) {
    if (!e.live) continue;
    switch (kind) {
      case Kind::Keys: out.push_back(e.key); break;
      case Kind::Values: out.push_back(e.value); break;
      case Kind::Items: out.push_back(make_tuple({e.key, e.value})); break;
    }
  }
  return out;
}

// dictview_repr: dict_items([('a', 1)])
std::string DictView::repr() const {
  ReprGuard guard(this);
  if (!guard.entered()) return "...";
  return std::string(type_name()) + "(" + List(snapshot()).repr() + ")";
}

namespace {

// dict_update_arg / PyDict_MergeFromSeq2: a mapping, or pairs.
void update_from(Dict& d, const Value& other) {
  // dict_merge: a dict subclass iterating in its own way is merged through
  // its keys() and [] like any mapping.
  if (auto* src = other.as<Dict>(); src && !user_override(other, "__iter__")) {
    std::vector<Dict::Entry> entries = src->entries();
    for (const auto& e : entries)
      if (e.live) d.set(e.key, e.value);
    return;
  }
  // Anything with keys() is a mapping.
  if (!other.as<List>() && !other.as<Tuple>()) {
    if (auto keys = getattr_opt(other, "keys")) {
      for (const auto& k : to_vector(call(*keys, {}))) d.set(k, getitem(other, k));
      return;
    }
  }
  const Value it = iter(other);
  std::size_t i = 0;
  while (auto item = next(it)) {
    std::vector<Value> pair;
    try {
      pair = to_vector(*item);
    } catch (const PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get())) throw;
      throw_type_error(fmt::format("cannot convert dictionary update sequence element #{} to a sequence", i));
    }
    if (pair.size() != 2)
      throw_value_error(fmt::format("dictionary update sequence element #{} has length {}; 2 is required", i,
                                    pair.size()));
    d.set(pair[0], pair[1]);
    ++i;
  }
}

}  // namespace

void install_dict_types(BuiltinTypes& t) {
  const auto& T = t.dict;
  auto self = [T](std::span<const Value> a, std::string_view m) -> Dict& { return self_as<Dict>(a, *T, m); };

  def(T, "get", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("get", kw);
    auto& d = self(a, "get");
    args::count("get", a.subspan(1), 1, 2);
    if (auto v = d.get(a[1])) return *v;
    return a.size() > 2 ? a[2] : Value::none();
  });
  for (auto [name, kind] : {std::pair{"keys", DictView::Kind::Keys}, std::pair{"values", DictView::Kind::Values},
                            std::pair{"items", DictView::Kind::Items}}) {
    const std::string n = name;
    def(T, n, [self, n, kind = kind](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("dict." + n, kw);
      auto& d = self(a, n);
      args::exactly("dict." + n, a.subspan(1), 0);
      return Value(make<DictView>(Ref<Dict>(&d), kind));
    });
  }
  def(T, "pop", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("pop", kw);
    auto& d = self(a, "pop");
    args::count("pop", a.subspan(1), 1, 2);
    if (auto v = d.erase(a[1])) return *v;
    if (a.size() > 2) return a[2];
    throw_key_error(a[1]);
  });
  def(T, "popitem", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("dict.popitem", kw);
    auto& d = self(a, "popitem");
    args::exactly("dict.popitem", a.subspan(1), 0);
    if (d.size() == 0) raise(Runtime::current().builtins.KeyError, "popitem(): dictionary is empty");
    // LIFO: the last entry in.
    const auto& entries = d.entries();
    for (std::size_t i = entries.size(); i-- > 0;) {
      if (!entries[i].live) continue;
      const Value k = entries[i].key, v = entries[i].value;
      d.erase(k);
      return make_tuple({k, v});
    }
    return Value::none();
  });
  def(T, "setdefault", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("setdefault", kw);
    auto& d = self(a, "setdefault");
    args::count("setdefault", a.subspan(1), 1, 2);
    if (auto v = d.get(a[1])) return *v;
    const Value dflt = a.size() > 2 ? a[2] : Value::none();
    d.set(a[1], dflt);
    return dflt;
  });
  def(T, "update", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    auto& d = self(a, "update");
    if (a.size() > 2) throw_type_error(fmt::format("update expected at most 1 argument, got {}", a.size() - 1));
    if (a.size() == 2) update_from(d, a[1]);
    for (const auto& k : kw) d.set(Value::str(std::string(k.name)), k.value);
    return Value::none();
  });
  def(T, "clear", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("dict.clear", kw);
    self(a, "clear").clear();
    return Value::none();
  });
  def(T, "copy", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("dict.copy", kw);
    auto& d = self(a, "copy");
    auto r = make<Dict>();
    update_from(*r, a[0]);
    (void)d;
    return Value(r);
  });
  // dict.fromkeys is a classmethod (dict_fromkeys): a subclass gets an
  // instance of itself, filled through its own __setitem__.
  T->dict["fromkeys"] = Value(make<ClassMethod>(Value(builtin_function(
      "fromkeys",
      [T](std::span<const Value> a, std::span<const Keyword> kw) {
        args::no_kwargs("fromkeys", kw);
        args::count("fromkeys", a.subspan(1), 1, 2);
        const Value value = a.size() > 2 ? a[2] : Value::none();
        if (a[0].as<Type>() != T.get()) {
          Value r = call(a[0], {});
          for (const auto& k : to_vector(a[1])) setitem(r, k, value);
          return r;
        }
        auto r = make<Dict>();
        for (const auto& k : to_vector(a[1])) r->set(k, value);
        return Value(r);
      },
      "dict"))));
  T->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    if (a.size() > 1) throw_type_error(fmt::format("dict expected at most 1 argument, got {}", a.size()));
    auto d = make<Dict>();
    if (!a.empty()) update_from(*d, a[0]);
    for (const auto& k : kw) d->set(Value::str(std::string(k.name)), k.value);
    return Value(d);
  };
}

}  // namespace asim::runtime
