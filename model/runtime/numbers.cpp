#include "model/runtime/numbers.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "model/runtime/errors.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime::num {

namespace {

using Kind = Value::Kind;

const char* modulo_by_zero() {
  return Runtime::current().ints.modulo_by_zero_wording ? "integer modulo by zero"
                                                         : "integer division or modulo by zero";
}

// l_divmod: the quotient rounds toward minus infinity and the remainder
// takes the divisor's sign. INT64_MIN // -1 is left to the caller.
std::int64_t floordiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t mod(std::int64_t a, std::int64_t b) {
  if (b == -1) return 0;
  std::int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

double float_pow(double a, double b) {
  // float_pow's special cases, then C pow with errno checks.
  if (b == 0) return 1.0;
  if (std::isnan(a)) return a;
  if (std::isnan(b)) return a == 1.0 ? 1.0 : b;
  if (a == 0 && b < 0 && std::isfinite(b)) throw_zero_division("0.0 cannot be raised to a negative power");
  if (a < 0 && std::isfinite(a) && std::isfinite(b) && b != std::floor(b))
    not_modelled("complex numbers", "a negative number to a fractional power is complex");
  errno = 0;
  const double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
    throw_overflow_error("(34, 'Numerical result out of range')");
  return r;
}

// float_divmod
std::pair<double, double> float_divmod(double vx, double wx, const char* zero_message) {
  if (wx == 0.0) throw_zero_division(zero_message);
  double m = std::fmod(vx, wx);
  double div = (vx - m) / wx;
  if (m != 0.0) {
    if ((wx < 0) != (m < 0)) {
      m += wx;
      div -= 1.0;
    }
  } else {
    m = std::copysign(0.0, wx);
  }
  double floordiv;
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
  return {floordiv, m};
}

std::optional<Value> float_binary(BinOp op, double a, double b) {
  switch (op) {
    case BinOp::Add: return Value::floating(a + b);
    case BinOp::Sub: return Value::floating(a - b);
    case BinOp::Mult: return Value::floating(a * b);
    case BinOp::Div:
      if (b == 0.0) throw_zero_division("float division by zero");
      return Value::floating(a / b);
    case BinOp::FloorDiv: {
      const auto& f = Runtime::current().features;
      return Value::floating(
          float_divmod(a, b, f.float_floordiv_own_wording ? "float floor division by zero" : "float divmod()").first);
    }
    case BinOp::Mod: {
      // float_rem
      if (b == 0.0)
        throw_zero_division(Runtime::current().features.float_modulo_by_zero_wording ? "float modulo by zero"
                                                                                      : "float modulo");
      double m = std::fmod(a, b);
      if (m != 0.0) {
        if ((b < 0) != (m < 0)) m += b;
      } else {
        m = std::copysign(0.0, b);
      }
      return Value::floating(m);
    }
    case BinOp::Pow: return Value::floating(float_pow(a, b));
    default: return std::nullopt;
  }
}

// long_add and friends on immediates; whatever leaves int64 goes to big_binary.
std::optional<Value> int_binary(BinOp op, std::int64_t a, std::int64_t b, bool both_bool) {
  std::int64_t r;
  switch (op) {
    case BinOp::Add:
      if (__builtin_add_overflow(a, b, &r)) break;
      return Value::integer(r);
    case BinOp::Sub:
      if (__builtin_sub_overflow(a, b, &r)) break;
      return Value::integer(r);
    case BinOp::Mult:
      if (__builtin_mul_overflow(a, b, &r)) break;
      return Value::integer(r);
    case BinOp::Div: {
      if (b == 0) throw_zero_division("division by zero");
      // Doubles hold both exactly up to 2**53; IEEE division then rounds
      // the quotient correctly, as long_true_divide does.
      constexpr std::int64_t kExact = std::int64_t{1} << 53;
      if (a >= -kExact && a <= kExact && b >= -kExact && b <= kExact)
        return Value::floating(static_cast<double>(a) / static_cast<double>(b));
      break;
    }
    case BinOp::FloorDiv:
      if (b == 0) throw_zero_division("integer division or modulo by zero");
      if (b == -1 && a == std::numeric_limits<std::int64_t>::min()) break;
      return Value::integer(floordiv(a, b));
    case BinOp::Mod:
      if (b == 0) throw_zero_division(modulo_by_zero());
      return Value::integer(mod(a, b));
    case BinOp::Pow: {
      if (b < 0) {
        if (a == 0) throw_zero_division("0.0 cannot be raised to a negative power");
        return Value::floating(float_pow(static_cast<double>(a), static_cast<double>(b)));
      }
      std::int64_t result = 1, base = a, e = b;
      bool overflow = false;
      while (e > 0 && !overflow) {
        if (e & 1) overflow = __builtin_mul_overflow(result, base, &result);
        e >>= 1;
        if (e > 0 && !overflow) overflow = __builtin_mul_overflow(base, base, &base);
      }
      if (overflow) break;
      return Value::integer(result);
    }
    case BinOp::LShift:
      if (b < 0) throw_value_error("negative shift count");
      if (a == 0) return Value::integer(0);
      if (b >= 63 || (a > 0 ? a > (std::numeric_limits<std::int64_t>::max() >> b)
                            : a < (std::numeric_limits<std::int64_t>::min() >> b)))
        break;
      return Value::integer(static_cast<std::int64_t>(static_cast<std::uint64_t>(a) << b));
    case BinOp::RShift:
      if (b < 0) throw_value_error("negative shift count");
      return Value::integer(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    // bool & bool stays a bool (bool_and and friends).
    case BinOp::BitAnd: return both_bool ? Value::boolean(a & b) : Value::integer(a & b);
    case BinOp::BitOr: return both_bool ? Value::boolean(a | b) : Value::integer(a | b);
    case BinOp::BitXor: return both_bool ? Value::boolean(a ^ b) : Value::integer(a ^ b);
    case BinOp::MatMult: return std::nullopt;
  }
  return big_binary(op, BigInt(a), BigInt(b));
}

}  // namespace

std::optional<Value> binary(BinOp op, const Value& a, const Value& b) {
  if (!is_number(a) || !is_number(b)) return std::nullopt;
  if (is_int(a) && is_int(b))
    return int_binary(op, as_i64(a), as_i64(b), a.kind() == Kind::Bool && b.kind() == Kind::Bool);
  if (a.kind() != Kind::Float && b.kind() != Kind::Float) return big_binary(op, to_big(a), to_big(b));
  return float_binary(op, as_f64(a), as_f64(b));
}

std::optional<Value> unary(UnaryOp op, const Value& v) {
  if (!is_number(v)) return std::nullopt;
  if (v.kind() == Kind::Float) {
    switch (op) {
      case UnaryOp::USub: return Value::floating(-v.as_float());
      case UnaryOp::UAdd: return v;
      default: return std::nullopt;
    }
  }
  if (const BigInt* big = as_big(v)) {
    switch (op) {
      case UnaryOp::USub: return from_big(-*big);
      case UnaryOp::UAdd: return v;
      case UnaryOp::Invert: return from_big(~*big);
      default: return std::nullopt;
    }
  }
  const std::int64_t i = as_i64(v);
  switch (op) {
    case UnaryOp::USub:
      if (i == std::numeric_limits<std::int64_t>::min()) return from_big(-BigInt(i));
      return Value::integer(-i);
    case UnaryOp::UAdd: return Value::integer(i);
    case UnaryOp::Invert: return Value::integer(~i);
    default: return std::nullopt;
  }
}

int compare(const Value& a, const Value& b) {
  if (is_int(a) && is_int(b)) {
    const auto x = as_i64(a), y = as_i64(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (as_big(a) || as_big(b)) {
    if (a.kind() == Kind::Float) {
      const int c = to_big(b).compare(a.as_float());
      return c == 2 ? 2 : -c;
    }
    if (b.kind() == Kind::Float) return to_big(a).compare(b.as_float());
    return to_big(a).compare(to_big(b));
  }
  // Exact: a long double holds every int64 and every double.
  const long double x = a.kind() == Kind::Float ? a.as_float() : static_cast<long double>(as_i64(a));
  const long double y = b.kind() == Kind::Float ? b.as_float() : static_cast<long double>(as_i64(b));
  if (std::isnan(x) || std::isnan(y)) return 2;
  return x < y ? -1 : x > y ? 1 : 0;
}

std::pair<Value, Value> divmod(const Value& a, const Value& b) {
  if (is_integer(a) && is_integer(b)) {
    if (is_int(a) && is_int(b)) {
      const auto x = as_i64(a), y = as_i64(b);
      if (y == 0) throw_zero_division("integer division or modulo by zero");
      if (y != -1) return {Value::integer(floordiv(x, y)), Value::integer(mod(x, y))};
    }
    const BigInt y = to_big(b);
    if (y.sign() == 0) throw_zero_division("integer division or modulo by zero");
    BigInt q, r;
    BigInt::divmod(to_big(a), y, q, r);
    return {from_big(std::move(q)), from_big(std::move(r))};
  }
  auto [q, r] = float_divmod(as_f64(a), as_f64(b), "float divmod()");
  return {Value::floating(q), Value::floating(r)};
}

namespace {
constexpr std::uint64_t kHashBits = 61;
constexpr std::uint64_t kHashModulus = (std::uint64_t{1} << kHashBits) - 1;
constexpr std::int64_t kHashInf = 314159;
}  // namespace

std::int64_t hash_int(std::int64_t v) {
  const std::uint64_t m = magnitude(v) % kHashModulus;
  std::int64_t h = v < 0 ? -static_cast<std::int64_t>(m) : static_cast<std::int64_t>(m);
  return h == -1 ? -2 : h;
}

std::int64_t hash_double(double v) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    return 0;  // CPython hashes a NaN by its address; immediates have none.
  }
  int e;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  std::uint64_t x = 0;
  while (m) {
    x = ((x << 28) & kHashModulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    const auto y = static_cast<std::uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= kHashModulus) x -= kHashModulus;
  }
  e = e >= 0 ? e % static_cast<int>(kHashBits) : static_cast<int>(kHashBits) - 1 - ((-1 - e) % static_cast<int>(kHashBits));
  x = ((x << e) & kHashModulus) | x >> (kHashBits - static_cast<std::uint64_t>(e));
  x = x * static_cast<std::uint64_t>(static_cast<std::int64_t>(sign));
  if (x == static_cast<std::uint64_t>(-1)) x = static_cast<std::uint64_t>(-2);
  return static_cast<std::int64_t>(x);
}

Value float_to_int(double d) {
  if (std::isinf(d)) throw_overflow_error("cannot convert float infinity to integer");
  if (std::isnan(d)) throw_value_error("cannot convert float NaN to integer");
  const double t = std::trunc(d);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) return from_big(BigInt::from_double(t));
  return Value::integer(static_cast<std::int64_t>(t));
}

namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

}  // namespace

