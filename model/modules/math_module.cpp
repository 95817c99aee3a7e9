// The functions of CPython's math module (Modules/mathmodule.c), native so
// that results are libm's, bit for bit, and errors CPython's: a NaN from a
// number is "math domain error", an infinity from a finite number "math
// range error" where the C function can overflow. The module programs
// import is stdlib/math.py, which takes from here the names its version has.
#include <fmt/format.h>

#include <cmath>
#include <limits>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::BinOp;
using runtime::Ref;
using runtime::Value;
namespace num = runtime::num;

namespace {

// PyFloat_AsDouble for a math argument: an int, a bool or a float (or a
// subclass instance of int or float).
double real(const Value& given) {
  const Value& v = runtime::plain_number(given);
  if (num::is_number(v)) return num::as_f64(v);
  runtime::throw_type_error(fmt::format("must be real number, not {}", runtime::type_name(v)));
}

// PyNumber_Index: an int, never a float.
Value integer(const Value& given) {
  const Value& v = runtime::plain_number(given);
  if (num::is_integer(v)) return v;
  runtime::throw_type_error(fmt::format("'{}' object cannot be interpreted as an integer", runtime::type_name(v)));
}

[[noreturn]] void domain_error() {
  runtime::throw_value_error("math domain error");
}

// math_1: errors judged from the input and the C result.
Value checked(double x, double r, bool can_overflow) {
  if (std::isnan(r) && !std::isnan(x)) domain_error();
  if (std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) runtime::throw_overflow_error("math range error");
    domain_error();
  }
  return Value::floating(r);
}

Ref<BuiltinFunction> builtin(const std::string& name, std::vector<Param> params, BuiltinFunction::Body body) {
  return runtime::make<BuiltinFunction>(name, Signature(name, std::move(params)), std::move(body),
                                        "builtin_function_or_method");
}

void unary(runtime::Module& m, const std::string& name, double (*fn)(double), bool can_overflow) {
  m.dict[name] = Value(builtin(name, {pos("x")}, [fn, can_overflow](const Bound& b) {
    const double x = real(b[0]);
    return checked(x, fn(x), can_overflow);
  }));
}

// m_log: log of a positive number; ints beyond a double by their digits.
double log_of(const Value& v, double (*fn)(double)) {
  if (num::is_integer(v) && num::sign(v) <= 0) domain_error();
  const double x = real(v);
  if (std::isnan(x)) return x;
  if (x <= 0) domain_error();
  return fn(x);
}

Value multiply(const Value& a, const Value& b) {
  return runtime::binary_op(BinOp::Mult, a, b);
}

// math_factorial: the product, exact (big ints beyond 20!).
Value factorial(const Value& arg) {
  const Value n = integer(arg);
  if (num::sign(n) < 0) runtime::throw_value_error("factorial() not defined for negative values");
  if (num::as_big(n)) runtime::throw_overflow_error("factorial() argument should not exceed 9223372036854775807");
  Value result = Value::integer(1);
  for (std::int64_t i = 2; i <= num::as_i64(n); ++i) result = multiply(result, Value::integer(i));
  return result;
}

Value abs_of(const Value& v) {
  return num::sign(v) < 0 ? runtime::binary_op(BinOp::Sub, Value::integer(0), v) : v;
}

Value gcd_of(Value a, Value b) {
  a = abs_of(integer(a));
  b = abs_of(integer(b));
  while (num::sign(b) != 0) {
    Value r = runtime::binary_op(BinOp::Mod, a, b);
    a = b;
    b = r;
  }
  return a;
}

// fsum: Shewchuk's exact partial sums, rounded once at the end (msum).
double fsum(const Value& iterable) {
  std::vector<double> partials;
  double special = 0.0;
  bool has_special = false;
  for (const Value& v : runtime::to_vector(iterable)) {
    double x = real(v);
    if (!std::isfinite(x)) {
      special = has_special ? special + x : x;
      has_special = true;
      continue;
    }
    std::size_t i = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      const double hi = x + y;
      const double lo = y - (hi - x);
      if (lo != 0.0) partials[i++] = lo;
      x = hi;
    }
    partials.resize(i);
    partials.push_back(x);
    if (!std::isfinite(x)) runtime::throw_overflow_error("intermediate overflow in fsum");
  }
  if (has_special) {
    if (std::isnan(special)) runtime::throw_value_error("-inf + inf in fsum");
    return special;
  }
  double hi = 0.0;
  if (!partials.empty()) {
    std::size_t n = partials.size();
    hi = partials[--n];
    double lo = 0.0;
    while (n > 0) {
      const double x = hi;
      const double y = partials[--n];
      hi = x + y;
      const double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Round half-even correctly when the rest would tip it.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      const double y = lo * 2.0;
      const double x = hi + y;
      if (y == x - hi) hi = x;
    }
  }
  return hi;
}

}  // namespace

