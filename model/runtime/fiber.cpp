#include "model/runtime/fiber.hpp"

#include <stdexcept>
#include <utility>

#if !defined(__EMSCRIPTEN__)
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#endif

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/common_interface_defs.h>
#define ASIM_FIBER_ASAN 1
#endif

namespace asim::runtime {

#if defined(__EMSCRIPTEN__)

struct Fiber::State {};

bool Fiber::supported() { return false; }
Fiber::Fiber(std::function<void()>, std::size_t) { throw std::logic_error("asim: this build has no fibers"); }
Fiber::~Fiber() = default;
void Fiber::resume() {}
void Fiber::suspend() {}
Fiber* Fiber::running() { return nullptr; }
bool Fiber::finished() const { return true; }
const char* Fiber::stack_top() const { return nullptr; }
std::size_t Fiber::stack_size() const { return 0; }

#else

struct Fiber::State {
  std::function<void()> body;
  ucontext_t context{};
  ucontext_t caller{};
  Fiber* resumer = nullptr;  // the fiber that resumed this one (null: the process's stack)
  char* mapping = nullptr;
  std::size_t mapping_bytes = 0;
  std::size_t stack_bytes = 0;
  bool started = false;
  bool finished = false;
  std::exception_ptr error;
#if ASIM_FIBER_ASAN
  // AddressSanitizer must be told of every switch of stacks
  // (sanitizer/common_interface_defs.h), or it reports the other stack's
  // frames as overflows.
  void* fake_stack = nullptr;
  const void* caller_bottom = nullptr;
  std::size_t caller_size = 0;
#endif
};

namespace {

Fiber* current = nullptr;

// makecontext passes only ints: the fiber to start goes through here.
Fiber::State* starting = nullptr;

void enter() {
  Fiber::State* s = starting;
#if ASIM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(nullptr, &s->caller_bottom, &s->caller_size);
#endif
  try {
    s->body();
  } catch (...) {
    s->error = std::current_exception();
  }
  s->finished = true;
#if ASIM_FIBER_ASAN
  __sanitizer_start_switch_fiber(nullptr, s->caller_bottom, s->caller_size);
#endif
  // uc_link returns to the resumer's context.
}

}  // namespace

bool Fiber::supported() { return true; }

Fiber::Fiber(std::function<void()> body, std::size_t stack_bytes) : state_(std::make_unique<State>()) {
  const auto page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  stack_bytes = (stack_bytes + page - 1) / page * page;
  state_->body = std::move(body);
  state_->stack_bytes = stack_bytes;
  state_->mapping_bytes = stack_bytes + page;
  void* m = mmap(nullptr, state_->mapping_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  if (m == MAP_FAILED) throw std::bad_alloc();
  state_->mapping = static_cast<char*>(m);
  // A guard page below the stack: an overflow faults instead of writing
  // into whatever lies under it.
  mprotect(state_->mapping, page, PROT_NONE);
  getcontext(&state_->context);
  state_->context.uc_stack.ss_sp = state_->mapping + page;
  state_->context.uc_stack.ss_size = stack_bytes;
  state_->context.uc_link = &state_->caller;
  makecontext(&state_->context, enter, 0);
}

Fiber::~Fiber() {
  if (state_->mapping) munmap(state_->mapping, state_->mapping_bytes);
}

void Fiber::resume() {
  State& s = *state_;
  if (s.finished) return;
  s.resumer = current;
  current = this;
  if (!s.started) {
    s.started = true;
    starting = &s;
  }
#if ASIM_FIBER_ASAN
  void* fake = nullptr;
  __sanitizer_start_switch_fiber(&fake, s.mapping + (s.mapping_bytes - s.stack_bytes), s.stack_bytes);
#endif
  swapcontext(&s.caller, &s.context);
#if ASIM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(fake, nullptr, nullptr);
#endif
  current = s.resumer;
  if (s.error) std::rethrow_exception(std::exchange(s.error, nullptr));
}

void Fiber::suspend() {
  if (!current) throw std::logic_error("asim: suspend outside a fiber");
  State& s = *current->state_;
#if ASIM_FIBER_ASAN
  __sanitizer_start_switch_fiber(&s.fake_stack, s.caller_bottom, s.caller_size);
#endif
  swapcontext(&s.context, &s.caller);
#if ASIM_FIBER_ASAN
  __sanitizer_finish_switch_fiber(s.fake_stack, &s.caller_bottom, &s.caller_size);
#endif
}

Fiber* Fiber::running() { return current; }

bool Fiber::finished() const { return state_->finished; }

const char* Fiber::stack_top() const { return state_->mapping + state_->mapping_bytes; }

std::size_t Fiber::stack_size() const { return state_->stack_bytes; }

#endif

}  // namespace asim::runtime
