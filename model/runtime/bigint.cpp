#include "model/runtime/bigint.hpp"

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <bit>
#include <cfloat>
#include <cmath>
#include <limits>
#include <new>

namespace asim::runtime {

using boost::multiprecision::cpp_int;

struct BigInt::Rep {
  cpp_int v;
};


namespace {

constexpr std::uint64_t kHashBits = 61;
constexpr std::uint64_t kHashModulus = (std::uint64_t{1} << kHashBits) - 1;

std::uint64_t bits_of(const cpp_int& v) {
  return v.is_zero() ? 0 : static_cast<std::uint64_t>(boost::multiprecision::msb(abs(v))) + 1;
}

// The low 64 bits of a non-negative value.
std::uint64_t low_word(const cpp_int& v) {
  return static_cast<std::uint64_t>(v & cpp_int(std::numeric_limits<std::uint64_t>::max()));
}

bool has_low_bits(const cpp_int& magnitude, std::uint64_t n) {
  if (n == 0 || magnitude.is_zero()) return false;
  return boost::multiprecision::lsb(magnitude) < n;
}

// n (below 2**64) as a double, correctly rounded.
double small_to_double(const cpp_int& n) { return static_cast<double>(low_word(n)); }

}  // namespace

BigInt::Rep& BigInt::rep() {
  static_assert(sizeof(Rep) <= sizeof storage_ && alignof(Rep) <= alignof(BigInt), "BigInt's storage holds one cpp_int");
  return *std::launder(reinterpret_cast<Rep*>(storage_)); }
const BigInt::Rep& BigInt::rep() const { return *std::launder(reinterpret_cast<const Rep*>(storage_)); }

BigInt::BigInt() { new (storage_) Rep{}; }
BigInt::BigInt(std::int64_t v) { new (storage_) Rep{cpp_int(v)}; }
BigInt::BigInt(Rep&& r) { new (storage_) Rep{std::move(r.v)}; }
BigInt::BigInt(const BigInt& o) { new (storage_) Rep{o.rep().v}; }
BigInt::BigInt(BigInt&& o) noexcept { new (storage_) Rep{std::move(o.rep().v)}; }
BigInt& BigInt::operator=(const BigInt& o) {
  rep().v = o.rep().v;
  return *this;
}
BigInt& BigInt::operator=(BigInt&& o) noexcept {
  rep().v = std::move(o.rep().v);
  return *this;
}
BigInt::~BigInt() { rep().~Rep(); }

BigInt BigInt::from_double(double d) {
  int e;
  const double m = std::frexp(std::trunc(d), &e);
  // m * 2**53 is an integer, exactly, since a double has 53 bits.
  cpp_int v(static_cast<std::int64_t>(std::ldexp(m, 53)));
  if (e >= 53) v <<= static_cast<unsigned>(e - 53);
  else v /= cpp_int(1) << static_cast<unsigned>(53 - e);  // exact: d was integral
  return BigInt(Rep{std::move(v)});
}

std::optional<BigInt> BigInt::from_digits(std::string_view digits, int base) {
  if (digits.empty()) return std::nullopt;
  // Chunks of digits that fit a 64-bit word, then one big multiply-add each.
  int chunk = 0;
  std::uint64_t chunk_scale = 1;
  while (chunk_scale <= std::numeric_limits<std::uint64_t>::max() / static_cast<std::uint64_t>(base) / 36) {
    chunk_scale *= static_cast<std::uint64_t>(base);
    ++chunk;
  }
  cpp_int v;
  std::size_t i = 0;
  while (i < digits.size()) {
    std::uint64_t word = 0, scale = 1;
    for (int k = 0; k < chunk && i < digits.size(); ++k, ++i) {
      const char c = digits[i];
      int d = 99;
      if (c >= '0' && c <= '9') d = c - '0';
      else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'Z') d = c - 'A' + 10;
      if (d >= base) return std::nullopt;
      word = word * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
      scale *= static_cast<std::uint64_t>(base);
    }
    v = v * scale + word;
  }
  return BigInt(Rep{std::move(v)});
}

bool BigInt::fits_i64() const {
  const auto& v = rep().v;
  return v >= std::numeric_limits<std::int64_t>::min() && v <= std::numeric_limits<std::int64_t>::max();
}

std::int64_t BigInt::to_i64() const { return static_cast<std::int64_t>(rep().v); }

