// The iterator `await future` and `iter(future)` give (futures.py's
// Future.__await__, the C accelerator's _asyncio.FutureIter): while the
// future is pending it marks it blocking and yields it; then it returns
// result().
#pragma once

#include "model/asyncio/futures.hpp"
#include "model/runtime/iterator.hpp"

namespace asim::asyncio {

class FutureIter : public runtime::Coroutine, public runtime::Iterator {
 public:
  explicit FutureIter(runtime::Ref<Future> fut) : Coroutine("FutureIter"), fut_(std::move(fut)) {}
  std::string_view type_name() const override { return "FutureIter"; }
  runtime::Coroutine* coroutine() override { return nullptr; }

  runtime::Step send(runtime::Value) override;
  runtime::Step throw_(runtime::Ref<runtime::PyException> exc) override;
  void close() override { state_ = State::Closed; }
  std::optional<runtime::Value> next() override;
  runtime::Value take_stop_value() override { return std::exchange(returned_, runtime::Value()); }

 private:
  runtime::Ref<Future> fut_;
  runtime::Value returned_;
  bool yielded_ = false;
};

}  // namespace asim::asyncio
