#include "model/runtime/interrupt.hpp"

#include <atomic>
#include <utility>

#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {
// Lock-free, so that a signal handler may set it.
std::atomic<bool> tripped{false};
static_assert(std::atomic<bool>::is_always_lock_free);
std::function<void()> sigint_handler;
}  // namespace

void request_interrupt() noexcept { tripped.store(true, std::memory_order_relaxed); }

bool interrupt_pending() noexcept { return tripped.load(std::memory_order_relaxed); }

void clear_interrupt() noexcept { tripped.store(false, std::memory_order_relaxed); }

// PyErr_CheckSignals -> signal_default_int_handler, or the handler installed.
void handle_interrupt() {
  if (!tripped.exchange(false, std::memory_order_relaxed)) return;
  if (sigint_handler) {
    auto handler = sigint_handler;  // it may replace itself
    handler();
    return;
  }
  throw PyError{new_exception(Runtime::current().builtins.KeyboardInterrupt)};
}

SigintHandler::SigintHandler(std::function<void()> handler) : previous_(std::exchange(sigint_handler, std::move(handler))) {}

SigintHandler::~SigintHandler() { sigint_handler = std::move(previous_); }

}  // namespace asim::runtime
