// int, bool and float as classes: their constructors (long_new,
// float_new, bool_new) and methods.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <cstdlib>

#include "model/runtime/args.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"

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

}  // namespace

void install_number_types(BuiltinTypes& t) {
  using Args = std::span<const Value>;
  using Kw = std::span<const Keyword>;

  t.int_->constructor = [](const Ref<Type>&, Args a, Kw kw) -> Value {
    if (a.size() > 2) throw_type_error(fmt::format("int() takes at most 2 arguments ({} given)", a.size()));
    std::optional<Value> base_arg = a.size() > 1 ? std::optional<Value>(a[1]) : std::nullopt;
    for (const auto& k : kw) {
      if (k.name != "base") throw_type_error(fmt::format("'{}' is an invalid keyword argument for int()", k.name));
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
      if (!s) throw_type_error("int() can't convert non-string with explicit base");
      if (auto v = num::parse_int(s->text, static_cast<int>(base))) return *v;
      throw_value_error(fmt::format("invalid literal for int() with base {}: {}", base, to_repr(x)));
    }
    if (num::is_int(x)) return Value::integer(num::as_i64(x));
    if (num::as_big(x)) return x;
    if (x.kind() == Value::Kind::Float) return num::float_to_int(x.as_float());
    if (auto* s = x.as<Str>()) {
      if (auto v = num::parse_int(s->text, 10)) return *v;
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
    throw_type_error(fmt::format(
        "int() argument must be a string, a bytes-like object or a real number, not '{}'", type_name(x)));
  };
  t.float_->constructor = [](const Ref<Type>&, Args a, Kw kw) -> Value {
    args::no_kwargs("float", kw);
    args::count("float", a, 0, 1);
    if (a.empty()) return Value::floating(0.0);
    const Value& x = a[0];
    if (num::is_number(x)) return Value::floating(num::as_f64(x));
    if (auto* s = x.as<Str>()) {
      if (auto v = num::parse_float(s->text)) return Value::floating(*v);
      throw_value_error(fmt::format("could not convert string to float: {}", to_repr(x)));
    }
    if (x.is_object()) {
      if (auto f = type_of(x)->lookup_override("__float__")) return call(*f, std::span<const Value>(&x, 1));
      if (auto* n = x.as<DerivedNumber>()) return Value::floating(num::as_f64(n->value));
    }
    throw_type_error(fmt::format("float() argument must be a string or a real number, not '{}'", type_name(x)));
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
