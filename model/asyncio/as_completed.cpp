#include "model/asyncio/as_completed.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/trace/note_subjects.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::Ref;
using runtime::Value;

namespace {

// The what-if design is the legacy generator except for what next() yields.
bool legacy(const EventLoop& loop) {
  return loop.profile().as_completed_design != AsCompletedDesign::AsyncIterator;
}

// What a Note names a finished future by: a task's name, else its repr.
std::string future_label(const Value& f) {
  if (auto* task = f.as<Task>()) return task->get_name();
  return f.object() ? f.object()->repr() : runtime::repr(f);
}

std::string_view completion_name(const EventLoop& loop) {
  return legacy(loop) ? "as_completed.<locals>._on_completion" : "_AsCompletedIterator._handle_completion";
}

std::string_view timeout_name(const EventLoop& loop) {
  return legacy(loop) ? "as_completed.<locals>._on_timeout" : "_AsCompletedIterator._handle_timeout";
}

}  // namespace

// ------------------------------------------------------- shared bookkeeping

// as_completed.<locals>._on_completion (_AsCompletedIterator._handle_completion):
// one object per future, all equal to each other as the one closure is in
// CPython, each holding the state (as the closure holds todo and done) and its
// future's index.
class CompletionCallback : public runtime::Callable {
 public:
  CompletionCallback(Ref<AsCompletedState> state, std::size_t index) : state_(std::move(state)), index_(index) {}
  std::string_view type_name() const override { return "function"; }
  std::string qualname() const override { return std::string(completion_name(state_->loop_)); }
  Value call(std::span<const Value>) override {
    state_->on_completion(index_);
    return Value::none();
  }
  bool equals(const Callable& other) const override {
    auto* o = dynamic_cast<const CompletionCallback*>(&other);
    return o && o->state_ == state_;
  }

 private:
  Ref<AsCompletedState> state_;
  std::size_t index_;
};

AsCompletedState::AsCompletedState(EventLoop& loop, const Value& fs, std::optional<double> timeout)
    : loop_(loop), done_(runtime::make<Queue>(&loop)) {
  // set_of already made the awaitables distinct, so the futures are too.
  for (const auto& f : set_of(loop, runtime::to_vector(fs), "as_completed")) futures_.push_back(ensure_future(loop, f));
  in_todo_.assign(futures_.size(), true);
  todo_size_ = futures_.size();
  // `for f in todo: f.add_done_callback(_on_completion)` walks another set,
  // again in address order. It shows for the futures already done: each gets
  // its callback scheduled at once, so their set order is the order the done
  // queue receives them in. That order is a choice point of its own.
  std::vector<std::size_t> already_done;
  for (std::size_t i = 0; i < futures_.size(); ++i)
    if (futures_[i]->done()) already_done.push_back(i);
  std::vector<std::size_t> order(futures_.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  if (already_done.size() >= 2) {
    const auto chosen = loop.chooser().permutation(already_done.size(), "as_completed: set(todo) order");
    if (loop.tracing())
      loop.emit(trace::Kind::ChoicePoint, "as_completed",
                fmt::format("CPython schedules the callbacks of the {} futures already done in set order, which "
                            "follows memory addresses; asim takes {}",
                            already_done.size(),
                            std::is_sorted(chosen.begin(), chosen.end()) ? "argument order" : "a chosen order"));
    for (std::size_t k = 0; k < already_done.size(); ++k) order[already_done[k]] = already_done[chosen[k]];
  }
  // Only references that are kept may be taken here: a temporary one would
  // free the object it is building when it goes.
  for (std::size_t i : order) {
    auto cb = runtime::make<CompletionCallback>(Ref<AsCompletedState>(this), i);
    if (!any_completion_cb_) any_completion_cb_ = cb;
    futures_[i]->add_done_callback(std::move(cb));
  }
  if (todo_size_ && timeout)
    timeout_handle_ = loop.call_later(*timeout, runtime::native_function(std::string(timeout_name(loop)),
                                                                         [self = Ref<AsCompletedState>(this)](std::span<const Value>) {
                                                                           self->on_timeout();
                                                                           return Value::none();
                                                                         }));
}

// What-if design: hands `from`'s outcome to `promise` (None: the timeout's).
static void settle(EventLoop& loop, Future& promise, const Value& from) {
  if (from.is_none()) return promise.set_exception(runtime::new_exception(loop.exceptions().TimeoutError));
  auto& f = *from.as<Future>();
  if (f.cancelled()) {
    promise.cancel();
  } else if (auto exc = f.exception()) {
    promise.set_exception(exc);
  } else {
    promise.set_result(f.result());
  }
}

// as_completed.<locals>._on_timeout / _AsCompletedIterator._handle_timeout
void AsCompletedState::on_timeout() {
  for (std::size_t i = 0; i < futures_.size(); ++i) {
    if (!in_todo_[i]) continue;
    futures_[i]->remove_done_callback(*any_completion_cb_);
    if (!promises_.empty()) {  // what-if design only
      auto promise = std::move(promises_.front());
      promises_.pop_front();
      settle(loop_, *promise, Value::none());
      continue;
    }
    done_->put_nowait(Value::none());  // the sentinel _wait_for_one turns into TimeoutError
  }
  // todo.clear(): the references go, so a task nobody else holds is freed
  // when it finishes (and reports an exception never retrieved then).
  std::vector<Ref<Future>> cleared;
  for (std::size_t i = 0; i < futures_.size(); ++i)
    if (in_todo_[i]) cleared.push_back(std::move(futures_[i]));
  in_todo_.assign(futures_.size(), false);
  todo_size_ = 0;
  if (loop_.tracing())
    loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedTimeout),
               "timeout fired: waiters get TimeoutError; the tasks keep running");
}

