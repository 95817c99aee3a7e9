// C++20 coroutines under one name for both toolchains: g++'s libstdc++ has
// <coroutine>; the libc++ of emscripten 3.1.6 (the web build) has them only
// as <experimental/coroutine>, in std::experimental. Clang 14 finds the
// traits in either namespace.
#pragma once

#if __has_include(<coroutine>)
#include <coroutine>
namespace asim::coro {
using std::coroutine_handle;
using std::suspend_always;
using std::suspend_never;
}  // namespace asim::coro
#else
#include <experimental/coroutine>
namespace asim::coro {
using std::experimental::coroutine_handle;
using std::experimental::suspend_always;
using std::experimental::suspend_never;
}  // namespace asim::coro
#endif
