// bytes and bytearray (Objects/bytesobject.c, Objects/bytearrayobject.c,
// Objects/bytes_methods.c) and the codecs str.encode / bytes.decode use
// (utf-8, ascii, latin-1 from Objects/unicodeobject.c). Case and spaces are
// ASCII only, as for CPython's bytes.
#include "model/runtime/bytes.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/args.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterators.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

using Args = std::span<const Value>;
using Kw = std::span<const Keyword>;

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// A byte value from an int, else "byte must be in range(0, 256)" (the
// message varies with the caller).
unsigned char byte_value(const Value& v, const char* range_error) {
  const std::int64_t n = index_value(v);
  if (n < 0 || n > 255) throw_value_error(range_error);
  return static_cast<unsigned char>(n);
}

// A bytes-like argument's data, else CPython's TypeError.
const std::string* bytes_like(const Value& v) {
  if (auto* b = v.as<Bytes>()) return &b->data;
  return nullptr;
}
const std::string& bytes_arg(const Value& v) {
  if (auto* d = bytes_like(v)) return *d;
  throw_type_error(fmt::format("a bytes-like object is required, not '{}'", type_name(v)));
}

// The codec's canonical name (encodings.normalize_encoding and the aliases
// of utf-8, ascii and latin-1), or "" when asim has no such codec.
std::string codec_name(std::string_view encoding) {
  std::string n;
  for (char c : encoding) n += c == '_' || c == ' ' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (n == "utf-8" || n == "utf8" || n == "u8") return "utf-8";
  if (n == "ascii" || n == "us-ascii" || n == "646") return "ascii";
  if (n == "latin-1" || n == "latin1" || n == "iso-8859-1" || n == "iso8859-1" || n == "l1" || n == "8859" ||
      n == "cp819")
    return "latin-1";
  return "";
}

std::string known_codec(std::string_view encoding) {
  std::string name = codec_name(encoding);
  if (name.empty()) raise(Runtime::current().builtins.LookupError, fmt::format("unknown encoding: {}", encoding));
  return name;
}

void check_errors(std::string_view errors) {
  if (errors != "strict" && errors != "ignore" && errors != "replace")
    raise(Runtime::current().builtins.LookupError, fmt::format("unknown error handler name '{}'", errors));
}

[[noreturn]] void codec_error(const char* cls, std::string message) {
  raise(Runtime::current().builtins.by_name(cls), std::move(message));
}

std::string position_text(std::size_t start, std::size_t end) {
  return end - start == 1 ? fmt::format("position {}", start) : fmt::format("position {}-{}", start, end - 1);
}

// The length of the valid UTF-8 sequence at data[i], or 0 with `reason` and
// the number of bytes CPython reports as bad.
std::size_t utf8_sequence(std::string_view d, std::size_t i, const char*& reason, std::size_t& bad) {
  const auto c = static_cast<unsigned char>(d[i]);
  bad = 1;
  if (c < 0x80) return 1;
  std::size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    reason = "invalid start byte";
    return 0;
  }
  for (std::size_t k = 1; k < n; ++k) {
    if (i + k >= d.size()) {
      reason = "unexpected end of data";
      bad = k;
      return 0;
    }
    const auto b = static_cast<unsigned char>(d[i + k]);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) {
      reason = "invalid continuation byte";
      bad = k;
      return 0;
    }
  }
  return n;
}

// bytes.decode(encoding, errors)
std::string decode(std::string_view d, std::string_view encoding, std::string_view errors) {
  const std::string codec = known_codec(encoding);
  check_errors(errors);
  std::string out;
  for (std::size_t i = 0; i < d.size();) {
    const auto c = static_cast<unsigned char>(d[i]);
    if (codec == "latin-1" || c < 0x80) {
      text::append(out, c);
      ++i;
      continue;
    }
    const char* reason = "ordinal not in range(128)";
    std::size_t bad = 1;
    if (codec == "utf-8") {
      if (const auto n = utf8_sequence(d, i, reason, bad)) {
        out.append(d.substr(i, n));
        i += n;
        continue;
      }
    }
    if (errors == "strict") {
      codec_error("UnicodeDecodeError",
                  bad == 1 ? fmt::format("'{}' codec can't decode byte 0x{:02x} in position {}: {}", codec, c, i, reason)
                           : fmt::format("'{}' codec can't decode bytes in {}: {}", codec, position_text(i, i + bad),
                                         reason));
    }
    if (errors == "replace") out += "\xEF\xBF\xBD";
    i += bad;
  }
  return out;
}

std::string escaped_char(char32_t c) {
  if (c < 0x100) return fmt::format("\\x{:02x}", static_cast<unsigned>(c));
  if (c < 0x10000) return fmt::format("\\u{:04x}", static_cast<unsigned>(c));
  return fmt::format("\\U{:08x}", static_cast<unsigned>(c));
}

