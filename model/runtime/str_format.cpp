// str.format (Objects/stringlib/unicode_format.h) and printf-style `%`
// formatting of str (PyUnicode_Format in Objects/unicodeobject.c).
#include <fmt/format.h>

#include <cmath>

#include "model/runtime/dict.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/format.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

// The state one str.format call shares with the fields nested in its specs.
struct FieldFormatter {
  std::span<const Value> args;
  std::span<const Keyword> kwargs;
  const Value* mapping = nullptr;  // format_map's: no positional arguments at all
  enum class Numbering { Unknown, Auto, Manual } numbering = Numbering::Unknown;
  std::size_t next_auto = 0;

  Value argument(std::string_view first) {
    if (first.empty()) {
      if (numbering == Numbering::Manual)
        throw_value_error("cannot switch from manual field specification to automatic field numbering");
      numbering = Numbering::Auto;
      return positional(next_auto++);
    }
    if (std::all_of(first.begin(), first.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      if (numbering == Numbering::Auto)
        throw_value_error("cannot switch from automatic field numbering to manual field specification");
      numbering = Numbering::Manual;
      return positional(std::stoull(std::string(first)));
    }
    if (mapping) return getitem(*mapping, Value::str(std::string(first)));
    for (const auto& kw : kwargs)
      if (kw.name == first) return kw.value;
    throw_key_error(Value::str(std::string(first)));
  }

  Value positional(std::size_t i) {
    if (mapping) throw_value_error("Format string contains positional fields");
    if (i >= args.size()) {
      if (!Runtime::current().features.format_replacement_index_wording) throw_index_error("tuple index out of range");
      throw_index_error(fmt::format("Replacement index {} out of range for positional args tuple", i));
    }
    return args[i];
  }

  // field_name: arg_name ("." attribute | "[" index "]")*
  Value resolve(std::string_view name) {
    std::size_t i = 0;
    while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
    Value v = argument(name.substr(0, i));
    while (i < name.size()) {
      if (name[i] == '.') {
        std::size_t j = i + 1;
        while (j < name.size() && name[j] != '.' && name[j] != '[') ++j;
        if (j == i + 1) throw_value_error("Empty attribute in format string");
        v = getattr(v, name.substr(i + 1, j - i - 1));
        i = j;
      } else {
        const std::size_t close = name.find(']', i);
        if (close == std::string_view::npos) throw_value_error("Missing ']' in format string");
        const std::string_view key = name.substr(i + 1, close - i - 1);
        if (key.empty()) throw_value_error("Empty attribute in format string");
        const bool numeric = std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; });
        v = getitem(v, numeric ? Value::integer(std::stoll(std::string(key))) : Value::str(std::string(key)));
        i = close + 1;
        if (i < name.size() && name[i] != '.' && name[i] != '[')
          throw_value_error("Only '.' or '[' may follow ']' in format field specifier");
      }
    }
    return v;
  }

  std::string render(std::string_view fmt, int depth) {
    if (depth > 2) throw_value_error("Max string recursion exceeded");
    std::string out;
    for (std::size_t i = 0; i < fmt.size();) {
      const char c = fmt[i];
      if (c == '}') {
        if (i + 1 < fmt.size() && fmt[i + 1] == '}') {
          out += '}';
          i += 2;
          continue;
        }
        throw_value_error("Single '}' encountered in format string");
      }
      if (c != '{') {
        out += c;
        ++i;
        continue;
      }
      if (i + 1 < fmt.size() && fmt[i + 1] == '{') {
        out += '{';
        i += 2;
        continue;
      }
      if (i + 1 >= fmt.size()) throw_value_error("Single '{' encountered in format string");
      // The field runs to the matching '}', counting nested braces.
      std::size_t j = i + 1;
      int level = 1;
      for (; j < fmt.size(); ++j) {
        if (fmt[j] == '[') {
          while (j < fmt.size() && fmt[j] != ']') ++j;
          if (j >= fmt.size()) break;
          continue;
        }
        if (fmt[j] == '{') ++level;
        else if (fmt[j] == '}' && --level == 0) break;
      }
      if (j >= fmt.size()) throw_value_error("expected '}' before end of string");
      out += field(fmt.substr(i + 1, j - i - 1), depth);
      i = j + 1;
    }
    return out;
  }

  std::string field(std::string_view f, int depth) {
    std::size_t k = 0;
    while (k < f.size() && f[k] != '!' && f[k] != ':') {
      if (f[k] == '[') {
        while (k < f.size() && f[k] != ']') ++k;
        if (k >= f.size()) break;
      }
      if (f[k] == '{') throw_value_error("unexpected '{' in field name");
      ++k;
    }
    const std::string_view name = f.substr(0, std::min(k, f.size()));
    char conversion = '\0';
    std::string_view spec;
    if (k < f.size() && f[k] == '!') {
      if (k + 1 >= f.size()) throw_value_error("unmatched '{' in format spec");
      conversion = f[k + 1];
      k += 2;
      if (k < f.size() && f[k] != ':') throw_value_error("expected ':' after conversion specifier");
    }
    if (k < f.size() && f[k] == ':') spec = f.substr(k + 1);
    Value v = resolve(name);
    switch (conversion) {
      case '\0': break;
      case 'r': v = Value::str(to_repr(v)); break;
      case 's': v = Value::str(to_str(v)); break;
      case 'a': v = Value::str(to_ascii(v)); break;
      default: throw_value_error(fmt::format("Unknown conversion specifier {}", conversion));
    }
    const std::string expanded = spec.find('{') != std::string_view::npos ? render(spec, depth + 1) : std::string(spec);
    return format(v, expanded);
  }
};

}  // namespace

