#include "model/runtime/args.hpp"

#include <fmt/format.h>

#include "model/runtime/errors.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/suggestions.hpp"

namespace asim::runtime::args {

namespace {
const char* plural(std::size_t n) { return n == 1 && Runtime::current().features.arg_count_singular ? "" : "s"; }
}  // namespace

void no_kwargs(std::string_view fname, std::span<const Keyword> kwargs) {
  if (!kwargs.empty()) throw_type_error(fmt::format("{}() takes no keyword arguments", fname));
}

void exactly(std::string_view fname, std::span<const Value> args, std::size_t n) {
  if (args.size() == n) return;
  // Before 3.9, a method's METH_O / METH_NOARGS errors named it without its class.
  if (n < 2 && !Runtime::current().features.method_errors_qualified && fname.find('.') != std::string_view::npos)
    fname = fname.substr(fname.rfind('.') + 1);
  if (n == 0) throw_type_error(fmt::format("{}() takes no arguments ({} given)", fname, args.size()));
  if (n == 1) throw_type_error(fmt::format("{}() takes exactly one argument ({} given)", fname, args.size()));
  throw_type_error(fmt::format("{} expected {} argument{}, got {}", fname, n, plural(n), args.size()));
}

void count(std::string_view fname, std::span<const Value> args, std::size_t min, std::size_t max) {
  if (min == max && args.size() != min)
    throw_type_error(fmt::format("{} expected {} argument{}, got {}", fname, min, plural(min), args.size()));
  if (args.size() < min)
    throw_type_error(fmt::format("{} expected at least {} argument{}, got {}", fname, min, plural(min), args.size()));
  if (args.size() > max)
    throw_type_error(fmt::format("{} expected at most {} argument{}, got {}", fname, max, plural(max), args.size()));
}

const std::string& str_argument(const Value& v, std::string_view fname, std::size_t position, std::string_view name,
                                bool named) {
  if (auto* s = v.as<Str>()) return s->text;
  throw_type_error(named ? fmt::format("{}() argument '{}' must be str, not {}", fname, name, type_name(v))
                         : fmt::format("{}() argument {} must be str, not {}", fname, position, type_name(v)));
}

void unexpected_keyword(std::string_view fname, std::string_view name, std::span<const std::string_view> params,
                        bool clinic) {
  if (!clinic || !Runtime::current().features.keyword_suggestions)
    throw_type_error(fmt::format("'{}' is an invalid keyword argument for {}()", name, fname));
  const auto hint = calculate_suggestion(std::vector<std::string>(params.begin(), params.end()), name);
  throw_type_error(fmt::format("{}() got an unexpected keyword argument '{}'{}", fname, name,
                               hint ? fmt::format(". Did you mean '{}'?", *hint) : ""));
}

std::vector<std::optional<Value>> bind(std::string_view fname, std::span<const Value> args,
                                       std::span<const Keyword> kwargs, std::initializer_list<std::string_view> names,
                                       std::size_t positional, std::size_t required, bool clinic) {
  const std::vector<std::string_view> params(names);
  if (args.size() > positional) {
    if (positional == 0) throw_type_error(fmt::format("{}() takes no positional arguments", fname));
    throw_type_error(fmt::format("{}() takes at most {} argument{} ({} given)", fname, positional,
                                 plural(positional), args.size()));
  }
  std::vector<std::optional<Value>> out(params.size());
  for (std::size_t i = 0; i < args.size(); ++i) out[i] = args[i];
  for (const auto& kw : kwargs) {
    std::size_t i = 0;
    while (i < params.size() && params[i] != kw.name) ++i;
    if (i == params.size()) unexpected_keyword(fname, kw.name, params, clinic);
    if (out[i])
      throw_type_error(fmt::format("argument for {}() given by name ('{}') and position ({})", fname, kw.name, i + 1));
    out[i] = kw.value;
  }
  for (std::size_t i = 0; i < required; ++i)
    if (!out[i]) throw_type_error(fmt::format("{}() missing required argument '{}' (pos {})", fname, params[i], i + 1));
  return out;
}

}  // namespace asim::runtime::args
