#include "model/scenario/check.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "model/scenario/conform.hpp"
#include "model/scenario/run.hpp"

namespace asim::scenario::check {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

enum class ClaimState { Holds, Fails, NotReached };

const char* state_name(ClaimState s) {
  switch (s) {
    case ClaimState::Holds: return "holds";
    case ClaimState::Fails: return "fails";
    case ClaimState::NotReached: return "not reached";
  }
  return "?";
}

using ClaimList = std::vector<std::pair<std::string, bool>>;

// A claim made several times holds when every instance held.
ClaimState state_of(const ClaimList& claims, const std::string& text) {
  bool seen = false;
  for (const auto& [t, holds] : claims) {
    if (t != text) continue;
    if (!holds) return ClaimState::Fails;
    seen = true;
  }
  return seen ? ClaimState::Holds : ClaimState::NotReached;
}

std::string trim_right(std::string s) {
  s.erase(s.find_last_not_of(' ') + 1);
  return s;
}

std::string quote_line(std::string_view s) {
  return s.empty() ? std::string("(empty)") : fmt::format("{:?}", std::string(s));
}

}  // namespace

std::string unified_diff(std::string_view expected, std::string_view actual, std::string_view expected_label,
                         std::string_view actual_label) {
  if (expected == actual) return "";
  const auto a = split_lines(expected), b = split_lines(actual);
  const std::size_t n = a.size(), m = b.size();
  // Longest common subsequence, from the back.
  std::vector<std::vector<std::uint32_t>> lcs(n + 1, std::vector<std::uint32_t>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  struct Op {
    char kind;  // ' ', '-', '+'
    std::string_view line;
    std::size_t ai, bi;  // line numbers (0-based) before this op
  };
  std::vector<Op> ops;
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      ops.push_back({' ', a[i], i, j});
      ++i, ++j;
    } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
      ops.push_back({'-', a[i], i, j});
      ++i;
    } else {
      ops.push_back({'+', b[j], i, j});
      ++j;
    }
  }
  std::string out = fmt::format("--- {}\n+++ {}\n", expected_label, actual_label);
  constexpr std::size_t context = 3;
  std::size_t k = 0;
  while (k < ops.size()) {
    if (ops[k].kind == ' ') {
      ++k;
      continue;
    }
    // A hunk: from `context` lines before this change to `context` after the
    // last change that is at most 2*context lines further.
    std::size_t begin = k >= context ? k - context : 0;
    std::size_t end = k;
    std::size_t last_change = k;
    while (end < ops.size()) {
      if (ops[end].kind != ' ') last_change = end;
      else if (end - last_change > 2 * context) break;
      ++end;
    }
    end = std::min(ops.size(), last_change + context + 1);
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t x = begin; x < end; ++x) {
      if (ops[x].kind != '+') ++a_count;
      if (ops[x].kind != '-') ++b_count;
    }
    out += fmt::format("@@ -{},{} +{},{} @@\n", ops[begin].ai + 1, a_count, ops[begin].bi + 1, b_count);
    for (std::size_t x = begin; x < end; ++x) out += fmt::format("{}{}\n", ops[x].kind, ops[x].line);
    k = end;
  }
  const bool a_nl = !expected.empty() && expected.back() == '\n';
  const bool b_nl = !actual.empty() && actual.back() == '\n';
  if (a_nl != b_nl) out += fmt::format("(only {} ends with a newline)\n", a_nl ? expected_label : actual_label);
  return out;
}

