#include "model/modules/asyncio_coroutines.hpp"

#include <fmt/format.h>

#include <map>

#include "model/lang/function.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/protocols.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::modules {

using runtime::Ref;
using runtime::Step;
using runtime::Value;

namespace {

class CoroWrapperFunction;

// What calling coroutine()'s wrapper gives (the generator of coroutines.py's
// inner `coro`, marked by types.coroutine): on its first send it calls the
// wrapped function, then `yield from`s a future or generator it returned, or
// the __await__ of any other awaitable; else it returns the result.
class WrappedCall : public runtime::Coroutine, public runtime::Iterator {
 public:
  WrappedCall(Ref<CoroWrapperFunction> wrapper, std::vector<Value> args, std::vector<runtime::Keyword> kwargs);
  std::string_view type_name() const override { return "generator"; }
  runtime::Coroutine* coroutine() override { return nullptr; }

  Step send(Value value) override {
    if (state_ == State::Closed) return {true, Value()};
    if (state_ == State::Created) {
      if (!value.is_none())
        runtime::raise(runtime::builtins().TypeError, "can't send non-None value to a just-started generator");
      state_ = State::Running;
      Value res;
      try {
        res = start();
      } catch (...) {
        state_ = State::Closed;
        throw;
      }
      if (!delegate_) {
        state_ = State::Closed;
        return {true, std::move(res)};
      }
    }
    return forward([&] { return delegate_->send(std::move(value)); });
  }
  Step throw_(Ref<runtime::PyException> exc) override {
    if (!delegate_ || state_ == State::Closed) {
      state_ = State::Closed;
      throw runtime::PyError{std::move(exc)};
    }
    return forward([&] { return delegate_->throw_(std::move(exc)); });
  }
  void close() override {
    if (delegate_ && state_ == State::Suspended) delegate_->close();
    state_ = State::Closed;
  }

  std::optional<Value> next() override {
    Step s = send(Value());
    if (!s.done) return std::move(s.value);
    returned_ = std::move(s.value);
    return std::nullopt;
  }
  Value take_stop_value() override { return std::exchange(returned_, Value()); }

 private:
  Value start();
  template <typename F>
  Step forward(F step) {
    Step s;
    try {
      s = step();
    } catch (...) {
      state_ = State::Closed;
      throw;
    }
    state_ = s.done ? State::Closed : State::Suspended;
    return s;
  }

  Ref<CoroWrapperFunction> wrapper_;
  std::vector<Value> args_;
  std::vector<runtime::Keyword> kwargs_;
  Ref<runtime::Coroutine> delegate_;
  Value returned_;
};

// coroutines.coroutine's `coro`, as functools.wraps(func) made it: a function
// named as `func`, with its __doc__, __module__ and __dict__, and __wrapped__.
class CoroWrapperFunction : public runtime::Callable, public runtime::HasAttributes {
 public:
  explicit CoroWrapperFunction(Value func) : func(std::move(func)) {
    for (const char* name : {"__module__", "__name__", "__qualname__", "__doc__"})
      if (auto v = runtime::getattr_opt(this->func, name)) dict_[name] = *v;
    if (auto d = runtime::getattr_opt(this->func, "__dict__"); d && d->as<runtime::Dict>())
      for (const auto& e : d->as<runtime::Dict>()->entries())
        if (e.live && e.key.as<runtime::Str>()) dict_[e.key.as<runtime::Str>()->text] = e.value;
    dict_["__wrapped__"] = this->func;
    qualname_ = text("__qualname__");
  }
  std::string_view type_name() const override { return "function"; }
  std::string repr() const override { return fmt::format("<function {} at {}>", qualname_, address_text()); }
  std::string qualname() const override { return qualname_; }
  const std::string& qualname_ref() const { return qualname_; }

  Value call(std::span<const Value> args) override { return call_kw(args, {}); }
  Value call_kw(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) override {
    return Value(runtime::make<WrappedCall>(Ref<CoroWrapperFunction>(this), std::vector<Value>(args.begin(), args.end()),
                                            std::vector<runtime::Keyword>(kwargs.begin(), kwargs.end())));
  }

  std::optional<Value> get_attribute(std::string_view name) override {
    if (auto it = dict_.find(std::string(name)); it != dict_.end()) return it->second;
    return std::nullopt;
  }
  bool set_attribute(std::string_view name, const Value& value) override {
    dict_[std::string(name)] = value;
    return true;
  }

  const Value func;

 private:
  std::string text(const std::string& name) const {
    auto it = dict_.find(name);
    return it != dict_.end() && it->second.as<runtime::Str>() ? it->second.as<runtime::Str>()->text : std::string("coro");
  }
  std::map<std::string, Value> dict_;
  std::string qualname_;
};

WrappedCall::WrappedCall(Ref<CoroWrapperFunction> wrapper, std::vector<Value> args,
                         std::vector<runtime::Keyword> kwargs)
    : Coroutine(wrapper->qualname_ref()), wrapper_(std::move(wrapper)), args_(std::move(args)), kwargs_(std::move(kwargs)) {}

Value WrappedCall::start() {
  Value res = runtime::call(wrapper_->func, args_, kwargs_);
  args_.clear();
  kwargs_.clear();
  auto* obj = res.is_object() ? res.object() : nullptr;
  if (auto* fut = obj ? obj->future_awaitable() : nullptr) {
    delegate_ = fut->await_iter();
  } else if (auto* c = res.as<runtime::Coroutine>(); c && c->type_name() == "generator") {
    delegate_ = res.ref<runtime::Coroutine>();
  } else if (res.as<runtime::Awaitable>()) {
    delegate_ = runtime::get_awaitable_iter(res);
  }
  return res;
}

}  // namespace

bool inspect_iscoroutinefunction(const asyncio::VersionProfile& profile, Value v) {
  for (;;) {
    if (auto* method = v.as<runtime::BoundMethod>()) {
      v = Value(method->function);
      continue;
    }
    const auto type = runtime::type_of(v);
    if (profile.iscoroutinefunction_unwraps_partial && type->module == "functools" && type->name == "partial") {
      v = runtime::getattr(v, "func");
      continue;
    }
    break;
  }
  auto* fn = v.as<lang::Function>();
  return fn && fn->code->is_coroutine();
}

Value coroutine(const asyncio::VersionProfile& profile, const Value& func, const Value& marker) {
  if (profile.coroutine_decorator_deprecated)
    runtime::Runtime::current().warn(
        "DeprecationWarning: \"@coroutine\" decorator is deprecated since Python 3.8, use \"async def\" instead");
  if (inspect_iscoroutinefunction(profile, func)) return func;
  Value wrapper = func;
  if (auto* fn = func.as<lang::Function>(); fn && fn->code->is_generator()) {
    // types.coroutine: func.__code__ = func.__code__.replace(co_flags=...)
    if (!(fn->code->flags & lang::kIterableCoroutine)) fn->code = fn->code->with_flags(fn->code->flags | lang::kIterableCoroutine);
  } else {
    wrapper = Value(runtime::make<CoroWrapperFunction>(func));
  }
  runtime::setattr(wrapper, "_is_coroutine", marker);
  return wrapper;
}

}  // namespace asim::modules
