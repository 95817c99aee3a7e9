#include "model/cli/conform_command.hpp"

#include <unistd.h>

#include <fmt/format.h>

#include <cstdio>
#include <iostream>
#include <memory>

#include "model/scenario/conform.hpp"

namespace asim::cli {

namespace {

struct ConformArgs {
  std::string versions;
  bool handles = false;
  bool expected = false;
  std::size_t jobs = 2;
  std::size_t max_choice_runs = 200;
  std::string harness;
  std::string keep_logs;
  int skip_exit_code = 0;
  bool quiet = false;
  std::vector<std::string> paths;
};

std::vector<std::string> split_versions(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    if (comma > start) out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

int run_conform(const ConformArgs& args) {
  namespace conform = asim::scenario::conform;
  conform::SuiteOptions options;
  options.versions = split_versions(args.versions);
  options.compare.handles = args.handles;
  options.compare.max_choice_runs = args.max_choice_runs;
  options.use_expected = args.expected;
  options.jobs = args.jobs;
  options.harness = args.harness;
  options.keep_logs = args.keep_logs;
  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back("scenarios");
  if (args.expected && args.handles)
    std::fprintf(stderr, "asim conform: --expected has no handle logs; comparing outputs only\n");
  // Progress lines on a terminal only, so pipes and tests stay clean.
  const bool progress = !args.quiet && isatty(STDERR_FILENO);
  const auto report = conform::run_suite(paths, options, progress ? &std::cerr : nullptr);
  const auto text = conform::render(report);
  std::fwrite(text.data(), 1, text.size(), stdout);
  std::fflush(stdout);
  if (!report.missing_versions.empty())
    for (const auto& v : report.missing_versions) std::fprintf(stderr, "SKIPPED: no CPython %s found\n", v.c_str());
  if (report.nothing_compared()) {
    std::fprintf(stderr, "asim conform: SKIPPED: nothing was compared (no interpreter for any asked version)\n");
    return args.skip_exit_code;
  }
  return report.any_difference() ? 1 : 0;
}

}  // namespace

CLI::App* add_conform_command(CLI::App& app) {
  auto args = std::make_shared<ConformArgs>();
  auto* cmd = app.add_subcommand("conform", "run scenarios on the installed real CPythons and on the model, and "
                                            "report where they differ");
  cmd->add_option("--python", args->versions, "versions, comma-separated (default: 3.7 to 3.13)");
  cmd->add_flag("--handles", args->handles, "also compare the per-tick sequence of handles the loop ran");
  cmd->add_flag("--expected", args->expected,
                "compare with the captured SCENARIO.expected.json instead of running CPython");
  cmd->add_option("-j,--jobs", args->jobs, "CPython processes at a time")->capture_default_str();
  cmd->add_option("--max-choice-runs", args->max_choice_runs,
                  "model runs tried per pair when the default choices differ")
      ->capture_default_str();
  cmd->add_option("--harness", args->harness, "tests/conformance/virtual_clock.py (default: found upward)");
  cmd->add_option("--keep-logs", args->keep_logs, "write both handle logs of every pair into this folder");
  cmd->add_option("--skip-exit-code", args->skip_exit_code,
                  "exit status when no interpreter was found for any version (ctest: 77)")
      ->capture_default_str();
  cmd->add_flag("-q,--quiet", args->quiet, "no progress lines on stderr (there are none unless stderr is a terminal)");
  cmd->add_option("PATHS", args->paths, "scenario files or folders (default: scenarios)");
  cmd->callback([args] {
    int status;
    try {
      status = run_conform(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "asim conform: %s\n", e.what());
      status = 2;
    }
    if (status != 0) throw CLI::RuntimeError(status);
  });
  return cmd;
}

}  // namespace asim::cli
