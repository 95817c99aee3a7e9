#include "model/runtime/traceback_object.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/errors.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/protocols.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {

constexpr std::string_view kWhy = "asim's tracebacks keep only each frame's function, file and line";

// The entry `index` of an exception's traceback (innermost first), shared by
// the three kinds of objects below.
class EntryView : public Object, public HasAttributes {
 public:
  EntryView(Ref<PyException> exc, std::size_t index) : exc_(std::move(exc)), index_(index) {}
  bool set_attribute(std::string_view, const Value&) override { return false; }

 protected:
  const TracebackEntry& entry() const { return exc_->traceback[index_]; }
  // CPython has the attribute; asim does not keep what it would say.
  [[noreturn]] void unmodelled(std::string_view name) const {
    const std::string what = fmt::format("{}.{}", type_name(), name);
    if (stop_unmodelled) stop_unmodelled(what, kWhy);
    raise(Runtime::current().builtins.AttributeError,
          fmt::format("'{}' object has no attribute '{}'", type_name(), name));
  }

  Ref<PyException> exc_;
  std::size_t index_;
};

class CodeView : public EntryView {
 public:
  using EntryView::EntryView;
  std::string_view type_name() const override { return "code"; }
  std::string repr() const override { unmodelled("__repr__"); }
  std::optional<Value> get_attribute(std::string_view name) override {
    if (name == "co_name") return Value::str(entry().function);
    if (name == "co_filename") return Value::str(entry().file);
    if (name.starts_with("co_") || name == "replace") unmodelled(name);
    return std::nullopt;
  }
};

class FrameView : public EntryView {
 public:
  using EntryView::EntryView;
  std::string_view type_name() const override { return "frame"; }
  std::string repr() const override { unmodelled("__repr__"); }
  std::optional<Value> get_attribute(std::string_view name) override {
    if (name == "f_code") return Value(make<CodeView>(exc_, index_));
    // f_lineno of the frame that handles the exception is the line it runs
    // now, not the entry's.
    if (name.starts_with("f_") || name == "clear") unmodelled(name);
    return std::nullopt;
  }
};

Value traceback_at(const Ref<PyException>& exc, std::size_t index);

class TracebackView : public EntryView {
 public:
  using EntryView::EntryView;
  ~TracebackView() override {
    if (detail::tearing_down) return;
    auto& views = exc_->traceback_views;
    if (index_ < views.size() && views[index_] == this) views[index_] = nullptr;
  }
  std::string_view type_name() const override { return "traceback"; }
  std::optional<Value> get_attribute(std::string_view name) override {
    const bool walked = name == "tb_frame" || name == "tb_lineno" || name == "tb_next";
    if (walked && exc_->dict.count(std::string(kLibraryFramesKey))) {
      const std::string what = fmt::format("traceback.{} of an exception that passed through asyncio's code", name);
      if (stop_unmodelled) stop_unmodelled(what, "CPython's traceback holds asyncio's own frames too, which asim does not keep");
    }
    if (name == "tb_frame") return Value(make<FrameView>(exc_, index_));
    if (name == "tb_lineno") return Value::integer(entry().line);
    if (name == "tb_next") return index_ == 0 ? Value::none() : traceback_at(exc_, index_ - 1);
    if (name == "tb_lasti") unmodelled(name);
    return std::nullopt;
  }
  const Ref<PyException>& exception() const { return exc_; }
  std::size_t index() const { return index_; }
};

// The traceback object of entry `index`: the one alive, else a new one.
Value traceback_at(const Ref<PyException>& exc, std::size_t index) {
  auto& views = exc->traceback_views;
  if (views.size() <= index) views.resize(index + 1, nullptr);
  if (Object* alive = views[index]) return Value(Ref<Object>(alive));
  auto view = make<TracebackView>(exc, index);
  views[index] = view.get();
  return Value(view);
}

}  // namespace

void note_library_frame(PyException& exc) {
  exc.dict[std::string(kLibraryFramesKey)] = Value::boolean(true);
  // An exception chained to this one without frames of its own was caught
  // in asyncio's code (wait_for's `raise TimeoutError from exc` after
  // fut.result() raised there): CPython's traceback holds that frame.
  for (PyException* linked : {exc.cause.get(), exc.context.get()})
    if (linked && linked->traceback.empty() && !linked->dict.count(std::string(kLibraryFramesKey)))
      note_library_frame(*linked);
}

Value traceback_of(const Ref<PyException>& exc) {
  if (exc->traceback.empty()) {
    // CPython's is a traceback object of asyncio's frames, never None.
    if (exc->dict.count(std::string(kLibraryFramesKey)) && stop_unmodelled)
      stop_unmodelled("the __traceback__ of an exception that passed through asyncio's code only",
                      "CPython's traceback holds asyncio's own frames, which asim does not keep");
    return Value::none();
  }
  return traceback_at(exc, exc->traceback.size() - 1);
}

std::pair<Ref<PyException>, std::size_t> traceback_frames(const Value& tb) {
  auto* view = tb.as<TracebackView>();
  if (!view) return {nullptr, 0};
  return {view->exception(), view->index() + 1};
}

void set_traceback(PyException& exc, const Value& tb) {
  if (tb.is_none()) {
    exc.traceback_views.clear();
    exc.traceback.clear();
    exc.dict.erase(std::string(kLibraryFramesKey));
    return;
  }
  auto* view = tb.as<TracebackView>();
  if (!view) throw_type_error("__traceback__ must be a traceback or None");
  // The frames from that traceback object inward: its exception's entries
  // up to its own.
  const std::size_t count = view->index() + 1;
  const auto& from = view->exception()->traceback;
  // A traceback object whose exception's traceback was since cut below it:
  // the frames it stood for are gone from the model.
  if (count > from.size() && stop_unmodelled)
    stop_unmodelled("a traceback object of an exception whose __traceback__ was replaced since", kWhy);
  if (count > from.size()) throw_type_error("__traceback__ must be a traceback or None");
  if (view->exception().get() == &exc) {
    // Its own traceback cut at `view`: the objects from it inward stay.
    exc.traceback.resize(count);
    exc.traceback_views.resize(std::min(exc.traceback_views.size(), count));
    return;
  }
  exc.traceback.assign(from.begin(), from.begin() + static_cast<std::ptrdiff_t>(count));
  exc.traceback_views.clear();
}

}  // namespace asim::runtime
