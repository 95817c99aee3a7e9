// The builtin classes: created when a Runtime starts, then filled by each
// type's own file (install.hpp), and registered for type_of().
#include "model/runtime/builtin_types.hpp"

#include "model/runtime/bytes.hpp"
#include "model/runtime/callable.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/generic_alias.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text_stream.hpp"

namespace asim::runtime {

BuiltinTypes::BuiltinTypes() {
  auto cls = [](const char* name, const Ref<Type>& base, const char* module = "builtins") {
    return make<Type>(module, name, base);
  };
  object = cls("object", nullptr);
  type = cls("type", object);
  NoneType = cls("NoneType", object);
  NotImplementedType = cls("NotImplementedType", object);
  ellipsis = cls("ellipsis", object);
  int_ = cls("int", object);
  bool_ = cls("bool", int_);
  float_ = cls("float", object);
  str = cls("str", object);
  {
    // Later additions take library addresses, so that the program's own
    // objects keep theirs (see Heap::LibraryScope).
    Heap::LibraryScope library;
    bytes = cls("bytes", object);
    bytearray = cls("bytearray", object);
  }
  list = cls("list", object);
  tuple = cls("tuple", object);
  dict = cls("dict", object);
  set = cls("set", object);
  frozenset = cls("frozenset", object);
  range = cls("range", object);
  slice = cls("slice", object);
  function = cls("function", object);
  builtin_function = cls("builtin_function_or_method", object);
  method = cls("method", object);
  coroutine = cls("coroutine", object);
  generator = cls("generator", object);
  async_generator = cls("async_generator", object);
  module = cls("module", object);
  dict_keys = cls("dict_keys", object);
  dict_values = cls("dict_values", object);
  dict_items = cls("dict_items", object);
  TextIOWrapper = cls("TextIOWrapper", object, "_io");
  GenericAlias = cls("GenericAlias", object, "types");
  property = cls("property", object);
  staticmethod = cls("staticmethod", object);
  classmethod = cls("classmethod", object);
  super_ = cls("super", object);
  NotImplemented = Value(make<Singleton>("NotImplementedType", "NotImplemented"));
  Ellipsis = Value(make<Singleton>("ellipsis", "Ellipsis"));
}

void install_builtin_types(Runtime& rt) {
  auto& t = rt.types;
  for (const auto& type :
       {t.object, t.type, t.NoneType, t.NotImplementedType, t.ellipsis, t.int_, t.bool_, t.float_, t.str, t.bytes, t.bytearray, t.list,
        t.tuple, t.dict, t.set, t.frozenset, t.range, t.slice, t.function, t.builtin_function, t.method, t.coroutine,
        t.generator, t.async_generator, t.module, t.dict_keys, t.dict_values, t.dict_items, t.TextIOWrapper, t.GenericAlias, t.property,
        t.staticmethod, t.classmethod, t.super_})
    rt.named_types[type->name] = type;
  for (const auto& e : rt.builtins.all) rt.named_types[e->name] = e;

  register_type(typeid(Str), t.str);
  register_type(typeid(BigIntObject), t.int_);
  register_type(typeid(Bytes), t.bytes);
  register_type(typeid(ByteArray), t.bytearray);
  register_type(typeid(List), t.list);
  register_type(typeid(Tuple), t.tuple);
  register_type(typeid(Dict), t.dict);
  register_type(typeid(Set), t.set);
  register_type(typeid(Range), t.range);
  register_type(typeid(Slice), t.slice);
  register_type(typeid(DictView), t.dict_keys);
  register_type(typeid(Module), t.module);
  register_type(typeid(BuiltinFunction), t.builtin_function);
  register_type(typeid(NativeFunction), t.function);
  register_type(typeid(BoundMethod), t.method);
  register_type(typeid(TextStream), t.TextIOWrapper);
  register_type(typeid(GenericAlias), t.GenericAlias);

  install_object_type(t);
  install_number_types(t);
  install_str_type(t);
  {
    Heap::LibraryScope library;  // as for the bytes types themselves
    install_bytes_types(t);
  }
  install_list_type(t);
  install_tuple_type(t);
  install_dict_types(t);
  install_set_types(t);
  install_range_types(t);
  install_callable_types(t);
  install_generic_alias_type(t);
  install_stream_type(t);
  install_super_type(t);
  install_derived_types(t);
  install_exception_types(t, rt.builtins);
}

}  // namespace asim::runtime
