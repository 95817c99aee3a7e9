// The Python semantics of values that the interpreter's instructions need:
// operators, comparison, truth, hashing, attribute access, calls, iteration,
// str()/repr() and formatting. Each function behaves as CPython's abstract
// object API does (Objects/abstract.c, object.c) for the types of the subset,
// and raises the same exception with the same message otherwise.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <typeinfo>
#include <vector>

#include "model/runtime/callable.hpp"
#include "model/runtime/operators.hpp"
#include "model/runtime/type.hpp"

namespace asim::runtime {

// type(v)
Ref<Type> type_of(const Value& v);
// Registers the Type that type_of() answers for objects of C++ class T (by
// typeid). Types for builtins and library classes register at start-up.
void register_type(const std::type_info& cls, Ref<Type> type);

// -- arithmetic and comparison (BINARY_OP, UNARY_*, COMPARE_OP, IS_OP, CONTAINS_OP)
Value binary_op(BinOp op, const Value& a, const Value& b);
// `a op= b`: in place for lists (+=), else binary_op.
Value inplace_op(BinOp op, const Value& a, const Value& b);
Value unary_op(UnaryOp op, const Value& v);
// ==, !=, <, <=, >, >= with CPython's rules (int/float/bool mix, str, tuples
// and lists element-wise, identity then equality for objects).
Value compare(CmpOp op, const Value& a, const Value& b);
bool equals(const Value& a, const Value& b);
// `needle in haystack`
bool contains(const Value& haystack, const Value& needle);
// bool(v)
bool truthy(const Value& v);
// hash(v), for dict keys and set members: TypeError for unhashable types.
std::size_t hash(const Value& v);

// -- text
std::string to_str(const Value& v);   // str(v)
std::string to_repr(const Value& v);  // repr(v)
// format(v, spec): the format-spec mini-language for int, float, str.
std::string format(const Value& v, std::string_view spec);

// -- attributes
Value getattr(const Value& obj, std::string_view name);  // AttributeError if missing
std::optional<Value> getattr_opt(const Value& obj, std::string_view name);
void setattr(const Value& obj, std::string_view name, Value value);

// -- calls
Value call(const Value& callable, std::span<const Value> args, std::span<const Keyword> kwargs = {});

// -- containers
Value getitem(const Value& obj, const Value& key);
void setitem(const Value& obj, const Value& key, Value value);
void delitem(const Value& obj, const Value& key);
// iter(v) as an object with runtime::Iterator; next() via Iterator::next.
Value iter(const Value& iterable);
std::optional<Value> next(const Value& iterator);
// len(v)
std::int64_t len(const Value& v);

// -- constructors for the container types
Value make_list(std::vector<Value> items);
Value make_tuple(std::vector<Value> items);
Value make_dict();  // empty; fill with setitem
Value make_set(std::vector<Value> items);
Value make_slice(Value start, Value stop, Value step);

}  // namespace asim::runtime
