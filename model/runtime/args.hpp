// Argument checking for builtin functions and methods, with the messages
// CPython's argument parsing (Python/getargs.c, Argument Clinic) gives.
#pragma once

#include <initializer_list>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "model/runtime/callable.hpp"

namespace asim::runtime::args {

// "f() takes no keyword arguments"
void no_kwargs(std::string_view fname, std::span<const Keyword> kwargs);
// "f() takes exactly one argument (2 given)" / "f() takes no arguments (1 given)"
void exactly(std::string_view fname, std::span<const Value> args, std::size_t n);
// "f expected at least 1 argument, got 0" / "f expected at most 2 arguments, got 3"
void count(std::string_view fname, std::span<const Value> args, std::size_t min, std::size_t max);

// A str argument, else the TypeError Argument Clinic's _PyArg_BadArgument
// gives: "f() argument 'name' must be str, not int" when `named` (the
// keyword parser of 3.8+), "f() argument 2 must be str, not int" otherwise.
const std::string& str_argument(const Value& v, std::string_view fname, std::size_t position, std::string_view name,
                                bool named);

// A keyword argument none of `params` (the names keywords may give) is:
// Argument Clinic's error (3.13 names the closest parameter) or, when not
// `clinic`, getargs.c's "'x' is an invalid keyword argument for f()".
[[noreturn]] void unexpected_keyword(std::string_view fname, std::string_view name,
                                     std::span<const std::string_view> params, bool clinic = true);

// Binds positional and keyword arguments to the parameters `names`: the
// first `positional` of them may be given by position, the first `required`
// must be given. One slot per name, empty when not given.
std::vector<std::optional<Value>> bind(std::string_view fname, std::span<const Value> args,
                                       std::span<const Keyword> kwargs, std::initializer_list<std::string_view> names,
                                       std::size_t positional, std::size_t required, bool clinic = true);

}  // namespace asim::runtime::args
