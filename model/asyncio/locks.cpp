#include "model/asyncio/locks.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/type.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::Ref;
using runtime::Value;

namespace {

// `waiters.remove(fut)`
void remove_waiter(std::deque<Ref<Future>>& waiters, const Future* fut) {
  auto it = std::find_if(waiters.begin(), waiters.end(), [&](const Ref<Future>& w) { return w.get() == fut; });
  if (it != waiters.end()) waiters.erase(it);
}

std::string waiters_text(const std::deque<Ref<Future>>& waiters) {
  return waiters.empty() ? "" : fmt::format(", waiters:{}", waiters.size());
}

// What object.__repr__ (reached through super().__repr__()) names: the
// class's module and qualified name, a program's subclass included.
std::string class_path(const runtime::Object& o) {
  if (const runtime::Type* cls = o.user_class()) return cls->module + "." + cls->qualname;
  return fmt::format("asyncio.locks.{}", o.type_name());
}

}  // namespace

// ---------------------------------------------------- _ContextManagerMixin

// _ContextManagerMixin.__aenter__
Ref<runtime::Coroutine> ContextManagerMixin::aenter() {
  return runtime::native("_ContextManagerMixin.__aenter__", [](Ref<ContextManagerMixin> self) -> Coro {
    co_await self->acquire();
    co_return Value::none();
  }(Ref<ContextManagerMixin>(this)));
}

// _ContextManagerMixin.__aexit__
Ref<runtime::Coroutine> ContextManagerMixin::aexit(Ref<runtime::PyException>) {
  return runtime::native("_ContextManagerMixin.__aexit__", [](Ref<ContextManagerMixin> self) -> Coro {
    self->release();
    co_return Value::none();
  }(Ref<ContextManagerMixin>(this)));
}

// ----------------------------------------------------------------- class Lock

// Lock.__repr__
std::string Lock::repr() const {
  return fmt::format("<{} object at {} [{}{}]>", class_path(*this), address_text(), locked_ ? "locked" : "unlocked",
                     waiters_text(waiters_));
}

// Lock.acquire
Coro Lock::acquire_body() {
  Ref<Lock> self(this);
  // Fair: free, but someone waits (and was not cancelled), so queue up.
  if (!locked_ && std::all_of(waiters_.begin(), waiters_.end(), [](const Ref<Future>& w) { return w->cancelled(); })) {
    locked_ = true;
    co_return Value::boolean(true);
  }
  Ref<Future> fut = binding_.get_loop(*this).create_future();
  waiters_.push_back(fut);
  std::optional<PyError> error;
  try {
    co_await fut;
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::LockAcquire, binding_.profile().minor);
    error = std::move(e);
  }
  // The waiter leaves the queue before the cancellation is handled, so that
  // _wake_up_first does not pick this very waiter.
  remove_waiter(waiters_, fut.get());
  if (error) {
    // A cancelled task may have been the one woken: pass the wake-up on.
    if (error->exc->isinstance(binding_.exceptions().CancelledError.get()) && !locked_) wake_up_first();
    throw *error;
  }
  locked_ = true;
  co_return Value::boolean(true);
}

Ref<runtime::Coroutine> Lock::acquire() {
  return runtime::native("Lock.acquire", acquire_body(), Ref<runtime::Object>(this));
}

// Lock.release
void Lock::release() {
  if (!locked_) runtime::raise(runtime::Runtime::current().builtins.RuntimeError, "Lock is not acquired.");
  locked_ = false;
  wake_up_first();
}

// Lock._wake_up_first: a waiter already done is about to run and will either
// take the lock or, cancelled, wake the next one itself.
void Lock::wake_up_first() {
  if (waiters_.empty()) return;
  const Ref<Future>& fut = waiters_.front();
  if (!fut->done()) fut->set_result(Value::boolean(true));
}


// ------------------------------------------------------------ class Condition

