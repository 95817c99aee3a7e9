#include "model/asyncio/base_events.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "model/asyncio/heapq.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/interrupt.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/trace/snapshot.hpp"

namespace asim::asyncio {

ModelStop::ModelStop(const std::string& what) : std::runtime_error(what) {
  runtime::detail::tearing_down = true;
}

using runtime::Ref;
using runtime::Value;

namespace {

// base_events._MIN_SCHEDULED_TIMER_HANDLES and friends.
constexpr std::size_t kMinScheduledTimerHandles = 100;
constexpr double kMinCancelledTimerHandlesFraction = 0.5;
constexpr double kMaximumSelectTimeout = 24 * 3600;
// constants.DEBUG_STACK_DEPTH.
constexpr int kDebugStackDepth = 10;
// time.get_clock_info('monotonic').resolution on Linux.
constexpr double kClockResolution = 1e-09;

// TimerHandle.__lt__: deadlines only; ties are settled by the heap's shape.
struct WhenLess {
  template <class S>
  bool operator()(const S& a, const S& b) const {
    return a.when < b.when;
  }
};

// A pending task in a snapshot: waiting on its future, or with its step
// queued; and the FILE:LINE its coroutine is suspended at, as its repr says.
trace::TaskEntry task_entry(const Task& task) {
  trace::TaskEntry entry{task.get_name(), task.fut_waiter() ? "waiting" : "scheduled", task.repr(), "", 0};
  const std::string where = task.get_coro()->source_location();
  if (const auto colon = where.rfind(':'); colon != std::string::npos) {
    entry.file = where.substr(0, colon);
    entry.line = static_cast<std::uint32_t>(std::strtoul(where.c_str() + colon + 1, nullptr, 10));
  }
  return entry;
}

}  // namespace

EventLoop::EventLoop(const VersionProfile& profile, trace::Sink* sink, explore::Chooser* chooser, Limits limits,
                     std::shared_ptr<ProcessState> process)
    : profile_(profile),
      builtins_(runtime::Runtime::current().builtins),
      process_(process ? std::move(process) : std::make_shared<ProcessState>(profile, builtins_)),
      sink_(sink),
      chooser_(chooser ? chooser : &default_chooser_),
      limits_(limits) {}

EventLoop::~EventLoop() {
  // What the queues free now goes while every member is still intact, and
  // reports nothing: the loop is gone for the program.
  dying_ = true;
  ready_.clear();
  scheduled_.clear();
  // Tasks outlive the loop only in the heap's teardown; they must not reach back.
  for (Task* t = tasks_head_; t; t = t->next_task_) t->registered_ = false;
  for (auto* agen : asyncgens_) agen->drop_hooks();
}

// BaseEventLoop.call_soon
Ref<Handle> EventLoop::call_soon(Ref<runtime::Callable> callback, HandleArgs args, Ref<runtime::Context> context) {
  check_closed_holding({args});
  auto handle = runtime::make<Handle>(std::move(callback), std::move(args), this, std::move(context));
  if (tracing()) emit(trace::Kind::HandleScheduled, handle->callback_text());
  ready_.push_back(handle);
  return handle;
}

// BaseEventLoop.call_later: call_at(self.time() + delay), in double, as CPython.
Ref<TimerHandle> EventLoop::call_later(double delay, Ref<runtime::Callable> callback, HandleArgs args,
                                       Ref<runtime::Context> context) {
  return call_at(time() + delay, std::move(callback), std::move(args), std::move(context));
}

// BaseEventLoop.call_at
Ref<TimerHandle> EventLoop::call_at(double when, Ref<runtime::Callable> callback, HandleArgs args,
                                    Ref<runtime::Context> context) {
  if (script_) script_timers_.push_back(when);
  check_closed_holding({args});
  auto timer = runtime::make<TimerHandle>(when, std::move(callback), std::move(args), this, std::move(context));
  if (tracing()) emit(trace::Kind::TimerScheduled, timer->callback_text(), "when=" + runtime::float_repr(when));
  heapq::heappush(scheduled_, Scheduled{when, timer}, WhenLess{});
  timer->scheduled = true;
  return timer;
}

// BaseEventLoop.create_future
Ref<Future> EventLoop::create_future() {
  if (future_factory_) return future_factory_();
  return new_future();
}

Ref<Future> EventLoop::new_future() {
  auto fut = runtime::make<Future>(this);
  if (tracing()) emit(trace::Kind::FutureCreated, fut->repr());
  return fut;
}

// BaseEventLoop.create_task; with eager_task_factory (3.12+) the task's first
// step runs right here when the loop is running.
Ref<Task> EventLoop::create_task(Ref<runtime::Coroutine> coro, std::optional<std::string> name,
                                 Ref<runtime::Context> context) {
  const Value held = Value(coro);
  check_closed_holding({{&held, 1}});
  if (task_factory_) return task_factory_(std::move(coro), std::move(name), std::move(context));
  return new_task(std::move(coro), std::move(name), std::move(context), eager_tasks_);
}

// tasks.Task.__init__ for this loop.
Ref<Task> EventLoop::new_task(Ref<runtime::Coroutine> coro, std::optional<std::string> name,
                              Ref<runtime::Context> context, bool eager_start) {
  check_closed();
  if (++tasks_created_ > limits_.max_tasks)
    throw LimitExceeded(fmt::format("asim: stopped after creating {} tasks (the task limit; raise it with "
                                    "--max-tasks)", limits_.max_tasks));
  const bool eager = eager_start && running_;
  auto task = runtime::make<Task>(std::move(coro), this, std::move(name), eager, std::move(context));
  if (eager) task->eager_start();  // Task.__init__'s self.__eager_start()
  return task;
}

void EventLoop::set_eager_task_factory(bool eager) {
  eager_tasks_ = eager;
}

void EventLoop::check_closed() const {
  if (closed_) runtime::raise(builtins_.RuntimeError, "Event loop is closed");
}

// _check_closed() called first thing by a method of the loop: its error's
// traceback holds the method's frame and with it the arguments `held` (a
// coroutine among them stays unawaited until the exception is freed).
void EventLoop::check_closed_holding(std::initializer_list<std::span<const Value>> held) const {
  try {
    check_closed();
  } catch (runtime::PyError& e) {
    for (auto values : held)
      for (const Value& v : values)
        if (v.is_object()) e.exc->frame_locals.emplace_back(v.object());
    throw;
  }
}

void EventLoop::check_running() const {
  if (running_) runtime::raise(builtins_.RuntimeError, "This event loop is already running");
  if (process_->running_loop)
    runtime::raise(builtins_.RuntimeError, "Cannot run the event loop while another loop is running");
}

// BaseEventLoop.run_forever
void EventLoop::run_forever() {
  check_closed();
  check_running();
  running_ = true;
  process_->running_loop = this;
  auto& rt = runtime::Runtime::current();
  auto& hooks = rt.asyncgen_hooks;
  struct Stop {
    EventLoop* loop;
    runtime::AsyncGenHooks& hooks;
    runtime::AsyncGenHooks old_hooks;
    int& origin_depth;
    int old_origin_depth;
    ~Stop() {
      loop->stopping_ = false;
      loop->running_ = false;
      loop->process_->running_loop = nullptr;
      hooks = std::move(old_hooks);
      origin_depth = old_origin_depth;
    }
  } stop{this, hooks, std::exchange(hooks, asyncgen_hooks()), rt.coroutine_origin_tracking_depth,
         rt.coroutine_origin_tracking_depth};
  // _set_coroutine_origin_tracking(self._debug)
  if (debug_) rt.coroutine_origin_tracking_depth = kDebugStackDepth;
  runtime::Runtime::FramesBelowScope frames(profile().frames_below.run_forever);
  for (;;) {
    // The eval breaker of run_forever's `while True:` (Python code in
    // CPython): Ctrl-C reaches a loop that runs no interpreted code.
    if (runtime::interrupt_pending()) runtime::handle_interrupt();
    run_once();
    if (stopping_) break;
  }
}

// BaseEventLoop.run_until_complete
Value EventLoop::run_until_complete(Value future) {
  runtime::Runtime::FramesBelowScope frames(profile().frames_below.run_until_complete);
  try {
    check_closed();
    check_running();
  } catch (runtime::PyError& e) {
    // The traceback holds run_until_complete's frame and with it `future`:
    // a coroutine given to a closed or running loop lives, unawaited, as
    // long as the exception does.
    if (future.is_object()) e.exc->frame_locals.emplace_back(future.object());
    throw;
  }
  // tasks.ensure_future(future, loop=self): a future of another loop (the
  // default one get_event_loop() made) is refused.
  if (auto* given = future.as<Future>(); given && given->get_loop() != this) {
    auto error = runtime::new_exception(builtins_.ValueError, std::string(profile().future_loop_mismatch));
    error->frame_locals.emplace_back(future.object());
    throw runtime::PyError{error};
  }
  Ref<Future> fut = ensure_future(*this, future);
  const bool new_task = fut.get() != future.object();
  // A task made here for a coroutine raises if it did not complete: no
  // "destroy pending task" report.
  if (new_task)
    if (auto* task = runtime::downcast<Task>(fut.get())) task->log_destroy_pending = false;
  auto done_cb = runtime::native_function("_run_until_complete_cb", [](std::span<const Value> args) {
    auto* f = &callback_future(args[0]);
    if (!f->cancelled()) {
      const auto exc = f->exception();
      const auto& b = f->get_loop()->builtins();
      if (exc && (exc->isinstance(b.SystemExit.get()) || exc->isinstance(b.KeyboardInterrupt.get())))
        return Value::none();
    }
    f->get_loop()->stop();
    return Value::none();
  });
  fut->add_done_callback(done_cb);
  struct Remove {
    Ref<Future> fut;
    const runtime::Callable& cb;
    ~Remove() {
      if (!runtime::detail::tearing_down) fut->remove_done_callback(cb);
    }
  } remove{fut, *done_cb};
  try {
    run_forever();
  } catch (runtime::PyError&) {
    // The coroutine raised a BaseException: it is consumed here, since the
    // caller cannot reach the task made for it to retrieve it.
    if (new_task && fut->done() && !fut->cancelled()) fut->exception();
    throw;
  }
  if (!fut->done()) runtime::raise(builtins_.RuntimeError, "Event loop stopped before Future completed.");
  return in_library_frame(LibraryFrame::RunUntilCompleteResult, profile().minor, [&] { return fut->result(); });
}

void EventLoop::block_until(double when) {
  if (when <= now_) return;
  const double seconds = when - now_;
  now_ = when;
  if (tracing())
    emit(trace::Kind::Note, "blocked",
         fmt::format("the loop's thread waited {} s for the program's other threads; the clock is now {}",
                     runtime::float_repr(seconds), runtime::float_repr(now_)));
}

void EventLoop::block_for(double seconds) {
  now_ += seconds;
  if (tracing())
    emit(trace::Kind::Note, "time.sleep",
         fmt::format("blocked the loop for {} s: nothing else ran; the clock is now {}", runtime::float_repr(seconds),
                     runtime::float_repr(now_)));
}

runtime::AsyncGenHooks EventLoop::asyncgen_hooks() {
  runtime::AsyncGenHooks hooks;
  // _asyncgen_firstiter_hook
  hooks.firstiter = [this](runtime::AsyncGenerator& agen) {
    if (asyncgens_shutdown_called_)
      runtime::Runtime::current().warn(fmt::format(
          "ResourceWarning: asynchronous generator {} was scheduled after loop.shutdown_asyncgens() call",
          agen.object().repr()));
    asyncgens_.push_back(&agen);
  };
  auto discard = [this](runtime::AsyncGenerator& agen) { std::erase(asyncgens_, &agen); };
  hooks.forget = discard;
  // _asyncgen_finalizer_hook: call_soon_threadsafe(self.create_task, agen.aclose())
  hooks.finalizer = [this, discard](runtime::AsyncGenerator& freed, runtime::AsyncGenerator& replacement) {
    discard(freed);
    if (closed_) return;
    if (!create_task_function_)
      create_task_function_ = runtime::native_function("BaseEventLoop.create_task", [this](std::span<const Value> args) {
        return Value(create_task(Ref<runtime::Coroutine>(args[0].as<runtime::Coroutine>())));
      });
    if (tracing()) emit(trace::Kind::Note, "async generator", replacement.object().repr() + " freed unfinished: aclose() scheduled");
    call_soon(create_task_function_, {Value(replacement.aclose())});
  };
  return hooks;
}

runtime::Coro EventLoop::shutdown_asyncgens_body() {
  asyncgens_shutdown_called_ = true;
  if (asyncgens_.empty()) co_return Value::none();
  // closing_agens = list(self._asyncgens): a WeakSet, in address order.
  const auto order = chooser().permutation(asyncgens_.size(), "shutdown_asyncgens: set order");
  std::vector<Value> closing;
  for (auto i : order) closing.emplace_back(Ref<runtime::Object>(&asyncgens_[i]->object()));
  asyncgens_.clear();
  std::vector<Value> closers;
  for (const auto& agen : closing) closers.emplace_back(runtime::downcast<runtime::AsyncGenerator>(agen.object())->aclose());
  Value results = co_await gather(*this, closers, true);
  const auto& items = runtime::to_vector(results);
  for (std::size_t i = 0; i < items.size(); ++i) {
    auto* exc = items[i].as<runtime::PyException>();
    if (exc && exc->isinstance(builtins_.Exception.get()))
      call_exception_handler("an error occurred during closing of asynchronous generator " + runtime::to_repr(closing[i]),
                             Ref<runtime::PyException>(exc), "asyncgen", closing[i]);
  }
  co_return Value::none();
}

Ref<runtime::Coroutine> EventLoop::shutdown_asyncgens() {
  return runtime::native("BaseEventLoop.shutdown_asyncgens", shutdown_asyncgens_body());
}

// BaseEventLoop.close
void EventLoop::close() {
  if (running_) runtime::raise(builtins_.RuntimeError, "Cannot close a running event loop");
  if (!closed_) {
    closed_ = true;
    ready_.clear();
    scheduled_.clear();
    if (executor_hooks.close) executor_hooks.close();
  }
  if (script_) script_->closed(*this);
}

// BaseEventLoop._run_once
void EventLoop::run_once() {
  ++tick_;
  const std::size_t sched_count = scheduled_.size();
  if (sched_count > kMinScheduledTimerHandles &&
      static_cast<double>(timer_cancelled_count_) / static_cast<double>(sched_count) >
          kMinCancelledTimerHandlesFraction) {
    std::vector<Scheduled> new_scheduled;
    for (auto& entry : scheduled_) {
      if (entry.handle->cancelled()) entry.handle->scheduled = false;
      else new_scheduled.push_back(std::move(entry));
    }
    heapq::heapify(new_scheduled, WhenLess{});
    scheduled_ = std::move(new_scheduled);
    timer_cancelled_count_ = 0;
  } else {
    while (!scheduled_.empty() && scheduled_.front().handle->cancelled()) {
      --timer_cancelled_count_;
      heapq::heappop(scheduled_, WhenLess{}).handle->scheduled = false;
    }
  }

  // The virtual select: with nothing ready, the clock jumps to the earliest
  // deadline (at most MAXIMUM_SELECT_TIMEOUT ahead) instead of sleeping.
  if (ready_.empty() && !stopping_ && script_) {
    // The scripted selector returns at once and the clock stands still:
    // CPython's loop would spin here forever.
    if (scheduled_.empty()) report_deadlock();
    if (!(scheduled_.front().when < now_ + kClockResolution))
      throw Deadlock(fmt::format("asim: the scripted clock stands at {} and nothing is ready before the timer at {}: "
                                 "CPython's loop would spin forever.",
                                 runtime::float_repr(now_), runtime::float_repr(scheduled_.front().when)));
  } else if (ready_.empty() && !stopping_) {
    // The program's other threads run while this one waits in select: one
    // of them may wake it (call_soon_threadsafe) before the first timer.
    if (process_->threads && process_->threads->any()) {
      std::optional<double> deadline;
      if (!scheduled_.empty()) deadline = clock_base_ + std::min(scheduled_.front().when, now_ + kMaximumSelectTimeout);
      if (!process_->threads->wait_in_select(deadline) && scheduled_.empty()) report_deadlock();
    }
  }
  if (ready_.empty() && !stopping_ && !script_) {
    if (scheduled_.empty()) report_deadlock();
    const double when = scheduled_.front().when;
    const double timeout = std::min(std::max(0.0, when - now_), kMaximumSelectTimeout);
    const double before = now_;
    if (timeout > 0) now_ = timeout < kMaximumSelectTimeout ? when : now_ + timeout;
    // Past about 1e7 s, now + clock_resolution rounds back to now, and a timer
    // due exactly now is not yet "due" below. CPython waits for its real clock
    // to tick; the virtual one moves by the smallest steps until it is due.
    // A NaN deadline is never "not due" below (CPython runs it at once).
    if (timeout < kMaximumSelectTimeout && !std::isnan(when))
      while (!(when < now_ + kClockResolution)) now_ = std::nextafter(now_, kMaximumSelectTimeout * 1e300);
    if (now_ != before) {
      if (now_ > limits_.max_time)
        throw LimitExceeded(fmt::format("asim: stopped at virtual time {} (the time limit; raise it with "
                                        "--max-time)", runtime::float_repr(now_)));
      if (tracing()) emit(trace::Kind::ClockAdvanced, runtime::float_repr(now_));
    }
  }

  const double end_time = time() + kClockResolution;
  std::size_t fired = 0;
  while (!scheduled_.empty()) {
    if (scheduled_.front().when >= end_time) break;
    auto handle = heapq::heappop(scheduled_, WhenLess{}).handle;
    handle->scheduled = false;
    if (tracing()) emit(trace::Kind::TimerFired, handle->callback_text(), "when=" + runtime::float_repr(handle->when()));
    if (limits_.faults.timers_before_ready) ready_.insert(ready_.begin() + static_cast<std::ptrdiff_t>(fired++), std::move(handle));
    else ready_.push_back(std::move(handle));
  }

  // The loop as this iteration's callbacks find it, for a sink that keeps
  // snapshots: the timers in the order they will fire (the heap popped).
  if (auto* keeper = sink_ ? dynamic_cast<trace::SnapshotSink*>(sink_) : nullptr) {
    trace::Snapshot s{tick_, now_, process_->program_runs + (process_->program_run_depth > 0 ? 0 : 1), {}, {}, {}, {}};
    for (const auto& handle : ready_) s.ready.push_back(handle->repr());
    for (auto heap = scheduled_; !heap.empty();) {
      const auto entry = heapq::heappop(heap, WhenLess{});
      s.timers.push_back({entry.when, entry.handle->repr(), entry.handle->cancelled()});
    }
    for (const auto& task : all_tasks()) s.tasks.push_back(task_entry(*task));
    keeper->snapshot(std::move(s));
  }

  const std::size_t ntodo = ready_.size();
  for (std::size_t i = 0; i < ntodo; ++i) {
    Ref<Handle> handle = std::move(ready_.front());
    ready_.pop_front();
    if (handle->cancelled()) continue;
    check_step_limit();
    if (tracing()) emit(trace::Kind::HandleRun, handle->callback_text());
    const double t0 = now_;
    handle->run();
    // debug mode's "Executing <handle> took N seconds" (the clock moves
    // inside a callback only when it blocks: time.sleep).
    if (debug_ && now_ - t0 >= slow_callback_duration)
      throw ModelStop(fmt::format(
          "{}: not supported by asim: asyncio's debug mode reporting a callback that blocked the loop for {:.3f} "
          "seconds (the report names where CPython's own files created the task)",
          runtime::Runtime::current().current_location ? runtime::Runtime::current().current_location() : "asim",
          now_ - t0));
  }
  if (script_) {
    const std::vector<double> whens = script_timers_;
    script_->timers_set(*this, whens);
    script_timers_.clear();
  }
}

void EventLoop::check_step_limit() {
  if (++steps_ > limits_.max_steps)
    throw LimitExceeded(fmt::format("asim: stopped after {} callbacks at virtual time {} (the step limit; "
                                    "the program may loop forever; raise it with --max-steps)",
                                    limits_.max_steps, runtime::float_repr(now_)));
}

void EventLoop::report_deadlock() const {
  std::string report = fmt::format(
      "asim: deadlock at virtual time {} (tick {}): nothing is ready and no timer is set, "
      "so CPython would wait forever.",
      runtime::float_repr(now_), tick_);
  const auto waiting = all_tasks();
  if (waiting.empty()) report += "\nNo task is pending: the loop waits on a future that nothing will complete.";
  for (const auto& t : waiting)
    report += fmt::format("\n  {} ({}()) waits on {}", t->get_name(), t->get_coro()->qualname,
                          t->fut_waiter() ? t->fut_waiter()->repr() : "nothing (it is ready to run)");
  if (sink_) sink_->emit({now_, tick_, trace::Kind::Deadlock, "", "", report});
  throw Deadlock(report);
}

// BaseEventLoop._timer_handle_cancelled
void EventLoop::timer_handle_cancelled(const TimerHandle& handle) {
  if (handle.scheduled) ++timer_cancelled_count_;
  if (tracing()) emit(trace::Kind::TimerCancelled, handle.callback_text(), "when=" + runtime::float_repr(handle.when()));
}

// Reprs are also made in finalizers (an exception never retrieved), where
// the run cannot stop: it ends once the program has finished.
void EventLoop::refuse_debug_repr(std::string_view what) const {
  if (!debug_ || tracing()) return;
  auto& rt = runtime::Runtime::current();
  rt.unmodelled_at_exit(fmt::format(
      "{}: not supported by asim: the repr of {} in asyncio's debug mode (it names where the object was created, "
      "'created at FILE:LINE', which asim does not record)",
      rt.current_location ? rt.current_location() : "asim", what));
}

void EventLoop::default_exception_handler(const runtime::Dict& context) {
  // In debug mode the report adds where the object was created
  // (source_traceback), in CPython's own files. It may come from a
  // finalizer, where the run cannot stop.
  if (debug_) {
    auto& rt = runtime::Runtime::current();
    auto message = context.get(Value::str("message"));
    rt.unmodelled_at_exit(fmt::format(
        "{}: not supported by asim: asyncio's debug mode reporting \"{}\" (the report names where CPython's own "
        "files created the object; asim printed it without)",
        rt.current_location ? rt.current_location() : "asim", message ? runtime::str(*message) : "an error"));
  }
  auto message = context.get(Value::str("message"));
  std::string text = message && runtime::truthy(*message) ? runtime::str(*message) : "Unhandled exception in event loop";
  std::vector<std::string> keys;
  for (const auto& e : context.entries())
    if (e.live) keys.push_back(runtime::str(e.key));
  std::sort(keys.begin(), keys.end());
  for (const auto& key : keys)
    if (key != "message" && key != "exception") text += "\n" + key + ": " + runtime::to_repr(*context.get(Value::str(key)));
  const std::string message_lines = text;
  // logging's exc_info: the exception's traceback.
  auto exception = context.get(Value::str("exception"));
  auto* exc = exception ? exception->as<runtime::PyException>() : nullptr;
  if (exc) {
    const auto& format = runtime::Runtime::current().format_exception;
    std::string tb = format ? format(*exc)
                            : exc->type->qualified_name() + (exc->args.empty() ? "" : ": " + exc->message());
    while (!tb.empty() && tb.back() == '\n') tb.pop_back();
    text += "\n" + tb;
  }
  logged_errors_.push_back(text);
  if (error_log_) error_log_(text + "\n", message_lines, Ref<runtime::PyException>(exc));
  if (tracing()) emit(trace::Kind::Note, "exception handler", text);
}

void EventLoop::call_exception_handler(const std::string& message, const Ref<runtime::PyException>& exc,
                                       const std::string& key, Value object) {
  auto context = runtime::make<runtime::Dict>();
  context->set(Value::str("message"), Value::str(message));
  if (exc) context->set(Value::str("exception"), Value(exc));
  context->set(Value::str(key), std::move(object));
  call_exception_handler(context);
}

void EventLoop::call_exception_handler(const Ref<runtime::Dict>& context) {
  if (dying_) return;
  // SystemExit and KeyboardInterrupt always go through; 3.7 lets any
  // BaseException that is not an Exception through too.
  auto passes = [this](const runtime::PyException& e) {
    if (e.isinstance(builtins_.SystemExit.get()) || e.isinstance(builtins_.KeyboardInterrupt.get())) return true;
    return !profile_.exception_handler_catches_base_exceptions && !e.isinstance(builtins_.Exception.get());
  };
  if (!exception_handler_) {
    try {
      default_exception_handler(*context);
    } catch (runtime::PyError& e) {
      if (passes(*e.exc)) throw;
      auto failure = runtime::make<runtime::Dict>();
      failure->set(Value::str("message"), Value::str("Exception in default exception handler"));
      failure->set(Value::str("exception"), Value(e.exc));
      default_exception_handler(*failure);
    }
    return;
  }
  try {
    // 3.12+: in the context of the task, future or handle concerned, when it
    // has one (get_context).
    Ref<runtime::Context> ctx;
    if (profile_.task_get_context) {
      for (const char* key : {"task", "future", "handle"}) {
        auto thing = context->get(Value::str(key));
        if (!thing) continue;
        if (auto* task = thing->as<Task>()) ctx = task->get_context();
        else if (auto* handle = thing->as<Handle>()) ctx = handle->get_context();
        break;
      }
    }
    if (ctx) {
      runtime::Context::Scope scope(*ctx);
      exception_handler_(Value(context));
    } else {
      exception_handler_(Value(context));
    }
  } catch (runtime::PyError& e) {
    if (passes(*e.exc)) throw;
    // The program's handler failed: the default one reports that, with the
    // context it was given.
    auto failure = runtime::make<runtime::Dict>();
    failure->set(Value::str("message"), Value::str("Unhandled error in exception handler"));
    failure->set(Value::str("exception"), Value(e.exc));
    failure->set(Value::str("context"), Value(context));
    default_exception_handler(*failure);
  }
}

// tasks._enter_task
void EventLoop::enter_task(Task* task) {
  if (current_task_)
    runtime::raise(builtins_.RuntimeError,
                   fmt::format("Cannot enter into task {} while another task {} is being executed.", task->repr(),
                               current_task_->repr()));
  current_task_ = task;
}

// tasks._leave_task
void EventLoop::leave_task(Task* task) {
  if (current_task_ != task)
    runtime::raise(builtins_.RuntimeError, fmt::format("Leaving task {} does not match the current task.",
                                                       task->repr()));
  current_task_ = nullptr;
}

void EventLoop::register_task(Task* task) {
  task->registered_ = true;
  task->prev_task_ = tasks_tail_;
  task->next_task_ = nullptr;
  if (tasks_tail_) tasks_tail_->next_task_ = task;
  else tasks_head_ = task;
  tasks_tail_ = task;
}

void EventLoop::unregister_task(Task* task) {
  task->registered_ = false;
  if (task->prev_task_) task->prev_task_->next_task_ = task->next_task_;
  else tasks_head_ = task->next_task_;
  if (task->next_task_) task->next_task_->prev_task_ = task->prev_task_;
  else tasks_tail_ = task->prev_task_;
  task->prev_task_ = task->next_task_ = nullptr;
}

std::vector<Ref<Task>> EventLoop::all_tasks() const {
  std::vector<Ref<Task>> out;
  for (Task* t = tasks_head_; t; t = t->next_task_)
    if (!t->done()) out.emplace_back(t);
  return out;
}

const Ref<runtime::Callable>& EventLoop::set_result_unless_cancelled_function() {
  if (!set_result_unless_cancelled_)
    set_result_unless_cancelled_ =
        runtime::native_function("_set_result_unless_cancelled", [](std::span<const Value> args) {
          set_result_unless_cancelled(callback_future(args[0]), args[1]);
          return Value::none();
        });
  return set_result_unless_cancelled_;
}

void EventLoop::emit(trace::Kind kind, std::string subject, std::string detail) {
  if (!sink_) return;
  // Before its run starts (asyncio.run creating main's task), an event
  // belongs to the run about to start.
  const std::uint32_t run = process_->program_runs + (process_->program_run_depth > 0 ? 0 : 1);
  sink_->emit({now_, tick_, kind, current_task_ ? current_task_->get_name() : std::string(), std::move(subject),
               std::move(detail), run, false});
}

}  // namespace asim::asyncio