Ref<runtime::Module> make_native_math_module(Session&) {
  auto m = runtime::make<runtime::Module>("_math");
  auto& d = m->dict;
  d["pi"] = Value::floating(M_PI);
  d["e"] = Value::floating(M_E);
  d["tau"] = Value::floating(2 * M_PI);
  d["inf"] = Value::floating(std::numeric_limits<double>::infinity());
  d["nan"] = Value::floating(std::numeric_limits<double>::quiet_NaN());
  unary(*m, "sqrt", [](double x) { return std::sqrt(x); }, false);
  unary(*m, "exp", [](double x) { return std::exp(x); }, true);
  unary(*m, "expm1", [](double x) { return std::expm1(x); }, true);
  unary(*m, "sin", [](double x) { return std::sin(x); }, false);
  unary(*m, "cos", [](double x) { return std::cos(x); }, false);
  unary(*m, "tan", [](double x) { return std::tan(x); }, false);
  unary(*m, "asin", [](double x) { return std::asin(x); }, false);
  unary(*m, "acos", [](double x) { return std::acos(x); }, false);
  unary(*m, "atan", [](double x) { return std::atan(x); }, false);
  unary(*m, "sinh", [](double x) { return std::sinh(x); }, true);
  unary(*m, "cosh", [](double x) { return std::cosh(x); }, true);
  unary(*m, "tanh", [](double x) { return std::tanh(x); }, false);
  unary(*m, "fabs", [](double x) { return std::fabs(x); }, false);
  unary(*m, "log1p", [](double x) { return std::log1p(x); }, false);
  unary(*m, "cbrt", [](double x) { return std::cbrt(x); }, false);
  unary(*m, "exp2", [](double x) { return std::exp2(x); }, true);
  unary(*m, "degrees", [](double x) { return x * (180.0 / M_PI); }, false);
  unary(*m, "radians", [](double x) { return x * (M_PI / 180.0); }, false);
  d["log"] = Value(builtin("log", {pos("x"), opt("base")}, [](const Bound& b) {
    const double num = log_of(b[0], [](double x) { return std::log(x); });
    if (b[1].is_none()) return Value::floating(num);
    const double den = log_of(b[1], [](double x) { return std::log(x); });
    if (den == 0.0) runtime::throw_zero_division("float division by zero");
    return Value::floating(num / den);
  }));
  d["log2"] = Value(builtin("log2", {pos("x")}, [](const Bound& b) {
    return Value::floating(log_of(b[0], [](double x) { return std::log2(x); }));
  }));
  d["log10"] = Value(builtin("log10", {pos("x")}, [](const Bound& b) {
    return Value::floating(log_of(b[0], [](double x) { return std::log10(x); }));
  }));
  d["floor"] = Value(builtin("floor", {pos("x")}, [](const Bound& b) {
    if (num::is_integer(b[0])) return num::is_int(b[0]) ? Value::integer(num::as_i64(b[0])) : b[0];
    return num::float_to_int(std::floor(real(b[0])));
  }));
  d["ceil"] = Value(builtin("ceil", {pos("x")}, [](const Bound& b) {
    if (num::is_integer(b[0])) return num::is_int(b[0]) ? Value::integer(num::as_i64(b[0])) : b[0];
    return num::float_to_int(std::ceil(real(b[0])));
  }));
  d["trunc"] = Value(builtin("trunc", {pos("x")}, [](const Bound& b) {
    if (num::is_integer(b[0])) return num::is_int(b[0]) ? Value::integer(num::as_i64(b[0])) : b[0];
    return num::float_to_int(std::trunc(real(b[0])));
  }));
  d["pow"] = Value(builtin("pow", {pos("x"), pos("y")}, [](const Bound& b) {
    const double x = real(b[0]), y = real(b[1]);
    if (x == 0.0 && y < 0.0 && std::isfinite(y)) domain_error();
    const double r = std::pow(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
    if (std::isinf(r) && std::isfinite(x) && std::isfinite(y)) runtime::throw_overflow_error("math range error");
    return Value::floating(r);
  }));
  d["atan2"] = Value(builtin("atan2", {pos("y"), pos("x")}, [](const Bound& b) {
    return Value::floating(std::atan2(real(b[0]), real(b[1])));
  }));
  d["fmod"] = Value(builtin("fmod", {pos("x"), pos("y")}, [](const Bound& b) {
    const double x = real(b[0]), y = real(b[1]);
    if (std::isinf(y) && std::isfinite(x)) return Value::floating(x);
    const double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y)) domain_error();
    return Value::floating(r);
  }));
  d["copysign"] = Value(builtin("copysign", {pos("x"), pos("y")}, [](const Bound& b) {
    return Value::floating(std::copysign(real(b[0]), real(b[1])));
  }));
  d["hypot"] = Value(builtin("hypot", {varargs("coordinates")}, [](const Bound& b) {
    double r = 0.0;
    for (const Value& v : b.rest) r = std::hypot(r, real(v));
    return Value::floating(r);
  }));
  d["isfinite"] = Value(builtin("isfinite", {pos("x")}, [](const Bound& b) {
    return Value::boolean(std::isfinite(real(b[0])));
  }));
  d["isinf"] = Value(builtin("isinf", {pos("x")}, [](const Bound& b) { return Value::boolean(std::isinf(real(b[0]))); }));
  d["isnan"] = Value(builtin("isnan", {pos("x")}, [](const Bound& b) { return Value::boolean(std::isnan(real(b[0]))); }));
  d["isclose"] = Value(builtin("isclose", {pos("a"), pos("b"), kwonly("rel_tol", Value::floating(1e-09)),
                                           kwonly("abs_tol", Value::floating(0.0))},
                               [](const Bound& b) {
                                 const double a = real(b[0]), c = real(b[1]);
                                 const double rel = real(b[2]), abs_tol = real(b[3]);
                                 if (rel < 0.0 || abs_tol < 0.0)
                                   runtime::throw_value_error("tolerances must be non-negative");
                                 if (a == c) return Value::boolean(true);
                                 if (std::isinf(a) || std::isinf(c)) return Value::boolean(false);
                                 const double diff = std::fabs(c - a);
                                 return Value::boolean(diff <= std::fabs(rel * c) || diff <= std::fabs(rel * a) ||
                                                       diff <= abs_tol);
                               }));
  d["fsum"] = Value(builtin("fsum", {pos("seq")}, [](const Bound& b) { return Value::floating(fsum(b[0])); }));
  d["factorial"] = Value(builtin("factorial", {pos("n")}, [](const Bound& b) { return factorial(b[0]); }));
  d["gcd"] = Value(builtin("gcd", {varargs("integers")}, [](const Bound& b) {
    Value g = Value::integer(0);
    for (const Value& v : b.rest) g = gcd_of(g, v);
    return g;
  }));
  d["lcm"] = Value(builtin("lcm", {varargs("integers")}, [](const Bound& b) {
    Value l = Value::integer(1);
    for (const Value& v : b.rest) {
      if (num::sign(integer(v)) == 0) return Value::integer(0);
      const Value g = gcd_of(l, v);
      l = abs_of(runtime::binary_op(BinOp::FloorDiv, multiply(l, v), g));
    }
    return l;
  }));
  d["modf"] = Value(builtin("modf", {pos("x")}, [](const Bound& b) {
    double whole = 0.0;
    const double frac = std::modf(real(b[0]), &whole);
    return runtime::make_tuple({Value::floating(frac), Value::floating(whole)});
  }));
  d["frexp"] = Value(builtin("frexp", {pos("x")}, [](const Bound& b) {
    int exp = 0;
    const double m = std::frexp(real(b[0]), &exp);
    return runtime::make_tuple({Value::floating(m), Value::integer(exp)});
  }));
  d["ldexp"] = Value(builtin("ldexp", {pos("x"), pos("i")}, [](const Bound& b) {
    const double x = real(b[0]);
    const Value i = integer(b[1]);
    const std::int64_t e = num::as_big(i) ? (num::sign(i) > 0 ? 100000 : -100000) : num::as_i64(i);
    const double r = std::ldexp(x, static_cast<int>(std::clamp<std::int64_t>(e, -100000, 100000)));
    if (std::isinf(r) && std::isfinite(x)) runtime::throw_overflow_error("math range error");
    return Value::floating(r);
  }));
  return m;
}

}  // namespace asim::modules
