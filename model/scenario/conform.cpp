#include "model/scenario/conform.hpp"

#if defined(__EMSCRIPTEN__)
#error "conform runs real CPython as child processes (posix_spawn, pipes, signals); a browser has none: the web build leaves it out (cmake/web.cmake)"
#endif

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <regex>
#include <sstream>
#include <thread>

#include "model/explore/chooser.hpp"
#include "model/explore/explore.hpp"
#include "model/runtime/value.hpp"
#include "model/scenario/run.hpp"

extern char** environ;

namespace asim::scenario::conform {

namespace fs = std::filesystem;

namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// One line of text, quoted as Python's repr() quotes a str, and shortened.
std::string show(std::string_view s, std::size_t max = 160) {
  const char quote = s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos ? '"' : '\'';
  std::string out(1, quote);
  for (char c : s.substr(0, max)) {
    if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (c == '\r') out += "\\r";
    else if (c == '\\') out += "\\\\";
    else if (c == quote) out += std::string("\\") + quote;
    else out += c;
  }
  out += quote;
  if (s.size() > max) out += "...";
  return out;
}

std::vector<int> version_key(std::string_view v) {
  std::vector<int> key;
  std::size_t start = 0;
  while (start <= v.size()) {
    auto dot = v.find('.', start);
    key.push_back(std::atoi(std::string(v.substr(start, dot == std::string_view::npos ? v.npos : dot - start)).c_str()));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return key;
}

// ------------------------------------------------------------ processes

struct ProcessResult {
  std::string out;
  std::string err;
  int status = 0;       // the exit status, or -signal as Python's subprocess reports it
  std::string failure;  // could not start, or timed out
};

std::atomic<std::uint64_t> temp_counter{0};

// Runs argv[0] (searched on PATH when `search_path`) in `cwd` with `env`,
// stdout and stderr into files under temp_dir, and waits at most `timeout`.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd,
                          const std::vector<std::string>& env, const std::string& temp_dir, bool search_path,
                          std::chrono::seconds timeout) {
  ProcessResult result;
  const auto n = temp_counter++;
  const std::string out_path = fmt::format("{}/p{}.out", temp_dir, n);
  const std::string err_path = fmt::format("{}/p{}.err", temp_dir, n);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_addopen(&actions, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&actions, cwd.c_str());
  pid_t pid = 0;
  const int rc = search_path ? posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), envp.data())
                             : posix_spawn(&pid, args[0], &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) {
    result.failure = fmt::format("cannot run {}: {}", argv[0], std::strerror(rc));
    result.status = 127;
    return result;
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int wstatus = 0;
  for (;;) {
    const pid_t done = waitpid(pid, &wstatus, WNOHANG);
    if (done == pid) break;
    if (done < 0 && errno != EINTR) {
      result.failure = fmt::format("waitpid: {}", std::strerror(errno));
      break;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      kill(pid, SIGKILL);  // our own child, by its id
      waitpid(pid, &wstatus, 0);
      result.failure = fmt::format("timed out after {} s", timeout.count());
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (WIFEXITED(wstatus)) result.status = WEXITSTATUS(wstatus);
  else if (WIFSIGNALED(wstatus)) result.status = -WTERMSIG(wstatus);
  result.out = read_text(out_path);
  result.err = read_text(err_path);
  std::error_code ec;
  fs::remove(out_path, ec);
  fs::remove(err_path, ec);
  return result;
}

std::vector<std::string> current_environment() {
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) env.emplace_back(*e);
  return env;
}

std::string make_temp_dir() {
  std::string pattern = (fs::temp_directory_path() / "asim-conform-XXXXXX").string();
  if (!mkdtemp(pattern.data())) throw std::runtime_error("cannot create a temporary folder");
  return pattern;
}

// ------------------------------------------------------------ a sink for HandleRun only

class HandleSink : public trace::Sink {
 public:
  void emit(trace::Event e) override {
    if (e.kind == trace::Kind::HandleRun) events.push_back(std::move(e));
  }
  std::vector<trace::Event> events;
};

std::string mark_text(Mark m) {
  switch (m) {
    case Mark::Match: return "✓";
    case Mark::MatchOrder: return "✓ (order)";
    case Mark::Differ: return "✗";
    case Mark::Excluded:
    case Mark::Missing: return "-";
  }
  return "?";
}

// Display width of UTF-8 text: one column per code point.
std::size_t width(std::string_view s) {
  std::size_t w = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++w;
  return w;
}

std::string pad(std::string s, std::size_t to) {
  const auto w = width(s);
  if (w < to) s.append(to - w, ' ');
  return s;
}

std::string choices_text(const std::vector<std::size_t>& choices) {
  std::string s;
  for (auto c : choices) s += (s.empty() ? "" : ",") + std::to_string(c);
  return "[" + s + "]";
}

}  // namespace

