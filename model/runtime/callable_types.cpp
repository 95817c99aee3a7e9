// Coroutine objects as Python sees them: send(), throw() and close()
// (Objects/genobject.c), over the runtime::Coroutine protocol.
#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/ops.hpp"

namespace asim::runtime {

namespace {

// A coroutine that returned: StopIteration(value), value as its .value.
Value finished(const Step& step) {
  std::vector<Value> args;
  if (!step.value.is_none()) args.push_back(step.value);
  throw PyError{make<PyException>(Runtime::current().builtins.StopIteration, std::move(args))};
}

}  // namespace

namespace {

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
    Ref<PyException> exc;
    if (auto* e = a[1].as<PyException>()) exc = Ref<PyException>(e);
    else if (auto* cls = a[1].as<Type>(); cls && cls->is_subclass_of(Runtime::current().builtins.BaseException.get()))
      exc = Ref<PyException>(call(a[1], a.subspan(2, a.size() > 2 ? 1 : 0)).as<PyException>());
    if (!exc) throw_type_error("exceptions must be classes or instances deriving from BaseException, not " + type_name(a[1]));
    const Step step = co.throw_(exc);
    return step.done ? finished(step) : step.value;
  });
  def(T, "close", [ct](Args a, Kw kw) {
    args::no_kwargs("close", kw);
    self_as<Coroutine>(a, *ct, "close").close();
    return Value::none();
  });
}

}  // namespace

void install_callable_types(BuiltinTypes& t) {
  install_frame_methods(t.coroutine, "coroutine");
  install_frame_methods(t.generator, "generator");
  t.coroutine->add_getter("cr_running", [](const Value& self) {
    return Value::boolean(self.as<Coroutine>()->state() == Coroutine::State::Running);
  });
  t.generator->add_getter("gi_running", [](const Value& self) {
    return Value::boolean(self.as<Coroutine>()->state() == Coroutine::State::Running);
  });
}

}  // namespace asim::runtime
