// The format-spec mini-language (Python/formatter_unicode.c): parsing, and
// rendering ints, floats and strs with fill, alignment, sign, grouping and
// zero padding; and format(v, spec) for any value.
#include "model/runtime/format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

bool is_align(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

}  // namespace

FormatSpec parse_format_spec(std::string_view spec_text, std::string_view type_name, char default_align) {
  const std::u32string spec = text::decode(spec_text);
  FormatSpec s;
  std::size_t pos = 0;
  const std::size_t end = spec.size();
  bool align_given = false;
  if (end - pos >= 2 && is_align(spec[pos + 1])) {
    s.fill = spec[pos];
    s.align = static_cast<char>(spec[pos + 1]);
    s.fill_given = align_given = true;
    pos += 2;
  } else if (end - pos >= 1 && is_align(spec[pos])) {
    s.align = static_cast<char>(spec[pos]);
    align_given = true;
    ++pos;
  }
  if (pos < end && (spec[pos] == '+' || spec[pos] == '-' || spec[pos] == ' ')) s.sign = static_cast<char>(spec[pos++]);
  if (pos < end && spec[pos] == 'z' && Runtime::current().features.format_negative_zero) {
    s.no_neg_zero = true;
    ++pos;
  }
  if (pos < end && spec[pos] == '#') {
    s.alternate = true;
    ++pos;
  }
  // '0' before the width: zero padding, sign-aware for numbers.
  if (!s.fill_given && pos < end && spec[pos] == '0') {
    s.fill = '0';
    if (!align_given && default_align == '>') s.align = '=';
    ++pos;
  }
  auto read_number = [&]() -> std::int64_t {
    std::int64_t n = -1;
    while (pos < end && is_digit(spec[pos])) {
      n = (n < 0 ? 0 : n) * 10 + static_cast<std::int64_t>(spec[pos] - '0');
      if (n > (std::int64_t{1} << 40)) throw_value_error("Too many decimal digits in format string");
      ++pos;
    }
    return n;
  };
  s.width = read_number();
  if (pos < end && spec[pos] == ',') {
    s.grouping = ',';
    ++pos;
  }
  if (pos < end && spec[pos] == '_') {
    if (s.grouping) throw_value_error("Cannot specify both ',' and '_'.");
    s.grouping = '_';
    ++pos;
  }
  if (pos < end && spec[pos] == ',') {
    if (s.grouping == '_') throw_value_error("Cannot specify both ',' and '_'.");
    throw_value_error("Cannot specify ',' with ','.");
  }
  if (pos < end && spec[pos] == '.') {
    ++pos;
    s.precision = read_number();
    if (s.precision < 0) throw_value_error("Format specifier missing precision");
  }
  if (end - pos > 1 && !Runtime::current().features.format_negative_zero) throw_value_error("Invalid format specifier");
  if (end - pos > 1)
    throw_value_error(fmt::format("Invalid format specifier '{}' for object of type '{}'", spec_text, type_name));
  if (end - pos == 1) {
    if (spec[pos] >= 0x80)
      throw_value_error(fmt::format("Unknown format code '\\x{:x}' for object of type '{}'",
                                    static_cast<unsigned>(spec[pos]), type_name));
    s.type = static_cast<char>(spec[pos]);
  }
  if (!s.align) s.align = default_align;
  if (s.grouping) {
    switch (s.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '\0': break;
      case 'b': case 'o': case 'x': case 'X':
        if (s.grouping == '_') break;
        [[fallthrough]];
      default:
        throw_value_error(fmt::format("Cannot specify '{}' with '{}'.", s.grouping, s.type));
    }
  }
  return s;
}