void AsCompletedState::promise(Ref<Future> promise) {
  if (!done_->empty()) return settle(loop_, *promise, done_->get_nowait());
  promises_.push_back(std::move(promise));
}

// as_completed.<locals>._on_completion / _AsCompletedIterator._handle_completion
void AsCompletedState::on_completion(std::size_t index) {
  if (!todo_size_) return;  // the timeout was here first
  in_todo_[index] = false;
  --todo_size_;
  if (!promises_.empty()) {  // what-if design only
    auto promise = std::move(promises_.front());
    promises_.pop_front();
    settle(loop_, *promise, Value(std::move(futures_[index])));
  } else {
    done_->put_nowait(Value(std::move(futures_[index])));  // todo.remove(f): the queue holds it now
  }
  if (!todo_size_ && timeout_handle_) timeout_handle_->cancel();
}

// ------------------------------------------------- legacy design (3.7-3.12)

LegacyAsCompleted::LegacyAsCompleted(EventLoop& loop, Value fs, std::optional<double> timeout)
    : loop_(loop), fs_(std::move(fs)), timeout_(timeout) {
  if (loop.tracing())
    loop.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedGenerator),
              "returned a generator; nothing has started: tasks are created at the first next()");
}

std::string LegacyAsCompleted::repr() const {
  return fmt::format("<generator object as_completed at {}>", address_text());
}

// as_completed.<locals>._wait_for_one
static Coro legacy_wait_for_one(Ref<Queue> done, EventLoop& loop) {
  if (loop.tracing())
    loop.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedWait), "waiting for whichever result comes next");
  Value f = co_await done->get();
  if (f.is_none()) throw PyError{runtime::new_exception(loop.exceptions().TimeoutError)};
  if (loop.tracing()) loop.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedTook), future_label(f));
  Ref<runtime::PyException> raised;
  Value result = f.as<Future>()->result_raising(raised);
  if (raised) {
    add_library_frame(*raised, LibraryFrame::WaitForOne, loop.profile().minor);
    co_return runtime::Raise{std::move(raised)};
  }
  co_return result;
}

// The generator body; each next() resumes it up to its next `yield`.
std::optional<Value> LegacyAsCompleted::next() {
  if (finished_) return std::nullopt;
  if (!state_) {
    try {
      if (isfuture(fs_) || fs_.as<runtime::Coroutine>())
        runtime::raise(loop_.builtins().TypeError,
                       fmt::format(fmt::runtime(loop_.profile().as_completed_type_error), runtime::type_name(fs_)));
      if (no_loop_) throw PyError{no_loop_};
      state_ = runtime::make<AsCompletedState>(loop_, fs_, timeout_);
    } catch (...) {
      finished_ = true;  // an exception ends a generator
      throw;
    }
    if (loop_.tracing())
      loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedFirstNext),
                 fmt::format("first next(): {} tasks started now", state_->todo_count()));
  }
  if (yielded_ == state_->todo_count()) {
    finished_ = true;
    return std::nullopt;
  }
  ++yielded_;
  return item();
}

