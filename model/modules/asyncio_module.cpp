// The `asyncio` module a scenario imports: CPython's public API for the
// session's version, each function a thin bridge to model/asyncio.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "model/asyncio/as_completed.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/asyncio/locks.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/taskgroups.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/asyncio/timeouts.hpp"
#include "model/lang/function.hpp"
#include "model/modules/asyncio_coroutines.hpp"
#include "model/modules/asyncio_private_attributes.hpp"
#include "model/modules/asyncio_subclasses.hpp"
#include "model/modules/asyncio_types.hpp"
#include "model/modules/loop_object.hpp"
#include "model/modules/runner_object.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/generic_alias.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::modules {

using runtime::builtins;
using runtime::make;
using runtime::Ref;
using runtime::Value;

namespace {

Ref<runtime::Coroutine> require_coroutine(const asyncio::VersionProfile& profile, const Value& v) {
  if (!asyncio::iscoroutine(profile, v))
    runtime::raise(builtins().TypeError, "a coroutine was expected, got " + runtime::to_repr(v));
  return Ref<runtime::Coroutine>(v.as<runtime::Coroutine>());
}

// coroutines.iscoroutinefunction: inspect's, or a function
// @asyncio.coroutine marked with `marker` (coroutines._is_coroutine).
bool iscoroutinefunction(const asyncio::VersionProfile& profile, const Value& v, const Value& marker) {
  if (inspect_iscoroutinefunction(profile, v)) return true;
  auto mark = runtime::getattr_opt(v, "_is_coroutine");
  return mark && mark->is_object() && mark->object() == marker.object();
}

// futures.isfuture, duck-typed as CPython's: the object's class has
// _asyncio_future_blocking (every Future class has) and the object's value
// of it is not None.
bool isfuture(const Value& obj, const runtime::Type& future_type) {
  if (obj.as<asyncio::Future>()) return true;
  auto cls = runtime::getattr_opt(obj, "__class__");
  auto* type = cls ? cls->as<runtime::Type>() : nullptr;
  if (!type || (!type->is_subclass_of(&future_type) && !type->lookup_class("_asyncio_future_blocking"))) return false;
  auto flag = runtime::getattr_opt(obj, "_asyncio_future_blocking");
  return flag && !flag->is_none();
}

// The body of one of asyncio's `async def`s, made when the coroutine starts
// on the loop that runs it (see AsyncioModule::deferred).
using CoroutineOnLoop = std::function<Ref<runtime::Coroutine>(asyncio::EventLoop&)>;

runtime::Coro start_on_running_loop(Session* session, CoroutineOnLoop body) {
  co_return co_await body(session->require_running_loop());
}

// tasks.sleep with a delay that is no int or float: its first line,
// `if delay <= 0:`, raises CPython's TypeError once the coroutine runs; a
// delay that compares (a Decimal) is beyond the model's clock.
runtime::Coro sleep_odd_delay(Value delay) {
  runtime::compare(runtime::CmpOp::LtE, delay, Value::integer(0));
  not_modelled("asyncio.sleep with a delay of type " + runtime::type_name(delay), "asim's clock takes int and float delays");
  co_return Value::none();
}

std::optional<double> optional_seconds(const Value& v, std::string_view what) {
  if (v.is_none()) return std::nullopt;
  return to_seconds(v, what);
}

// Calling the class runs `fn`, as a native class's tp_new/tp_init would. A
// program's subclass of it (Future, Task, TaskGroup, Barrier, Runner) is not
// modelled: its instances would be the base's objects, without its methods.
void constructor(runtime::Type& type, Ref<BuiltinFunction> fn) {
  const runtime::Type* native = &type;
  type.constructor = [fn, native](const Ref<runtime::Type>& cls, std::span<const Value> args,
                                  std::span<const runtime::Keyword> kwargs) {
    if (cls.get() != native)
      not_modelled(fmt::format("{} deriving from asyncio.{}", cls->qualname, native->name),
                   "asim models asyncio's own class only");
    return fn->call_kw(args, kwargs);
  };
}

// One of asyncio's functions for threads (to_thread, wrap_future,
// run_coroutine_threadsafe): a Python function of stdlib/_asyncio_threads.py,
// which is imported at the first call rather than with asyncio.
class ThreadsFunction : public runtime::Callable {
 public:
  ThreadsFunction(Session& session, std::string name) : session_(session), name_(std::move(name)) {}
  std::string_view type_name() const override { return "function"; }
  std::string repr() const override { return fmt::format("<function {} at {}>", name_, address_text()); }
  std::string qualname() const override { return name_; }
  Value call(std::span<const Value> args) override { return call_kw(args, {}); }
  Value call_kw(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) override {
    return runtime::call(runtime::getattr(Value(session_.find("_asyncio_threads")), name_), args, kwargs);
  }

 private:
  Session& session_;
  std::string name_;
};

class AsyncioModule {
 public:
  explicit AsyncioModule(Session& session) : session_(session), types_(make_asyncio_types(session)) {}

  Ref<runtime::Module> build();

