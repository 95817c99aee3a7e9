#include "model/scenario/outcome_text.hpp"

namespace asim::scenario::conform {

// Every "0x" followed by hex digits becomes "0x?"; a scan rather than a
// std::regex, which `asim explore` would build again in every forked run.
std::string normalise_addresses(std::string_view text) {
  const auto hex = [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); };
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (text[i] == '0' && i + 2 < text.size() && text[i + 1] == 'x' && hex(text[i + 2])) {
      out += "0x?";
      for (i += 2; i < text.size() && hex(text[i]); ++i) {
      }
    } else {
      out += text[i++];
    }
  }
  return out;
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
