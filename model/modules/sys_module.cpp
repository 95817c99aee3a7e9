// The `sys` module: what scenarios use to branch on the version.
#include <fmt/format.h>

#include <cfloat>
#include <limits>

#include "model/lang/eval.hpp"
#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/builtins.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text_stream.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::modules {

using runtime::Value;

namespace {

// A struct sequence (Objects/structseq.c) of the sys module: a tuple whose
// items are also named attributes, shown as "sys.NAME(field=value, ...)".
Value struct_sequence(const std::string& name, std::vector<std::pair<std::string, Value>> fields) {
  auto& types = runtime::Runtime::current().types;
  auto cls = runtime::make<runtime::Type>("sys", name, types.tuple);
  std::vector<Value> items;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    items.push_back(fields[i].second);
    names.push_back(fields[i].first);
    cls->add_getter(fields[i].first, [i](const Value& self) { return self.as<runtime::Tuple>()->items[i]; });
  }
  // In the class's own names, so that repr() and str() find it first.
  cls->dict["__repr__"] = Value(runtime::builtin_function(
      "__repr__",
      [name, names](std::span<const Value> a, std::span<const runtime::Keyword>) {
        std::string out = "sys." + name + "(";
        const auto& values = a[0].as<runtime::Tuple>()->items;
        for (std::size_t i = 0; i < names.size(); ++i)
          out += fmt::format("{}{}={}", i ? ", " : "", names[i], runtime::to_repr(values[i]));
        return Value::str(out + ")");
      },
      name));
  return Value(runtime::make<runtime::Derived<runtime::Tuple>>(cls, std::move(items)));
}

}  // namespace


