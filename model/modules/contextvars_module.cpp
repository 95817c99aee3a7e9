// The `contextvars` module (Lib/contextvars.py re-exports _contextvars):
// ContextVar, Token, Context and copy_context over model/runtime/contextvars.
#include <fmt/format.h>

#include "model/modules/asyncio_types.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/contextvars.hpp"
#include "model/runtime/generic_alias.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::Context;
using runtime::ContextVar;
using runtime::make;
using runtime::Ref;
using runtime::Token;
using runtime::Type;
using runtime::Value;

namespace {

[[noreturn]] void type_error(std::string message) {
  runtime::raise(runtime::builtins().TypeError, std::move(message));
}

// Token.MISSING: the old_value of a token whose variable had no value.
class TokenMissing : public runtime::Object {
 public:
  std::string_view type_name() const override { return "Token.MISSING"; }
  std::string repr() const override { return "<Token.MISSING>"; }
};

// A Context's key: a ContextVar, else CPython's TypeError.
ContextVar& var_key(const Value& key) {
  auto* var = key.as<ContextVar>();
  if (!var) type_error("a ContextVar key was expected, got " + runtime::to_repr(key));
  return *var;
}

Value list_of(const Context& ctx, int what) {
  std::vector<Value> out;
  if (ctx.vars())
    for (const auto& [var, value] : ctx.vars()->items) {
      if (what == 0) out.emplace_back(var);
      else if (what == 1) out.push_back(value);
      else out.push_back(runtime::make_tuple({Value(var), value}));
    }
  return runtime::make_list(std::move(out));
}

// context_run's arguments: the callable, then what it is called with.
Value context_run(std::span<const Value> args, std::span<const runtime::Keyword> kwargs) {
  if (args.size() < 2) type_error("run() missing 1 required positional argument");
  auto* ctx = args[0].as<Context>();
  return ctx->run(args[1], args.subspan(2), kwargs);
}

void add_context_methods(Type& t, const asyncio::VersionProfile& profile) {
  t.add_method("run", runtime::builtin_function("run", context_run, "Context"));
  t.add_method("copy", c_method<Context>(profile, "Context.copy", {}, [](Context& c, const Bound&) {
                 return Value(c.copy());
               }));
  t.add_method("get", method<Context>("Context.get", {pos("key"), opt("default")}, [](Context& c, const Bound& b) {
                 auto v = c.get(var_key(b[1]));
                 return v ? *v : b[2];
               }));
  t.add_method("__getitem__", method<Context>("Context.__getitem__", {pos("key")}, [](Context& c, const Bound& b) {
                 auto v = c.get(var_key(b[1]));
                 if (!v) throw runtime::PyError{make<runtime::PyException>(runtime::builtins().KeyError, std::vector<Value>{b[1]})};
                 return *v;
               }));
  t.add_method("__contains__", method<Context>("Context.__contains__", {pos("key")}, [](Context& c, const Bound& b) {
                 return Value::boolean(c.get(var_key(b[1])).has_value());
               }));
  t.add_method("__len__", method<Context>("Context.__len__", {}, [](Context& c, const Bound&) {
                 return Value::integer(static_cast<std::int64_t>(c.size()));
               }));
  t.add_method("__iter__", method<Context>("Context.__iter__", {}, [](Context& c, const Bound&) {
                 return runtime::iter(list_of(c, 0));
               }));
  t.add_method("keys", c_method<Context>(profile, "Context.keys", {}, [](Context& c, const Bound&) { return list_of(c, 0); }));
  t.add_method("values",
               c_method<Context>(profile, "Context.values", {}, [](Context& c, const Bound&) { return list_of(c, 1); }));
  t.add_method("items",
               c_method<Context>(profile, "Context.items", {}, [](Context& c, const Bound&) { return list_of(c, 2); }));
}

void add_contextvar_methods(Type& t, const asyncio::VersionProfile& profile) {
  // ContextVar.get(default): the sentinel tells "no default" from None.
  t.add_method("get", runtime::builtin_function(
                          "get",
                          [](std::span<const Value> a, std::span<const runtime::Keyword> kw) {
                            if (!kw.empty()) type_error("get() takes no keyword arguments");
                            if (a.size() > 2) type_error(fmt::format("get expected at most 1 argument, got {}", a.size() - 1));
                            std::optional<Value> fallback;
                            if (a.size() == 2) fallback = a[1];
                            return a[0].as<ContextVar>()->get(fallback);
                          },
                          "ContextVar"));
  t.add_method("set", method<ContextVar>("ContextVar.set", {pos("value")}, [](ContextVar& v, const Bound& b) {
                 return Value(v.set(b[1]));
               }));
  t.add_method("reset", method<ContextVar>("ContextVar.reset", {pos("token")}, [](ContextVar& v, const Bound& b) {
                 auto* token = b[1].as<Token>();
                 if (!token) type_error("expected an instance of Token, got " + runtime::to_repr(b[1]));
                 v.reset(*token);
                 return Value::none();
               }));
  t.add_getter("name", [](const Value& self) { return Value::str(self.as<ContextVar>()->name); });
  // 3.9+: ContextVar[int] is a generic alias; 3.7-3.8 give the class back.
  if (profile.generic_alias_classes) {
    t.dict["__class_getitem__"] = runtime::class_getitem_generic_alias();
  } else {
    Type* type = &t;
    t.dict["__class_getitem__"] = Value(runtime::builtin_function(
        "__class_getitem__", [type](std::span<const Value> a, std::span<const runtime::Keyword>) {
          if (a.size() != 2) type_error("__class_getitem__() takes exactly one argument");
          return Value(Ref<Type>(type));
        }));
  }
}

}  // namespace

