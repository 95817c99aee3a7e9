// The `dataclasses` module (Lib/dataclasses.py), the common part: @dataclass
// (plain or with init/repr/eq) over the class's annotations, field() with a
// default or a default_factory, asdict(). The options that change a class
// further (frozen, order, slots, kw_only) are refused as not modelled.
#include <fmt/format.h>

#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"

namespace asim::modules {

using runtime::builtins;
using runtime::Ref;
using runtime::Value;

namespace {

// dataclasses.Field: what field(...) returns, read when the class is made.
class FieldObject : public runtime::Object {
 public:
  FieldObject(Value default_value, Value default_factory)
      : default_value(std::move(default_value)), default_factory(std::move(default_factory)) {}
  std::string_view type_name() const override { return "Field"; }
  Value default_value;    // null: MISSING
  Value default_factory;  // null: MISSING
};

// The absent default (dataclasses.MISSING); a fresh object compared by identity.
class Missing : public runtime::Object {
 public:
  std::string_view type_name() const override { return "_MISSING_TYPE"; }
  std::string repr() const override { return "<dataclasses._MISSING_TYPE object at " + address_text() + ">"; }
};

struct Field {
  std::string name;
  Value default_value;    // unset: none
  Value default_factory;  // unset: none
  bool has_default = false;
  bool has_factory = false;
};

struct Options {
  bool init = true, repr = true, eq = true;
};

std::vector<Field> class_fields(runtime::Type& cls, const Value& missing) {
  std::vector<Field> fields;
  auto ann = cls.dict.find("__annotations__");
  if (ann == cls.dict.end()) return fields;
  auto* dict = ann->second.as<runtime::Dict>();
  if (!dict) return fields;
  for (const auto& key : runtime::to_vector(ann->second)) {
    Field f;
    f.name = runtime::to_str(key);
    auto it = cls.dict.find(f.name);
    if (it != cls.dict.end()) {
      if (auto* fo = it->second.as<FieldObject>()) {
        f.has_default = !fo->default_value.is(missing);
        f.has_factory = !fo->default_factory.is(missing);
        f.default_value = fo->default_value;
        f.default_factory = fo->default_factory;
        // The class attribute is the default, or nothing.
        if (f.has_default) it->second = f.default_value;
        else cls.dict.erase(it);
      } else {
        f.has_default = true;
        f.default_value = it->second;
      }
    }
    fields.push_back(std::move(f));
  }
  return fields;
}

void add_init(runtime::Type& cls, const std::vector<Field>& fields, const asyncio::VersionProfile& profile) {
  std::vector<Param> params{pos("self")};
  const Value factory_marker(runtime::make<Missing>());
  for (const auto& f : fields) {
    if (f.has_default) params.push_back(opt(f.name, f.default_value));
    else if (f.has_factory) params.push_back(opt(f.name, factory_marker));
    else params.push_back(pos(f.name));
  }
  // Argument errors name the method as CPython's generated __init__ does.
  const std::string name = profile.qualname_in_call_errors ? cls.name + ".__init__" : "__init__";
  auto body = [fields, factory_marker](const Bound& b) {
    for (std::size_t i = 0; i < fields.size(); ++i) {
      Value v = b[i + 1];
      if (fields[i].has_factory && v.is(factory_marker)) v = runtime::call(fields[i].default_factory, {});
      runtime::setattr(b[0], fields[i].name, std::move(v));
    }
    return Value::none();
  };
  cls.dict["__init__"] = Value(runtime::make<BuiltinFunction>(cls.name + ".__init__", Signature(name, params), body));
}

void add_repr(runtime::Type& cls, const std::vector<Field>& fields) {
  cls.dict["__repr__"] = Value(function(cls.name + ".__repr__", {pos("self")}, [fields](const Bound& b) {
    std::string out = runtime::type_of(b[0])->qualname + "(";
    for (std::size_t i = 0; i < fields.size(); ++i)
      out += fmt::format("{}{}={}", i ? ", " : "", fields[i].name, runtime::repr(runtime::getattr(b[0], fields[i].name)));
    return Value::str(out + ")");
  }));
}

// __eq__: the fields as tuples, for an instance of the very same class.
void add_eq(runtime::Type& cls, const std::vector<Field>& fields) {
  auto as_tuple = [fields](const Value& obj) {
    std::vector<Value> items;
    for (const auto& f : fields) items.push_back(runtime::getattr(obj, f.name));
    return Value(runtime::make_tuple(std::move(items)));
  };
  cls.dict["__eq__"] = Value(function(cls.name + ".__eq__", {pos("self"), pos("other")}, [as_tuple](const Bound& b) {
    if (runtime::type_of(b[1]).get() != runtime::type_of(b[0]).get())
      return runtime::Runtime::current().types.NotImplemented;
    return runtime::compare(runtime::CmpOp::Eq, as_tuple(b[0]), as_tuple(b[1]));
  }));
  // eq without frozen: instances are unhashable.
  cls.dict["__hash__"] = Value::none();
}

Value process(const Value& cls_value, const Options& options, const asyncio::VersionProfile& profile,
              const Value& missing) {
  auto* cls = cls_value.as<runtime::Type>();
  if (!cls) runtime::raise(builtins().TypeError, "asim: @dataclass applies to a class");
  const auto fields = class_fields(*cls, missing);
  const Field* last_default = nullptr;
  for (const auto& f : fields) {
    if (f.has_default || f.has_factory) {
      last_default = &f;
    } else if (last_default) {
      runtime::raise(builtins().TypeError,
                     profile.dataclass_error_names_default
                         ? fmt::format("non-default argument '{}' follows default argument '{}'", f.name,
                                       last_default->name)
                         : fmt::format("non-default argument '{}' follows default argument", f.name));
    }
  }
  if (options.init) add_init(*cls, fields, profile);
  if (options.repr) add_repr(*cls, fields);
  if (options.eq) add_eq(*cls, fields);
  return cls_value;
}

// asdict: dataclass instances become dicts, recursively, also inside lists;
// other values are kept as they are (CPython deep-copies them).
Value as_dict_value(const Value& v) {
  auto type = runtime::type_of(v);
  if (type->dict.count("__dataclass_fields_order__")) {
    auto out = runtime::make_dict();
    for (const auto& name : runtime::to_vector(type->dict["__dataclass_fields_order__"]))
      runtime::setitem(Value(out), name, as_dict_value(runtime::getattr(v, runtime::to_str(name))));
    return Value(out);
  }
  if (auto* l = v.as<runtime::List>()) {
    std::vector<Value> items;
    for (const auto& item : l->items) items.push_back(as_dict_value(item));
    return runtime::make_list(std::move(items));
  }
  return v;
}

}  // namespace

runtime::Ref<runtime::Module> make_dataclasses_module(Session& session) {
  auto m = runtime::make<runtime::Module>("dataclasses");
  const auto& profile = session.profile();
  const Value missing(runtime::make<Missing>());
  m->dict["MISSING"] = missing;
  m->dict["field"] = Value(function("field", {kwonly("default", missing), kwonly("default_factory", missing)},
                                    [](const Bound& b) { return Value(runtime::make<FieldObject>(b[0], b[1])); }));
  auto decorate = [&profile, missing](const Value& cls, const Options& options) {
    Value done = process(cls, options, profile, missing);
    // What asdict() reads: the field names, in order.
    auto* type = done.as<runtime::Type>();
    std::vector<Value> names;
    for (const auto& key : runtime::to_vector(type->dict.count("__annotations__") ? type->dict["__annotations__"]
                                                                                   : Value(runtime::make_dict())))
      names.push_back(key);
    // 3.10+ (with the match statement): __match_args__, the __init__ fields.
    if (profile.syntax.match_statement && !type->dict.count("__match_args__")) type->dict["__match_args__"] = runtime::make_tuple(names);
    type->dict["__dataclass_fields_order__"] = runtime::make_tuple(std::move(names));
    return done;
  };
  m->dict["dataclass"] = Value(function(
      "dataclass",
      {opt("cls"), kwonly("init", Value::boolean(true)), kwonly("repr", Value::boolean(true)),
       kwonly("eq", Value::boolean(true)), kwonly("order", Value::boolean(false)),
       kwonly("frozen", Value::boolean(false)), kwonly("slots", Value::boolean(false)),
       kwonly("kw_only", Value::boolean(false))},
      [decorate](const Bound& b) -> Value {
        for (std::size_t i = 4; i <= 7; ++i)
          if (runtime::truthy(b[i]))
            not_modelled("@dataclass(order=, frozen=, slots=, kw_only=)", "only init, repr and eq are modelled");
        const Options options{runtime::truthy(b[1]), runtime::truthy(b[2]), runtime::truthy(b[3])};
        if (!b[0].is_none()) return decorate(b[0], options);
        return Value(function("dataclass.<locals>.wrap", {pos("cls")},
                              [decorate, options](const Bound& w) { return decorate(w[0], options); }));
      }));
  m->dict["asdict"] = Value(function("asdict", {pos("obj")}, [](const Bound& b) { return as_dict_value(b[0]); }));
  return m;
}

}  // namespace asim::modules
