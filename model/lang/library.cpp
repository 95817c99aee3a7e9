#include "model/lang/library.hpp"

#include <stdexcept>

#include "model/lang/compiler.hpp"
#include "model/lang/eval.hpp"
#include "model/lang/function.hpp"
#include "model/lang/parser.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

void exec_module_source(std::shared_ptr<const Source> source, runtime::Module& module) {
  ThreadState& ts = ThreadState::current();
  if (!ts.current_frame) throw std::logic_error("a library module is imported only from running code");
  ts.library_sources.emplace(source->path(), source);
  const ast::Module tree = parse(source);
  CompileOptions options;
  options.unbound = ts.unbound;
  options.ellipsis = runtime::Runtime::current().types.Ellipsis;
  const runtime::Ref<CodeObject> code = compile_module(tree, options);
  Frame f(code.get(), &module, ts.current_frame->builtins, ts.unbound);
  run_function_frame(f);
}

}  // namespace asim::lang
