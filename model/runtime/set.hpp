// Python's set and frozenset (Objects/setobject.c).
//
// Iteration order. CPython iterates a set in the order of its hash table
// slots. For elements whose hash CPython fixes (int, float, bool, None and
// tuples of them) that order is the same on every run, and programs print
// it: print({3, 1, 2}) shows {1, 2, 3}. So the set keeps a mirror of
// setobject.c's table (open addressing, LINEAR_PROBES = 9, perturbation,
// the same resize rules) and iterates in slot order when all its elements
// have such hashes. Strings and bytes hash alike in every run too (SipHash
// with the zero key of PYTHONHASHSEED=0, model/runtime/pyhash.hpp), and so
// do objects whose __hash__ is made of such values. Objects hashed by
// address (and None before 3.12) land in slots that differ from run to run,
// so CPython's order for them is not reproducible; a set holding any of
// them iterates in insertion order, or in its reverse when the run checks
// whether the program depends on that order (runtime/address_order.hpp).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/runtime/value.hpp"

namespace asim::runtime {

class Set : public Object {
 public:
  explicit Set(std::vector<Value> items = {}, bool frozen = false);
  std::string_view type_name() const override { return frozen ? "frozenset" : "set"; }
  std::string repr() const override;

  bool contains(const Value& v) const;
  // set.add; true when v was not there.
  bool add(const Value& v);
  // set.discard; true when v was there.
  bool discard(const Value& v);

  // An element with the hash the set keeps for it: setobject.c's entries,
  // which the set algebra passes on instead of calling __hash__ again.
  struct Hashed {
    Value key;
    std::int64_t hash;
    bool stable;  // see py_hash_stable
  };
  // The elements with their hashes, in iteration order.
  std::vector<Hashed> hashed_order() const;
  // set_contains_entry, set_add_entry and set_discard_entry.
  bool contains_hashed(const Value& key, std::int64_t hash) const;
  bool add_hashed(const Hashed& e);
  bool discard_hashed(const Value& key, std::int64_t hash);
  // Whether every element has a hash CPython gives it in every run, so the
  // set iterates in slot order.
  bool stable() const;
  void clear();
  // set.pop (set_pop, with its search finger); nullopt when empty.
  std::optional<Value> pop();
  // set.update(other set) as set_merge, which copies other's table layout.
  void merge(const Set& other);
  std::size_t size() const;
  // set_swap_bodies
  void swap_contents(Set& other);
  // After many discards: set_table_resize when over a quarter are dummies.
  void purge_dummies();
  // The elements in iteration order.
  std::vector<Value> ordered() const;
  // frozenset_hash
  std::int64_t frozen_hash() const;
  // The elements in hash-table slot order (CPython's iteration order).
  std::vector<Value> slot_order() const;

  // The elements in insertion order. Library code may push_back here
  // directly (elements it knows are new); the set takes them in on next use.
  std::vector<Value> items;
  const bool frozen;

 private:
  struct Entry {
    Value key;
    std::int64_t hash = 0;
    enum class State : std::uint8_t { Empty, Active, Dummy } state = State::Empty;
    bool stable = false;
  };
  struct Meta {
    std::int64_t hash;
    bool stable;
  };
  void sync() const;
  // set_add_entry; true when added.
  bool add_entry(const Value& key, std::int64_t hash, bool stable) const;
  // set_lookkey: the slot holding key, or -1.
  std::int64_t lookkey(const Value& key, std::int64_t hash) const;
  void insert_clean(std::vector<Entry>& table, std::size_t mask, const Entry& entry) const;
  void resize(std::size_t minused) const;
  void remove_from_items(const Value& key);

  mutable std::vector<Entry> table_;
  mutable std::size_t mask_ = 7;
  mutable std::size_t fill_ = 0;
  mutable std::size_t used_ = 0;
  mutable std::size_t finger_ = 0;
  // How many elements have a hash CPython fixes across runs.
  mutable std::size_t stable_ = 0;
  // items[0, synced_) are in the table, with their hashes in meta_.
  mutable std::size_t synced_ = 0;
  mutable std::vector<Meta> meta_;
};

// py_hash(v), and in `stable` whether CPython gives v that hash in every run
// (under PYTHONHASHSEED=0): false when an address went into it, through
// object.__hash__, id() or None's hash before 3.12 (note_address_hash).
std::int64_t py_hash_stable(const Value& v, bool& stable);
void note_address_hash();

}  // namespace asim::runtime

namespace asim::runtime {

// The set algebra of setobject.c: set_union, set_intersection,
// set_difference, set_symmetric_difference and the subset tests. `other`
// may be any iterable; the result has `a`'s kind (set or frozenset).
Ref<Set> set_union(const Set& a, const Value& other);
Ref<Set> set_intersection(const Set& a, const Value& other);
Ref<Set> set_difference(const Set& a, const Value& other);
Ref<Set> set_symmetric_difference(const Set& a, const Value& other);
bool set_issubset(const Set& a, const Value& other);
bool set_issuperset(const Set& a, const Value& other);
// set.update(other): set_update_internal.
void set_update(Set& a, const Value& other);
// a -= other, a ^= other (in place).
void set_difference_update(Set& a, const Value& other);
void set_symmetric_difference_update(Set& a, const Value& other);

}  // namespace asim::runtime