Value LegacyAsCompleted::item() {
  auto coro = runtime::native("as_completed.<locals>._wait_for_one", legacy_wait_for_one(state_->done(), loop_));
  if (loop_.tracing())
    loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedYieldCoroutine),
               fmt::format("yielded {}: a coroutine bound to no task; awaiting it takes whichever result "
                           "arrives next",
                           coro->repr()));
  return Value(coro);
}

// ------------------------------------------ what-if design (not CPython)

// A `loop.create_future()` promise in place of a _wait_for_one() coroutine.
Value WhatIfAsCompleted::item() {
  auto promise = loop_.create_future();
  state_->promise(promise);
  if (loop_.tracing())
    loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedYieldFuture),
               promise->done() ? "done" : "pending");
  return Value(promise);
}

// ----------------------------------------------------- 3.13 design

// _AsCompletedIterator.__init__
AsCompletedIterator::AsCompletedIterator(EventLoop& loop, const Value& aws, std::optional<double> timeout)
    : loop_(loop), state_(runtime::make<AsCompletedState>(loop, aws, timeout)), todo_left_(state_->todo_count()) {
  if (loop.tracing())
    loop.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedIterator),
              fmt::format("returned an _AsCompletedIterator; its {} tasks started at the call", todo_left_));
}

// _AsCompletedIterator._wait_for_one
Coro AsCompletedIterator::wait_for_one(Ref<AsCompletedIterator> self, bool resolve) {
  // Only the coroutines plain iteration hands out are noted; __anext__ notes what it hands out.
  if (resolve && self->loop_.tracing())
    self->loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedWait),
                     "waiting for whichever result comes next");
  Value f = co_await self->state_->done()->get();
  if (f.is_none()) throw PyError{runtime::new_exception(self->loop_.exceptions().TimeoutError)};
  if (resolve && self->loop_.tracing())
    self->loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedTook), future_label(f));
  if (!resolve) co_return f;
  Ref<runtime::PyException> raised;
  Value result = f.as<Future>()->result_raising(raised);
  if (raised) {
    add_library_frame(*raised, LibraryFrame::AsCompletedWaitForOne, self->loop_.profile().minor);
    co_return runtime::Raise{std::move(raised)};
  }
  co_return result;
}

// _AsCompletedIterator.__next__
std::optional<Value> AsCompletedIterator::next() {
  if (!todo_left_) return std::nullopt;
  --todo_left_;
  auto coro =
      runtime::native("_AsCompletedIterator._wait_for_one", wait_for_one(Ref<AsCompletedIterator>(this), true));
  if (loop_.tracing())
    loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedNextCoroutine),
               fmt::format("yielded {}: plain iteration still hands out a coroutine", coro->repr()));
  return Value(coro);
}

// _AsCompletedIterator.__anext__
Coro AsCompletedIterator::anext_body(Ref<AsCompletedIterator> self) {
  if (!todo_left_) throw PyError{runtime::new_exception(loop_.builtins().StopAsyncIteration)};
  --todo_left_;
  Value f = co_await runtime::native("_AsCompletedIterator._wait_for_one", wait_for_one(self, false));
  if (loop_.tracing())
    loop_.emit(trace::Kind::Note, std::string(trace::note::kAsCompletedAnext), future_label(f));
  co_return f;
}

Ref<runtime::Coroutine> AsCompletedIterator::anext() {
  return runtime::native("_AsCompletedIterator.__anext__", anext_body(Ref<AsCompletedIterator>(this)));
}

// tasks.as_completed
Value as_completed(EventLoop& loop, const Value& fs, std::optional<double> timeout) {
  if (loop.profile().as_completed_design == AsCompletedDesign::WhatIfFutures)
    return Value(runtime::make<WhatIfAsCompleted>(loop, fs, timeout));
  if (legacy(loop)) return Value(runtime::make<LegacyAsCompleted>(loop, fs, timeout));
  // inspect.isawaitable(fs)
  if (fs.as<runtime::Awaitable>())
    runtime::raise(loop.builtins().TypeError,
                   fmt::format(fmt::runtime(loop.profile().as_completed_type_error), runtime::type_name(fs)));
  return Value(runtime::make<AsCompletedIterator>(loop, fs, timeout));
}

}  // namespace asim::asyncio
