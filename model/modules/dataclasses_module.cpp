// The `dataclasses` module (Lib/dataclasses.py), the common part: @dataclass
// (init, repr, eq, order, frozen) over the class's annotations, field() with
// a default or a default_factory and init/repr/compare, __post_init__,
// asdict(), astuple(). slots= and kw_only= are refused as not modelled.
#include <fmt/format.h>

#include <algorithm>

#include "model/lang/library.hpp"
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
  FieldObject(Value default_value, Value default_factory, bool init, bool repr, bool compare)
      : default_value(std::move(default_value)),
        default_factory(std::move(default_factory)),
        init(init),
        repr(repr),
        compare(compare) {}
  std::string_view type_name() const override { return "Field"; }
  Value default_value;    // null: MISSING
  Value default_factory;  // null: MISSING
  bool init, repr, compare;
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
  bool init = true, repr = true, compare = true;
};

struct Options {
  bool init = true, repr = true, eq = true, order = false, frozen = false;
};

// The fields a processed class keeps for its subclasses (CPython's
// __dataclass_fields__), under the name dir() knows (dir.cpp).
constexpr const char* kFieldsKey = "__dataclass_fields_order__";
class FieldsRecord : public runtime::Object {
 public:
  explicit FieldsRecord(std::vector<Field> fields) : fields(std::move(fields)) {}
  std::string_view type_name() const override { return "dict"; }
  const std::vector<Field> fields;
};

const FieldsRecord* fields_record(const runtime::Type& cls) {
  auto it = cls.dict.find(kFieldsKey);
  return it == cls.dict.end() ? nullptr : it->second.as<FieldsRecord>();
}

// _is_classvar: `ClassVar` or `ClassVar[...]`, or such a string annotation.
bool is_classvar(const Value& annotation) {
  if (auto* s = annotation.as<runtime::Str>())
    return s->text.starts_with("ClassVar") || s->text.starts_with("typing.ClassVar");
  auto is_form = [](const Value& v) {
    return runtime::type_name(v) == "_SpecialForm" && runtime::to_repr(v) == "typing.ClassVar";
  };
  if (is_form(annotation)) return true;
  if (runtime::type_name(annotation) != "_GenericAlias") return false;
  auto origin = runtime::getattr_opt(annotation, "__origin__");
  return origin && is_form(*origin);
}

// _process_class: the bases' fields, from the farthest base along the MRO,
// then the class's own annotations (a redefined field keeps its place).
std::vector<Field> class_fields(runtime::Type& cls, const Value& missing) {
  std::vector<Field> fields;
  auto put = [&fields](Field f) {
    auto same = std::find_if(fields.begin(), fields.end(), [&](const Field& g) { return g.name == f.name; });
    if (same != fields.end()) *same = std::move(f);
    else fields.push_back(std::move(f));
  };
  const auto& mro = cls.ancestors();
  for (auto b = mro.rbegin(); b != mro.rend(); ++b)
    if (const FieldsRecord* record = fields_record(**b))
      for (const auto& f : record->fields) put(f);
  auto ann = cls.dict.find("__annotations__");
  if (ann == cls.dict.end()) return fields;
  auto* dict = ann->second.as<runtime::Dict>();
  if (!dict) return fields;
  for (const auto& key : runtime::to_vector(ann->second)) {
    if (is_classvar(runtime::getitem(ann->second, key))) continue;
    Field f;
    f.name = runtime::to_str(key);
    auto it = cls.dict.find(f.name);
    if (it != cls.dict.end()) {
      if (auto* fo = it->second.as<FieldObject>()) {
        f.has_default = !fo->default_value.is(missing);
        f.has_factory = !fo->default_factory.is(missing);
        f.default_value = fo->default_value;
        f.default_factory = fo->default_factory;
        f.init = fo->init;
        f.repr = fo->repr;
        f.compare = fo->compare;
        // The class attribute is the default, or nothing.
        if (f.has_default) it->second = f.default_value;
        else cls.dict.erase(it);
      } else {
        f.has_default = true;
        f.default_value = it->second;
      }
    }
    put(std::move(f));
  }
  return fields;
}

