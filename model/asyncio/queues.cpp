#include "model/asyncio/queues.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <optional>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/heapq.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/asyncio/locks.hpp"
#include "model/runtime/ops.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::Ref;
using runtime::Value;

// Queue.__init__
Queue::Queue(LoopBinding binding, Value maxsize)
    : binding_(binding), maxsize_(std::move(maxsize)), finished_(runtime::make<Event>(std::move(binding))) {
  finished_->set();
}

void Queue::reinitialize_from(const Queue& fresh) {
  binding_ = fresh.binding_;
  maxsize_ = fresh.maxsize_;
  queue_ = fresh.queue_;
  getters_ = fresh.getters_;
  putters_ = fresh.putters_;
  unfinished_tasks_ = fresh.unfinished_tasks_;
  finished_ = fresh.finished_;
  is_shutdown_ = fresh.is_shutdown_;
}

// Queue._format: maxsize, then the non-empty parts.
std::string Queue::format() const {
  std::string info = "maxsize=" + runtime::to_repr(maxsize_);
  if (!queue_.empty()) {
    info += " _queue=[";
    for (std::size_t i = 0; i < queue_.size(); ++i) info += (i ? ", " : "") + runtime::to_repr(queue_[i]);
    info += "]";
  }
  if (!getters_.empty()) info += fmt::format(" _getters[{}]", getters_.size());
  if (!putters_.empty()) info += fmt::format(" _putters[{}]", putters_.size());
  if (unfinished_tasks_) info += fmt::format(" tasks={}", unfinished_tasks_);
  if (is_shutdown_) info += " shutdown";
  return info;
}

// Queue.__repr__
std::string Queue::repr() const { return fmt::format("<{} at {} {}>", type_name(), address_text(), format()); }

// Queue.full: Python's comparisons, for a maxsize of any type (an int's
// are done here).
bool Queue::full() const {
  const auto size = static_cast<std::int64_t>(queue_.size());
  if (maxsize_.kind() == Value::Kind::Int) return maxsize_.as_int() > 0 && size >= maxsize_.as_int();
  if (runtime::truthy(runtime::compare(runtime::CmpOp::LtE, maxsize_, Value::integer(0)))) return false;
  return runtime::truthy(runtime::compare(runtime::CmpOp::GtE, Value::integer(size), maxsize_));
}

void Queue::wakeup_next(std::deque<Ref<Future>>& waiters) {
  while (!waiters.empty()) {
    Ref<Future> waiter = std::move(waiters.front());
    waiters.pop_front();
    if (!waiter->done()) {
      waiter->set_result(Value::none());
      break;
    }
  }
}

void Queue::remove_waiter(std::deque<Ref<Future>>& waiters, const Future* waiter) {
  auto it = std::find_if(waiters.begin(), waiters.end(), [&](const Ref<Future>& w) { return w.get() == waiter; });
  if (it != waiters.end()) waiters.erase(it);
}

// Queue.put
Coro Queue::put_body(Value item) {
  Ref<Queue> self(this);
  while (full()) {
    if (is_shutdown_) throw PyError{runtime::new_exception(binding_.exceptions().QueueShutDown)};
    Ref<Future> putter = binding_.get_loop(*this).create_future();
    putters_.push_back(putter);
    if (binding_.tracing()) binding_.emit(trace::Kind::QueueWaiter, repr(), "putter waits: queue full");
    std::optional<PyError> error;
    try {
      co_await putter;
    } catch (PyError& e) {
      add_library_frame(*e.exc, LibraryFrame::QueuePut, binding_.profile().minor);
      error = std::move(e);
    }
    if (error) {
      putter->cancel();
      remove_waiter(putters_, putter.get());
      if (!full() && !putter->cancelled()) wakeup_next(putters_);
      throw *error;
    }
  }
  put_nowait(std::move(item));
  co_return Value::none();
}

Ref<runtime::Coroutine> Queue::put(Value item) {
  return runtime::native("Queue.put", put_body(std::move(item)), Ref<runtime::Object>(this));
}

