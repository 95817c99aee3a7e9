#include "model/modules/asyncio_types.hpp"

#include <fmt/format.h>

#include "model/asyncio/as_completed.hpp"
#include "model/asyncio/future_iter.hpp"
#include "model/asyncio/locks.hpp"
#include "model/asyncio/queues.hpp"
#include "model/asyncio/taskgroups.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/asyncio/timeouts.hpp"
#include "model/modules/asyncio_private_attributes.hpp"
#include "model/modules/loop_object.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::modules {

using asyncio::Future;
using asyncio::Task;
using runtime::make;
using runtime::Ref;
using runtime::Type;
using runtime::Value;

namespace {

Value boolean(bool b) {
  return Value::boolean(b);
}

// Future.set_exception accepts a class (instantiated with no arguments) or an instance.
Ref<runtime::PyException> exception_instance(const Value& v) {
  if (auto* e = v.as<runtime::PyException>()) return Ref<runtime::PyException>(e);
  if (auto* t = v.as<Type>()) {
    Value made = runtime::call(v, {});
    if (auto* e = made.as<runtime::PyException>()) return Ref<runtime::PyException>(e);
    (void)t;
  }
  runtime::raise(runtime::Runtime::current().builtins.TypeError, "exceptions must derive from BaseException");
}

// Task(coro) accepts only coroutines (a Future or an int is a TypeError).
Ref<runtime::Coroutine> coroutine_arg(const Value& v) {
  auto* c = v.as<runtime::Coroutine>();
  if (!c || c->type_name() != "coroutine")
    runtime::raise(runtime::Runtime::current().builtins.TypeError, "a coroutine was expected, got " + runtime::to_repr(v));
  return Ref<runtime::Coroutine>(c);
}

// A FutureIter's step as its Python methods give it: the value yielded, or
// StopIteration carrying the result.
Value yielded_or_stop(const runtime::Step& step) {
  if (!step.done) return step.value;
  std::vector<Value> args;
  if (!step.value.is_none()) args.push_back(step.value);
  throw runtime::PyError{runtime::make<runtime::PyException>(runtime::builtins().StopIteration, std::move(args))};
}

// FutureIter_throw: throw(type[, value[, traceback]]) checked as the C
// accelerator checks it, then raised where the iterator is.
Ref<runtime::PyException> future_iter_thrown(const Value& type, const Value& value, const Value& tb) {
  const auto& b = runtime::builtins();
  if (!tb.is_none() && !runtime::traceback_frames(tb).first)
    runtime::raise(b.TypeError, "throw() third argument must be a traceback");
  Ref<runtime::PyException> exc;
  if (auto* cls = type.as<Type>(); cls && cls->is_subclass_of(b.BaseException.get())) {
    // PyErr_NormalizeException: an instance of the class stays; anything
    // else is the argument (or the tuple of arguments) to make one.
    if (auto* e = value.as<runtime::PyException>(); e && e->isinstance(cls)) {
      exc = Ref<runtime::PyException>(e);
    } else {
      std::vector<Value> args;
      if (auto* tuple = value.as<runtime::Tuple>()) args = tuple->items;
      else if (!value.is_none()) args.push_back(value);
      Value made = runtime::call(type, args);
      exc = made.ref<runtime::PyException>();
    }
  } else if (auto* e = type.as<runtime::PyException>()) {
    if (!value.is_none()) runtime::raise(b.TypeError, "instance exception may not have a separate value");
    exc = Ref<runtime::PyException>(e);
  } else {
    runtime::raise(b.TypeError, "exceptions must be classes deriving BaseException or instances of such a class");
  }
  if (!tb.is_none()) runtime::set_traceback(*exc, tb);
  return exc;
}

// _asyncio.FutureIter, what iter(future) and future.__await__() give.
void add_future_iter_type(const Ref<Type>& object_type, const asyncio::VersionProfile& profile) {
  using asyncio::FutureIter;
  auto t = make<Type>("_asyncio", "FutureIter", object_type);
  runtime::register_type(typeid(FutureIter), t);
  t->add_method("__iter__", method<FutureIter>("FutureIter.__iter__", {}, [](FutureIter& it, const Bound&) {
                  return Value(Ref<FutureIter>(&it));
                }));
  t->add_method("__next__", method<FutureIter>("FutureIter.__next__", {}, [](FutureIter& it, const Bound&) {
                  return yielded_or_stop(it.send(Value()));
                }));
  t->add_method("send", method<FutureIter>("FutureIter.send", {pos("unused")}, [](FutureIter& it, const Bound& b) {
                  return yielded_or_stop(it.send(b[1]));
                }));
  t->add_method("throw", method<FutureIter>("FutureIter.throw", {pos("type"), opt("value"), opt("traceback")},
                                            [warns = profile.runtime.throw_signature_deprecated](FutureIter& it,
                                                                                           const Bound& b) {
                                              if (warns && (!b[2].is_none() || !b[3].is_none()))
                                                runtime::Runtime::current().warn(
                                                    "DeprecationWarning: the (type, exc, tb) signature of throw() is "
                                                    "deprecated, use the single-arg signature instead.");
                                              return yielded_or_stop(it.throw_(future_iter_thrown(b[1], b[2], b[3])));
                                            }));
  t->add_method("close", method<FutureIter>("FutureIter.close", {}, [](FutureIter& it, const Bound&) {
                  it.close();
                  return Value::none();
                }));
}

void add_future_methods(Type& t, const std::string& cls, const asyncio::VersionProfile& profile) {
  t.add_method("done", c_method<Future>(profile, cls + ".done", {}, [](Future& f, const Bound&) { return boolean(f.done()); }));
  t.add_method("cancelled",
               c_method<Future>(profile, cls + ".cancelled", {}, [](Future& f, const Bound&) { return boolean(f.cancelled()); }));
  t.add_method("result", c_method<Future>(profile, cls + ".result", {}, [](Future& f, const Bound&) { return f.result(); }));
  t.add_method("exception", c_method<Future>(profile, cls + ".exception", {}, [](Future& f, const Bound&) {
                 auto e = f.exception();
                 return e ? Value(e) : Value::none();
               }));
  // Future.__await__, which Future.__iter__ is too: a FutureIter.
  for (const char* name : {"__await__", "__iter__"})
    t.add_method(name, method<Future>(cls + "." + name, {}, [](Future& f, const Bound&) { return Value(f.await_iter()); }));
  // Future._state, which tutorials print to show a future's life cycle.
  t.add_getter("_state", [](const Value& self) {
    switch (self.as<Future>()->state()) {
      case Future::State::Pending: return Value::str("PENDING");
      case Future::State::Cancelled: return Value::str("CANCELLED");
      case Future::State::Finished: break;
    }
    return Value::str("FINISHED");
  });
  std::vector<Param> cancel_params;
  if (profile.cancel_messages) cancel_params.push_back(opt("msg"));
  t.add_method("cancel", c_method<Future>(profile, cls + ".cancel", cancel_params, [](Future& f, const Bound& b) {
                 return boolean(f.cancel(b.values.size() > 1 ? b[1] : Value::none()));
               }));
  t.add_method("add_done_callback",
               method<Future>(cls + ".add_done_callback", {pos("fn"), kwonly("context")}, [](Future& f, const Bound& b) {
                 Ref<runtime::Callable> fn = runtime::as_callback(b[1]);
                 if (!fn)
                   runtime::raise(runtime::Runtime::current().builtins.TypeError,
                                  fmt::format("'{}' object is not callable", runtime::type_name(b[1])));
                 f.add_done_callback_base(std::move(fn), context_of(b[2]));
                 return Value::none();
               }));
  t.add_method("remove_done_callback",
               method<Future>(cls + ".remove_done_callback", {pos("fn")}, [](Future& f, const Bound& b) {
                 Ref<runtime::Callable> fn = runtime::as_callback(b[1]);
                 return Value::integer(fn ? static_cast<std::int64_t>(f.remove_done_callback(*fn)) : 0);
               }));
  t.add_method("set_result", method<Future>(cls + ".set_result", {pos("result")}, [](Future& f, const Bound& b) {
                 f.set_result(b[1]);
                 return Value::none();
               }));
  t.add_method("set_exception",
               method<Future>(cls + ".set_exception", {pos("exception")}, [](Future& f, const Bound& b) {
                 // A done future (InvalidStateError) and a Task (RuntimeError)
                 // refuse before they look at the argument.
                 const bool refused = f.done() || dynamic_cast<Task*>(&f);
                 f.set_exception(refused ? nullptr : exception_instance(b[1]));
                 return Value::none();
               }));
}

void add_task_methods(Type& t, const asyncio::VersionProfile& profile) {
  if (profile.task_names) {
    t.add_method("get_name",
                 c_method<Task>(profile, "Task.get_name", {}, [](Task& task, const Bound&) { return Value::str(task.get_name()); }));
    t.add_method("set_name", method<Task>("Task.set_name", {pos("value")}, [](Task& task, const Bound& b) {
                   task.set_name(runtime::to_str(b[1]));
                   return Value::none();
                 }));
    t.add_method("get_coro", c_method<Task>(profile, "Task.get_coro", {}, [](Task& task, const Bound&) {
                   return task.get_coro() ? Value(task.get_coro()) : Value::none();
                 }));
  }
  if (profile.task_get_context)
    t.add_method("get_context", c_method<Task>(profile, "Task.get_context", {}, [](Task& task, const Bound&) {
                   return Value(task.get_context());
                 }));
  if (profile.cancel_counting) {
    t.add_method("cancelling", c_method<Task>(profile, "Task.cancelling", {}, [](Task& task, const Bound&) {
                   return Value::integer(task.cancelling());
                 }));
    t.add_method("uncancel", c_method<Task>(profile, "Task.uncancel", {}, [](Task& task, const Bound&) {
                   return Value::integer(task.uncancel());
                 }));
  }
}

void add_handle_methods(Type& t) {
  t.add_method("cancel", method<asyncio::Handle>("Handle.cancel", {}, [](asyncio::Handle& h, const Bound&) {
                 h.cancel();
                 return Value::none();
               }));
  t.add_method("cancelled", method<asyncio::Handle>("Handle.cancelled", {}, [](asyncio::Handle& h, const Bound&) {
                 return boolean(h.cancelled());
               }));
}

// __aenter__ / __aexit__ of a class `async with` enters natively, for a
// subclass's `await super().__aenter__()` and for programs that call them
// by hand (`await tm.__aenter__()`). `owner` is the class that defines them
// in CPython (_ContextManagerMixin for Lock, Semaphore and Condition).
template <class Manager>
void add_context_manager_methods(Type& t, const std::string& owner) {
  t.add_method("__aenter__", method<Manager>(owner + ".__aenter__", {},
                                             [](Manager& m, const Bound&) { return Value(m.aenter()); }));
  t.add_method("__aexit__", method<Manager>(owner + ".__aexit__", {pos("exc_type"), pos("exc"), pos("tb")},
                                            [](Manager& m, const Bound& b) {
                                              return Value(m.aexit(b[2].ref<runtime::PyException>()));
                                            }));
}

// locks._ContextManager (3.7-3.8): what `with (yield from lock):` enters;
// leaving the block releases the lock.
class LegacyLockContext : public runtime::Object {
 public:
  explicit LegacyLockContext(Ref<asyncio::ContextManagerMixin> lock) : lock(std::move(lock)) {}
  std::string_view type_name() const override { return "_ContextManager"; }
  Ref<asyncio::ContextManagerMixin> lock;
};

// _ContextManagerMixin.__iter__ (3.7-3.8), a generator marked as a
// coroutine: its first step warns (naming the line of the `yield from`),
// then it yields from acquire() and returns a _ContextManager. What
// __await__ returns runs the same steps but for the warning, which
// __await__ gives itself.
class LegacyLockIterator : public runtime::Coroutine, public runtime::Iterator {
 public:
  LegacyLockIterator(Ref<asyncio::ContextManagerMixin> lock, bool warns)
      : Coroutine("_ContextManagerMixin.__iter__"),
        body_(runtime::native("_ContextManagerMixin.__iter__", run(lock, warns))) {}
  std::string_view type_name() const override { return "generator"; }
  runtime::Coroutine* coroutine() override { return nullptr; }
  runtime::Step send(Value value) override { return track([&] { return body_->send(std::move(value)); }); }
  runtime::Step throw_(Ref<runtime::PyException> exc) override {
    return track([&] { return body_->throw_(std::move(exc)); });
  }
  void close() override {
    body_->close();
    state_ = State::Closed;
  }
  std::optional<Value> next() override {
    runtime::Step s = send(Value());
    if (!s.done) return std::move(s.value);
    returned_ = std::move(s.value);
    return std::nullopt;
  }
  Value take_stop_value() override { return std::exchange(returned_, Value()); }

