// The compiler (CPython's Python/compile.c): turns the syntax tree into code
// objects, one per module, function, lambda, class body and comprehension,
// and raises the SyntaxErrors CPython's compiler raises ('return' outside
// function, 'await' outside async function, 'break' outside loop...) as
// lang::Diagnostic. Constructs outside asim's subset are Diagnostic
// Unsupported.
#pragma once

#include "model/lang/ast.hpp"
#include "model/lang/code.hpp"
#include "model/lang/features.hpp"
#include "model/lang/syntax_warning.hpp"
#include "model/runtime/module.hpp"

namespace asim::lang {

struct CompileOptions {
  runtime::Value unbound;   // the marker for required keyword-only parameters
  runtime::Value ellipsis;  // the `...` object, when the builtins have one
  // Where compiler_warn's SyntaxWarnings go, and which the version gives;
  // none for a library module (CPython compiled it when it was installed).
  SyntaxWarningSink warn;
  CompilerWarnings warnings;
};

runtime::Ref<CodeObject> compile_module(const ast::Module& module, const CompileOptions& options);

}  // namespace asim::lang
