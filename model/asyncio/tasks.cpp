#include "model/asyncio/tasks.hpp"

#include <fmt/format.h>
#include <range/v3/algorithm/sort.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/asyncio/library_sources.hpp"
#include "model/asyncio/timeouts.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/unmodelled.hpp"

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
  // 3.10+ bind task_wakeup as a method, named after the task's class (a
  // program's subclass too); before, the C Task made a
  // TaskWakeupMethWrapper object, which has no __qualname__.
  std::string callback_name(bool) const override {
    if (task_->get_loop()->profile().task_wakeup_is_method) {
      const runtime::Type* cls = task_->user_class();
      return (cls ? cls->qualname : std::string("Task")) + ".task_wakeup";
    }
    return "<TaskWakeupMethWrapper object at " + address_text() + ">";
  }
  Value call(std::span<const Value> args) override;

 private:
  Ref<Task> task_;
};

// Task.__init__
Task::Task(Ref<runtime::Coroutine> coro, EventLoop* loop, std::optional<std::string> name, bool eager,
           Ref<runtime::Context> context)
    : Future(loop), coro_(std::move(coro)), context_(context ? std::move(context) : runtime::copy_context()) {
  begin(std::move(name), eager);
}

Task::Task(Unstarted, EventLoop* loop) : Future(loop) { log_destroy_pending = false; }

void Task::start(Ref<runtime::Coroutine> coro, EventLoop* loop, std::optional<std::string> name,
                 Ref<runtime::Context> context, bool eager_start) {
  loop_ = loop;
  coro_ = std::move(coro);
  context_ = context ? std::move(context) : runtime::copy_context();
  log_destroy_pending = true;
  const bool eager = eager_start && loop_->is_running();
  begin(std::move(name), eager);
  if (eager) this->eager_start();
}

void Task::begin(std::optional<std::string> name, bool eager) {
  // _task_name_counter only advances for unnamed tasks, as in CPython.
  if (name) set_name(std::move(*name));
  else number_ = loop_->next_task_number();
  if (loop_->tracing()) loop_->emit(trace::Kind::TaskCreated, get_name(), std::string(coro_->qualname) + "()");
  // With eager_start the first step is run by EventLoop::create_task right
  // after this constructor, once a reference holds the task: run from here,
  // any Ref made and dropped during the step (current_task() in the
  // coroutine) would free the task while it is still being built.
  if (!(eager && loop_->is_running())) {
    schedule_step();
    loop_->register_task(this);
  }
}

Task::~Task() {
  if (registered_) loop_->unregister_task(this);
}

void Task::finalize() {
  if (state_ == State::Pending && log_destroy_pending && !runtime::detail::tearing_down) {
    auto context = runtime::make<runtime::Dict>();
    context->set(Value::str("task"), Value(Ref<Task>(this)));
    context->set(Value::str("message"), Value::str("Task was destroyed but it is pending!"));
    loop_->call_exception_handler(context);
  }
  Future::finalize();
}

namespace {

// _format_coroutine for a coroutine of asyncio's own Python code, which asim
// runs natively: where CPython's frame of it is, in the installed Lib. A
// place the model does not know (a function awaiting at several places)
// stops the run rather than print another; the loop's own trace, which
// names tasks too, gets the bare name. "" for a native coroutine that is not
// asyncio's (those of asim's tests and demos).
std::string library_coroutine_where(const runtime::Coroutine& coro, bool awaits_future, const EventLoop& loop) {
  using State = runtime::Coroutine::State;
  const auto& source = runtime::Runtime::current().library_function_source;
  const std::string defined = source ? source(coro.qualname) : "";
  if (defined.empty()) return "";
  if (coro.state() == State::Closed) return " done, defined at " + defined;
  // A frame not yet started stands at its first line.
  if (coro.state() == State::Created) return " running at " + defined;
  const int line = library_coroutine_suspension(loop.profile().minor, coro.qualname);
  if (line && awaits_future) return fmt::format(" running at {}{}", defined.substr(0, defined.rfind(':') + 1), line);
  if (loop.tracing()) return "";
  runtime::not_modelled(fmt::format("the repr of a task running asyncio's coroutine {}()", coro.qualname),
                        "the line its frame in CPython's Lib stands at is not modelled");
}

}  // namespace

