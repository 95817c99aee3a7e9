// Instances of classes deriving from builtin types (model/runtime/derived):
// the instance is the builtin's own C++ object, so builtin code takes it;
// the generic operations call the class's overrides first, and the
// builtin's own methods (what super() reaches) never do. Expected values as
// CPython 3.12.1 prints them for the Python in the comments.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "model/runtime/builtins.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

using namespace asim::runtime;

namespace {

Ref<Type> subclass(const char* name, const Ref<Type>& base) {
  return make<Type>("__main__", name, std::vector<Ref<Type>>{base});
}

// A class-body method for `cls`, written in C++.
void define(const Ref<Type>& cls, const char* name, BuiltinFunction::Body body) {
  cls->dict[name] = Value(builtin_function(name, std::move(body), cls->name));
}

}  // namespace

TEST_CASE("derived: a list subclass instance is a list", "[derived]") {
  Runtime rt;
  // class Stack(list): pass; s = Stack([1, 2])
  const auto stack = subclass("Stack", rt.types.list);
  const Value s = call(Value(stack), std::vector<Value>{make_list({Value::integer(1), Value::integer(2)})});
  REQUIRE(s.as<List>() != nullptr);
  CHECK(type_of(s).get() == stack.get());
  CHECK(isinstance(s, rt.types.list.get()));
  CHECK(builtin_base(*stack) == rt.types.list.get());
  // repr(s), s + [3], type(s + [3]) is list
  CHECK(to_repr(s) == "[1, 2]");
  const Value both = binary_op(BinOp::Add, s, make_list({Value::integer(3)}));
  CHECK(to_repr(both) == "[1, 2, 3]");
  CHECK(type_of(both).get() == rt.types.list.get());
  // s.x = 1 works: the instance has a __dict__
  setattr(s, "x", Value::integer(1));
  CHECK(to_repr(getattr(s, "x")) == "1");
}

TEST_CASE("derived: overrides first, the builtin's own methods ignore them", "[derived]") {
  Runtime rt;
  // class Loud(dict):
  //     def __getitem__(self, k): return "override"
  //     def __missing__(self, k): return "missing"
  const auto loud = subclass("Loud", rt.types.dict);
  define(loud, "__getitem__", [](std::span<const Value>, std::span<const Keyword>) { return Value::str("override"); });
  define(loud, "__missing__", [](std::span<const Value>, std::span<const Keyword>) { return Value::str("missing"); });
  const Value d = call(Value(loud), {});
  setitem(d, Value::str("k"), Value::integer(1));
  // d["k"], d["nope"]
  CHECK(to_repr(getitem(d, Value::str("k"))) == "'override'");
  CHECK(to_repr(getitem(d, Value::str("nope"))) == "'override'");
  // dict.__getitem__(d, "k"), dict.__getitem__(d, "nope") (__missing__), d.get("nope")
  const Value getitem_fn = *rt.types.dict->lookup_class("__getitem__");
  CHECK(to_repr(call(getitem_fn, std::vector<Value>{d, Value::str("k")})) == "1");
  CHECK(to_repr(call(getitem_fn, std::vector<Value>{d, Value::str("nope")})) == "'missing'");
  CHECK(call_method(d, "get", std::vector<Value>{Value::str("nope")}).is_none());
  // repr(d), len(d), dict(d) == {"k": 1}
  CHECK(to_repr(d) == "{'k': 1}");
  CHECK(len(d) == 1);
}

TEST_CASE("derived: int and float subclasses compute with their number", "[derived]") {
  Runtime rt;
  // class Count(int): pass; c = Count(5)
  const auto count = subclass("Count", rt.types.int_);
  const Value c = call(Value(count), std::vector<Value>{Value::integer(5)});
  CHECK(type_of(c).get() == count.get());
  // c + 1, type(c + 1), c == 5, hash(c) == hash(5), repr(c), bool(Count(0))
  const Value sum = binary_op(BinOp::Add, c, Value::integer(1));
  CHECK(sum.kind() == Value::Kind::Int);
  CHECK(sum.as_int() == 6);
  CHECK(equals(c, Value::integer(5)));
  CHECK(py_hash(c) == py_hash(Value::integer(5)));
  CHECK(to_repr(c) == "5");
  CHECK_FALSE(truthy(call(Value(count), std::vector<Value>{Value::integer(0)})));
  CHECK(index_value(c) == 5);
}

TEST_CASE("derived: bases a class may not have", "[derived]") {
  Runtime rt;
  // class B(bool): pass
  CHECK_THROWS_AS(check_bases({rt.types.bool_}), PyError);
  // class C(list, dict): pass -> multiple bases have instance lay-out conflict
  CHECK_THROWS_AS(check_bases({rt.types.list, rt.types.dict}), PyError);
  // class T(tuple): pass; class L(list): pass -> fine; bytearray: not modelled
  CHECK_FALSE(check_bases({rt.types.tuple}).has_value());
  CHECK(check_bases({rt.types.bytearray}).has_value());
  // class P(tuple): __slots__ = () has no room for attributes
  const auto point = subclass("P", rt.types.tuple);
  point->dict["__slots__"] = make_tuple({});
  CHECK_FALSE(has_room_for(*point, "x"));
  CHECK(has_room_for(*subclass("Q", rt.types.tuple), "x"));
}
