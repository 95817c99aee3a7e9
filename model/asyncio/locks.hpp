// asyncio/locks.py: Lock, Event, Semaphore, in locks.py's order. Waiters are
// futures in a FIFO; a release sets the first waiter's future, and the woken
// task takes the lock or slot only when it next runs, a tick later. What a
// task arriving in between gets is what differs between the versions.
#pragma once

#include <cstdint>
#include <deque>

#include "model/asyncio/futures.hpp"
#include "model/asyncio/mixins.hpp"
#include "model/runtime/native_coroutine.hpp"

namespace asim::asyncio {

// locks._ContextManagerMixin: `async with` for Lock and Semaphore. aenter
// awaits acquire() and returns None; aexit releases and returns None.
class ContextManagerMixin : public runtime::Object, public runtime::AsyncContextManager {
 public:
  virtual runtime::Ref<runtime::Coroutine> acquire() = 0;
  virtual void release() = 0;
  runtime::Ref<runtime::Coroutine> aenter() override;
  runtime::Ref<runtime::Coroutine> aexit(runtime::Ref<runtime::PyException> exc) override;
};

// locks.Lock. The same on 3.7-3.13 as far as a program can tell: fair (a
// newcomer queues behind any waiter not cancelled), and a cancelled waiter
// passes a wake-up it received on to the next one.
class Lock : public ContextManagerMixin {
 public:
  explicit Lock(LoopBinding binding) : binding_(std::move(binding)) {}
  std::string_view type_name() const override { return "Lock"; }
  std::string repr() const override;

  // Lock.locked
  bool locked() const { return locked_; }
  // Lock.acquire: a coroutine returning True.
  runtime::Ref<runtime::Coroutine> acquire() override;
  // Lock.release: RuntimeError when not locked.
  void release() override;
  // Lock.__init__ run again by a subclass's __init__ (super().__init__()):
  // the state of `fresh`, just made with its arguments.
  void reinitialize_from(const Lock& fresh) { binding_ = fresh.binding_; }
  const LoopBinding& binding() const { return binding_; }
  LoopBinding& binding() { return binding_; }
  // _waiters: the futures of the tasks waiting, in order.
  const std::deque<runtime::Ref<Future>>& waiters() const { return waiters_; }

 private:
  runtime::Coro acquire_body();
  // Lock._wake_up_first
  void wake_up_first();
  LoopBinding binding_;
  std::deque<runtime::Ref<Future>> waiters_;
  bool locked_ = false;
};

class Event : public runtime::Object {
 public:
  explicit Event(LoopBinding binding) : binding_(std::move(binding)) {}
  std::string_view type_name() const override { return "Event"; }
  std::string repr() const override;

  bool is_set() const { return value_; }
  // Event.set: every waiter's future gets True, in the order they came.
  void set();
  void clear() { value_ = false; }
  runtime::Ref<runtime::Coroutine> wait();
  // Event.__init__ run again by a subclass's __init__.
  void reinitialize_from(const Event& fresh) { binding_ = fresh.binding_; }
  const LoopBinding& binding() const { return binding_; }
  LoopBinding& binding() { return binding_; }
  // _waiters: the futures of the tasks waiting, in order.
  const std::deque<runtime::Ref<Future>>& waiters() const { return waiters_; }

 private:
  runtime::Coro wait_body();
  LoopBinding binding_;
  std::deque<runtime::Ref<Future>> waiters_;
  bool value_ = false;
};

// locks.Condition: waiters release the lock, wait for notify(), and take
// the lock again before wait() returns.
class Condition : public ContextManagerMixin {
 public:
  Condition(LoopBinding binding, runtime::Ref<Lock> lock);
  std::string_view type_name() const override { return "Condition"; }
  std::string repr() const override;

  bool locked() const { return lock_->locked(); }
  runtime::Ref<runtime::Coroutine> acquire() override { return lock_->acquire(); }
  void release() override { lock_->release(); }
  // Condition.wait: a coroutine returning True once notified and relocked.
  runtime::Ref<runtime::Coroutine> wait();
  // Condition.wait_for: waits until predicate() is true; returns its value.
  runtime::Ref<runtime::Coroutine> wait_for(runtime::Value predicate);
  // Condition.notify / notify_all: RuntimeError unless the lock is held.
  void notify(std::int64_t n);
  void notify_all() { notify(static_cast<std::int64_t>(waiters_.size())); }
  const AsyncioExceptions& exceptions() const { return binding_.exceptions(); }
  // Condition.__init__ run again by a subclass's __init__.
  void reinitialize_from(const Condition& fresh) {
    binding_ = fresh.binding_;
    lock_ = fresh.lock_;
  }
  const LoopBinding& binding() const { return binding_; }
  LoopBinding& binding() { return binding_; }
  const runtime::Ref<Lock>& lock() const { return lock_; }
  // _waiters: the futures of the tasks waiting, in order.
  const std::deque<runtime::Ref<Future>>& waiters() const { return waiters_; }

