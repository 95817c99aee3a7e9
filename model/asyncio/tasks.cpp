#include "model/asyncio/tasks.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "model/asyncio/base_events.hpp"
#include "model/runtime/iterator.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Value;

// ---------------------------------------------------------------- class Task

// The callables a task hands the loop, as small as CPython's C accelerator
// makes them (_asyncio's TaskStepMethWrapper and TaskWakeupMethWrapper):
// one per scheduled step or pending await, so they must stay cheap.
class TaskStepMethWrapper : public runtime::Callable {
 public:
  TaskStepMethWrapper(Ref<Task> task, Ref<PyException> exc) : task_(std::move(task)), exc_(std::move(exc)) {}
  std::string_view type_name() const override { return "TaskStepMethWrapper"; }
  std::string qualname() const override { return "Task.__step"; }
  Value call(std::span<const Value>) override;

 private:
  Ref<Task> task_;
  Ref<PyException> exc_;
};

class TaskWakeupMethWrapper : public runtime::Callable {
 public:
  explicit TaskWakeupMethWrapper(Ref<Task> task) : task_(std::move(task)) {}
  std::string_view type_name() const override { return "TaskWakeupMethWrapper"; }
  std::string qualname() const override { return "Task.__wakeup"; }
  Value call(std::span<const Value> args) override;

 private:
  Ref<Task> task_;
};

// Task.__init__
Task::Task(Ref<runtime::Coroutine> coro, EventLoop* loop, std::optional<std::string> name, bool eager)
    : Future(loop), coro_(std::move(coro)) {
  // _task_name_counter only advances for unnamed tasks, as in CPython.
  if (name) set_name(std::move(*name));
  else number_ = loop_->next_task_number();
  if (loop_->tracing()) loop_->emit(trace::Kind::TaskCreated, get_name(), std::string(coro_->qualname) + "()");
  if (eager && loop_->is_running()) {
    eager_start();
  } else {
    schedule_step();
    loop_->register_task(this);
  }
}

Task::~Task() {
  if (registered_) loop_->unregister_task(this);
}

std::string Task::repr() const {
  std::string info = repr_info();
  if (!done() && (must_cancel_ || (loop_->profile().cancel_counting && num_cancels_requested_ > 0)))
    info.replace(0, info.find_first_of(" ") == std::string::npos ? info.size() : info.find(' '), "cancelling");
  std::string head = info.substr(0, info.find(' '));
  std::string tail = info.find(' ') == std::string::npos ? "" : info.substr(info.find(' '));
  std::string out = "<Task " + head;
  if (loop_->profile().task_names) out += " name='" + get_name() + "'";
  out += " coro=<" + std::string(coro_->qualname) + "()>";
  if (fut_waiter_) out += " wait_for=" + fut_waiter_->repr();
  return out + tail + ">";
}

std::string Task::get_name() const {
  return name_ ? *name_ : fmt::format("Task-{}", number_);
}

void Task::set_result(Value) {
  runtime::raise(loop_->builtins().RuntimeError, "Task does not support set_result operation");
}

void Task::set_exception(Ref<PyException>) {
  runtime::raise(loop_->builtins().RuntimeError, "Task does not support set_exception operation");
}

// Task.cancel
bool Task::cancel(Value msg) {
  if (done()) return false;
  ++num_cancels_requested_;
  if (loop_->tracing()) loop_->emit(trace::Kind::TaskCancelRequested, get_name(), runtime::repr(msg));
  if (fut_waiter_ && fut_waiter_->cancel(msg)) return true;
  must_cancel_ = true;
  cancel_message_ = std::move(msg);
  return true;
}

// Task.uncancel
int Task::uncancel() {
  if (num_cancels_requested_ > 0) --num_cancels_requested_;
  return num_cancels_requested_;
}

// Task.__eager_start (3.12+): the first step runs inside create_task.
void Task::eager_start() {
  Task* prev_task = loop_->swap_current_task(this);
  struct Restore {
    EventLoop* loop;
    Task* prev;
    ~Restore() { loop->swap_current_task(prev); }
  };
  {
    Restore restore{loop_, prev_task};
    step_run_and_handle_result(nullptr);
  }
  if (!done()) loop_->register_task(this);
}

// Task.__step
void Task::step(Ref<PyException> exc) {
  if (done())
    runtime::raise(loop_->exceptions().InvalidStateError,
                   fmt::format("_step(): already done: {}, {}", repr(), exc ? exc->repr() : "None"));
  if (must_cancel_) {
    if (!exc || !exc->isinstance(loop_->exceptions().CancelledError.get())) exc = make_cancelled_error();
    must_cancel_ = false;
  }
  fut_waiter_.reset();
  loop_->enter_task(this);
  struct Leave {
    EventLoop* loop;
    Task* task;
    ~Leave() { loop->leave_task(task); }
  } leave{loop_, this};
  step_run_and_handle_result(std::move(exc));
}

