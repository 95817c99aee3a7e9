// `asim check [--update] [PATHS]`: the model against the captured
// SCENARIO.expected.json files (model/scenario/check.hpp). --update first
// recaptures them from real CPython with tests/conformance/capture.py.
#pragma once

#include <CLI/CLI.hpp>

namespace asim::cli {

// Exit status: 0 no regression, 1 a regression, 2 bad usage or capture failed.
CLI::App* add_check_command(CLI::App& app);

}  // namespace asim::cli
