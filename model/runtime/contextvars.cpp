#include "model/runtime/contextvars.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/errors.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {

// Where `var` is among `vars`' items, or nullptr.
const std::pair<Ref<ContextVar>, Value>* find(const ContextVars& vars, const ContextVar& var) {
  if (!vars) return nullptr;
  for (const auto& item : vars->items)
    if (item.first.get() == &var) return &item;
  return nullptr;
}

}  // namespace

std::string Context::repr() const {
  return fmt::format("<{} object at {}>", type_of(Value(Ref<Context>(const_cast<Context*>(this))))->qualified_name(),
                     address_text());
}

// _PyContext_Enter
Context::Scope::Scope(Context& ctx) : ctx_(ctx) {
  if (ctx.entered_) throw_runtime_error(fmt::format("cannot enter context: {} is already entered", ctx.repr()));
  current_context();  // the outer context exists before this one is entered
  outer_ = std::exchange(Runtime::current().context, Ref<Object>(&ctx));
  ctx.entered_ = true;
}

// _PyContext_Exit
Context::Scope::~Scope() {
  ctx_.entered_ = false;
  Runtime::current().context = std::move(outer_);
}

// context_run
Value Context::run(const Value& callable, std::span<const Value> args, std::span<const Keyword> kwargs) {
  Scope scope(*this);
  return call(callable, args, kwargs);
}

std::optional<Value> Context::get(const ContextVar& var) const {
  if (auto* item = find(vars_, var)) return item->second;
  return std::nullopt;
}

// The mapping never changes in place: copies of this context share it.
void Context::set(const Ref<ContextVar>& var, Value value) {
  auto next = std::make_shared<ContextVarsData>(vars_ ? *vars_ : ContextVarsData{});
  auto it = std::find_if(next->items.begin(), next->items.end(), [&](const auto& i) { return i.first == var; });
  if (it != next->items.end()) it->second = std::move(value);
  else next->items.emplace_back(var, std::move(value));
  vars_ = std::move(next);
}

void Context::remove(const ContextVar& var) {
  if (!find(vars_, var)) return;
  auto next = std::make_shared<ContextVarsData>();
  for (const auto& item : vars_->items)
    if (item.first.get() != &var) next->items.push_back(item);
  vars_ = next->items.empty() ? nullptr : ContextVars(std::move(next));
}

Context& current_context() {
  auto& rt = Runtime::current();
  if (!rt.context) {
    Heap::LibraryScope library;  // the program's fake addresses stay where they were
    rt.context = make<Context>();
  }
  return static_cast<Context&>(*rt.context);
}

// The loop copies the context for every callback and task it makes: those
// copies take fake addresses of their own, so the program's do not move.
Ref<Context> copy_context() {
  Heap::LibraryScope library;
  return current_context().copy();
}

std::string ContextVar::repr() const {
  std::string out = "<ContextVar name=" + runtime::repr(Value::str(name));
  if (default_value) out += " default=" + runtime::repr(*default_value);
  return out + " at " + address_text() + ">";
}

// contextvar_get
Value ContextVar::get(const std::optional<Value>& fallback) const {
  if (auto v = current_context().get(*this)) return *v;
  if (fallback) return *fallback;
  if (default_value) return *default_value;
  throw PyError{make<PyException>(Runtime::current().builtins.LookupError,
                                  std::vector<Value>{Value(Ref<ContextVar>(const_cast<ContextVar*>(this)))})};
}

// contextvar_set
Ref<Token> ContextVar::set(Value value) {
  Context& ctx = current_context();
  Ref<ContextVar> self(this);
  auto token = make<Token>(Ref<Context>(&ctx), self, ctx.get(*this));
  ctx.set(self, std::move(value));
  return token;
}

// contextvar_reset
void ContextVar::reset(Token& token) {
  if (token.used) throw_runtime_error(fmt::format("{} has already been used once", token.repr()));
  if (token.var.get() != this) throw_value_error(fmt::format("{} was created by a different ContextVar", token.repr()));
  Context& ctx = current_context();
  if (token.context.get() != &ctx) throw_value_error(fmt::format("{} was created in a different Context", token.repr()));
  token.used = true;
  if (token.old_value) ctx.set(Ref<ContextVar>(this), *token.old_value);
  else ctx.remove(*this);
}

std::string Token::repr() const {
  return fmt::format("<Token{} var={} at {}>", used ? " used" : "", var->repr(), address_text());
}

}  // namespace asim::runtime
