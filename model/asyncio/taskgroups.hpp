// asyncio/taskgroups.py (3.11+): TaskGroup. Leaving `async with` waits for
// every task of the group; the first task that fails (with anything but
// CancelledError) cancels the others and the task running the `async with`,
// and once all are done __aexit__ raises the errors as one ExceptionGroup
// ('unhandled errors in a TaskGroup'). The parent task's cancel()/uncancel()
// counting tells the group's own cancellation from one coming from outside.
//
// Per-version differences (3.11.7, 3.12.1, 3.13.0) come from the profile's
// task_group_* fields: how create_task names the task and treats a task that
// is already done, whether a refused coroutine is closed, and how __aexit__
// matches CancelledError and balances the parent's cancel count.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/asyncio/events.hpp"
#include "model/asyncio/tasks.hpp"

namespace asim::asyncio {

class TaskGroup : public runtime::Object, public runtime::AsyncContextManager {
 public:
  // TaskGroup.__init__. The loop is the running loop the constructor was
  // called under; CPython only reads it in __aenter__ (events.get_running_loop()),
  // which under asim is the same loop.
  explicit TaskGroup(EventLoop* loop);

  std::string_view type_name() const override { return "TaskGroup"; }
  // TaskGroup.__repr__: "<TaskGroup tasks=2 errors=1 cancelling>"
  std::string repr() const override;

  // `async with` from C++: `co_await tg->aenter()` returns the TaskGroup;
  // `co_await tg->aexit(exc)` (exc: what the body raised, or nullptr) waits
  // for the tasks and returns None (never suppresses) or raises.
  runtime::Ref<runtime::Coroutine> aenter() override;
  runtime::Ref<runtime::Coroutine> aexit(runtime::Ref<runtime::PyException> exc) override;

  // TaskGroup.create_task. `context` is accepted for the signature; the model
  // has no contextvars, so it can only be None.
  runtime::Ref<Task> create_task(runtime::Ref<runtime::Coroutine> coro, std::optional<std::string> name = {},
                                 runtime::Value context = {});

  // What the tests look at.
  std::size_t task_count() const { return tasks_.size(); }
  bool aborting() const { return aborting_; }

 private:
  // TaskGroup.__aenter__
  runtime::Coro aenter_body();
  // TaskGroup.__aexit__
  runtime::Coro aexit_body(runtime::Ref<runtime::PyException> exc);
  // TaskGroup._is_base_error
  bool is_base_error(const runtime::PyException& exc) const;
  // TaskGroup._abort
  void abort();
  // TaskGroup._on_task_done
  void on_task_done(const runtime::Ref<Task>& task);
  // `raise exc` inside __aexit__: __context__ as CPython chains it there.
  [[noreturn]] void raise_in_aexit(runtime::Ref<runtime::PyException> raised,
                                   const runtime::Ref<runtime::PyException>& handled) const;

  EventLoop* loop_;
  bool entered_ = false;
  bool exiting_ = false;
  bool aborting_ = false;
  runtime::Ref<Task> parent_task_;
  bool parent_cancel_requested_ = false;
  // CPython's set of tasks. Kept in insertion order; where CPython iterates
  // it (_abort), the order follows addresses and is a choice point.
  std::vector<runtime::Ref<Task>> tasks_;
  std::vector<runtime::Ref<runtime::PyException>> errors_;
  runtime::Ref<runtime::PyException> base_error_;
  runtime::Ref<Future> on_completed_fut_;
  // self._on_task_done, made once: every task of the group gets the same
  // bound method as its done-callback.
  runtime::Ref<runtime::Callable> on_task_done_;
};

}  // namespace asim::asyncio
