// asyncio/futures.py: Future. Done-callbacks are never called inline; each is
// scheduled with call_soon when the future completes, in registration order.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/runtime/callable.hpp"
#include "model/runtime/contextvars.hpp"
#include "model/runtime/coroutine.hpp"

namespace asim::asyncio {

class EventLoop;

class Future : public runtime::Object, public runtime::FutureAwaitable {
 public:
  enum class State : std::uint8_t { Pending, Cancelled, Finished };

  explicit Future(EventLoop* loop);
  // Future.__del__
  void finalize() override { log_unretrieved(); }

  std::string_view type_name() const override { return "Future"; }
  std::string repr() const override;

  // Future.cancel: false when already done; else cancelled, callbacks scheduled.
  virtual bool cancel(runtime::Value msg = {});
  bool cancelled() const { return state_ == State::Cancelled; }
  bool done() const override { return state_ != State::Pending; }
  // Future.result: raises the exception, CancelledError or InvalidStateError.
  runtime::Value result() override;
  runtime::Value result_raising(runtime::Ref<runtime::PyException>& raised) override;
  // Future.exception: None, the exception, or raises CancelledError/InvalidStateError.
  runtime::Ref<runtime::PyException> exception();
  // fut.add_done_callback(fn) as asyncio's own code calls it: a program's
  // subclass that overrides add_done_callback gets the call.
  void add_done_callback(runtime::Ref<runtime::Callable> fn, runtime::Ref<runtime::Context> context = nullptr);
  // Future.add_done_callback itself. `context`: what fn will run in;
  // nullptr, a copy of the current one.
  void add_done_callback_base(runtime::Ref<runtime::Callable> fn, runtime::Ref<runtime::Context> context = nullptr);
  // Removes every callback equal to fn; returns how many.
  std::size_t remove_done_callback(const runtime::Callable& fn);
  virtual void set_result(runtime::Value result);
  virtual void set_exception(runtime::Ref<runtime::PyException> exc);

  // Future.__await__ (futures.py's __iter__): yields itself while pending.
  runtime::Ref<runtime::Coroutine> await_iter() override;
  runtime::Value block() override;
  runtime::FutureAwaitable* future_awaitable() override { return this; }

  EventLoop* get_loop() const { return loop_; }
  // Future.__init__(loop=...) on a program's subclass instance made before it.
  void init_loop(EventLoop* loop) { loop_ = loop; }
  const runtime::Value& cancel_message() const { return cancel_message_; }
  // Future._cancel_message, which the Python Future lets a program replace.
  void set_cancel_message(runtime::Value msg) { cancel_message_ = std::move(msg); }
  // Future._log_traceback: a program may only clear it (CPython's setter).
  bool log_traceback() const { return log_traceback_; }
  void clear_log_traceback() { log_traceback_ = false; }
  // Future._callbacks: (fn, context) pairs in registration order, as a new
  // list each time.
  runtime::Value callbacks_list() const;
  State state() const { return state_; }
  // Future._make_cancelled_error
  runtime::Ref<runtime::PyException> make_cancelled_error();
  // _asyncio_future_blocking: set while a task is told to wait on this future.
  bool asyncio_future_blocking = false;

 protected:
  // Beside the flag above, so that the two share a word: one Future and one
  // Task per sleeping task add up over 100 000 tasks.
  State state_ = State::Pending;
  // _log_traceback: an exception was set and neither result() nor
  // exception() has been asked for since.
  bool log_traceback_ = false;
  // _exception_tb: how many frames the exception's traceback had when set
  // (a traceback only grows, outwards, as its exception propagates).
  std::uint32_t exception_tb_size_ = 0;

  // Future.__del__: an exception nobody retrieved is logged, under the
  // class's name; each subclass calls it first thing in its destructor.
  void log_unretrieved();
  // Future.__schedule_callbacks
  void schedule_callbacks();
  // The subclass-independent part of the repr: "pending cb=[...]" etc.
  std::string repr_info() const;
  // "..." when this future's repr is already being made further out and
  // the version shows the inner one so (FutureReprRecursion::ReprEllipsis).
  std::optional<std::string> repr_reentered() const;
  // The state change itself, shared by Future and Task (super().set_result()).
  void finish_with_result(runtime::Value result);
  void finish_with_exception(runtime::Ref<runtime::PyException> exc);
  bool cancel_future(runtime::Value msg);

  EventLoop* loop_;
  // While the result's repr is being made (base_futures._repr_running).
  mutable bool repr_running_ = false;
  runtime::Value result_;
  runtime::Ref<runtime::PyException> exception_;
  // The done-callbacks in registration order. As in CPython's C Future
  // (fut_callback0 + fut_callbacks), the first is kept apart: most futures
  // only ever get one, and then need no list at all.
  struct Callback {
    runtime::Ref<runtime::Callable> fn;
    runtime::Ref<runtime::Context> context;
  };
  using CallbackList = std::vector<Callback>;
  runtime::Ref<runtime::Callable> callback0_;
  runtime::Ref<runtime::Context> context0_;
  std::unique_ptr<CallbackList> callbacks_;
  runtime::Value cancel_message_;
  runtime::Ref<runtime::PyException> cancelled_exc_;
};

bool isfuture(const runtime::Value& v);

// The future a done-callback of the model's own is called with. Such callbacks
// only ever get the future they were added to, so no dynamic type check (which
// costs more than the callback itself) is needed.
inline Future& callback_future(const runtime::Value& v) {
  return *static_cast<Future*>(v.object());
}

// futures._set_result_unless_cancelled, used by sleep().
void set_result_unless_cancelled(Future& fut, runtime::Value result);

}  // namespace asim::asyncio
