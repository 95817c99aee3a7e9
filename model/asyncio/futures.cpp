#include "model/asyncio/futures.hpp"

#include <fmt/format.h>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/future_iter.hpp"
#include "model/asyncio/handled_exception.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/reprlib.hpp"
#include "model/runtime/type.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::asyncio {

using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Value;

namespace {

// asyncio.Future is the C _asyncio.Future wherever the accelerator is built
// (every supported CPython here), and its InvalidStateError texts are not
// futures.py's: 'Result is not set.' and 'invalid state' (oracle
// l_futures_tasks.py).
constexpr const char* kInvalidState = "invalid state";

}  // namespace

Future::Future(EventLoop* loop) : loop_(loop) {}

void Future::log_unretrieved() {
  if (!log_traceback_ || runtime::detail::tearing_down) return;
  log_traceback_ = false;
  loop_->call_exception_handler(fmt::format("{} exception was never retrieved", type_name()), exception_,
                                "future", Value(Ref<Future>(this)));
}

std::string Future::repr_info() const {
  loop_->refuse_debug_repr(fmt::format("a {}", type_name()));
  std::string info;
  switch (state_) {
    case State::Pending: info = "pending"; break;
    case State::Cancelled: info = "cancelled"; break;
    case State::Finished:
      if (exception_) {
        info = "finished exception=" + runtime::to_repr(Value(exception_));
        break;
      }
      if (repr_running_) {
        if (loop_->profile().future_repr_recursion == FutureReprRecursion::Unguarded)
          runtime::not_modelled("the repr of a future whose result holds it", "3.7 recurses until RecursionError");
        info = "finished result=...";
        break;
      }
      {
        // reprlib.repr: a long result is shortened, as CPython prints it.
        repr_running_ = true;
        struct Done {
          const Future& f;
          ~Done() { f.repr_running_ = false; }
        } done{*this};
        info = "finished result=" + runtime::reprlib_repr(result_);
      }
      break;
  }
  if (callback0_ || callbacks_) {
    // base_futures._format_callbacks: the first and the last, and how many
    // are between them.
    std::vector<const runtime::Callable*> all;
    if (callback0_) all.push_back(callback0_.get());
    if (callbacks_)
      for (const auto& cb : *callbacks_) all.push_back(cb.fn.get());
    const bool show_arguments = loop_->profile().callback_reprs_show_arguments;
    const auto format_cb = [show_arguments](const runtime::Callable* fn) {
      std::string out = fn->callback_name(show_arguments) + "()";
      if (auto source = fn->function_source(); !source.empty()) out += " at " + source;
      return out;
    };
    std::string cbs = format_cb(all.front());
    if (all.size() == 2) cbs += ", " + format_cb(all.back());
    if (all.size() > 2) cbs += fmt::format(", <{} more>, {}", all.size() - 2, format_cb(all.back()));
    info += " cb=[" + cbs + "]";
  }
  return info;
}

std::optional<std::string> Future::repr_reentered() const {
  if (repr_running_ && loop_->profile().future_repr_recursion == FutureReprRecursion::ReprEllipsis) return "...";
  return std::nullopt;
}

std::string Future::repr() const {
  if (auto inner = repr_reentered()) return *inner;
  return fmt::format("<{} {}>", type_name(), repr_info());
}

bool Future::cancel(Value msg) {
  log_traceback_ = false;  // even when already done: an exception set is not reported
  return cancel_future(std::move(msg));
}

bool Future::cancel_future(Value msg) {
  if (state_ != State::Pending) return false;
  state_ = State::Cancelled;
  cancel_message_ = std::move(msg);
  if (loop_->tracing()) loop_->emit(trace::Kind::FutureDone, repr(), "cancelled");
  schedule_callbacks();
  return true;
}

