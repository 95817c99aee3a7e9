// The hash of str and bytes (Python/pyhash.c): SipHash over the object's
// bytes with the interpreter's secret key. The conformance harness runs
// CPython with PYTHONHASHSEED=0, which makes the key all zeros, so these
// hashes, and with them the order of a set of strings, are the same in
// every CPython run of a version; asim computes the same numbers.
#pragma once

#include <cstdint>
#include <string_view>

namespace asim::runtime {

// sys.hash_info.algorithm: siphash24 up to 3.10, siphash13 from 3.11.
enum class StrHashAlgorithm : std::uint8_t { SipHash24, SipHash13 };

// _Py_HashBytes with a zero key: the hash of bytes `data`.
std::int64_t hash_bytes(std::string_view data, StrHashAlgorithm algorithm);
// unicode_hash: the hash of the str whose UTF-8 text is `utf8`, taken over
// its PEP 393 storage (1, 2 or 4 bytes a code point, the least that holds
// its largest one).
std::int64_t hash_str(std::string_view utf8, StrHashAlgorithm algorithm);

}  // namespace asim::runtime
