// How a session finds a module by its dotted name (importlib's
// _find_and_load): a native module written in C++ (model/modules), else a
// library module written in Python (stdlib/, embedded in the binary), else
// — when CPython's standard library has that name — a stop, since a
// ModuleNotFoundError CPython never raises could be caught and hide the
// difference; any other name is CPython's ModuleNotFoundError.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

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
    {"random", make_random_module},         {"_contextlib", make_contextlib_module},
    {"dataclasses", make_dataclasses_module},   {"_asimlib", make_library_hooks_module},
    {"contextvars", make_contextvars_module},    {"_math", make_native_math_module},
    {"_thread", make_thread_module},
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

// The other names CPython's module has and asim's lacks stop the run when
// read, through a module __getattr__ (PEP 562); any other missing name is
// CPython's AttributeError. A module with a __getattr__ of its own keeps it.
void add_unmodelled_values(const asyncio::VersionProfile& profile, runtime::Module& module) {
  if (module.dict.count("__getattr__")) return;
  auto it = std::lower_bound(kModuleValues.begin(), kModuleValues.end(), module.name,
                             [](const ModuleCallable& row, std::string_view m) { return row.module < m; });
  std::set<std::string, std::less<>> missing;
  for (; it != kModuleValues.end() && it->module == module.name; ++it)
    if ((it->versions >> (profile.minor - 7) & 1) && !module.dict.count(std::string(it->name))) missing.emplace(it->name);
  if (missing.empty()) return;
  module.dict["__getattr__"] = Value(runtime::native_function(
      module.name + ".__getattr__", [missing = std::move(missing), name = module.name](std::span<const Value> args) -> Value {
        const std::string attribute = args.empty() ? "" : runtime::str(args[0]);
        if (missing.count(attribute)) not_modelled(name + "." + attribute, fmt::format("asim models only part of {}", name));
        runtime::raise(runtime::Runtime::current().builtins.AttributeError, attribute);
      }));
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
  // A native module's submodule is one of its attributes (asyncio.tasks).
  if (parent)
    if (auto it = parent->dict.find(key.substr(dot + 1)); it != parent->dict.end())
      if (auto* sub = it->second.as<runtime::Module>(); sub && sub->name == key) {
        modules_.emplace(key, Ref<runtime::Module>(sub));
        return Ref<runtime::Module>(sub);
      }
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

namespace {

std::optional<std::string> read_file(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

// importlib's PathFinder over the folders of the parent's __path__ (sys.path
// for a top-level name); in each folder FileFinder's order, a package before
// a module.
std::optional<Session::ModuleSource> Session::locate(const std::string& name) {
  if (const StdlibFile* file = stdlib_file(name))
    return ModuleSource{std::string(kStdlibRoot) + std::string(file->path), std::string(file->text), file->package,
                        true};
  const auto dot = name.rfind('.');
  std::vector<std::string> folders;
  if (dot == std::string::npos) {
    folders = config_.path;
  } else if (auto parent = imported(name.substr(0, dot))) {
    auto it = parent->dict.find("__path__");
    if (it == parent->dict.end()) return std::nullopt;  // not a package
    for (const auto& entry : runtime::to_vector(it->second))
      if (auto* s = entry.as<runtime::Str>()) folders.push_back(s->text);
  }
  const std::string last = name.substr(dot == std::string::npos ? 0 : dot + 1);
  for (const auto& folder : folders) {
    if (folder.starts_with(kStdlibRoot)) continue;  // asim's own, embedded
    const std::string base = folder.empty() ? last : folder + "/" + last;
    if (auto text = read_file(base + "/__init__.py")) return ModuleSource{base + "/__init__.py", *text, true, false};
    if (auto text = read_file(base + ".py")) return ModuleSource{base + ".py", *text, false, false};
  }
  return std::nullopt;
}

// Makes the module `name` (its parent package already loaded), or nullptr.
Ref<runtime::Module> Session::load(const std::string& name) {
  for (const auto& native : kNativeModules) {
    if (native.name != name) continue;
    runtime::Heap::LibraryScope library;
    Ref<runtime::Module> module = native.make(*this);
    add_unmodelled_callables(profile(), *module);
    add_unmodelled_values(profile(), *module);
    modules_.emplace(name, module);
    return module;
  }
  auto found = locate(name);
  if (!found) return nullptr;
  // asim's library modules keep the program's fake addresses where they
  // were; a file of the program's own is part of it.
  std::optional<runtime::Heap::LibraryScope> library;
  if (found->library) library.emplace();
  auto module = runtime::make<runtime::Module>(name);
  module->dict["__name__"] = Value::str(name);
  module->dict["__doc__"] = Value();
  module->dict["__file__"] = Value::str(found->path);
  const auto dot = name.rfind('.');
  module->dict["__package__"] = Value::str(found->package ? name : dot == std::string::npos ? "" : name.substr(0, dot));
  if (found->package) module->dict["__path__"] = runtime::make_list({Value::str(found->path.substr(0, found->path.rfind('/')))});
  // In sys.modules while its code runs (a module importing it back finds
  // it), removed again when that code fails.
  modules_.emplace(name, module);
  try {
    if (found->library)
      lang::exec_module_source(std::make_shared<const lang::Source>(found->path, std::move(found->text)), *module);
    else
      lang::exec_module_source(lang::load_source(found->path, found->text, profile().language.syntax), *module, profile().language.syntax);
  } catch (...) {
    modules_.erase(name);
    throw;
  }
  add_unmodelled_callables(profile(), *module);
  add_unmodelled_values(profile(), *module);
  return module;
}

}  // namespace asim::modules