 private:
  static runtime::Coro run(Ref<asyncio::ContextManagerMixin> lock, bool warns) {
    if (warns)
      runtime::Runtime::current().warn(
          "DeprecationWarning: 'with (yield from lock)' is deprecated use 'async with lock' instead");
    co_await lock->acquire();
    co_return Value(make<LegacyLockContext>(lock));
  }
  template <typename F>
  runtime::Step track(F step) {
    runtime::Step s;
    try {
      s = step();
    } catch (...) {
      state_ = State::Closed;
      throw;
    }
    state_ = s.done ? State::Closed : State::Suspended;
    return s;
  }

  Ref<runtime::Coroutine> body_;
  Value returned_;
};

// 3.7-3.8's ways into a lock besides `async with`: `with (yield from lock)`,
// `with await lock`, and a plain `with lock`, which raises.
void add_legacy_lock_methods(Type& t) {
  using Mixin = asyncio::ContextManagerMixin;
  t.add_method("__iter__", method<Mixin>("_ContextManagerMixin.__iter__", {}, [](Mixin& m, const Bound&) {
                 return Value(make<LegacyLockIterator>(Ref<Mixin>(&m), true));
               }));
  t.add_method("__await__", method<Mixin>("_ContextManagerMixin.__await__", {}, [](Mixin& m, const Bound&) {
                 runtime::Runtime::current().warn(
                     "DeprecationWarning: 'with await lock' is deprecated use 'async with lock' instead");
                 return Value(make<LegacyLockIterator>(Ref<Mixin>(&m), false));
               }));
  t.add_method("__enter__", method<Mixin>("_ContextManagerMixin.__enter__", {}, [](Mixin&, const Bound&) -> Value {
                 runtime::raise(runtime::builtins().RuntimeError, "\"yield from\" should be used as context manager expression");
               }));
  t.add_method("__exit__", method<Mixin>("_ContextManagerMixin.__exit__", {varargs("args")},
                                         [](Mixin&, const Bound&) { return Value::none(); }));
}

// TimerHandle's rich comparisons, by deadline as the loop's heap orders
// them, and its __hash__ (hash(self._when)).
void add_timer_handle_comparisons(Type& t, const asyncio::VersionProfile& profile) {
  const bool any_operand = profile.timer_handle_orders_any_operand;
  const auto not_implemented = [] { return runtime::Runtime::current().types.NotImplemented; };
  const auto eq = [not_implemented](const Value& self, const Value& other) {
    auto* h = other.as<asyncio::TimerHandle>();
    return h ? Value::boolean(self.as<asyncio::TimerHandle>()->equals(*h)) : not_implemented();
  };
  t.dict["__eq__"] = Value(function("TimerHandle.__eq__", {pos("self"), pos("other")},
                                  [eq](const Bound& b) { return eq(b[0], b[1]); }));
  t.dict["__hash__"] = Value(function("TimerHandle.__hash__", {pos("self")}, [](const Bound& b) {
    return Value::integer(runtime::py_hash(Value::floating(b[0].as<asyncio::TimerHandle>()->when())));
  }));
  struct Order {
    const char* name;
    runtime::CmpOp op;
    bool or_equal;
  };
  for (const Order& o : {Order{"__lt__", runtime::CmpOp::Lt, false}, Order{"__le__", runtime::CmpOp::Lt, true},
                         Order{"__gt__", runtime::CmpOp::Gt, false}, Order{"__ge__", runtime::CmpOp::Gt, true}}) {
    t.dict[o.name] = Value(function(std::string("TimerHandle.") + o.name, {pos("self"), pos("other")},
                                  [o, any_operand, eq, not_implemented](const Bound& b) {
                                    if (!any_operand && !b[1].as<asyncio::TimerHandle>()) return not_implemented();
                                    auto* other = b[1].as<asyncio::TimerHandle>();
                                    const Value when = Value::floating(b[0].as<asyncio::TimerHandle>()->when());
                                    const Value other_when = other ? Value::floating(other->when()) : runtime::getattr(b[1], "_when");
                                    const Value strict = runtime::compare(o.op, when, other_when);
                                    if (!o.or_equal || runtime::truthy(strict)) return strict;
                                    return eq(b[0], b[1]);
                                  }));
  }
}

Value number_or_none(const std::optional<double>& v) {
  return v ? Value::floating(*v) : Value::none();
}

}  // namespace

