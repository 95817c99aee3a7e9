// A Python module object: a name and its namespace. `import asyncio` in a
// scenario binds one of these, filled by model/modules for the chosen version.
#pragma once

#include <string>

#include "model/runtime/namespace_dict.hpp"

namespace asim::runtime {

class Module : public Object {
 public:
  explicit Module(std::string name) : name(std::move(name)) {}
  std::string_view type_name() const override { return "module"; }
  std::string repr() const override { return "<module '" + name + "'>"; }

  const std::string name;
  NamespaceDict dict;
};

// Finds the module a scenario imports by name; nullptr when asim has none.
class ModuleFinder {
 public:
  virtual ~ModuleFinder() = default;
  virtual Ref<Module> find(std::string_view name) = 0;
  // The module `name` if it was imported already (sys.modules.get), else null.
  virtual Ref<Module> imported(std::string_view name) const = 0;
};

}  // namespace asim::runtime