std::string Task::repr() const {
  if (auto inner = repr_reentered()) return *inner;
  if (!coro_) return fmt::format("<{} {}>", type_name(), repr_info());
  std::string info = repr_info();
  if (!done() && (must_cancel_ || (loop_->profile().cancel_counting && num_cancels_requested_ > 0)))
    info.replace(0, info.find_first_of(" ") == std::string::npos ? info.size() : info.find(' '), "cancelling");
  std::string head = info.substr(0, info.find(' '));
  std::string tail = info.find(' ') == std::string::npos ? "" : info.substr(info.find(' '));
  std::string out = "<" + std::string(type_name()) + " " + head;
  if (loop_->profile().task_names) out += " name='" + get_name() + "'";
  // coroutines._format_coroutine: "main() running at FILE:LINE", or "done,
  // defined at" once the coroutine has finished.
  std::string coro = std::string(coro_->qualname) + "()";
  if (const auto where = coro_->source_location(); !where.empty())
    coro += (coro_->state() == runtime::Coroutine::State::Closed ? " done, defined at " : " running at ") + where;
  else
    coro += library_coroutine_where(*coro_, fut_waiter_ != nullptr, *loop_);
  out += " coro=<" + coro + ">";
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
  log_traceback_ = false;
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
  if (num_cancels_requested_ > 0) {
    --num_cancels_requested_;
    if (num_cancels_requested_ == 0 && loop_->profile().uncancel_clears_must_cancel) must_cancel_ = false;
  }
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
    runtime::Context::Scope scope(*context_);  // self._context.run(self.__step_run_and_handle_result, None)
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
  runtime::Runtime::FramesBelowScope frames(loop_->profile().frames_below.task_step);
  step_run_and_handle_result(std::move(exc));
}

