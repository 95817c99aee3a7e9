// Choice points (DESIGN §4). Where CPython's order depends on object addresses
// (iterating a set of tasks), the model asks a Chooser instead of guessing.
// Every choice is "pick one of n"; a run's choices, in order, replay it exactly.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace asim::explore {

class Chooser {
 public:
  virtual ~Chooser() = default;
  // Picks one of `n` options (n >= 1) at the named site; returns 0..n-1.
  virtual std::size_t choose(std::size_t n, std::string_view site) = 0;

  // The order in which to visit `n` items whose CPython order is unknowable:
  // one choice per position, each among the items not yet placed.
  virtual std::vector<std::size_t> permutation(std::size_t n, std::string_view site);
};

// The default: always the first option, so a permutation is argument order,
// or its reverse when the run checks whether the output depends on it
// (runtime/address_order.hpp).
class ArgumentOrder : public Chooser {
 public:
  std::size_t choose(std::size_t, std::string_view) override { return 0; }
  std::vector<std::size_t> permutation(std::size_t n, std::string_view site) override;
};

// Replays a recorded sequence of choices; past its end, takes the first option.
// It records every choice it makes, so a run's full sequence can be read back.
class Replay : public Chooser {
 public:
  explicit Replay(std::vector<std::size_t> script = {}) : script_(std::move(script)) {}
  std::size_t choose(std::size_t n, std::string_view site) override;

  struct Made {
    std::size_t chosen;
    std::size_t options;
  };
  const std::vector<Made>& made() const { return made_; }

 private:
  std::vector<std::size_t> script_;
  std::vector<Made> made_;
};

}  // namespace asim::explore
