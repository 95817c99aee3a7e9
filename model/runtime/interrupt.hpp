// Ctrl-C, or a Stop button: CPython's signal module as far as SIGINT goes.
// The request only trips a flag (Modules/signalmodule.c's trip_signal); the
// eval loop looks at it where CPython's looks at its eval breaker (a
// backward jump, a function's entry, the return of a builtin call) and runs
// the SIGINT handler there: the program's own when one is installed
// (asyncio.Runner's _on_sigint), else default_int_handler, which raises
// KeyboardInterrupt.
#pragma once

#include <functional>

namespace asim::runtime {

// Async-signal-safe: the CLI's SIGINT handler and any embedder's Stop call it.
void request_interrupt() noexcept;
// Cheap enough for every backward jump.
bool interrupt_pending() noexcept;
// At an eval breaker with an interrupt pending: clears it and runs the SIGINT
// handler (PyErr_CheckSignals); throws what the handler raises.
void handle_interrupt();
// Forgets a pending interrupt (a new run starts clean).
void clear_interrupt() noexcept;

// signal.signal(SIGINT, handler) for model code; an empty handler is
// default_int_handler. Restores the previous handler when it goes.
class SigintHandler {
 public:
  explicit SigintHandler(std::function<void()> handler);
  ~SigintHandler();
  SigintHandler(const SigintHandler&) = delete;
  SigintHandler& operator=(const SigintHandler&) = delete;

 private:
  std::function<void()> previous_;
};

}  // namespace asim::runtime