 private:
  // get_running_loop(), for what CPython runs only inside a loop.
  asyncio::EventLoop& loop() { return session_.require_running_loop(); }
  // get_event_loop(), for what CPython also allows outside one.
  asyncio::EventLoop& event_loop() { return session_.get_event_loop(); }
  // A loop= argument: one of asyncio's own loops.
  asyncio::EventLoop& loop_object_arg(const Value& given, const char* what) {
    if (auto* loop = given.as<LoopObject>()) return *loop->loop;
    not_modelled(what, "a loop object other than asyncio's own");
  }
  // The loop a Queue, Lock, Event or Semaphore made now will use.
  asyncio::LoopBinding binding() {
    if (session_.profile().loop_bound_on_first_use) return asyncio::LoopBinding(session_.process());
    return asyncio::LoopBinding(&event_loop());
  }
  Value loop_object(asyncio::EventLoop& loop);
  // A new loop object's own attributes, as BaseEventLoop.__init__ sets them.
  Ref<LoopObject> loop_attributes(Ref<LoopObject> obj);
  // sleep, wait and wait_for are `async def`s that look their loop up in
  // their body: called where no loop runs (as in
  // `loop.run_until_complete(asyncio.wait(tasks))`) they only make the
  // coroutine, and `body` runs on the loop that starts it. `given` is a
  // loop= argument.
  Value deferred(std::string_view name, asyncio::EventLoop* given, CoroutineOnLoop body) {
    if (auto* loop = given ? given : session_.running_loop()) return Value(body(*loop));
    return Value(runtime::native(name, start_on_running_loop(&session_, std::move(body))));
  }
  // Whether asyncio's functions and classes take loop= (3.7-3.9).
  bool takes_loop() const { return session_.profile().loop_parameter <= asyncio::LoopParameter::Deprecated; }
  // `params` with the keyword-only loop= last, where the version has it.
  std::vector<Param> with_loop(std::vector<Param> params) const {
    if (takes_loop()) params.push_back(kwonly("loop"));
    return params;
  }
  // The loop= argument, when the version takes one (the last parameter):
  // nullptr when absent or None. 3.8-3.9 warn that it is deprecated, 3.8
  // only where the function needs a loop (`used`).
  asyncio::EventLoop* loop_argument(const Bound& b, bool used = true) const;
  // The constructor of one of asyncio's classes: `Queue.__init__` (3.10+) or
  // `__init__` in its argument errors; 3.10 refuses loop= with a hint naming
  // `cls`, earlier versions take it (with_loop).
  Ref<BuiltinFunction> init(const std::string& owner, const std::string& cls, std::vector<Param> params,
                            BuiltinFunction::Body body);
  // The loop a primitive made with these arguments binds: loop= (3.7-3.9),
  // else binding().
  asyncio::LoopBinding binding(const Bound& b) {
    if (auto* given = loop_argument(b)) return asyncio::LoopBinding(given);
    if (takes_loop() && !b.values.back().is_none()) return asyncio::LoopBinding(session_.process(), b.values.back());
    return binding();
  }
  void def(runtime::Module& m, std::string name, std::vector<Param> params, BuiltinFunction::Body body) {
    Value fn(function(name, std::move(params), std::move(body)));
    m.dict[std::move(name)] = std::move(fn);
  }

