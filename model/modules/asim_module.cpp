// The `asim` module: claims about behaviour, recorded per version (the
// conformance harness gives real CPython the same module).
#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::Value;

runtime::Ref<runtime::Module> make_asim_module(Session& session) {
  auto m = runtime::make<runtime::Module>("asim");
  Session* s = &session;
  m->dict["claim"] = Value(function("claim", {pos("text"), pos("condition")}, [s](const Bound& b) {
    const bool holds = runtime::truthy(b[1]);
    s->record_claim(runtime::to_str(b[0]), holds);
    return Value::boolean(holds);
  }));
  // The virtual clock and loop iteration, for scenarios that print them.
  m->dict["now"] = Value(function("now", {}, [s](const Bound&) {
    return Value::floating(s->running_loop() ? s->running_loop()->time() : 0.0);
  }));
  m->dict["tick"] = Value(function("tick", {}, [s](const Bound&) {
    return Value::integer(s->running_loop() ? static_cast<std::int64_t>(s->running_loop()->tick()) : 0);
  }));
  return m;
}

}  // namespace asim::modules
