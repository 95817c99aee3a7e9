// Machine-readable subjects of the Note events the explain view reads
// (model/trace/explain.cpp). The model emits them where the behaviour happens;
// the detail stays a short human phrase for the raw trace. A Note whose
// subject is not listed here is shown as it is and never explained.
#pragma once

#include <string_view>

namespace asim::trace::note {

// as_completed, legacy generator (3.7-3.12): the call returned a generator
// whose body has not run; nothing is watched or created yet.
inline constexpr std::string_view kAsCompletedGenerator = "as_completed:generator";
// legacy: the first next() ran the generator body (tasks wrapped, callbacks
// added). The TaskCreated and CallbackAdded events just before it are its.
inline constexpr std::string_view kAsCompletedFirstNext = "as_completed:first-next";
// 3.13: the call built an _AsCompletedIterator; the set-up already happened.
inline constexpr std::string_view kAsCompletedIterator = "as_completed:iterator";
// legacy next(): yielded a _wait_for_one() coroutine; detail: its repr.
inline constexpr std::string_view kAsCompletedYieldCoroutine = "as_completed:yield-coroutine";
// 3.13 __next__: plain iteration yielded a _wait_for_one() coroutine.
inline constexpr std::string_view kAsCompletedNextCoroutine = "as_completed:next-coroutine";
// _wait_for_one (the coroutines plain iteration yields) started waiting on
// the done queue: it takes whichever result comes next.
inline constexpr std::string_view kAsCompletedWait = "as_completed:wait";
// ... and took a finished future; detail: the task's name, or the repr.
inline constexpr std::string_view kAsCompletedTook = "as_completed:took";
// 3.13 __anext__: `async for` handed out the finished future itself; detail:
// the task's name, or the repr of a plain Future.
inline constexpr std::string_view kAsCompletedAnext = "as_completed:anext";
// the timeout timer fired: waiters get TimeoutError, tasks are not cancelled.
inline constexpr std::string_view kAsCompletedTimeout = "as_completed:timeout";
// the what-if design (not CPython): next() yielded a plain Future at once;
// detail: "pending" or "done".
inline constexpr std::string_view kAsCompletedYieldFuture = "as_completed:yield-future";
// asyncio.run: main() returned and the loop cancels the tasks still pending;
// the TaskCancelRequested events right after it are those cancellations.
inline constexpr std::string_view kRunCancelLeftovers = "asyncio.run:cancel-leftovers";

}  // namespace asim::trace::note
