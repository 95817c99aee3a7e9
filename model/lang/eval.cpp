#include "model/lang/eval.hpp"
#include "model/lang/exc_chain.hpp"

#include <fmt/format.h>

#if !defined(__EMSCRIPTEN__)
#include <sys/resource.h>
#endif

#include <algorithm>
#include <cstdint>
#include <new>
#include <optional>
#include <stdexcept>
#include <typeinfo>
#include <utility>

#include "model/lang/function.hpp"
#include "model/lang/library.hpp"
#include "model/lang/match.hpp"
#include "model/lang/suggestions.hpp"
#include "model/modules/native_function.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/iterators.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/interrupt.hpp"
#include "model/runtime/length_hint.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/memory.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

using runtime::builtins;
using runtime::BinOp;
using runtime::CmpOp;
using runtime::Coroutine;
using runtime::Keyword;
using runtime::Object;
using runtime::PyError;
using runtime::PyException;
using runtime::Ref;
using runtime::Step;
using runtime::Str;
using runtime::Type;
using runtime::UnaryOp;
using runtime::Value;

// ------------------------------------------------------------ thread state

namespace detail {
ThreadState* current_thread_state = nullptr;

void no_current_thread_state() {
  throw std::logic_error("asim: no lang::ThreadState (Interpreter) is active");
}
}  // namespace detail

using detail::current_thread_state;

InstructionLimit::InstructionLimit(std::uint64_t n)
    : std::runtime_error(fmt::format(
          "asim: stopped after {} instructions (the program may loop forever; raise the limit with --max-instructions)", n)) {
  runtime::detail::tearing_down = true;  // the run ends quietly, as at a ModelStop
}

WallClockLimit::WallClockLimit(double seconds)
    : std::runtime_error(fmt::format(
          "asim: stopped: the run took longer than the wall-clock limit of {} seconds (the program may loop "
          "forever; raise the limit with --max-seconds, or turn limits off with --no-limits)",
          runtime::float_repr(seconds))) {
  runtime::detail::tearing_down = true;  // the run ends quietly, as at a ModelStop
}

namespace {
// Instructions between two looks at the clock: tens of microseconds of
// interpretation, so the look costs nothing measurable.
constexpr std::uint64_t kCheckInterval = 4096;
}  // namespace

void ThreadState::check_limits() {
  if (instructions > limits.max_instructions) throw InstructionLimit(limits.max_instructions);
  next_check = std::min(limits.max_instructions, instructions + kCheckInterval - 1) + 1;
  if (limits.max_seconds > 0 && std::chrono::steady_clock::now() > deadline) throw WallClockLimit(limits.max_seconds);
  runtime::check_memory();
}

namespace {

#if defined(__EMSCRIPTEN__)
// WebAssembly has no process limits (getrlimit): its stack is the size the
// web build links it with (cmake/web.cmake passes both).
std::size_t stack_bytes() { return ASIM_WEB_STACK_BYTES; }
#else
// The process's stack limit, 8 MiB when unlimited.
std::size_t stack_bytes() {
  rlimit rl{};
  if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY) return static_cast<std::size_t>(rl.rlim_cur);
  return 8u << 20;
}
#endif

}  // namespace

ThreadState::ThreadState(LangLimits limits, runtime::ModuleFinder* modules)
    : limits(limits), modules(modules), previous_(current_thread_state) {
  if (limits.max_seconds > 0)
    deadline = std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(limits.max_seconds));
  unbound = Value(runtime::make<Unbound>());
  current_thread_state = this;
  stack_budget = stack_bytes() / 4 * 3;  // three quarters of the stack for the frames
}

ThreadState::~ThreadState() {
  current_thread_state = previous_;
}

PyException* ThreadState::handled_exception() const {
  for (const ExcStackItem* item = exc_info; item; item = item->previous)
    if (item->exc) return item->exc.get();
  return nullptr;
}

std::string name_error_message(std::string_view name) {
  return fmt::format("name '{}' is not defined", name);
}

namespace {
LanguageFeatures features() {
  return current_thread_state ? current_thread_state->limits.features : LanguageFeatures{};
}
}  // namespace

std::string unbound_local_message(std::string_view name) {
  if (!features().cannot_access_wording) return fmt::format("local variable '{}' referenced before assignment", name);
  return fmt::format("cannot access local variable '{}' where it is not associated with a value", name);
}

std::string unbound_free_message(std::string_view name) {
  if (!features().cannot_access_wording)
    return fmt::format("free variable '{}' referenced before assignment in enclosing scope", name);
  return fmt::format("cannot access free variable '{}' where it is not associated with a value in enclosing scope",
                     name);
}

const std::string& function_error_name(const CodeObject& co) {
  return features().qualname_in_call_errors ? co.qualname : co.name;
}

// ------------------------------------------------------------------ helpers

namespace {

// Calls f(item) for each item of iterable.
template <class F>
void for_each_item(const Value& iterable, F&& f) {
  // A subclass of list or tuple may iterate in its own way.
  const bool exact = iterable.is_object() && !runtime::overridable(iterable);
  if (auto* list = exact ? iterable.as<runtime::List>() : nullptr) {
    // Index-based: the body may not change the list, but be safe anyway.
    for (std::size_t i = 0; i < list->items.size(); ++i) f(Value(list->items[i]));
    return;
  }
  if (auto* tuple = exact ? iterable.as<runtime::Tuple>() : nullptr) {
    for (const auto& v : tuple->items) f(v);
    return;
  }
  Value it = runtime::iter(iterable);
  while (auto v = runtime::next(it)) f(std::move(*v));
}

}  // namespace

// _PyErr_SetObject's __context__ chaining, with its cycle breaking.
void set_context(ThreadState& ts, PyException* exc) {
  PyException* handled = ts.handled_exception();
  if (!handled || handled == exc) return;
  PyException* o = handled;
  while (PyException* ctx = o->context.get()) {
    if (ctx == exc) {
      o->context.reset();
      break;
    }
    o = ctx;
  }
  exc->context = Ref<PyException>(handled);
}

