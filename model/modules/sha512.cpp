#include "model/modules/sha512.hpp"

#include <vector>

#include "model/runtime/bigint.hpp"

namespace asim::modules {

namespace {

using runtime::BigInt;

std::vector<std::uint64_t> first_primes(std::size_t n) {
  std::vector<std::uint64_t> primes;
  for (std::uint64_t c = 2; primes.size() < n; ++c) {
    bool prime = true;
    for (std::uint64_t p : primes) prime = prime && c % p != 0;
    if (prime) primes.push_back(c);
  }
  return primes;
}

// The first 64 bits of the fraction of p's `root`-th root (the standard's
// constants are defined so): the largest x with (r * 2**64 + x)**root <=
// p * 2**(64 * root), r the root's integer part, found bit by bit exactly.
std::uint64_t root_fraction_bits(std::uint64_t p, unsigned root) {
  const BigInt target = BigInt(static_cast<std::int64_t>(p)).shifted_left(64u * root);
  std::int64_t whole = 1;
  while (BigInt(whole + 1).pow(root).compare(BigInt(static_cast<std::int64_t>(p))) <= 0) ++whole;
  const BigInt base = BigInt(whole).shifted_left(64);
  std::uint64_t x = 0;
  for (int bit = 63; bit >= 0; --bit) {
    const std::uint64_t trial = x | (std::uint64_t{1} << bit);
    const BigInt low(static_cast<std::int64_t>(trial & 0xffffffffU));
    const BigInt high = BigInt(static_cast<std::int64_t>(trial >> 32)).shifted_left(32);
    if ((base + high + low).pow(root).compare(target) <= 0) x = trial;
  }
  return x;
}

struct Constants {
  std::array<std::uint64_t, 80> k;  // cube roots of the first 80 primes
  std::array<std::uint64_t, 8> h;   // square roots of the first 8 primes
  Constants() {
    const auto primes = first_primes(80);
    for (std::size_t i = 0; i < 80; ++i) k[i] = root_fraction_bits(primes[i], 3);
    for (std::size_t i = 0; i < 8; ++i) h[i] = root_fraction_bits(primes[i], 2);
  }
};

std::uint64_t rotr(std::uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

}  // namespace

std::array<std::uint8_t, 64> sha512(std::string_view data) {
  static const Constants c;
  std::vector<std::uint8_t> msg(data.begin(), data.end());
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  msg.push_back(0x80);
  while (msg.size() % 128 != 112) msg.push_back(0);
  for (int i = 0; i < 8; ++i) msg.push_back(0);  // the length's high 64 bits
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<std::uint8_t>(bits >> (8 * i)));

  std::array<std::uint64_t, 8> h = c.h;
  for (std::size_t block = 0; block < msg.size(); block += 128) {
    std::array<std::uint64_t, 80> w{};
    for (std::size_t t = 0; t < 16; ++t)
      for (std::size_t b = 0; b < 8; ++b) w[t] = (w[t] << 8) | msg[block + t * 8 + b];
    for (std::size_t t = 16; t < 80; ++t) {
      const std::uint64_t s0 = rotr(w[t - 15], 1) ^ rotr(w[t - 15], 8) ^ (w[t - 15] >> 7);
      const std::uint64_t s1 = rotr(w[t - 2], 19) ^ rotr(w[t - 2], 61) ^ (w[t - 2] >> 6);
      w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    auto [a, b, cc, d, e, f, g, hh] = h;
    for (std::size_t t = 0; t < 80; ++t) {
      const std::uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + c.k[t] + w[t];
      const std::uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & cc) ^ (b & cc));
      hh = g;
      g = f;
      f = e;
      e = d + t1;
      d = cc;
      cc = b;
      b = a;
      a = t1 + t2;
    }
    const std::array<std::uint64_t, 8> add{a, b, cc, d, e, f, g, hh};
    for (std::size_t i = 0; i < 8; ++i) h[i] += add[i];
  }
  std::array<std::uint8_t, 64> out{};
  for (std::size_t i = 0; i < 64; ++i) out[i] = static_cast<std::uint8_t>(h[i / 8] >> (56 - 8 * (i % 8)));
  return out;
}

}  // namespace asim::modules
