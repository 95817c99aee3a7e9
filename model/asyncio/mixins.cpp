#include "model/asyncio/mixins.hpp"

#include "model/runtime/unmodelled.hpp"

namespace asim::asyncio {

// mixins._LoopBoundMixin._get_loop
EventLoop& LoopBinding::get_loop(const runtime::Object& owner) {
  if (foreign_loop_)
    runtime::not_modelled(std::string(owner.type_name()) + "._loop set to " + runtime::repr(*foreign_loop_),
                          "asim's locks and queues run on asyncio's own loops");
  EventLoop* running = process_->running_loop;
  if (!loop_) loop_ = running;
  const auto& b = runtime::Runtime::current().builtins;
  // CPython would go on with None and fail on None.create_future(); only a
  // coroutine driven by hand, outside any loop, gets here.
  if (!loop_) runtime::raise(b.RuntimeError, "no running event loop");
  if (profile().loop_bound_on_first_use && running != loop_)
    runtime::raise(b.RuntimeError, owner.repr() + " is bound to a different event loop");
  return *loop_;
}

bool LoopBinding::same_loop(const LoopBinding& other) const {
  if (foreign_loop_ || other.foreign_loop_)
    return foreign_loop_ && other.foreign_loop_ && foreign_loop_->is(*other.foreign_loop_);
  return loop_ == other.loop_;
}

bool LoopBinding::tracing() const {
  EventLoop* loop = traced_loop();
  return loop && loop->tracing();
}

void LoopBinding::emit(trace::Kind kind, std::string subject, std::string detail) const {
  if (tracing()) traced_loop()->emit(kind, std::move(subject), std::move(detail));
}

}  // namespace asim::asyncio
