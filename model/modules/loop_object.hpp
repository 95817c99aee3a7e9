// The event loop as a scenario sees it (asyncio.get_running_loop()): a
// Python object wrapping the model's EventLoop, with its public methods.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/protocols.hpp"
#include "model/runtime/contextvars.hpp"
#include "model/runtime/type.hpp"

namespace asim::modules {

class LoopObject : public runtime::Object, public runtime::HasAttributes {
 public:
  explicit LoopObject(asyncio::EventLoop* loop) : loop(loop) {}
  std::string_view type_name() const override { return "_UnixSelectorEventLoop"; }
  std::string repr() const override;
  // The instance's own attributes (a loop has a __dict__). Replacing
  // create_future reaches asyncio's own calls of it; replacing another of
  // the loop's methods would not reach the model's calls, so it stops.
  std::optional<runtime::Value> get_attribute(std::string_view name) override;
  bool set_attribute(std::string_view name, const runtime::Value& value) override;
  bool del_attribute(std::string_view name) override;
  // Before the loop runs: what its class's _run_once needs of the program.
  virtual void check_selector() const;
  asyncio::EventLoop* const loop;
  runtime::Value task_factory;  // what get_task_factory() returns
  std::map<std::string, runtime::Value, std::less<>> attributes;
  runtime::Value exception_handler;     // what get_exception_handler() returns
};

// asyncio.eager_task_factory, or create_eager_task_factory(asyncio.Task):
// as the loop's task factory, the loop starts its tasks eagerly itself.
class EagerTaskFactory : public BuiltinFunction {
 public:
  using BuiltinFunction::BuiltinFunction;
};

// asyncio.BaseEventLoop() made directly.
class BaseLoopObject : public LoopObject {
 public:
  using LoopObject::LoopObject;
  std::string_view type_name() const override { return "BaseEventLoop"; }
  void check_selector() const override;
};

// _UnixSelectorEventLoop, whose base (`->base`) is BaseEventLoop.
runtime::Ref<runtime::Type> make_loop_type(Session& session, const runtime::Ref<runtime::Type>& object_type);

// context=: the contextvars.Context a callback or task runs in; nullptr (a
// copy of the current one) for None.
runtime::Ref<runtime::Context> context_of(const runtime::Value& v);

// A float from a Python int or float; TypeError naming `what` otherwise.
double to_seconds(const runtime::Value& v, std::string_view what);

}  // namespace asim::modules
