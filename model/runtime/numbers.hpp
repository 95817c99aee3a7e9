// Python's int, bool and float arithmetic (Objects/longobject.c,
// floatobject.c, boolobject.c). An int is a 64-bit immediate while it fits
// and a BigIntObject beyond; every result that fits is an immediate again,
// so one value has one representation (for `is`, hashing, dict keys).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/runtime/bigint.hpp"
#include "model/runtime/operators.hpp"
#include "model/runtime/value.hpp"

namespace asim::runtime {

// An int outside the int64 range (a PyLongObject of more digits).
class BigIntObject final : public Object {
 public:
  explicit BigIntObject(BigInt v) : value(std::move(v)) {}
  std::string_view type_name() const override { return "int"; }
  // Decimal, within the digit limit (long_to_decimal_string).
  std::string repr() const override;
  const BigInt value;
};

}  // namespace asim::runtime

namespace asim::runtime::num {

// An immediate int or bool (bool is a subclass of int).
inline bool is_int(const Value& v) { return v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Bool; }
// The value of an int beyond int64, else nullptr.
inline const BigInt* as_big(const Value& v) {
  if (v.kind() != Value::Kind::Obj) return nullptr;
  auto* b = v.as<BigIntObject>();
  return b ? &b->value : nullptr;
}
// Any int or bool, of either representation.
inline bool is_integer(const Value& v) { return is_int(v) || as_big(v); }
inline bool is_number(const Value& v) { return is_int(v) || v.kind() == Value::Kind::Float || as_big(v); }
// The value of an immediate int or bool.
inline std::int64_t as_i64(const Value& v) { return v.kind() == Value::Kind::Bool ? v.as_bool() : v.as_int(); }
// Any integer as a BigInt.
BigInt to_big(const Value& v);
// The int of that value: an immediate when it fits int64.
Value from_big(BigInt v);
// float(v) for an int beyond int64 (PyLong_AsDouble): OverflowError "int
// too large to convert to float" beyond the double range.
double big_to_double(const BigInt& v);
// float(v) for any number.
inline double as_f64(const Value& v) {
  if (v.kind() == Value::Kind::Float) return v.as_float();
  if (is_int(v)) return static_cast<double>(as_i64(v));
  return big_to_double(*as_big(v));
}
// -1, 0 or 1 for an integer.
int sign(const Value& v);
// The digits of |v| for an integer in base 2, 8, 10 or 16; decimal is held
// to sys.get_int_max_str_digits() (ValueError beyond).
std::string int_digits(const Value& v, int base, bool upper = false);
// The decimal digits of |b|, within the limit.
std::string big_decimal_digits(const BigInt& b);
// str(v) for an integer.
std::string int_str(const Value& v);
// The ValueError for a decimal conversion of `digit_count` digits over the
// limit; int('...') names the count (`parsing`), str() does not.
[[noreturn]] void raise_digit_limit(std::int64_t digit_count, bool parsing);
// Its message, for a limit worded with "digits" (3.11+) or without; a
// negative count is not named.
std::string digit_limit_message(std::int64_t limit, bool says_digits, std::int64_t digit_count);

// a op b for two numbers; nullopt when either is not a number.
std::optional<Value> binary(BinOp op, const Value& a, const Value& b);
// a op b for two ints of any size (long_add and friends).
std::optional<Value> big_binary(BinOp op, const BigInt& a, const BigInt& b);
// -v, +v, ~v for a number; nullopt when v is not one (or ~ of a float).
std::optional<Value> unary(UnaryOp op, const Value& v);
// Three-way comparison of two numbers, exact between int and float (as
// float_richcompare is): -1, 0, 1, or 2 when unordered (a NaN is involved).
int compare(const Value& a, const Value& b);

// divmod(a, b) for numbers: (a // b, a % b).
std::pair<Value, Value> divmod(const Value& a, const Value& b);
// pow(a, b, m) for ints (long_pow with a modulus).
Value pow_mod(const Value& a, const Value& b, const Value& m);

// hash() as CPython's _Py_HashDouble and long_hash (modulus 2**61 - 1).
std::int64_t hash_int(std::int64_t v);
std::int64_t hash_integer(const Value& v);
std::int64_t hash_double(double v);

// int(x) for a float: truncates, exactly; OverflowError for inf, ValueError for NaN.
Value float_to_int(double d);
// int(text, base) (PyLong_FromString); nullopt for an invalid literal.
std::optional<Value> parse_int(std::string_view text, int base);
// float(text) (PyFloat_FromString); nullopt when it is not a float literal.
std::optional<double> parse_float(std::string_view text);
// round(x) and round(x, ndigits) (float___round___impl, long_round).
Value round(const Value& x, const std::optional<std::int64_t>& ndigits);

// printf("%.*f" / "%.*e" / "%.*g", precision, x): correctly rounded, ties to
// even on the exact binary value, as CPython's _Py_dg_dtoa rounds.
std::string c_format(char conversion, std::int64_t precision, double x);
// The digits of |v| in base 2, 8, 10 or 16.
std::string digits(std::uint64_t magnitude, int base, bool upper = false);
// abs(v) as an unsigned magnitude (|INT64_MIN| fits).
inline std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? std::uint64_t{0} - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

}  // namespace asim::runtime::num
