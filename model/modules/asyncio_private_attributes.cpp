// The underscored attributes of asyncio's classes that programs read to
// look inside (q._maxsize, task._coro; asyncio_types.cpp has sem._value,
// q._unfinished_tasks and fut._state next to the public ones): those whose value is a
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

}  // namespace

void add_private_attributes(const AsyncioTypes& t) {
  unmodelled(*t.Future, {"_result", "_exception", "_loop", "_callbacks", "_source_traceback", "_cancel_message",
                         "_cancelled_exc"});
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
  // _getters and _putters stay AttributeErrors: CPython's own test_queues
  // reads them, and stopping there would end the whole test run.
  unmodelled(*t.Queue, {"_queue", "_finished", "_loop", "_is_shutdown"});
}

}  // namespace asim::modules
