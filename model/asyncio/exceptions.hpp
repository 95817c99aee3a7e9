// asyncio's exception classes (asyncio/exceptions.py from 3.8, base_futures
// and concurrent.futures in 3.7), built from the version profile so that
// class relations and printed names are those of the chosen CPython.
#pragma once

#include <optional>

#include "model/asyncio/version_profile.hpp"
#include "model/runtime/exceptions.hpp"

namespace asim::asyncio {

struct AsyncioExceptions {
  AsyncioExceptions(const VersionProfile& profile, const runtime::BuiltinExceptions& builtins);
  runtime::Ref<runtime::ExceptionType> CancelledError, TimeoutError, InvalidStateError,
      QueueEmpty, QueueFull, QueueShutDown, BrokenBarrierError;
};

// asyncio's module-level state, shared by every event loop of one Python
// process: its exception classes (so `except asyncio.CancelledError` matches
// across asyncio.run calls) and tasks._task_name_counter (Task-N numbers keep
// counting in a second asyncio.run).
class EventLoop;

// The program's threads besides the one running the loop (CPython's, under
// the GIL; model/modules/threads.hpp runs them on the virtual clock). The
// loop's select waits for them as it waits for its timers.
class OtherThreads {
 public:
  virtual ~OtherThreads() = default;
  // Whether any other thread exists (alive, maybe blocked).
  virtual bool any() const = 0;
  // selector.select(timeout): the loop's thread waits, and the others run,
  // until one of them wakes the selector or the process's clock reaches
  // `deadline` (nullopt: no timeout). False when nothing can ever wake it.
  virtual bool wait_in_select(std::optional<double> deadline) = 0;
  // call_soon_threadsafe's write to the self-pipe: a select waiting returns.
  virtual void wake_selector() = 0;
};

struct ProcessState {
  ProcessState(const VersionProfile& profile, const runtime::BuiltinExceptions& builtins)
      : profile(profile), exceptions(profile, builtins) {}
  const VersionProfile& profile;
  const AsyncioExceptions exceptions;
  std::uint64_t task_counter = 0;
  // events._running_loop: the loop inside run_forever, if any.
  EventLoop* running_loop = nullptr;
  // The program's runs of an event loop (asyncio.run, Runner.run/close,
  // loop.run_until_complete/run_forever) so far, and whether one is under
  // way: traces place each event in its run, or between runs.
  std::uint32_t program_runs = 0;
  int program_run_depth = 0;
  // Null until the program starts a thread.
  OtherThreads* threads = nullptr;
};

// One program-level run of an event loop, for the traces' sake only.
class ProgramRun {
 public:
  explicit ProgramRun(ProcessState& process) : process_(process) {
    if (process_.program_run_depth++ == 0) ++process_.program_runs;
  }
  ~ProgramRun() { --process_.program_run_depth; }
  ProgramRun(const ProgramRun&) = delete;
  ProgramRun& operator=(const ProgramRun&) = delete;

 private:
  ProcessState& process_;
};

}  // namespace asim::asyncio