// Task.__step_run_and_handle_result
void Task::step_run_and_handle_result(Ref<PyException> exc) {
  const auto& b = loop_->builtins();
  if (loop_->tracing())
    loop_->emit(trace::Kind::TaskStep, get_name(), exc ? "throw " + exc->repr() : "send None");
  runtime::Step result;
  try {
    result = exc ? coro_->throw_(std::move(exc)) : coro_->send(Value::none());
  } catch (PyError& e) {
    if (e.exc->isinstance(loop_->exceptions().CancelledError.get())) {
      cancelled_exc_ = e.exc;
      cancel_future(Value::none());
    } else {
      finish_with_exception(e.exc);
    }
    trace_finish();
    if (e.exc->isinstance(b.KeyboardInterrupt.get()) || e.exc->isinstance(b.SystemExit.get())) throw;
    return;
  }
  if (result.done) {
    if (must_cancel_) {
      must_cancel_ = false;
      cancel_future(cancel_message_);
    } else {
      finish_with_result(std::move(result.value));
    }
    trace_finish();
    return;
  }
  if (auto* fut = result.value.as<Future>()) {
    if (!fut->asyncio_future_blocking) {
      schedule_step_with_error(fmt::format("yield was used instead of yield from in task {} with {}", repr(),
                                           fut->repr()));
    } else if (fut == this) {
      schedule_step_with_error(fmt::format("Task cannot await on itself: {}", repr()));
    } else {
      fut->asyncio_future_blocking = false;
      fut->add_done_callback(runtime::make<TaskWakeupMethWrapper>(Ref<Task>(this)));
      fut_waiter_ = Ref<Future>(fut);
      if (loop_->tracing()) loop_->emit(trace::Kind::TaskSuspended, get_name(), fut->repr());
      if (must_cancel_ && fut_waiter_->cancel(cancel_message_)) must_cancel_ = false;
    }
  } else if (result.value.is_none()) {
    if (loop_->tracing()) loop_->emit(trace::Kind::TaskSuspended, get_name(), "bare yield (sleep(0))");
    schedule_step();
  } else {
    schedule_step_with_error(fmt::format("Task got bad yield: {}", runtime::repr(result.value)));
  }
}

// Task.__wakeup
void Task::wakeup(const Ref<Future>& future) {
  if (loop_->tracing()) loop_->emit(trace::Kind::TaskWakeup, get_name(), future->repr());
  try {
    future->result();
  } catch (PyError& e) {
    step(e.exc);
    return;
  }
  step(nullptr);
}

void Task::schedule_step(Ref<PyException> exc) {
  loop_->call_soon(runtime::make<TaskStepMethWrapper>(Ref<Task>(this), std::move(exc)));
}

Value TaskStepMethWrapper::call(std::span<const Value>) {
  task_->step(exc_);
  return Value::none();
}

Value TaskWakeupMethWrapper::call(std::span<const Value> args) {
  task_->wakeup(args[0].ref<Future>());
  return Value::none();
}

void Task::schedule_step_with_error(const std::string& message) {
  schedule_step(runtime::new_exception(loop_->builtins().RuntimeError, message));
}

void Task::trace_finish() {
  if (registered_) loop_->unregister_task(this);
  if (!loop_->tracing()) return;
  std::string how = cancelled() ? "cancelled"
                    : exception_ ? "exception=" + exception_->repr()
                                 : "result=" + runtime::repr(result_);
  loop_->emit(trace::Kind::TaskFinished, get_name(), how);
}

// ---------------------------------------------------------- module functions

// tasks.create_task
Ref<Task> create_task(EventLoop& loop, Ref<runtime::Coroutine> coro, std::optional<std::string> name) {
  return loop.create_task(std::move(coro), std::move(name));
}

namespace {

// tasks.__sleep0: a bare yield, so the task gives the loop one turn.
Coro sleep0() {
  co_await runtime::yield_now();
  co_return Value::none();
}

// tasks.sleep, delay > 0:
//
//     future = loop.create_future()
//     h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
//     try:
//         return await future
//     finally:
//         h.cancel()
//
// Written out as a two-state coroutine object instead of a C++20 coroutine:
// one exists per sleeping task, and this form takes a third of the memory
// of a coroutine object plus its frame (the 100 000-task benchmark).
class SleepCoroutine : public runtime::Coroutine {
 public:
  SleepCoroutine(EventLoop& loop, double delay, Value result)
      : Coroutine("sleep"), loop_(loop), delay_(delay), result_(std::move(result)) {}
  ~SleepCoroutine() override { warn_if_never_awaited(); }

  runtime::Step send(Value value) override {
    const auto& b = loop_.builtins();
    if (state_ == State::Created) {
      if (!value.is_none()) runtime::raise(b.TypeError, "can't send non-None value to a just-started coroutine");
      future_ = loop_.create_future();
      h_ = loop_.call_later(delay_, loop_.set_result_unless_cancelled_function(), {Value(future_), result_});
      state_ = State::Suspended;
      return {false, future_->block()};
    }
    if (state_ != State::Suspended) runtime::raise(b.RuntimeError, "cannot reuse already awaited coroutine");
    finish();
    if (!future_->done()) runtime::raise(b.RuntimeError, "await wasn't used with future");
    return {true, future_->result()};
  }