Ref<runtime::Module> make_contextvars_module(Session& session) {
  const auto& profile = session.profile();
  auto m = make<runtime::Module>("contextvars");
  const auto object_type = runtime::Runtime::current().types.object;
  // 3.7-3.9 name the classes without a module, as builtins.
  const std::string module = profile.contextvars_types_in_private_module ? "_contextvars" : "builtins";

  auto context = make<Type>(module, "Context", object_type);
  add_context_methods(*context, profile);
  context->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const runtime::Keyword> kw) {
    if (!a.empty() || !kw.empty()) type_error("Context() does not accept any arguments");
    return Value(make<Context>());
  };
  runtime::register_type(typeid(Context), context);

  auto var = make<Type>(module, "ContextVar", object_type);
  add_contextvar_methods(*var, profile);
  var->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const runtime::Keyword> kw) {
    std::optional<Value> default_value;
    for (const auto& k : kw) {
      if (k.name != "default") type_error(fmt::format("'{}' is an invalid keyword argument for ContextVar()", k.name));
      default_value = k.value;
    }
    if (a.size() != 1) type_error(fmt::format("ContextVar() takes exactly 1 positional argument ({} given)", a.size()));
    auto* name = a[0].as<runtime::Str>();
    if (!name) type_error("context variable name must be a str");
    return Value(make<ContextVar>(name->text, std::move(default_value)));
  };
  runtime::register_type(typeid(ContextVar), var);

  auto token = make<Type>(module, "Token", object_type);
  token->add_getter("var", [](const Value& self) { return Value(self.as<Token>()->var); });
  // Token.MISSING: one marker object, as the class attribute.
  Value marker(make<TokenMissing>());
  token->dict["MISSING"] = marker;
  token->add_getter("old_value", [marker](const Value& self) {
    const auto& old = self.as<Token>()->old_value;
    return old ? *old : marker;
  });
  token->constructor = [](const Ref<Type>&, std::span<const Value>, std::span<const runtime::Keyword>) -> Value {
    throw runtime::PyError{make<runtime::PyException>(runtime::builtins().RuntimeError,
                                                      std::vector<Value>{Value::str("Tokens can only be created by ContextVars")})};
  };
  runtime::register_type(typeid(Token), token);

  m->dict["Context"] = Value(context);
  m->dict["ContextVar"] = Value(var);
  m->dict["Token"] = Value(token);
  m->dict["copy_context"] = Value(function("copy_context", {}, [](const Bound&) { return Value(runtime::copy_context()); }));
  return m;
}

}  // namespace asim::modules