int run_check(const std::vector<std::string>& paths, const Options& options, std::ostream& out) {
  const auto files = conform::find_scenarios(paths);
  std::size_t pairs = 0, regressions = 0, skipped = 0;
  std::size_t done = 0;
  for (const auto& path : files) {
    ++done;
    if (options.progress)
      fmt::print(options.progress, "\rasim check: {}/{} scenarios, {} pairs, {} regressions", done, files.size(),
                 pairs, regressions);
    const auto json_path = fs::path(path).replace_extension(".expected.json");
    std::ifstream in(json_path);
    if (!in) {
      out << fmt::format("{}: no {} (capture it with `python3 tests/conformance/capture.py {}`)\n", path,
                         json_path.filename().string(), path);
      ++skipped;
      continue;
    }
    const auto json = nlohmann::json::parse(in);
    std::vector<std::string> versions;
    for (const auto& v : conform::known_versions())
      if (json.contains(v) && (options.versions.empty() || std::count(options.versions.begin(),
                                                                       options.versions.end(), v)))
        versions.push_back(v);

    std::vector<std::string> claim_texts;  // in order of first appearance
    std::map<std::string, ClaimList> expected_claims, model_claims;
    std::vector<std::string> problems;
    for (const auto& version : versions) {
      const auto& e = json.at(version);
      const std::string e_out = e.at("stdout").get<std::string>();
      const std::string e_err = conform::normalise_addresses(e.at("stderr_last_line").get<std::string>());
      const int e_exit = e.at("exit").get<int>();
      ClaimList& ec = expected_claims[version];
      if (e.contains("claims"))
        for (const auto& c : e.at("claims")) ec.emplace_back(c.at(0).get<std::string>(), c.at(1).get<bool>());

      RunOptions run_options;
      run_options.python = version;
      run_options.max_instructions = options.max_instructions;
      std::string m_out, m_err;
      int m_exit = 2;
      ClaimList& mc = model_claims[version];
      try {
        auto result = run_file(path, run_options);
        m_out = std::move(result.out);
        m_err = conform::last_nonempty_line(result.err);
        m_exit = result.exit_code;
        for (const auto& c : result.claims) mc.emplace_back(c.text, c.holds);
      } catch (const std::exception& ex) {
        m_err = conform::normalise_addresses(std::string("asim raised: ") + ex.what());
      }
      for (const auto* list : {&ec, &mc})
        for (const auto& c : *list)
          if (std::find(claim_texts.begin(), claim_texts.end(), c.first) == claim_texts.end())
            claim_texts.push_back(c.first);

      ++pairs;
      std::string problem;
      if (m_out != e_out)
        problem += fmt::format("  stdout differs:\n{}",
                               unified_diff(e_out, m_out, "CPython " + version, "asim " + version));
      if (m_exit != e_exit) problem += fmt::format("  exit: CPython {}, asim {}\n", e_exit, m_exit);
      if (m_err != e_err)
        problem += fmt::format("  last stderr line: CPython {}, asim {}\n", quote_line(e_err), quote_line(m_err));
      if (mc != ec) problem += "  claims differ (see the matrix)\n";
      if (!problem.empty()) {
        ++regressions;
        problems.push_back(fmt::format(" {}:\n{}", version, problem));
      }
    }

    out << fmt::format("{} {} ({} version{})\n", problems.empty() ? "ok  " : "FAIL", path, versions.size(),
                       versions.size() == 1 ? "" : "s");
    for (const auto& p : problems) out << p;
    if (!claim_texts.empty()) {
      std::size_t width = 5;
      for (const auto& t : claim_texts) width = std::max(width, t.size());
      width = std::min<std::size_t>(width, 60);
      out << fmt::format("  {:<{}}", "claim", width);
      std::string header;
      for (const auto& v : versions) header += fmt::format(" | {:<12}", v);
      out << trim_right(header) << "\n";
      bool any_mismatch = false;
      for (const auto& t : claim_texts) {
        std::string shown = t.size() > width ? t.substr(0, width - 3) + "..." : t;
        out << fmt::format("  {:<{}}", shown, width);
        std::string row;
        for (const auto& v : versions) {
          const auto m = state_of(model_claims[v], t), e = state_of(expected_claims[v], t);
          std::string cell = state_name(m);
          if (m != e) {
            cell += "*";
            any_mismatch = true;
          }
          row += fmt::format(" | {:<12}", cell);
        }
        out << trim_right(row) << "\n";
      }
      if (any_mismatch) out << "  (* the model differs from CPython here)\n";
    }
  }
  if (options.progress && !files.empty()) std::fputs("\n", options.progress);
  out << fmt::format("{} scenario{}, {} scenario x version pair{}, {} regression{}{}\n", files.size(),
                     files.size() == 1 ? "" : "s", pairs, pairs == 1 ? "" : "s", regressions,
                     regressions == 1 ? "" : "s",
                     skipped ? fmt::format(", {} without captured outputs", skipped) : std::string());
  return regressions ? 1 : 0;
}

std::string claims_catalogue(const std::vector<std::string>& paths) {
  std::string md =
      "# Claims in the scenarios\n\n"
      "Generated by `asim check --claims-catalogue scenarios`. Each claim is an\n"
      "`asim.claim(text, condition)` in a scenario; the columns are what real CPython\n"
      "said (from the scenario's expected.json, captured by tests/conformance/capture.py).\n";
  std::size_t total = 0;
  for (const auto& path : conform::find_scenarios(paths)) {
    std::ifstream in(fs::path(path).replace_extension(".expected.json"));
    if (!in) continue;
    const auto json = nlohmann::json::parse(in);
    std::vector<std::string> versions, texts;
    std::map<std::string, ClaimList> by_version;
    for (const auto& v : conform::known_versions()) {
      if (!json.contains(v)) continue;
      versions.push_back(v);
      if (!json.at(v).contains("claims")) continue;
      for (const auto& c : json.at(v).at("claims")) {
        by_version[v].emplace_back(c.at(0).get<std::string>(), c.at(1).get<bool>());
        if (std::find(texts.begin(), texts.end(), c.at(0).get<std::string>()) == texts.end())
          texts.push_back(c.at(0).get<std::string>());
      }
    }
    if (texts.empty()) continue;
    total += texts.size();
    md += fmt::format("\n## {}\n\n| claim |", path);
    for (const auto& v : versions) md += fmt::format(" {} |", v);
    md += "\n|---|";
    for (std::size_t i = 0; i < versions.size(); ++i) md += "---|";
    md += "\n";
    for (const auto& t : texts) {
      std::string escaped;
      for (char ch : t) escaped += ch == '|' ? std::string("\\|") : std::string(1, ch);
      md += fmt::format("| {} |", escaped);
      for (const auto& v : versions) md += fmt::format(" {} |", state_name(state_of(by_version[v], t)));
      md += "\n";
    }
  }
  if (total == 0) md += "\nNo scenario makes a claim yet.\n";
  return md;
}

std::optional<std::string> find_capture_script(const std::vector<std::string>& starts) {
  if (auto harness = conform::find_harness(starts))
    return (fs::path(*harness).parent_path() / "capture.py").string();
  return std::nullopt;
}

}  // namespace asim::scenario::check
