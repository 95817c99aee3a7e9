#include "model/scenario/outcome_text.hpp"

#include <regex>

namespace asim::scenario::conform {

std::string normalise_addresses(std::string_view text) {
  static const std::regex address("0x[0-9a-fA-F]+");
  return std::regex_replace(std::string(text), address, "0x?");
}

std::string last_nonempty_line(std::string_view text) {
  std::string last;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find_first_of("\r\n", start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\f\v") != std::string_view::npos) last = std::string(line);
    start = end + 1;
  }
  return normalise_addresses(last);
}

}  // namespace asim::scenario::conform
