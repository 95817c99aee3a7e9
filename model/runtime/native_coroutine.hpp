// Native coroutines: library code written as C++20 coroutines that behave as
// CPython coroutine objects. `co_await x` is `await x` (delegation to
// x.__await__(), i.e. `yield from`), `co_await yield_now()` is a bare
// `yield` (asyncio's __sleep0), `co_return v` is `return v`.
#pragma once

#include <coroutine>
#include <exception>

#include "model/runtime/coroutine.hpp"

namespace asim::runtime {

class NativeCoroutine;

// The C++ coroutine type of a native coroutine function; wrap it with
// native(qualname, f(...)) to get the Python-visible coroutine object.
class Coro {
 public:
  struct promise_type;
  using Handle = std::coroutine_handle<promise_type>;

  struct DelegateAwaiter;
  struct YieldAwaiter;

  struct promise_type {
    // Filled by the coroutine when it suspends or finishes.
    Value yielded;
    Ref<Coroutine> delegate;
    bool delegate_is_new = false;
    Value returned;
    std::exception_ptr error;
    // Filled by the driver before each resume.
    Value sent;
    Ref<PyException> thrown;

    Coro get_return_object() { return Coro(Handle::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void unhandled_exception() { error = std::current_exception(); }
    void return_value(Value v) { returned = std::move(v); }

    DelegateAwaiter await_transform(const Value& awaitable);
    template <class T>
      requires std::is_base_of_v<Awaitable, T>
    DelegateAwaiter await_transform(const Ref<T>& awaitable);
    YieldAwaiter await_transform(YieldAwaiter y) { return y; }
  };

  // Suspends until the delegate returns; gives its return value, or raises
  // what it raised (or what was thrown into this coroutine meanwhile).
  struct DelegateAwaiter {
    promise_type* promise;
    Ref<Coroutine> target;
    bool await_ready() const noexcept { return false; }
    void await_suspend(Handle) noexcept {
      promise->delegate = std::move(target);
      promise->delegate_is_new = true;
    }
    Value await_resume();
  };

  // A bare `yield` of None: the task reschedules itself with call_soon.
  struct YieldAwaiter {
    promise_type* promise = nullptr;
    bool await_ready() const noexcept { return false; }
    void await_suspend(Handle h) noexcept {
      promise = &h.promise();
      promise->yielded = Value::none();
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

template <class T>
  requires std::is_base_of_v<Awaitable, T>
Coro::DelegateAwaiter Coro::promise_type::await_transform(const Ref<T>& awaitable) {
  return DelegateAwaiter{this, static_cast<Awaitable*>(awaitable.get())->await_iter()};
}

class NativeCoroutine : public Coroutine {
 public:
  NativeCoroutine(std::string_view qualname, Coro body);
  ~NativeCoroutine() override;

  Step send(Value value) override;
  Step throw_(Ref<PyException> exc) override;
  void close() override;

 private:
  Step drive(Value sent, Ref<PyException> thrown);
  void finish();
  Coro::Handle handle_;
};

inline Ref<Coroutine> native(std::string_view qualname, Coro body) {
  return make<NativeCoroutine>(qualname, std::move(body));
}

}  // namespace asim::runtime
