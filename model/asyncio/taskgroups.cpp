#include "model/asyncio/taskgroups.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/runtime/ops.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Value;

// TaskGroup.__init__
TaskGroup::TaskGroup(EventLoop* loop) : loop_(loop) {}

// TaskGroup.__repr__
std::string TaskGroup::repr() const {
  std::string info;
  if (!tasks_.empty()) info += fmt::format(" tasks={}", tasks_.size());
  if (!errors_.empty()) info += fmt::format(" errors={}", errors_.size());
  if (aborting_) info += " cancelling";
  else if (entered_) info += " entered";
  return "<TaskGroup" + info + ">";
}

// TaskGroup.__aenter__
Coro TaskGroup::aenter_body() {
  Ref<TaskGroup> self(this);
  const auto& b = loop_->builtins();
  if (entered_) runtime::raise(b.RuntimeError, fmt::format("TaskGroup {} has already been entered", repr()));
  parent_task_ = current_task(*loop_);
  if (!parent_task_)
    runtime::raise(b.RuntimeError, fmt::format("TaskGroup {} cannot determine the parent task", repr()));
  entered_ = true;
  co_return Value(self);
}

Ref<runtime::Coroutine> TaskGroup::aenter() {
  return runtime::native("TaskGroup.__aenter__", aenter_body(), Ref<runtime::Object>(this));
}

// TaskGroup.__aexit__ (3.13.0 has no separate _aexit yet). `exc` is what the
// body of `async with` raised, or nullptr: et is type(exc).
Coro TaskGroup::aexit_body(Ref<PyException> exc) {
  Ref<TaskGroup> self(this);
  const auto& profile = loop_->profile();
  const auto* cancelled_error = loop_->exceptions().CancelledError.get();
  // 3.11-3.12: `et is exceptions.CancelledError`;
  // 3.13: `issubclass(et, exceptions.CancelledError)`.
  auto is_cancelled_error = [&](const PyException& e) {
    return profile.task_group_matches_cancelled_subclasses ? e.isinstance(cancelled_error)
                                                           : e.type.get() == cancelled_error;
  };
  // 3.11-3.12 uncancel the parent at the start of __aexit__, 3.13 only once
  // the tasks are done.
  auto uncancel_parent = [&](Ref<PyException>& propagate_cancellation_error) {
    if (parent_cancel_requested_) {
      // If this flag is set we *must* call uncancel().
      if (parent_task_->uncancel() == 0) {
        // If there are no pending cancellations left,
        // don't propagate CancelledError.
        propagate_cancellation_error = nullptr;
      }
    }
  };

  exiting_ = true;

  if (exc && is_base_error(*exc) && !base_error_) base_error_ = exc;

  Ref<PyException> propagate_cancellation_error = exc && is_cancelled_error(*exc) ? exc : nullptr;
  if (!profile.task_group_uncancels_parent_after_wait) uncancel_parent(propagate_cancellation_error);

  if (exc) {
    if (!aborting_) {
      // Our parent task is being cancelled, or there's an exception in the
      // body of `async with`.
      abort();
    }
  }

  // A while loop: on_completed_fut_ can be cancelled more than once if the
  // parent task is being cancelled repeatedly.
  while (!tasks_.empty()) {
    if (!on_completed_fut_) on_completed_fut_ = loop_->create_future();

    std::optional<PyError> error;
    try {
      co_await on_completed_fut_;
    } catch (PyError& e) {
      error = std::move(e);
    }
    if (error) {
      if (!error->exc->isinstance(cancelled_error)) throw *error;
      if (!aborting_) {
        // Our parent task is being cancelled while the group's tasks are
        // still running.
        if (loop_->tracing())
          loop_->emit(trace::Kind::Note, repr(), "parent task cancelled while waiting: cancelling the group's tasks");
        propagate_cancellation_error = error->exc;
        abort();
      }
    }

    on_completed_fut_.reset();
  }

  if (base_error_) raise_in_aexit(base_error_, exc);

  if (profile.task_group_uncancels_parent_after_wait) uncancel_parent(propagate_cancellation_error);

  // Propagate CancelledError if there is one, except if there are other
  // errors -- those have priority.
  if (propagate_cancellation_error && errors_.empty()) raise_in_aexit(propagate_cancellation_error, exc);

  if (exc && !is_cancelled_error(*exc)) errors_.push_back(exc);

  if (!errors_.empty()) {
    // 3.13: if the parent task is being cancelled from outside the group,
    // un-cancel and re-cancel it, which keeps the cancel count stable.
    if (profile.task_group_recancels_parent && parent_task_->cancelling()) {
      parent_task_->uncancel();
      parent_task_->cancel();
    }
    std::vector<Value> errors(errors_.begin(), errors_.end());
    // The errors are not kept (self._errors = None in the finally clause).
    errors_.clear();
    const Value args[] = {Value::str("unhandled errors in a TaskGroup"), runtime::make_list(std::move(errors))};
    Ref<PyException> me = runtime::call(Value(loop_->builtins().BaseExceptionGroup), args).ref<PyException>();
    if (loop_->tracing()) loop_->emit(trace::Kind::Note, repr(), "raising " + runtime::repr(Value(me)));
    // raise me from None
    me->cause = nullptr;
    me->suppress_context = true;
    add_library_frame(*me, LibraryFrame::TaskGroupAexit, profile.minor);
    raise_in_aexit(me, exc);
  }
  co_return Value::none();
}

