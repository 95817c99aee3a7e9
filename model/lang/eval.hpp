// The eval loop (CPython's Python/ceval.c): runs a frame's instructions until
// the code returns, raises, or suspends at an `await` whose awaitable is
// pending. A suspended frame returns to its caller (the coroutine's send)
// with the value to yield; the next send/throw resumes the same frame at the
// same instruction, with the same value stack.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>

#include "model/lang/features.hpp"
#include "model/lang/frame.hpp"

namespace asim::lang {

struct LangLimits {
  std::uint64_t max_instructions = 200'000'000;
  int max_recursion = 1000;
  LanguageFeatures features;
  // Wall-clock seconds the run may take; 0: no limit. Only `asim exec` and
  // `asim run` set it: what it stops depends on the machine's speed.
  double max_seconds = 0;
};

// Not a Python exception: nothing in the program can catch it.
class InstructionLimit : public std::runtime_error {
 public:
  explicit InstructionLimit(std::uint64_t n);
};
class WallClockLimit : public std::runtime_error {
 public:
  explicit WallClockLimit(double seconds);
};

// One entry of the chain of exceptions being handled (CPython's
// _PyErr_StackItem): each running coroutine links its own in front.
struct ExcStackItem {
  runtime::Ref<runtime::PyException> exc;
  ExcStackItem* previous = nullptr;
};

struct ThreadState;
namespace detail {
extern ThreadState* current_thread_state;
[[noreturn]] void no_current_thread_state();
}  // namespace detail

// The interpreter state every frame reaches: limits and counters, the
// handled-exception chain, the module finder. One is current at a time.
struct ThreadState {
  ThreadState(LangLimits limits, runtime::ModuleFinder* modules);
  ThreadState(const ThreadState&) = delete;
  ThreadState& operator=(const ThreadState&) = delete;
  ~ThreadState();

  // Inline: asked for at every call and every native step.
  static ThreadState& current() {
    if (!detail::current_thread_state) [[unlikely]]
      detail::no_current_thread_state();
    return *detail::current_thread_state;
  }
  // Null when no interpreter runs (the model driven from C++ alone).
  static ThreadState* active() { return detail::current_thread_state; }

  LangLimits limits;
  runtime::ModuleFinder* modules;
  std::uint64_t instructions = 0;
  // The eval loop's one comparison per instruction: at this count it calls
  // check_limits (the instruction limit, the wall clock).
  std::uint64_t next_check = 0;
  std::chrono::steady_clock::time_point deadline;
  void check_limits();
  int depth = 0;
  // The C++ stack: where the outermost frame started and how much the
  // frames may use (a guard beside max_recursion for deep native nesting
  // and sanitizer builds, whose frames are larger).
  const char* stack_base = nullptr;
  std::size_t stack_budget = 0;
  ExcStackItem base_exc;
  ExcStackItem* exc_info = &base_exc;
  // The exception last seen leaving an interpreted frame: when it arrives in
  // the caller it is not "raised" there again (no new __context__).
  const runtime::PyException* propagating = nullptr;
  // A comprehension frame's failing position, given to the frame that called
  // it (3.12 reports the comprehension's line inside the caller's frame).
  const runtime::PyException* inlined_exc = nullptr;
  Position inlined_pos;
  // The TypeError of the last call whose arguments did not bind: no frame
  // of the callee ever held them, so the caller's frame lets them go when
  // that error leaves it (keep_frame_values), as CPython's pops its stack.
  const runtime::PyException* unbound_call = nullptr;
  runtime::Value unbound;  // the Unbound marker
  // The innermost frame executing (CPython's current frame), or null.
  Frame* current_frame = nullptr;
  // The library modules' sources run so far, by path: tracebacks through
  // their code show its lines.
  std::unordered_map<std::string, std::shared_ptr<const Source>> library_sources;

  // The exception being handled (sys.exception()), or null.
  runtime::PyException* handled_exception() const;

 private:
  ThreadState* previous_;
};

// The messages of name errors, kept in one place: their wording changed in
// 3.11 (LanguageFeatures::cannot_access_wording chooses).
std::string name_error_message(std::string_view name);
// Where a NameError keeps its "Did you mean" hint for the traceback.
inline constexpr std::string_view kSuggestionKey = "__asim_suggestion__";
std::string unbound_local_message(std::string_view name);
std::string unbound_free_message(std::string_view name);
// The name argument errors use: the qualified name from 3.10, else the name.
const std::string& function_error_name(const CodeObject& co);
// Where the running version locates the instruction at `at` (its line
// table): a `with` item's calls and 3.7's lines differ by version.
Position instruction_position(const CodeObject& co, int at, const LanguageFeatures& features);
// The line `f` is at (f_lineno), by the running version's line table.
int frame_line(const Frame& f);

// Runs `f` from f.pc. `sent` is the value of the pending `await` (None at the
// start); `thrown` an exception to raise at it. Throws PyError when the code
// raises.
runtime::Step eval_frame(Frame& f, runtime::Value sent, runtime::Ref<runtime::PyException> thrown);
// eval_frame, but the exception the code raises comes back in `raised` (with
// a done Step) instead of being thrown: a C++ throw out of the eval loop
// costs more than the rest of a task step, and a coroutine's caller has to
// catch and throw it again anyway.
runtime::Step eval_frame_raising(Frame& f, runtime::Value sent, runtime::Ref<runtime::PyException> thrown,
                                 runtime::Ref<runtime::PyException>& raised);

}  // namespace asim::lang
