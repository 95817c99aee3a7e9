// asyncio/runners.py: asyncio.run.
#pragma once

#include "model/asyncio/base_events.hpp"

namespace asim::asyncio {

// asyncio.run(main): runs main to completion, then cancels the tasks still
// pending (their `finally` blocks run now), then the shutdown steps. Returns
// main's result or raises its exception.
runtime::Value run(EventLoop& loop, runtime::Ref<runtime::Coroutine> main);

}  // namespace asim::asyncio
