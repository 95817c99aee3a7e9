// asyncio.Runner (3.11+) as a scenario sees it.
#pragma once

#include <optional>

#include "model/modules/session.hpp"
#include "model/runtime/contextvars.hpp"

namespace asim::modules {

class RunnerObject : public runtime::Object {
 public:
  // debug: Runner(debug=...), None leaving the loop's own setting.
  RunnerObject(Session& session, std::optional<bool> debug) : session_(session), debug_(debug) {}
  std::string_view type_name() const override { return "Runner"; }

  // Runner._lazy_init: the loop, made (and set as current) on first need.
  asyncio::EventLoop& lazy_init();
  // Runner.run: `context` is what the main task runs in (nullptr: a copy).
  runtime::Value run(const runtime::Value& coro, runtime::Ref<runtime::Context> context);
  void close();

 private:
  enum class State { Created, Initialized, Closed };
  Session& session_;
  std::optional<bool> debug_;
  State state_ = State::Created;
  asyncio::EventLoop* loop_ = nullptr;
  bool set_event_loop_ = false;
};

}  // namespace asim::modules
