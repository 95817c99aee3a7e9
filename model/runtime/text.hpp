// Python str is a sequence of code points; asim keeps it as UTF-8. These
// helpers index, measure and slice by code point, with a fast path for ASCII
// (what almost every scenario string is).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace asim::runtime::text {

bool is_ascii(std::string_view s);
std::u32string decode(std::string_view s);
std::string encode(std::u32string_view s);
void append(std::string& out, char32_t c);
// len(s)
std::int64_t length(std::string_view s);
// s[i] for 0 <= i < length(s)
std::string at(std::string_view s, std::int64_t i);
// s[start:stop] for 0 <= start <= stop <= length(s)
std::string slice(std::string_view s, std::int64_t start, std::int64_t stop);

}  // namespace asim::runtime::text
