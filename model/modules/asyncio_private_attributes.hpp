// The underscored attributes of asyncio's classes (asyncio_private_attributes.cpp).
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string>

#include "model/modules/asyncio_types.hpp"
#include "model/modules/native_function.hpp"
#include "model/runtime/instance.hpp"

namespace asim::modules {

// A property of the class (futures.py's own are properties, or plain
// attributes a program may write).
template <class T>
void add_property(runtime::Type& t, const std::string& name, std::function<runtime::Value(T&)> get,
                  std::function<void(T&, const runtime::Value&)> set) {
  const std::string qualified = t.name + "." + name;
  const std::string needs = fmt::format("{} needs a {}", qualified, t.name);
  runtime::Value fget(function(qualified, {pos("self")}, [get, needs](const Bound& b) {
    auto* self = b[0].as<T>();
    if (!self) runtime::raise(runtime::Runtime::current().builtins.TypeError, needs);
    return get(*self);
  }));
  runtime::Value fset(function(qualified, {pos("self"), pos("value")}, [set, needs](const Bound& b) {
    auto* self = b[0].as<T>();
    if (!self) runtime::raise(runtime::Runtime::current().builtins.TypeError, needs);
    set(*self, b[1]);
    return runtime::Value::none();
  }));
  t.dict[name] = runtime::Value(runtime::make<runtime::Property>(std::move(fget), std::move(fset)));
}

void add_private_attributes(const AsyncioTypes& t, Session& session);

}  // namespace asim::modules
