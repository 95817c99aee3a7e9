// The asim command. Each subcommand beyond `exec` lives in its own file:
// run_command.cpp (`asim run`), conform_command.cpp (`asim conform`).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <optional>

#include "model/cli/check_command.hpp"
#include "model/cli/conform_command.hpp"
#include "model/cli/explore_command.hpp"
#include "model/cli/run_command.hpp"
#include "model/explore/explore.hpp"
#include "model/scenario/run.hpp"

int main(int argc, char** argv) {
  CLI::App app{"asim: a deterministic, virtual-time model of Python's asyncio"};
  app.require_subcommand(1);
  asim::cli::add_run_command(app);  // runs from its own callback

  auto* exec = app.add_subcommand("exec", "run FILE as `pythonX.Y FILE` would, on the virtual clock");
  std::string exec_python = "3.12";
  std::string exec_file;
  asim::scenario::RunOptions exec_options;
  exec->add_option("--python", exec_python, "the Python version to model (3.7 to 3.13)")->capture_default_str();
  exec->add_option("--max-steps", exec_options.limits.max_steps, "stop after this many loop callbacks")
      ->capture_default_str();
  exec->add_option("--max-tasks", exec_options.limits.max_tasks, "stop after creating this many tasks")
      ->capture_default_str();
  exec->add_option("--max-time", exec_options.limits.max_time, "stop when the virtual clock passes this")
      ->capture_default_str();
  exec->add_option("--max-instructions", exec_options.max_instructions, "stop after this many interpreted steps")
      ->capture_default_str();
  std::string exec_replay;
  exec->add_option("--replay", exec_replay, "replay one schedule from `asim explore` (a token such as c:1.0.2)");
  exec->add_flag("--compile-only", exec_options.compile_only,
                 "only parse and compile FILE: report what CPython reports before running it");
  exec->add_option("FILE", exec_file, "the scenario (a .py file)")->required();

  asim::cli::add_conform_command(app);  // runs from its own callback
  asim::cli::add_check_command(app);    // runs from its own callback
  asim::cli::add_explore_command(app);  // runs from its own callback

  CLI11_PARSE(app, argc, argv);
  try {
    if (exec->parsed()) {
      exec_options.python = exec_python;
      std::optional<asim::explore::Replay> replay;
      if (!exec_replay.empty()) {
        replay.emplace(asim::explore::parse_token(exec_replay));
        exec_options.chooser = &*replay;
      }
      const auto result = asim::scenario::run_file(exec_file, exec_options);
      std::fwrite(result.out.data(), 1, result.out.size(), stdout);
      std::fflush(stdout);
      std::fwrite(result.err.data(), 1, result.err.size(), stderr);
      return result.exit_code;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "asim: %s\n", e.what());
    return 2;
  }
  return 0;
}
