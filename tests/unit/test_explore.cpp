// `asim explore` (model/explore/explore.hpp): depth first over the model's
// choice sequences. tests/explore/start_order.py gives as_completed three
// coroutines whose start order is a set order in CPython; exploring finds all
// six, CPython's own order among them, and each replays from its token.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

#include "model/explore/chooser.hpp"
#include "model/explore/explore.hpp"
#include "model/scenario/run.hpp"

namespace fs = std::filesystem;
namespace explore = asim::explore;

namespace {

fs::path repo_dir() { return fs::path(__FILE__).parent_path().parent_path().parent_path(); }

// A temporary scenario file, removed at the end of the test.
struct TempScenario {
  fs::path path;
  explicit TempScenario(const std::string& name, const std::string& text) {
    path = fs::temp_directory_path() / fs::path("asim_explore_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path) << text;
  }
  ~TempScenario() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

}  // namespace

TEST_CASE("explore: all 6 start orders of as_completed, CPython's among them", "[explore]") {
  const auto path = (repo_dir() / "tests/explore/start_order.py").string();
  explore::Options options;
  options.python = "3.12";
  const auto result = explore::explore_file(path, options);
  CHECK(result.complete);
  CHECK(result.schedules == 6);
  REQUIRE(result.outcomes.size() == 6);

  std::ifstream in(repo_dir() / "tests/explore/start_order.expected.json");
  const auto expected = nlohmann::json::parse(in);
  const auto cpython = expected.at("3.12").at("stdout").get<std::string>();
  std::size_t matching = 0;
  std::set<std::string> starts;
  for (const auto& g : result.outcomes) {
    CHECK(g.exit_code == 0);
    CHECK(g.count == 1);
    if (g.out == cpython) ++matching;
    starts.insert(g.out.substr(0, g.out.find("got")));
    // The token reproduces the run exactly.
    explore::Replay replay(explore::parse_token(g.replay));
    asim::scenario::RunOptions run_options;
    run_options.python = "3.12";
    run_options.chooser = &replay;
    const auto again = asim::scenario::run_file(path, run_options);
    CHECK(again.out == g.out);
    CHECK(again.exit_code == g.exit_code);
  }
  CHECK(matching == 1);
  CHECK(starts.size() == 6);
}

TEST_CASE("explore: tasks already done leave as_completed in set order, CPython's among the 6", "[explore]") {
  const auto path = (repo_dir() / "tests/explore/done_order.py").string();
  std::ifstream in(repo_dir() / "tests/explore/done_order.expected.json");
  const auto expected = nlohmann::json::parse(in);
  for (const char* version : {"3.7", "3.12", "3.13"}) {
    explore::Options options;
    options.python = version;
    const auto result = explore::explore_file(path, options);
    CHECK(result.complete);
    CHECK(result.schedules == 6);
    const auto cpython = expected.at(version).at("stdout").get<std::string>();
    CHECK(std::count_if(result.outcomes.begin(), result.outcomes.end(),
                        [&](const auto& g) { return g.out == cpython; }) == 1);
  }
}

TEST_CASE("explore: 6 coroutines give 720 schedules - the cap reports a lower bound", "[explore]") {
  TempScenario six("six.py", R"(import asyncio

async def worker(name):
    print("start", name)
    await asyncio.sleep(0)
    return name

async def main():
    await asyncio.sleep(0)
    for x in asyncio.as_completed([worker(n) for n in "abcdef"]):
        await x

asyncio.run(main())
)");
  explore::Options options;
  const auto all = explore::explore_file(six.path.string(), options);
  CHECK(all.complete);
  CHECK(all.schedules == 720);
  CHECK(all.outcomes.size() == 720);

  options.max_schedules = 10;
  const auto capped = explore::explore_file(six.path.string(), options);
  CHECK_FALSE(capped.complete);
  CHECK(capped.schedules == 10);
  CHECK(capped.at_least > 10);
  CHECK(capped.at_least <= 720);
  CHECK(explore::render_text(capped).find("explored 10 of at least") != std::string::npos);
}

TEST_CASE("explore: a claim that holds in some orders only has a counterexample", "[explore]") {
  TempScenario claims("claims.py", R"(import asyncio
from asim import claim

order = []

async def worker(name):
    order.append(name)

async def main():
    await asyncio.sleep(0)
    for x in asyncio.as_completed([worker("a"), worker("b")]):
        await x
    claim("a starts first", order[0] == "a")
    claim("both start", len(order) == 2)

asyncio.run(main())
)");
  const auto result = explore::explore_file(claims.path.string(), {});
  CHECK(result.schedules == 2);
  REQUIRE(result.split_claims.size() == 1);
  const auto& c = result.split_claims[0];
  CHECK(c.text == "a starts first");
  CHECK(c.holds == 1);
  CHECK(c.fails == 1);
  explore::Replay replay(explore::parse_token(c.counterexample));
  asim::scenario::RunOptions run_options;
  run_options.chooser = &replay;
  const auto run = asim::scenario::run_file(claims.path.string(), run_options);
  REQUIRE(run.claims.size() == 2);
  CHECK_FALSE(run.claims[0].holds);
}

TEST_CASE("explore: replay tokens", "[explore]") {
  CHECK(explore::format_token({1, 0, 2}) == "c:1.0.2");
  CHECK(explore::format_token({}) == "c:");
  CHECK(explore::parse_token("c:1.0.2") == std::vector<std::size_t>{1, 0, 2});
  CHECK(explore::parse_token("c:").empty());
  CHECK_THROWS(explore::parse_token("1.0"));
  CHECK_THROWS(explore::parse_token("c:1..2"));
  CHECK_THROWS(explore::parse_token("c:1."));
  CHECK_THROWS(explore::parse_token("c:x"));
}
