// CPython's threads on the virtual clock. Under the GIL one thread runs at a
// time and hands over only when it blocks (time.sleep, a lock, a select with
// nothing ready, a join); the model makes that rule exact: each thread but
// the main one runs on a fiber of its own, and when the running thread
// blocks, the thread that has waited longest among those able to go on is
// next. A thread able to go on since a virtual time later than now waits for
// the clock, which moves only when every thread is blocked. Where CPython's
// order depends on the OS (two threads waking at the same instant, the
// 5 ms switch interval of a thread that never blocks), the model takes
// this FIFO order.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/asyncio/exceptions.hpp"
#include "model/lang/eval.hpp"

namespace asim::modules {

class Threads final : public asyncio::OtherThreads {
 public:
  // The process's clock: read it, and move it on while every thread waits.
  struct Clock {
    std::function<double()> now;
    std::function<void(double)> advance_to;
  };
  // What each thread has of its own besides its stack: the interpreter's
  // thread state (made on the thread's first run), the current contextvars
  // context, and the running event loop (events._running_loop is
  // thread-local).
  struct Locals {
    lang::ThreadState* state = nullptr;
    runtime::Ref<runtime::Object> context;
    asyncio::EventLoop* running_loop = nullptr;
  };
  struct LocalsAccess {
    std::function<Locals()> save;
    std::function<void(const Locals&)> restore;
  };

  Threads(Clock clock, LocalsAccess locals, lang::LangLimits limits, runtime::ModuleFinder* modules);
  ~Threads() override;
  Threads(const Threads&) = delete;
  Threads& operator=(const Threads&) = delete;

  // _thread.start_new_thread: a new thread, able to run from now on, that
  // calls `body` once the running thread lets it. Returns its ident.
  std::uint64_t start(std::function<void()> body);
  // _thread.get_ident() of the running thread.
  std::uint64_t current() const;
  bool in_main() const { return running_ == main_; }
  std::size_t alive() const;

  // The running thread waits until wake() is called for it (true) or the
  // clock reaches `deadline` (false); meanwhile the others run.
  bool block(std::optional<double> deadline);
  // Makes a thread blocked in block() able to go on (from now); any other
  // (running, already able to go on, ended) is left as it is.
  void wake(std::uint64_t ident);
  // time.sleep() in any thread.
  void sleep(double seconds);

  // asyncio::OtherThreads
  bool any() const override { return threads_.size() > 1; }
  bool wait_in_select(std::optional<double> deadline) override;
  void wake_selector() override;

 private:
  struct Thread;
  // Runs the other threads in turn until the main one may go on.
  bool run_others_until_main_goes_on();
  Thread* next_to_go_on();
  void run(Thread& t);
  Thread* find(std::uint64_t ident);

  Clock clock_;
  LocalsAccess locals_;
  lang::LangLimits limits_;
  runtime::ModuleFinder* modules_;
  std::vector<std::unique_ptr<Thread>> threads_;  // the main one first
  Thread* main_;
  Thread* running_;
  std::uint64_t next_order_ = 0;
  std::uint64_t next_ident_ = 0;
  // The main thread waits in the loop's select (wake_selector ends it).
  bool main_in_select_ = false;
};

}  // namespace asim::modules
