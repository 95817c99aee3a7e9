#include "model/cli/explore_command.hpp"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/explore/explore.hpp"

namespace asim::cli {

namespace {

struct ExploreArgs {
  std::string python = "3.12";
  std::string format = "text";
  std::size_t max_schedules = 1000;
  std::string shard;
  std::size_t shard_depth = 3;
  std::vector<std::string> merge;
  bool fork = false, no_fork = false;
  std::string file;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void print(const explore::Result& result, const std::string& format) {
  const auto text = format == "json" ? explore::render_json(result) : explore::render_text(result);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  if (!result.complete)
    std::fprintf(stderr, "asim explore: explored %zu of at least %zu schedules; raise --max-schedules\n",
                 result.schedules, result.at_least);
}

int run_merge(const ExploreArgs& args) {
  std::vector<explore::ShardResult> shards;
  for (const auto& path : args.merge) {
    try {
      shards.push_back(explore::parse_shard_result(read_file(path)));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(path + ": " + e.what());
    }
  }
  print(explore::merge_shards(shards), args.format);
  return 0;
}

int run_explore(const ExploreArgs& args) {
  if (!args.merge.empty()) return run_merge(args);
  if (args.file.empty()) throw std::runtime_error("FILE is required (or --merge SHARDS...)");
  explore::Options options;
  options.python = args.python;
  options.max_schedules = args.max_schedules;
  options.fork = args.fork      ? explore::Options::Fork::always
                 : args.no_fork ? explore::Options::Fork::never
                                : explore::Options::Fork::when_cheaper;
  if (!args.shard.empty()) {
    options.shard = explore::parse_shard(args.shard);
    options.shard->depth = args.shard_depth;
  }
  // Progress on a terminal only: pipes and tests see the result alone.
  static bool progress_shown = false;
  if (isatty(STDERR_FILENO))
    options.progress = [](std::size_t done, std::size_t cap) {
      if (done % 100 != 0 && done != cap) return;
      std::fprintf(stderr, "\rasim explore: %zu schedules (at most %zu)", done, cap);
      progress_shown = true;
    };
  const auto end_progress = [] {
    if (progress_shown) std::fputs("\n", stderr);
  };
  if (options.shard) {
    const auto shard = explore::explore_shard(args.file, options);
    end_progress();
    const auto text = explore::render_shard(shard);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return 0;
  }
  const auto result = explore::explore_file(args.file, options);
  end_progress();
  print(result, args.format);
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
  cmd->add_option("--shard", args->shard,
                  "K/N: explore only the K-th of N disjoint shares of the schedules (split by their first "
                  "choices) and print them as JSON for --merge");
  cmd->add_option("--shard-depth", args->shard_depth, "with --shard: how many first choices make a prefix")
      ->capture_default_str();
  cmd->add_option("--merge", args->merge,
                  "combine the outputs of --shard 1/N ... N/N into the report one unsharded run prints");
  auto* fork = cmd->add_flag("--fork", args->fork,
                             "fork at each choice point, so that a schedule runs only from its last choice on "
                             "(by default when that costs less than running it from the start; the same report)");
  cmd->add_flag("--no-fork", args->no_fork,
                "run every schedule from the start in this process, not by forking at each choice point "
                "(the same report)")
      ->excludes(fork);
  cmd->add_option("FILE", args->file, "the scenario (a .py file)");
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
