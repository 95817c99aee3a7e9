// PEP 567 context variables (Python/context.c): Context, ContextVar, Token.
// A context maps variables to values; copies share the mapping until one of
// them changes (CPython: an immutable HAMT, here an immutable vector in
// insertion order). One context is current at a time: the event loop runs
// every callback in one (events.Handle._run), each Task in its own.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/runtime/callable.hpp"

namespace asim::runtime {

class ContextVar;

struct ContextVarsData {
  std::vector<std::pair<Ref<ContextVar>, Value>> items;
};
// A context's variables; nullptr when it has none.
using ContextVars = std::shared_ptr<const ContextVarsData>;

class Context : public Object {
 public:
  explicit Context(ContextVars vars = nullptr) : vars_(std::move(vars)) {}
  std::string_view type_name() const override { return "Context"; }
  std::string repr() const override;

  // Context.run: the call runs with this context current (RuntimeError when
  // it already is, anywhere up the stack).
  Value run(const Value& callable, std::span<const Value> args, std::span<const Keyword> kwargs = {});
  // _PyContext_Enter / _PyContext_Exit around a scope, for the loop's own
  // calls (Handle._run).
  class Scope {
   public:
    explicit Scope(Context& ctx);
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;
    ~Scope();

   private:
    Context& ctx_;
    Ref<Object> outer_;
  };
  // Context.copy / copy_context(): a new context with the same variables.
  Ref<Context> copy() const { return make<Context>(vars_); }

  std::optional<Value> get(const ContextVar& var) const;
  void set(const Ref<ContextVar>& var, Value value);
  void remove(const ContextVar& var);
  const ContextVars& vars() const { return vars_; }
  std::size_t size() const { return vars_ ? vars_->items.size() : 0; }

 private:
  ContextVars vars_;
  bool entered_ = false;
};

// The context that is current (contextvars.copy_context() copies it); the
// run's first context is made on first use.
Context& current_context();
Ref<Context> copy_context();

class Token;

class ContextVar : public Object {
 public:
  ContextVar(std::string name, std::optional<Value> default_value)
      : name(std::move(name)), default_value(std::move(default_value)) {}
  std::string_view type_name() const override { return "ContextVar"; }
  std::string repr() const override;

  // ContextVar.get: the current context's value, else `fallback`, else the
  // variable's default; LookupError otherwise.
  Value get(const std::optional<Value>& fallback) const;
  Ref<Token> set(Value value);
  void reset(Token& token);

  const std::string name;
  const std::optional<Value> default_value;
};

class Token : public Object {
 public:
  Token(Ref<Context> context, Ref<ContextVar> var, std::optional<Value> old_value)
      : context(std::move(context)), var(std::move(var)), old_value(std::move(old_value)) {}
  std::string_view type_name() const override { return "Token"; }
  std::string repr() const override;

  const Ref<Context> context;
  const Ref<ContextVar> var;
  const std::optional<Value> old_value;  // nullopt: Token.MISSING
  bool used = false;
};

}  // namespace asim::runtime
