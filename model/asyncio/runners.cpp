#include "model/asyncio/runners.hpp"

#include <fmt/format.h>

#include "model/asyncio/library_frames.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/interrupt.hpp"
#include "model/trace/note_subjects.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::Ref;
using runtime::Value;

namespace {

// BaseEventLoop.shutdown_default_executor: with no executor it returns at
// once, but still costs run_until_complete a task and two loop iterations.
Coro return_none() {
  co_return Value::none();
}

// runners._cancel_all_tasks
void cancel_all_tasks(EventLoop& loop) {
  auto to_cancel = loop.all_tasks();
  if (to_cancel.empty()) return;
  // CPython iterates a set of tasks here; the order follows addresses.
  const auto order = loop.chooser().permutation(to_cancel.size(), "asyncio.run: cancel leftover tasks");
  std::vector<Ref<Task>> ordered;
  for (auto i : order) ordered.push_back(to_cancel[i]);
  if (loop.tracing()) {
    loop.emit(trace::Kind::Note, std::string(trace::note::kRunCancelLeftovers),
              fmt::format("main returned; cancelling {} leftover task(s)", ordered.size()));
    if (ordered.size() > 1)
      loop.emit(trace::Kind::ChoicePoint, "asyncio.run",
                "CPython cancels leftovers in set order, which follows memory addresses; asim takes creation order");
  }
  for (auto& task : ordered) task->cancel();
  std::vector<Value> awaitables(ordered.begin(), ordered.end());
  loop.run_until_complete(gather(loop, awaitables, true));
  for (auto& task : ordered) {
    if (task->cancelled()) continue;
    if (auto exc = task->exception())
      loop.call_exception_handler("unhandled exception during asyncio.run() shutdown", exc, "task", Value(task));
  }
}

}  // namespace

void shutdown(EventLoop& loop) {
  cancel_all_tasks(loop);
  loop.run_until_complete(Value(loop.shutdown_asyncgens()));
  if (loop.profile().run_shuts_down_default_executor)
    loop.run_until_complete(loop.executor_hooks.shutdown_for_run
                                ? loop.executor_hooks.shutdown_for_run()
                                : runtime::native("BaseEventLoop.shutdown_default_executor", return_none()));
}

// Runner.run, after create_task
Value run_main_task(EventLoop& loop, Ref<Task> task) {
  int interrupt_count = 0;
  // Runner._on_sigint, installed as signal.signal(SIGINT, ...) for the run.
  runtime::SigintHandler sigint([&loop, &interrupt_count, task] {
    ++interrupt_count;
    if (interrupt_count == 1 && !task->done()) {
      task->cancel();
      // Wakes a loop blocked in select; here it costs the loop one iteration.
      loop.call_soon(runtime::native_function("Runner._on_sigint.<locals>.<lambda>",
                                              [](std::span<const Value>) { return Value::none(); }));
      return;
    }
    throw PyError{runtime::new_exception(loop.builtins().KeyboardInterrupt)};
  });
  try {
    return loop.run_until_complete(Value(task));
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::RunnerRun, loop.profile().minor);
    if (interrupt_count == 0 || !e.exc->isinstance(loop.exceptions().CancelledError.get()) || task->uncancel() != 0)
      throw;
    // `raise KeyboardInterrupt()` inside the `except CancelledError:`.
    auto interrupt = runtime::new_exception(loop.builtins().KeyboardInterrupt);
    interrupt->context = e.exc;
    throw PyError{std::move(interrupt)};
  }
}

// runners.run (3.7-3.10) / Runner.run + Runner.close (3.11+)
Value run(EventLoop& loop, Ref<runtime::Coroutine> main, const WhileHandling& handling) {
  if (loop.running_loop())
    runtime::raise(loop.builtins().RuntimeError, "asyncio.run() cannot be called from a running event loop");
  // The `finally: loop.close()`; the loop is not running by then, so close
  // cannot raise.
  struct Close {
    EventLoop& loop;
    ~Close() { loop.close(); }
  } close{loop};
  Value result;
  runtime::Runtime::FramesBelowScope frames(loop.profile().frames_below.runner);
  try {
    result = loop.profile().runner_handles_sigint ? run_main_task(loop, loop.create_task(std::move(main)))
                                                  : loop.run_until_complete(Value(main));
  } catch (PyError& e) {
    add_library_frame(*e.exc, LibraryFrame::RunnersRun, loop.profile().minor);
    if (handling) handling(e.exc, [&loop] { shutdown(loop); });
    else shutdown(loop);
    throw;
  }
  shutdown(loop);
  return result;
}

}  // namespace asim::asyncio