namespace {

// `raise X` with a class or an instance; TypeError otherwise.
Ref<PyException> make_raisable(const Value& v, bool cause) {
  if (auto* e = v.as<PyException>()) return Ref<PyException>(e);
  if (auto* t = v.as<Type>(); t && t->is_subclass_of(builtins().BaseException.get())) {
    Value inst = runtime::call(v, {});
    if (auto* e = inst.as<PyException>()) return Ref<PyException>(e);
    runtime::raise(builtins().TypeError,
                   fmt::format("calling {} should have returned an instance of BaseException, not {}", runtime::repr(v),
                               runtime::type_name(inst)));
  }
  runtime::raise(builtins().TypeError, cause ? "exception causes must derive from BaseException"
                                             : "exceptions must derive from BaseException");
}

// check_except_star_type_valid
void check_except_star_type(const Value& type) {
  if (auto* tuple = type.as<runtime::Tuple>()) {
    for (const auto& t : tuple->items) check_except_star_type(t);
    return;
  }
  auto* t = type.as<Type>();
  if (!t || !t->is_subclass_of(builtins().BaseException.get()))
    runtime::raise(builtins().TypeError, "catching classes that do not inherit from BaseException is not allowed");
  if (t->is_subclass_of(builtins().BaseExceptionGroup.get()))
    runtime::raise(builtins().TypeError, "catching ExceptionGroup with except* is not allowed. Use except instead.");
}

bool exception_matches(const PyException& exc, const Value& type) {
  if (auto* tuple = type.as<runtime::Tuple>()) {
    for (const auto& t : tuple->items)
      if (exception_matches(exc, t)) return true;
    return false;
  }
  auto* t = type.as<Type>();
  if (!t || !t->is_subclass_of(builtins().BaseException.get()))
    runtime::raise(builtins().TypeError, "catching classes that do not inherit from BaseException is not allowed");
  return exc.isinstance(t);
}

Value format_value(const Value& v, int flags, const Value* spec) {
  Value x = v;
  switch (flags & 0xff) {
    case 's': x = Value::str(runtime::to_str(v)); break;
    case 'r': x = Value::str(runtime::to_repr(v)); break;
    case 'a': x = Value::str(runtime::to_ascii(v)); break;
    default: break;
  }
  if (spec) {
    auto* s = spec->as<Str>();
    return Value::str(runtime::format(x, s ? std::string_view(s->text) : std::string_view()));
  }
  if (auto* s = x.as<Str>(); s && !s->user_class()) return x;
  return Value::str(runtime::format(x, ""));
}

// dict_merge's fast path: a dict, or a subclass iterating as dict does,
// gives its entries as they are (never calling an overridden __getitem__).
template <class F>
bool for_each_dict_entry(const Value& mapping, F&& f) {
  auto* d = mapping.as<runtime::Dict>();
  if (!d || runtime::user_override(mapping, "__iter__")) return false;
  for (const auto& e : std::vector<runtime::Dict::Entry>(d->entries()))
    if (e.live) f(e.key, e.value);
  return true;
}

// "keywords must be strings": 3.9+'s _PyStack_UnpackDict; before, a Python
// function's own check names it (_PyEval_EvalCodeWithName).
[[noreturn]] void keywords_not_strings(const Value& fn) {
  const Function* function = fn.as<Function>();
  if (auto* m = fn.as<runtime::BoundMethod>()) function = dynamic_cast<const Function*>(m->function.get());
  if (function && !runtime::Runtime::current().features.call_unpack_function_str)
    runtime::raise(builtins().TypeError, fmt::format("{}() keywords must be strings", function->code->name));
  runtime::raise(builtins().TypeError, "keywords must be strings");
}

// CALL_EX's **kwargs: a dict's string keys and values.
void keywords_from_mapping(const Value& fn, const Value& mapping, std::vector<Value>& keys, std::vector<Value>& values) {
  const bool direct = for_each_dict_entry(mapping, [&](const Value& key, const Value& value) {
    if (!key.as<Str>()) keywords_not_strings(fn);
    keys.push_back(key);
    values.push_back(value);
  });
  if (direct) return;
  for_each_item(mapping, [&](Value key) {
    if (!key.as<Str>()) keywords_not_strings(fn);
    values.push_back(runtime::getitem(mapping, key));
    keys.push_back(std::move(key));
  });
}

Value make_function(Frame& f, int flags, Value* args) {
  // args: [defaults][kwdefaults][annotations][closure] code, in that order.
  int i = 0;
  Value defaults = (flags & kFnDefaults) ? std::move(args[i++]) : Value();
  Value kwdefaults = (flags & kFnKwDefaults) ? std::move(args[i++]) : Value();
  Value annotations = (flags & kFnAnnotations) ? std::move(args[i++]) : Value();
  Value closure = (flags & kFnClosure) ? std::move(args[i++]) : Value();
  Value code = std::move(args[i]);
  auto fn = runtime::make<Function>(code.ref<CodeObject>(), Ref<runtime::Module>(f.globals),
                                    Ref<runtime::Module>(f.builtins));
  if (auto* t = defaults.as<runtime::Tuple>()) fn->defaults = t->items;
  if (auto* t = kwdefaults.as<runtime::Tuple>()) fn->kwdefaults = t->items;
  if (auto* t = closure.as<runtime::Tuple>()) fn->closure = t->items;
  if (flags & kFnAnnotations) fn->set_attribute("__annotations__", annotations);
  return Value(fn);
}

// BUILD_CLASS (__build_class__): runs the class body in a fresh namespace,
// then asks the metaclass (the one named, else the bases' own) for the class:
// its __new__ if a class body defined one (which reaches type.__new__ through
// super()), else type.__new__ directly; then the metaclass's __init__.
Value build_class(Frame& f, const std::string& name, const Value& body, const Value& base, const Value& meta,
                  const Value& keywords) {
  std::unordered_map<std::string, Value> ns;
  auto module_name = f.globals->dict.find("__name__");
  ns["__module__"] = module_name != f.globals->dict.end() ? module_name->second : Value::str("__main__");
  auto* fn = body.as<Function>();
  fn->class_namespace = &ns;
  fn->call_kw({}, {});
  fn->class_namespace = nullptr;
  std::vector<Ref<Type>> bases;
  for (const auto& b : base.as<runtime::Tuple>()->items) {
    if (Ref<Type> t = b.ref<Type>()) {
      bases.push_back(std::move(t));
      continue;
    }
    // A base that is no class names the classes it stands for (typing's
    // Generic[T]: update_bases and __mro_entries__).
    auto entries = runtime::getattr_opt(b, "__mro_entries__");
    if (!entries) runtime::raise(builtins().TypeError, "bases must be types");
    const Value arg[] = {base};
    for (const auto& e : runtime::to_vector(runtime::call(*entries, arg))) {
      Ref<Type> t = e.ref<Type>();
      if (!t) runtime::raise(builtins().TypeError, "__mro_entries__ must return a tuple");
      bases.push_back(std::move(t));
    }
  }
  Ref<Type> metaclass = runtime::Runtime::current().types.type;
  if (!meta.is_none()) {
    metaclass = meta.ref<Type>();
    if (!metaclass) runtime::raise(builtins().TypeError, "metaclass must be a class");
  }
  for (const auto& b : bases)
    if (b->metaclass && b->metaclass->is_subclass_of(metaclass.get())) metaclass = b->metaclass;
  Value cell;
  if (auto c = ns.find("__classcell__"); c != ns.end()) cell = c->second;
  // The namespace in definition order (an Enum's members), which the body's
  // names give: the order the compiler first met them.
  Value namespace_dict = runtime::make_dict();
  for (const auto& key : fn->code->names)
    if (auto it = ns.find(key); it != ns.end()) runtime::setitem(namespace_dict, Value::str(key), it->second);
  for (const auto& [k, v] : ns)
    if (!runtime::contains(namespace_dict, Value::str(k))) runtime::setitem(namespace_dict, Value::str(k), v);
  runtime::setitem(namespace_dict, Value::str("__qualname__"), Value::str(fn->code->qualname));
  std::vector<Value> bases_values;
  for (const auto& b : bases) bases_values.push_back(Value(b));
  const Value bases_tuple = runtime::make_tuple(std::move(bases_values));
  const Value args[] = {Value(metaclass), Value::str(name), bases_tuple, namespace_dict};
  // The class statement's other keywords go to the metaclass's __new__ and
  // __init__ (type.__new__ hands them to __init_subclass__).
  std::vector<std::string> keyword_names;
  std::vector<runtime::Keyword> kwargs;
  if (!keywords.is_none()) {
    const std::vector<Value> keys = runtime::to_vector(keywords);
    keyword_names.reserve(keys.size());
    for (const auto& k : keys) keyword_names.push_back(runtime::to_str(k));
    for (std::size_t i = 0; i < keys.size(); ++i)
      kwargs.push_back(runtime::Keyword{keyword_names[i], runtime::getitem(keywords, keys[i])});
  }
  {
    std::vector<Ref<Type>> layout = bases;
    if (layout.empty()) layout.push_back(runtime::Runtime::current().types.object);
    if (auto what = runtime::check_bases(layout))
      modules::not_modelled(*what, "asim derives classes from list, dict, tuple, set, frozenset, str, bytes, int and float");
  }
  Value made;
  if (auto custom_new = metaclass->lookup_override("__new__")) {
    Value new_fn = *custom_new;
    if (auto* sm = new_fn.as<runtime::StaticMethod>()) new_fn = sm->fn;
    made = runtime::call(new_fn, args, kwargs);
  } else {
    made = Value(runtime::type_new(metaclass, name, std::move(bases), namespace_dict, kwargs));
  }
  auto* cls = made.as<Type>();
  if (cls) {
    if (auto* c = cell.as<Cell>()) c->value = made;
    if (runtime::type_of(made)->is_subclass_of(metaclass.get()))
      if (auto init = metaclass->lookup_override("__init__")) {
        const Value init_args[] = {made, Value::str(name), bases_tuple, namespace_dict};
        runtime::call(*init, init_args, kwargs);
      }
  }
  return made;
}

// NameError for a global or builtin name, with the "Did you mean" hint the
// traceback will show (suggestions.c offer_suggestions_for_name_error).
[[noreturn]] void raise_name_error(const Frame& f, const std::string& name) {
  auto exc = runtime::new_exception(builtins().NameError, name_error_message(name));
  exc->dict["name"] = Value::str(name);
  const CodeObject& co = *f.code;
  std::optional<std::string> hint;
  const LanguageFeatures& features = ThreadState::current().limits.features;
  if (!features.name_suggestions) throw PyError{std::move(exc)};
  const auto self = std::find(co.varnames.begin(), co.varnames.end(), "self");
  if (self != co.varnames.end() && features.self_and_import_suggestions) {
    const Value& v = f.locals()[self - co.varnames.begin()];
    if (!v.as<Unbound>()) {
      try {
        if (runtime::getattr_opt(v, name)) hint = "self." + name;
      } catch (PyError&) {
      }
    }
  }
  auto keys = [](const std::unordered_map<std::string, Value>& d) {
    std::vector<std::string> out;
    out.reserve(d.size());
    for (const auto& [k, v] : d) out.push_back(k);
    std::sort(out.begin(), out.end());
    return out;
  };
  if (!hint) hint = calculate_suggestion(co.varnames, name);
  if (!hint) hint = calculate_suggestion(keys(f.globals->dict), name);
  if (!hint) hint = calculate_suggestion(keys(f.builtins->dict), name);
  if (hint) exc->dict[std::string(kSuggestionKey)] = Value::str(*hint);
  throw PyError{std::move(exc)};
}

inline bool fast_truthy(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Bool: return v.as_bool();
    case Value::Kind::None: return false;
    case Value::Kind::Int: return v.as_int() != 0;
    default: return runtime::truthy(v);
  }
}

inline bool int_binop(BinOp op, std::int64_t a, std::int64_t b, std::int64_t& out) {
  switch (op) {
    case BinOp::Add: return !__builtin_add_overflow(a, b, &out);
    case BinOp::Sub: return !__builtin_sub_overflow(a, b, &out);
    case BinOp::Mult: return !__builtin_mul_overflow(a, b, &out);
    // Python's floor division and modulo (long_div, long_mod): rounded
    // towards minus infinity, the remainder taking the divisor's sign. A zero
    // divisor and the one overflowing quotient take the general path.
    case BinOp::FloorDiv:
      if (b == 0 || (b == -1 && a == INT64_MIN)) return false;
      out = a / b - ((a % b != 0 && ((a < 0) != (b < 0))) ? 1 : 0);
      return true;
    case BinOp::Mod:
      if (b == 0 || b == -1) return false;
      out = a % b;
      if (out != 0 && ((out < 0) != (b < 0))) out += b;
      return true;
    case BinOp::BitAnd: out = a & b; return true;
    case BinOp::BitOr: out = a | b; return true;
    case BinOp::BitXor: out = a ^ b; return true;
    default: return false;
  }
}

