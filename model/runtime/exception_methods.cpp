// Exception classes as Python sees them (Objects/exceptions.c): calling a
// class builds an instance with the arguments as args; BaseException's
// methods; ExceptionGroup's constructor rules, split() and subgroup().
#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/args.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::runtime {

namespace {

using Args = std::span<const Value>;
using Kw = std::span<const Keyword>;

PyException& exc_self(Args a, const Type& base, std::string_view method) {
  return self_as<PyException>(a, base, method);
}

// BaseExceptionGroup.__new__
Value new_group(const Ref<Type>& cls_in, Args a, Kw kw) {
  auto& b = Runtime::current().builtins;
  const std::string name = cls_in->name;
  args::no_kwargs(name, kw);
  if (a.size() != 2)
    throw_type_error(fmt::format("BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)", a.size()));
  if (!a[0].as<Str>()) throw_type_error(fmt::format("BaseExceptionGroup.__new__() argument 1 must be str, not {}", type_name(a[0])));
  if (!a[1].as<List>() && !a[1].as<Tuple>()) throw_type_error("second argument (exceptions) must be a sequence");
  const std::vector<Value> excs = to_vector(a[1]);
  if (excs.empty()) throw_value_error("second argument (exceptions) must be a non-empty sequence");
  bool all_exceptions = true;
  for (std::size_t i = 0; i < excs.size(); ++i) {
    auto* e = excs[i].as<PyException>();
    if (!e) throw_value_error(fmt::format("Item {} of second argument (exceptions) is not an exception", i));
    if (!e->isinstance(b.Exception.get())) all_exceptions = false;
  }
  Ref<Type> cls = cls_in;
  if (cls.get() == b.BaseExceptionGroup.get()) {
    if (all_exceptions) cls = b.ExceptionGroup;
  } else if (cls.get() == b.ExceptionGroup.get()) {
    if (!all_exceptions) throw_type_error("Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls->is_subclass_of(b.Exception.get()) && !all_exceptions) {
    throw_type_error(fmt::format("Cannot nest BaseExceptions in '{}'", cls->name));
  }
  auto exc = make<PyException>(cls, std::vector<Value>(a.begin(), a.end()));
  exc->dict["message"] = a[0];
  exc->dict["exceptions"] = make_tuple(excs);
  return Value(exc);
}

// A condition of split()/subgroup(): a class, a tuple of classes, or a
// predicate.
bool matches(const Value& cond, const Value& exc) {
  if (auto* cls = cond.as<Type>()) return isinstance(exc, cls);
  if (auto* t = cond.as<Tuple>()) {
    for (const auto& c : t->items)
      if (c.as<Type>() && isinstance(exc, c.as<Type>())) return true;
    return false;
  }
  if (is_callable(cond)) return truthy(call(cond, std::span<const Value>(&exc, 1)));
  throw_type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)");
}

// derive() plus the metadata split() copies to each part.
Value derive_like(const Value& group, std::vector<Value> excs) {
  auto* g = group.as<PyException>();
  const Value derived = call_method(group, "derive", std::vector<Value>{make_list(std::move(excs))});
  if (auto* d = derived.as<PyException>()) {
    d->cause = g->cause;
    d->context = g->context;
    d->suppress_context = g->suppress_context;
    d->traceback = g->traceback;
    if (auto n = g->dict.find("__notes__"); n != g->dict.end()) d->dict["__notes__"] = n->second;
  }
  return derived;
}

bool isinstance_of_any(const Value& v, const Value& type) {
  if (auto* t = type.as<Tuple>()) {
    for (const auto& c : t->items)
      if (isinstance_of_any(v, c)) return true;
    return false;
  }
  auto* cls = type.as<Type>();
  return cls && isinstance(v, cls);
}

bool is_group(const Value& v) {
  auto* e = v.as<PyException>();
  return e && e->isinstance(Runtime::current().builtins.BaseExceptionGroup.get());
}

// collect_exception_group_leaf_ids
void collect_leaves(const Value& exc, std::vector<const Object*>& leaves) {
  if (exc.is_none()) return;
  if (!is_group(exc)) {
    leaves.push_back(exc.object());
    return;
  }
  for (const auto& e : to_vector(exc.as<PyException>()->dict.at("exceptions"))) collect_leaves(e, leaves);
}

// exceptiongroup_split_recursive with EXCEPTION_GROUP_MATCH_INSTANCE_IDS:
// the part of `group` whose leaves are among `leaves`, None when none is.
Value project(const Value& group, const std::vector<const Object*>& leaves) {
  if (!is_group(group))
    return std::find(leaves.begin(), leaves.end(), group.object()) != leaves.end() ? group : Value::none();
  std::vector<Value> kept;
  for (const auto& e : to_vector(group.as<PyException>()->dict.at("exceptions"))) {
    Value part = project(e, leaves);
    if (!part.is_none()) kept.push_back(std::move(part));
  }
  if (kept.empty()) return Value::none();
  return derive_like(group, std::move(kept));
}

// is_same_exception_metadata: a re-raised part of the caught group has its
// notes, traceback, cause and context.
bool same_metadata(const PyException& a, const PyException& b) {
  auto notes = [](const PyException& e) {
    auto n = e.dict.find("__notes__");
    return n == e.dict.end() ? nullptr : n->second.object();
  };
  auto same_frames = [](const std::vector<TracebackEntry>& x, const std::vector<TracebackEntry>& y) {
    return std::equal(x.begin(), x.end(), y.begin(), y.end(), [](const TracebackEntry& p, const TracebackEntry& q) {
      return p.file == q.file && p.line == q.line && p.function == q.function && p.col == q.col;
    });
  };
  return notes(a) == notes(b) && same_frames(a.traceback, b.traceback) && a.cause == b.cause && a.context == b.context;
}

// exceptiongroup_split_recursive: (match, rest), None for an empty part.
std::pair<Value, Value> split_group(const Value& group, const Value& cond, bool want_rest) {
  if (matches(cond, group)) return {group, Value::none()};
  auto* g = group.as<PyException>();
  const auto& b = Runtime::current().builtins;
  std::vector<Value> match, rest;
  for (const auto& e : to_vector(g->dict.at("exceptions"))) {
    if (e.as<PyException>()->isinstance(b.BaseExceptionGroup.get())) {
      auto [m, r] = split_group(e, cond, want_rest);
      if (!m.is_none()) match.push_back(m);
      if (!r.is_none()) rest.push_back(r);
    } else if (matches(cond, e)) {
      match.push_back(e);
    } else {
      rest.push_back(e);
    }
  }
  Value m = match.empty() ? Value::none() : derive_like(group, std::move(match));
  Value r = !want_rest || rest.empty() ? Value::none() : derive_like(group, std::move(rest));
  return {m, r};
}

// OSError_new: OSError(errno, strerror) becomes the subclass for that errno.
Ref<Type> oserror_subclass(const BuiltinExceptions& e, std::int64_t errno_value) {
  static const std::pair<int, const char*> kMap[] = {
      {11, "BlockingIOError"}, {114, "BlockingIOError"}, {115, "BlockingIOError"}, {10, "ChildProcessError"},
      {32, "BrokenPipeError"}, {108, "BrokenPipeError"}, {103, "ConnectionAbortedError"},
      {111, "ConnectionRefusedError"}, {104, "ConnectionResetError"}, {17, "FileExistsError"},
      {2, "FileNotFoundError"}, {4, "InterruptedError"}, {21, "IsADirectoryError"}, {20, "NotADirectoryError"},
      {13, "PermissionError"}, {1, "PermissionError"}, {3, "ProcessLookupError"}, {110, "TimeoutError"}};
  for (const auto& [code, name] : kMap)
    if (code == errno_value) return e.by_name(name);
  return e.OSError;
}

}  // namespace

