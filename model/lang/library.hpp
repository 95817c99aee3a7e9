// Running a library module written in Python (stdlib/): its code executes
// once, as the body of its own module, whose namespace becomes its globals
// (importlib's exec_module).
#pragma once

#include <memory>
#include <string>

#include "model/lang/features.hpp"
#include "model/lang/source.hpp"
#include "model/runtime/module.hpp"

namespace asim::lang {

// Parses, compiles and runs `source` with `module` as its globals and the
// builtins of the frame importing it. Throws what the module's code raises
// (runtime::PyError), or lang::Diagnostic when the source does not compile.
// `syntax`: the version's grammar for a file of the program's own (asim's
// library modules are written for every version alike).
void exec_module_source(std::shared_ptr<const Source> source, runtime::Module& module,
                        const SyntaxFeatures& syntax = {});

// `import NAME` (a dotted name's packages first): the module, or CPython's
// ModuleNotFoundError naming the first part that is missing.
runtime::Ref<runtime::Module> import_module(const std::string& name);

}  // namespace asim::lang
