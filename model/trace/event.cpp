#include "model/trace/event.hpp"

namespace asim::trace {

Level level_of(Kind k) {
  switch (k) {
    case Kind::Output:
    case Kind::ErrorOutput:
    case Kind::Deadlock:
      return Level::Program;
    case Kind::TaskCreated:
    case Kind::TaskStep:
    case Kind::TaskSuspended:
    case Kind::TaskWakeup:
    case Kind::TaskFinished:
    case Kind::TaskCancelRequested:
    case Kind::ChoicePoint:
    case Kind::Note:
      return Level::Tasks;
    case Kind::HandleScheduled:
    case Kind::HandleRun:
    case Kind::TimerScheduled:
    case Kind::TimerFired:
    case Kind::TimerCancelled:
    case Kind::ClockAdvanced:
      return Level::Loop;
    case Kind::FutureCreated:
    case Kind::FutureDone:
    case Kind::CallbackAdded:
    case Kind::QueuePut:
    case Kind::QueueGet:
    case Kind::QueueWaiter:
      return Level::Full;
  }
  return Level::Full;
}

std::string_view kind_name(Kind k) {
  switch (k) {
    case Kind::HandleScheduled: return "handle-scheduled";
    case Kind::HandleRun: return "handle-run";
    case Kind::TimerScheduled: return "timer-scheduled";
    case Kind::TimerFired: return "timer-fired";
    case Kind::TimerCancelled: return "timer-cancelled";
    case Kind::ClockAdvanced: return "clock-advanced";
    case Kind::TaskCreated: return "task-created";
    case Kind::TaskStep: return "task-step";
    case Kind::TaskSuspended: return "task-suspended";
    case Kind::TaskWakeup: return "task-wakeup";
    case Kind::TaskFinished: return "task-finished";
    case Kind::TaskCancelRequested: return "task-cancel-requested";
    case Kind::FutureCreated: return "future-created";
    case Kind::FutureDone: return "future-done";
    case Kind::CallbackAdded: return "callback-added";
    case Kind::QueuePut: return "queue-put";
    case Kind::QueueGet: return "queue-get";
    case Kind::QueueWaiter: return "queue-waiter";
    case Kind::ChoicePoint: return "choice-point";
    case Kind::Note: return "note";
    case Kind::Deadlock: return "deadlock";
    case Kind::Output: return "output";
    case Kind::ErrorOutput: return "stderr";
  }
  return "?";
}

}  // namespace asim::trace
