// asyncio/tasks.py: Task and the functions built on it, in tasks.py's order.
// as_completed lives in as_completed.hpp, where both designs sit side by side.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/asyncio/futures.hpp"
#include "model/asyncio/version_profile.hpp"
#include "model/runtime/native_coroutine.hpp"

namespace asim::asyncio {

class Task : public Future {
 public:
  // `context`: the one every step runs in (3.11+ context=); nullptr takes a
  // copy of the current one, as Task.__init__ does.
  Task(runtime::Ref<runtime::Coroutine> coro, EventLoop* loop, std::optional<std::string> name, bool eager_start,
       runtime::Ref<runtime::Context> context = nullptr);
  // A program's subclass instance, made before its __init__ reaches
  // Task.__init__ (start): no task of the loop until then.
  struct Unstarted {};
  Task(Unstarted, EventLoop* loop);
  // Task.__init__ on such an instance: it becomes the task of `coro`.
  void start(runtime::Ref<runtime::Coroutine> coro, EventLoop* loop, std::optional<std::string> name,
             runtime::Ref<runtime::Context> context, bool eager_start = false);
  bool started() const { return coro_ != nullptr; }
  ~Task() override;

  std::string_view type_name() const override { return "Task"; }
  std::string repr() const override;

  std::string get_name() const;
  void set_name(std::string name) { name_ = std::make_unique<std::string>(std::move(name)); }
  const runtime::Ref<runtime::Coroutine>& get_coro() const { return coro_; }
  // Task.get_context (3.12+)
  const runtime::Ref<runtime::Context>& get_context() const { return context_; }
  // Task.set_result / set_exception: a RuntimeError, tasks finish by themselves.
  void set_result(runtime::Value result) override;
  void set_exception(runtime::Ref<runtime::PyException> exc) override;
  // Task.cancel: cancels what the task waits on, or arranges for the next
  // __step to throw CancelledError into the coroutine.
  bool cancel(runtime::Value msg = {}) override;
  // Task.cancelling / Task.uncancel (3.11+)
  int cancelling() const { return num_cancels_requested_; }
  // Task._must_cancel
  bool must_cancel() const { return must_cancel_; }
  int uncancel();
  // Task.__del__: a task freed while pending is reported (unless
  // log_destroy_pending was cleared), then Future.__del__.
  void finalize() override;
  // _log_destroy_pending
  bool log_destroy_pending = true;
  // The future the task is waiting on, if any (_fut_waiter).
  const runtime::Ref<Future>& fut_waiter() const { return fut_waiter_; }

 private:
  friend class EventLoop;
  friend class TaskStepMethWrapper;
  friend class TaskWakeupMethWrapper;
  void eager_start();
  // The rest of Task.__init__, once coro, loop and context are set.
  void begin(std::optional<std::string> name, bool eager);
  // Task.__step
  void step(runtime::Ref<runtime::PyException> exc);
  // Task.__step_run_and_handle_result
  void step_run_and_handle_result(runtime::Ref<runtime::PyException> exc);
  // Task.__wakeup
  void wakeup(const runtime::Ref<Future>& future);
  void schedule_step(runtime::Ref<runtime::PyException> exc = nullptr);
  void schedule_step_with_error(const std::string& message);
  void trace_finish();

