#include "model/explore/explore.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <limits>
#include <map>
#include <new>
#include <set>
#include <nlohmann/json.hpp>
#include <stdexcept>

#if !defined(__EMSCRIPTEN__)
#define ASIM_EXPLORE_FORKS 1
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#endif

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

// A run's outcome as exploring keeps it.
Schedule schedule_of(scenario::RunResult&& r) {
  Schedule s;
  s.out = std::move(r.out);
  s.err = scenario::conform::last_nonempty_line(r.err);
  s.exit_code = r.exit_code;
  // A claim made several times in a run holds in it when every instance held.
  std::map<std::string, bool> in_run;
  for (const auto& c : r.claims) {
    auto [at, fresh] = in_run.emplace(c.text, c.holds);
    if (!fresh) at->second = at->second && c.holds;
  }
  s.claims.assign(in_run.begin(), in_run.end());
  return s;
}

using Record = std::function<void(Schedule&&)>;

// One run of the program under `chooser`; `made` is left to the caller.
// With `ready`, the schedule goes there as soon as it is known, before the
// run's objects are freed (a forked run ends there).
Schedule run_schedule(const std::string& path, const Options& options, Chooser& chooser, const Record& ready = nullptr) {
  scenario::RunOptions run_options;
  run_options.python = options.python;
  run_options.chooser = &chooser;
  run_options.max_instructions = options.max_instructions;
  if (ready) run_options.result_ready = [&](scenario::RunResult& r) { ready(schedule_of(std::move(r))); };
  try {
    return schedule_of(scenario::run_file(path, run_options));
  } catch (const std::exception& e) {
    Schedule s;
    s.err = scenario::conform::normalise_addresses(std::string("asim raised: ") + e.what());
    return s;
  }
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

// How a walk over the schedules ended.
struct WalkEnd {
  bool complete = true;
  std::size_t at_least = 0;  // when not complete: schedules that exist, at least
};

// The schedules a walk records (all, or a shard's own) and where it stops.
struct WalkPlan {
  std::optional<Shard> shard;
  std::size_t depth = 0;  // with a shard: choices that make a prefix
  std::size_t cap = 1;    // recorded schedules at most
  explicit WalkPlan(const Options& options)
      : shard(options.shard),
        depth(std::max<std::size_t>(1, options.shard ? options.shard->depth : 1)),
        cap(std::max<std::size_t>(1, options.max_schedules)) {}
  // Whether the `i`-th prefix met (0-based) is this shard's.
  bool mine(std::size_t i) const { return !shard || i % shard->count == shard->index - 1; }
};

// After the recorded schedule that made `made`, the count-th: how the walk
// ends if it stops here, or nothing when it goes on.
std::optional<WalkEnd> end_after(const WalkPlan& plan, std::size_t count, const std::vector<Replay::Made>& made) {
  if (!next_script(made)) return WalkEnd{};
  if (count >= plan.cap) return WalkEnd{false, count + unexplored_lower_bound(made)};
  return std::nullopt;
}

// Where a walk in turn begins: at the start, or where a forked walk left off.
struct Resume {
  std::vector<std::size_t> script;  // the next schedule's
  std::size_t recorded = 0;         // schedules recorded before it
  std::size_t prefixes = 0;         // with a shard: prefixes met before it
  // With a shard: whether the next schedule is under the last prefix met,
  // and that prefix.
  bool under_prefix = false;
  std::vector<std::size_t> prefix;
};

// Every schedule from the start, one after the other, in this process: the
// i-th run replays the script depth-first search gives after the (i-1)-th.
// `first`, when given, is the first schedule's run, already made (with its
// `made`).
WalkEnd walk_in_turn(const std::string& path, const Options& options, const WalkPlan& plan, const Record& record,
                     Resume from = {}, std::optional<Schedule> first = std::nullopt) {
  std::vector<std::size_t> script = std::move(from.script), prefix = std::move(from.prefix);
  bool met = from.under_prefix;
  std::size_t prefixes = from.prefixes, recorded = from.recorded;
  while (true) {
    Schedule s;
    if (first) {
      s = std::move(*first);
      first.reset();
    } else {
      Replay chooser(std::move(script));
      s = run_schedule(path, options, chooser);
      s.made = chooser.made();
    }
    std::vector<Replay::Made> made = s.made;
    bool mine = true;
    if (plan.shard) {
      std::vector<std::size_t> this_prefix = choices_of(made);
      this_prefix.resize(std::min(plan.depth, this_prefix.size()));
      if (!met || this_prefix != prefix) {
        ++prefixes;
        met = true;
        prefix = std::move(this_prefix);
      }
      mine = plan.mine(prefixes - 1);
      // Another shard's prefix: go on at the next prefix.
      if (!mine && made.size() > plan.depth) made.resize(plan.depth);
    }
    if (mine) {
      record(std::move(s));
      if (auto end = end_after(plan, ++recorded, made)) return *end;
    } else if (!next_script(made)) {
      return WalkEnd{};
    }
    script = *next_script(made);
  }
}

#if ASIM_EXPLORE_FORKS
// The walk by fork(): the program runs once up to its first choice point;
// there the process forks, one child per option but the last, each going on
// with its option while the parent waits, and the parent takes the last
// option itself. Every schedule thus runs only from its last choice on, and
// nothing before it (parsing, building the modules, the common prefix) is
// paid again. The processes run one at a time (each parent waits for its
// child), so the schedules end in depth-first order, each sending its record
// through one pipe to the exploring process. A child is a copy of its parent
// at the choice, so its run is the one a replay of its token makes.

// Shared by every process of one walk (an anonymous shared mapping).
struct ForkShared {
  std::atomic<std::size_t> prefixes{0};
  std::atomic<std::size_t> recorded{0};
  std::atomic<bool> stop{false};  // the cap is reached: no process goes on
};

// The exit status that carries a failed schedule's up the tree: its own, or
// 128 + the signal that ended it.
int status_code(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status); }