// Condition.__init__: 3.7-3.9 bind the loop when the condition is made, and
// refuse a lock bound to another.
Condition::Condition(LoopBinding binding, Ref<Lock> lock) : binding_(std::move(binding)), lock_(std::move(lock)) {
  if (!binding_.profile().loop_bound_on_first_use && !lock_->binding().same_loop(binding_))
    runtime::raise(runtime::Runtime::current().builtins.ValueError, "loop argument must agree with lock");
}

std::string Condition::repr() const {
  std::string extra = locked() ? "locked" : "unlocked";
  if (!waiters_.empty()) extra += fmt::format(", waiters:{}", waiters_.size());
  return fmt::format("<{} object at {} [{}]>", class_path(*this), address_text(), extra);
}

// Condition.wait. 3.7-3.12 release the lock first and, cancelled while
// taking it back, raise a new CancelledError; 3.13 makes the future first,
// re-raises the very CancelledError, and on any error passes the
// notification on to the next waiter (_notify(1)).
Coro Condition::wait_body() {
  Ref<Condition> self(this);
  const auto& b = runtime::Runtime::current().builtins;
  const auto* cancelled_error = binding_.exceptions().CancelledError.get();
  const bool renotify = binding_.profile().condition_renotifies;
  if (!locked()) runtime::raise(b.RuntimeError, "cannot wait on un-acquired lock");
  Ref<Future> fut;
  if (renotify) fut = binding_.get_loop(*this).create_future();
  release();
  std::optional<PyError> error;
  try {
    if (!fut) fut = binding_.get_loop(*this).create_future();
  } catch (PyError& e) {
    error = std::move(e);
  }
  if (!error) {
    waiters_.push_back(fut);
    try {
      co_await fut;
    } catch (PyError& e) {
      error = std::move(e);
    }
    auto it = std::find_if(waiters_.begin(), waiters_.end(), [&](const Ref<Future>& w) { return w == fut; });
    if (it != waiters_.end()) waiters_.erase(it);
  }
  // finally: take the lock back, whatever happened.
  std::optional<PyError> cancelled;
  for (;;) {
    try {
      co_await acquire();
      break;
    } catch (PyError& e) {
      if (!e.exc->isinstance(cancelled_error)) {
        if (renotify) wake(1);
        throw;
      }
      cancelled = std::move(e);
    }
  }
  if (cancelled) error = renotify ? std::move(*cancelled) : PyError{runtime::new_exception(binding_.exceptions().CancelledError)};
  if (error) {
    if (renotify) wake(1);
    throw *error;
  }
  co_return Value::boolean(true);
}

Ref<runtime::Coroutine> Condition::wait() {
  return runtime::native("Condition.wait", wait_body(), Ref<runtime::Object>(this));
}

// Condition.wait_for
Coro Condition::wait_for_body(Value predicate) {
  Ref<Condition> self(this);
  Value result = runtime::call(predicate, {});
  while (!runtime::truthy(result)) {
    co_await wait();
    result = runtime::call(predicate, {});
  }
  co_return result;
}

Ref<runtime::Coroutine> Condition::wait_for(Value predicate) {
  return runtime::native("Condition.wait_for", wait_for_body(std::move(predicate)), Ref<runtime::Object>(this));
}

// Condition.notify
void Condition::notify(std::int64_t n) {
  if (!locked()) runtime::raise(runtime::Runtime::current().builtins.RuntimeError, "cannot notify on un-acquired lock");
  wake(n);
}

void Condition::wake(std::int64_t n) {
  std::int64_t idx = 0;
  for (auto& fut : waiters_) {
    if (idx >= n) break;
    if (!fut->done()) {
      ++idx;
      fut->set_result(Value::boolean(false));
    }
  }
}

// ---------------------------------------------------------------- class Event

