// `python -m NAME` (Lib/runpy.py, _run_module_as_main): NAME's packages are
// imported, then NAME's code runs as `__main__`, a package's `__main__`
// submodule in its place; tracebacks start in runpy's own frames.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "model/asyncio/version_profile.hpp"
#include "model/lang/interpreter.hpp"
#include "model/modules/session.hpp"

namespace asim::scenario {

// What CPython prints for a NAME it cannot run ("No module named ..."),
// after the interpreter's name; exit status 1.
class MainModuleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MainModule {
  std::shared_ptr<const lang::Source> source;
  std::string name;     // NAME, or NAME.__main__ for a package
  std::string package;  // __package__: NAME's parent package, or NAME itself
};

// runpy._get_module_details: imports NAME's parent packages (run aside,
// outside `__main__`) and finds its source. Throws MainModuleError.
MainModule find_main_module(const std::string& name, modules::Session& session, lang::Interpreter& interpreter);

// The traceback of an exception that escaped the main module, with runpy's
// two frames above the module's, as `-m` shows them (`lib`: the installed
// CPython's Lib folder, where 3.7-3.10 name runpy.py).
std::string with_runpy_frames(const std::string& traceback, const asyncio::VersionProfile& profile,
                              const std::string& lib);

// The installed CPython's Lib folder for `version` ("3.12"), "" when none.
std::string installed_cpython_lib(const std::string& version);

}  // namespace asim::scenario
