// How a session finds a module by its dotted name (importlib's
// _find_and_load): a native module written in C++ (model/modules), else a
// library module written in Python (stdlib/, embedded in the binary), else
// — when CPython's standard library has that name — a stop, since a
// ModuleNotFoundError CPython never raises could be caught and hide the
// difference; any other name is CPython's ModuleNotFoundError.
#include <fmt/format.h>

#include <algorithm>

#include "model/lang/library.hpp"
#include "model/modules/module_callables.hpp"
#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/modules/stdlib_files.hpp"
#include "model/modules/stdlib_names.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::modules {

using runtime::Ref;
using runtime::Value;

namespace {

struct NativeModule {
  std::string_view name;
  Ref<runtime::Module> (*make)(Session&);
};

constexpr NativeModule kNativeModules[] = {
    {"asyncio", make_asyncio_module},       {"sys", make_sys_module},
    {"asim", make_asim_module},             {"time", make_time_module},
    {"random", make_random_module},         {"contextlib", make_contextlib_module},
    {"dataclasses", make_dataclasses_module},   {"_asimlib", make_library_hooks_module},
    {"contextvars", make_contextvars_module},    {"_math", make_native_math_module},
};

// Where tracebacks and __file__ place a library module's source.
constexpr std::string_view kStdlibRoot = "<asim>/stdlib/";

const StdlibFile* stdlib_file(std::string_view name) {
  for (const auto& f : stdlib_files())
    if (f.module == name) return &f;
  return nullptr;
}

[[noreturn]] void refuse(std::string_view name) {
  const auto& where = runtime::Runtime::current().current_location;
  throw NotModelled(fmt::format("{}: module '{}' is not supported by asim", where ? where() : "asim", name));
}

// The functions and classes CPython's module has and asim's lacks stand in
// as functions that stop the run when called: an AttributeError or
// ImportError CPython never raises could be caught and hide the difference.
void add_unmodelled_callables(const asyncio::VersionProfile& profile, runtime::Module& module) {
  auto it = std::lower_bound(kModuleCallables.begin(), kModuleCallables.end(), module.name,
                             [](const ModuleCallable& row, std::string_view m) { return row.module < m; });
  for (; it != kModuleCallables.end() && it->module == module.name; ++it) {
    if (!(it->versions >> (profile.minor - 7) & 1)) continue;
    const std::string name(it->name);
    if (module.dict.count(name)) continue;
    module.dict[name] = Value(not_modelled_function(module.name + "." + name,
                                                    fmt::format("asim models only part of {}", module.name)));
  }
}

}  // namespace

bool is_stdlib_module(const asyncio::VersionProfile& profile, std::string_view name) {
  auto it = std::lower_bound(kStdlibNames.begin(), kStdlibNames.end(), name,
                             [](const StdlibName& row, std::string_view n) { return row.name < n; });
  return it != kStdlibNames.end() && it->name == name && (it->versions >> (profile.minor - 7) & 1);
}

Ref<runtime::Module> Session::find(std::string_view name) {
  const std::string key(name);
  if (auto it = modules_.find(key); it != modules_.end()) return it->second;
  Ref<runtime::Module> parent;
  const auto dot = key.rfind('.');
  if (dot != std::string::npos && !(parent = find(key.substr(0, dot)))) return nullptr;
  Ref<runtime::Module> module = load(key);
  if (!module) {
    if (is_stdlib_module(profile(), key)) refuse(key);
    return nullptr;
  }
  if (parent) parent->dict[key.substr(dot + 1)] = Value(module);
  return module;
}

Ref<runtime::Module> Session::imported(std::string_view name) const {
  auto it = modules_.find(std::string(name));
  return it != modules_.end() ? it->second : nullptr;
}

// Makes the module `name` (its parent package already loaded), or nullptr.
Ref<runtime::Module> Session::load(const std::string& name) {
  runtime::Heap::LibraryScope library;
  for (const auto& native : kNativeModules) {
    if (native.name != name) continue;
    Ref<runtime::Module> module = native.make(*this);
    add_unmodelled_callables(profile(), *module);
    modules_.emplace(name, module);
    return module;
  }
  const StdlibFile* file = stdlib_file(name);
  if (!file) return nullptr;
  auto module = runtime::make<runtime::Module>(name);
  const std::string path = std::string(kStdlibRoot) + std::string(file->path);
  module->dict["__name__"] = Value::str(name);
  module->dict["__doc__"] = Value();
  module->dict["__file__"] = Value::str(path);
  const auto dot = name.rfind('.');
  module->dict["__package__"] = Value::str(file->package ? name : dot == std::string::npos ? "" : name.substr(0, dot));
  if (file->package) {
    const auto folder = path.substr(0, path.rfind('/'));
    module->dict["__path__"] = runtime::make_list({Value::str(folder)});
  }
  // In sys.modules while its code runs (a module importing it back finds
  // it), removed again when that code fails.
  modules_.emplace(name, module);
  try {
    lang::exec_module_source(std::make_shared<const lang::Source>(path, std::string(file->text)), *module);
  } catch (...) {
    modules_.erase(name);
    throw;
  }
  add_unmodelled_callables(profile(), *module);
  return module;
}

}  // namespace asim::modules
