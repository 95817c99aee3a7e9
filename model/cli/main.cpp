// The asim command. Each subcommand beyond `exec` lives in its own file:
// run_command.cpp (`asim run`), conform_command.cpp (`asim conform`).
#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "model/asyncio/version_profile.hpp"
#include "model/cli/check_command.hpp"
#include "model/cli/conform_command.hpp"
#include "model/cli/explore_command.hpp"
#include "model/cli/address_order_check.hpp"
#include "model/cli/limit_options.hpp"
#include "model/cli/run_command.hpp"
#include "model/cli/stdin_lines.hpp"
#include "model/explore/explore.hpp"
#include "model/runtime/interrupt.hpp"
#include "model/scenario/main_module.hpp"
#include "model/scenario/run.hpp"

namespace {

// `asim --version`: asim's own, and the CPython releases whose behaviour it models.
std::string version_text() {
  std::string pythons;
  for (const auto& p : asim::asyncio::all_profiles())
    pythons += fmt::format("{}{}.{}.{}", pythons.empty() ? "" : ", ", p.major, p.minor, p.micro);
  return fmt::format("asim {} (models CPython {})", ASIM_VERSION, pythons);
}

// `asim exec -`: the program is standard input, named <stdin> as CPython names it.
// `asim exec [OPTIONS] FILE ARGS...` reads as `python [OPTIONS] FILE ARGS...`:
// what follows FILE belongs to the program, even words that look like asim's
// options (`--help`); so does what follows `-m MODULE` (or `-mMODULE`) and
// `-c COMMAND` (or `-cCOMMAND`).
struct ExecArguments {
  int own;    // how many of argv are asim's own
  int first;  // where the program's arguments begin
  std::string module;
  std::optional<std::string> command;
};

ExecArguments exec_arguments_end(int argc, char** argv, CLI::App& exec) {
  if (argc < 2 || std::string(argv[1]) != "exec") return {argc, argc, "", {}};
  for (int i = 2; i < argc; ++i) {
    const std::string arg = argv[i];
    // Without its operand, -m or -c is left to the usage error.
    if (arg == "-m") return i + 1 < argc ? ExecArguments{i, i + 2, argv[i + 1], {}} : ExecArguments{argc, argc, "", {}};
    if (arg == "-c") return i + 1 < argc ? ExecArguments{i, i + 2, "", argv[i + 1]} : ExecArguments{argc, argc, "", {}};
    if (arg.starts_with("-m") && !arg.starts_with("--")) return {i, i + 1, arg.substr(2), {}};
    if (arg.starts_with("-c") && !arg.starts_with("--")) return {i, i + 1, "", arg.substr(2)};
    if (arg == "-" || arg.empty() || arg[0] != '-') return {i + 1, i + 1, "", {}};
    const auto* option = exec.get_option_no_throw(arg);
    if (option && option->get_items_expected_min() > 0 && arg.find('=') == std::string::npos) ++i;
  }
  return {argc, argc, "", {}};
}

// What a usage error prints after its message: the usage line of the command it concerns.
void print_usage(const CLI::App& app) {
  const CLI::App* command = &app;
  for (const auto* sub : app.get_subcommands()) command = sub;
  std::string name = command->get_name();
  for (const auto* parent = command->get_parent(); parent; parent = parent->get_parent())
    name = parent->get_name() + " " + name;
  std::fputs(CLI::Formatter().make_usage(command, name).c_str(), stderr);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"asim: a deterministic, virtual-time model of Python's asyncio"};
  app.name("asim");
  app.require_subcommand(1);
  app.set_version_flag("--version", version_text());
  app.footer(
      "Examples:\n"
      "  asim run                          the built-in seed question, 3.12 and 3.13 side by side\n"
      "  asim run --python 3.7,3.13 prog.py --trace program\n"
      "  asim exec --python 3.11 prog.py arg1 arg2     as `python3.11 prog.py arg1 arg2`\n"
      "  asim conform scenarios            every scenario against the installed CPythons");
  asim::cli::add_run_command(app);  // runs from its own callback

  auto* exec = app.add_subcommand("exec", "run FILE as `pythonX.Y FILE` would, on the virtual clock");
  std::string exec_python = "3.12";
  std::string exec_file;
  asim::scenario::RunOptions exec_options;
  exec->add_option("--python", exec_python, "the Python version to model (3.7 to 3.13)")->capture_default_str();
  asim::cli::LimitFlags exec_limits;
  asim::cli::add_limit_options(*exec, exec_options, exec_limits);
  exec->add_option("--max-time", exec_options.limits.max_time, "stop when the virtual clock passes this")
      ->capture_default_str();
  std::string exec_interrupts;
  exec->add_option("--interrupt-at", exec_interrupts,
                   "a Ctrl-C at the N-th eval-breaker check (N,M,...: one at each), as one seen there would "
                   "(deterministic: the playground's Stop replays a run so)");
  std::string exec_replay;
  exec->add_option("--replay", exec_replay, "replay one schedule from `asim explore` (a token such as c:1.0.2)");
  exec->add_flag("--compile-only", exec_options.compile_only,
                 "only parse and compile FILE: report what CPython reports before running it");
  exec->add_option("FILE", exec_file, "the program (a .py file), or - to read it from standard input");
  exec->footer(
      "Example: asim exec --python 3.8 prog.py 10 --verbose   (sys.argv == ['prog.py', '10', '--verbose'])\n"
      "         asim exec --python 3.12 -m unittest -v test_mod   (as `python3.12 -m unittest -v test_mod`)\n"
      "         asim exec --python 3.13 -c 'import sys; print(sys.argv)' a   (prints ['-c', 'a'])");

