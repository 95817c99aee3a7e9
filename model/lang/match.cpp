// The match statement's patterns at run time (PEP 634): what CPython's
// compiled pattern code and its MATCH_* instructions decide, one pattern
// node at a time.
#include "model/lang/match.hpp"

#include <fmt/format.h>

#include <optional>
#include <vector>

#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/list.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

namespace {

using runtime::Value;
using Kind = Pattern::Kind;

// How many operands a pattern and its subpatterns take.
int operand_count(const Pattern& p) {
  int n = p.operands;
  for (const auto& item : p.items) n += operand_count(item);
  return n;
}

class Matcher {
 public:
  Matcher(std::span<const Value> operands, int slots, bool class_wording)
      : operands_(operands), slots_(static_cast<std::size_t>(slots)), class_wording_(class_wording) {}

  // `first`: the index of p's first operand.
  bool match(const Pattern& p, const Value& subject, int first) {
    switch (p.kind) {
      case Kind::Wildcard: return true;
      case Kind::Capture: bind(p.slot, subject); return true;
      case Kind::Singleton: return subject.is(p.singleton);
      case Kind::Value: return runtime::equals(subject, operand(first));
      case Kind::As:
        if (!match(p.items.front(), subject, first)) return false;
        bind(p.slot, subject);
        return true;
      case Kind::Or:
        for (const auto& alt : p.items) {
          if (match(alt, subject, first)) return true;
          first += operand_count(alt);
        }
        return false;
      case Kind::Sequence: return sequence(p, subject, first);
      case Kind::Mapping: return mapping(p, subject, first);
      case Kind::Class: return class_pattern(p, subject, first);
      case Kind::Star: return true;  // matched by its sequence
    }
    return false;
  }

  Value result() {
    std::vector<Value> out;
    for (auto& s : slots_) out.push_back(s ? *s : Value());
    return runtime::make_tuple(std::move(out));
  }

 private:
  const Value& operand(int i) const { return operands_[static_cast<std::size_t>(i)]; }
  void bind(int slot, const Value& v) {
    if (slot >= 0) slots_[static_cast<std::size_t>(slot)] = v;
  }

  // MATCH_SEQUENCE: a list, tuple or range (Py_TPFLAGS_SEQUENCE), never a
  // str, bytes or bytearray.
  static bool is_sequence(const Value& v) {
    return v.as<runtime::List>() || v.as<runtime::Tuple>() || v.as<runtime::Range>();
  }

  bool sequence(const Pattern& p, const Value& subject, int first) {
    if (!is_sequence(subject)) return false;
    const std::vector<Value> items = runtime::to_vector(subject);
    std::size_t star = p.items.size();
    for (std::size_t i = 0; i < p.items.size(); ++i)
      if (p.items[i].kind == Kind::Star) star = i;
    const std::size_t fixed = p.items.size() - (star < p.items.size() ? 1 : 0);
    if (star == p.items.size() ? items.size() != fixed : items.size() < fixed) return false;
    int at = first;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      const Pattern& sub = p.items[i];
      if (i == star) {
        const std::size_t after = p.items.size() - star - 1;
        bind(sub.slot, runtime::make_list(std::vector<Value>(items.begin() + static_cast<std::ptrdiff_t>(star),
                                                             items.end() - static_cast<std::ptrdiff_t>(after))));
      } else {
        const std::size_t index = i < star ? i : items.size() - (p.items.size() - i);
        if (!match(sub, items[index], at)) return false;
      }
      at += operand_count(sub);
    }
    return true;
  }

