// asyncio/base_events.py: BaseEventLoop on a virtual clock. The clock starts at
// 0.0 and only moves in the virtual select, which jumps straight to the next
// deadline instead of sleeping; everything else is CPython's _run_once.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/asyncio/events.hpp"
#include "model/asyncio/exceptions.hpp"
#include "model/asyncio/version_profile.hpp"
#include "model/explore/chooser.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/native_coroutine.hpp"
#include "model/runtime/runtime.hpp"
#include "model/trace/event.hpp"

namespace asim::asyncio {

class Future;
class Task;

// Deliberate faults, for tests that prove the conformance suite can fail
// (tests/unit/test_conform.cpp). Nothing else sets them; both off is CPython.
struct Faults {
  bool callbacks_inline = false;     // Future::schedule_callbacks calls each done-callback at once, not call_soon
  bool timers_before_ready = false;  // _run_once runs due timers before the handles already in _ready
};

// Bounds that stop a runaway program with a message instead of a hang.
struct Limits {
  std::uint64_t max_steps = 50'000'000;  // handles run
  std::uint64_t max_tasks = 1'000'000;   // tasks created
  double max_time = 1e9;                 // virtual seconds
  Faults faults = {};                    // tests only: see Faults
};

// The model stopped a run that CPython would not have finished (a deadlock)
// or that went past a limit. Not a Python exception: nothing can catch it.
// Made, it ends reference counting for the rest of the run (as the heap's
// teardown does): the frames it unwinds free nothing, so no finalizer prints
// a pending task or an unawaited coroutine after asim's own message.
class ModelStop : public std::runtime_error {
 public:
  explicit ModelStop(const std::string& what);
};
class Deadlock : public ModelStop {
 public:
  using ModelStop::ModelStop;
};
class LimitExceeded : public ModelStop {
 public:
  using ModelStop::ModelStop;
};

// A clock the program moves itself, as CPython's own tests script theirs
// (test_asyncio/utils.py's TestLoop overrides BaseEventLoop's time(),
// call_at() and _run_once()): it stands still but for advance_time(), the
// selector never waits, and each deadline given to call_at() reaches the
// script after the iteration that set it.
class ClockScript {
 public:
  virtual ~ClockScript() = default;
  // TestLoop._run_once after BaseEventLoop._run_once: the deadlines set
  // since the last one (TestLoop._timers), in order; the script moves the
  // clock with loop.advance_time().
  virtual void timers_set(EventLoop& loop, const std::vector<double>& whens) = 0;
  // TestLoop.close after BaseEventLoop.close.
  virtual void closed(EventLoop& loop) = 0;
};

class EventLoop {
 public:
  // `process`: the state shared with the program's other loops; nullptr
  // gives the loop a process of its own.
  EventLoop(const VersionProfile& profile, trace::Sink* sink = nullptr,
            explore::Chooser* chooser = nullptr, Limits limits = {},
            std::shared_ptr<ProcessState> process = nullptr);
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;
  ~EventLoop();

  const VersionProfile& profile() const { return profile_; }
  const runtime::BuiltinExceptions& builtins() const { return builtins_; }
  const AsyncioExceptions& exceptions() const { return process_->exceptions; }
  explore::Chooser& chooser() { return *chooser_; }
  const Faults& faults() const { return limits_.faults; }

  // BaseEventLoop.time: the virtual clock.
  double time() const { return now_; }
  // time.sleep() while this loop's clock is the program's: nothing runs,
  // and the clock moves on by `seconds`.
  void block_for(double seconds);
  // The loop's thread waited while other threads ran: the clock is now
  // `when` (never back).
  void block_until(double when);
  // Where this loop's clock starts on the process's clock (the time
  // module's), which never goes back when a later loop starts at 0.0.
  double clock_base() const { return clock_base_; }
  void set_clock_base(double base) { clock_base_ = base; }
  // A clock the program scripts from now on (see ClockScript).
  void set_clock_script(std::unique_ptr<ClockScript> script) { script_ = std::move(script); }
  // TestLoop.advance_time: the scripted clock moves on by `seconds`.
  void advance_time(double seconds) { now_ += seconds; }
  // How many _run_once iterations have started; the first is tick 1.
  std::uint64_t tick() const { return tick_; }

