// Every scenario under scenarios/, on every version its expected outputs were
// captured for, must give what real CPython gave: the same stdout byte for
// byte, the same exit status, the same last line of stderr and the same
// asim.claim results. The expected
// outputs (SCENARIO.expected.json) come from tests/conformance/capture.py.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "model/scenario/run.hpp"

namespace fs = std::filesystem;

namespace {

fs::path scenarios_dir() {
  return fs::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios";
}

std::vector<fs::path> all_scenarios() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(scenarios_dir()))
    if (e.path().extension() == ".py") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string last_line(const std::string& text) {
  std::string last;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) last = line;
    start = end + 1;
  }
  return last;
}

}  // namespace

TEST_CASE("scenarios: asim matches CPython's captured outputs on every version", "[scenarios]") {
  const auto scenarios = all_scenarios();
  REQUIRE(scenarios.size() >= 12);
  for (const auto& path : scenarios) {
    auto expected_path = path;
    expected_path.replace_extension(".expected.json");
    REQUIRE(fs::exists(expected_path));
    std::ifstream in(expected_path);
    const auto expected = nlohmann::json::parse(in);
    for (const auto& [version, want] : expected.items()) {
      DYNAMIC_SECTION(fs::relative(path, scenarios_dir()).string() << " on " << version) {
        asim::scenario::RunOptions options;
        options.python = version;
        const auto got = asim::scenario::run_file(path.string(), options);
        INFO("stderr: " << got.err);
        CHECK(got.out == want["stdout"].get<std::string>());
        CHECK(got.exit_code == want["exit"].get<int>());
        CHECK(last_line(got.err) == want["stderr_last_line"].get<std::string>());
        // asim.claim(...) results, in program order, as CPython recorded them.
        std::vector<std::pair<std::string, bool>> claims;
        for (const auto& c : got.claims) claims.emplace_back(c.text, c.holds);
        std::vector<std::pair<std::string, bool>> wanted;
        for (const auto& c : want["claims"]) wanted.emplace_back(c[0].get<std::string>(), c[1].get<bool>());
        CHECK(claims == wanted);
      }
    }
  }
}
