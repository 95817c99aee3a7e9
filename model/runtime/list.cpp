// list and tuple: repr, list.sort's algorithm and the methods of both
// (Objects/listobject.c, Objects/tupleobject.c).
#include "model/runtime/list.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/args.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/length_hint.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/repr_guard.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime {

namespace {

std::string join_reprs(const std::vector<Value>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ", ";
    out += to_repr(items[i]);
  }
  return out;
}

// x is item, or x == item: how list.index, count, remove and `in` compare.
bool same(const Value& a, const Value& b) {
  return a.is(b) || equals(a, b);
}

// An index argument clamped into [0, n], as list.insert and the start/stop
// of index() treat it.
std::int64_t clamp_index(std::int64_t i, std::int64_t n) {
  if (i < 0) i = std::max<std::int64_t>(0, i + n);
  return std::min(i, n);
}

}  // namespace

std::string List::repr() const {
  ReprGuard guard(this);
  if (!guard.entered()) return "[...]";
  return "[" + join_reprs(items) + "]";
}

std::string Tuple::repr() const {
  ReprGuard guard(this);
  if (!guard.entered()) return "(...)";
  return "(" + join_reprs(items) + (items.size() == 1 ? ",)" : ")");
}

namespace {

// listobject.c's timsort over positions into `keys`, for fewer than 64
// items, where it is one run (count_run) completed by binarysort: the same
// comparisons, in the same order, as CPython makes (a __lt__ that prints,
// or fails, shows them).
class ShortSort {
 public:
  ShortSort(const std::vector<Value>& keys, std::vector<std::size_t>& order) : keys_(keys), order_(order) {}

  void sort() {
    const std::size_t n = order_.size();
    if (n < 2) return;
    bool descending = false;
    const std::size_t run = count_run(descending);
    if (descending) std::reverse(order_.begin(), order_.begin() + static_cast<std::ptrdiff_t>(run));
    if (run < n) binarysort(run);
  }

 private:
  bool lt(std::size_t a, std::size_t b) const { return less_than(keys_[order_[a]], keys_[order_[b]]); }

  // The run at the start: ascending, or strictly descending.
  std::size_t count_run(bool& descending) const {
    const std::size_t n = order_.size();
    std::size_t i = 2;
    if (lt(1, 0)) {
      descending = true;
      while (i < n && lt(i, i - 1)) ++i;
    } else {
      while (i < n && !lt(i, i - 1)) ++i;
    }
    return i;
  }

  // Each item from `start` on goes after the equal ones before it, found
  // by binary search; the comparison comes before any move.
  void binarysort(std::size_t start) {
    for (; start < order_.size(); ++start) {
      std::size_t l = 0, r = start;
      do {
        const std::size_t p = l + ((r - l) >> 1);
        if (lt(start, p)) r = p;
        else l = p + 1;
      } while (l < r);
      std::rotate(order_.begin() + static_cast<std::ptrdiff_t>(l), order_.begin() + static_cast<std::ptrdiff_t>(start),
                  order_.begin() + static_cast<std::ptrdiff_t>(start) + 1);
    }
  }

  const std::vector<Value>& keys_;
  std::vector<std::size_t>& order_;
};

}  // namespace

void stable_sort(std::vector<Value>& items, const Value& key, bool reverse) {
  std::vector<Value> keys;
  if (key.is_none()) {
    keys = items;
  } else {
    keys.reserve(items.size());
    for (const auto& item : items) keys.push_back(call(key, std::span<const Value>(&item, 1)));
  }
  const std::size_t n = items.size();
  std::vector<std::size_t> order(n);
  // list_sort_impl reverses first and last, so that equal items keep
  // their order under reverse=True.
  for (std::size_t i = 0; i < n; ++i) order[i] = reverse ? n - 1 - i : i;
  auto finish = [&] {
    if (reverse) std::reverse(order.begin(), order.end());
    std::vector<Value> sorted;
    sorted.reserve(n);
    for (std::size_t i : order) sorted.push_back(items[i]);
    items = std::move(sorted);
  };
  if (n < 64) {
    // A failed comparison leaves the items as far as they were sorted.
    try {
      ShortSort(keys, order).sort();
    } catch (...) {
      finish();
      throw;
    }
    finish();
    return;
  }
  // Longer lists: a bottom-up merge sort, whose result is timsort's but
  // whose comparisons are not; one that fails would show that.
  std::vector<std::size_t> buffer(n);
  try {
    for (std::size_t width = 1; width < n; width *= 2) {
      for (std::size_t lo = 0; lo < n; lo += 2 * width) {
        const std::size_t mid = std::min(lo + width, n), hi = std::min(lo + 2 * width, n);
        std::size_t i = lo, j = mid, k = lo;
        while (i < mid && j < hi) buffer[k++] = less_than(keys[order[j]], keys[order[i]]) ? order[j++] : order[i++];
        while (i < mid) buffer[k++] = order[i++];
        while (j < hi) buffer[k++] = order[j++];
      }
      order.swap(buffer);
    }
  } catch (const PyError&) {
    not_modelled("a comparison failing while sorting 64 items or more",
                 "asim compares them in another order than CPython's timsort");
  }
  finish();
}