std::string Event::repr() const {
  std::string extra = value_ ? "set" : "unset";
  if (!waiters_.empty()) extra += fmt::format(", waiters:{}", waiters_.size());
  return fmt::format("<{} object at {} [{}]>", class_path(*this), address_text(), extra);
}

// Event.set
void Event::set() {
  if (value_) return;
  value_ = true;
  for (auto& fut : waiters_)
    if (!fut->done()) fut->set_result(Value::boolean(true));
}

// Event.wait
Coro Event::wait_body() {
  Ref<Event> self(this);
  if (value_) co_return Value::boolean(true);
  Ref<Future> fut = binding_.get_loop(*this).create_future();
  waiters_.push_back(fut);
  // wait's `finally: self._waiters.remove(fut)`: as the wait ends, however
  // it ends (the coroutine object may live on in its task long after), or
  // when the coroutine is dropped unfinished.
  struct Remove {
    std::deque<Ref<Future>>* waiters;
    const Future* fut;
    void now() {
      auto it = std::find_if(waiters->begin(), waiters->end(), [&](const Ref<Future>& w) { return w.get() == fut; });
      if (it != waiters->end()) waiters->erase(it);
      waiters = nullptr;
    }
    ~Remove() {
      if (waiters && !runtime::detail::tearing_down) now();
    }
  } remove{&waiters_, fut.get()};
  try {
    co_await fut;
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::EventWait, binding_.profile().minor);
    remove.now();
    throw;
  }
  remove.now();
  co_return Value::boolean(true);
}

Ref<runtime::Coroutine> Event::wait() {
  return runtime::native("Event.wait", wait_body(), Ref<runtime::Object>(this));
}

// ------------------------------------------------------------ class Semaphore

// Semaphore.__init__
Semaphore::Semaphore(LoopBinding binding, std::int64_t value) : binding_(std::move(binding)), value_(checked_value(value)) {}

std::int64_t Semaphore::checked_value(std::int64_t value) {
  if (value < 0) runtime::raise(runtime::Runtime::current().builtins.ValueError, "Semaphore initial value must be >= 0");
  return value;
}

// Semaphore.__repr__
std::string Semaphore::repr() const {
  const std::string extra = locked() ? "locked" : fmt::format("unlocked, value:{}", value_);
  return fmt::format("<{} object at {} [{}{}]>", class_path(*this), address_text(), extra,
                     waiters_text(waiters_));
}

// Semaphore.locked
bool Semaphore::locked() const {
  switch (binding_.profile().semaphore_design) {
    case SemaphoreDesign::PopOnWake:
    case SemaphoreDesign::WakeupScheduled: return value_ == 0;
    case SemaphoreDesign::HandOff:
    case SemaphoreDesign::HandOffWakeMany:
      // FIFO: a free slot belongs to the waiters first.
      return value_ == 0 ||
             std::any_of(waiters_.begin(), waiters_.end(), [](const Ref<Future>& w) { return !w->cancelled(); });
  }
  return value_ == 0;
}

// Semaphore.acquire, 3.7-3.8: a woken waiter re-checks the value and waits
// again (at the back) when a newcomer took the slot first.
Coro Semaphore::acquire_pop_on_wake() {
  Ref<Semaphore> self(this);
  while (value_ <= 0) {
    Ref<Future> fut = binding_.get_loop(*this).create_future();
    waiters_.push_back(fut);
    std::optional<PyError> error;
    try {
      co_await fut;
    } catch (PyError& e) {  // a bare `except:`
      add_library_frame(*e.exc, LibraryFrame::SemaphoreAcquire, binding_.profile().minor);
      error = std::move(e);
    }
    if (error) {
      fut->cancel();
      // Woken, then cancelled before running: the wake-up goes to the next.
      if (value_ > 0 && !fut->cancelled()) wake_up_next();
      throw *error;
    }
  }
  --value_;
  co_return Value::boolean(true);
}

