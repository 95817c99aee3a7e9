#include "model/runtime/unicode_text.hpp"

#include <algorithm>

#include "model/runtime/unicode_text_tables.hpp"

namespace asim::runtime::unicode {

namespace {

const CaseMapping* case_mapping(char32_t c) {
  const CaseMapping* end = kCaseMappings + kCaseMappingsSize;
  const CaseMapping* m = std::lower_bound(kCaseMappings, end, c, [](const CaseMapping& e, char32_t x) { return e.code < x; });
  return m != end && m->code == c ? m : nullptr;
}

void append_mapped(char32_t c, std::uint32_t packed, std::u32string& out) {
  if (packed == 0) {
    out += c;
    return;
  }
  out.append(kCasePool + (packed >> 2), packed & 3);
}

}  // namespace

std::uint16_t flags(char32_t c) {
  const ClassRange* end = kClassRanges + kClassRangesSize;
  const ClassRange* r = std::upper_bound(kClassRanges, end, c, [](char32_t x, const ClassRange& e) { return x < e.first; });
  if (r == kClassRanges) return 0;
  --r;
  return c <= r->last ? r->flags : 0;
}

int decimal_value(char32_t c) {
  if (!has(c, kDecimal)) return -1;
  const char32_t* zero = std::upper_bound(kDecimalZeros, kDecimalZeros + kDecimalZerosSize, c) - 1;
  return static_cast<int>(c - *zero);
}

void append_lower(char32_t c, std::u32string& out) {
  const CaseMapping* m = case_mapping(c);
  append_mapped(c, m ? m->lower : 0, out);
}
void append_upper(char32_t c, std::u32string& out) {
  const CaseMapping* m = case_mapping(c);
  append_mapped(c, m ? m->upper : 0, out);
}
void append_title(char32_t c, std::u32string& out) {
  const CaseMapping* m = case_mapping(c);
  append_mapped(c, m ? m->title : 0, out);
}
void append_casefold(char32_t c, std::u32string& out) {
  const CaseMapping* m = case_mapping(c);
  append_mapped(c, m ? m->fold : 0, out);
}

}  // namespace asim::runtime::unicode
