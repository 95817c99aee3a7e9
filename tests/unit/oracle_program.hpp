// Support for tests that replay an oracle script (tests/conformance/oracle/)
// as a C++ program: the same prints, in the same words, so that the model's
// output can be compared with real CPython's byte for byte.
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/asyncio/base_events.hpp"
#include "model/asyncio/runners.hpp"
#include "model/asyncio/tasks.hpp"
#include "model/runtime/iterator.hpp"

namespace asim::testing {

// One model run: the runtime, a loop for one Python version, and what the
// program printed. Members are in construction order: the runtime first.
struct OracleRun {
  explicit OracleRun(const char* version, explore::Chooser* chooser = nullptr)
      : loop(asyncio::profile(version), nullptr, chooser) {}

  runtime::Runtime rt;
  asyncio::EventLoop loop;
  std::string out;

  void print(const std::string& line) { out += line + "\n"; }

  // The scripts' at(): 'time=%r tick=%d'
  std::string at() const { return fmt::format("time={} tick={}", runtime::float_repr(loop.time()), loop.tick()); }

  // The scripts' __main__ for one section: a banner, asyncio.run(main), and
  // the end line with the loop's time and tick count after asyncio.run. Each
  // section needs an OracleRun of its own: CPython's asyncio.run makes a new
  // loop, with its clock and tick count at zero.
  void section(const std::string& name, runtime::Ref<runtime::Coroutine> main) {
    print("## " + name);
    asyncio::run(loop, std::move(main));
    print(fmt::format("## end {}: asyncio.run returned at time={}, {} ticks", name, runtime::float_repr(loop.time()),
                      loop.tick()));
  }

  runtime::PyError error(const runtime::Ref<runtime::ExceptionType>& type, const std::string& message) {
    return runtime::PyError{runtime::new_exception(type, message)};
  }
  bool is_cancelled(const runtime::PyError& e) const {
    return e.exc->isinstance(loop.exceptions().CancelledError.get());
  }
  // `%r` of str(e) with the type name: "ValueError('message')"
  static std::string type_and_message(const runtime::PyError& e) {
    return fmt::format("{}({})", e.exc->type->name, runtime::repr(runtime::Value::str(e.exc->message())));
  }
  // Task.get_name(), or '?' on 3.7, which has no task names.
  std::string name(const runtime::Ref<asyncio::Task>& t) const {
    return loop.profile().task_names ? t->get_name() : "?";
  }
};

// repr() of a sorted list of ints: "[0, 2]"
inline std::string int_list(const std::vector<int>& v) {
  std::string out = "[";
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? ", " : "") + std::to_string(v[i]);
  return out + "]";
}

// The positions in `all` of the members of a set, sorted: the scripts' indices().
template <class T>
std::vector<int> indices(const std::vector<runtime::Ref<T>>& all, const runtime::Value& set) {
  std::vector<int> out;
  auto* s = set.as<runtime::Set>();
  for (std::size_t i = 0; i < all.size(); ++i)
    if (s->contains(runtime::Value(all[i]))) out.push_back(static_cast<int>(i));
  return out;
}

}  // namespace asim::testing
