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
      QueueEmpty, QueueFull;
};

}  // namespace asim::asyncio
