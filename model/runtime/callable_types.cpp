// Coroutine objects as Python sees them: send(), throw() and close()
// (Objects/genobject.c), over the runtime::Coroutine protocol.
#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/async_generator.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"

namespace asim::runtime {

namespace {

// throw(typ[, val[, tb]]) / athrow(...): an exception instance (alone), or
// a class and the value to make it from, as PyErr_NormalizeException does:
// an instance of the class as it is, a tuple as the arguments, None as none.
Ref<PyException> thrown_exception(std::span<const Value> a) {
  const bool has_value = a.size() > 2 && !a[2].is_none();
  if (auto* e = a[1].as<PyException>()) {
    if (has_value) throw_type_error("instance exception may not have a separate value");
    return Ref<PyException>(e);
  }
  auto* cls = a[1].as<Type>();
  if (cls && cls->is_subclass_of(Runtime::current().builtins.BaseException.get())) {
    if (auto* given = has_value ? a[2].as<PyException>() : nullptr; given && given->type->is_subclass_of(cls))
      return Ref<PyException>(given);
    std::vector<Value> args;
    if (auto* tuple = has_value ? a[2].as<Tuple>() : nullptr)
      args = tuple->items;
    else if (has_value)
      args.push_back(a[2]);
    // Held while the Ref is taken: the call's result is its only owner.
    const Value made = call(a[1], args);
    if (auto* exc = made.as<PyException>()) return Ref<PyException>(exc);
  }
  throw_type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(a[1]));
}

// gen_throw / async_gen_athrow: 3.12+ warn of the (type, value, traceback)
// form, whatever the values.
void warn_throw_signature(std::span<const Value> a, std::string_view method) {
  if (a.size() > 2 && Runtime::current().features.throw_signature_deprecated)
    Runtime::current().warn(fmt::format("DeprecationWarning: the (type, exc, tb) signature of {}() is deprecated, use "
                                        "the single-arg signature instead.",
                                        method));
}

// A coroutine that returned: StopIteration(value), value as its .value.
Value finished(const Step& step) {
  std::vector<Value> args;
  if (!step.value.is_none()) args.push_back(step.value);
  throw PyError{make<PyException>(Runtime::current().builtins.StopIteration, std::move(args))};
}

// coro.__await__(): genobject.c's coroutine_wrapper, an iterator whose
// send/throw/close are the coroutine's.
class CoroutineWrapper : public Coroutine, public Iterator {
 public:
  explicit CoroutineWrapper(Ref<Coroutine> coro) : Coroutine(coro->qualname), coro_(std::move(coro)) {
    state_ = coro_->state();
  }
  std::string_view type_name() const override { return "coroutine_wrapper"; }
  std::string repr() const override { return fmt::format("<coroutine_wrapper object at {}>", address_text()); }
  Coroutine* coroutine() override { return nullptr; }
  // Not awaitable itself: it has no __await__.
  Ref<Coroutine> await_iter() override {
    raise(Runtime::current().builtins.TypeError, "object coroutine_wrapper can't be used in 'await' expression");
  }
  Step send(Value value) override {
    return tracked([&] { return coro_->send(std::move(value)); });
  }
  Step throw_(Ref<PyException> exc) override {
    return tracked([&] { return coro_->throw_(std::move(exc)); });
  }
  void close() override {
    tracked([&] {
      coro_->close();
      return Step{true, Value()};
    });
  }
  std::optional<Value> next() override {
    Step s = send(Value());
    if (!s.done) return std::move(s.value);
    returned_ = std::move(s.value);
    return std::nullopt;
  }
  Value take_stop_value() override { return std::exchange(returned_, Value()); }

