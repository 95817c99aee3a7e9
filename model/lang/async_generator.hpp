// Asynchronous generators (Objects/genobject.c, PEP 525): an `async def`
// whose body yields. Each asend/athrow/aclose is an awaitable that runs the
// body until it yields a value (the awaitable's result) or ends; an `await`
// inside the body passes its future up to the task, as in any coroutine.
#pragma once

#include "model/lang/function.hpp"
#include "model/runtime/async_generator.hpp"

namespace asim::lang {

class InterpretedAsyncGenerator : public InterpretedCoroutine, public runtime::AsyncGenerator {
 public:
  explicit InterpretedAsyncGenerator(runtime::Ref<Function> fn)
      : InterpretedCoroutine(std::move(fn), Kind::AsyncGenerator) {}
  // The replacement a finalizer gets: the freed generator's suspended body.
  InterpretedAsyncGenerator(runtime::Ref<Function> fn, Frame&& body, runtime::AsyncGenHooks hooks);
  void finalize() override;

  std::string_view type_name() const override { return "async_generator"; }
  runtime::Coroutine* coroutine() override { return nullptr; }
  runtime::Ref<runtime::Coroutine> await_iter() override;

  runtime::Ref<runtime::Coroutine> asend(runtime::Value value) override;
  runtime::Ref<runtime::Coroutine> athrow(runtime::Ref<runtime::PyException> exc) override;
  runtime::Ref<runtime::Coroutine> aclose() override;
  runtime::Object& object() override { return *this; }
  void drop_hooks() override { hooks_ = {}; }

  // One step of the body for an asend/athrow awaitable (async_gen_unwrap_value):
  // a yielded value ends the awaitable with it; an await passes its future up;
  // the end of the body raises StopAsyncIteration. What it raises is given
  // back in `raised`, as send_ex does: every `async for` ends so.
  runtime::Step step(runtime::Value sent, runtime::Ref<runtime::PyException> thrown,
                     runtime::Ref<runtime::PyException>& raised);
  // async_gen_init_hooks: on the first asend/athrow, take the hooks installed
  // now and tell the loop (firstiter).
  void init_hooks();
  bool running_async = false;  // ag_running_async: an asend/athrow is under way
  bool closed = false;         // ag_closed: aclose() was called, or it finished

 private:
  bool hooks_inited_ = false;
  runtime::AsyncGenHooks hooks_;
};

}  // namespace asim::lang
