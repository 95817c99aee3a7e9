// Plain Python objects: instances of `object` and of classes a scenario
// defines without a builtin base, plus the singletons NotImplemented and
// Ellipsis.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "model/runtime/protocols.hpp"

namespace asim::runtime {

class Dict;

// Whether a class of cls's MRO lists `name` in its __slots__ (mangled by
// that class, as type_new does).
bool declared_slot(const Type& cls, std::string_view name);

// An instance with a __dict__; its class is `cls`. Until the program reads
// __dict__, the attributes are kept here; from then on they live in that
// dict (obj.__dict__ is the storage itself, as in CPython, so writes
// through it are attributes).
class Instance : public Object, public HasAttributes {
 public:
  explicit Instance(Ref<Type> cls);
  ~Instance() override;
  std::string_view type_name() const override { return cls->name; }
  std::string repr() const override;
  Type* user_class() const override { return cls.get(); }
  void finalize() override;
  std::optional<Value> get_attribute(std::string_view name) override;
  bool set_attribute(std::string_view name, const Value& value) override;
  bool del_attribute(std::string_view name) override;

  // Whether the attributes are kept side by side (no __dict__ read yet, at
  // most kFew of them): only then does find_inline() answer.
  bool attributes_inline() const { return !dict_ && many_.empty(); }
  // The attribute kept side by side, or nullptr; `key` is its interned
  // name (intern.hpp), `hint` the position to try first, which becomes the
  // one where it was found (an instruction's attribute cache keeps it:
  // instances of a class gain their attributes in the same order).
  Value* find_inline(const std::string* key, std::uint32_t& hint) {
    if (hint < few_.size() && few_[hint].first == key) return &few_[hint].second;
    for (std::size_t i = 0; i < few_.size(); ++i)
      if (few_[i].first == key) {
        hint = static_cast<std::uint32_t>(i);
        return &few_[i].second;
      }
    return nullptr;
  }
  // Adds an attribute find_inline() did not find, when there is room
  // beside the others; false otherwise.
  bool add_inline(const std::string* key, const Value& value) {
    if (few_.size() >= kFew) return false;
    few_.emplace_back(key, value);
    return true;
  }

  const Ref<Type> cls;

 private:
  // The __dict__ object, made on first use from the attributes held here.
  Value dict_object();

  // Most instances hold a few attributes: side by side in insertion order
  // (as CPython's inline values), found by comparing names; the first
  // kInObject inside the instance itself, so that reading one touches no
  // other allocation, up to kFew in one array beside it; past kFew, a hash
  // table whose entries keep their insertion number for __dict__'s order.
  static constexpr std::size_t kInObject = 4;
  static constexpr std::size_t kFew = 12;
  boost::container::small_vector<std::pair<const std::string*, Value>, kInObject> few_;  // by interned name
  std::unordered_map<std::string, std::pair<std::uint64_t, Value>> many_;
  std::uint64_t next_order_ = 0;
  Ref<Dict> dict_;
};

// NotImplemented, Ellipsis: one object of its own class, printed by name.
class Singleton : public Object {
 public:
  Singleton(std::string type, std::string text) : type_(std::move(type)), text_(std::move(text)) {}
  std::string_view type_name() const override { return type_; }
  std::string repr() const override { return text_; }

 private:
  std::string type_;
  std::string text_;
};

}  // namespace asim::runtime

namespace asim::runtime {

// property(fget, fset, fdel, doc): an attribute computed by calling
// fget(obj), assigned through fset(obj, value), deleted through fdel(obj).
class Property : public Object {
 public:
  Property(Value fget, Value fset, Value fdel = Value::none(), Value doc = Value::none())
      : fget(std::move(fget)), fset(std::move(fset)), fdel(std::move(fdel)), doc(std::move(doc)) {}
  std::string_view type_name() const override { return "property"; }
  const Value fget, fset, fdel, doc;
};

// staticmethod(f), classmethod(f): how a class attribute binds.
class StaticMethod : public Object {
 public:
  explicit StaticMethod(Value fn) : fn(std::move(fn)) {}
  std::string_view type_name() const override { return "staticmethod"; }
  const Value fn;
};

class ClassMethod : public Object {
 public:
  explicit ClassMethod(Value fn) : fn(std::move(fn)) {}
  std::string_view type_name() const override { return "classmethod"; }
  const Value fn;
};

}  // namespace asim::runtime
