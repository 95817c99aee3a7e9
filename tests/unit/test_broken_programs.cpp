// Broken programs, run end to end as `asim exec` runs them: each must end with
// its clear error and exit status — never a crash, a hang or a C++ exception
// text. tests/lang/broken/ holds runtime failures (the expected last stderr
// line was printed by real CPython 3.12 through the virtual-clock harness) and
// programs CPython would never finish (asim stops them with a message);
// tests/lang/syntax_corpus/ holds programs that do not compile;
// tests/lang/tracebacks/ holds programs whose whole stderr is compared.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "model/scenario/run.hpp"

namespace fs = std::filesystem;

namespace {

fs::path tests_dir() {
  // __FILE__ is relative to the build folder when ccache rewrites paths.
  return fs::absolute(fs::path(__FILE__)).lexically_normal().parent_path().parent_path();
}

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The value of a `# key: value` header line, or nullopt.
std::optional<std::string> header(const std::string& text, const std::string& key) {
  const std::regex re("^# " + key + ": (.*)$", std::regex::multiline);
  std::smatch m;
  if (std::regex_search(text, m, re)) return m[1].str();
  return std::nullopt;
}

std::string last_line(const std::string& text) {
  std::string last;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find_first_not_of(" \t") != std::string::npos) last = line;
  return std::regex_replace(last, std::regex("0x[0-9a-f]+"), "0x?");
}

asim::scenario::RunOptions small_limits() {
  asim::scenario::RunOptions o;
  o.python = "3.12";
  o.limits.max_steps = 200'000;
  o.limits.max_tasks = 20'000;
  o.limits.max_time = 1e9;
  o.max_instructions = 5'000'000;
  return o;
}

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".py") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("broken programs: runtime failures end as CPython's do, runaways are stopped", "[broken]") {
  const auto files = files_in(tests_dir() / "lang" / "broken");
  REQUIRE(files.size() >= 25);
  for (const auto& path : files) {
    DYNAMIC_SECTION(path.filename().string()) {
      const std::string text = read(path);
      const auto result = asim::scenario::run_file(path.string(), small_limits());
      INFO("stderr:\n" << result.err);
      CHECK(result.exit_code == std::stoi(header(text, "expect-exit").value()));
      if (auto last = header(text, "expect-stderr-last")) CHECK(last_line(result.err) == *last);
      if (auto part = header(text, "expect-stderr-contains")) CHECK(result.err.find(*part) != std::string::npos);
      // A stop ends the run with its message alone: no pending task, unawaited
      // coroutine or unretrieved exception reported on the way out.
      if (auto lines = header(text, "expect-stderr-lines"))
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == std::stoi(*lines));
      CHECK(result.err.find("terminate called") == std::string::npos);
      CHECK(result.err.find("std::") == std::string::npos);
    }
  }
}

TEST_CASE("broken programs: syntax errors exit 1 as CPython's, unsupported constructs exit 2", "[broken]") {
  const auto files = files_in(tests_dir() / "lang" / "syntax_corpus");
  REQUIRE(files.size() >= 15);
  for (const auto& path : files) {
    DYNAMIC_SECTION(path.filename().string()) {
      const std::string text = read(path);
      const auto result = asim::scenario::run_file(path.string(), small_limits());
      INFO("stderr:\n" << result.err);
      // "# expect: 3:1: SyntaxError: ..." (CPython 3.12's class, line, column, message).
      const auto expected = header(text, "expect");
      REQUIRE(expected);
      const std::regex re("(\\d+):(\\d+): (.*)");
      std::smatch m;
      REQUIRE(std::regex_match(*expected, m, re));
      const std::string shown = fs::absolute(path).lexically_normal().string();  // as 3.12 names the script
      if (m[3].str().rfind("not supported by asim", 0) == 0) {
        CHECK(result.exit_code == 2);
        CHECK(result.err.rfind(shown + ":" + *expected, 0) == 0);
      } else {
        // CPython's report: "  File ..., line N", the line, the caret, "Class: message".
        CHECK(result.exit_code == 1);
        CHECK(result.err.rfind("  File \"" + shown + "\", line " + m[1].str() + "\n", 0) == 0);
        CHECK(last_line(result.err) == m[3].str());
      }
      CHECK(result.out.empty());
    }
  }
}

// tests/lang/tracebacks/: programs whose whole stderr real CPython printed
// (capture.py there), per version: exception groups as trees, the marks under
// each line (3.13 marks calls), chained causes inside group members.
TEST_CASE("tracebacks: the whole stderr is CPython's, per version", "[broken][traceback]") {
  const fs::path dir = fs::canonical(tests_dir() / "lang" / "tracebacks");
  std::size_t checked = 0;
  for (const auto& path : files_in(dir)) {
    fs::path expected_path = path;
    expected_path.replace_extension(".expected.json");
    if (!fs::exists(expected_path)) continue;  // capture.py itself
    const auto expected = nlohmann::json::parse(read(expected_path));
    for (const auto& [version, want] : expected.items()) {
      DYNAMIC_SECTION(path.filename().string() << " " << version) {
        auto options = small_limits();
        options.python = version;
        options.cpython_lib = "<lib>";  // as capture.py writes the interpreter's Lib folder
        const auto result = asim::scenario::run_file(path.string(), options);
        std::string err = result.err;
        for (std::size_t at; (at = err.find(dir.string())) != std::string::npos;)
          err.replace(at, dir.string().size(), "<dir>");
        CHECK(err == want["stderr"].get<std::string>());
        CHECK(result.exit_code == want["exit"].get<int>());
      }
      ++checked;
    }
  }
  CHECK(checked >= 16);
}