  asim::cli::add_conform_command(app);  // runs from its own callback
  asim::cli::add_check_command(app);    // runs from its own callback
  asim::cli::add_explore_command(app);  // runs from its own callback

  const ExecArguments exec_arguments = exec_arguments_end(argc, argv, *exec);
  const int own = exec_arguments.own;
  try {
    app.parse(own, argv);
    if (exec->parsed() && exec_file.empty() && exec_arguments.module.empty() && !exec_arguments.command)
      throw CLI::RequiredError("FILE (or -m MODULE, or -c COMMAND)");
  } catch (const CLI::RuntimeError& e) {
    return e.get_exit_code();  // a subcommand's own exit status
  } catch (const CLI::ParseError& e) {
    // --help and --version exit 0; a usage error exits 2 with the usage line, as argparse does.
    if (app.exit(e) == 0) return 0;
    print_usage(app);
    return 2;
  }
  try {
    if (exec->parsed()) {
      exec_options.python = exec_python;
      exec_options.args.assign(argv + exec_arguments.first, argv + argc);
      if (!exec_arguments.module.empty()) {
        // `python -m`: sys.path[0] is the current directory.
        exec_options.module = exec_arguments.module;
        exec_options.path = {std::filesystem::current_path().string()};
        exec_options.cpython_lib = asim::scenario::installed_cpython_lib(exec_python);
      } else if (exec_arguments.command || exec_file == "-") {
        // sys.path[0] is '', which finds modules in the current directory.
        exec_options.path = {std::filesystem::current_path().string()};
      } else {
        // sys.path[0] is the script's folder, its links resolved.
        std::error_code ec;
        const auto script = std::filesystem::canonical(exec_file, ec);
        if (!ec) exec_options.path = {script.parent_path().string()};
      }
      asim::cli::apply_limit_flags(exec_limits, exec_options);
      exec_options.interrupt_at = asim::runtime::parse_interrupt_checks(exec_interrupts);
      std::optional<asim::explore::Replay> replay;
      if (!exec_replay.empty()) {
        replay.emplace(asim::explore::parse_token(exec_replay));
        exec_options.chooser = &*replay;
      }
      // Output as the program writes it, buffered as CPython's is: by lines
      // on a terminal, in 8 KiB blocks on a pipe or file until a flush or
      // the end (stderr by lines from 3.9), nothing held with
      // PYTHONUNBUFFERED. A stopped run shows what it wrote so far.
      const char* unbuffered = std::getenv("PYTHONUNBUFFERED");
      const auto* profile = asim::asyncio::find_profile(exec_python);
      const auto mode = [&](int fd, bool lines_anyway) {
        return unbuffered && *unbuffered ? _IONBF : isatty(fd) || lines_anyway ? _IOLBF : _IOFBF;
      };
      std::setvbuf(stdout, nullptr, mode(STDOUT_FILENO, false), 8192);
      std::setvbuf(stderr, nullptr, mode(STDERR_FILENO, profile && profile->stderr_line_buffered), 8192);
      std::size_t streamed_out = 0, streamed_err = 0;
      asim::cli::StdinLines input;
      const asim::cli::ExecStreams streams{
          [&](std::string_view s) {
            std::fwrite(s.data(), 1, s.size(), stdout);
            streamed_out += s.size();
          },
          [&](std::string_view s) {
            std::fwrite(s.data(), 1, s.size(), stderr);
            streamed_err += s.size();
          },
          [] { std::fflush(stdout); }, [] { std::fflush(stderr); }, [&] { return input.read_all(); }};
      // Ctrl-C reaches the program as CPython's SIGINT handling does
      // (runtime/interrupt.hpp), unless SIGINT came ignored, which CPython
      // keeps (signal_install_handlers: only a default disposition is taken).
      if (std::signal(SIGINT, [](int) { asim::runtime::request_interrupt(); }) == SIG_IGN) std::signal(SIGINT, SIG_IGN);
      // Read once: a run that checks an order that follows addresses runs it again.
      std::optional<std::string> stdin_program;
      if (!exec_arguments.command && exec_options.module.empty() && exec_file == "-")
        stdin_program.emplace(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      const auto run = [&](const asim::scenario::RunOptions& options) {
        // `python -c COMMAND`: the program is named "<string>", sys.argv[0] is '-c'.
        if (exec_arguments.command) return asim::scenario::run_source("<string>", *exec_arguments.command, options);
        if (stdin_program) return asim::scenario::run_source("<stdin>", *stdin_program, options);
        if (!options.module.empty()) return asim::scenario::run_module(options);
        return asim::scenario::run_file(exec_file, options);
      };
      // Each run reads the same lines from the first.
      const auto result = asim::cli::run_checking_address_order(
          [&](asim::scenario::RunOptions options) {
            options.read_line = input.reader();
            return run(options);
          },
          exec_options, streams);
      // What asim itself reports before a program runs (a file it cannot open).
      std::fwrite(result.out.data() + streamed_out, 1, result.out.size() - streamed_out, stdout);
      std::fflush(stdout);
      std::fwrite(result.err.data() + streamed_err, 1, result.err.size() - streamed_err, stderr);
      if (result.exit_code < 0) {
        // Ends as CPython does, by the signal itself.
        std::fflush(stderr);
        std::signal(-result.exit_code, SIG_DFL);
        std::raise(-result.exit_code);
        return 128 - result.exit_code;
      }
      return result.exit_code;
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "asim: %s\n", e.what());
    return 2;
  }
  return 0;
}
