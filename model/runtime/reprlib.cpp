#include "model/runtime/reprlib.hpp"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "model/runtime/iterator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text.hpp"
#include "model/runtime/type.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime {

namespace {

// Repr.__init__'s defaults, the same in every version 3.7-3.13.
constexpr int kMaxLevel = 6;
constexpr std::int64_t kMaxTuple = 6, kMaxList = 6, kMaxDict = 4, kMaxSet = 6, kMaxFrozenset = 6, kMaxDeque = 6;
constexpr std::int64_t kMaxString = 30, kMaxLong = 40, kMaxOther = 30;
constexpr std::string_view kFill = "...";

bool is_exception(const PyError& e) { return e.exc->isinstance(Runtime::current().builtins.Exception.get()); }

// The middle of a too-long text left out: s[:i] + '...' + s[len(s)-j:].
std::string shorten(const std::string& s, std::int64_t most) {
  const std::int64_t n = text::length(s);
  if (n <= most) return s;
  const std::int64_t i = std::max<std::int64_t>(0, (most - 3) / 2);
  const std::int64_t j = std::max<std::int64_t>(0, most - 3 - i);
  return text::slice(s, 0, i) + std::string(kFill) + text::slice(s, n - j, n);
}

std::string repr1(const Value& x, int level);

// _possibly_sorted: sorted(x), or x's own order when its items do not sort.
std::vector<Value> possibly_sorted(const Value& x) {
  auto items = make<List>(to_vector(x));
  const std::vector<Value> unsorted = items->items;
  try {
    call_method(Value(items), "sort");
  } catch (const PyError& e) {
    if (!is_exception(e)) throw;
    return unsorted;
  }
  return items->items;
}

std::string join(const std::vector<std::string>& pieces) {
  std::string out;
  for (const auto& p : pieces) out += (out.empty() ? "" : ", ") + p;
  return out;
}

// Repr._repr_iterable
std::string repr_iterable(std::int64_t n, const std::vector<Value>& items, int level, std::string_view left,
                          std::string_view right, std::int64_t most, std::string_view trail = "") {
  std::string s;
  std::string closing(right);
  if (level <= 0 && n) {
    s = kFill;
  } else {
    std::vector<std::string> pieces;
    for (std::size_t k = 0; k < items.size() && static_cast<std::int64_t>(k) < most; ++k)
      pieces.push_back(repr1(items[k], level - 1));
    if (n > most) pieces.emplace_back(kFill);
    s = join(pieces);
    if (n == 1 && !trail.empty()) closing = std::string(trail) + closing;
  }
  return std::string(left) + s + closing;
}

// Repr.repr_dict
std::string repr_dict(const Value& x, int level) {
  const std::int64_t n = len(x);
  if (n == 0) return "{}";
  if (level <= 0) return "{" + std::string(kFill) + "}";
  std::vector<std::string> pieces;
  const auto keys = possibly_sorted(x);
  for (std::size_t k = 0; k < keys.size() && static_cast<std::int64_t>(k) < kMaxDict; ++k)
    pieces.push_back(repr1(keys[k], level - 1) + ": " + repr1(getitem(x, keys[k]), level - 1));
  if (n > kMaxDict) pieces.emplace_back(kFill);
  return "{" + join(pieces) + "}";
}

// Repr.repr_str: the repr of the first and last characters around '...'.
std::string repr_str(const Value& x) {
  const std::string value = to_str(x);
  const std::int64_t n = text::length(value);
  std::string s = to_repr(Value::str(text::slice(value, 0, std::min(n, kMaxString))));
  if (text::length(s) <= kMaxString) return s;
  const std::int64_t i = std::max<std::int64_t>(0, (kMaxString - 3) / 2);
  const std::int64_t j = std::max<std::int64_t>(0, kMaxString - 3 - i);
  s = to_repr(Value::str(text::slice(value, 0, i) + text::slice(value, n - j, n)));
  const std::int64_t m = text::length(s);
  return text::slice(s, 0, i) + std::string(kFill) + text::slice(s, m - j, m);
}

// Repr.repr_instance: repr(x), its middle left out past 30 characters.
std::string repr_instance(const Value& x) {
  std::string s;
  try {
    s = to_repr(x);
  } catch (const PyError& e) {
    if (!is_exception(e)) throw;
    not_modelled("reprlib.repr of an object whose repr() raises",
                 "CPython prints it as '<CLASS instance at ADDRESS>', with a memory address");
  }
  return shorten(s, kMaxOther);
}

// Repr.repr1: dispatched on the type's name, as `repr_<name>`, so a
// subclass (another name) is shown by its own repr.
std::string repr1(const Value& x, int level) {
  const std::string& name = type_of(x)->name;
  const auto sequence = [&](std::string_view left, std::string_view right, std::int64_t most,
                            std::string_view trail = "") {
    return repr_iterable(len(x), to_vector(x), level, left, right, most, trail);
  };
  if (name == "tuple") return sequence("(", ")", kMaxTuple, ",");
  if (name == "list") return sequence("[", "]", kMaxList);
  if (name == "deque") return sequence("deque([", "])", kMaxDeque);
  if (name == "set") return len(x) ? repr_iterable(len(x), possibly_sorted(x), level, "{", "}", kMaxSet) : "set()";
  if (name == "frozenset")
    return len(x) ? repr_iterable(len(x), possibly_sorted(x), level, "frozenset({", "})", kMaxFrozenset)
                  : "frozenset()";
  if (name == "dict") return repr_dict(x, level);
  if (name == "str") return repr_str(x);
  if (name == "int") return shorten(to_repr(x), kMaxLong);
  if (name == "array")
    not_modelled("reprlib.repr of an array.array", "asim has no array module");
  return repr_instance(x);
}

}  // namespace

std::string reprlib_repr(const Value& x) { return repr1(x, kMaxLevel); }

}  // namespace asim::runtime
