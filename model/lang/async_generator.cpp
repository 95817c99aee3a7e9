#include "model/lang/async_generator.hpp"

#include <fmt/format.h>

#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

using runtime::builtins;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Step;
using runtime::Value;

namespace {

// What asend/athrow/aclose return: an awaitable over one generator. 3.13
// warns "coroutine method 'asend' of 'gen' was never awaited" when one goes
// unused.
class AsyncGenAwaitable : public runtime::Coroutine {
 public:
  AsyncGenAwaitable(std::string_view method, Ref<InterpretedAsyncGenerator> gen)
      : Coroutine(method), gen_(std::move(gen)), warn_(ThreadState::current().limits.features.unawaited_agen_method_warns) {}
  void finalize() override {
    if (warn_ && state_ == State::Created)
      runtime::Runtime::current().warn_unraisable(
          fmt::format("RuntimeWarning: coroutine method '{}' of '{}' was never awaited", qualname, gen_->qualname),
          *this);
  }
  runtime::Coroutine* coroutine() override { return nullptr; }
  void close() override { state_ = State::Closed; }

 protected:
  // One step of the body through the generator's unwrapping, what it
  // raises given back in `raised`; the awaitable is spent once it ends
  // either way.
  Step step(Value sent, Ref<PyException> thrown, Ref<PyException>& raised) {
    Step s{true, Value()};
    try {
      s = gen_->step(std::move(sent), std::move(thrown), raised);
    } catch (PyError& e) {
      raised = std::move(e.exc);
    }
    if (s.done) state_ = State::Closed;
    return s;
  }
  Step step(Value sent, Ref<PyException> thrown) {
    Ref<PyException> raised;
    Step s = step(std::move(sent), std::move(thrown), raised);
    if (raised) throw PyError{std::move(raised)};
    return s;
  }

  Ref<InterpretedAsyncGenerator> gen_;

 private:
  bool warn_;
};

// async_generator_asend: what __anext__() and asend() return.
class AsyncGenASend : public AsyncGenAwaitable {
 public:
  AsyncGenASend(Ref<InterpretedAsyncGenerator> gen, Value sendval)
      : AsyncGenAwaitable("asend", std::move(gen)), sendval_(std::move(sendval)) {}
  std::string_view type_name() const override { return "async_generator_asend"; }
  std::string repr() const override { return "<async_generator_asend object at " + address_text() + ">"; }

  Step send(Value value) override {
    Ref<PyException> raised;
    Step s = send_ex(std::move(value), nullptr, raised);
    if (raised) throw PyError{std::move(raised)};
    return s;
  }
  Step throw_(Ref<PyException> exc) override {
    Ref<PyException> raised;
    Step s = send_ex(Value(), std::move(exc), raised);
    if (raised) throw PyError{std::move(raised)};
    return s;
  }

  // async_gen_asend_send, or async_gen_asend_throw with `thrown`.
  Step send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised) override {
    const auto& b = builtins();
    if (state_ == State::Closed)
      return refuse(raised, b.RuntimeError, "cannot reuse already awaited __anext__()/asend()");
    if (!thrown && state_ == State::Created) {
      if (gen_->running_async)
        return refuse(raised, b.RuntimeError, "anext(): asynchronous generator is already running");
      if (value.is_none()) value = sendval_;
      state_ = State::Suspended;
    }
    gen_->running_async = true;
    if (thrown) value = Value();
    return step(std::move(value), std::move(thrown), raised);
  }

 private:
  static Step refuse(Ref<PyException>& raised, const Ref<runtime::ExceptionType>& type, std::string message) {
    raised = runtime::new_exception(type, std::move(message));
    return Step{true, Value()};
  }

  Value sendval_;
};

// async_generator_athrow: what athrow() and aclose() (no exception) return.
class AsyncGenAThrow : public AsyncGenAwaitable {
 public:
  AsyncGenAThrow(Ref<InterpretedAsyncGenerator> gen, Ref<PyException> exc)
      : AsyncGenAwaitable(exc ? "athrow" : "aclose", std::move(gen)), exc_(std::move(exc)) {}
  std::string_view type_name() const override { return "async_generator_athrow"; }
  std::string repr() const override { return "<async_generator_athrow object at " + address_text() + ">"; }

