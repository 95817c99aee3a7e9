// The underscored attributes of asyncio's classes that programs read to
// look inside (q._maxsize, task._coro; asyncio_types.cpp has sem._value
// and fut._state next to the public ones): those whose value is a
// plain fact of the model are read from it; the others (the waiter deques,
// the loop's internals, any name CPython's objects have that the model's
// lack) stop the run as not modelled rather than raise an AttributeError
// that CPython never raises.
#include "model/modules/asyncio_private_attributes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>
#include <utility>

#include "model/asyncio/locks.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/modules/asyncio_class_attributes.hpp"
#include "model/modules/native_function.hpp"
#include "model/runtime/attribute_error.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::Type;
using runtime::Value;

namespace {

// A collections.deque of the waiting futures as they stand. CPython's is
// the live deque its own code reads, so one a program appends to or
// removes from changes what the lock or queue does next; asim's is a copy,
// which stops the run when changed.
Value waiters_deque(Session& session, const std::deque<runtime::Ref<asyncio::Future>>& futures,
                    const std::string& owner) {
  std::vector<Value> items;
  for (const auto& f : futures) items.push_back(Value(f));
  const Value args[] = {Value(runtime::make<runtime::List>(std::move(items))), Value::str(owner)};
  return runtime::call(runtime::getattr(Value(session.find("collections")), "_ModelledDeque"), args);
}

template <class T>
void waiters(Type& t, Session& session, const char* name,
             const std::deque<runtime::Ref<asyncio::Future>>& (T::*of)() const) {
  t.add_getter(name, [&session, of, name](const Value& self) {
    return waiters_deque(session, (self.as<T>()->*of)(), runtime::type_name(self) + "." + name);
  });
}

// The attributes CPython's objects of the class have in this version and
// asim's class lacks (the loop's _scheduled, a task's print_stack) stop the
// run when read, where an AttributeError could be caught and hide the
// difference; other names get CPython's AttributeError. A __getattr__ runs
// only once the model's own attributes are not found.
void stop_at_cpython_names(Type& t, std::string_view cls, int minor) {
  std::unordered_set<std::string_view> names;
  auto it = std::lower_bound(kAsyncioClassAttributes.begin(), kAsyncioClassAttributes.end(), cls,
                             [](const AsyncioClassAttribute& row, std::string_view c) { return row.cls < c; });
  for (; it != kAsyncioClassAttributes.end() && it->cls == cls; ++it)
    if (it->versions >> (minor - 7) & 1) names.insert(it->name);
  const std::string owner = t.name;
  t.dict["__getattr__"] = Value(function(owner + ".__getattr__", {pos("self"), pos("name")},
                                         [names = std::move(names), owner](const Bound& b) -> Value {
                                           const std::string name = runtime::str(b[1]);
                                           if (names.count(name))
                                             not_modelled(owner + "." + name,
                                                          name.starts_with('_') ? "a private attribute of asyncio's classes"
                                                                                : "asim models only part of asyncio's objects");
                                           runtime::no_attribute(b[0], name);
                                         }));
}

}  // namespace

