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
#include <utility>
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

// --shard K/N: the K-th (1-based) of N disjoint shares of the schedules.
// Schedules are split by their first `depth` choices (their prefix): in
// depth-first order the i-th prefix met belongs to shard i mod N, so every
// shard meets every prefix and all agree, and each runs the schedules under
// its own prefixes (plus one run per prefix of the others, to find the next).
struct Shard {
  std::size_t index = 1, count = 1;
  std::size_t depth = 3;
};
// "K/N" -> Shard; throws std::invalid_argument unless 1 <= K <= N.
Shard parse_shard(std::string_view text);

struct Options {
  std::string python = "3.12";
  std::size_t max_schedules = 1000;
  std::optional<Shard> shard;
  std::uint64_t max_instructions = 200'000'000;
  // Fork at each choice point so that a schedule runs only from its last
  // choice on (POSIX builds), or run every schedule from the start, one
  // after the other, in this process; by default whichever costs less on
  // this machine. The result is the same.
  enum class Fork { when_cheaper, always, never };
  Fork fork = Fork::when_cheaper;
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

// Explores every schedule (or, with options.shard, that shard's) and groups
// them. A sharded result only makes sense merged with its siblings'.
Result explore_file(const std::string& path, const Options& options);

// One schedule as a shard records it, for merging.
struct Run {
  std::vector<std::size_t> choices;
  std::size_t outcome = 0;  // index into the shard's outcomes
  std::vector<std::pair<std::string, bool>> claims;  // each claim made, and whether every instance held
};
// What `asim explore --shard K/N` writes: its runs, for --merge.
struct ShardResult {
  Shard shard;
  std::string python;
  std::vector<OutcomeGroup> outcomes;  // count and replay unused
  std::vector<Run> runs;
  bool complete = true;
  std::size_t at_least = 0;
};
ShardResult explore_shard(const std::string& path, const Options& options);
std::string render_shard(const ShardResult& shard);
// Throws std::invalid_argument on a file that is no shard.
ShardResult parse_shard_result(const std::string& text);
// The report one unsharded run prints, from all N shards of one exploration
// (any order): runs are put back in depth-first order (their choice
// sequences, lexicographically) and tallied as explore_file tallies them.
// Equal to the unsharded result when every shard was complete. Throws
// std::invalid_argument when shards are missing, repeated or disagree.
Result merge_shards(const std::vector<ShardResult>& shards);

std::string render_text(const Result& result);
std::string render_json(const Result& result);

}  // namespace asim::explore
