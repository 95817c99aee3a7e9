// asyncio/events.py: Handle and TimerHandle, the callbacks the loop queues.
#pragma once

#include <vector>

#include "model/runtime/callable.hpp"

namespace asim::asyncio {

class EventLoop;

// A handle's arguments. From the pool rather than malloc: the loop makes one
// per callback it queues, millions in a large run.
using HandleArgs = std::vector<runtime::Value, runtime::PoolAllocator<runtime::Value>>;

// events.Handle: a callback with its arguments, queued in the loop's _ready.
class Handle : public runtime::Object {
 public:
  Handle(runtime::Ref<runtime::Callable> callback, HandleArgs args, EventLoop* loop)
      : callback_(std::move(callback)), args_(std::move(args)), loop_(loop) {}

  std::string_view type_name() const override { return "Handle"; }
  std::string repr() const override;

  // Handle.cancel: the callback and its arguments are dropped at once.
  virtual void cancel();
  bool cancelled() const { return cancelled_; }
  // Handle._run: exceptions go to the loop's exception handler, as in CPython.
  void run();
  // What the handle will call, as CPython's _format_callback_source prints it.
  std::string callback_text() const;

 protected:
  std::string repr_info() const;
  runtime::Ref<runtime::Callable> callback_;
  HandleArgs args_;
  EventLoop* loop_;
  bool cancelled_ = false;
};

// events.TimerHandle: a Handle with a deadline, kept in the loop's heap.
class TimerHandle : public Handle {
 public:
  TimerHandle(double when, runtime::Ref<runtime::Callable> callback, HandleArgs args, EventLoop* loop)
      : Handle(std::move(callback), std::move(args), loop), when_(when) {}

  std::string_view type_name() const override { return "TimerHandle"; }
  std::string repr() const override;
  void cancel() override;
  double when() const { return when_; }

  // Set while the handle sits in the loop's _scheduled heap.
  bool scheduled = false;

 private:
  double when_;
};

}  // namespace asim::asyncio
