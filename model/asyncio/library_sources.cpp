#include "model/asyncio/library_sources.hpp"

#include <fmt/format.h>

#include <array>

namespace asim::asyncio {

namespace {

struct LibraryFunction {
  std::string_view qualname;
  std::string_view file;
  std::array<int, 7> lines;  // 3.7 .. 3.13; 0: not in that version
};

// Written by tools/asyncio_library_sources.py from the installed CPythons
// (3.7.16, 3.8.18, 3.9.18, 3.10.13, 3.11.7, 3.12.1, 3.13.0).
constexpr LibraryFunction kFunctions[] = {
    {"_run_until_complete_cb", "base_events.py", {157, 184, 184, 184, 180, 180, 182}},
    {"_set_result_unless_cancelled", "futures.py", {287, 284, 308, 309, 311, 311, 312}},
    {"_release_waiter", "tasks.py", {392, 429, 416, 387, 431, 467, 454}},
    {"_wait.<locals>._on_completion", "tasks.py", {466, 518, 509, 475, 519, 534, 521}},
    {"gather.<locals>._done_callback", "tasks.py", {691, 769, 0, 720, 764, 767, 820}},
    {"_gather.<locals>._done_callback", "tasks.py", {0, 0, 767, 0, 0, 0, 0}},
    {"shield.<locals>._inner_done_callback", "tasks.py", {803, 885, 890, 847, 891, 905, 958}},
    {"shield.<locals>._outer_done_callback", "tasks.py", {820, 902, 907, 864, 908, 922, 975}},
    {"as_completed.<locals>._on_completion", "tasks.py", {547, 606, 598, 558, 602, 618, 0}},
    {"as_completed.<locals>._on_timeout", "tasks.py", {541, 600, 592, 552, 596, 612, 0}},
};

}  // namespace

std::string library_function_source(std::string_view lib, int minor, std::string_view qualname) {
  for (const auto& f : kFunctions)
    if (f.qualname == qualname) {
      const int line = f.lines.at(static_cast<std::size_t>(minor - 7));
      return line ? fmt::format("{}/asyncio/{}:{}", lib, f.file, line) : "";
    }
  return "";
}

}  // namespace asim::asyncio
