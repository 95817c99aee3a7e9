#include "model/cli/address_order_check.hpp"

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/runtime/runtime.hpp"

namespace asim::cli {

namespace {

// Passes the output through until closed, then keeps it, in order, so that
// releasing it later interleaves stdout and stderr as writing it then would.
class OutputGate {
 public:
  explicit OutputGate(const ExecStreams& streams) : streams_(streams) {}

  void write(bool err, std::string_view s) {
    (err ? err_ : out_) += s;
    if (open_) (err ? streams_.err : streams_.out)(s);
    else held_.push_back({err ? Op::Err : Op::Out, std::string(s)});
  }
  void flush(bool err) {
    const auto& flush = err ? streams_.flush_err : streams_.flush_out;
    if (open_) {
      if (flush) flush();
    } else {
      held_.push_back({err ? Op::FlushErr : Op::FlushOut, {}});
    }
  }
  void close() {
    open_ = false;
    passed_out_ = out_.size();
    passed_err_ = err_.size();
  }
  void release() {
    for (const auto& [op, text] : held_) {
      switch (op) {
        case Op::Out: streams_.out(text); break;
        case Op::Err: streams_.err(text); break;
        case Op::FlushOut: if (streams_.flush_out) streams_.flush_out(); break;
        case Op::FlushErr: if (streams_.flush_err) streams_.flush_err(); break;
      }
    }
    held_.clear();
    open_ = true;
  }
  // What reached the streams before the gate closed.
  std::string_view passed_out() const { return std::string_view(out_).substr(0, open_ ? out_.size() : passed_out_); }
  std::string_view passed_err() const { return std::string_view(err_).substr(0, open_ ? err_.size() : passed_err_); }

