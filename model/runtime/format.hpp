// Text formatting: the format-spec mini-language (Python/formatter_unicode.c)
// that format() and f-strings use, str.format (Objects/stringlib/
// unicode_format.h) and printf-style `%` (PyUnicode_Format).
// format(v, spec) itself is declared in ops.hpp.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "model/runtime/callable.hpp"

namespace asim::runtime {

// [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
struct FormatSpec {
  char32_t fill = ' ';
  char align = '\0';  // '<', '>', '^', '=' or none
  char sign = '\0';   // '+', '-', ' ' or none
  bool no_neg_zero = false;  // 'z'
  bool alternate = false;    // '#'
  std::int64_t width = -1;
  char grouping = '\0';  // ',' or '_'
  std::int64_t precision = -1;
  char type = '\0';
  bool fill_given = false;
};

// Parses a spec for an object of type `type_name` (named in the errors).
FormatSpec parse_format_spec(std::string_view spec, std::string_view type_name, char default_align);

// `type_name`: the class the errors name (bool for True).
std::string format_int(const Value& v, std::string_view spec, std::string_view type_name = "int");
std::string format_float(double v, std::string_view spec);
std::string format_text(const std::string& s, std::string_view spec);

// fmt.format(*args, **kwargs)
std::string format_fields(std::string_view fmt, std::span<const Value> args, std::span<const Keyword> kwargs);
// fmt.format_map(mapping): each field's name looked up in the mapping when
// the field is met.
std::string format_map_fields(std::string_view fmt, const Value& mapping);
// fmt % args
std::string percent_format(const std::string& fmt, const Value& args);

}  // namespace asim::runtime
