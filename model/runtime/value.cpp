#include "model/runtime/value.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <utility>

#include "model/runtime/text.hpp"
#include "model/runtime/unicode_text.hpp"

namespace asim::runtime {

Value Value::str(std::string s) {
  return Value(make<Str>(std::move(s)));
}

bool Value::is(const Value& o) const {
  if (kind_ != o.kind_) return false;
  switch (kind_) {
    case Kind::None: return true;
    case Kind::Bool: return i_ == o.i_;
    case Kind::Int: return i_ == o.i_;
    case Kind::Float: return d_ == o.d_;
    case Kind::Obj: return o_ == o.o_;
  }
  return false;
}

std::string Str::repr() const {
  // CPython prefers single quotes unless the text holds one and no double quote.
  const bool has_single = text.find('\'') != std::string::npos;
  const bool has_double = text.find('"') != std::string::npos;
  const char quote = has_single && !has_double ? '"' : '\'';
  std::string out(1, quote);
  // unicode_repr: the quote and backslash escaped, \n \r \t, and every
  // other code point that is not printable as \x, \u or \U.
  auto add = [&](char32_t c) {
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (unicode::has(c, unicode::kPrintable)) {
      text::append(out, c);
    } else if (c < 0x100) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    } else if (c < 0x10000) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    } else {
      out += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
    }
  };
  if (text::is_ascii(text)) {
    for (char c : text) add(static_cast<unsigned char>(c));
  } else {
    for (char32_t c : text::decode(text)) add(c);
  }
  out += quote;
  return out;
}

std::string type_name(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None: return "NoneType";
    case Value::Kind::Bool: return "bool";
    case Value::Kind::Int: return "int";
    case Value::Kind::Float: return "float";
    case Value::Kind::Obj: return std::string(v.object()->type_name());
  }
  return "object";
}

namespace {

// |d|'s shortest round-trip digits, without leading or trailing zeros, and
// the decimal exponent of the first: 1500.0 is {"15", 3}, 0.0 is {"0", 0}.
// {fmt}'s shortest form ("1500.0" or "1.5e+16") is read back apart: the
// libc++ of the web build has no floating-point std::to_chars.
std::pair<std::string, int> shortest_digits(double d) {
  const std::string s = fmt::format("{}", std::fabs(d));
  const auto e = s.find('e');
  int exp = e == std::string::npos ? 0 : std::stoi(s.substr(e + 1));
  const std::string mantissa = s.substr(0, e);
  const auto dot = mantissa.find('.');
  const std::string whole = mantissa.substr(0, dot);
  std::string digits = whole + (dot == std::string::npos ? "" : mantissa.substr(dot + 1));
  exp += static_cast<int>(whole.size()) - 1;
  const auto first = digits.find_first_not_of('0');
  if (first == std::string::npos) return {"0", 0};
  digits.erase(0, first);
  exp -= static_cast<int>(first);
  digits.erase(digits.find_last_not_of('0') + 1);
  return {digits, exp};
}

}  // namespace

std::string float_repr(double d) {
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  // The fewest digits that read back as the same double, laid out as
  // CPython's float_repr_style 'r': positional for decimal exponents
  // -4..15, else d.ddde+XX.
  const auto [digits, exp] = shortest_digits(d);
  std::string out = std::signbit(d) ? "-" : "";
  const int n = static_cast<int>(digits.size());
  if (exp >= -4 && exp < 16) {
    const int decpt = exp + 1;
    if (decpt <= 0) out += "0." + std::string(static_cast<std::size_t>(-decpt), '0') + digits;
    else if (decpt >= n) out += digits + std::string(static_cast<std::size_t>(decpt - n), '0') + ".0";
    else out += digits.substr(0, static_cast<std::size_t>(decpt)) + "." + digits.substr(static_cast<std::size_t>(decpt));
    return out;
  }
  out += digits.substr(0, 1);
  if (n > 1) out += "." + digits.substr(1);
  return out + fmt::format("e{}{:02d}", exp < 0 ? '-' : '+', std::abs(exp));
}

std::string repr(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None: return "None";
    case Value::Kind::Bool: return v.as_bool() ? "True" : "False";
    case Value::Kind::Int: return std::to_string(v.as_int());
    case Value::Kind::Float: return float_repr(v.as_float());
    case Value::Kind::Obj: return v.object()->repr();
  }
  return "?";
}

std::string str(const Value& v) {
  if (auto* s = v.as<Str>()) return s->text;
  return repr(v);
}

}  // namespace asim::runtime
