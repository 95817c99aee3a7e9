// asyncio/mixins.py: _LoopBoundMixin, which Queue, Lock, Event and Semaphore
// share from 3.10 on, and the eager binding it replaced.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "model/asyncio/base_events.hpp"

namespace asim::asyncio {

// Which loop a Queue or a lock makes its futures on. 3.7-3.9 take
// get_event_loop() when the object is made, so one made outside asyncio.run
// belongs to another loop than the tasks awaiting it. 3.10+ bind the running
// loop the first time a future is needed and refuse any other loop after.
class LoopBinding {
 public:
  // Bound at once (3.7-3.9, or a loop given by the model's own callers).
  LoopBinding(EventLoop* loop) : process_(loop->process()), loop_(loop) {}
  // Unbound until first use (_LoopBoundMixin).
  explicit LoopBinding(std::shared_ptr<ProcessState> process) : process_(std::move(process)) {}
  // Bound to an object that is none of asyncio's loops (a test's Mock passed
  // as loop=, or written to _loop): `_loop` gives it back, and the first use
  // of the loop stops the run as not modelled.
  LoopBinding(std::shared_ptr<ProcessState> process, runtime::Value foreign)
      : process_(std::move(process)), foreign_loop_(std::move(foreign)) {}

  // _LoopBoundMixin._get_loop: binds the running loop on first use;
  // RuntimeError "<owner> is bound to a different event loop" when another
  // loop runs later.
  EventLoop& get_loop(const runtime::Object& owner);
  // _loop: the loop bound so far, nullptr (None) before the first use.
  EventLoop* bound_loop() const { return loop_; }
  // The object _loop holds when it is none of asyncio's loops.
  const std::optional<runtime::Value>& foreign_loop() const { return foreign_loop_; }
  // `self._loop = loop`: one of asyncio's loops, or None (unbound).
  void rebind(EventLoop* loop) {
    loop_ = loop;
    foreign_loop_.reset();
  }
  // `lock._loop is self._loop` (Condition's check in 3.7-3.9).
  bool same_loop(const LoopBinding& other) const;

  const VersionProfile& profile() const { return process_->profile; }
  const AsyncioExceptions& exceptions() const { return process_->exceptions; }
  // Whether the bound loop (else the running one) is traced: the callers
  // skip building an event's texts otherwise.
  bool tracing() const;
  // A trace event on that loop.
  void emit(trace::Kind kind, std::string subject, std::string detail = {}) const;

 private:
  EventLoop* traced_loop() const { return loop_ ? loop_ : process_->running_loop; }

  std::shared_ptr<ProcessState> process_;
  EventLoop* loop_ = nullptr;
  std::optional<runtime::Value> foreign_loop_;
};

}  // namespace asim::asyncio
