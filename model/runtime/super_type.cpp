// super(): what `super().method()` in a class body finds (super_getattro).
#include "model/runtime/super_type.hpp"

#include <fmt/format.h>

#include "model/runtime/args.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

std::string Super::repr() const {
  if (!obj_type) return fmt::format("<super: <class '{}'>, NULL>", thisclass->name);
  return fmt::format("<super: <class '{}'>, <{} object>>", thisclass->name, obj_type->name);
}

std::optional<Value> Super::get_attribute(std::string_view name) {
  // super().__class__ is super's own class, as in CPython.
  if (name == "__class__" || !obj_type) return std::nullopt;
  // Bound as through a class when super_check picked obj itself (super(C, C)
  // in a classmethod or __new__); a metaclass method's super(M, cls) binds cls.
  const bool through_class = obj.as<Type>() == obj_type.get();
  auto found = obj_type->lookup_after(thisclass.get(), obj, name);
  if (!found) return std::nullopt;
  if (through_class) {
    // A function read through a class is the function itself (func.__get__(None, cls)).
    if (auto* m = found->as<BoundMethod>(); m && m->self.is(obj)) return Value(m->function);
  }
  return bind_descriptor(*found, obj, obj_type, !through_class);
}

namespace {

// super_check: the class whose MRO the lookup walks.
Ref<Type> super_check(const Ref<Type>& thisclass, const Value& obj) {
  if (auto* t = obj.as<Type>(); t && t->is_subclass_of(thisclass.get())) return Ref<Type>(t);
  const Ref<Type> cls = type_of(obj);
  if (cls->is_subclass_of(thisclass.get())) return cls;
  if (Runtime::current().features.super_obj_detail)
    throw_type_error(fmt::format("super(type, obj): obj (instance of {}) is not an instance or subtype of type ({}).",
                                 cls->name, thisclass->name));
  throw_type_error("super(type, obj): obj must be an instance or subtype of type");
}

}  // namespace

void install_super_type(BuiltinTypes& t) {
  register_type(typeid(Super), t.super_);
  t.super_->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) -> Value {
    args::no_kwargs("super", kw);
    // The compiler turns a bare super() inside a method into
    // super(__class__, first argument); anything else left bare has none.
    if (a.empty()) throw PyError{new_exception(builtins().RuntimeError, "super(): no arguments")};
    auto* thisclass = a[0].as<Type>();
    if (!thisclass)
      throw_type_error(fmt::format("super() argument 1 must be {}type, not {}",
                                   Runtime::current().features.super_type_article ? "a " : "", type_name(a[0])));
    args::count("super", a, 1, 2);
    const Ref<Type> cls(thisclass);
    // super(B) alone is unbound: it finds nothing until bound.
    if (a.size() == 1) return Value(make<Super>(cls, Value::none(), nullptr));
    return Value(make<Super>(cls, a[1], super_check(cls, a[1])));
  };
}

}  // namespace asim::runtime
