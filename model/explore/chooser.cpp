#include "model/explore/chooser.hpp"

#include <numeric>

#include "model/runtime/address_order.hpp"

namespace asim::explore {

std::vector<std::size_t> Chooser::permutation(std::size_t n, std::string_view site) {
  // Kept in reverse so that the default pick (the first left) pops off the
  // back in O(1): argument order over 100 000 tasks must stay linear.
  std::vector<std::size_t> left(n);
  std::iota(left.rbegin(), left.rend(), std::size_t{0});
  std::vector<std::size_t> order;
  order.reserve(n);
  while (!left.empty()) {
    const std::size_t pick = left.size() == 1 ? 0 : choose(left.size(), site);
    const auto at = left.end() - 1 - static_cast<std::ptrdiff_t>(pick);
    order.push_back(*at);
    left.erase(at);
  }
  return order;
}

std::vector<std::size_t> ArgumentOrder::permutation(std::size_t n, std::string_view site) {
  std::vector<std::size_t> order(n);
  if (runtime::take_address_order(n, site))
    std::iota(order.rbegin(), order.rend(), std::size_t{0});
  else
    std::iota(order.begin(), order.end(), std::size_t{0});
  return order;
}

std::size_t Replay::choose(std::size_t n, std::string_view) {
  const std::size_t i = made_.size();
  std::size_t pick = i < script_.size() ? script_[i] : 0;
  if (pick >= n) pick = 0;
  made_.push_back({pick, n});
  return pick;
}

}  // namespace asim::explore
