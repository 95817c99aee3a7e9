// Native coroutines: library code written as C++20 coroutines that behave as
// CPython coroutine objects. `co_await x` is `await x` (delegation to
// x.__await__(), i.e. `yield from`), `co_await yield_now()` is a bare
// `yield` (asyncio's __sleep0), `co_return v` is `return v`.
#pragma once

#include <exception>

#include "model/runtime/coroutine.hpp"
#include "model/runtime/coroutine_compat.hpp"

namespace asim::runtime {

class NativeCoroutine;

// `co_return Raise{exc}`: the body ends raising exc, which send_ex hands back
// without a C++ throw (a `throw` out of a body unwinds three times: out of the
// body, again from its exception_ptr, again out of the driver).
struct Raise {
  Ref<PyException> exc;
};

// The C++ coroutine type of a native coroutine function; wrap it with
// native(qualname, f(...)) to get the Python-visible coroutine object.
class Coro {
 public:
  struct promise_type;
  using Handle = coro::coroutine_handle<promise_type>;

  struct AwaitAwaiter;
  struct YieldAwaiter;

  struct promise_type {
    // One slot carries the value sent in (read at once by await_resume), the
    // future yielded while suspended on one, and at the end the value
    // returned: no two are ever needed together.
    Value transfer;
    Ref<Coroutine> delegate;  // set while suspended in `await` (yield from)
    Ref<PyException> thrown;  // set by the driver: raise this at the await
    std::exception_ptr error;
    Ref<PyException> raised;  // co_return Raise{...}
    bool delegate_is_new = false;

    static void* operator new(std::size_t size) { return pool::allocate(size); }
    static void operator delete(void* p, std::size_t size) noexcept { pool::deallocate(p, size); }

    Coro get_return_object() { return Coro(Handle::from_promise(*this)); }
    coro::suspend_always initial_suspend() noexcept { return {}; }
    coro::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() { error = std::current_exception(); }
    void return_value(Value v) { transfer = std::move(v); }
    void return_value(Raise r) { raised = std::move(r.exc); }

    AwaitAwaiter await_transform(const Value& awaitable);
    template <class T>
      requires std::is_base_of_v<Awaitable, T>
    AwaitAwaiter await_transform(const Ref<T>& awaitable) {
      return await_transform(Value(awaitable));
    }
    YieldAwaiter await_transform(YieldAwaiter y) { return y; }
  };

  // `await x`. For a future: yield it while pending, then give its result.
  // Otherwise delegate to x.__await__() (yield from) until it returns. Either
  // way, an exception thrown in meanwhile is raised at the await.
  struct AwaitAwaiter {
    promise_type* promise;
    FutureAwaitable* future;  // the fast path, or null
    Value keep;               // holds the awaited object
    Ref<Coroutine> target;    // the delegate when not a future
    bool await_ready() const { return future && future->done(); }
    void await_suspend(Handle) {
      if (future) {
        promise->transfer = future->block();
      } else {
        promise->delegate = std::move(target);
        promise->delegate_is_new = true;
      }
    }
    Value await_resume();
  };

  // A bare `yield` of None: the task reschedules itself with call_soon.
  struct YieldAwaiter {
    promise_type* promise = nullptr;
    bool await_ready() const noexcept { return false; }
    void await_suspend(Handle h) noexcept {
      promise = &h.promise();
      promise->transfer = Value::none();
    }
    void await_resume();
  };

  Coro(Coro&& o) noexcept : handle_(std::exchange(o.handle_, {})) {}
  Coro(const Coro&) = delete;
  ~Coro() {
    if (handle_) handle_.destroy();
  }
  Handle release() { return std::exchange(handle_, {}); }

 private:
  explicit Coro(Handle h) : handle_(h) {}
  Handle handle_;
};

inline Coro::YieldAwaiter yield_now() {
  return {};
}

class NativeCoroutine : public Coroutine {
 public:
  NativeCoroutine(std::string_view qualname, Coro body, Ref<Object> owner = nullptr);
  ~NativeCoroutine() override;
  void finalize() override;

  Step send(Value value) override;
  Step throw_(Ref<PyException> exc) override;
  Step send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised) override;
  void close() override;

 private:
  Step drive(Value sent, Ref<PyException> thrown, Ref<PyException>& raised);
  void finish();
  Coro::Handle handle_;
  // The object a method's body works on, held from the call on as a Python
  // method's frame holds `self` (the body's own reference is taken only
  // when it first runs): in `asyncio.Event().wait()` nothing else refers
  // to the Event.
  Ref<Object> owner_;
};

// `owner`: the object whose method `body` is, if any.
inline Ref<Coroutine> native(std::string_view qualname, Coro body, Ref<Object> owner = nullptr) {
  return make<NativeCoroutine>(qualname, std::move(body), std::move(owner));
}

}  // namespace asim::runtime
