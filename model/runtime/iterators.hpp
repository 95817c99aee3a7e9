// The builtin iterator objects: those of list, tuple, str, range, dict and
// set (what iter() returns for them), and enumerate, zip, map, filter and
// reversed. Each mirrors its CPython counterpart's behaviour when the
// container changes during iteration.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/runtime/dict.hpp"
#include "model/runtime/iterator.hpp"

namespace asim::runtime {

// listiter_next: indexes the live list, so appending while iterating is seen.
class ListIterator : public Object, public Iterator {
 public:
  explicit ListIterator(Ref<List> list) : list_(std::move(list)) {}
  std::string_view type_name() const override { return "list_iterator"; }
  std::optional<Value> next() override;

 private:
  Ref<List> list_;
  std::size_t index_ = 0;
};

// listreviter_next: reversed(list), also over the live list.
class ListReverseIterator : public Object, public Iterator {
 public:
  explicit ListReverseIterator(Ref<List> list);
  std::string_view type_name() const override { return "list_reverseiterator"; }
  std::optional<Value> next() override;

 private:
  Ref<List> list_;
  std::int64_t index_;
};

// Iterates a fixed sequence of values: tuples, and reversed() of a tuple,
// str or range (all immutable, so a copy behaves the same).
class SequenceIterator : public Object, public Iterator {
 public:
  SequenceIterator(std::string_view type_name, std::vector<Value> items)
      : type_name_(type_name), items_(std::move(items)) {}
  std::string_view type_name() const override { return type_name_; }
  std::optional<Value> next() override;

 private:
  std::string_view type_name_;  // a literal
  std::vector<Value> items_;
  std::size_t index_ = 0;
};

class StrIterator : public Object, public Iterator {
 public:
  explicit StrIterator(const std::string& text);
  // 3.12 names the iterator of an all-ASCII str str_ascii_iterator.
  std::string_view type_name() const override { return ascii_ ? "str_ascii_iterator" : "str_iterator"; }
  std::optional<Value> next() override;

 private:
  bool ascii_;
  std::string text_;
  std::u32string wide_;
  std::size_t index_ = 0;
};

class RangeIterator : public Object, public Iterator {
 public:
  RangeIterator(std::int64_t start, std::int64_t step, std::int64_t length)
      : next_(start), step_(step), left_(length) {}
  std::string_view type_name() const override { return "range_iterator"; }
  std::optional<Value> next() override;
  // next() for FOR_ITER's range specialization: false once exhausted.
  bool next_int(std::int64_t& out) {
    if (left_ <= 0) return false;
    out = next_;
    --left_;
    if (left_ > 0) next_ += step_;
    return true;
  }

 private:
  std::int64_t next_, step_, left_;
};

// dictiter_iternextkey and friends: RuntimeError when the dict changes size.
class DictIterator : public Object, public Iterator {
 public:
  DictIterator(Ref<Dict> dict, DictView::Kind kind);
  std::string_view type_name() const override;
  std::optional<Value> next() override;

 private:
  Ref<Dict> dict_;
  DictView::Kind kind_;
  std::size_t pos_ = 0;
  std::size_t used_;
  std::size_t left_;
};

// setiter_iternext: RuntimeError when the set changes size.
class SetIterator : public Object, public Iterator {
 public:
  explicit SetIterator(Ref<Set> set);
  std::string_view type_name() const override { return "set_iterator"; }
  std::optional<Value> next() override;

 private:
  Ref<Set> set_;
  std::vector<Value> order_;
  std::size_t used_;
  std::size_t index_ = 0;
};

class Enumerate : public Object, public Iterator {
 public:
  // start: an int of either representation.
  Enumerate(Value it, const Value& start);
  std::string_view type_name() const override { return "enumerate"; }
  std::optional<Value> next() override;

 private:
  Value it_;
  std::int64_t count_ = 0;
  // The count once it is beyond int64 (enum_next_long), else None.
  Value big_count_;
};

class Zip : public Object, public Iterator {
 public:
  Zip(std::vector<Value> its, bool strict) : its_(std::move(its)), strict_(strict) {}
  std::string_view type_name() const override { return "zip"; }
  std::optional<Value> next() override;

 private:
  std::vector<Value> its_;
  bool strict_;
  bool done_ = false;
};

class Map : public Object, public Iterator {
 public:
  Map(Value fn, std::vector<Value> its) : fn_(std::move(fn)), its_(std::move(its)) {}
  std::string_view type_name() const override { return "map"; }
  std::optional<Value> next() override;

 private:
  Value fn_;
  std::vector<Value> its_;
};

class Filter : public Object, public Iterator {
 public:
  // fn None keeps the truthy elements.
  Filter(Value fn, Value it) : fn_(std::move(fn)), it_(std::move(it)) {}
  std::string_view type_name() const override { return "filter"; }
  std::optional<Value> next() override;

 private:
  Value fn_;
  Value it_;
};

// iter(callable, sentinel)
class CallIterator : public Object, public Iterator {
 public:
  CallIterator(Value fn, Value sentinel) : fn_(std::move(fn)), sentinel_(std::move(sentinel)) {}
  std::string_view type_name() const override { return "callable_iterator"; }
  std::optional<Value> next() override;

 private:
  Value fn_;
  Value sentinel_;
  bool done_ = false;
};

}  // namespace asim::runtime