void add_private_attributes(const AsyncioTypes& t, Session& session) {
  const auto& profile = session.profile();
  // Future._cancel_message (3.9+): a plain attribute of the Python Future.
  if (profile.cancel_messages)
    add_property<asyncio::Future>(*t.Future, "_cancel_message", [](asyncio::Future& f) { return f.cancel_message(); },
             [](asyncio::Future& f, const Value& v) { f.set_cancel_message(v); });
  // Future._log_traceback: its setter refuses anything but a false value.
  add_property<asyncio::Future>(*t.Future, "_log_traceback", [](asyncio::Future& f) { return Value::boolean(f.log_traceback()); },
           [](asyncio::Future& f, const Value& v) {
             if (runtime::truthy(v))
               runtime::raise(runtime::Runtime::current().builtins.ValueError, "_log_traceback can only be set to False");
             f.clear_log_traceback();
           });
  // Future._asyncio_future_blocking: an awaitable of a program's own sets it
  // on a Future before yielding it to a Task, as Future.__await__ does.
  add_property<asyncio::Future>(*t.Future, "_asyncio_future_blocking",
           [](asyncio::Future& f) { return Value::boolean(f.asyncio_future_blocking); },
           [](asyncio::Future& f, const Value& v) { f.asyncio_future_blocking = runtime::truthy(v); });
  t.Future->add_getter("_callbacks", [](const Value& self) { return self.as<asyncio::Future>()->callbacks_list(); });
  t.Task->add_getter("_must_cancel",
                     [](const Value& self) { return Value::boolean(self.as<asyncio::Task>()->must_cancel()); });
  // Task._log_destroy_pending: cleared, the task is freed pending without
  // the "Task was destroyed but it is pending!" report.
  add_property<asyncio::Task>(
      *t.Task, "_log_destroy_pending", [](asyncio::Task& task) { return Value::boolean(task.log_destroy_pending); },
      [](asyncio::Task& task, const Value& v) { task.log_destroy_pending = runtime::truthy(v); });
  t.Task->add_getter("_coro", [](const Value& self) {
    const auto& coro = self.as<asyncio::Task>()->get_coro();
    return coro ? Value(coro) : Value::none();
  });
  t.Task->add_getter("_fut_waiter", [](const Value& self) {
    const auto& waiter = self.as<asyncio::Task>()->fut_waiter();
    return waiter ? Value(waiter) : Value::none();
  });

  t.Lock->add_getter("_locked", [](const Value& self) { return Value::boolean(self.as<asyncio::Lock>()->locked()); });
  waiters(*t.Lock, session, "_waiters", &asyncio::Lock::waiters);
  t.Event->add_getter("_value", [](const Value& self) { return Value::boolean(self.as<asyncio::Event>()->is_set()); });
  waiters(*t.Event, session, "_waiters", &asyncio::Event::waiters);
  waiters(*t.Semaphore, session, "_waiters", &asyncio::Semaphore::waiters);
  waiters(*t.Condition, session, "_waiters", &asyncio::Condition::waiters);
  t.Condition->add_getter("_lock", [](const Value& self) { return Value(self.as<asyncio::Condition>()->lock()); });
  t.Queue->add_getter("_maxsize", [](const Value& self) { return self.as<asyncio::Queue>()->maxsize(); });
  // Queue._unfinished_tasks: tutorials print it to show a queue drained; a
  // plain attribute in CPython, which tests set to see _format show it.
  add_property<asyncio::Queue>(
      *t.Queue, "_unfinished_tasks", [](asyncio::Queue& q) { return Value::integer(q.unfinished_tasks()); },
      [](asyncio::Queue& q, const Value& v) {
        if (v.kind() != Value::Kind::Int) not_modelled("Queue._unfinished_tasks set to " + runtime::type_name(v), "asim counts unfinished tasks as an int");
        q.set_unfinished_tasks(v.as_int());
      });
  waiters(*t.Queue, session, "_getters", &asyncio::Queue::getters);
  waiters(*t.Queue, session, "_putters", &asyncio::Queue::putters);

  const std::pair<const char*, Type*> classes[] = {
      {"Loop", t.Loop.get()},           {"Future", t.Future.get()},
      {"Task", t.Task.get()},           {"Handle", t.Handle.get()},
      {"TimerHandle", t.TimerHandle.get()},   {"GatheringFuture", t.GatheringFuture.get()},
      {"Queue", t.Queue.get()},         {"LifoQueue", t.LifoQueue.get()},
      {"PriorityQueue", t.PriorityQueue.get()}, {"Event", t.Event.get()},
      {"Lock", t.Lock.get()},           {"Condition", t.Condition.get()},
      {"Semaphore", t.Semaphore.get()}, {"BoundedSemaphore", t.BoundedSemaphore.get()},
      {"Barrier", t.Barrier.get()},     {"Timeout", t.Timeout.get()},
      {"TaskGroup", t.TaskGroup.get()}};
  for (auto [cls, type] : classes)
    if (type) stop_at_cpython_names(*type, cls, profile.minor);
}

}  // namespace asim::modules