// ------------------------------------------------------------ what is compared

const std::vector<std::string>& known_versions() {
  static const std::vector<std::string> v{"3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"};
  return v;
}

const std::vector<NameRule>& callback_table() {
  static const std::vector<NameRule> table{
      // Task.__step: C Tasks schedule a method-wrapper object, without a __qualname__.
      {"<TaskStepMethWrapper object at 0x?>", "Task.__step", "CPython 3.7-3.11"},
      {"<_asyncio.TaskStepMethWrapper object at 0x?>", "Task.__step", "CPython 3.12-3.13"},
      {"Task.__step", "Task.__step", "model; CPython's pure-Python Task"},
      // Task.__wakeup
      {"<TaskWakeupMethWrapper object at 0x?>", "Task.__wakeup", "CPython 3.7-3.9"},
      {"Task.task_wakeup", "Task.__wakeup", "CPython 3.10-3.13"},
      {"Task.__wakeup", "Task.__wakeup", "model; CPython's pure-Python Task"},
      // asyncio.sleep's timer
      {"_set_result_unless_cancelled", "futures._set_result_unless_cancelled", "CPython, model"},
      // gather: 3.9's gather() delegates to _gather(), whose closure it is
      {"_gather.<locals>._done_callback", "gather.<locals>._done_callback", "CPython 3.9"},
      {"gather.<locals>._done_callback", "gather.<locals>._done_callback", "CPython, model"},
      // wait_for / wait timers: functools.partial(_release_waiter, waiter) ≤ 3.11
      // (the generic partial rule leaves `_release_waiter`)
      {"_release_waiter", "_release_waiter", "CPython (as a functools.partial ≤ 3.11), model"},
      // Kept per version on both sides: the model names them as each version does.
      {"as_completed.<locals>._on_completion", "as_completed.<locals>._on_completion", "CPython, model ≤ 3.12"},
      {"_AsCompletedIterator._handle_completion", "_AsCompletedIterator._handle_completion", "CPython, model 3.13"},
      {"as_completed.<locals>._on_timeout", "as_completed.<locals>._on_timeout", "CPython, model ≤ 3.12"},
      {"_AsCompletedIterator._handle_timeout", "_AsCompletedIterator._handle_timeout", "CPython, model 3.13"},
      {"_run_until_complete_cb", "_run_until_complete_cb", "CPython, model"},
  };
  return table;
}

std::string normalise_callback(std::string_view raw) {
  std::string name = normalise_addresses(raw);
  constexpr std::string_view partial = "functools.partial(";
  if (starts_with(name, partial)) {
    const std::string_view inner = std::string_view(name).substr(partial.size());
    for (std::string_view prefix : {"<function ", "<bound method ", "<built-in method ", "<built-in function "}) {
      if (!starts_with(inner, prefix)) continue;
      const auto rest = inner.substr(prefix.size());
      name = std::string(rest.substr(0, rest.find(' ')));
      break;
    }
  } else if (!name.empty() && name.back() == ')') {
    // The model's handles print as `qualname(args...)`, or `<repr>(args...)`
    // for a callable object without a __qualname__, whose repr may hold
    // parentheses of its own. The arguments are reprlib's, so their
    // parentheses need not pair: the name ends where its own part does.
    if (name.front() != '<') {
      name.resize(name.find('('));
    } else {
      int depth = 0;
      for (std::size_t i = 0; i < name.size(); ++i) {
        depth += name[i] == '<' ? 1 : name[i] == '>' ? -1 : 0;
        if (depth == 0) {
          name.resize(i + 1);
          break;
        }
      }
    }
  }
  // The bound method names the task's class, a program's subclass too.
  if (name.ends_with(".task_wakeup")) return "Task.__wakeup";
  for (const auto& rule : callback_table())
    if (rule.raw == name) return std::string(rule.common);
  return name;
}

