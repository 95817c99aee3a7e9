// Where 3.7-3.9's compiler stands (compile.c's u_lineno and u_col_offset)
// when it raises an error that has no node of its own: compiler_error
// reports it there. They move as the compiler visits statements and
// expressions, differently per version (SyntaxFeatures::DefaultExceptAt).
#pragma once

#include <cstddef>

#include "model/lang/ast.hpp"
#include "model/lang/features.hpp"

namespace asim::lang {

// compiler_try_except checks that a bare `except:` is the last handler
// before it moves to that handler: where it stands after the try's body
// and the handlers before `handler`.
Loc location_before_handler(const ast::Try& t, std::size_t handler, SyntaxFeatures::DefaultExceptAt mode);

// 3.7 calls a def's or class's decorators at the line its compiler reached
// visiting them and the defaults and annotations (a class's bases).
int decorator_calls_line_37(const ast::Stmt& definition);

}  // namespace asim::lang