inline bool int_compare(CmpOp op, std::int64_t a, std::int64_t b, bool& out) {
  switch (op) {
    case CmpOp::Eq: out = a == b; return true;
    case CmpOp::NotEq: out = a != b; return true;
    case CmpOp::Lt: out = a < b; return true;
    case CmpOp::LtE: out = a <= b; return true;
    case CmpOp::Gt: out = a > b; return true;
    case CmpOp::GtE: out = a >= b; return true;
    default: return false;
  }
}

Value compare_values(CmpOp op, const Value& a, const Value& b) {
  switch (op) {
    case CmpOp::Is: return Value::boolean(a.is(b));
    case CmpOp::IsNot: return Value::boolean(!a.is(b));
    case CmpOp::In: return Value::boolean(runtime::contains(b, a));
    case CmpOp::NotIn: return Value::boolean(!runtime::contains(b, a));
    default: return runtime::compare(op, a, b);
  }
}

std::string_view str_view(const Value& v) {
  auto* s = v.as<Str>();
  return s ? std::string_view(s->text) : std::string_view();
}

// The position `sites` gives the instruction at `at` instead of its own.
const Position* alternative_position(const std::vector<std::pair<int, Position>>& sites, int at) {
  for (const auto& [pc, pos] : sites)
    if (pc == at) return &pos;
  return nullptr;
}

// CodeObject::furthest_lines' position for the instruction at `at`, if any.
const Position* furthest_line(const CodeObject& co, int at) {
  auto it = std::lower_bound(co.furthest_lines.begin(), co.furthest_lines.end(), at,
                             [](const std::pair<int, Position>& site, int pc) { return site.first < pc; });
  return it != co.furthest_lines.end() && it->first == at ? &it->second : nullptr;
}

// Where a version locates a backward jump (CodeObject::while_statement_jumps).
Position back_jump_position(const CodeObject& co, int at, const LanguageFeatures& features) {
  if (features.while_jump_at_statement)
    if (const Position* p = alternative_position(co.while_statement_jumps, at)) return *p;
  if (features.same_line_pass_located)
    if (const Position* p = alternative_position(co.same_line_pass_jumps, at)) return *p;
  return co.positions[static_cast<std::size_t>(at)];
}

// Whether CPython writes the library function running in `f` in C, so that
// a traceback through it shows no frame of its own (between the program's
// call of itertools.starmap and its function that raised). A module of
// stdlib/ names them in `_asim_c_functions`: True for all of its functions,
// or a tuple of qualified names, each standing for its nested functions and
// methods too.
bool written_in_c(const Frame& f) {
  const CodeObject& co = *f.code;
  if (!co.source || !co.source->path().starts_with("<asim>/stdlib/")) return false;
  const auto it = f.globals->dict.find("_asim_c_functions");
  if (it == f.globals->dict.end()) return false;
  if (it->second.kind() == Value::Kind::Bool) return it->second.as_bool();
  const auto* names = it->second.as<runtime::Tuple>();
  if (!names) return false;
  for (const Value& name : names->items) {
    const std::string_view n = str_view(name);
    if (co.qualname == n || (co.qualname.starts_with(n) && co.qualname[n.size()] == '.')) return true;
  }
  return false;
}

}  // namespace

// Where a version locates the instruction at `at` in a traceback entry
// (CodeObject::with_context_calls and the lists after it).
Position instruction_position(const CodeObject& co, int at, const LanguageFeatures& features) {
  const std::vector<std::pair<int, Position>>* sites = nullptr;
  switch (features.with_calls_at) {
    case WithCallsAt::BodyEnd:
      // 3.7: its compiler's line only advances within a statement, which
      // also puts a `with`'s exits at the furthest line of its body.
      if (const Position* p = alternative_position(co.with_exit_after_body, at)) return *p;
      if (const Position* p = furthest_line(co, at)) return *p;
      break;
    case WithCallsAt::CodeBefore: sites = &co.with_exit_after_code; break;
    case WithCallsAt::Statement: break;
    case WithCallsAt::ContextExpr: sites = &co.with_context_calls; break;
  }
  if (sites)
    if (const Position* p = alternative_position(*sites, at)) return *p;
  const std::vector<std::pair<int, Position>>* asserts = features.assert_raise_at == AssertRaiseAt::Test ? &co.assert_tests
                                                          : features.assert_raise_at == AssertRaiseAt::LastCompare
                                                              ? &co.assert_compares
                                                              : nullptr;
  if (asserts)
    if (const Position* p = alternative_position(*asserts, at)) return *p;
  if (features.iteration_at_iterable)
    if (const Position* p = alternative_position(co.iterable_sites, at)) return *p;
  if (features.decorator_calls_at_statement)
    if (const Position* p = alternative_position(co.decorator_statement_calls, at)) return *p;
  return co.positions[static_cast<std::size_t>(at)];
}

int frame_line(const Frame& f) {
  const CodeObject& co = *f.code;
  if (co.positions.empty()) return co.firstlineno;
  const ThreadState* ts = ThreadState::active();
  return ts ? instruction_position(co, f.lasti(), ts->limits.features).line
            : co.positions[static_cast<std::size_t>(f.lasti())].line;
}

