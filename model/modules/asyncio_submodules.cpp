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
    {"base_events", 7, {}},
    {"events", 7, {"get_event_loop", "set_event_loop", "new_event_loop", "get_running_loop", "set_event_loop_policy"}},
    {"exceptions", 8,
     {"BrokenBarrierError", "CancelledError", "InvalidStateError", "TimeoutError", "QueueEmpty", "QueueFull"}},
    {"futures", 7, {"Future", "isfuture", "CancelledError", "InvalidStateError", "TimeoutError"}},
    {"locks", 7, {"Lock", "Event", "Condition", "Semaphore", "BoundedSemaphore", "Barrier"}},
    {"queues", 7, {"Queue", "PriorityQueue", "LifoQueue", "QueueFull", "QueueEmpty"}},
    {"runners", 7, {"Runner", "run"}},
    {"taskgroups", 11, {"TaskGroup"}},
    {"tasks", 7,
     {"Task", "create_task", "FIRST_COMPLETED", "FIRST_EXCEPTION", "ALL_COMPLETED", "wait", "wait_for",
      "as_completed", "sleep", "gather", "shield", "ensure_future", "current_task", "all_tasks",
      "create_eager_task_factory", "eager_task_factory"}},
    {"timeouts", 11, {"timeout", "timeout_at"}},
};

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
  // tasks' bookkeeping of tasks (_register_task, _enter_task, ...), in both
  // the Python and the C version CPython keeps: called by hand they would
  // have to change the model's own records, which asim does not model; the
  // names exist (test classes read them at definition) and stop when called.
  auto* tasks = asyncio.dict.at("tasks").as<runtime::Module>();
  for (const char* name : {"register_task", "unregister_task", "enter_task", "leave_task"})
    for (const char* prefix : {"_", "_py_", "_c_"}) {
      const std::string full = prefix + std::string(name);
      tasks->dict[full] = Value(not_modelled_function("asyncio.tasks." + full, "asim keeps the tasks' records itself"));
    }
  // 3.12+: the Python and C current_task, which are asyncio.current_task.
  if (profile.minor >= 12) {
    alias("tasks", "_py_current_task", "current_task");
    alias("tasks", "_c_current_task", "current_task");
  }
}

}  // namespace asim::modules
