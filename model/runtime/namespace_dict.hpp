// The namespace of a class (tp_dict) or a module (md_dict), with a version
// that lets lookups remember where a name was found: Type's attribute cache
// and LOAD_GLOBAL's inline cache (CPython gives classes version tags and
// dicts version numbers for the same purpose).
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>

#include "model/runtime/value.hpp"

namespace asim::runtime {

namespace detail {
// Changes whenever any class or module namespace gains or loses a name, or
// one is made or freed (and whenever a class's native methods change): what
// the caches found before is then stale. Assigning to a name already there
// is no change: the caches point at the entry, not at its value, and
// std::unordered_map never moves its entries.
inline std::uint64_t namespaces_version = 0;
inline void namespaces_modified() { ++namespaces_version; }
}  // namespace detail

class NamespaceDict : public std::unordered_map<std::string, Value> {
  using Base = std::unordered_map<std::string, Value>;

 public:
  NamespaceDict() { detail::namespaces_modified(); }
  NamespaceDict(const NamespaceDict&) = delete;
  NamespaceDict& operator=(const NamespaceDict&) = delete;
  ~NamespaceDict() { detail::namespaces_modified(); }

  Value& operator[](const std::string& key) {
    if (values_versioned || !contains(key)) detail::namespaces_modified();
    return Base::operator[](key);
  }

  // A class's namespace: the attribute caches of instructions remember what
  // kind of value a name held (a function to bind, a plain value), so
  // writing through operator[] is a change too. Not a module's: its globals
  // are assigned all the time, and LOAD_GLOBAL's cache reads the entry anew.
  bool values_versioned = false;
  template <class... Args>
  auto erase(Args&&... args) {
    detail::namespaces_modified();
    return Base::erase(std::forward<Args>(args)...);
  }
  template <class... Args>
  auto emplace(Args&&... args) {
    detail::namespaces_modified();
    return Base::emplace(std::forward<Args>(args)...);
  }
  template <class... Args>
  auto insert_or_assign(Args&&... args) {
    detail::namespaces_modified();
    return Base::insert_or_assign(std::forward<Args>(args)...);
  }
  template <class... Args>
  auto try_emplace(Args&&... args) {
    detail::namespaces_modified();
    return Base::try_emplace(std::forward<Args>(args)...);
  }
  template <class... Args>
  auto insert(Args&&... args) {
    detail::namespaces_modified();
    return Base::insert(std::forward<Args>(args)...);
  }
  void clear() {
    detail::namespaces_modified();
    Base::clear();
  }
};

}  // namespace asim::runtime
