#include "model/runtime/generic_alias.hpp"

#include "model/runtime/callable.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"

namespace asim::runtime {

namespace {
// ga_repr_item: classes by qualified name, ... for Ellipsis.
std::string item_repr(const Value& v) {
  if (auto* t = v.as<Type>()) return t->qualified_name();
  if (auto* s = v.as<Singleton>(); s && s->repr() == "Ellipsis") return "...";
  return to_repr(v);
}
}  // namespace

std::string GenericAlias::repr() const {
  std::string out = origin->qualified_name() + "[";
  if (auto* t = args.as<Tuple>()) {
    for (std::size_t i = 0; i < t->items.size(); ++i) out += (i ? ", " : "") + item_repr(t->items[i]);
    if (t->items.empty()) out += "()";
  } else {
    out += item_repr(args);
  }
  return out + "]";
}

void install_generic_alias_type(BuiltinTypes& t) {
  t.GenericAlias->add_getter("__origin__", [](const Value& self) { return Value(self.as<GenericAlias>()->origin); });
  // ga_new: one argument stands as a tuple of one.
  t.GenericAlias->add_getter("__args__", [](const Value& self) {
    const Value& args = self.as<GenericAlias>()->args;
    return args.as<Tuple>() ? args : make_tuple({args});
  });
}

Value class_getitem_generic_alias() {
  return Value(builtin_function("__class_getitem__", [](std::span<const Value> a, std::span<const Keyword>) {
    auto* cls = a.size() == 2 ? a[0].as<Type>() : nullptr;
    if (!cls) throw_type_error("__class_getitem__() takes exactly one argument");
    return Value(make<GenericAlias>(Ref<Type>(cls), a[1]));
  }));
}

}  // namespace asim::runtime
