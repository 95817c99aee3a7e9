// range (Objects/rangeobject.c) and slice (Objects/sliceobject.c).
#include "model/runtime/range.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "model/runtime/args.hpp"
#include "model/runtime/install.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/unmodelled.hpp"

namespace asim::runtime {

namespace {

// compute_range_length
std::int64_t range_length(std::int64_t start, std::int64_t stop, std::int64_t step) {
  __int128 lo = start, hi = stop, s = step;
  if (s < 0) {
    std::swap(lo, hi);
    s = -s;
  }
  if (lo >= hi) return 0;
  const __int128 n = (hi - lo - 1) / s + 1;
  if (n > INT64_MAX) throw_overflow_error("Python int too large to convert to C ssize_t");
  return static_cast<std::int64_t>(n);
}

}  // namespace

Range::Range(std::int64_t start, std::int64_t stop, std::int64_t step)
    : start(start), stop(stop), step(step), length(range_length(start, stop, step)) {}

std::string Range::repr() const {
  if (step == 1) return fmt::format("range({}, {})", start, stop);
  return fmt::format("range({}, {}, {})", start, stop, step);
}

bool Range::contains(std::int64_t v) const {
  if (length == 0) return false;
  const std::int64_t last = at(length - 1);
  const std::int64_t lo = std::min(start, last), hi = std::max(start, last);
  if (v < lo || v > hi) return false;
  return (static_cast<__int128>(v) - start) % step == 0;
}

std::string Slice::repr() const {
  return fmt::format("slice({}, {}, {})", to_repr(start), to_repr(stop), to_repr(step));
}

Slice::Indices Slice::indices(std::int64_t length) const {
  // PySlice_Unpack: bounds clamp to +-2**62 so that the sums below never overflow.
  constexpr std::int64_t kBig = std::int64_t{1} << 62;
  auto bound = [](const Value& v) -> std::int64_t {
    constexpr std::int64_t kLimit = std::int64_t{1} << 62;
    if (num::as_big(v)) return num::sign(v) < 0 ? -kLimit : kLimit;
    if (!num::is_int(v))
      throw_type_error("slice indices must be integers or None or have an __index__ method");
    return std::clamp(num::as_i64(v), -kLimit, kLimit);
  };
  std::int64_t st = 1;
  if (!step.is_none()) {
    st = bound(step);
    if (st == 0) throw_value_error("slice step cannot be zero");
  }
  std::int64_t lo = start.is_none() ? (st < 0 ? kBig : 0) : bound(start);
  std::int64_t hi = stop.is_none() ? (st < 0 ? -kBig : kBig) : bound(stop);
  // PySlice_AdjustIndices
  auto adjust = [&](std::int64_t& i) {
    if (i < 0) {
      i += length;
      if (i < 0) i = st < 0 ? -1 : 0;
    } else if (i >= length) {
      i = st < 0 ? length - 1 : length;
    }
  };
  adjust(lo);
  adjust(hi);
  std::int64_t count = 0;
  if (st < 0) {
    if (hi < lo) count = (lo - hi - 1) / (-st) + 1;
  } else if (lo < hi) {
    count = (hi - lo - 1) / st + 1;
  }
  return {lo, hi, st, count};
}

void install_range_types(BuiltinTypes& t) {
  const auto& R = t.range;
  R->add_getter("start", [](const Value& self) { return Value::integer(self.as<Range>()->start); });
  R->add_getter("stop", [](const Value& self) { return Value::integer(self.as<Range>()->stop); });
  R->add_getter("step", [](const Value& self) { return Value::integer(self.as<Range>()->step); });
  def(R, "index", [R](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("range.index", kw);
    auto& r = self_as<Range>(a, *R, "index");
    args::exactly("range.index", a.subspan(1), 1);
    if (num::is_int(a[1]) && r.contains(num::as_i64(a[1])))
      return Value::integer((num::as_i64(a[1]) - r.start) / r.step);
    throw_value_error(fmt::format("{} is not in range", to_repr(a[1])));
  });
  def(R, "count", [R](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("range.count", kw);
    self_as<Range>(a, *R, "count");
    args::exactly("range.count", a.subspan(1), 1);
    return Value::integer(contains(a[0], a[1]) ? 1 : 0);
  });
  // asim's ranges are 64-bit; CPython's take any int.
  const auto bound = [](const Value& v) {
    if (num::as_big(v)) not_modelled("range() bounds beyond 64 bits", "asim's ranges are 64-bit");
    return index_value(v);
  };
  R->constructor = [bound](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("range", kw);
    if (a.empty()) throw_type_error("range expected at least 1 argument, got 0");
    if (a.size() > 3) throw_type_error(fmt::format("range expected at most 3 arguments, got {}", a.size()));
    if (a.size() == 1) return Value(make<Range>(0, bound(a[0]), 1));
    const auto start = bound(a[0]), stop = bound(a[1]);
    const auto step = a.size() > 2 ? bound(a[2]) : 1;
    if (step == 0) throw_value_error("range() arg 3 must not be zero");
    return Value(make<Range>(start, stop, step));
  };

  const auto& S = t.slice;
  S->add_getter("start", [](const Value& self) { return self.as<Slice>()->start; });
  S->add_getter("stop", [](const Value& self) { return self.as<Slice>()->stop; });
  S->add_getter("step", [](const Value& self) { return self.as<Slice>()->step; });
  def(S, "indices", [S](std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("slice.indices", kw);
    auto& s = self_as<Slice>(a, *S, "indices");
    args::exactly("slice.indices", a.subspan(1), 1);
    const auto n = index_value(a[1]);
    if (n < 0) throw_value_error("length should not be negative");
    const auto ix = s.indices(n);
    return make_tuple({Value::integer(ix.start), Value::integer(ix.stop), Value::integer(ix.step)});
  });
  S->constructor = [](const Ref<Type>&, std::span<const Value> a, std::span<const Keyword> kw) {
    args::no_kwargs("slice", kw);
    if (a.empty()) throw_type_error("slice expected at least 1 argument, got 0");
    if (a.size() > 3) throw_type_error(fmt::format("slice expected at most 3 arguments, got {}", a.size()));
    if (a.size() == 1) return make_slice(Value::none(), a[0], Value::none());
    return make_slice(a[0], a[1], a.size() > 2 ? a[2] : Value::none());
  };
}

}  // namespace asim::runtime
