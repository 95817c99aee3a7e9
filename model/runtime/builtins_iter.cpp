// The builtins that consume or make iterators: sorted, min, max, sum, any,
// all, iter, next, and the classes enumerate, zip, map, filter, reversed
// (Python/bltinmodule.c, Objects/enumobject.c).
#include <fmt/format.h>

#include <cmath>

#include "model/runtime/args.hpp"
#include "model/runtime/builtins_internal.hpp"
#include "model/runtime/bytes.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/dict.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/instance.hpp"
#include "model/runtime/iterators.hpp"
#include "model/runtime/length_hint.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

namespace {

using Args = std::span<const Value>;
using Kw = std::span<const Keyword>;

// min_max: the first extreme element wins ties.
Value min_max(Args a, Kw kw, bool is_max) {
  const char* name = is_max ? "max" : "min";
  std::optional<Value> key, dflt;
  for (const auto& k : kw) {
    if (k.name == "key") key = k.value;
    else if (k.name == "default") dflt = k.value;
    else {
      const std::string_view params[] = {"key", "default"};
      args::unexpected_keyword(name, k.name, params);
    }
  }
  if (a.empty()) throw_type_error(fmt::format("{} expected at least 1 argument, got 0", name));
  if (a.size() > 1 && dflt)
    throw_type_error(fmt::format("Cannot specify a default for {}() with multiple positional arguments", name));
  const Value it = a.size() == 1 ? iter(a[0]) : iter(make_tuple(std::vector<Value>(a.begin(), a.end())));
  std::optional<Value> best, best_key;
  const bool use_key = key && !key->is_none();
  while (auto item = next(it)) {
    Value k = use_key ? call(*key, std::span<const Value>(&*item, 1)) : *item;
    if (!best) {
      best = std::move(*item);
      best_key = std::move(k);
      continue;
    }
    const bool better = truthy(compare(is_max ? CmpOp::Gt : CmpOp::Lt, k, *best_key));
    if (better) {
      best = std::move(*item);
      best_key = std::move(k);
    }
  }
  if (best) return *best;
  if (dflt) return *dflt;
  throw_value_error(fmt::format("{}() {}", name,
                                Runtime::current().features.min_max_iterable_wording ? "iterable argument is empty"
                                                                                      : "arg is an empty sequence"));
}

// builtin_sum_impl: an exact int fast path, then a float one (compensated,
// Neumaier, from 3.12), then generic +.
Value sum(Args a, Kw kw) {
  auto p = args::bind("sum", a, kw, {"iterable", "start"}, 2, 1);
  Value result = p[1].value_or(Value::integer(0));
  if (result.as<Str>()) throw_type_error("sum() can't sum strings [use ''.join(seq) instead]");
  const Value it = iter(*p[0]);
  std::optional<Value> pending;  // an item the fast path could not take
  if (result.kind() == Value::Kind::Int) {
    std::int64_t total = result.as_int();
    for (;;) {
      auto item = next(it);
      if (!item) return Value::integer(total);
      if (num::is_int(*item)) {
        std::int64_t r;
        if (!__builtin_add_overflow(total, num::as_i64(*item), &r)) {
          total = r;
          continue;
        }
      }
      result = binary_op(BinOp::Add, Value::integer(total), *item);
      break;
    }
  }
  if (result.kind() == Value::Kind::Float) {
    double f = result.as_float(), c = 0.0;
    for (;;) {
      auto item = next(it);
      if (!item) {
        if (c != 0.0 && std::isfinite(c)) f += c;
        return Value::floating(f);
      }
      if (item->kind() == Value::Kind::Float) {
        const double x = item->as_float();
        if (!Runtime::current().features.sum_floats_compensated) {
          f += x;
          continue;
        }
        const double t = f + x;
        if (std::fabs(f) >= std::fabs(x)) c += (f - t) + x;
        else c += (x - t) + f;
        f = t;
        continue;
      }
      if (num::is_int(*item)) {
        f += static_cast<double>(num::as_i64(*item));
        continue;
      }
      if (c != 0.0 && std::isfinite(c)) f += c;
      result = binary_op(BinOp::Add, Value::floating(f), *item);
      break;
    }
  }
  while (auto item = next(it)) result = binary_op(BinOp::Add, result, *item);
  return result;
}

Ref<Type> builtin_class(Module& m, const char* name) {
  auto t = make<Type>("builtins", name, Runtime::current().types.object);
  m.dict[name] = Value(t);
  return t;
}

Value reversed_of(const Value& seq) {
  if (auto f = user_override(seq, "__reversed__")) return call(*f, std::span<const Value>(&seq, 1));
  if (auto* l = seq.as<List>()) return Value(make<ListReverseIterator>(Ref<List>(l)));
  auto backwards = [](std::vector<Value> items) {
    std::reverse(items.begin(), items.end());
    return items;
  };
  if (auto* t = seq.as<Tuple>()) return Value(make<SequenceIterator>("reversed", backwards(t->items)));
  if (seq.as<Str>() || seq.as<Bytes>()) return Value(make<SequenceIterator>("reversed", backwards(to_vector(seq))));
  if (auto* r = seq.as<Range>()) {
    if (r->length == 0) return Value(make<RangeIterator>(0, 1, 0));
    return Value(make<RangeIterator>(r->at(r->length - 1), -r->step, r->length));
  }
  if ((seq.as<Dict>() || seq.as<DictView>()) && Runtime::current().features.dict_reversible) {
    auto* view = seq.as<DictView>();
    if (view && view->kind == DictView::Kind::Items)
      return Value(make<SequenceIterator>("dict_reverseitemiterator", backwards(view->snapshot())));
    if (view && view->kind == DictView::Kind::Values)
      return Value(make<SequenceIterator>("dict_reversevalueiterator", backwards(view->snapshot())));
    return Value(make<SequenceIterator>("dict_reversekeyiterator", backwards(to_vector(seq))));
  }
  if (seq.is_object() && seq.as<Instance>()) {
    if (auto f = type_of(seq)->lookup_override("__reversed__")) return call(*f, std::span<const Value>(&seq, 1));
    const auto cls = type_of(seq);
    if (cls->lookup_override("__len__") && cls->lookup_override("__getitem__")) {
      std::vector<Value> items;
      for (std::int64_t i = len(seq) - 1; i >= 0; --i) items.push_back(getitem(seq, Value::integer(i)));
      return Value(make<SequenceIterator>("reversed", std::move(items)));
    }
  }
  throw_type_error(fmt::format("'{}' object is not reversible", type_name(seq)));
}

}  // namespace

