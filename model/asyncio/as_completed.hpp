// tasks.as_completed, both designs side by side.
//
// Legacy (3.7-3.12): a generator. Nothing happens until the first next();
// then every awaitable is wrapped in a task and each next() yields a fresh
// `_wait_for_one()` coroutine, bound to no task, which returns the result of
// whichever task finishes next. That is why the items are coroutines and not
// the finished futures the old docs promised.
//
// 3.13: `_AsCompletedIterator`. Tasks start at the call. Plain iteration still
// yields `_wait_for_one(resolve=True)` coroutines; `async for` yields the
// finished Task/Future itself (the very object passed in, when it was one).
//
// What-if (not CPython; the pseudo-version "whatif"): the design the old docs
// seemed to promise, an iterator that hands out plain Futures at once. It is
// the legacy generator except that next() yields a new Future that will get
// the next result to arrive; one handed out before anything finished is
// pending, so its result() raises InvalidStateError.
#pragma once

#include <deque>

#include <optional>

#include "model/asyncio/events.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/iterator.hpp"

namespace asim::asyncio {

// The bookkeeping both designs share: the todo set, the done queue fed by
// done-callbacks, and the timeout timer (as_completed's locals, or the
// _AsCompletedIterator's attributes).
class AsCompletedState : public runtime::Object {
 public:
  // Runs `todo = {ensure_future(f) for f in set(fs)}` and the set-up after it.
  AsCompletedState(EventLoop& loop, const runtime::Value& fs, std::optional<double> timeout);
  std::string_view type_name() const override { return "as_completed state"; }
  std::size_t todo_count() const { return futures_.size(); }
  const runtime::Ref<Queue>& done() const { return done_; }
  // What-if design: `promise` gets the next outcome; at once when one is
  // already in the done queue, else when it arrives (instead of the queue).
  void promise(runtime::Ref<Future> promise);

 private:
  friend class CompletionCallback;
  void on_timeout();
  void on_completion(std::size_t index);

  EventLoop& loop_;
  runtime::Ref<Queue> done_;
  // CPython's todo set: `futures_` holds them in creation order (any order
  // would do: nothing observable depends on it), `in_todo_` marks those whose
  // completion has not been handled yet; a slot is emptied when its future
  // leaves todo, as the set lets go of it. Each future's callback knows its
  // index, so `todo.remove(f)` costs no lookup.
  std::vector<runtime::Ref<Future>> futures_;
  std::vector<bool> in_todo_;
  std::size_t todo_size_ = 0;
  runtime::Ref<runtime::Callable> any_completion_cb_;  // equal to every future's
  runtime::Ref<TimerHandle> timeout_handle_;
  std::deque<runtime::Ref<Future>> promises_;  // what-if design only
};

// Legacy: the generator object as_completed() returns in 3.7-3.12.
class LegacyAsCompleted : public runtime::Object, public runtime::Iterator {
 public:
  LegacyAsCompleted(EventLoop& loop, runtime::Value fs, std::optional<double> timeout);
  std::string_view type_name() const override { return "generator"; }
  std::string repr() const override;
  std::optional<runtime::Value> next() override;
  // The generator was made where get_event_loop() fails: its body raises
  // `error` once past the argument check (`loop` then only carries the
  // version's facts).
  void fail_at_loop_lookup(runtime::Ref<runtime::PyException> error) { no_loop_ = std::move(error); }

 protected:
  // What the generator yields: a `_wait_for_one()` coroutine.
  virtual runtime::Value item();
  EventLoop& loop_;
  runtime::Ref<AsCompletedState> state_;  // set by the first next(): the generator body ran

 private:
  runtime::Value fs_;
  std::optional<double> timeout_;
  std::size_t yielded_ = 0;
  bool finished_ = false;
  runtime::Ref<runtime::PyException> no_loop_;
};

// What-if (not CPython): the legacy generator, yielding plain Futures handed
// out without waiting instead of coroutines.
class WhatIfAsCompleted : public LegacyAsCompleted {
 public:
  using LegacyAsCompleted::LegacyAsCompleted;

 protected:
  runtime::Value item() override;
};

// 3.13: tasks._AsCompletedIterator.
class AsCompletedIterator : public runtime::Object, public runtime::Iterator, public runtime::AsyncIterator {
 public:
  AsCompletedIterator(EventLoop& loop, const runtime::Value& aws, std::optional<double> timeout);
  std::string_view type_name() const override { return "_AsCompletedIterator"; }
  // __next__: a `_wait_for_one(resolve=True)` coroutine
  std::optional<runtime::Value> next() override;
  // __anext__: a coroutine that returns the next finished future itself
  runtime::Ref<runtime::Coroutine> anext() override;

 private:
  // `self` is the bound method's self: the coroutine holds the iterator from
  // its creation, as CPython's does, not only once it starts running.
  runtime::Coro wait_for_one(runtime::Ref<AsCompletedIterator> self, bool resolve);
  runtime::Coro anext_body(runtime::Ref<AsCompletedIterator> self);
  EventLoop& loop_;
  runtime::Ref<AsCompletedState> state_;
  std::size_t todo_left_;
};

// tasks.as_completed: the design the loop's version profile selects.
runtime::Value as_completed(EventLoop& loop, const runtime::Value& fs, std::optional<double> timeout = {});

}  // namespace asim::asyncio
