// Non-ASCII identifiers as CPython reads them (PEP 3131): which code points
// an identifier may hold, and the NFKC form the parser gives the name.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace asim::lang {

// The index (in code points) of the first code point of `name` that cannot
// be part of an identifier there, or name.size() when all can
// (_PyUnicode_ScanIdentifier).
std::size_t invalid_identifier_char(std::u32string_view name);
// str.isprintable() of one code point (Py_UNICODE_ISPRINTABLE).
bool is_printable(char32_t c);
// unicodedata.normalize('NFKC', name) for UTF-8 text; an ASCII name is
// returned as it is (_PyPegen_new_identifier).
std::string nfkc_identifier(std::string_view name);

}  // namespace asim::lang
