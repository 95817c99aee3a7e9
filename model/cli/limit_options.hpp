// The limits of the commands that run one program for a person (`asim exec`,
// `asim run`): a wall-clock limit instead of counts, so that what CPython runs
// in a minute or two runs here too. The deterministic commands (check,
// explore, conform) keep RunOptions' counting defaults. docs/limits.md.
#pragma once

#include <CLI/CLI.hpp>

#include "model/scenario/run.hpp"

namespace asim::cli {

struct LimitFlags {
  double max_seconds = 600;
  bool no_limits = false;
};

// Adds --max-seconds and --no-limits, and the counting limits' flags
// (--max-instructions, --max-tasks, --max-steps), off unless given.
void add_limit_options(CLI::App& cmd, scenario::RunOptions& options, LimitFlags& flags);
// After parsing: the wall-clock limit into `options`, unless --no-limits.
void apply_limit_flags(const LimitFlags& flags, scenario::RunOptions& options);

}  // namespace asim::cli