class ForkingChooser : public Chooser {
 public:
  ForkingChooser(ForkShared& shared, const WalkPlan& plan, int out) : shared_(shared), plan_(plan), out_(out) {}

  std::size_t choose(std::size_t n, std::string_view) override {
    if (plan_.shard && made_.size() == plan_.depth) enter_prefix();
    if (n > 1 && forks_ == kMaxWaiting) hand_over();
    std::size_t pick = 0;
    for (; pick + 1 < n; ++pick) {
      if (shared_.stop) _exit(0);
      const pid_t child = fork();
      if (child < 0) _exit(kForkFailed);
      if (child == 0) {
        ++forks_;
        break;
      }
      int status = 0;
      while (waitpid(child, &status, 0) < 0)
        if (errno != EINTR) _exit(kForkFailed);
      if (status != 0) _exit(status_code(status));
    }
    if (shared_.stop) _exit(0);
    made_.push_back({pick, n});
    return pick;
  }

  // The end of this process's schedule: its record, unless another shard
  // owns it or the cap was reached.
  [[noreturn]] void finish(Schedule&& s) {
    if (shared_.stop) _exit(0);
    if (plan_.shard && made_.size() <= plan_.depth) enter_prefix();
    s.made = std::move(made_);
    send(encode(s, false));
    if (++shared_.recorded >= plan_.cap) shared_.stop = true;
    _exit(0);
  }

  static constexpr int kForkFailed = 70;
  // Processes waiting on a path at most (each at a choice, for its child):
  // a run with more choice points hands the rest of the walk over to runs
  // from the start, rather than keep that many processes.
  static constexpr std::size_t kMaxWaiting = 64;

 private:
  // The first run to complete a prefix meets it: it and the runs forked from
  // it go on only when the prefix is this shard's.
  void enter_prefix() {
    if (!plan_.mine(shared_.prefixes++)) _exit(0);
    prefix_entered_ = true;
  }

  // This schedule, and every one after it, is left to walk_in_turn: the
  // record says where it begins (the choices so far, and whether their
  // prefix was met), and the walk stops.
  [[noreturn]] void hand_over() {
    if (shared_.stop) _exit(0);
    shared_.stop = true;
    Schedule s;
    s.made = std::move(made_);
    s.exit_code = prefix_entered_ ? 1 : 0;
    send(encode(s, true));
    _exit(0);
  }

  void send(const std::string& bytes) {
    for (std::size_t done = 0; done < bytes.size();) {
      const ssize_t n = write(out_, bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) _exit(kForkFailed);
      done += static_cast<std::size_t>(n);
    }
  }

  static void put(std::string& out, std::uint64_t v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); }
  static void put(std::string& out, const std::string& text) {
    put(out, text.size());
    out += text;
  }
  // Length first, then whether it hands the walk over, then the fields;
  // RecordReader reads them back.
  static std::string encode(const Schedule& s, bool hand_over) {
    std::string body;
    put(body, hand_over ? 1 : 0);
    put(body, s.out);
    put(body, s.err);
    put(body, static_cast<std::uint64_t>(static_cast<std::int64_t>(s.exit_code)));
    put(body, s.claims.size());
    for (const auto& [text, holds] : s.claims) {
      put(body, text);
      put(body, holds ? 1 : 0);
    }
    put(body, s.made.size());
    for (const auto& m : s.made) {
      put(body, m.chosen);
      put(body, m.options);
    }
    std::string out;
    put(out, body.size());
    return out + body;
  }

  ForkShared& shared_;
  const WalkPlan& plan_;
  int out_;
  std::vector<Replay::Made> made_;
  std::size_t forks_ = 0;  // processes waiting above this one
  bool prefix_entered_ = false;
};

