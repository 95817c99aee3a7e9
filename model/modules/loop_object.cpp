#include "model/modules/loop_object.hpp"

#include <fmt/format.h>

#include "model/asyncio/futures.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/modules/asyncio_types.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/native_coroutine.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::Ref;
using runtime::Value;

std::optional<Value> LoopObject::get_attribute(std::string_view name) {
  if (auto it = attributes.find(name); it != attributes.end()) return it->second;
  return std::nullopt;
}

bool LoopObject::set_attribute(std::string_view name, const Value& value) {
  auto cls = runtime::type_of(Value(Ref<LoopObject>(this)));
  if (cls->has_getter(name)) return false;  // the model's own: not writable
  if (name == "create_future") {
    loop->set_create_future([value] {
      Value made = runtime::call(value, {});
      auto* fut = made.as<asyncio::Future>();
      if (!fut)
        not_modelled("loop.create_future returning " + runtime::type_name(made),
                     "asim runs only asyncio.Future objects as futures");
      return Ref<asyncio::Future>(fut);
    });
  } else if (name == "slow_callback_duration") {
    loop->slow_callback_duration = to_seconds(value, "slow_callback_duration");
  } else if (cls->lookup_class(name)) {
    not_modelled(fmt::format("replacing loop.{}", name), "asyncio's own calls of it would not reach the replacement");
  }
  attributes.insert_or_assign(std::string(name), value);
  return true;
}

bool LoopObject::del_attribute(std::string_view name) {
  auto it = attributes.find(name);
  if (it == attributes.end()) return false;
  if (name == "create_future") loop->set_create_future(nullptr);
  attributes.erase(it);
  return true;
}

// _UnixSelectorEventLoop makes its selector itself.
void LoopObject::check_selector() const {}

// BaseEventLoop._run_once selects on self._selector, which only its
// subclasses make: a BaseEventLoop made directly runs once the program gave
// it one (CPython's tests give a mock that reports no I/O, all that asim's
// loop ever sees).
void BaseLoopObject::check_selector() const {
  if (!attributes.contains("_selector"))
    runtime::raise(runtime::Runtime::current().builtins.AttributeError,
                   "'BaseEventLoop' object has no attribute '_selector'");
}

std::string LoopObject::repr() const {
  return fmt::format("<{} running={} closed={} debug={}>", type_name(), loop->is_running() ? "True" : "False",
                     loop->is_closed() ? "True" : "False", loop->get_debug() ? "True" : "False");
}

double to_seconds(const Value& given, std::string_view what) {
  const Value& v = runtime::plain_number(given);  // a float subclass's own number
  switch (v.kind()) {
    case Value::Kind::Int: return static_cast<double>(v.as_int());
    case Value::Kind::Float: return v.as_float();
    case Value::Kind::Bool: return v.as_bool() ? 1.0 : 0.0;
    default:
      runtime::raise(runtime::Runtime::current().builtins.TypeError,
                     fmt::format("{} must be a number, not {}", what, runtime::type_name(given)));
  }
}

runtime::Ref<runtime::Context> context_of(const Value& v) {
  if (v.is_none()) return nullptr;
  auto* ctx = v.as<runtime::Context>();
  if (!ctx)
    runtime::raise(runtime::Runtime::current().builtins.TypeError,
                   fmt::format("asim: context= takes a contextvars.Context, not {}", runtime::type_name(v)));
  return Ref<runtime::Context>(ctx);
}

