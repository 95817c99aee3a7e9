#include "model/modules/native_function.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/lang/eval.hpp"
#include "model/runtime/protocols.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::modules {

using runtime::Value;

namespace {

[[noreturn]] void type_error(std::string message) {
  runtime::raise(runtime::Runtime::current().builtins.TypeError, std::move(message));
}

std::string plural(std::size_t n, const char* word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

}  // namespace

// Modelled on CPython's positional_only_passed_as_keyword / missing_arguments
// / too_many_positional in Python/ceval.c, for the messages.
// Objects/methodobject.c (METH_NOARGS) and Python/getargs.c (Argument Clinic).
void Signature::check_c_arity(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) const {
  const std::size_t given = args.size() - 1, takes = params_.size() - 1;
  if (takes == 0 && !kwargs.empty()) type_error(fmt::format("{}() takes no keyword arguments", *c_noargs_name_));
  if (given <= takes) return;
  if (takes == 0) type_error(fmt::format("{}() takes no arguments ({} given)", *c_noargs_name_, given));
  type_error(fmt::format("{}() takes at most {} argument{} ({} given)", name_, takes, takes == 1 ? "" : "s", given));
}

Signature::Signature(std::string name, std::vector<Param> params)
    : name_(std::move(name)),
      params_(std::move(params)),
      all_positional_(std::all_of(params_.begin(), params_.end(),
                                  [](const Param& p) { return p.kind == Param::Kind::Positional; })) {}

Bound Signature::bind(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) const {
  if (c_noargs_name_) check_c_arity(args, kwargs);
  Bound bound;
  // The common call: one positional argument per positional parameter, as
  // the general binding below would bind them, without its bookkeeping.
  if (kwargs.empty() && args.size() == params_.size() && all_positional_) {
    bound.values.assign(args.begin(), args.end());
    return bound;
  }
  bound.values.resize(params_.size());
  std::vector<bool> filled(params_.size(), false);
  std::size_t positional = 0, required_positional = 0;
  bool has_varargs = false;
  for (const auto& p : params_) {
    if (p.kind == Param::Kind::Positional) {
      ++positional;
      if (!p.default_value) ++required_positional;
    }
    if (p.kind == Param::Kind::VarArgs) has_varargs = true;
  }
  std::size_t next = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    while (next < params_.size() && params_[next].kind != Param::Kind::Positional) ++next;
    if (next < params_.size() && next < positional) {
      bound.values[next] = args[i];
      filled[next] = true;
      ++next;
    } else if (has_varargs) {
      bound.rest.push_back(args[i]);
    } else {
      const std::string takes = required_positional == positional
                                    ? plural(positional, "positional argument")
                                    : fmt::format("from {} to {} positional arguments", required_positional, positional);
      type_error(fmt::format("{}() takes {} but {} {} given", name_, takes, args.size(),
                             args.size() == 1 ? "was" : "were"));
    }
  }
  for (const auto& kw : kwargs) {
    std::size_t i = 0;
    while (i < params_.size() && (params_[i].name != kw.name || params_[i].kind == Param::Kind::VarArgs)) ++i;
    if (i == params_.size()) type_error(fmt::format("{}() got an unexpected keyword argument '{}'", name_, kw.name));
    if (filled[i]) type_error(fmt::format("{}() got multiple values for argument '{}'", name_, kw.name));
    bound.values[i] = kw.value;
    filled[i] = true;
  }
  std::vector<std::string> missing;
  for (std::size_t i = 0; i < params_.size(); ++i) {
    if (filled[i] || params_[i].kind == Param::Kind::VarArgs) continue;
    if (params_[i].default_value) bound.values[i] = *params_[i].default_value;
    else missing.push_back("'" + params_[i].name + "'");
  }
  if (!missing.empty()) {
    std::string names;
    for (std::size_t i = 0; i < missing.size(); ++i)
      names += (i == 0 ? "" : i + 1 == missing.size() ? (missing.size() > 2 ? ", and " : " and ") : ", ") + missing[i];
    const bool kw = params_[0].kind == Param::Kind::KeywordOnly;
    type_error(fmt::format("{}() missing {} required {}argument{}: {}", name_, missing.size(),
                           kw ? "keyword-only " : "positional ", missing.size() == 1 ? "" : "s", names));
  }
  return bound;
}

std::string BuiltinFunction::repr() const {
  if (type_name_ == "function") return fmt::format("<function {} at {}>", qualname_, address_text());
  if (type_name_ == "method_descriptor") {
    const auto dot = qualname_.rfind('.');
    return fmt::format("<method '{}' of '_asyncio.{}' objects>", qualname_.substr(dot + 1), qualname_.substr(0, dot));
  }
  return fmt::format("<built-in function {}>", qualname_);
}

namespace {

// The bound arguments built in place (no copy of their inline storage).
Bound bind_call(const Signature& signature, std::span<const Value> args, std::span<const runtime::Keyword> kwargs) {
  try {
    return signature.bind(args, kwargs);
  } catch (const runtime::PyError& e) {
    if (auto* ts = lang::ThreadState::active()) ts->unbound_call = e.exc.get();  // no frame holds the arguments
    throw;
  }
}

}  // namespace

Value BuiltinFunction::call_kw(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) {
  const Bound bound = bind_call(signature_, args, kwargs);
  return body_(bound);
}

runtime::Ref<BuiltinFunction> function(std::string qualname, std::vector<Param> params, BuiltinFunction::Body body) {
  const auto dot = qualname.rfind('.');
  std::string short_name = dot == std::string::npos ? qualname : qualname.substr(dot + 1);
  return runtime::make<BuiltinFunction>(std::move(qualname), Signature(std::move(short_name), std::move(params)),
                                        std::move(body));
}

void not_modelled(std::string_view what, std::string_view why) {
  const auto& where = runtime::Runtime::current().current_location;
  throw NotModelled(fmt::format("{}: not supported by asim: {} ({})", where ? where() : "asim", what, why));
}

namespace {

// The builtin types stop a run through runtime::not_modelled.
[[maybe_unused]] const bool stop_installed = [] {
  runtime::install_not_modelled_stop([](std::string_view what, std::string_view why) { not_modelled(what, why); });
  return true;
}();

}  // namespace

namespace {

// Takes any arguments: the call stops the run before they matter. It may
// stand for a class (enum.Flag): deriving from it (__mro_entries__) or
// reading one of its public attributes stops the run too, where a TypeError
// or AttributeError CPython never raises would be a different program.
class NotModelledFunction : public runtime::Callable, public runtime::HasAttributes {
 public:
  NotModelledFunction(std::string qualname, std::string why) : qualname_(std::move(qualname)), why_(std::move(why)) {}
  std::string_view type_name() const override { return "function"; }
  std::string qualname() const override { return qualname_; }
  runtime::Value call(std::span<const runtime::Value>) override { not_modelled(qualname_, why_); }
  runtime::Value call_kw(std::span<const runtime::Value>, std::span<const runtime::Keyword>) override {
    not_modelled(qualname_, why_);
  }
  std::optional<runtime::Value> get_attribute(std::string_view name) override {
    if (name == "__mro_entries__" || name == "__class_getitem__" || !name.starts_with("__"))
      not_modelled(qualname_, why_);
    return std::nullopt;
  }
  bool set_attribute(std::string_view, const runtime::Value&) override { return false; }

 private:
  std::string qualname_;
  std::string why_;
};

}  // namespace

runtime::Ref<runtime::Callable> not_modelled_function(std::string qualname, std::string why) {
  return runtime::make<NotModelledFunction>(std::move(qualname), std::move(why));
}

}  // namespace asim::modules
