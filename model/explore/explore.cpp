#include "model/explore/explore.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/scenario/outcome_text.hpp"
#include "model/scenario/run.hpp"

namespace asim::explore {

std::optional<std::vector<std::size_t>> next_script(const std::vector<Replay::Made>& made) {
  std::size_t i = made.size();
  while (i > 0 && made[i - 1].chosen + 1 >= made[i - 1].options) --i;
  if (i == 0) return std::nullopt;
  std::vector<std::size_t> script;
  script.reserve(i);
  for (std::size_t k = 0; k + 1 < i; ++k) script.push_back(made[k].chosen);
  script.push_back(made[i - 1].chosen + 1);
  return script;
}

std::size_t unexplored_lower_bound(const std::vector<Replay::Made>& made) {
  std::size_t n = 0;
  for (const auto& m : made) n += m.options - 1 - m.chosen;
  return n;
}

std::string format_token(const std::vector<std::size_t>& choices) {
  std::string out = "c:";
  for (std::size_t i = 0; i < choices.size(); ++i) out += (i ? "." : "") + std::to_string(choices[i]);
  return out;
}

std::vector<std::size_t> parse_token(std::string_view token) {
  const auto bad = [&] {
    return std::invalid_argument(fmt::format("bad replay token {:?}: expected \"c:\" and numbers separated by dots, "
                                             "e.g. c:1.0.2",
                                             std::string(token)));
  };
  if (token.substr(0, 2) != "c:") throw bad();
  std::vector<std::size_t> out;
  std::string_view rest = token.substr(2);
  if (rest.empty()) return out;
  while (true) {
    const auto dot = rest.find('.');
    const auto part = rest.substr(0, dot);
    std::size_t v = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size()) throw bad();
    out.push_back(v);
    if (dot == std::string_view::npos) break;
    rest = rest.substr(dot + 1);
  }
  return out;
}

Shard parse_shard(std::string_view text) {
  const auto bad = [&] {
    return std::invalid_argument(fmt::format("bad shard {:?}: expected K/N with 1 <= K <= N, e.g. 2/8", std::string(text)));
  };
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) throw bad();
  Shard shard;
  const auto number = [&](std::string_view part, std::size_t& v) {
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), v);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size()) throw bad();
  };
  number(text.substr(0, slash), shard.index);
  number(text.substr(slash + 1), shard.count);
  if (shard.index < 1 || shard.index > shard.count) throw bad();
  return shard;
}

namespace {

struct Schedule {
  std::string out, err;
  int exit_code = 2;
  // Each claim made (sorted), and whether every instance held.
  std::vector<std::pair<std::string, bool>> claims;
  std::vector<Replay::Made> made;
};

Schedule run_schedule(const std::string& path, const Options& options, std::vector<std::size_t> script) {
  Replay chooser(std::move(script));
  scenario::RunOptions run_options;
  run_options.python = options.python;
  run_options.chooser = &chooser;
  run_options.max_instructions = options.max_instructions;
  Schedule s;
  std::vector<modules::ClaimResult> run_claims;
  try {
    auto r = scenario::run_file(path, run_options);
    s.out = std::move(r.out);
    s.err = scenario::conform::last_nonempty_line(r.err);
    s.exit_code = r.exit_code;
    run_claims = std::move(r.claims);
  } catch (const std::exception& e) {
    s.err = scenario::conform::normalise_addresses(std::string("asim raised: ") + e.what());
  }
  // A claim made several times in a run holds in it when every instance held.
  std::map<std::string, bool> in_run;
  for (const auto& c : run_claims) {
    auto [at, fresh] = in_run.emplace(c.text, c.holds);
    if (!fresh) at->second = at->second && c.holds;
  }
  s.claims.assign(in_run.begin(), in_run.end());
  s.made = chooser.made();
  return s;
}

std::vector<std::size_t> choices_of(const std::vector<Replay::Made>& made) {
  std::vector<std::size_t> choices;
  for (const auto& m : made) choices.push_back(m.chosen);
  return choices;
}

// Groups schedules, taken in depth-first order, by outcome, and counts where
// each claim holds.
class Tally {
 public:
  void add(const std::string& token, const std::string& out, int exit_code, const std::string& err,
           const std::vector<std::pair<std::string, bool>>& in_run) {
    ++result_.schedules;
    const auto key = std::make_pair(out, exit_code);
    auto it = group_of_.find(key);
    if (it == group_of_.end()) {
      it = group_of_.emplace(key, result_.outcomes.size()).first;
      result_.outcomes.push_back({out, exit_code, err, 0, token});
    }
    ++result_.outcomes[it->second].count;

    if (first_token_.empty()) first_token_ = token;
    std::set<std::string> reached;
    for (const auto& [text, holds] : in_run) {
      reached.insert(text);
      if (!claims_.count(text)) {
        claim_order_.push_back(text);
        // Not reached in the runs before this one.
        if (result_.schedules > 1) claims_[text].counterexample = first_token_;
      }
      auto& t = claims_[text];
      if (holds) {
        ++t.holds;
        if (t.example.empty()) t.example = token;
      } else {
        ++t.fails;
        if (t.counterexample.empty()) t.counterexample = token;
      }
    }
    // Claims not reached in this run are counted at the end (runs - holds - fails).
    for (const auto& text : claim_order_)
      if (!reached.count(text) && claims_[text].counterexample.empty()) claims_[text].counterexample = token;
  }

