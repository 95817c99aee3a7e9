#include "model/modules/session.hpp"

#include "model/asyncio/runners.hpp"

namespace asim::modules {

using runtime::Ref;
using runtime::Value;

Session::Session(SessionConfig config, Writer out, Writer err)
    : config_(config),
      out_(std::move(out)),
      err_(std::move(err)),
      process_(std::make_shared<asyncio::ProcessState>(config.profile, runtime::Runtime::current().builtins)) {}

Session::~Session() = default;

Ref<runtime::Module> Session::find(std::string_view name) {
  const std::string key(name);
  if (auto it = modules_.find(key); it != modules_.end()) return it->second;
  Ref<runtime::Module> module;
  if (name == "asyncio") module = make_asyncio_module(*this);
  else if (name == "sys") module = make_sys_module(*this);
  else if (name == "asim") module = make_asim_module(*this);
  if (module) modules_.emplace(key, module);
  return module;
}

asyncio::EventLoop& Session::require_running_loop() const {
  if (!running_) runtime::raise(runtime::Runtime::current().builtins.RuntimeError, "no running event loop");
  return *running_;
}

Value Session::run(Ref<runtime::Coroutine> main) {
  if (running_)
    runtime::raise(runtime::Runtime::current().builtins.RuntimeError,
                   "asyncio.run() cannot be called from a running event loop");
  loops_.push_back(std::make_unique<asyncio::EventLoop>(config_.profile, config_.sink, config_.chooser,
                                                        config_.limits, process_));
  asyncio::EventLoop& loop = *loops_.back();
  running_ = &loop;
  struct Reset {
    Session* s;
    ~Reset() { s->running_ = nullptr; }
  } reset{this};
  Value result = asyncio::run(loop, std::move(main));
  for (const auto& text : loop.logged_errors()) write_err(text + "\n");
  return result;
}

void Session::write_out(std::string_view text) {
  out_(text);
  if (running_ && running_->tracing()) running_->emit(trace::Kind::Output, "print", std::string(text));
}

void Session::write_err(std::string_view text) {
  err_(text);
}

}  // namespace asim::modules
