// int, bool and float as classes: their constructors (long_new,
// float_new, bool_new) and methods.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "model/runtime/args.hpp"
#include "model/runtime/bytes.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text.hpp"
#include "model/runtime/unicode_text.hpp"

namespace asim::runtime {

namespace {

// self as an int (a bool as the int it equals).
Value int_self(std::span<const Value> a, const char* method, std::optional<std::size_t> arity = {}) {
  if (arity && a.size() > 0) args::exactly(fmt::format("int.{}", method), a.subspan(1), *arity);
  if (a.empty() || !num::is_integer(a[0]))
    throw_type_error(fmt::format("descriptor '{}' for 'int' objects doesn't apply to a '{}' object", method,
                                 a.empty() ? "NoneType" : type_name(a[0])));
  return a[0].kind() == Value::Kind::Bool ? Value::integer(a[0].as_bool()) : a[0];
}

double float_self(std::span<const Value> a, const char* method, std::optional<std::size_t> arity = {}) {
  if (arity && a.size() > 0) args::exactly(fmt::format("float.{}", method), a.subspan(1), *arity);
  if (a.empty() || a[0].kind() != Value::Kind::Float)
    throw_type_error(fmt::format("descriptor '{}' for 'float' objects doesn't apply to a '{}' object", method,
                                 a.empty() ? "NoneType" : type_name(a[0])));
  return a[0].as_float();
}

// float.fromhex (float_fromhex): [sign] [0x] hex digits [. hex digits]
// [p exponent], or inf / infinity / nan, with surrounding whitespace.
Value float_fromhex(const std::string& text) {
  auto fail = [] { throw_value_error("invalid hexadecimal floating-point string"); };
  std::size_t b = 0, e = text.size();
  auto space = [](char c) { return c == ' ' || (c >= '\t' && c <= '\r'); };
  while (b < e && space(text[b])) ++b;
  while (e > b && space(text[e - 1])) --e;
  std::string s = text.substr(b, e - b);
  std::string sign;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s.substr(0, 1);
    s = s.substr(1);
  }
  std::string lower;
  for (char c : s) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "inf" || lower == "infinity") return Value::floating(sign == "-" ? -HUGE_VAL : HUGE_VAL);
  if (lower == "nan") return Value::floating(sign == "-" ? -NAN : NAN);
  if (lower.rfind("0x", 0) == 0) lower = lower.substr(2);
  std::size_t i = 0, digits = 0;
  while (i < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[i]))) ++i, ++digits;
  if (i < lower.size() && lower[i] == '.') {
    ++i;
    while (i < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[i]))) ++i, ++digits;
  }
  if (digits == 0) fail();
  if (i < lower.size() && lower[i] == 'p') {
    ++i;
    if (i < lower.size() && (lower[i] == '+' || lower[i] == '-')) ++i;
    const std::size_t first = i;
    while (i < lower.size() && std::isdigit(static_cast<unsigned char>(lower[i]))) ++i;
    if (i == first) fail();
  }
  if (i != lower.size()) fail();
  if (lower.find('p') == std::string::npos) lower += "p0";
  const std::string c_text = sign + "0x" + lower;
  const double d = std::strtod(c_text.c_str(), nullptr);
  if (std::isinf(d)) throw_overflow_error("hexadecimal value too large to represent as a float");
  return Value::floating(d);
}

// float.as_integer_ratio: exact, from the binary mantissa and exponent.
Value float_ratio(double d) {
  if (std::isinf(d)) throw_overflow_error("cannot convert Infinity to integer ratio");
  if (std::isnan(d)) throw_value_error("cannot convert NaN to integer ratio");
  int e;
  double m = std::frexp(d, &e);
  for (int i = 0; i < 300 && m != std::floor(m); ++i) {
    m *= 2.0;
    --e;
  }
  const BigInt numerator = BigInt::from_double(m);
  if (e > 0) return make_tuple({num::from_big(numerator.shifted_left(static_cast<std::uint64_t>(e))), Value::integer(1)});
  return make_tuple({num::from_big(numerator), num::from_big(BigInt(1).shifted_left(static_cast<std::uint64_t>(-e)))});
}

