// list[int], dict[str, int]...: what subscripting a builtin class gives
// (types.GenericAlias), so that annotations in scenario code evaluate.
#pragma once

#include "model/runtime/type.hpp"

namespace asim::runtime {

class GenericAlias : public Object {
 public:
  GenericAlias(Ref<Type> origin, Value args) : origin(std::move(origin)), args(std::move(args)) {}
  std::string_view type_name() const override { return "GenericAlias"; }
  // ga_repr: list[int], tuple[int, ...]
  std::string repr() const override;

  const Ref<Type> origin;
  const Value args;
};

// `__class_getitem__ = classmethod(GenericAlias)`, as CPython's classes
// declare it (PEP 585): C[X] is a generic alias of C, or of the subclass
// subscripted.
Value class_getitem_generic_alias();

}  // namespace asim::runtime
