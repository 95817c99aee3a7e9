// `asim check` (issue 6): each scenario, under each version its captured
// SCENARIO.expected.json has, run on the model and compared with what real
// CPython did: stdout byte for byte, the exit status, the last non-empty line
// of stderr (addresses as 0x?) and the list of claims (asim.claim). Expected
// outputs only ever come from real CPython (tests/conformance/capture.py).
#pragma once

#include <cstdint>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace asim::scenario::check {

struct Options {
  std::vector<std::string> versions;  // empty: every version in the expected.json
  std::uint64_t max_instructions = 200'000'000;
  // Where to show how far the check has come (one line rewritten in place
  // after each scenario), or null for none.
  std::FILE* progress = nullptr;
};

// A unified-style diff of two texts, line by line ("--- a", "+++ b", "@@" hunks
// with 3 lines of context); empty when they are equal.
std::string unified_diff(std::string_view expected, std::string_view actual, std::string_view expected_label,
                         std::string_view actual_label);

// Checks the scenarios under `paths` (files or folders), writes the report to
// `out`; returns 0 when the model reproduces every captured outcome, 1 on any
// regression. Throws on a missing file or unreadable expected.json.
int run_check(const std::vector<std::string>& paths, const Options& options, std::ostream& out);

// A markdown catalogue of the claims the scenarios under `paths` make, with
// what real CPython said of each (from their expected.json), for docs/claims.md.
std::string claims_catalogue(const std::vector<std::string>& paths);

// tests/conformance/capture.py, found upward from the given places.
std::optional<std::string> find_capture_script(const std::vector<std::string>& starts);

}  // namespace asim::scenario::check