HandleLog parse_handle_log(std::string_view text) {
  HandleLog log;
  for (const auto& line : split_lines(text)) {
    if (line.empty()) continue;
    const auto t1 = line.find('\t');
    const auto t2 = t1 == std::string::npos ? std::string::npos : line.find('\t', t1 + 1);
    HandleRun run;
    if (t2 == std::string::npos) {
      run.raw = line;
    } else {
      run.tick = std::strtoull(line.substr(0, t1).c_str(), nullptr, 10);
      run.time = line.substr(t1 + 1, t2 - t1 - 1);
      run.raw = line.substr(t2 + 1);
    }
    run.callback = normalise_callback(run.raw);
    log.push_back(std::move(run));
  }
  return log;
}

HandleLog handle_log_from_trace(const std::vector<trace::Event>& events) {
  HandleLog log;
  for (const auto& e : events) {
    if (e.kind != trace::Kind::HandleRun) continue;
    log.push_back({e.tick, runtime::float_repr(e.time), normalise_callback(e.subject), e.subject});
  }
  return log;
}

std::string format_handle_log(const HandleLog& log) {
  std::string out;
  for (const auto& r : log) out += fmt::format("{}\t{}\t{}\t[{}]\n", r.tick, r.time, r.callback, r.raw);
  return out;
}

std::optional<std::string> first_outcome_difference(const Outcome& cpython, const Outcome& model) {
  if (cpython.out != model.out) {
    const auto a = split_lines(cpython.out);
    const auto b = split_lines(model.out);
    std::size_t i = 0;
    while (i < a.size() && i < b.size() && a[i] == b[i]) ++i;
    if (i < a.size() && i < b.size())
      return fmt::format("stdout line {}: CPython {} | model {}", i + 1, show(a[i]), show(b[i]));
    if (i < a.size()) return fmt::format("stdout line {}: CPython {} | model's stdout ends", i + 1, show(a[i]));
    if (i < b.size()) return fmt::format("stdout line {}: CPython's stdout ends | model {}", i + 1, show(b[i]));
    return fmt::format("stdout differs at its end (final newline): CPython {} bytes | model {} bytes",
                       cpython.out.size(), model.out.size());
  }
  if (cpython.err_last_line != model.err_last_line)
    return fmt::format("last stderr line: CPython {} | model {}", show(cpython.err_last_line),
                       show(model.err_last_line));
  if (cpython.exit_code != model.exit_code)
    return fmt::format("exit status: CPython {} | model {}", cpython.exit_code, model.exit_code);
  return std::nullopt;
}

std::optional<std::string> first_handle_difference(const HandleLog& cpython, const HandleLog& model) {
  auto entry = [](const HandleRun& r) {
    std::string s = fmt::format("t={} {}", r.time, r.callback);
    if (normalise_addresses(r.raw) != r.callback) s += fmt::format(" [{}]", normalise_addresses(r.raw));
    return s;
  };
  std::size_t i = 0;
  while (i < cpython.size() && i < model.size() && cpython[i].tick == model[i].tick &&
         cpython[i].time == model[i].time && cpython[i].callback == model[i].callback)
    ++i;
  if (i < cpython.size() && i < model.size())
    return fmt::format("tick {} (handle #{}): CPython tick {} {} | model tick {} {}", cpython[i].tick, i + 1,
                       cpython[i].tick, entry(cpython[i]), model[i].tick, entry(model[i]));
  if (i < cpython.size())
    return fmt::format("tick {} (handle #{}): CPython tick {} {} | model ran no more handles ({} in all)",
                       cpython[i].tick, i + 1, cpython[i].tick, entry(cpython[i]), model.size());
  if (i < model.size())
    return fmt::format("tick {} (handle #{}): CPython ran no more handles ({} in all) | model tick {} {}",
                       model[i].tick, i + 1, cpython.size(), model[i].tick, entry(model[i]));
  return std::nullopt;
}

// ------------------------------------------------------------ scenarios