  runtime::Step throw_(Ref<PyException> exc) override {
    finish();
    throw PyError{std::move(exc)};
  }

  void close() override { finish(); }

 private:
  void finish() {
    if (h_) h_->cancel();
    state_ = State::Closed;
  }

  EventLoop& loop_;
  double delay_;
  Value result_;
  Ref<Future> future_;
  Ref<TimerHandle> h_;
};

}  // namespace

Ref<runtime::Coroutine> sleep(EventLoop& loop, double delay, Value result) {
  if (delay <= 0) {
    // sleep(0) is `await __sleep0(); return result`, inside the sleep coroutine.
    return runtime::native("sleep", [](Value result) -> Coro {
      co_await runtime::native("__sleep0", sleep0());
      co_return result;
    }(std::move(result)));
  }
  return runtime::make<SleepCoroutine>(loop, delay, std::move(result));
}

// tasks.ensure_future
Ref<Future> ensure_future(EventLoop& loop, const Value& coro_or_future) {
  if (auto* f = coro_or_future.as<Future>()) return Ref<Future>(f);
  if (auto* c = coro_or_future.as<runtime::Coroutine>(); c && c->type_name() == "coroutine")
    return loop.create_task(Ref<runtime::Coroutine>(c));
  runtime::raise(loop.builtins().TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

// tasks._GatheringFuture.cancel
bool GatheringFuture::cancel(Value msg) {
  if (done()) return false;
  bool ret = false;
  for (auto& child : children)
    if (child->cancel(msg)) ret = true;
  if (ret) cancel_requested = true;
  return ret;
}

namespace {

// gather.<locals>._done_callback
void gather_done_callback(GatheringFuture& outer, Future& fut) {
  ++outer.nfinished;
  if (outer.done()) {
    if (!fut.cancelled()) fut.exception();  // marks the exception retrieved
    return;
  }
  if (!outer.return_exceptions) {
    if (fut.cancelled()) {
      outer.set_exception(fut.make_cancelled_error());
      return;
    }
    if (auto exc = fut.exception()) {
      outer.set_exception(exc);
      return;
    }
  }
  if (outer.nfinished != outer.nfuts) return;
  const auto& exceptions = fut.get_loop()->exceptions();
  const bool messages = fut.get_loop()->profile().cancel_messages;
  auto results = runtime::make<runtime::List>();
  for (auto& child : outer.children) {
    if (child->cancelled()) {
      // A fresh CancelledError per child: _make_cancelled_error() may run only once.
      std::vector<Value> args;
      if (messages)
        args.push_back(child->cancel_message().is_none() ? Value::str("") : child->cancel_message());
      results->items.push_back(Value(runtime::make<runtime::PyException>(exceptions.CancelledError, args)));
    } else if (auto exc = child->exception()) {
      results->items.push_back(Value(exc));
    } else {
      results->items.push_back(child->result());
    }
  }
  if (outer.cancel_requested) outer.set_exception(fut.make_cancelled_error());
  else outer.set_result(Value(results));
}

}  // namespace

// tasks.gather
Ref<Future> gather(EventLoop& loop, const std::vector<Value>& coros_or_futures, bool return_exceptions) {
  if (coros_or_futures.empty()) {
    auto outer = loop.create_future();
    outer->set_result(Value(runtime::make<runtime::List>()));
    return outer;
  }
  // CPython makes `outer` after the loop; making it first changes nothing
  // observable, and lets the callbacks be added at the same moments as there.
  auto outer = runtime::make<GatheringFuture>(&loop, std::vector<Ref<Future>>{});
  outer->return_exceptions = return_exceptions;
  auto done_callback = runtime::native_function("gather.<locals>._done_callback", [outer](std::span<const Value> a) {
    gather_done_callback(*outer, *a[0].as<Future>());
    return Value::none();
  });
  std::unordered_map<const runtime::Object*, Ref<Future>> arg_to_fut;  // a dict: lookups only
  std::vector<Ref<Future>> done_futs;
  for (const auto& arg : coros_or_futures) {
    Ref<Future> fut;
    if (auto it = arg_to_fut.find(arg.object()); arg.object() && it != arg_to_fut.end()) fut = it->second;
    if (!fut) {
      fut = ensure_future(loop, arg);
      ++outer->nfuts;
      arg_to_fut.emplace(arg.object(), fut);
      if (fut->done() && loop.profile().gather_done_children_inline) done_futs.push_back(fut);
      else fut->add_done_callback(done_callback);
    }
    outer->children.push_back(fut);
  }
  for (auto& fut : done_futs) gather_done_callback(*outer, *fut);
  return outer;
}

// tasks.current_task
Ref<Task> current_task(EventLoop& loop) {
  return Ref<Task>(loop.current_task());
}

// tasks.all_tasks
std::vector<Ref<Task>> all_tasks(EventLoop& loop) {
  return loop.all_tasks();
}

}  // namespace asim::asyncio
