// Running a scenario file end to end under one Python version: parse, build
// the session's modules, interpret, and collect what `pythonX.Y FILE` would
// show (stdout, stderr, exit status) plus the trace and the claims.
#pragma once

#include <memory>
#include <optional>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/asyncio/base_events.hpp"
#include "model/lang/features.hpp"
#include "model/runtime/address_order.hpp"
#include "model/runtime/features.hpp"
#include "model/modules/session.hpp"
#include "model/trace/event.hpp"

namespace asim::scenario {

struct RunResult;

struct RunOptions {
  std::string python = "3.12";
  trace::Sink* sink = nullptr;
  explore::Chooser* chooser = nullptr;
  asyncio::Limits limits = {};
  std::uint64_t max_instructions = 200'000'000;
  // Wall-clock seconds; 0: none (the deterministic commands keep it so).
  double max_seconds = 0;
  // The memory budget in bytes (runtime/memory.hpp); 0: none.
  std::size_t max_memory = 0;
  // Stop once the program compiled: only the errors CPython reports before
  // running the main script (SyntaxError and kin, unsupported constructs).
  bool compile_only = false;
  // The program's arguments (sys.argv[1:]); sys.argv[0] is the path as given.
  std::vector<std::string> args;
  // `-m NAME`: the program is the module NAME, found among asim's library
  // modules and in `path` (sys.path, the current directory for `-m`);
  // `cpython_lib`: the installed CPython's Lib folder, "" when none.
  std::string module;
  std::vector<std::string> path;
  std::string cpython_lib;
  // Where the program's output goes as it is written (asim exec: the
  // terminal), besides RunResult; flush_out is sys.stdout.flush(), and both
  // flushes run when the main module ends, before its traceback.
  std::function<void(std::string_view)> stream_out, stream_err;
  std::function<void()> flush_out, flush_err;
  // Ctrl-Cs replayed (runtime::request_interrupt_at): the SIGINT handler
  // runs at each of these eval-breaker checks of the run.
  std::vector<std::uint64_t> interrupt_at;
  // The program's standard input, a line at a time (modules::SessionConfig).
  std::function<std::optional<std::string>()> read_line;
  // Orders that follow object addresses: insertion order or its reverse.
  runtime::AddressOrderPolicy address_order;
  // Called with the result once it is final, before the run's objects are
  // freed: a forked `asim explore` run ends its process there and leaves the
  // freeing to the kernel.
  std::function<void(RunResult&)> result_ready;
};

struct RunResult {
  std::string out;
  std::string err;
  // 0, or 1 for an uncaught exception, as CPython; 2 when asim cannot run the
  // program (syntax or unsupported construct, deadlock, a limit); negative:
  // the signal the process ends by, as subprocess reports it (-2, SIGINT,
  // after an uncaught KeyboardInterrupt on 3.8+).
  int exit_code = 0;
  std::vector<modules::ClaimResult> claims;
};


// `path` is only used in messages; `text` is the program.
RunResult run_source(const std::string& path, const std::string& text, const RunOptions& options);
RunResult run_file(const std::string& path, const RunOptions& options);
// `python -m options.module`.
RunResult run_module(const RunOptions& options);

}  // namespace asim::scenario
