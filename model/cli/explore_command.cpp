#include "model/cli/explore_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <memory>

#include "model/explore/explore.hpp"

namespace asim::cli {

namespace {

struct ExploreArgs {
  std::string python = "3.12";
  std::string format = "text";
  std::size_t max_schedules = 1000;
  std::string file;
};

int run_explore(const ExploreArgs& args) {
  explore::Options options;
  options.python = args.python;
  options.max_schedules = args.max_schedules;
  // Progress on a terminal only: pipes and tests see the result alone.
  if (isatty(STDERR_FILENO))
    options.progress = [](std::size_t done, std::size_t cap) {
      if (done % 100 == 0 || done == cap) std::fprintf(stderr, "\rasim explore: %zu schedules (at most %zu)", done, cap);
    };
  const auto result = explore::explore_file(args.file, options);
  if (options.progress && result.schedules >= 100) std::fputs("\n", stderr);
  const auto text = args.format == "json" ? explore::render_json(result) : explore::render_text(result);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  if (!result.complete)
    std::fprintf(stderr, "asim explore: explored %zu of at least %zu schedules; raise --max-schedules\n",
                 result.schedules, result.at_least);
  return 0;
}

}  // namespace

CLI::App* add_explore_command(CLI::App& app) {
  auto args = std::make_shared<ExploreArgs>();
  auto* cmd = app.add_subcommand("explore", "run FILE in every order the model's choice points allow and group "
                                            "the runs by outcome, each with a replay token");
  cmd->add_option("--python", args->python, "the Python version to model (3.7 to 3.13)")->capture_default_str();
  cmd->add_option("--format", args->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--max-schedules", args->max_schedules, "stop after this many runs")->capture_default_str();
  cmd->add_option("FILE", args->file, "the scenario (a .py file)")->required();
  cmd->callback([args] {
    int status;
    try {
      status = run_explore(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "asim explore: %s\n", e.what());
      status = 2;
    }
    if (status != 0) throw CLI::RuntimeError(status);
  });
  return cmd;
}

}  // namespace asim::cli