 private:
  runtime::Coro wait_body();
  runtime::Coro wait_for_body(runtime::Value predicate);
  // Condition._notify: sets the first n waiters not done yet.
  void wake(std::int64_t n);
  LoopBinding binding_;
  runtime::Ref<Lock> lock_;
  std::deque<runtime::Ref<Future>> waiters_;
};

// locks.Semaphore, in the design the profile names (SemaphoreDesign).
class Semaphore : public ContextManagerMixin {
 public:
  // Semaphore.__init__: ValueError when value < 0.
  Semaphore(LoopBinding binding, std::int64_t value = 1);
  // That check alone, for the constructor's callers: 3.7-3.9 make it before
  // get_event_loop() can raise, so it is made before the binding.
  static std::int64_t checked_value(std::int64_t value);
  std::string_view type_name() const override { return "Semaphore"; }
  std::string repr() const override;

  // Semaphore.locked: "cannot be acquired immediately".
  bool locked() const;
  // Semaphore._value
  std::int64_t value() const { return value_; }
  // Semaphore.acquire: a coroutine returning True.
  runtime::Ref<runtime::Coroutine> acquire() override;
  // Semaphore.release
  void release() override;
  // Semaphore.__init__ run again by a subclass's __init__.
  virtual void reinitialize_from(const Semaphore& fresh) {
    binding_ = fresh.binding_;
    value_ = fresh.value_;
  }
  const LoopBinding& binding() const { return binding_; }
  LoopBinding& binding() { return binding_; }
  // _waiters: the futures of the tasks waiting, in order.
  const std::deque<runtime::Ref<Future>>& waiters() const { return waiters_; }

 private:
  runtime::Coro acquire_pop_on_wake();
  runtime::Coro acquire_wakeup_scheduled();
  runtime::Coro acquire_hand_off();
  // Semaphore._wake_up_next: whether a waiter was woken.
  bool wake_up_next();
  LoopBinding binding_;
  std::int64_t value_;
  std::deque<runtime::Ref<Future>> waiters_;
  bool wakeup_scheduled_ = false;  // 3.9's _wakeup_scheduled
};

// locks.Barrier (3.11+): `parties` tasks wait() until the last arrives, then
// all go on together; built on a Condition, as in locks.py.
class Barrier : public runtime::Object, public runtime::AsyncContextManager {
 public:
  // Barrier.__init__: ValueError unless parties > 0.
  Barrier(LoopBinding binding, std::int64_t parties);
  std::string_view type_name() const override { return "Barrier"; }
  std::string repr() const override;

  // Barrier.wait: a coroutine returning the task's arrival index.
  runtime::Ref<runtime::Coroutine> wait();
  runtime::Ref<runtime::Coroutine> reset();
  runtime::Ref<runtime::Coroutine> abort();
  runtime::Ref<runtime::Coroutine> aenter() override { return wait(); }
  runtime::Ref<runtime::Coroutine> aexit(runtime::Ref<runtime::PyException> exc) override;

  std::int64_t parties() const { return parties_; }
  std::int64_t n_waiting() const { return state_ == State::Filling ? count_ : 0; }
  bool broken() const { return state_ == State::Broken; }

 private:
  enum class State { Filling, Draining, Resetting, Broken };
  runtime::Coro wait_body();
  runtime::Coro reset_body();
  runtime::Coro abort_body();
  // A predicate on the state, for Condition.wait_for.
  runtime::Value state_is_not(State a, State b);
  // Barrier._exit: the last task out ends draining or resetting.
  void exit();
  runtime::Ref<Condition> cond_;
  std::int64_t parties_;
  State state_ = State::Filling;
  std::int64_t count_ = 0;
};

// locks.BoundedSemaphore: release() may not raise the value above the start.
class BoundedSemaphore : public Semaphore {
 public:
  BoundedSemaphore(LoopBinding binding, std::int64_t value)
      : Semaphore(std::move(binding), value), bound_value_(value) {}
  std::string_view type_name() const override { return "BoundedSemaphore"; }
  void release() override;
  void reinitialize_from(const Semaphore& fresh) override {
    Semaphore::reinitialize_from(fresh);
    bound_value_ = fresh.value();
  }

 private:
  std::int64_t bound_value_;
};

}  // namespace asim::asyncio
