#include "model/runtime/coroutine.hpp"

#include <fmt/format.h>

#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

Coroutine::Coroutine(std::string_view qualname)
    : qualname(qualname), origin_tracked_(Runtime::current().coroutine_origin_tracking_depth > 0) {}

std::string_view Coroutine::state_name() const {
  switch (state_) {
    case State::Created: return "CORO_CREATED";
    case State::Running: return "CORO_RUNNING";
    case State::Suspended: return "CORO_SUSPENDED";
    case State::Closed: return "CORO_CLOSED";
  }
  return "?";
}

Step Coroutine::send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised) {
  try {
    return thrown ? throw_(std::move(thrown)) : send(std::move(value));
  } catch (PyError& e) {
    raised = std::move(e.exc);
    return Step{true, Value()};
  }
}

std::string Coroutine::repr() const {
  return fmt::format("<{} object {} at {}>", type_name(), qualname, address_text());
}

// _PyErr_WarnUnawaitedCoroutine. With an origin, CPython's warning lists
// the frames that made the coroutine, asyncio's own files among them.
void Coroutine::warn_if_never_awaited() const {
  if (state_ != State::Created) return;
  auto& rt = Runtime::current();
  if (origin_tracked_)
    rt.unmodelled_at_exit(fmt::format(
        "{}: not supported by asim: the RuntimeWarning for coroutine '{}' never awaited in asyncio's debug mode "
        "(it lists where the coroutine was made, through CPython's own files; asim printed it without)",
        rt.current_location ? rt.current_location() : "asim", qualname));
  rt.warn_unraisable(fmt::format("RuntimeWarning: coroutine '{}' was never awaited", qualname), *this);
}

namespace {

// A generator's or coroutine's `yf` when it is any other iterator.
class IteratorDelegate : public Coroutine {
 public:
  explicit IteratorDelegate(Value iterator) : Coroutine("yield from"), iterator_(std::move(iterator)) {}
  std::string_view type_name() const override { return "iterator"; }
  Coroutine* coroutine() override { return nullptr; }
  // gen_send_ex: None goes to tp_iternext, any other value to its send().
  Step send(Value value) override {
    if (value.is_none()) {
      if (auto* it = iterator_.as<Iterator>()) {
        if (auto v = it->next()) return Step{false, std::move(*v)};
        return Step{true, it->take_stop_value()};
      }
      return stopping([&] { return call_method(iterator_, "__next__"); });
    }
    return stopping([&] { return call_method(iterator_, "send", std::span<const Value>(&value, 1)); });
  }
  // _gen_throw: its throw() when it has one, else raised at the yield from.
  Step throw_(Ref<PyException> exc) override {
    auto method = getattr_opt(iterator_, "throw");
    if (!method) throw PyError{std::move(exc)};
    const Value arg(std::move(exc));
    return stopping([&] { return call(*method, std::span<const Value>(&arg, 1)); });
  }
  // gen_close_iter: its close(), when it has one.
  void close() override {
    if (auto method = getattr_opt(iterator_, "close")) call(*method, {});
  }

 private:
  // A StopIteration ends the delegation with its value
  // (_PyGen_FetchStopIterationValue).
  template <class F>
  static Step stopping(F step) {
    try {
      return Step{false, step()};
    } catch (PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.StopIteration.get())) throw;
      return Step{true, e.exc->args.empty() ? Value() : e.exc->args[0]};
    }
  }
  Value iterator_;
};

}  // namespace

Ref<Coroutine> delegate_to_iterator(Value iterator) { return make<IteratorDelegate>(std::move(iterator)); }

Ref<Coroutine> get_awaitable_iter(const Value& obj) {
  if (auto* a = obj.as<Awaitable>()) return a->await_iter();
  if (obj.is_object() && !obj.as<Type>())
    if (auto method = type_of(obj)->lookup_class("__await__")) {
      Value it = call(*method, std::span<const Value>(&obj, 1));
      const auto& b = Runtime::current().builtins;
      // PEP 492: __await__ gives an iterator, not another awaitable.
      if (auto* c = it.as<Coroutine>()) {
        if (c->type_name() == "coroutine") raise(b.TypeError, "__await__() returned a coroutine");
        return Ref<Coroutine>(c);
      }
      if (!is_iterator(it))
        raise(b.TypeError, fmt::format("__await__() returned non-iterator of type '{}'", type_name(it)));
      return delegate_to_iterator(std::move(it));
    }
  raise(Runtime::current().builtins.TypeError,
        fmt::format("object {} can't be used in 'await' expression", type_name(obj)));
}

}  // namespace asim::runtime