std::vector<std::string> wanted_versions(const std::string& path) {
  std::ifstream in(path);
  std::string first;
  std::getline(in, first);
  static const std::regex comment(R"(#\s*asim:\s*python>=(3\.\d+))");
  std::smatch m;
  if (!std::regex_search(first, m, comment)) return known_versions();
  const auto low = version_key(m[1].str());
  std::vector<std::string> out;
  for (const auto& v : known_versions())
    if (version_key(v) >= low) out.push_back(v);
  return out;
}

std::vector<std::string> find_scenarios(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      std::vector<std::string> found;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".py") found.push_back(e.path().string());
      std::sort(found.begin(), found.end());
      out.insert(out.end(), found.begin(), found.end());
    } else if (fs::is_regular_file(p)) {
      out.push_back(p);
    } else {
      throw std::runtime_error(fmt::format("no such file or folder: {}", p));
    }
  }
  return out;
}

std::map<std::string, Outcome> load_expected(const std::string& path) {
  auto json_path = fs::path(path).replace_extension(".expected.json");
  std::ifstream in(json_path);
  if (!in) throw std::runtime_error(fmt::format("no captured outputs: {} (capture them with "
                                                "`python3 tests/conformance/capture.py {}`)",
                                                json_path.string(), path));
  const auto json = nlohmann::json::parse(in);
  std::map<std::string, Outcome> out;
  for (const auto& [version, v] : json.items())
    out[version] = {v.at("stdout").get<std::string>(), normalise_addresses(v.at("stderr_last_line").get<std::string>()),
                    v.at("exit").get<int>()};
  return out;
}

// ------------------------------------------------------------ real CPython

namespace {

std::string pyenv_root() {
  static const std::string root = [] {
    try {
      const auto tmp = make_temp_dir();
      auto r = run_process({"pyenv", "root"}, "", current_environment(), tmp, true, std::chrono::seconds(30));
      std::error_code ec;
      fs::remove_all(tmp, ec);
      if (r.failure.empty() && r.status == 0) {
        auto s = r.out;
        while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
        if (!s.empty()) return s;
      }
    } catch (const std::exception&) {
    }
    if (const char* env = std::getenv("PYENV_ROOT")) return std::string(env);
    if (const char* home = std::getenv("HOME")) return std::string(home) + "/.pyenv";
    return std::string(".pyenv");
  }();
  return root;
}

}  // namespace

std::string interpreter_search_description() {
  return fmt::format("{}/versions/3.X.*/bin/python3.X and python3.X on PATH", pyenv_root());
}

std::map<std::string, std::string> find_interpreters() {
  std::map<std::string, std::string> found;
  std::map<std::string, std::vector<int>> best;
  const fs::path versions = fs::path(pyenv_root()) / "versions";
  std::error_code ec;
  if (fs::is_directory(versions, ec)) {
    static const std::regex name(R"((3\.\d+)\.\d+)");
    for (const auto& e : fs::directory_iterator(versions, ec)) {
      const auto dir = e.path().filename().string();
      std::smatch m;
      if (!std::regex_match(dir, m, name)) continue;
      const auto minor = m[1].str();
      if (std::find(known_versions().begin(), known_versions().end(), minor) == known_versions().end()) continue;
      const auto exe = e.path() / "bin" / ("python" + minor);
      if (access(exe.c_str(), X_OK) != 0) continue;
      const auto key = version_key(dir);
      if (!best.count(minor) || key > best[minor]) {
        best[minor] = key;
        found[minor] = exe.string();
      }
    }
  }
  // PATH, for the versions pyenv does not have; a candidate must say it is 3.X
  // (pyenv's own shims need PYENV_VERSION and say otherwise).
  const char* path = std::getenv("PATH");
  if (!path) return found;
  std::string tmp;
  for (const auto& v : known_versions()) {
    if (found.count(v)) continue;
    std::stringstream dirs(path);
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
      if (dir.empty()) continue;
      const auto exe = fs::path(dir) / ("python" + v);
      if (access(exe.c_str(), X_OK) != 0) continue;
      if (tmp.empty()) tmp = make_temp_dir();
      auto r = run_process({exe.string(), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"}, "",
                           current_environment(), tmp, false, std::chrono::seconds(30));
      if (r.failure.empty() && r.status == 0 && r.out == v + "\n") {
        found[v] = exe.string();
        break;
      }
    }
  }
  if (!tmp.empty()) fs::remove_all(tmp, ec);
  return found;
}

