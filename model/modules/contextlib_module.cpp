// The native half of `contextlib` (Lib/contextlib.py), the module
// `_contextlib` that stdlib/contextlib.py builds on: contextmanager and
// asynccontextmanager, which turn a generator (async generator) that yields
// once into a context manager, and suppress.
#include <fmt/format.h>

#include <optional>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/async_generator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/native_coroutine.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::builtins;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Step;
using runtime::Value;

namespace {

// The exception __exit__ was given: the instance, made from the class when
// only a class came (`value = typ()`); null for a normal exit.
Ref<PyException> exit_exception(const Value& typ, const Value& value) {
  if (typ.is_none()) return nullptr;
  if (auto* e = value.as<PyException>()) return Ref<PyException>(e);
  return runtime::call(typ, {}).ref<PyException>();
}

// contextlib._GeneratorContextManager
class GeneratorContextManager : public runtime::Object {
 public:
  explicit GeneratorContextManager(Ref<runtime::Coroutine> gen) : gen_(std::move(gen)) {}
  std::string_view type_name() const override { return "_GeneratorContextManager"; }
  std::string repr() const override { return "<contextlib._GeneratorContextManager object at " + address_text() + ">"; }

  Value enter() {
    const Step s = gen_->send(Value());
    if (s.done) runtime::raise(builtins().RuntimeError, "generator didn't yield");
    return s.value;
  }

  bool exit(const Ref<PyException>& value) {
    const auto& b = builtins();
    if (!value) {
      if (!gen_->send(Value()).done) runtime::raise(b.RuntimeError, "generator didn't stop");
      return false;
    }
    Step s;
    try {
      s = gen_->throw_(value);
    } catch (PyError& e) {
      // The generator re-raised what it was given: not suppressed. A
      // StopIteration thrown in comes back as PEP 479's RuntimeError.
      if (e.exc == value) return false;
      if (value->isinstance(b.StopIteration.get()) && e.exc->isinstance(b.RuntimeError.get()) && e.exc->cause == value)
        return false;
      throw;
    }
    // It returned (StopIteration): the exception is suppressed.
    if (s.done) return true;
    runtime::raise(b.RuntimeError, "generator didn't stop after throw()");
  }

 private:
  Ref<runtime::Coroutine> gen_;
};

// contextlib._AsyncGeneratorContextManager
class AsyncGeneratorContextManager : public runtime::Object, public runtime::AsyncContextManager {
 public:
  AsyncGeneratorContextManager(Value agen, bool exit_returns_none)
      : agen_(std::move(agen)), not_suppressed_(exit_returns_none ? Value::none() : Value::boolean(false)) {}
  std::string_view type_name() const override { return "_AsyncGeneratorContextManager"; }
  std::string repr() const override {
    return "<contextlib._AsyncGeneratorContextManager object at " + address_text() + ">";
  }

  Ref<runtime::Coroutine> aenter() override {
    return runtime::native("_AsyncGeneratorContextManager.__aenter__", aenter_body(Ref<AsyncGeneratorContextManager>(this)));
  }
  Ref<runtime::Coroutine> aexit(Ref<PyException> exc) override {
    return runtime::native("_AsyncGeneratorContextManager.__aexit__",
                           aexit_body(Ref<AsyncGeneratorContextManager>(this), std::move(exc)));
  }

 private:
  runtime::AsyncGenerator& gen() const { return *agen_.as<runtime::AsyncGenerator>(); }

  static runtime::Coro aenter_body(Ref<AsyncGeneratorContextManager> self) {
    std::optional<PyError> stopped;
    try {
      co_return co_await self->gen().anext();
    } catch (PyError& e) {
      if (!e.exc->isinstance(builtins().StopAsyncIteration.get())) throw;
      stopped = std::move(e);
    }
    runtime::raise(builtins().RuntimeError, "generator didn't yield");
  }

  static runtime::Coro aexit_body(Ref<AsyncGeneratorContextManager> self, Ref<PyException> value) {
    const auto& b = builtins();
    if (!value) {
      bool stopped = false;
      try {
        co_await self->gen().anext();
      } catch (PyError& e) {
        if (!e.exc->isinstance(b.StopAsyncIteration.get())) throw;
        stopped = true;
      }
      if (!stopped) runtime::raise(b.RuntimeError, "generator didn't stop");
      co_return self->not_suppressed_;
    }
    std::optional<PyError> raised;
    try {
      co_await self->gen().athrow(value);
    } catch (PyError& e) {
      raised = std::move(e);
    }
    if (!raised) runtime::raise(b.RuntimeError, "generator didn't stop after athrow()");
    const Ref<PyException>& exc = raised->exc;
    // Returned (StopAsyncIteration): suppressed, unless that is what came in.
    if (exc->isinstance(b.StopAsyncIteration.get())) co_return Value::boolean(exc != value);
    if (exc == value) co_return exc->isinstance(b.RuntimeError.get()) ? Value::boolean(false) : self->not_suppressed_;
    if (exc->isinstance(b.RuntimeError.get()) && value->isinstance(b.StopIteration.get()) && exc->cause == value)
      co_return Value::boolean(false);
    throw *raised;
  }

