// Where asyncio's own Python functions begin in CPython's Lib/asyncio, per
// version: asyncio's reprs name a function callback's source as FILE:LINE
// (format_helpers._get_function_source), and the model's loop hands some of
// them around (run_until_complete's _run_until_complete_cb, gather's
// _done_callback, ...), and a task's repr names where the coroutine of one
// of them (sleep, Queue.get, ...) was defined or is suspended.
#pragma once

#include <string>
#include <string_view>

namespace asim::asyncio {

// "LIB/asyncio/FILE:LINE" for the function `qualname` of asyncio's Lib in
// 3.`minor`, "" when it is none of them (or the version lacks it). `lib`:
// the installed CPython's Lib folder.
std::string library_function_source(std::string_view lib, int minor, std::string_view qualname);

// The line (in the file library_function_source names) where a coroutine of
// asyncio's own function `qualname` stands while it awaits a future in
// 3.`minor`; 0 when the function awaits at more than one place, or is none
// of those modelled.
int library_coroutine_suspension(int minor, std::string_view qualname);

}  // namespace asim::asyncio