std::optional<double> BigInt::to_double() const {
  const cpp_int m = abs(rep().v);
  const std::uint64_t n = bits_of(m);
  double d;
  if (n <= 64) {
    d = small_to_double(m);  // the hardware rounds a word half to even
  } else {
    // The top DBL_MANT_DIG + 2 bits with a sticky bit for anything below:
    // the hardware's conversion then rounds half to even correctly.
    const std::uint64_t shift = n - (DBL_MANT_DIG + 2);
    cpp_int top = m >> static_cast<unsigned>(shift);
    if (has_low_bits(m, shift)) top |= 1;
    if (n > static_cast<std::uint64_t>(DBL_MAX_EXP)) return std::nullopt;
    d = std::ldexp(small_to_double(top), static_cast<int>(shift));
    if (std::isinf(d)) return std::nullopt;
  }
  return rep().v.sign() < 0 ? -d : d;
}

int BigInt::sign() const { return rep().v.sign(); }

std::uint64_t BigInt::bit_length() const { return bits_of(rep().v); }

std::uint64_t BigInt::bit_count() const {
  cpp_int m = abs(rep().v);
  std::uint64_t count = 0;
  while (!m.is_zero()) {
    count += static_cast<std::uint64_t>(std::popcount(low_word(m)));
    m >>= 64;
  }
  return count;
}

std::string BigInt::to_string(int base, bool upper) const {
  const auto& v = rep().v;
  if (base == 10) return v.str();
  const cpp_int m = abs(v);
  const unsigned bits_per_digit = base == 16 ? 4 : base == 8 ? 3 : 1;
  const char* symbols = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  const std::uint64_t n = std::max<std::uint64_t>(bits_of(m), 1);
  const std::uint64_t count = (n + bits_per_digit - 1) / bits_per_digit;
  std::string out(count, '0');
  // Whole 60-bit words at a time, each giving 60 / bits_per_digit digits.
  cpp_int rest = m;
  std::uint64_t pos = count;
  while (pos > 0) {
    std::uint64_t word = low_word(rest) & ((std::uint64_t{1} << 60) - 1);
    rest >>= 60;
    for (unsigned k = 0; k < 60 / bits_per_digit && pos > 0; ++k) {
      out[--pos] = symbols[word & ((1u << bits_per_digit) - 1)];
      word >>= bits_per_digit;
    }
  }
  return v.sign() < 0 ? "-" + out : out;
}

BigInt BigInt::operator-() const { return BigInt(Rep{-rep().v}); }
BigInt BigInt::operator~() const { return BigInt(Rep{-rep().v - 1}); }
BigInt operator+(const BigInt& a, const BigInt& b) { return BigInt(BigInt::Rep{a.rep().v + b.rep().v}); }
BigInt operator-(const BigInt& a, const BigInt& b) { return BigInt(BigInt::Rep{a.rep().v - b.rep().v}); }
BigInt operator*(const BigInt& a, const BigInt& b) { return BigInt(BigInt::Rep{a.rep().v * b.rep().v}); }
BigInt operator&(const BigInt& a, const BigInt& b) { return BigInt(BigInt::Rep{a.rep().v & b.rep().v}); }
BigInt operator|(const BigInt& a, const BigInt& b) { return BigInt(BigInt::Rep{a.rep().v | b.rep().v}); }
BigInt operator^(const BigInt& a, const BigInt& b) { return BigInt(BigInt::Rep{a.rep().v ^ b.rep().v}); }

BigInt BigInt::shifted_left(std::uint64_t n) const { return BigInt(Rep{rep().v << static_cast<unsigned>(n)}); }

BigInt BigInt::shifted_right(std::uint64_t n) const {
  const auto& v = rep().v;
  if (n >= bits_of(v)) return BigInt(v.sign() < 0 ? -1 : 0);
  // cpp_int shifts the magnitude; a negative value rounds toward minus
  // infinity when it loses set bits, as a two's-complement shift does.
  if (v.sign() >= 0) return BigInt(Rep{v >> static_cast<unsigned>(n)});
  const cpp_int m = -v;
  cpp_int q = m >> static_cast<unsigned>(n);
  if (has_low_bits(m, n)) q += 1;
  return BigInt(Rep{-q});
}

void BigInt::divmod(const BigInt& a, const BigInt& b, BigInt& quotient, BigInt& remainder) {
  cpp_int q, r;
  boost::multiprecision::divide_qr(a.rep().v, b.rep().v, q, r);
  if (!r.is_zero() && (r.sign() < 0) != (b.rep().v.sign() < 0)) {
    q -= 1;
    r += b.rep().v;
  }
  quotient = BigInt(Rep{std::move(q)});
  remainder = BigInt(Rep{std::move(r)});
}

BigInt BigInt::pow(std::uint64_t exponent) const {
  cpp_int result = 1, base = rep().v;
  while (exponent) {
    if (exponent & 1) result *= base;
    exponent >>= 1;
    if (exponent) base *= base;
  }
  return BigInt(Rep{std::move(result)});
}