std::vector<std::string> split_whitespace(std::string_view d, std::int64_t maxsplit) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (true) {
    while (i < d.size() && is_space(static_cast<unsigned char>(d[i]))) ++i;
    if (i == d.size()) break;
    if (maxsplit >= 0 && static_cast<std::int64_t>(out.size()) == maxsplit) {
      std::size_t end = d.size();
      while (end > i && is_space(static_cast<unsigned char>(d[end - 1]))) --end;
      out.emplace_back(d.substr(i, end - i));
      break;
    }
    std::size_t j = i;
    while (j < d.size() && !is_space(static_cast<unsigned char>(d[j]))) ++j;
    out.emplace_back(d.substr(i, j - i));
    i = j;
  }
  return out;
}

std::vector<std::string> split_on(std::string_view d, std::string_view sep, std::int64_t maxsplit) {
  if (sep.empty()) throw_value_error("empty separator");
  std::vector<std::string> out;
  std::size_t i = 0;
  while (maxsplit < 0 || static_cast<std::int64_t>(out.size()) < maxsplit) {
    const auto j = d.find(sep, i);
    if (j == std::string_view::npos) break;
    out.emplace_back(d.substr(i, j - i));
    i = j + sep.size();
  }
  out.emplace_back(d.substr(i));
  return out;
}

std::string strip(std::string_view d, const Value* chars, bool left, bool right) {
  auto strips = [&](unsigned char c) {
    if (!chars || chars->is_none()) return is_space(c);
    return bytes_arg(*chars).find(static_cast<char>(c)) != std::string::npos;
  };
  std::size_t i = 0, j = d.size();
  if (left)
    while (i < j && strips(static_cast<unsigned char>(d[i]))) ++i;
  if (right)
    while (j > i && strips(static_cast<unsigned char>(d[j - 1]))) --j;
  return std::string(d.substr(i, j - i));
}

// The sub-bytes of find/count/index: bytes, or an int for one byte.
std::string needle_of(const Value& v) {
  if (auto* d = bytes_like(v)) return *d;
  if (num::is_int(v)) return std::string(1, static_cast<char>(byte_value(v, "byte must be in range(0, 256)")));
  throw_type_error(fmt::format("argument should be integer or bytes-like object, not '{}'", type_name(v)));
}

std::pair<std::size_t, std::size_t> window(Args a, std::size_t first, std::size_t n) {
  auto bound = [&](std::size_t i, std::int64_t dflt) {
    if (a.size() <= i || a[i].is_none()) return dflt;
    std::int64_t v = index_value(a[i]);
    const auto len = static_cast<std::int64_t>(n);
    if (v < 0) v = std::max<std::int64_t>(0, v + len);
    return std::min(v, len);
  };
  return {static_cast<std::size_t>(bound(first, 0)), static_cast<std::size_t>(bound(first + 1, static_cast<std::int64_t>(n)))};
}

std::int64_t find_in(std::string_view d, Args a, bool reverse) {
  const std::string sub = needle_of(a[1]);
  const auto [lo, hi] = window(a, 2, d.size());
  if (lo > hi || hi - lo < sub.size()) return -1;
  const std::string_view w = d.substr(lo, hi - lo);
  const auto at = reverse ? w.rfind(sub) : w.find(sub);
  return at == std::string_view::npos ? -1 : static_cast<std::int64_t>(lo + at);
}

bool affix(std::string_view d, const Value& what, Args a, bool end, const char* method) {
  const auto [lo, hi] = window(a, 2, d.size());
  auto one = [&, lo = lo, hi = hi](const std::string& s) {
    if (lo > hi || hi - lo < s.size()) return false;
    const std::string_view w = d.substr(lo, hi - lo);
    return end ? w.substr(w.size() - s.size()) == s : w.substr(0, s.size()) == s;
  };
  if (auto* t = what.as<Tuple>()) {
    for (const auto& x : t->items) {
      auto* s = bytes_like(x);
      if (!s) throw_type_error(fmt::format("a bytes-like object is required, not '{}'", type_name(x)));
      if (one(*s)) return true;
    }
    return false;
  }
  if (auto* s = bytes_like(what)) return one(*s);
  throw_type_error(
      fmt::format("{} first arg must be bytes or a tuple of bytes, not {}", method, type_name(what)));
}

std::string bytes_from(const Value& v) {
  if (auto* d = bytes_like(v)) return *d;
  if (v.as<Str>()) throw_type_error("string argument without an encoding");
  if (num::is_int(v)) {
    const auto n = index_value(v);
    if (n < 0) throw_value_error("negative count");
    return std::string(static_cast<std::size_t>(n), '\0');
  }
  if (v.kind() == Value::Kind::Float || !v.is_object())
    throw_type_error(fmt::format("cannot convert '{}' object to bytes", type_name(v)));
  std::string out;
  for (const auto& x : to_vector(v)) out += static_cast<char>(byte_value(x, "bytes must be in range(0, 256)"));
  return out;
}

