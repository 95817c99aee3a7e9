// `asim conform`: runs scenarios on the installed real CPythons and on the
// model and reports where they differ (docs/conformance.md). The work is in
// model/scenario/conform.{hpp,cpp}; this file is only the command line.
#pragma once

#include <CLI/CLI.hpp>

namespace asim::cli {

// Adds the `conform` subcommand to `app`. It runs from CLI11's callback and
// ends the parse with its exit status (0 all match, 1 a difference, 2 bad usage).
CLI::App* add_conform_command(CLI::App& app);

}  // namespace asim::cli
