#include "model/runtime/native_coroutine.hpp"

#include "model/runtime/runtime.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::runtime {

Coro::AwaitAwaiter Coro::promise_type::await_transform(const Value& awaitable) {
  Object* o = awaitable.object();
  if (auto* fut = o ? o->future_awaitable() : nullptr) return AwaitAwaiter{this, fut, awaitable, nullptr};
  // A coroutine's __await__ is itself.
  if (auto* c = o ? o->coroutine() : nullptr) return AwaitAwaiter{this, nullptr, {}, Ref<Coroutine>(c)};
  return AwaitAwaiter{this, nullptr, {}, get_awaitable_iter(awaitable)};
}

// The second half of Future.__await__, or the delegate's return value.
Value Coro::AwaitAwaiter::await_resume() {
  if (promise->thrown) throw PyError{std::exchange(promise->thrown, nullptr)};
  if (future) {
    promise->transfer = Value::none();  // the value sent in is ignored, as FutureIter does
    if (!future->done()) raise(Runtime::current().builtins.RuntimeError, "await wasn't used with future");
    return future->result();
  }
  return std::exchange(promise->transfer, Value::none());
}

void Coro::YieldAwaiter::await_resume() {
  if (promise->thrown) throw PyError{std::exchange(promise->thrown, nullptr)};
}

NativeCoroutine::NativeCoroutine(std::string_view qualname, Coro body, Ref<Object> owner)
    : Coroutine(qualname), handle_(body.release()), owner_(std::move(owner)) {}

NativeCoroutine::~NativeCoroutine() {
  if (handle_) handle_.destroy();
}

// _PyGen_Finalize, as for the program's coroutines (InterpretedCoroutine):
// what a native one models is Python code in CPython (Queue.get's cleanup
// cancelling its getter...).
void NativeCoroutine::finalize() {
  warn_if_never_awaited();
  if (state_ == State::Suspended) {
    try {
      close();
    } catch (const PyError& error) {
      if (const auto& sink = Runtime::current().unraisable_sink) sink(error, repr());
    }
  }
}

void NativeCoroutine::finish() {
  state_ = State::Closed;
  handle_.destroy();
  handle_ = {};
}

Step NativeCoroutine::send(Value value) {
  Ref<PyException> raised;
  Step s = send_ex(std::move(value), nullptr, raised);
  if (raised) throw PyError{std::move(raised)};
  return s;
}

Step NativeCoroutine::throw_(Ref<PyException> exc) {
  Ref<PyException> raised;
  Step s = send_ex(Value::none(), std::move(exc), raised);
  if (raised) throw PyError{std::move(raised)};
  return s;
}

Step NativeCoroutine::send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised) {
  try {
    if (thrown) {
      if (state_ == State::Created) {
        // Thrown in before the first line ran: the body never starts.
        finish();
        raised = std::move(thrown);
        return {true, Value::none()};
      }
      return drive(Value::none(), std::move(thrown), raised);
    }
    if (state_ == State::Created && !value.is_none())
      raise(Runtime::current().builtins.TypeError, "can't send non-None value to a just-started coroutine");
    return drive(std::move(value), nullptr, raised);
  } catch (PyError& e) {
    raised = std::move(e.exc);
    return {true, Value::none()};
  }
}

// Runs the body until it suspends or ends, forwarding to the delegate first
// when there is one: the same loop as CPython's gen_send_ex with yield from.
// What the body raises is given back in `raised`.
Step NativeCoroutine::drive(Value sent, Ref<PyException> thrown, Ref<PyException>& raised) {
  const auto& b = Runtime::current().builtins;
  if (state_ == State::Running) raise(b.ValueError, "coroutine already executing");
  if (state_ == State::Closed) raise(b.RuntimeError, "cannot reuse already awaited coroutine");
  state_ = State::Running;
  auto& p = handle_.promise();
  for (;;) {
    if (p.delegate) {
      Ref<PyException> delegate_raised;
      Step s = p.delegate->send_ex(std::move(sent), std::move(thrown), delegate_raised);
      if (delegate_raised) {
        p.thrown = std::move(delegate_raised);
      } else if (!s.done) {
        state_ = State::Suspended;
        return s;
      } else {
        p.transfer = std::move(s.value);
      }
      p.delegate.reset();
    } else {
      p.transfer = std::move(sent);
      p.thrown = std::move(thrown);
    }
    // What is thrown in passes through the body's frame, caught there or not.
    if (p.thrown) note_library_frame(*p.thrown);
    try {
      handle_.resume();
    } catch (PyError& e) {
      note_library_frame(*e.exc);
      finish();
      throw;
    } catch (...) {
      finish();
      throw;
    }
    if (handle_.done()) {
      Value result = std::move(p.transfer);
      std::exception_ptr error = p.error;
      Ref<PyException> returned = std::move(p.raised);
      finish();
      if (error) {
        try {
          std::rethrow_exception(error);
        } catch (PyError& e) {
          returned = std::move(e.exc);
        }
      }
      if (returned) {
        note_library_frame(*returned);
        raised = std::move(returned);
        return {true, Value::none()};
      }
      return {true, std::move(result)};
    }
    if (p.delegate_is_new) {
      // `yield from` starts its delegate at once, with send(None).
      p.delegate_is_new = false;
      sent = Value::none();
      thrown = nullptr;
      continue;
    }
    // Suspended on a future (the slot holds it) or on a bare yield (None).
    state_ = State::Suspended;
    return {false, std::exchange(p.transfer, Value::none())};
  }
}

void NativeCoroutine::close() {
  if (state_ == State::Created || state_ == State::Closed) {
    if (handle_) finish();
    return;
  }
  auto& p = handle_.promise();
  if (p.delegate) {
    p.delegate->close();
    p.delegate.reset();
  }
  const auto& b = Runtime::current().builtins;
  Ref<PyException> raised;
  drive(Value::none(), new_exception(b.GeneratorExit), raised);
  if (raised) {
    if (raised->isinstance(b.GeneratorExit.get()) || raised->isinstance(b.StopIteration.get())) return;
    throw PyError{std::move(raised)};
  }
  if (handle_) finish();
  raise(b.RuntimeError, "coroutine ignored GeneratorExit");
}

}  // namespace asim::runtime
