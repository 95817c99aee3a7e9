#include "model/explore/explore.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "model/scenario/conform.hpp"
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

Result explore_file(const std::string& path, const Options& options) {
  Result result;
  std::map<std::pair<std::string, int>, std::size_t> group_of;
  struct ClaimTally {
    std::size_t holds = 0, fails = 0;
    std::string counterexample, example;
  };
  std::vector<std::string> claim_order;
  std::map<std::string, ClaimTally> claims;
  std::vector<std::size_t> script;
  std::string first_token;
  const std::size_t cap = std::max<std::size_t>(1, options.max_schedules);
  while (true) {
    Replay chooser(script);
    scenario::RunOptions run_options;
    run_options.python = options.python;
    run_options.chooser = &chooser;
    run_options.max_instructions = options.max_instructions;
    std::string out, err;
    int exit_code = 2;
    std::vector<modules::ClaimResult> run_claims;
    try {
      auto r = scenario::run_file(path, run_options);
      out = std::move(r.out);
      err = scenario::conform::last_nonempty_line(r.err);
      exit_code = r.exit_code;
      run_claims = std::move(r.claims);
    } catch (const std::exception& e) {
      err = scenario::conform::normalise_addresses(std::string("asim raised: ") + e.what());
    }
    std::vector<std::size_t> choices;
    for (const auto& m : chooser.made()) choices.push_back(m.chosen);
    const auto token = format_token(choices);
    ++result.schedules;
    if (options.progress) options.progress(result.schedules, cap);

    const auto key = std::make_pair(out, exit_code);
    auto it = group_of.find(key);
    if (it == group_of.end()) {
      it = group_of.emplace(key, result.outcomes.size()).first;
      result.outcomes.push_back({out, exit_code, err, 0, token});
    }
    ++result.outcomes[it->second].count;

    // A claim made several times in a run holds in it when every instance held.
    std::map<std::string, bool> in_run;
    for (const auto& c : run_claims) {
      auto [at, fresh] = in_run.emplace(c.text, c.holds);
      if (!fresh) at->second = at->second && c.holds;
    }
    if (first_token.empty()) first_token = token;
    for (const auto& [text, holds] : in_run) {
      if (!claims.count(text)) {
        claim_order.push_back(text);
        // Not reached in the runs before this one.
        if (result.schedules > 1) claims[text].counterexample = first_token;
      }
      auto& t = claims[text];
      if (holds) {
        ++t.holds;
        if (t.example.empty()) t.example = token;
      } else {
        ++t.fails;
        if (t.counterexample.empty()) t.counterexample = token;
      }
    }
    // Claims not reached in this run are counted at the end (runs - holds - fails).
    for (const auto& text : claim_order)
      if (!in_run.count(text) && claims[text].counterexample.empty()) claims[text].counterexample = token;

    auto next = next_script(chooser.made());
    if (!next) break;
    if (result.schedules >= cap) {
      result.complete = false;
      result.at_least = result.schedules + unexplored_lower_bound(chooser.made());
      break;
    }
    script = std::move(*next);
  }
  for (const auto& text : claim_order) {
    const auto& t = claims[text];
    const std::size_t not_reached = result.schedules - t.holds - t.fails;
    if (t.holds > 0 && (t.fails > 0 || not_reached > 0))
      result.split_claims.push_back({text, t.holds, t.fails, not_reached, t.counterexample, t.example});
  }
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
