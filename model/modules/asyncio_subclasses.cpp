#include "model/modules/asyncio_subclasses.hpp"

#include <fmt/format.h>

#include <functional>
#include <string_view>
#include <vector>

#include "model/asyncio/futures.hpp"
#include "model/asyncio/locks.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::make;
using runtime::Ref;
using runtime::Type;
using runtime::Value;

namespace {

// The subclass instance: the native object `plain` was made as, of `cls`.
template <class T, class... A>
Value derived(const Ref<Type>& cls, const Value& plain, A&&... args) {
  auto d = make<runtime::Derived<T>>(cls, std::forward<A>(args)...);
  d->reinitialize_from(*plain.as<T>());
  return Value(d);
}

struct Kind {
  std::string_view name;
  std::function<Value(const Ref<Type>&, const Value&)> derive;
  // What the class's Python methods call on self (queues.py, locks.py).
  std::vector<const char*> called_on_self;
  // Whether the class defines __init__ (the others inherit their base's).
  bool own_init;
};

const std::vector<const char*> kQueueCalls = {"_init", "_put", "_get", "_format", "_wakeup_next", "put_nowait",
                                              "get_nowait", "full", "empty", "qsize"};

const Kind* kind_of(std::string_view name) {
  static const std::vector<Kind> kinds = {
      {"Queue",
       [](const Ref<Type>& cls, const Value& p) {
         return derived<asyncio::Queue>(cls, p, p.as<asyncio::Queue>()->binding());
       },
       kQueueCalls, true},
      {"LifoQueue",
       [](const Ref<Type>& cls, const Value& p) {
         return derived<asyncio::LifoQueue>(cls, p, p.as<asyncio::Queue>()->binding());
       },
       kQueueCalls, false},
      {"PriorityQueue",
       [](const Ref<Type>& cls, const Value& p) {
         return derived<asyncio::PriorityQueue>(cls, p, p.as<asyncio::Queue>()->binding());
       },
       kQueueCalls, false},
      {"Lock",
       [](const Ref<Type>& cls, const Value& p) { return derived<asyncio::Lock>(cls, p, p.as<asyncio::Lock>()->binding()); },
       {"acquire", "release"}, true},
      {"Event",
       [](const Ref<Type>& cls, const Value& p) { return derived<asyncio::Event>(cls, p, p.as<asyncio::Event>()->binding()); },
       {}, true},
      {"Semaphore",
       [](const Ref<Type>& cls, const Value& p) {
         return derived<asyncio::Semaphore>(cls, p, p.as<asyncio::Semaphore>()->binding());
       },
       {"acquire", "release", "locked", "_wake_up_next"}, true},
      {"BoundedSemaphore",
       [](const Ref<Type>& cls, const Value& p) {
         return derived<asyncio::BoundedSemaphore>(cls, p, p.as<asyncio::Semaphore>()->binding(), 0);
       },
       {"acquire", "release", "locked", "_wake_up_next"}, false},
      {"Condition",
       [](const Ref<Type>& cls, const Value& p) {
         auto* c = p.as<asyncio::Condition>();
         return derived<asyncio::Condition>(cls, p, c->binding(), c->lock());
       },
       {"acquire", "release", "locked", "wait", "notify", "_notify"}, true},
  };
  for (const auto& k : kinds)
    if (k.name == name) return &k;
  return nullptr;
}

void refuse_overrides(const Type& cls, const Type& native, const std::vector<const char*>& names) {
  for (const char* name : names)
    if (cls.lookup_override(name))
      not_modelled(fmt::format("{}.{} overriding asyncio.{}.{}", cls.qualname, name, native.name, name),
                   "asyncio's own methods call it on self; asim's do not");
}

// What asyncio's own code calls on a future or task, beside
// add_done_callback (which reaches an override): the model's calls of these
// would not.
const std::vector<const char*> kFutureCalls = {"cancel", "cancelled", "done", "result", "exception", "set_result",
                                               "set_exception", "remove_done_callback", "get_loop", "__await__",
                                               "__iter__", "_make_cancelled_error"};
const std::vector<const char*> kTaskCalls = {"cancel", "cancelled", "done", "result", "exception", "set_result",
                                             "set_exception", "remove_done_callback", "get_loop", "__await__",
                                             "__iter__", "_make_cancelled_error", "get_coro", "get_name", "set_name",
                                             "get_context", "cancelling", "uncancel"};

// T.__init__ as a subclass's __init__ reaches it: self takes the state of an
// object `fn` makes from the arguments.
template <class T>
Ref<runtime::Callable> reinit(std::string owner, Ref<BuiltinFunction> fn) {
  return runtime::builtin_function(
      "__init__",
      [fn, owner](std::span<const Value> a, std::span<const runtime::Keyword> kw) {
        T* self = a.empty() ? nullptr : a[0].as<T>();
        if (!self)
          runtime::raise(runtime::builtins().TypeError,
                         fmt::format("descriptor '__init__' requires a '{}' object", owner));
        const Value fresh = fn->call_kw(a.subspan(1), kw);
        self->reinitialize_from(*fresh.as<T>());
        return Value::none();
      },
      owner);
}

}  // namespace

