#include "model/asyncio/locks.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/asyncio/base_events.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::Ref;
using runtime::Value;

// ---------------------------------------------------------------- class Event

std::string Event::repr() const {
  std::string extra = value_ ? "set" : "unset";
  if (!waiters_.empty()) extra += fmt::format(", waiters:{}", waiters_.size());
  return fmt::format("<asyncio.locks.Event object at {} [{}]>", address_text(), extra);
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
  Ref<Future> fut = loop_->create_future();
  waiters_.push_back(fut);
  struct Remove {  // wait's `finally: self._waiters.remove(fut)`
    std::deque<Ref<Future>>& waiters;
    const Future* fut;
    ~Remove() {
      if (runtime::detail::tearing_down) return;
      auto it = std::find_if(waiters.begin(), waiters.end(), [&](const Ref<Future>& w) { return w.get() == fut; });
      if (it != waiters.end()) waiters.erase(it);
    }
  } remove{waiters_, fut.get()};
  co_await fut;
  co_return Value::boolean(true);
}

Ref<runtime::Coroutine> Event::wait() {
  return runtime::native("Event.wait", wait_body());
}

}  // namespace asim::asyncio
