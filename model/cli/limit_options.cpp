#include "model/cli/limit_options.hpp"

#include <cctype>
#include <cmath>
#include <limits>
#include <optional>

#include "model/runtime/memory.hpp"

namespace asim::cli {

namespace {
// "512M" -> 512 MiB: a number, then nothing (bytes) or K, M, G, T with an
// optional "iB" or "B" (powers of 1024 either way).
std::optional<std::size_t> parse_size(const std::string& text) {
  std::size_t end = 0;
  double number = 0;
  try {
    number = std::stod(text, &end);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::string unit = text.substr(end);
  for (auto& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (unit.ends_with("IB")) unit.resize(unit.size() - 2);
  else if (unit.size() == 2 && unit.back() == 'B') unit.pop_back();
  static const std::string units = "KMGT";
  int shift = 0;
  if (!unit.empty()) {
    const auto at = units.find(unit);
    if (unit.size() != 1 || at == std::string::npos) return std::nullopt;
    shift = 10 * static_cast<int>(at + 1);
  }
  const double bytes = std::ldexp(number, shift);
  if (!(bytes >= 1) || bytes > 0x1p62) return std::nullopt;
  return static_cast<std::size_t>(bytes);
}
}  // namespace

void add_limit_options(CLI::App& cmd, scenario::RunOptions& options, LimitFlags& flags) {
  constexpr auto none = std::numeric_limits<std::uint64_t>::max();
  options.max_instructions = none;
  options.limits.max_tasks = none;
  options.limits.max_steps = none;
  cmd.add_option("--max-seconds", flags.max_seconds, "stop when the run has taken this many seconds of wall-clock time")
      ->capture_default_str();
  cmd.add_option("--max-memory", flags.max_memory,
                 "memory budget, e.g. 512M or 2G (binary units; default: half the physical memory, at most 4G)")
      ->check([](const std::string& text) { return parse_size(text) ? std::string() : "expected a size such as 512M or 2G"; });
  cmd.add_flag("--no-limits", flags.no_limits, "no wall-clock limit and no memory budget (Ctrl-C still stops the run)");
  cmd.add_option("--max-instructions", options.max_instructions, "stop after this many interpreted steps (default: no limit)");
  cmd.add_option("--max-tasks", options.limits.max_tasks, "stop after creating this many tasks (default: no limit)");
  cmd.add_option("--max-steps", options.limits.max_steps, "stop after this many loop callbacks (default: no limit)");
}

void apply_limit_flags(const LimitFlags& flags, scenario::RunOptions& options) {
  options.max_seconds = flags.no_limits ? 0 : flags.max_seconds;
  options.max_memory = flags.no_limits              ? 0
                       : flags.max_memory.empty() ? runtime::default_memory_budget()
                                                  : *parse_size(flags.max_memory);
}

}  // namespace asim::cli