  // `context`: what the callback runs in; nullptr, a copy of the current one.
  runtime::Ref<Handle> call_soon(runtime::Ref<runtime::Callable> callback, HandleArgs args = {},
                                 runtime::Ref<runtime::Context> context = nullptr);
  runtime::Ref<TimerHandle> call_later(double delay, runtime::Ref<runtime::Callable> callback,
                                       HandleArgs args = {}, runtime::Ref<runtime::Context> context = nullptr);
  runtime::Ref<TimerHandle> call_at(double when, runtime::Ref<runtime::Callable> callback,
                                    HandleArgs args = {}, runtime::Ref<runtime::Context> context = nullptr);
  // BaseEventLoop.create_future, or the program's replacement of it
  // (`loop.create_future = f`), which asyncio's own code calls too.
  runtime::Ref<Future> create_future();
  // futures.Future(loop=self): the future itself, past any replacement.
  runtime::Ref<Future> new_future();
  using FutureFactory = std::function<runtime::Ref<Future>()>;
  void set_create_future(FutureFactory factory) { future_factory_ = std::move(factory); }
  // BaseEventLoop.create_task, through the task factory when one is set.
  runtime::Ref<Task> create_task(runtime::Ref<runtime::Coroutine> coro, std::optional<std::string> name = {},
                                 runtime::Ref<runtime::Context> context = nullptr);
  // tasks.Task(coro, loop=self): the task itself, past any factory; with
  // eager_start (3.12+) its first step runs at once if the loop is running.
  runtime::Ref<Task> new_task(runtime::Ref<runtime::Coroutine> coro, std::optional<std::string> name = {},
                              runtime::Ref<runtime::Context> context = nullptr, bool eager_start = false);
  // loop.set_task_factory(asyncio.eager_task_factory) (3.12+), or back to None.
  void set_eager_task_factory(bool eager);
  // loop.set_task_factory(f) for a factory of the program's: create_task
  // returns what it makes (nullptr: none).
  using TaskFactory = std::function<runtime::Ref<Task>(runtime::Ref<runtime::Coroutine>, std::optional<std::string>,
                                                       runtime::Ref<runtime::Context>)>;
  void set_task_factory(TaskFactory factory) { task_factory_ = std::move(factory); }

  void run_forever();
  // BaseEventLoop.run_until_complete: wraps a coroutine in a task first.
  runtime::Value run_until_complete(runtime::Value future);
  void stop() { stopping_ = true; }
  bool is_running() const { return running_; }
  // BaseEventLoop.get_debug / set_debug. Debug mode's own reports (slow
  // callbacks; where each future, handle and coroutine was made) name lines
  // in CPython's files: where one would be printed, the run stops.
  bool get_debug() const { return debug_; }
  void set_debug(bool enabled) { debug_ = enabled; }
  // The repr of a handle or future (`what`) made in debug mode ends in
  // "created at FILE:LINE", the last frame of its _source_traceback: the
  // run ends unmodelled, as asim keeps no such stack.
  void refuse_debug_repr(std::string_view what) const;
  // BaseEventLoop.slow_callback_duration: how long a callback may block
  // the loop before debug mode reports it.
  double slow_callback_duration = 0.1;
  // BaseEventLoop.shutdown_asyncgens: aclose() every async generator first
  // iterated in this loop and still alive, together (gather).
  runtime::Ref<runtime::Coroutine> shutdown_asyncgens();
  // BaseEventLoop.close: what is queued is dropped, and the loop refuses to
  // schedule or run anything after.
  void close();
  bool is_closed() const { return closed_; }
  // The default executor (BaseEventLoop._default_executor) lives in the
  // program's Python with its threads (model/modules' loop methods set
  // these once it may exist): shutdown_default_executor's coroutine as
  // asyncio.run awaits it, and close()'s shutdown of the executor.
  struct ExecutorHooks {
    std::function<runtime::Value()> shutdown_for_run;
    std::function<void()> close;
  };
  ExecutorHooks executor_hooks;
  // events._get_running_loop: whichever loop of the process is running.
  EventLoop* running_loop() const { return process_->running_loop; }
  const std::shared_ptr<ProcessState>& process() const { return process_; }