void derivable_constructor(Type& type, Ref<BuiltinFunction> fn) {
  const Kind* kind = kind_of(type.name);
  if (kind && kind->own_init) {
    if (type.name == "Queue") type.add_method("__init__", reinit<asyncio::Queue>(type.name, fn));
    else if (type.name == "Lock") type.add_method("__init__", reinit<asyncio::Lock>(type.name, fn));
    else if (type.name == "Event") type.add_method("__init__", reinit<asyncio::Event>(type.name, fn));
    else if (type.name == "Semaphore") type.add_method("__init__", reinit<asyncio::Semaphore>(type.name, fn));
    else if (type.name == "Condition") type.add_method("__init__", reinit<asyncio::Condition>(type.name, fn));
  }
  const Type* native = &type;
  type.constructor = [fn, native, kind](const Ref<Type>& cls, std::span<const Value> args,
                                        std::span<const runtime::Keyword> kwargs) {
    if (cls.get() == native || !kind) return fn->call_kw(args, kwargs);
    refuse_overrides(*cls, *native, kind->called_on_self);
    // Its own __init__ passes the arguments on, or not, through super().
    const bool own_init = cls->lookup_override("__init__").has_value();
    const Value plain = own_init ? fn->call_kw({}, {}) : fn->call_kw(args, kwargs);
    return kind->derive(cls, plain);
  };
}

void derivable_future(Type& type, Ref<BuiltinFunction> fn, Ref<BuiltinFunction> init,
                      std::function<asyncio::EventLoop&()> loop_before_init) {
  const bool task = type.name == "Task";
  type.add_method("__init__", init);
  const Type* native = &type;
  type.constructor = [fn, init, native, task, loop_before_init](const Ref<Type>& cls, std::span<const Value> args,
                                                                std::span<const runtime::Keyword> kwargs) {
    if (cls.get() == native) return fn->call_kw(args, kwargs);
    refuse_overrides(*cls, *native, task ? kTaskCalls : kFutureCalls);
    asyncio::EventLoop* loop = &loop_before_init();
    const Value self = task ? Value(make<runtime::Derived<asyncio::Task>>(cls, asyncio::Task::Unstarted{}, loop))
                            : Value(make<runtime::Derived<asyncio::Future>>(cls, loop));
    // A class without an __init__ of its own: the arguments are the base's.
    if (!cls->lookup_override("__init__")) {
      std::vector<Value> all{self};
      all.insert(all.end(), args.begin(), args.end());
      init->call_kw(all, kwargs);
    }
    return self;
  };
}

}  // namespace asim::modules
