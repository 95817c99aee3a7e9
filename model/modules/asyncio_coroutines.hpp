// Generator-based coroutines (asyncio/coroutines.py, 3.7-3.10): the
// @asyncio.coroutine decorator and what asyncio.iscoroutinefunction reads
// from it.
#pragma once

#include "model/asyncio/version_profile.hpp"
#include "model/runtime/value.hpp"

namespace asim::modules {

// inspect.iscoroutinefunction: a function or bound method whose code is an
// `async def`'s, looking through functools.partial from 3.8
// (inspect._has_code_flag).
bool inspect_iscoroutinefunction(const asyncio::VersionProfile& profile, runtime::Value v);

// coroutines.coroutine(func): a generator function becomes a generator-based
// coroutine (types.coroutine marks its code); any other function is wrapped
// in one that awaits what it returns. Either carries `marker`, the
// coroutines._is_coroutine that iscoroutinefunction looks for.
runtime::Value coroutine(const asyncio::VersionProfile& profile, const runtime::Value& func,
                         const runtime::Value& marker);

}  // namespace asim::modules
