// Every per-version difference the model reproduces, in one table (DESIGN §2).
// Model code asks the profile; it never compares version numbers itself.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "model/lang/features.hpp"
#include "model/runtime/features.hpp"
#include "model/runtime/int_profile.hpp"

namespace asim::asyncio {

enum class AsCompletedDesign {
  LegacyGenerator,  // 3.7-3.12: a generator of _wait_for_one coroutines
  AsyncIterator,    // 3.13: _AsCompletedIterator, eager, also `async for`
  WhatIfFutures,    // not CPython: the legacy generator yielding plain Futures ("whatif")
};

// What a future's repr shows of itself met again inside its result (a
// future whose result holds it): 3.7 recurses until RecursionError; 3.8-3.10
// show the inner result as "..." (base_futures._repr_running); 3.11+ the
// whole inner repr (@reprlib.recursive_repr on _future_repr).
enum class FutureReprRecursion { Unguarded, ResultEllipsis, ReprEllipsis };

// How Semaphore hands a released slot to a waiter (locks.py). The installed
// patch releases are the reference: the fixes were backported unevenly, so
// 3.9.18, 3.10.13 and 3.13.0 each carry a different one.
enum class SemaphoreDesign {
  // 3.7-3.8: release() wakes a waiter that must still find value > 0 when it
  // runs; a task that acquires in between takes the slot (barging).
  PopOnWake,
  // 3.9: as PopOnWake, plus _wakeup_scheduled, which makes newcomers queue
  // behind a woken waiter. It loses wake-ups (a program can deadlock).
  WakeupScheduled,
  // 3.10-3.12: _wake_up_next hands the slot over (value -= 1 at release);
  // locked() is also true while any waiter is not cancelled.
  HandOff,
  // 3.13: HandOff, and an acquire that ends (normally or not) wakes as many
  // waiters as the value allows, not just one.
  HandOffWakeMany,
};

// Where an asyncio exception class lives and what it derives from.
enum class ExceptionBase { BaseException, Exception, FuturesError, BuiltinTimeoutError };

struct ExceptionClassInfo {
  std::string_view module;  // for the traceback's last line
  ExceptionBase base;
};

// What asyncio's classes and functions do with a `loop=` argument.
enum class LoopParameter {
  Accepted,            // 3.7: used, silently
  DeprecatedWhenUsed,  // 3.8: DeprecationWarning, except where the loop is not needed
                       // (sleep with delay <= 0, gather with children)
  Deprecated,          // 3.9: DeprecationWarning whenever one is passed
  RemovedWithHint,     // 3.10: the primitives say "As of 3.10, the *loop* parameter
                       // was removed from X()"; the functions refuse it as unexpected
  Removed,             // 3.11+: refused as an unexpected keyword everywhere
};

struct VersionProfile {
  int major;
  int minor;
  std::string_view label;  // "3.12"

  AsCompletedDesign as_completed_design;
  // The TypeError text for a future or coroutine passed where an iterable is
  // expected; "{}" stands for type(fs).__name__.
  std::string_view as_completed_type_error;

  ExceptionClassInfo cancelled_error;
  ExceptionClassInfo timeout_error;  // asyncio.TimeoutError
  ExceptionClassInfo invalid_state_error;

  bool task_names;           // 3.8+: Task-N names, name=, Task.get_coro()
  bool cancel_messages;      // 3.9+: cancel(msg)
  // 3.7-3.12: reprs of handles and callbacks show the arguments; 3.13 shows
  // them only in debug mode ("plain()" for call_soon(plain, 1)).
  bool callback_reprs_show_arguments;
  bool cancel_counting;      // 3.11+: cancelling()/uncancel()
  bool eager_task_factory;   // 3.12+
  bool sleep_rejects_nan;    // 3.13+: sleep(nan) raises ValueError
  // 3.10+: Future.result() raises the exception with the traceback it had
  // when set (the first time; none after), so that awaiting a failed future
  // again does not lengthen it.
  bool future_result_restores_traceback;
  bool task_group;           // 3.11+: TaskGroup, asyncio.timeout
  // 3.9+: asyncio.run also awaits loop.shutdown_default_executor(), which
  // costs the run extra loop iterations at the end.
  bool run_shuts_down_default_executor;
  // 3.12+: wait_for is built on asyncio.timeout instead of a callback.
  bool wait_for_uses_timeout;
  // 3.12+: gather runs its done-callback at once for children already done
  // (eager tasks) instead of scheduling it with call_soon.
  bool gather_done_children_inline;
  // gather's done-callback as asyncio names it: 3.9's gather hands its work
  // to _gather, whose local function it is.
  std::string_view gather_done_callback;
  FutureReprRecursion future_repr_recursion;
  // 3.8-3.12: asyncio.create_task(coro, name=...) makes the task under a
  // Task-N name first and renames it, so a number is used up anyway.
  bool named_create_task_uses_number;

