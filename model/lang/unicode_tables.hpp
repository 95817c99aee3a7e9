// The Unicode data identifiers need (tools/unicode_tables.py writes
// unicode_tables.cpp from an installed CPython's unicodedata): which code
// points start and continue an identifier, which are not printable, and what
// NFKC needs. Every table is sorted by code point.
#pragma once

#include <cstddef>
#include <cstdint>

namespace asim::lang::unicode {

struct CodeRange {
  char32_t first, last;  // inclusive
};
// The full compatibility decomposition of `code`: `length` code points of
// kDecompositionChars from `offset`.
struct Decomposition {
  char32_t code;
  std::uint16_t offset;
  std::uint8_t length;
};
struct CombiningClass {
  char32_t code;
  std::uint8_t value;
};
// `first` followed by `second` composes canonically to `composite`.
struct Composition {
  char32_t first, second, composite;
};

extern const CodeRange kIdentifierStart[];
extern const std::size_t kIdentifierStartSize;
extern const CodeRange kIdentifierContinue[];
extern const std::size_t kIdentifierContinueSize;
extern const CodeRange kUnprintable[];
extern const std::size_t kUnprintableSize;
extern const char32_t kDecompositionChars[];
extern const Decomposition kDecompositions[];
extern const std::size_t kDecompositionsSize;
extern const CombiningClass kCombiningClasses[];
extern const std::size_t kCombiningClassesSize;
extern const Composition kCompositions[];
extern const std::size_t kCompositionsSize;

}  // namespace asim::lang::unicode
