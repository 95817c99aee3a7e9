// str(), repr() and ascii() (PyObject_Str, PyObject_Repr, PyObject_ASCII),
// honouring a class body's __str__ / __repr__.
#include <fmt/format.h>

#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

std::string call_text_method(const Value& f, const Value& self, const char* which) {
  const Value r = call(f, std::span<const Value>(&self, 1));
  auto* s = r.as<Str>();
  if (!s) throw_type_error(fmt::format("{} returned non-string (type {})", which, type_name(r)));
  return s->text;
}

}  // namespace

std::string to_repr(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::None: return "None";
    case Value::Kind::Bool: return v.as_bool() ? "True" : "False";
    case Value::Kind::Int: return std::to_string(v.as_int());
    case Value::Kind::Float: return float_repr(v.as_float());
    case Value::Kind::Obj: break;
  }
  Object* o = v.object();
  if (o->user_class() ? overriding_class(o) != nullptr : !downcast<Str>(o)) {
    if (auto f = type_of(v)->lookup_override("__repr__")) return call_text_method(*f, v, "__repr__");
  }
  return o->repr();
}

std::string to_str(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::Obj: break;
    default: return to_repr(v);
  }
  auto* s = v.as<Str>();
  const bool builtin = !overridable(v);
  if (s && builtin) return s->text;
  if (!builtin || !v.object()->user_class())
    if (auto f = type_of(v)->lookup_override("__str__")) return call_text_method(*f, v, "__str__");
  if (s) return s->text;
  if (auto* n = v.as<DerivedNumber>(); n && !Runtime::current().features.number_str_is_repr) return to_str(n->value);
  if (auto* e = v.as<PyException>()) return e->message();
  return to_repr(v);
}

std::string to_ascii(const Value& v) {
  const std::string r = to_repr(v);
  if (text::is_ascii(r)) return r;
  std::string out;
  for (char32_t c : text::decode(r)) {
    if (c < 0x80) out += static_cast<char>(c);
    else if (c < 0x100) out += fmt::format("\\x{:02x}", static_cast<unsigned>(c));
    else if (c < 0x10000) out += fmt::format("\\u{:04x}", static_cast<unsigned>(c));
    else out += fmt::format("\\U{:08x}", static_cast<unsigned>(c));
  }
  return out;
}

}  // namespace asim::runtime