std::pair<Value, Value> exception_group_match(const Value& exc, const Value& type) {
  if (exc.is_none()) return {Value::none(), Value::none()};
  if (isinstance_of_any(exc, type)) {
    if (is_group(exc)) return {exc, Value::none()};
    // A naked exception is wrapped in a group of its own, with its traceback.
    const Value args[] = {Value::str(""), make_tuple({exc})};
    Value wrapped = call(Value(Runtime::current().builtins.BaseExceptionGroup), args);
    wrapped.as<PyException>()->traceback = exc.as<PyException>()->traceback;
    return {wrapped, Value::none()};
  }
  if (is_group(exc)) {
    const Value pair = call_method(exc, "split", std::vector<Value>{type});
    auto* t = pair.as<Tuple>();
    if (!t || t->items.size() != 2) throw_type_error("split must return a 2-tuple");
    return {t->items[0], t->items[1]};
  }
  return {Value::none(), Value::none()};
}

Value prep_reraise_star(const Value& orig, const Value& excs) {
  const std::vector<Value> items = to_vector(excs);
  if (items.empty()) return Value::none();
  // A naked exception was caught and wrapped: one clause ran, at most one
  // exception to raise.
  if (!is_group(orig)) return items.front();
  std::vector<Value> raised;
  std::vector<const Object*> reraised_leaves;
  for (const auto& e : items) {
    if (e.is_none()) continue;
    if (same_metadata(*e.as<PyException>(), *orig.as<PyException>()))
      collect_leaves(e, reraised_leaves);
    else
      raised.push_back(e);
  }
  Value reraised = project(orig, reraised_leaves);
  if (raised.empty()) return reraised;
  if (!reraised.is_none()) raised.push_back(std::move(reraised));
  if (raised.size() == 1) return raised.front();
  const Value args[] = {Value::str(""), make_list(std::move(raised))};
  return call(Value(Runtime::current().builtins.BaseExceptionGroup), args);
}

