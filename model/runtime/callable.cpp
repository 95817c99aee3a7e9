#include "model/runtime/callable.hpp"

#include <fmt/format.h>

#include "model/runtime/ops.hpp"
#include "model/runtime/reprlib.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

std::string NativeFunction::repr() const {
  if (bound_self_)
    return fmt::format("<bound method {} of {}>", qualname_, bound_self_->repr());
  return fmt::format("<function {} at {}>", qualname_, address_text());
}

std::string BuiltinFunction::repr() const {
  if (owner.empty()) return fmt::format("<built-in function {}>", name);
  return fmt::format("<method '{}' of '{}' objects>", name, owner);
}

Value Callable::call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) {
  if (!kwargs.empty())
    raise(Runtime::current().builtins.TypeError,
          fmt::format("{}() got an unexpected keyword argument '{}'", qualname(), kwargs.front().name));
  return call(args);
}

std::string NativeFunction::function_source() const {
  // _get_function_source finds no source for a bound method.
  const auto& source = Runtime::current().library_function_source;
  return bound_self_ || !source ? "" : source(qualname_);
}

bool NativeFunction::equals(const Callable& other) const {
  if (this == &other) return true;
  auto* o = dynamic_cast<const NativeFunction*>(&other);
  return o && bound_self_ && o->bound_self_ == bound_self_ && o->qualname_ == qualname_;
}

namespace {

// A callable instance given as a callback: asyncio names it by its
// __qualname__, else its repr (format_helpers._format_callback).
class CallableInstance : public Callable {
 public:
  explicit CallableInstance(Value target) : target_(std::move(target)) {}
  std::string_view type_name() const override { return type_of(target_)->name; }
  std::string repr() const override { return to_repr(target_); }
  Value call(std::span<const Value> args) override { return runtime::call(target_, args); }
  Value call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) override {
    return runtime::call(target_, args, kwargs);
  }
  std::string qualname() const override {
    auto q = getattr_opt(target_, "__qualname__");
    return q ? to_str(*q) : to_repr(target_);
  }
  // _format_callback names a functools.partial by the function it wraps,
  // followed by the arguments it holds.
  std::string callback_name(bool show_arguments) const override {
    auto wrapped = partial_func();
    if (!wrapped) return qualname();
    if (!show_arguments) return wrapped->callback_name(false) + "()";
    std::string held;
    for (const auto& arg : to_vector(getattr(target_, "args")))
      held += (held.empty() ? "" : ", ") + reprlib_repr(arg);
    const Value keywords = getattr(target_, "keywords");
    for (const auto& key : to_vector(keywords))
      held += (held.empty() ? "" : ", ") + to_str(key) + "=" + reprlib_repr(getitem(keywords, key));
    return wrapped->callback_name(true) + "(" + held + ")";
  }
  std::string function_source() const override {
    auto wrapped = partial_func();
    return wrapped ? wrapped->function_source() : "";
  }
  bool equals(const Callable& other) const override {
    auto* o = dynamic_cast<const CallableInstance*>(&other);
    return o && (o->target_.is(target_) || runtime::equals(o->target_, target_));
  }

 private:
  // The function of a functools.partial (or of a subclass), else nullptr.
  Ref<Callable> partial_func() const {
    const auto cls = type_of(target_);
    const auto is_partial = [](const Type* t) { return t->name == "partial" && t->module == "functools"; };
    bool partial = is_partial(cls.get());
    for (const Type* t : cls->ancestors()) partial = partial || is_partial(t);
    if (!partial) return nullptr;
    auto func = getattr_opt(target_, "func");
    return func ? as_callback(*func) : nullptr;
  }

  Value target_;
};

}  // namespace

Ref<Callable> as_callback(const Value& v) {
  if (auto* c = v.as<Callable>()) return Ref<Callable>(c);
  if (!is_callable(v)) return nullptr;
  return make<CallableInstance>(v);
}

}  // namespace asim::runtime