namespace {

// ---- out-of-line instruction bodies: the rarer or heavier instructions live
// here, so that eval_frame's own stack frame stays small (one per Python call
// level) and its hot loop compact. Each takes and returns the stack pointer.

[[noreturn, gnu::noinline]] void raise_unbound_local(const CodeObject& co, int slot) {
  runtime::raise(builtins().UnboundLocalError, unbound_local_message(co.varnames[static_cast<std::size_t>(slot)]));
}

[[noreturn, gnu::noinline]] void raise_unbound_cell(const CodeObject& co, int cell) {
  if (cell < static_cast<int>(co.cellvars.size()))
    runtime::raise(builtins().UnboundLocalError, unbound_local_message(co.cell_name(cell)));
  runtime::raise(builtins().NameError, unbound_free_message(co.cell_name(cell)));
}

[[gnu::noinline]] Value* op_build(Op op, int n, Value* sp) {
  std::vector<Value> items(std::make_move_iterator(sp - n), std::make_move_iterator(sp));
  sp -= n;
  *sp++ = op == Op::BUILD_TUPLE  ? runtime::make_tuple(std::move(items))
          : op == Op::BUILD_LIST ? runtime::make_list(std::move(items))
                                 : runtime::make_set(std::move(items));
  return sp;
}

// 3.9+ compile a display of 3+ constants to BUILD_SET 0, LOAD_CONST
// frozenset, SET_UPDATE; before, BUILD_SET n.
[[gnu::noinline]] Value* op_build_const_set(int n, Value* sp) {
  std::vector<Value> items(std::make_move_iterator(sp - n), std::make_move_iterator(sp));
  sp -= n;
  *sp++ = ThreadState::current().limits.features.constant_set_displays_folded ? runtime::make_constant_set(std::move(items))
                                                                            : runtime::make_set(std::move(items));
  return sp;
}

[[gnu::noinline]] Value* op_build_const_frozenset(int n, Value* sp) {
  std::vector<Value> items(std::make_move_iterator(sp - n), std::make_move_iterator(sp));
  sp -= n;
  *sp++ = runtime::make_constant_frozenset(std::move(items),
                                           ThreadState::current().limits.features.constant_frozensets_rebuilt);
  return sp;
}

[[gnu::noinline]] Value* op_build_map(int n, Value* sp) {
  Value d = runtime::make_dict();
  Value* first = sp - 2 * n;
  for (int i = 0; i < n; ++i) runtime::setitem(d, first[2 * i], std::move(first[2 * i + 1]));
  while (sp > first) *--sp = Value();
  *sp++ = std::move(d);
  return sp;
}

[[gnu::noinline]] Value* op_build_string(int n, Value* sp) {
  std::string out;
  for (Value* p = sp - n; p < sp; ++p) out += str_view(*p);
  for (int i = 0; i < n; ++i) *--sp = Value();
  *sp++ = Value::str(std::move(out));
  return sp;
}

// BINARY_SUBSCR, with CPython 3.11's BINARY_SUBSCR_DICT and
// BINARY_SUBSCR_LIST_INT: a dict (not a subclass, which may override
// __getitem__ or have __missing__) or a list indexed in range by a machine
// int skip getitem's protocol checks. Anything else, and a list index
// CPython adjusts or rejects, takes the generic path.
inline Value binary_subscr(const Value& container, const Value& key) {
  if (container.is_object()) {
    const runtime::Object& o = *container.object();
    if (runtime::is_exactly<runtime::Dict>(o)) {
      if (auto v = static_cast<const runtime::Dict&>(o).get(key)) return std::move(*v);
      runtime::throw_key_error(key);
    }
    if (runtime::is_exactly<runtime::List>(o) && key.kind() == Value::Kind::Int) {
      const auto& items = static_cast<const runtime::List&>(o).items;
      const std::int64_t i = key.as_int();
      if (i >= 0 && static_cast<std::uint64_t>(i) < items.size()) return items[static_cast<std::size_t>(i)];
    }
  }
  return runtime::getitem(container, key);
}

// STORE_SUBSCR, with 3.11's STORE_SUBSCR_DICT.
inline void store_subscr(const Value& container, const Value& key, Value v) {
  if (container.is_object() && runtime::is_exactly<runtime::Dict>(*container.object())) {
    static_cast<runtime::Dict*>(container.object())->set(key, std::move(v));
    return;
  }
  runtime::setitem(container, key, std::move(v));
}

// CALL and CALL_METHOD's call of `function` (CPython 3.11's CALL and its
// CALL_PY_EXACT_ARGS): an interpreted function's body gives back what it
// raises in `raised`; other callees throw it.
inline Value call_function(runtime::Callable& function, std::span<const Value> args, Ref<PyException>& raised) {
  return runtime::is_exactly<Function>(function) ? static_cast<Function&>(function).call_raising(args, raised)
                                                 : function.call_kw(args, {});
}

// The stack after a call that returned r: the callable and its arguments,
// from base up, released top first, and r in their place.
inline Value* call_returned(Value* base, Value* sp, Value r) {
  while (sp > base) *--sp = Value();
  *sp++ = std::move(r);
  return sp;
}

// CALL. What an interpreted function called here raises comes back in
// `raised`, the stack left as it was; other callees throw it.
[[gnu::noinline]] Value* op_call(int n, Value* sp, Ref<PyException>& raised) {
  Value* base = sp - n - 1;
  const runtime::Object* callee = base->is_object() ? base->object() : nullptr;
  Value r;
  if (callee && runtime::is_exactly<Function>(*callee)) {
    r = static_cast<Function*>(base->object())
            ->call_raising(std::span<const Value>(base + 1, static_cast<std::size_t>(n)), raised);
  } else if (callee && runtime::is_exactly<runtime::BoundMethod>(*callee)) {
    // `obj.method(...)`: self takes the bound method's stack slot, so the
    // function gets self and the arguments without a vector made for them
    // (CPython 3.11's LOAD_ATTR leaves method and self on the stack alike).
    auto* m = static_cast<runtime::BoundMethod*>(base->object());
    const Ref<runtime::Callable> fn = m->function;
    *base = Value(m->self);
    r = call_function(*fn, std::span<const Value>(base, static_cast<std::size_t>(n) + 1), raised);
  } else {
    r = runtime::call(*base, std::span<const Value>(base + 1, static_cast<std::size_t>(n)));
  }
  if (raised) return sp;
  return call_returned(base, sp, std::move(r));
}

// CALL_METHOD: the method and self LOAD_METHOD left, or None and the
// callable, then the arguments. As CALL with a bound method: what an
// interpreted function raises comes back in `raised`, the stack as it was.
[[gnu::noinline]] Value* op_call_method(int n, Value* sp, Ref<PyException>& raised) {
  Value* base = sp - n - 2;
  if (base->is_none()) {
    sp = op_call(n, sp, raised);
    if (raised) return sp;
    *base = std::move(*--sp);
    return sp;
  }
  Value r = call_function(*static_cast<runtime::Callable*>(base->object()),
                          std::span<const Value>(base + 1, static_cast<std::size_t>(n) + 1), raised);
  if (raised) return sp;
  return call_returned(base, sp, std::move(r));
}

[[gnu::noinline]] Value* op_call_kw(int n, Value* sp) {
  Value names = std::move(*--sp);
  const auto& kwnames = names.as<runtime::Tuple>()->items;
  const std::size_t nkw = kwnames.size();
  Value* base = sp - n - 1;
  const std::size_t npos = static_cast<std::size_t>(n) - nkw;
  std::vector<Keyword> kws;
  kws.reserve(nkw);
  for (std::size_t i = 0; i < nkw; ++i) kws.push_back(Keyword{str_view(kwnames[i]), base[1 + npos + i]});
  Value r = runtime::call(*base, std::span<const Value>(base + 1, npos), kws);
  while (sp > base) *--sp = Value();
  *sp++ = std::move(r);
  return sp;
}

// How a call's unpacking errors name the callee: _PyObject_FunctionStr
// (3.9+: "__main__.C.m()", "len()"), before PyEval_GetFuncName and
// PyEval_GetFuncDesc ("m()", "type object").
std::string unpack_callee_name(const Value& fn) {
  if (runtime::Runtime::current().features.call_unpack_function_str) {
    auto qualname = runtime::getattr_opt(fn, "__qualname__");
    if (!qualname) return runtime::to_str(fn);
    auto module = runtime::getattr_opt(fn, "__module__");
    if (module && !module->is_none() && runtime::to_str(*module) != "builtins")
      return fmt::format("{}.{}()", runtime::to_str(*module), runtime::to_str(*qualname));
    return fmt::format("{}()", runtime::to_str(*qualname));
  }
  auto* builtin = fn.as<runtime::BuiltinFunction>();
  const bool function_like = fn.as<Function>() || fn.as<runtime::BoundMethod>() || fn.as<runtime::NativeFunction>() ||
                             (builtin && builtin->owner.empty());
  if (function_like)
    if (auto name = runtime::getattr_opt(fn, "__name__")) return runtime::to_str(*name) + "()";
  return runtime::type_name(fn) + " object";
}

// LIST_EXTEND: list.extend(iterable), with the errors of CPython's
// LIST_EXTEND (3.9+) or BUILD_*_UNPACK (before) for an item that cannot be
// iterated at all (check_args_iterable).
[[gnu::noinline]] Value* op_list_extend(int arg, Value* sp) {
  Value iterable = std::move(*--sp);
  auto* list = sp[-(arg & kUnpackDistance)].as<runtime::List>();
  if (iterable.as<runtime::List>() == list) {
    auto copy = list->items;
    list->items.insert(list->items.end(), copy.begin(), copy.end());
    return sp;
  }
  try {
    // A program's object may see list_extend ask its length first.
    if (runtime::overridable(iterable))
      for (Value& v : runtime::extend_items(iterable)) list->items.push_back(std::move(v));
    else
      for_each_item(iterable, [&](Value v) { list->items.push_back(std::move(v)); });
  } catch (const PyError& e) {
    if (!(arg & (kCallUnpack | kDisplayUnpack)) || !e.exc->isinstance(builtins().TypeError.get()) ||
        runtime::has_iter_protocol(iterable))
      throw;
    const bool function_str = runtime::Runtime::current().features.call_unpack_function_str;
    if (arg & kDisplayUnpack) {
      if (!function_str) throw;
      runtime::raise(builtins().TypeError,
                     fmt::format("Value after * must be an iterable, not {}", runtime::type_name(iterable)));
    }
    if (function_str && !(arg & kSoleStar))
      runtime::raise(builtins().TypeError,
                     fmt::format("Value after * must be an iterable, not {}", runtime::type_name(iterable)));
    const Value& fn = sp[-(arg & kUnpackDistance) - 1];
    runtime::raise(builtins().TypeError, fmt::format("{} argument after * must be an iterable, not {}",
                                                     unpack_callee_name(fn), runtime::type_name(iterable)));
  }
  return sp;
}

// dict_merge: a dict's entries as they are, else mapping.keys() and
// mapping[key]. A key already there is a KeyError when `no_override`
// (DICT_MERGE's _PyDict_MergeEx(..., 2)).
void merge_mapping(Value& d, const Value& mapping, bool no_override) {
  auto put = [&](const Value& key, const Value& value) {
    if (no_override && d.as<runtime::Dict>()->contains(key)) runtime::throw_key_error(key);
    runtime::setitem(d, key, value);
  };
  if (for_each_dict_entry(mapping, put)) return;
  const Value keys = runtime::call(runtime::getattr(mapping, "keys"), {});
  for_each_item(keys, [&](Value key) { put(key, runtime::getitem(mapping, key)); });
}

// DICT_UPDATE: a dict display's **mapping, or (kCallUnpack) DICT_MERGE of a
// call's keywords, whose errors format_kwargs_error words.
[[gnu::noinline]] Value* op_dict_update(int arg, Value* sp) {
  Value mapping = std::move(*--sp);
  Value& d = sp[-(arg & kUnpackDistance)];
  try {
    merge_mapping(d, mapping, arg & kCallUnpack);
  } catch (const PyError& e) {
    const auto& b = builtins();
    const bool attribute_error = e.exc->isinstance(b.AttributeError.get());
    if (!(arg & kCallUnpack)) {
      if (!attribute_error) throw;
      runtime::raise(b.TypeError, fmt::format("'{}' object is not a mapping", runtime::type_name(mapping)));
    }
    const Value& fn = sp[-(arg & kUnpackDistance) - 2];
    if (attribute_error)
      runtime::raise(b.TypeError, fmt::format("{} argument after ** must be a mapping, not {}", unpack_callee_name(fn),
                                              runtime::type_name(mapping)));
    if (!e.exc->isinstance(b.KeyError.get())) throw;
    const auto& args = e.exc->args;
    if (args.size() != 1) throw;
    if (!args[0].as<runtime::Str>())
      runtime::raise(b.TypeError, fmt::format("{} keywords must be strings", unpack_callee_name(fn)));
    runtime::raise(b.TypeError, fmt::format("{} got multiple values for keyword argument '{}'", unpack_callee_name(fn),
                                            runtime::to_str(args[0])));
  }
  return sp;
}

[[gnu::noinline]] Value* op_call_ex(int flags, Value* sp) {
  Value kwargs = (flags & 1) ? std::move(*--sp) : Value();
  Value args = std::move(*--sp);
  std::vector<Value> keys, values;
  if (!kwargs.is_none()) keywords_from_mapping(sp[-1], kwargs, keys, values);
  std::vector<Keyword> kws;
  for (std::size_t i = 0; i < keys.size(); ++i) kws.push_back(Keyword{str_view(keys[i]), values[i]});
  const std::vector<Value>& positional = args.as<runtime::Tuple>()->items;
  sp[-1] = runtime::call(sp[-1], positional, kws);
  return sp;
}

[[gnu::noinline]] Value* op_unpack(const Instr& in, Value* sp) {
  Value seq = std::move(*--sp);
  std::vector<Value> items =
      in.op == Op::UNPACK_SEQUENCE
          ? runtime::unpack(seq, static_cast<std::size_t>(in.arg))
          : runtime::unpack_ex(seq, static_cast<std::size_t>(in.arg & 0xff), static_cast<std::size_t>(in.arg >> 8));
  for (auto it = items.rbegin(); it != items.rend(); ++it) *sp++ = std::move(*it);
  return sp;
}

[[gnu::noinline]] Value* op_format(int flags, Value* sp) {
  if (flags & kHasSpec) {
    Value spec = std::move(*--sp);
    sp[-1] = format_value(sp[-1], flags, &spec);
  } else {
    sp[-1] = format_value(sp[-1], flags, nullptr);
  }
  return sp;
}

[[gnu::noinline]] Value* op_make_function(Frame& f, int flags, Value* sp) {
  const int n = 1 + ((flags & kFnDefaults) ? 1 : 0) + ((flags & kFnKwDefaults) ? 1 : 0) +
                ((flags & kFnAnnotations) ? 1 : 0) + ((flags & kFnClosure) ? 1 : 0);
  Value fn = make_function(f, flags, sp - n);
  for (int i = 0; i < n; ++i) *--sp = Value();
  *sp++ = std::move(fn);
  return sp;
}

// GET_AITER, GET_ANEXT, BEFORE_ASYNC_WITH, ASYNC_WITH_EXIT, WITH_EXCEPT_START:
// the native protocols (runtime::AsyncIterator, AsyncContextManager) first,
// then classes with __aiter__/__anext__ and __aenter__/__aexit__.
// A context manager's bound __enter__ (__aenter__), once it is known to
// have __exit__ (__aexit__) too. A missing one is a TypeError from 3.11;
// before, an AttributeError naming the method (3.7-3.8's `async with`
// looked for __aexit__ first).
Value context_manager_enter(const Value& manager, bool is_async) {
  const auto& B = builtins();
  const auto& features = ThreadState::current().limits.features;
  const char* enter_name = is_async ? "__aenter__" : "__enter__";
  const char* exit_name = is_async ? "__aexit__" : "__exit__";
  const Ref<Type> type = runtime::type_of(manager);
  auto enter = type->lookup(manager, enter_name);
  const bool has_exit = type->lookup(manager, exit_name).has_value();
  const std::string protocol = is_async ? "asynchronous context manager protocol" : "context manager protocol";
  if (!features.context_manager_type_errors) {
    if (is_async && features.async_with_looks_up_aexit_first && !has_exit) runtime::raise(B.AttributeError, exit_name);
    if (!enter) runtime::raise(B.AttributeError, enter_name);
    if (!has_exit) runtime::raise(B.AttributeError, exit_name);
  }
  if (!enter)
    runtime::raise(B.TypeError, fmt::format("'{}' object does not support the {}", runtime::type_name(manager), protocol));
  if (!has_exit)
    runtime::raise(B.TypeError, fmt::format("'{}' object does not support the {} (missed {} method)",
                                            runtime::type_name(manager), protocol, exit_name));
  return *enter;
}

bool is_generator(const Value& v) {
  auto* c = v.as<runtime::Coroutine>();
  return c && c->type_name() == "generator";
}

// A native async context manager (asyncio's locks, TaskGroup...), entered
// and exited directly; an instance of a program's subclass goes through its
// class's __aenter__/__aexit__, which it may override.
runtime::AsyncContextManager* native_context_manager(const Value& v) {
  auto* cm = v.as<runtime::AsyncContextManager>();
  return cm && !v.object()->user_class() ? cm : nullptr;
}

[[gnu::noinline]] Value* op_async(Op op, Value* sp) {
  const auto& B = builtins();
  switch (op) {
    case Op::GET_AITER: {
      if (sp[-1].as<runtime::AsyncIterator>()) break;
      auto aiter = runtime::type_of(sp[-1])->lookup(sp[-1], "__aiter__");
      if (!aiter)
        runtime::raise(B.TypeError, fmt::format("'async for' requires an object with __aiter__ method, got {}",
                                                runtime::type_name(sp[-1])));
      Value it = runtime::call(*aiter, {});
      if (!runtime::type_of(it)->lookup(it, "__anext__"))
        runtime::raise(B.TypeError,
                       fmt::format("'async for' received an object from __aiter__ that does not implement __anext__: {}",
                                   runtime::type_name(it)));
      sp[-1] = std::move(it);
      break;
    }
    case Op::GET_ANEXT: {
      Value next_awaitable;
      if (auto* ait = sp[-1].as<runtime::AsyncIterator>()) next_awaitable = Value(ait->anext());
      else next_awaitable = runtime::call_method(sp[-1], "__anext__");
      *sp++ = std::move(next_awaitable);
      break;
    }
    case Op::BEFORE_ASYNC_WITH: {
      Value entered;
      if (auto* cm = native_context_manager(sp[-1])) {
        entered = Value(cm->aenter());
      } else {
        entered = runtime::call(context_manager_enter(sp[-1], true), {});
      }
      *sp++ = std::move(entered);
      break;
    }
    case Op::ASYNC_WITH_EXIT: {
      // The manager stays on the stack under its __aexit__ awaitable: native
      // managers' coroutines may rely on it being alive.
      Value exit_coro;
      if (auto* cm = native_context_manager(sp[-1])) {
        exit_coro = Value(cm->aexit(nullptr));
      } else {
        const Value nones[3]{};
        exit_coro = runtime::call_method(sp[-1], "__aexit__", nones);
      }
      *sp++ = std::move(exit_coro);
      break;
    }
    case Op::BEFORE_WITH: {
      Value entered = runtime::call(context_manager_enter(sp[-1], false), {});
      *sp++ = std::move(entered);
      break;
    }
    case Op::WITH_EXIT: {
      const Value nones[3]{};
      Value result = runtime::call_method(sp[-1], "__exit__", nones);
      *sp++ = std::move(result);
      break;
    }
    case Op::WITH_EXCEPT_EXIT: {
      const Value args[3] = {Value(sp[-1].as<PyException>()->type), sp[-1], Value()};
      Value result = runtime::call_method(sp[-3], "__exit__", args);
      *sp++ = std::move(result);
      break;
    }
    case Op::WITH_EXCEPT_START: {
      Value exit_coro;
      if (auto* cm = native_context_manager(sp[-3])) {
        exit_coro = Value(cm->aexit(sp[-1].ref<PyException>()));
      } else {
        const Value args[3] = {Value(sp[-1].as<PyException>()->type), sp[-1], Value()};
        exit_coro = runtime::call_method(sp[-3], "__aexit__", args);
      }
      *sp++ = std::move(exit_coro);
      break;
    }
    default: break;
  }
  return sp;
}

// import_name / import_from: the finder loads a dotted name's packages first.
// importlib's _calc___package__ and _resolve_name: the absolute name of a
// relative import (`name` with its leading dots) made in module `globals`.
std::string resolve_relative_import(const std::string& name, const runtime::Module& globals,
                                    const LanguageFeatures& features) {
  const auto& B = builtins();
  const std::size_t level = name.find_first_not_of('.') == std::string::npos ? name.size() : name.find_first_not_of('.');
  std::string package;
  if (auto it = globals.dict.find("__package__"); it != globals.dict.end() && !it->second.is_none()) {
    if (!it->second.as<runtime::Str>()) runtime::raise(B.TypeError, "package must be a string");
    package = runtime::to_str(it->second);
  } else if (auto named = globals.dict.find("__name__"); named != globals.dict.end()) {
    package = runtime::to_str(named->second);
    if (!globals.dict.count("__path__")) package = package.substr(0, package.rfind('.') == std::string::npos ? 0 : package.rfind('.'));
  }
  if (package.empty()) runtime::raise(B.ImportError, "attempted relative import with no known parent package");
  std::string base = package;
  for (std::size_t up = 1; up < level; ++up) {
    const auto dot = base.rfind('.');
    if (dot == std::string::npos)
      runtime::raise(features.relative_import_beyond_top_import_error ? B.ImportError : B.ValueError,
                     "attempted relative import beyond top-level package");
    base.resize(dot);
  }
  return level == name.size() ? base : base + "." + name.substr(level);
}

[[gnu::noinline]] Value* op_import(const CodeObject& co, const Instr& in, Value* sp) {
  ThreadState& ts = ThreadState::current();
  const auto& B = builtins();
  const std::string& name = co.names[static_cast<std::size_t>(in.arg)];
  auto find = [&ts](const std::string& dotted) { return ts.modules ? ts.modules->find(dotted) : nullptr; };
  if (in.op == Op::IMPORT_NAME) {
    Ref<runtime::Module> m = import_module(
        name.starts_with('.') ? resolve_relative_import(name, *ts.current_frame->globals, ts.limits.features) : name);
    *sp++ = Value(m);
    return sp;
  }
  auto v = runtime::getattr_opt(sp[-1], name);
  auto* m = sp[-1].as<runtime::Module>();
  // A package's submodule not imported yet (_handle_fromlist).
  if (!v && m && m->dict.count("__path__"))
    if (Ref<runtime::Module> sub = find(m->name + "." + name)) v = Value(sub);
  if (!v) {
    std::string where = "unknown location";
    if (m)
      if (auto file = m->dict.find("__file__"); file != m->dict.end()) where = runtime::to_str(file->second);
    runtime::raise(B.ImportError, fmt::format("cannot import name '{}' from '{}' ({})", name,
                                              m ? m->name : runtime::to_str(sp[-1]), where));
  }
  *sp++ = std::move(*v);
  return sp;
}

// sys.getrecursionlimit(): Python frames (with those CPython has where asim
// runs natively, Runtime::frames_below), and the C++ stack they take. A
// 3.12+ inlined comprehension is no frame.
struct DepthGuard {
  DepthGuard(ThreadState& ts, bool frame) : ts(ts), frame(frame) {
    const char* here = static_cast<const char*>(__builtin_frame_address(0));
    if (ts.depth == 0) ts.stack_base = here;
    const bool deep_stack = ts.stack_base > here && static_cast<std::size_t>(ts.stack_base - here) > ts.stack_budget;
    if (frame && ts.depth + runtime::Runtime::current().frames_below >= ts.limits.max_recursion)
      runtime::raise(builtins().RecursionError, "maximum recursion depth exceeded");
    // A limit raised by sys.setrecursionlimit() past what asim's own stack
    // holds: CPython would go deeper.
    if (deep_stack)
      modules::not_modelled(fmt::format("recursion {} frames deep", ts.depth),
                            "asim's stack ends before the recursion limit");
    ts.depth += frame;
  }
  ~DepthGuard() { ts.depth -= frame; }
  ThreadState& ts;
  const int frame;
};

// Makes `f` the current frame while it executes.
struct CurrentFrame {
  CurrentFrame(ThreadState& ts, Frame& f) : ts(ts), f(f) {
    f.previous = ts.current_frame;
    ts.current_frame = &f;
  }
  ~CurrentFrame() { ts.current_frame = f.previous; }
  ThreadState& ts;
  Frame& f;
};

// The frame is left by an exception: its locals and stack go with the
// exception's traceback, as the frame object would in CPython. The stack
// stands for what the frames of CPython's library functions it called keep
// (their arguments); but for a call in this frame whose arguments did not
// bind, it is let go at once, top first.
[[gnu::noinline]] void keep_frame_values(Frame& f, Value* sp, PyException& exc) {
  if (exc.traceback.empty()) {
    while (sp > f.stack_base()) *--sp = Value();
    return;
  }
  ThreadState& ts = ThreadState::current();
  if (&exc == ts.unbound_call && exc.traceback.size() == 1)
    while (sp > f.stack_base()) *--sp = Value();
  auto& keep = exc.traceback.back().frame_values;
  const Object* unbound = ts.unbound.object();
  for (Value* v = f.slots; v < sp; ++v)
    if (!v->is_none() && v->object() != unbound) keep.push_back(std::move(*v));
  while (sp > f.stack_base()) *--sp = Value();
}

}  // namespace