  // MATCH_MAPPING and MATCH_KEYS: a dict that has every key; **rest the others.
  bool mapping(const Pattern& p, const Value& subject, int first) {
    auto* d = subject.as<runtime::Dict>();
    if (!d) return false;
    const std::size_t keys = static_cast<std::size_t>(p.operands);
    if (d->size() < keys) return false;
    std::vector<Value> seen;
    std::vector<Value> values;
    for (std::size_t k = 0; k < keys; ++k) {
      const Value& key = operand(first + static_cast<int>(k));
      for (const auto& s : seen)
        if (runtime::equals(s, key))
          runtime::throw_value_error(fmt::format("mapping pattern checks duplicate key ({})", runtime::to_repr(key)));
      seen.push_back(key);
      auto v = d->get(key);
      if (!v) return false;
      values.push_back(*v);
    }
    int at = first + p.operands;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      if (!match(p.items[i], values[i], at)) return false;
      at += operand_count(p.items[i]);
    }
    if (p.slot >= 0) {
      Value rest = runtime::call_method(subject, "copy");
      for (const auto& key : seen) runtime::delitem(rest, key);
      bind(p.slot, rest);
    }
    return true;
  }

  // MATCH_CLASS (match_class in ceval.c).
  bool class_pattern(const Pattern& p, const Value& subject, int first) {
    const Value& cls_value = operand(first);
    auto* cls = cls_value.as<runtime::Type>();
    if (!cls)
      runtime::throw_type_error(class_wording_ ? "called match pattern must be a class"
                                               : "called match pattern must be a type");
    if (!runtime::isinstance(subject, cls)) return false;
    const std::size_t positional = p.items.size() - p.keywords.size();
    std::vector<std::string> names;  // "" for the subject itself
    const auto args = cls->lookup_class("__match_args__");
    // Without __match_args__, the builtins bool, int, str... (and their
    // subclasses: _Py_TPFLAGS_MATCH_SELF) match one positional pattern
    // against the subject itself.
    auto& b = runtime::Runtime::current().types;
    const bool self_match = !args && (cls->is_subclass_of(b.int_.get()) || cls->is_subclass_of(b.float_.get()) ||
                                      cls->is_subclass_of(b.str.get()) || cls->is_subclass_of(b.bytes.get()) ||
                                      cls->is_subclass_of(b.bytearray.get()) || cls->is_subclass_of(b.list.get()) ||
                                      cls->is_subclass_of(b.tuple.get()) || cls->is_subclass_of(b.dict.get()) ||
                                      cls->is_subclass_of(b.set.get()) || cls->is_subclass_of(b.frozenset.get()));
    if (positional > 0 && self_match) {
      if (positional > 1)
        runtime::throw_type_error(fmt::format("{}() accepts 1 positional sub-pattern ({} given)", cls->name, positional));
      names.emplace_back();
    } else if (positional > 0) {
      std::vector<Value> match_args;
      if (args) {
        if (!args->as<runtime::Tuple>())
          runtime::throw_type_error(
              fmt::format("{}.__match_args__ must be a tuple (got {})", cls->name, runtime::type_name(*args)));
        match_args = args->as<runtime::Tuple>()->items;
      }
      if (positional > match_args.size())
        runtime::throw_type_error(fmt::format("{}() accepts {} positional sub-pattern{} ({} given)", cls->name,
                                              match_args.size(), match_args.size() == 1 ? "" : "s", positional));
      for (std::size_t i = 0; i < positional; ++i) {
        auto* name = match_args[i].as<runtime::Str>();
        if (!name)
          runtime::throw_type_error(fmt::format("__match_args__ elements must be strings (got {})",
                                                runtime::type_name(match_args[i])));
        names.push_back(name->text);
      }
    }
    for (const auto& k : p.keywords) names.push_back(k);
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (names[i].empty()) continue;
      for (std::size_t j = 0; j < i; ++j)
        if (names[j] == names[i])
          runtime::throw_type_error(
              fmt::format("{}() got multiple sub-patterns for attribute '{}'", cls->name, names[i]));
    }
    int at = first + p.operands;
    for (std::size_t i = 0; i < p.items.size(); ++i) {
      Value attr;
      if (names[i].empty()) {
        attr = subject;
      } else {
        auto v = runtime::getattr_opt(subject, names[i]);
        if (!v) return false;
        attr = *v;
      }
      if (!match(p.items[i], attr, at)) return false;
      at += operand_count(p.items[i]);
    }
    return true;
  }

  std::span<const Value> operands_;
  std::vector<std::optional<Value>> slots_;
  bool class_wording_;
};

}  // namespace

Value match_pattern(const Pattern& pattern, const Value& subject, std::span<const Value> operands, bool class_wording) {
  Matcher m(operands, pattern.slots, class_wording);
  if (!m.match(pattern, subject, 0)) return Value();
  return m.result();
}

}  // namespace asim::lang