std::string format_fields(std::string_view fmt, std::span<const Value> args, std::span<const Keyword> kwargs) {
  FieldFormatter f{args, kwargs};
  return f.render(fmt, 0);
}

std::string format_map_fields(std::string_view fmt, const Value& mapping) {
  FieldFormatter f{{}, {}, &mapping};
  return f.render(fmt, 0);
}

std::string percent_format(const std::string& fmt, const Value& args) {
  std::vector<Value> positional;
  const bool is_tuple = args.as<Tuple>() != nullptr;
  if (is_tuple) positional = args.as<Tuple>()->items;
  else positional.push_back(args);
  // A mapping argument serves %(name)s; it counts as used.
  const bool mapping = !is_tuple && args.is_object() && !args.as<Str>() && (args.as<Dict>() || getattr_opt(args, "keys"));
  std::size_t next_arg = 0;
  auto take = [&]() -> Value {
    if (next_arg >= positional.size()) throw_type_error("not enough arguments for format string");
    return positional[next_arg++];
  };
  std::string out;
  for (std::size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') {
      out += fmt[i];
      continue;
    }
    if (++i >= fmt.size()) throw_value_error("incomplete format");
    Value value;
    bool have_value = false;
    if (fmt[i] == '(') {
      if (!mapping) throw_type_error("format requires a mapping");
      int level = 1;
      const std::size_t key_start = i + 1;
      while (level > 0 && ++i < fmt.size()) {
        if (fmt[i] == '(') ++level;
        else if (fmt[i] == ')') --level;
      }
      if (i >= fmt.size()) throw_value_error("incomplete format key");
      value = getitem(args, Value::str(fmt.substr(key_start, i - key_start)));
      have_value = true;
      ++i;
    }
    bool left = false, plus = false, space = false, alt = false, zero = false;
    for (; i < fmt.size(); ++i) {
      const char c = fmt[i];
      if (c == '-') left = true;
      else if (c == '+') plus = true;
      else if (c == ' ') space = true;
      else if (c == '#') alt = true;
      else if (c == '0') zero = true;
      else break;
    }
    std::int64_t width = -1, precision = -1;
    if (i < fmt.size() && fmt[i] == '*') {
      const Value w = take();
      if (!num::is_int(w)) throw_type_error("* wants int");
      width = num::as_i64(w);
      if (width < 0) {
        left = true;
        width = -width;
      }
      ++i;
    } else {
      while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') width = (width < 0 ? 0 : width) * 10 + (fmt[i++] - '0');
    }
    if (i < fmt.size() && fmt[i] == '.') {
      ++i;
      precision = 0;
      if (i < fmt.size() && fmt[i] == '*') {
        const Value p = take();
        if (!num::is_int(p)) throw_type_error("* wants int");
        precision = std::max<std::int64_t>(0, num::as_i64(p));
        ++i;
      } else {
        while (i < fmt.size() && fmt[i] >= '0' && fmt[i] <= '9') precision = precision * 10 + (fmt[i++] - '0');
      }
    }
    while (i < fmt.size() && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L')) ++i;
    if (i >= fmt.size()) throw_value_error("incomplete format");
    const char conv = fmt[i];
    if (conv == '%') {
      out += '%';
      continue;
    }
    if (!have_value) value = take();
    std::string body, sign;
    bool numeric = false;
    const Value& number = plain_number(value);  // an int or float subclass's own number
    switch (conv) {
      case 's': body = to_str(value); break;
      case 'r': body = to_repr(value); break;
      case 'a': body = to_ascii(value); break;
      case 'd': case 'i': case 'u': {
        numeric = true;
        Value n;
        if (num::is_integer(number)) n = number;
        else if (number.kind() == Value::Kind::Float) n = num::float_to_int(number.as_float());
        else
          throw_type_error(fmt::format("%{} format: a {}number is required, not {}", conv,
                                       Runtime::current().features.real_number_wording ? "real " : "", type_name(value)));
        body = num::int_digits(n, 10);
        if (num::sign(n) < 0) sign = "-";
        break;
      }
      case 'x': case 'X': case 'o': {
        numeric = true;
        if (!num::is_integer(number))
          throw_type_error(fmt::format("%{} format: an integer is required, not {}", conv, type_name(value)));
        body = num::int_digits(number, conv == 'o' ? 8 : 16, conv == 'X');
        if (alt) body = (conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X") + body;
        if (num::sign(number) < 0) sign = "-";
        break;
      }
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        numeric = true;
        if (!num::is_number(number)) throw_type_error(fmt::format("must be real number, not {}", type_name(value)));
        const double d = num::as_f64(number);
        std::string spec = alt ? "#" : "";
        spec += "." + std::to_string(precision < 0 ? 6 : precision) + conv;
        body = format_float(std::fabs(d), spec);
        if (std::signbit(d) && !std::isnan(d)) sign = "-";
        break;
      }
      case 'c': {
        if (num::is_int(number)) {
          const auto n = num::as_i64(number);
          if (n < 0 || n > 0x10FFFF) throw_overflow_error("%c arg not in range(0x110000)");
          text::append(body, static_cast<char32_t>(n));
        } else if (auto* s = value.as<Str>(); s && text::length(s->text) == 1) {
          body = s->text;
        } else if (num::is_integer(number) && Runtime::current().features.char_format_big_int_overflows) {
          throw_overflow_error("%c arg not in range(0x110000)");
        } else {
          throw_type_error("%c requires int or char");
        }
        break;
      }
      default:
        throw_value_error(fmt::format("unsupported format character '{}' (0x{:x}) at index {}", conv,
                                      static_cast<unsigned char>(conv), i));
    }
    if (!numeric && precision >= 0 && text::length(body) > precision) body = text::slice(body, 0, precision);
    if (numeric && sign.empty()) sign = plus ? "+" : space ? " " : "";
    std::string field = sign + body;
    const std::int64_t n = text::length(field);
    if (width > n) {
      const auto padding = static_cast<std::size_t>(width - n);
      if (left) field += std::string(padding, ' ');
      else if (zero && numeric) {
        std::size_t after = sign.size();
        if ((conv == 'x' || conv == 'X' || conv == 'o') && alt) after += 2;
        field.insert(after, padding, '0');
      } else {
        field.insert(0, padding, ' ');
      }
    }
    out += field;
  }
  // A mapping argument counts as used; leftover positional ones do not.
  if (!mapping && next_arg < positional.size())
    throw_type_error("not all arguments converted during string formatting");
  return out;
}

}  // namespace asim::runtime
