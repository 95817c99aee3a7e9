// The iteration protocols the library needs: Python lists, plain iterators
// (__next__ / StopIteration) and asynchronous iterators (__anext__).
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
