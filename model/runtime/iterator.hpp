// The iteration protocols: plain iterators (__next__ / StopIteration) and
// asynchronous iterators (__anext__). The containers live in list.hpp,
// set.hpp and dict.hpp; this header brings list, tuple and set along for the
// library code that builds them.
#pragma once

#include <optional>
#include <vector>

#include "model/runtime/coroutine.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/set.hpp"

namespace asim::runtime {

// An object with __next__; nullopt stands for StopIteration.
class Iterator {
 public:
  virtual ~Iterator() = default;
  virtual std::optional<Value> next() = 0;
  // What the StopIteration after the last next() carries: a generator's
  // return value (once), else None.
  virtual Value take_stop_value() { return Value(); }
};

// An object with __anext__: the returned awaitable raises StopAsyncIteration
// at the end.
class AsyncIterator {
 public:
  virtual ~AsyncIterator() = default;
  virtual Ref<Coroutine> anext() = 0;
};

// list(iterable): every element of any iterable, in iteration order;
// TypeError "'int' object is not iterable" otherwise.
std::vector<Value> to_vector(const Value& iterable);

}  // namespace asim::runtime
