// The exception being handled when asyncio's C code raises one with
// PyErr_SetObject outside any frame of the program (future_get_result in
// Task.__wakeup): the new exception gets it as __context__. The interpreter
// knows what is being handled; the session installs its chaining here.
#pragma once

#include "model/runtime/exceptions.hpp"

namespace asim::asyncio {

using ChainToHandled = void (*)(runtime::PyException& exc);
void install_chain_to_handled(ChainToHandled chain);
// Chains `exc` as raised now; nothing when no interpreter is installed.
void chain_to_handled(runtime::PyException& exc);

}  // namespace asim::asyncio
