// The Python classes of asyncio's objects (Future, Task, Queue, ...) for one
// session, with their methods: the bridge from `task.done()` in a scenario to
// the model's asyncio::Task::done().
#pragma once

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/type.hpp"

namespace asim::modules {

struct AsyncioTypes {
  runtime::Ref<runtime::Type> Future, Task, Handle, TimerHandle, Queue, LifoQueue, PriorityQueue, Event, Lock,
      Condition, Semaphore, BoundedSemaphore, Barrier, Timeout, Loop, LegacyAsCompleted, AsCompletedIterator,
      GatheringFuture, TaskGroup;
};

// Builds the classes, registers them with the runtime (type(), isinstance)
// and returns them for the module to expose.
AsyncioTypes make_asyncio_types(Session& session);

// self as the model's T. An object made by the class's __new__ without its
// __init__ (`Future.__new__(Future)`) holds no model object: asim stops
// rather than guess what CPython's C class does with it.
template <class T>
T& model_self(const runtime::Value& self, const std::string& qualname) {
  if (T* obj = self.template as<T>()) return *obj;
  not_modelled(qualname, "an object its class's __init__ did not initialize");
}

// A method of T: the body gets self already cast; `params` exclude self.
template <class T, class F>
runtime::Ref<BuiltinFunction> method(std::string qualname, std::vector<Param> params, F body) {
  params.insert(params.begin(), pos("self"));
  return function(qualname, std::move(params), [body, qualname](const Bound& b) -> runtime::Value {
    return body(model_self<T>(b[0], qualname), b);
  });
}

// A method of a class CPython writes in C (_asyncio.Future, _asyncio.Task):
// C's messages for surplus arguments (Signature::c_method), its name in
// them qualified from 3.9.
template <class T, class F>
runtime::Ref<BuiltinFunction> c_method(const asyncio::VersionProfile& profile, std::string qualname,
                                       std::vector<Param> params, F body) {
  params.insert(params.begin(), pos("self"));
  const auto dot = qualname.rfind('.');
  std::string short_name = qualname.substr(dot + 1);
  Signature signature(short_name, std::move(params));
  signature.c_method(profile.qualname_in_noargs_errors ? qualname : short_name);
  return runtime::make<BuiltinFunction>(
      qualname, std::move(signature),
      [body, qualname](const Bound& b) -> runtime::Value { return body(model_self<T>(b[0], qualname), b); },
      "method_descriptor");
}

// asyncio's submodules as CPython lays the package out (asyncio.tasks,
// asyncio.futures, ...): module objects holding the names `asyncio` took
// from each, plus the pure-Python names (_PyTask, _PyFuture) that asim's
// classes stand for; `import asyncio.tasks` finds them.
void add_asyncio_submodules(runtime::Module& asyncio, const asyncio::VersionProfile& profile);

}  // namespace asim::modules
