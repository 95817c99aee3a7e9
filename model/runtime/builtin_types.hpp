// The builtin classes of one Runtime: `object`, `type`, int, str, list... as
// Type objects with their method tables, and the singletons NotImplemented
// and Ellipsis. Built when a Runtime starts (install_builtin_types), so every
// run gets fresh ones, as every interpreter does in CPython.
#pragma once

#include "model/runtime/type.hpp"

namespace asim::runtime {

class Runtime;

struct BuiltinTypes {
  BuiltinTypes();
  Ref<Type> object, type, NoneType, NotImplementedType, ellipsis, bool_, int_, float_, str, bytes, bytearray, list, tuple, dict,
      set, frozenset, range, slice, function, builtin_function, method, coroutine, generator, async_generator, module, dict_keys, dict_values,
      dict_items, TextIOWrapper, GenericAlias, property, staticmethod, classmethod, super_;
  Value NotImplemented, Ellipsis;
};

// Fills the method tables and constructors of rt.types and of the exception
// classes, and registers the C++ classes behind them for type_of().
void install_builtin_types(Runtime& rt);

}  // namespace asim::runtime
