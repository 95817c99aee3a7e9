#include "model/lang/library.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <string>

#include "model/lang/compiler.hpp"
#include "model/lang/eval.hpp"
#include "model/lang/function.hpp"
#include "model/lang/parser.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

using runtime::Ref;
using runtime::Value;

void exec_module_source(std::shared_ptr<const Source> source, runtime::Module& module, const SyntaxFeatures& syntax) {
  ThreadState& ts = ThreadState::current();
  if (!ts.current_frame) throw std::logic_error("a library module is imported only from running code");
  ts.library_sources.emplace(source->path(), source);
  const ast::Module tree = parse(source, syntax);
  CompileOptions options;
  options.unbound = ts.unbound;
  options.ellipsis = runtime::Runtime::current().types.Ellipsis;
  const runtime::Ref<CodeObject> code = compile_module(tree, options);
  Frame f(code.get(), &module, ts.current_frame->builtins, ts.unbound);
  run_function_frame(f);
}

Ref<runtime::Module> import_module(const std::string& name) {
  ThreadState& ts = ThreadState::current();
  auto find = [&ts](const std::string& dotted) { return ts.modules ? ts.modules->find(dotted) : nullptr; };
  if (Ref<runtime::Module> m = find(name)) return m;
  // The message names the first part of the dotted name that is missing
  // (_find_and_load_unlocked), and says when its parent is no package.
  std::string missing = name;
  Ref<runtime::Module> parent;
  for (auto dot = name.find('.'); dot != std::string::npos; dot = name.find('.', dot + 1)) {
    Ref<runtime::Module> prefix = find(name.substr(0, dot));
    if (!prefix) {
      missing = name.substr(0, dot);
      break;
    }
    parent = prefix;
  }
  std::string message = fmt::format("No module named '{}'", missing);
  if (parent && missing == name && !parent->dict.count("__path__"))
    message += fmt::format("; '{}' is not a package", parent->name);
  auto e = runtime::new_exception(runtime::builtins().ModuleNotFoundError, message);
  e->dict["name"] = Value::str(missing);
  throw runtime::PyError{std::move(e)};
}

}  // namespace asim::lang
