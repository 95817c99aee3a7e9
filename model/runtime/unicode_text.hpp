// What str's methods ask of the Unicode Character Database (CPython's
// Objects/unicodectype.c): a code point's classes, its decimal value and its
// full case mappings (SpecialCasing.txt included: 'ß'.upper() is 'SS').
#pragma once

#include <cstdint>
#include <string>

namespace asim::runtime::unicode {

enum Flag : std::uint16_t {
  kAlpha = 1 << 0,
  kDecimal = 1 << 1,
  kDigit = 1 << 2,
  kNumeric = 1 << 3,
  kUpper = 1 << 4,
  kLower = 1 << 5,
  kTitle = 1 << 6,
  kCased = 1 << 7,
  kCaseIgnorable = 1 << 8,
  kSpace = 1 << 9,
  kPrintable = 1 << 10,
  kIdStart = 1 << 11,
  kIdContinue = 1 << 12,
};

std::uint16_t flags(char32_t c);
inline bool has(char32_t c, Flag f) { return (flags(c) & f) != 0; }
// 0-9 for a decimal digit (of any script), else -1.
int decimal_value(char32_t c);

// The full mappings, appended to `out`.
void append_lower(char32_t c, std::u32string& out);
void append_upper(char32_t c, std::u32string& out);
void append_title(char32_t c, std::u32string& out);
void append_casefold(char32_t c, std::u32string& out);

}  // namespace asim::runtime::unicode