std::optional<Value> parse_int(std::string_view text, int base) {
  std::string_view s = strip(text);
  bool negative = false;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  auto has_prefix = [&](char lower) {
    return s.size() >= 2 && s[0] == '0' && (s[1] == lower || s[1] == lower - 32);
  };
  bool prefixed = false;
  if (base == 0) {
    if (has_prefix('x')) base = 16, prefixed = true;
    else if (has_prefix('o')) base = 8, prefixed = true;
    else if (has_prefix('b')) base = 2, prefixed = true;
    else {
      base = 10;
      // Base 0 refuses leading zeros ("010"), as Python 3 literals do.
      if (s.size() > 1 && s[0] == '0') {
        for (char c : s)
          if (c != '0' && c != '_') return std::nullopt;
      }
    }
  } else if ((base == 16 && has_prefix('x')) || (base == 8 && has_prefix('o')) || (base == 2 && has_prefix('b'))) {
    prefixed = true;
  }
  if (prefixed) s.remove_prefix(2);
  if (s.empty()) return std::nullopt;
  // One underscore may separate digits (and follow a prefix).
  if (s.front() == '_' && !prefixed) return std::nullopt;
  if (s.back() == '_') return std::nullopt;
  std::string clean;
  char prev = prefixed ? 'x' : '\0';
  for (char c : s) {
    if (c == '_') {
      if (prev == '_') return std::nullopt;
      prev = c;
      continue;
    }
    if (digit_value(c) >= base) return std::nullopt;
    clean += c;
    prev = c;
  }
  if (clean.empty()) return std::nullopt;
  // PyLong_FromString: bases that are not powers of two are held to the
  // digit limit.
  const std::int64_t limit = Runtime::current().ints.max_str_digits;
  if ((base & (base - 1)) != 0 && limit > 0 && static_cast<std::int64_t>(clean.size()) > limit)
    raise_digit_limit(static_cast<std::int64_t>(clean.size()), true);
  BigInt v = *BigInt::from_digits(clean, base);
  return from_big(negative ? -v : std::move(v));
}

