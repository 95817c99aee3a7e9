// A Python value as the model passes it around: immediates for None, bool,
// int and float; everything else is a reference to a heap Object.
#pragma once

#include <cstdint>
#include <string>

#include "model/runtime/object.hpp"

namespace asim::runtime {

class Value {
 public:
  enum class Kind : std::uint8_t { None, Bool, Int, Float, Obj };

  Value() = default;
  static Value none() { return Value(); }
  static Value boolean(bool b) {
    Value v;
    v.kind_ = Kind::Bool;
    // The whole word, not one byte of it: a Value is copied as a word, and
    // a word read after a byte written stalls the store forwarding.
    v.i_ = b;
    return v;
  }
  static Value integer(std::int64_t i) {
    Value v;
    v.kind_ = Kind::Int;
    v.i_ = i;
    return v;
  }
  static Value floating(double d) {
    Value v;
    v.kind_ = Kind::Float;
    v.d_ = d;
    return v;
  }
  static Value str(std::string s);
  template <class T>
  Value(const Ref<T>& r) {
    if (r) {
      kind_ = Kind::Obj;
      o_ = r.get();
      o_->incref();
    }
  }
  Value(std::nullptr_t) {}

  Value(const Value& o) : kind_(o.kind_), i_(o.i_) {
    if (kind_ == Kind::Obj) o_->incref();
  }
  Value(Value&& o) noexcept : kind_(o.kind_), i_(o.i_) { o.kind_ = Kind::None; }
  Value& operator=(Value o) noexcept {
    std::swap(kind_, o.kind_);
    std::swap(i_, o.i_);
    return *this;
  }
  ~Value() {
    if (kind_ == Kind::Obj && !detail::tearing_down) o_->decref();
  }

  Kind kind() const { return kind_; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_object() const { return kind_ == Kind::Obj; }
  bool as_bool() const { return i_ != 0; }
  std::int64_t as_int() const { return i_; }
  double as_float() const { return d_; }
  Object* object() const { return kind_ == Kind::Obj ? o_ : nullptr; }
  // The object as T when it is one (a cached dynamic_cast), else nullptr.
  template <class T>
  T* as() const {
    return downcast<T>(object());
  }
  template <class T>
  Ref<T> ref() const {
    return Ref<T>(as<T>());
  }

  // CPython's `is`.
  bool is(const Value& o) const;

 private:
  Kind kind_ = Kind::None;
  union {
    std::int64_t i_ = 0;  // an int, or a bool as 0 or 1
    double d_;
    Object* o_;
  };
};

// A Python str.
class Str : public Object {
 public:
  explicit Str(std::string s) : text(std::move(s)) {}
  std::string_view type_name() const override { return "str"; }
  std::string repr() const override;
  const std::string text;
};

std::string type_name(const Value& v);
std::string repr(const Value& v);
std::string str(const Value& v);
// repr() of a float as CPython prints it: the shortest string that round-trips.
std::string float_repr(double d);

}  // namespace asim::runtime
