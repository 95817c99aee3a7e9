// `asim explore` (issue 6): every order the model's choice points allow
// (DESIGN §4), depth first over choice sequences. A choice point is branched
// only when a run reached it, so the search visits exactly the schedules that
// exist, up to a cap. Runs are grouped by their (stdout, exit) outcome; each
// group carries a replay token — the choice sequence, "c:1.0.2" — that
// `asim exec --replay` (or run_file with a Replay chooser) reproduces exactly.
#pragma once

#include <cstdint>
#include <optional>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/explore/chooser.hpp"

namespace asim::explore {

// Depth first: the script of the next unexplored choice sequence after a run
// that made `made` (bump the last choice that has options left, drop what
// follows), or nothing when every sequence has been visited.
std::optional<std::vector<std::size_t>> next_script(const std::vector<Replay::Made>& made);
// Schedules not yet visited after a run that made `made`, at least: one per
// untried option along its path.
std::size_t unexplored_lower_bound(const std::vector<Replay::Made>& made);

// "c:1.0.2" <-> {1, 0, 2}; "c:" is the empty sequence (argument order).
std::string format_token(const std::vector<std::size_t>& choices);
// Throws std::invalid_argument on a malformed token.
std::vector<std::size_t> parse_token(std::string_view token);

struct Options {
  std::string python = "3.12";
  std::size_t max_schedules = 1000;
  std::uint64_t max_instructions = 200'000'000;
  // Called after each schedule with the runs so far and the cap.
  std::function<void(std::size_t done, std::size_t cap)> progress;
};

struct OutcomeGroup {
  std::string out;
  int exit_code = 0;
  std::string err_last_line;
  std::size_t count = 0;
  std::string replay;  // the token of the first run with this outcome
};

// A claim that holds in some schedules but not in others.
struct SplitClaim {
  std::string text;
  std::size_t holds = 0, fails = 0, not_reached = 0;
  std::string counterexample;  // a token where it fails (or is not reached)
  std::string example;         // a token where it holds
};

struct Result {
  std::vector<OutcomeGroup> outcomes;  // in order of first appearance
  std::vector<SplitClaim> split_claims;
  std::size_t schedules = 0;         // runs made
  bool complete = true;              // every schedule visited
  std::size_t at_least = 0;          // when not complete: schedules that exist, at least
};

Result explore_file(const std::string& path, const Options& options);

std::string render_text(const Result& result);
std::string render_json(const Result& result);

}  // namespace asim::explore
