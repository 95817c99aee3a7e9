// asyncio.Runner (runners.py, 3.11+): asyncio.run taken apart, so that one
// loop can run several coroutines: run() each, close() once.
#include "model/modules/runner_object.hpp"

#include "model/asyncio/runners.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::builtins;
using runtime::Ref;
using runtime::Value;

// Runner._lazy_init
asyncio::EventLoop& RunnerObject::lazy_init() {
  if (state_ == State::Closed) runtime::raise(builtins().RuntimeError, "Runner is closed");
  if (state_ == State::Created) {
    loop_ = &session_.new_event_loop();
    if (debug_) loop_->set_debug(*debug_);
    if (!set_event_loop_) {
      session_.set_event_loop(loop_);
      set_event_loop_ = true;
    }
    state_ = State::Initialized;
  }
  return *loop_;
}

// Runner.run
Value RunnerObject::run(const Value& coro, Ref<runtime::Context> context) {
  if (!asyncio::iscoroutine(session_.profile(), coro))
    runtime::raise(builtins().ValueError, "a coroutine was expected, got " + runtime::to_repr(coro));
  if (session_.running_loop()) {
    auto error = runtime::new_exception(builtins().RuntimeError, "Runner.run() cannot be called from a running event loop");
    // The traceback holds run's frame and with it `coro`: unawaited, it lives
    // as long as the exception does.
    error->frame_locals.emplace_back(coro.object());
    throw runtime::PyError{error};
  }
  asyncio::EventLoop* loop_made = nullptr;
  try {
    loop_made = &lazy_init();
  } catch (runtime::PyError& e) {
    // "Runner is closed": as above, run's frame in the traceback holds `coro`.
    e.exc->frame_locals.emplace_back(coro.object());
    throw;
  }
  asyncio::EventLoop& loop = *loop_made;
  asyncio::ProgramRun run(*session_.process());
  auto task = loop.create_task(Ref<runtime::Coroutine>(coro.as<runtime::Coroutine>()), {}, std::move(context));
  return asyncio::run_main_task(loop, std::move(task));
}

// Runner.close
void RunnerObject::close() {
  if (state_ != State::Initialized) return;
  struct Finally {
    RunnerObject& r;
    ~Finally() {
      if (r.set_event_loop_) r.session_.set_event_loop(nullptr);
      r.loop_->close();
      r.state_ = State::Closed;
    }
  } finally{*this};
  asyncio::ProgramRun run(*session_.process());
  asyncio::shutdown(*loop_);
}

}  // namespace asim::modules