  runtime::Ref<runtime::Coroutine> coro_;
  // "Task-<number>" unless a name was given: built only when asked for, since
  // most of 100 000 tasks are never asked their name.
  std::uint64_t number_ = 0;
  std::unique_ptr<std::string> name_;
  runtime::Ref<Future> fut_waiter_;
  runtime::Ref<runtime::Context> context_;  // _context
  bool must_cancel_ = false;
  int num_cancels_requested_ = 0;
  // Links of the loop's list of pending tasks (tasks._all_tasks).
  Task* prev_task_ = nullptr;
  Task* next_task_ = nullptr;
  bool registered_ = false;
};

// tasks.create_task
runtime::Ref<Task> create_task(EventLoop& loop, runtime::Ref<runtime::Coroutine> coro,
                               std::optional<std::string> name = {});
// tasks.sleep: `await sleep(0)` is one bare yield (__sleep0); otherwise a
// future resolved by a call_later timer.
runtime::Ref<runtime::Coroutine> sleep(EventLoop& loop, double delay, runtime::Value result = {});
// `set(fs)` as as_completed and wait take it: distinct objects, coroutines
// in the order the loop's chooser gives (CPython's follows addresses).
std::vector<runtime::Value> set_of(EventLoop& loop, std::vector<runtime::Value> fs, std::string_view owner);

// coroutines.iscoroutine, per version (3.7-3.11 count generators too).
bool iscoroutine(const VersionProfile& profile, const runtime::Value& v);
// inspect.isawaitable: a coroutine, or an object whose class has __await__.
bool isawaitable(const VersionProfile& profile, const runtime::Value& v);
// tasks.ensure_future: a Future/Task as is, a coroutine wrapped in a new
// Task, another awaitable wrapped in a coroutine (_wrap_awaitable) first.
runtime::Ref<Future> ensure_future(EventLoop& loop, const runtime::Value& coro_or_future);

// tasks._GatheringFuture: cancelling it cancels the children.
class GatheringFuture : public Future {
 public:
  GatheringFuture(EventLoop* loop, std::vector<runtime::Ref<Future>> children)
      : Future(loop), children(std::move(children)) {}
  std::string_view type_name() const override { return "_GatheringFuture"; }
  bool cancel(runtime::Value msg = {}) override;

  std::vector<runtime::Ref<Future>> children;
  bool cancel_requested = false;
  std::size_t nfinished = 0;
  std::size_t nfuts = 0;
  bool return_exceptions = false;
};

// tasks.gather: a future for the list of results, in argument order.
runtime::Ref<Future> gather(EventLoop& loop, const std::vector<runtime::Value>& coros_or_futures,
                            bool return_exceptions = false);
// tasks.current_task / tasks.all_tasks
runtime::Ref<Task> current_task(EventLoop& loop);
std::vector<runtime::Ref<Task>> all_tasks(EventLoop& loop);

// ------------------------------------------- wait, wait_for, shield (tasks.py)

// tasks.FIRST_COMPLETED and friends; CPython's values are these names as str.
enum class ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED };
runtime::Value return_when_value(ReturnWhen when);

// tasks.wait: a coroutine whose result is the tuple (done, pending) of sets.
// Like CPython it checks its arguments only when first awaited. `fs` is any
// iterable the runtime knows; `return_when` the Python value ('FIRST_...').
runtime::Ref<runtime::Coroutine> wait(EventLoop& loop, runtime::Value fs, std::optional<double> timeout,
                                      runtime::Value return_when);
runtime::Ref<runtime::Coroutine> wait(EventLoop& loop, const std::vector<runtime::Value>& fs,
                                      std::optional<double> timeout = {},
                                      ReturnWhen return_when = ReturnWhen::ALL_COMPLETED);
// tasks.wait_for: the profile picks the design. Up to 3.11 the awaitable is
// wrapped in a task (ensure_future) and a timer releases a waiter future; from
// 3.12 it runs inside `async with timeout(...)`, a coroutine inline in the
// calling task, without a task of its own.
runtime::Ref<runtime::Coroutine> wait_for(EventLoop& loop, runtime::Value aw, std::optional<double> timeout);
// tasks._release_waiter, as the function object timers and callbacks call.
runtime::Ref<runtime::Callable> release_waiter_function(const runtime::Ref<Future>& waiter);
// tasks._cancel_and_wait: cancels fut and waits on a separate waiter future
// until it is done, so that the waiting itself stays cancellable.
runtime::Ref<runtime::Coroutine> cancel_and_wait(EventLoop& loop, runtime::Ref<Future> fut);
// tasks.shield: a future that follows `aw` but whose cancellation does not
// reach it; `aw` itself when it is already done.
runtime::Ref<Future> shield(EventLoop& loop, const runtime::Value& aw);

}  // namespace asim::asyncio
