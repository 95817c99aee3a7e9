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
      QueueEmpty, QueueFull, BrokenBarrierError;
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
};

}  // namespace asim::asyncio