namespace {

// The Python half of asyncio's thread support.
Value asyncio_threads(Session& session, std::string_view name) {
  return runtime::getattr(Value(session.find("_asyncio_threads")), name);
}

// Once a loop may have a default executor, asyncio.run's shutdown of it and
// close() go through the Python that keeps it.
void install_executor_hooks(Session& session, LoopObject& l, const Value& self) {
  if (l.loop->executor_hooks.close) return;
  l.loop->executor_hooks.shutdown_for_run = [&session, self] {
    const Value args[] = {self};
    return runtime::call(asyncio_threads(session, "shutdown_default_executor_for_run"), args);
  };
  l.loop->executor_hooks.close = [&session, self] {
    const Value args[] = {self};
    runtime::call(asyncio_threads(session, "close"), args);
  };
}

// The callback a call_soon / call_later / call_at is given: in debug mode
// checked as BaseEventLoop._check_callback does (`method` names the method
// that checks: call_later's call_at); otherwise anything is scheduled, and a
// callback that is not callable fails when its handle runs.
Ref<runtime::Callable> callable_arg(Session& session, LoopObject& l, const Value& v, std::string_view method) {
  const auto& b = runtime::Runtime::current().builtins;
  if (l.loop->get_debug()) {
    const Value asyncio_module(session.find("asyncio"));
    const Value arg[] = {v};
    if (runtime::truthy(runtime::call(runtime::getattr(asyncio_module, "iscoroutine"), arg)) ||
        runtime::truthy(runtime::call(runtime::getattr(asyncio_module, "iscoroutinefunction"), arg)))
      runtime::raise(b.TypeError, fmt::format("coroutines cannot be used with {}()", method));
    if (!runtime::is_callable(v))
      runtime::raise(b.TypeError, fmt::format("a callable object was expected by {}(), got {}", method, runtime::to_repr(v)));
  }
  Ref<runtime::Callable> fn = runtime::as_callback(v);
  return fn ? fn : runtime::make<asyncio::UncheckedCallback>(v);
}

// The context of call_exception_handler: a dict; anything else fails at
// its first context.get().
runtime::Dict& context_arg(const Value& v) {
  auto* dict = v.as<runtime::Dict>();
  if (!dict)
    runtime::raise(runtime::Runtime::current().builtins.AttributeError,
                   fmt::format("'{}' object has no attribute 'get'", runtime::type_name(v)));
  return *dict;
}

// The `*args` a call_soon / call_later / call_at passes to its callback.
asyncio::HandleArgs rest_args(const Bound& b) {
  return {b.rest.begin(), b.rest.end()};
}

}  // namespace

