#include "model/asyncio/version_profile.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace asim::asyncio {

namespace {

constexpr ExceptionClassInfo kFuturesCancelled{"concurrent.futures._base", ExceptionBase::FuturesError};
constexpr ExceptionClassInfo kFuturesTimeout{"concurrent.futures._base", ExceptionBase::FuturesError};
constexpr ExceptionClassInfo kBaseFuturesInvalidState{"asyncio.base_futures", ExceptionBase::FuturesError};
constexpr ExceptionClassInfo kCancelled{"asyncio.exceptions", ExceptionBase::BaseException};
constexpr ExceptionClassInfo kTimeout{"asyncio.exceptions", ExceptionBase::Exception};
constexpr ExceptionClassInfo kBuiltinTimeout{"builtins", ExceptionBase::BuiltinTimeoutError};
constexpr ExceptionClassInfo kInvalidState{"asyncio.exceptions", ExceptionBase::Exception};

constexpr std::string_view kListOfFutures = "expect a list of futures, not {}";
constexpr std::string_view kIterableOfFutures = "expect an iterable of futures, not {}";
constexpr std::string_view kIterableOfAwaitables = "expects an iterable of awaitables, not {}";

constexpr std::string_view kEmptyCoroutines = "Set of coroutines/Futures is empty.";
constexpr std::string_view kEmptyTasks = "Set of Tasks/Futures is empty.";

using D = AsCompletedDesign;
using S = SemaphoreDesign;

// Columns: version | as_completed design, TypeError text | CancelledError,
// TimeoutError, InvalidStateError | names, cancel msg, cancel counting,
// eager factory, TaskGroup/timeout | run shuts down executor | wait_for on timeout,
// gather runs done children inline, named create_task uses a number |
// wait takes coroutines, wait's empty-set text | wait_for waits for the
// cancelled inner, wait_for returns its result after a timeout | Timeout
// inserts TimeoutError into other exceptions | Semaphore design, inline
// comprehensions, task keeps its CancelledError |
// TaskGroup: names the task at creation, done task at once, closes a refused
// coroutine, matches CancelledError subclasses, uncancels the parent after
// the wait, re-cancels a parent cancelled from outside | task wakeup is a
// method, absolute main path | primitives bound to a loop on first use,
// set_event_loop checks its type, get_event_loop warns when it makes a loop,
// uncancel clears _must_cancel, random.choice indexes an empty sequence,
// generators count as coroutines, Condition.wait re-notifies, to_thread
// exists, dataclass ordering error names the default |
// language: cannot-access wording, qualnames in call errors, name
// suggestions, self/import suggestions, traceback carets, call carets,
// unawaited async generator methods warn, context manager TypeErrors,
// async with looks up __aexit__ first |
// int: "(4300 digits)" in the digit limit's error, pow() takes a negative
// exponent with a modulus, "integer modulo by zero" |
// micro version
constexpr std::array<VersionProfile, 7> kProfiles{{
    {3, 7, "3.7", D::LegacyGenerator, kListOfFutures,
     kFuturesCancelled, kFuturesTimeout, kBaseFuturesInvalidState,
     false, false, false, false, false, false, false, false, false,
     true, kEmptyCoroutines, false, false, false, S::PopOnWake, false, false,
     false, false, false, false, false, false, false, false, false, false, false, false, false, true, false, false, false,
     false, false, false, false, false, false, false, false, true,
     false, false, false, 16},
    {3, 8, "3.8", D::LegacyGenerator, kIterableOfFutures,
     kCancelled, kTimeout, kInvalidState,
     true, false, false, false, false, false, false, false, true,
     true, kEmptyCoroutines, true, false, false, S::PopOnWake, false, false,
     false, false, false, false, false, false, false, false, false, false, false, false, false, true, false, false, false,
     false, false, false, false, false, false, false, false, true,
     false, true, false, 18},
    {3, 9, "3.9", D::LegacyGenerator, kIterableOfFutures,
     kCancelled, kTimeout, kInvalidState,
     true, true, false, false, false, true, false, false, true,
     true, kEmptyCoroutines, true, true, false, S::WakeupScheduled, false, false,
     false, false, false, false, false, false, false, true, false, false, false, false, true, true, false, true, false,
     false, false, false, false, false, false, false, false, false,
     false, true, false, 18},
    {3, 10, "3.10", D::LegacyGenerator, kIterableOfFutures,
     kCancelled, kTimeout, kInvalidState,
     true, true, false, false, false, true, false, false, true,
     true, kEmptyCoroutines, true, true, false, S::HandOff, false, false,
     false, false, false, false, false, false, true, true, true, false, false, false, true, true, false, true, false,
     false, true, true, false, false, false, false, false, false,
     false, true, false, 13},
    {3, 11, "3.11", D::LegacyGenerator, kIterableOfFutures,
     kCancelled, kBuiltinTimeout, kInvalidState,
     true, true, true, false, true, true, false, false, true,
     false, kEmptyTasks, true, true, false, S::HandOff, false, true,
     false, false, false, false, false, false, true, true, true, true, false, false, false, true, false, true, false,
     true, true, true, false, true, false, false, true, false,
     true, true, true, 7},
    {3, 12, "3.12", D::LegacyGenerator, kIterableOfFutures,
     kCancelled, kBuiltinTimeout, kInvalidState,
     true, true, true, true, true, true, true, true, true,
     false, kEmptyTasks, true, true, false, S::HandOff, true, true,
     false, true, false, false, false, false, true, true, true, true, true, false, false, false, false, true, false,
     true, true, true, true, true, false, false, true, false,
     true, true, true, 1},
    {3, 13, "3.13", D::AsyncIterator, kIterableOfAwaitables,
     kCancelled, kBuiltinTimeout, kInvalidState,
     true, true, true, true, true, true, true, true, false,
     false, kEmptyTasks, true, true, true, S::HandOffWakeMany, true, true,
     true, true, true, true, true, true, true, true, true, true, true, true, false, false, true, true, true,
     true, true, true, true, true, true, true, true, false,
     true, true, true, 0},
}};

// "whatif": 3.12 in every respect but as_completed's design.
constexpr VersionProfile kWhatIf = [] {
  VersionProfile p = kProfiles[5];
  p.label = "whatif";
  p.as_completed_design = D::WhatIfFutures;
  return p;
}();
static_assert(kProfiles[5].minor == 12);

}  // namespace

std::span<const VersionProfile> all_profiles() {
  return kProfiles;
}

const VersionProfile* find_profile(std::string_view label) {
  for (const auto& p : kProfiles)
    if (p.label == label) return &p;
  if (label == kWhatIf.label) return &kWhatIf;
  return nullptr;
}

bool is_cpython(const VersionProfile& p) {
  return p.as_completed_design != AsCompletedDesign::WhatIfFutures;
}

std::string display_name(const VersionProfile& p) {
  if (!is_cpython(p)) return "what-if (not CPython)";
  return "Python " + std::string(p.label);
}

const VersionProfile& profile(std::string_view label) {
  if (auto* p = find_profile(label)) return *p;
  throw std::invalid_argument("unknown Python version '" + std::string(label) +
                              "': asim models 3.7 to 3.13");
}

}  // namespace asim::asyncio