// Queue.put_nowait
void Queue::put_nowait(Value item) {
  if (is_shutdown_) throw PyError{runtime::new_exception(binding_.exceptions().QueueShutDown)};
  if (full())
    throw raised_in(LibraryFrame::QueuePutNowait, binding_.profile().minor,
                    PyError{runtime::new_exception(binding_.exceptions().QueueFull)});
  if (binding_.tracing()) binding_.emit(trace::Kind::QueuePut, repr(), runtime::repr(item));
  put_item(std::move(item));
  ++unfinished_tasks_;
  finished_->clear();
  wakeup_next(getters_);
}

// Queue.get
Coro Queue::get_body() {
  Ref<Queue> self(this);
  while (empty()) {
    if (is_shutdown_) throw PyError{runtime::new_exception(binding_.exceptions().QueueShutDown)};
    Ref<Future> getter = binding_.get_loop(*this).create_future();
    getters_.push_back(getter);
    if (binding_.tracing()) binding_.emit(trace::Kind::QueueWaiter, repr(), "getter waits: queue empty");
    std::optional<PyError> error;
    try {
      co_await getter;
    } catch (PyError& e) {
      add_library_frame(*e.exc, LibraryFrame::QueueGet, binding_.profile().minor);
      error = std::move(e);
    }
    if (error) {
      getter->cancel();
      remove_waiter(getters_, getter.get());
      if (!empty() && !getter->cancelled()) wakeup_next(getters_);
      throw *error;
    }
  }
  co_return get_nowait();
}

Ref<runtime::Coroutine> Queue::get() {
  return runtime::native("Queue.get", get_body(), Ref<runtime::Object>(this));
}

// Queue.get_nowait
Value Queue::get_nowait() {
  if (empty()) {
    if (is_shutdown_) throw PyError{runtime::new_exception(binding_.exceptions().QueueShutDown)};
    throw raised_in(LibraryFrame::QueueGetNowait, binding_.profile().minor,
                    PyError{runtime::new_exception(binding_.exceptions().QueueEmpty)});
  }
  Value item = get_item();
  if (binding_.tracing()) binding_.emit(trace::Kind::QueueGet, repr(), runtime::repr(item));
  wakeup_next(putters_);
  return item;
}

Value Queue::get_item() {
  Value item = std::move(queue_.front());
  queue_.pop_front();
  return item;
}

Value LifoQueue::get_item() {
  Value item = std::move(queue_.back());
  queue_.pop_back();
  return item;
}

namespace {

// heapq compares with `<`, which may raise (items Python cannot order).
bool python_less(const Value& a, const Value& b) {
  return runtime::truthy(runtime::compare(runtime::CmpOp::Lt, a, b));
}

}  // namespace

void PriorityQueue::put_item(Value item) {
  heapq::heappush(queue_, std::move(item), python_less);
}

Value PriorityQueue::get_item() {
  return heapq::heappop(queue_, python_less);
}

// Queue.task_done
void Queue::task_done() {
  if (unfinished_tasks_ <= 0) runtime::raise(runtime::Runtime::current().builtins.ValueError, "task_done() called too many times");
  if (--unfinished_tasks_ == 0) finished_->set();
}

// Queue.join
Coro Queue::join_body() {
  Ref<Queue> self(this);
  if (unfinished_tasks_ > 0) co_await finished_->wait();
  co_return Value::none();
}

Ref<runtime::Coroutine> Queue::join() {
  return runtime::native("Queue.join", join_body(), Ref<runtime::Object>(this));
}

// Queue.shutdown: every blocked getter and putter wakes to look again.
void Queue::shutdown(bool immediate) {
  is_shutdown_ = true;
  if (immediate) {
    while (!empty()) {
      get_item();
      if (unfinished_tasks_ > 0) --unfinished_tasks_;
    }
    if (unfinished_tasks_ == 0) finished_->set();
  }
  for (auto* waiters : {&getters_, &putters_})
    while (!waiters->empty()) {
      Ref<Future> waiter = std::move(waiters->front());
      waiters->pop_front();
      if (!waiter->done()) waiter->set_result(Value::none());
    }
}

}  // namespace asim::asyncio