  std::size_t schedules() const { return result_.schedules; }

  Result finish() {
    for (const auto& text : claim_order_) {
      const auto& t = claims_[text];
      const std::size_t not_reached = result_.schedules - t.holds - t.fails;
      if (t.holds > 0 && (t.fails > 0 || not_reached > 0))
        result_.split_claims.push_back({text, t.holds, t.fails, not_reached, t.counterexample, t.example});
    }
    return std::move(result_);
  }

  Result result_;

 private:
  struct ClaimTally {
    std::size_t holds = 0, fails = 0;
    std::string counterexample, example;
  };
  std::map<std::pair<std::string, int>, std::size_t> group_of_;
  std::vector<std::string> claim_order_;
  std::map<std::string, ClaimTally> claims_;
  std::string first_token_;
};

}  // namespace

Result explore_file(const std::string& path, const Options& options) {
  if (options.shard) {
    const ShardResult shard = explore_shard(path, options);
    Tally tally;
    for (const auto& run : shard.runs) {
      const auto& o = shard.outcomes[run.outcome];
      tally.add(format_token(run.choices), o.out, o.exit_code, o.err_last_line, run.claims);
    }
    Result result = tally.finish();
    result.complete = shard.complete;
    result.at_least = shard.at_least;
    return result;
  }
  Tally tally;
  std::vector<std::size_t> script;
  const std::size_t cap = std::max<std::size_t>(1, options.max_schedules);
  while (true) {
    const Schedule s = run_schedule(path, options, script);
    tally.add(format_token(choices_of(s.made)), s.out, s.exit_code, s.err, s.claims);
    if (options.progress) options.progress(tally.schedules(), cap);
    auto next = next_script(s.made);
    if (!next) break;
    if (tally.schedules() >= cap) {
      tally.result_.complete = false;
      tally.result_.at_least = tally.schedules() + unexplored_lower_bound(s.made);
      break;
    }
    script = std::move(*next);
  }
  return tally.finish();
}

