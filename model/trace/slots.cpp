#include <fmt/format.h>

#include "model/runtime/value.hpp"
#include "model/trace/views.hpp"

namespace asim::trace {

Slot slot_of(const Event& e) {
  return {e.run, e.outside, e.outside ? 0.0 : e.time};
}

std::string slot_heading(const Slot& slot, bool starts_run, bool several_runs) {
  if (slot.outside) return "no event loop running";
  const std::string time = "t=" + runtime::float_repr(slot.time);
  return starts_run && several_runs ? fmt::format("loop run {}, {}", slot.run, time) : time;
}

}  // namespace asim::trace
