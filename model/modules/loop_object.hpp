// The event loop as a scenario sees it (asyncio.get_running_loop()): a
// Python object wrapping the model's EventLoop, with its public methods.
#pragma once

#include "model/modules/session.hpp"
#include "model/runtime/contextvars.hpp"
#include "model/runtime/type.hpp"

namespace asim::modules {

class LoopObject : public runtime::Object {
 public:
  explicit LoopObject(asyncio::EventLoop* loop) : loop(loop) {}
  std::string_view type_name() const override { return "_UnixSelectorEventLoop"; }
  std::string repr() const override;
  asyncio::EventLoop* const loop;
  bool eager_factory = false;
  runtime::Value eager_factory_object;  // what get_task_factory() returns while set
  runtime::Value exception_handler;     // what get_exception_handler() returns
};

runtime::Ref<runtime::Type> make_loop_type(Session& session, const runtime::Ref<runtime::Type>& object_type);

// context=: the contextvars.Context a callback or task runs in; nullptr (a
// copy of the current one) for None.
runtime::Ref<runtime::Context> context_of(const runtime::Value& v);

// A float from a Python int or float; TypeError naming `what` otherwise.
double to_seconds(const runtime::Value& v, std::string_view what);

}  // namespace asim::modules
