// `asim explore --python X.Y [--format json] [--max-schedules N] FILE`: every
// schedule the model's choice points allow, grouped by outcome, each with a
// replay token for `asim exec --replay` (model/explore/explore.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace asim::cli {

// Exit status: 0 explored, 2 bad usage or a file the model cannot run.
CLI::App* add_explore_command(CLI::App& app);

}  // namespace asim::cli
