// The compiler (CPython's Python/compile.c): turns the syntax tree into code
// objects, one per module, function, lambda, class body and comprehension,
// and raises the SyntaxErrors CPython's compiler raises ('return' outside
// function, 'await' outside async function, 'break' outside loop...) as
// lang::Diagnostic. Constructs outside asim's subset are Diagnostic
// Unsupported.
#pragma once

#include "model/lang/ast.hpp"
#include "model/lang/code.hpp"
#include "model/runtime/module.hpp"

namespace asim::lang {

struct CompileOptions {
  runtime::Value unbound;   // the marker for required keyword-only parameters
  runtime::Value ellipsis;  // the `...` object, when the builtins have one
};

runtime::Ref<CodeObject> compile_module(const ast::Module& module, const CompileOptions& options);

}  // namespace asim::lang
