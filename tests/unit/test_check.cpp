// `asim check` (model/scenario/check.hpp): a scenario the model reproduces
// passes; a copy whose captured expected.json is deliberately wrong fails,
// with a diff that shows the line.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unistd.h>

#include "model/scenario/check.hpp"

namespace fs = std::filesystem;
namespace check = asim::scenario::check;

namespace {

fs::path scenarios_dir() { return fs::path(__FILE__).parent_path().parent_path().parent_path() / "scenarios"; }

}  // namespace

TEST_CASE("check: a scenario the model reproduces passes", "[check]") {
  std::ostringstream out;
  const int status = check::run_check({(scenarios_dir() / "as_completed/sleep_results.py").string()}, {}, out);
  INFO(out.str());
  CHECK(status == 0);
  CHECK(out.str().find("0 regressions") != std::string::npos);
}

TEST_CASE("check: a wrong expected.json is a regression with a diff", "[check]") {
  const auto tmp = fs::temp_directory_path() / fs::path("asim_check_test_" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  fs::copy_file(scenarios_dir() / "as_completed/sleep_results.py", tmp / "sleep_results.py",
                fs::copy_options::overwrite_existing);
  std::ifstream in(scenarios_dir() / "as_completed/sleep_results.expected.json");
  auto json = nlohmann::json::parse(in);
  std::string stdout_312 = json.at("3.12").at("stdout").get<std::string>();
  REQUIRE(!stdout_312.empty());
  json["3.12"]["stdout"] = "a line CPython never printed\n" + stdout_312;
  std::ofstream(tmp / "sleep_results.expected.json") << json.dump(1);

  std::ostringstream out;
  const int status = check::run_check({(tmp / "sleep_results.py").string()}, {}, out);
  const auto text = out.str();
  INFO(text);
  CHECK(status == 1);
  CHECK(text.find("-a line CPython never printed") != std::string::npos);
  CHECK(text.find("1 regression") != std::string::npos);
  fs::remove_all(tmp);
}

TEST_CASE("check: unified_diff shows changed lines with context", "[check]") {
  CHECK(check::unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
  const auto d = check::unified_diff("a\nb\nc\n", "a\nB\nc\n", "x", "y");
  CHECK(d == "--- x\n+++ y\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n");
}

TEST_CASE("check: claims are compared and shown as a matrix", "[check]") {
  const auto tmp = fs::temp_directory_path() / fs::path("asim_check_claims_" + std::to_string(::getpid()));
  fs::create_directories(tmp);
  std::ofstream(tmp / "claims.py") << "import asim\nasim.claim('one is one', 1 == 1)\nprint('done')\n";
  // As capture.py writes it; 3.11 is deliberately wrong (CPython never says that).
  nlohmann::json json;
  for (const auto* v : {"3.11", "3.12"})
    json[v] = {{"stdout", "done\n"}, {"stderr_last_line", ""}, {"exit", 0}, {"claims", nlohmann::json::array({nlohmann::json::array({"one is one", true})})}};
  json["3.11"]["claims"] = nlohmann::json::array({nlohmann::json::array({"one is one", false})});
  std::ofstream(tmp / "claims.expected.json") << json.dump(1);

  std::ostringstream out;
  const int status = check::run_check({(tmp / "claims.py").string()}, {}, out);
  const auto text = out.str();
  INFO(text);
  CHECK(status == 1);
  CHECK(text.find("claims differ") != std::string::npos);
  CHECK(text.find("one is one | holds*       | holds") != std::string::npos);
  CHECK(text.find("1 regression") != std::string::npos);
  // The catalogue shows what CPython said, never the model.
  const auto md = check::claims_catalogue({tmp.string()});
  CHECK(md.find("| one is one | fails | holds |") != std::string::npos);
  fs::remove_all(tmp);
}
