// Python's list (Objects/listobject.c) and tuple (Objects/tupleobject.c):
// sequences of values; a tuple is immutable and hashable.
#pragma once

#include <vector>

#include "model/runtime/value.hpp"

namespace asim::runtime {

// Drops the items from the last to the first, as list_dealloc, _list_clear
// and tupledealloc do: the order in which their __del__ methods run.
inline void release_backwards(std::vector<Value>& items) {
  while (!items.empty()) items.pop_back();
}

// A Python list.
class List : public Object {
 public:
  explicit List(std::vector<Value> items = {}) : items(std::move(items)) {}
  ~List() override { release_backwards(items); }
  std::string_view type_name() const override { return "list"; }
  std::string repr() const override;
  std::vector<Value> items;
};

// A Python tuple.
class Tuple : public Object {
 public:
  explicit Tuple(std::vector<Value> items = {}) : items(std::move(items)) {}
  ~Tuple() override { release_backwards(items); }
  std::string_view type_name() const override { return "tuple"; }
  std::string repr() const override;
  std::vector<Value> items;
};

// list.sort's algorithm: a stable merge sort that compares with `<` only
// (each `key < other` is one Python `<`). A stable sort gives the same
// result as CPython's timsort whenever `<` is a consistent ordering.
// `reverse` keeps equal elements in their original order, as CPython does
// by reversing before and after sorting.
void stable_sort(std::vector<Value>& items, const Value& key, bool reverse);

}  // namespace asim::runtime
