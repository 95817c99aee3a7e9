// Internal to model/runtime: how each builtin type's file fills its Type's
// method table at Runtime start-up (install_builtin_types calls these).
#pragma once

#include <fmt/format.h>

#include <span>
#include <string>

#include "model/runtime/builtin_types.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/exceptions.hpp"

namespace asim::runtime {

void install_object_type(BuiltinTypes& t);
void install_number_types(BuiltinTypes& t);
void install_str_type(BuiltinTypes& t);
void install_bytes_types(BuiltinTypes& t);
void install_list_type(BuiltinTypes& t);
void install_tuple_type(BuiltinTypes& t);
void install_dict_types(BuiltinTypes& t);
void install_set_types(BuiltinTypes& t);
void install_range_types(BuiltinTypes& t);
void install_exception_types(BuiltinTypes& t, BuiltinExceptions& e);
void install_callable_types(BuiltinTypes& t);
void install_stream_type(BuiltinTypes& t);
void install_super_type(BuiltinTypes& t);
void install_generic_alias_type(BuiltinTypes& t);
// __new__ of the builtins classes derive from; list/dict/set __init__.
void install_derived_types(BuiltinTypes& t);

// Adds the builtin method `name` to `type`; body(args, kwargs) gets self as
// args[0].
template <class F>
void def(const Ref<Type>& type, const std::string& name, F&& body) {
  type->add_method(name, builtin_function(name, std::forward<F>(body), type->name));
}

// args[0] as the method's C++ class, with CPython's descriptor errors when a
// method is called unbound on the wrong object.
template <class T>
T& self_as(std::span<const Value> args, const Type& type, std::string_view method) {
  if (args.empty()) {
    // method_vectorcall_*: 3.9+ name the method with its class.
    if (!Runtime::current().features.method_errors_qualified)
      throw_type_error(fmt::format("descriptor '{}' of '{}' object needs an argument", method, type.name));
    throw_type_error(fmt::format("unbound method {}.{}() needs an argument", type.name, method));
  }
  if (auto* p = args[0].as<T>()) return *p;
  throw_type_error(fmt::format("descriptor '{}' for '{}' objects doesn't apply to a '{}' object", method, type.name,
                               type_name(args[0])));
}

}  // namespace asim::runtime