// Task.__step_run_and_handle_result
void Task::step_run_and_handle_result(Ref<PyException> exc) {
  const auto& b = loop_->builtins();
  if (loop_->tracing())
    loop_->emit(trace::Kind::TaskStep, get_name(), exc ? "throw " + exc->repr() : "send None");
  Ref<PyException> raised;
  runtime::Step result = coro_->send_ex(Value::none(), std::move(exc), raised);
  if (raised) {
    if (raised->isinstance(loop_->exceptions().CancelledError.get())) {
      if (loop_->profile().task_keeps_cancelled_error || loop_->profile().cancelled_error_chains_kept)
        cancelled_exc_ = raised;
      cancel_future(Value::none());
    } else {
      finish_with_exception(raised);
    }
    trace_finish();
    if (raised->isinstance(b.KeyboardInterrupt.get()) || raised->isinstance(b.SystemExit.get()))
      throw PyError{std::move(raised)};
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
  // Future is the one FutureAwaitable, so the static downcast is exact.
  auto* awaitable = result.value.is_object() ? result.value.object()->future_awaitable() : nullptr;
  if (auto* fut = static_cast<Future*>(awaitable)) {
    if (fut->get_loop() != loop_) {
      schedule_step_with_error(
          fmt::format("Task {} got Future {} attached to a different loop", repr(), fut->repr()));
    } else if (!fut->asyncio_future_blocking) {
      schedule_step_with_error(fmt::format("yield was used instead of yield from in task {} with {}", repr(),
                                           fut->repr()));
    } else if (fut == this) {
      schedule_step_with_error(fmt::format("Task cannot await on itself: {}", repr()));
    } else {
      fut->asyncio_future_blocking = false;
      fut->add_done_callback(runtime::make<TaskWakeupMethWrapper>(Ref<Task>(this)), context_);
      fut_waiter_ = Ref<Future>(fut);
      if (loop_->tracing()) loop_->emit(trace::Kind::TaskSuspended, get_name(), fut->repr());
      if (must_cancel_ && fut_waiter_->cancel(cancel_message_)) must_cancel_ = false;
    }
  } else if (result.value.is_none()) {
    if (loop_->tracing()) loop_->emit(trace::Kind::TaskSuspended, get_name(), "bare yield (sleep(0))");
    schedule_step();
  } else {
    schedule_step_with_error(fmt::format("Task got bad yield: {}", runtime::to_repr(result.value)));
  }
}

// Task.__wakeup
void Task::wakeup(const Ref<Future>& future) {
  if (loop_->tracing()) loop_->emit(trace::Kind::TaskWakeup, get_name(), future->repr());
  // What future.result() raises, taken without a C++ throw (which costs
  // more than the rest of the step); result() also hands over the traceback
  // the exception had when set (3.10+).
  Ref<PyException> raised;
  future->result_raising(raised);
  step(std::move(raised));
}

void Task::schedule_step(Ref<PyException> exc) {
  loop_->call_soon(runtime::make<TaskStepMethWrapper>(Ref<Task>(this), std::move(exc)), {}, context_);
}

Value TaskStepMethWrapper::call(std::span<const Value>) {
  task_->step(exc_);
  return Value::none();
}

Value TaskWakeupMethWrapper::call(std::span<const Value> args) {
  task_->wakeup(Ref<Future>(&callback_future(args[0])));
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

// `set(fs)` of as_completed and wait: distinct objects. CPython's order
// follows addresses; it shows when coroutines are wrapped in tasks (their
// names and start order follow it), so the order of the coroutines is a
// choice point, marked in the trace under `owner`.
std::vector<Value> set_of(EventLoop& loop, std::vector<Value> fs, std::string_view owner) {
  // Sorted by identity, each repeat of an object lands right after its first
  // occurrence; a sort beats a node-based hash set by far at 100 000 tasks.
  std::vector<std::pair<const runtime::Object*, std::size_t>> by_identity;
  for (std::size_t i = 0; i < fs.size(); ++i)
    if (fs[i].object()) by_identity.emplace_back(fs[i].object(), i);
  ranges::sort(by_identity);
  std::vector<bool> repeat(fs.size());
  for (std::size_t k = 1; k < by_identity.size(); ++k)
    if (by_identity[k].first == by_identity[k - 1].first) repeat[by_identity[k].second] = true;
  std::vector<Value> items;
  for (std::size_t i = 0; i < fs.size(); ++i) {
    // Immediates are few and compared one by one.
    const bool seen = fs[i].object() ? repeat[i]
                                     : std::any_of(items.begin(), items.end(), [&](const Value& u) { return u.is(fs[i]); });
    if (!seen) items.push_back(std::move(fs[i]));
  }
  auto is_coro = [](const Value& v) { return v.is_object() && v.object()->coroutine() != nullptr; };
  std::vector<std::size_t> coros;
  for (std::size_t i = 0; i < items.size(); ++i)
    if (is_coro(items[i])) coros.push_back(i);
  if (coros.size() < 2) return items;
  const auto order = loop.chooser().permutation(coros.size(), fmt::format("{}: set(fs) order", owner));
  if (loop.tracing())
    loop.emit(trace::Kind::ChoicePoint, std::string(owner),
              fmt::format("CPython wraps the {} coroutines in tasks in set order, which follows memory "
                          "addresses; asim takes {}",
                          coros.size(), std::is_sorted(order.begin(), order.end()) ? "argument order" : "a chosen order"));
  std::vector<Value> out;
  out.reserve(items.size());
  std::size_t next_coro = 0;
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(is_coro(items[i]) ? items[coros[order[next_coro++]]] : items[i]);
  return out;
}

// tasks.create_task
Ref<Task> create_task(EventLoop& loop, Ref<runtime::Coroutine> coro, std::optional<std::string> name) {
  if (name && loop.profile().named_create_task_uses_number) {
    // 3.8-3.12: `task = loop.create_task(coro); _set_task_name(task, name)`,
    // so the unnamed task takes a Task-N number before it is renamed.
    Ref<Task> task = loop.create_task(std::move(coro));
    task->set_name(std::move(*name));
    return task;
  }
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
  // _PyGen_Finalize: closed when freed suspended (the `finally` cancels h).
  void finalize() override {
    warn_if_never_awaited();
    if (state_ == State::Suspended) finish();
  }

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
    return {true, in_library_frame(LibraryFrame::Sleep, loop_.profile().minor, [&] { return future_->result(); })};
  }

  runtime::Step throw_(Ref<PyException> exc) override {
    finish();
    add_library_frame(*exc, LibraryFrame::Sleep, loop_.profile().minor);
    throw PyError{std::move(exc)};
  }

  // What is thrown in (a task's cancellation) comes back without a C++ throw.
  runtime::Step send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised) override {
    if (!thrown) return Coroutine::send_ex(std::move(value), nullptr, raised);
    finish();
    add_library_frame(*thrown, LibraryFrame::Sleep, loop_.profile().minor);
    raised = std::move(thrown);
    return {true, Value()};
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
  if (std::isnan(delay) && loop.profile().sleep_rejects_nan)
    return runtime::native("sleep", [](EventLoop& loop) -> Coro {
      runtime::raise(loop.builtins().ValueError, "Invalid delay: NaN (not a number)");
      co_return Value::none();
    }(loop));
  if (delay <= 0) {
    // sleep(0) is `await __sleep0(); return result`, inside the sleep coroutine.
    return runtime::native("sleep", [](Value result) -> Coro {
      co_await runtime::native("__sleep0", sleep0());
      co_return result;
    }(std::move(result)));
  }
  return runtime::make<SleepCoroutine>(loop, delay, std::move(result));
}

// coroutines.iscoroutine: a coroutine object, or anything else with
// collections.abc.Coroutine's methods (an async generator's asend/athrow
// awaitables), not the iterator of a future; on 3.7-3.11 a generator too, a
// relic of @asyncio.coroutine.
bool iscoroutine(const VersionProfile& profile, const Value& v) {
  auto* c = v.as<runtime::Coroutine>();
  if (!c) return false;
  const std::string_view name = c->type_name();
  return name == "coroutine" || name == "async_generator_asend" || name == "async_generator_athrow" ||
         (profile.generators_are_coroutines && name == "generator");
}

bool isawaitable(const VersionProfile& profile, const Value& v) {
  return iscoroutine(profile, v) || runtime::type_of(v)->lookup_class("__await__").has_value();
}

namespace {

// tasks._wrap_awaitable (ensure_future.<locals>._wrap_awaitable from 3.12)
runtime::Coro wrap_awaitable(Value awaitable) {
  co_return co_await awaitable;
}

}  // namespace

// tasks.ensure_future
Ref<Future> ensure_future(EventLoop& loop, const Value& coro_or_future) {
  if (auto* f = coro_or_future.as<Future>()) return Ref<Future>(f);
  const auto& profile = loop.profile();
  if (iscoroutine(profile, coro_or_future)) {
    Ref<runtime::Coroutine> coro(coro_or_future.as<runtime::Coroutine>());
    try {
      return loop.create_task(coro);
    } catch (runtime::PyError& e) {
      if (profile.ensure_future_closes_coroutine && e.exc->isinstance(loop.builtins().RuntimeError.get())) coro->close();
      throw;
    }
  }
  if (isawaitable(profile, coro_or_future))
    return loop.create_task(runtime::native(
        profile.wrap_awaitable_is_local ? "ensure_future.<locals>._wrap_awaitable" : "_wrap_awaitable", wrap_awaitable(coro_or_future)));
  runtime::raise(loop.builtins().TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
}

// sys.getrecursionlimit()'s default.
constexpr int kRecursionLimit = 1000;

// tasks._GatheringFuture.cancel
bool GatheringFuture::cancel(Value msg) {
  if (done()) return false;
  // A Python method in CPython: tasks gathering each other in a cycle make
  // cancel() recurse until the recursion limit (sys.getrecursionlimit()),
  // where CPython raises RecursionError.
  struct Depth {
    static int& count() {
      static int n = 0;
      return n;
    }
    Depth() { ++count(); }
    ~Depth() { --count(); }
  } depth;
  if (Depth::count() > kRecursionLimit)
    runtime::raise(loop_->builtins().RecursionError, "maximum recursion depth exceeded");
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
  // `fut._make_cancelled_error()` after `for fut in children:` asks the loop
  // variable, which is the last child now, not the future that finished last.
  if (outer.cancel_requested) outer.set_exception(outer.children.back()->make_cancelled_error());
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
  auto done_callback = runtime::native_function(std::string(loop.profile().gather_done_callback), [outer](std::span<const Value> a) {
    gather_done_callback(*outer, callback_future(a[0]));
    return Value::none();
  });
  std::unordered_map<const runtime::Object*, Ref<Future>> arg_to_fut;  // a dict: lookups only
  std::vector<Ref<Future>> done_futs;
  for (const auto& arg : coros_or_futures) {
    Ref<Future> fut;
    if (auto it = arg_to_fut.find(arg.object()); arg.object() && it != arg_to_fut.end()) fut = it->second;
    if (!fut) {
      // ensure_future(arg, loop=loop): `loop` is the first future's own.
      if (auto* f = arg.as<Future>(); f && f->get_loop() != &loop)
        runtime::raise(loop.builtins().ValueError, std::string(loop.profile().future_loop_mismatch));
      fut = ensure_future(loop, arg);
      // A task made here for a coroutine: its caller cannot control it, so
      // it is not reported if destroyed pending.
      if (fut.get() != arg.object())
        if (auto* task = runtime::downcast<Task>(fut.get())) task->log_destroy_pending = false;
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

// ------------------------------------------- wait, wait_for, shield (tasks.py)

namespace asim::asyncio {

namespace {

// The values of concurrent.futures.FIRST_COMPLETED and friends.
std::string_view return_when_name(ReturnWhen when) {
  switch (when) {
    case ReturnWhen::FIRST_COMPLETED: return "FIRST_COMPLETED";
    case ReturnWhen::FIRST_EXCEPTION: return "FIRST_EXCEPTION";
    case ReturnWhen::ALL_COMPLETED: return "ALL_COMPLETED";
  }
  return "ALL_COMPLETED";
}

// The `return_when not in (FIRST_COMPLETED, ...)` test; nullopt when it fails.
std::optional<ReturnWhen> parse_return_when(const Value& v) {
  if (auto* s = v.as<runtime::Str>())
    for (auto when : {ReturnWhen::FIRST_COMPLETED, ReturnWhen::FIRST_EXCEPTION, ReturnWhen::ALL_COMPLETED})
      if (s->text == return_when_name(when)) return when;
  return std::nullopt;
}

// `not fs` for the iterables the runtime has; anything else is truthy.
bool is_empty_container(const Value& fs) {
  if (auto* l = fs.as<runtime::List>()) return l->items.empty();
  if (auto* t = fs.as<runtime::Tuple>()) return t->items.empty();
  if (auto* s = fs.as<runtime::Set>()) return s->items.empty();
  return false;
}

// `raise TimeoutError() from exc`, inside the handler of exc.
PyError timeout_error_from(EventLoop& loop, const Ref<PyException>& exc) {
  auto timeout_error = runtime::new_exception(loop.exceptions().TimeoutError);
  timeout_error->cause = exc;
  timeout_error->context = exc;
  return PyError{timeout_error};
}

// `raise exceptions.TimeoutError()` outside any handler: no cause, no context.
PyError timeout_error(EventLoop& loop) {
  return PyError{runtime::new_exception(loop.exceptions().TimeoutError)};
}

// `except exceptions.CancelledError:`
bool is_cancelled_error(EventLoop& loop, const PyError& e) {
  return e.exc->isinstance(loop.exceptions().CancelledError.get());
}

// tasks._wait
Coro wait_impl(EventLoop& loop, std::vector<Value> fs, std::optional<double> timeout, ReturnWhen return_when) {
  if (fs.empty()) throw PyError{runtime::new_exception(loop.builtins().AssertionError, "Set of Futures is empty.")};
  Ref<Future> waiter = loop.create_future();
  Ref<TimerHandle> timeout_handle;
  if (timeout) timeout_handle = loop.call_later(*timeout, release_waiter_function(waiter), {Value(waiter)});
  auto counter = std::make_shared<std::size_t>(fs.size());
  auto on_completion = runtime::native_function(
      "_wait.<locals>._on_completion", [waiter, timeout_handle, counter, return_when](std::span<const Value> a) {
        auto* f = &callback_future(a[0]);
        --*counter;
        if (*counter == 0 || return_when == ReturnWhen::FIRST_COMPLETED ||
            (return_when == ReturnWhen::FIRST_EXCEPTION && !f->cancelled() && f->exception())) {
          if (timeout_handle) timeout_handle->cancel();
          if (!waiter->done()) waiter->set_result(Value::none());
        }
        return Value::none();
      });
  for (auto& f : fs) {
    // 3.11+ pass fs through unchecked: a non-future fails right here, after
    // the timer was set and earlier futures got the callback, as in CPython.
    if (!isfuture(f))
      runtime::raise(loop.builtins().AttributeError,
                     fmt::format("'{}' object has no attribute 'add_done_callback'", runtime::type_name(f)));
    f.as<Future>()->add_done_callback(on_completion);
  }
  std::optional<PyError> error;
  try {
    co_await waiter;
  } catch (PyError& e) {
    error = std::move(e);
  }
  // finally:
  if (timeout_handle) timeout_handle->cancel();
  for (auto& f : fs) f.as<Future>()->remove_done_callback(*on_completion);
  if (error) throw *error;
  auto done = runtime::make<runtime::Set>();
  auto pending = runtime::make<runtime::Set>();
  for (auto& f : fs) (f.as<Future>()->done() ? done : pending)->items.push_back(f);
  co_return Value(runtime::make<runtime::Tuple>(std::vector<Value>{Value(done), Value(pending)}));
}

// tasks.wait: the checks run at the first send, as in the `async def`.
Coro wait_body(EventLoop& loop, Value fs, std::optional<double> timeout, Value return_when) {
  const auto& b = loop.builtins();
  if (isfuture(fs) || iscoroutine(loop.profile(), fs))
    runtime::raise(b.TypeError, fmt::format("expect a list of futures, not {}", runtime::type_name(fs)));
  if (is_empty_container(fs)) runtime::raise(b.ValueError, std::string(loop.profile().wait_empty_message));
  const auto when = parse_return_when(return_when);
  if (!when) runtime::raise(b.ValueError, fmt::format("Invalid return_when value: {}", runtime::str(return_when)));
  auto items = runtime::to_vector(fs);
  // Checked before set_of, which CPython runs first, so that a call bound to
  // fail does not count as a choice point.
  if (!loop.profile().wait_accepts_coroutines && std::any_of(items.begin(), items.end(), [&](const Value& v) { return iscoroutine(loop.profile(), v); })) {
    auto error = runtime::new_exception(b.TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
    // The traceback holds wait's frame and with it `fs`: the coroutines
    // live, unawaited, as long as the exception does.
    if (fs.is_object()) error->frame_locals.emplace_back(fs.object());
    throw PyError{error};
  }
  items = set_of(loop, std::move(items), "asyncio.wait");
  if (loop.profile().wait_warns_coroutines &&
      std::any_of(items.begin(), items.end(), [&](const Value& v) { return iscoroutine(loop.profile(), v); }))
    runtime::Runtime::current().warn(
        "DeprecationWarning: The explicit passing of coroutine objects to asyncio.wait() is deprecated since "
        "Python 3.8, and scheduled for removal in Python 3.11.");
  if (loop.profile().wait_accepts_coroutines)
    for (auto& f : items) f = Value(ensure_future(loop, f));
  co_return co_await runtime::native("_wait", wait_impl(loop, std::move(items), timeout, *when));
}

// tasks.wait_for, 3.7-3.11: the awaitable becomes a future (a new Task for a
// coroutine) and the caller waits on a separate waiter future, released by
// whichever comes first: the future's done-callback or the timer.
Coro wait_for_legacy(EventLoop& loop, Value aw, std::optional<double> timeout) {
  const auto& profile = loop.profile();
  if (!timeout) co_return co_await aw;
  if (*timeout <= 0) {
    Ref<Future> fut = ensure_future(loop, aw);
    if (fut->done()) co_return fut->result();
    if (!profile.wait_for_cancel_waits) {
      fut->cancel();
      throw timeout_error(loop);
    }
    co_await cancel_and_wait(loop, fut);
    Value result;
    try {
      result = fut->result();
    } catch (PyError& e) {
      if (is_cancelled_error(loop, e)) throw timeout_error_from(loop, e.exc);
      throw;
    }
    if (!profile.wait_for_returns_result_after_cancel) throw timeout_error(loop);  // 3.8's `else:` branch
    co_return result;
  }

  Ref<Future> waiter = loop.create_future();
  Ref<TimerHandle> timeout_handle = loop.call_later(*timeout, release_waiter_function(waiter), {Value(waiter)});
  struct CancelTimer {  // `finally: timeout_handle.cancel()`
    Ref<TimerHandle> h;
    ~CancelTimer() {
      if (!runtime::detail::tearing_down) h->cancel();
    }
  } finally{timeout_handle};
  // functools.partial(_release_waiter, waiter)
  Ref<runtime::Callable> cb = release_waiter_function(waiter);
  Ref<Future> fut = ensure_future(loop, aw);
  fut->add_done_callback(cb);

  std::optional<PyError> cancelled;
  try {
    co_await waiter;
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::WaitForWaiter, profile.minor);
    if (!is_cancelled_error(loop, e)) throw;
    cancelled = std::move(e);
  }
  if (cancelled) {
    // The caller was cancelled: the inner future goes down with it.
    if (!profile.wait_for_cancel_waits) {
      fut->remove_done_callback(*cb);
      fut->cancel();
      throw *cancelled;
    }
    if (fut->done()) co_return fut->result();
    fut->remove_done_callback(*cb);
    co_await cancel_and_wait(loop, fut);
    throw *cancelled;
  }

  if (fut->done()) co_return in_library_frame(LibraryFrame::WaitForResult, profile.minor, [&] { return fut->result(); });
  // Timed out. The inner future must not outlive wait_for (bpo-32751): cancel
  // it and wait until it has finished.
  fut->remove_done_callback(*cb);
  co_await cancel_and_wait(loop, fut);
  if (!profile.wait_for_returns_result_after_cancel)
    throw raised_in(LibraryFrame::WaitForTimeout, profile.minor, timeout_error(loop));
  // A future that swallowed the cancellation gives its result (bpo-40607).
  Value result;
  try {
    result = in_library_frame(LibraryFrame::WaitForResultAfterCancel, profile.minor, [&] { return fut->result(); });
  } catch (PyError& e) {
    if (is_cancelled_error(loop, e))
      throw raised_in(LibraryFrame::WaitForTimeout, profile.minor, timeout_error_from(loop, e.exc));
    throw;
  }
  co_return result;
}

// tasks.wait_for, 3.12+: `async with timeouts.timeout(timeout): return await fut`.
// A coroutine runs in the caller's task; the timeout cancels that task.
Coro wait_for_on_timeout(EventLoop& loop, Value aw, std::optional<double> timeout) {
  // timeout <= 0 keeps the old path, so that the coroutine never starts.
  if (timeout && *timeout <= 0) {
    Ref<Future> fut = ensure_future(loop, aw);
    if (fut->done()) co_return fut->result();
    co_await cancel_and_wait(loop, fut);
    Value result;
    try {
      result = fut->result();
    } catch (PyError& e) {
      if (is_cancelled_error(loop, e)) throw timeout_error_from(loop, e.exc);
      throw;
    }
    co_return result;
  }
  Ref<Timeout> tm = asyncio::timeout(loop, timeout);
  co_await tm->aenter();
  std::optional<PyError> error;
  Value result;
  try {
    result = co_await aw;
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::WaitForAwaitFut, loop.profile().minor);
    error = std::move(e);
  }
  // A named variable, not `error ? error->exc : nullptr` inside the co_await:
  // g++ 12 destroys such a conditional's temporary twice across a suspension.
  Ref<PyException> exc;
  if (error) exc = error->exc;
  Value suppress;
  try {
    suppress = co_await tm->aexit(std::move(exc));
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::WaitForAsyncWith, loop.profile().minor);
    throw;
  }
  if (error && !(suppress.kind() == Value::Kind::Bool && suppress.as_bool())) throw *error;
  co_return result;
}

// tasks._cancel_and_wait
Coro cancel_and_wait_body(EventLoop& loop, Ref<Future> fut) {
  Ref<Future> waiter = loop.create_future();
  Ref<runtime::Callable> cb = release_waiter_function(waiter);
  fut->add_done_callback(cb);
  struct RemoveCallback {  // `finally: fut.remove_done_callback(cb)`
    Ref<Future> fut;
    Ref<runtime::Callable> cb;
    ~RemoveCallback() {
      if (!runtime::detail::tearing_down) fut->remove_done_callback(*cb);
    }
  } finally{fut, cb};
  fut->cancel();
  // Not `await fut`: a waiter of its own keeps this wait cancellable.
  co_await waiter;
  co_return Value::none();
}

// shield.<locals>._inner_done_callback
void shield_inner_done(Future& outer, Future& inner) {
  if (outer.cancelled()) {
    if (!inner.cancelled()) inner.exception();  // marks the exception retrieved
    return;
  }
  if (inner.cancelled()) {
    outer.cancel();
  } else if (auto exc = inner.exception()) {
    outer.set_exception(exc);
  } else {
    outer.set_result(inner.result());
  }
}

}  // namespace

Value return_when_value(ReturnWhen when) {
  return Value::str(std::string(return_when_name(when)));
}

// tasks.wait
Ref<runtime::Coroutine> wait(EventLoop& loop, Value fs, std::optional<double> timeout, Value return_when) {
  return runtime::native("wait", wait_body(loop, std::move(fs), timeout, std::move(return_when)));
}

Ref<runtime::Coroutine> wait(EventLoop& loop, const std::vector<Value>& fs, std::optional<double> timeout,
                             ReturnWhen return_when) {
  return wait(loop, Value(runtime::make<runtime::List>(fs)), timeout, return_when_value(return_when));
}

// tasks.wait_for
Ref<runtime::Coroutine> wait_for(EventLoop& loop, Value aw, std::optional<double> timeout) {
  if (loop.profile().wait_for_uses_timeout)
    return runtime::native("wait_for", wait_for_on_timeout(loop, std::move(aw), timeout));
  return runtime::native("wait_for", wait_for_legacy(loop, std::move(aw), timeout));
}

// tasks._release_waiter
Ref<runtime::Callable> release_waiter_function(const Ref<Future>& waiter) {
  return runtime::native_function("_release_waiter", [waiter](std::span<const Value>) {
    if (!waiter->done()) waiter->set_result(Value::none());
    return Value::none();
  });
}

// tasks._cancel_and_wait
Ref<runtime::Coroutine> cancel_and_wait(EventLoop& loop, Ref<Future> fut) {
  return runtime::native("_cancel_and_wait", cancel_and_wait_body(loop, std::move(fut)));
}

// tasks.shield
Ref<Future> shield(EventLoop& loop, const Value& aw) {
  Ref<Future> inner = ensure_future(loop, aw);
  if (inner->done()) return inner;
  Ref<Future> outer = inner->get_loop()->create_future();
  // The closures reference each other as CPython's do, through the futures'
  // callback lists; the cycle ends when either future is done.
  Ref<runtime::Callable> inner_done_callback =
      runtime::native_function("shield.<locals>._inner_done_callback", [outer](std::span<const Value> a) {
        shield_inner_done(*outer, callback_future(a[0]));
        return Value::none();
      });
  auto outer_done_callback = runtime::native_function(
      "shield.<locals>._outer_done_callback", [inner, inner_done_callback](std::span<const Value>) {
        if (!inner->done()) inner->remove_done_callback(*inner_done_callback);
        return Value::none();
      });
  inner->add_done_callback(inner_done_callback);
  outer->add_done_callback(outer_done_callback);
  return outer;
}

}  // namespace asim::asyncio
