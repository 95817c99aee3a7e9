// The seed question as a built-in program driven from C++: three fetches of
// 0.3, 0.1 and 0.2 s, the 0.1 s one failing, consumed through as_completed.
// Legacy versions iterate plainly (each item is a coroutine); 3.13 uses
// `async for` (each item is the finished Task). The same program in Python is
// scenarios/as_completed/seed_question.py.
#pragma once

#include <cstdint>
#include <string>

#include "model/asyncio/version_profile.hpp"
#include "model/trace/event.hpp"

namespace asim::demo {

struct SeedRun {
  std::string output;   // what the program printed
  std::uint64_t ticks;  // _run_once iterations in the whole asyncio.run
};

SeedRun run_seed(const asyncio::VersionProfile& profile, trace::Sink* sink = nullptr);

}  // namespace asim::demo
