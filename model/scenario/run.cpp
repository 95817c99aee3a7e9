#include "model/scenario/run.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/lang/interpreter.hpp"
#include "model/lang/parser.hpp"
#include "model/runtime/builtins.hpp"
#include "model/runtime/ops.hpp"

namespace asim::scenario {

using runtime::Value;

namespace {

// SystemExit's code as the interpreter's exit status: None → 0, an int → it,
// anything else is printed to stderr and gives 1 (Python/pythonrun.c).
int system_exit_status(const runtime::PyException& exc, std::string& err) {
  if (exc.args.empty() || exc.args[0].is_none()) return 0;
  if (exc.args[0].kind() == Value::Kind::Int) return static_cast<int>(exc.args[0].as_int());
  err += runtime::to_str(exc.args[0]) + "\n";
  return 1;
}

}  // namespace

lang::LanguageFeatures language_features(const asyncio::VersionProfile& p) {
  return {p.inline_comprehensions, p.cannot_access_wording, p.qualname_in_call_errors, p.name_suggestions,
          p.self_and_import_suggestions, p.traceback_carets,
          p.traceback_call_carets, p.unawaited_agen_method_warns, p.context_manager_type_errors,
          p.async_with_looks_up_aexit_first};
}

RunResult run_source(const std::string& path, const std::string& text, const RunOptions& options) {
  RunResult result;
  const auto* profile = asyncio::find_profile(options.python);
  if (!profile) {
    result.err = fmt::format("asim: unknown Python version '{}': asim models 3.7 to 3.13\n", options.python);
    result.exit_code = 2;
    return result;
  }
  // 3.9+ name the main script by its absolute path (tracebacks, reprs).
  const std::string shown = profile->main_path_absolute && !path.empty() && path.front() != '<'
                                ? std::filesystem::absolute(path).lexically_normal().string()
                                : path;
  auto source = std::make_shared<const lang::Source>(shown, text);
  runtime::Runtime rt;
  rt.ints.limit_message_says_digits = profile->int_limit_says_digits;
  rt.ints.pow_modular_inverse = profile->pow_modular_inverse;
  rt.ints.modulo_by_zero_wording = profile->modulo_by_zero_wording;
  rt.warning_sink = [&](const std::string& w) { result.err += w + "\n"; };
  {
    modules::Session session({*profile, options.sink, options.chooser, options.limits},
                             [&](std::string_view s) { result.out += s; },
                             [&](std::string_view s) { result.err += s; });
    try {
      auto module = lang::parse(source);
      auto builtins = runtime::make_builtins_module([&](std::string_view s) { session.write_out(s); },
                                                    [&](std::string_view s) { session.write_err(s); });
      lang::Interpreter interpreter(source, builtins, session,
                                    {options.max_instructions, 1000, language_features(*profile)});
      try {
        interpreter.run_module(module);
      } catch (runtime::PyError& e) {
        if (e.exc->isinstance(rt.builtins.SystemExit.get())) {
          result.exit_code = system_exit_status(*e.exc, result.err);
        } else {
          result.err += interpreter.format_exception(e);
          result.exit_code = 1;
        }
      }
    } catch (const lang::Diagnostic& d) {
      result.err += d.render();
      result.exit_code = 2;
    } catch (const asyncio::ModelStop& stop) {
      result.err += std::string(stop.what()) + "\n";
      result.exit_code = 2;
    } catch (const lang::InstructionLimit& stop) {
      result.err += std::string(stop.what()) + "\n";
      result.exit_code = 2;
    }
    result.claims = session.claims();
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

}  // namespace asim::scenario
