// asyncio's exception classes (asyncio/exceptions.py from 3.8, base_futures
// and concurrent.futures in 3.7), built from the version profile so that
// class relations and printed names are those of the chosen CPython.
#pragma once

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