 private:
  enum class Op { Out, Err, FlushOut, FlushErr };
  struct Held {
    Op op;
    std::string text;
  };
  const ExecStreams& streams_;
  bool open_ = true;
  std::string out_, err_;
  std::size_t passed_out_ = 0, passed_err_ = 0;
  std::vector<Held> held_;
};

// What the second run shows: the part compared with the first's.
struct Outcome {
  std::string out, err;
  int exit_code = 0;
  bool operator==(const Outcome&) const = default;
};

bool write_all(int fd, const void* data, std::size_t size) {
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

// The forked run's outcome, through its pipe: the exit status, then each
// stream's length and bytes.
void send_outcome(int fd, const scenario::RunResult& result) {
  const std::int64_t code = result.exit_code;
  const std::uint64_t out_size = result.out.size(), err_size = result.err.size();
  (void)(write_all(fd, &code, sizeof code) && write_all(fd, &out_size, sizeof out_size) &&
         write_all(fd, result.out.data(), result.out.size()) && write_all(fd, &err_size, sizeof err_size) &&
         write_all(fd, result.err.data(), result.err.size()));
}

// Reads the forked run's outcome and reaps it; nullopt when it ended without
// sending one (it crashed).
std::optional<Outcome> receive_outcome(int fd, pid_t child) {
  std::string bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  int status = 0;
  while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  std::size_t at = 0;
  const auto take = [&](void* into, std::size_t size) {
    if (bytes.size() - at < size) return false;
    std::copy_n(bytes.data() + at, size, static_cast<char*>(into));
    at += size;
    return true;
  };
  const auto take_text = [&](std::string& into) {
    std::uint64_t size = 0;
    if (!take(&size, sizeof size) || bytes.size() - at < size) return false;
    into.assign(bytes, at, size);
    at += size;
    return true;
  };
  Outcome outcome;
  std::int64_t code = 0;
  if (!take(&code, sizeof code) || !take_text(outcome.out) || !take_text(outcome.err)) return std::nullopt;
  outcome.exit_code = static_cast<int>(code);
  return outcome;
}

// How a forked run that failed inside asim ends: it sends no outcome.
constexpr int kChildFailed = 70;

// The forked second run, seen from either side of the fork.
struct Fork {
  bool child = false;
  int fd = -1;         // the child writes its outcome here, the parent reads it
  pid_t pid = -1;      // the parent's: the child's
};

}  // namespace

scenario::RunResult run_checking_address_order(
    const std::function<scenario::RunResult(const scenario::RunOptions&)>& run, const scenario::RunOptions& options,
    const ExecStreams& streams) {
  // A schedule replayed on purpose, or Ctrl-Cs replayed at counted points
  // that another order would move: nothing to check.
  if (options.chooser || !options.interrupt_at.empty()) {
    scenario::RunOptions plain = options;
    plain.stream_out = streams.out;
    plain.stream_err = streams.err;
    plain.flush_out = streams.flush_out;
    plain.flush_err = streams.flush_err;
    return run(plain);
  }
  OutputGate gate(streams);
  std::optional<std::string> first;  // the report, naming where the first such order was taken
  std::optional<Fork> fork;
  bool reverse = false;
  scenario::RunOptions gated = options;
  gated.stream_out = [&](std::string_view s) { gate.write(false, s); };
  gated.stream_err = [&](std::string_view s) { gate.write(true, s); };
  gated.flush_out = [&] { gate.flush(false); };
  gated.flush_err = [&] { gate.flush(true); };
  gated.address_order = [&](std::string_view what) {
    if (first) return reverse;
    const auto& where = runtime::Runtime::current().current_location;
    first = fmt::format("{}: not supported by asim: this program's output depends on an order that follows object "
                        "addresses in CPython ({}), which asim cannot know",
                        where ? where() : "asim", what);
    gate.close();
    int fds[2];
    if (!streams.read_all_input || !streams.read_all_input() || ::pipe(fds) != 0) return reverse;
    const pid_t pid = ::fork();
    if (pid < 0) {
      ::close(fds[0]);
      ::close(fds[1]);
      return reverse;
    }
    if (pid == 0) {
      ::close(fds[0]);
      fork = Fork{true, fds[1], -1};
      reverse = true;
    } else {
      ::close(fds[1]);
      fork = Fork{false, fds[0], pid};
    }
    return reverse;
  };
  // The child ends as soon as its outcome is known, leaving the freeing of
  // its objects to the kernel; it never touches the process's streams.
  gated.result_ready = [&](scenario::RunResult& result) {
    if (fork && fork->child) {
      send_outcome(fork->fd, result);
      ::_exit(0);
    }
    if (options.result_ready) options.result_ready(result);
  };
  scenario::RunResult result;
  try {
    result = run(gated);
  } catch (...) {
    if (fork && fork->child) ::_exit(kChildFailed);
    throw;
  }
  if (!first) {
    gate.release();
    return result;
  }
  // Ctrl-C or a stop of asim's own: the run says so itself.
  const bool stopped_anyway = result.exit_code < 0 || result.exit_code == 2;
  std::optional<Outcome> other;
  if (fork) {
    if (stopped_anyway) ::kill(fork->pid, SIGKILL);
    other = receive_outcome(fork->fd, fork->pid);
  }
  if (stopped_anyway) {
    gate.release();
    return result;
  }
  if (!fork) {
    scenario::RunOptions reversed = options;
    reversed.stream_out = reversed.stream_err = nullptr;
    reversed.flush_out = reversed.flush_err = nullptr;
    reversed.address_order = [](std::string_view) { return true; };
    const auto again = run(reversed);
    other = Outcome{again.out, again.err, again.exit_code};
  }
  if (other == Outcome{result.out, result.err, result.exit_code}) {
    gate.release();
    return result;
  }
  if (streams.flush_out) streams.flush_out();
  scenario::RunResult stopped;
  stopped.out = std::string(gate.passed_out());
  stopped.err = std::string(gate.passed_err()) + *first + "\n";
  stopped.exit_code = 2;
  return stopped;
}

}  // namespace asim::cli