std::optional<std::string> find_harness(const std::vector<std::string>& starts) {
  for (const auto& start : starts) {
    std::error_code ec;
    auto dir = fs::absolute(start, ec);
    if (ec) continue;
    if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
    for (; !dir.empty(); dir = dir.parent_path()) {
      const auto candidate = dir / "tests" / "conformance" / "virtual_clock.py";
      if (fs::is_regular_file(candidate, ec)) return candidate.string();
      if (dir == dir.root_path()) break;
    }
  }
  return std::nullopt;
}

Reference run_cpython(const std::string& exe, const std::string& harness, const std::string& scenario, bool handles,
                      const std::string& temp_dir) {
  Reference ref;
  const auto abs = fs::absolute(scenario).lexically_normal();
  std::vector<std::string> env;
  for (auto& e : current_environment()) {
    const auto key = e.substr(0, e.find('='));
    if (key == "PYTHONWARNINGS" || key == "PYTHONHASHSEED" || key == "PYTHONDONTWRITEBYTECODE" ||
        key == "ASIM_HANDLE_LOG" || key == "ASIM_CLAIM_LOG")
      continue;
    env.push_back(e);
  }
  env.push_back("PYTHONHASHSEED=0");
  env.push_back("PYTHONDONTWRITEBYTECODE=1");
  std::string log_path;
  if (handles) {
    log_path = fmt::format("{}/h{}.log", temp_dir, temp_counter++);
    env.push_back("ASIM_HANDLE_LOG=" + log_path);
  }
  auto r = run_process({exe, harness, abs.string()}, abs.parent_path().string(), env, temp_dir, false,
                       std::chrono::seconds(600));
  ref.failure = r.failure;
  ref.outcome = {r.out, last_nonempty_line(r.err), r.status};
  if (handles) {
    ref.handles = parse_handle_log(read_text(log_path));
    std::error_code ec;
    fs::remove(log_path, ec);
  }
  return ref;
}

// ------------------------------------------------------------ comparing

Verdict compare(const std::string& path, const std::string& version, const Reference& ref,
                const CompareOptions& options) {
  Verdict verdict;
  if (!ref.failure.empty()) {
    verdict.outputs = Mark::Differ;
    verdict.outputs_difference = "CPython did not finish: " + ref.failure;
    return verdict;
  }
  const bool handles = options.handles && ref.handles.has_value();

  struct Run {
    Outcome outcome;
    HandleLog log;
    std::vector<std::size_t> choices;
  };
  std::optional<Run> first_run, first_output_match;
  std::optional<std::size_t> output_match_at, full_match_at;
  std::vector<std::size_t> script;
  while (verdict.model_runs < std::max<std::size_t>(1, options.max_choice_runs)) {
    explore::Replay chooser(script);
    HandleSink sink;
    RunOptions run_options;
    run_options.python = version;
    run_options.chooser = &chooser;
    run_options.sink = handles ? &sink : nullptr;
    run_options.limits = options.limits;
    run_options.max_instructions = options.max_instructions;
    Run run;
    try {
      const auto result = run_file(path, run_options);
      run.outcome = {result.out, last_nonempty_line(result.err), result.exit_code};
    } catch (const std::exception& e) {
      run.outcome = {"", normalise_addresses(std::string("asim raised: ") + e.what()), 2};
    }
    if (handles) run.log = handle_log_from_trace(sink.events);
    for (const auto& m : chooser.made()) run.choices.push_back(m.chosen);
    const std::size_t index = verdict.model_runs++;

    const bool outputs_same = !first_outcome_difference(ref.outcome, run.outcome);
    const bool handles_same = !handles || !first_handle_difference(*ref.handles, run.log);
    if (outputs_same && !output_match_at) {
      output_match_at = index;
      first_output_match = run;
    }
    if (outputs_same && handles_same) full_match_at = index;
    if (!first_run) first_run = run;
    if (full_match_at) {
      verdict.choices = run.choices;
      break;
    }

    // Depth first (explore::next_script): bump the last choice that has options left.
    auto next = explore::next_script(chooser.made());
    if (!next) break;
    script = std::move(*next);
  }

  if (output_match_at) {
    verdict.outputs = *output_match_at == 0 ? Mark::Match : Mark::MatchOrder;
    if (!full_match_at) verdict.choices = first_output_match->choices;
  } else {
    verdict.outputs = Mark::Differ;
    verdict.outputs_difference = *first_outcome_difference(ref.outcome, first_run->outcome);
    if (verdict.model_runs > 1)
      verdict.outputs_difference += fmt::format(" (default choices; none of {} choice sequences matches)",
                                                verdict.model_runs);
  }
  if (handles) {
    if (full_match_at) {
      verdict.handles = *full_match_at == 0 ? Mark::Match : Mark::MatchOrder;
    } else {
      verdict.handles = Mark::Differ;
      const Run& shown = first_output_match ? *first_output_match : *first_run;
      verdict.handles_difference = *first_handle_difference(*ref.handles, shown.log);
    }
  }
  return verdict;
}

