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
// hash(v) as CPython's Py_hash_t: the same numbers CPython prints for int,
// float, bool, None and tuples of them; never -1.
std::int64_t py_hash(const Value& v);
// `a < b` as list.sort and min() use it.
bool less_than(const Value& a, const Value& b);
// isinstance(v, cls) for one class (bool is an int; every value an object).
bool isinstance(const Value& v, const Type* cls);
// operator.index(v): the int an index or a count must be, else TypeError
// "'float' object cannot be interpreted as an integer".
std::int64_t index_value(const Value& v);
// The NotImplemented singleton, for binary operator methods.
Value not_implemented();

// -- text
std::string to_str(const Value& v);   // str(v)
std::string to_repr(const Value& v);  // repr(v)
std::string to_ascii(const Value& v);  // ascii(v)
// format(v, spec): the format-spec mini-language for int, float, str.
std::string format(const Value& v, std::string_view spec);

// -- attributes
Value getattr(const Value& obj, std::string_view name);  // AttributeError if missing
std::optional<Value> getattr_opt(const Value& obj, std::string_view name);
// A class attribute as read through an instance (or the class itself): the
// descriptor protocol for properties, static and class methods.
Value bind_descriptor(const Value& found, const Value& self, const Ref<Type>& cls, bool through_instance);
void setattr(const Value& obj, std::string_view name, Value value);
void delattr(const Value& obj, std::string_view name);
// object.__setattr__ / object.__delattr__: past any class's own hook.
void object_setattr(const Value& obj, std::string_view name, Value value);
void object_delattr(const Value& obj, std::string_view name);

// -- calls
Value call(const Value& callable, std::span<const Value> args, std::span<const Keyword> kwargs = {});
// obj.name(*args, **kwargs)
Value call_method(const Value& obj, std::string_view name, std::span<const Value> args = {},
                  std::span<const Keyword> kwargs = {});
// callable(v)
bool is_callable(const Value& v);
// type.__call__(cls, *args, **kwargs): __new__ then __init__, past any
// metaclass's own __call__ (which reaches here through super()).
Value type_call(Type& cls, std::span<const Value> args, std::span<const Keyword> kwargs);
// type.__new__(metaclass, name, bases, namespace, **kwargs): the class a class
// statement makes once its body has run; `ns` is the body's namespace (a dict,
// in definition order).
Ref<Type> type_new(const Ref<Type>& metaclass, const std::string& name, std::vector<Ref<Type>> bases, const Value& ns,
                   std::span<const Keyword> kwargs = {});

// -- containers
Value getitem(const Value& obj, const Value& key);
void setitem(const Value& obj, const Value& key, Value value);
void delitem(const Value& obj, const Value& key);
// iter(v) as an object with runtime::Iterator; next() via Iterator::next.
Value iter(const Value& iterable);
// Whether v's type has an __iter__ or is a sequence (__getitem__): what
// ceval's check_args_iterable asks before blaming `*v` in a call.
bool has_iter_protocol(const Value& v);
std::optional<Value> next(const Value& iterator);
// len(v)
std::int64_t len(const Value& v);
// `a, b = v` (UNPACK_SEQUENCE): exactly n values, else CPython 3.12's
// ValueError ("not enough values to unpack (expected 2, got 1)", "too many
// values to unpack (expected 2)") or TypeError ("cannot unpack non-iterable
// int object").
std::vector<Value> unpack(const Value& v, std::size_t n);
// `a, *rest, b = v` (UNPACK_EX): before values, a list, after values.
std::vector<Value> unpack_ex(const Value& v, std::size_t before, std::size_t after);
// Whether v is an iterator (has __next__), not just an iterable.
bool is_iterator(const Value& v);

// -- constructors for the container types
Value make_list(std::vector<Value> items);
Value make_tuple(std::vector<Value> items);
Value make_dict();  // empty; fill with setitem
Value make_set(std::vector<Value> items);
// A set display whose elements are all constants ({3, 1, 2}, {-1, -2, 7}),
// or the set of `for x in {1, 2, 3}`: CPython 3.12 compiles those with more
// than two elements to a frozenset constant, which the compiler rebuilds
// from its own iteration order (merge_consts_recursive) before SET_UPDATE
// copies it, so the resulting order can differ from adding the elements
// one by one. make_set is for displays with any non-constant element.
Value make_constant_set(std::vector<Value> items);
// The frozenset constant CPython makes of a set display of constants that a
// for loop or a comprehension iterates (fold_iter), rebuilt once in its own
// order when `rebuilt` (3.8+).
Value make_constant_frozenset(std::vector<Value> items, bool rebuilt);
Value make_slice(Value start, Value stop, Value step);

}  // namespace asim::runtime
