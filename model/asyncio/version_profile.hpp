// Every per-version difference the model reproduces, in one table (DESIGN §2).
// Model code asks the profile; it never compares version numbers itself.
#pragma once

#include <span>
#include <string>
#include <string_view>

namespace asim::asyncio {

enum class AsCompletedDesign {
  LegacyGenerator,  // 3.7-3.12: a generator of _wait_for_one coroutines
  AsyncIterator,    // 3.13: _AsCompletedIterator, eager, also `async for`
};

// Where an asyncio exception class lives and what it derives from.
enum class ExceptionBase { BaseException, Exception, FuturesError, BuiltinTimeoutError };

struct ExceptionClassInfo {
  std::string_view module;  // for the traceback's last line
  ExceptionBase base;
};

struct VersionProfile {
  int major;
  int minor;
  std::string_view label;  // "3.12"

  AsCompletedDesign as_completed_design;
  // The TypeError text for a future or coroutine passed where an iterable is
  // expected; "{}" stands for type(fs).__name__.
  std::string_view as_completed_type_error;

  ExceptionClassInfo cancelled_error;
  ExceptionClassInfo timeout_error;  // asyncio.TimeoutError
  ExceptionClassInfo invalid_state_error;

  bool task_names;           // 3.8+: Task-N names, name=
  bool cancel_messages;      // 3.9+: cancel(msg)
  bool cancel_counting;      // 3.11+: cancelling()/uncancel()
  bool eager_task_factory;   // 3.12+
  bool task_group;           // 3.11+: TaskGroup, asyncio.timeout
  // 3.9+: asyncio.run also awaits loop.shutdown_default_executor(), which
  // costs the run extra loop iterations at the end.
  bool run_shuts_down_default_executor;
  // 3.12+: wait_for is built on asyncio.timeout instead of a callback.
  bool wait_for_uses_timeout;
  // 3.12+: gather runs its done-callback at once for children already done
  // (eager tasks) instead of scheduling it with call_soon.
  bool gather_done_children_inline;
  // 3.8-3.12: asyncio.create_task(coro, name=...) makes the task under a
  // Task-N name first and renames it, so a number is used up anyway.
  bool named_create_task_uses_number;
};

// The profiles of 3.7 to 3.13, oldest first.
std::span<const VersionProfile> all_profiles();
// The profile for "3.12" and the like; nullptr when the version is unknown.
const VersionProfile* find_profile(std::string_view label);
const VersionProfile& profile(std::string_view label);

}  // namespace asim::asyncio