namespace {

// InsertThousandsGrouping with zero fill to min_width, as CPython lays out
// format(1234, '08,') == '0,001,234'.
std::string group_digits(const std::string& digits, char sep, std::int64_t interval, std::int64_t min_width) {
  std::string out;  // built from the right, reversed at the end
  auto remaining = static_cast<std::int64_t>(digits.size());
  std::size_t pos = digits.size();
  bool use_sep = false;
  for (;;) {
    const std::int64_t l = std::min(interval, std::max({remaining, min_width, std::int64_t{1}}));
    const std::int64_t zeros = std::max<std::int64_t>(0, l - remaining);
    const std::int64_t chars = std::max<std::int64_t>(0, std::min(remaining, l));
    if (use_sep) out += sep;
    for (std::int64_t i = 0; i < chars; ++i) out += digits[--pos];
    out.append(static_cast<std::size_t>(zeros), '0');
    remaining -= chars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) break;
    min_width -= 1;
    use_sep = true;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string pad(const std::string& body, const FormatSpec& s, std::size_t after) {
  const std::int64_t n = text::length(body);
  if (s.width <= n) return body;
  const auto total = static_cast<std::size_t>(s.width - n);
  auto fills = [&](std::size_t k) {
    std::string f;
    for (std::size_t i = 0; i < k; ++i) text::append(f, s.fill);
    return f;
  };
  switch (s.align) {
    case '<': return body + fills(total);
    case '^': return fills(total / 2) + body + fills(total - total / 2);
    case '=': return body.substr(0, after) + fills(total) + body.substr(after);
    default: return fills(total) + body;
  }
}

// fill_number: sign, prefix, digits (grouped, zero filled), then the rest
// (decimal point, fraction, exponent, '%').
std::string render_number(const FormatSpec& s, const std::string& sign, const std::string& prefix,
                          std::string digits, const std::string& rest, std::int64_t interval) {
  std::int64_t min_width = 0;
  if (s.fill == '0' && s.align == '=')
    min_width = s.width - static_cast<std::int64_t>(sign.size() + prefix.size() + rest.size());
  if (!digits.empty()) {
    if (s.grouping) digits = group_digits(digits, s.grouping, interval, min_width);
    else if (static_cast<std::int64_t>(digits.size()) < min_width)
      digits.insert(0, static_cast<std::size_t>(min_width) - digits.size(), '0');
  }
  return pad(sign + prefix + digits + rest, s, sign.size() + prefix.size());
}

std::string sign_text(bool negative, char sign) {
  if (negative) return "-";
  if (sign == '+') return "+";
  if (sign == ' ') return " ";
  return "";
}

std::string c_format_alt(char conversion, std::int64_t precision, double x, bool alt) {
  if (!alt) return num::c_format(conversion, precision, x);
  const char spec[] = {'%', '#', '.', '*', conversion, '\0'};
  char buf[512];
  const int n = std::snprintf(buf, sizeof buf, spec, static_cast<int>(precision), x);
  if (n < static_cast<int>(sizeof buf)) return std::string(buf, static_cast<std::size_t>(n));
  std::string out(static_cast<std::size_t>(n) + 1, '\0');
  std::snprintf(out.data(), out.size(), spec, static_cast<int>(precision), x);
  out.resize(static_cast<std::size_t>(n));
  return out;
}

void strip_trailing_zeros(std::string& s) {
  const auto e = s.find('e');
  std::string mantissa = e == std::string::npos ? s : s.substr(0, e);
  const std::string exponent = e == std::string::npos ? "" : s.substr(e);
  if (mantissa.find('.') != std::string::npos) {
    while (!mantissa.empty() && mantissa.back() == '0') mantissa.pop_back();
    if (!mantissa.empty() && mantissa.back() == '.') mantissa.pop_back();
  }
  s = mantissa + exponent;
}

// 'g' as format_float_short does it; add_dot_0 is the no-type-with-
// precision case, which also switches to exponents one digit sooner.
std::string general(double x, std::int64_t precision, bool add_dot_0, bool alt) {
  if (precision == 0) precision = 1;
  const std::string e_form = num::c_format('e', precision - 1, x);
  const int exp10 = std::stoi(e_form.substr(e_form.find('e') + 1));
  const int decpt = exp10 + 1;
  const bool use_exp = decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision);
  std::string s = use_exp ? c_format_alt('e', precision - 1, x, alt) : c_format_alt('f', precision - decpt, x, alt);
  if (!alt) strip_trailing_zeros(s);
  if (add_dot_0 && s.find('.') == std::string::npos && s.find('e') == std::string::npos) s += ".0";
  return s;
}

std::string upper(std::string s) {
  for (auto& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
  return s;
}

// Splits "1234.5e+06" into the integer digits and the rest.
std::pair<std::string, std::string> split_digits(const std::string& body) {
  std::size_t i = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i;
  return {body.substr(0, i), body.substr(i)};
}

}  // namespace

std::string format_int(const Value& v, std::string_view spec, std::string_view type_name) {
  FormatSpec s = parse_format_spec(spec, type_name, '>');
  switch (s.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%':
      return format_float(num::as_f64(v), spec);
    default: break;
  }
  if (s.precision >= 0) throw_value_error("Precision not allowed in integer format specifier");
  if (s.no_neg_zero) throw_value_error("Negative zero coercion (z) not allowed in integer format specifier");
  int base = 10;
  bool upper_case = false;
  std::string prefix;
  std::int64_t interval = 3;
  switch (s.type) {
    case '\0': case 'd': case 'n': break;
    case 'b': base = 2, prefix = "0b", interval = 4; break;
    case 'o': base = 8, prefix = "0o", interval = 4; break;
    case 'x': base = 16, prefix = "0x", interval = 4; break;
    case 'X': base = 16, prefix = "0X", upper_case = true, interval = 4; break;
    case 'c': {
      if (s.sign) throw_value_error("Sign not allowed with integer format specifier 'c'");
      if (s.alternate) throw_value_error("Alternate form (#) not allowed with integer format specifier 'c'");
      if (num::as_big(v)) throw_overflow_error("Python int too large to convert to C long");
      if (num::as_i64(v) < 0 || num::as_i64(v) > 0x10FFFF) throw_overflow_error("%c arg not in range(0x110000)");
      std::string ch;
      text::append(ch, static_cast<char32_t>(num::as_i64(v)));
      FormatSpec t = s;
      if (t.align == '=') t.align = '>';
      return pad(ch, t, 0);
    }
    default:
      throw_value_error(fmt::format("Unknown format code '{}' for object of type '{}'", s.type, type_name));
  }
  if (!s.alternate) prefix.clear();
  return render_number(s, sign_text(num::sign(v) < 0, s.sign), prefix, num::int_digits(v, base, upper_case), "",
                       interval);
}

std::string format_float(double v, std::string_view spec) {
  FormatSpec s = parse_format_spec(spec, "float", '>');
  char type = s.type;
  switch (type) {
    case '\0': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': case 'n': break;
    default: throw_value_error(fmt::format("Unknown format code '{}' for object of type 'float'", type));
  }
  if (type == 'n') type = 'g';
  bool percent = false;
  if (type == '%') {
    v *= 100;
    type = 'f';
    percent = true;
  }
  bool negative = std::signbit(v) && !std::isnan(v);
  const double x = std::fabs(v);
  std::string body;
  if (std::isnan(x)) body = "nan";
  else if (std::isinf(x)) body = "inf";
  else {
    switch (type) {
      case '\0': body = s.precision < 0 ? float_repr(x) : general(x, s.precision, true, s.alternate); break;
      case 'g': case 'G': body = general(x, s.precision < 0 ? 6 : s.precision, false, s.alternate); break;
      case 'e': case 'E': body = c_format_alt('e', s.precision < 0 ? 6 : s.precision, x, s.alternate); break;
      default: body = c_format_alt('f', s.precision < 0 ? 6 : s.precision, x, s.alternate); break;
    }
    if (s.type == '\0' && s.precision < 0 && s.alternate && body.find('.') == std::string::npos) {
      // repr-style with '#': keep a decimal point.
      const auto e = body.find('e');
      body.insert(e == std::string::npos ? body.size() : e, ".");
    }
  }
  if (type == 'E' || type == 'F' || type == 'G') body = upper(body);
  // 'z': a negative zero after rounding prints as zero.
  if (negative && s.no_neg_zero && body.find_first_not_of("0.eE+-%") == std::string::npos) negative = false;
  auto [digits, rest] = split_digits(body);
  if (percent) rest += "%";
  return render_number(s, sign_text(negative, s.sign), "", digits, rest, 3);
}

std::string format_text(const std::string& str, std::string_view spec) {
  FormatSpec s = parse_format_spec(spec, "str", '<');
  // A str's spec without a type has type 's', with which no grouping goes.
  if (s.grouping && s.type == '\0') throw_value_error(fmt::format("Cannot specify '{}' with 's'.", s.grouping));
  if (s.type != '\0' && s.type != 's')
    throw_value_error(fmt::format("Unknown format code '{}' for object of type 'str'", s.type));
  if (s.sign) throw_value_error("Sign not allowed in string format specifier");
  if (s.alternate) throw_value_error("Alternate form (#) not allowed in string format specifier");
  if (s.align == '=') throw_value_error("'=' alignment not allowed in string format specifier");
  std::string body = str;
  if (s.precision >= 0 && text::length(body) > s.precision) body = text::slice(body, 0, s.precision);
  return pad(body, s, 0);
}

std::string format(const Value& v, std::string_view spec) {
  switch (v.kind()) {
    case Value::Kind::Int: return spec.empty() ? std::to_string(v.as_int()) : format_int(v, spec);
    case Value::Kind::Bool: return spec.empty() ? to_str(v) : format_int(Value::integer(v.as_bool()), spec, "bool");
    case Value::Kind::Float: return spec.empty() ? float_repr(v.as_float()) : format_float(v.as_float(), spec);
    default: break;
  }
  const bool derived = overridable(v);
  if (auto* s = v.as<Str>(); s && !derived) return spec.empty() ? s->text : format_text(s->text, spec);
  if (num::as_big(v)) return spec.empty() ? num::int_str(v) : format_int(v, spec);
  if (auto f = type_of(v)->lookup_override("__format__")) {
    const Value args[] = {v, Value::str(std::string(spec))};
    const Value r = call(*f, args);
    auto* s = r.as<Str>();
    if (!s) throw_type_error(fmt::format("__format__ must return a str, not {}", type_name(r)));
    return s->text;
  }
  if (derived) {
    // str.__format__, int.__format__, float.__format__ of a subclass
    // instance: str(self) for an empty spec, which its __str__ or __repr__ gives.
    if (spec.empty()) return to_str(v);
    if (auto* s = v.as<Str>()) return format_text(s->text, spec);
    if (auto* n = v.as<DerivedNumber>()) return format(n->value, spec);
  }
  // object.__format__: str(self) for an empty spec only.
  if (spec.empty()) return to_str(v);
  throw_type_error(fmt::format("unsupported format string passed to {}.__format__", type_name(v)));
}

}  // namespace asim::runtime