  // asyncio.wait: 3.7-3.10 wrap coroutines in tasks; 3.11+ reject them.
  bool wait_accepts_coroutines;
  // 3.9-3.10: wrapping them warns DeprecationWarning ("The explicit passing
  // of coroutine objects to asyncio.wait() is deprecated ...").
  bool wait_warns_coroutines;
  // 3.7-3.8: the classmethods Task.current_task() and Task.all_tasks();
  // 3.8's warn DeprecationWarning.
  bool task_class_methods;
  bool task_class_methods_warn;
  // 3.13: Queue.shutdown() and QueueShutDown.
  bool queue_shutdown;
  // 3.7-3.8: Lock, Semaphore and Condition are awaitable and iterable for
  // `with (yield from lock)` and `with await lock` (each warns
  // DeprecationWarning), and a plain `with lock` raises RuntimeError.
  bool lock_legacy_context_manager;
  // The ValueError text for an empty fs.
  std::string_view wait_empty_message;
  // 3.8+: when wait_for's caller is cancelled, or timeout <= 0, it cancels the
  // inner future and waits for it to finish (_cancel_and_wait); 3.7 cancels it
  // and raises at once.
  bool wait_for_cancel_waits;
  // 3.9+: after the timeout cancelled the inner future, wait_for returns its
  // result if it swallowed the cancellation, else raises TimeoutError from the
  // CancelledError; 3.7-3.8 raise a bare TimeoutError regardless.
  bool wait_for_returns_result_after_cancel;
  // 3.13: Timeout.__aexit__ converts any CancelledError subclass, and when the
  // body turned the cancellation into another exception it inserts a
  // TimeoutError into that exception's __context__ chain. 3.11-3.12 convert
  // only exc_type `is` CancelledError and leave other exceptions alone.
  bool timeout_inserts_timeout_error;
  SemaphoreDesign semaphore_design;
  // 3.11+: a task whose coroutine raised CancelledError keeps that exception
  // and re-raises it from result(), message and all. Before, the C Task
  // forgot it: awaiting the task raised a new CancelledError without args.
  bool task_keeps_cancelled_error;
  // 3.9-3.10: the C Task keeps the CancelledError its coroutine raised, and
  // each result() of the cancelled task raises a new CancelledError whose
  // __context__ is that one (future_set_cancelled_error chains it), so an
  // uncaught cancellation prints every link.
  bool cancelled_error_chains_kept;
  // TaskGroup (taskgroups.py, 3.11.7 / 3.12.1 / 3.13.0):
  // 3.13: create_task passes name= to loop.create_task, so a named task
  // takes no Task-N number; 3.11-3.12 create it unnamed, then rename it.
  bool task_group_names_task_at_creation;
  // 3.12+: create_task runs _on_task_done at once for a task that is already
  // done (it completed eagerly) and adds no done-callback.
  bool task_group_handles_done_task_at_once;
  // 3.13: create_task closes the coroutine it refuses (not entered, finished,
  // shutting down), so no "coroutine ... was never awaited" warning follows.
  bool task_group_closes_refused_coroutine;
  // 3.13: __aexit__ treats subclasses of CancelledError as CancelledError
  // (issubclass); 3.11-3.12 only `et is CancelledError`.
  bool task_group_matches_cancelled_subclasses;
  // 3.13: __aexit__ uncancels the parent (after a task failed and the group
  // cancelled it) once the tasks are done; 3.11-3.12 at its very start.
  bool task_group_uncancels_parent_after_wait;
  // 3.13: before raising the ExceptionGroup, a parent that is being
  // cancelled from outside is uncancelled and cancelled again.
  bool task_group_recancels_parent;
  // 3.10+: a task's wakeup callback is the bound method Task.task_wakeup (a
  // Future's repr shows cb=[Task.task_wakeup()]); before, a
  // TaskWakeupMethWrapper object.
  bool task_wakeup_is_method;
  // 3.9+: the main script's code carries its absolute path, so tracebacks
  // and coroutine reprs show it; 3.7-3.8 show the path as given.
  bool main_path_absolute;
  // 3.10+: Queue, Lock, Event, Semaphore bind to the running loop the first
  // time they need one (mixins._LoopBoundMixin) and refuse any other loop
  // after; 3.7-3.9 take get_event_loop() when they are made.
  bool loop_bound_on_first_use;
  // 3.11+: set_event_loop(x) raises TypeError for a non-loop; before, an
  // assert (AssertionError).
  bool set_event_loop_checks_type;
  // 3.12+: get_event_loop() outside a running loop warns (DeprecationWarning
  // "There is no current event loop") when it has to make the loop.
  bool get_event_loop_warns;
  // 3.13: uncancel() bringing the count to 0 also withdraws a cancellation
  // not yet delivered (_must_cancel), so a task cancelled and uncancelled
  // before it ran runs normally; 3.11-3.12 still cancel it.
  bool uncancel_clears_must_cancel;
  // 3.12+: ensure_future's wrapper of an awaitable is a local function
  // ("ensure_future.<locals>._wrap_awaitable"); before, tasks._wrap_awaitable.
  bool wrap_awaitable_is_local;
  // 3.10+: ensure_future closes the coroutine it could not make a task of
  // (the loop is closed): no "never awaited" warning; before, the error's
  // traceback holds it.
  bool ensure_future_closes_coroutine;
  // 3.9-3.10: random.choice([]) indexes the empty sequence (its own IndexError,
  // "list index out of range"); the others say "Cannot choose from an empty
  // sequence".
  bool random_choice_indexes_empty;
  // 3.11+: random.gauss() and normalvariate() default to mu=0.0, sigma=1.0.
  bool random_normal_defaults;
  // 3.9+: random.choices() refuses weights whose total is not above zero;
  // before, it bisects them all the same.
  bool random_choices_total_checked;
  // 3.7-3.11: asyncio.iscoroutine() is true of generators (@asyncio.coroutine's
  // legacy), so ensure_future and create_task wrap them in tasks.
  bool generators_are_coroutines;
  // 3.13: Condition.wait makes its future before releasing the lock,
  // re-raises the CancelledError it caught while relocking, and on any error
  // passes the notification to the next waiter.
  bool condition_renotifies;
  // 3.9+: asyncio.to_thread exists (asim says it is not modelled).
  bool to_thread;
  // ensure_future(fut, loop=other)'s ValueError (3.8 reworded it).
  std::string_view future_loop_mismatch;
  // 3.13: @dataclass's "non-default argument 'b' follows default argument"
  // names the default argument too.
  bool dataclass_error_names_default;

