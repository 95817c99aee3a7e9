// set and frozenset, mirroring Objects/setobject.c (CPython 3.12): the hash
// table's probing, resizing and merging, so that a set of ints iterates in
// CPython's order; and the set methods.
#include "model/runtime/set.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "model/runtime/address_order.hpp"
#include "model/runtime/args.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/repr_guard.hpp"

namespace asim::runtime {

namespace {

constexpr std::size_t kMinSize = 8;      // PySet_MINSIZE
constexpr std::size_t kLinearProbes = 9;  // LINEAR_PROBES
constexpr unsigned kPerturbShift = 5;     // PERTURB_SHIFT
constexpr std::string_view kAddressHashed = "a set of objects hashed by address";

// The very same value (bits for floats, so a NaN finds itself).
bool identical(const Value& a, const Value& b) {
  if (a.kind() == Value::Kind::Float && b.kind() == Value::Kind::Float) {
    const double x = a.as_float(), y = b.as_float();
    return std::memcmp(&x, &y, sizeof x) == 0;
  }
  return a.is(b);
}

}  // namespace

Set::Set(std::vector<Value> items_in, bool frozen)
    : items(std::move(items_in)), frozen(frozen), table_(kMinSize) {}

std::string Set::repr() const {
  ReprGuard guard(this);
  const std::string type(type_name());
  if (!guard.entered()) return type + "(...)";
  const auto elements = ordered();
  if (elements.empty()) return type + "()";
  std::string out = "{";
  for (std::size_t i = 0; i < elements.size(); ++i) out += (i ? ", " : "") + to_repr(elements[i]);
  out += "}";
  // set_repr: a plain set shows its elements alone, any other class its name too.
  return frozen || user_class() ? type + "(" + out + ")" : out;
}

void Set::sync() const {
  // Elements library code pushed onto `items` directly: take them in.
  auto& self = const_cast<Set&>(*this);
  while (synced_ < items.size()) {
    const Value v = items[synced_];
    bool stable = false;
    const std::int64_t hash = py_hash_stable(v, stable);
    if (add_entry(v, hash, stable)) {
      if (stable) ++stable_;
      meta_.push_back(Meta{hash, stable});
      ++synced_;
    } else {
      self.items.erase(self.items.begin() + static_cast<std::ptrdiff_t>(synced_));
    }
  }
}

// set_lookkey
std::int64_t Set::lookkey(const Value& key, std::int64_t hash) const {
  std::size_t mask = mask_;
  std::size_t perturb = static_cast<std::size_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  for (;;) {
    std::size_t j = i;
    std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (;;) {
      const Entry& e = table_[j];
      if (e.state == Entry::State::Empty) return -1;
      if (e.state == Entry::State::Active && e.hash == hash && (identical(e.key, key) || equals(e.key, key)))
        return static_cast<std::int64_t>(j);
      ++j;
      if (probes-- == 0) break;
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// set_add_entry: a freed (dummy) slot met on the way is reused only when the
// key turns out to be absent (and never by 3.9's).
bool Set::add_entry(const Value& key, std::int64_t hash, bool stable) const {
  const bool reuse_dummy = Runtime::current().features.set_reuses_dummy;
  const std::size_t mask = mask_;
  std::size_t perturb = static_cast<std::size_t>(hash);
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  std::int64_t freeslot = -1;
  std::size_t found;
  for (;;) {
    std::size_t j = i;
    std::size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    bool stop = false;
    for (;;) {
      const Entry& e = table_[j];
      if (e.state == Entry::State::Empty) {
        found = j;
        stop = true;
        break;
      }
      if (e.state == Entry::State::Active && e.hash == hash && (identical(e.key, key) || equals(e.key, key)))
        return false;
      if (e.state == Entry::State::Dummy && reuse_dummy) freeslot = static_cast<std::int64_t>(j);
      ++j;
      if (probes-- == 0) break;
    }
    if (stop) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  if (freeslot >= 0) {
    ++used_;
    table_[static_cast<std::size_t>(freeslot)] = Entry{key, hash, Entry::State::Active, stable};
    return true;
  }
  ++fill_;
  ++used_;
  table_[found] = Entry{key, hash, Entry::State::Active, stable};
  if (fill_ * 5 < mask * 3) return true;
  resize(used_ > 50000 ? used_ * 2 : used_ * 4);
  return true;
}

// set_insert_clean: for a key known absent from a table without dummies.
void Set::insert_clean(std::vector<Entry>& table, std::size_t mask, const Entry& entry) const {
  std::size_t perturb = static_cast<std::size_t>(entry.hash);
  std::size_t i = static_cast<std::size_t>(entry.hash) & mask;
  for (;;) {
    if (table[i].state == Entry::State::Empty) break;
    bool placed = false;
    if (i + kLinearProbes <= mask) {
      for (std::size_t j = 1; j <= kLinearProbes; ++j) {
        if (table[i + j].state == Entry::State::Empty) {
          i += j;
          placed = true;
          break;
        }
      }
    }
    if (placed) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i] = entry;
}

// set_table_resize: the smallest power of two above minused (at least 8).
void Set::resize(std::size_t minused) const {
  std::size_t newsize = kMinSize;
  while (newsize <= minused) newsize <<= 1;
  if (newsize == kMinSize && table_.size() == kMinSize && fill_ == used_) return;
  std::vector<Entry> old(newsize);
  old.swap(table_);
  mask_ = newsize - 1;
  for (const auto& e : old)
    if (e.state == Entry::State::Active) insert_clean(table_, mask_, e);
  fill_ = used_;
}

bool Set::contains(const Value& v) const {
  sync();
  return lookkey(v, py_hash(v)) >= 0;
}

bool Set::contains_hashed(const Value& key, std::int64_t hash) const {
  sync();
  return lookkey(key, hash) >= 0;
}

bool Set::add(const Value& v) {
  sync();
  bool stable = false;
  const std::int64_t hash = py_hash_stable(v, stable);
  return add_hashed(Hashed{v, hash, stable});
}

bool Set::add_hashed(const Hashed& e) {
  sync();
  if (!add_entry(e.key, e.hash, e.stable)) return false;
  items.push_back(e.key);
  meta_.push_back(Meta{e.hash, e.stable});
  ++synced_;
  if (e.stable) ++stable_;
  return true;
}

void Set::remove_from_items(const Value& key) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (identical(items[i], key)) {
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(i));
      meta_.erase(meta_.begin() + static_cast<std::ptrdiff_t>(i));
      --synced_;
      break;
    }
  }
}

bool Set::discard(const Value& v) {
  sync();
  return discard_hashed(v, py_hash(v));
}

// set_discard_entry: the slot becomes a dummy.
bool Set::discard_hashed(const Value& v, std::int64_t hash) {
  sync();
  const auto slot = lookkey(v, hash);
  if (slot < 0) return false;
  Entry& e = table_[static_cast<std::size_t>(slot)];
  const Value key = e.key;
  if (e.stable) --stable_;
  e = Entry{Value(), -1, Entry::State::Dummy};
  --used_;
  remove_from_items(key);
  return true;
}

void Set::clear() {
  table_.assign(kMinSize, Entry{});
  mask_ = kMinSize - 1;
  fill_ = used_ = stable_ = synced_ = 0;
  items.clear();
  meta_.clear();
}

// set_pop: from the search finger on, so repeated pops walk the table.
std::optional<Value> Set::pop() {
  sync();
  if (used_ == 0) return std::nullopt;
  std::size_t i = finger_ & mask_;
  if (stable_ != used_) {
    // Insertion order (runtime/address_order.hpp): the first element in.
    const std::size_t at = take_address_order(used_, kAddressHashed) ? items.size() - 1 : 0;
    const Value v = items[at];
    discard_hashed(v, meta_[at].hash);
    return v;
  }
  while (table_[i].state != Entry::State::Active) {
    ++i;
    if (i > mask_) i = 0;
  }
  const Value key = table_[i].key;
  table_[i] = Entry{Value(), -1, Entry::State::Dummy};
  --used_;
  --stable_;
  finger_ = i + 1;
  remove_from_items(key);
  return key;
}

// set_merge
void Set::merge(const Set& other) {
  sync();
  other.sync();
  if (&other == this || other.used_ == 0) return;
  std::vector<std::size_t> fresh;  // indexes into other.items
  for (std::size_t i = 0; i < other.items.size(); ++i)
    if (lookkey(other.items[i], other.meta_[i].hash) < 0) fresh.push_back(i);
  if ((fill_ + other.used_) * 5 >= mask_ * 3) resize((used_ + other.used_) * 2);
  if (fill_ == 0 && mask_ == other.mask_ && other.fill_ == other.used_) {
    table_ = other.table_;
    fill_ = other.fill_;
    used_ = other.used_;
  } else if (fill_ == 0) {
    fill_ = used_ = other.used_;
    for (const auto& e : other.table_)
      if (e.state == Entry::State::Active) insert_clean(table_, mask_, e);
  } else {
    for (const auto& e : other.table_)
      if (e.state == Entry::State::Active) add_entry(e.key, e.hash, e.stable);
  }
  for (std::size_t i : fresh) {
    items.push_back(other.items[i]);
    meta_.push_back(other.meta_[i]);
    if (other.meta_[i].stable) ++stable_;
  }
  synced_ = items.size();
}

void Set::swap_contents(Set& other) {
  sync();
  other.sync();
  table_.swap(other.table_);
  std::swap(mask_, other.mask_);
  std::swap(fill_, other.fill_);
  std::swap(used_, other.used_);
  std::swap(stable_, other.stable_);
  std::swap(synced_, other.synced_);
  items.swap(other.items);
  meta_.swap(other.meta_);
}

void Set::purge_dummies() {
  // "If more than 1/4th are dummies, then resize them away."
  if (fill_ - used_ <= mask_ / 4) return;
  resize(used_ > 50000 ? used_ * 2 : used_ * 4);
}

std::size_t Set::size() const {
  sync();
  return used_;
}

std::vector<Value> Set::slot_order() const {
  sync();
  std::vector<Value> out;
  out.reserve(used_);
  for (const auto& e : table_)
    if (e.state == Entry::State::Active) out.push_back(e.key);
  return out;
}

std::vector<Value> Set::ordered() const {
  sync();
  if (stable_ == used_) return slot_order();
  if (take_address_order(used_, kAddressHashed)) return {items.rbegin(), items.rend()};
  return items;
}

bool Set::stable() const {
  sync();
  return stable_ == used_;
}

std::vector<Set::Hashed> Set::hashed_order() const {
  sync();
  std::vector<Hashed> out;
  out.reserve(used_);
  if (stable_ == used_) {
    for (const auto& e : table_)
      if (e.state == Entry::State::Active) out.push_back(Hashed{e.key, e.hash, e.stable});
  } else {
    for (std::size_t i = 0; i < items.size(); ++i) out.push_back(Hashed{items[i], meta_[i].hash, meta_[i].stable});
    if (take_address_order(used_, kAddressHashed)) std::reverse(out.begin(), out.end());
  }
  return out;
}

std::int64_t Set::frozen_hash() const {
  sync();
  // frozenset_hash, with the effect of empty and dummy slots cancelled out.
  auto shuffle = [](std::uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; };
  std::uint64_t hash = 0;
  for (const auto& e : table_)
    if (e.state == Entry::State::Active) hash ^= shuffle(static_cast<std::uint64_t>(e.hash));
  hash ^= (static_cast<std::uint64_t>(used_) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == static_cast<std::uint64_t>(-1)) hash = 590923713UL;
  return static_cast<std::int64_t>(hash);
}

// ---------------------------------------------------------------- algebra

namespace {

Ref<Set> empty_like(const Set& a) {
  return make<Set>(std::vector<Value>{}, a.frozen);
}

Ref<Set> copy_of(const Set& a) {
  auto r = empty_like(a);
  r->merge(a);
  return r;
}

// The elements of any iterable with their hashes (a set's kept ones, in its
// iteration order; any other iterable's, each hashed once).
std::vector<Set::Hashed> hashed_elements(const Value& other) {
  if (auto* s = other.as<Set>()) return s->hashed_order();
  std::vector<Set::Hashed> out;
  for (const auto& v : to_vector(other)) {
    bool stable = false;
    const std::int64_t hash = py_hash_stable(v, stable);
    out.push_back(Set::Hashed{v, hash, stable});
  }
  return out;
}

}  // namespace

void set_update(Set& a, const Value& other) {
  if (auto* s = other.as<Set>()) return a.merge(*s);
  for (const auto& v : to_vector(other)) a.add(v);
}

Ref<Set> set_union(const Set& a, const Value& other) {
  auto r = copy_of(a);
  if (other.object() != &a) set_update(*r, other);
  return r;
}

Ref<Set> set_intersection(const Set& a, const Value& other) {
  if (other.object() == &a) return copy_of(a);
  auto r = empty_like(a);
  if (auto* s = other.as<Set>()) {
    // Walk the smaller set (other when sizes are equal), probe the larger.
    const Set* small = s;
    const Set* large = &a;
    if (s->size() > a.size()) std::swap(small, large);
    for (const auto& e : small->hashed_order())
      if (large->contains_hashed(e.key, e.hash)) r->add_hashed(e);
    return r;
  }
  for (const auto& v : to_vector(other)) {
    bool stable = false;
    const std::int64_t hash = py_hash_stable(v, stable);
    if (a.contains_hashed(v, hash)) {
      r->add_hashed(Set::Hashed{v, hash, stable});
      if (r->size() >= a.size()) break;
    }
  }
  return r;
}

Ref<Set> set_difference(const Set& a, const Value& other) {
  if (other.object() == &a) return empty_like(a);
  if (auto* s = other.as<Set>(); s && !((a.size() >> 2) > s->size())) {
    auto r = empty_like(a);
    for (const auto& e : a.hashed_order())
      if (!s->contains_hashed(e.key, e.hash)) r->add_hashed(e);
    return r;
  }
  if (auto* d = other.as<Dict>(); d && !((a.size() >> 2) > d->size())) {
    auto r = empty_like(a);
    for (const auto& e : a.hashed_order())
      if (!d->contains(e.key)) r->add_hashed(e);
    return r;
  }
  // set_copy_and_difference
  auto r = copy_of(a);
  for (const auto& e : hashed_elements(other)) r->discard_hashed(e.key, e.hash);
  return r;
}

void set_difference_update(Set& a, const Value& other) {
  // set_difference_update_internal
  if (other.object() == &a) return a.clear();
  if (auto* s = other.as<Set>(); s && (s->size() >> 3) > a.size()) {
    auto common = set_intersection(a, other);
    for (const auto& e : common->hashed_order()) a.discard_hashed(e.key, e.hash);
  } else {
    for (const auto& e : hashed_elements(other)) a.discard_hashed(e.key, e.hash);
  }
  a.purge_dummies();
}

void set_symmetric_difference_update(Set& a, const Value& other) {
  if (other.object() == &a) return a.clear();
  Ref<Set> o;
  if (auto* s = other.as<Set>()) o = Ref<Set>(s);
  else {
    o = make<Set>();
    set_update(*o, other);
  }
  for (const auto& e : o->hashed_order())
    if (!a.discard_hashed(e.key, e.hash)) a.add_hashed(e);
}

Ref<Set> set_symmetric_difference(const Set& a, const Value& other) {
  // set_symmetric_difference: a copy of other, updated with a.
  auto r = empty_like(a);
  if (auto* s = other.as<Set>()) r->merge(*s);
  else
    for (const auto& v : to_vector(other)) r->add(v);
  if (other.object() == &a) {
    r->clear();
    return r;
  }
  for (const auto& e : a.hashed_order())
    if (!r->discard_hashed(e.key, e.hash)) r->add_hashed(e);
  return r;
}

bool set_issubset(const Set& a, const Value& other) {
  if (auto* s = other.as<Set>()) {
    if (a.size() > s->size()) return false;
    for (const auto& e : a.hashed_order())
      if (!s->contains_hashed(e.key, e.hash)) return false;
    return true;
  }
  return set_intersection(a, other)->size() == a.size();
}

bool set_issuperset(const Set& a, const Value& other) {
  for (const auto& e : hashed_elements(other))
    if (!a.contains_hashed(e.key, e.hash)) return false;
  return true;
}

// ---------------------------------------------------------------- methods

void install_set_types(BuiltinTypes& t) {
  for (const auto& T : {t.set, t.frozenset}) {
    const bool frozen = T == t.frozenset;
    auto self = [T](std::span<const Value> a, std::string_view m) -> Set& { return self_as<Set>(a, *T, m); };
    const std::string tn = T->name;
    auto multi = [self, tn](std::string name, auto op) {
      return [self, tn, name, op](std::span<const Value> a, std::span<const Keyword> kw) {
        args::no_kwargs(tn + "." + name, kw);
        auto& s = self(a, name);
        Ref<Set> r = op(s, a.size() > 1 ? a[1] : Value());
        for (std::size_t i = 2; i < a.size(); ++i) r = op(*r, a[i]);
        if (a.size() == 1) r = set_union(s, Value(make<Set>(std::vector<Value>{}, s.frozen)));
        return Value(r);
      };
    };
    def(T, "union", multi("union", [](const Set& s, const Value& o) { return set_union(s, o); }));
    def(T, "intersection",
        multi("intersection", [](const Set& s, const Value& o) { return set_intersection(s, o); }));
    def(T, "difference", multi("difference", [](const Set& s, const Value& o) { return set_difference(s, o); }));
    def(T, "symmetric_difference", [self, tn](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs(tn + ".symmetric_difference", kw);
      auto& s = self(a, "symmetric_difference");
      args::exactly(tn + ".symmetric_difference", a.subspan(1), 1);
      return Value(set_symmetric_difference(s, a[1]));
    });
    def(T, "issubset", [self, tn](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs(tn + ".issubset", kw);
      auto& s = self(a, "issubset");
      args::exactly(tn + ".issubset", a.subspan(1), 1);
      return Value::boolean(set_issubset(s, a[1]));
    });
    def(T, "issuperset", [self, tn](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs(tn + ".issuperset", kw);
      auto& s = self(a, "issuperset");
      args::exactly(tn + ".issuperset", a.subspan(1), 1);
      return Value::boolean(set_issuperset(s, a[1]));
    });
    def(T, "isdisjoint", [self, tn](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs(tn + ".isdisjoint", kw);
      auto& s = self(a, "isdisjoint");
      args::exactly(tn + ".isdisjoint", a.subspan(1), 1);
      for (const auto& e : hashed_elements(a[1]))
        if (s.contains_hashed(e.key, e.hash)) return Value::boolean(false);
      return Value::boolean(true);
    });
    def(T, "copy", [self, tn](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs(tn + ".copy", kw);
      auto& s = self(a, "copy");
      args::exactly(tn + ".copy", a.subspan(1), 0);
      if (s.frozen && !s.user_class()) return a[0];  // a subclass's copy is a plain frozenset
      return Value(copy_of(s));
    });
    T->constructor = [frozen, tn](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs(tn, kw);
      args::count(tn, a, 0, 1);
      if (frozen && !a.empty() && a[0].as<Set>() && a[0].as<Set>()->frozen && !a[0].object()->user_class()) return a[0];
      auto s = make<Set>(std::vector<Value>{}, frozen);
      if (!a.empty()) {
        if (auto* d = a[0].as<Dict>()) {
          for (const auto& e : d->entries())
            if (e.live) s->add(e.key);
        } else {
          set_update(*s, a[0]);
        }
      }
      return Value(s);
    };
    if (frozen) continue;

    def(T, "add", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.add", kw);
      auto& s = self(a, "add");
      args::exactly("set.add", a.subspan(1), 1);
      s.add(a[1]);
      return Value::none();
    });
    def(T, "discard", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.discard", kw);
      auto& s = self(a, "discard");
      args::exactly("set.discard", a.subspan(1), 1);
      s.discard(a[1]);
      return Value::none();
    });
    def(T, "remove", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.remove", kw);
      auto& s = self(a, "remove");
      args::exactly("set.remove", a.subspan(1), 1);
      if (!s.discard(a[1])) throw_key_error(a[1]);
      return Value::none();
    });
    def(T, "pop", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.pop", kw);
      auto& s = self(a, "pop");
      args::exactly("set.pop", a.subspan(1), 0);
      auto v = s.pop();
      if (!v) raise(Runtime::current().builtins.KeyError, "pop from an empty set");
      return *v;
    });
    def(T, "clear", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.clear", kw);
      self(a, "clear").clear();
      return Value::none();
    });
    def(T, "update", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.update", kw);
      auto& s = self(a, "update");
      for (std::size_t i = 1; i < a.size(); ++i) set_update(s, a[i]);
      return Value::none();
    });
    def(T, "intersection_update", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.intersection_update", kw);
      auto& s = self(a, "intersection_update");
      for (std::size_t i = 1; i < a.size(); ++i) {
        // set_intersection_update: compute, then swap bodies.
        Ref<Set> r = set_intersection(s, a[i]);
        s.swap_contents(*r);
      }
      return Value::none();
    });
    def(T, "difference_update", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.difference_update", kw);
      auto& s = self(a, "difference_update");
      for (std::size_t i = 1; i < a.size(); ++i) set_difference_update(s, a[i]);
      return Value::none();
    });
    def(T, "symmetric_difference_update", [self](std::span<const Value> a, std::span<const Keyword> kw) {
      args::no_kwargs("set.symmetric_difference_update", kw);
      auto& s = self(a, "symmetric_difference_update");
      args::exactly("set.symmetric_difference_update", a.subspan(1), 1);
      set_symmetric_difference_update(s, a[1]);
      return Value::none();
    });
  }
}

}  // namespace asim::runtime