// ------------------------------------------------------------ the suite

bool Report::any_difference() const {
  for (const auto& [s, row] : cells)
    for (const auto& [v, verdict] : row)
      if (verdict.differs()) return true;
  return false;
}

bool Report::nothing_compared() const {
  for (const auto& [s, row] : cells)
    for (const auto& [v, verdict] : row)
      if (verdict.outputs != Mark::Excluded && verdict.outputs != Mark::Missing) return false;
  return true;
}

Report run_suite(const std::vector<std::string>& paths, const SuiteOptions& options, std::ostream* progress) {
  Report report;
  report.use_expected = options.use_expected;
  report.handles = options.compare.handles && !options.use_expected;
  report.versions = options.versions.empty() ? known_versions() : options.versions;
  for (const auto& v : report.versions)
    if (std::find(known_versions().begin(), known_versions().end(), v) == known_versions().end())
      throw std::runtime_error(fmt::format("unknown Python version '{}': asim models 3.7 to 3.13", v));

  const auto files = find_scenarios(paths);
  std::vector<std::string> names;
  for (const auto& f : files) {
    std::error_code ec;
    auto rel = fs::path(f).lexically_normal();
    const auto cwd = fs::current_path(ec);
    if (!ec && fs::path(f).is_absolute()) rel = fs::path(f).lexically_proximate(cwd);
    names.push_back(rel.string());
  }
  report.scenarios = names;

  std::string harness;
  if (!options.use_expected) {
    report.interpreters = options.interpreters.empty() ? find_interpreters() : options.interpreters;
    for (const auto& v : report.versions)
      if (!report.interpreters.count(v)) report.missing_versions.push_back(v);
    for (auto it = report.interpreters.begin(); it != report.interpreters.end();)
      it = std::find(report.versions.begin(), report.versions.end(), it->first) == report.versions.end()
               ? report.interpreters.erase(it)
               : std::next(it);
    if (!report.interpreters.empty()) {
      std::vector<std::string> starts = files;
      starts.insert(starts.begin(), fs::current_path().string());
      std::error_code ec;
      const auto self = fs::read_symlink("/proc/self/exe", ec);
      if (!ec) starts.push_back(self.string());
      if (!options.harness.empty()) harness = options.harness;
      else if (auto h = find_harness(starts)) harness = *h;
      else throw std::runtime_error("cannot find tests/conformance/virtual_clock.py (give it with --harness)");
    }
  }

  // Every (scenario, version) pair and where its reference comes from.
  struct Pair {
    std::size_t scenario;
    std::string version;
    std::optional<Reference> ref;  // filled by a worker (live) or up front (expected)
    bool ready = false;
  };
  std::vector<Pair> pairs;
  for (std::size_t s = 0; s < files.size(); ++s) {
    const auto wanted = wanted_versions(files[s]);
    std::map<std::string, Outcome> expected;
    if (options.use_expected) expected = load_expected(files[s]);
    for (const auto& v : report.versions) {
      Verdict& cell = report.cells[names[s]][v];
      if (std::find(wanted.begin(), wanted.end(), v) == wanted.end()) {
        cell.outputs = Mark::Excluded;
        continue;
      }
      if (options.use_expected) {
        auto it = expected.find(v);
        if (it == expected.end()) {
          cell.outputs = Mark::Missing;
          continue;
        }
        pairs.push_back({s, v, Reference{it->second, std::nullopt, ""}, true});
      } else if (report.interpreters.count(v)) {
        pairs.push_back({s, v, std::nullopt, false});
      } else {
        cell.outputs = Mark::Missing;
      }
    }
  }

  // CPython runs on `jobs` worker threads; the model runs here, in order, as
  // each reference arrives.
  const std::string temp_dir = options.use_expected ? std::string() : make_temp_dir();
  std::mutex mutex;
  std::condition_variable cv;
  std::size_t next = 0;
  std::vector<std::thread> workers;
  if (!options.use_expected) {
    for (std::size_t w = 0; w < std::max<std::size_t>(1, options.jobs); ++w)
      workers.emplace_back([&] {
        for (;;) {
          std::size_t i;
          {
            std::lock_guard lock(mutex);
            if (next >= pairs.size()) return;
            i = next++;
          }
          Reference ref;
          try {
            ref = run_cpython(report.interpreters.at(pairs[i].version), harness, files[pairs[i].scenario],
                              report.handles, temp_dir);
          } catch (const std::exception& e) {
            ref.failure = e.what();
          }
          {
            std::lock_guard lock(mutex);
            pairs[i].ref = std::move(ref);
            pairs[i].ready = true;
          }
          cv.notify_all();
        }
      });
  }
  struct Join {
    std::vector<std::thread>& workers;
    std::mutex& mutex;
    std::size_t& next;
    std::size_t size;
    ~Join() {
      {
        std::lock_guard lock(mutex);
        next = size;  // on an exception here, the workers take no more
      }
      for (auto& t : workers) t.join();
    }
  } join{workers, mutex, next, pairs.size()};

  for (std::size_t i = 0; i < pairs.size(); ++i) {
    {
      std::unique_lock lock(mutex);
      cv.wait(lock, [&] { return pairs[i].ready; });
    }
    const auto& name = names[pairs[i].scenario];
    Verdict verdict = compare(files[pairs[i].scenario], pairs[i].version, *pairs[i].ref, options.compare);
    if (!options.keep_logs.empty() && pairs[i].ref->handles) {
      // Both handle logs side by side, for a closer look at a difference.
      fs::create_directories(options.keep_logs);
      auto stem = name;
      std::replace(stem.begin(), stem.end(), '/', '_');
      std::ofstream(fs::path(options.keep_logs) / (stem + "." + pairs[i].version + ".cpython.log"))
          << format_handle_log(*pairs[i].ref->handles);
      HandleSink sink;
      RunOptions run_options;
      run_options.python = pairs[i].version;
      explore::Replay chooser(verdict.choices);
      run_options.chooser = &chooser;
      run_options.sink = &sink;
      run_options.limits = options.compare.limits;
      run_file(files[pairs[i].scenario], run_options);
      std::ofstream(fs::path(options.keep_logs) / (stem + "." + pairs[i].version + ".model.log"))
          << format_handle_log(handle_log_from_trace(sink.events));
    }
    report.cells[name][pairs[i].version] = std::move(verdict);
    pairs[i].ref.reset();
    if (progress && (i + 1 == pairs.size() || pairs[i + 1].scenario != pairs[i].scenario)) {
      std::string marks;
      for (const auto& v : report.versions) {
        const auto& c = report.cells[name][v];
        marks += std::string(" ") + (c.outputs == Mark::Excluded || c.outputs == Mark::Missing ? "-"
                        : c.differs()                                               ? "✗"
                                                                                    : "✓");
      }
      *progress << fmt::format("[{}/{}]{}  {}\n", pairs[i].scenario + 1, files.size(), marks, name) << std::flush;
    }
  }
  if (!temp_dir.empty()) {
    std::error_code ec;
    fs::remove_all(temp_dir, ec);
  }
  return report;
}

