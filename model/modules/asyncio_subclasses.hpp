// Classes a program derives from asyncio's Queue, LifoQueue, PriorityQueue,
// Lock, Event, Semaphore, BoundedSemaphore and Condition
// (asyncio_subclasses.cpp).
#pragma once

#include "model/modules/native_function.hpp"
#include "model/runtime/type.hpp"

namespace asim::modules {

// Calling `type` (one of the classes above) runs `fn`, its constructor. An
// instance of a program's subclass is the same native object of that class
// (with a __dict__), made from no arguments when the subclass has its own
// __init__, which reaches `type.__init__` through super().__init__(...).
// A subclass overriding a method that asyncio's own methods call on self
// (Queue._put, put_nowait, Lock.acquire...) stops the run as not modelled:
// the model's methods would not call the override.
void derivable_constructor(runtime::Type& type, runtime::Ref<BuiltinFunction> fn);

}  // namespace asim::modules
