// "Did you mean" hints of a traceback's last line (CPython 3.12's
// Python/suggestions.c): the closest name by a Levenshtein distance where a
// case change costs 1 and any other edit 2.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asim::lang {

// The candidate closest to `name` within the distance CPython accepts (a
// third of the characters), the first of equals; nullopt when none.
std::optional<std::string> calculate_suggestion(const std::vector<std::string>& candidates, std::string_view name);

// Whether `name` is a module of CPython's standard library (sys.stdlib_module_names,
// the ones a scenario might forget to import).
bool is_stdlib_module(std::string_view name);

}  // namespace asim::lang