void add_iteration_builtins(Module& m) {
  add_function(m, "sorted", [](Args a, Kw kw) {
    args::count("sorted", a, 1, 1);
    auto l = make<List>(extend_items(a[0]));
    call_method(Value(l), "sort", {}, kw);
    return Value(l);
  });
  add_function(m, "min", [](Args a, Kw kw) { return min_max(a, kw, false); });
  add_function(m, "max", [](Args a, Kw kw) { return min_max(a, kw, true); });
  add_function(m, "sum", sum);
  add_function(m, "any", [](Args a, Kw kw) {
    args::no_kwargs("any", kw);
    args::exactly("any", a, 1);
    const Value it = iter(a[0]);
    while (auto v = next(it))
      if (truthy(*v)) return Value::boolean(true);
    return Value::boolean(false);
  });
  add_function(m, "all", [](Args a, Kw kw) {
    args::no_kwargs("all", kw);
    args::exactly("all", a, 1);
    const Value it = iter(a[0]);
    while (auto v = next(it))
      if (!truthy(*v)) return Value::boolean(false);
    return Value::boolean(true);
  });
  add_function(m, "iter", [](Args a, Kw kw) {
    args::no_kwargs("iter", kw);
    args::count("iter", a, 1, 2);
    if (a.size() == 1) return iter(a[0]);
    if (!is_callable(a[0])) throw_type_error("iter(v, w): v must be callable");
    return Value(make<CallIterator>(a[0], a[1]));
  });
  add_function(m, "next", [](Args a, Kw kw) {
    args::no_kwargs("next", kw);
    args::count("next", a, 1, 2);
    if (!is_iterator(a[0])) throw_type_error(fmt::format("'{}' object is not an iterator", type_name(a[0])));
    if (auto v = next(a[0])) return *v;
    if (a.size() > 1) return a[1];
    const Value stop = a[0].as<Iterator>()->take_stop_value();
    throw PyError{make<PyException>(Runtime::current().builtins.StopIteration,
                                    stop.is_none() ? std::vector<Value>{} : std::vector<Value>{stop})};
  });

  auto enumerate = builtin_class(m, "enumerate");
  register_type(typeid(Enumerate), enumerate);
  enumerate->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    // enumerate_new parses with getargs.c, which 3.13 left as it was.
    auto p = args::bind("enumerate", a, kw, {"iterable", "start"}, 2, 1, false);
    Value start = Value::integer(0);
    if (p[1]) start = num::as_big(*p[1]) ? *p[1] : Value::integer(index_value(*p[1]));
    return Value(make<Enumerate>(iter(*p[0]), start));
  };
  auto zip = builtin_class(m, "zip");
  register_type(typeid(Zip), zip);
  zip->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    bool strict = false;
    for (const auto& k : kw) {
      if (!Runtime::current().features.zip_strict) throw_type_error("zip() takes no keyword arguments");
      if (k.name != "strict") throw_type_error(fmt::format("zip() got an unexpected keyword argument '{}'", k.name));
      strict = truthy(k.value);
    }
    std::vector<Value> its;
    for (const auto& v : a) {
      try {
        its.push_back(iter(v));
      } catch (const PyError& e) {
        // 3.7's zip_new replaced any TypeError of iter() with its own.
        if (!Runtime::current().features.zip_names_argument ||
            !e.exc->isinstance(Runtime::current().builtins.TypeError.get()))
          throw;
        throw_type_error(fmt::format("zip argument #{} must support iteration", its.size() + 1));
      }
    }
    return Value(make<Zip>(std::move(its), strict));
  };
  auto map = builtin_class(m, "map");
  register_type(typeid(Map), map);
  map->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    args::no_kwargs("map", kw);
    if (a.size() < 2) throw_type_error("map() must have at least two arguments.");
    std::vector<Value> its;
    for (std::size_t i = 1; i < a.size(); ++i) its.push_back(iter(a[i]));
    return Value(make<Map>(a[0], std::move(its)));
  };
  auto filter = builtin_class(m, "filter");
  register_type(typeid(Filter), filter);
  filter->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    args::no_kwargs("filter", kw);
    args::count("filter", a, 2, 2);
    return Value(make<Filter>(a[0], iter(a[1])));
  };
  auto reversed = builtin_class(m, "reversed");
  Runtime::current().named_types["reversed"] = reversed;
  reversed->constructor = [](const Ref<Type>&, Args a, Kw kw) {
    args::no_kwargs("reversed", kw);
    args::count("reversed", a, 1, 1);
    return reversed_of(a[0]);
  };
}

}  // namespace asim::runtime
