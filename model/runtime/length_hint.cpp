#include "model/runtime/length_hint.hpp"

#include <fmt/format.h>

#include "model/runtime/derived.hpp"
#include "model/runtime/errors.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/numbers.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

void ask_length_hint(const Value& iterable) {
  if (!overridable(iterable)) return;
  // __len__ first; its TypeError only sends the question on to
  // __length_hint__.
  if (user_override(iterable, "__len__")) {
    try {
      len(iterable);
      return;
    } catch (const PyError& e) {
      if (!e.exc->isinstance(Runtime::current().builtins.TypeError.get())) throw;
    }
  }
  const auto hint = user_override(iterable, "__length_hint__");
  if (!hint) return;
  const Value answer = call(*hint, std::span<const Value>(&iterable, 1));
  if (answer.is(not_implemented())) return;
  if (!num::is_integer(answer))
    throw_type_error(fmt::format("__length_hint__ must be an integer, not {}", type_name(answer)));
  if (truthy(compare(CmpOp::Lt, answer, Value::integer(0))))
    throw_value_error("__length_hint__() should return >= 0");
}

std::vector<Value> extend_items(const Value& iterable) {
  if (!overridable(iterable)) return to_vector(iterable);
  const Value it = iter(iterable);
  ask_length_hint(iterable);
  std::vector<Value> out;
  while (auto v = next(it)) out.push_back(std::move(*v));
  return out;
}

}  // namespace asim::runtime