// _init_fn: a parameter per init field; a field left out of __init__ gets
// its default there; a frozen class's fields are set past its __setattr__;
// __post_init__ runs last.
void add_init(runtime::Type& cls, const std::vector<Field>& fields, const Options& options,
              const asyncio::VersionProfile& profile) {
  std::vector<Param> params{pos("self")};
  const Value factory_marker(runtime::make<Missing>());
  for (const auto& f : fields) {
    if (!f.init) continue;
    if (f.has_default) params.push_back(opt(f.name, f.default_value));
    else if (f.has_factory) params.push_back(opt(f.name, factory_marker));
    else params.push_back(pos(f.name));
  }
  // Argument errors name the method as CPython's generated __init__ does.
  const std::string name = profile.language.qualname_in_call_errors ? cls.name + ".__init__" : "__init__";
  auto body = [fields, factory_marker, frozen = options.frozen](const Bound& b) {
    std::size_t arg = 1;
    for (const auto& f : fields) {
      Value v;
      if (f.init) v = b[arg++];
      else if (f.has_factory) v = factory_marker;
      else if (f.has_default) v = f.default_value;
      else continue;
      if (f.has_factory && v.is(factory_marker)) v = runtime::call(f.default_factory, {});
      if (frozen) runtime::object_setattr(b[0], f.name, std::move(v));
      else runtime::setattr(b[0], f.name, std::move(v));
    }
    if (auto post_init = runtime::getattr_opt(b[0], "__post_init__")) runtime::call(*post_init, {});
    return Value::none();
  };
  cls.dict["__init__"] = Value(runtime::make<BuiltinFunction>(cls.name + ".__init__", Signature(name, params), body));
}

void add_repr(runtime::Type& cls, const std::vector<Field>& fields) {
  cls.dict["__repr__"] = Value(function(cls.name + ".__repr__", {pos("self")}, [fields](const Bound& b) {
    std::string out = runtime::type_of(b[0])->qualname + "(";
    bool first = true;
    for (const auto& f : fields) {
      if (!f.repr) continue;
      out += fmt::format("{}{}={}", first ? "" : ", ", f.name, runtime::to_repr(runtime::getattr(b[0], f.name)));
      first = false;
    }
    return Value::str(out + ")");
  }));
}

// The compared fields' values as a tuple (_tuple_str).
std::function<Value(const Value&)> compared_tuple(const std::vector<Field>& fields) {
  return [fields](const Value& obj) {
    std::vector<Value> items;
    for (const auto& f : fields)
      if (f.compare) items.push_back(runtime::getattr(obj, f.name));
    return Value(runtime::make_tuple(std::move(items)));
  };
}

// _cmp_fn: the compared fields as tuples, for an instance of the very same class.
void add_comparison(runtime::Type& cls, const std::vector<Field>& fields, const char* dunder, runtime::CmpOp op) {
  auto as_tuple = compared_tuple(fields);
  cls.dict[dunder] = Value(function(cls.name + "." + dunder, {pos("self"), pos("other")}, [as_tuple, op](const Bound& b) {
    if (runtime::type_of(b[1]).get() != runtime::type_of(b[0]).get())
      return runtime::Runtime::current().types.NotImplemented;
    return runtime::compare(op, as_tuple(b[0]), as_tuple(b[1]));
  }));
}

// _hash_action: eq and frozen hash the compared fields; eq alone makes
// instances unhashable, unless the class body defines __hash__.
void set_hash(runtime::Type& cls, const std::vector<Field>& fields, const Options& options, bool own_hash) {
  if (!options.eq || own_hash) return;
  if (!options.frozen) {
    cls.dict["__hash__"] = Value::none();
    return;
  }
  auto as_tuple = compared_tuple(fields);
  cls.dict["__hash__"] = Value(function(cls.name + ".__hash__", {pos("self")}, [as_tuple](const Bound& b) {
    return Value::integer(runtime::py_hash(as_tuple(b[0])));
  }));
}