  Value agen_;
  Value not_suppressed_;
};

// What @contextmanager / @asynccontextmanager return: calling it calls the
// generator function and wraps what it returns (contextmanager's helper).
class ContextManagerFactory : public runtime::Callable {
 public:
  ContextManagerFactory(Value func, bool is_async, bool exit_returns_none = false)
      : func_(std::move(func)), is_async_(is_async), exit_returns_none_(exit_returns_none) {}
  std::string_view type_name() const override { return "function"; }
  std::string qualname() const override {
    auto* f = func_.as<runtime::Callable>();
    return f ? f->qualname() : "helper";
  }
  Value call(std::span<const Value> args) override { return call_kw(args, {}); }
  Value call_kw(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) override {
    Value made = runtime::call(func_, args, kwargs);
    if (is_async_) {
      if (!made.as<runtime::AsyncGenerator>())
        runtime::raise(builtins().TypeError, "asim: @asynccontextmanager needs an async generator function");
      return Value(runtime::make<AsyncGeneratorContextManager>(std::move(made), exit_returns_none_));
    }
    auto* gen = made.as<runtime::Coroutine>();
    if (!gen || gen->type_name() != "generator")
      runtime::raise(builtins().TypeError, "asim: @contextmanager needs a generator function");
    return Value(runtime::make<GeneratorContextManager>(Ref<runtime::Coroutine>(gen)));
  }

 private:
  Value func_;
  bool is_async_;
  bool exit_returns_none_;
};

// contextlib.suppress
class Suppress : public runtime::Object {
 public:
  explicit Suppress(std::vector<Value> exceptions) : exceptions_(std::move(exceptions)) {}
  std::string_view type_name() const override { return "suppress"; }
  std::string repr() const override { return "<contextlib.suppress object at " + address_text() + ">"; }
  bool matches(const Value& exctype) const {
    auto* t = exctype.as<runtime::Type>();
    if (!t) return false;
    for (const auto& e : exceptions_)
      if (auto* cls = e.as<runtime::Type>(); cls && t->is_subclass_of(cls)) return true;
    return false;
  }

 private:
  std::vector<Value> exceptions_;
};

Ref<runtime::Type> class_of(const std::string& name, const Ref<runtime::Type>& base) {
  return runtime::make<runtime::Type>("contextlib", name, base);
}

}  // namespace

runtime::Ref<runtime::Module> make_contextlib_module(Session& session) {
  auto m = runtime::make<runtime::Module>("_contextlib");
  const auto object_type = runtime::type_of(Value(runtime::make<runtime::List>())).get()->base;

  auto gcm = class_of("_GeneratorContextManager", object_type);
  runtime::register_type(typeid(GeneratorContextManager), gcm);
  gcm->add_method("__enter__", function("_GeneratorContextManager.__enter__", {pos("self")}, [](const Bound& b) {
                    return b[0].as<GeneratorContextManager>()->enter();
                  }));
  gcm->add_method("__exit__", function("_GeneratorContextManager.__exit__",
                                       {pos("self"), pos("typ"), pos("value"), pos("traceback")}, [](const Bound& b) {
                                         return Value::boolean(
                                             b[0].as<GeneratorContextManager>()->exit(exit_exception(b[1], b[2])));
                                       }));
  auto agcm = class_of("_AsyncGeneratorContextManager", object_type);
  runtime::register_type(typeid(AsyncGeneratorContextManager), agcm);
  // Looked up on the class by AsyncExitStack.enter_async_context and by
  // programs that drive the protocol by hand.
  agcm->add_method("__aenter__", function("_AsyncGeneratorContextManager.__aenter__", {pos("self")}, [](const Bound& b) {
                     return Value(b[0].as<AsyncGeneratorContextManager>()->aenter());
                   }));
  agcm->add_method("__aexit__", function("_AsyncGeneratorContextManager.__aexit__",
                                         {pos("self"), pos("typ"), pos("value"), pos("traceback")}, [](const Bound& b) {
                                           return Value(b[0].as<AsyncGeneratorContextManager>()->aexit(
                                               exit_exception(b[1], b[2])));
                                         }));

  auto suppress = class_of("suppress", object_type);
  runtime::register_type(typeid(Suppress), suppress);
  suppress->add_method("__enter__", function("suppress.__enter__", {pos("self")}, [](const Bound&) { return Value(); }));
  suppress->add_method("__exit__", function("suppress.__exit__", {pos("self"), pos("exctype"), pos("excinst"), pos("exctb")},
                                            [](const Bound& b) {
                                              return Value::boolean(!b[1].is_none() && b[0].as<Suppress>()->matches(b[1]));
                                            }));
  suppress->constructor = [](const Ref<runtime::Type>&, std::span<const Value> args, std::span<const runtime::Keyword>) {
    return Value(runtime::make<Suppress>(std::vector<Value>(args.begin(), args.end())));
  };
  m->dict["suppress"] = Value(suppress);

  m->dict["contextmanager"] = Value(function("contextmanager", {pos("func")}, [](const Bound& b) {
    return Value(runtime::make<ContextManagerFactory>(b[0], false));
  }));
  const bool exit_returns_none = session.profile().async_generator_cm_exit_returns_none;
  m->dict["asynccontextmanager"] = Value(function("asynccontextmanager", {pos("func")}, [exit_returns_none](const Bound& b) {
    return Value(runtime::make<ContextManagerFactory>(b[0], true, exit_returns_none));
  }));
  return m;
}

}  // namespace asim::modules
