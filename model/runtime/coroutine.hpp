// CPython's coroutine protocol (PEP 492 / PEP 342): send, throw, close and the
// four states. Tasks drive every coroutine through it, whether the coroutine
// is native (C++20, the library) or interpreted (`async def` in a scenario),
// and a coroutine awaiting another delegates to it as `yield from` does.
#pragma once

#include <string>

#include "model/runtime/exceptions.hpp"

namespace asim::runtime {

class Coroutine;

// An object usable in `await`: CPython's __await__, returning the iterator
// the awaiting coroutine delegates to.
class Awaitable {
 public:
  virtual ~Awaitable() = default;
  virtual Ref<Coroutine> await_iter() = 0;
};

// The part of asyncio.Future that `await` uses (futures.py's __await__):
// while pending, mark the future blocking and yield it; once done, return
// result(). Native coroutines run these steps themselves, with no iterator
// object, as CPython's C Future does for FutureIter.
class FutureAwaitable : public Awaitable {
 public:
  virtual bool done() const = 0;
  // Sets _asyncio_future_blocking and gives the value to yield: the future.
  virtual Value block() = 0;
  virtual Value result() = 0;
  // result(), with what it would raise given back in `raised` instead of
  // thrown (future_get_result's error return, which its callers check): an
  // `await` of a failed future costs no C++ throw.
  virtual Value result_raising(Ref<PyException>& raised) = 0;
};

// What one send/throw gives back when it does not raise: the coroutine either
// yielded `value` (it is suspended) or returned `value` (StopIteration).
struct Step {
  bool done;
  Value value;
};

class Coroutine : public Object, public Awaitable {
 public:
  enum class State { Created, Running, Suspended, Closed };

  // `qualname` must outlive the coroutine: a literal for native coroutines,
  // the function's own name for interpreted ones (the coroutine holds it).
  explicit Coroutine(std::string_view qualname);

  virtual Step send(Value value) = 0;
  virtual Step throw_(Ref<PyException> exc) = 0;
  virtual void close() = 0;
  // send(value), or throw_(thrown) when thrown is set, with the exception
  // the coroutine raises given back in `raised` (and a done Step) instead of
  // thrown: CPython's gen_send_ex2, whose caller checks for PYGEN_ERROR. A
  // C++ throw costs more than the rest of a task step, so Task.__step and
  // an `await` resuming its delegate go this way. The default catches what
  // send/throw_ throw; coroutines that raise often return it directly.
  virtual Step send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised);

  State state() const { return state_; }
  // Where the coroutine's code is, as asyncio's _format_coroutine prints it:
  // "FILE:LINE", or "" when the model has no source for it (native ones).
  virtual std::string source_location() const { return {}; }
  // inspect.getcoroutinestate() spelling: CORO_CREATED and so on.
  std::string_view state_name() const;
  Ref<Coroutine> await_iter() override { return Ref<Coroutine>(this); }

  std::string_view type_name() const override { return "coroutine"; }
  std::string repr() const override;
  Coroutine* coroutine() override { return this; }

  const std::string_view qualname;

 protected:
  // CPython's "coroutine '...' was never awaited" RuntimeWarning, for
  // subclasses to call from their destructor.
  void warn_if_never_awaited() const;
  State state_ = State::Created;

 private:
  // cr_origin: made while origin tracking was on (asyncio's debug mode).
  bool origin_tracked_;
};

// An object usable in `async with` (asyncio.Lock, TaskGroup, timeout()):
// __aenter__ and __aexit__, each returning a coroutine to await. aexit gets
// the exception leaving the block (nullptr when none) and its coroutine
// returns a true value to suppress it.
class AsyncContextManager {
 public:
  virtual ~AsyncContextManager() = default;
  virtual Ref<Coroutine> aenter() = 0;
  virtual Ref<Coroutine> aexit(Ref<PyException> exc) = 0;
};

// The iterator `await obj` delegates to (_PyCoro_GetAwaitableIter): obj
// itself, or what its class's __await__ returns; TypeError when obj is not
// awaitable or __await__ gives no iterator.
Ref<Coroutine> get_awaitable_iter(const Value& obj);

// `yield from` / `await` over an iterator that is neither a generator nor a
// coroutine, as the delegate of gen_send_ex and _gen_throw.
Ref<Coroutine> delegate_to_iterator(Value iterator);

}  // namespace asim::runtime
