#include "model/asyncio/timeouts.hpp"

#include <fmt/format.h>

#include <string>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/library_frames.hpp"

namespace asim::asyncio {

using runtime::Coro;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Value;

namespace {

// timeouts._State's values, as repr() and the RuntimeError texts print them.
std::string_view state_value(Timeout::State s) {
  switch (s) {
    case Timeout::State::Created: return "created";
    case Timeout::State::Entered: return "active";
    case Timeout::State::Expiring: return "expiring";
    case Timeout::State::Expired: return "expired";
    case Timeout::State::Exited: return "finished";
  }
  return "?";
}

// Python's round(x, 3): both it and fmt round the exact binary value
// correctly to 3 decimals, so reading fmt's text back gives the same double.
double round3(double x) {
  return std::stod(fmt::format("{:.3f}", x));
}

// The module asyncio has no timeout before 3.11.
void check_available(const EventLoop& loop, const char* name) {
  if (!loop.profile().task_group)
    runtime::raise(loop.builtins().AttributeError, fmt::format("module 'asyncio' has no attribute '{}'", name));
}

}  // namespace

// Timeout.__init__
Timeout::Timeout(EventLoop* loop, std::optional<double> when) : loop_(loop), when_(when) {}

// Timeout.reschedule
void Timeout::reschedule(std::optional<double> when) {
  const auto& b = loop_->builtins();
  if (state_ != State::Entered) {
    if (state_ == State::Created) runtime::raise(b.RuntimeError, "Timeout has not been entered");
    runtime::raise(b.RuntimeError, fmt::format("Cannot change state of {} Timeout", state_value(state_)));
  }
  when_ = when;
  if (timeout_handler_) timeout_handler_->cancel();
  if (!when) {
    timeout_handler_.reset();
    return;
  }
  // The bound method holds the Timeout, as CPython's handle holds self._on_timeout.
  Ref<Timeout> self(this);
  auto on_timeout = runtime::bound_method(this, "Timeout._on_timeout", [self](std::span<const Value>) {
    self->on_timeout();
    return Value::none();
  });
  // A deadline already past fires on the next loop iteration, not at once.
  if (*when <= loop_->time()) timeout_handler_ = loop_->call_soon(std::move(on_timeout));
  else timeout_handler_ = loop_->call_at(*when, std::move(on_timeout));
}

// Timeout.__repr__
std::string Timeout::repr() const {
  std::string info;
  if (state_ == State::Entered) info = " when=" + (when_ ? runtime::float_repr(round3(*when_)) : "None");
  return fmt::format("<Timeout [{}]{}>", state_value(state_), info);
}

// Timeout.__aenter__
Coro Timeout::aenter_body() {
  Ref<Timeout> self(this);
  const auto& b = loop_->builtins();
  if (state_ != State::Created) runtime::raise(b.RuntimeError, "Timeout has already been entered");
  Ref<Task> task = current_task(*loop_);
  if (!task) runtime::raise(b.RuntimeError, "Timeout should be used inside a task");
  state_ = State::Entered;
  task_ = task;
  cancelling_ = task_->cancelling();
  reschedule(when_);
  co_return Value(self);
}

Ref<runtime::Coroutine> Timeout::aenter() {
  return runtime::native("Timeout.__aenter__", aenter_body(), Ref<runtime::Object>(this));
}

// Timeout.__aexit__
Coro Timeout::aexit_body(Ref<PyException> exc) {
  Ref<Timeout> self(this);
  const auto& b = loop_->builtins();
  if (state_ != State::Entered && state_ != State::Expiring) throw PyError{runtime::new_exception(b.AssertionError)};
  if (timeout_handler_) {
    timeout_handler_->cancel();
    timeout_handler_.reset();
  }
  if (state_ == State::Expiring) {
    state_ = State::Expired;
    // Only the cancellation this timeout requested becomes TimeoutError: if
    // anyone else cancelled the task meanwhile, the count stays above ours.
    const auto* cancelled_error = loop_->exceptions().CancelledError.get();
    const bool strict = !loop_->profile().timeout_inserts_timeout_error;
    if (task_->uncancel() <= cancelling_ && exc) {
      if (strict ? exc->type.get() == cancelled_error : exc->isinstance(cancelled_error)) {
        auto timeout_error = runtime::new_exception(b.TimeoutError);
        timeout_error->cause = exc;
        timeout_error->context = exc;  // raised while __aexit__ handles exc
        if (loop_->tracing())
          loop_->emit(trace::Kind::Note, repr(), "the body's CancelledError becomes TimeoutError");
        throw raised_in(LibraryFrame::TimeoutAexit, loop_->profile().minor, PyError{timeout_error});
      }
      if (!strict) insert_timeout_error(exc);
    }
  } else if (state_ == State::Entered) {
    state_ = State::Exited;
  }
  co_return Value::none();
}

Ref<runtime::Coroutine> Timeout::aexit(Ref<PyException> exc) {
  return runtime::native("Timeout.__aexit__", aexit_body(std::move(exc)), Ref<runtime::Object>(this));
}

// Timeout._on_timeout
void Timeout::on_timeout() {
  if (state_ != State::Entered) throw PyError{runtime::new_exception(loop_->builtins().AssertionError)};
  if (loop_->tracing()) loop_->emit(trace::Kind::Note, repr(), "deadline passed: cancelling " + task_->get_name());
  task_->cancel();
  state_ = State::Expiring;
  timeout_handler_.reset();
}

// Timeout._insert_timeout_error (3.13): the first CancelledError in the
// exception's __context__ chain gets a TimeoutError put in front of it. The
// model has no ExceptionGroup, so the per-member pass is not needed.
void Timeout::insert_timeout_error(Ref<PyException> exc) const {
  const auto* cancelled_error = loop_->exceptions().CancelledError.get();
  while (exc->context) {
    if (exc->context->isinstance(cancelled_error)) {
      auto te = runtime::new_exception(loop_->builtins().TimeoutError);
      te->context = te->cause = exc->context;
      exc->context = te;
      break;
    }
    exc = exc->context;
  }
}

// timeouts.timeout
Ref<Timeout> timeout(EventLoop& loop, std::optional<double> delay) {
  check_available(loop, "timeout");
  return runtime::make<Timeout>(&loop, delay ? std::optional<double>(loop.time() + *delay) : std::nullopt);
}

// timeouts.timeout_at
Ref<Timeout> timeout_at(EventLoop& loop, std::optional<double> when) {
  check_available(loop, "timeout_at");
  return runtime::make<Timeout>(&loop, when);
}

}  // namespace asim::asyncio
