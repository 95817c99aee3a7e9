// asim exec and orders that follow object addresses (runtime/address_order.hpp).
// A program that iterates a set of tasks, coroutines or instances hashed by
// address sees them in an order CPython's allocator decides. asim takes
// insertion order; at the first such order the run meets, a second run takes
// over from there with every such order reversed: a forked copy of the
// process, which runs beside the first (or, when standard input is a
// terminal that both would read, the program again from the start once the
// first has ended). The same output both ways: the program does not depend on
// the order, and the first run's output stands. Another output: any order asim
// printed could be wrong, so the run stops with exit 2 and says where the
// order was taken, rather than print an answer CPython may not give.
#pragma once

#include <functional>
#include <string_view>

#include "model/scenario/run.hpp"

namespace asim::cli {

// Where the program's output goes as it is written, and its flushes.
struct ExecStreams {
  std::function<void(std::string_view)> out, err;
  std::function<void()> flush_out, flush_err;
  // Reads what is left of standard input for both runs, before they part;
  // false when it cannot (a terminal): the second run then comes after.
  std::function<bool()> read_all_input;
};

// Runs the program (`run` with the given options) with its output going to
// `streams` as it is written, up to the first order that follows addresses;
// from there it is held until the check run has said whether it stands.
// The result's out and err are what reached `streams`.
scenario::RunResult run_checking_address_order(
    const std::function<scenario::RunResult(const scenario::RunOptions&)>& run, const scenario::RunOptions& options,
    const ExecStreams& streams);

}  // namespace asim::cli
