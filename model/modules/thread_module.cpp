// The `_thread` module (Modules/_threadmodule.c): the primitives the
// threading module (asim's own stdlib/threading.py) is written on —
// start_new_thread, the lock and get_ident — over model/modules/threads.hpp,
// so that threads run on the virtual clock.
#include <fmt/format.h>

#include <cmath>
#include <deque>

#include "model/modules/asyncio_types.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/fiber.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::make;
using runtime::Ref;
using runtime::Type;
using runtime::Value;

namespace {

// _thread.TIMEOUT_MAX on Linux: PY_TIMEOUT_MAX in seconds.
constexpr double kTimeoutMax = 9223372036.0;

// lockobject: a lock any thread may release, with the threads blocked in
// acquire() in the order they came.
class ThreadLock : public runtime::Object {
 public:
  std::string_view type_name() const override { return "lock"; }
  std::string repr() const override {
    return fmt::format("<{} _thread.lock object at {}>", locked ? "locked" : "unlocked", address_text());
  }
  bool locked = false;
  std::deque<std::uint64_t> waiters;
};

[[noreturn]] void value_error(std::string message) { runtime::raise(runtime::builtins().ValueError, std::move(message)); }

// lock_PyThread_acquire_lock's arguments: a timeout of -1 waits forever.
std::optional<double> acquire_timeout(const Session& session, const Bound& b) {
  const bool blocking = runtime::truthy(b[1]);
  const Value& given = runtime::plain_number(b[2]);
  if (!runtime::num::is_number(given))
    runtime::raise(runtime::builtins().TypeError,
                   fmt::format("'{}' object cannot be interpreted as an integer", runtime::type_name(b[2])));
  const double timeout = runtime::num::as_f64(given);
  if (!blocking && timeout != -1) value_error("can't specify a timeout for a non-blocking call");
  if (timeout < 0 && timeout != -1)
    value_error(session.profile().minor >= 13 ? "timeout value must be a non-negative number"
                                              : "timeout value must be positive");
  if (timeout > kTimeoutMax) runtime::raise(runtime::builtins().OverflowError, "timeout value is too large");
  if (timeout == -1) return std::nullopt;
  return timeout;
}

// acquire_timed: the lock at once when free; else the thread waits (the
// others run) until a release() lets it in or the timeout passes. The
// releasing thread keeps running and may take the lock again first, as
// with CPython's semaphore-based lock.
bool acquire(Session& session, ThreadLock& lock, bool blocking, std::optional<double> timeout) {
  if (!lock.locked) return lock.locked = true;
  if (!blocking) return false;
  Threads& threads = session.threads();
  const std::optional<double> deadline = timeout ? std::optional(session.process_now() + *timeout) : std::nullopt;
  for (;;) {
    const std::uint64_t me = threads.current();
    lock.waiters.push_back(me);
    const bool woken = threads.block(deadline);
    if (!woken) std::erase(lock.waiters, me);
    if (!lock.locked) return lock.locked = true;
    if (!woken) return false;
  }
}

void release(Session& session, ThreadLock& lock) {
  if (!lock.locked) runtime::raise(runtime::builtins().RuntimeError, "release unlocked lock");
  lock.locked = false;
  if (lock.waiters.empty()) return;
  const std::uint64_t next = lock.waiters.front();
  lock.waiters.pop_front();
  session.threads().wake(next);
}

Ref<Type> make_lock_type(Session& session) {
  auto t = make<Type>("_thread", "lock", runtime::Runtime::current().types.object);
  Session* s = &session;
  auto acquire_method = [s](const std::string& name) {
    return method<ThreadLock>("lock." + name, {opt("blocking", Value::boolean(true)), opt("timeout", Value::integer(-1))},
                              [s](ThreadLock& l, const Bound& b) {
                                const auto timeout = acquire_timeout(*s, b);
                                return Value::boolean(acquire(*s, l, runtime::truthy(b[1]), timeout));
                              });
  };
  for (const char* name : {"acquire", "acquire_lock", "__enter__"}) t->add_method(name, acquire_method(name));
  auto release_method = [s](const std::string& name, bool exit) {
    return function("lock." + name, {pos("self"), varargs("args")}, [s, exit, name](const Bound& b) {
      auto& l = model_self<ThreadLock>(b[0], "lock." + name);
      if (!exit && !b.rest.empty())
        runtime::raise(runtime::builtins().TypeError, fmt::format("lock.{}() takes no arguments ({} given)", name, b.rest.size()));
      release(*s, l);
      return Value::none();
    });
  };
  t->add_method("release", release_method("release", false));
  t->add_method("release_lock", release_method("release_lock", false));
  t->add_method("__exit__", release_method("__exit__", true));
  for (const char* name : {"locked", "locked_lock"})
    t->add_method(name, method<ThreadLock>(std::string("lock.") + name, {}, [](ThreadLock& l, const Bound&) {
                    return Value::boolean(l.locked);
                  }));
  t->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const runtime::Keyword> kw) {
    if (!a.empty() || !kw.empty()) runtime::raise(runtime::builtins().TypeError, "lock() takes no arguments");
    return Value(make<ThreadLock>());
  };
  runtime::register_type(typeid(ThreadLock), t);
  return t;
}

