// asyncio/queues.py: Queue (FIFO). Getters and putters wait on futures; a put
// wakes the first getter still waiting, exactly as _wakeup_next does.
#pragma once

#include <deque>

#include "model/asyncio/futures.hpp"
#include "model/asyncio/mixins.hpp"
#include "model/runtime/native_coroutine.hpp"

namespace asim::asyncio {

class Event;

class Queue : public runtime::Object {
 public:
  // `maxsize` as given: CPython compares whatever it is (1.3 makes a queue
  // full at two items).
  Queue(LoopBinding binding, runtime::Value maxsize = runtime::Value::integer(0));

  std::string_view type_name() const override { return "Queue"; }
  std::string repr() const override;
  // Queue._format: what __repr__ and __str__ show after the class name.
  std::string format() const;

  std::size_t qsize() const { return queue_.size(); }
  const runtime::Value& maxsize() const { return maxsize_; }
  std::int64_t unfinished_tasks() const { return unfinished_tasks_; }
  // q._unfinished_tasks = n (a plain attribute in CPython: _finished is left as it is).
  void set_unfinished_tasks(std::int64_t n) { unfinished_tasks_ = n; }
  bool empty() const { return queue_.empty(); }
  bool full() const;
  // Queue.put / Queue.get: coroutines that wait while full / empty.
  runtime::Ref<runtime::Coroutine> put(runtime::Value item);
  runtime::Ref<runtime::Coroutine> get();
  void put_nowait(runtime::Value item);
  runtime::Value get_nowait();
  void task_done();
  runtime::Ref<runtime::Coroutine> join();
  // Queue.shutdown (3.13): puts, and gets from an empty queue, raise
  // QueueShutDown from now on; `immediate` empties the queue first.
  void shutdown(bool immediate);
  // Queue.__init__ run again by a subclass's __init__ (super().__init__(n)):
  // the state of `fresh`, just made with its arguments.
  void reinitialize_from(const Queue& fresh);
  const LoopBinding& binding() const { return binding_; }
  LoopBinding& binding() { return binding_; }
  // _getters / _putters: the futures of the tasks waiting to get / to put.
  const std::deque<runtime::Ref<Future>>& getters() const { return getters_; }
  const std::deque<runtime::Ref<Future>>& putters() const { return putters_; }

 protected:
  // Queue._put / Queue._get: where an item goes and which comes out.
  virtual void put_item(runtime::Value item) { queue_.push_back(std::move(item)); }
  virtual runtime::Value get_item();
  std::deque<runtime::Value> queue_;

 private:
  runtime::Coro put_body(runtime::Value item);
  runtime::Coro get_body();
  runtime::Coro join_body();
  // Queue._wakeup_next
  static void wakeup_next(std::deque<runtime::Ref<Future>>& waiters);
  static void remove_waiter(std::deque<runtime::Ref<Future>>& waiters, const Future* waiter);

  LoopBinding binding_;
  runtime::Value maxsize_;
  std::deque<runtime::Ref<Future>> getters_;
  std::deque<runtime::Ref<Future>> putters_;
  std::int64_t unfinished_tasks_ = 0;
  runtime::Ref<Event> finished_;
  bool is_shutdown_ = false;
};

// queues.LifoQueue: the last item put comes out first.
class LifoQueue : public Queue {
 public:
  using Queue::Queue;
  std::string_view type_name() const override { return "LifoQueue"; }

 private:
  runtime::Value get_item() override;
};

// queues.PriorityQueue: the smallest item (Python's `<`) comes out first,
// kept as a heapq heap.
class PriorityQueue : public Queue {
 public:
  using Queue::Queue;
  std::string_view type_name() const override { return "PriorityQueue"; }

 private:
  void put_item(runtime::Value item) override;
  runtime::Value get_item() override;
};

}  // namespace asim::asyncio