ShardResult explore_shard(const std::string& path, const Options& options) {
  ShardResult shard;
  shard.shard = options.shard.value_or(Shard{});
  shard.python = options.python;
  const std::size_t depth = std::max<std::size_t>(1, shard.shard.depth);
  std::map<std::pair<std::string, int>, std::size_t> outcome_of;
  std::vector<std::size_t> script, prefix;
  std::size_t prefixes = 0;
  const std::size_t cap = std::max<std::size_t>(1, options.max_schedules);
  while (true) {
    Schedule s = run_schedule(path, options, script);
    auto choices = choices_of(s.made);
    const std::vector<std::size_t> this_prefix(choices.begin(),
                                               choices.begin() + static_cast<std::ptrdiff_t>(std::min(depth, choices.size())));
    if (prefixes == 0 || this_prefix != prefix) {
      ++prefixes;
      prefix = this_prefix;
    }
    const bool mine = (prefixes - 1) % shard.shard.count == shard.shard.index - 1;
    std::vector<Replay::Made> made = s.made;
    if (mine) {
      const auto key = std::make_pair(s.out, s.exit_code);
      auto it = outcome_of.find(key);
      if (it == outcome_of.end()) {
        it = outcome_of.emplace(key, shard.outcomes.size()).first;
        shard.outcomes.push_back({std::move(s.out), s.exit_code, std::move(s.err), 0, ""});
      }
      shard.runs.push_back({std::move(choices), it->second, std::move(s.claims)});
      if (options.progress) options.progress(shard.runs.size(), cap);
    } else if (made.size() > depth) {
      // Another shard's prefix: go on at the next prefix.
      made.resize(depth);
    }
    auto next = next_script(made);
    if (!next) break;
    if (mine && shard.runs.size() >= cap) {
      shard.complete = false;
      shard.at_least = shard.runs.size() + unexplored_lower_bound(made);
      break;
    }
    script = std::move(*next);
  }
  return shard;
}

std::string render_shard(const ShardResult& shard) {
  nlohmann::json j;
  j["asim_explore_shard"] = fmt::format("{}/{}", shard.shard.index, shard.shard.count);
  j["depth"] = shard.shard.depth;
  j["python"] = shard.python;
  j["complete"] = shard.complete;
  j["at_least"] = shard.at_least;
  j["outcomes"] = nlohmann::json::array();
  for (const auto& o : shard.outcomes)
    j["outcomes"].push_back({{"stdout", o.out}, {"exit", o.exit_code}, {"stderr_last_line", o.err_last_line}});
  j["runs"] = nlohmann::json::array();
  for (const auto& r : shard.runs) {
    nlohmann::json claims = nlohmann::json::array();
    for (const auto& [text, holds] : r.claims) claims.push_back({text, holds});
    j["runs"].push_back({r.outcome, format_token(r.choices), claims});
  }
  return j.dump() + "\n";
}

ShardResult parse_shard_result(const std::string& text) {
  try {
    const auto j = nlohmann::json::parse(text);
    ShardResult shard;
    shard.shard = parse_shard(j.at("asim_explore_shard").get<std::string>());
    shard.shard.depth = j.at("depth").get<std::size_t>();
    shard.python = j.at("python").get<std::string>();
    shard.complete = j.at("complete").get<bool>();
    shard.at_least = j.at("at_least").get<std::size_t>();
    for (const auto& o : j.at("outcomes"))
      shard.outcomes.push_back({o.at("stdout").get<std::string>(), o.at("exit").get<int>(),
                                o.at("stderr_last_line").get<std::string>(), 0, ""});
    for (const auto& r : j.at("runs")) {
      Run run;
      run.outcome = r.at(0).get<std::size_t>();
      if (run.outcome >= shard.outcomes.size()) throw std::invalid_argument("a run names no outcome");
      run.choices = parse_token(r.at(1).get<std::string>());
      for (const auto& c : r.at(2)) run.claims.emplace_back(c.at(0).get<std::string>(), c.at(1).get<bool>());
      shard.runs.push_back(std::move(run));
    }
    return shard;
  } catch (const nlohmann::json::exception& e) {
    throw std::invalid_argument(std::string("not an asim explore shard: ") + e.what());
  }
}

