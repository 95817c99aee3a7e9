// What differs between Python versions in int's behaviour, and the digit
// limit sys.set_int_max_str_digits changes (PyInterpreterState's
// long_state). Whoever runs a program fills it from the version profile
// table (model/asyncio/version_profile); the defaults are 3.12's.
#pragma once

#include <cstdint>

namespace asim::runtime {

// How chr() converts its argument to a C int: 3.7's "i" format ("signed
// integer is greater than maximum", a C long first), 3.8-3.12's
// _PyLong_AsInt, 3.13's any int (all out of range is a ValueError).
enum class ChrArgument : std::uint8_t { SignedIntFormat, CInt, AnyInt };

struct IntProfile {
  // int <-> decimal str conversions refuse more digits than this (0: no limit).
  std::int64_t max_str_digits = 4300;
  // 3.11+: "Exceeds the limit (4300 digits) ..."; before, "(4300)".
  bool limit_message_says_digits = true;
  // 3.8+: pow(b, -e, m) raises b's inverse modulo m to e; 3.7 refuses it.
  bool pow_modular_inverse = true;
  // 3.11+: x % 0 says "integer modulo by zero"; before, "integer division
  // or modulo by zero" as // does.
  bool modulo_by_zero_wording = true;
  ChrArgument chr_argument = ChrArgument::CInt;
};

// sys.int_info.default_max_str_digits and str_digits_check_threshold.
inline constexpr std::int64_t kDefaultMaxStrDigits = 4300;
inline constexpr std::int64_t kStrDigitsCheckThreshold = 640;

}  // namespace asim::runtime
