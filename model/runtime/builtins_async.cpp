// aiter() and anext() (3.10+, Python/bltinmodule.c), and the awaitable anext()
// returns when given a default (Objects/iterobject.c's anext_awaitable).
#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/builtins.hpp"
#include "model/runtime/builtins_internal.hpp"
#include "model/runtime/native_coroutine.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {

// Awaits what __anext__() returned; StopAsyncIteration from it becomes the
// default, returned.
Coro anext_with_default(Value awaitable, Value default_value) {
  try {
    co_return co_await awaitable;
  } catch (PyError& e) {
    if (!e.exc->isinstance(Runtime::current().builtins.StopAsyncIteration.get())) throw;
  }
  co_return default_value;
}

class AnextAwaitable : public NativeCoroutine {
 public:
  AnextAwaitable(Value awaitable, Value default_value)
      : NativeCoroutine("anext_awaitable", anext_with_default(std::move(awaitable), std::move(default_value))) {}
  std::string_view type_name() const override { return "anext_awaitable"; }
  std::string repr() const override { return Object::repr(); }
  // Not a coroutine: nothing to say when it goes unawaited.
  void finalize() override {}
};

bool has_method(const Value& v, std::string_view name) {
  return type_of(v)->lookup(v, name).has_value();
}

[[noreturn]] void type_error(std::string message) {
  raise(Runtime::current().builtins.TypeError, std::move(message));
}

}  // namespace

void add_async_iteration_builtins(Module& m) {
  // builtin_aiter: PyObject_GetAIter
  add_function(m, "aiter", [](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("aiter", kw);
    args::exactly("aiter", a, 1);
    if (!has_method(a[0], "__aiter__"))
      type_error(fmt::format("'{}' object is not an async iterable", type_name(a[0])));
    Value it = call_method(a[0], "__aiter__");
    if (!has_method(it, "__anext__"))
      type_error(fmt::format("aiter() returned not an async iterator of type '{}'", type_name(it)));
    return it;
  });
  // builtin_anext
  add_function(m, "anext", [](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("anext", kw);
    args::count("anext", a, 1, 2);
    if (!has_method(a[0], "__anext__"))
      type_error(fmt::format("'{}' object is not an async iterator", type_name(a[0])));
    Value awaitable = call_method(a[0], "__anext__");
    if (a.size() == 1) return awaitable;
    return Value(make<AnextAwaitable>(std::move(awaitable), a[1]));
  });
}

}  // namespace asim::runtime
