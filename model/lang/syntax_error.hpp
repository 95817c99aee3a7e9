// How CPython prints a SyntaxError (IndentationError, TabError) raised while
// compiling the main script: no traceback, the exception's location, the
// source line and a caret line, each version in its own way.
#pragma once

#include <string>

#include "model/lang/features.hpp"
#include "model/lang/source.hpp"

namespace asim::lang {

// The whole stderr CPython prints for `d` (not an Unsupported diagnostic).
std::string format_syntax_error(const Diagnostic& d, const SyntaxFeatures& syntax);

}  // namespace asim::lang