// _frozen_get_del_attr: assigning or deleting a field raises FrozenInstanceError.
void add_frozen(runtime::Type& cls, const std::vector<Field>& fields, const Value& error) {
  std::vector<std::string> names;
  for (const auto& f : fields) names.push_back(f.name);
  const Ref<runtime::Type> self_cls(&cls);
  auto guard = [names, self_cls, error](const Value& obj, const std::string& name, const char* what) {
    if (runtime::type_of(obj).get() == self_cls.get() || std::find(names.begin(), names.end(), name) != names.end()) {
      const Value message = Value::str(fmt::format("cannot {} field {}", what, runtime::repr(Value::str(name))));
      throw runtime::PyError{Ref<runtime::PyException>(runtime::call(error, std::span<const Value>(&message, 1)).as<runtime::PyException>())};
    }
  };
  cls.dict["__setattr__"] = Value(function(cls.name + ".__setattr__", {pos("self"), pos("name"), pos("value")},
                                           [guard](const Bound& b) {
                                             const std::string name = runtime::to_str(b[1]);
                                             guard(b[0], name, "assign to");
                                             runtime::object_setattr(b[0], name, b[2]);
                                             return Value::none();
                                           }));
  cls.dict["__delattr__"] = Value(function(cls.name + ".__delattr__", {pos("self"), pos("name")}, [guard](const Bound& b) {
    const std::string name = runtime::to_str(b[1]);
    guard(b[0], name, "delete");
    runtime::object_delattr(b[0], name);
    return Value::none();
  }));
}

