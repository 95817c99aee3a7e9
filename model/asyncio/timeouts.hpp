// asyncio/timeouts.py (3.11+): Timeout, timeout, timeout_at. A timeout does not
// race the body against a timer; when the deadline passes it cancels the task
// running the body, and __aexit__ turns the CancelledError that comes out of
// the body back into TimeoutError, using Task.cancelling/uncancel to tell its
// own cancellation from one requested by someone else.
#pragma once

#include <optional>

#include "model/asyncio/events.hpp"
#include "model/asyncio/tasks.hpp"

namespace asim::asyncio {

class Timeout : public runtime::Object, public runtime::AsyncContextManager {
 public:
  // timeouts._State, with CPython's printed values.
  enum class State { Created, Entered, Expiring, Expired, Exited };

  // Timeout.__init__
  Timeout(EventLoop* loop, std::optional<double> when);

  std::string_view type_name() const override { return "Timeout"; }
  // Timeout.__repr__: "<Timeout [active] when=0.1>"
  std::string repr() const override;

  // Timeout.when
  std::optional<double> when() const { return when_; }
  // Timeout.reschedule
  void reschedule(std::optional<double> when);
  // Timeout.expired
  bool expired() const { return state_ == State::Expiring || state_ == State::Expired; }
  State state() const { return state_; }

  // `async with` from C++: `co_await tm->aenter()` returns the Timeout;
  // `co_await tm->aexit(exc)` (exc: what the body raised, or nullptr) returns
  // None, i.e. never suppresses, or raises the TimeoutError.
  runtime::Ref<runtime::Coroutine> aenter() override;
  runtime::Ref<runtime::Coroutine> aexit(runtime::Ref<runtime::PyException> exc) override;

 private:
  runtime::Coro aenter_body();
  runtime::Coro aexit_body(runtime::Ref<runtime::PyException> exc);
  // Timeout._on_timeout
  void on_timeout();
  // Timeout._insert_timeout_error (3.13)
  void insert_timeout_error(runtime::Ref<runtime::PyException> exc) const;

  EventLoop* loop_;
  State state_ = State::Created;
  runtime::Ref<Handle> timeout_handler_;
  runtime::Ref<Task> task_;
  std::optional<double> when_;
  int cancelling_ = 0;
};

// timeouts.timeout: the deadline is loop.time() + delay; None never expires.
runtime::Ref<Timeout> timeout(EventLoop& loop, std::optional<double> delay);
// timeouts.timeout_at: an absolute deadline on the loop's clock.
runtime::Ref<Timeout> timeout_at(EventLoop& loop, std::optional<double> when);

}  // namespace asim::asyncio
