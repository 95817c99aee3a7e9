// asyncio/runners.py: asyncio.run.
#pragma once

#include <functional>

#include "model/asyncio/base_events.hpp"

namespace asim::asyncio {

// Runs `body` with `exc` as the exception being handled (sys.exc_info()).
using WhileHandling =
    std::function<void(const runtime::Ref<runtime::PyException>& exc, const std::function<void()>& body)>;

// asyncio.run(main): runs main to completion, then cancels the tasks still
// pending (their `finally` blocks run now), then the shutdown steps. Returns
// main's result or raises its exception. The shutdown after an exception
// runs in asyncio.run's `finally:` (3.7-3.10) or the Runner's __exit__
// (3.11+), while that exception is handled: `handling`, when given, makes it
// so, and what the cancelled tasks raise gets it as __context__.
runtime::Value run(EventLoop& loop, runtime::Ref<runtime::Coroutine> main, const WhileHandling& handling = {});
// What asyncio.run does after main, and Runner.close (3.11+) before closing
// the loop: cancel the leftover tasks, shutdown_asyncgens,
// shutdown_default_executor (3.9+).
void shutdown(EventLoop& loop);
// Runner.run from its create_task on (3.11+): runs the main task with
// Runner._on_sigint as the SIGINT handler, so that Ctrl-C cancels it and a
// run it cancelled ends in KeyboardInterrupt.
runtime::Value run_main_task(EventLoop& loop, runtime::Ref<Task> task);

}  // namespace asim::asyncio