runtime::Ref<runtime::Module> make_sys_module(Session& session) {
  auto m = runtime::make<runtime::Module>("sys");
  const auto& p = session.profile();
  m->dict["version_info"] =
      struct_sequence("version_info", {{"major", Value::integer(p.major)},
                                       {"minor", Value::integer(p.minor)},
                                       {"micro", Value::integer(p.micro)},
                                       {"releaselevel", Value::str("final")},
                                       {"serial", Value::integer(0)}});
  // The limits of the numbers asim models, as a 64-bit CPython has them.
  m->dict["int_info"] = struct_sequence(
      "int_info", {{"bits_per_digit", Value::integer(30)},
                   {"sizeof_digit", Value::integer(4)},
                   {"default_max_str_digits", Value::integer(runtime::kDefaultMaxStrDigits)},
                   {"str_digits_check_threshold", Value::integer(runtime::kStrDigitsCheckThreshold)}});
  const bool siphash13 = runtime::Runtime::current().features.str_hash == runtime::StrHashAlgorithm::SipHash13;
  m->dict["hash_info"] = struct_sequence("hash_info", {{"width", Value::integer(64)},
                                                       {"modulus", Value::integer(2305843009213693951)},
                                                       {"inf", Value::integer(314159)},
                                                       {"nan", Value::integer(0)},
                                                       {"imag", Value::integer(1000003)},
                                                       {"algorithm", Value::str(siphash13 ? "siphash13" : "siphash24")},
                                                       {"hash_bits", Value::integer(64)},
                                                       {"seed_bits", Value::integer(128)},
                                                       {"cutoff", Value::integer(0)}});
  m->dict["float_info"] = struct_sequence("float_info", {{"max", Value::floating(DBL_MAX)},
                                                         {"max_exp", Value::integer(DBL_MAX_EXP)},
                                                         {"max_10_exp", Value::integer(DBL_MAX_10_EXP)},
                                                         {"min", Value::floating(DBL_MIN)},
                                                         {"min_exp", Value::integer(DBL_MIN_EXP)},
                                                         {"min_10_exp", Value::integer(DBL_MIN_10_EXP)},
                                                         {"dig", Value::integer(DBL_DIG)},
                                                         {"mant_dig", Value::integer(DBL_MANT_DIG)},
                                                         {"epsilon", Value::floating(DBL_EPSILON)},
                                                         {"radix", Value::integer(FLT_RADIX)},
                                                         {"rounds", Value::integer(1)}});
  m->dict["version"] = Value::str(fmt::format("{}.{}.{} (asim model)", p.major, p.minor, p.micro));
  m->dict["platform"] = Value::str("linux");
  m->dict["maxsize"] = Value::integer(INT64_MAX);
  // The int <-> decimal str digit limit (sys_set_int_max_str_digits_impl).
  m->dict["get_int_max_str_digits"] = Value(function("get_int_max_str_digits", {}, [](const Bound&) {
    return Value::integer(runtime::Runtime::current().ints.max_str_digits);
  }));
  m->dict["set_int_max_str_digits"] = Value(function("set_int_max_str_digits", {pos("maxdigits")}, [](const Bound& b) {
    const std::int64_t n = runtime::index_value(b[0]);
    if (n != 0 && n < runtime::kStrDigitsCheckThreshold)
      runtime::raise(runtime::Runtime::current().builtins.ValueError,
                     fmt::format("maxdigits must be 0 or larger than {}", runtime::kStrDigitsCheckThreshold));
    runtime::Runtime::current().ints.max_str_digits = n;
    return Value::none();
  }));
  // The limit of Python frames deep (sys_setrecursionlimit_impl): refused
  // below 1, or at or under the depth the program has reached.
  m->dict["getrecursionlimit"] = Value(function("getrecursionlimit", {}, [](const Bound&) {
    return Value::integer(lang::ThreadState::current().limits.max_recursion);
  }));
  m->dict["setrecursionlimit"] = Value(function("setrecursionlimit", {pos("limit")}, [&p](const Bound& b) {
    const auto& B = runtime::Runtime::current().builtins;
    const Value& given = runtime::plain_number(b[0]);
    if (p.int_argument_legacy_wording && given.kind() == Value::Kind::Float)
      runtime::raise(B.TypeError, "integer argument expected, got float");
    if (p.int_argument_legacy_wording && !runtime::num::is_integer(given) && given.kind() != Value::Kind::Bool)
      runtime::raise(B.TypeError, fmt::format("an integer is required (got type {})", runtime::type_name(b[0])));
    const std::int64_t limit = runtime::index_value(b[0]);
    if (limit < 1) runtime::raise(B.ValueError, "recursion limit must be greater or equal than 1");
    auto& ts = lang::ThreadState::current();
    const int depth = ts.depth + runtime::Runtime::current().frames_below + (p.recursion_depth_counts_builtin_call ? 1 : 0);
    if (depth >= limit)
      runtime::raise(B.RecursionError, fmt::format("cannot set the recursion limit to {} at the recursion depth {}: "
                                                   "the limit is too low", limit, depth));
    if (limit > std::numeric_limits<int>::max())
      runtime::raise(B.OverflowError, "signed integer is greater than maximum");
    ts.limits.max_recursion = static_cast<int>(limit);
    return Value::none();
  }));
  std::vector<Value> argv;
  for (const auto& arg : session.argv()) argv.push_back(Value::str(arg));
  m->dict["argv"] = runtime::make_list(std::move(argv));
  Session* s = &session;
  // The program's own output streams: what they write goes where print's does.
  // io.UnsupportedOperation is not modelled: reading them stops the run.
  const auto output_stream = [](std::string name, runtime::TextStream::Sink sink, runtime::TextStream::Flush flush) {
    auto stream = runtime::make<runtime::TextStream>(name, std::move(sink), std::move(flush));
    stream->set_unsupported([name](std::string_view what) {
      not_modelled(fmt::format("sys.{}: {}", name.substr(1, name.size() - 2), what), "io.UnsupportedOperation");
    });
    return Value(stream);
  };
  m->dict["stdout"] = output_stream("<stdout>", [s](std::string_view text) { s->write_out(text); }, [s] { s->flush_out(); });
  m->dict["stderr"] = output_stream("<stderr>", [s](std::string_view text) { s->write_err(text); }, [s] { s->flush_err(); });
  m->dict["stdin"] = Value(session.stdin_stream());
  m->dict["exit"] = Value(function("exit", {opt("status")}, [](const Bound& b) -> Value {
    throw runtime::PyError{runtime::make<runtime::PyException>(runtime::Runtime::current().builtins.SystemExit,
                                                               b[0].is_none() ? std::vector<Value>{}
                                                                              : std::vector<Value>{b[0]})};
  }));
  // exc_info(): (type, value, traceback) of the exception being handled.
  m->dict["exc_info"] = Value(function("exc_info", {}, [](const Bound&) {
    runtime::PyException* exc = lang::ThreadState::current().handled_exception();
    if (!exc) return runtime::make_tuple({Value::none(), Value::none(), Value::none()});
    const Value value{runtime::Ref<runtime::PyException>(exc)};
    return runtime::make_tuple(
        {Value(runtime::type_of(value)), value, runtime::traceback_of(runtime::Ref<runtime::PyException>(exc))});
  }));
  return m;
}

}  // namespace asim::modules
