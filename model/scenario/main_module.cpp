#include "model/scenario/main_module.hpp"

#include <fmt/format.h>

#include <filesystem>

#include "model/runtime/exceptions.hpp"
#include "model/runtime/ops.hpp"
#include "model/scenario/conform.hpp"

namespace asim::scenario {

namespace {

// The exception a failed import raised, as runpy quotes it: "TYPE: message".
std::string describe(const runtime::PyError& e) {
  const std::string message = runtime::to_str(runtime::Value(e.exc));
  return fmt::format("{}{}{}", e.exc->type->name, message.empty() ? "" : ": ", message);
}

}  // namespace

MainModule find_main_module(const std::string& name, modules::Session& session, lang::Interpreter& interpreter) {
  std::string wanted = name;
  for (int depth = 0; depth < 2; ++depth) {
    const auto dot = wanted.rfind('.');
    const std::string parent = dot == std::string::npos ? "" : wanted.substr(0, dot);
    if (!parent.empty()) {
      try {
        interpreter.run_aside(std::make_shared<const lang::Source>("<frozen runpy>", "import " + parent + "\n"));
      } catch (const runtime::PyError& e) {
        if (!e.exc->isinstance(runtime::builtins().ImportError.get())) throw;
        throw MainModuleError(fmt::format("Error while finding module specification for '{}' ({})", wanted, describe(e)));
      }
    }
    auto found = session.locate(wanted);
    if (!found) throw MainModuleError(fmt::format("No module named {}", wanted));
    if (!found->package) {
      MainModule main;
      main.source = found->library ? std::make_shared<const lang::Source>(found->path, std::move(found->text))
                                   : lang::load_source(found->path, found->text, session.profile().language.syntax);
      main.name = wanted;
      main.package = parent;
      return main;
    }
    if (depth == 1)
      throw MainModuleError(fmt::format("No module named {}; '{}' is a package and cannot be directly executed",
                                        wanted, name));
    // A package runs its __main__ submodule, once the package is imported.
    interpreter.run_aside(std::make_shared<const lang::Source>("<frozen runpy>", "import " + wanted + "\n"));
    wanted += ".__main__";
  }
  throw MainModuleError(fmt::format("No module named {}", name));
}

std::string with_runpy_frames(const std::string& traceback, const asyncio::VersionProfile& p, const std::string& lib) {
  static constexpr std::string_view kHeader = "Traceback (most recent call last):\n";
  const auto at = traceback.rfind(kHeader);
  if (at == std::string::npos) return traceback;
  std::string frames;
  if (p.runpy_main_text.empty()) {
    frames = fmt::format("  File \"<frozen runpy>\", line {}, in _run_module_as_main\n", p.runpy_main_line) +
             fmt::format("  File \"<frozen runpy>\", line {}, in _run_code\n", p.runpy_code_line);
  } else {
    const std::string runpy = (lib.empty() ? std::string("<asim>") : lib) + "/runpy.py";
    frames = fmt::format("  File \"{}\", line {}, in _run_module_as_main\n    {}\n", runpy, p.runpy_main_line,
                         p.runpy_main_text) +
             fmt::format("  File \"{}\", line {}, in _run_code\n    exec(code, run_globals)\n", runpy,
                         p.runpy_code_line);
  }
  std::string out = traceback;
  out.insert(at + kHeader.size(), frames);
  return out;
}

#if defined(__EMSCRIPTEN__)
// A browser has no installed CPython (conform.cpp, which finds them, is left
// out of the web build): the library's own runpy frames are shown instead.
std::string installed_cpython_lib(const std::string&) { return ""; }
#else
std::string installed_cpython_lib(const std::string& version) {
  const auto interpreters = conform::find_interpreters();
  auto it = interpreters.find(version);
  if (it == interpreters.end()) return "";
  const std::filesystem::path lib = std::filesystem::path(it->second).parent_path().parent_path() / "lib" /
                                    ("python" + version);
  std::error_code ec;
  return std::filesystem::is_directory(lib / "asyncio", ec) ? lib.string() : "";
}
#endif

}  // namespace asim::scenario
