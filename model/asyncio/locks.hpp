// asyncio/locks.py: Event, Lock, Semaphore.
#pragma once

#include <deque>

#include "model/asyncio/futures.hpp"
#include "model/runtime/native_coroutine.hpp"

namespace asim::asyncio {

class Event : public runtime::Object {
 public:
  explicit Event(EventLoop* loop) : loop_(loop) {}
  std::string_view type_name() const override { return "Event"; }
  std::string repr() const override;

  bool is_set() const { return value_; }
  // Event.set: every waiter's future gets True, in the order they came.
  void set();
  void clear() { value_ = false; }
  runtime::Ref<runtime::Coroutine> wait();

 private:
  runtime::Coro wait_body();
  EventLoop* loop_;
  std::deque<runtime::Ref<Future>> waiters_;
  bool value_ = false;
};

}  // namespace asim::asyncio
