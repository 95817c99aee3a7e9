// The int operations that reach past int64 (Objects/longobject.c), over
// BigInt; results are normalised back to immediates by from_big.
#include <fmt/format.h>

#include <cmath>

#include "model/runtime/errors.hpp"
#include "model/runtime/memory.hpp"
#include "model/runtime/numbers.hpp"

namespace asim::runtime {

std::string BigIntObject::repr() const { return (value.sign() < 0 ? "-" : "") + num::big_decimal_digits(value); }

}  // namespace asim::runtime

namespace asim::runtime::num {

namespace {

// asim's ceiling on an int's size: CPython's grow until memory runs out,
// but asim's multiplication is quadratic, so far beyond what programs print
// it would look like a hang.
constexpr std::uint64_t kMaxBits = std::uint64_t{1} << 24;

// An int of `bits` bits (nullopt: more than 2**64) past kMaxBits: past the
// memory budget or the address space it is CPython's MemoryError, as
// PyErr_NoMemory on a machine with that much memory; short of it, asim's
// own limit.
[[noreturn]] void too_large(std::optional<std::uint64_t> bits = std::nullopt) {
  if (!bits || *bits >= (std::uint64_t{1} << 62) || (memory_budget() && *bits / 8 > memory_budget()))
    raise(Runtime::current().builtins.MemoryError, "");
  throw_overflow_error(fmt::format("asim: integer too large (asim's ints stop at {} bits)", kMaxBits));
}

void check_size(std::uint64_t bits) {
  if (bits > kMaxBits) too_large(bits);
}

// A shift count or exponent as a uint64; nullopt when beyond int64 (only
// 0, 1 and -1 survive such a power, and no shift fits).
std::optional<std::uint64_t> small_count(const BigInt& n) {
  if (!n.fits_i64()) return std::nullopt;
  return static_cast<std::uint64_t>(n.to_i64());
}

const char* modulo_by_zero() {
  return Runtime::current().ints.modulo_by_zero_wording ? "integer modulo by zero"
                                                         : "integer division or modulo by zero";
}

Value big_pow(const BigInt& a, const BigInt& b) {
  if (b.sign() < 0) {
    // long_pow hands a negative exponent to float_pow.
    return *binary(BinOp::Pow, Value::floating(big_to_double(a)), Value::floating(big_to_double(b)));
  }
  if (a.sign() == 0) return Value::integer(b.sign() == 0 ? 1 : 0);
  if (a == BigInt(1)) return Value::integer(1);
  if (a == BigInt(-1)) {
    const BigInt q = b & BigInt(1);
    return Value::integer(q.sign() == 0 ? 1 : -1);
  }
  const auto e = small_count(b);
  if (!e) too_large();
  const std::uint64_t base_bits = a.bit_length() - 1;
  if (*e > kMaxBits || base_bits * *e > kMaxBits)
    too_large(base_bits && *e > (std::uint64_t{1} << 62) / base_bits ? std::nullopt
                                                                       : std::optional<std::uint64_t>(base_bits * *e));
  return from_big(a.pow(*e));
}

}  // namespace

BigInt to_big(const Value& v) {
  if (const BigInt* b = as_big(v)) return *b;
  return BigInt(as_i64(v));
}

Value from_big(BigInt v) {
  if (v.fits_i64()) return Value::integer(v.to_i64());
  return Value(make<BigIntObject>(std::move(v)));
}

double big_to_double(const BigInt& v) {
  if (auto d = v.to_double()) return *d;
  throw_overflow_error("int too large to convert to float");
}

int sign(const Value& v) {
  if (const BigInt* b = as_big(v)) return b->sign();
  const std::int64_t i = as_i64(v);
  return i < 0 ? -1 : i > 0 ? 1 : 0;
}

std::string digit_limit_message(std::int64_t limit, bool says_digits, std::int64_t digit_count) {
  const std::string shown = says_digits ? fmt::format("{} digits", limit) : std::to_string(limit);
  const std::string count = digit_count >= 0 ? fmt::format(": value has {} digits", digit_count) : "";
  return fmt::format(
      "Exceeds the limit ({}) for integer string conversion{}; use sys.set_int_max_str_digits() to increase the limit",
      shown, count);
}

[[noreturn]] void raise_digit_limit(std::int64_t digit_count, bool parsing) {
  const auto& ints = Runtime::current().ints;
  throw_value_error(digit_limit_message(ints.max_str_digits, ints.limit_message_says_digits, parsing ? digit_count : -1));
}

std::string big_decimal_digits(const BigInt& b) {
  // long_to_decimal_string: refused when over the limit, judged first by
  // the bit length (a lower bound of the digit count) so a huge value is
  // refused without converting it.
  const std::int64_t limit = Runtime::current().ints.max_str_digits;
  if (limit > 0 && static_cast<double>(b.bit_length() - 1) * 0.30102999566398120 > static_cast<double>(limit) + 1)
    raise_digit_limit(0, false);
  std::string s = (b.sign() < 0 ? -b : b).to_string(10);
  if (limit > 0 && static_cast<std::int64_t>(s.size()) > limit) raise_digit_limit(0, false);
  return s;
}

std::string int_digits(const Value& v, int base, bool upper) {
  if (is_int(v)) return digits(magnitude(as_i64(v)), base, upper);
  const BigInt& b = *as_big(v);
  if (base == 10) return big_decimal_digits(b);
  std::string s = b.to_string(base, upper);
  return b.sign() < 0 ? s.substr(1) : s;
}

std::string int_str(const Value& v) {
  if (is_int(v)) return std::to_string(as_i64(v));
  return (sign(v) < 0 ? "-" : "") + int_digits(v, 10);
}

std::optional<Value> big_binary(BinOp op, const BigInt& a, const BigInt& b) {
  switch (op) {
    case BinOp::Add: return from_big(a + b);
    case BinOp::Sub: return from_big(a - b);
    case BinOp::Mult:
      check_size(a.bit_length() + b.bit_length());
      return from_big(a * b);
    case BinOp::Div: {
      if (b.sign() == 0) throw_zero_division("division by zero");
      if (auto d = BigInt::true_divide(a, b)) return Value::floating(*d);
      throw_overflow_error("integer division result too large for a float");
    }
    case BinOp::FloorDiv:
    case BinOp::Mod: {
      if (b.sign() == 0)
        throw_zero_division(op == BinOp::Mod ? modulo_by_zero() : "integer division or modulo by zero");
      BigInt q, r;
      BigInt::divmod(a, b, q, r);
      return from_big(op == BinOp::Mod ? std::move(r) : std::move(q));
    }
    case BinOp::Pow: return big_pow(a, b);
    case BinOp::LShift: {
      if (b.sign() < 0) throw_value_error("negative shift count");
      if (a.sign() == 0) return Value::integer(0);
      const auto n = small_count(b);
      if (!n) too_large();
      check_size(a.bit_length() + *n);
      return from_big(a.shifted_left(*n));
    }
    case BinOp::RShift: {
      if (b.sign() < 0) throw_value_error("negative shift count");
      const auto n = small_count(b);
      if (!n) return Value::integer(a.sign() < 0 ? -1 : 0);
      return from_big(a.shifted_right(*n));
    }
    case BinOp::BitAnd: return from_big(a & b);
    case BinOp::BitOr: return from_big(a | b);
    case BinOp::BitXor: return from_big(a ^ b);
    case BinOp::MatMult: return std::nullopt;
  }
  return std::nullopt;
}

// long_pow with a modulus: 3.7 refuses a negative exponent before it looks
// at the modulus; 3.8+ take its modular inverse after.
Value pow_mod(const Value& a, const Value& b, const Value& m) {
  BigInt base = to_big(a), exponent = to_big(b);
  if (exponent.sign() < 0 && !Runtime::current().ints.pow_modular_inverse)
    throw_value_error("pow() 2nd argument cannot be negative when 3rd argument specified");
  BigInt modulus = to_big(m);
  if (modulus.sign() == 0) throw_value_error("pow() 3rd argument cannot be 0");
  const bool negative_modulus = modulus.sign() < 0;
  if (negative_modulus) modulus = -modulus;
  if (exponent.sign() < 0) {
    auto inverse = BigInt::inverse_mod(base, modulus);
    if (!inverse) throw_value_error("base is not invertible for the given modulus");
    base = std::move(*inverse);
    exponent = -exponent;
  }
  BigInt r = BigInt::pow_mod(base, exponent, modulus);
  // The result takes the modulus's sign, as % does.
  if (negative_modulus && r.sign() != 0) r = r - modulus;
  return from_big(std::move(r));
}

std::int64_t hash_integer(const Value& v) {
  if (const BigInt* b = as_big(v)) return b->hash();
  return hash_int(as_i64(v));
}

}  // namespace asim::runtime::num
