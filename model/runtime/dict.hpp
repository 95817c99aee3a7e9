// Python's dict (Objects/dictobject.c): an insertion-ordered hash map keyed
// by Value with Python's hash and ==, and its keys/values/items views.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "model/runtime/value.hpp"

namespace asim::runtime {

class Dict : public Object {
 public:
  struct Entry {
    Value key;
    Value value;
    std::int64_t hash = 0;
    bool live = false;
  };

  Dict() = default;
  std::string_view type_name() const override { return "dict"; }
  std::string repr() const override;

  // d.get(key); TypeError when key is unhashable.
  std::optional<Value> get(const Value& key) const;
  bool contains(const Value& key) const { return find(key) >= 0; }
  // d[key] = value
  void set(const Value& key, Value value);
  // del d[key]; the removed value, or nullopt when absent.
  std::optional<Value> erase(const Value& key);
  void clear();
  std::size_t size() const { return live_; }

  // Entries in insertion order, with holes (live == false) where keys were
  // deleted; iterate with the index so that a changing dict is noticed.
  const std::vector<Entry>& entries() const { return entries_; }
  // Changes whenever a key is added or removed (CPython's ma_version for
  // "dictionary keys changed during iteration").
  std::uint64_t keys_version() const { return keys_version_; }

 private:
  std::int64_t find(const Value& key) const;
  std::int64_t find(const Value& key, std::int64_t hash) const;
  // The index slot holding entry i (which must be there).
  std::size_t slot_of(std::size_t i) const;
  void compact();
  // Rebuilds the index for at least `entries` entries.
  void reindex(std::size_t entries);

  std::vector<Entry> entries_;
  // CPython's dk_indices: an open-addressed table of entry positions, probed
  // from the hash as CPython probes (perturbation), kEmpty or kDummy where
  // none. A power of two in size, at most two thirds full.
  std::vector<std::int32_t> index_;
  static constexpr std::int32_t kEmpty = -1, kDummy = -2;
  std::size_t live_ = 0;
  std::uint64_t keys_version_ = 0;
};

// dict.keys(), dict.values(), dict.items(): live views of a dict.
class DictView : public Object {
 public:
  enum class Kind { Keys, Values, Items };
  DictView(Ref<Dict> dict, Kind kind) : dict(std::move(dict)), kind(kind) {}
  std::string_view type_name() const override;
  std::string repr() const override;
  // The view's elements now: keys, values or (key, value) tuples.
  std::vector<Value> snapshot() const;

  const Ref<Dict> dict;
  const Kind kind;
};

}  // namespace asim::runtime
