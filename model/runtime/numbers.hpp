// Python's int, bool and float arithmetic (Objects/longobject.c,
// floatobject.c, boolobject.c) over asim's immediates. Ints are 64-bit:
// where CPython's would grow past that, asim raises OverflowError
// "asim: integer too large (asim has 64-bit ints)" instead of wrapping.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "model/runtime/operators.hpp"
#include "model/runtime/value.hpp"

namespace asim::runtime::num {

// int or bool (bool is a subclass of int)
inline bool is_int(const Value& v) { return v.kind() == Value::Kind::Int || v.kind() == Value::Kind::Bool; }
inline bool is_number(const Value& v) { return is_int(v) || v.kind() == Value::Kind::Float; }
inline std::int64_t as_i64(const Value& v) { return v.kind() == Value::Kind::Bool ? v.as_bool() : v.as_int(); }
inline double as_f64(const Value& v) {
  return v.kind() == Value::Kind::Float ? v.as_float() : static_cast<double>(as_i64(v));
}

// a op b for two numbers; nullopt when either is not a number.
std::optional<Value> binary(BinOp op, const Value& a, const Value& b);
// -v, +v, ~v for a number; nullopt when v is not one (or ~ of a float).
std::optional<Value> unary(UnaryOp op, const Value& v);
// Three-way comparison of two numbers, exact between int and float (as
// float_richcompare is): -1, 0, 1, or 2 when unordered (a NaN is involved).
int compare(const Value& a, const Value& b);

// divmod(a, b) for numbers: (a // b, a % b).
std::pair<Value, Value> divmod(const Value& a, const Value& b);
// pow(a, b, m) for ints.
std::int64_t pow_mod(std::int64_t a, std::int64_t b, std::int64_t m);

// hash() as CPython's _Py_HashDouble and long_hash (modulus 2**61 - 1).
std::int64_t hash_int(std::int64_t v);
std::int64_t hash_double(double v);

// int(x) for a float: truncates; OverflowError for inf, ValueError for NaN.
std::int64_t float_to_int(double d);
// int(text, base) (PyLong_FromString); nullopt for an invalid literal.
std::optional<std::int64_t> parse_int(std::string_view text, int base);
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