// thread_PyThread_start_new_thread: the new thread calls function(*args,
// **kwargs) once the running thread lets it. threading's Thread catches
// what its target raises; an exception leaving a function started here
// directly would be PyErr_WriteUnraisable's report, which asim does not
// print.
Value start_new_thread(Session& session, const Bound& b) {
  const Value function = b[0];
  if (!runtime::is_callable(function)) runtime::raise(runtime::builtins().TypeError, "first arg must be callable");
  if (!b[1].as<runtime::Tuple>()) runtime::raise(runtime::builtins().TypeError, "2nd arg must be a tuple");
  const Value kwargs = b[2];
  if (!kwargs.is_none() && !kwargs.as<runtime::Dict>())
    runtime::raise(runtime::builtins().TypeError, "optional 3rd arg must be a dictionary");
  if (!runtime::Fiber::supported())
    not_modelled("a thread", "this build of asim has no stacks for threads (the browser edition)");
  std::vector<Value> args = runtime::to_vector(b[1]);
  std::vector<std::pair<std::string, Value>> named;
  if (auto* d = kwargs.as<runtime::Dict>())
    for (const auto& e : d->entries())
      if (e.live) named.emplace_back(runtime::to_str(e.key), e.value);
  const std::uint64_t ident = session.threads().start([function, args = std::move(args), named = std::move(named)] {
    std::vector<runtime::Keyword> keywords;
    for (const auto& [name, value] : named) keywords.push_back({name, value});
    try {
      runtime::call(function, args, keywords);
    } catch (const runtime::PyError& e) {
      if (e.exc->isinstance(runtime::builtins().SystemExit.get())) return;
      not_modelled("an exception leaving a function started by _thread.start_new_thread",
                   "CPython reports it as unraisable, which asim does not print");
    }
  });
  return Value::integer(static_cast<std::int64_t>(ident));
}

}  // namespace

Ref<runtime::Module> make_thread_module(Session& session) {
  auto m = make<runtime::Module>("_thread");
  Session* s = &session;
  const Ref<Type> lock = make_lock_type(session);
  m->dict["LockType"] = Value(lock);
  if (session.profile().minor >= 13) m->dict["lock"] = Value(lock);
  auto allocate = [](const Bound&) { return Value(make<ThreadLock>()); };
  m->dict["allocate_lock"] = Value(function("allocate_lock", {}, allocate));
  m->dict["allocate"] = Value(function("allocate", {}, allocate));
  auto start = [s](const Bound& b) { return start_new_thread(*s, b); };
  m->dict["start_new_thread"] = Value(function("start_new_thread", {pos("function"), pos("args"), opt("kwargs")}, start));
  m->dict["start_new"] = Value(function("start_new", {pos("function"), pos("args"), opt("kwargs")}, start));
  auto ident = [s](const Bound&) {
    auto* threads = s->threads_if_any();
    return Value::integer(static_cast<std::int64_t>(threads ? threads->current() : s->threads().current()));
  };
  m->dict["get_ident"] = Value(function("get_ident", {}, ident));
  if (session.profile().minor >= 8) m->dict["get_native_id"] = Value(function("get_native_id", {}, ident));
  m->dict["_count"] = Value(function("_count", {}, [s](const Bound&) {
    auto* threads = s->threads_if_any();
    return Value::integer(threads ? static_cast<std::int64_t>(threads->alive()) - 1 : 0);
  }));
  m->dict["TIMEOUT_MAX"] = Value::floating(kTimeoutMax);
  m->dict["error"] = Value(runtime::builtins().RuntimeError);
  return m;
}

}  // namespace asim::modules
