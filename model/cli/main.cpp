// The asim command. Until the scenario language lands, `asim run` with no file
// runs the built-in seed program under two versions and shows both traces.
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>

#include "model/demo/seed.hpp"
#include "model/scenario/run.hpp"
#include "model/trace/recorder.hpp"
#include "model/trace/text_renderer.hpp"

namespace {

asim::trace::Level parse_level(const std::string& s) {
  using asim::trace::Level;
  if (s == "program") return Level::Program;
  if (s == "tasks") return Level::Tasks;
  if (s == "loop") return Level::Loop;
  return Level::Full;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    out.push_back(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

int run_command(const std::string& versions, const std::string& trace_level, std::size_t width) {
  const auto labels = split(versions);
  if (labels.size() != 2) {
    std::fprintf(stderr, "asim run: --python takes two versions, e.g. 3.12,3.13\n");
    return 2;
  }
  std::vector<asim::trace::Recorder> recorders(2);
  std::vector<std::string> outputs;
  for (std::size_t i = 0; i < 2; ++i) {
    const auto* profile = asim::asyncio::find_profile(labels[i]);
    if (!profile) {
      std::fprintf(stderr, "asim run: unknown Python version '%s': asim models 3.7 to 3.13\n", labels[i].c_str());
      return 2;
    }
    outputs.push_back(asim::demo::run_seed(*profile, &recorders[i]).output);
  }
  const auto level = parse_level(trace_level);
  std::fputs(asim::trace::render_side_by_side("Python " + labels[0] + " (built-in seed program)", recorders[0].events,
                                              "Python " + labels[1] + " (built-in seed program)", recorders[1].events,
                                              level, width)
                 .c_str(),
             stdout);
  for (std::size_t i = 0; i < 2; ++i) std::printf("\n--- program output, Python %s ---\n%s", labels[i].c_str(), outputs[i].c_str());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"asim: a deterministic, virtual-time model of Python's asyncio"};
  app.require_subcommand(1);
  auto* run = app.add_subcommand("run", "run a program under two Python versions and show the traces side by side");
  std::string versions = "3.12,3.13";
  std::string trace_level = "tasks";
  std::size_t width = 78;
  run->add_option("--python", versions, "two versions, comma-separated")->capture_default_str();
  run->add_option("--trace", trace_level, "detail level")
      ->check(CLI::IsMember({"program", "tasks", "loop", "full"}))
      ->capture_default_str();
  run->add_option("--width", width, "width of each column")->capture_default_str();

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
  exec->add_option("FILE", exec_file, "the scenario (a .py file)")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    if (run->parsed()) return run_command(versions, trace_level, width);
    if (exec->parsed()) {
      exec_options.python = exec_python;
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
