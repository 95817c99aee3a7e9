// Ctrl-C, or a Stop button: CPython's signal module as far as SIGINT goes.
// The request only trips a flag (Modules/signalmodule.c's trip_signal); the
// eval loop looks at it where CPython's looks at its eval breaker (a
// backward jump, a function's entry, the return of a builtin call) and runs
// the SIGINT handler there: the program's own when one is installed
// (asyncio.Runner's _on_sigint), else default_int_handler, which raises
// KeyboardInterrupt.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace asim::runtime {

// Async-signal-safe: the CLI's SIGINT handler and any embedder's Stop call it.
void request_interrupt() noexcept;
namespace detail {
extern std::atomic<bool> tripped;
extern std::uint64_t checks;
extern std::uint64_t next_event;
void check_event() noexcept;
}  // namespace detail

// Cheap enough for every backward jump and call: inline, one count and one
// comparison; the trip points and progress reports are past next_event.
inline bool interrupt_pending() noexcept {
  if (++detail::checks == detail::next_event) detail::check_event();
  return detail::tripped.load(std::memory_order_relaxed);
}
// At an eval breaker with an interrupt pending: clears it and runs the SIGINT
// handler (PyErr_CheckSignals); throws what the handler raises.
void handle_interrupt();
// Forgets a pending interrupt and restarts the count of checks (a new run
// starts clean); a request_interrupt_at() stays for the run.
void clear_interrupt() noexcept;

// A Stop replayed: every interrupt_pending() check is counted, and the run
// is deterministic, so tripping the flag at the n-th check of a rerun of
// the same program stops it exactly where a Ctrl-C seen at that check of
// the first run did (the browser, whose running program cannot be told
// anything, reruns it so; `asim exec --interrupt-at N`). Several checks are
// several Ctrl-Cs (3.11+'s asyncio.run takes two to stop a busy loop: the
// first only cancels the main task). Empty: never.
void request_interrupt_at(std::vector<std::uint64_t> checks);
// "N,M,...", as `asim exec --interrupt-at` and the page give them; throws
// std::invalid_argument on anything else.
std::vector<std::uint64_t> parse_interrupt_checks(std::string_view text);
// Called with the count every kChecksPerProgressReport checks while a run
// goes (the browser's worker reports where it is); must not throw.
constexpr std::uint64_t kChecksPerProgressReport = 1 << 14;
void set_check_observer(void (*observer)(std::uint64_t checks)) noexcept;

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
