// The `asyncio` module a scenario imports: CPython's public API for the
// session's version, each function a thin bridge to model/asyncio.
#include <fmt/format.h>

#include <map>

#include "model/asyncio/as_completed.hpp"
#include "model/asyncio/locks.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/taskgroups.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/asyncio/timeouts.hpp"
#include "model/modules/asyncio_types.hpp"
#include "model/modules/loop_object.hpp"
#include "model/modules/runner_object.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::builtins;
using runtime::make;
using runtime::Ref;
using runtime::Value;

namespace {

Ref<runtime::Coroutine> require_coroutine(const asyncio::VersionProfile& profile, const Value& v) {
  if (!asyncio::iscoroutine(profile, v))
    runtime::raise(builtins().TypeError, "a coroutine was expected, got " + runtime::repr(v));
  return Ref<runtime::Coroutine>(v.as<runtime::Coroutine>());
}

std::optional<double> optional_seconds(const Value& v, std::string_view what) {
  if (v.is_none()) return std::nullopt;
  return to_seconds(v, what);
}

// Calling the class runs `fn`, as a native class's tp_new/tp_init would.
void constructor(runtime::Type& type, Ref<BuiltinFunction> fn) {
  type.constructor = [fn](const Ref<runtime::Type>&, std::span<const Value> args, std::span<const runtime::Keyword> kwargs) {
    return fn->call_kw(args, kwargs);
  };
}

class AsyncioModule {
 public:
  explicit AsyncioModule(Session& session) : session_(session), types_(make_asyncio_types(session)) {}

  Ref<runtime::Module> build();

 private:
  // get_running_loop(), for what CPython runs only inside a loop.
  asyncio::EventLoop& loop() { return session_.require_running_loop(); }
  // get_event_loop(), for what CPython also allows outside one.
  asyncio::EventLoop& event_loop() { return session_.get_event_loop(); }
  // The loop a Queue, Lock, Event or Semaphore made now will use.
  asyncio::LoopBinding binding() {
    if (session_.profile().loop_bound_on_first_use) return asyncio::LoopBinding(session_.process());
    return asyncio::LoopBinding(&event_loop());
  }
  Value loop_object(asyncio::EventLoop& loop);
  void def(runtime::Module& m, std::string name, std::vector<Param> params, BuiltinFunction::Body body) {
    Value fn(function(name, std::move(params), std::move(body)));
    m.dict[std::move(name)] = std::move(fn);
  }