  // async_gen_athrow_send
  Step send(Value value) override {
    const auto& b = builtins();
    if (state_ == State::Closed)
      runtime::raise(b.RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    if (gen_->state() == State::Closed) {  // the body has finished
      state_ = State::Closed;
      return Step{true, Value()};
    }
    if (state_ == State::Created) {
      if (gen_->running_async) {
        state_ = State::Closed;
        runtime::raise(b.RuntimeError, exc_ ? "athrow(): asynchronous generator is already running"
                                            : "aclose(): asynchronous generator is already running");
      }
      if (gen_->closed) {
        state_ = State::Closed;
        throw PyError{runtime::new_exception(b.StopAsyncIteration)};
      }
      if (!value.is_none()) runtime::raise(b.RuntimeError, "can't send non-None value to a just-started coroutine");
      state_ = State::Suspended;
      gen_->running_async = true;
      if (!exc_) {
        gen_->closed = true;
        return closing(Value(), runtime::new_exception(b.GeneratorExit));
      }
      return step(Value(), exc_);
    }
    return exc_ ? step(std::move(value), nullptr) : closing(std::move(value), nullptr);
  }

  // async_gen_athrow_throw
  Step throw_(Ref<PyException> exc) override {
    if (state_ == State::Closed)
      runtime::raise(builtins().RuntimeError, "cannot reuse already awaited aclose()/athrow()");
    return exc_ ? step(Value(), std::move(exc)) : closing(Value(), std::move(exc));
  }

 private:
  // athrow() goes through step(), as asend does: the body's next yield is
  // its result. aclose(): done once the body has ended (GeneratorExit, StopAsyncIteration
  // or a return); a yield instead is an error.
  Step closing(Value sent, Ref<PyException> thrown) {
    const auto& b = builtins();
    Step s;
    try {
      s = thrown ? gen_->throw_(std::move(thrown)) : gen_->send(std::move(sent));
    } catch (PyError& e) {
      gen_->running_async = false;
      state_ = State::Closed;
      if (e.exc->isinstance(b.StopAsyncIteration.get()) || e.exc->isinstance(b.GeneratorExit.get()))
        return Step{true, Value()};
      throw;
    }
    if (!s.done && !gen_->frame.yielded) return s;  // awaiting inside a `finally`
    gen_->running_async = false;
    state_ = State::Closed;
    if (!s.done) runtime::raise(b.RuntimeError, "async generator ignored GeneratorExit");
    return Step{true, Value()};
  }

  Ref<PyException> exc_;  // null: aclose()
};

}  // namespace

InterpretedAsyncGenerator::InterpretedAsyncGenerator(Ref<Function> fn, Frame&& body, runtime::AsyncGenHooks hooks)
    : InterpretedCoroutine(std::move(fn), std::move(body), Kind::AsyncGenerator),
      hooks_inited_(true),
      hooks_(std::move(hooks)) {}

// _PyGen_Finalize for async generators: one freed before it finished goes to
// the finalizer the loop installed (which schedules aclose() in a task); its
// body moves to a replacement, as CPython's object is resurrected instead.
// Without a finalizer it is closed as any coroutine.
void InterpretedAsyncGenerator::finalize() {
  if (hooks_inited_) {
    if (hooks_.forget) hooks_.forget(*this);
    if (state_ == State::Suspended && !closed && hooks_.finalizer) {
      state_ = State::Closed;  // the body is the replacement's now: nothing to close here
      auto replacement = runtime::make<InterpretedAsyncGenerator>(function, std::move(frame), hooks_);
      hooks_.finalizer(*this, *replacement);
      return;
    }
  }
  InterpretedCoroutine::finalize();
}

Ref<runtime::Coroutine> InterpretedAsyncGenerator::await_iter() {
  runtime::raise(builtins().TypeError, "object async_generator can't be used in 'await' expression");
}

void InterpretedAsyncGenerator::init_hooks() {
  if (hooks_inited_) return;
  hooks_inited_ = true;
  hooks_ = runtime::Runtime::current().asyncgen_hooks;
  if (hooks_.firstiter) hooks_.firstiter(*this);
}

Ref<runtime::Coroutine> InterpretedAsyncGenerator::asend(Value value) {
  init_hooks();
  return runtime::make<AsyncGenASend>(Ref<InterpretedAsyncGenerator>(this), std::move(value));
}

Ref<runtime::Coroutine> InterpretedAsyncGenerator::athrow(Ref<PyException> exc) {
  init_hooks();
  return runtime::make<AsyncGenAThrow>(Ref<InterpretedAsyncGenerator>(this), std::move(exc));
}

Ref<runtime::Coroutine> InterpretedAsyncGenerator::aclose() {
  init_hooks();
  return runtime::make<AsyncGenAThrow>(Ref<InterpretedAsyncGenerator>(this), nullptr);
}

// gen_send_ex, then async_gen_unwrap_value.
Step InterpretedAsyncGenerator::step(Value sent, Ref<PyException> thrown, Ref<PyException>& raised) {
  const auto& b = builtins();
  Step s = send_ex(std::move(sent), std::move(thrown), raised);
  if (raised) {
    running_async = false;
    // A StopAsyncIteration raised by the body itself would end the
    // iteration silently; CPython turns it into a RuntimeError (resume did
    // the same for StopIteration).
    if (raised->isinstance(b.StopAsyncIteration.get())) {
      auto error = runtime::new_exception(b.RuntimeError, "async generator raised StopAsyncIteration");
      error->cause = raised;
      error->context = raised;
      error->suppress_context = true;
      raised = std::move(error);
    } else if (raised->isinstance(b.GeneratorExit.get())) {
      closed = true;
    }
    return s;
  }
  if (s.done) {
    running_async = false;
    closed = true;
    raised = runtime::new_exception(b.StopAsyncIteration);
    return s;
  }
  if (frame.yielded) {
    running_async = false;
    return Step{true, std::move(s.value)};
  }
  return s;
}

}  // namespace asim::lang
