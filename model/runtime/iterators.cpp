#include "model/runtime/iterators.hpp"

#include <fmt/format.h>

#include "model/runtime/errors.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/text.hpp"

namespace asim::runtime {

std::optional<Value> ListIterator::next() {
  if (!list_ || index_ >= list_->items.size()) {
    list_.reset();  // exhausted for good, as listiter_next drops the list
    return std::nullopt;
  }
  return list_->items[index_++];
}

ListReverseIterator::ListReverseIterator(Ref<List> list)
    : list_(std::move(list)), index_(static_cast<std::int64_t>(list_->items.size()) - 1) {}

std::optional<Value> ListReverseIterator::next() {
  if (!list_ || index_ < 0 || index_ >= static_cast<std::int64_t>(list_->items.size())) {
    list_.reset();
    return std::nullopt;
  }
  return list_->items[static_cast<std::size_t>(index_--)];
}

std::optional<Value> SequenceIterator::next() {
  if (index_ >= items_.size()) return std::nullopt;
  return items_[index_++];
}

StrIterator::StrIterator(const std::string& text) : ascii_(text::is_ascii(text)) {
  if (ascii_) text_ = text;
  else wide_ = text::decode(text);
}

std::optional<Value> StrIterator::next() {
  if (ascii_) {
    if (index_ >= text_.size()) return std::nullopt;
    return Value::str(std::string(1, text_[index_++]));
  }
  if (index_ >= wide_.size()) return std::nullopt;
  return Value::str(text::encode(std::u32string_view(wide_).substr(index_++, 1)));
}

std::optional<Value> RangeIterator::next() {
  std::int64_t v;
  if (!next_int(v)) return std::nullopt;
  return Value::integer(v);
}

DictIterator::DictIterator(Ref<Dict> dict, DictView::Kind kind)
    : dict_(std::move(dict)), kind_(kind), used_(dict_->size()), left_(dict_->size()) {}

std::string_view DictIterator::type_name() const {
  switch (kind_) {
    case DictView::Kind::Keys: return "dict_keyiterator";
    case DictView::Kind::Values: return "dict_valueiterator";
    case DictView::Kind::Items: return "dict_itemiterator";
  }
  return "dict_keyiterator";
}

// dictiter_iternextkey
std::optional<Value> DictIterator::next() {
  if (!dict_) return std::nullopt;
  if (dict_->size() != used_) {
    used_ = static_cast<std::size_t>(-1);  // sticky, as di_used = -1
    throw_runtime_error("dictionary changed size during iteration");
  }
  const auto& entries = dict_->entries();
  while (pos_ < entries.size() && !entries[pos_].live) ++pos_;
  if (pos_ >= entries.size()) {
    dict_.reset();
    return std::nullopt;
  }
  if (left_ == 0) {
    dict_.reset();
    throw_runtime_error("dictionary keys changed during iteration");
  }
  --left_;
  const auto& e = entries[pos_++];
  switch (kind_) {
    case DictView::Kind::Keys: return e.key;
    case DictView::Kind::Values: return e.value;
    case DictView::Kind::Items: return make_tuple({e.key, e.value});
  }
  return std::nullopt;
}

SetIterator::SetIterator(Ref<Set> set) : set_(std::move(set)), order_(set_->ordered()), used_(set_->size()) {}

// setiter_iternext
std::optional<Value> SetIterator::next() {
  if (!set_) return std::nullopt;
  if (set_->size() != used_) {
    used_ = static_cast<std::size_t>(-1);
    throw_runtime_error("Set changed size during iteration");
  }
  if (index_ >= order_.size()) {
    set_.reset();
    return std::nullopt;
  }
  return order_[index_++];
}

Enumerate::Enumerate(Value it, const Value& start)
    : it_(std::move(it)),
      count_(start.kind() == Value::Kind::Int ? start.as_int() : 0),
      big_count_(start.kind() == Value::Kind::Int ? Value() : start) {}

std::optional<Value> Enumerate::next() {
  auto v = runtime::next(it_);
  if (!v) return std::nullopt;
  if (big_count_.is_none()) {
    const std::int64_t i = count_;
    if (count_ == INT64_MAX) big_count_ = binary_op(BinOp::Add, Value::integer(i), Value::integer(1));
    else ++count_;
    return make_tuple({Value::integer(i), std::move(*v)});
  }
  Value i = big_count_;
  big_count_ = binary_op(BinOp::Add, i, Value::integer(1));
  return make_tuple({std::move(i), std::move(*v)});
}

// zip_next, with 3.10's strict checks
std::optional<Value> Zip::next() {
  if (done_ || its_.empty()) return std::nullopt;
  std::vector<Value> row;
  row.reserve(its_.size());
  for (std::size_t i = 0; i < its_.size(); ++i) {
    auto v = runtime::next(its_[i]);
    if (v) {
      row.push_back(std::move(*v));
      continue;
    }
    done_ = true;
    if (strict_) {
      if (i > 0)
        throw_value_error(fmt::format("zip() argument {} is shorter than argument{} {}", i + 1, i == 1 ? "" : "s",
                                      i == 1 ? "1" : fmt::format("1-{}", i)));
      for (std::size_t j = 1; j < its_.size(); ++j) {
        if (runtime::next(its_[j]))
          throw_value_error(fmt::format("zip() argument {} is longer than argument{} {}", j + 1, j == 1 ? "" : "s",
                                        j == 1 ? "1" : fmt::format("1-{}", j)));
      }
    }
    return std::nullopt;
  }
  return make_tuple(std::move(row));
}

std::optional<Value> Map::next() {
  std::vector<Value> args;
  args.reserve(its_.size());
  for (auto& it : its_) {
    auto v = runtime::next(it);
    if (!v) return std::nullopt;
    args.push_back(std::move(*v));
  }
  return call(fn_, args);
}

std::optional<Value> Filter::next() {
  for (;;) {
    auto v = runtime::next(it_);
    if (!v) return std::nullopt;
    const bool keep = fn_.is_none() ? truthy(*v) : truthy(call(fn_, std::span<const Value>(&*v, 1)));
    if (keep) return v;
  }
}

std::optional<Value> CallIterator::next() {
  if (done_) return std::nullopt;
  Value v = call(fn_, {});
  if (v.is(sentinel_) || equals(v, sentinel_)) {
    done_ = true;
    return std::nullopt;
  }
  return v;
}

}  // namespace asim::runtime