void install_exception_types(BuiltinTypes&, BuiltinExceptions& e) {
  const Type* base = e.BaseException.get();
  e.OSError->constructor = [](const Ref<Type>& cls_in, Args a, Kw kw) {
    const auto& b = Runtime::current().builtins;
    if (!kw.empty()) throw_type_error(fmt::format("{}() takes no keyword arguments", cls_in->name));
    Ref<Type> cls = cls_in;
    if (cls.get() == b.OSError.get() && a.size() >= 2 && a[0].kind() == Value::Kind::Int)
      cls = oserror_subclass(b, a[0].as_int());
    auto exc = make<PyException>(cls, std::vector<Value>(a.begin(), a.end()));
    const bool full = a.size() >= 2 && a.size() <= 5;
    exc->dict["errno"] = full ? a[0] : Value::none();
    exc->dict["strerror"] = full ? a[1] : Value::none();
    exc->dict["filename"] = full && a.size() >= 3 ? a[2] : Value::none();
    // args keeps only (errno, strerror) once a filename is given.
    if (full && a.size() >= 3) exc->args.resize(2);
    return Value(exc);
  };
  e.BaseException->constructor = [](const Ref<Type>& cls, Args a, Kw kw) {
    if (!kw.empty()) throw_type_error(fmt::format("{}() takes no keyword arguments", cls->name));
    return Value(make<PyException>(cls, std::vector<Value>(a.begin(), a.end())));
  };
  def(e.BaseException, "__init__", [base](Args a, Kw kw) {
    auto& exc = exc_self(a, *base, "__init__");
    if (!kw.empty()) throw_type_error(fmt::format("{}() takes no keyword arguments", exc.type->name));
    exc.args.assign(a.begin() + 1, a.end());
    return Value::none();
  });
  def(e.BaseException, "__str__", [base](Args a, Kw) { return Value::str(exc_self(a, *base, "__str__").message()); });
  def(e.BaseException, "__repr__", [base](Args a, Kw) { return Value::str(exc_self(a, *base, "__repr__").repr()); });
  def(e.BaseException, "with_traceback", [base](Args a, Kw) {
    auto& exc = exc_self(a, *base, "with_traceback");
    args::exactly("with_traceback", a.subspan(1), 1);
    // with_traceback(None) drops the frames it passed through (unittest's
    // assertRaises does, so a chained report shows none of them).
    set_traceback(exc, a[1]);
    return a[0];
  });
  def(e.BaseException, "add_note", [base](Args a, Kw) {
    auto& exc = exc_self(a, *base, "add_note");
    args::exactly("add_note", a.subspan(1), 1);
    if (!a[1].as<Str>()) throw_type_error(fmt::format("note must be a str, not '{}'", type_name(a[1])));
    auto& notes = exc.dict["__notes__"];
    if (!notes.as<List>()) notes = make_list({});
    notes.as<List>()->items.push_back(a[1]);
    return Value::none();
  });
  e.StopIteration->add_getter("value", [](const Value& self) {
    auto* exc = self.as<PyException>();
    return exc->args.empty() ? Value::none() : exc->args[0];
  });
  e.StopAsyncIteration->add_getter("value", [](const Value& self) {
    auto* exc = self.as<PyException>();
    return exc->args.empty() ? Value::none() : exc->args[0];
  });
  e.SystemExit->add_getter("code", [](const Value& self) {
    auto* exc = self.as<PyException>();
    if (exc->args.empty()) return Value::none();
    return exc->args.size() == 1 ? exc->args[0] : make_tuple(exc->args);
  });

  const Type* group = e.BaseExceptionGroup.get();
  e.BaseExceptionGroup->constructor = new_group;
  def(e.BaseExceptionGroup, "derive", [group](Args a, Kw) {
    auto& g = exc_self(a, *group, "derive");
    args::exactly("derive", a.subspan(1), 1);
    const Value args2[] = {g.dict.at("message"), a[1]};
    return call(Value(Runtime::current().builtins.BaseExceptionGroup), args2);
  });
  def(e.BaseExceptionGroup, "split", [group](Args a, Kw) {
    exc_self(a, *group, "split");
    args::exactly("split", a.subspan(1), 1);
    auto [m, r] = split_group(a[0], a[1], true);
    return make_tuple({m, r});
  });
  def(e.BaseExceptionGroup, "subgroup", [group](Args a, Kw) {
    exc_self(a, *group, "subgroup");
    args::exactly("subgroup", a.subspan(1), 1);
    return split_group(a[0], a[1], false).first;
  });
}

}  // namespace asim::runtime
