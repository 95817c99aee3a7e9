// A stack of its own for code that must stop in the middle of a call chain
// and go on later: a CPython thread blocked in time.sleep() or a lock holds
// its whole C stack, and so does the model's interpreter while a program's
// thread waits for the virtual clock. One fiber runs at a time, on the
// process's one OS thread, so nothing is shared between OS threads (the
// model's reference counts and caches stay single-threaded, and `asim
// explore` can still fork at any point).
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>

namespace asim::runtime {

class Fiber {
 public:
  // Whether this build can make fibers (the browser edition cannot).
  static bool supported();

  Fiber(std::function<void()> body, std::size_t stack_bytes);
  Fiber(const Fiber&) = delete;
  Fiber& operator=(const Fiber&) = delete;
  // A fiber freed while suspended never runs again: what its stack holds is
  // not unwound (CPython's daemon threads are frozen the same way at exit).
  ~Fiber();

  // Runs the fiber from where it stopped until it suspends or its body
  // ends; an exception the body let out is thrown here.
  void resume();
  // From inside the running fiber: back to whoever resumed it.
  static void suspend();
  // The fiber running now, or null on the process's own stack.
  static Fiber* running();

  bool finished() const;
  // Where the fiber's stack begins (its highest address) and its size: the
  // interpreter's stack guard measures from there.
  const char* stack_top() const;
  std::size_t stack_size() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace asim::runtime