 private:
  // The wrapper shows the coroutine's state (send's just-started check).
  template <class F>
  Step tracked(F step) {
    try {
      Step s = step();
      state_ = coro_->state();
      return s;
    } catch (...) {
      state_ = coro_->state();
      throw;
    }
  }
  Ref<Coroutine> coro_;
  Value returned_;
};

// send/throw/close of coroutines and generators (the same methods in
// genobject.c); `kind` names the object in messages.
void install_frame_methods(const Ref<Type>& T, std::string_view kind) {
  const Type* ct = T.get();
  using Args = std::span<const Value>;
  using Kw = std::span<const Keyword>;
  def(T, "send", [ct, kind](Args a, Kw kw) {
    args::no_kwargs("send", kw);
    auto& co = self_as<Coroutine>(a, *ct, "send");
    args::exactly("send", a.subspan(1), 1);
    if (co.state() == Coroutine::State::Created && !a[1].is_none())
      throw_type_error(fmt::format("can't send non-None value to a just-started {}", kind));
    const Step step = co.send(a[1]);
    return step.done ? finished(step) : step.value;
  });
  def(T, "throw", [ct](Args a, Kw kw) {
    args::no_kwargs("throw", kw);
    auto& co = self_as<Coroutine>(a, *ct, "throw");
    args::count("throw", a.subspan(1), 1, 3);
    warn_throw_signature(a, "throw");
    const Ref<PyException> exc = thrown_exception(a);
    const Step step = co.throw_(exc);
    return step.done ? finished(step) : step.value;
  });
  def(T, "close", [ct](Args a, Kw kw) {
    args::no_kwargs("close", kw);
    self_as<Coroutine>(a, *ct, "close").close();
    return Value::none();
  });
}

// __aiter__, __anext__, asend, athrow, aclose (async_gen_methods).
void install_async_generator_methods(const Ref<Type>& T) {
  const Type* at = T.get();
  using Args = std::span<const Value>;
  using Kw = std::span<const Keyword>;
  auto gen = [at](Args a, const char* method) -> AsyncGenerator& {
    return *downcast<AsyncGenerator>(&self_as<Object>(a, *at, method));
  };
  def(T, "__aiter__", [at](Args a, Kw kw) {
    args::no_kwargs("__aiter__", kw);
    self_as<Object>(a, *at, "__aiter__");
    return a[0];
  });
  def(T, "__anext__", [gen](Args a, Kw kw) {
    args::no_kwargs("__anext__", kw);
    return Value(gen(a, "__anext__").anext());
  });
  def(T, "asend", [gen](Args a, Kw kw) {
    args::no_kwargs("asend", kw);
    args::exactly("asend", a.subspan(1), 1);
    return Value(gen(a, "asend").asend(a[1]));
  });
  def(T, "athrow", [gen](Args a, Kw kw) {
    args::no_kwargs("athrow", kw);
    args::count("athrow", a.subspan(1), 1, 3);
    warn_throw_signature(a, "athrow");
    const Ref<PyException> exc = thrown_exception(a);
    return Value(gen(a, "athrow").athrow(exc));
  });
  def(T, "aclose", [gen](Args a, Kw kw) {
    args::no_kwargs("aclose", kw);
    return Value(gen(a, "aclose").aclose());
  });
}

// __iter__ and __next__ of generators and coroutine wrappers
// (gen_iternext, coro_wrapper_iternext).
void install_iterator_methods(const Ref<Type>& T) {
  const Type* it = T.get();
  using Args = std::span<const Value>;
  using Kw = std::span<const Keyword>;
  def(T, "__iter__", [it](Args a, Kw kw) {
    args::no_kwargs("__iter__", kw);
    self_as<Coroutine>(a, *it, "__iter__");
    return a[0];
  });
  def(T, "__next__", [it](Args a, Kw kw) {
    args::no_kwargs("__next__", kw);
    const Step step = self_as<Coroutine>(a, *it, "__next__").send(Value());
    return step.done ? finished(step) : step.value;
  });
}

}  // namespace

void install_callable_types(BuiltinTypes& t) {
  install_frame_methods(t.coroutine, "coroutine");
  install_frame_methods(t.generator, "generator");
  install_iterator_methods(t.generator);
  const Type* ct = t.coroutine.get();
  def(t.coroutine, "__await__", [ct](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("__await__", kw);
    return Value(make<CoroutineWrapper>(Ref<Coroutine>(&self_as<Coroutine>(a, *ct, "__await__"))));
  });
  auto wrapper = make<Type>("builtins", "coroutine_wrapper", t.object);
  install_frame_methods(wrapper, "coroutine");
  install_iterator_methods(wrapper);
  register_type(typeid(CoroutineWrapper), wrapper);
  t.coroutine->add_getter("cr_running", [](const Value& self) {
    return Value::boolean(self.as<Coroutine>()->state() == Coroutine::State::Running);
  });
  t.generator->add_getter("gi_running", [](const Value& self) {
    return Value::boolean(self.as<Coroutine>()->state() == Coroutine::State::Running);
  });
  install_async_generator_methods(t.async_generator);
}

}  // namespace asim::runtime
