#include "model/runtime/type.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "model/runtime/attribute_error.hpp"
#include "model/runtime/callable.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/exceptions.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {

// set_mro_error: the TypeError naming the heads of the lists C3 could not
// merge, each once.
[[noreturn]] void mro_error(const std::vector<std::vector<Type*>>& seqs) {
  std::vector<Type*> heads;
  for (const auto& s : seqs)
    if (std::find(heads.begin(), heads.end(), s.front()) == heads.end()) heads.push_back(s.front());
  std::string names;
  for (const Type* t : heads) names += (names.empty() ? "" : ", ") + t->name;
  raise(Runtime::current().builtins.TypeError,
        fmt::format("Cannot create a consistent method resolution{}order (MRO) for bases {}",
                    Runtime::current().features.mro_error_one_line ? " " : "\n", names));
}

// C3 linearisation (Objects/typeobject.c mro_implementation): merge the
// bases' MROs and the list of bases, always taking the first head that is in
// no other list's tail.
std::vector<Type*> c3_ancestors(const std::vector<Ref<Type>>& bases) {
  if (bases.size() == 1) {
    std::vector<Type*> out{bases[0].get()};
    const auto& more = bases[0]->ancestors();
    out.insert(out.end(), more.begin(), more.end());
    return out;
  }
  // check_duplicates, before any merging.
  for (auto b = bases.begin(); b != bases.end(); ++b)
    if (std::find(bases.begin(), b, *b) != b)
      raise(Runtime::current().builtins.TypeError, fmt::format("duplicate base class {}", (*b)->name));
  std::vector<std::vector<Type*>> seqs;
  for (const auto& b : bases) {
    std::vector<Type*> s{b.get()};
    s.insert(s.end(), b->ancestors().begin(), b->ancestors().end());
    seqs.push_back(std::move(s));
  }
  std::vector<Type*> direct;
  for (const auto& b : bases) direct.push_back(b.get());
  seqs.push_back(std::move(direct));
  std::vector<Type*> out;
  for (;;) {
    seqs.erase(std::remove_if(seqs.begin(), seqs.end(), [](const auto& s) { return s.empty(); }), seqs.end());
    if (seqs.empty()) return out;
    Type* pick = nullptr;
    for (const auto& s : seqs) {
      Type* head = s.front();
      const bool in_tail = std::any_of(seqs.begin(), seqs.end(), [&](const auto& o) {
        return std::find(o.begin() + 1, o.end(), head) != o.end();
      });
      if (!in_tail) {
        pick = head;
        break;
      }
    }
    if (!pick) mro_error(seqs);
    out.push_back(pick);
    for (auto& s : seqs)
      if (s.front() == pick) s.erase(s.begin());
  }
}

}  // namespace

Type::Type(std::string module, std::string name, Ref<Type> base)
    : Type(std::move(module), std::move(name), base ? std::vector<Ref<Type>>{base} : std::vector<Ref<Type>>{}) {}

Type::Type(std::string module, std::string name, std::vector<Ref<Type>> bases_in)
    : module(std::move(module)),
      name(std::move(name)),
      base(bases_in.empty() ? nullptr : bases_in.front()),
      bases(std::move(bases_in)),
      qualname(this->name),
      ancestors_(c3_ancestors(bases)) {
  dict.values_versioned = true;
  // A new class may reuse a freed one's address, which the cache remembers.
  detail::namespaces_modified();
}

Type::~Type() {
  detail::namespaces_modified();
}

bool Type::is_subclass_of(const Type* other) const {
  if (this == other) return true;
  return std::find(ancestors_.begin(), ancestors_.end(), other) != ancestors_.end();
}

std::string Type::qualified_name() const {
  return module == "builtins" ? qualname : module + "." + qualname;
}

void Type::remove_attribute(std::string_view attr) {
  detail::namespaces_modified();
  const std::string key(attr);
  methods_.erase(key);
  getters_.erase(key);
  dict.erase(key);
}