Value process(const Value& cls_value, const Options& options, const asyncio::VersionProfile& profile,
              const Value& missing, const Value& frozen_error) {
  auto* cls = cls_value.as<runtime::Type>();
  if (!cls) runtime::raise(builtins().TypeError, "asim: @dataclass applies to a class");
  if (options.order && !options.eq) runtime::raise(builtins().ValueError, "eq must be true if order is true");
  const bool own_hash = cls->dict.count("__hash__") > 0;
  const auto fields = class_fields(*cls, missing);
  const Field* last_default = nullptr;
  for (const auto& f : fields) {
    if (!f.init) continue;
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
  if (options.init) add_init(*cls, fields, options, profile);
  if (options.repr) add_repr(*cls, fields);
  if (options.eq) add_comparison(*cls, fields, "__eq__", runtime::CmpOp::Eq);
  if (options.order) {
    for (const char* name : {"__lt__", "__le__", "__gt__", "__ge__"})
      if (cls->dict.count(name))
        runtime::raise(builtins().TypeError,
                       fmt::format("Cannot overwrite attribute {} in class {}. Consider using functools.total_ordering",
                                   name, cls->name));
    add_comparison(*cls, fields, "__lt__", runtime::CmpOp::Lt);
    add_comparison(*cls, fields, "__le__", runtime::CmpOp::LtE);
    add_comparison(*cls, fields, "__gt__", runtime::CmpOp::Gt);
    add_comparison(*cls, fields, "__ge__", runtime::CmpOp::GtE);
  }
  if (options.frozen) add_frozen(*cls, fields, frozen_error);
  set_hash(*cls, fields, options, own_hash);
  // 3.10+ (with the match statement): __match_args__, the __init__ fields.
  if (profile.language.syntax.match_statement && !cls->dict.count("__match_args__")) {
    std::vector<Value> names;
    for (const auto& f : fields)
      if (f.init) names.push_back(Value::str(f.name));
    cls->dict["__match_args__"] = runtime::make_tuple(std::move(names));
  }
  cls->dict[kFieldsKey] = Value(runtime::make<FieldsRecord>(fields));
  return cls_value;
}

// _asdict_inner / _astuple_inner: a dataclass instance becomes its fields'
// values through `factory` (a list of (name, value) pairs for asdict, of
// values for astuple; nullopt: dict/tuple), recursively also inside lists,
// tuples, namedtuples and dicts; any other value is copy.deepcopy'd.
Value as_inner(const Value& v, bool as_dict, const std::optional<Value>& factory) {
  const auto& types = runtime::Runtime::current().types;
  const Ref<runtime::Type> type = runtime::type_of(v);
  auto inner = [&](const Value& item) { return as_inner(item, as_dict, factory); };
  if (const FieldsRecord* record = fields_record(*type)) {
    std::vector<Value> parts;
    for (const auto& f : record->fields) {
      Value value = inner(runtime::getattr(v, f.name));
      parts.push_back(as_dict ? runtime::make_tuple({Value::str(f.name), std::move(value)}) : std::move(value));
    }
    if (factory) {
      const Value arg[] = {runtime::make_list(std::move(parts))};
      return runtime::call(*factory, arg);
    }
    if (!as_dict) return runtime::make_tuple(std::move(parts));
    Value out = runtime::make_dict();
    for (const auto& pair : parts) {
      const auto& kv = pair.as<runtime::Tuple>()->items;
      runtime::setitem(out, kv[0], kv[1]);
    }
    return out;
  }
  if (auto* t = v.as<runtime::Tuple>(); t && runtime::getattr_opt(v, "_fields")) {
    std::vector<Value> items;
    for (const auto& item : t->items) items.push_back(inner(item));
    return runtime::call(Value(type), items);
  }
  if (auto* l = v.as<runtime::List>(); l && type == types.list) {
    std::vector<Value> items;
    for (const auto& item : l->items) items.push_back(inner(item));
    return runtime::make_list(std::move(items));
  }
  if (auto* t = v.as<runtime::Tuple>(); t && type == types.tuple) {
    std::vector<Value> items;
    for (const auto& item : t->items) items.push_back(inner(item));
    return runtime::make_tuple(std::move(items));
  }
  if (type == types.dict) {
    Value out = runtime::make_dict();
    for (const auto& key : runtime::to_vector(v)) runtime::setitem(out, inner(key), inner(runtime::getitem(v, key)));
    return out;
  }
  if (runtime::isinstance(v, types.list.get()) || runtime::isinstance(v, types.tuple.get()) ||
      runtime::isinstance(v, types.dict.get()))
    not_modelled(fmt::format("{}() of a {} field", as_dict ? "asdict" : "astuple", type->name),
                 "asim converts fields of list, tuple, namedtuple and dict only");
  const Value copy = runtime::getattr(Value(lang::import_module("copy")), "deepcopy");
  const Value arg[] = {v};
  return runtime::call(copy, arg);
}

// asdict(obj, *, dict_factory=dict) and astuple(obj, *, tuple_factory=tuple).
Value as_dataclass_value(const Bound& b, bool as_dict) {
  if (!fields_record(*runtime::type_of(b[0])))
    runtime::raise(builtins().TypeError,
                   fmt::format("{}() should be called on dataclass instances", as_dict ? "asdict" : "astuple"));
  std::optional<Value> factory;
  if (!b[1].is_none()) factory = b[1];
  return as_inner(b[0], as_dict, factory);
}

}  // namespace

