#include "model/runtime/numbers.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "model/runtime/errors.hpp"

namespace asim::runtime::num {

namespace {

using Kind = Value::Kind;

std::int64_t add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) throw_int_overflow();
  return r;
}
std::int64_t sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) throw_int_overflow();
  return r;
}
std::int64_t mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) throw_int_overflow();
  return r;
}

// l_divmod: the quotient rounds toward minus infinity and the remainder
// takes the divisor's sign.
std::int64_t floordiv(std::int64_t a, std::int64_t b) {
  if (b == 0) throw_zero_division("integer division or modulo by zero");
  if (a == std::numeric_limits<std::int64_t>::min() && b == -1) throw_int_overflow();
  std::int64_t q = a / b;
  if (a % b != 0 && ((a < 0) != (b < 0))) --q;
  return q;
}
std::int64_t mod(std::int64_t a, std::int64_t b, const char* zero_message = "integer modulo by zero") {
  if (b == 0) throw_zero_division(zero_message);
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
    throw_value_error("asim: complex numbers are not supported");
  errno = 0;
  const double r = std::pow(a, b);
  if (std::isinf(r) && std::isfinite(a) && std::isfinite(b))
    throw_overflow_error("(34, 'Numerical result out of range')");
  return r;
}

Value int_pow(std::int64_t a, std::int64_t b) {
  if (b < 0) {
    if (a == 0) throw_zero_division("0.0 cannot be raised to a negative power");
    return Value::floating(float_pow(static_cast<double>(a), static_cast<double>(b)));
  }
  std::int64_t result = 1, base = a;
  while (b > 0) {
    if (b & 1) result = mul(result, base);
    b >>= 1;
    if (b > 0) base = mul(base, base);
  }
  return Value::integer(result);
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
    case BinOp::FloorDiv: return Value::floating(float_divmod(a, b, "float floor division by zero").first);
    case BinOp::Mod: {
      // float_rem
      if (b == 0.0) throw_zero_division("float modulo");
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

std::optional<Value> int_binary(BinOp op, std::int64_t a, std::int64_t b, bool both_bool) {
  switch (op) {
    case BinOp::Add: return Value::integer(add(a, b));
    case BinOp::Sub: return Value::integer(sub(a, b));
    case BinOp::Mult: return Value::integer(mul(a, b));
    case BinOp::Div:
      if (b == 0) throw_zero_division("division by zero");
      return Value::floating(static_cast<double>(a) / static_cast<double>(b));
    case BinOp::FloorDiv: return Value::integer(floordiv(a, b));
    case BinOp::Mod: return Value::integer(mod(a, b));
    case BinOp::Pow: return int_pow(a, b);
    case BinOp::LShift:
      if (b < 0) throw_value_error("negative shift count");
      if (a == 0) return Value::integer(0);
      if (b >= 63 || (a > 0 ? a > (std::numeric_limits<std::int64_t>::max() >> b)
                            : a < (std::numeric_limits<std::int64_t>::min() >> b)))
        throw_int_overflow();
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
  return std::nullopt;
}

}  // namespace

std::optional<Value> binary(BinOp op, const Value& a, const Value& b) {
  if (!is_number(a) || !is_number(b)) return std::nullopt;
  if (is_int(a) && is_int(b))
    return int_binary(op, as_i64(a), as_i64(b), a.kind() == Kind::Bool && b.kind() == Kind::Bool);
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
  const std::int64_t i = as_i64(v);
  switch (op) {
    case UnaryOp::USub: return Value::integer(sub(0, i));
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
  // Exact: a long double holds every int64 and every double.
  const long double x = a.kind() == Kind::Float ? a.as_float() : static_cast<long double>(as_i64(a));
  const long double y = b.kind() == Kind::Float ? b.as_float() : static_cast<long double>(as_i64(b));
  if (std::isnan(x) || std::isnan(y)) return 2;
  return x < y ? -1 : x > y ? 1 : 0;
}

std::pair<Value, Value> divmod(const Value& a, const Value& b) {
  if (is_int(a) && is_int(b)) {
    const auto x = as_i64(a), y = as_i64(b);
    const auto q = floordiv(x, y);
    return {Value::integer(q), Value::integer(mod(x, y, "integer division or modulo by zero"))};
  }
  auto [q, r] = float_divmod(as_f64(a), as_f64(b), "float divmod()");
  return {Value::floating(q), Value::floating(r)};
}

std::int64_t pow_mod(std::int64_t a, std::int64_t b, std::int64_t m) {
  if (m == 0) throw_value_error("pow() 3rd argument cannot be 0");
  const bool negative_mod = m < 0;
  const unsigned __int128 um = magnitude(m);
  auto reduce = [&](__int128 x) {
    __int128 r = x % static_cast<__int128>(um);
    if (r < 0) r += um;
    return static_cast<unsigned __int128>(r);
  };
  unsigned __int128 base = reduce(a);
  if (b < 0) {
    // The modular inverse (extended Euclid), then the positive power.
    __int128 t = 0, new_t = 1, r = static_cast<__int128>(um), new_r = static_cast<__int128>(base);
    while (new_r != 0) {
      const __int128 q = r / new_r;
      std::tie(t, new_t) = std::make_pair(new_t, t - q * new_t);
      std::tie(r, new_r) = std::make_pair(new_r, r - q * new_r);
    }
    if (r != 1) throw_value_error("base is not invertible for the given modulus");
    base = reduce(t);
    b = -b;
  }
  unsigned __int128 result = 1 % um;
  auto e = static_cast<std::uint64_t>(b);
  while (e) {
    if (e & 1) result = result * base % um;
    base = base * base % um;
    e >>= 1;
  }
  auto r = static_cast<std::int64_t>(result);
  // The result takes the modulus's sign, as % does.
  if (negative_mod && r != 0) r -= static_cast<std::int64_t>(um);
  return r;
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

std::int64_t float_to_int(double d) {
  if (std::isinf(d)) throw_overflow_error("cannot convert float infinity to integer");
  if (std::isnan(d)) throw_value_error("cannot convert float NaN to integer");
  const double t = std::trunc(d);
  if (t >= 9223372036854775808.0 || t < -9223372036854775808.0) throw_int_overflow();
  return static_cast<std::int64_t>(t);
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

std::optional<std::int64_t> parse_int(std::string_view text, int base) {
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
  std::uint64_t value = 0;
  bool any = false;
  char prev = prefixed ? 'x' : '\0';
  for (char c : s) {
    if (c == '_') {
      if (prev == '_') return std::nullopt;
      prev = c;
      continue;
    }
    const int d = digit_value(c);
    if (d >= base) return std::nullopt;
    if (value > (std::numeric_limits<std::uint64_t>::max() - static_cast<std::uint64_t>(d)) / static_cast<std::uint64_t>(base))
      throw_int_overflow();
    value = value * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    any = true;
    prev = c;
  }
  if (!any) return std::nullopt;
  const std::uint64_t limit = negative ? std::uint64_t{1} << 63 : (std::uint64_t{1} << 63) - 1;
  if (value > limit) throw_int_overflow();
  return negative ? static_cast<std::int64_t>(std::uint64_t{0} - value) : static_cast<std::int64_t>(value);
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

std::int64_t round_int(std::int64_t v, std::int64_t ndigits) {
  if (ndigits >= 0) return v;
  if (ndigits < -18) return 0;
  std::int64_t p = 1;
  for (std::int64_t i = 0; i < -ndigits; ++i) p *= 10;
  std::int64_t q = floordiv(v, p);
  const std::int64_t r = v - q * p;  // 0 <= r < p
  // Half to even.
  if (2 * static_cast<__int128>(r) > p || (2 * static_cast<__int128>(r) == p && (q & 1))) ++q;
  return mul(q, p);
}

}  // namespace

Value round(const Value& x, const std::optional<std::int64_t>& ndigits) {
  if (is_int(x)) return Value::integer(ndigits ? round_int(as_i64(x), *ndigits) : as_i64(x));
  const double d = x.as_float();
  if (!ndigits) {
    const double r = std::nearbyint(d);  // ties to even in the default mode
    return Value::integer(float_to_int(r));
  }
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