void Future::schedule_callbacks() {
  if (loop_->faults().callbacks_inline) {  // a deliberate fault, for tests only (Faults)
    CallbackList all;
    if (callback0_) all.push_back({std::move(callback0_), std::move(context0_)});
    if (auto rest = std::move(callbacks_))
      for (auto& cb : *rest) all.push_back(std::move(cb));
    for (auto& cb : all)
      runtime::make<Handle>(std::move(cb.fn), HandleArgs{Value(Ref<Future>(this))}, loop_, std::move(cb.context))->run();
    return;
  }
  if (callback0_) loop_->call_soon(std::move(callback0_), {Value(Ref<Future>(this))}, std::move(context0_));
  if (auto rest = std::move(callbacks_))
    for (auto& cb : *rest) loop_->call_soon(std::move(cb.fn), {Value(Ref<Future>(this))}, std::move(cb.context));
}

Ref<PyException> Future::make_cancelled_error() {
  const bool chains = loop_->profile().cancelled_error_chains_kept;
  if (cancelled_exc_ && !chains) return std::exchange(cancelled_exc_, nullptr);
  std::vector<Value> args;
  if (!cancel_message_.is_none()) args.push_back(cancel_message_);
  auto exc = runtime::make<PyException>(loop_->exceptions().CancelledError, std::move(args));
  if (chains) exc->context = cancelled_exc_;
  return exc;
}

Value Future::result() {
  Ref<PyException> raised;
  Value r = result_raising(raised);
  if (raised) throw PyError{std::move(raised)};
  return r;
}

// future_get_result
Value Future::result_raising(Ref<PyException>& raised) {
  if (state_ == State::Cancelled) {
    // future_set_cancelled_error raises it with PyErr_SetObject: chained to
    // the exception being handled (in Task.__wakeup, that of the code running
    // the loop: asyncio.run cancelling leftovers after main failed, a loop run
    // inside an `except:`), unless the future's own saved CancelledError is
    // the context (3.9+).
    raised = make_cancelled_error();
    if (!raised->context) chain_to_handled(*raised);
    return Value();
  }
  if (state_ != State::Finished) {
    raised = runtime::new_exception(loop_->exceptions().InvalidStateError, "Result is not set.");
    return Value();
  }
  log_traceback_ = false;
  if (exception_) {
    // raise self._exception.with_traceback(self._exception_tb), where the C
    // Future hands its saved traceback over once (future_get_result clears
    // it): from the second time on the exception starts with none.
    if (loop_->profile().future_result_restores_traceback) {
      if (exception_->traceback.size() > exception_tb_size_) exception_->traceback.resize(exception_tb_size_);
      exception_tb_size_ = 0;
    }
    raised = exception_;
    return Value();
  }
  return result_;
}

Ref<PyException> Future::exception() {
  if (state_ == State::Cancelled) throw PyError{make_cancelled_error()};
  if (state_ != State::Finished)
    runtime::raise(loop_->exceptions().InvalidStateError, "Exception is not set.");
  log_traceback_ = false;
  return exception_;
}

void Future::add_done_callback(Ref<runtime::Callable> fn, Ref<runtime::Context> context) {
  if (runtime::Type* cls = user_class())
    if (auto method = cls->lookup_override("add_done_callback")) {
      const Value args[2] = {Value(Ref<Future>(this)), Value(std::move(fn))};
      if (context) {
        const runtime::Keyword kw[1] = {{"context", Value(std::move(context))}};
        runtime::call(*method, args, kw);
      } else {
        runtime::call(*method, args);
      }
      return;
    }
  add_done_callback_base(std::move(fn), std::move(context));
}

Value Future::callbacks_list() const {
  std::vector<Value> items;
  auto pair = [&](const Ref<runtime::Callable>& fn, const Ref<runtime::Context>& context) {
    items.push_back(Value(runtime::make<runtime::Tuple>(
        std::vector<Value>{Value(fn), context ? Value(context) : Value::none()})));
  };
  if (callback0_) pair(callback0_, context0_);
  if (callbacks_)
    for (const auto& cb : *callbacks_) pair(cb.fn, cb.context);
  return Value(runtime::make<runtime::List>(std::move(items)));
}