std::optional<Value> Type::lookup_here(const Value& self, const std::string& key) const {
  // A native method or computed attribute of int or float works on the
  // number a subclass instance holds.
  if (auto g = getters_.find(key); g != getters_.end()) return g->second(plain_number(self));
  if (auto m = methods_.find(key); m != methods_.end()) return Value(make<BoundMethod>(plain_number(self), m->second));
  if (auto d = dict.find(key); d != dict.end()) {
    if (auto* fn = d->second.as<Callable>(); fn && fn->type_name() == "function")
      return Value(make<BoundMethod>(self, Ref<Callable>(fn)));
    return d->second;
  }
  return std::nullopt;
}

// lookup() looks in each class along the MRO for a computed attribute, a
// native method, then the class body's names; lookup_override() looks in the
// class body's names first, and a native method or computed attribute ends
// its search with nothing; lookup_class() looks for native methods, then the
// class body's names.
Type::Resolution Type::resolve(std::string_view attr, Order order) const {
  const std::string key(attr);
  auto visit = [&](const Type* t) -> std::optional<Resolution> {
    if (order == Order::Override) {
      if (auto d = t->dict.find(key); d != t->dict.end()) return Resolution{Found::Attribute, &d->second};
      if (t->methods_.count(key) || t->getters_.count(key)) return Resolution{};
      return std::nullopt;
    }
    if (order == Order::Class) {
      if (auto m = t->methods_.find(key); m != t->methods_.end()) return Resolution{Found::Method, &m->second};
      if (auto d = t->dict.find(key); d != t->dict.end()) return Resolution{Found::Attribute, &d->second};
      return std::nullopt;
    }
    if (auto g = t->getters_.find(key); g != t->getters_.end()) return Resolution{Found::Getter, &g->second};
    if (auto m = t->methods_.find(key); m != t->methods_.end()) return Resolution{Found::Method, &m->second};
    if (auto d = t->dict.find(key); d != t->dict.end()) return Resolution{Found::Attribute, &d->second};
    return std::nullopt;
  };
  if (auto r = visit(this)) return *r;
  for (const Type* t : ancestors_)
    if (auto r = visit(t)) return *r;
  return Resolution{};
}

namespace {

// _PyType_Lookup's method cache (Objects/typeobject.c): a direct-mapped table
// keyed by the class and the name, so that `obj.attr` does not search the
// MRO's hash tables on every access. Slots are chosen by the name's address
// (instructions pass the same string every time), entries are checked by the
// name's text, and all of them go stale at once when any class changes.
struct CacheEntry {
  const void* type = nullptr;
  std::uint64_t version = 0;
  std::uint8_t order = 0;
  std::string name;
  std::uint8_t found = 0;
  const void* entry = nullptr;
};
constexpr std::size_t kCacheSize = 1024;
thread_local std::array<CacheEntry, kCacheSize> attribute_cache;

std::size_t cache_slot(const void* type, std::string_view name, std::uint8_t order) {
  auto h = reinterpret_cast<std::uintptr_t>(type) >> 4;
  h ^= reinterpret_cast<std::uintptr_t>(name.data()) * 0x9E3779B97F4A7C15ULL >> 7;
  h ^= name.size() * 31 + order * 17;
  return h % kCacheSize;
}

}  // namespace

Type::Resolution Type::cached_resolve(std::string_view attr, Order order) const {
  const auto o = static_cast<std::uint8_t>(order);
  CacheEntry& e = attribute_cache[cache_slot(this, attr, o)];
  if (e.type != this || e.version != detail::namespaces_version || e.order != o || e.name != attr) {
    const Resolution r = resolve(attr, order);
    // resolve() runs no Python code, so the version it was found under is
    // the one now.
    e.type = this;
    e.version = detail::namespaces_version;
    e.order = o;
    e.name.assign(attr);
    e.found = static_cast<std::uint8_t>(r.found);
    e.entry = r.entry;
  }
  return Resolution{static_cast<Found>(e.found), e.entry};
}