void install_list_type(BuiltinTypes& t) {
  const auto& T = t.list;
  auto self = [T](std::span<const Value> a, std::string_view m) -> List& { return self_as<List>(a, *T, m); };

  def(T, "append", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.append", kw);
    auto& l = self(a, "append");
    args::exactly("list.append", a.subspan(1), 1);
    l.items.push_back(a[1]);
    return Value::none();
  });
  def(T, "extend", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.extend", kw);
    auto& l = self(a, "extend");
    args::exactly("list.extend", a.subspan(1), 1);
    auto more = extend_items(a[1]);
    l.items.insert(l.items.end(), more.begin(), more.end());
    return Value::none();
  });
  def(T, "insert", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("insert", kw);
    auto& l = self(a, "insert");
    args::count("insert", a.subspan(1), 2, 2);
    const auto i = clamp_index(index_value(a[1]), static_cast<std::int64_t>(l.items.size()));
    l.items.insert(l.items.begin() + i, a[2]);
    return Value::none();
  });
  def(T, "pop", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("pop", kw);
    auto& l = self(a, "pop");
    args::count("pop", a.subspan(1), 0, 1);
    if (l.items.empty()) throw_index_error("pop from empty list");
    const auto n = static_cast<std::int64_t>(l.items.size());
    std::int64_t i = a.size() > 1 ? index_value(a[1]) : -1;
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw_index_error("pop index out of range");
    Value v = l.items[static_cast<std::size_t>(i)];
    l.items.erase(l.items.begin() + i);
    return v;
  });
  def(T, "remove", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.remove", kw);
    auto& l = self(a, "remove");
    args::exactly("list.remove", a.subspan(1), 1);
    for (std::size_t i = 0; i < l.items.size(); ++i) {
      if (same(l.items[i], a[1])) {
        l.items.erase(l.items.begin() + static_cast<std::ptrdiff_t>(i));
        return Value::none();
      }
    }
    throw_value_error("list.remove(x): x not in list");
  });
  def(T, "index", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("index", kw);
    auto& l = self(a, "index");
    args::count("index", a.subspan(1), 1, 3);
    const auto n = static_cast<std::int64_t>(l.items.size());
    const auto start = a.size() > 2 ? clamp_index(index_value(a[2]), n) : 0;
    const auto stop = a.size() > 3 ? clamp_index(index_value(a[3]), n) : n;
    for (auto i = start; i < stop && i < static_cast<std::int64_t>(l.items.size()); ++i)
      if (same(l.items[static_cast<std::size_t>(i)], a[1])) return Value::integer(i);
    throw_value_error(fmt::format("{} is not in list", to_repr(a[1])));
  });
  def(T, "count", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.count", kw);
    auto& l = self(a, "count");
    args::exactly("list.count", a.subspan(1), 1);
    std::int64_t c = 0;
    for (const auto& item : std::vector<Value>(l.items))
      if (same(item, a[1])) ++c;
    return Value::integer(c);
  });
  def(T, "sort", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    auto& l = self(a, "sort");
    auto p = args::bind("sort", a.subspan(1), kw, {"key", "reverse"}, 0, 0);
    const Value key = p[0].value_or(Value::none());
    const bool reverse = p[1] && truthy(*p[1]);
    // list_sort_impl empties the list while sorting, so a key function that
    // looks at the list sees it empty, and a change is detected.
    std::vector<Value> items;
    items.swap(l.items);
    // A failed key or comparison leaves the items as stable_sort left them.
    try {
      stable_sort(items, key, reverse);
    } catch (...) {
      if (l.items.empty()) l.items.swap(items);
      throw;
    }
    const bool modified = !l.items.empty();
    l.items.swap(items);
    if (modified) throw_value_error("list modified during sort");
    return Value::none();
  });
  def(T, "reverse", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.reverse", kw);
    auto& l = self(a, "reverse");
    args::exactly("list.reverse", a.subspan(1), 0);
    std::reverse(l.items.begin(), l.items.end());
    return Value::none();
  });
  def(T, "clear", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.clear", kw);
    auto& l = self(a, "clear");
    args::exactly("list.clear", a.subspan(1), 0);
    // Emptied first: a __del__ the release runs sees an empty list.
    std::vector<Value> old;
    old.swap(l.items);
    release_backwards(old);
    return Value::none();
  });
  def(T, "copy", [self](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list.copy", kw);
    auto& l = self(a, "copy");
    args::exactly("list.copy", a.subspan(1), 0);
    return Value(make<List>(l.items));
  });
  T->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("list", kw);
    args::count("list", a, 0, 1);
    return Value(make<List>(a.empty() ? std::vector<Value>{} : extend_items(a[0])));
  };
}

void install_tuple_type(BuiltinTypes& t) {
  const auto& T = t.tuple;
  def(T, "index", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("index", kw);
    auto& tup = self_as<Tuple>(a, *T, "index");
    args::count("index", a.subspan(1), 1, 3);
    const auto n = static_cast<std::int64_t>(tup.items.size());
    const auto start = a.size() > 2 ? clamp_index(index_value(a[2]), n) : 0;
    const auto stop = a.size() > 3 ? clamp_index(index_value(a[3]), n) : n;
    for (auto i = start; i < stop; ++i)
      if (same(tup.items[static_cast<std::size_t>(i)], a[1])) return Value::integer(i);
    throw_value_error("tuple.index(x): x not in tuple");
  });
  def(T, "count", [T](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("tuple.count", kw);
    auto& tup = self_as<Tuple>(a, *T, "count");
    args::exactly("tuple.count", a.subspan(1), 1);
    std::int64_t c = 0;
    for (const auto& item : tup.items)
      if (same(item, a[1])) ++c;
    return Value::integer(c);
  });
  T->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("tuple", kw);
    args::count("tuple", a, 0, 1);
    if (!a.empty() && a[0].as<Tuple>() && !a[0].object()->user_class()) return a[0];  // tuple(t) is t
    return Value(make<Tuple>(a.empty() ? std::vector<Value>{} : extend_items(a[0])));
  };
}

}  // namespace asim::runtime
