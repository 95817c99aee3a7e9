// The underscored attributes of asyncio's classes that programs read to
// look inside (q._maxsize, task._coro; asyncio_types.cpp has sem._value and
// q._unfinished_tasks next to the public ones): those whose value is a
// plain fact of the model are read from it; the others (the waiter deques,
// the loop's internals) stop the run as not modelled rather than raise an
// AttributeError that CPython never raises.
#include "model/modules/asyncio_private_attributes.hpp"

#include <fmt/format.h>

#include "model/asyncio/locks.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/tasks.hpp"

namespace asim::modules {

using runtime::Type;
using runtime::Value;

namespace {

void unmodelled(Type& t, std::initializer_list<std::string_view> names) {
  for (auto name : names) {
    std::string qualified = fmt::format("{}.{}", t.name, name);
    t.add_getter(std::string(name), [qualified](const Value&) -> Value {
      not_modelled(qualified, "a private attribute of asyncio's classes");
    });
  }
}

// Future._state: the names futures.py gives its states.
std::string_view state_name(asyncio::Future::State s) {
  switch (s) {
    case asyncio::Future::State::Pending: return "PENDING";
    case asyncio::Future::State::Cancelled: return "CANCELLED";
    case asyncio::Future::State::Finished: return "FINISHED";
  }
  return "PENDING";
}

}  // namespace

void add_private_attributes(const AsyncioTypes& t) {
  t.Future->add_getter("_state", [](const Value& self) {
    return Value::str(std::string(state_name(self.as<asyncio::Future>()->state())));
  });
  unmodelled(*t.Future, {"_result", "_exception", "_loop", "_callbacks", "_source_traceback", "_cancel_message",
                         "_cancelled_exc", "_log_traceback", "_asyncio_future_blocking"});
  t.Task->add_getter("_coro", [](const Value& self) {
    const auto& coro = self.as<asyncio::Task>()->get_coro();
    return coro ? Value(coro) : Value::none();
  });
  t.Task->add_getter("_fut_waiter", [](const Value& self) {
    const auto& waiter = self.as<asyncio::Task>()->fut_waiter();
    return waiter ? Value(waiter) : Value::none();
  });
  unmodelled(*t.Task, {"_must_cancel", "_context", "_name", "_num_cancels_requested", "_log_destroy_pending"});

  t.Lock->add_getter("_locked", [](const Value& self) { return Value::boolean(self.as<asyncio::Lock>()->locked()); });
  unmodelled(*t.Lock, {"_waiters", "_loop"});
  t.Event->add_getter("_value", [](const Value& self) { return Value::boolean(self.as<asyncio::Event>()->is_set()); });
  unmodelled(*t.Event, {"_waiters", "_loop"});
  unmodelled(*t.Semaphore, {"_waiters", "_wakeup_scheduled", "_loop"});
  unmodelled(*t.BoundedSemaphore, {"_bound_value"});
  unmodelled(*t.Condition, {"_lock", "_waiters", "_loop"});
  t.Queue->add_getter("_maxsize", [](const Value& self) { return Value::integer(self.as<asyncio::Queue>()->maxsize()); });
  unmodelled(*t.Queue, {"_queue", "_getters", "_putters", "_finished", "_loop", "_is_shutdown"});
}

}  // namespace asim::modules
