// The str type's methods (Objects/unicodeobject.c, Objects/stringlib).
// Positions count code points; case mapping and the character classes come
// from the Unicode Character Database (unicode_text.hpp).
#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/args.hpp"
#include "model/runtime/bytes.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/format.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text.hpp"
#include "model/runtime/unicode_text.hpp"

namespace asim::runtime {

namespace {

using U = std::u32string;

bool is_space(char32_t c) { return unicode::has(c, unicode::kSpace); }
bool is_upper(char32_t c) { return unicode::has(c, unicode::kUpper); }
bool is_lower(char32_t c) { return unicode::has(c, unicode::kLower); }
bool is_title(char32_t c) { return unicode::has(c, unicode::kTitle); }
bool is_cased(char32_t c) { return unicode::has(c, unicode::kCased); }
bool is_alpha(char32_t c) { return unicode::has(c, unicode::kAlpha); }
bool is_decimal(char32_t c) { return unicode::has(c, unicode::kDecimal); }
bool is_digit(char32_t c) { return unicode::has(c, unicode::kDigit); }
bool is_numeric(char32_t c) { return unicode::has(c, unicode::kNumeric); }

// lower_ucs4: a capital sigma is final (ς) after a cased letter that no
// cased letter follows, case-ignorable ones skipped (handle_capital_sigma).
void append_lower_at(const U& s, std::size_t i, U& out) {
  if (s[i] != 0x3A3) {
    unicode::append_lower(s[i], out);
    return;
  }
  auto cased_beyond = [&](std::size_t j, int step) {
    for (; j < s.size(); j += static_cast<std::size_t>(step)) {
      if (!unicode::has(s[j], unicode::kCaseIgnorable)) return is_cased(s[j]);
    }
    return false;
  };
  const bool final = i > 0 && cased_beyond(i - 1, -1) && !cased_beyond(i + 1, 1);
  out += final ? U'\u03C2' : U'\u03C3';
}

Value str_value(const U& s) { return Value::str(text::encode(s)); }
Value str_value(std::string s) { return Value::str(std::move(s)); }

const std::string& self_text(std::span<const Value> a, const Type& t, std::string_view m) {
  return self_as<Str>(a, t, m).text;
}

// A str argument, else CPython's "must be str, not int".
const std::string& str_arg(const Value& v, std::string_view what = "must be str") {
  if (auto* s = v.as<Str>()) return s->text;
  throw_type_error(fmt::format("{}, not {}", what, type_name(v)));
}

// The [start, end) window of find/count/startswith, clamped as slices are.
std::pair<std::int64_t, std::int64_t> window(std::span<const Value> a, std::size_t first, std::int64_t n) {
  auto bound = [&](std::size_t i, std::int64_t dflt) {
    if (a.size() <= i || a[i].is_none()) return dflt;
    std::int64_t v = index_value(a[i]);
    if (v < 0) v = std::max<std::int64_t>(0, v + n);
    return std::min(v, n);
  };
  return {bound(first, 0), bound(first + 1, n)};
}

// find / rfind / count over code points.
std::int64_t find_in(const U& s, const U& sub, std::int64_t start, std::int64_t end, bool reverse) {
  if (end - start < static_cast<std::int64_t>(sub.size())) return -1;
  const auto hay = std::u32string_view(s).substr(static_cast<std::size_t>(start), static_cast<std::size_t>(end - start));
  const auto pos = reverse ? hay.rfind(sub) : hay.find(sub);
  return pos == std::u32string_view::npos ? -1 : static_cast<std::int64_t>(pos) + start;
}

std::vector<Value> split_whitespace(const U& s, std::int64_t maxsplit) {
  std::vector<Value> out;
  std::size_t i = 0;
  const std::size_t n = s.size();
  while (i < n) {
    while (i < n && is_space(s[i])) ++i;
    if (i >= n) break;
    if (maxsplit == 0) {
      out.push_back(str_value(s.substr(i)));
      // CPython keeps trailing whitespace in the unsplit rest.
      return out;
    }
    std::size_t j = i;
    while (j < n && !is_space(s[j])) ++j;
    out.push_back(str_value(s.substr(i, j - i)));
    --maxsplit;
    i = j;
  }
  return out;
}

std::vector<Value> rsplit_whitespace(const U& s, std::int64_t maxsplit) {
  std::vector<Value> out;
  std::int64_t i = static_cast<std::int64_t>(s.size()) - 1;
  while (i >= 0) {
    while (i >= 0 && is_space(s[static_cast<std::size_t>(i)])) --i;
    if (i < 0) break;
    if (maxsplit == 0) {
      out.push_back(str_value(s.substr(0, static_cast<std::size_t>(i) + 1)));
      break;
    }
    std::int64_t j = i;
    while (j >= 0 && !is_space(s[static_cast<std::size_t>(j)])) --j;
    out.push_back(str_value(s.substr(static_cast<std::size_t>(j + 1), static_cast<std::size_t>(i - j))));
    --maxsplit;
    i = j;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::vector<Value> split_sep(const std::string& s, const std::string& sep, std::int64_t maxsplit) {
  std::vector<Value> out;
  std::size_t i = 0;
  while (maxsplit != 0) {
    const auto j = s.find(sep, i);
    if (j == std::string::npos) break;
    out.push_back(str_value(s.substr(i, j - i)));
    i = j + sep.size();
    --maxsplit;
  }
  out.push_back(str_value(s.substr(i)));
  return out;
}

std::vector<Value> rsplit_sep(const std::string& s, const std::string& sep, std::int64_t maxsplit) {
  std::vector<Value> out;
  std::size_t end = s.size();
  while (maxsplit != 0 && end >= sep.size()) {
    const auto j = s.rfind(sep, end - sep.size());
    if (j == std::string::npos) break;
    out.push_back(str_value(s.substr(j + sep.size(), end - j - sep.size())));
    end = j;
    --maxsplit;
  }
  out.push_back(str_value(s.substr(0, end)));
  std::reverse(out.begin(), out.end());
  return out;
}

// strip/lstrip/rstrip: whitespace, or the code points in `chars`.
std::string strip(const std::string& text_in, const Value* chars, bool left, bool right) {
  const U s = text::decode(text_in);
  U set;
  const bool ws = !chars || chars->is_none();
  if (!ws) set = text::decode(str_arg(*chars, "strip arg must be None or str"));
  auto strip_it = [&](char32_t c) { return ws ? is_space(c) : set.find(c) != U::npos; };
  std::size_t i = 0, j = s.size();
  if (left)
    while (i < j && strip_it(s[i])) ++i;
  if (right)
    while (j > i && strip_it(s[j - 1])) --j;
  return text::encode(std::u32string_view(s).substr(i, j - i));
}

// A one-code-point fill argument.
char32_t fill_char(std::span<const Value> a, std::size_t i) {
  if (a.size() <= i) return ' ';
  const U f = text::decode(str_arg(a[i], "The fill character must be a unicode character"));
  if (f.size() != 1) throw_type_error("The fill character must be exactly one character long");
  return f[0];
}

std::string repeat_char(char32_t c, std::int64_t n) {
  std::string out;
  for (std::int64_t i = 0; i < n; ++i) text::append(out, c);
  return out;
}

template <class Pred>
Value all_chars(const std::string& s, Pred pred) {
  if (s.empty()) return Value::boolean(false);
  for (char32_t c : text::decode(s))
    if (!pred(c)) return Value::boolean(false);
  return Value::boolean(true);
}

// startswith/endswith: prefix or tuple of prefixes, within [start, end).
Value starts_or_ends(std::span<const Value> a, const std::string& s, bool ends, const char* name) {
  args::count(name, a.subspan(1), 1, 3);
  const U u = text::decode(s);
  auto [start, end] = window(a, 2, static_cast<std::int64_t>(u.size()));
  auto test = [&, start = start, end = end](const Value& p) {
    auto* ps = p.as<Str>();
    if (!ps)
      throw_type_error(fmt::format("{} first arg must be str or a tuple of str, not {}", name, type_name(p)));
    const U pu = text::decode(ps->text);
    if (end - start < static_cast<std::int64_t>(pu.size()) || start > end) return false;
    const auto from = ends ? static_cast<std::size_t>(end) - pu.size() : static_cast<std::size_t>(start);
    return std::u32string_view(u).substr(from, pu.size()) == pu;
  };
  if (auto* t = a[1].as<Tuple>()) {
    for (const auto& p : t->items) {
      if (!p.as<Str>())
        throw_type_error(fmt::format("tuple for {} must only contain str, not {}", name, type_name(p)));
      if (test(p)) return Value::boolean(true);
    }
    return Value::boolean(false);
  }
  if (!a[1].as<Str>())
    throw_type_error(fmt::format("{} first arg must be str or a tuple of str, not {}", name, type_name(a[1])));
  return Value::boolean(test(a[1]));
}

// str.maketrans (unicode_maketrans_impl): a dict from code points to what
// translate() puts in their place.
Value str_maketrans(std::span<const Value> a) {
  auto table = make<Dict>();
  if (a.size() == 1) {
    auto* d = a[0].as<Dict>();
    if (!d) throw_type_error("if you give only one argument to maketrans it must be a dict");
    for (const auto& e : d->entries()) {
      if (!e.live) continue;
      if (auto* k = e.key.as<Str>()) {
        const U u = text::decode(k->text);
        if (u.size() != 1) throw_value_error("string keys in translate table must be of length 1");
        table->set(Value::integer(u[0]), e.value);
      } else if (num::is_integer(e.key)) {
        table->set(e.key, e.value);
      } else {
        throw_type_error("keys in translate table must be strings or integers");
      }
    }
    return Value(table);
  }
  for (std::size_t i = 0; i < a.size(); ++i)
    if (!a[i].as<Str>())
      throw_type_error(fmt::format("maketrans() argument {} must be str, not {}", i + 1, type_name(a[i])));
  const U from = text::decode(a[0].as<Str>()->text);
  const U to = text::decode(a[1].as<Str>()->text);
  if (from.size() != to.size()) throw_value_error("the first two maketrans arguments must have equal length");
  for (std::size_t i = 0; i < from.size(); ++i) table->set(Value::integer(from[i]), Value::integer(to[i]));
  if (a.size() == 3)
    for (char32_t c : text::decode(a[2].as<Str>()->text)) table->set(Value::integer(c), Value::none());
  return Value(table);
}

// str.translate (_PyUnicode_TranslateCharmap): each character looked up in
// the table by code point; a LookupError keeps it, None drops it, an int or
// a str replaces it.
std::string str_translate(const std::string& self, const Value& table) {
  std::string out;
  for (char32_t c : text::decode(self)) {
    Value mapped;
    try {
      mapped = getitem(table, Value::integer(c));
    } catch (PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.LookupError.get())) throw;
      text::append(out, c);
      continue;
    }
    if (mapped.is_none()) continue;
    if (num::is_integer(mapped)) {
      const std::int64_t code = num::is_int(mapped) ? num::as_i64(mapped) : -1;
      if (code < 0 || code > 0x10FFFF) throw_value_error("character mapping must be in range(0x110000)");
      text::append(out, static_cast<char32_t>(code));
    } else if (auto* s = mapped.as<Str>()) {
      out += s->text;
    } else {
      throw_type_error("character mapping must return integer, None or str");
    }
  }
  return out;
}

}  // namespace

void install_str_type(BuiltinTypes& t) {
  const auto& T = t.str;
  const Type* ty = T.get();
  using Args = std::span<const Value>;
  using Kw = std::span<const Keyword>;

  T->dict["maketrans"] = Value(make<StaticMethod>(Value(builtin_function(
      "maketrans",
      [](Args a, Kw kw) {
        args::no_kwargs("maketrans", kw);
        args::count("maketrans", a, 1, 3);
        return str_maketrans(a);
      },
      T->name))));
  def(T, "translate", [ty](Args a, Kw kw) {
    args::no_kwargs("translate", kw);
    const auto& self = self_as<Str>(a, *ty, "translate");
    args::exactly("translate", a.subspan(1), 1);
    return Value::str(str_translate(self.text, a[1]));
  });
  def(T, "join", [ty](Args a, Kw kw) {
    args::no_kwargs("str.join", kw);
    const std::string& sep = self_text(a, *ty, "join");
    args::exactly("str.join", a.subspan(1), 1);
    std::vector<Value> items;
    try {
      items = to_vector(a[1]);
    } catch (const PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get())) throw;
      throw_type_error("can only join an iterable");
    }
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      auto* s = items[i].as<Str>();
      if (!s)
        throw_type_error(fmt::format("sequence item {}: expected str instance, {} found", i, type_name(items[i])));
      if (i) out += sep;
      out += s->text;
    }
    return Value::str(std::move(out));
  });
  for (const bool reverse : {false, true}) {
    const std::string name = reverse ? "rsplit" : "split";
    def(T, name, [ty, name, reverse](Args a, Kw kw) {
      const std::string& s = self_text(a, *ty, name);
      auto p = args::bind(name, a.subspan(1), kw, {"sep", "maxsplit"}, 2, 0);
      const std::int64_t maxsplit = p[1] ? index_value(*p[1]) : -1;
      if (!p[0] || p[0]->is_none()) {
        const U u = text::decode(s);
        return make_list(reverse ? rsplit_whitespace(u, maxsplit) : split_whitespace(u, maxsplit));
      }
      const std::string& sep = str_arg(*p[0], "must be str or None");
      if (sep.empty()) throw_value_error("empty separator");
      return make_list(reverse ? rsplit_sep(s, sep, maxsplit) : split_sep(s, sep, maxsplit));
    });
  }
  for (auto [name, left, right] : {std::tuple{"strip", true, true}, std::tuple{"lstrip", true, false},
                                   std::tuple{"rstrip", false, true}}) {
    const std::string n = name;
    def(T, n, [ty, n, left = left, right = right](Args a, Kw kw) {
      args::no_kwargs(n, kw);
      const std::string& s = self_text(a, *ty, n);
      args::count(n, a.subspan(1), 0, 1);
      return Value::str(strip(s, a.size() > 1 ? &a[1] : nullptr, left, right));
    });
  }
  auto mapper = [&](const std::string& name, auto fn) {
    def(T, name, [ty, name, fn](Args a, Kw kw) {
      args::no_kwargs("str." + name, kw);
      const std::string& s = self_text(a, *ty, name);
      args::exactly("str." + name, a.subspan(1), 0);
      U out;
      fn(text::decode(s), out);
      return str_value(out);
    });
  };
  mapper("upper", [](const U& u, U& out) {
    for (char32_t c : u) unicode::append_upper(c, out);
  });
  mapper("lower", [](const U& u, U& out) {
    for (std::size_t i = 0; i < u.size(); ++i) append_lower_at(u, i, out);
  });
  mapper("casefold", [](const U& u, U& out) {
    for (char32_t c : u) unicode::append_casefold(c, out);
  });
  mapper("swapcase", [](const U& u, U& out) {
    for (std::size_t i = 0; i < u.size(); ++i) {
      if (is_upper(u[i])) append_lower_at(u, i, out);
      else if (is_lower(u[i])) unicode::append_upper(u[i], out);
      else out += u[i];
    }
  });
  mapper("capitalize", [](const U& u, U& out) {
    for (std::size_t i = 0; i < u.size(); ++i) {
      if (i > 0) append_lower_at(u, i, out);
      else if (Runtime::current().features.capitalize_titlecases) unicode::append_title(u[i], out);
      else unicode::append_upper(u[i], out);
    }
  });
  mapper("title", [](const U& u, U& out) {
    // do_title: titlecase after a character that is not cased, lower after
    // a cased one.
    bool previous_cased = false;
    for (std::size_t i = 0; i < u.size(); ++i) {
      if (previous_cased) append_lower_at(u, i, out);
      else unicode::append_title(u[i], out);
      previous_cased = is_cased(u[i]);
    }
  });
  def(T, "startswith", [ty](Args a, Kw kw) {
    args::no_kwargs("startswith", kw);
    return starts_or_ends(a, self_text(a, *ty, "startswith"), false, "startswith");
  });
  def(T, "endswith", [ty](Args a, Kw kw) {
    args::no_kwargs("endswith", kw);
    return starts_or_ends(a, self_text(a, *ty, "endswith"), true, "endswith");
  });
  def(T, "replace", [ty](Args a, Kw kw) {
    const std::string& s = self_text(a, *ty, "replace");
    auto p = args::bind("replace", a.subspan(1), kw, {"old", "new", "count"}, 3, 2);
    const std::string& old_s = str_arg(*p[0], "replace() argument 1 must be str");
    const std::string& new_s = str_arg(*p[1], "replace() argument 2 must be str");
    std::int64_t count = p[2] ? index_value(*p[2]) : -1;
    if (old_s.empty()) {
      // Inserts new before every code point and at the end.
      const U u = text::decode(s);
      std::string out;
      std::size_t i = 0;
      for (; i < u.size() && count != 0; ++i, --count) out += new_s + text::encode(U(1, u[i]));
      if (count != 0) out += new_s;
      out += text::encode(std::u32string_view(u).substr(std::min(i, u.size())));
      return Value::str(std::move(out));
    }
    std::string out;
    std::size_t i = 0;
    while (count != 0) {
      const auto j = s.find(old_s, i);
      if (j == std::string::npos) break;
      out.append(s, i, j - i);
      out += new_s;
      i = j + old_s.size();
      --count;
    }
    out.append(s, i, std::string::npos);
    return Value::str(std::move(out));
  });
  for (auto [name, reverse, raising] : {std::tuple{"find", false, false}, std::tuple{"rfind", true, false},
                                        std::tuple{"index", false, true}, std::tuple{"rindex", true, true}}) {
    const std::string n = name;
    def(T, n, [ty, n, reverse = reverse, raising = raising](Args a, Kw kw) {
      args::no_kwargs(n, kw);
      const U s = text::decode(self_text(a, *ty, n));
      args::count(n, a.subspan(1), 1, 3);
      const U sub = text::decode(str_arg(a[1], "must be str"));
      auto [start, end] = window(a, 2, static_cast<std::int64_t>(s.size()));
      const auto pos = start > end ? -1 : find_in(s, sub, start, end, reverse);
      if (pos < 0 && raising) throw_value_error("substring not found");
      return Value::integer(pos);
    });
  }
  def(T, "count", [ty](Args a, Kw kw) {
    args::no_kwargs("count", kw);
    const U s = text::decode(self_text(a, *ty, "count"));
    args::count("count", a.subspan(1), 1, 3);
    const U sub = text::decode(str_arg(a[1], "must be str"));
    auto [start, end] = window(a, 2, static_cast<std::int64_t>(s.size()));
    if (start > end) return Value::integer(0);
    if (sub.empty()) return Value::integer(end - start + 1);
    std::int64_t c = 0;
    for (auto i = start; (i = find_in(s, sub, i, end, false)) >= 0; i += static_cast<std::int64_t>(sub.size())) ++c;
    return Value::integer(c);
  });
  for (auto [name, kind] : {std::pair{"ljust", 'l'}, std::pair{"rjust", 'r'}, std::pair{"center", 'c'}}) {
    const std::string n = name;
    def(T, n, [ty, n, kind = kind](Args a, Kw kw) {
      args::no_kwargs(n, kw);
      const std::string& s = self_text(a, *ty, n);
      args::count(n, a.subspan(1), 1, 2);
      const std::int64_t width = index_value(a[1]);
      const char32_t fill = fill_char(a, 2);
      const std::int64_t len = text::length(s);
      if (width <= len) return a[0];
      const std::int64_t marg = width - len;
      if (kind == 'l') return Value::str(s + repeat_char(fill, marg));
      if (kind == 'r') return Value::str(repeat_char(fill, marg) + s);
      const std::int64_t left = marg / 2 + (marg & width & 1);
      return Value::str(repeat_char(fill, left) + s + repeat_char(fill, marg - left));
    });
  }
  def(T, "zfill", [ty](Args a, Kw kw) {
    args::no_kwargs("zfill", kw);
    const std::string& s = self_text(a, *ty, "zfill");
    args::exactly("zfill", a.subspan(1), 1);
    const std::int64_t width = index_value(a[1]);
    const std::int64_t len = text::length(s);
    if (width <= len) return a[0];
    std::string out = s;
    const std::size_t at = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    out.insert(at, static_cast<std::size_t>(width - len), '0');
    return Value::str(std::move(out));
  });
  def(T, "format", [ty](Args a, Kw kw) {
    const std::string& s = self_text(a, *ty, "format");
    return Value::str(format_fields(s, a.subspan(1), kw));
  });
  def(T, "format_map", [ty](Args a, Kw kw) {
    args::no_kwargs("format_map", kw);
    const std::string& s = self_text(a, *ty, "format_map");
    args::exactly("format_map", a.subspan(1), 1);
    return Value::str(format_map_fields(s, a[1]));
  });
  auto predicate = [&](const std::string& name, auto pred) {
    def(T, name, [ty, name, pred](Args a, Kw kw) {
      args::no_kwargs("str." + name, kw);
      const std::string& s = self_text(a, *ty, name);
      args::exactly("str." + name, a.subspan(1), 0);
      return all_chars(s, pred);
    });
  };
  predicate("isdigit", is_digit);
  predicate("isdecimal", is_decimal);
  predicate("isnumeric", is_numeric);
  predicate("isalpha", is_alpha);
  predicate("isalnum", [](char32_t c) { return is_alpha(c) || is_decimal(c) || is_digit(c) || is_numeric(c); });
  predicate("isspace", is_space);
  // The text methods that take no argument and answer from the characters.
  auto question = [&](const std::string& name, auto answer) {
    def(T, name, [ty, name, answer](Args a, Kw kw) {
      args::no_kwargs("str." + name, kw);
      const std::string& s = self_text(a, *ty, name);
      args::exactly("str." + name, a.subspan(1), 0);
      return Value::boolean(answer(text::decode(s)));
    });
  };
  // unicode_isupper_impl / unicode_islower_impl: some cased character, and
  // none of the other case (or titlecase).
  question("isupper", [](const U& u) {
    bool cased = false;
    for (char32_t c : u) {
      if (is_lower(c) || is_title(c)) return false;
      cased = cased || is_upper(c);
    }
    return cased;
  });
  question("islower", [](const U& u) {
    bool cased = false;
    for (char32_t c : u) {
      if (is_upper(c) || is_title(c)) return false;
      cased = cased || is_lower(c);
    }
    return cased;
  });
  // unicode_istitle_impl: uppercase and titlecase only after an uncased
  // character, lowercase only after a cased one.
  question("istitle", [](const U& u) {
    bool cased = false, previous_cased = false;
    for (char32_t c : u) {
      if (is_upper(c) || is_title(c)) {
        if (previous_cased) return false;
        previous_cased = cased = true;
      } else if (is_lower(c)) {
        if (!previous_cased) return false;
        previous_cased = cased = true;
      } else {
        previous_cased = false;
      }
    }
    return cased;
  });
  question("isascii", [](const U& u) { return std::all_of(u.begin(), u.end(), [](char32_t c) { return c < 0x80; }); });
  question("isprintable", [](const U& u) {
    return std::all_of(u.begin(), u.end(), [](char32_t c) { return unicode::has(c, unicode::kPrintable); });
  });
  question("isidentifier", [](const U& u) {
    if (u.empty() || !unicode::has(u[0], unicode::kIdStart)) return false;
    return std::all_of(u.begin() + 1, u.end(), [](char32_t c) { return unicode::has(c, unicode::kIdContinue); });
  });
  def(T, "splitlines", [ty](Args a, Kw kw) {
    const U s = text::decode(self_text(a, *ty, "splitlines"));
    auto p = args::bind("splitlines", a.subspan(1), kw, {"keepends"}, 1, 0);
    const bool keep = p[0] && truthy(*p[0]);
    std::vector<Value> out;
    std::size_t i = 0;
    while (i < s.size()) {
      std::size_t j = i;
      while (j < s.size() && !(s[j] == '\n' || s[j] == '\r' || s[j] == '\v' || s[j] == '\f' ||
                               (s[j] >= 0x1c && s[j] <= 0x1e) || s[j] == 0x85 || s[j] == 0x2028 || s[j] == 0x2029))
        ++j;
      std::size_t eol = j;
      if (j < s.size()) eol = (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? j + 2 : j + 1;
      out.push_back(str_value(s.substr(i, (keep ? eol : j) - i)));
      i = eol;
    }
    return make_list(std::move(out));
  });
  for (const bool reverse : {false, true}) {
    const std::string name = reverse ? "rpartition" : "partition";
    def(T, name, [ty, name, reverse](Args a, Kw kw) {
      args::no_kwargs(name, kw);
      const std::string& s = self_text(a, *ty, name);
      args::exactly(name, a.subspan(1), 1);
      const std::string& sep = str_arg(a[1], "must be str");
      if (sep.empty()) throw_value_error("empty separator");
      const auto j = reverse ? s.rfind(sep) : s.find(sep);
      if (j == std::string::npos)
        return reverse ? make_tuple({Value::str(""), Value::str(""), a[0]})
                       : make_tuple({a[0], Value::str(""), Value::str("")});
      return make_tuple({Value::str(s.substr(0, j)), a[1], Value::str(s.substr(j + sep.size()))});
    });
  }
  def(T, "removeprefix", [ty](Args a, Kw kw) {
    args::no_kwargs("removeprefix", kw);
    const std::string& s = self_text(a, *ty, "removeprefix");
    args::exactly("removeprefix", a.subspan(1), 1);
    const std::string& p = str_arg(a[1], "removeprefix() argument must be str");
    return s.compare(0, p.size(), p) == 0 && s.size() >= p.size() ? Value::str(s.substr(p.size())) : a[0];
  });
  def(T, "removesuffix", [ty](Args a, Kw kw) {
    args::no_kwargs("removesuffix", kw);
    const std::string& s = self_text(a, *ty, "removesuffix");
    args::exactly("removesuffix", a.subspan(1), 1);
    const std::string& p = str_arg(a[1], "removesuffix() argument must be str");
    if (!p.empty() && s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0)
      return Value::str(s.substr(0, s.size() - p.size()));
    return a[0];
  });
  def(T, "expandtabs", [ty](Args a, Kw kw) {
    const U s = text::decode(self_text(a, *ty, "expandtabs"));
    auto p = args::bind("expandtabs", a.subspan(1), kw, {"tabsize"}, 1, 0);
    const std::int64_t tab = p[0] ? index_value(*p[0]) : 8;
    U out;
    std::int64_t col = 0;
    for (char32_t c : s) {
      if (c == '\t') {
        if (tab > 0) {
          const std::int64_t n = tab - col % tab;
          out.append(static_cast<std::size_t>(n), U' ');
          col += n;
        }
      } else {
        out += c;
        col = (c == '\n' || c == '\r') ? 0 : col + 1;
      }
    }
    return str_value(out);
  });
  def(T, "encode", [T](Args a, Kw kw) -> Value {
    const std::string& s = self_text(a, *T, "encode");
    auto p = args::bind("encode", a.subspan(1), kw, {"encoding", "errors"}, 2, 0);
    const bool named = Runtime::current().features.clinic_names_arguments;
    return encode_text(s, p[0] ? args::str_argument(*p[0], "encode", 1, "encoding", named) : "utf-8",
                       p[1] ? args::str_argument(*p[1], "encode", 2, "errors", named) : "strict");
  });
  T->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    auto p = args::bind("str", a, kw, {"object", "encoding", "errors"}, 3, 0);
    const bool named = Runtime::current().features.str_new_names_arguments;
    if (p[1]) args::str_argument(*p[1], "str", 2, "encoding", named);
    if (p[2]) args::str_argument(*p[2], "str", 3, "errors", named);
    if (!p[0]) return Value::str("");
    if (p[1] || p[2]) {
      // str(b, encoding, errors) is b.decode(encoding, errors).
      if (!p[0]->as<Bytes>())
        throw_type_error(fmt::format("decoding to str: need a bytes-like object, {} found", type_name(*p[0])));
      std::vector<Value> call_args{*p[0]};
      call_args.push_back(p[1] ? *p[1] : Value::str("utf-8"));
      if (p[2]) call_args.push_back(*p[2]);
      return call(*type_of(*p[0])->lookup_class("decode"), call_args);
    }
    return p[0] ? Value::str(to_str(*p[0])) : Value::str("");
  };
}

}  // namespace asim::runtime
