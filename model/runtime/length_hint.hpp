// PyObject_LengthHint, as list_extend and PySequence_Tuple ask it of their
// argument before taking its items: a program's __len__ or __length_hint__
// runs (it may print, raise, or answer a negative number).
#pragma once

#include <vector>

#include "model/runtime/value.hpp"

namespace asim::runtime {

// The question itself; builtin objects answer it without being seen.
void ask_length_hint(const Value& iterable);

// list_extend(iterable): the items list(x), tuple(x), sorted(x) and
// l.extend(x) take, iter(x) first, then the length hint.
std::vector<Value> extend_items(const Value& iterable);

}  // namespace asim::runtime
