#include "model/cli/run_command.hpp"
#include "model/cli/stdin_lines.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

#include "model/asyncio/version_profile.hpp"
#include "model/cli/limit_options.hpp"
#include "model/scenario/run.hpp"
#include "model/trace/recorder.hpp"
#include "model/trace/views.hpp"
#include "seed_question_embedded.hpp"  // generated at build time (CMakeLists.txt)

namespace asim::cli {

namespace {

struct RunArgs {
  std::string file;
  std::string versions = "3.12,3.13";
  std::string trace = "tasks";
  std::string format = "text";
  std::string color = "auto";
  std::string output;
  std::size_t width = 0;
  bool explain = false;
  scenario::RunOptions limits;  // only its limits are read
  LimitFlags limit_flags;
};

std::vector<std::string> split_versions(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string part;
  while (std::getline(in, part, ',')) {
    part.erase(0, part.find_first_not_of(" \t"));
    part.erase(part.find_last_not_of(" \t") + 1);
    out.push_back(part);
  }
  return out;
}

trace::Level parse_level(const std::string& s) {
  if (s == "program") return trace::Level::Program;
  if (s == "tasks") return trace::Level::Tasks;
  if (s == "loop") return trace::Level::Loop;
  return trace::Level::Full;
}

// The terminal's width when stdout is one, else $COLUMNS, else 160.
std::size_t terminal_width() {
  winsize ws{};
  if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  if (const char* columns = std::getenv("COLUMNS")) {
    char* end = nullptr;
    const long n = std::strtol(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0) return static_cast<std::size_t>(n);
  }
  return 160;
}

// --color auto: only on a terminal, and never when NO_COLOR is set (no-color.org).
bool use_color(const RunArgs& args) {
  if (args.color == "always") return true;
  if (args.color == "never" || args.format != "text" || !args.output.empty()) return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO);
}

int run(const RunArgs& args) {
  const auto versions = split_versions(args.versions);
  if (versions.empty()) {
    std::fprintf(stderr, "asim run: --python needs at least one version, e.g. 3.12,3.13\n");
    return 2;
  }
  std::vector<const asyncio::VersionProfile*> profiles;
  for (const auto& v : versions) {
    const auto* p = asyncio::find_profile(v);
    if (!p) {
      std::fprintf(stderr,
                   "asim run: unknown Python version '%s': asim models 3.7 to 3.13, and 'whatif' (a hypothetical "
                   "as_completed, not CPython)\n",
                   v.c_str());
      return 2;
    }
    profiles.push_back(p);
  }

  std::string path, text, program;
  if (args.file.empty()) {
    path = "<seed_question.py>";  // not a file: tracebacks show it as given
    text = std::string(embedded::seed_question);
    program = "seed_question.py (built-in)";
  } else {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "asim run: can't open file '%s': No such file or directory\n", args.file.c_str());
      return 2;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    path = args.file;
    text = buffer.str();
    program = args.file;
  }

  // Record each run once; every view below reads only these recordings.
  std::vector<trace::RecordedRun> runs;
  std::vector<trace::RecordedSnapshots> snapshots;
  int status = 0;
  StdinLines input;  // each version's run reads the same lines
  for (const auto* profile : profiles) {
    trace::Recorder plain;
    trace::SnapshotRecorder with_snapshots;
    trace::Recorder& recorder = args.format == "snapshots" ? with_snapshots : plain;
    scenario::RunOptions options = args.limits;
    apply_limit_flags(args.limit_flags, options);
    options.python = std::string(profile->label);
    options.sink = &recorder;
    options.read_line = input.reader();
    const auto result = scenario::run_source(path, text, options);
    runs.push_back({std::string(profile->label), asyncio::display_name(*profile),
                    trace::annotate(recorder.events, args.explain), result.err, result.exit_code});
    trace::attach_notes(with_snapshots.snapshots, runs.back().events);
    snapshots.push_back({std::string(profile->label), std::move(with_snapshots.snapshots)});
    status = std::max(status, result.exit_code);
  }
  // A program the model cannot run at all (a syntax error, an unsupported
  // construct): say why once, as `asim exec` would, and show no empty trace.
  const auto only_stderr = [](const trace::RecordedRun& r) {
    return std::all_of(r.events.begin(), r.events.end(),
                       [](const auto& a) { return a.event.kind == trace::Kind::ErrorOutput; });
  };
  if (std::all_of(runs.begin(), runs.end(), [&](const auto& r) { return r.exit_code == 2 && only_stderr(r); })) {
    std::fputs(runs.front().err.c_str(), stderr);
    return 2;
  }

  trace::ViewOptions view;
  view.program = program;
  view.level = parse_level(args.trace);
  view.width = args.width ? args.width : terminal_width();
  view.color = use_color(args);
  std::string rendered = args.format == "jsonl"       ? trace::render_jsonl(runs, view)
                         : args.format == "chrome"    ? trace::render_chrome(runs, view)
                         : args.format == "html"      ? trace::render_html(runs, view)
                         : args.format == "snapshots" ? trace::render_snapshots(snapshots)
                                                      : trace::render_text(runs, view);
  if (args.output.empty()) {
    std::fwrite(rendered.data(), 1, rendered.size(), stdout);
    std::fflush(stdout);
  } else {
    std::ofstream out(args.output, std::ios::binary);
    out << rendered;
    if (!out) {
      std::fprintf(stderr, "asim run: can't write '%s'\n", args.output.c_str());
      return 2;
    }
  }
  return status;
}

}  // namespace

CLI::App* add_run_command(CLI::App& app) {
  auto args = std::make_shared<RunArgs>();
  auto* cmd = app.add_subcommand(
      "run", "run a program under several Python versions and show the traces side by side, aligned by virtual time");
  cmd->add_option("--python", args->versions,
                  "versions, comma-separated, one column each (3.7 to 3.13, or 'whatif': a hypothetical "
                  "as_completed yielding plain Futures, not CPython)")
      ->capture_default_str();
  cmd->add_option("--trace", args->trace, "detail level: program output, task life, loop handles, everything")
      ->check(CLI::IsMember({"program", "tasks", "loop", "full"}))
      ->capture_default_str();
  cmd->add_option("--format", args->format,
                  "text (columns), jsonl, chrome (Perfetto), html (one file), snapshots (the loop at each iteration, "
                  "JSON lines)")
      ->check(CLI::IsMember({"text", "jsonl", "chrome", "html", "snapshots"}))
      ->capture_default_str();
  cmd->add_flag("--explain", args->explain, "add short plain-English notes where it matters");
  cmd->add_option("--width", args->width, "text: total width (default: the terminal's, $COLUMNS, or 160)");
  cmd->add_option("--color", args->color, "text: ANSI colours (auto: on a terminal, unless NO_COLOR is set)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-o,--output", args->output, "write the view to this file instead of stdout");
  add_limit_options(*cmd, args->limits, args->limit_flags);
  cmd->add_option("FILE", args->file, "the program (a .py scenario); default: the built-in seed_question.py");
  cmd->callback([args] {
    int status;
    try {
      status = run(*args);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "asim run: %s\n", e.what());
      status = 2;
    }
    if (status != 0) throw CLI::RuntimeError(status);
  });
  return cmd;
}

}  // namespace asim::cli