// float_hex: 0x1.4000000000000p+1, always 13 hex digits after the point.
std::string float_hex(double x) {
  if (std::isnan(x) || std::isinf(x)) return float_repr(x);
  if (x == 0.0) return std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0";
  int e;
  double m = std::frexp(std::fabs(x), &e);
  const int shift = 1 - std::max(-1021 - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  const char* hex = "0123456789abcdef";
  std::string digits(1, hex[static_cast<int>(m)]);
  m -= static_cast<int>(m);
  digits += '.';
  for (int i = 0; i < 13; ++i) {
    m *= 16.0;
    digits += hex[static_cast<int>(m)];
    m -= static_cast<int>(m);
  }
  return fmt::format("{}0x{}p{}{}", x < 0 ? "-" : "", digits, e < 0 ? '-' : '+', std::abs(e));
}

// _PyUnicode_TransformDecimalAndSpaceToASCII: what int() and float() parse
// of a str. Decimal digits of any script become ASCII ones and whitespace a
// space; any other non-ASCII character becomes '?', which no parse accepts.
std::string ascii_number_text(const std::string& s) {
  if (text::is_ascii(s)) return s;
  std::string out;
  for (char32_t c : text::decode(s)) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (unicode::has(c, unicode::kSpace)) out += ' ';
    else if (const int d = unicode::decimal_value(c); d >= 0) out += static_cast<char>('0' + d);
    else out += '?';
  }
  return out;
}

// The arguments of int.to_bytes and int.from_bytes as Argument Clinic
// parses them: (first, byteorder, *, signed). Before 3.11 the first two have
// no defaults.
struct BytesArgs {
  std::optional<Value> first;
  std::optional<Value> byteorder;
  bool is_signed = false;

  // Converted after the first argument, checked before the length's sign.
  bool little_endian(std::string_view fname) const {
    if (!byteorder) return false;
    const std::string& order =
        args::str_argument(*byteorder, fname, 2, "byteorder", Runtime::current().features.clinic_names_arguments);
    if (order != "little" && order != "big") throw_value_error("byteorder must be either 'little' or 'big'");
    return order == "little";
  }
};

BytesArgs bytes_args(std::string_view fname, std::string_view first_name, std::span<const Value> a,
                     std::span<const Keyword> kw) {
  const auto& features = Runtime::current().features;
  const bool defaults = features.int_bytes_defaults;
  if (a.size() > 2)
    throw_type_error(fmt::format("{}() takes {} 2 positional arguments ({} given)", fname,
                                 features.clinic_names_arguments && !defaults ? "exactly" : "at most", a.size()));
  std::optional<Value> slots[3];
  for (std::size_t i = 0; i < a.size(); ++i) slots[i] = a[i];
  const std::string_view names[3] = {first_name, "byteorder", "signed"};
  for (const auto& k : kw) {
    std::size_t i = 0;
    while (i < 3 && names[i] != k.name) ++i;
    if (i == 3) args::unexpected_keyword(fname, k.name, names);
    if (slots[i])
      throw_type_error(fmt::format("argument for {}() given by name ('{}') and position ({})", fname, k.name, i + 1));
    slots[i] = k.value;
  }
  for (std::size_t i = 0; i < 2 && !defaults; ++i)
    if (!slots[i]) throw_type_error(fmt::format("{}() missing required argument '{}' (pos {})", fname, names[i], i + 1));
  return BytesArgs{slots[0], slots[1], slots[2] && truthy(*slots[2])};
}

// int_to_bytes_impl: the two's complement of self in `length` bytes.
Value int_to_bytes(const Value& self, std::span<const Value> a, std::span<const Keyword> kw) {
  const BytesArgs p = bytes_args("to_bytes", "length", a, kw);
  const std::int64_t length = p.first ? index_value(*p.first) : 1;
  const bool little = p.little_endian("to_bytes");
  if (length < 0) throw_value_error("length argument must be non-negative");
  BigInt v = num::to_big(self);
  if (v.sign() < 0 && !p.is_signed) throw_overflow_error("can't convert negative int to unsigned");
  const std::uint64_t bits = 8 * static_cast<std::uint64_t>(length);
  // The value's bits, plus a sign bit when signed, must fit.
  const std::uint64_t needed = v.sign() < 0 ? (~v).bit_length() + 1 : v.bit_length() + (p.is_signed ? 1 : 0);
  if (v.sign() != 0 && needed > bits) throw_overflow_error("int too big to convert");
  std::string out(static_cast<std::size_t>(length), '\0');
  for (std::size_t i = 0; i < out.size(); ++i) {
    // v & 0xff is the low byte of the two's complement, negative or not.
    out[little ? i : out.size() - 1 - i] = static_cast<char>((v & BigInt(0xff)).to_i64());
    v = v.shifted_right(8);
  }
  return make_bytes(std::move(out));
}

