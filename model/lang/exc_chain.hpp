// _PyErr_SetObject's implicit chaining, for code outside the eval loop that
// raises as CPython's C code does (asyncio's Task.__wakeup).
#pragma once

#include "model/runtime/exceptions.hpp"

namespace asim::lang {

struct ThreadState;

// Makes the exception `ts` is handling, if any, exc's __context__, breaking
// a cycle that would close through exc.
void set_context(ThreadState& ts, runtime::PyException* exc);

}  // namespace asim::lang
