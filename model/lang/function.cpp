#include "model/lang/function.hpp"

#include "model/lang/async_generator.hpp"

#include <fmt/format.h>

#include <unordered_set>

#include "model/runtime/builtin_attributes.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/suggestions.hpp"

namespace asim::lang {

using runtime::Keyword;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Step;
using runtime::Value;

std::string Function::repr() const {
  return fmt::format("<function {} at {}>", qualname_, address_text());
}

namespace {

// A name given to a function lives as long as the process: coroutines made
// before a rename keep viewing the old one.
std::string_view intern(std::string text) {
  static std::unordered_set<std::string> names;
  return *names.insert(std::move(text)).first;
}

// The attributes CPython keeps in the function object itself, not in __dict__.
bool is_slot(std::string_view name) {
  return name == "__doc__" || name == "__module__" || name == "__annotations__" || name == "__defaults__" ||
         name == "__kwdefaults__" || name == "__type_params__";
}

}  // namespace

std::optional<Value> Function::get_attribute(std::string_view name) {
  if (auto it = dict_.find(std::string(name)); it != dict_.end()) return it->second;
  if (name == "__name__") return Value::str(std::string(name_));
  if (name == "__qualname__") return Value::str(std::string(qualname_));
  if (name == "__doc__") return code->doc;
  if (name == "__module__") {
    auto it = globals->dict.find("__name__");
    return it != globals->dict.end() ? it->second : Value();
  }
  if (name == "__dict__") {
    Value d = runtime::make_dict();
    for (const auto& [k, v] : dict_)
      if (!is_slot(k)) runtime::setitem(d, Value::str(k), v);
    return d;
  }
  if (name == "__annotations__") return dict_["__annotations__"] = runtime::make_dict();
  // 3.12+: the PEP 695 type parameters, none for any function asim runs.
  if (name == "__type_params__" &&
      runtime::cpython_attribute_owner(*runtime::Runtime::current().types.function, name))
    return runtime::make_tuple({});
  if (name == "__defaults__") return defaults.empty() ? Value::none() : runtime::make_tuple(defaults);
  if (name == "__kwdefaults__") {
    const runtime::Object* unbound = ThreadState::current().unbound.object();
    Value d = runtime::make_dict();
    bool any = false;
    for (std::size_t i = 0; i < kwdefaults.size(); ++i) {
      if (kwdefaults[i].object() == unbound) continue;
      runtime::setitem(d, Value::str(code->varnames[static_cast<std::size_t>(code->argcount) + i]), kwdefaults[i]);
      any = true;
    }
    return any ? d : Value::none();
  }
  return std::nullopt;
}

bool Function::set_attribute(std::string_view name, const Value& value) {
  if (name == "__name__" || name == "__qualname__") {
    auto* s = value.as<runtime::Str>();
    if (!s)
      runtime::raise(runtime::Runtime::current().builtins.TypeError,
                     fmt::format("{} must be set to a string object", name));
    (name == "__name__" ? name_ : qualname_) = intern(s->text);
    return true;
  }
  if (name == "__dict__") {
    dict_.clear();
    for (const auto& key : runtime::to_vector(value)) dict_[runtime::to_str(key)] = runtime::getitem(value, key);
    return true;
  }
  dict_[std::string(name)] = value;
  return true;
}

bool Function::del_attribute(std::string_view name) {
  return dict_.erase(std::string(name)) > 0;
}

namespace {

// 'a'; 'a' and 'b'; 'a', 'b', and 'c' (ceval.c format_missing).
std::string format_names(const std::vector<std::string>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

[[noreturn]] void type_error(std::string message) {
  runtime::raise(runtime::Runtime::current().builtins.TypeError, std::move(message));
}

}  // namespace

// ceval.c initialize_locals, step by step.
void Function::bind_arguments(Frame& f, std::span<const Value> args, std::span<const Keyword> kwargs) const {
  const CodeObject& co = *code;
  Value* locals = f.locals();
  // The common call: exactly the positional parameters, and nothing else to
  // fill or check.
  if (kwargs.empty() && static_cast<int>(args.size()) == co.argcount && co.kwonlyargcount == 0 &&
      !(co.flags & (kVarargs | kVarkeywords))) {
    std::copy(args.begin(), args.end(), locals);
    make_cells(f);
    return;
  }
  const std::string& fname = function_error_name(co);
  const runtime::Object* unbound = ThreadState::current().unbound.object();
  auto is_unbound = [&](int i) { return locals[i].object() == unbound; };
  const int argcount = co.argcount;
  const int total_args = co.argcount + co.kwonlyargcount;
  const int given = static_cast<int>(args.size());

  Value kwdict;
  if (co.flags & kVarkeywords) {
    kwdict = runtime::make_dict();
    locals[total_args + ((co.flags & kVarargs) ? 1 : 0)] = kwdict;
  }
  const int n = std::min(given, argcount);
  for (int i = 0; i < n; ++i) locals[i] = args[static_cast<std::size_t>(i)];
  if (co.flags & kVarargs)
    locals[total_args] = runtime::make_tuple(std::vector<Value>(args.begin() + n, args.end()));

  for (const Keyword& kw : kwargs) {
    int j = -1;
    for (int i = co.posonlyargcount; i < total_args; ++i)
      if (co.varnames[static_cast<std::size_t>(i)] == kw.name) {
        j = i;
        break;
      }
    if (j < 0) {
      if (!kwdict.is_none()) {
        runtime::setitem(kwdict, Value::str(std::string(kw.name)), kw.value);
        continue;
      }
      std::vector<std::string> posonly;
      for (const Keyword& k : kwargs)
        for (int i = 0; i < co.posonlyargcount; ++i)
          if (co.varnames[static_cast<std::size_t>(i)] == k.name) posonly.push_back(std::string(k.name));
      if (!posonly.empty())
        type_error(fmt::format("{}() got some positional-only arguments passed as keyword arguments: '{}'",
                               fname, fmt::join(posonly, ", ")));
      // 3.13 suggests the closest name keywords may give.
      std::string hint;
      if (runtime::Runtime::current().features.keyword_suggestions) {
        const std::vector<std::string> names(co.varnames.begin() + co.posonlyargcount, co.varnames.begin() + total_args);
        if (auto s = runtime::calculate_suggestion(names, kw.name)) hint = fmt::format(". Did you mean '{}'?", *s);
      }
      type_error(fmt::format("{}() got an unexpected keyword argument '{}'{}", fname, kw.name, hint));
    }
    if (!is_unbound(j)) type_error(fmt::format("{}() got multiple values for argument '{}'", fname, kw.name));
    locals[j] = kw.value;
  }

  if (given > argcount && !(co.flags & kVarargs)) {
    int kwonly_given = 0;
    for (int i = argcount; i < total_args; ++i)
      if (!is_unbound(i)) ++kwonly_given;
    const int defcount = static_cast<int>(defaults.size());
    std::string sig;
    bool plural;
    if (defcount) {
      plural = true;
      sig = fmt::format("from {} to {}", argcount - defcount, argcount);
    } else {
      plural = argcount != 1;
      sig = std::to_string(argcount);
    }
    std::string kwonly_sig;
    if (kwonly_given)
      kwonly_sig = fmt::format(" positional argument{} (and {} keyword-only argument{})", given != 1 ? "s" : "",
                               kwonly_given, kwonly_given != 1 ? "s" : "");
    type_error(fmt::format("{}() takes {} positional argument{} but {}{} {} given", fname, sig,
                           plural ? "s" : "", given, kwonly_sig, given == 1 && !kwonly_given ? "was" : "were"));
  }

  if (given < argcount) {
    const int defcount = static_cast<int>(defaults.size());
    const int m = argcount - defcount;
    std::vector<std::string> missing;
    for (int i = given; i < m; ++i)
      if (is_unbound(i)) missing.push_back(co.varnames[static_cast<std::size_t>(i)]);
    if (!missing.empty())
      type_error(fmt::format("{}() missing {} required positional argument{}: {}", fname, missing.size(),
                             missing.size() != 1 ? "s" : "", format_names(missing)));
    for (int i = n > m ? n - m : 0; i < defcount; ++i)
      if (is_unbound(m + i)) locals[m + i] = defaults[static_cast<std::size_t>(i)];
  }

  if (co.kwonlyargcount > 0) {
    std::vector<std::string> missing;
    for (int i = argcount; i < total_args; ++i) {
      if (!is_unbound(i)) continue;
      const auto k = static_cast<std::size_t>(i - argcount);
      if (k < kwdefaults.size() && kwdefaults[k].object() != unbound) {
        locals[i] = kwdefaults[k];
        continue;
      }
      missing.push_back(co.varnames[static_cast<std::size_t>(i)]);
    }
    if (!missing.empty())
      type_error(fmt::format("{}() missing {} required keyword-only argument{}: {}", fname, missing.size(),
                             missing.size() != 1 ? "s" : "", format_names(missing)));
  }

  make_cells(f);
}

// MAKE_CELL and COPY_FREE_VARS.
void Function::make_cells(Frame& f) const {
  const CodeObject& co = *code;
  if (co.cellvars.empty() && co.freevars.empty()) return;
  Value* locals = f.locals();
  Value* cells = f.cells();
  for (std::size_t i = 0; i < co.cellvars.size(); ++i) {
    const int arg = co.cell2arg[i];
    if (arg >= 0) {
      cells[i] = Value(runtime::make<Cell>(std::move(locals[arg])));
      locals[arg] = ThreadState::current().unbound;
    } else {
      cells[i] = Value(runtime::make<Cell>(ThreadState::current().unbound));
    }
  }
  for (std::size_t i = 0; i < co.freevars.size(); ++i) cells[co.cellvars.size() + i] = closure[i];
}

namespace {

// Runs bind(); its error is marked as a call whose arguments did not bind
// (ThreadState::unbound_call).
template <typename Bind>
void binding(Bind bind) {
  try {
    bind();
  } catch (const PyError& e) {
    ThreadState::current().unbound_call = e.exc.get();
    throw;
  }
}

}  // namespace

Value Function::call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) {
  if (code->is_async_generator()) {
    auto gen = runtime::make<InterpretedAsyncGenerator>(Ref<Function>(this));
    binding([&] { bind_arguments(gen->frame, args, kwargs); });
    return Value(gen);
  }
  if (code->is_generator()) {
    auto gen = runtime::make<InterpretedGenerator>(Ref<Function>(this));
    binding([&] { bind_arguments(gen->frame, args, kwargs); });
    return Value(gen);
  }
  if (code->is_coroutine()) {
    auto coro = runtime::make<InterpretedCoroutine>(Ref<Function>(this));
    try {
      binding([&] { bind_arguments(coro->frame, args, kwargs); });
    } catch (...) {
      coro->close();
      throw;
    }
    return Value(coro);
  }
  Frame f(code.get(), globals.get(), builtins.get(), ThreadState::current().unbound);
  f.ns = class_namespace;
  binding([&] { bind_arguments(f, args, kwargs); });
  return run_function_frame(f);
}

Value Function::call_raising(std::span<const Value> args, Ref<PyException>& raised) {
  const CodeObject& co = *code;
  if (co.flags & (kGenerator | kCoroutine | kAsyncGenerator)) return call_kw(args, {});
  // CPython 3.11's CALL_PY_EXACT_ARGS: exactly the positional parameters,
  // no cells to make: the arguments go straight into the new frame's
  // locals, with nothing of initialize_locals to check.
  if (static_cast<int>(args.size()) == co.argcount && co.kwonlyargcount == 0 &&
      !(co.flags & (kVarargs | kVarkeywords)) && co.cellvars.empty() && co.freevars.empty()) {
    Frame f(&co, globals.get(), builtins.get(), ThreadState::current().unbound, args);
    f.ns = class_namespace;
    Step s = eval_frame_raising(f, Value(), nullptr, raised);
    return std::move(s.value);
  }
  Frame f(&co, globals.get(), builtins.get(), ThreadState::current().unbound);
  f.ns = class_namespace;
  binding([&] { bind_arguments(f, args, {}); });
  Step s = eval_frame_raising(f, Value(), nullptr, raised);
  return std::move(s.value);
}

Value run_function_frame(Frame& f) {
  Step s = eval_frame(f, Value(), nullptr);
  return std::move(s.value);
}

// ------------------------------------------------------------ coroutines

InterpretedCoroutine::InterpretedCoroutine(Ref<Function> fn, Kind kind)
    : Coroutine(fn->qualname_view()),
      function(std::move(fn)),
      code(function->code),
      frame(code.get(), function->globals.get(), function->builtins.get(), ThreadState::current().unbound),
      kind_(kind) {}

InterpretedCoroutine::InterpretedCoroutine(Ref<Function> fn, Frame&& body, Kind kind)
    : Coroutine(fn->qualname_view()), function(std::move(fn)), code(function->code), frame(std::move(body)), kind_(kind) {
  state_ = State::Suspended;
}

InterpretedCoroutine::~InterpretedCoroutine() = default;

// _PyGen_Finalize
void InterpretedCoroutine::finalize() {
  if (kind_ == Kind::Coroutine) warn_if_never_awaited();
  // A suspended coroutine freed before it finished is closed: its `finally`
  // blocks run, and what escapes them is unraisable.
  if (state_ == State::Suspended) {
    try {
      close();
    } catch (const runtime::PyError& error) {
      if (const auto& sink = runtime::Runtime::current().unraisable_sink) sink(error, repr());
    }
  }
}

std::string Function::function_source() const {
  if (auto wrapped = dict_.find("__wrapped__"); wrapped != dict_.end()) {
    auto callback = runtime::as_callback(wrapped->second);
    return callback ? callback->function_source() : "";
  }
  if (!code->source) return "";
  return code->source->path() + ":" + std::to_string(code->firstlineno);
}

const std::string& InterpretedCoroutine::filename() const {
  static const std::string unknown = "<string>";
  return function->code->source ? function->code->source->path() : unknown;
}

int InterpretedCoroutine::lineno() const {
  const CodeObject& co = *function->code;
  if (state_ == State::Suspended || state_ == State::Running) {
    if (static_cast<std::size_t>(frame.lasti()) < co.positions.size())
      if (const int line = frame_line(frame); line > 0) return line;
  }
  return co.firstlineno;
}

// PEP 479: a StopIteration escaping the body would pass for the end of the
// iteration; gen_send_ex turns it into a RuntimeError, caused by it.
Ref<PyException> InterpretedCoroutine::stop_iteration_replaced(Ref<PyException> exc) const {
  const auto& b = runtime::Runtime::current().builtins;
  if (!exc->isinstance(b.StopIteration.get())) return exc;
  auto error = runtime::new_exception(b.RuntimeError, fmt::format("{} raised StopIteration", kind_name()));
  error->cause = exc;
  error->context = exc;
  error->suppress_context = true;
  return error;
}

namespace {

Step raising(Ref<PyException>& raised, Ref<PyException> exc) {
  raised = std::move(exc);
  return Step{true, Value()};
}

}  // namespace

Step InterpretedCoroutine::resume(Value sent, Ref<PyException> thrown, Ref<PyException>& raised) {
  auto& ts = ThreadState::current();
  const auto& b = runtime::Runtime::current().builtins;
  if (state_ == State::Running)
    return raising(raised, runtime::new_exception(b.ValueError, fmt::format("{} already executing", kind_name())));
  if (state_ == State::Closed) {
    // An exhausted generator returns None at once (StopIteration, or
    // StopAsyncIteration for an async one), or raises what is thrown in.
    if (kind_ != Kind::Coroutine) {
      if (thrown) return raising(raised, std::move(thrown));
      return Step{true, Value()};
    }
    return raising(raised, runtime::new_exception(b.RuntimeError, "cannot reuse already awaited coroutine"));
  }
  state_ = State::Running;
  exc_state_.previous = ts.exc_info;
  ts.exc_info = &exc_state_;
  Step s{true, Value()};
  try {
    s = eval_frame_raising(frame, std::move(sent), std::move(thrown), raised);
  } catch (PyError& e) {
    raised = std::move(e.exc);
  } catch (...) {
    ts.exc_info = exc_state_.previous;
    state_ = State::Closed;
    frame.clear();
    exc_state_.exc.reset();
    throw;
  }
  ts.exc_info = exc_state_.previous;
  if (raised) {
    state_ = State::Closed;
    frame.clear();
    exc_state_.exc.reset();
    raised = stop_iteration_replaced(std::move(raised));
    return Step{true, Value()};
  }
  if (s.done) {
    state_ = State::Closed;
    frame.clear();
    exc_state_.exc.reset();
  } else {
    state_ = State::Suspended;
  }
  return s;
}

Step InterpretedCoroutine::send_ex(Value value, Ref<PyException> thrown, Ref<PyException>& raised) {
  if (thrown) {
    if (state_ == State::Created) {
      // Thrown in before the first line ran: the body never starts.
      state_ = State::Closed;
      frame.clear();
      return raising(raised, std::move(thrown));
    }
    return resume(Value(), std::move(thrown), raised);
  }
  if (state_ == State::Created && !value.is_none())
    return raising(raised, runtime::new_exception(runtime::Runtime::current().builtins.TypeError,
                                                  fmt::format("can't send non-None value to a just-started {}",
                                                              kind_name())));
  return resume(std::move(value), nullptr, raised);
}

Step InterpretedCoroutine::send(Value value) {
  Ref<PyException> raised;
  Step s = send_ex(std::move(value), nullptr, raised);
  if (raised) throw PyError{std::move(raised)};
  return s;
}

Step InterpretedCoroutine::throw_(Ref<PyException> exc) {
  Ref<PyException> raised;
  Step s = send_ex(Value(), std::move(exc), raised);
  if (raised) throw PyError{std::move(raised)};
  return s;
}

void InterpretedCoroutine::close() {
  if (state_ == State::Created || state_ == State::Closed) {
    state_ = State::Closed;
    frame.clear();
    return;
  }
  const auto& b = runtime::Runtime::current().builtins;
  Ref<PyException> raised;
  Step s = resume(Value(), runtime::new_exception(b.GeneratorExit), raised);
  if (raised) {
    if (raised->isinstance(b.GeneratorExit.get()) || raised->isinstance(b.StopIteration.get())) return;
    throw PyError{std::move(raised)};
  }
  if (!s.done) runtime::raise(b.RuntimeError, fmt::format("{} ignored GeneratorExit", kind_name()));
}

// ------------------------------------------------------------ generators

// _PyCoro_GetAwaitableIter: a generator whose code types.coroutine marked
// is its own awaitable iterator.
Ref<runtime::Coroutine> InterpretedGenerator::await_iter() {
  if (code->flags & kIterableCoroutine) return Ref<runtime::Coroutine>(this);
  runtime::raise(runtime::Runtime::current().builtins.TypeError,
                 "object generator can't be used in 'await' expression");
}

// gen_iternext: the next yielded value; nullopt (StopIteration) at the end.
std::optional<Value> InterpretedGenerator::next() {
  Step s = send(Value());
  if (!s.done) return std::move(s.value);
  returned_ = std::move(s.value);
  return std::nullopt;
}

}  // namespace asim::lang
