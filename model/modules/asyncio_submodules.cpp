// asyncio's submodules (Lib/asyncio/*.py): each holds the names of its
// __all__ that the package re-exports, taken from the asyncio module asim
// built for the version, so `from asyncio import tasks` and `import
// asyncio.futures` give what programs and CPython's own tests read there.
// asim's Task and Future model tasks.py and futures.py, which CPython has
// twice, in pure Python (_PyTask, _PyFuture) and as its C accelerator
// (_CTask, _CFuture) with the same behaviour: asim's classes stand for both.
#include <initializer_list>
#include <string>
#include <utility>

#include "model/modules/asyncio_types.hpp"
#include "model/modules/native_function.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::modules {

using runtime::Value;

namespace {

struct Submodule {
  const char* name;
  int since_minor;
  std::initializer_list<const char*> names;
};

const Submodule kSubmodules[] = {
    {"base_events", 7, {"BaseEventLoop"}},
    {"events", 7, {"get_event_loop", "set_event_loop", "new_event_loop", "get_running_loop", "set_event_loop_policy"}},
    {"exceptions", 8,
     {"BrokenBarrierError", "CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull"}},
    {"futures", 7, {"Future", "isfuture", "CancelledError", "InvalidStateError", "TimeoutError"}},
    {"locks", 7, {"Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier"}},
    {"queues", 7, {"Queue", "PriorityQueue", "LifoQueue", "QueueFull", "QueueEmpty", "QueueShutDown"}},
    {"runners", 7, {"Runner", "run"}},
    {"taskgroups", 11, {"TaskGroup"}},
    {"tasks", 7,
     {"Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait", "wait_for",
      "as_completed", "sleep", "gather", "shield", "ensure_future", "current_task", "all_tasks",
      "create_eager_task_factory", "eager_task_factory"}},
    {"timeouts", 11, {"timeout", "timeout_at"}},
};

// The submodules asim does not model: `asyncio.subprocess.PIPE`, `from
// asyncio.streams import StreamReader` and the like stop the run where the
// program reads them (PEP 562's module __getattr__), rather than raise an
// AttributeError CPython never raises.
struct UnmodelledSubmodule {
  const char* name;
  int since_minor;
  const char* why;
};

constexpr const char* kNoIo = "asim models no I/O: simulate it with asyncio.sleep";
constexpr const char* kNoThreads = "threads run outside asim's virtual clock";
constexpr const char* kPartly = "asim models only part of asyncio";

const UnmodelledSubmodule kUnmodelledSubmodules[] = {
    {"base_futures", 7, kPartly},    {"base_subprocess", 7, kNoIo}, {"base_tasks", 7, kPartly},
    {"constants", 7, kPartly},       {"format_helpers", 7, kPartly}, {"log", 7, kPartly},
    {"mixins", 10, kPartly},         {"protocols", 7, kNoIo},        {"selector_events", 7, kNoIo},
    {"sslproto", 7, kNoIo},          {"staggered", 8, kNoIo},        {"streams", 7, kNoIo},
    {"subprocess", 7, kNoIo},        {"threads", 9, kNoThreads},     {"transports", 7, kNoIo},
    {"trsock", 8, kNoIo},            {"unix_events", 7, kNoIo},
};

void add_unmodelled_submodule(runtime::Module& asyncio, const UnmodelledSubmodule& sub) {
  auto module = runtime::make<runtime::Module>("asyncio." + std::string(sub.name));
  module->dict["__name__"] = Value::str(module->name);
  const std::string prefix = module->name + ".";
  const std::string why = sub.why;
  module->dict["__getattr__"] = Value(function("__getattr__", {pos("name")}, [prefix, why](const Bound& b) -> Value {
    not_modelled(prefix + runtime::to_str(b[0]), why);
  }));
  asyncio.dict[sub.name] = Value(module);
}

}  // namespace

void add_asyncio_submodules(runtime::Module& asyncio, const asyncio::VersionProfile& profile) {
  for (const auto& sub : kSubmodules) {
    if (profile.minor < sub.since_minor) continue;
    auto module = runtime::make<runtime::Module>("asyncio." + std::string(sub.name));
    module->dict["__name__"] = Value::str(module->name);
    for (const char* name : sub.names)
      if (auto it = asyncio.dict.find(name); it != asyncio.dict.end()) module->dict[name] = it->second;
    asyncio.dict[sub.name] = Value(module);
  }
  for (const auto& sub : kUnmodelledSubmodules)
    if (profile.minor >= sub.since_minor) add_unmodelled_submodule(asyncio, sub);
  // subprocess.PIPE, STDOUT and DEVNULL, which asyncio.subprocess re-exports:
  // plain numbers, read as arguments of the call that then stops.
  auto& subprocess = *asyncio.dict.at("subprocess").as<runtime::Module>();
  subprocess.dict["PIPE"] = Value::integer(-1);
  subprocess.dict["STDOUT"] = Value::integer(-2);
  subprocess.dict["DEVNULL"] = Value::integer(-3);
  // tasks._PyTask / futures._PyFuture and their C twins.
  auto alias = [&](const char* sub, const char* name, const char* of) {
    auto it = asyncio.dict.find(of);
    if (it == asyncio.dict.end()) return;
    if (auto* m = asyncio.dict.at(sub).as<runtime::Module>()) m->dict[name] = it->second;
  };
  alias("tasks", "_PyTask", "Task");
  alias("tasks", "_CTask", "Task");
  alias("futures", "_PyFuture", "Future");
  alias("futures", "_CFuture", "Future");
  // futures._set_result_unless_cancelled(fut, result), through the
  // future's own methods.
  asyncio.dict.at("futures").as<runtime::Module>()->dict["_set_result_unless_cancelled"] =
      Value(function("_set_result_unless_cancelled", {pos("fut"), pos("result")}, [](const Bound& b) {
        if (!runtime::truthy(runtime::call(runtime::getattr(b[0], "cancelled"), {}))) {
          const Value result[] = {b[1]};
          runtime::call(runtime::getattr(b[0], "set_result"), result);
        }
        return Value::none();
      }));
  // futures._copy_future_state(source, dest): dest takes source's outcome,
  // unless it was cancelled; both are read through their own methods.
  asyncio.dict.at("futures").as<runtime::Module>()->dict["_copy_future_state"] =
      Value(function("_copy_future_state", {pos("source"), pos("dest")}, [](const Bound& b) {
        auto ask = [](const Value& fut, const char* name) { return runtime::call(runtime::getattr(fut, name), {}); };
        // futures.py's asserts.
        auto check = [](bool holds) {
          if (!holds) throw runtime::PyError{runtime::new_exception(runtime::Runtime::current().builtins.AssertionError)};
        };
        check(runtime::truthy(ask(b[0], "done")));
        if (runtime::truthy(ask(b[1], "cancelled"))) return Value::none();
        check(!runtime::truthy(ask(b[1], "done")));
        if (runtime::truthy(ask(b[0], "cancelled"))) {
          ask(b[1], "cancel");
        } else if (Value exception = ask(b[0], "exception"); !exception.is_none()) {
          runtime::call(runtime::getattr(b[1], "set_exception"), std::span<const Value>(&exception, 1));
        } else {
          const Value result = ask(b[0], "result");
          runtime::call(runtime::getattr(b[1], "set_result"), std::span<const Value>(&result, 1));
        }
        return Value::none();
      }));
  // 3.12+: the Python and C current_task, which are asyncio.current_task.
  if (profile.minor >= 12) {
    alias("tasks", "_py_current_task", "current_task");
    alias("tasks", "_c_current_task", "current_task");
  }
}

}  // namespace asim::modules
