#include "model/asyncio/events.hpp"

#include <fmt/format.h>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/reprlib.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::asyncio {

using runtime::PyError;
using runtime::Value;

runtime::Value UncheckedCallback::call(std::span<const runtime::Value> args) { return runtime::call(value_, args); }

std::string UncheckedCallback::qualname() const { return runtime::to_repr(value_); }

// format_helpers._format_callback: the callback's name and, unless the
// version hides them outside debug mode, its arguments, each through
// reprlib.repr (_format_args_and_kwargs).
std::string Handle::callback_text(bool show_arguments) const {
  if (!callback_) return "";
  std::string out = callback_->callback_name(show_arguments) + "(";
  for (std::size_t i = 0; show_arguments && i < args_.size(); ++i) {
    if (i) out += ", ";
    out += runtime::reprlib_repr(args_[i]);
  }
  return out + ")";
}

// format_helpers._format_callback_source: the above, and where a Python
// callback was defined.
std::string Handle::callback_source_text() const {
  std::string out = callback_text(loop_->profile().callback_reprs_show_arguments);
  if (!callback_) return out;
  if (auto source = callback_->function_source(); !source.empty()) out += " at " + source;
  return out;
}

// Handle._repr_info: a None callback is left out.
std::string Handle::repr_info() const {
  std::string info = cancelled_ ? "cancelled" : "";
  const auto* unchecked = dynamic_cast<const UncheckedCallback*>(callback_.get());
  if (callback_ && !(unchecked && unchecked->is_none())) info += (info.empty() ? "" : " ") + callback_source_text();
  return info;
}

std::string Handle::repr() const {
  loop_->refuse_debug_repr("a Handle");
  const std::string info = repr_info();
  return info.empty() ? "<Handle>" : fmt::format("<Handle {}>", info);
}

void Handle::cancel() {
  if (cancelled_) return;
  cancelled_ = true;
  callback_.reset();
  args_.clear();
}

// Handle._run: self._context.run(self._callback, *self._args)
void Handle::run() {
  try {
    runtime::Context::Scope scope(*context_);
    callback_->call(args_);
  } catch (PyError& e) {
    const auto& b = runtime::Runtime::current().builtins;
    if (e.exc->isinstance(b.SystemExit.get()) || e.exc->isinstance(b.KeyboardInterrupt.get())) {
      e.exc->frame_locals.emplace_back(this);
      throw;
    }
    add_library_frame(*e.exc, LibraryFrame::HandleRun, loop_->profile().minor);
    runtime::note_library_frame(*e.exc);
    loop_->call_exception_handler("Exception in callback " + callback_source_text(), e.exc, "handle",
                                  runtime::Value(runtime::Ref<Handle>(this)));
  }
}

// TimerHandle._repr_info puts `when=` after "cancelled" when there is one.
std::string TimerHandle::repr() const {
  loop_->refuse_debug_repr("a TimerHandle");
  const std::string when = "when=" + runtime::float_repr(when_);
  if (cancelled_) return fmt::format("<TimerHandle cancelled {}>", when);
  const std::string info = repr_info();
  return fmt::format("<TimerHandle {}{}>", when, info.empty() ? "" : " " + info);
}

void TimerHandle::cancel() {
  if (!cancelled_) loop_->timer_handle_cancelled(*this);
  Handle::cancel();
}

bool TimerHandle::equals(const TimerHandle& other) const {
  // Cancelled, CPython's handle holds None for both.
  const auto callback = [](const TimerHandle& h) { return h.callback_ ? Value(h.callback_) : Value::none(); };
  const auto args = [](const TimerHandle& h) {
    return h.cancelled_ ? Value::none() : runtime::make_tuple(std::vector<Value>(h.args_.begin(), h.args_.end()));
  };
  return when_ == other.when_ && runtime::truthy(runtime::compare(runtime::CmpOp::Eq, callback(*this), callback(other))) &&
         runtime::truthy(runtime::compare(runtime::CmpOp::Eq, args(*this), args(other))) && cancelled_ == other.cancelled_;
}

}  // namespace asim::asyncio
