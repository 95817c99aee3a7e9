// SipHash-c-d (Aumasson and Bernstein) with a 128-bit key of zeros, as
// Python/pyhash.c applies it to str and bytes: SipHash-2-4 up to 3.10,
// SipHash-1-3 from 3.11.
#include "model/runtime/pyhash.hpp"

#include <string>

#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

constexpr std::uint64_t rotl(std::uint64_t x, unsigned b) {
  return (x << b) | (x >> (64 - b));
}

struct SipState {
  // The initialisation constants XORed with the key halves, both zero here.
  std::uint64_t v0 = 0x736f6d6570736575ULL;
  std::uint64_t v1 = 0x646f72616e646f6dULL;
  std::uint64_t v2 = 0x6c7967656e657261ULL;
  std::uint64_t v3 = 0x7465646279746573ULL;

  void round() {
    v0 += v1;
    v1 = rotl(v1, 13);
    v1 ^= v0;
    v0 = rotl(v0, 32);
    v2 += v3;
    v3 = rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = rotl(v1, 17);
    v1 ^= v2;
    v2 = rotl(v2, 32);
  }

  void compress(std::uint64_t m, unsigned rounds) {
    v3 ^= m;
    for (unsigned i = 0; i < rounds; ++i) round();
    v0 ^= m;
  }
};

std::uint64_t siphash(std::string_view data, unsigned c_rounds, unsigned d_rounds) {
  SipState s;
  const std::size_t n = data.size();
  std::size_t i = 0;
  auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(data[k])); };
  // Message words are read little-endian.
  for (; i + 8 <= n; i += 8) {
    std::uint64_t m = 0;
    for (unsigned k = 0; k < 8; ++k) m |= byte(i + k) << (8 * k);
    s.compress(m, c_rounds);
  }
  // The last word: the remaining bytes, and the length's low byte on top.
  std::uint64_t last = static_cast<std::uint64_t>(n & 0xff) << 56;
  for (unsigned k = 0; i + k < n; ++k) last |= byte(i + k) << (8 * k);
  s.compress(last, c_rounds);
  s.v2 ^= 0xff;
  for (unsigned k = 0; k < d_rounds; ++k) s.round();
  return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace

std::int64_t hash_bytes(std::string_view data, StrHashAlgorithm algorithm) {
  // The empty string hashes to 0 whatever the key.
  if (data.empty()) return 0;
  const std::uint64_t h = algorithm == StrHashAlgorithm::SipHash24 ? siphash(data, 2, 4) : siphash(data, 1, 3);
  const auto x = static_cast<std::int64_t>(h);
  return x == -1 ? -2 : x;
}

std::int64_t hash_str(std::string_view utf8, StrHashAlgorithm algorithm) {
  if (text::is_ascii(utf8)) return hash_bytes(utf8, algorithm);
  const std::u32string points = text::decode(utf8);
  char32_t widest = 0;
  for (char32_t c : points) widest = c > widest ? c : widest;
  const unsigned width = widest < 0x100 ? 1 : widest < 0x10000 ? 2 : 4;
  std::string storage;
  storage.reserve(points.size() * width);
  for (char32_t c : points)
    for (unsigned k = 0; k < width; ++k) storage.push_back(static_cast<char>((c >> (8 * k)) & 0xff));
  return hash_bytes(storage, algorithm);
}

}  // namespace asim::runtime
