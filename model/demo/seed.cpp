#include "model/demo/seed.hpp"

#include <fmt/format.h>

#include "model/asyncio/as_completed.hpp"
#include "model/asyncio/base_events.hpp"
#include "model/asyncio/runners.hpp"

namespace asim::demo {

using asyncio::EventLoop;
using asyncio::Future;
using asyncio::Task;
using runtime::Coro;
using runtime::PyError;
using runtime::Ref;
using runtime::Value;

namespace {

struct Program {
  EventLoop& loop;
  std::string out;

  void print(const std::string& line) {
    out += line + "\n";
    loop.emit(trace::Kind::Output, "print", line);
  }

  // async def fetch(delay, fail=False)
  Coro fetch(double delay, bool fail) {
    co_await asyncio::sleep(loop, delay);
    if (fail)
      throw PyError{runtime::new_exception(loop.builtins().ValueError,
                                           fmt::format("fetch {} failed", runtime::float_repr(delay)))};
    co_return Value::str(fmt::format("result {}", runtime::float_repr(delay)));
  }

  Ref<Task> start(double delay, bool fail) {
    return asyncio::create_task(loop, runtime::native("fetch", fetch(delay, fail)));
  }

  // for item in as_completed(tasks): ... await item
  Coro consume_plain(Value iterator) {
    auto* it = iterator.as<runtime::Iterator>();
    while (auto item = it->next()) {
      const bool is_future = asyncio::isfuture(*item);
      print(fmt::format("got {} (a Future? {})", runtime::type_name(*item), is_future ? "True" : "False"));
      std::string outcome;
      try {
        Value r = co_await *item;
        outcome = "result " + runtime::repr(r);
      } catch (PyError& e) {
        outcome = "raised " + e.exc->repr();
      }
      print(fmt::format("  await gave {} at t={}", outcome, runtime::float_repr(loop.time())));
    }
    co_return Value::none();
  }

  // async for t in as_completed(tasks): ...
  Coro consume_async(Value iterator, std::vector<Ref<Task>> tasks) {
    auto* it = iterator.as<runtime::AsyncIterator>();
    for (;;) {
      Value t;
      bool finished = false;
      try {
        t = co_await it->anext();
      } catch (PyError& e) {
        if (!e.exc->isinstance(loop.builtins().StopAsyncIteration.get())) throw;
        finished = true;
      }
      if (finished) break;
      auto* task = t.as<Task>();
      std::size_t index = 0;
      while (tasks[index].get() != task) ++index;
      const auto exc = task->exception();
      print(fmt::format("got {} is tasks[{}]: done={} exception={} at t={}", task->get_name(), index,
                        task->done() ? "True" : "False", exc ? exc->repr() : "None",
                        runtime::float_repr(loop.time())));
    }
    co_return Value::none();
  }

  Coro main() {
    std::vector<Ref<Task>> tasks{start(0.3, false), start(0.1, true), start(0.2, false)};
    auto list = runtime::make<runtime::List>(std::vector<Value>(tasks.begin(), tasks.end()));
    Value iterator = asyncio::as_completed(loop, Value(list));
    if (loop.profile().as_completed_design == asyncio::AsCompletedDesign::AsyncIterator)
      co_await runtime::native("consume", consume_async(iterator, tasks));
    else
      co_await runtime::native("consume", consume_plain(iterator));
    co_return Value::none();
  }
};

}  // namespace

SeedRun run_seed(const asyncio::VersionProfile& profile, trace::Sink* sink) {
  runtime::Runtime rt;
  EventLoop loop(profile, sink);
  Program program{loop, {}};
  asyncio::run(loop, runtime::native("main", program.main()));
  return {program.out, loop.tick()};
}

}  // namespace asim::demo