  Session& session_;
  AsyncioTypes types_;
  // 3.10's default for loop= in the primitives: anything else was passed.
  Value loop_marker_ = Value::str("<loop marker>");
  // coroutines._is_coroutine: what @asyncio.coroutine sets on a function.
  Value is_coroutine_marker_ = Value(make<runtime::Instance>(runtime::Runtime::current().types.object));
  std::map<const asyncio::EventLoop*, Ref<LoopObject>> loop_objects_;
  // tasks' _current_tasks and _all_tasks for the loops and tasks that are
  // not asim's (mocks CPython's tests hand to _enter_task, _register_task):
  // asim's own tasks keep their records in the model.
  std::vector<std::pair<Value, Value>> foreign_current_;  // (loop, task)
  std::vector<Value> foreign_tasks_;
  Value* foreign_current(const Value& loop) {
    for (auto& [l, t] : foreign_current_)
      if (l.object() == loop.object()) return &t;
    return nullptr;
  }
  void add_task_records(runtime::Module& tasks);
};

void AsyncioModule::add_task_records(runtime::Module& tasks) {
  auto foreign_loop = [](const Value& loop, const std::string& what) {
    if (loop.as<LoopObject>())
      not_modelled("asyncio.tasks." + what + " on an asyncio event loop", "asim keeps its tasks' records itself");
  };
  for (const std::string prefix : {"_", "_py_", "_c_"}) {
    tasks.dict[prefix + "register_task"] = Value(function(prefix + "register_task", {pos("task")}, [this, prefix](const Bound& b) {
      if (b[0].as<asyncio::Task>())
        not_modelled("asyncio.tasks." + prefix + "register_task on an asyncio Task", "asim keeps its tasks' records itself");
      if (std::none_of(foreign_tasks_.begin(), foreign_tasks_.end(), [&](const Value& t) { return t.object() == b[0].object(); }))
        foreign_tasks_.push_back(b[0]);
      return Value::none();
    }));
    tasks.dict[prefix + "unregister_task"] = Value(function(prefix + "unregister_task", {pos("task")}, [this](const Bound& b) {
      std::erase_if(foreign_tasks_, [&](const Value& t) { return t.object() == b[0].object(); });
      return Value::none();
    }));
    tasks.dict[prefix + "enter_task"] =
        Value(function(prefix + "enter_task", {pos("loop"), pos("task")}, [this, prefix, foreign_loop](const Bound& b) {
          foreign_loop(b[0], prefix + "enter_task");
          if (Value* current = foreign_current(b[0]); current && !current->is_none())
            runtime::raise(builtins().RuntimeError,
                           fmt::format("Cannot enter into task {} while another task {} is being executed.",
                                       runtime::repr(b[1]), runtime::repr(*current)));
          foreign_current_.emplace_back(b[0], b[1]);
          return Value::none();
        }));
    tasks.dict[prefix + "leave_task"] =
        Value(function(prefix + "leave_task", {pos("loop"), pos("task")}, [this, prefix, foreign_loop](const Bound& b) {
          foreign_loop(b[0], prefix + "leave_task");
          Value* current = foreign_current(b[0]);
          if (!current || current->object() != b[1].object())
            runtime::raise(builtins().RuntimeError,
                           fmt::format("Leaving task {} does not match the current task {}.", runtime::repr(b[1]),
                                       current ? runtime::repr(*current) : "None"));
          std::erase_if(foreign_current_, [&](const auto& entry) { return entry.first.object() == b[0].object(); });
          return Value::none();
        }));
  }
}

asyncio::EventLoop* AsyncioModule::loop_argument(const Bound& b, bool used) const {
  if (!takes_loop() || b.values.back().is_none()) return nullptr;
  const auto lp = session_.profile().loop_parameter;
  if (lp == asyncio::LoopParameter::Deprecated || (lp == asyncio::LoopParameter::DeprecatedWhenUsed && used))
    runtime::Runtime::current().warn(
        "DeprecationWarning: The loop argument is deprecated since Python 3.8, and scheduled for removal in "
        "Python 3.10.");
  auto* given = b.values.back().as<LoopObject>();
  return given ? given->loop : nullptr;
}

Ref<BuiltinFunction> AsyncioModule::init(const std::string& owner, const std::string& cls, std::vector<Param> params,
                                         BuiltinFunction::Body body) {
  const auto& profile = session_.profile();
  std::string name = profile.language.qualname_in_call_errors ? owner + ".__init__" : "__init__";
  if (profile.loop_parameter == asyncio::LoopParameter::RemovedWithHint) {
    // mixins._LoopBoundMixin.__init__
    params.push_back(kwonly("loop", loop_marker_));
    const Value marker = loop_marker_;
    body = [body, marker, cls](const Bound& b) {
      if (b.values.back().object() != marker.object())
        runtime::raise(builtins().TypeError, fmt::format("As of 3.10, the *loop* parameter was removed from {}() "
                                                         "since it is no longer necessary",
                                                         cls));
      return body(b);
    };
  } else {
    params = with_loop(std::move(params));
  }
  return runtime::make<BuiltinFunction>(cls, Signature(std::move(name), std::move(params)), std::move(body));
}

Value AsyncioModule::loop_object(asyncio::EventLoop& loop) {
  auto& obj = loop_objects_[&loop];
  if (!obj) obj = loop_attributes(make<LoopObject>(&loop));
  return Value(obj);
}

Ref<LoopObject> AsyncioModule::loop_attributes(Ref<LoopObject> obj) {
  // BaseEventLoop.__init__'s attribute, read only in debug mode.
  obj->attributes.insert_or_assign("slow_callback_duration", Value::floating(0.1));
  return obj;
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
    s->refuse_run_in_running_loop(b[0]);
    if (!asyncio::iscoroutine(profile, b[0])) {
      auto error = runtime::new_exception(builtins().ValueError, "a coroutine was expected, got " + runtime::to_repr(b[0]));
      if (profile.run_checks_main_in_runner) s->close_refusing_runner(!b[1].is_none() ? std::optional<bool>(runtime::truthy(b[1])) : std::nullopt);
      throw runtime::PyError{error};
    }
    return s->run(require_coroutine(profile, b[0]), !b[1].is_none() && runtime::truthy(b[1]));
  });
  // tasks.sleep
  def(*m, "sleep", with_loop({pos("delay"), opt("result")}), [self](const Bound& b) {
    const auto kind = runtime::plain_number(b[0]).kind();
    if (kind != Value::Kind::Int && kind != Value::Kind::Float && kind != Value::Kind::Bool)
      return Value(runtime::native("sleep", sleep_odd_delay(b[0])));
    const double delay = to_seconds(b[0], "delay");
    return self->deferred("sleep", self->loop_argument(b, delay > 0), [delay, result = b[1]](asyncio::EventLoop& loop) {
      return asyncio::sleep(loop, delay, result);
    });
  });
  // tasks.create_task
  // name= from 3.8, context= from 3.11.
  std::vector<Param> task_params{pos("coro")};
  if (profile.task_names) task_params.push_back(kwonly("name"));
  if (profile.create_task_takes_context) task_params.push_back(kwonly("context"));
  def(*m, "create_task", task_params, [self, &profile](const Bound& b) {
    auto coro = require_coroutine(profile, b[0]);
    asyncio::EventLoop* running = nullptr;
    try {
      running = &self->loop();
    } catch (runtime::PyError& e) {
      // get_running_loop() failed in create_task's frame, which holds
      // `coro`: unawaited until the exception is freed.
      e.exc->frame_locals.emplace_back(b[0].object());
      asyncio::add_library_frame(*e.exc, asyncio::LibraryFrame::CreateTask, profile.minor);
      throw;
    }
    auto& loop = *running;
    auto context = profile.create_task_takes_context ? context_of(b.values.back()) : nullptr;
    if (!profile.task_names || b[1].is_none()) return Value(loop.create_task(coro, {}, context));
    // 3.8-3.12 create the task unnamed (using up a Task-N number), then rename it.
    auto task = profile.named_create_task_uses_number ? loop.create_task(coro, {}, context)
                                                      : loop.create_task(coro, runtime::to_str(b[1]), context);
    task->set_name(runtime::to_str(b[1]));
    return Value(task);
  });
  // tasks.ensure_future: a future as it is (on the loop given, if one is),
  // a coroutine as a task of the loop given, else of get_event_loop().
  // The argument is checked before any loop is looked for.
  def(*m, "ensure_future", {pos("coro_or_future"), kwonly("loop")}, [self](const Bound& b) {
    const auto& profile = self->session_.profile();
    if (auto* fut = b[0].as<asyncio::Future>()) {
      if (!b[1].is_none() && &self->loop_object_arg(b[1], "ensure_future(loop=...)") != fut->get_loop())
        runtime::raise(builtins().ValueError, std::string(profile.future_loop_mismatch));
      return b[0];
    }
    if (isfuture(b[0], *self->types_.Future)) {
      if (!b[1].is_none())
        not_modelled("ensure_future(loop=...) of a " + runtime::type_name(b[0]),
                     "asim checks the loop of its own futures only");
      return b[0];
    }
    if (!asyncio::isawaitable(profile, b[0]))
      runtime::raise(builtins().TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
    asyncio::EventLoop* given = b[1].is_none() ? nullptr : &self->loop_object_arg(b[1], "ensure_future(loop=...)");
    return Value(asyncio::ensure_future(given ? *given : self->event_loop(), b[0]));
  });
  // tasks.gather: the loop given (3.7-3.9), else the first argument's: a
  // future's own, a coroutine's get_event_loop().
  def(*m, "gather", with_loop({varargs("coros_or_futures"), kwonly("return_exceptions", Value::boolean(false))}),
      [self](const Bound& b) {
        auto* given = self->loop_argument(b, b.rest.empty());
        if (b.rest.empty()) return Value(asyncio::gather(given ? *given : self->event_loop(), {}, false));
        if (!given)
          if (auto* first = b.rest.front().as<asyncio::Future>()) given = first->get_loop();
        return Value(asyncio::gather(given ? *given : self->event_loop(), b.rest, runtime::truthy(b[1])));
      });
  // tasks.as_completed
  // A future or coroutine passed as `fs` is a TypeError before any loop is
  // looked for; before 3.13 the generator looks for the loop at its first
  // next(), so get_event_loop()'s error comes there. The loop the generator
  // is given then only carries the version's facts.
  def(*m, "as_completed", with_loop({pos("fs"), kwonly("timeout")}), [self, s, &profile](const Bound& b) {
    auto* given = self->loop_argument(b);
    if (!given && (asyncio::isfuture(b[0]) || asyncio::iscoroutine(profile, b[0]))) given = s->clock_loop();
    if (!given && profile.as_completed_design == asyncio::AsCompletedDesign::LegacyGenerator && s->clock_loop()) {
      try {
        given = &self->event_loop();
      } catch (runtime::PyError& e) {
        auto gen = make<asyncio::LegacyAsCompleted>(*s->clock_loop(), b[0], optional_seconds(b[1], "timeout"));
        gen->fail_at_loop_lookup(e.exc);
        return Value(gen);
      }
    }
    return asyncio::as_completed(given ? *given : self->event_loop(), b[0], optional_seconds(b[1], "timeout"));
  });
  // tasks.wait
  def(*m, "wait", with_loop({pos("fs"), kwonly("timeout"), kwonly("return_when", Value::str("ALL_COMPLETED"))}),
      [self](const Bound& b) {
        return self->deferred("wait", self->loop_argument(b),
                              [fs = b[0], timeout = optional_seconds(b[1], "timeout"), when = b[2]](asyncio::EventLoop& loop) {
                                return asyncio::wait(loop, fs, timeout, when);
                              });
      });
  // tasks.wait_for
  def(*m, "wait_for", with_loop({pos("fut"), pos("timeout")}), [self](const Bound& b) {
    return self->deferred("wait_for", self->loop_argument(b),
                          [aw = b[0], timeout = optional_seconds(b[1], "timeout")](asyncio::EventLoop& loop) {
                            return asyncio::wait_for(loop, aw, timeout);
                          });
  });
  // tasks.shield
  // inner = ensure_future(arg, loop=loop); outer is made on inner's loop.
  def(*m, "shield", with_loop({pos("arg")}), [self](const Bound& b) {
    auto* given = self->loop_argument(b);
    if (auto* fut = b[0].as<asyncio::Future>()) {
      if (given && given != fut->get_loop())
        runtime::raise(builtins().ValueError, std::string(self->session_.profile().future_loop_mismatch));
      given = fut->get_loop();
    }
    return Value(asyncio::shield(given ? *given : self->event_loop(), b[0]));
  });
  // tasks.current_task / tasks.all_tasks
  // A loop given is asked as it is, running or not.
  auto given_or_running = [self](const Value& loop) -> asyncio::EventLoop& {
    if (auto* given = loop.as<LoopObject>()) return *given->loop;
    return self->loop();
  };
  // A loop that is not asim's has the records _enter_task/_register_task
  // kept for it (add_task_records).
  def(*m, "current_task", {opt("loop")}, [self, given_or_running](const Bound& b) {
    if (!b[0].is_none() && !b[0].as<LoopObject>()) {
      Value* current = self->foreign_current(b[0]);
      return current ? *current : Value::none();
    }
    auto t = asyncio::current_task(given_or_running(b[0]));
    return t ? Value(t) : Value::none();
  });
  def(*m, "all_tasks", {opt("loop")}, [self, given_or_running](const Bound& b) {
    if (!b[0].is_none() && !b[0].as<LoopObject>()) {
      // {t for t in tasks if futures._get_loop(t) is loop and not t.done()}
      std::vector<Value> found;
      for (const Value& t : std::vector<Value>(self->foreign_tasks_)) {
        auto get_loop = runtime::getattr_opt(t, "get_loop");
        Value loop = get_loop ? runtime::call(*get_loop, {}) : runtime::getattr(t, "_loop");
        if (loop.object() == b[0].object() && !runtime::truthy(runtime::call(runtime::getattr(t, "done"), {})))
          found.push_back(t);
      }
      return runtime::make_set(found);
    }
    auto tasks = asyncio::all_tasks(given_or_running(b[0]));
    return runtime::make_set(std::vector<Value>(tasks.begin(), tasks.end()));
  });
  // _asyncio.Task.current_task / all_tasks (3.7-3.8): classmethods whose
  // loop is get_event_loop()'s by default.
  if (profile.task_class_methods) {
    auto given_or_event_loop = [self](const Value& loop) -> asyncio::EventLoop& {
      if (auto* given = loop.as<LoopObject>()) return *given->loop;
      return self->event_loop();
    };
    auto warn = [&profile](const char* method) {
      if (profile.task_class_methods_warn)
        runtime::Runtime::current().warn(
            fmt::format("DeprecationWarning: Task.{0}() is deprecated, use asyncio.{0}() instead", method));
    };
    types_.Task->dict["current_task"] = Value(make<runtime::ClassMethod>(Value(
        function("Task.current_task", {pos("cls"), opt("loop")}, [given_or_event_loop, warn](const Bound& b) {
          warn("current_task");
          auto t = asyncio::current_task(given_or_event_loop(b[1]));
          return t ? Value(t) : Value::none();
        }))));
    // tasks._all_tasks_compat counts the finished tasks still alive too.
    types_.Task->dict["all_tasks"] = Value(make<runtime::ClassMethod>(Value(
        function("Task.all_tasks", {pos("cls"), opt("loop")}, [warn](const Bound&) -> Value {
          warn("all_tasks");
          not_modelled("Task.all_tasks()", "it counts the finished tasks still alive, which asim does not keep");
        }))));
  }
  // events.get_running_loop / get_event_loop
  def(*m, "get_running_loop", {}, [self](const Bound&) { return self->loop_object(self->loop()); });
  def(*m, "get_event_loop", {}, [self](const Bound&) { return self->loop_object(self->event_loop()); });
  def(*m, "new_event_loop", {}, [self, s](const Bound&) { return self->loop_object(s->new_event_loop()); });
  // base_events.BaseEventLoop() itself: a new loop, of that class.
  const Ref<runtime::Type> base_loop = types_.Loop->base;
  constructor(*base_loop, function("BaseEventLoop", {}, [self, s](const Bound&) {
                auto& loop = s->new_event_loop();
                auto obj = self->loop_attributes(make<BaseLoopObject>(&loop));
                self->loop_objects_[&loop] = obj;
                return Value(obj);
              }));
  m->dict["BaseEventLoop"] = Value(base_loop);
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
  // events.set_event_loop_policy: None restores the default policy (test
  // modules' tearDownModule); asim models no policy objects.
  def(*m, "set_event_loop_policy", {pos("policy")}, [s](const Bound& b) {
    if (!b[0].is_none()) not_modelled("asyncio.set_event_loop_policy", "asim models only the default policy");
    s->reset_event_loop_policy();
    return Value::none();
  });
  // What asim leaves out: threads, sockets, subprocesses.
  const std::string io = "asim models no I/O: simulate it with asyncio.sleep";
  // Threads are Python (stdlib/_asyncio_threads.py, threading,
  // concurrent.futures), imported on first use rather than with asyncio.
  auto forward = [s](const std::string& name) { return make<ThreadsFunction>(*s, name); };
  if (profile.to_thread) m->dict["to_thread"] = Value(forward("to_thread"));
  m->dict["run_coroutine_threadsafe"] = Value(forward("run_coroutine_threadsafe"));
  m->dict["wrap_future"] = Value(forward("wrap_future"));
  for (const char* name : {"open_connection", "start_server", "open_unix_connection", "start_unix_server",
                           "create_subprocess_exec", "create_subprocess_shell"})
    m->dict[name] = Value(not_modelled_function(std::string("asyncio.") + name, io));
  // coroutines.iscoroutine / futures.isfuture
  def(*m, "iscoroutine", {pos("obj")},
      [&profile](const Bound& b) { return Value::boolean(asyncio::iscoroutine(profile, b[0])); });
  def(*m, "iscoroutinefunction", {pos("func")}, [this, &profile](const Bound& b) {
    return Value::boolean(iscoroutinefunction(profile, b[0], is_coroutine_marker_));
  });
  if (profile.asyncio_coroutine_decorator)
    def(*m, "coroutine", {pos("func")},
        [this, &profile](const Bound& b) { return coroutine(profile, b[0], is_coroutine_marker_); });
  def(*m, "isfuture", {pos("obj")}, [self](const Bound& b) { return Value::boolean(isfuture(b[0], *self->types_.Future)); });
  // The submodule these come from (asyncio/__init__.py imports it), for
  // attribute access and AttributeError's suggestions.
  auto coroutines = make<runtime::Module>("asyncio.coroutines");
  for (const char* name : {"iscoroutine", "iscoroutinefunction", "coroutine"})
    if (auto it = m->dict.find(name); it != m->dict.end()) coroutines->dict[name] = it->second;
  coroutines->dict["_is_coroutine"] = is_coroutine_marker_;
  m->dict["coroutines"] = Value(coroutines);

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
  // futures.Future.get_loop (Task inherits it): the loop object the program
  // sees, which only this module makes.
  types_.Future->add_method("get_loop", method<asyncio::Future>("Future.get_loop", {}, [self](asyncio::Future& f, const Bound&) {
                              return self->loop_object(*f.get_loop());
                            }));
  // Future._loop, which tests and programs read for the loop a future
  // belongs to.
  types_.Future->add_getter("_loop", [self](const Value& v) { return self->loop_object(*v.as<asyncio::Future>()->get_loop()); });
  // mixins._LoopBoundMixin._loop of the locks and queues: the loop bound
  // so far (3.7-3.9: get_event_loop()'s, at once), else None; a plain
  // attribute that tests write.
  auto loop_property = [self]<class T>(runtime::Type& type) {
    add_property<T>(
        type, "_loop",
        [self](T& obj) {
          const auto& binding = obj.binding();
          if (binding.foreign_loop()) return *binding.foreign_loop();
          auto* loop = binding.bound_loop();
          return loop ? self->loop_object(*loop) : Value::none();
        },
        [self](T& obj, const Value& loop) {
          auto& binding = obj.binding();
          if (auto* given = loop.as<LoopObject>())
            binding.rebind(given->loop);
          else if (loop.is_none() && self->session_.profile().loop_bound_on_first_use)
            binding.rebind(nullptr);
          else
            binding = asyncio::LoopBinding(self->session_.process(), loop);
        });
  };
  loop_property.operator()<asyncio::Lock>(*types_.Lock);
  loop_property.operator()<asyncio::Event>(*types_.Event);
  loop_property.operator()<asyncio::Condition>(*types_.Condition);
  loop_property.operator()<asyncio::Semaphore>(*types_.Semaphore);
  loop_property.operator()<asyncio::Queue>(*types_.Queue);
  // tasks.Task.get_stack / print_stack: a running task's stack runs through
  // CPython's own files (the loop, runners), and frames are not modelled.
  for (const char* name : {"get_stack", "print_stack"})
    types_.Task->dict[name] = Value(not_modelled_function(std::string("Task.") + name, "asim models no frame objects"));
  // futures.Future, tasks.Task and queues.Queue:
  // `__class_getitem__ = classmethod(GenericAlias)` from 3.9.
  if (profile.generic_alias_classes)
    for (const auto& type : {types_.Future, types_.Task, types_.Queue})
      type->dict["__class_getitem__"] = runtime::class_getitem_generic_alias();
  // Queue.__init__ serves LifoQueue and PriorityQueue too.
  for (auto [type, cls] : {std::pair{types_.Queue, "Queue"}, {types_.LifoQueue, "LifoQueue"},
                           {types_.PriorityQueue, "PriorityQueue"}}) {
    const std::string name = cls;
    derivable_constructor(*type, init("Queue", name, {opt("maxsize", Value::integer(0))}, [self, name](const Bound& b) {
                  if (name == "LifoQueue") return Value(make<asyncio::LifoQueue>(self->binding(b), b[0]));
                  if (name == "PriorityQueue") return Value(make<asyncio::PriorityQueue>(self->binding(b), b[0]));
                  return Value(make<asyncio::Queue>(self->binding(b), b[0]));
                }));
  }
  // A semaphore's value, checked before the loop is looked up.
  auto semaphore_value = [](const Value& value) {
    if (value.kind() != Value::Kind::Int)
      not_modelled("a Semaphore whose value is a " + runtime::type_name(value), "asim counts a semaphore's value as an int");
    return asyncio::Semaphore::checked_value(value.as_int());
  };
  derivable_constructor(*types_.BoundedSemaphore,
              init("BoundedSemaphore", "BoundedSemaphore", {opt("value", Value::integer(1))}, [self, semaphore_value](const Bound& b) {
                const auto value = semaphore_value(b[0]);
                return Value(make<asyncio::BoundedSemaphore>(self->binding(b), value));
              }));
  derivable_constructor(*types_.Condition, init("Condition", "Condition", {opt("lock")}, [self](const Bound& b) {
                auto binding = self->binding(b);
                Ref<asyncio::Lock> lock = b[0].ref<asyncio::Lock>();
                if (!b[0].is_none() && !lock)
                  runtime::raise(builtins().TypeError, "asim: Condition(lock) takes an asyncio.Lock");
                if (!lock) lock = make<asyncio::Lock>(binding);
                return Value(make<asyncio::Condition>(binding, std::move(lock)));
              }));
  derivable_constructor(*types_.Event, init("Event", "Event", {}, [self](const Bound& b) {
                return Value(make<asyncio::Event>(self->binding(b)));
              }));
  derivable_constructor(*types_.Lock, init("Lock", "Lock", {}, [self](const Bound& b) {
                return Value(make<asyncio::Lock>(self->binding(b)));
              }));
  derivable_constructor(*types_.Semaphore, init("Semaphore", "Semaphore", {opt("value", Value::integer(1))},
                                                 [self, semaphore_value](const Bound& b) {
                                                   const auto value = semaphore_value(b[0]);
                                                   return Value(make<asyncio::Semaphore>(self->binding(b), value));
                                                 }));
  // Future(loop=...) / Task(coro, loop=...): the loop given, else
  // get_event_loop()'s; a loop asim did not make is not modelled.
  auto loop_of = [self](const Value& given, const char* what) -> asyncio::EventLoop& {
    if (given.is_none()) return self->event_loop();
    if (auto* loop = given.as<LoopObject>()) return *loop->loop;
    not_modelled(what, "a loop object other than asyncio's own");
  };
  // A subclass instance is made on some loop before its __init__ gives it one.
  auto loop_before_init = [s]() -> asyncio::EventLoop& {
    if (auto* loop = s->clock_loop()) return *loop;
    return s->get_event_loop();
  };
  derivable_future(*types_.Future,
                   function("Future", {kwonly("loop")},
                            [loop_of](const Bound& b) {
                              return Value(loop_of(b[0], "asyncio.Future(loop=...)").new_future());
                            }),
                   function("Future.__init__", {pos("self"), kwonly("loop")},
                            [loop_of](const Bound& b) {
                              auto* fut = b[0].as<asyncio::Future>();
                              if (!fut) runtime::raise(builtins().TypeError, "Future.__init__ needs a Future");
                              fut->init_loop(&loop_of(b[1], "asyncio.Future(loop=...)"));
                              return Value::none();
                            }),
                   loop_before_init);
  // Task(coro, *, loop=None, name=None (3.8+), context=None (3.11+),
  // eager_start=False (3.12+)).
  std::vector<Param> task_init{pos("coro"), kwonly("loop")};
  if (profile.task_names) task_init.push_back(kwonly("name"));
  if (profile.create_task_takes_context) task_init.push_back(kwonly("context"));
  if (profile.eager_task_factory) task_init.push_back(kwonly("eager_start", Value::boolean(false)));
  std::vector<Param> task_self_init{pos("self")};
  task_self_init.insert(task_self_init.end(), task_init.begin(), task_init.end());
  // The arguments after coro and loop, from `first`.
  struct TaskArguments {
    std::optional<std::string> name;
    Ref<runtime::Context> context;
    bool eager_start = false;
  };
  auto task_arguments = [&profile](const Bound& b, std::size_t first) {
    TaskArguments args;
    std::size_t i = first;
    if (profile.task_names) {
      if (!b[i].is_none()) args.name = runtime::to_str(b[i]);
      ++i;
    }
    if (profile.create_task_takes_context) args.context = context_of(b[i++]);
    if (profile.eager_task_factory) args.eager_start = runtime::truthy(b[i]);
    return args;
  };
  derivable_future(
      *types_.Task,
      function("Task", task_init,
               [loop_of, &profile, task_arguments](const Bound& b) {
                 auto args = task_arguments(b, 2);
                 return Value(loop_of(b[1], "asyncio.Task(loop=...)")
                                  .new_task(require_coroutine(profile, b[0]), args.name, args.context, args.eager_start));
               }),
      function("Task.__init__", task_self_init,
               [loop_of, &profile, task_arguments](const Bound& b) {
                 auto* task = b[0].as<asyncio::Task>();
                 if (!task) runtime::raise(builtins().TypeError, "Task.__init__ needs a Task");
                 if (task->started())
                   not_modelled("Task.__init__ on a task already made", "asim's tasks start once");
                 auto coro = require_coroutine(profile, b[1]);
                 auto args = task_arguments(b, 3);
                 task->start(coro, &loop_of(b[2], "asyncio.Task(loop=...)"), args.name, args.context, args.eager_start);
                 return Value::none();
               }),
      loop_before_init);

  if (profile.task_group) {
    // runners.Runner
    auto runner = make<runtime::Type>("asyncio.runners", "Runner", runtime::Runtime::current().types.object);
    runtime::register_type(typeid(RunnerObject), runner);
    runner->add_method("run", method<RunnerObject>("Runner.run", {pos("coro"), kwonly("context")},
                                                   [](RunnerObject& r, const Bound& b) { return r.run(b[1], context_of(b[2])); }));
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
                  if (!b[1].is_none()) not_modelled("Runner(loop_factory=...)", "asim models asyncio's own loop only");
                  return Value(make<RunnerObject>(*s, b[0].is_none() ? std::nullopt : std::optional(runtime::truthy(b[0]))));
                }));
    m->dict["Runner"] = Value(runner);
    m->dict["Barrier"] = Value(types_.Barrier);
    m->dict["BrokenBarrierError"] = Value(exc.BrokenBarrierError);
    constructor(*types_.Barrier, init("Barrier", "Barrier", {pos("parties")}, [self](const Bound& b) {
                                   return Value(make<asyncio::Barrier>(self->binding(), b[0].as_int()));
                                 }));
    m->dict["TaskGroup"] = Value(types_.TaskGroup);
    constructor(*types_.TaskGroup, function("TaskGroup", {}, [self](const Bound&) {
                                     return Value(make<asyncio::TaskGroup>(&self->loop()));
                                   }));
    // timeouts.Timeout(when): the model's Timeout keeps the loop it was made
    // in, CPython's asks for the running loop only when entered.
    m->dict["Timeout"] = Value(types_.Timeout);
    constructor(*types_.Timeout, function("Timeout", {pos("when")}, [self, s](const Bound& b) {
                                   if (!s->running_loop())
                                     not_modelled("asyncio.Timeout() outside a running event loop",
                                                  "asim's Timeout belongs to the loop it is made in");
                                   return Value(make<asyncio::Timeout>(&self->loop(), optional_seconds(b[0], "when")));
                                 }));
    def(*m, "timeout", {pos("delay")}, [self](const Bound& b) {
      return Value(asyncio::timeout(self->loop(), optional_seconds(b[0], "delay")));
    });
    def(*m, "timeout_at", {pos("when")}, [self](const Bound& b) {
      return Value(asyncio::timeout_at(self->loop(), optional_seconds(b[0], "when")));
    });
  }
  // tasks.create_eager_task_factory (3.12+): its factory makes each task
  // with custom_task_constructor(coro, loop=, name=, context=,
  // eager_start=True). For asyncio.Task itself (and eager_task_factory,
  // made so) the loop starts its tasks eagerly itself, as the model does.
  if (profile.eager_task_factory) {
    auto eager_factory = [this, &profile](const Value& constructor) -> Value {
      const std::string qualname = "create_eager_task_factory.<locals>.factory";
      std::vector<Param> params{pos("loop"), pos("coro"), kwonly("name"), kwonly("context")};
      if (constructor.object() == types_.Task.get())
        return Value(make<EagerTaskFactory>(qualname, Signature("factory", params), [&profile](const Bound& b) {
          auto* l = b[0].as<LoopObject>();
          if (!l) not_modelled("eager_task_factory(loop, coro) with a loop other than asyncio's own", "asim runs its own loops only");
          std::optional<std::string> name;
          if (!b[2].is_none()) name = runtime::to_str(b[2]);
          return Value(l->loop->new_task(require_coroutine(profile, b[1]), name, context_of(b[3]), true));
        }));
      return Value(function(qualname, params, [constructor](const Bound& b) {
        const Value args[] = {b[1]};
        const runtime::Keyword kw[] = {
            {"loop", b[0]}, {"name", b[2]}, {"context", b[3]}, {"eager_start", Value::boolean(true)}};
        return runtime::call(constructor, args, kw);
      }));
    };
    m->dict["eager_task_factory"] = eager_factory(Value(types_.Task));
    def(*m, "create_eager_task_factory", {pos("custom_task_constructor")},
        [eager_factory](const Bound& b) { return eager_factory(b[0]); });
  }

  m->dict["CancelledError"] = Value(exc.CancelledError);
  m->dict["TimeoutError"] = Value(exc.TimeoutError);
  m->dict["InvalidStateError"] = Value(exc.InvalidStateError);
  m->dict["QueueEmpty"] = Value(exc.QueueEmpty);
  m->dict["QueueFull"] = Value(exc.QueueFull);
  if (session_.profile().queue_shutdown) m->dict["QueueShutDown"] = Value(exc.QueueShutDown);
  m->dict["FIRST_COMPLETED"] = Value::str("FIRST_COMPLETED");
  m->dict["FIRST_EXCEPTION"] = Value::str("FIRST_EXCEPTION");
  m->dict["ALL_COMPLETED"] = Value::str("ALL_COMPLETED");
  add_asyncio_submodules(*m, session_.profile());
  add_task_records(*m->dict.at("tasks").as<runtime::Module>());
  // base_events.logger (asyncio.log's logger): logging is imported only
  // when a program reads it, so that runs which never log stay as they are.
  auto& base_events = *m->dict.at("base_events").as<runtime::Module>();
  base_events.dict["__getattr__"] = Value(function("__getattr__", {pos("name")}, [this](const Bound& b) -> Value {
    const std::string name = runtime::to_str(b[0]);
    if (name != "logger")
      runtime::raise(builtins().AttributeError,
                     fmt::format("module 'asyncio.base_events' has no attribute '{}'", name));
    const Value logger_name[] = {Value::str("asyncio")};
    return runtime::call(runtime::getattr(Value(session_.find("logging")), "getLogger"), logger_name);
  }));
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