// Reads the records of a walk's pipe.
class RecordReader {
 public:
  explicit RecordReader(int in) : in_(in) {}
  // The next record, or nothing at the end of the pipe; `hand_over` tells
  // a schedule left to walk_in_turn (its `made` so far, and in `exit_code`
  // whether its prefix was met).
  std::optional<Schedule> next(bool& hand_over) {
    std::uint64_t size = 0;
    if (!read_exactly(&size, sizeof size, /*eof_ok=*/true)) return std::nullopt;
    body_.resize(size);
    read_exactly(body_.data(), size, false);
    at_ = 0;
    hand_over = number() != 0;
    Schedule s;
    s.out = text();
    s.err = text();
    s.exit_code = static_cast<int>(static_cast<std::int64_t>(number()));
    s.claims.resize(number());
    for (auto& [text_, holds] : s.claims) {
      text_ = text();
      holds = number() != 0;
    }
    s.made.resize(number());
    for (auto& m : s.made) {
      m.chosen = number();
      m.options = number();
    }
    return s;
  }

 private:
  bool read_exactly(void* into, std::size_t size, bool eof_ok) {
    auto* p = static_cast<char*>(into);
    for (std::size_t done = 0; done < size;) {
      const ssize_t n = read(in_, p + done, size - done);
      if (n < 0 && errno == EINTR) continue;
      if (n == 0 && done == 0 && eof_ok) return false;
      if (n <= 0) throw std::runtime_error("explore: a schedule's record was cut short");
      done += static_cast<std::size_t>(n);
    }
    return true;
  }
  std::uint64_t number() {
    std::uint64_t v = 0;
    if (at_ + sizeof v > body_.size()) throw std::runtime_error("explore: a malformed schedule record");
    std::memcpy(&v, body_.data() + at_, sizeof v);
    at_ += sizeof v;
    return v;
  }
  std::string text() {
    const std::size_t size = number();
    if (at_ + size > body_.size()) throw std::runtime_error("explore: a malformed schedule record");
    std::string t(body_.data() + at_, size);
    at_ += size;
    return t;
  }

  int in_;
  std::string body_;
  std::size_t at_ = 0;
};

