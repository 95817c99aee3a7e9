// The match statement's patterns at run time (PEP 634; Python/ceval.c's
// MATCH_CLASS, MATCH_MAPPING, MATCH_SEQUENCE, MATCH_KEYS and the compiled
// checks of Python/compile.c's compiler_pattern).
#pragma once

#include <span>

#include "model/lang/code.hpp"

namespace asim::lang {

// Matches `subject` against `pattern`, whose operands (values, classes,
// mapping keys, in the pattern's pre-order) are given. A tuple of the values
// the pattern binds, slot by slot, or None when it does not match.
// `class_wording`: 3.12+ say "called match pattern must be a class", before
// "... a type".
runtime::Value match_pattern(const Pattern& pattern, const runtime::Value& subject,
                             std::span<const runtime::Value> operands, bool class_wording);

}  // namespace asim::lang
