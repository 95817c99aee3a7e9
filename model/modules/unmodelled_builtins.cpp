// Builtins that the interpreter's own builtins module leaves out: site's
// exit()/quit(), and the ones asim does not model (files, the console,
// dynamic code, complex numbers; input() is console.cpp's). A program calling one of those stops with
// "FILE:LINE: not supported by asim" (exit 2) rather than a NameError that
// CPython would never raise.
#include <fmt/format.h>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/args.hpp"
#include "model/runtime/dir.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/exceptions.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::modules {

using runtime::Value;

void add_unmodelled_builtins(runtime::Module& builtins) {
  // site.Quitter: exit(code=None) raises SystemExit(code).
  for (const char* name : {"exit", "quit"}) {
    builtins.dict[name] = Value(function(name, {opt("code")}, [](const Bound& b) -> Value {
      throw runtime::PyError{runtime::make<runtime::PyException>(
          runtime::builtins().SystemExit, b[0].is_none() ? std::vector<Value>{} : std::vector<Value>{b[0]})};
    }));
  }
  const std::pair<const char*, const char*> unmodelled[] = {
      {"open", "asim runs programs without files"},
      {"eval", "asim runs only the program's own source"},
      {"exec", "asim runs only the program's own source"},
      {"compile", "asim runs only the program's own source"},
      {"__import__", "asim imports through import statements only"},
      {"__build_class__", "asim builds classes through class statements only"},
      {"globals", "namespaces are not Python dicts in asim"},
      {"locals", "namespaces are not Python dicts in asim"},
      {"complex", "asim has no complex numbers"},
      {"memoryview", "asim has no buffer protocol"},
      {"breakpoint", "asim has no debugger"},
      {"help", "asim has no interactive help"},
      {"copyright", "asim has no interactive help"},
      {"credits", "asim has no interactive help"},
      {"license", "asim has no interactive help"},
  };
  // vars(obj): obj.__dict__, which asim has as a dict of its own only for an
  // instance of a program's class; vars() is locals().
  builtins.dict["vars"] = Value(runtime::builtin_function("vars", [](std::span<const Value> a,
                                                                     std::span<const runtime::Keyword> kw) -> Value {
    runtime::args::no_kwargs("vars", kw);
    runtime::args::count("vars", a, 0, 1);
    const bool instance = !a.empty() && a[0].is_object() && a[0].object()->user_class() && !a[0].as<runtime::Type>();
    if (!instance) not_modelled("vars()", "namespaces are not Python dicts in asim");
    auto d = runtime::getattr_opt(a[0], "__dict__");
    if (!d) runtime::raise(runtime::builtins().TypeError, "vars() argument must have __dict__ attribute");
    return *d;
  }));
  // dir(obj); dir() lists the caller's locals, which asim does not keep as a dict.
  builtins.dict["dir"] = Value(runtime::builtin_function("dir", [](std::span<const Value> a,
                                                                   std::span<const runtime::Keyword> kw) -> Value {
    runtime::args::no_kwargs("dir", kw);
    runtime::args::count("dir", a, 0, 1);
    if (a.empty()) not_modelled("dir()", "namespaces are not Python dicts in asim");
    return runtime::dir_of(a[0]);
  }));
  for (const auto& [name, why] : unmodelled)
    if (!builtins.dict.count(name)) builtins.dict[name] = Value(not_modelled_function(name, why));
}

}  // namespace asim::modules
