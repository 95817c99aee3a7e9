#include "model/runtime/iterator.hpp"

#include "model/runtime/derived.hpp"

#include "model/runtime/ops.hpp"
#include "model/runtime/range.hpp"

namespace asim::runtime {

std::vector<Value> to_vector(const Value& iterable) {
  // PySequence_Fast: exact lists and tuples as they are; a subclass's
  // elements are what its iteration (maybe its own __iter__) gives.
  if (iterable.is_object() && !overridable(iterable)) {
    if (auto* list = iterable.as<List>()) return list->items;
    if (auto* tuple = iterable.as<Tuple>()) return tuple->items;
    if (auto* set = iterable.as<Set>()) return set->ordered();
  }
  const Value it = iter(iterable);
  std::vector<Value> out;
  // list_extend's length hint: a range too long for memory fails at once.
  if (auto* range = iterable.as<Range>()) out.reserve(static_cast<std::size_t>(range->length));
  while (auto v = next(it)) out.push_back(std::move(*v));
  return out;
}

}  // namespace asim::runtime
