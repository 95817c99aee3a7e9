// Py_ReprEnter / Py_ReprLeave: a container that contains itself prints as
// [...] / {...} instead of recursing forever.
#pragma once

#include <algorithm>
#include <vector>

#include "model/runtime/object.hpp"

namespace asim::runtime {

class ReprGuard {
 public:
  explicit ReprGuard(const Object* o) {
    auto& s = stack();
    entered_ = std::find(s.begin(), s.end(), o) == s.end();
    if (entered_) s.push_back(o);
  }
  ~ReprGuard() {
    if (entered_) stack().pop_back();
  }
  ReprGuard(const ReprGuard&) = delete;
  ReprGuard& operator=(const ReprGuard&) = delete;
  // False when o is already being printed further up.
  bool entered() const { return entered_; }

 private:
  static std::vector<const Object*>& stack() {
    static thread_local std::vector<const Object*> s;
    return s;
  }
  bool entered_;
};

}  // namespace asim::runtime
