// The Unicode data of str's methods (tools/unicode_text_tables.py writes
// unicode_text_tables.cpp from an installed CPython's unicodedata): the
// character classes and the full case mappings. unicode_text.hpp reads them.
#pragma once

#include <cstddef>
#include <cstdint>

namespace asim::runtime::unicode {

// Code points first..last (inclusive) all have exactly these flags
// (unicode_text.hpp's Flag bits). Sorted; code points in no range have none.
struct ClassRange {
  char32_t first, last;
  std::uint16_t flags;
};
// A code point's lower, upper, title and case-folded forms, each
// (offset into kCasePool << 2) | length, or 0 for the code point itself.
struct CaseMapping {
  char32_t code;
  std::uint32_t lower, upper, title, fold;
};

extern const ClassRange kClassRanges[];
extern const std::size_t kClassRangesSize;
// The digit zero of every run of decimal digits, sorted.
extern const char32_t kDecimalZeros[];
extern const std::size_t kDecimalZerosSize;
extern const char32_t kCasePool[];
extern const CaseMapping kCaseMappings[];
extern const std::size_t kCaseMappingsSize;

}  // namespace asim::runtime::unicode