BigInt BigInt::pow_mod(const BigInt& base, const BigInt& exponent, const BigInt& modulus) {
  const cpp_int& m = modulus.rep().v;
  cpp_int b = base.rep().v % m;
  if (b.sign() < 0) b += m;
  cpp_int r = boost::multiprecision::powm(b, exponent.rep().v, m);
  return BigInt(Rep{r % m});
}

std::optional<BigInt> BigInt::inverse_mod(const BigInt& a, const BigInt& modulus) {
  // Extended Euclid on (a mod m, m).
  const cpp_int& m = modulus.rep().v;
  cpp_int r0 = m, r1 = a.rep().v % m, t0 = 0, t1 = 1;
  if (r1.sign() < 0) r1 += m;
  while (!r1.is_zero()) {
    const cpp_int q = r0 / r1;
    cpp_int r2 = r0 - q * r1, t2 = t0 - q * t1;
    r0 = std::move(r1);
    r1 = std::move(r2);
    t0 = std::move(t1);
    t1 = std::move(t2);
  }
  if (r0 != 1) return std::nullopt;
  cpp_int t = t0 % m;
  if (t.sign() < 0) t += m;
  return BigInt(Rep{std::move(t)});
}

std::optional<double> BigInt::true_divide(const BigInt& a, const BigInt& b) {
  const cpp_int x = abs(a.rep().v), y = abs(b.rep().v);
  const bool negative = (a.sign() < 0) != (b.sign() < 0);
  const std::int64_t nx = static_cast<std::int64_t>(bits_of(x)), ny = static_cast<std::int64_t>(bits_of(y));
  double result;
  if (nx <= DBL_MANT_DIG && ny <= DBL_MANT_DIG) {
    // Both exact as doubles: IEEE division rounds correctly.
    result = small_to_double(x) / small_to_double(y);
  } else {
    // The quotient lies in [2**(diff - 1), 2**(diff + 1)).
    const std::int64_t diff = nx - ny;
    if (diff > DBL_MAX_EXP) return std::nullopt;
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negative ? -0.0 : 0.0;
    // Scale so the integer quotient keeps DBL_MANT_DIG + 2 bits (fewer
    // for a subnormal result), remembering whether anything was lost.
    const std::int64_t shift = std::max<std::int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
    bool inexact = false;
    cpp_int q, r;
    if (shift <= 0) {
      boost::multiprecision::divide_qr(cpp_int(x << static_cast<unsigned>(-shift)), y, q, r);
    } else {
      inexact = has_low_bits(x, static_cast<std::uint64_t>(shift));
      boost::multiprecision::divide_qr(cpp_int(x >> static_cast<unsigned>(shift)), y, q, r);
    }
    inexact = inexact || !r.is_zero();
    // Round q to DBL_MANT_DIG bits (or to the subnormal quantum), half to even.
    const std::int64_t qbits = static_cast<std::int64_t>(bits_of(q));
    const std::int64_t extra = std::max<std::int64_t>(qbits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
    if (extra > 0) {
      const cpp_int unit = cpp_int(1) << static_cast<unsigned>(extra);
      const cpp_int low = q & (unit - 1);
      const cpp_int half = unit >> 1;
      q >>= static_cast<unsigned>(extra);
      if (low > half || (low == half && (inexact || (low_word(q) & 1)))) q += 1;
    }
    const std::int64_t exponent = shift + std::max<std::int64_t>(extra, 0);
    if (exponent + static_cast<std::int64_t>(bits_of(q)) > DBL_MAX_EXP) return std::nullopt;
    result = std::ldexp(small_to_double(q), static_cast<int>(exponent));
  }
  return negative ? -result : result;
}

int BigInt::compare(const BigInt& o) const {
  const int c = rep().v.compare(o.rep().v);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int BigInt::compare(double d) const {
  if (std::isnan(d)) return 2;
  if (std::isinf(d)) return d > 0 ? -1 : 1;
  // An integer is below d exactly when it is at most floor(d) and d has a
  // fractional part, or below floor(d).
  const double f = std::floor(d);
  const int c = compare(from_double(f));
  if (c != 0) return c;
  return f == d ? 0 : -1;
}

std::int64_t BigInt::hash() const {
  const auto& v = rep().v;
  const auto m = static_cast<std::int64_t>(low_word(cpp_int(abs(v) % kHashModulus)));
  const std::int64_t h = v.sign() < 0 ? -m : m;
  return h == -1 ? -2 : h;
}

}  // namespace asim::runtime