  // The Python frames CPython runs the program's code under, where asim
  // runs natively; the recursion limit counts them (before 3.12 with the C
  // calls between them). `python -m`: runpy's _run_module_as_main and
  // _run_code (and exec()); a script has none. asyncio.run: runners.run
  // (3.11+ and Runner.run). run_until_complete itself. run_forever: its
  // frame, _run_once, Handle._run (and Context.run). A task's step: before
  // 3.12, the C Task.__step.
  struct FramesBelow {
    int main_module, runner, run_until_complete, run_forever, task_step;
  } frames_below;
  // 3.7-3.11: the recursion depth sys.setrecursionlimit() checks counts the
  // call of the builtin itself; 3.12+ count Python frames only.
  bool recursion_depth_counts_builtin_call;
  // 3.7-3.9: a C function's "i" argument that is no int says "integer
  // argument expected, got float" or "an integer is required (got type X)";
  // 3.10+ the index error, "'X' object cannot be interpreted as an integer".
  bool int_argument_legacy_wording;

  // 3.8+: asyncio.iscoroutinefunction looks through functools.partial
  // (inspect._has_code_flag); 3.7 does not.
  bool iscoroutinefunction_unwraps_partial;
  LoopParameter loop_parameter;
  // 3.10+: the builtins aiter() and anext().
  bool async_iteration_builtins;
  // 3.11+: the builtins ExceptionGroup and BaseExceptionGroup.
  bool exception_group_builtins;
  // 3.10+: the builtin EncodingWarning.
  bool encoding_warning_builtin;
  // 3.9+: a C method taking no arguments names itself by its qualified name
  // when it is given some ("Future.done() takes no arguments (1 given)").
  bool qualname_in_noargs_errors;
  // 3.7: a failing exception handler is reported only for an Exception (a
  // BaseException other than SystemExit/KeyboardInterrupt propagates); 3.8+
  // reports any BaseException but those two.
  bool exception_handler_catches_base_exceptions;
  // 3.9+: stderr is line-buffered on a pipe too; before, block-buffered
  // there (line-buffered on a terminal only).
  bool stderr_line_buffered;
  // 3.8+: an uncaught KeyboardInterrupt ends the process by SIGINT (exit
  // status 130 in a shell); 3.7 exits with 1.
  bool keyboard_interrupt_exits_by_sigint;
  // 3.11+: asyncio.Runner.run installs a SIGINT handler (_on_sigint): the
  // first Ctrl-C cancels the main task, and a run that ends cancelled by it
  // raises KeyboardInterrupt; a second Ctrl-C raises it where the program is.
  // Before, Ctrl-C raises KeyboardInterrupt wherever the program is.
  bool runner_handles_sigint;
  // 3.11+: asyncio.run is `with Runner(...) as runner: runner.run(main)`:
  // the loop is made before `main` is checked, and a ValueError for a
  // non-coroutine leaves through Runner.close, whose shutdown_asyncgens and
  // shutdown_default_executor use up two Task-N numbers.
  bool run_checks_main_in_runner;
  // 3.7-3.8: TimerHandle's <, <=, > and >= read `other._when` whatever
  // other is; 3.9+ return NotImplemented for anything but a TimerHandle.
  bool timer_handle_orders_any_operand;
  // 3.7-3.8: an @asynccontextmanager's __aexit__ returns None (a bare
  // `return`, or falling off the end) where 3.9+ return False: after a
  // normal exit, and when the generator re-raised what it was thrown.
  bool async_generator_cm_exit_returns_none;
  // 3.11+: create_task, Task and Runner.run take context=.
  bool create_task_takes_context;
  // 3.13: create_task with a task factory calls task.set_name(name) even
  // for name=None (the task is named 'None'); 3.8-3.12 only for a name.
  bool task_factory_sets_name_always;
  // 3.12+: Task.get_context().
  bool task_get_context;
  // 3.9+ (PEP 585): ContextVar[int] is a generic alias, before the class
  // itself; asyncio's Future[int], Task[int] and Queue[int] are generic
  // aliases, before a TypeError.
  bool generic_alias_classes;
  // 3.10+: contextvars' classes are named _contextvars.Context and so on;
  // before, plain Context (as builtins).
  bool contextvars_types_in_private_module;
  // The builtins' messages and features (runtime::RuntimeFeatures says
  // what each means); handed to the runtime as they are.
  runtime::RuntimeFeatures runtime;
  // asyncio.coroutine, generator-based coroutines' decorator (removed in 3.11)
  bool asyncio_coroutine_decorator;   // 3.7-3.10
  bool coroutine_decorator_deprecated;  // 3.8+: it warns DeprecationWarning
  int micro;                          // sys.version_info.micro of the oracle interpreters here
  // The language, the tokenizer and the parser, and how they report errors;
  // handed to the interpreter as they are (lang::LanguageFeatures says what
  // each means).
  lang::LanguageFeatures language;
  // int's per-version behaviour, handed to the runtime as it is.
  runtime::IntProfile ints;
  // `python -m`: runpy's frames above the module's in a traceback, the line
  // of _run_module_as_main (with its source text, "" for 3.11+'s frozen
  // runpy, which shows none) and of _run_code
  int runpy_main_line;
  std::string_view runpy_main_text;
  int runpy_code_line;
  bool exception_display_flushes_stderr;  // 3.8+: PyErr_Display ends with file.flush()
};

// The profiles of 3.7 to 3.13, oldest first. Real CPython versions only: the
// what-if pseudo-profile is not among them.
std::span<const VersionProfile> all_profiles();
// The profile for "3.12" and the like, or "whatif": 3.12 with a hypothetical
// as_completed that yields plain Futures (not CPython; only when asked for by
// name). nullptr when the version is unknown.
const VersionProfile* find_profile(std::string_view label);
// False for the what-if pseudo-profile.
bool is_cpython(const VersionProfile& p);
// How views title a column: "Python 3.12", or "what-if (not CPython)".
std::string display_name(const VersionProfile& p);
const VersionProfile& profile(std::string_view label);

}  // namespace asim::asyncio
