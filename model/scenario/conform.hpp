// The conformance suite (`asim conform`, docs/conformance.md): run scenarios
// on the installed real CPythons, through the virtual-clock harness
// (tests/conformance/virtual_clock.py), and on the model, and report where
// they differ. Compared: stdout byte for byte, the last non-empty line of
// stderr (addresses as 0x?), the exit status, and optionally the per-tick
// sequence of handles the loop ran, with callback names mapped through one
// normalisation table (callback_table()).
//
// Where CPython's order depends on object addresses the model has choice
// points (DESIGN §4); when the model's default run differs, every choice
// sequence is tried (depth first, up to max_choice_runs runs) and a run that
// reproduces CPython counts as a match "(order)".
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "model/asyncio/base_events.hpp"
#include "model/scenario/outcome_text.hpp"
#include "model/trace/event.hpp"

namespace asim::scenario::conform {

// 3.7 .. 3.13, the versions asim models.
const std::vector<std::string>& known_versions();

// ------------------------------------------------------------ what is compared

// What one run shows, in the form tests/conformance/capture.py records it.
struct Outcome {
  std::string out;            // stdout, exactly
  std::string err_last_line;  // the last non-empty line of stderr, addresses as 0x?
  int exit_code = 0;
};

// One line of the handle log: `<tick>\t<repr(time)>\t<callback>`.
struct HandleRun {
  std::uint64_t tick = 0;
  std::string time;      // repr(loop.time()) when the handle ran
  std::string callback;  // the common name (normalise_callback)
  std::string raw;       // the name as CPython's harness or the model wrote it
};
using HandleLog = std::vector<HandleRun>;

// The normalisation table: a callback's name as CPython (any version) or the
// model writes it → the common name both are compared by. Names not in the
// table are compared as they are (after the generic rules of normalise_callback).
struct NameRule {
  std::string_view raw;
  std::string_view common;
  std::string_view source;  // who writes `raw` (for docs and messages)
};
const std::vector<NameRule>& callback_table();
// Generic rules, then the table: addresses → 0x?; `functools.partial(<function
// F at 0x?>, ...)` → F; the model's `qualname(args...)` → qualname; then the
// table's common name when `raw` is listed.
std::string normalise_callback(std::string_view raw);

// CPython's handle log (virtual_clock.py, ASIM_HANDLE_LOG), names normalised.
HandleLog parse_handle_log(std::string_view text);
// The same log from the model's trace (its HandleRun events).
HandleLog handle_log_from_trace(const std::vector<trace::Event>& events);
// The log in the harness's text shape, with the common name after the raw one.
std::string format_handle_log(const HandleLog& log);

// The first difference, as one readable paragraph, or nothing when equal.
std::optional<std::string> first_outcome_difference(const Outcome& cpython, const Outcome& model);
std::optional<std::string> first_handle_difference(const HandleLog& cpython, const HandleLog& model);

// ------------------------------------------------------------ scenarios

// The versions a scenario runs on: all of `known_versions()`, or those from
// the `# asim: python>=3.X` comment on its first line.
std::vector<std::string> wanted_versions(const std::string& path);
// Every .py file under the given files and folders, sorted; nonexistent paths throw.
std::vector<std::string> find_scenarios(const std::vector<std::string>& paths);
// SCENARIO.expected.json next to the scenario (captured by capture.py), by version.
std::map<std::string, Outcome> load_expected(const std::string& path);

// ------------------------------------------------------------ real CPython

// The installed interpreter of each version: `pyenv root`/versions/3.X.*/bin/
// python3.X (the highest patch release), else a python3.X on PATH that says
// it is 3.X.
std::map<std::string, std::string> find_interpreters();
// Where the interpreters were looked for, for "not found" messages.
std::string interpreter_search_description();
// tests/conformance/virtual_clock.py, found upward from the given places.
std::optional<std::string> find_harness(const std::vector<std::string>& starts);

// CPython's side of one comparison.
struct Reference {
  Outcome outcome;
  std::optional<HandleLog> handles;  // when the handle log was asked for
  std::string failure;               // non-empty: the harness could not run at all
};
// Runs `exe harness scenario` as capture.py does: cwd = the scenario's folder,
// PYTHONHASHSEED=0, and ASIM_HANDLE_LOG when `handles`.
Reference run_cpython(const std::string& exe, const std::string& harness, const std::string& scenario, bool handles,
                      const std::string& temp_dir);

// ------------------------------------------------------------ comparing

struct CompareOptions {
  bool handles = false;                 // compare the per-tick handle sequence too
  asyncio::Limits limits = {};          // including Faults, for the tests that break the model
  std::uint64_t max_instructions = 200'000'000;
  std::size_t max_choice_runs = 200;    // model runs tried when the default run differs
};

enum class Mark { Match, MatchOrder, Differ, Excluded, Missing };

struct Verdict {
  Mark outputs = Mark::Missing;
  std::string outputs_difference;  // the first difference when outputs == Differ
  std::optional<Mark> handles;     // when compared
  std::string handles_difference;
  std::vector<std::size_t> choices;  // the choice sequence of the run that matched
  std::size_t model_runs = 0;
  bool differs() const { return outputs == Mark::Differ || handles == Mark::Differ; }
};

// Runs the model on `path` under `version` and compares it with `ref`.
Verdict compare(const std::string& path, const std::string& version, const Reference& ref,
                const CompareOptions& options);

// ------------------------------------------------------------ the suite

struct SuiteOptions {
  CompareOptions compare;
  std::vector<std::string> versions;  // empty: all known versions
  // Compare against SCENARIO.expected.json instead of running CPython (no
  // interpreters needed; no handle logs).
  bool use_expected = false;
  std::size_t jobs = 2;              // CPython processes at a time
  std::string harness;               // empty: find_harness
  std::map<std::string, std::string> interpreters;  // empty: find_interpreters
  std::string keep_logs;             // a folder to write both handle logs of every pair into
};

struct Report {
  std::vector<std::string> scenarios;  // as given (display names relative to the current folder)
  std::vector<std::string> versions;   // the table's columns
  std::map<std::string, std::string> interpreters;
  std::vector<std::string> missing_versions;  // asked for but no interpreter found
  bool use_expected = false;
  bool handles = false;
  // [scenario][version]
  std::map<std::string, std::map<std::string, Verdict>> cells;

  bool any_difference() const;
  bool nothing_compared() const;
};

// `progress` (may be null) gets one line per finished scenario.
Report run_suite(const std::vector<std::string>& paths, const SuiteOptions& options, std::ostream* progress);
// The scenario × version table, the summary and the first difference of each ✗.
std::string render(const Report& report);

}  // namespace asim::scenario::conform