// ----------------------------------------------------------------- the loop

Step eval_frame(Frame& f, Value sent, Ref<PyException> thrown) {
  Ref<PyException> raised;
  Step s = eval_frame_raising(f, std::move(sent), std::move(thrown), raised);
  if (raised) throw PyError{std::move(raised)};
  return s;
}

Step eval_frame_raising(Frame& f, Value sent, Ref<PyException> thrown, Ref<PyException>& raised) {
  ThreadState& ts = ThreadState::current();
  DepthGuard depth_guard(ts, !(f.code->flags & kComprehension) || !ts.limits.features.inline_comprehensions);
  CurrentFrame current(ts, f);
  const auto& B = builtins();
  const CodeObject& co = *f.code;
  const Instr* const code = co.code.data();
  Value* const locals = f.locals();
  Value* const cells = f.cells();
  Value* const stack_base = f.stack_base();
  const Object* const unbound = ts.unbound.object();
  Value* sp = f.sp;
  int pc = f.pc;

  // The exception being raised in this frame, and how it arrived.
  Ref<PyException> exc;
  bool add_traceback = true;  // false for re-raises: the entry is there already
  bool fresh = true;          // raised here: __context__ is the handled exception

#define PUSH(v) (*sp++ = (v))
#define POP() (std::move(*--sp))
#define TOP() (sp[-1])
#define PEEK(n) (sp[-(n)])

  // ---- resuming at an await: finish it first.
  ts.propagating = nullptr;
  const bool thrown_in = thrown != nullptr;
  if (f.started) {
    if (f.delegate) {
      Ref<Coroutine> d = std::move(f.delegate);
      try {
        Step s{true, Value()};
        bool closed = false;
        if (thrown && thrown->isinstance(B.GeneratorExit.get())) {
          // gen_throw closes the delegate, then raises at the await.
          d->close();
          exc = thrown;
          fresh = false;
          closed = true;
        } else {
          Ref<PyException> raised_by;
          s = d->send_ex(std::move(sent), thrown, raised_by);
          if (raised_by) {
            exc = std::move(raised_by);
            fresh = exc != thrown && exc.get() != ts.propagating;
            closed = true;
          }
        }
        if (!closed) {
          if (!s.done) {
            f.delegate = std::move(d);
            return s;
          }
          PUSH(std::move(s.value));
        }
      } catch (PyError& e) {
        exc = std::move(e.exc);
        fresh = exc != thrown && exc.get() != ts.propagating;
      }
    } else if (!f.awaited.is_none()) {
      Value awaited = std::move(f.awaited);
      if (thrown) {
        exc = std::move(thrown);
        fresh = false;
      } else {
        auto* fut = awaited.is_object() ? awaited.object()->future_awaitable() : nullptr;
        if (!fut->done()) {
          exc = runtime::new_exception(B.RuntimeError, "await wasn't used with future");
        } else {
          Value r = fut->result_raising(exc);
          if (!exc) PUSH(std::move(r));
        }
        if (exc) fresh = exc.get() != ts.propagating;
      }
    } else if (thrown) {
      exc = std::move(thrown);
      fresh = false;
    } else if (f.yielded) {
      PUSH(std::move(sent));  // the value of the `yield` expression
    }
    f.yielded = false;
  } else {
    f.started = true;
    if (thrown) {
      exc = std::move(thrown);
      fresh = false;
    }
  }
  // gen_send_ex with an exception thrown in (_PyErr_ChainStackItem): what
  // leaves the throw, the exception itself or the delegate's, is chained to
  // the exception this generator's frame is handling, if any.
  if (exc && thrown_in && features().throw_chains_handled_exception && ts.exc_info->exc) {
    set_context(ts, exc.get());
    fresh = false;
  }
  // RESUME (3.11+; the first instruction before): the eval breaker at a
  // function's entry and where a generator resumes after a `yield`, not
  // after an `await`. A KeyboardInterrupt raised at entry is located on the
  // `def` line, zero columns wide.
  bool resume_breaker = !exc && !(co.flags & (kModule | kClassBody)) && (pc == 0 || code[pc - 1].op == Op::YIELD_VALUE);
  // Where the exception being raised by a breaker is located, when not at
  // the instruction.
  std::optional<Position> breaker_pos;
  // And the instruction whose handler takes it, when not the one raising
  // (LanguageFeatures::jump_breaker_unwinds_from_target); -1: none.
  std::optional<int> breaker_unwind_at;

  for (;;) {
    if (!exc) try {
        if (std::exchange(resume_breaker, false) && runtime::interrupt_pending()) {
          if (pc == 0) breaker_pos = Position{co.firstlineno, 0, co.firstlineno, 0};
          runtime::handle_interrupt();
          breaker_pos.reset();
        }
        for (;;) {
          if (++ts.instructions >= ts.next_check) ts.check_limits();
          const Instr in = code[pc++];
          f.pc = pc;  // kept current for f_lineno (warnings, coroutine locations)
          switch (in.op) {
            case Op::NOP: break;
            case Op::POP_TOP: *--sp = Value(); break;
            case Op::COPY: {
              Value v = PEEK(in.arg);
              PUSH(std::move(v));
              break;
            }
            case Op::SWAP: std::swap(TOP(), PEEK(in.arg)); break;
            case Op::LOAD_CONST: PUSH(co.consts[static_cast<std::size_t>(in.arg)]); break;
            case Op::LOAD_FAST: {
              const Value& v = locals[in.arg];
              if (v.object() == unbound) raise_unbound_local(co, in.arg);
              PUSH(v);
              break;
            }
            case Op::STORE_FAST: locals[in.arg] = POP(); break;
            case Op::DELETE_FAST:
              if (locals[in.arg].object() == unbound) raise_unbound_local(co, in.arg);
              locals[in.arg] = ts.unbound;
              break;
            case Op::LOAD_DEREF:
            case Op::DELETE_DEREF: {
              auto* cell = static_cast<Cell*>(cells[in.arg].object());
              if (cell->value.object() == unbound) raise_unbound_cell(co, in.arg);
              if (in.op == Op::LOAD_DEREF) PUSH(cell->value);
              else cell->value = ts.unbound;
              break;
            }
            case Op::STORE_DEREF: static_cast<Cell*>(cells[in.arg].object())->value = POP(); break;
            case Op::LOAD_CLOSURE: PUSH(cells[in.arg]); break;
            case Op::LOAD_FROM_DICT_OR_DEREF: {
              const std::string& name = co.cell_name(in.arg);
              if (f.ns) {
                auto it = f.ns->find(name);
                if (it != f.ns->end()) {
                  PUSH(it->second);
                  break;
                }
              }
              auto* cell = static_cast<Cell*>(cells[in.arg].object());
              if (cell->value.object() == unbound) raise_unbound_cell(co, in.arg);
              PUSH(cell->value);
              break;
            }
            case Op::LOAD_NAME:
            case Op::LOAD_GLOBAL: {
              const auto arg = static_cast<std::size_t>(in.arg);
              const std::string& name = co.names[arg];
              if (in.op == Op::LOAD_NAME && f.ns) {
                auto it = f.ns->find(name);
                if (it != f.ns->end()) {
                  PUSH(it->second);
                  break;
                }
              }
              // LOAD_GLOBAL's inline cache (CPython 3.11's LOAD_GLOBAL_MODULE
              // and LOAD_GLOBAL_BUILTIN): where the name was found, valid
              // while no namespace has gained or lost a name.
              GlobalCache* cache = nullptr;
              if (in.op == Op::LOAD_GLOBAL) {
                if (co.global_caches.size() != co.names.size()) co.global_caches.resize(co.names.size());
                cache = &co.global_caches[arg];
                if (cache->globals == f.globals && cache->builtins == f.builtins &&
                    cache->version == runtime::detail::namespaces_version) {
                  PUSH(*cache->value);
                  break;
                }
              }
              auto& g = f.globals->dict;
              auto it = g.find(name);
              if (it == g.end()) {
                it = f.builtins->dict.find(name);
                if (it == f.builtins->dict.end()) raise_name_error(f, name);
              }
              if (cache) *cache = GlobalCache{f.globals, f.builtins, runtime::detail::namespaces_version, &it->second};
              PUSH(it->second);
              break;
            }
            case Op::STORE_NAME:
              if (f.ns) {
                (*f.ns)[co.names[static_cast<std::size_t>(in.arg)]] = POP();
                break;
              }
              [[fallthrough]];
            case Op::STORE_GLOBAL: f.globals->dict[co.names[static_cast<std::size_t>(in.arg)]] = POP(); break;
            case Op::SETUP_ANNOTATIONS:
              // Each namespace through its own type: a module's notes what it gains.
              if (f.ns) {
                if (!f.ns->count("__annotations__")) (*f.ns)["__annotations__"] = runtime::make_dict();
              } else if (!f.globals->dict.count("__annotations__")) {
                f.globals->dict["__annotations__"] = runtime::make_dict();
              }
              break;
            case Op::DELETE_NAME:
            case Op::DELETE_GLOBAL: {
              const std::string& name = co.names[static_cast<std::size_t>(in.arg)];
              const bool deleted = (in.op == Op::DELETE_NAME && f.ns) ? f.ns->erase(name) > 0
                                                                        : f.globals->dict.erase(name) > 0;
              if (!deleted) raise_name_error(f, name);
              break;
            }
            case Op::LOAD_ATTR:
              runtime::load_attr(TOP(), co.names[static_cast<std::size_t>(in.arg)], co.attribute_cache(pc - 1));
              break;
            case Op::LOAD_METHOD:
              sp = runtime::load_method(sp, co.names[static_cast<std::size_t>(in.arg)], co.attribute_cache(pc - 1));
              break;
            case Op::STORE_ATTR: {
              Value obj = POP();
              Value v = POP();
              runtime::store_attr(obj, co.names[static_cast<std::size_t>(in.arg)], std::move(v), co.attribute_cache(pc - 1));
              break;
            }
            case Op::DELETE_ATTR: {
              Value obj = POP();
              runtime::delattr(obj, co.names[static_cast<std::size_t>(in.arg)]);
              break;
            }
            case Op::BINARY_SUBSCR: {
              Value key = POP();
              TOP() = binary_subscr(TOP(), key);
              break;
            }
            case Op::STORE_SUBSCR: {
              Value key = POP();
              Value container = POP();
              Value v = POP();
              store_subscr(container, key, std::move(v));
              break;
            }
            case Op::DELETE_SUBSCR: {
              Value key = POP();
              Value container = POP();
              runtime::delitem(container, key);
              break;
            }
            case Op::BINARY_OP: {
              const auto op = static_cast<BinOp>(in.arg & 0xff);
              Value b = POP();
              Value& a = TOP();
              std::int64_t r;
              if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int && int_binop(op, a.as_int(), b.as_int(), r))
                a = Value::integer(r);
              else
                a = (in.arg & kInplace) ? runtime::inplace_op(op, a, b) : runtime::binary_op(op, a, b);
              break;
            }
            case Op::UNARY_OP: {
              const auto op = static_cast<UnaryOp>(in.arg);
              if (op == UnaryOp::Not) TOP() = Value::boolean(!fast_truthy(TOP()));
              else TOP() = runtime::unary_op(op, TOP());
              break;
            }
            case Op::COMPARE_OP: {
              const auto op = static_cast<CmpOp>(in.arg);
              Value b = POP();
              Value& a = TOP();
              bool r;
              if (a.kind() == Value::Kind::Int && b.kind() == Value::Kind::Int && int_compare(op, a.as_int(), b.as_int(), r))
                a = Value::boolean(r);
              else
                a = compare_values(op, a, b);
              break;
            }
            case Op::BUILD_TUPLE:
            case Op::BUILD_LIST:
            case Op::BUILD_SET: sp = op_build(in.op, in.arg, sp); break;
            case Op::BUILD_CONST_SET: sp = op_build_const_set(in.arg, sp); break;
            case Op::BUILD_CONST_FROZENSET: sp = op_build_const_frozenset(in.arg, sp); break;
            case Op::BUILD_MAP: sp = op_build_map(in.arg, sp); break;
            case Op::BUILD_SLICE: {
              Value step = in.arg == 3 ? POP() : Value();
              Value stop = POP();
              Value start = POP();
              PUSH(runtime::make_slice(std::move(start), std::move(stop), std::move(step)));
              break;
            }
            case Op::BUILD_STRING: sp = op_build_string(in.arg, sp); break;
            case Op::LIST_APPEND: {
              Value v = POP();
              PEEK(in.arg).as<runtime::List>()->items.push_back(std::move(v));
              break;
            }
            case Op::MAP_ADD: {
              Value v = POP();
              Value k = POP();
              runtime::setitem(PEEK(in.arg), k, std::move(v));
              break;
            }
            case Op::LIST_EXTEND: sp = op_list_extend(in.arg, sp); break;
            case Op::DICT_UPDATE: sp = op_dict_update(in.arg, sp); break;
            case Op::LIST_TO_TUPLE: TOP() = runtime::make_tuple(TOP().as<runtime::List>()->items); break;
            case Op::LIST_TO_SET: TOP() = runtime::make_set(TOP().as<runtime::List>()->items); break;
            case Op::UNPACK_SEQUENCE: {
              if (auto* t = TOP().as<runtime::Tuple>(); t && t->items.size() == static_cast<std::size_t>(in.arg) && !t->user_class()) {
                Value seq = POP();
                for (auto it = t->items.rbegin(); it != t->items.rend(); ++it) PUSH(*it);
                break;
              }
              sp = op_unpack(in, sp);
              break;
            }
            case Op::UNPACK_EX: sp = op_unpack(in, sp); break;
            case Op::FORMAT_VALUE: sp = op_format(in.arg, sp); break;
            case Op::GET_ITER: TOP() = runtime::iter(TOP()); break;
            case Op::FOR_ITER: {
              // FOR_ITER_RANGE (CPython 3.12): a range's own iterator
              // without the iterator protocol.
              if (TOP().is_object() && runtime::is_exactly<runtime::RangeIterator>(*TOP().object())) {
                std::int64_t i;
                if (static_cast<runtime::RangeIterator*>(TOP().object())->next_int(i)) {
                  PUSH(Value::integer(i));
                } else {
                  *--sp = Value();
                  pc = in.arg;
                }
                break;
              }
              auto v = runtime::next(TOP());
              if (v) {
                PUSH(std::move(*v));
              } else {
                *--sp = Value();
                pc = in.arg;
              }
              break;
            }
            case Op::JUMP:
              if (in.arg < pc && runtime::interrupt_pending()) {  // JUMP_BACKWARD's eval breaker
                breaker_pos = back_jump_position(co, pc - 1, features());
                if (features().jump_breaker_unwinds_from_target) breaker_unwind_at = in.arg - 1;
                runtime::handle_interrupt();
                breaker_pos.reset();
                breaker_unwind_at.reset();
              }
              pc = in.arg;
              break;
            case Op::POP_JUMP_IF_FALSE: {
              Value v = POP();
              if (!fast_truthy(v)) pc = in.arg;
              break;
            }
            case Op::POP_JUMP_IF_TRUE: {
              Value v = POP();
              if (fast_truthy(v)) pc = in.arg;
              break;
            }
            case Op::JUMP_IF_FALSE_OR_POP:
              if (!fast_truthy(TOP())) pc = in.arg;
              else *--sp = Value();
              break;
            case Op::JUMP_IF_TRUE_OR_POP:
              if (fast_truthy(TOP())) pc = in.arg;
              else *--sp = Value();
              break;
            // The eval breaker after a call (CPython checks it after a
            // builtin's; an interpreted callee checked its own).
            case Op::CALL:
              sp = op_call(in.arg, sp, exc);
              if (exc) {
                add_traceback = true;
                fresh = exc.get() != ts.propagating;
                goto exception;
              }
              if (runtime::interrupt_pending()) runtime::handle_interrupt();
              break;
            case Op::CALL_METHOD:
              sp = op_call_method(in.arg, sp, exc);
              if (exc) {
                add_traceback = true;
                fresh = exc.get() != ts.propagating;
                goto exception;
              }
              if (runtime::interrupt_pending()) runtime::handle_interrupt();
              break;
            case Op::CALL_KW:
              sp = op_call_kw(in.arg, sp);
              if (runtime::interrupt_pending()) runtime::handle_interrupt();
              break;
            case Op::CALL_EX:
              sp = op_call_ex(in.arg, sp);
              if (runtime::interrupt_pending()) runtime::handle_interrupt();
              break;
            case Op::MAKE_FUNCTION: sp = op_make_function(f, in.arg, sp); break;
            case Op::BUILD_CLASS: {
              Value keywords = POP();
              Value meta = POP();
              Value base = POP();
              TOP() = build_class(f, co.names[static_cast<std::size_t>(in.arg)], TOP(), base, meta, keywords);
              break;
            }
            case Op::RETURN_VALUE: {
              Value r = POP();
              while (sp > stack_base) *--sp = Value();
              f.sp = sp;
              f.pc = pc;
              return Step{true, std::move(r)};
            }
            case Op::GET_YIELD_FROM_ITER: {
              if (auto* c = TOP().as<runtime::Coroutine>(); c && c->type_name() == "coroutine") {
                if (!(co.flags & (kCoroutine | kIterableCoroutine)))
                  runtime::raise(B.TypeError, "cannot 'yield from' a coroutine object in a non-coroutine generator");
              } else if (auto* fut = TOP().is_object() ? TOP().object()->future_awaitable() : nullptr) {
                // Future.__iter__ is Future.__await__ (_asyncio's future_new_iter).
                TOP() = Value(fut->await_iter());
              } else if (!is_generator(TOP())) {
                TOP() = runtime::iter(TOP());
              }
              break;
            }
            case Op::YIELD_FROM: {
              Value source = POP();
              Ref<Coroutine> it = source.as<runtime::Coroutine>()
                                      ? source.ref<Coroutine>()
                                      : runtime::delegate_to_iterator(std::move(source));
              Step s = it->send_ex(Value(), nullptr, exc);
              if (exc) {  // raised at its first step, as if thrown here
                add_traceback = true;
                fresh = exc.get() != ts.propagating;
                goto exception;
              }
              if (s.done) {
                PUSH(std::move(s.value));
                break;
              }
              f.delegate = std::move(it);
              f.sp = sp;
              f.pc = pc;
              return s;
            }
            case Op::YIELD_VALUE: {
              Value y = POP();
              f.yielded = true;
              f.sp = sp;
              f.pc = pc;
              return Step{false, std::move(y)};
            }
            case Op::RAISE_VARARGS: {
              if (in.arg == 0) {
                PyException* active = ts.handled_exception();
                if (!active) runtime::raise(B.RuntimeError, "No active exception to reraise");
                exc = Ref<PyException>(active);
                add_traceback = false;
                fresh = false;
                goto exception;
              }
              Value cause = in.arg == 2 ? POP() : Value();
              Value v = POP();
              Ref<PyException> e = make_raisable(v, false);
              if (in.arg == 2) {
                e->cause = cause.is_none() ? nullptr : make_raisable(cause, true);
                e->suppress_context = true;
              }
              exc = std::move(e);
              add_traceback = true;
              fresh = true;
              goto exception;
            }
            case Op::RERAISE: {
              Value v = POP();
              exc = v.ref<PyException>();
              add_traceback = false;
              fresh = false;
              goto exception;
            }
            case Op::PUSH_EXC_INFO: {
              Value e = POP();
              ExcStackItem* item = ts.exc_info;
              PUSH(item->exc ? Value(item->exc) : Value());
              item->exc = e.ref<PyException>();
              PUSH(std::move(e));
              break;
            }
            case Op::POP_EXCEPT: {
              Value prev = POP();
              ts.exc_info->exc = prev.ref<PyException>();
              break;
            }
            case Op::CHECK_EXC_MATCH: {
              Value type = POP();
              const bool match = exception_matches(*TOP().as<PyException>(), type);
              PUSH(Value::boolean(match));
              break;
            }
            case Op::CHECK_EG_MATCH: {
              Value type = POP();
              check_except_star_type(type);
              auto [match, rest] = runtime::exception_group_match(TOP(), type);
              if (match.is_none()) {
                PUSH(Value());
                break;
              }
              TOP() = std::move(rest);
              ts.exc_info->exc = match.ref<PyException>();
              PUSH(std::move(match));
              break;
            }
            case Op::PREP_RERAISE_STAR: {
              Value excs = POP();
              Value orig = POP();
              PUSH(runtime::prep_reraise_star(orig, excs));
              break;
            }
            case Op::POP_JUMP_IF_NONE: {
              Value v = POP();
              if (v.is_none()) pc = in.arg;
              break;
            }
            case Op::POP_JUMP_IF_NOT_NONE: {
              Value v = POP();
              if (!v.is_none()) pc = in.arg;
              break;
            }
            case Op::MATCH_PATTERN: {
              const Pattern& pattern = co.patterns[static_cast<std::size_t>(in.arg & 0xffff)];
              const int operands = in.arg >> 16;
              Value bound = match_pattern(pattern, PEEK(operands + 1), std::span<const Value>(sp - operands, sp),
                                          features().match_class_wording);
              for (int i = 0; i <= operands; ++i) *--sp = Value();
              PUSH(std::move(bound));
              break;
            }
            case Op::LOAD_ASSERTION_ERROR: PUSH(Value(B.AssertionError)); break;
            case Op::AWAIT: {
              Value awaitable = POP();
              if (auto* fut = awaitable.is_object() ? awaitable.object()->future_awaitable() : nullptr) {
                if (fut->done()) {
                  Value r = fut->result_raising(exc);
                  if (exc) {
                    add_traceback = true;
                    fresh = exc.get() != ts.propagating;
                    goto exception;
                  }
                  PUSH(std::move(r));
                  break;
                }
                Value y = fut->block();
                f.awaited = std::move(awaitable);
                f.sp = sp;
                f.pc = pc;
                return Step{false, std::move(y)};
              }
              Ref<Coroutine> it = runtime::get_awaitable_iter(awaitable);
              Step s = it->send_ex(Value(), nullptr, exc);
              if (exc) {  // raised at its first step, as if thrown here
                add_traceback = true;
                fresh = exc.get() != ts.propagating;
                goto exception;
              }
              if (s.done) {
                PUSH(std::move(s.value));
                break;
              }
              f.delegate = std::move(it);
              f.sp = sp;
              f.pc = pc;
              return s;
            }
            case Op::GET_AITER:
            case Op::GET_ANEXT: sp = op_async(in.op, sp); break;
            case Op::END_ASYNC_FOR: {
              Value e = POP();
              auto* pe = e.as<PyException>();
              if (pe->isinstance(B.StopAsyncIteration.get())) {
                *--sp = Value();  // the async iterator
                break;
              }
              exc = e.ref<PyException>();
              add_traceback = false;
              fresh = false;
              goto exception;
            }
            case Op::BEFORE_ASYNC_WITH:
            case Op::ASYNC_WITH_EXIT:
            case Op::WITH_EXCEPT_START:
            case Op::BEFORE_WITH:
            case Op::WITH_EXIT:
            case Op::WITH_EXCEPT_EXIT: sp = op_async(in.op, sp); break;
            case Op::IMPORT_NAME:
            case Op::IMPORT_FROM: sp = op_import(co, in, sp); break;
          }
        }
      } catch (PyError& e) {
        exc = std::move(e.exc);
        add_traceback = true;
        fresh = exc.get() != ts.propagating;
      } catch (const std::bad_alloc&) {
        // PyErr_NoMemory: an allocation refused, by the budget or the system.
        exc = runtime::new_exception(B.MemoryError);
        add_traceback = true;
        fresh = true;
      } catch (const std::length_error&) {
        exc = runtime::new_exception(B.MemoryError);
        add_traceback = true;
        fresh = true;
      }

  exception:
    // An exception at instruction pc - 1: chain it, record this frame in
    // its traceback, then jump to the innermost handler or leave the frame.
    {
      const int at = pc > 0 ? pc - 1 : 0;
      if (fresh) set_context(ts, exc.get());
      if (add_traceback) {
        Position pos = breaker_pos ? *breaker_pos : instruction_position(co, at, ts.limits.features);
        breaker_pos.reset();
        if (ts.inlined_exc == exc.get()) {
          pos = ts.inlined_pos;
          ts.inlined_exc = nullptr;
        }
        if ((co.flags & kComprehension) && ts.limits.features.inline_comprehensions) {
          ts.inlined_exc = exc.get();
          ts.inlined_pos = pos;
        } else if (!written_in_c(f)) {
          exc->traceback.push_back(runtime::TracebackEntry{co.source ? co.source->path() : "<string>", pos.line,
                                                           co.name, pos.col, pos.end_line, pos.end_col,
                                                           pos.anchor_left, pos.anchor_right, pos.call_anchors,
                                                           pos.call_statement, {}, {}});
        }
      }
      const int unwind_at = breaker_unwind_at.value_or(at);
      breaker_unwind_at.reset();
      const std::uint16_t h = unwind_at >= 0 ? code[unwind_at].handler : kNoHandler;
      if (h != kNoHandler) {
        const Handler& handler = co.handlers[h];
        Value* base = stack_base + handler.depth;
        while (sp > base) *--sp = Value();
        PUSH(Value(exc));
        exc.reset();
        pc = handler.target;
        ts.propagating = nullptr;
        ts.inlined_exc = nullptr;
        add_traceback = true;
        fresh = true;
        continue;
      }
      keep_frame_values(f, sp, *exc);
      sp = stack_base;
      f.sp = sp;
      f.pc = pc;
      ts.propagating = exc.get();
      raised = std::move(exc);
      return Step{true, Value()};
    }
  }
#undef PUSH
#undef POP
#undef TOP
#undef PEEK
}

}  // namespace asim::lang
