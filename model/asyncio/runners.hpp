// asyncio/runners.py: asyncio.run.
#pragma once

#include "model/asyncio/base_events.hpp"

namespace asim::asyncio {

// asyncio.run(main): runs main to completion, then cancels the tasks still
// pending (their `finally` blocks run now), then the shutdown steps. Returns
// main's result or raises its exception.
runtime::Value run(EventLoop& loop, runtime::Ref<runtime::Coroutine> main);
// What asyncio.run does after main, and Runner.close (3.11+) before closing
// the loop: cancel the leftover tasks, shutdown_asyncgens,
// shutdown_default_executor (3.9+).
void shutdown(EventLoop& loop);
// Runner.run from its create_task on (3.11+): runs the main task with
// Runner._on_sigint as the SIGINT handler, so that Ctrl-C cancels it and a
// run it cancelled ends in KeyboardInterrupt.
runtime::Value run_main_task(EventLoop& loop, runtime::Ref<Task> task);

}  // namespace asim::asyncio
