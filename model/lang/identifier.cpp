#include "model/lang/identifier.hpp"

#include "model/lang/unicode_tables.hpp"
#include "model/runtime/text.hpp"

#include <algorithm>

namespace asim::lang {

namespace {

using namespace unicode;

bool in_ranges(const CodeRange* table, std::size_t size, char32_t c) {
  const auto* end = table + size;
  const auto* it = std::upper_bound(table, end, c, [](char32_t v, const CodeRange& r) { return v < r.first; });
  return it != table && c <= (it - 1)->last;
}

// Hangul syllables decompose and compose arithmetically (Unicode 3.12).
constexpr char32_t kSBase = 0xAC00, kLBase = 0x1100, kVBase = 0x1161, kTBase = 0x11A7;
constexpr char32_t kLCount = 19, kVCount = 21, kTCount = 28, kNCount = kVCount * kTCount;
constexpr char32_t kSCount = kLCount * kNCount;

void decompose(char32_t c, std::u32string& out) {
  if (c >= kSBase && c < kSBase + kSCount) {
    const char32_t s = c - kSBase;
    out += kLBase + s / kNCount;
    out += kVBase + (s % kNCount) / kTCount;
    if (s % kTCount != 0) out += kTBase + s % kTCount;
    return;
  }
  const auto* end = kDecompositions + kDecompositionsSize;
  const auto* it =
      std::lower_bound(kDecompositions, end, c, [](const Decomposition& d, char32_t v) { return d.code < v; });
  if (it == end || it->code != c) {
    out += c;
    return;
  }
  out.append(kDecompositionChars + it->offset, it->length);
}

int combining_class(char32_t c) {
  const auto* end = kCombiningClasses + kCombiningClassesSize;
  const auto* it =
      std::lower_bound(kCombiningClasses, end, c, [](const CombiningClass& e, char32_t v) { return e.code < v; });
  return it != end && it->code == c ? it->value : 0;
}

// The primary composite of the pair, or 0.
char32_t compose(char32_t first, char32_t second) {
  if (first >= kLBase && first < kLBase + kLCount && second >= kVBase && second < kVBase + kVCount)
    return kSBase + ((first - kLBase) * kVCount + (second - kVBase)) * kTCount;
  if (first >= kSBase && first < kSBase + kSCount && (first - kSBase) % kTCount == 0 && second > kTBase &&
      second < kTBase + kTCount)
    return first + (second - kTBase);
  const auto* end = kCompositions + kCompositionsSize;
  const auto* it = std::lower_bound(kCompositions, end, std::pair{first, second}, [](const Composition& e, auto v) {
    return std::pair{e.first, e.second} < v;
  });
  return it != end && it->first == first && it->second == second ? it->composite : 0;
}

}  // namespace

std::size_t invalid_identifier_char(std::u32string_view name) {
  for (std::size_t i = 0; i < name.size(); ++i) {
    const bool ok = i == 0 ? in_ranges(kIdentifierStart, kIdentifierStartSize, name[i])
                           : in_ranges(kIdentifierContinue, kIdentifierContinueSize, name[i]);
    if (!ok) return i;
  }
  return name.size();
}

bool is_printable(char32_t c) { return !in_ranges(kUnprintable, kUnprintableSize, c); }

// UAX #15: full compatibility decomposition, canonical ordering, then
// canonical composition.
std::string nfkc_identifier(std::string_view name) {
  if (runtime::text::is_ascii(name)) return std::string(name);
  std::u32string s;
  for (char32_t c : runtime::text::decode(name)) decompose(c, s);
  // Canonical ordering: a stable sort of each run of non-starters.
  for (std::size_t i = 0; i < s.size();) {
    if (combining_class(s[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < s.size() && combining_class(s[j]) != 0) ++j;
    std::stable_sort(s.begin() + static_cast<std::ptrdiff_t>(i), s.begin() + static_cast<std::ptrdiff_t>(j),
                     [](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = j;
  }
  // Canonical composition: each character joins the last starter unless a
  // character between them blocks it (same or higher class, or a starter).
  std::u32string out;
  std::size_t starter = std::u32string::npos;
  int last_class = -1;
  for (char32_t c : s) {
    const int cls = combining_class(c);
    if (starter != std::u32string::npos && (last_class < cls || (last_class == 0 && out.size() == starter + 1))) {
      if (const char32_t composite = compose(out[starter], c)) {
        out[starter] = composite;
        continue;
      }
    }
    if (cls == 0) {
      starter = out.size();
      last_class = 0;
    } else {
      last_class = cls;
    }
    out += c;
  }
  return runtime::text::encode(out);
}

}  // namespace asim::lang
