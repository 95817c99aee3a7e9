// The traceback entries of asyncio's own Python code (Lib/asyncio/*.py)
// that asim runs natively. An exception leaving asyncio.run, a sleep, a
// wait_for or a TaskGroup in CPython passes through frames of that code, and
// its traceback shows each one: `File "LIB/asyncio/tasks.py", line 665, in
// sleep`, the source line, and from 3.11 the carets under what raised. The
// model adds the same entry where its function raises or lets an exception
// through, at the statement CPython's code does it in.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <utility>

#include "model/runtime/exceptions.hpp"

namespace asim::asyncio {

// A statement of asyncio's code an exception can leave a frame from
// (tools/asyncio_library_frames.py's SITES, in the same order).
enum class LibraryFrame : std::uint8_t {
  RunnersRun,                // runners.run: `return runner.run(main)` (3.7-3.10: loop.run_until_complete)
  RunnersRunNested,          // runners.run: `raise RuntimeError("asyncio.run() cannot be called from a running ...")`
  RunnerRun,                 // Runner.run: `return self._loop.run_until_complete(task)` (3.11+)
  RunUntilCompleteResult,    // BaseEventLoop.run_until_complete: `return future.result()`
  HandleRun,                 // Handle._run: `self._context.run(self._callback, *self._args)`
  Sleep,                     // sleep: `return await future`
  WaitForAwaitFut,           // wait_for (3.12+): `return await fut`
  WaitForAsyncWith,          // wait_for (3.12+): `async with timeouts.timeout(timeout):`
  WaitForWaiter,             // wait_for (3.7-3.11): `await waiter`
  WaitForResult,             // wait_for (3.7-3.11): `return fut.result()` once the waiter is released
  WaitForTimeout,            // wait_for (3.7-3.11): `raise TimeoutError()` (from exc, 3.9+)
  WaitForResultAfterCancel,  // wait_for (3.9-3.11): `return fut.result()` after the timeout cancelled fut
  TimeoutAexit,              // Timeout.__aexit__: `raise TimeoutError from exc_val`
  TaskGroupAexit,            // TaskGroup.__aexit__: `raise me from None`
  WaitForOne,                // as_completed.<locals>._wait_for_one: `return f.result()` (3.7-3.12)
  AsCompletedWaitForOne,     // _AsCompletedIterator._wait_for_one: `return f.result() if resolve else f` (3.13)
  QueueGet,                  // Queue.get: `await getter`
  QueuePut,                  // Queue.put: `await putter`
  QueueGetNowait,            // Queue.get_nowait: `raise QueueEmpty`
  QueuePutNowait,            // Queue.put_nowait: `raise QueueFull`
  LockAcquire,               // Lock.acquire: `await fut`
  EventWait,                 // Event.wait: `await fut`
  SemaphoreAcquire,          // Semaphore.acquire: `await fut`
  CreateTask,                // create_task: `loop = events.get_running_loop()`
  Count
};
inline constexpr std::size_t kLibraryFrameCount = static_cast<std::size_t>(LibraryFrame::Count);

namespace detail {
// One statement in each of 3.7-3.13: its line (0 where the version has no
// such statement) and what the traceback prints under the `File` line.
struct LibraryFrameRow {
  std::string_view file, function;
  std::array<int, 7> lines;
  std::array<std::string_view, 7> shown;
};
extern const std::array<LibraryFrameRow, kLibraryFrameCount> kLibraryFrames;
}  // namespace detail

// Adds the entry of `site` in 3.`minor` to `exc`'s traceback, as the
// exception leaves that frame (nothing where the version has no such line).
void add_library_frame(runtime::PyException& exc, LibraryFrame site, int minor);

// Runs `body`: a Python exception leaving it leaves `site`'s frame too.
template <class Body>
decltype(auto) in_library_frame(LibraryFrame site, int minor, Body&& body) {
  try {
    return std::forward<Body>(body)();
  } catch (runtime::PyError& e) {
    add_library_frame(*e.exc, site, minor);
    throw;
  }
}

// `raise` in that statement: the exception, with the frame's entry.
inline runtime::PyError raised_in(LibraryFrame site, int minor, runtime::PyError e) {
  add_library_frame(*e.exc, site, minor);
  return e;
}

}  // namespace asim::asyncio
