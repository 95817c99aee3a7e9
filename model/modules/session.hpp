// One scenario run under one Python version: the modules it can import, the
// event loops its asyncio.run calls create, where its output goes. The
// asyncio module's functions reach the model through the session.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/asyncio/base_events.hpp"
#include "model/modules/threads.hpp"
#include "model/runtime/module.hpp"

namespace asim::modules {

struct SessionConfig {
  const asyncio::VersionProfile& profile;
  trace::Sink* sink = nullptr;
  explore::Chooser* chooser = nullptr;
  asyncio::Limits limits = {};
  // sys.argv: the script as named on the command line, then its arguments.
  std::vector<std::string> argv = {"scenario.py"};
  // sys.path: the folders a module outside asim's library is looked for in
  // (`asim exec -m`: the current directory). Empty: a program imports no
  // files of its own.
  std::vector<std::string> path = {};
  // The installed CPython's Lib folder for the version (the harness stand-in
  // `test` package reads CPython's own test files there), "" when none.
  std::string cpython_lib = {};
  // sys.stdout.flush() and print(..., flush=True): where the output goes
  // may hold it back until then (a terminal's or a pipe's buffer).
  std::function<void()> flush_out = {};
  std::function<void()> flush_err = {};
  // The program's standard input, a line at a time (with its "\n"; nullopt
  // at the end). None given: an empty input, as `python FILE < /dev/null`.
  std::function<std::optional<std::string>()> read_line = {};
};

// A claim("text", condition) evaluation, in program order.
struct ClaimResult {
  std::string text;
  bool holds;
};

class Session : public runtime::ModuleFinder {
 public:
  using Writer = std::function<void(std::string_view)>;
  Session(SessionConfig config, Writer out, Writer err);
  ~Session() override;

  // importlib's find-and-load (model/modules/module_finder.cpp): a dotted
  // name's packages first, each module made once per session.
  runtime::Ref<runtime::Module> find(std::string_view name) override;
  runtime::Ref<runtime::Module> imported(std::string_view name) const override;
  // Where the module `name` would be loaded from, without running it
  // (runpy's _get_module_details); its parent package must be imported.
  struct ModuleSource {
    std::string path;  // as tracebacks and __file__ show it
    std::string text;
    bool package = false;
    bool library = false;  // one of asim's own (stdlib/)
  };
  std::optional<ModuleSource> locate(const std::string& name);
  // Puts a module made elsewhere into sys.modules (runpy's `__main__`).
  void add_module(const std::string& name, runtime::Ref<runtime::Module> module) { modules_[name] = std::move(module); }
  const SessionConfig& config() const { return config_; }
  // sys.argv[0] once `-m` found the module's file.
  void set_argv0(std::string path) { config_.argv.at(0) = std::move(path); }

  const asyncio::VersionProfile& profile() const { return config_.profile; }
  const std::vector<std::string>& argv() const { return config_.argv; }
  const asyncio::AsyncioExceptions& exceptions() const { return process_->exceptions; }
  const std::shared_ptr<asyncio::ProcessState>& process() const { return process_; }
  // events._get_running_loop: the loop inside run_forever, or nullptr.
  asyncio::EventLoop* running_loop() const { return process_->running_loop; }
  // get_running_loop(): RuntimeError('no running event loop') when none.
  asyncio::EventLoop& require_running_loop() const;
  // events.get_event_loop(): the running loop, else the policy's current
  // one, made on first use unless set_event_loop() was called.
  asyncio::EventLoop& get_event_loop();
  // events.new_event_loop(). Loops are kept until the session ends (tasks
  // that outlive a run still point at theirs).
  asyncio::EventLoop& new_event_loop();
  // events.set_event_loop(): the policy's current loop (nullptr: none).
  void set_event_loop(asyncio::EventLoop* loop);
  // events.set_event_loop_policy(None): a fresh default policy, with no
  // current loop and set_event_loop() not yet called.
  void reset_event_loop_policy();
  // The process's virtual clock, which the time module reads: the running
  // loop's clock, else that of the loop made last, each offset by where the
  // process's clock stood when the loop was made; before any loop, a clock
  // of its own.
  double process_now() const;
  // time.sleep: that clock moves on at once, blocking the loop if one runs.
  void block_for(double seconds);
  // asyncio.run: a new loop for `main`, current while it runs, closed after.
  runtime::Value run(runtime::Ref<runtime::Coroutine> main, bool debug);
  // asyncio.run's first check, made before it looks at `main` at all:
  // RuntimeError inside a running loop.
  void refuse_run_in_running_loop(const runtime::Value& main);
  // 3.11+ asyncio.run given no coroutine: what its Runner did around the
  // refusal (__enter__ made and set a loop, __exit__ closed it).
  void close_refusing_runner(std::optional<bool> debug);