std::optional<double> parse_float(std::string_view text) {
  std::string_view s = strip(text);
  std::string lower;
  for (char c : s) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  std::string_view body = lower;
  double sign = 1.0;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    sign = body.front() == '-' ? -1.0 : 1.0;
    body.remove_prefix(1);
  }
  if (body == "inf" || body == "infinity") return sign * std::numeric_limits<double>::infinity();
  if (body == "nan") return std::copysign(std::numeric_limits<double>::quiet_NaN(), sign);
  // Digits, one '.', an exponent; underscores only between digits.
  std::string clean;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      const bool between = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                           std::isdigit(static_cast<unsigned char>(s[i + 1]));
      if (!between) return std::nullopt;
      continue;
    }
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
      return std::nullopt;
    clean += c;
  }
  if (clean.empty()) return std::nullopt;
  bool digit_seen = false;
  for (char c : clean) {
    if (c == 'e' || c == 'E') break;
    if (std::isdigit(static_cast<unsigned char>(c))) digit_seen = true;
  }
  if (!digit_seen) return std::nullopt;
  char* end = nullptr;
  const double d = std::strtod(clean.c_str(), &end);
  if (end != clean.c_str() + clean.size()) return std::nullopt;
  return d;
}

std::string c_format(char conversion, std::int64_t precision, double x) {
  const char spec[] = {'%', '.', '*', conversion, '\0'};
  const int p = static_cast<int>(precision);
  const int n = std::snprintf(nullptr, 0, spec, p, x);
  std::string out(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), spec, p, x);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

