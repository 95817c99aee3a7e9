// Trace events: what the model did, emitted once as it happens and rendered
// later by separate code. The model core only ever calls Sink::emit.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace asim::trace {

enum class Kind : std::uint8_t {
  // loop level
  HandleScheduled,  // call_soon: a handle joined _ready
  HandleRun,        // _run_once ran a handle
  TimerScheduled,   // call_at: a timer joined _scheduled
  TimerFired,       // a due timer moved from _scheduled to _ready
  TimerCancelled,   // a timer handle was cancelled
  ClockAdvanced,    // the virtual select jumped the clock
  // task level
  TaskCreated,
  TaskStep,      // __step begins: the coroutine is sent a value or thrown into
  TaskSuspended, // the coroutine yielded a future; the task waits on it
  TaskWakeup,    // the awaited future is done; __wakeup runs
  TaskFinished,  // result, exception or cancelled
  TaskCancelRequested,
  // future level
  FutureCreated,
  FutureDone,
  CallbackAdded,
  // library level
  QueuePut,
  QueueGet,
  QueueWaiter,  // a getter or putter blocks
  ChoicePoint,  // CPython's order here depends on object addresses
  Note,         // a library function worth pointing at (as_completed yields...)
  Deadlock,
  Output,       // program output (print)
  ErrorOutput,  // what the program wrote to stderr: tracebacks, warnings, logged errors
};

// The detail levels of DESIGN §8, from least to most.
enum class Level : std::uint8_t { Program, Tasks, Loop, Full };

Level level_of(Kind k);
std::string_view kind_name(Kind k);

struct Event {
  double time;
  std::uint64_t tick;
  Kind kind;
  std::string task;    // the task that was running, or "" for the loop itself
  std::string subject; // what the event is about (a task, future, handle)
  std::string detail;  // free text: result, reason, callback name
  // Which of the program's event-loop runs the event belongs to (1: the
  // first asyncio.run or run_until_complete), and whether it happened while
  // no loop ran (before, between or after the runs).
  std::uint32_t run = 1;
  bool outside = false;
};

class Sink {
 public:
  virtual ~Sink() = default;
  virtual void emit(Event e) = 0;
};

}  // namespace asim::trace