Ref<runtime::Type> make_loop_type(Session& session, const Ref<runtime::Type>& object_type) {
  // BaseEventLoop holds the methods; the loops asyncio makes are of its
  // subclass _UnixSelectorEventLoop (its selector's part is not modelled).
  auto t = runtime::make<runtime::Type>("asyncio.base_events", "BaseEventLoop", object_type);
  t->add_method("time", method<LoopObject>("BaseEventLoop.time", {}, [](LoopObject& l, const Bound&) {
                  return Value::floating(l.loop->time());
                }));
  // BaseEventLoop._ready, which programs and CPython's tests read to see
  // what the next iteration runs: a collections.deque of the handles as
  // they stand (a copy: changing it does not reach the loop).
  t->add_getter("_ready", [&session](const Value& self) {
    std::vector<Value> handles;
    for (const auto& handle : self.as<LoopObject>()->loop->ready()) handles.push_back(Value(handle));
    const Value args[] = {Value(runtime::make<runtime::List>(std::move(handles)))};
    return runtime::call(runtime::getattr(Value(session.find("collections")), "deque"), args);
  });
  t->add_method("create_future", method<LoopObject>("BaseEventLoop.create_future", {}, [](LoopObject& l, const Bound&) {
                  return Value(l.loop->create_future());
                }));
  // name= from 3.8, context= from 3.11.
  const bool names = session.profile().task_names, contexts = session.profile().create_task_takes_context;
  std::vector<Param> task_params{pos("coro")};
  if (names) task_params.push_back(kwonly("name"));
  if (contexts) task_params.push_back(kwonly("context"));
  t->add_method("create_task",
                method<LoopObject>("BaseEventLoop.create_task", task_params,
                                   [names, contexts, &profile = session.profile()](LoopObject& l, const Bound& b) {
                                     auto* coro = b[1].as<runtime::Coroutine>();
                                     if (!asyncio::iscoroutine(profile, b[1]))
                                       runtime::raise(runtime::Runtime::current().builtins.TypeError,
                                                      "a coroutine was expected, got " + runtime::to_repr(b[1]));
                                     std::optional<std::string> name;
                                     if (names && !b[2].is_none()) name = runtime::str(b[2]);
                                     return Value(l.loop->create_task(Ref<runtime::Coroutine>(coro), name,
                                                                      contexts ? context_of(b.values.back()) : nullptr));
                                   }));
  t->add_method("call_soon", method<LoopObject>("BaseEventLoop.call_soon",
                                                {pos("callback"), varargs("args"), kwonly("context")},
                                                [&session](LoopObject& l, const Bound& b) {
                                                  return Value(l.loop->call_soon(callable_arg(session, l, b[1], "call_soon"), rest_args(b),
                                                                                 context_of(b[3])));
                                                }));
  t->add_method("call_later", method<LoopObject>("BaseEventLoop.call_later",
                                                 {pos("delay"), pos("callback"), varargs("args"), kwonly("context")},
                                                 [&session](LoopObject& l, const Bound& b) {
                                                   return Value(l.loop->call_later(to_seconds(b[1], "delay"),
                                                                                   callable_arg(session, l, b[2], "call_at"), rest_args(b),
                                                                                   context_of(b[4])));
                                                 }));
  t->add_method("call_at", method<LoopObject>("BaseEventLoop.call_at",
                                              {pos("when"), pos("callback"), varargs("args"), kwonly("context")},
                                              [&session](LoopObject& l, const Bound& b) {
                                                return Value(l.loop->call_at(to_seconds(b[1], "when"),
                                                                             callable_arg(session, l, b[2], "call_at"), rest_args(b),
                                                                             context_of(b[4])));
                                              }));
  // call_soon_threadsafe also wakes the selector through the self-pipe; on
  // the virtual clock (asim and the harness alike) no I/O is ever reported,
  // so it schedules exactly as call_soon does.
  // call_soon_threadsafe also wakes the selector through the self-pipe: a
  // select the loop's thread waits in returns (model/modules/threads.hpp).
  t->add_method("call_soon_threadsafe", method<LoopObject>("BaseEventLoop.call_soon_threadsafe",
                                                          {pos("callback"), varargs("args"), kwonly("context")},
                                                          [&session](LoopObject& l, const Bound& b) {
                                                            Value handle(l.loop->call_soon(callable_arg(session, l, b[1], "call_soon_threadsafe"),
                                                                                           rest_args(b), context_of(b[3])));
                                                            if (auto* threads = session.threads_if_any()) threads->wake_selector();
                                                            return handle;
                                                          }));
  // The default executor and its threads are Python (stdlib/_asyncio_threads.py).
  t->add_method("run_in_executor", method<LoopObject>("BaseEventLoop.run_in_executor",
                                                     {pos("executor"), pos("func"), varargs("args")},
                                                     [&session](LoopObject& l, const Bound& b) {
                                                       install_executor_hooks(session, l, b[0]);
                                                       std::vector<Value> args{b[0], b[1], b[2]};
                                                       args.insert(args.end(), b.rest.begin(), b.rest.end());
                                                       return runtime::call(asyncio_threads(session, "run_in_executor"), args);
                                                     }));
  t->add_method("set_default_executor", method<LoopObject>("BaseEventLoop.set_default_executor", {pos("executor")},
                                                          [&session](LoopObject& l, const Bound& b) {
                                                            install_executor_hooks(session, l, b[0]);
                                                            const Value args[] = {b[0], b[1]};
                                                            return runtime::call(asyncio_threads(session, "set_default_executor"), args);
                                                          }));
  for (const char* name : {"create_connection", "create_server", "create_datagram_endpoint", "getaddrinfo",
                           "getnameinfo", "sock_connect", "sock_accept", "sock_recv", "sock_recv_into",
                           "sock_sendall", "sock_sendfile", "sendfile", "start_tls", "connect_accepted_socket",
                           "connect_read_pipe", "connect_write_pipe", "create_unix_connection",
                           "create_unix_server", "add_reader", "remove_reader", "add_writer", "remove_writer",
                           "add_signal_handler", "remove_signal_handler", "subprocess_exec", "subprocess_shell"})
    t->dict[name] = Value(not_modelled_function(std::string("loop.") + name, "asim models no I/O or signals"));
  // BaseEventLoop.get_debug / set_debug
  t->add_method("get_debug", method<LoopObject>("BaseEventLoop.get_debug", {}, [](LoopObject& l, const Bound&) {
                  return Value::boolean(l.loop->get_debug());
                }));
  t->add_method("set_debug", method<LoopObject>("BaseEventLoop.set_debug", {pos("enabled")}, [](LoopObject& l, const Bound& b) {
                  const bool enabled = runtime::truthy(b[1]);
                  l.loop->set_debug(enabled);
                  // A running loop hands the change of coroutine origin
                  // tracking to a callback of its own.
                  if (l.loop->is_running())
                    l.loop->call_soon(runtime::native_function("BaseEventLoop._set_coroutine_origin_tracking",
                                                               [enabled](std::span<const Value>) {
                                                                 runtime::Runtime::current().coroutine_origin_tracking_depth =
                                                                     enabled ? 10 : 0;
                                                                 return Value::none();
                                                               }),
                                      {Value::boolean(enabled)});
                  return Value::none();
                }));
  t->add_method("is_running", method<LoopObject>("BaseEventLoop.is_running", {}, [](LoopObject& l, const Bound&) {
                  return Value::boolean(l.loop->is_running());
                }));
  t->add_method("is_closed", method<LoopObject>("BaseEventLoop.is_closed", {}, [](LoopObject& l, const Bound&) {
                  return Value::boolean(l.loop->is_closed());
                }));
  t->add_method("run_until_complete",
                method<LoopObject>("BaseEventLoop.run_until_complete", {pos("future")},
                                   [&session](LoopObject& l, const Bound& b) {
                                     l.check_selector();
                                     session.refuse_loop_outside_main_thread();
                                     asyncio::ProgramRun run(*l.loop->process());
                                     return l.loop->run_until_complete(b[1]);
                                   }));
  t->add_method("run_forever", method<LoopObject>("BaseEventLoop.run_forever", {}, [&session](LoopObject& l, const Bound&) {
                  l.check_selector();
                  session.refuse_loop_outside_main_thread();
                  asyncio::ProgramRun run(*l.loop->process());
                  l.loop->run_forever();
                  return Value::none();
                }));
  // BaseEventLoop.shutdown_asyncgens / shutdown_default_executor (3.9+), as
  // asyncio.run awaits them, for programs (and unittest's
  // IsolatedAsyncioTestCase) that close a loop of their own.
  t->add_method("shutdown_asyncgens",
                method<LoopObject>("BaseEventLoop.shutdown_asyncgens", {}, [](LoopObject& l, const Bound&) {
                  return Value(l.loop->shutdown_asyncgens());
                }));
  if (session.profile().run_shuts_down_default_executor) {
    std::vector<Param> params;
    if (session.profile().minor >= 12) params.push_back(opt("timeout"));
    t->add_method("shutdown_default_executor",
                  method<LoopObject>("BaseEventLoop.shutdown_default_executor", params,
                                     [&session](LoopObject& l, const Bound& b) {
                                       install_executor_hooks(session, l, b[0]);
                                       std::vector<Value> args(b.values.begin(), b.values.end());
                                       return runtime::call(asyncio_threads(session, "shutdown_default_executor"), args);
                                     }));
  }
  t->add_method("stop", method<LoopObject>("BaseEventLoop.stop", {}, [](LoopObject& l, const Bound&) {
                  l.loop->stop();
                  return Value::none();
                }));
  t->add_method("close", method<LoopObject>("_UnixSelectorEventLoop.close", {}, [](LoopObject& l, const Bound&) {
                  l.loop->close();
                  return Value::none();
                }));
  // BaseEventLoop.set_task_factory. asyncio.eager_task_factory (3.12+) is
  // the model's own eager start; any other factory makes the tasks
  // create_task returns (BaseEventLoop.create_task's factory branch).
  const auto& profile = session.profile();
  t->add_method("set_task_factory",
                method<LoopObject>("BaseEventLoop.set_task_factory", {pos("factory")},
                                   [&profile](LoopObject& l, const Bound& b) {
                                     const Value self = b[0], factory = b[1];
                                     if (!factory.is_none() && !runtime::is_callable(factory))
                                       runtime::raise(runtime::Runtime::current().builtins.TypeError,
                                                      "task factory must be a callable or None");
                                     const bool eager = profile.eager_task_factory && factory.as<EagerTaskFactory>();
                                     l.task_factory = factory;
                                     l.loop->set_eager_task_factory(eager);
                                     if (factory.is_none() || eager) {
                                       l.loop->set_task_factory(nullptr);
                                       return Value::none();
                                     }
                                     l.loop->set_task_factory([self, factory, &profile](
                                                                  Ref<runtime::Coroutine> coro,
                                                                  std::optional<std::string> name,
                                                                  Ref<runtime::Context> context) {
                                       const Value args[2] = {self, Value(coro)};
                                       Value task;
                                       if (context) {
                                         const runtime::Keyword kw[1] = {{"context", Value(context)}};
                                         task = runtime::call(factory, args, kw);
                                       } else {
                                         task = runtime::call(factory, args);
                                       }
                                       // tasks._set_task_name (3.8-3.12), task.set_name (3.13)
                                       if (profile.task_names && (name || profile.task_factory_sets_name_always)) {
                                         const Value name_arg[1] = {name ? Value::str(*name) : Value::none()};
                                         runtime::call(runtime::getattr(task, "set_name"), name_arg);
                                       }
                                       auto* made = task.as<asyncio::Task>();
                                       if (!made)
                                         not_modelled("a task factory returning " + runtime::type_name(task),
                                                      "asim runs only asyncio.Task objects as tasks");
                                       return Ref<asyncio::Task>(made);
                                     });
                                     return Value::none();
                                   }));
  // BaseEventLoop.set_exception_handler and friends (base_events.py).
  t->add_method("set_exception_handler",
                method<LoopObject>("BaseEventLoop.set_exception_handler", {pos("handler")},
                                   [](LoopObject& l, const Bound& b) {
                                     const Value handler = b[1];
                                     if (!handler.is_none() && !runtime::is_callable(handler))
                                       runtime::raise(runtime::Runtime::current().builtins.TypeError,
                                                      "A callable object or None is expected, got " +
                                                          runtime::to_repr(handler));
                                     l.exception_handler = handler;
                                     if (handler.is_none()) {
                                       l.loop->set_exception_handler(nullptr);
                                     } else {
                                       const Value self = b[0];
                                       l.loop->set_exception_handler([self, handler](const Value& context) {
                                         const Value args[2] = {self, context};
                                         runtime::call(handler, args);
                                       });
                                     }
                                     return Value::none();
                                   }));
  t->add_method("get_exception_handler",
                method<LoopObject>("BaseEventLoop.get_exception_handler", {},
                                   [](LoopObject& l, const Bound&) { return l.exception_handler; }));
  t->add_method("default_exception_handler",
                method<LoopObject>("BaseEventLoop.default_exception_handler", {pos("context")},
                                   [](LoopObject& l, const Bound& b) {
                                     l.loop->default_exception_handler(context_arg(b[1]));
                                     return Value::none();
                                   }));
  t->add_method("call_exception_handler",
                method<LoopObject>("BaseEventLoop.call_exception_handler", {pos("context")},
                                   [](LoopObject& l, const Bound& b) {
                                     l.loop->call_exception_handler(Ref<runtime::Dict>(&context_arg(b[1])));
                                     return Value::none();
                                   }));
  t->add_method("get_task_factory", method<LoopObject>("BaseEventLoop.get_task_factory", {}, [](LoopObject& l, const Bound&) {
                  return l.task_factory;
                }));
  return runtime::make<runtime::Type>("asyncio.unix_events", "_UnixSelectorEventLoop", t);
}

}  // namespace asim::modules
