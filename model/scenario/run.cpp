#include "model/scenario/run.hpp"

#include <fmt/format.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>

#include "model/asyncio/library_sources.hpp"
#include "model/lang/interpreter.hpp"
#include "model/lang/parser.hpp"
#include "model/lang/syntax_error.hpp"
#include "model/scenario/main_module.hpp"
#include "model/runtime/builtin_attributes.hpp"
#include "model/runtime/builtins.hpp"
#include "model/runtime/interrupt.hpp"
#include "model/runtime/memory.hpp"
#include "model/runtime/ops.hpp"

namespace asim::scenario {

using runtime::Value;

namespace {

// SystemExit's code as the interpreter's exit status: None → 0, an int → it,
// anything else is printed to stderr and gives 1 (Python/pythonrun.c).
int system_exit_status(const runtime::PyException& exc, modules::Session& session) {
  if (exc.args.empty() || exc.args[0].is_none()) return 0;
  if (exc.args[0].kind() == Value::Kind::Int) return static_cast<int>(exc.args[0].as_int());
  session.write_err(runtime::to_str(exc.args[0]) + "\n");
  return 1;
}

// Warnings go where the program's stderr goes while the session lives.
struct WarningsToSession {
  runtime::Runtime& rt;
  WarningsToSession(runtime::Runtime& rt, modules::Session& session) : rt(rt) {
    rt.warning_sink = [&session](const std::string& w) { session.write_err(w + "\n"); };
  }
  ~WarningsToSession() { rt.warning_sink = nullptr; }
  WarningsToSession(const WarningsToSession&) = delete;
  WarningsToSession& operator=(const WarningsToSession&) = delete;
};

}  // namespace

RunResult run_source(const std::string& path, const std::string& text, const RunOptions& options) {
  RunResult result;
  const auto* profile = asyncio::find_profile(options.python);
  if (!profile) {
    result.err = fmt::format("asim: unknown Python version '{}': asim models 3.7 to 3.13\n", options.python);
    result.exit_code = 2;
    return result;
  }
  // 3.9+ name the main script by its absolute path (tracebacks, reprs):
  // the current directory joined to the path as given, not normalised.
  const std::string shown =
      profile->main_path_absolute && !path.empty() && path.front() != '<' ? std::filesystem::absolute(path).string() : path;
  const bool as_module = !options.module.empty();
  // pymain_run_command and pymain_run_module print the program's exception
  // without pythonrun.c's flush_io first: what stdout holds comes out at
  // exit, after it.
  const bool exception_before_flush = as_module || path == "<string>";
  std::vector<std::string> argv{path == "<stdin>" ? "-" : path == "<string>" ? "-c" : path};
  argv.insert(argv.end(), options.args.begin(), options.args.end());
  // Before the runtime, so that its teardown's finalizers follow it too.
  runtime::AddressOrderScope address_order(options.address_order);
  runtime::Runtime rt;
  rt.ints = profile->ints;
  rt.features = profile->runtime;
  if (as_module) rt.frames_below = profile->frames_below.main_module;
  // asyncio's own functions are in the installed CPython's Lib, as runpy's
  // frames are (with_runpy_frames). A plain run looks it up when a repr or a
  // traceback first names one (finding it may run pyenv): "<asim>" when
  // there is none.
  rt.cpython_lib = [lib = std::make_shared<std::optional<std::string>>(), given = options.cpython_lib,
                    python = options.python] {
    if (!*lib) {
      const std::string found = given.empty() ? installed_cpython_lib(python) : given;
      *lib = found.empty() ? std::string("<asim>") : found;
    }
    return **lib;
  };
  rt.library_function_source = [lib = rt.cpython_lib, minor = profile->minor](std::string_view qualname) {
    if (asyncio::library_function_source("", minor, qualname).empty()) return std::string();
    return asyncio::library_function_source(lib(), minor, qualname);
  };
  runtime::remove_attributes_of_other_versions(rt);
  struct Budget {
    explicit Budget(std::size_t bytes) { runtime::set_memory_budget(bytes); }
    ~Budget() { runtime::set_memory_budget(0); }
    Budget(const Budget&) = delete;
    Budget& operator=(const Budget&) = delete;
  } budget(options.max_memory);
  // A Stop pressed between runs is not for this one.
  runtime::clear_interrupt();
  runtime::request_interrupt_at(options.interrupt_at);
  {
    modules::Session session(
        {*profile, options.sink, options.chooser, options.limits, std::move(argv), options.path,
         options.cpython_lib, options.flush_out, options.flush_err, options.read_line},
        [&](std::string_view s) {
          result.out += s;
          if (options.stream_out) options.stream_out(s);
        },
        [&](std::string_view s) {
          result.err += s;
          if (options.stream_err) options.stream_err(s);
        });
    WarningsToSession warnings(rt, session);
    try {
      std::shared_ptr<const lang::Source> source;
      if (!as_module) source = lang::load_source(shown, text, profile->language.syntax);
      auto builtins = runtime::make_builtins_module([&](std::string_view s) { session.write_out(s); },
                                                    [&] { session.flush_out(); });
      {
        runtime::Heap::LibraryScope library;  // the program's fake addresses stay where they were
        modules::add_console_builtins(*builtins, session);
        modules::add_unmodelled_builtins(*builtins);
        if (profile->async_iteration_builtins) runtime::add_async_iteration_builtins(*builtins);
        // The exception classes exist for asim's own use; a version without
        // the builtin name gives the program CPython's NameError.
        if (!profile->exception_group_builtins)
          for (const char* name : {"ExceptionGroup", "BaseExceptionGroup"}) builtins->dict.erase(name);
        if (!profile->encoding_warning_builtin) builtins->dict.erase("EncodingWarning");
      }
      lang::Interpreter interpreter(source, builtins, session,
                                    {options.max_instructions, 1000, profile->language, options.max_seconds});
      session.add_module("__main__", interpreter.main_module());
      if (options.compile_only && !as_module) {
        interpreter.compile(interpreter.parse(source));
        return result;
      }
      // pythonrun.c's flush_io: stderr, then stdout, once the module's code
      // is done, before its exception is printed.
      const auto flush_io = [&] {
        if (options.flush_err) options.flush_err();
        if (options.flush_out) options.flush_out();
      };
      try {
        if (as_module) {
          // An exception while importing the module's packages is reported
          // as one of the module's own.
          MainModule main;
          try {
            main = find_main_module(options.module, session, interpreter);
          } catch (const MainModuleError& e) {
            session.write_err(fmt::format("asim: {}\n", e.what()));
            result.exit_code = 1;
            return result;
          }
          source = main.source;
          interpreter.set_source(source);
          interpreter.main_module()->dict["__package__"] = Value::str(main.package);
          session.set_argv0(source->path());
        }
        // The syntax tree goes once compiled (the code keeps none of it): a
        // forked `asim explore` run would otherwise free it again each time.
        interpreter.compile(interpreter.parse(source));
        if (options.compile_only) return result;
        interpreter.run_module();
        flush_io();
      } catch (runtime::PyError& e) {
        if (!exception_before_flush) flush_io();
        if (e.exc->isinstance(rt.builtins.SystemExit.get())) {
          result.exit_code = system_exit_status(*e.exc, session);
        } else {
          const std::string traceback = interpreter.format_exception(e, /*uncaught=*/true);
          session.write_err(as_module ? with_runpy_frames(traceback, *profile, options.cpython_lib) : traceback);
          if (exception_before_flush && profile->exception_display_flushes_stderr && options.flush_err) options.flush_err();
          // Py_RunMain's exit for an uncaught KeyboardInterrupt: 3.8+ kill
          // themselves with SIGINT, as a process stopped by Ctrl-C should.
          const bool by_signal =
              profile->keyboard_interrupt_exits_by_sigint && e.exc->isinstance(rt.builtins.KeyboardInterrupt.get());
          result.exit_code = by_signal ? -SIGINT : 1;
        }
      }
      session.shutdown_threads();
      interpreter.collect_at_exit();
      if (!rt.unmodelled.empty()) {
        session.write_err(rt.unmodelled + "\n");
        result.exit_code = 2;
      }
    } catch (const lang::Diagnostic& d) {
      // A program CPython rejects fails as CPython's does (exit 1); valid
      // Python outside asim's subset is asim's own report (exit 2).
      const bool unsupported = d.kind() == lang::Diagnostic::Kind::Unsupported;
      session.write_err(unsupported ? d.render() : lang::format_syntax_error(d, profile->language.syntax));
      result.exit_code = unsupported ? 2 : 1;
    } catch (const asyncio::ModelStop& stop) {
      session.write_err(std::string(stop.what()) + "\n");
      result.exit_code = 2;
    } catch (const lang::InstructionLimit& stop) {
      session.write_err(std::string(stop.what()) + "\n");
      result.exit_code = 2;
    } catch (const lang::WallClockLimit& stop) {
      session.write_err(std::string(stop.what()) + "\n");
      result.exit_code = 2;
    } catch (const runtime::MemoryLimit& stop) {
      session.write_err(std::string(stop.what()) + "\n");
      result.exit_code = 2;
    } catch (const std::bad_alloc&) {
      // Refused outside the program's code (the loop's own bookkeeping).
      session.write_err(runtime::MemoryLimit(runtime::memory_budget()).what() + std::string("\n"));
      result.exit_code = 2;
    }
    result.claims = session.claims();
    if (options.result_ready) options.result_ready(result);
  }
  return result;
}

RunResult run_file(const std::string& path, const RunOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    RunResult r;
    r.err = fmt::format("asim: can't open file '{}': No such file or directory\n", path);
    r.exit_code = 2;
    return r;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return run_source(path, text.str(), options);
}

RunResult run_module(const RunOptions& options) { return run_source("", "", options); }

}  // namespace asim::scenario
