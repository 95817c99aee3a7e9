// Numeric builtins: round, abs, divmod, pow, hex, oct, bin, chr, ord
// (Python/bltinmodule.c).
#include <fmt/format.h>

#include <cmath>

#include "model/runtime/args.hpp"
#include "model/runtime/builtins_internal.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

using Args = std::span<const Value>;
using Kw = std::span<const Keyword>;

Value with_prefix(const Value& v, int base, const char* prefix) {
  const Value n = num::is_integer(v) ? v : Value::integer(index_value(v));
  return Value::str((num::sign(n) < 0 ? "-" : "") + std::string(prefix) + num::int_digits(n, base));
}

}  // namespace

void add_numeric_builtins(Module& m) {
  add_function(m, "round", [](Args a, Kw kw) {
    auto p = args::bind("round", a, kw, {"number", "ndigits"}, 2, 1);
    const Value& x = *p[0];
    std::optional<std::int64_t> ndigits;
    // An ndigits beyond int64 rounds as the nearest int64 does: nothing
    // changes, or everything becomes zero.
    if (p[1] && !p[1]->is_none())
      ndigits = num::as_big(*p[1]) ? (num::sign(*p[1]) < 0 ? INT64_MIN : INT64_MAX) : index_value(*p[1]);
    if (num::is_number(x)) return num::round(x, ndigits);
    if (x.is_object()) {
      if (auto f = type_of(x)->lookup_override("__round__")) {
        std::vector<Value> call_args{x};
        if (p[1]) call_args.push_back(*p[1]);
        return call(*f, call_args);
      }
      if (auto* n = x.as<DerivedNumber>()) return num::round(n->value, ndigits);
    }
    throw_type_error(fmt::format("type {} doesn't define __round__ method", type_name(x)));
  });
  add_function(m, "abs", [](Args a, Kw kw) {
    args::no_kwargs("abs", kw);
    args::exactly("abs", a, 1);
    if (a[0].is_object())
      if (auto f = type_of(a[0])->lookup_override("__abs__")) return call(*f, a);
    const Value& x = plain_number(a[0]);
    if (x.kind() == Value::Kind::Float) return Value::floating(std::fabs(x.as_float()));
    if (num::is_integer(x)) return num::sign(x) < 0 ? unary_op(UnaryOp::USub, x) : num::from_big(num::to_big(x));
    throw_type_error(fmt::format("bad operand type for abs(): '{}'", type_name(x)));
  });
  add_function(m, "divmod", [](Args a, Kw kw) {
    args::no_kwargs("divmod", kw);
    args::count("divmod", a, 2, 2);
    if (num::is_number(a[0]) && num::is_number(a[1])) {
      auto [q, r] = num::divmod(a[0], a[1]);
      return make_tuple({q, r});
    }
    // A class's __divmod__, then the right operand's __rdivmod__ (binary_op1).
    const Value forward[] = {a[0], a[1]}, reflected[] = {a[1], a[0]};
    if (a[0].is_object())
      if (auto f = type_of(a[0])->lookup_override("__divmod__")) {
        Value r = call(*f, forward);
        if (r.object() != not_implemented().object()) return r;
      }
    if (a[1].is_object())
      if (auto f = type_of(a[1])->lookup_override("__rdivmod__")) {
        Value r = call(*f, reflected);
        if (r.object() != not_implemented().object()) return r;
      }
    if (num::is_number(plain_number(a[0])) && num::is_number(plain_number(a[1]))) {
      auto [q, r] = num::divmod(plain_number(a[0]), plain_number(a[1]));
      return make_tuple({q, r});
    }
    throw_type_error(fmt::format("unsupported operand type(s) for divmod(): '{}' and '{}'", type_name(a[0]),
                                 type_name(a[1])));
  });
  add_function(m, "pow", [](Args a, Kw kw) {
    auto p = args::bind("pow", a, kw, {"base", "exp", "mod"}, 3, 2);
    if (!p[2] || p[2]->is_none()) return binary_op(BinOp::Pow, *p[0], *p[1]);
    if (!num::is_integer(*p[0]) || !num::is_integer(*p[1]) || !num::is_integer(*p[2]))
      throw_type_error("pow() 3rd argument not allowed unless all arguments are integers");
    return num::pow_mod(*p[0], *p[1], *p[2]);
  });
  add_function(m, "hex", [](Args a, Kw kw) {
    args::no_kwargs("hex", kw);
    args::exactly("hex", a, 1);
    return with_prefix(a[0], 16, "0x");
  });
  add_function(m, "oct", [](Args a, Kw kw) {
    args::no_kwargs("oct", kw);
    args::exactly("oct", a, 1);
    return with_prefix(a[0], 8, "0o");
  });
  add_function(m, "bin", [](Args a, Kw kw) {
    args::no_kwargs("bin", kw);
    args::exactly("bin", a, 1);
    return with_prefix(a[0], 2, "0b");
  });
  add_function(m, "chr", [](Args a, Kw kw) {
    args::no_kwargs("chr", kw);
    args::exactly("chr", a, 1);
    const char* out_of_range = "chr() arg not in range(0x110000)";
    // builtin_chr's argument conversion, per version.
    switch (Runtime::current().ints.chr_argument) {
      case ChrArgument::AnyInt:
        if (num::as_big(a[0])) throw_value_error(out_of_range);
        break;
      case ChrArgument::CInt:
        if (num::as_big(a[0])) throw_overflow_error("Python int too large to convert to C int");
        break;
      case ChrArgument::SignedIntFormat:
        if (num::as_big(a[0])) throw_overflow_error("Python int too large to convert to C long");
        break;
    }
    const std::int64_t i = index_value(a[0]);
    if (i < INT32_MIN || i > INT32_MAX) {
      switch (Runtime::current().ints.chr_argument) {
        case ChrArgument::AnyInt: throw_value_error(out_of_range);
        case ChrArgument::CInt: throw_overflow_error("Python int too large to convert to C int");
        case ChrArgument::SignedIntFormat:
          throw_overflow_error(i < 0 ? "signed integer is less than minimum" : "signed integer is greater than maximum");
      }
    }
    if (i < 0 || i > 0x10FFFF) throw_value_error(out_of_range);
    std::string s;
    text::append(s, static_cast<char32_t>(i));
    return Value::str(std::move(s));
  });
  add_function(m, "ord", [](Args a, Kw kw) {
    args::no_kwargs("ord", kw);
    args::exactly("ord", a, 1);
    auto* s = a[0].as<Str>();
    if (!s) throw_type_error(fmt::format("ord() expected string of length 1, but {} found", type_name(a[0])));
    const std::u32string u = text::decode(s->text);
    if (u.size() != 1)
      throw_type_error(fmt::format("ord() expected a character, but string of length {} found", u.size()));
    return Value::integer(u[0]);
  });
}

}  // namespace asim::runtime
