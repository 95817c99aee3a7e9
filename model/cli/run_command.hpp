// `asim run [FILE]`: the teaching view. Runs FILE (by default the built-in
// copy of scenarios/as_completed/seed_question.py) under several versions,
// records each run's trace once, and renders the recordings side by side as
// text, JSON lines, a Chrome trace or one HTML page (model/trace/views.hpp).
#pragma once

#include <CLI/CLI.hpp>

namespace asim::cli {

// Adds the `run` subcommand to `app`. It runs from CLI11's callback and ends
// the parse with its exit status (0 every run succeeded, 1 a program failed
// in some version, 2 bad usage or a program the model cannot run).
CLI::App* add_run_command(CLI::App& app);

}  // namespace asim::cli