std::optional<Value> Type::lookup(const Value& self, std::string_view attr) const {
  const Resolution r = cached_resolve(attr, Order::Instance);
  switch (r.found) {
    case Found::Nothing: return std::nullopt;
    // A native method or computed attribute of int or float works on the
    // number a subclass instance holds.
    case Found::Getter: return (*static_cast<const Getter*>(r.entry))(plain_number(self));
    case Found::Method:
      return Value(make<BoundMethod>(plain_number(self), *static_cast<const Ref<Callable>*>(r.entry)));
    case Found::Attribute: {
      const Value& v = *static_cast<const Value*>(r.entry);
      if (auto* fn = v.as<Callable>(); fn && fn->type_name() == "function")
        return Value(make<BoundMethod>(self, Ref<Callable>(fn)));
      return v;
    }
  }
  return std::nullopt;
}

const Value* Type::class_entry(std::string_view attr, bool& native) const {
  const Resolution r = cached_resolve(attr, Order::Instance);
  native = r.found == Found::Getter || r.found == Found::Method;
  return r.found == Found::Attribute ? static_cast<const Value*>(r.entry) : nullptr;
}

const Ref<Callable>* Type::native_method(std::string_view attr) const {
  const Resolution r = cached_resolve(attr, Order::Instance);
  return r.found == Found::Method ? static_cast<const Ref<Callable>*>(r.entry) : nullptr;
}

std::optional<Value> Type::lookup_after(const Type* start, const Value& self, std::string_view attr) const {
  const std::string key(attr);
  bool after = start == this;
  for (const Type* t : ancestors_) {
    if (after)
      if (auto v = t->lookup_here(self, key)) return v;
    after = after || t == start;
  }
  return std::nullopt;
}

std::optional<Value> Type::lookup_class(std::string_view attr) const {
  const Resolution r = cached_resolve(attr, Order::Class);
  switch (r.found) {
    case Found::Method: return Value(*static_cast<const Ref<Callable>*>(r.entry));
    case Found::Attribute: return *static_cast<const Value*>(r.entry);
    default: return std::nullopt;
  }
}

std::optional<Value> Type::lookup_override(std::string_view attr) const {
  const Resolution r = cached_resolve(attr, Order::Override);
  if (r.found == Found::Nothing) return std::nullopt;
  return *static_cast<const Value*>(r.entry);
}

bool Type::has_getter(std::string_view attr) const {
  const std::string key(attr);
  if (getters_.count(key)) return true;
  for (const Type* t : ancestors_)
    if (t->getters_.count(key)) return true;
  return false;
}

const Type::Constructor* Type::find_constructor() const {
  if (constructor) return &constructor;
  for (const Type* t : ancestors_)
    if (t->constructor) return &t->constructor;
  return nullptr;
}

std::string_view BoundMethod::type_name() const {
  return dynamic_cast<const BuiltinFunction*>(function.get()) ? "builtin_function_or_method" : "method";
}

std::string BoundMethod::repr() const {
  const std::string address = self.is_object() ? self.object()->address_text() : "0x0";
  if (auto* b = dynamic_cast<const BuiltinFunction*>(function.get()))
    return fmt::format("<built-in method {} of {} object at {}>", b->name, runtime::type_name(self), address);
  // A method of a class CPython writes in C (_asyncio.Task.exception).
  if (function->type_name() == "method_descriptor") {
    const std::string qualname = function->qualname();
    return fmt::format("<built-in method {} of {} object at {}>", qualname.substr(qualname.rfind('.') + 1),
                       tp_name(self), address);
  }
  return fmt::format("<bound method {} of {}>", function->qualname(), runtime::repr(self));
}

Value BoundMethod::call(std::span<const Value> args) {
  return call_kw(args, {});
}

Value BoundMethod::call_kw(std::span<const Value> args, std::span<const Keyword> kwargs) {
  // Self and a few arguments fit on the C++ stack: no allocation per call.
  constexpr std::size_t kOnStack = 8;
  if (args.size() < kOnStack) {
    std::array<Value, kOnStack> few;
    few[0] = self;
    std::copy(args.begin(), args.end(), few.begin() + 1);
    return function->call_kw(std::span<const Value>(few.data(), args.size() + 1), kwargs);
  }
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
