// Orders that follow object addresses (DESIGN §4). CPython iterates a set of
// objects hashed by address (tasks, coroutines, a class's instances) in the
// order of its table slots, which the objects' addresses decide; asyncio's
// wait, as_completed, TaskGroup and asyncio.run's shutdown iterate such sets.
// The addresses come from CPython's allocator and differ between versions
// and programs, so the model cannot know them. It takes insertion order, and
// can take the reverse instead: `asim exec` runs a program that met such an
// order again with every one reversed, and when the output differs it says
// so (exit 2) rather than print an order CPython may not give.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace asim::runtime {

// Decides each order that follows addresses taken over two or more items,
// told what is ordered: true to take the reverse of insertion order.
using AddressOrderPolicy = std::function<bool(std::string_view what)>;

// The policy of the run in progress, for its duration; runs without one take
// insertion order and tell nobody.
class AddressOrderScope {
 public:
  explicit AddressOrderScope(AddressOrderPolicy policy);
  ~AddressOrderScope();
  AddressOrderScope(const AddressOrderScope&) = delete;
  AddressOrderScope& operator=(const AddressOrderScope&) = delete;

 private:
  AddressOrderPolicy policy_;
  const AddressOrderPolicy* previous_;
};

// An order of `n` items that follows addresses is being taken: whether to
// reverse it (the policy decides when n >= 2).
bool take_address_order(std::size_t n, std::string_view what);

}  // namespace asim::runtime
