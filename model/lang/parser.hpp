// The parser: a scenario file's tokens to the syntax tree of ast.hpp, by
// recursive descent over CPython's grammar (Grammar/python.gram), one
// function per grammar rule, named after it.
#pragma once

#include <memory>

#include "model/lang/ast.hpp"
#include "model/lang/features.hpp"
#include "model/lang/source.hpp"
#include "model/lang/syntax_warning.hpp"

namespace asim::lang {

// Parses a whole file. Throws Diagnostic:
//  - SyntaxError / IndentationError worded and placed as CPython 3.12 reports
//    them, including the errors CPython's compiler raises after parsing
//    ('return' outside function, 'await' outside async function, 'break'
//    outside loop, ...);
//  - Unsupported for a construct CPython accepts but asim does not run
//    (match, yield, except*, ...), reported only when the file has no
//    SyntaxError, so that a file CPython rejects reads as CPython's error.
//  Older versions' messages and positions follow `syntax`; a construct newer
//  than that version is its SyntaxError.
//  The tokenizer's and parser's SyntaxWarnings go to `warn` as they are met.
ast::Module parse(std::shared_ptr<const Source> source, const SyntaxFeatures& syntax = {},
                  const SyntaxWarningSink& warn = {});

}  // namespace asim::lang