  Session& session_;
  AsyncioTypes types_;
  std::map<const asyncio::EventLoop*, Ref<LoopObject>> loop_objects_;
};

Value AsyncioModule::loop_object(asyncio::EventLoop& loop) {
  auto& obj = loop_objects_[&loop];
  if (!obj) obj = make<LoopObject>(&loop);
  return Value(obj);
}

Ref<runtime::Module> AsyncioModule::build() {
  auto m = make<runtime::Module>("asyncio");
  const auto& profile = session_.profile();
  const auto& exc = session_.exceptions();
  Session* s = &session_;
  // The module lives as long as the session, which outlives these closures' calls.
  AsyncioModule* self = this;

  // runners.run
  def(*m, "run", {pos("main"), kwonly("debug")}, [s, &profile](const Bound& b) {
    if (!asyncio::iscoroutine(profile, b[0]))
      runtime::raise(builtins().ValueError, "a coroutine was expected, got " + runtime::repr(b[0]));
    return s->run(require_coroutine(profile, b[0]));
  });
  // tasks.sleep
  def(*m, "sleep", {pos("delay"), opt("result")}, [self](const Bound& b) {
    return Value(asyncio::sleep(self->loop(), to_seconds(b[0], "delay"), b[1]));
  });
  // tasks.create_task
  def(*m, "create_task", {pos("coro"), kwonly("name"), kwonly("context")}, [self, &profile](const Bound& b) {
    auto coro = require_coroutine(profile, b[0]);
    auto& loop = self->loop();
    if (b[1].is_none()) return Value(loop.create_task(coro));
    // 3.8-3.12 create the task unnamed (using up a Task-N number), then rename it.
    auto task = profile.named_create_task_uses_number ? loop.create_task(coro)
                                                      : loop.create_task(coro, runtime::to_str(b[1]));
    task->set_name(runtime::to_str(b[1]));
    return Value(task);
  });
  // tasks.ensure_future
  def(*m, "ensure_future", {pos("coro_or_future"), kwonly("loop")},
      [self](const Bound& b) { return Value(asyncio::ensure_future(self->event_loop(), b[0])); });
  // tasks.gather
  def(*m, "gather", {varargs("coros_or_futures"), kwonly("return_exceptions", Value::boolean(false))},
      [self](const Bound& b) {
        if (b.rest.empty()) return Value(asyncio::gather(self->event_loop(), {}, false));
        return Value(asyncio::gather(self->event_loop(), b.rest, runtime::truthy(b[1])));
      });
  // tasks.as_completed
  def(*m, "as_completed", {pos("fs"), kwonly("timeout")}, [self](const Bound& b) {
    return asyncio::as_completed(self->event_loop(), b[0], optional_seconds(b[1], "timeout"));
  });
  // tasks.wait
  def(*m, "wait", {pos("fs"), kwonly("timeout"), kwonly("return_when", Value::str("ALL_COMPLETED"))},
      [self](const Bound& b) {
        return Value(asyncio::wait(self->loop(), b[0], optional_seconds(b[1], "timeout"), b[2]));
      });
  // tasks.wait_for
  def(*m, "wait_for", {pos("fut"), pos("timeout")}, [self](const Bound& b) {
    return Value(asyncio::wait_for(self->loop(), b[0], optional_seconds(b[1], "timeout")));
  });
  // tasks.shield
  def(*m, "shield", {pos("arg")}, [self](const Bound& b) { return Value(asyncio::shield(self->loop(), b[0])); });
  // tasks.current_task / tasks.all_tasks
  def(*m, "current_task", {opt("loop")}, [self](const Bound&) {
    auto t = asyncio::current_task(self->loop());
    return t ? Value(t) : Value::none();
  });
  def(*m, "all_tasks", {opt("loop")}, [self](const Bound&) {
    auto tasks = asyncio::all_tasks(self->loop());
    return runtime::make_set(std::vector<Value>(tasks.begin(), tasks.end()));
  });
  // events.get_running_loop / get_event_loop
  def(*m, "get_running_loop", {}, [self](const Bound&) { return self->loop_object(self->loop()); });
  def(*m, "get_event_loop", {}, [self](const Bound&) { return self->loop_object(self->event_loop()); });
  def(*m, "new_event_loop", {}, [self, s](const Bound&) { return self->loop_object(s->new_event_loop()); });
  def(*m, "set_event_loop", {pos("loop")}, [s, &profile](const Bound& b) {
    auto* loop = b[0].as<LoopObject>();
    if (!b[0].is_none() && !loop) {
      if (!profile.set_event_loop_checks_type) throw runtime::PyError{runtime::new_exception(builtins().AssertionError)};
      runtime::raise(builtins().TypeError,
                     fmt::format("loop must be an instance of AbstractEventLoop or None, not '{}'",
                                 runtime::type_name(b[0])));
    }
    s->set_event_loop(loop ? loop->loop : nullptr);
    return Value::none();
  });
  // What asim leaves out: threads, sockets, subprocesses.
  const std::string threads = "threads run outside asim's virtual clock";
  const std::string io = "asim models no I/O: simulate it with asyncio.sleep";
  if (profile.to_thread) m->dict["to_thread"] = Value(not_modelled_function("asyncio.to_thread", threads));
  m->dict["run_coroutine_threadsafe"] = Value(not_modelled_function("asyncio.run_coroutine_threadsafe", threads));
  m->dict["wrap_future"] = Value(not_modelled_function("asyncio.wrap_future", threads));
  for (const char* name : {"open_connection", "start_server", "open_unix_connection", "start_unix_server",
                           "create_subprocess_exec", "create_subprocess_shell"})
    m->dict[name] = Value(not_modelled_function(std::string("asyncio.") + name, io));
  // coroutines.iscoroutine / futures.isfuture
  def(*m, "iscoroutine", {pos("obj")},
      [&profile](const Bound& b) { return Value::boolean(asyncio::iscoroutine(profile, b[0])); });
  def(*m, "isfuture", {pos("obj")}, [](const Bound& b) { return Value::boolean(asyncio::isfuture(b[0])); });

  // Classes, constructed through their types so isinstance() works.
  m->dict["Queue"] = Value(types_.Queue);
  m->dict["Future"] = Value(types_.Future);
  m->dict["Task"] = Value(types_.Task);
  m->dict["Event"] = Value(types_.Event);
  m->dict["Lock"] = Value(types_.Lock);
  m->dict["Semaphore"] = Value(types_.Semaphore);
  m->dict["BoundedSemaphore"] = Value(types_.BoundedSemaphore);
  m->dict["Condition"] = Value(types_.Condition);
  m->dict["LifoQueue"] = Value(types_.LifoQueue);
  m->dict["PriorityQueue"] = Value(types_.PriorityQueue);
  constructor(*types_.Queue, function("Queue", {opt("maxsize", Value::integer(0))}, [self](const Bound& b) {
                             return Value(make<asyncio::Queue>(self->binding(), b[0].as_int()));
                           }));
  constructor(*types_.LifoQueue, function("LifoQueue", {opt("maxsize", Value::integer(0))}, [self](const Bound& b) {
                                 return Value(make<asyncio::LifoQueue>(self->binding(), b[0].as_int()));
                               }));
  constructor(*types_.PriorityQueue, function("PriorityQueue", {opt("maxsize", Value::integer(0))}, [self](const Bound& b) {
                                     return Value(make<asyncio::PriorityQueue>(self->binding(), b[0].as_int()));
                                   }));
  constructor(*types_.BoundedSemaphore,
              function("BoundedSemaphore", {opt("value", Value::integer(1))}, [self](const Bound& b) {
                return Value(make<asyncio::BoundedSemaphore>(self->binding(), b[0].as_int()));
              }));
  constructor(*types_.Condition, function("Condition", {opt("lock")}, [self](const Bound& b) {
                                 Ref<asyncio::Lock> lock = b[0].ref<asyncio::Lock>();
                                 if (!b[0].is_none() && !lock)
                                   runtime::raise(builtins().TypeError, "asim: Condition(lock) takes an asyncio.Lock");
                                 if (!lock) lock = make<asyncio::Lock>(self->binding());
                                 return Value(make<asyncio::Condition>(self->binding(), std::move(lock)));
                               }));
  constructor(*types_.Event, function("Event", {}, [self](const Bound&) {
                             return Value(make<asyncio::Event>(self->binding()));
                           }));
  constructor(*types_.Lock, function("Lock", {}, [self](const Bound&) {
                             return Value(make<asyncio::Lock>(self->binding()));
                           }));
  constructor(*types_.Semaphore, function("Semaphore", {opt("value", Value::integer(1))}, [self](const Bound& b) {
                             return Value(make<asyncio::Semaphore>(self->binding(), b[0].as_int()));
                           }));
  constructor(*types_.Future, function("Future", {kwonly("loop")}, [self](const Bound&) {
                             return Value(self->event_loop().create_future());
                           }));
  constructor(*types_.Task, function("Task", {pos("coro"), kwonly("loop"), kwonly("name")},
                                                 [self, &profile](const Bound& b) {
                                                   std::optional<std::string> name;
                                                   if (!b[2].is_none()) name = runtime::to_str(b[2]);
                                                   return Value(self->event_loop().create_task(require_coroutine(profile, b[0]), name));
                                                 }));

  if (profile.task_group) {
    // runners.Runner
    auto runner = make<runtime::Type>("asyncio.runners", "Runner", runtime::Runtime::current().types.object);
    runtime::register_type(typeid(RunnerObject), runner);
    runner->add_method("run", method<RunnerObject>("Runner.run", {pos("coro"), kwonly("context")},
                                                   [](RunnerObject& r, const Bound& b) { return r.run(b[1]); }));
    runner->add_method("close", method<RunnerObject>("Runner.close", {}, [](RunnerObject& r, const Bound&) {
                         r.close();
                         return Value::none();
                       }));
    runner->add_method("get_loop", method<RunnerObject>("Runner.get_loop", {}, [self](RunnerObject& r, const Bound&) {
                         return self->loop_object(r.lazy_init());
                       }));
    runner->add_method("__enter__", method<RunnerObject>("Runner.__enter__", {}, [](RunnerObject& r, const Bound& b) {
                         r.lazy_init();
                         return b[0];
                       }));
    runner->add_method("__exit__", method<RunnerObject>("Runner.__exit__", {pos("exc_type"), pos("exc_val"), pos("exc_tb")},
                                                        [](RunnerObject& r, const Bound&) {
                                                          r.close();
                                                          return Value::none();
                                                        }));
    constructor(*runner, function("Runner", {kwonly("debug"), kwonly("loop_factory")}, [s](const Bound& b) {
                  if (!b[1].is_none())
                    runtime::raise(builtins().TypeError, "asim: Runner(loop_factory=...) is not modelled");
                  return Value(make<RunnerObject>(*s));
                }));
    m->dict["Runner"] = Value(runner);
    m->dict["Barrier"] = Value(types_.Barrier);
    m->dict["BrokenBarrierError"] = Value(exc.BrokenBarrierError);
    constructor(*types_.Barrier, function("Barrier", {pos("parties")}, [self](const Bound& b) {
                                   return Value(make<asyncio::Barrier>(self->binding(), b[0].as_int()));
                                 }));
    m->dict["TaskGroup"] = Value(types_.TaskGroup);
    constructor(*types_.TaskGroup, function("TaskGroup", {}, [self](const Bound&) {
                                     return Value(make<asyncio::TaskGroup>(&self->loop()));
                                   }));
    def(*m, "timeout", {pos("delay")}, [self](const Bound& b) {
      return Value(asyncio::timeout(self->loop(), optional_seconds(b[0], "delay")));
    });
    def(*m, "timeout_at", {pos("when")}, [self](const Bound& b) {
      return Value(asyncio::timeout_at(self->loop(), optional_seconds(b[0], "when")));
    });
  }
  if (profile.eager_task_factory)
    m->dict["eager_task_factory"] =
        Value(function("create_eager_task_factory.<locals>.factory", {pos("loop"), pos("coro"), kwonly("name"), kwonly("context")},
                       [](const Bound& b) {
                         auto* l = b[0].as<LoopObject>();
                         return Value(l->loop->create_task(require_coroutine(l->loop->profile(), b[1])));
                       }));

  m->dict["CancelledError"] = Value(exc.CancelledError);
  m->dict["TimeoutError"] = Value(exc.TimeoutError);
  m->dict["InvalidStateError"] = Value(exc.InvalidStateError);
  m->dict["QueueEmpty"] = Value(exc.QueueEmpty);
  m->dict["QueueFull"] = Value(exc.QueueFull);
  m->dict["FIRST_COMPLETED"] = Value::str("FIRST_COMPLETED");
  m->dict["FIRST_EXCEPTION"] = Value::str("FIRST_EXCEPTION");
  m->dict["ALL_COMPLETED"] = Value::str("ALL_COMPLETED");
  return m;
}

}  // namespace

Ref<runtime::Module> make_asyncio_module(Session& session) {
  // Owned by the session so the closures' `self` stays valid for the whole run.
  auto module = std::make_shared<AsyncioModule>(session);
  session.keep_alive(module);
  return module->build();
}

}  // namespace asim::modules
