#include "model/runtime/interrupt.hpp"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <stdexcept>
#include <string>
#include <utility>

#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace detail {
// Lock-free, so that a signal handler may set it.
std::atomic<bool> tripped{false};
static_assert(std::atomic<bool>::is_always_lock_free);
// The checks of this run; at `next_event` a trip point or a report is due.
std::uint64_t checks = 0;
std::uint64_t next_event = 0;
}  // namespace detail

using detail::checks;
using detail::next_event;
using detail::tripped;

namespace {
std::function<void()> sigint_handler;
std::vector<std::uint64_t> trip_points;  // ascending
std::size_t next_trip = 0;
void (*check_observer)(std::uint64_t) = nullptr;

std::uint64_t trip_at() noexcept { return next_trip < trip_points.size() ? trip_points[next_trip] : 0; }

void plan_next_event() noexcept {
  const std::uint64_t trip = trip_at();
  const std::uint64_t report = check_observer ? (checks / kChecksPerProgressReport + 1) * kChecksPerProgressReport : 0;
  next_event = trip > checks && (!report || trip < report) ? trip : report;
}

}  // namespace

void detail::check_event() noexcept {
  if (checks == trip_at()) {
    ++next_trip;
    tripped.store(true, std::memory_order_relaxed);
  }
  if (check_observer && checks % kChecksPerProgressReport == 0) check_observer(checks);
  plan_next_event();
}

void request_interrupt() noexcept { tripped.store(true, std::memory_order_relaxed); }

void clear_interrupt() noexcept {
  tripped.store(false, std::memory_order_relaxed);
  checks = 0;
  plan_next_event();
}

void request_interrupt_at(std::vector<std::uint64_t> checks_at) {
  std::erase(checks_at, 0);  // the count starts at 1
  std::sort(checks_at.begin(), checks_at.end());
  trip_points = std::move(checks_at);
  next_trip = 0;
  plan_next_event();
}

std::vector<std::uint64_t> parse_interrupt_checks(std::string_view text) {
  std::vector<std::uint64_t> checks;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto item = text.substr(0, comma);
    std::uint64_t n = 0;
    const auto [end, error] = std::from_chars(item.data(), item.data() + item.size(), n);
    if (error != std::errc() || end != item.data() + item.size() || n == 0)
      throw std::invalid_argument("not a check number: '" + std::string(item) + "'");
    checks.push_back(n);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return checks;
}

void set_check_observer(void (*observer)(std::uint64_t)) noexcept {
  check_observer = observer;
  plan_next_event();
}

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