  void write_out(std::string_view text);
  void write_err(std::string_view text);
  void flush_out() const {
    if (config_.flush_out) config_.flush_out();
  }
  void flush_err() const {
    if (config_.flush_err) config_.flush_err();
  }
  std::optional<std::string> read_line() const {
    return config_.read_line ? config_.read_line() : std::nullopt;
  }
  // sys.stdin, made on first use (input() reads through it, as CPython's).
  const runtime::Ref<runtime::Object>& stdin_stream();
  void record_claim(std::string text, bool holds) { claims_.push_back({std::move(text), holds}); }
  const std::vector<ClaimResult>& claims() const { return claims_; }
  trace::Sink* sink() const { return config_.sink; }
  // Keeps a module's C++ state alive as long as the session.
  void keep_alive(std::shared_ptr<void> state) { kept_.push_back(std::move(state)); }
  // The running loop, else the loop made last; nullptr before the first.
  asyncio::EventLoop* clock_loop() const;
  // The program's threads (model/modules/threads.hpp), made when it starts
  // its first one; threads_if_any() is null before.
  Threads& threads();
  Threads* threads_if_any() const { return threads_.get(); }
  // Py_FinalizeEx's wait_for_thread_shutdown, once the main module is
  // done: threading._shutdown() joins every non-daemon thread.
  void shutdown_threads();
  // A loop runs only in the main thread here (each thread's loop would
  // need a clock of its own): elsewhere the run stops.
  void refuse_loop_outside_main_thread() const;
  // threading.current_thread().name
  runtime::Value current_thread_name();

 private:
  void trace_output(trace::Kind kind, std::string_view subject, std::string_view text);
  SessionConfig config_;
  Writer out_, err_;
  std::shared_ptr<asyncio::ProcessState> process_;
  std::vector<std::unique_ptr<asyncio::EventLoop>> loops_;
  // BaseDefaultEventLoopPolicy._local: the current loop, and whether
  // set_event_loop() was ever called (then no loop is made implicitly).
  asyncio::EventLoop* current_loop_ = nullptr;
  bool set_called_ = false;
  double idle_now_ = 0.0;  // the process's clock before the first loop
  // The process's clock moves on to `t` while its threads wait.
  void advance_clock_to(double t);
  std::unique_ptr<Threads> threads_;
  runtime::Ref<runtime::Module> load(const std::string& name);
  std::unordered_map<std::string, runtime::Ref<runtime::Module>> modules_;  // sys.modules
  std::vector<ClaimResult> claims_;
  std::vector<std::shared_ptr<void>> kept_;
  runtime::Ref<runtime::Object> stdin_;
};

// The modules, each built for the session's version.
runtime::Ref<runtime::Module> make_asyncio_module(Session& session);
runtime::Ref<runtime::Module> make_sys_module(Session& session);
runtime::Ref<runtime::Module> make_asim_module(Session& session);
runtime::Ref<runtime::Module> make_time_module(Session& session);
runtime::Ref<runtime::Module> make_random_module(Session& session);
runtime::Ref<runtime::Module> make_contextlib_module(Session& session);
runtime::Ref<runtime::Module> make_dataclasses_module(Session& session);
runtime::Ref<runtime::Module> make_library_hooks_module(Session& session);
runtime::Ref<runtime::Module> make_contextvars_module(Session& session);
runtime::Ref<runtime::Module> make_thread_module(Session& session);
// `_math`: the C functions stdlib/math.py exports.
runtime::Ref<runtime::Module> make_native_math_module(Session& session);
// input() and sys.stdin's reading on the session's input (console.cpp).
void add_console_builtins(runtime::Module& builtins, Session& session);
runtime::Ref<runtime::Object> make_stdin(Session& session);
// exit()/quit(), and the builtins asim does not model (they stop the run).
void add_unmodelled_builtins(runtime::Module& builtins);

}  // namespace asim::modules
