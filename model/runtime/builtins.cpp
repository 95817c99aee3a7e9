// The builtins module: assembly, print, and the object-model builtins
// (type checks, attributes, identity). Iteration and numeric builtins live
// in builtins_iter.cpp and builtins_numeric.cpp.
#include "model/runtime/builtins.hpp"

#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/builtins_internal.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/generic_alias.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/iterators.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/set.hpp"
#include "model/runtime/text_stream.hpp"

namespace asim::runtime {

using Args = std::span<const Value>;
using Kw = std::span<const Keyword>;

Ref<Object> make_stream(std::string name, WriteText sink, FlushText flush) {
  return make<TextStream>(std::move(name), std::move(sink), std::move(flush));
}

namespace {

// sep= / end= of print: None or a str.
std::string print_text(const std::optional<Value>& v, const char* what, const char* dflt) {
  if (!v || v->is_none()) return dflt;
  if (auto* s = v->as<Str>()) return s->text;
  throw_type_error(fmt::format("{} must be None or a string, not {}", what, type_name(*v)));
}

// isinstance()'s classinfo: a class or a (nested) tuple of classes.
bool instance_of(const Value& obj, const Value& info, const char* fname) {
  if (auto* t = info.as<Type>()) {
    // A metaclass's __instancecheck__ (collections.abc's structural checks).
    if (t->metaclass && !isinstance(obj, t))
      if (auto check = t->metaclass->lookup_override("__instancecheck__")) {
        const Value args[] = {info, obj};
        return truthy(call(*check, args));
      }
    if (isinstance(obj, t)) return true;
    // object_isinstance: then obj.__class__, when a class defines its own
    // (a mock with a spec passes for an instance of the spec's class).
    if (auto* inst = obj.as<Instance>(); inst && inst->cls->lookup_override("__class__")) {
      const Value claimed = getattr(obj, "__class__");
      auto* cls = claimed.as<Type>();
      return cls && cls != inst->cls.get() && cls->is_subclass_of(t);
    }
    return false;
  }
  if (auto* tup = info.as<Tuple>()) {
    for (const auto& item : tup->items)
      if (instance_of(obj, item, fname)) return true;
    return false;
  }
  if (info.as<GenericAlias>()) throw_type_error(fmt::format("{}() argument 2 cannot be a parameterized generic", fname));
  throw_type_error(fmt::format("{}() arg 2 must be a type{}", fname,
                               Runtime::current().features.isinstance_union_wording
                                   ? ", a tuple of types, or a union"
                                   : " or tuple of types"));
}

bool subclass_of(const Type& cls, const Value& info) {
  if (auto* t = info.as<Type>()) {
    // A metaclass's __subclasscheck__ (abc's registered virtual subclasses).
    if (t->metaclass && !cls.is_subclass_of(t))
      if (auto check = t->metaclass->lookup_override("__subclasscheck__")) {
        const Value args[] = {info, Value(Ref<Type>(const_cast<Type*>(&cls)))};
        return truthy(call(*check, args));
      }
    return cls.is_subclass_of(t);
  }
  if (auto* tup = info.as<Tuple>()) {
    for (const auto& item : tup->items)
      if (subclass_of(cls, item)) return true;
    return false;
  }
  throw_type_error(Runtime::current().features.isinstance_union_wording
                       ? "issubclass() arg 2 must be a class, a tuple of classes, or a union"
                       : "issubclass() arg 2 must be a class or tuple of classes");
}

const std::string& attr_name(const Value& v) {
  if (auto* s = v.as<Str>()) return s->text;
  throw_type_error(fmt::format("attribute name must be string, not '{}'", type_name(v)));
}

bool is_attribute_error(const PyError& e) {
  return e.exc->isinstance(Runtime::current().builtins.AttributeError.get());
}

// id() of an immediate: CPython's small ints and singletons have fixed
// addresses; asim makes up stable ones in a region of their own.
std::int64_t immediate_id(const Value& v) {
  constexpr std::int64_t kBase = 0x7f3a10000000;
  switch (v.kind()) {
    case Value::Kind::None: return kBase + 0x10;
    case Value::Kind::Bool: return kBase + (v.as_bool() ? 0x20 : 0x30);
    case Value::Kind::Int: return kBase + 0x1000 + static_cast<std::int64_t>(static_cast<std::uint64_t>(v.as_int()) * 32 % 0x8000000);
    case Value::Kind::Float: return kBase + 0x8001000 + (num::hash_double(v.as_float()) & 0xfffffff) * 32;
    case Value::Kind::Obj: break;
  }
  return static_cast<std::int64_t>(v.object()->address());
}

void add_object_builtins(Module& m, WriteText write_stdout, FlushText flush_stdout) {
  add_function(m, "print", [write_stdout, flush_stdout](Args a, Kw kw) {
    auto p = args::bind("print", {}, kw, {"sep", "end", "file", "flush"}, 0, 0);
    const std::string sep = print_text(p[0], "sep", " ");
    const std::string end = print_text(p[1], "end", "\n");
    const Value file = p[2].value_or(Value::none());
    if (file.is_none() || file.as<TextStream>()) {
      std::string out;
      for (std::size_t i = 0; i < a.size(); ++i) {
        if (i) out += sep;
        out += to_str(a[i]);
      }
      out += end;
      const bool flush = p[3] && truthy(*p[3]);
      if (file.is_none()) {
        if (write_stdout) write_stdout(out);
        if (flush && flush_stdout) flush_stdout();
      } else {
        file.as<TextStream>()->write(out);
        if (flush) file.as<TextStream>()->flush();
      }
      return Value::none();
    }
    // Any object with write(): one call per piece, as print_impl makes.
    const Value write = getattr(file, "write");
    auto put = [&](std::string s) {
      const Value v = Value::str(std::move(s));
      call(write, std::span<const Value>(&v, 1));
    };
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (i) put(sep);
      put(to_str(a[i]));
    }
    put(end);
    return Value::none();
  });
  add_function(m, "len", [](Args a, Kw kw) {
    args::no_kwargs("len", kw);
    args::exactly("len", a, 1);
    return Value::integer(len(a[0]));
  });
  add_function(m, "repr", [](Args a, Kw kw) {
    args::no_kwargs("repr", kw);
    args::exactly("repr", a, 1);
    return Value::str(to_repr(a[0]));
  });
  add_function(m, "ascii", [](Args a, Kw kw) {
    args::no_kwargs("ascii", kw);
    args::exactly("ascii", a, 1);
    return Value::str(to_ascii(a[0]));
  });
  add_function(m, "format", [](Args a, Kw kw) {
    auto p = args::bind("format", a, kw, {"value", "format_spec"}, 2, 1);
    std::string spec;
    if (p[1]) {
      auto* s = p[1]->as<Str>();
      if (!s) throw_type_error(fmt::format("format() argument 2 must be str, not {}", type_name(*p[1])));
      spec = s->text;
    }
    return Value::str(format(*p[0], spec));
  });
  add_function(m, "id", [](Args a, Kw kw) {
    args::no_kwargs("id", kw);
    args::exactly("id", a, 1);
    // A hash made from id() differs from run to run in CPython.
    note_address_hash();
    return Value::integer(immediate_id(a[0]));
  });
  add_function(m, "hash", [](Args a, Kw kw) {
    args::no_kwargs("hash", kw);
    args::exactly("hash", a, 1);
    return Value::integer(py_hash(a[0]));
  });
  add_function(m, "isinstance", [](Args a, Kw kw) {
    args::no_kwargs("isinstance", kw);
    args::count("isinstance", a, 2, 2);
    return Value::boolean(instance_of(a[0], a[1], "isinstance"));
  });
  add_function(m, "issubclass", [](Args a, Kw kw) {
    args::no_kwargs("issubclass", kw);
    args::count("issubclass", a, 2, 2);
    auto* cls = a[0].as<Type>();
    if (!cls) throw_type_error("issubclass() arg 1 must be a class");
    return Value::boolean(subclass_of(*cls, a[1]));
  });
  add_function(m, "callable", [](Args a, Kw kw) {
    args::no_kwargs("callable", kw);
    args::exactly("callable", a, 1);
    return Value::boolean(is_callable(a[0]));
  });
  add_function(m, "hasattr", [](Args a, Kw kw) {
    args::no_kwargs("hasattr", kw);
    args::count("hasattr", a, 2, 2);
    const std::string& name = attr_name(a[1]);
    try {
      getattr(a[0], name);
      return Value::boolean(true);
    } catch (const PyError& e) {
      if (!is_attribute_error(e)) throw;
      return Value::boolean(false);
    }
  });
  add_function(m, "getattr", [](Args a, Kw kw) {
    args::no_kwargs("getattr", kw);
    args::count("getattr", a, 2, 3);
    const std::string& name = attr_name(a[1]);
    if (a.size() == 2) return getattr(a[0], name);
    try {
      return getattr(a[0], name);
    } catch (const PyError& e) {
      if (!is_attribute_error(e)) throw;
      return a[2];
    }
  });
  add_function(m, "setattr", [](Args a, Kw kw) {
    args::no_kwargs("setattr", kw);
    args::count("setattr", a, 3, 3);
    setattr(a[0], attr_name(a[1]), a[2]);
    return Value::none();
  });
  add_function(m, "delattr", [](Args a, Kw kw) {
    args::no_kwargs("delattr", kw);
    args::count("delattr", a, 2, 2);
    delattr(a[0], attr_name(a[1]));
    return Value::none();
  });
}

}  // namespace

