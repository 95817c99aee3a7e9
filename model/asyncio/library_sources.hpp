// Where asyncio's own Python functions begin in CPython's Lib/asyncio, per
// version: asyncio's reprs name a function callback's source as FILE:LINE
// (format_helpers._get_function_source), and the model's loop hands some of
// them around (run_until_complete's _run_until_complete_cb, gather's
// _done_callback, ...).
#pragma once

#include <string>
#include <string_view>

namespace asim::asyncio {

// "LIB/asyncio/FILE:LINE" for the function `qualname` of asyncio's Lib in
// 3.`minor`, "" when it is none of them (or the version lacks it). `lib`:
// the installed CPython's Lib folder.
std::string library_function_source(std::string_view lib, int minor, std::string_view qualname);

}  // namespace asim::asyncio