namespace {

// double_round: correctly rounded to ndigits decimal places, ties to even
// on the exact binary value (what _Py_dg_dtoa mode 3 gives; glibc's printf
// rounds the same way).
double round_double(double x, std::int64_t ndigits) {
  constexpr std::int64_t kMax = static_cast<std::int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr std::int64_t kMin = -static_cast<std::int64_t>((DBL_MAX_EXP + 1) * 0.30103);
  if (ndigits > kMax) return x;
  if (ndigits < kMin) return 0.0 * x;
  if (x == 0.0 || !std::isfinite(x)) return x;
  std::string buf;
  if (ndigits >= 0) {
    buf = c_format('f', ndigits, x);
  } else {
    // Keep (decimal exponent + 1 + ndigits) significant digits.
    // The decimal exponent, from 18 significant digits (more than a double
    // needs, so it never carries into the next power of ten by mistake).
    const std::string exact = c_format('e', 17, std::fabs(x));
    const int e = std::stoi(exact.substr(exact.find('e') + 1));
    const std::int64_t sig = e + 1 + ndigits;
    if (sig <= 0) {
      if (sig < 0) return std::copysign(0.0, x);
      // The rounding digit is just above the leading one: compare with half.
      const double unit = std::pow(10.0, static_cast<double>(-ndigits));
      return std::fabs(x) > unit / 2 ? std::copysign(unit, x) : std::copysign(0.0, x);
    }
    buf = c_format('e', sig - 1, x);
  }
  return std::strtod(buf.c_str(), nullptr);
}

// long_round: to a multiple of 10**-ndigits, half to even.
Value round_int(const Value& v, std::int64_t ndigits) {
  if (ndigits >= 0) return v;
  const BigInt x = to_big(v);
  // 10**k with k beyond |x|'s digit count rounds to zero.
  if (static_cast<std::uint64_t>(-(ndigits + 1)) > x.bit_length()) return Value::integer(0);
  const BigInt p = BigInt(10).pow(static_cast<std::uint64_t>(-ndigits));
  BigInt q, r;
  BigInt::divmod(x, p, q, r);
  const int c = (r + r).compare(p);
  if (c > 0 || (c == 0 && (q & BigInt(1)).sign() != 0)) q = q + BigInt(1);
  return from_big(q * p);
}

}  // namespace

Value round(const Value& x, const std::optional<std::int64_t>& ndigits) {
  if (is_integer(x)) {
    const Value v = x.kind() == Kind::Bool ? Value::integer(x.as_bool()) : x;
    return ndigits ? round_int(v, *ndigits) : v;
  }
  const double d = x.as_float();
  if (!ndigits) return float_to_int(std::nearbyint(d));  // ties to even in the default mode
  return Value::floating(round_double(d, *ndigits));
}

std::string digits(std::uint64_t magnitude, int base, bool upper) {
  if (magnitude == 0) return "0";
  const char* symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  std::string out;
  while (magnitude) {
    out += symbols[magnitude % static_cast<std::uint64_t>(base)];
    magnitude /= static_cast<std::uint64_t>(base);
  }
  return std::string(out.rbegin(), out.rend());
}

}  // namespace asim::runtime::num