Result merge_shards(const std::vector<ShardResult>& shards) {
  if (shards.empty()) throw std::invalid_argument("no shards to merge");
  const std::size_t n = shards.front().shard.count;
  std::vector<bool> seen(n, false);
  for (const auto& s : shards) {
    if (s.shard.count != n || s.shard.depth != shards.front().shard.depth || s.python != shards.front().python)
      throw std::invalid_argument("the shards come from different explorations (shard counts, depths or Python versions differ)");
    if (seen[s.shard.index - 1]) throw std::invalid_argument(fmt::format("shard {}/{} given twice", s.shard.index, n));
    seen[s.shard.index - 1] = true;
  }
  for (std::size_t k = 0; k < n; ++k)
    if (!seen[k]) throw std::invalid_argument(fmt::format("shard {}/{} is missing", k + 1, n));
  struct Entry {
    const ShardResult* shard;
    const Run* run;
  };
  std::vector<Entry> runs;
  for (const auto& s : shards)
    for (const auto& r : s.runs) runs.push_back({&s, &r});
  // Depth-first order is the choice sequences' lexicographic order.
  std::sort(runs.begin(), runs.end(), [](const Entry& a, const Entry& b) { return a.run->choices < b.run->choices; });
  Tally tally;
  for (const auto& r : runs) {
    const auto& o = r.shard->outcomes[r.run->outcome];
    tally.add(format_token(r.run->choices), o.out, o.exit_code, o.err_last_line, r.run->claims);
  }
  Result result = tally.finish();
  for (const auto& s : shards) {
    if (!s.complete) result.complete = false;
    result.at_least += s.complete ? s.runs.size() : s.at_least;
  }
  if (result.complete) result.at_least = 0;
  return result;
}

std::string render_text(const Result& result) {
  std::string s;
  if (result.complete)
    s += fmt::format("explored all {} schedule{}: {} distinct outcome{}\n", result.schedules,
                     result.schedules == 1 ? "" : "s", result.outcomes.size(), result.outcomes.size() == 1 ? "" : "s");
  else
    s += fmt::format("explored {} of at least {} schedules; raise --max-schedules\n{} distinct outcome{} so far\n",
                     result.schedules, result.at_least, result.outcomes.size(),
                     result.outcomes.size() == 1 ? "" : "s");
  for (std::size_t i = 0; i < result.outcomes.size(); ++i) {
    const auto& g = result.outcomes[i];
    s += fmt::format("\n== outcome {}: {} schedule{}, exit {}, replay {}\n", i + 1, g.count, g.count == 1 ? "" : "s",
                     g.exit_code, g.replay);
    s += g.out;
    if (!g.out.empty() && g.out.back() != '\n') s += "\n";
    if (!g.err_last_line.empty()) s += fmt::format("(stderr) {}\n", g.err_last_line);
  }
  for (const auto& c : result.split_claims) {
    s += fmt::format("\nclaim {:?} holds in {} schedule{} but not in {} ({} fail{}, {} not reached)\n", c.text, c.holds,
                     c.holds == 1 ? "" : "s", c.fails + c.not_reached, c.fails, c.fails == 1 ? "s" : "",
                     c.not_reached);
    s += fmt::format("  counterexample: asim exec --replay {} ...\n", c.counterexample);
  }
  return s;
}

std::string render_json(const Result& result) {
  nlohmann::json j;
  j["outcomes"] = nlohmann::json::array();
  for (const auto& g : result.outcomes)
    j["outcomes"].push_back({{"stdout", g.out},
                             {"exit", g.exit_code},
                             {"stderr_last_line", g.err_last_line},
                             {"count", g.count},
                             {"replay", g.replay}});
  j["schedules"] = result.schedules;
  j["complete"] = result.complete;
  if (!result.complete) j["at_least"] = result.at_least;
  j["split_claims"] = nlohmann::json::array();
  for (const auto& c : result.split_claims)
    j["split_claims"].push_back({{"text", c.text},
                                 {"holds", c.holds},
                                 {"fails", c.fails},
                                 {"not_reached", c.not_reached},
                                 {"counterexample", c.counterexample},
                                 {"example", c.example}});
  return j.dump(1) + "\n";
}

}  // namespace asim::explore
