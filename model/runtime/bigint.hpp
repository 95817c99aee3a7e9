// An arbitrary-precision integer with Python's semantics (Objects/longobject.c):
// floor division, two's-complement bit operations on negatives, hashing modulo
// 2**61 - 1, exact comparison with doubles and correctly rounded conversion
// to them. Boost.Multiprecision's cpp_int does the arithmetic; it stays inside
// bigint.cpp so only that file pays for its headers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace asim::runtime {

class BigInt {
 public:
  BigInt();
  BigInt(std::int64_t v);  // NOLINT: an int64 is a BigInt
  BigInt(const BigInt& o);
  BigInt(BigInt&& o) noexcept;
  BigInt& operator=(const BigInt& o);
  BigInt& operator=(BigInt&& o) noexcept;
  ~BigInt();

  // The integer part of a finite double, exactly.
  static BigInt from_double(double d);
  // Digits (no sign, prefix or underscores) in `base` 2..36; nullopt when
  // empty or a digit is not one of the base's.
  static std::optional<BigInt> from_digits(std::string_view digits, int base);

  bool fits_i64() const;
  // Only when fits_i64().
  std::int64_t to_i64() const;
  // Correctly rounded (half to even), as PyLong_AsDouble; nullopt when the
  // result would overflow a double.
  std::optional<double> to_double() const;
  int sign() const;  // -1, 0 or 1
  std::uint64_t bit_length() const;  // of |v|
  std::uint64_t bit_count() const;   // of |v|
  // '-' and the digits of |v| in base 2, 8, 10 or 16, without a prefix.
  std::string to_string(int base = 10, bool upper = false) const;

  BigInt operator-() const;
  BigInt operator~() const;
  friend BigInt operator+(const BigInt& a, const BigInt& b);
  friend BigInt operator-(const BigInt& a, const BigInt& b);
  friend BigInt operator*(const BigInt& a, const BigInt& b);
  friend BigInt operator&(const BigInt& a, const BigInt& b);
  friend BigInt operator|(const BigInt& a, const BigInt& b);
  friend BigInt operator^(const BigInt& a, const BigInt& b);
  BigInt shifted_left(std::uint64_t n) const;
  // Rounds toward minus infinity, as Python's >>.
  BigInt shifted_right(std::uint64_t n) const;
  // Python's // and %: the quotient rounds toward minus infinity and the
  // remainder takes the divisor's sign. The divisor must not be zero.
  static void divmod(const BigInt& a, const BigInt& b, BigInt& quotient, BigInt& remainder);
  BigInt pow(std::uint64_t exponent) const;
  // base ** exponent % modulus for exponent >= 0 and modulus > 0: in [0, modulus).
  static BigInt pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus);
  // The inverse of a modulo modulus > 0, in [0, modulus); nullopt when none.
  static std::optional<BigInt> inverse_mod(const BigInt& a, const BigInt& modulus);
  // a / b correctly rounded (b != 0), as long_true_divide; nullopt when the
  // quotient overflows a double.
  static std::optional<double> true_divide(const BigInt& a, const BigInt& b);

  // -1, 0, 1.
  int compare(const BigInt& o) const;
  // Exactly, as float_richcompare does: -1, 0, 1, or 2 for a NaN.
  int compare(double d) const;
  friend bool operator==(const BigInt& a, const BigInt& b) { return a.compare(b) == 0; }

  // long_hash: the value modulo 2**61 - 1 with its sign, -1 becoming -2.
  std::int64_t hash() const;

 private:
  struct Rep;
  explicit BigInt(Rep&& r);
  Rep& rep();
  const Rep& rep() const;
  alignas(16) unsigned char storage_[32];
};

}  // namespace asim::runtime
