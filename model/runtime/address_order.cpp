#include "model/runtime/address_order.hpp"

namespace asim::runtime {

namespace {
const AddressOrderPolicy* current_policy = nullptr;
}  // namespace

AddressOrderScope::AddressOrderScope(AddressOrderPolicy policy)
    : policy_(std::move(policy)), previous_(current_policy) {
  current_policy = &policy_;
}

AddressOrderScope::~AddressOrderScope() { current_policy = previous_; }

bool take_address_order(std::size_t n, std::string_view what) {
  return n >= 2 && current_policy && *current_policy && (*current_policy)(what);
}

}  // namespace asim::runtime