// Semaphore.acquire, 3.9: newcomers also wait while a woken waiter has not
// run yet. Only that waiter clears the flag, so wake-ups can get lost.
Coro Semaphore::acquire_wakeup_scheduled() {
  Ref<Semaphore> self(this);
  while (wakeup_scheduled_ || value_ <= 0) {
    Ref<Future> fut = binding_.get_loop(*this).create_future();
    waiters_.push_back(fut);
    std::optional<PyError> error;
    try {
      co_await fut;
      wakeup_scheduled_ = false;
    } catch (PyError& e) {
      add_library_frame(*e.exc, LibraryFrame::SemaphoreAcquire, binding_.profile().minor);
      if (!e.exc->isinstance(binding_.exceptions().CancelledError.get())) throw;
      error = std::move(e);
    }
    if (error) {
      wake_up_next();
      throw *error;
    }
  }
  --value_;
  co_return Value::boolean(true);
}

// Semaphore.acquire, 3.10+: the slot was handed over by _wake_up_next, so a
// waiter that wakes owns it; a cancelled one gives it back.
Coro Semaphore::acquire_hand_off() {
  Ref<Semaphore> self(this);
  const bool wake_many = binding_.profile().semaphore_design == SemaphoreDesign::HandOffWakeMany;
  if (!locked()) {
    --value_;
    co_return Value::boolean(true);
  }
  Ref<Future> fut = binding_.get_loop(*this).create_future();
  waiters_.push_back(fut);
  std::optional<PyError> error;
  try {
    co_await fut;
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::SemaphoreAcquire, binding_.profile().minor);
    error = std::move(e);
  }
  remove_waiter(waiters_, fut.get());
  if (error && error->exc->isinstance(binding_.exceptions().CancelledError.get())) {
    if (wake_many) {
      if (fut->done() && !fut->cancelled()) ++value_;
    } else if (!fut->cancelled()) {
      ++value_;
      wake_up_next();
    }
  }
  if (wake_many) {
    // 3.13's `finally:` waiters that queued behind this one while slots were
    // free are woken now, all of them the value allows.
    while (value_ > 0)
      if (!wake_up_next()) break;
  } else if (!error && value_ > 0) {
    wake_up_next();
  }
  if (error) throw *error;
  co_return Value::boolean(true);
}

Ref<runtime::Coroutine> Semaphore::acquire() {
  switch (binding_.profile().semaphore_design) {
    case SemaphoreDesign::PopOnWake: return runtime::native("Semaphore.acquire", acquire_pop_on_wake());
    case SemaphoreDesign::WakeupScheduled: return runtime::native("Semaphore.acquire", acquire_wakeup_scheduled());
    case SemaphoreDesign::HandOff:
    case SemaphoreDesign::HandOffWakeMany: break;
  }
  return runtime::native("Semaphore.acquire", acquire_hand_off());
}

// Semaphore.release
void Semaphore::release() {
  ++value_;
  wake_up_next();
}

// -------------------------------------------------------------- class Barrier

Barrier::Barrier(LoopBinding binding, std::int64_t parties)
    : cond_(runtime::make<Condition>(binding, runtime::make<Lock>(binding))), parties_(parties) {
  if (parties < 1) runtime::raise(runtime::builtins().ValueError, "parties must be > 0");
}

std::string Barrier::repr() const {
  static constexpr const char* kNames[] = {"filling", "draining", "resetting", "broken"};
  std::string extra = kNames[static_cast<int>(state_)];
  if (!broken()) extra += fmt::format(", waiters:{}/{}", n_waiting(), parties_);
  return fmt::format("<asyncio.locks.Barrier object at {} [{}]>", address_text(), extra);
}

Value Barrier::state_is_not(State a, State b) {
  return Value(runtime::native_function("Barrier.<locals>.<lambda>", [self = Ref<Barrier>(this), a, b](
                                                                          std::span<const Value>) {
    return Value::boolean(self->state_ != a && self->state_ != b);
  }));
}