// bytes(...) and bytearray(...): (source, encoding, errors).
std::string construct(const char* name, Args a, Kw kw) {
  auto p = args::bind(name, a, kw, {"source", "encoding", "errors"}, 3, 0);
  if (!p[0]) {
    if (p[1] || p[2]) throw_type_error(p[1] ? "encoding without a string argument" : "errors without a string argument");
    return "";
  }
  if (p[1] || p[2]) {
    auto* s = p[0]->as<Str>();
    if (!s) throw_type_error(p[1] ? "encoding without a string argument" : "errors without a string argument");
    const std::string enc = p[1] ? to_str(*p[1]) : "utf-8";
    const Value r = encode_text(s->text, enc, p[2] ? to_str(*p[2]) : "strict");
    return r.as<Bytes>()->data;
  }
  return bytes_from(*p[0]);
}

Value bytes_list(const Bytes& self, std::vector<std::string> parts) {
  std::vector<Value> out;
  out.reserve(parts.size());
  for (auto& p : parts) out.push_back(make_bytes_like(self, std::move(p)));
  return make_list(std::move(out));
}

// _Py_bytes_title and friends (Objects/bytes_methods.c): ASCII letters only.
bool is_lower_byte(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper_byte(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_alpha_byte(unsigned char c) { return is_lower_byte(c) || is_upper_byte(c); }
bool is_digit_byte(unsigned char c) { return c >= '0' && c <= '9'; }
char to_upper_byte(char c) { return is_lower_byte(static_cast<unsigned char>(c)) ? static_cast<char>(c - 32) : c; }
char to_lower_byte(char c) { return is_upper_byte(static_cast<unsigned char>(c)) ? static_cast<char>(c + 32) : c; }

std::string title_bytes(std::string s) {
  bool previous_cased = false;
  for (char& c : s) {
    const auto u = static_cast<unsigned char>(c);
    c = previous_cased ? to_lower_byte(c) : to_upper_byte(c);
    previous_cased = is_alpha_byte(u);
  }
  return s;
}

// _Py_bytes_istitle: some cased byte, uppercase ones only after uncased
// ones, lowercase ones only after cased ones.
bool is_title_bytes(std::string_view s) {
  bool cased = false, previous_cased = false;
  for (unsigned char c : s) {
    if (is_upper_byte(c)) {
      if (previous_cased) return false;
      previous_cased = cased = true;
    } else if (is_lower_byte(c)) {
      if (!previous_cased) return false;
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return cased;
}

void install_case_methods(const Ref<Type>& B) {
  // The methods that take no argument (METH_NOARGS).
  auto noargs = [&B](const char* m, auto body) {
    const std::string qualified = B->name + "." + m;
    def(B, m, [B, m, qualified, body](Args a, Kw kw) {
      args::no_kwargs(qualified, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      args::exactly(qualified, a.subspan(1), 0);
      return body(self);
    });
  };
  auto mapper = [&](const char* m, std::string (*map)(std::string)) {
    noargs(m, [map](const Bytes& self) { return make_bytes_like(self, map(self.data)); });
  };
  mapper("title", title_bytes);
  mapper("capitalize", [](std::string s) {
    for (std::size_t i = 0; i < s.size(); ++i) s[i] = i ? to_lower_byte(s[i]) : to_upper_byte(s[i]);
    return s;
  });
  mapper("swapcase", [](std::string s) {
    for (char& c : s) c = is_upper_byte(static_cast<unsigned char>(c)) ? to_lower_byte(c) : to_upper_byte(c);
    return s;
  });
  // The predicates: every byte passes, and there is one (isascii: also of none).
  auto every = [&](const char* m, bool (*pass)(unsigned char), bool empty) {
    noargs(m, [pass, empty](const Bytes& self) {
      if (self.data.empty()) return Value::boolean(empty);
      return Value::boolean(std::all_of(self.data.begin(), self.data.end(),
                                        [pass](char c) { return pass(static_cast<unsigned char>(c)); }));
    });
  };
  every("isalpha", is_alpha_byte, false);
  every("isdigit", is_digit_byte, false);
  every("isalnum", [](unsigned char c) { return is_alpha_byte(c) || is_digit_byte(c); }, false);
  every("isspace", is_space, false);
  every("isascii", [](unsigned char c) { return c < 0x80; }, true);
  // islower / isupper: some byte of the case, none of the other.
  auto cased = [&](const char* m, bool (*mine)(unsigned char), bool (*other)(unsigned char)) {
    noargs(m, [mine, other](const Bytes& self) {
      bool some = false;
      for (unsigned char c : self.data) {
        if (other(c)) return Value::boolean(false);
        some = some || mine(c);
      }
      return Value::boolean(some);
    });
  };
  cased("islower", is_lower_byte, is_upper_byte);
  cased("isupper", is_upper_byte, is_lower_byte);
  noargs("istitle", [](const Bytes& self) { return Value::boolean(is_title_bytes(self.data)); });
}

// The byte a fill argument stands for (center, ljust, rjust).
char fill_byte(Args a, std::size_t i, const char* m) {
  if (a.size() <= i) return ' ';
  auto* d = bytes_like(a[i]);
  if (!d || d->size() != 1)
    throw_type_error(fmt::format("{}() argument 2 must be a byte string of length 1, not {}", m, type_name(a[i])));
  return (*d)[0];
}

// bytes.partition / rpartition (stringlib/partition.h).
Value partition(const Bytes& self, const Value& sep_arg, bool reverse) {
  const std::string& sep = bytes_arg(sep_arg);
  if (sep.empty()) throw_value_error("empty separator");
  const auto at = reverse ? self.data.rfind(sep) : self.data.find(sep);
  if (at == std::string::npos) {
    Value whole = make_bytes_like(self, self.data);
    Value empty = make_bytes_like(self, "");
    return reverse ? make_tuple({empty, make_bytes_like(self, ""), whole})
                   : make_tuple({whole, empty, make_bytes_like(self, "")});
  }
  return make_tuple({make_bytes_like(self, self.data.substr(0, at)), make_bytes_like(self, sep),
                     make_bytes_like(self, self.data.substr(at + sep.size()))});
}

// bytes.hex(sep, bytes_per_sep) (_Py_strhex_impl): sep between groups of
// bytes_per_sep bytes counted from the right, or from the left when negative.
std::string hex_text(std::string_view d, const std::optional<Value>& sep_arg, std::int64_t per) {
  std::string digits;
  for (unsigned char c : d) digits += fmt::format("{:02x}", c);
  if (!sep_arg) return digits;
  std::string sep;
  if (auto* s = sep_arg->as<Str>()) sep = s->text;
  else if (auto* b = bytes_like(*sep_arg)) sep = *b;
  else throw_type_error(fmt::format("sep must be str or bytes."));
  if (text::length(sep) != 1) throw_value_error("sep must be length 1.");
  if (static_cast<unsigned char>(sep[0]) >= 0x80) throw_value_error("sep must be ASCII.");
  if (per == 0 || d.empty()) return digits;
  const std::size_t group = static_cast<std::size_t>(per < 0 ? -per : per);
  const std::size_t n = d.size();
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    // A separator goes before byte i when a group ends there.
    const bool boundary = per > 0 ? (n - i) % group == 0 : i % group == 0;
    if (i && boundary) out += sep;
    out += digits.substr(2 * i, 2);
  }
  return out;
}

void install_layout_methods(const Ref<Type>& B) {
  for (auto [name, kind] : {std::pair{"ljust", 'l'}, std::pair{"rjust", 'r'}, std::pair{"center", 'c'}}) {
    def(B, name, [B, name = name, kind = kind](Args a, Kw kw) {
      args::no_kwargs(name, kw);
      auto& self = self_as<Bytes>(a, *B, name);
      args::count(name, a.subspan(1), 1, 2);
      const std::int64_t width = index_value(a[1]);
      const char fill = fill_byte(a, 2, name);
      const auto len = static_cast<std::int64_t>(self.data.size());
      if (width <= len) return make_bytes_like(self, self.data);
      const std::int64_t marg = width - len;
      const std::int64_t left = kind == 'l' ? 0 : kind == 'r' ? marg : marg / 2 + (marg & width & 1);
      return make_bytes_like(self, std::string(static_cast<std::size_t>(left), fill) + self.data +
                                       std::string(static_cast<std::size_t>(marg - left), fill));
    });
  }
  def(B, "zfill", [B](Args a, Kw kw) {
    args::no_kwargs("zfill", kw);
    auto& self = self_as<Bytes>(a, *B, "zfill");
    args::exactly("zfill", a.subspan(1), 1);
    const std::int64_t width = index_value(a[1]);
    std::string out = self.data;
    const auto len = static_cast<std::int64_t>(out.size());
    if (width > len) {
      const std::size_t at = !out.empty() && (out[0] == '+' || out[0] == '-') ? 1 : 0;
      out.insert(at, static_cast<std::size_t>(width - len), '0');
    }
    return make_bytes_like(self, std::move(out));
  });
  def(B, "expandtabs", [B](Args a, Kw kw) {
    auto& self = self_as<Bytes>(a, *B, "expandtabs");
    auto p = args::bind("expandtabs", a.subspan(1), kw, {"tabsize"}, 1, 0, false);
    const std::int64_t tabsize = p[0] ? index_value(*p[0]) : 8;
    std::string out;
    std::int64_t column = 0;
    for (char c : self.data) {
      if (c == '\t') {
        if (tabsize > 0) {
          const std::int64_t spaces = tabsize - column % tabsize;
          out.append(static_cast<std::size_t>(spaces), ' ');
          column += spaces;
        }
        continue;
      }
      out += c;
      column = c == '\n' || c == '\r' ? 0 : column + 1;
    }
    return make_bytes_like(self, std::move(out));
  });
  def(B, "splitlines", [B](Args a, Kw kw) {
    auto& self = self_as<Bytes>(a, *B, "splitlines");
    auto p = args::bind("splitlines", a.subspan(1), kw, {"keepends"}, 1, 0);
    const bool keepends = p[0] && truthy(*p[0]);
    const std::string& d = self.data;
    std::vector<std::string> parts;
    for (std::size_t i = 0; i < d.size();) {
      std::size_t j = i;
      while (j < d.size() && d[j] != '\n' && d[j] != '\r') ++j;
      std::size_t eol = j;
      if (j < d.size()) eol = j + (d[j] == '\r' && j + 1 < d.size() && d[j + 1] == '\n' ? 2 : 1);
      parts.push_back(d.substr(i, (keepends ? eol : j) - i));
      i = eol;
    }
    return bytes_list(self, std::move(parts));
  });
  for (const char* m : {"partition", "rpartition"}) {
    const std::string qualified = B->name + "." + m;
    def(B, m, [B, m, qualified](Args a, Kw kw) {
      args::no_kwargs(qualified, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      args::exactly(qualified, a.subspan(1), 1);
      return partition(self, a[1], m[0] == 'r');
    });
  }
  for (const char* m : {"removeprefix", "removesuffix"}) {
    const std::string qualified = B->name + "." + m;
    def(B, m, [B, m, qualified](Args a, Kw kw) {
      args::no_kwargs(qualified, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      args::exactly(qualified, a.subspan(1), 1);
      const std::string& affix = bytes_arg(a[1]);
      const std::string& d = self.data;
      if (m[6] == 'p') return make_bytes_like(self, d.starts_with(affix) ? d.substr(affix.size()) : d);
      return make_bytes_like(self, d.ends_with(affix) ? d.substr(0, d.size() - affix.size()) : d);
    });
  }
  def(B, "translate", [B](Args a, Kw kw) {
    auto& self = self_as<Bytes>(a, *B, "translate");
    auto p = args::bind("translate", a.subspan(1), kw, {"table", "delete"}, 2, 1);
    const std::string* table = nullptr;
    if (!p[0]->is_none()) {
      table = &bytes_arg(*p[0]);
      if (table->size() != 256) throw_value_error("translation table must be 256 characters long");
    }
    const std::string remove = p[1] ? bytes_arg(*p[1]) : "";
    std::string out;
    for (char c : self.data) {
      if (remove.find(c) != std::string::npos) continue;
      out += table ? (*table)[static_cast<unsigned char>(c)] : c;
    }
    return make_bytes_like(self, std::move(out));
  });
  B->dict["maketrans"] = Value(make<StaticMethod>(Value(builtin_function(
      "maketrans",
      [](Args a, Kw kw) {
        args::no_kwargs("maketrans", kw);
        args::count("maketrans", a, 2, 2);
        const std::string& from = bytes_arg(a[0]);
        const std::string& to = bytes_arg(a[1]);
        if (from.size() != to.size()) throw_value_error("maketrans arguments must have same length");
        std::string table(256, '\0');
        for (int i = 0; i < 256; ++i) table[static_cast<std::size_t>(i)] = static_cast<char>(i);
        for (std::size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
        return make_bytes(std::move(table));
      },
      B->name))));
}

void install_methods(const Ref<Type>& B) {
  def(B, "decode", [B](Args a, Kw kw) {
    auto& self = self_as<Bytes>(a, *B, "decode");
    auto p = args::bind("decode", a.subspan(1), kw, {"encoding", "errors"}, 2, 0);
    const bool named = Runtime::current().features.clinic_names_arguments;
    return Value::str(decode(self.data, p[0] ? args::str_argument(*p[0], "decode", 1, "encoding", named) : "utf-8",
                             p[1] ? args::str_argument(*p[1], "decode", 2, "errors", named) : "strict"));
  });
  def(B, "hex", [B](Args a, Kw kw) {
    auto& self = self_as<Bytes>(a, *B, "hex");
    // 3.8 made hex() a clinic function with its separator arguments.
    if (!Runtime::current().features.clinic_names_arguments) {
      args::no_kwargs("hex", kw);
      args::exactly("hex", a.subspan(1), 0);
    }
    auto p = args::bind("hex", a.subspan(1), kw, {"sep", "bytes_per_sep"}, 2, 0);
    return Value::str(hex_text(self.data, p[0], p[1] ? index_value(*p[1]) : 1));
  });
  def(B, "join", [B](Args a, Kw kw) {
    args::no_kwargs("join", kw);
    auto& self = self_as<Bytes>(a, *B, "join");
    args::exactly("join", a.subspan(1), 1);
    std::string out;
    std::size_t i = 0;
    for (const auto& x : to_vector(a[1])) {
      auto* d = bytes_like(x);
      if (!d) throw_type_error(fmt::format("sequence item {}: expected a bytes-like object, {} found", i, type_name(x)));
      if (i++) out += self.data;
      out += *d;
    }
    return make_bytes_like(self, std::move(out));
  });
  for (const char* m : {"startswith", "endswith"}) {
    def(B, m, [B, m](Args a, Kw kw) {
      args::no_kwargs(m, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      if (a.size() < 2) throw_type_error(fmt::format("{}() takes at least 1 argument (0 given)", m));
      return Value::boolean(affix(self.data, a[1], a, m[0] == 'e', m));
    });
  }
  for (const char* m : {"split", "rsplit"}) {
    def(B, m, [B, m](Args a, Kw kw) {
      auto& self = self_as<Bytes>(a, *B, m);
      auto p = args::bind(m, a.subspan(1), kw, {"sep", "maxsplit"}, 2, 0);
      const std::int64_t maxsplit = p[1] ? index_value(*p[1]) : -1;
      if (!p[0] || p[0]->is_none()) {
        if (m[0] == 'r' && maxsplit >= 0) {
          std::string rev(self.data.rbegin(), self.data.rend());
          auto parts = split_whitespace(rev, maxsplit);
          std::reverse(parts.begin(), parts.end());
          for (auto& s : parts) std::reverse(s.begin(), s.end());
          return bytes_list(self, std::move(parts));
        }
        return bytes_list(self, split_whitespace(self.data, maxsplit));
      }
      const std::string& sep = bytes_arg(*p[0]);
      if (m[0] == 'r' && maxsplit >= 0) {
        std::string rev(self.data.rbegin(), self.data.rend()), rsep(sep.rbegin(), sep.rend());
        auto parts = split_on(rev, rsep, maxsplit);
        std::reverse(parts.begin(), parts.end());
        for (auto& s : parts) std::reverse(s.begin(), s.end());
        return bytes_list(self, std::move(parts));
      }
      return bytes_list(self, split_on(self.data, sep, maxsplit));
    });
  }
  for (const char* m : {"strip", "lstrip", "rstrip"}) {
    def(B, m, [B, m](Args a, Kw kw) {
      args::no_kwargs(m, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      args::count(m, a.subspan(1), 0, 1);
      return make_bytes_like(self, strip(self.data, a.size() > 1 ? &a[1] : nullptr, m[0] != 'r', m[0] != 'l'));
    });
  }
  for (const char* m : {"find", "rfind", "index", "rindex"}) {
    def(B, m, [B, m](Args a, Kw kw) {
      args::no_kwargs(m, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      if (a.size() < 2) throw_type_error(fmt::format("{} expected at least 1 argument, got 0", m));
      const std::string_view name(m);
      const auto at = find_in(self.data, a, name[0] == 'r');
      if (at < 0 && name.find("index") != std::string_view::npos) throw_value_error("subsection not found");
      return Value::integer(at);
    });
  }
  def(B, "count", [B](Args a, Kw kw) {
    args::no_kwargs("count", kw);
    auto& self = self_as<Bytes>(a, *B, "count");
    if (a.size() < 2) throw_type_error("count expected at least 1 argument, got 0");
    const std::string sub = needle_of(a[1]);
    const auto [lo, hi] = window(a, 2, self.data.size());
    if (lo > hi) return Value::integer(0);
    const std::string_view w = std::string_view(self.data).substr(lo, hi - lo);
    if (sub.empty()) return Value::integer(static_cast<std::int64_t>(w.size() + 1));
    std::int64_t n = 0;
    for (auto i = w.find(sub); i != std::string_view::npos; i = w.find(sub, i + sub.size())) ++n;
    return Value::integer(n);
  });
  def(B, "replace", [B](Args a, Kw kw) {
    args::no_kwargs("replace", kw);
    auto& self = self_as<Bytes>(a, *B, "replace");
    args::count("replace", a.subspan(1), 2, 3);
    const std::string& old = bytes_arg(a[1]);
    const std::string& now = bytes_arg(a[2]);
    std::int64_t count = a.size() > 3 ? index_value(a[3]) : -1;
    std::string out;
    std::size_t i = 0;
    if (old.empty()) {
      for (; count != 0 && i <= self.data.size(); --count) {
        out += now;
        if (i < self.data.size()) out += self.data[i];
        ++i;
      }
      if (i < self.data.size()) out += self.data.substr(i);
      return make_bytes_like(self, std::move(out));
    }
    for (; count != 0; --count) {
      const auto j = self.data.find(old, i);
      if (j == std::string::npos) break;
      out += self.data.substr(i, j - i) + now;
      i = j + old.size();
    }
    out += self.data.substr(i);
    return make_bytes_like(self, std::move(out));
  });
  for (const char* m : {"upper", "lower"}) {
    def(B, m, [B, m](Args a, Kw kw) {
      args::no_kwargs(m, kw);
      auto& self = self_as<Bytes>(a, *B, m);
      args::exactly(m, a.subspan(1), 0);
      std::string out = self.data;
      for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x80) c = static_cast<char>(m[0] == 'u' ? std::toupper(c) : std::tolower(c));
      return make_bytes_like(self, std::move(out));
    });
  }
  install_case_methods(B);
  install_layout_methods(B);
}

}  // namespace

std::string bytes_literal(std::string_view data) {
  const bool single = data.find('\'') != std::string_view::npos && data.find('"') == std::string_view::npos;
  const char quote = single ? '"' : '\'';
  std::string out = "b";
  out += quote;
  for (unsigned char c : data) {
    if (c == quote || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < ' ' || c >= 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out += static_cast<char>(c);
    }
  }
  out += quote;
  return out;
}

std::string Bytes::repr() const { return bytes_literal(data); }
std::string ByteArray::repr() const { return "bytearray(" + bytes_literal(data) + ")"; }

Value make_bytes(std::string data) { return Value(make<Bytes>(std::move(data))); }

Value make_bytes_like(const Bytes& a, std::string data) {
  if (dynamic_cast<const ByteArray*>(&a)) return Value(make<ByteArray>(std::move(data)));
  return make_bytes(std::move(data));
}

Value bytes_getitem(const Bytes& b, const Value& key) {
  const auto n = static_cast<std::int64_t>(b.data.size());
  if (auto* s = key.as<Slice>()) {
    const auto ix = s->indices(n);
    std::string out;
    for (std::int64_t k = 0, i = ix.start; k < ix.count; ++k, i += ix.step) out += b.data[static_cast<std::size_t>(i)];
    return make_bytes_like(b, std::move(out));
  }
  if (!num::is_int(key) && !(key.is_object() && key.object()->user_class()))
    throw_type_error(fmt::format("{} indices must be integers or slices, not {}",
                                 dynamic_cast<const ByteArray*>(&b) ? "bytearray" : "byte", type_name(key)));
  std::int64_t i = index_value(key);
  if (i < 0) i += n;
  if (i < 0 || i >= n)
    throw_index_error(dynamic_cast<const ByteArray*>(&b) ? "bytearray index out of range" : "index out of range");
  return Value::integer(static_cast<unsigned char>(b.data[static_cast<std::size_t>(i)]));
}

namespace {

std::size_t bytearray_position(const ByteArray& b, const Value& key) {
  if (!num::is_int(key) && !(key.is_object() && key.object()->user_class()))
    throw_type_error(fmt::format("bytearray indices must be integers or slices, not {}", type_name(key)));
  const auto n = static_cast<std::int64_t>(b.data.size());
  std::int64_t i = index_value(key);
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw_index_error("bytearray index out of range");
  return static_cast<std::size_t>(i);
}

}  // namespace

// bytearray_ass_subscript: a slice takes bytes-like data or an iterable of
// ints; an extended slice only as many bytes as it has.
void bytearray_setitem(ByteArray& b, const Value& key, const Value& value) {
  if (auto* s = key.as<Slice>()) {
    if (num::is_int(value))
      throw_type_error(fmt::format("can assign only bytes, buffers, or iterables of ints in range(0, 256)"));
    const std::string data = bytes_from(value);
    const auto ix = s->indices(static_cast<std::int64_t>(b.data.size()));
    if (ix.step == 1) {
      const auto lo = static_cast<std::size_t>(ix.start);
      const auto hi = static_cast<std::size_t>(std::max(ix.start, ix.stop));
      b.data.replace(lo, hi - lo, data);
      return;
    }
    if (static_cast<std::int64_t>(data.size()) != ix.count)
      throw_value_error(fmt::format("attempt to assign bytes of size {} to extended slice of size {}", data.size(),
                                    ix.count));
    for (std::int64_t k = 0, i = ix.start; k < ix.count; ++k, i += ix.step)
      b.data[static_cast<std::size_t>(i)] = data[static_cast<std::size_t>(k)];
    return;
  }
  b.data[bytearray_position(b, key)] = static_cast<char>(byte_value(value, "byte must be in range(0, 256)"));
}

void bytearray_delitem(ByteArray& b, const Value& key) {
  if (auto* s = key.as<Slice>()) {
    const auto ix = s->indices(static_cast<std::int64_t>(b.data.size()));
    std::vector<bool> drop(b.data.size(), false);
    for (std::int64_t k = 0, i = ix.start; k < ix.count; ++k, i += ix.step) drop[static_cast<std::size_t>(i)] = true;
    std::string kept;
    for (std::size_t i = 0; i < b.data.size(); ++i)
      if (!drop[i]) kept += b.data[i];
    b.data.swap(kept);
    return;
  }
  b.data.erase(bytearray_position(b, key), 1);
}

bool bytes_contains(const Bytes& b, const Value& needle) {
  if (auto* d = bytes_like(needle)) return b.data.find(*d) != std::string::npos;
  if (num::is_int(needle) || (needle.is_object() && needle.object()->user_class()))
    return b.data.find(static_cast<char>(byte_value(needle, "byte must be in range(0, 256)"))) != std::string::npos;
  throw_type_error(fmt::format("a bytes-like object is required, not '{}'", type_name(needle)));
}

Value encode_text(const std::string& s, std::string_view encoding, std::string_view errors) {
  const std::string codec = known_codec(encoding);
  check_errors(errors);
  if (codec == "utf-8") return make_bytes(s);
  const char32_t limit = codec == "ascii" ? 0x80 : 0x100;
  const std::u32string u = text::decode(s);
  std::string out;
  for (std::size_t i = 0; i < u.size(); ++i) {
    if (u[i] < limit) {
      out += static_cast<char>(u[i]);
      continue;
    }
    if (errors == "strict") {
      std::size_t j = i;
      while (j < u.size() && u[j] >= limit) ++j;
      const std::string range = fmt::format("ordinal not in range({})", limit == 0x80 ? 128 : 256);
      if (j - i == 1)
        codec_error("UnicodeEncodeError", fmt::format("'{}' codec can't encode character '{}' in position {}: {}",
                                                      codec, escaped_char(u[i]), i, range));
      codec_error("UnicodeEncodeError",
                  fmt::format("'{}' codec can't encode characters in {}: {}", codec, position_text(i, j), range));
    }
    if (errors == "replace") out += '?';
  }
  return make_bytes(std::move(out));
}

// bytes.fromhex (_PyBytes_FromHex): pairs of hex digits, ASCII whitespace
// allowed before each pair.
std::string from_hex(std::string_view s) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  auto invalid = [](std::size_t at) {
    throw_value_error(fmt::format("non-hexadecimal number found in fromhex() arg at position {}", at));
  };
  std::string out;
  std::size_t i = 0;
  while (true) {
    while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size()) break;
    const int top = digit(s[i]);
    if (top < 0) invalid(i);
    const int bottom = i + 1 < s.size() ? digit(s[i + 1]) : -1;
    if (bottom < 0) invalid(i + 1);
    out += static_cast<char>(top * 16 + bottom);
    i += 2;
  }
  return out;
}

void install_bytes_types(BuiltinTypes& t) {
  install_methods(t.bytes);
  install_methods(t.bytearray);
  for (const auto& B : {t.bytes, t.bytearray}) {
    const bool array = B == t.bytearray;
    B->dict["fromhex"] = Value(make<ClassMethod>(Value(builtin_function(
        "fromhex",
        [array](Args a, Kw kw) {
          args::no_kwargs("fromhex", kw);
          args::exactly("fromhex", a.subspan(1), 1);
          auto* s = a[1].as<Str>();
          if (!s) throw_type_error(fmt::format("fromhex() argument must be str, not {}", type_name(a[1])));
          std::string data = from_hex(s->text);
          return array ? Value(make<ByteArray>(std::move(data))) : make_bytes(std::move(data));
        },
        B->name))));
  }
  t.bytes->constructor = [](const Ref<Type>&, Args a, Kw kw) { return make_bytes(construct("bytes", a, kw)); };
  const auto& BA = t.bytearray;
  t.bytearray->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    return Value(make<ByteArray>(construct("bytearray", a, kw)));
  };
  def(BA, "append", [BA](Args a, Kw kw) {
    args::no_kwargs("append", kw);
    auto& self = self_as<ByteArray>(a, *BA, "append");
    args::exactly("append", a.subspan(1), 1);
    self.data += static_cast<char>(byte_value(a[1], "byte must be in range(0, 256)"));
    return Value::none();
  });
  def(BA, "insert", [BA](Args a, Kw kw) {
    args::no_kwargs("insert", kw);
    auto& self = self_as<ByteArray>(a, *BA, "insert");
    args::count("insert", a.subspan(1), 2, 2);
    const auto n = static_cast<std::int64_t>(self.data.size());
    std::int64_t at = index_value(a[1]);
    if (at < 0) at = std::max<std::int64_t>(0, at + n);
    at = std::min(at, n);
    self.data.insert(static_cast<std::size_t>(at), 1,
                     static_cast<char>(byte_value(a[2], "byte must be in range(0, 256)")));
    return Value::none();
  });
  def(BA, "pop", [BA](Args a, Kw kw) {
    args::no_kwargs("pop", kw);
    auto& self = self_as<ByteArray>(a, *BA, "pop");
    args::count("pop", a.subspan(1), 0, 1);
    const auto n = static_cast<std::int64_t>(self.data.size());
    std::int64_t at = a.size() > 1 ? index_value(a[1]) : -1;
    if (n == 0) throw_index_error("pop from empty bytearray");
    if (at < 0) at += n;
    if (at < 0 || at >= n) throw_index_error("pop index out of range");
    const auto byte = static_cast<unsigned char>(self.data[static_cast<std::size_t>(at)]);
    self.data.erase(static_cast<std::size_t>(at), 1);
    return Value::integer(byte);
  });
  def(BA, "remove", [BA](Args a, Kw kw) {
    const std::string qualified = "bytearray.remove";
    args::no_kwargs(qualified, kw);
    auto& self = self_as<ByteArray>(a, *BA, "remove");
    args::exactly(qualified, a.subspan(1), 1);
    const auto at = self.data.find(static_cast<char>(byte_value(a[1], "byte must be in range(0, 256)")));
    if (at == std::string::npos) throw_value_error("value not found in bytearray");
    self.data.erase(at, 1);
    return Value::none();
  });
  for (const char* m : {"clear", "copy", "reverse"}) {
    const std::string qualified = std::string("bytearray.") + m;
    def(BA, m, [BA, m, qualified](Args a, Kw kw) {
      args::no_kwargs(qualified, kw);
      auto& self = self_as<ByteArray>(a, *BA, m);
      args::exactly(qualified, a.subspan(1), 0);
      if (m[1] == 'o') return Value(make<ByteArray>(self.data));
      if (m[0] == 'c') self.data.clear();
      else std::reverse(self.data.begin(), self.data.end());
      return Value::none();
    });
  }
  def(BA, "extend", [BA](Args a, Kw kw) {
    args::no_kwargs("extend", kw);
    auto& self = self_as<ByteArray>(a, *BA, "extend");
    args::exactly("extend", a.subspan(1), 1);
    if (a[1].as<Str>()) throw_type_error("expected iterable of integers; got: 'str'");
    self.data += bytes_from(a[1]);
    return Value::none();
  });
}

}  // namespace asim::runtime
