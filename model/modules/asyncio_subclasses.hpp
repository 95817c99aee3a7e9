// Classes a program derives from asyncio's Queue, LifoQueue, PriorityQueue,
// Lock, Event, Semaphore, BoundedSemaphore, Condition, Future and Task
// (asyncio_subclasses.cpp).
#pragma once

#include <functional>

#include "model/asyncio/base_events.hpp"
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

// asyncio.Future and asyncio.Task: calling `type` runs `fn`. A program's
// subclass instance is asim's Future/Task of that class (with a __dict__),
// made on `loop_before_init` and given its loop (and, for a Task, its
// coroutine: the task starts only then) by `init`, Future.__init__ /
// Task.__init__, which its own __init__ reaches through super(). asyncio's
// own add_done_callback calls reach the subclass's override; overriding
// another method asyncio calls on futures stops the run as not modelled.
void derivable_future(runtime::Type& type, runtime::Ref<BuiltinFunction> fn, runtime::Ref<BuiltinFunction> init,
                      std::function<asyncio::EventLoop&()> loop_before_init);

}  // namespace asim::modules