Ref<runtime::Coroutine> TaskGroup::aexit(Ref<PyException> exc) {
  return runtime::native("TaskGroup.__aexit__", aexit_body(std::move(exc)), Ref<runtime::Object>(this));
}

// TaskGroup.create_task
Ref<Task> TaskGroup::create_task(Ref<runtime::Coroutine> coro, std::optional<std::string> name, Value context) {
  (void)context;  // no contextvars in the model: always None
  const auto& profile = loop_->profile();
  // 3.13 closes the coroutine it refuses, so it never warns "never awaited".
  auto refuse = [&](std::string_view what) {
    if (profile.task_group_closes_refused_coroutine) coro->close();
    runtime::raise(loop_->builtins().RuntimeError, fmt::format("TaskGroup {} {}", repr(), what));
  };
  if (!entered_) refuse("has not been entered");
  if (exiting_ && tasks_.empty()) refuse("is finished");
  if (aborting_) refuse("is shutting down");

  Ref<Task> task;
  if (profile.task_group_names_task_at_creation) {
    // 3.13: self._loop.create_task(coro, name=name)
    task = loop_->create_task(std::move(coro), name);
  } else {
    // 3.11-3.12: self._loop.create_task(coro), then tasks._set_task_name(task, name):
    // the task takes a Task-N number even when it is named.
    task = loop_->create_task(std::move(coro));
    if (name) task->set_name(*name);
  }

  // 3.12+: a task already done (it completed eagerly) goes straight to
  // _on_task_done, with no done-callback scheduled.
  if (profile.task_group_handles_done_task_at_once && task->done()) {
    on_task_done(task);
  } else {
    tasks_.push_back(task);
    Ref<TaskGroup> self(this);
    task->add_done_callback(runtime::bound_method(this, "TaskGroup._on_task_done", [self](std::span<const Value> a) {
      self->on_task_done(a[0].ref<Task>());
      return Value::none();
    }));
  }
  return task;
}

// TaskGroup._is_base_error: only KeyboardInterrupt and SystemExit are special.
bool TaskGroup::is_base_error(const PyException& exc) const {
  const auto& b = loop_->builtins();
  return exc.isinstance(b.SystemExit.get()) || exc.isinstance(b.KeyboardInterrupt.get());
}

// TaskGroup._abort
void TaskGroup::abort() {
  aborting_ = true;

  std::vector<Ref<Task>> pending;
  for (const auto& t : tasks_)
    if (!t->done()) pending.push_back(t);
  if (loop_->tracing())
    loop_->emit(trace::Kind::Note, repr(), fmt::format("aborting: cancelling {} task(s)", pending.size()));
  // `for t in self._tasks`: a set, whose order follows memory addresses.
  if (pending.size() > 1) {
    const auto order = loop_->chooser().permutation(pending.size(), "TaskGroup._abort: set order");
    if (loop_->tracing())
      loop_->emit(trace::Kind::ChoicePoint, "TaskGroup._abort",
                  fmt::format("CPython cancels the group's {} tasks in set order, which follows memory addresses; "
                              "asim takes {}",
                              pending.size(),
                              std::is_sorted(order.begin(), order.end()) ? "creation order" : "a chosen order"));
    std::vector<Ref<Task>> ordered;
    for (auto i : order) ordered.push_back(pending[i]);
    pending = std::move(ordered);
  }
  for (const auto& t : pending)
    if (!t->done()) t->cancel();
}

// TaskGroup._on_task_done
void TaskGroup::on_task_done(const Ref<Task>& task) {
  auto it = std::find(tasks_.begin(), tasks_.end(), task);
  if (it != tasks_.end()) tasks_.erase(it);

  if (on_completed_fut_ && tasks_.empty()) {
    if (!on_completed_fut_->done()) on_completed_fut_->set_result(Value::boolean(true));
  }

  if (task->cancelled()) return;

  Ref<PyException> exc = task->exception();
  if (!exc) return;

  errors_.push_back(exc);
  if (is_base_error(*exc) && !base_error_) base_error_ = exc;

  if (parent_task_->done()) {
    // Not sure if this case is possible, but CPython handles it anyway.
    loop_->call_exception_handler(fmt::format("Task {} has errored out but its parent task {} is already completed",
                                              task->repr(), parent_task_->repr()),
                                  exc, "task", Value(task));
    return;
  }

  if (!aborting_ && !parent_cancel_requested_) {
    // The parent task is not being cancelled: cancel it, to abort whatever
    // it runs in the body of `async with` now, and mark it "not cancelled"
    // again in __aexit__.
    if (loop_->tracing())
      loop_->emit(trace::Kind::Note, repr(),
                  fmt::format("{} failed: aborting the group, cancelling parent {}", task->get_name(),
                              parent_task_->get_name()));
    abort();
    parent_cancel_requested_ = true;
    parent_task_->cancel();
  }
}

// `raise raised` while __aexit__ handles `handled` (the body's exception):
// _PyErr_SetObject chains handled as the __context__, breaking any cycle.
void TaskGroup::raise_in_aexit(Ref<PyException> raised, const Ref<PyException>& handled) const {
  if (handled && handled != raised) {
    PyException* o = handled.get();
    while (PyException* ctx = o->context.get()) {
      if (ctx == raised.get()) {
        o->context.reset();
        break;
      }
      o = ctx;
    }
    raised->context = handled;
  }
  throw PyError{std::move(raised)};
}

}  // namespace asim::asyncio
