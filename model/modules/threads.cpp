#include "model/modules/threads.hpp"

#include <limits>

#include "model/asyncio/base_events.hpp"
#include "model/runtime/fiber.hpp"

namespace asim::modules {

namespace {

// A CPython thread's stack is the process's default (8 MiB on Linux); the
// model's frames on it get three quarters, as on the main stack.
constexpr std::size_t kThreadStackBytes = 8u << 20;

// What _thread.get_ident() gives: CPython's is the pthread_t, an address;
// these stand where glibc puts the first thread stacks.
constexpr std::uint64_t kFirstIdent = 140000000000000;
constexpr std::uint64_t kIdentStep = 8400896;

}  // namespace

struct Threads::Thread {
  enum class Status { Running, Ready, Blocked, Done };
  std::uint64_t ident = 0;
  std::unique_ptr<runtime::Fiber> fiber;  // null for the main thread
  Locals locals;
  Status status = Status::Running;
  // Ready: since when it may go on; Blocked: when its wait times out.
  std::optional<double> due;
  // When it began to wait: of two able to go on at the same time, the one
  // that waited first goes on first.
  std::uint64_t order = 0;
  bool woken = false;

  // Waits from now (the nth wait begun), until woken or `until`.
  void begin_wait(std::optional<double> until, std::uint64_t nth) {
    status = Status::Blocked;
    due = until;
    order = nth;
    woken = false;
  }
};

Threads::Threads(Clock clock, LocalsAccess locals, lang::LangLimits limits, runtime::ModuleFinder* modules)
    : clock_(std::move(clock)), locals_(std::move(locals)), limits_(limits), modules_(modules) {
  auto main = std::make_unique<Thread>();
  main->ident = kFirstIdent;
  main_ = main.get();
  running_ = main_;
  threads_.push_back(std::move(main));
}

Threads::~Threads() = default;

std::uint64_t Threads::start(std::function<void()> body) {
  auto t = std::make_unique<Thread>();
  t->ident = kFirstIdent + ++next_ident_ * kIdentStep;
  Thread* self = t.get();
  t->fiber = std::make_unique<runtime::Fiber>(
      [this, self, body = std::move(body)] {
        lang::ThreadState state(limits_, modules_);
        state.stack_budget = kThreadStackBytes / 4 * 3;
        self->locals.state = &state;
        body();
      },
      kThreadStackBytes);
  t->status = Thread::Status::Ready;
  t->due = clock_.now();
  t->order = ++next_order_;
  threads_.push_back(std::move(t));
  return self->ident;
}

std::uint64_t Threads::current() const { return running_->ident; }

std::size_t Threads::alive() const {
  std::size_t n = 0;
  for (const auto& t : threads_)
    if (t->status != Thread::Status::Done) ++n;
  return n;
}

Threads::Thread* Threads::find(std::uint64_t ident) {
  for (auto& t : threads_)
    if (t->ident == ident) return t.get();
  return nullptr;
}

bool Threads::block(std::optional<double> deadline) {
  Thread& me = *running_;
  me.begin_wait(deadline, ++next_order_);
  if (&me != main_) {
    runtime::Fiber::suspend();
    return me.woken;
  }
  if (!run_others_until_main_goes_on())
    throw asyncio::Deadlock(
        "asim: every thread of the program waits for another and none can go on: CPython would hang here.");
  return me.woken;
}

void Threads::wake(std::uint64_t ident) {
  Thread* t = find(ident);
  if (!t || t->status != Thread::Status::Blocked) return;
  t->status = Thread::Status::Ready;
  t->due = clock_.now();
  t->order = ++next_order_;
  t->woken = true;
}

void Threads::sleep(double seconds) { block(clock_.now() + seconds); }

bool Threads::wait_in_select(std::optional<double> deadline) {
  Thread& me = *main_;
  me.begin_wait(deadline, ++next_order_);
  main_in_select_ = true;
  const bool goes_on = run_others_until_main_goes_on();
  main_in_select_ = false;
  if (!goes_on) me.status = Thread::Status::Running;
  return goes_on;
}

void Threads::wake_selector() {
  if (main_in_select_) wake(main_->ident);
}

Threads::Thread* Threads::next_to_go_on() {
  Thread* best = nullptr;
  for (const auto& t : threads_) {
    if (!t->due || (t->status != Thread::Status::Ready && t->status != Thread::Status::Blocked)) continue;
    if (!best || *t->due < *best->due || (*t->due == *best->due && t->order < best->order)) best = t.get();
  }
  return best;
}

bool Threads::run_others_until_main_goes_on() {
  for (;;) {
    Thread* t = next_to_go_on();
    if (!t) return false;
    if (*t->due > clock_.now()) clock_.advance_to(*t->due);
    t->status = Thread::Status::Running;
    if (t == main_) {
      running_ = main_;
      return true;
    }
    run(*t);
  }
}

void Threads::run(Thread& t) {
  main_->locals = locals_.save();
  running_ = &t;
  locals_.restore(t.locals);
  try {
    t.fiber->resume();
  } catch (...) {
    running_ = main_;
    locals_.restore(main_->locals);
    throw;
  }
  if (!t.fiber->finished()) t.locals = locals_.save();
  running_ = main_;
  locals_.restore(main_->locals);
  if (t.fiber->finished()) {
    t.status = Thread::Status::Done;
    std::erase_if(threads_, [&](const auto& p) { return p.get() == &t; });
  }
}

}  // namespace asim::modules
