// The limits of the commands that run one program for a person (`asim exec`,
// `asim run`): a wall-clock limit instead of counts, so that what CPython runs
// in a minute or two runs here too. The deterministic commands (check,
// explore, conform) keep RunOptions' counting defaults. docs/limits.md.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "model/scenario/run.hpp"

namespace asim::cli {

struct LimitFlags {
  double max_seconds = 600;
  // "512M", "2GiB", "1073741824"; empty: runtime::default_memory_budget().
  std::string max_memory;
  bool no_limits = false;
};

// Adds --max-seconds, --max-memory and --no-limits, and the counting limits' flags
// (--max-instructions, --max-tasks, --max-steps), off unless given.
void add_limit_options(CLI::App& cmd, scenario::RunOptions& options, LimitFlags& flags);
// After parsing: the wall-clock limit and the memory budget into
// `options`, unless --no-limits.
void apply_limit_flags(const LimitFlags& flags, scenario::RunOptions& options);

}  // namespace asim::cli