Ref<Module> make_builtins_module(WriteText write_stdout, FlushText flush_stdout) {
  auto& rt = Runtime::current();
  auto m = make<Module>("builtins");
  add_object_builtins(*m, std::move(write_stdout), std::move(flush_stdout));
  add_iteration_builtins(*m);
  add_numeric_builtins(*m);
  const auto& t = rt.types;
  for (const auto& cls : {t.object, t.type, t.int_, t.bool_, t.float_, t.str, t.bytes, t.bytearray, t.list, t.tuple,
                          t.dict, t.set, t.frozenset, t.range, t.slice, t.property, t.staticmethod, t.classmethod,
                          t.super_})
    m->dict[cls->name] = Value(cls);
  for (const auto& e : rt.builtins.all) m->dict[e->name] = Value(e);
  // EnvironmentError and IOError are OSError's old names.
  m->dict["EnvironmentError"] = Value(rt.builtins.OSError);
  m->dict["IOError"] = Value(rt.builtins.OSError);
  m->dict["NotImplemented"] = t.NotImplemented;
  m->dict["Ellipsis"] = t.Ellipsis;
  m->dict["None"] = Value::none();
  m->dict["True"] = Value::boolean(true);
  m->dict["False"] = Value::boolean(false);
  m->dict["__name__"] = Value::str("builtins");
  return m;
}

}  // namespace asim::runtime