  // BaseEventLoop._run_once: one tick.
  void run_once();
  // BaseEventLoop._timer_handle_cancelled
  void timer_handle_cancelled(const TimerHandle& handle);
  // BaseEventLoop.call_exception_handler: the program's handler (set with
  // set_exception_handler) gets `context`, else default_exception_handler.
  void call_exception_handler(const runtime::Ref<runtime::Dict>& context);
  // The usual context: {'message': message, 'exception': exc (when there is
  // one), key: object}.
  void call_exception_handler(const std::string& message, const runtime::Ref<runtime::PyException>& exc,
                              const std::string& key, runtime::Value object);
  // BaseEventLoop.default_exception_handler: the message, every other key
  // but 'exception' in sorted order with its repr, then the exception's
  // traceback, logged to stderr; kept here in order.
  void default_exception_handler(const runtime::Dict& context);
  // What set_exception_handler installs: calls the program's handler as
  // handler(loop, context). Empty: the default handler.
  void set_exception_handler(std::function<void(const runtime::Value& context)> handler) {
    exception_handler_ = std::move(handler);
  }
  const std::vector<std::string>& logged_errors() const { return logged_errors_; }
  // Where the handler's report goes as it is logged: the whole text (the
  // program's stderr), and apart from it the message lines and the
  // exception, as logger.error(message, exc_info=...) gets them.
  using ErrorLog = std::function<void(const std::string& text, const std::string& message,
                                      const runtime::Ref<runtime::PyException>& exc)>;
  void set_error_log(ErrorLog log) { error_log_ = std::move(log); }
  // _ready: the handles due to run, in order.
  const std::deque<runtime::Ref<Handle>>& ready() const { return ready_; }

  // tasks.py's _current_tasks / _all_tasks bookkeeping.
  Task* current_task() const { return current_task_; }
  void enter_task(Task* task);
  void leave_task(Task* task);
  Task* swap_current_task(Task* task) { return std::exchange(current_task_, task); }
  void register_task(Task* task);
  void unregister_task(Task* task);
  // tasks.all_tasks: the pending tasks, in creation order (CPython: a WeakSet).
  std::vector<runtime::Ref<Task>> all_tasks() const;
  // futures._set_result_unless_cancelled as a function object, made once:
  // every sleep() schedules it, as CPython schedules the one module function.
  const runtime::Ref<runtime::Callable>& set_result_unless_cancelled_function();
  // tasks._task_name_counter
  std::uint64_t next_task_number() { return ++process_->task_counter; }

  bool tracing() const { return sink_ != nullptr; }
  void emit(trace::Kind kind, std::string subject, std::string detail = {});

 private:
  [[noreturn]] void report_deadlock() const;
  // BaseEventLoop._check_closed / _check_running
  void check_closed() const;
  void check_closed_holding(std::initializer_list<std::span<const runtime::Value>> held) const;
  void check_running() const;
  // _asyncgen_firstiter_hook / _asyncgen_finalizer_hook, installed by
  // run_forever as sys.set_asyncgen_hooks.
  runtime::AsyncGenHooks asyncgen_hooks();
  runtime::Coro shutdown_asyncgens_body();
  void check_step_limit();

  const VersionProfile& profile_;
  const runtime::BuiltinExceptions& builtins_;
  std::shared_ptr<ProcessState> process_;
  trace::Sink* sink_;
  explore::ArgumentOrder default_chooser_;
  explore::Chooser* chooser_;
  Limits limits_;

  double now_ = 0.0;
  double clock_base_ = 0.0;
  std::uint64_t tick_ = 0;
  std::uint64_t steps_ = 0;
  bool stopping_ = false;
  bool running_ = false;
  bool closed_ = false;
  bool debug_ = false;
  bool dying_ = false;  // in the destructor
  // _asyncgens: the live async generators first iterated here (CPython: a
  // WeakSet), in that order.
  std::vector<runtime::AsyncGenerator*> asyncgens_;
  bool asyncgens_shutdown_called_ = false;
  runtime::Ref<runtime::Callable> create_task_function_;  // loop.create_task, for the finalizer's handle
  bool eager_tasks_ = false;
  std::deque<runtime::Ref<Handle>> ready_;
  // _scheduled: each timer with its deadline copied beside it, so that the
  // heap's comparisons (on the deadline alone, as TimerHandle.__lt__) read
  // the heap array itself instead of every handle.
  struct Scheduled {
    double when;
    runtime::Ref<TimerHandle> handle;
  };
  std::vector<Scheduled> scheduled_;
  std::size_t timer_cancelled_count_ = 0;
  std::vector<std::string> logged_errors_;
  ErrorLog error_log_;
  std::function<void(const runtime::Value&)> exception_handler_;
  TaskFactory task_factory_;
  FutureFactory future_factory_;

  Task* current_task_ = nullptr;
  Task* tasks_head_ = nullptr;  // intrusive list of pending tasks, oldest first
  Task* tasks_tail_ = nullptr;
  std::uint64_t tasks_created_ = 0;
  runtime::Ref<runtime::Callable> set_result_unless_cancelled_;
  std::unique_ptr<ClockScript> script_;
  std::vector<double> script_timers_;  // TestLoop._timers
};

}  // namespace asim::asyncio
