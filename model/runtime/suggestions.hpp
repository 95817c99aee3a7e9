// "Did you mean" (CPython's Python/suggestions.c).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace asim::runtime {

// The candidate closest to `name` within the distance CPython accepts (a
// third of the characters), the first of equals; nullopt when none.
std::optional<std::string> calculate_suggestion(const std::vector<std::string>& candidates, std::string_view name);

}  // namespace asim::runtime