AsyncioTypes make_asyncio_types(Session& session) {
  const auto& profile = session.profile();
  const auto object_type = runtime::type_of(Value(make<runtime::List>())).get()->base;
  AsyncioTypes t;
  t.Future = make<Type>("_asyncio", "Future", object_type);
  add_future_methods(*t.Future, "Future", profile);
  t.Task = make<Type>("_asyncio", "Task", t.Future);
  add_future_methods(*t.Task, "Task", profile);
  add_task_methods(*t.Task, profile);
  t.GatheringFuture = make<Type>("asyncio.tasks", "_GatheringFuture", t.Future);

  t.Handle = make<Type>("asyncio.events", "Handle", object_type);
  add_handle_methods(*t.Handle);
  t.TimerHandle = make<Type>("asyncio.events", "TimerHandle", t.Handle);
  t.TimerHandle->add_method("when", method<asyncio::TimerHandle>("TimerHandle.when", {},
                                                                  [](asyncio::TimerHandle& h, const Bound&) {
                                                                    return Value::floating(h.when());
                                                                  }));
  add_timer_handle_comparisons(*t.TimerHandle, profile);

  t.Queue = make<Type>("asyncio.queues", "Queue", object_type);
  auto& q = *t.Queue;
  q.add_method("put", method<asyncio::Queue>("Queue.put", {pos("item")},
                                              [](asyncio::Queue& s, const Bound& b) { return Value(s.put(b[1])); }));
  q.add_method("get", method<asyncio::Queue>("Queue.get", {}, [](asyncio::Queue& s, const Bound&) { return Value(s.get()); }));
  q.add_method("put_nowait", method<asyncio::Queue>("Queue.put_nowait", {pos("item")}, [](asyncio::Queue& s, const Bound& b) {
                 s.put_nowait(b[1]);
                 return Value::none();
               }));
  q.add_method("get_nowait",
               method<asyncio::Queue>("Queue.get_nowait", {}, [](asyncio::Queue& s, const Bound&) { return s.get_nowait(); }));
  q.add_method("_format", method<asyncio::Queue>("Queue._format", {}, [](asyncio::Queue& s, const Bound&) {
                 return Value::str(s.format());
               }));
  q.add_method("qsize", method<asyncio::Queue>("Queue.qsize", {}, [](asyncio::Queue& s, const Bound&) {
                 return Value::integer(static_cast<std::int64_t>(s.qsize()));
               }));
  q.add_method("empty", method<asyncio::Queue>("Queue.empty", {}, [](asyncio::Queue& s, const Bound&) { return boolean(s.empty()); }));
  q.add_method("full", method<asyncio::Queue>("Queue.full", {}, [](asyncio::Queue& s, const Bound&) { return boolean(s.full()); }));
  q.add_method("task_done", method<asyncio::Queue>("Queue.task_done", {}, [](asyncio::Queue& s, const Bound&) {
                 s.task_done();
                 return Value::none();
               }));
  q.add_method("join", method<asyncio::Queue>("Queue.join", {}, [](asyncio::Queue& s, const Bound&) { return Value(s.join()); }));
  if (profile.queue_shutdown)
    q.add_method("shutdown", method<asyncio::Queue>("Queue.shutdown", {opt("immediate", Value::boolean(false))},
                                                     [](asyncio::Queue& s, const Bound& b) {
                                                       s.shutdown(runtime::truthy(b[1]));
                                                       return Value::none();
                                                     }));
  q.add_getter("maxsize", [](const Value& self) { return self.as<asyncio::Queue>()->maxsize(); });
  // Queue.__str__, in the class dict as a class statement would put it:
  // str() looks for an override there.
  q.dict["__str__"] = Value(function("Queue.__str__", {pos("self")}, [](const Bound& b) {
    auto* s = b[0].as<asyncio::Queue>();
    if (!s) runtime::raise(runtime::builtins().TypeError, "descriptor '__str__' requires a 'Queue' object");
    return Value::str(fmt::format("<{} {}>", runtime::type_of(b[0])->name, s->format()));
  }));
  t.LifoQueue = make<Type>("asyncio.queues", "LifoQueue", t.Queue);
  t.PriorityQueue = make<Type>("asyncio.queues", "PriorityQueue", t.Queue);

  t.Event = make<Type>("asyncio.locks", "Event", object_type);
  t.Event->add_method("set", method<asyncio::Event>("Event.set", {}, [](asyncio::Event& e, const Bound&) {
                        e.set();
                        return Value::none();
                      }));
  t.Event->add_method("clear", method<asyncio::Event>("Event.clear", {}, [](asyncio::Event& e, const Bound&) {
                        e.clear();
                        return Value::none();
                      }));
  t.Event->add_method("is_set",
                      method<asyncio::Event>("Event.is_set", {}, [](asyncio::Event& e, const Bound&) { return boolean(e.is_set()); }));
  t.Event->add_method("wait", method<asyncio::Event>("Event.wait", {}, [](asyncio::Event& e, const Bound&) { return Value(e.wait()); }));

  t.Lock = make<Type>("asyncio.locks", "Lock", object_type);
  t.Lock->add_method("acquire",
                     method<asyncio::Lock>("Lock.acquire", {}, [](asyncio::Lock& l, const Bound&) { return Value(l.acquire()); }));
  t.Lock->add_method("release", method<asyncio::Lock>("Lock.release", {}, [](asyncio::Lock& l, const Bound&) {
                       l.release();
                       return Value::none();
                     }));
  t.Lock->add_method("locked",
                     method<asyncio::Lock>("Lock.locked", {}, [](asyncio::Lock& l, const Bound&) { return boolean(l.locked()); }));

  t.Semaphore = make<Type>("asyncio.locks", "Semaphore", object_type);
  t.Semaphore->add_method("acquire", method<asyncio::Semaphore>("Semaphore.acquire", {}, [](asyncio::Semaphore& s, const Bound&) {
                            return Value(s.acquire());
                          }));
  t.Semaphore->add_method("release", method<asyncio::Semaphore>("Semaphore.release", {}, [](asyncio::Semaphore& s, const Bound&) {
                            s.release();
                            return Value::none();
                          }));
  t.Semaphore->add_method("locked", method<asyncio::Semaphore>("Semaphore.locked", {}, [](asyncio::Semaphore& s, const Bound&) {
                            return boolean(s.locked());
                          }));
  t.Semaphore->add_getter("_value", [](const Value& self) { return Value::integer(self.as<asyncio::Semaphore>()->value()); });

  t.BoundedSemaphore = make<Type>("asyncio.locks", "BoundedSemaphore", t.Semaphore);

  t.Condition = make<Type>("asyncio.locks", "Condition", object_type);
  t.Condition->add_method("acquire", method<asyncio::Condition>("Lock.acquire", {}, [](asyncio::Condition& c, const Bound&) {
                            return Value(c.acquire());
                          }));
  t.Condition->add_method("release", method<asyncio::Condition>("Lock.release", {}, [](asyncio::Condition& c, const Bound&) {
                            c.release();
                            return Value::none();
                          }));
  t.Condition->add_method("locked", method<asyncio::Condition>("Lock.locked", {}, [](asyncio::Condition& c, const Bound&) {
                            return boolean(c.locked());
                          }));
  t.Condition->add_method("wait", method<asyncio::Condition>("Condition.wait", {}, [](asyncio::Condition& c, const Bound&) {
                            return Value(c.wait());
                          }));
  t.Condition->add_method("wait_for", method<asyncio::Condition>("Condition.wait_for", {pos("predicate")},
                                                                 [](asyncio::Condition& c, const Bound& b) {
                                                                   return Value(c.wait_for(b[1]));
                                                                 }));
  t.Condition->add_method("notify", method<asyncio::Condition>("Condition.notify", {opt("n", Value::integer(1))},
                                                               [](asyncio::Condition& c, const Bound& b) {
                                                                 c.notify(b[1].as_int());
                                                                 return Value::none();
                                                               }));
  t.Condition->add_method("notify_all", method<asyncio::Condition>("Condition.notify_all", {},
                                                                   [](asyncio::Condition& c, const Bound&) {
                                                                     c.notify_all();
                                                                     return Value::none();
                                                                   }));

  for (const auto& type : {t.Lock, t.Semaphore, t.Condition}) {
    add_context_manager_methods<asyncio::ContextManagerMixin>(*type, "_ContextManagerMixin");
    if (profile.lock_legacy_context_manager) add_legacy_lock_methods(*type);
  }
  // locks._ContextManager
  auto legacy_context = make<Type>("asyncio.locks", "_ContextManager", object_type);
  legacy_context->add_method("__enter__", method<LegacyLockContext>("_ContextManager.__enter__", {},
                                                                    [](LegacyLockContext&, const Bound&) { return Value::none(); }));
  legacy_context->add_method("__exit__", method<LegacyLockContext>("_ContextManager.__exit__", {varargs("args")},
                                                                   [](LegacyLockContext& c, const Bound&) {
                                                                     if (!c.lock)
                                                                       runtime::raise(runtime::builtins().AttributeError,
                                                                                      "'NoneType' object has no attribute 'release'");
                                                                     const Ref<asyncio::ContextManagerMixin> lock = std::move(c.lock);
                                                                     lock->release();
                                                                     return Value::none();
                                                                   }));
  runtime::register_type(typeid(LegacyLockContext), legacy_context);

  t.Barrier = make<Type>("asyncio.locks", "Barrier", object_type);
  add_context_manager_methods<asyncio::Barrier>(*t.Barrier, "Barrier");
  t.Barrier->add_method("wait", method<asyncio::Barrier>("Barrier.wait", {}, [](asyncio::Barrier& br, const Bound&) {
                          return Value(br.wait());
                        }));
  t.Barrier->add_method("reset", method<asyncio::Barrier>("Barrier.reset", {}, [](asyncio::Barrier& br, const Bound&) {
                          return Value(br.reset());
                        }));
  t.Barrier->add_method("abort", method<asyncio::Barrier>("Barrier.abort", {}, [](asyncio::Barrier& br, const Bound&) {
                          return Value(br.abort());
                        }));
  t.Barrier->add_getter("parties", [](const Value& self) { return Value::integer(self.as<asyncio::Barrier>()->parties()); });
  t.Barrier->add_getter("n_waiting",
                        [](const Value& self) { return Value::integer(self.as<asyncio::Barrier>()->n_waiting()); });
  t.Barrier->add_getter("broken", [](const Value& self) { return boolean(self.as<asyncio::Barrier>()->broken()); });

  t.Timeout = make<Type>("asyncio.timeouts", "Timeout", object_type);
  t.Timeout->add_method("when", method<asyncio::Timeout>("Timeout.when", {}, [](asyncio::Timeout& tm, const Bound&) {
                          return number_or_none(tm.when());
                        }));
  t.Timeout->add_method("reschedule",
                        method<asyncio::Timeout>("Timeout.reschedule", {pos("when")}, [](asyncio::Timeout& tm, const Bound& b) {
                          tm.reschedule(b[1].is_none() ? std::nullopt : std::optional<double>(to_seconds(b[1], "when")));
                          return Value::none();
                        }));
  add_context_manager_methods<asyncio::Timeout>(*t.Timeout, "Timeout");
  t.Timeout->add_method("expired", method<asyncio::Timeout>("Timeout.expired", {}, [](asyncio::Timeout& tm, const Bound&) {
                          return boolean(tm.expired());
                        }));

  t.TaskGroup = make<Type>("asyncio.taskgroups", "TaskGroup", object_type);
  add_context_manager_methods<asyncio::TaskGroup>(*t.TaskGroup, "TaskGroup");
  t.TaskGroup->add_method(
      "create_task", method<asyncio::TaskGroup>("TaskGroup.create_task", {pos("coro"), kwonly("name"), kwonly("context")},
                                                [](asyncio::TaskGroup& tg, const Bound& b) {
                                                  std::optional<std::string> name;
                                                  if (!b[2].is_none()) name = runtime::to_str(b[2]);
                                                  return Value(tg.create_task(coroutine_arg(b[1]), name, b[3]));
                                                }));

  // as_completed() up to 3.12 is a generator: the very class of the program's own.
  t.LegacyAsCompleted = runtime::Runtime::current().types.generator;
  t.AsCompletedIterator = make<Type>("asyncio.tasks", "_AsCompletedIterator", object_type);
  t.Loop = make_loop_type(session, object_type);

  add_future_iter_type(object_type, profile);
  runtime::register_type(typeid(asyncio::Future), t.Future);
  runtime::register_type(typeid(asyncio::Task), t.Task);
  runtime::register_type(typeid(asyncio::GatheringFuture), t.GatheringFuture);
  runtime::register_type(typeid(asyncio::Handle), t.Handle);
  runtime::register_type(typeid(asyncio::TimerHandle), t.TimerHandle);
  runtime::register_type(typeid(asyncio::Queue), t.Queue);
  runtime::register_type(typeid(asyncio::LifoQueue), t.LifoQueue);
  runtime::register_type(typeid(asyncio::PriorityQueue), t.PriorityQueue);
  runtime::register_type(typeid(asyncio::Condition), t.Condition);
  runtime::register_type(typeid(asyncio::BoundedSemaphore), t.BoundedSemaphore);
  runtime::register_type(typeid(asyncio::Barrier), t.Barrier);
  runtime::register_type(typeid(asyncio::Event), t.Event);
  runtime::register_type(typeid(asyncio::Lock), t.Lock);
  runtime::register_type(typeid(asyncio::Semaphore), t.Semaphore);
  runtime::register_type(typeid(asyncio::Timeout), t.Timeout);
  runtime::register_type(typeid(asyncio::TaskGroup), t.TaskGroup);
  runtime::register_type(typeid(asyncio::LegacyAsCompleted), t.LegacyAsCompleted);
  runtime::register_type(typeid(asyncio::AsCompletedIterator), t.AsCompletedIterator);
  runtime::register_type(typeid(LoopObject), t.Loop);
  runtime::register_type(typeid(BaseLoopObject), t.Loop->base);
  add_private_attributes(t, session);
  return t;
}

}  // namespace asim::modules
