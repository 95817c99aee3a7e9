#include "model/runtime/intern.hpp"

#include <unordered_set>

namespace asim::runtime {

const std::string* intern_name(std::string_view name) {
  // Never freed: names outlive the runs that made them, as the caches that
  // compare them may.
  static auto* names = new std::unordered_set<std::string>;
  return &*names->emplace(name).first;
}

}  // namespace asim::runtime
