// The state of one model run that every object can reach: the heap, the
// builtin exception classes and where warnings go. One Runtime is current at
// a time (runs are sequential), the way an interpreter state is in CPython.
#pragma once

#include <functional>
#include <string>

#include "model/runtime/exceptions.hpp"
#include "model/runtime/object.hpp"

namespace asim::runtime {

class Runtime {
 public:
  Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  static Runtime& current();

  // A RuntimeWarning, as the warnings module would print it to stderr.
  void warn(const std::string& message);
  std::function<void(const std::string&)> warning_sink;

 private:
  // Declared first so it is destroyed last: the heap's final teardown may
  // still warn (an unawaited coroutine freed with a cycle) through current().
  struct Registration {
    explicit Registration(Runtime* self);
    ~Registration();
    Runtime* previous;
  } registration_;
  Heap heap_;  // built before, destroyed after, every object below

 public:
  BuiltinExceptions builtins;
};

}  // namespace asim::runtime
