#include "model/cli/check_command.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>

#include <unistd.h>

#include "model/scenario/check.hpp"
#include "model/scenario/conform.hpp"

namespace asim::cli {

namespace {

struct CheckArgs {
  bool update = false;
  bool catalogue = false;
  bool quiet = false;
  std::string versions;
  std::vector<std::string> paths;
};

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

int run_check_command(const CheckArgs& args) {
  namespace check = asim::scenario::check;
  std::vector<std::string> paths = args.paths;
  if (paths.empty()) paths.push_back("scenarios");
  if (args.catalogue) {
    std::cout << check::claims_catalogue(paths);
    std::cout.flush();
    return 0;
  }
  if (args.update) {
    // Expected outputs only ever come from real CPython: recapture, never
    // write what the model printed.
    std::vector<std::string> starts = paths;
    starts.push_back(std::filesystem::current_path().string());
    const auto capture = check::find_capture_script(starts);
    if (!capture) {
      std::fprintf(stderr, "asim check: cannot find tests/conformance/capture.py\n");
      return 2;
    }
    std::string command = "python3 " + shell_quote(*capture);
    // capture.py takes files: folders are expanded here as `asim check` does.
    for (const auto& p : asim::scenario::conform::find_scenarios(paths)) command += " " + shell_quote(p);
    std::fprintf(stderr, "asim check: --update recaptures the expected outputs from real CPython: %s\n",
                 command.c_str());
    std::fflush(stderr);
    if (std::system(command.c_str()) != 0) {
      std::fprintf(stderr, "asim check: capture.py failed; expected outputs not updated\n");
      return 2;
    }
  }
  check::Options options;
  std::size_t start = 0;
  while (start < args.versions.size()) {
    auto comma = args.versions.find(',', start);
    if (comma == std::string::npos) comma = args.versions.size();
    if (comma > start) options.versions.push_back(args.versions.substr(start, comma - start));
    start = comma + 1;
  }
  // A progress line on a terminal, unless the report itself goes there (its
  // line per scenario already shows how far the check has come).
  if (!args.quiet && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO)) options.progress = stderr;
  const int status = check::run_check(paths, options, std::cout);
  std::cout.flush();
  return status;
}

}  // namespace

CLI::App* add_check_command(CLI::App& app) {
  auto args = std::make_shared<CheckArgs>();
  auto* cmd = app.add_subcommand("check", "compare the model with the captured SCENARIO.expected.json files "
                                          "(stdout, exit, last stderr line, claims)");
  cmd->add_flag("--update", args->update,
                "first recapture the expected outputs from real CPython (tests/conformance/capture.py)");
  cmd->add_flag("--claims-catalogue", args->catalogue,
                "print a markdown list of the scenarios' claims with CPython's verdicts (docs/claims.md)");
  cmd->add_flag("-q,--quiet", args->quiet,
                "no progress line on stderr (there is none unless stderr is a terminal and stdout is not)");
  cmd->add_option("--python", args->versions, "versions, comma-separated (default: all captured)");
  cmd->add_option("PATHS", args->paths, "scenario files or folders (default: scenarios)");
  cmd->callback([args] {
    int status;
    try {
      status = run_check_command(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "asim check: %s\n", e.what());
      status = 2;
    }
    if (status != 0) throw CLI::RuntimeError(status);
  });
  return cmd;
}

}  // namespace asim::cli
