// bytes and bytearray (Objects/bytesobject.c, Objects/bytearrayobject.c):
// immutable and mutable sequences of 0..255, and the str <-> bytes codecs a
// scenario uses (utf-8, ascii, latin-1; Objects/unicodeobject.c).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "model/runtime/value.hpp"

namespace asim::runtime {

class Bytes : public Object {
 public:
  explicit Bytes(std::string d) : data(std::move(d)) {}
  std::string_view type_name() const override { return "bytes"; }
  std::string repr() const override;
  std::string data;  // never changed for bytes; bytearray's methods change it
};

class ByteArray : public Bytes {
 public:
  using Bytes::Bytes;
  std::string_view type_name() const override { return "bytearray"; }
  std::string repr() const override;
};

Value make_bytes(std::string data);
// A new object of a's kind (bytes or bytearray), as slicing and + give.
Value make_bytes_like(const Bytes& a, std::string data);

// bytes_repr: b'...' with CPython's choice of quotes and \x escapes.
std::string bytes_literal(std::string_view data);

// The operators on bytes, for the generic operations (ops_*.cpp).
Value bytes_getitem(const Bytes& b, const Value& key);
void bytearray_setitem(ByteArray& b, const Value& key, const Value& value);
void bytearray_delitem(ByteArray& b, const Value& key);
bool bytes_contains(const Bytes& b, const Value& needle);

// str.encode(encoding, errors)
Value encode_text(const std::string& text, std::string_view encoding, std::string_view errors);

}  // namespace asim::runtime
