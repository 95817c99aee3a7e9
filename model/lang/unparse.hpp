// An expression back to source text, as CPython's ast_unparse.c writes it:
// what `from __future__ import annotations` keeps of an annotation.
#pragma once

#include <optional>
#include <string>

#include "model/lang/ast.hpp"

namespace asim::lang {

// nullopt for a kind of expression annotations do not use (lambda, await…).
std::optional<std::string> unparse(const ast::Expr& e);

}  // namespace asim::lang
