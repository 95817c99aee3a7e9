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

struct LibraryCoroutine {
  std::string_view qualname;
  std::string_view file;
  std::array<int, 7> defined;    // first line, as kFunctions
  std::array<int, 7> suspended;  // its one await on a future; 0: more than one
};

// Written by the same tool: asyncio's coroutine functions asim runs natively
// that a program can wrap in a task.
constexpr LibraryCoroutine kCoroutines[] = {
    {"sleep", "tasks.py", {582, 641, 633, 593, 637, 653, 703}, {595, 659, 652, 605, 649, 665, 718}},
    {"wait_for", "tasks.py", {397, 434, 421, 392, 436, 472, 459}, {0, 0, 0, 0, 0, 0, 0}},
    {"wait", "tasks.py", {361, 394, 373, 349, 399, 435, 424}, {389, 426, 413, 384, 428, 464, 451}},
    {"as_completed.<locals>._wait_for_one", "tasks.py", {555, 614, 606, 566, 610, 626, 0}, {556, 615, 607, 567, 611, 627, 0}},
    {"Queue.get", "queues.py", {150, 154, 157, 150, 149, 149, 172}, {159, 163, 166, 159, 158, 158, 186}},
    {"Queue.put", "queues.py", {111, 115, 118, 111, 110, 110, 125}, {121, 125, 128, 121, 120, 120, 139}},
    {"Queue.join", "queues.py", {207, 211, 214, 207, 206, 206, 242}, {216, 220, 223, 216, 215, 215, 251}},
    {"Lock.acquire", "locks.py", {174, 182, 99, 93, 93, 92, 90}, {192, 203, 120, 114, 114, 113, 110}},
    {"Event.wait", "locks.py", {280, 296, 213, 201, 200, 199, 200}, {293, 309, 226, 214, 213, 212, 213}},
    {"Condition.wait", "locks.py", {335, 354, 271, 250, 248, 247, 248}, {0, 0, 0, 0, 0, 0, 0}},
    {"Condition.wait_for", "locks.py", {372, 391, 308, 287, 285, 284, 303}, {381, 400, 317, 296, 294, 293, 313}},
    {"Semaphore.acquire", "locks.py", {461, 483, 402, 367, 364, 363, 386}, {474, 496, 417, 390, 387, 386, 407}},
    {"Barrier.wait", "locks.py", {0, 0, 0, 0, 481, 480, 511}, {0, 0, 0, 0, 0, 0, 0}},
    {"Barrier.reset", "locks.py", {0, 0, 0, 0, 547, 546, 577}, {0, 0, 0, 0, 553, 552, 583}},
    {"Barrier.abort", "locks.py", {0, 0, 0, 0, 562, 561, 592}, {0, 0, 0, 0, 568, 567, 598}},
    {"_AsCompletedIterator.__anext__", "tasks.py", {0, 0, 0, 0, 0, 0, 598}, {0, 0, 0, 0, 0, 0, 603}},
    {"_AsCompletedIterator._wait_for_one", "tasks.py", {0, 0, 0, 0, 0, 0, 626}, {0, 0, 0, 0, 0, 0, 630}},
    {"BaseEventLoop.shutdown_asyncgens", "base_events.py", {495, 524, 535, 535, 539, 559, 572}, {507, 536, 547, 547, 551, 571, 584}},
    {"BaseEventLoop.shutdown_default_executor", "base_events.py", {0, 0, 561, 560, 564, 584, 597}, {0, 0, 570, 569, 573, 598, 0}},
};

const LibraryCoroutine* find_coroutine(std::string_view qualname) {
  for (const auto& c : kCoroutines)
    if (c.qualname == qualname) return &c;
  return nullptr;
}

std::string location(std::string_view lib, std::string_view file, int line) {
  return line ? fmt::format("{}/asyncio/{}:{}", lib, file, line) : "";
}

}  // namespace

std::string library_function_source(std::string_view lib, int minor, std::string_view qualname) {
  for (const auto& f : kFunctions)
    if (f.qualname == qualname) {
      return location(lib, f.file, f.lines.at(static_cast<std::size_t>(minor - 7)));
    }
  if (const auto* c = find_coroutine(qualname)) return location(lib, c->file, c->defined.at(static_cast<std::size_t>(minor - 7)));
  return "";
}

int library_coroutine_suspension(int minor, std::string_view qualname) {
  const auto* c = find_coroutine(qualname);
  return c ? c->suspended.at(static_cast<std::size_t>(minor - 7)) : 0;
}

}  // namespace asim::asyncio
