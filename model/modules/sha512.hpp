// SHA-512 (FIPS 180-4), for what CPython hashes with it: random.seed() of a
// str or bytes (random.py's version-2 seeding).
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace asim::modules {

std::array<std::uint8_t, 64> sha512(std::string_view data);

}  // namespace asim::modules
