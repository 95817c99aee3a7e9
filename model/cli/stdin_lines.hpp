// The process's standard input as the programs asim runs read it: a line at
// a time, as they ask. Every run of `asim run` (one per version) reads the
// same lines: what one run read is kept for the next.
#pragma once

#include <unistd.h>

#include <cstddef>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace asim::cli {

class StdinLines {
 public:
  // A reader for one run, from the first line.
  std::function<std::optional<std::string>()> reader() {
    return [this, next = std::size_t{0}]() mutable -> std::optional<std::string> {
      if (next == lines_.size() && !read_more()) return std::nullopt;
      return lines_[next++];
    };
  }

  // Reads the rest now, so that runs forked later all have it; false when
  // the input is a terminal, where the rest is what the user has yet to type.
  bool read_all() {
    if (isatty(STDIN_FILENO)) return false;
    while (read_more()) {
    }
    return true;
  }

 private:
  bool read_more() {
    if (at_end_) return false;
    std::string line;
    if (!std::getline(std::cin, line)) {
      at_end_ = true;
      return false;
    }
    // The last line keeps what it had: no "\n" if the input ended without one.
    if (!std::cin.eof()) line += '\n';
    else at_end_ = true;
    lines_.push_back(std::move(line));
    return true;
  }

  std::vector<std::string> lines_;
  bool at_end_ = false;
};

}  // namespace asim::cli
