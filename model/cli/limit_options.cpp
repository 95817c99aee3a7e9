#include "model/cli/limit_options.hpp"

#include <limits>

namespace asim::cli {

void add_limit_options(CLI::App& cmd, scenario::RunOptions& options, LimitFlags& flags) {
  constexpr auto none = std::numeric_limits<std::uint64_t>::max();
  options.max_instructions = none;
  options.limits.max_tasks = none;
  options.limits.max_steps = none;
  cmd.add_option("--max-seconds", flags.max_seconds, "stop when the run has taken this many seconds of wall-clock time")
      ->capture_default_str();
  cmd.add_flag("--no-limits", flags.no_limits, "no wall-clock limit (Ctrl-C still stops the run)");
  cmd.add_option("--max-instructions", options.max_instructions, "stop after this many interpreted steps (default: no limit)");
  cmd.add_option("--max-tasks", options.limits.max_tasks, "stop after creating this many tasks (default: no limit)");
  cmd.add_option("--max-steps", options.limits.max_steps, "stop after this many loop callbacks (default: no limit)");
}

void apply_limit_flags(const LimitFlags& flags, scenario::RunOptions& options) {
  options.max_seconds = flags.no_limits ? 0 : flags.max_seconds;
}

}  // namespace asim::cli
