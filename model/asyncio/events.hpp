// asyncio/events.py: Handle and TimerHandle, the callbacks the loop queues.
#pragma once

#include <vector>

#include "model/runtime/callable.hpp"
#include "model/runtime/contextvars.hpp"

namespace asim::asyncio {

class EventLoop;

// A handle's arguments. From the pool rather than malloc: the loop makes one
// per callback it queues, millions in a large run.
using HandleArgs = std::vector<runtime::Value, runtime::PoolAllocator<runtime::Value>>;

// A callback that is not callable, as BaseEventLoop schedules one outside
// debug mode (its _check_callback runs only in debug mode): the handle fails
// when it runs, "'NoneType' object is not callable", and names it by its
// repr (format_helpers._format_callback).
class UncheckedCallback : public runtime::Callable {
 public:
  explicit UncheckedCallback(runtime::Value value) : value_(std::move(value)) {}
  std::string_view type_name() const override { return "UncheckedCallback"; }
  runtime::Value call(std::span<const runtime::Value> args) override;
  std::string qualname() const override;
  bool is_none() const { return value_.is_none(); }

 private:
  runtime::Value value_;
};

// events.Handle: a callback with its arguments, queued in the loop's _ready.
class Handle : public runtime::Object {
 public:
  // `context`: the one the callback runs in; nullptr takes a copy of the
  // current one (Handle.__init__).
  Handle(runtime::Ref<runtime::Callable> callback, HandleArgs args, EventLoop* loop,
         runtime::Ref<runtime::Context> context = nullptr)
      : callback_(std::move(callback)),
        args_(std::move(args)),
        context_(context ? std::move(context) : runtime::copy_context()),
        loop_(loop) {}

  std::string_view type_name() const override { return "Handle"; }
  std::string repr() const override;

  // Handle.cancel: the callback and its arguments are dropped at once.
  virtual void cancel();
  bool cancelled() const { return cancelled_; }
  // Handle._run: exceptions go to the loop's exception handler, as in CPython.
  void run();
  // Handle.get_context
  const runtime::Ref<runtime::Context>& get_context() const { return context_; }
  // What the handle will call, as CPython's _format_callback prints it
  // (traces show the arguments on every version).
  std::string callback_text(bool show_arguments = true) const;
  // callback_text() and " at FILE:LINE" where a Python callback was defined:
  // what reprs and "Exception in callback" show.
  std::string callback_source_text() const;

 protected:
  std::string repr_info() const;
  runtime::Ref<runtime::Callable> callback_;
  HandleArgs args_;
  runtime::Ref<runtime::Context> context_;
  EventLoop* loop_;
  bool cancelled_ = false;
};

// events.TimerHandle: a Handle with a deadline, kept in the loop's heap.
class TimerHandle : public Handle {
 public:
  TimerHandle(double when, runtime::Ref<runtime::Callable> callback, HandleArgs args, EventLoop* loop,
              runtime::Ref<runtime::Context> context = nullptr)
      : Handle(std::move(callback), std::move(args), loop, std::move(context)), when_(when) {}

  std::string_view type_name() const override { return "TimerHandle"; }
  std::string repr() const override;
  void cancel() override;
  double when() const { return when_; }
  // TimerHandle.__eq__: the same deadline, callback, arguments and state
  // (a cancelled handle has dropped its callback and arguments).
  bool equals(const TimerHandle& other) const;

  // Set while the handle sits in the loop's _scheduled heap.
  bool scheduled = false;

 private:
  double when_;
};

}  // namespace asim::asyncio