std::string render(const Report& report) {
  std::string out;
  const std::string banner(72, '!');
  for (const auto& v : report.missing_versions)
    out += fmt::format("SKIPPED: no CPython {} found (looked for {}); its column is '-'\n", v,
                       interpreter_search_description());
  if (!report.missing_versions.empty()) out += "\n";

  out += report.use_expected
             ? "Reference: the captured SCENARIO.expected.json files (not live CPython)\n"
             : "Reference: real CPython through tests/conformance/virtual_clock.py\n";
  for (const auto& v : known_versions())
    if (report.interpreters.count(v)) out += fmt::format("  {:<5} {}\n", v, report.interpreters.at(v));
  out += report.handles ? "Each cell: outputs/handles (stdout, last stderr line and exit status / per-tick handle "
                          "sequence)\n"
                        : "Each cell: outputs (stdout, last stderr line and exit status)\n";
  out += "✓ same  ✓ (order) same under a non-default choice order  ✗ differs  - not run (excluded by the "
         "scenario, or no interpreter)\n\n";

  auto cell_text = [&](const Verdict& c) {
    if (c.outputs == Mark::Excluded || c.outputs == Mark::Missing) return std::string("-");
    std::string s = mark_text(c.outputs);
    if (report.handles) s += "/" + (c.handles ? mark_text(*c.handles) : std::string("?"));
    return s;
  };
  std::size_t name_width = 8;
  for (const auto& s : report.scenarios) name_width = std::max(name_width, width(s));
  std::size_t col = 4;
  for (const auto& v : report.versions) col = std::max(col, v.size());
  for (const auto& [s, row] : report.cells)
    for (const auto& [v, c] : row) col = std::max(col, width(cell_text(c)));
  col += 2;

  std::string header = pad("scenario", name_width + 2);
  for (const auto& v : report.versions) header += pad(v, col);
  while (!header.empty() && header.back() == ' ') header.pop_back();
  out += header + "\n";
  std::size_t pairs = 0, outputs_ok = 0, outputs_order = 0, handles_pairs = 0, handles_ok = 0, handles_order = 0;
  std::size_t scenarios_handles_checked = 0, scenarios_handles_ok = 0;
  std::vector<std::string> differences;
  for (const auto& s : report.scenarios) {
    std::string line = pad(s, name_width + 2);
    const auto& row = report.cells.at(s);
    bool any_handles = false, all_handles = true;
    for (const auto& v : report.versions) {
      const auto& c = row.at(v);
      line += pad(cell_text(c), col);
      if (c.outputs == Mark::Excluded || c.outputs == Mark::Missing) continue;
      ++pairs;
      if (c.outputs != Mark::Differ) ++outputs_ok;
      if (c.outputs == Mark::MatchOrder) ++outputs_order;
      if (c.outputs == Mark::Differ)
        differences.push_back(fmt::format("✗ {} on {}: outputs: {}", s, v, c.outputs_difference));
      if (c.handles) {
        ++handles_pairs;
        any_handles = true;
        if (*c.handles != Mark::Differ) ++handles_ok;
        else all_handles = false;
        if (*c.handles == Mark::MatchOrder) ++handles_order;
        if (*c.handles == Mark::Differ)
          differences.push_back(fmt::format("✗ {} on {}: handles: {}", s, v, c.handles_difference));
      }
      if (c.outputs == Mark::MatchOrder || c.handles == Mark::MatchOrder)
        differences.push_back(fmt::format("✓ (order) {} on {}: matched with choices {}", s, v,
                                          choices_text(c.choices)));
    }
    if (any_handles) {
      ++scenarios_handles_checked;
      if (all_handles) ++scenarios_handles_ok;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "\n";
  out += fmt::format("outputs: {} of {} scenario×version pairs match ({} by a non-default choice order)\n",
                     outputs_ok, pairs, outputs_order);
  if (report.handles)
    out += fmt::format("handles: {} of {} pairs match tick by tick ({} by a non-default choice order); {} of {} "
                       "scenarios match on every version\n",
                       handles_ok, handles_pairs, handles_order, scenarios_handles_ok, scenarios_handles_checked);
  if (!differences.empty()) {
    out += "\n";
    for (const auto& d : differences) out += d + "\n";
  }
  if (!report.missing_versions.empty()) {
    std::string list;
    for (const auto& v : report.missing_versions) list += (list.empty() ? "" : ", ") + v;
    out += fmt::format("\n{}\nSKIPPED versions (no interpreter found): {}\n{}\n", banner, list, banner);
  }
  return out;
}

}  // namespace asim::scenario::conform
