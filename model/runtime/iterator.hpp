// The containers and iteration protocols the library needs: Python lists,
// tuples and sets, plain iterators (__next__ / StopIteration) and
// asynchronous iterators (__anext__).
#pragma once

#include <optional>
#include <vector>

#include "model/runtime/coroutine.hpp"

namespace asim::runtime {

// A Python list.
class List : public Object {
 public:
  explicit List(std::vector<Value> items = {}) : items(std::move(items)) {}
  std::string_view type_name() const override { return "list"; }
  std::string repr() const override;
  std::vector<Value> items;
};

// A Python tuple.
class Tuple : public Object {
 public:
  explicit Tuple(std::vector<Value> items = {}) : items(std::move(items)) {}
  std::string_view type_name() const override { return "tuple"; }
  std::string repr() const override;
  std::vector<Value> items;
};

// A Python set of objects that hash by identity (futures, tasks, coroutines).
// CPython iterates such a set in an order that follows memory addresses; the
// model keeps insertion order, and code that fills a set from an unordered
// source asks the explore::Chooser first.
class Set : public Object {
 public:
  explicit Set(std::vector<Value> items = {}) : items(std::move(items)) {}
  std::string_view type_name() const override { return "set"; }
  std::string repr() const override;
  bool contains(const Value& v) const;
  std::vector<Value> items;
};

// An object with __next__; nullopt stands for StopIteration.
class Iterator {
 public:
  virtual ~Iterator() = default;
  virtual std::optional<Value> next() = 0;
};

// An object with __anext__: the returned awaitable raises StopAsyncIteration
// at the end.
class AsyncIterator {
 public:
  virtual ~AsyncIterator() = default;
  virtual Ref<Coroutine> anext() = 0;
};

// list(iterable) for the iterables the library accepts; TypeError otherwise.
std::vector<Value> to_vector(const Value& iterable);

}  // namespace asim::runtime