// _PyBytes_FromObject as int.from_bytes uses it: a bytes-like object, or
// an iterable of ints in range(256); never a str or a number.
std::string bytes_of(const Value& v) {
  if (auto* b = v.as<Bytes>()) return b->data;
  if (auto f = v.is_object() ? type_of(v)->lookup_override("__bytes__") : std::nullopt) {
    const Value r = call(*f, std::span<const Value>(&v, 1));
    if (auto* b = r.as<Bytes>(); b && !r.as<ByteArray>()) return b->data;
    throw_type_error(fmt::format("__bytes__ returned non-bytes (type {})", type_name(r)));
  }
  if (v.as<Str>() || !v.is_object() || num::as_big(v))
    throw_type_error(fmt::format("cannot convert '{}' object to bytes", type_name(v)));
  std::string out;
  for (const auto& x : to_vector(v)) {
    const std::int64_t b = index_value(x);
    if (b < 0 || b > 255) throw_value_error("bytes must be in range(0, 256)");
    out += static_cast<char>(b);
  }
  return out;
}

// int_from_bytes_impl: cls(the int), unless cls is int.
Value int_from_bytes(std::span<const Value> a, std::span<const Keyword> kw) {
  const BytesArgs p = bytes_args("from_bytes", "bytes", a.subspan(1), kw);
  if (!p.first) throw_type_error("from_bytes() missing required argument 'bytes' (pos 1)");
  const bool little = p.little_endian("from_bytes");
  const std::string data = bytes_of(*p.first);
  BigInt v(0);
  for (std::size_t i = 0; i < data.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(data[little ? data.size() - 1 - i : i]);
    v = v.shifted_left(8) | BigInt(c);
  }
  if (p.is_signed && !data.empty() && (static_cast<unsigned char>(data[little ? data.size() - 1 : 0]) & 0x80))
    v = v - BigInt(1).shifted_left(8 * data.size());
  Value result = num::from_big(std::move(v));
  if (a[0].as<Type>() == Runtime::current().types.int_.get()) return result;
  return call(a[0], std::span<const Value>(&result, 1));
}

}  // namespace

