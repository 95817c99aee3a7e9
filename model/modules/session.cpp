#include "model/modules/session.hpp"

#include <fmt/format.h>

#include "model/asyncio/handled_exception.hpp"
#include "model/asyncio/library_frames.hpp"
#include "model/asyncio/runners.hpp"
#include "model/lang/eval.hpp"
#include "model/lang/exc_chain.hpp"
#include "model/modules/native_function.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/traceback_object.hpp"

namespace asim::modules {

using runtime::Ref;
using runtime::Value;

namespace {

// asyncio's exceptions raised outside the program's frames chain to what the
// interpreter is handling.
[[maybe_unused]] const bool chain_installed = [] {
  asyncio::install_chain_to_handled([](runtime::PyException& exc) {
    if (auto* ts = lang::ThreadState::active()) lang::set_context(*ts, &exc);
  });
  return true;
}();

// asyncio.log.logger: once the program has imported logging, what asyncio
// logs goes through logging.getLogger("asyncio") as in CPython, so the
// program's handlers, format and levels apply (basicConfig(stream=sys.stdout)
// puts "Task exception was never retrieved" on stdout). Without logging
// imported nothing is configured, and logging's last resort would print the
// bare message to stderr: false, the caller writes it itself.
bool log_to_asyncio_logger(const Session& session, const char* level, std::initializer_list<std::string_view> args) {
  Ref<runtime::Module> logging = session.imported("logging");
  if (!logging) return false;
  // Made only now: a string made when nothing is logged would shift the
  // program's fake addresses.
  std::vector<Value> values;
  for (auto a : args) values.push_back(Value::str(std::string(a)));
  const Value name[] = {Value::str("asyncio")};
  const Value logger = runtime::call(runtime::getattr(Value(logging), "getLogger"), name);
  runtime::call(runtime::getattr(logger, level), values);
  return true;
}

// base_events.logger replaced by the program (mock.patch does it in
// CPython's own tests): the default exception handler's report goes to the
// replacement as CPython's does, logger.error(message, exc_info=...).
bool log_to_replaced_logger(const Session& session, const std::string& message,
                            const Ref<runtime::PyException>& exc) {
  Ref<runtime::Module> asyncio = session.imported("asyncio");
  Ref<runtime::Module> logging = session.imported("logging");
  if (!asyncio || !logging) return false;
  auto sub = asyncio->dict.find("base_events");
  auto* base_events = sub == asyncio->dict.end() ? nullptr : sub->second.as<runtime::Module>();
  if (!base_events) return false;
  auto replaced = base_events->dict.find("logger");
  if (replaced == base_events->dict.end()) return false;
  const Value name[] = {Value::str("asyncio")};
  const Value logger = replaced->second;
  if (logger.object() == runtime::call(runtime::getattr(Value(logging), "getLogger"), name).object()) return false;
  Value exc_info = Value::boolean(false);
  if (exc)
    exc_info = Value(runtime::make<runtime::Tuple>(
        std::vector<Value>{Value(exc->type), Value(exc), runtime::traceback_of(exc)}));
  const Value args[] = {Value::str(message)};
  const runtime::Keyword kw[] = {{"exc_info", exc_info}};
  runtime::call(runtime::getattr(logger, "error"), args, kw);
  return true;
}

}  // namespace

Session::Session(SessionConfig config, Writer out, Writer err)
    : config_(config),
      out_(std::move(out)),
      err_(std::move(err)),
      process_([&] {
        runtime::Heap::LibraryScope library;  // asyncio's exception classes
        return std::make_shared<asyncio::ProcessState>(config.profile, runtime::Runtime::current().builtins);
      }()) {
  runtime::stop_unmodelled = &not_modelled;
}

Session::~Session() {
  if (threads_) process_->threads = nullptr;
}

asyncio::EventLoop& Session::require_running_loop() const {
  if (!running_loop()) runtime::raise(runtime::Runtime::current().builtins.RuntimeError, "no running event loop");
  return *running_loop();
}

// events.get_event_loop, then BaseDefaultEventLoopPolicy.get_event_loop
asyncio::EventLoop& Session::get_event_loop() {
  if (auto* loop = running_loop()) return *loop;
  // The policy's loop is the main thread's: another thread has none.
  if (threads_ && !threads_->in_main())
    runtime::raise(runtime::Runtime::current().builtins.RuntimeError,
                   fmt::format("There is no current event loop in thread {}.", runtime::to_repr(current_thread_name())));
  if (!current_loop_ && !set_called_) {
    if (profile().get_event_loop_warns)
      runtime::Runtime::current().warn("DeprecationWarning: There is no current event loop");
    set_event_loop(&new_event_loop());
  }
  if (!current_loop_)
    runtime::raise(runtime::Runtime::current().builtins.RuntimeError,
                   "There is no current event loop in thread 'MainThread'.");
  return *current_loop_;
}

asyncio::EventLoop& Session::new_event_loop() {
  const double base = process_now();
  loops_.push_back(std::make_unique<asyncio::EventLoop>(config_.profile, config_.sink, config_.chooser,
                                                        config_.limits, process_));
  loops_.back()->set_clock_base(base);
  // The exception handler's text is the message and logging's exc_info
  // text already joined, as Formatter.format joins them.
  loops_.back()->set_error_log([this](const std::string& text, const std::string& lines,
                                      const Ref<runtime::PyException>& exc) {
    if (log_to_replaced_logger(*this, lines, exc)) return;
    std::string_view message = text;
    if (!message.empty() && message.back() == '\n') message.remove_suffix(1);
    if (!log_to_asyncio_logger(*this, "error", {message})) write_err(text);
  });
  // BaseSelectorEventLoop.__init__ on Linux.
  log_to_asyncio_logger(*this, "debug", {"Using selector: %s", "EpollSelector"});
  return *loops_.back();
}

// Whose clock the time module reads: the running loop's, else that of the
// loop made last; nullptr before the first loop.
asyncio::EventLoop* Session::clock_loop() const {
  if (auto* loop = running_loop()) return loop;
  return loops_.empty() ? nullptr : loops_.back().get();
}

double Session::process_now() const {
  const asyncio::EventLoop* loop = clock_loop();
  return loop ? loop->clock_base() + loop->time() : idle_now_;
}

void Session::advance_clock_to(double t) {
  if (auto* loop = clock_loop()) loop->block_until(t - loop->clock_base());
  else if (t > idle_now_) idle_now_ = t;
}

Threads& Session::threads() {
  if (!threads_) {
    auto& rt = runtime::Runtime::current();
    threads_ = std::make_unique<Threads>(
        Threads::Clock{[this] { return process_now(); }, [this](double t) { advance_clock_to(t); }},
        Threads::LocalsAccess{[this, &rt] {
                                return Threads::Locals{lang::ThreadState::active(), rt.context, process_->running_loop};
                              },
                              [this, &rt](const Threads::Locals& l) {
                                lang::detail::current_thread_state = l.state;
                                rt.context = l.context;
                                process_->running_loop = l.running_loop;
                              }},
        lang::ThreadState::current().limits, this);
    process_->threads = threads_.get();
  }
  return *threads_;
}

void Session::shutdown_threads() {
  auto it = modules_.find("threading");
  if (it == modules_.end()) return;
  try {
    runtime::call(runtime::getattr(Value(it->second), "_shutdown"), {});
  } catch (const runtime::PyError& e) {
    not_modelled("an exception in threading's shutdown (" + e.exc->type->name + ")",
                 "CPython reports it as ignored, which asim does not print");
  }
}

void Session::block_for(double seconds) {
  // Other threads run while this one sleeps.
  if (threads_ && threads_->any()) return threads_->sleep(seconds);
  if (auto* loop = clock_loop()) loop->block_for(seconds);
  else idle_now_ += seconds;
}

void Session::reset_event_loop_policy() {
  set_called_ = false;
  current_loop_ = nullptr;
}

void Session::set_event_loop(asyncio::EventLoop* loop) {
  if (threads_ && !threads_->in_main())
    not_modelled("asyncio.set_event_loop in a thread other than the main one",
                 "asim's event loop policy keeps the main thread's loop only");
  set_called_ = true;
  current_loop_ = loop;
}

// runners.run (3.7-3.10) / Runner (3.11+): set_event_loop(loop) for the run,
// set_event_loop(None) after it.
void Session::refuse_run_in_running_loop(const Value& main) {
  if (!running_loop()) return;
  auto error = runtime::new_exception(runtime::Runtime::current().builtins.RuntimeError,
                                      "asyncio.run() cannot be called from a running event loop");
  // The traceback holds runners.run's frame and with it `main`: unawaited,
  // it lives as long as the exception does.
  if (main.is_object()) error->frame_locals.emplace_back(main.object());
  asyncio::add_library_frame(*error, asyncio::LibraryFrame::RunnersRunNested, profile().minor);
  throw runtime::PyError{error};
}

void Session::close_refusing_runner(std::optional<bool> debug) {
  asyncio::EventLoop& loop = new_event_loop();
  if (debug) loop.set_debug(*debug);
  set_event_loop(&loop);
  struct Finally {
    Session* s;
    asyncio::EventLoop& loop;
    ~Finally() {
      s->set_event_loop(nullptr);
      loop.close();
    }
  } finally{this, loop};
  asyncio::ProgramRun run(*process_);
  asyncio::shutdown(loop);
}

Value Session::current_thread_name() {
  const Value threading(find("threading"));
  return runtime::getattr(runtime::call(runtime::getattr(threading, "current_thread"), {}), "name");
}

void Session::refuse_loop_outside_main_thread() const {
  if (threads_ && !threads_->in_main())
    not_modelled("an event loop run in a thread other than the main one",
                 "asim's loops keep one virtual clock with the main thread");
}

Value Session::run(Ref<runtime::Coroutine> main, bool debug) {
  refuse_loop_outside_main_thread();
  refuse_run_in_running_loop(Value(main));
  asyncio::ProgramRun run(*process_);
  asyncio::EventLoop& loop = new_event_loop();
  loop.set_debug(debug);
  set_event_loop(&loop);
  struct Unset {
    Session* s;
    ~Unset() { s->set_event_loop(nullptr); }
  } unset{this};
  return asyncio::run(loop, std::move(main), [](const Ref<runtime::PyException>& exc, const std::function<void()>& body) {
    auto* ts = lang::ThreadState::active();
    if (!ts) return body();
    lang::ExcStackItem item{exc, ts->exc_info};
    ts->exc_info = &item;
    struct Pop {
      lang::ThreadState* ts;
      lang::ExcStackItem* previous;
      ~Pop() { ts->exc_info = previous; }
    } pop{ts, item.previous};
    body();
  });
}

const runtime::Ref<runtime::Object>& Session::stdin_stream() {
  if (!stdin_) stdin_ = make_stdin(*this);
  return stdin_;
}

void Session::write_out(std::string_view text) {
  out_(text);
  trace_output(trace::Kind::Output, "print", text);
}

void Session::write_err(std::string_view text) {
  err_(text);
  trace_output(trace::Kind::ErrorOutput, "stderr", text);
}

// Output at its place in the trace: inside a running loop as the loop's
// event, else between the program's loop runs.
void Session::trace_output(trace::Kind kind, std::string_view subject, std::string_view text) {
  if (!config_.sink) return;
  if (auto* loop = running_loop()) {
    loop->emit(kind, std::string(subject), std::string(text));
    return;
  }
  config_.sink->emit({process_now(), 0, kind, {}, std::string(subject), std::string(text), process_->program_runs, true});
}

}  // namespace asim::modules
