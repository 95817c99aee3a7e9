// super(): a proxy that looks attributes up along an object's MRO, starting
// after a given class (Objects/typeobject.c, super_getattro).
#pragma once

#include "model/runtime/protocols.hpp"
#include "model/runtime/type.hpp"

namespace asim::runtime {

class Super : public Object, public HasAttributes {
 public:
  // super(thisclass, obj): obj is an instance of thisclass or, in a
  // classmethod, a subclass of it (then obj_type is obj itself). obj_type is
  // null for super(thisclass) alone.
  Super(Ref<Type> thisclass, Value obj, Ref<Type> obj_type)
      : thisclass(std::move(thisclass)), obj(std::move(obj)), obj_type(std::move(obj_type)) {}
  std::string_view type_name() const override { return "super"; }
  std::string repr() const override;
  std::optional<Value> get_attribute(std::string_view name) override;
  bool set_attribute(std::string_view, const Value&) override { return false; }

  const Ref<Type> thisclass;
  const Value obj;
  const Ref<Type> obj_type;
};

}  // namespace asim::runtime