WalkEnd walk_forking(const std::string& path, const Options& options, const WalkPlan& plan, const Record& record) {
  void* mapping = mmap(nullptr, sizeof(ForkShared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
  if (mapping == MAP_FAILED) throw std::runtime_error(fmt::format("explore: mmap: {}", std::strerror(errno)));
  auto* shared = new (mapping) ForkShared;
  struct Unmap {
    void* at;
    ~Unmap() { munmap(at, sizeof(ForkShared)); }
  } unmap{mapping};
  int fds[2];
  if (pipe(fds) != 0) throw std::runtime_error(fmt::format("explore: pipe: {}", std::strerror(errno)));
  // Nothing buffered here may come out twice.
  std::fflush(nullptr);
  const pid_t runner = fork();
  if (runner < 0) {
    close(fds[0]);
    close(fds[1]);
    throw std::runtime_error(fmt::format("explore: fork: {}", std::strerror(errno)));
  }
  if (runner == 0) {
    close(fds[0]);
    ForkingChooser chooser(*shared, plan, fds[1]);
    const Record finish = [&](Schedule&& s) { chooser.finish(std::move(s)); };
    finish(run_schedule(path, options, chooser, finish));
  }
  close(fds[1]);
  // On the way out, also by an exception: the runs' writes fail once the
  // pipe is closed, so the processes end, and the runner is reaped.
  struct Reap {
    int in;
    pid_t runner;
    int status = 0;
    bool reaped = false;
    int wait() {
      close(in);
      while (waitpid(runner, &status, 0) < 0 && errno == EINTR) {
      }
      reaped = true;
      return status;
    }
    ~Reap() {
      if (!reaped) wait();
    }
  } reap{fds[0], runner};
  RecordReader reader(fds[0]);
  std::size_t recorded = 0;
  std::optional<WalkEnd> end;
  std::optional<Resume> resume;
  bool hand_over = false;
  while (auto s = reader.next(hand_over)) {
    if (end || resume) throw std::runtime_error("explore: a schedule ran past the end of the walk");
    if (hand_over) {
      resume = Resume{choices_of(s->made), recorded, shared->prefixes, s->exit_code != 0, {}};
      if (resume->under_prefix)
        resume->prefix.assign(resume->script.begin(), resume->script.begin() + static_cast<std::ptrdiff_t>(plan.depth));
      continue;
    }
    const auto made = s->made;
    record(std::move(*s));
    end = end_after(plan, ++recorded, made);
  }
  const int status = reap.wait();
  if (status != 0)
    throw std::runtime_error(status_code(status) == ForkingChooser::kForkFailed
                                 ? std::string("explore: a schedule's process could not fork or write its record")
                                 : fmt::format("explore: a schedule's run ended abnormally (status {})",
                                               status_code(status)));
  if (resume) return walk_in_turn(path, options, plan, record, std::move(*resume));
  return end.value_or(WalkEnd{});
}

// This process's CPU time, its threads' included, in seconds.
double process_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

double seconds(const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; }

// What a fork of this process costs in CPU time, the child's included: the
// child ends at once and is reaped. The least of three tries; infinite when
// this process cannot fork.
double fork_seconds() {
  double least = std::numeric_limits<double>::infinity();
  std::fflush(nullptr);
  for (int i = 0; i < 3; ++i) {
    const double start = process_seconds();
    const pid_t child = fork();
    if (child < 0) break;
    if (child == 0) _exit(0);
    int status = 0;
    rusage used{};
    while (wait4(child, &status, 0, &used) < 0)
      if (errno != EINTR) return std::numeric_limits<double>::infinity();
    least = std::min(least, process_seconds() - start + seconds(used.ru_utime) + seconds(used.ru_stime));
  }
  return least;
}

// A forked schedule pays a fork, then faults in again what its run touches
// (the pages it writes, the code it runs) and ends a process: about three
// bare forks' worth, measured as about 0.8 ms a schedule against 0.27 ms a
// fork on one machine and 7 ms against 2.3 ms on another, a virtual machine
// whose page faults are dear.
constexpr double kForkedScheduleInForks = 3;

// Forking pays when a forked schedule costs less than running it from the
// start: the first schedule is run from the start, timed, and a fork of
// this process timed beside it. A process's first run costs several times
// its later ones (its heap grown, its code and data faulted in), so when
// that one says forking might pay, the first schedule is run again and the
// second run decides. Which walk follows changes no report.
WalkEnd walk_when_cheaper(const std::string& path, const Options& options, const WalkPlan& plan,
                          const Record& record) {
  const auto timed_run = [&](double& run) {
    Replay chooser;
    const double start = process_seconds();
    Schedule s = run_schedule(path, options, chooser);
    run = process_seconds() - start;
    s.made = chooser.made();
    return s;
  };
  double run = 0;
  Schedule first = timed_run(run);
  if (first.made.empty()) return walk_in_turn(path, options, plan, record, {}, std::move(first));
  const double forked = kForkedScheduleInForks * fork_seconds();
  if (forked < run) {
    first = timed_run(run);
    // Then the forked walk makes the first run again.
    if (forked < run) return walk_forking(path, options, plan, record);
  }
  return walk_in_turn(path, options, plan, record, {}, std::move(first));
}
#endif

WalkEnd walk(const std::string& path, const Options& options, const Record& record) {
  const WalkPlan plan(options);
#if ASIM_EXPLORE_FORKS
  if (options.fork == Options::Fork::always) return walk_forking(path, options, plan, record);
  if (options.fork == Options::Fork::when_cheaper) return walk_when_cheaper(path, options, plan, record);
#endif
  return walk_in_turn(path, options, plan, record);
}

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
  const std::size_t cap = std::max<std::size_t>(1, options.max_schedules);
  const WalkEnd end = walk(path, options, [&](Schedule&& s) {
    tally.add(format_token(choices_of(s.made)), s.out, s.exit_code, s.err, s.claims);
    if (options.progress) options.progress(tally.schedules(), cap);
  });
  tally.result_.complete = end.complete;
  tally.result_.at_least = end.at_least;
  return tally.finish();
}

ShardResult explore_shard(const std::string& path, const Options& options) {
  ShardResult shard;
  shard.shard = options.shard.value_or(Shard{});
  shard.python = options.python;
  Options sharded = options;
  sharded.shard = shard.shard;
  std::map<std::pair<std::string, int>, std::size_t> outcome_of;
  const std::size_t cap = std::max<std::size_t>(1, options.max_schedules);
  const WalkEnd end = walk(path, sharded, [&](Schedule&& s) {
    const auto key = std::make_pair(s.out, s.exit_code);
    auto it = outcome_of.find(key);
    if (it == outcome_of.end()) {
      it = outcome_of.emplace(key, shard.outcomes.size()).first;
      shard.outcomes.push_back({std::move(s.out), s.exit_code, std::move(s.err), 0, ""});
    }
    shard.runs.push_back({choices_of(s.made), it->second, std::move(s.claims)});
    if (options.progress) options.progress(shard.runs.size(), cap);
  });
  shard.complete = end.complete;
  shard.at_least = end.at_least;
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
