// Each version's grammar: a construct newer than the modelled version is that
// version's SyntaxError, placed where its parser stops (expected values from
// python3.X FILE of each version).
#include <catch2/catch.hpp>

#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "model/asyncio/version_profile.hpp"
#include "model/lang/parser.hpp"
#include "model/scenario/run.hpp"

namespace {

using asim::lang::Diagnostic;
using asim::lang::Source;

// "line:col: message" of the SyntaxError `version` reports, or "ok"; col is
// where that version prints the caret (3.7: under the marked token's last
// character).
std::string outcome(const std::string& text, const char* version) {
  const auto& syntax = asim::asyncio::profile(version).language.syntax;
  try {
    asim::lang::parse(std::make_shared<Source>("t.py", text), syntax);
    return "ok";
  } catch (const Diagnostic& d) {
    if (d.kind() != Diagnostic::Kind::SyntaxError) return "unsupported";
    int col = d.loc().col;
    if (syntax.parser == asim::lang::ParserGeneration::Pgen37 && d.end().line == d.loc().line && d.end().col > col)
      col = d.end().col - 1;
    return std::to_string(d.loc().line) + ":" + std::to_string(col) + ": " + d.message();
  }
}

}  // namespace

TEST_CASE("grammar: walrus and positional-only parameters from 3.8", "[grammar]") {
  const std::string walrus = "print(1)\nif (n := 10) > 5:\n    print(n)\n";
  CHECK(outcome(walrus, "3.7") == "2:7: invalid syntax");
  CHECK(outcome(walrus, "3.8") == "ok");
  CHECK(outcome("x = [y := 3]\n", "3.7") == "1:8: invalid syntax");
  const std::string posonly = "def f(a, b, /, c):\n    return a\n";
  CHECK(outcome(posonly, "3.7") == "1:13: invalid syntax");
  CHECK(outcome(posonly, "3.8") == "ok");
}

TEST_CASE("grammar: parenthesized with items from 3.9", "[grammar]") {
  const std::string text = "with (a as b,\n      c as d):\n    pass\n";
  CHECK(outcome(text, "3.7") == "1:10: invalid syntax");  // 3.7: under the 's' of 'as'
  CHECK(outcome(text, "3.8") == "1:9: invalid syntax");
  CHECK(outcome(text, "3.9") == "ok");
  CHECK(outcome("with (a, b):\n    pass\n", "3.7") == "ok");
}

TEST_CASE("grammar: match from 3.10, a soft keyword before", "[grammar]") {
  const std::string text = "match = 3\nmatch match:\n    case 3:\n        pass\n";
  CHECK(outcome(text, "3.7") == "2:11: invalid syntax");
  CHECK(outcome(text, "3.8") == "2:7: invalid syntax");
  CHECK(outcome(text, "3.9") == "2:7: invalid syntax");
  CHECK(outcome("match = 3\nprint(match)\n", "3.7") == "ok");
  const std::string list = "match [1, 2]:\n    case _:\n        pass\n";
  CHECK(outcome(list, "3.8") == "1:13: invalid syntax");
  CHECK(outcome(list, "3.9") == "1:14: invalid syntax");
}

TEST_CASE("grammar: except* from 3.11", "[grammar]") {
  const std::string text = "try:\n    pass\nexcept* ValueError:\n    pass\n";
  CHECK(outcome(text, "3.7") == "3:7: invalid syntax");
  CHECK(outcome(text, "3.10") == "3:7: invalid syntax");
  CHECK(outcome(text, "3.11") == "ok");
}

TEST_CASE("grammar: type statements and type parameters from 3.12", "[grammar]") {
  CHECK(outcome("type X = int\n", "3.7") == "1:6: invalid syntax");
  CHECK(outcome("type X = int\n", "3.11") == "1:6: invalid syntax");
  CHECK(outcome("type = 3\n", "3.7") == "ok");
  const std::string def = "def f[T](x: T) -> T:\n    return x\n";
  CHECK(outcome(def, "3.10") == "1:6: invalid syntax");
  CHECK(outcome(def, "3.11") == "1:6: expected '('");
  CHECK(outcome("class C[T]:\n    pass\n", "3.11") == "1:8: invalid syntax");
}

TEST_CASE("grammar: bytes literals", "[grammar]") {
  CHECK(outcome("x = b'a' rb'\\\\' BR'c' b'\\x00'\n", "3.12") == "ok");
  CHECK(outcome("x = b\"a\" \"b\"\n", "3.12") == "1:13: cannot mix bytes and nonbytes literals");
  CHECK(outcome("x = 1\ny = b\"a\xc3\xa9\"\n", "3.12") == "2:5: bytes can only contain ASCII literal characters");
}

namespace {

// "line:col: Class: message" of the SyntaxError CPython's compiler gives for
// a match statement (run on 3.12), col where the first caret is printed
// (3.12 shows the line without its indentation, after four spaces).
std::string compile_error(const std::string& cases) {
  const std::string text = "v = 1\nmatch v:\n" + cases;
  const auto r = asim::scenario::run_source("t.py", text, {});
  if (r.exit_code == 0) return "ran: " + r.out + r.err;
  std::vector<std::string> lines;
  std::istringstream in(r.err);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  const auto at = lines.empty() ? std::string::npos : lines[0].find("\", line ");
  if (lines.size() != 4 || at == std::string::npos) return "unexpected: " + r.err;
  const int lineno = std::stoi(lines[0].substr(at + 8));
  std::istringstream source(text);
  std::string shown;
  for (int i = 0; i < lineno; ++i) std::getline(source, shown);
  const auto indent = shown.find_first_not_of(' ');
  const auto caret = lines[2].find('^');
  return std::to_string(lineno) + ":" + std::to_string(caret - 4 + indent + 1) + ": " + lines[3];
}

}  // namespace

TEST_CASE("grammar: match patterns' compile-time errors", "[grammar]") {
  CHECK(compile_error("    case x:\n        pass\n    case 1:\n        pass\n") ==
        "3:10: SyntaxError: name capture 'x' makes remaining patterns unreachable");
  CHECK(compile_error("    case _:\n        pass\n    case 1:\n        pass\n") ==
        "3:10: SyntaxError: wildcard makes remaining patterns unreachable");
  CHECK(compile_error("    case [x, x]:\n        pass\n") ==
        "3:14: SyntaxError: multiple assignments to name 'x' in pattern");
  CHECK(compile_error("    case [x] | [y]:\n        pass\n") ==
        "3:10: SyntaxError: alternative patterns bind different names");
  CHECK(compile_error("    case {'a': 1, 'a': 2}:\n        pass\n") ==
        "3:10: SyntaxError: mapping pattern checks duplicate key ('a')");
  CHECK(compile_error("    case x | 1:\n        pass\n") ==
        "3:10: SyntaxError: name capture 'x' makes remaining patterns unreachable");
  CHECK(compile_error("    case [*a, *b]:\n        pass\n") ==
        "3:10: SyntaxError: multiple starred names in sequence pattern");
  CHECK(compile_error("    case P(x=1, x=2):\n        pass\n") ==
        "3:19: SyntaxError: attribute name repeated in class pattern: x");
  CHECK(compile_error("    case x if x:\n        print('guarded')\n    case 1:\n        pass\n") == "ran: guarded\n");
}
