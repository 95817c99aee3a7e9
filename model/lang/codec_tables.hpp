// The codec registry as CPython's tokenizer meets it in a PEP 263 coding
// declaration (tools/codec_tables.py writes codec_tables.cpp from the
// installed CPythons): which names each version knows, and how a source
// file declared with each codec is read.
#pragma once

#include <cstddef>
#include <cstdint>

namespace asim::lang::codecs {

enum class CodecKind : std::uint8_t {
  Utf8,        // decoded, and refused where not valid UTF-8
  OneByte,     // a code page: each byte one code point (kOneByteTables)
  NotDecoded,  // a text encoding CPython reads and asim does not (exit 2)
  Refused,     // not usable for source text: "encoding problem: NAME"
};

struct Codec {
  const char* name;  // as the registry names it (CodecInfo.name)
  CodecKind kind;
  int table;  // OneByte: the offset of its 256 code points (0xFFFF: undefined)
};

// A name the registry resolves, as encodings.normalize_encoding writes it
// after lower-casing; `versions` has bit (minor - 7) set for each version
// that knows it. Sorted by name.
struct CodecName {
  const char* name;
  std::uint8_t codec;  // index in kCodecs
  std::uint8_t versions;
};

extern const Codec kCodecs[];
extern const std::size_t kCodecsSize;
extern const CodecName kCodecNames[];
extern const std::size_t kCodecNamesSize;
extern const char16_t kOneByteTables[];

}  // namespace asim::lang::codecs
