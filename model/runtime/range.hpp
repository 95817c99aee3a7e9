// Python's range (Objects/rangeobject.c), a lazy arithmetic sequence, and
// slice objects (Objects/sliceobject.c) with PySlice_AdjustIndices.
#pragma once

#include <cstdint>

#include "model/runtime/value.hpp"

namespace asim::runtime {

class Range : public Object {
 public:
  // step != 0
  Range(std::int64_t start, std::int64_t stop, std::int64_t step);
  std::string_view type_name() const override { return "range"; }
  std::string repr() const override;
  // range[i] for 0 <= i < length
  std::int64_t at(std::int64_t i) const { return start + i * step; }
  bool contains(std::int64_t v) const;

  const std::int64_t start, stop, step, length;
};

class Slice : public Object {
 public:
  Slice(Value start, Value stop, Value step) : start(std::move(start)), stop(std::move(stop)), step(std::move(step)) {}
  std::string_view type_name() const override { return "slice"; }
  std::string repr() const override;

  // PySlice_Unpack + PySlice_AdjustIndices for a sequence of `length`.
  struct Indices {
    std::int64_t start, stop, step, count;
  };
  Indices indices(std::int64_t length) const;

  const Value start, stop, step;
};

}  // namespace asim::runtime
