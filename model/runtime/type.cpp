#include "model/runtime/type.hpp"

#include <fmt/format.h>

namespace asim::runtime {

bool Type::is_subclass_of(const Type* other) const {
  for (const Type* t = this; t; t = t->base.get())
    if (t == other) return true;
  return false;
}

std::string Type::qualified_name() const {
  return module == "builtins" ? name : module + "." + name;
}

std::optional<Value> Type::lookup(const Value& self, std::string_view attr) const {
  const std::string key(attr);
  for (const Type* t = this; t; t = t->base.get()) {
    if (auto g = t->getters_.find(key); g != t->getters_.end()) return g->second(self);
    if (auto m = t->methods_.find(key); m != t->methods_.end()) return Value(make<BoundMethod>(self, m->second));
    if (auto d = t->dict.find(key); d != t->dict.end()) {
      if (auto* fn = d->second.as<Callable>(); fn && fn->type_name() == "function")
        return Value(make<BoundMethod>(self, Ref<Callable>(fn)));
      return d->second;
    }
  }
  return std::nullopt;
}

std::string BoundMethod::repr() const {
  return fmt::format("<bound method {} of {}>", function->qualname(), runtime::repr(self));
}

Value BoundMethod::call(std::span<const Value> args) {
  return call_kw(args, {});
}

Value BoundMethod::call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) {
  std::vector<Value> all;
  all.reserve(args.size() + 1);
  all.push_back(self);
  all.insert(all.end(), args.begin(), args.end());
  return function->call_kw(all, kwargs);
}

bool BoundMethod::equals(const Callable& other) const {
  auto* o = dynamic_cast<const BoundMethod*>(&other);
  return o && o->self.is(self) && o->function.get() == function.get();
}

}  // namespace asim::runtime
