// Asynchronous generators as asyncio sees them (PEP 525): an async iterator
// that can also be sent values, thrown into and closed, and the hooks
// (sys.set_asyncgen_hooks) through which the running loop learns of each one
// and closes those freed before they finished.
#pragma once

#include <functional>

#include "model/runtime/coroutine.hpp"
#include "model/runtime/iterator.hpp"

namespace asim::runtime {

class AsyncGenerator : public AsyncIterator {
 public:
  // asend(value) / athrow(exc) / aclose(): awaitables that run the body to
  // its next yield (or its end).
  virtual Ref<Coroutine> asend(Value value) = 0;
  virtual Ref<Coroutine> athrow(Ref<PyException> exc) = 0;
  virtual Ref<Coroutine> aclose() = 0;
  Ref<Coroutine> anext() override { return asend(Value()); }
  // The generator as a Python object (for reprs and for keeping it alive).
  virtual Object& object() = 0;
  // Its loop is going away: no hook may be called any more.
  virtual void drop_hooks() = 0;
};

// sys.set_asyncgen_hooks. A generator takes the hooks installed when it is
// first iterated (asyncio's loop installs its own while it runs).
struct AsyncGenHooks {
  // Its first asend/athrow: the loop starts tracking it (_asyncgens).
  std::function<void(AsyncGenerator&)> firstiter;
  // Freed before it finished: `replacement` holds its suspended body, and
  // the loop schedules replacement.aclose().
  std::function<void(AsyncGenerator& freed, AsyncGenerator& replacement)> finalizer;
  // Freed (finished or not): the loop stops tracking it.
  std::function<void(AsyncGenerator&)> forget;
};

}  // namespace asim::runtime
