// "Did you mean" (CPython's Python/suggestions.c): the closest name by a
// Levenshtein distance where a case change costs 1 and any other edit 2.
// Tracebacks' hints (model/lang) and the keyword errors of calls (3.13) ask.
#include "model/runtime/suggestions.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace asim::runtime {

namespace {

constexpr std::size_t kMaxCandidateItems = 750;
constexpr std::size_t kMaxStringSize = 40;
constexpr std::size_t kMoveCost = 2;
constexpr std::size_t kCaseCost = 1;

std::size_t substitution_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  return a == b ? kCaseCost : kMoveCost;
}

// levenshtein_distance, as suggestions.c computes it (one row, early exit).
std::size_t levenshtein_distance(std::string_view a, std::string_view b, std::size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  std::array<std::size_t, kMaxStringSize> buffer{};
  std::size_t tmp = kMoveCost;
  for (std::size_t i = 0; i < a.size(); ++i) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  std::size_t result = 0;
  for (std::size_t bi = 0; bi < b.size(); ++bi) {
    const char code = b[bi];
    std::size_t distance = result = bi * kMoveCost;
    std::size_t minimum = SIZE_MAX;
    for (std::size_t i = 0; i < a.size(); ++i) {
      const std::size_t substitute = distance + substitution_cost(code, a[i]);
      distance = buffer[i];
      const std::size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[i] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

}  // namespace

std::optional<std::string> calculate_suggestion(const std::vector<std::string>& candidates, std::string_view name) {
  if (candidates.size() >= kMaxCandidateItems) return std::nullopt;
  std::size_t best_distance = SIZE_MAX;
  const std::string* best = nullptr;
  for (const auto& item : candidates) {
    if (item == name) continue;
    std::size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    max_distance = std::min(max_distance, best_distance - 1);
    const std::size_t d = levenshtein_distance(name, item, max_distance);
    if (d > max_distance) continue;
    if (!best || d < best_distance) {
      best = &item;
      best_distance = d;
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

}  // namespace asim::runtime