// Barrier.wait, with _block, _release and _wait inline.
Coro Barrier::wait_body() {
  Ref<Barrier> self(this);
  const auto& broken_error = cond_->exceptions().BrokenBarrierError;
  co_await cond_->acquire();  // async with self._cond
  std::optional<PyError> error;
  std::int64_t index = -1;
  try {
    co_await cond_->wait_for(state_is_not(State::Draining, State::Resetting));
    if (state_ == State::Broken) runtime::raise(broken_error, "Barrier aborted");
  } catch (PyError& e) {
    error = std::move(e);
  }
  if (!error) {
    index = count_++;
    if (index + 1 == parties_) {
      state_ = State::Draining;
      cond_->notify_all();
    } else {
      try {
        co_await cond_->wait_for(state_is_not(State::Filling, State::Filling));
        if (state_ == State::Broken || state_ == State::Resetting)
          runtime::raise(broken_error, "Abort or reset of barrier");
      } catch (PyError& e) {
        error = std::move(e);
      }
    }
    --count_;
    exit();
  }
  cond_->release();
  if (error) throw *error;
  co_return Value::integer(index);
}

Ref<runtime::Coroutine> Barrier::wait() {
  return runtime::native("Barrier.wait", wait_body(), Ref<runtime::Object>(this));
}

void Barrier::exit() {
  if (count_ != 0) return;
  if (state_ == State::Resetting || state_ == State::Draining) state_ = State::Filling;
  cond_->notify_all();
}

// Barrier.reset
Coro Barrier::reset_body() {
  Ref<Barrier> self(this);
  co_await cond_->acquire();
  if (count_ > 0) state_ = State::Resetting;
  else state_ = State::Filling;
  cond_->notify_all();
  cond_->release();
  co_return Value::none();
}

Ref<runtime::Coroutine> Barrier::reset() {
  return runtime::native("Barrier.reset", reset_body(), Ref<runtime::Object>(this));
}

// Barrier.abort
Coro Barrier::abort_body() {
  Ref<Barrier> self(this);
  co_await cond_->acquire();
  state_ = State::Broken;
  cond_->notify_all();
  cond_->release();
  co_return Value::none();
}

Ref<runtime::Coroutine> Barrier::abort() {
  return runtime::native("Barrier.abort", abort_body(), Ref<runtime::Object>(this));
}

// Barrier.__aexit__
Ref<runtime::Coroutine> Barrier::aexit(Ref<runtime::PyException>) {
  return runtime::native("Barrier.__aexit__", []() -> Coro { co_return Value::none(); }());
}

// BoundedSemaphore.release
void BoundedSemaphore::release() {
  if (value() >= bound_value_)
    runtime::raise(runtime::Runtime::current().builtins.ValueError, "BoundedSemaphore released too many times");
  Semaphore::release();
}

// Semaphore._wake_up_next
bool Semaphore::wake_up_next() {
  switch (binding_.profile().semaphore_design) {
    case SemaphoreDesign::PopOnWake:
    case SemaphoreDesign::WakeupScheduled:
      // Woken waiters leave the queue here; cancelled ones are skipped.
      while (!waiters_.empty()) {
        Ref<Future> waiter = std::move(waiters_.front());
        waiters_.pop_front();
        if (!waiter->done()) {
          waiter->set_result(Value::none());
          if (binding_.profile().semaphore_design == SemaphoreDesign::WakeupScheduled) wakeup_scheduled_ = true;
          return true;
        }
      }
      return false;
    case SemaphoreDesign::HandOff:
    case SemaphoreDesign::HandOffWakeMany:
      // The slot is taken on the waiter's behalf now; it leaves the queue
      // itself when it runs.
      for (auto& fut : waiters_) {
        if (!fut->done()) {
          --value_;
          fut->set_result(Value::boolean(true));
          return true;
        }
      }
      return false;
  }
  return false;
}


}  // namespace asim::asyncio