void install_number_types(BuiltinTypes& t) {
  using Args = std::span<const Value>;
  using Kw = std::span<const Keyword>;

  t.int_->constructor = [](const Ref<Type>&, Args a, Kw kw) -> Value {
    if (a.size() > 2) throw_type_error(fmt::format("int() takes at most 2 arguments ({} given)", a.size()));
    std::optional<Value> base_arg = a.size() > 1 ? std::optional<Value>(a[1]) : std::nullopt;
    for (const auto& k : kw) {
      if (k.name != "base") {
        const std::string_view params[] = {"base"};
        args::unexpected_keyword("int", k.name, params);
      }
      if (base_arg) throw_type_error("argument for int() given by name ('base') and position (2)");
      base_arg = k.value;
    }
    if (a.empty()) {
      if (base_arg) throw_type_error("int() missing string argument");
      return Value::integer(0);
    }
    const Value& x = a[0];
    if (base_arg) {
      const std::int64_t base = index_value(*base_arg);
      if (base != 0 && (base < 2 || base > 36)) throw_value_error("int() base must be >= 2 and <= 36, or 0");
      auto* s = x.as<Str>();
      auto* b = x.as<Bytes>();
      if (!s && !b) throw_type_error("int() can't convert non-string with explicit base");
      if (auto v = num::parse_int(s ? ascii_number_text(s->text) : b->data, static_cast<int>(base))) return *v;
      throw_value_error(fmt::format("invalid literal for int() with base {}: {}", base, to_repr(x)));
    }
    if (num::is_int(x)) return Value::integer(num::as_i64(x));
    if (num::as_big(x)) return x;
    if (x.kind() == Value::Kind::Float) return num::float_to_int(x.as_float());
    if (auto* s = x.as<Str>()) {
      if (auto v = num::parse_int(ascii_number_text(s->text), 10)) return *v;
      throw_value_error(fmt::format("invalid literal for int() with base 10: {}", to_repr(x)));
    }
    if (auto* b = x.as<Bytes>()) {
      if (auto v = num::parse_int(b->data, 10)) return *v;
      throw_value_error(fmt::format("invalid literal for int() with base 10: {}", to_repr(x)));
    }
    if (x.is_object()) {
      for (const char* m : {"__int__", "__index__", "__trunc__"})
        if (auto f = type_of(x)->lookup_override(m)) return call(*f, std::span<const Value>(&x, 1));
      // long_long / float___trunc__ of an int or float subclass instance.
      if (auto* n = x.as<DerivedNumber>()) {
        if (num::is_int(n->value)) return Value::integer(num::as_i64(n->value));
        if (num::as_big(n->value)) return n->value;
        return num::float_to_int(n->value.as_float());
      }
    }
    throw_type_error(fmt::format("int() argument must be a string, a bytes-like object or a {}number, not '{}'",
                                 Runtime::current().features.real_number_wording ? "real " : "", type_name(x)));
  };
  t.float_->constructor = [](const Ref<Type>&, Args a, Kw kw) -> Value {
    args::no_kwargs("float", kw);
    args::count("float", a, 0, 1);
    if (a.empty()) return Value::floating(0.0);
    const Value& x = a[0];
    if (num::is_number(x)) return Value::floating(num::as_f64(x));
    // PyFloat_FromString: a str's Unicode digits and spaces count as ASCII
    // ones; a bytes or bytearray is its bytes.
    const Str* s = x.as<Str>();
    const Bytes* b = x.as<Bytes>();
    if (s || b) {
      const std::string text = s ? ascii_number_text(s->text) : b->data;
      if (auto v = num::parse_float(text)) return Value::floating(*v);
      const bool blank = text.find_first_not_of(" \t\n\r\f\v") == std::string::npos;
      std::string shown = to_repr(x);
      if (blank && Runtime::current().features.blank_float_wording == BlankFloatWording::Bare) shown.clear();
      if (blank && Runtime::current().features.blank_float_wording == BlankFloatWording::StrippedQuoted) shown = "''";
      throw_value_error(fmt::format("could not convert string to float: {}", shown));
    }
    if (x.is_object()) {
      if (auto f = type_of(x)->lookup_override("__float__")) return call(*f, std::span<const Value>(&x, 1));
      if (auto* n = x.as<DerivedNumber>()) return Value::floating(num::as_f64(n->value));
    }
    throw_type_error(fmt::format("float() argument must be a string or a {}number, not '{}'",
                                 Runtime::current().features.real_number_wording ? "real " : "", type_name(x)));
  };
  t.bool_->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    args::no_kwargs("bool", kw);
    args::count("bool", a, 0, 1);
    return Value::boolean(!a.empty() && truthy(a[0]));
  };

  const auto& I = t.int_;
  def(I, "bit_length", [](Args a, Kw) {
    return Value::integer(static_cast<std::int64_t>(num::to_big(int_self(a, "bit_length", 0)).bit_length()));
  });
  def(I, "bit_count", [](Args a, Kw) {
    return Value::integer(static_cast<std::int64_t>(num::to_big(int_self(a, "bit_count", 0)).bit_count()));
  });
  def(I, "conjugate", [](Args a, Kw) { return int_self(a, "conjugate", 0); });
  def(I, "is_integer", [](Args a, Kw) {
    int_self(a, "is_integer", 0);
    return Value::boolean(true);
  });
  def(I, "as_integer_ratio", [](Args a, Kw) {
    return make_tuple({int_self(a, "as_integer_ratio", 0), Value::integer(1)});
  });
  def(I, "to_bytes", [](Args a, Kw kw) { return int_to_bytes(int_self(a, "to_bytes"), a.subspan(1), kw); });
  I->dict["from_bytes"] = Value(make<ClassMethod>(Value(builtin_function("from_bytes", int_from_bytes, I->name))));
  I->add_getter("real", [](const Value& self) { return int_self(std::span<const Value>(&self, 1), "real"); });
  I->add_getter("imag", [](const Value&) { return Value::integer(0); });
  I->add_getter("numerator", [](const Value& self) { return int_self(std::span<const Value>(&self, 1), "numerator"); });
  I->add_getter("denominator", [](const Value&) { return Value::integer(1); });

  const auto& F = t.float_;
  def(F, "is_integer", [](Args a, Kw) {
    const double d = float_self(a, "is_integer", 0);
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
  });
  def(F, "as_integer_ratio", [](Args a, Kw) { return float_ratio(float_self(a, "as_integer_ratio", 0)); });
  def(F, "conjugate", [](Args a, Kw) { return Value::floating(float_self(a, "conjugate", 0)); });
  def(F, "__round__", [](Args a, Kw) {
    const double d = float_self(a, "__round__");
    return num::round(Value::floating(d), a.size() > 1 && !a[1].is_none() ? std::optional(index_value(a[1])) : std::nullopt);
  });
  def(F, "hex", [](Args a, Kw) { return Value::str(float_hex(float_self(a, "hex", 0))); });
  F->dict["fromhex"] = Value(make<ClassMethod>(Value(builtin_function(
      "fromhex",
      [](Args a, Kw kw) {
        args::no_kwargs("fromhex", kw);
        args::exactly("fromhex", a.subspan(1), 1);
        auto* s = a[1].as<Str>();
        if (!s) throw_type_error(fmt::format("must be str, not {}", type_name(a[1])));
        const Value result = float_fromhex(s->text);
        if (a[0].as<Type>() == Runtime::current().types.float_.get()) return result;
        return call(a[0], std::span<const Value>(&result, 1));
      },
      F->name))));
  F->add_getter("real", [](const Value& self) { return self; });
  F->add_getter("imag", [](const Value&) { return Value::floating(0.0); });
}

}  // namespace asim::runtime