void Future::add_done_callback_base(Ref<runtime::Callable> fn, Ref<runtime::Context> context) {
  if (!context) context = runtime::copy_context();
  if (state_ != State::Pending) {
    loop_->call_soon(std::move(fn), {Value(Ref<Future>(this))}, std::move(context));
    return;
  }
  if (loop_->tracing()) loop_->emit(trace::Kind::CallbackAdded, repr(), fn->qualname());
  if (!callback0_ && !callbacks_) {
    callback0_ = std::move(fn);
    context0_ = std::move(context);
    return;
  }
  if (!callbacks_) callbacks_ = std::make_unique<CallbackList>();
  callbacks_->push_back({std::move(fn), std::move(context)});
}

std::size_t Future::remove_done_callback(const runtime::Callable& fn) {
  std::size_t removed = 0;
  if (callback0_ && callback0_->equals(fn)) {
    callback0_.reset();
    context0_.reset();
    ++removed;
  }
  if (callbacks_) {
    removed += std::erase_if(*callbacks_, [&](const Callback& cb) { return cb.fn->equals(fn); });
    if (callbacks_->empty()) callbacks_.reset();
  }
  return removed;
}

void Future::set_result(Value result) {
  if (state_ != State::Pending)
    runtime::raise(loop_->exceptions().InvalidStateError, kInvalidState);
  finish_with_result(std::move(result));
}

void Future::set_exception(Ref<PyException> exc) {
  if (state_ != State::Pending)
    runtime::raise(loop_->exceptions().InvalidStateError, kInvalidState);
  const auto& b = loop_->builtins();
  if (exc->isinstance(b.StopIteration.get()))
    runtime::raise(b.TypeError, "StopIteration interacts badly with generators and cannot be raised into a Future");
  finish_with_exception(std::move(exc));
}

void Future::finish_with_result(Value result) {
  result_ = std::move(result);
  state_ = State::Finished;
  if (loop_->tracing()) loop_->emit(trace::Kind::FutureDone, repr(), "result=" + runtime::repr(result_));
  schedule_callbacks();
}

void Future::finish_with_exception(Ref<PyException> exc) {
  exception_ = std::move(exc);
  exception_tb_size_ = static_cast<std::uint32_t>(exception_->traceback.size());
  state_ = State::Finished;
  log_traceback_ = true;
  if (loop_->tracing()) loop_->emit(trace::Kind::FutureDone, repr(), "exception=" + exception_->repr());
  schedule_callbacks();
}

// FutureIter_iternext: the first step yields the pending future itself,
// the next returns its result.
runtime::Step FutureIter::send(Value) {
  if (!yielded_ && !fut_->done()) {
    fut_->asyncio_future_blocking = true;
    yielded_ = true;
    state_ = State::Suspended;
    return {false, Value(fut_)};
  }
  state_ = State::Closed;
  if (!fut_->done()) runtime::raise(fut_->get_loop()->builtins().RuntimeError, "await wasn't used with future");
  return {true, fut_->result()};
}

runtime::Step FutureIter::throw_(Ref<PyException> exc) {
  state_ = State::Closed;
  throw PyError{std::move(exc)};
}

std::optional<Value> FutureIter::next() {
  runtime::Step s = send(Value());
  if (!s.done) return std::move(s.value);
  returned_ = std::move(s.value);
  return std::nullopt;
}

Ref<runtime::Coroutine> Future::await_iter() {
  return runtime::make<FutureIter>(Ref<Future>(this));
}

Value Future::block() {
  asyncio_future_blocking = true;
  return Value(Ref<Future>(this));
}

bool isfuture(const Value& v) {
  return v.as<Future>() != nullptr;
}

void set_result_unless_cancelled(Future& fut, Value result) {
  if (fut.cancelled()) return;
  fut.set_result(std::move(result));
}

}  // namespace asim::asyncio