runtime::Ref<runtime::Module> make_dataclasses_module(Session& session) {
  auto m = runtime::make<runtime::Module>("dataclasses");
  const auto& profile = session.profile();
  const Value missing(runtime::make<Missing>());
  m->dict["MISSING"] = missing;
  const Value frozen_error(
      runtime::make<runtime::ExceptionType>("dataclasses", "FrozenInstanceError", builtins().AttributeError));
  m->dict["FrozenInstanceError"] = frozen_error;
  std::vector<Param> field_params{kwonly("default", missing),           kwonly("default_factory", missing),
                                  kwonly("init", Value::boolean(true)),  kwonly("repr", Value::boolean(true)),
                                  kwonly("hash", Value::none()),         kwonly("compare", Value::boolean(true)),
                                  kwonly("metadata", Value::none())};
  if (profile.language.syntax.match_statement) field_params.push_back(kwonly("kw_only", missing));  // 3.10+
  m->dict["field"] = Value(function("field", field_params, [missing](const Bound& b) {
    if (b.values.size() > 7 && !b[7].is(missing)) not_modelled("field(kw_only=)", "keyword-only fields are not modelled");
    if (!b[0].is(missing) && !b[1].is(missing))
      runtime::raise(builtins().ValueError, "cannot specify both default and default_factory");
    return Value(runtime::make<FieldObject>(b[0], b[1], runtime::truthy(b[2]), runtime::truthy(b[3]),
                                            runtime::truthy(b[5])));
  }));
  auto decorate = [&profile, missing, frozen_error](const Value& cls, const Options& options) {
    return process(cls, options, profile, missing, frozen_error);
  };
  std::vector<Param> params{opt("cls"),
                            kwonly("init", Value::boolean(true)),
                            kwonly("repr", Value::boolean(true)),
                            kwonly("eq", Value::boolean(true)),
                            kwonly("order", Value::boolean(false)),
                            kwonly("unsafe_hash", Value::boolean(false)),
                            kwonly("frozen", Value::boolean(false))};
  if (profile.language.syntax.match_statement)  // 3.10+
    for (const char* name : {"match_args", "kw_only", "slots"}) params.push_back(kwonly(name, Value::boolean(false)));
  m->dict["dataclass"] = Value(function(
      "dataclass", params,
      [decorate](const Bound& b) -> Value {
        if (runtime::truthy(b[5])) not_modelled("@dataclass(unsafe_hash=True)", "only init, repr, eq, order and frozen are modelled");
        for (std::size_t i = 8; i < b.values.size(); ++i)
          if (runtime::truthy(b[i]))
            not_modelled("@dataclass(kw_only=, slots=)", "only init, repr, eq, order and frozen are modelled");
        const Options options{runtime::truthy(b[1]), runtime::truthy(b[2]), runtime::truthy(b[3]),
                              runtime::truthy(b[4]), runtime::truthy(b[6])};
        if (!b[0].is_none()) return decorate(b[0], options);
        return Value(function("dataclass.<locals>.wrap", {pos("cls")},
                              [decorate, options](const Bound& w) { return decorate(w[0], options); }));
      }));
  m->dict["asdict"] = Value(function("asdict", {pos("obj"), kwonly("dict_factory", Value::none())},
                                     [](const Bound& b) { return as_dataclass_value(b, true); }));
  m->dict["astuple"] = Value(function("astuple", {pos("obj"), kwonly("tuple_factory", Value::none())},
                                      [](const Bound& b) { return as_dataclass_value(b, false); }));
  // replace(obj, /, **changes): a new instance from the class called with
  // the init fields' current values and the changes; a field without
  // init cannot be changed.
  m->dict["replace"] = Value(runtime::builtin_function(
      "replace", [](std::span<const Value> args, std::span<const runtime::Keyword> changes) -> Value {
        if (args.size() != 1)
          runtime::raise(builtins().TypeError,
                         args.empty() ? "replace() missing 1 required positional argument: 'obj'"
                                      : fmt::format("replace() takes 1 positional argument but {} were given", args.size()));
        const FieldsRecord* record = fields_record(*runtime::type_of(args[0]));
        if (!record || args[0].as<runtime::Type>())
          runtime::raise(builtins().TypeError, "replace() should be called on dataclass instances");
        std::vector<runtime::Keyword> kwargs(changes.begin(), changes.end());
        for (const auto& f : record->fields) {
          const bool changed = std::any_of(changes.begin(), changes.end(), [&](const auto& k) { return k.name == f.name; });
          if (!f.init) {
            if (changed)
              runtime::raise(builtins().ValueError, fmt::format("field {} is declared with init=False, it cannot be "
                                                                "specified with replace()", f.name));
            continue;
          }
          if (!changed) kwargs.push_back({f.name, runtime::getattr(args[0], f.name)});
        }
        return runtime::call(Value(runtime::type_of(args[0])), {}, kwargs);
      }));
  return m;
}

}  // namespace asim::modules
