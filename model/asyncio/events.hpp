// asyncio/events.py: Handle and TimerHandle, the callbacks the loop queues.
#pragma once

#include <vector>

#include "model/runtime/callable.hpp"

namespace asim::asyncio {

class EventLoop;

// events.Handle: a callback with its arguments, queued in the loop's _ready.
class Handle : public runtime::Object {
 public:
  Handle(runtime::Ref<runtime::Callable> callback, std::vector<runtime::Value> args, EventLoop* loop)
      : callback_(std::move(callback)), args_(std::make_move_iterator(args.begin()), std::make_move_iterator(args.end())),
        loop_(loop) {}

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
  std::vector<runtime::Value, runtime::PoolAllocator<runtime::Value>> args_;
  EventLoop* loop_;
  bool cancelled_ = false;
};

// events.TimerHandle: a Handle with a deadline, kept in the loop's heap.
class TimerHandle : public Handle {
 public:
  TimerHandle(double when, runtime::Ref<runtime::Callable> callback, std::vector<runtime::Value> args,
              EventLoop* loop)
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
