// Functions made by `def`, `async def` and `lambda` (CPython's
// PyFunctionObject), and the coroutine objects `async def` functions return.
#pragma once

#include <span>
#include <optional>
#include <string>
#include <vector>

#include "model/lang/eval.hpp"
#include "model/runtime/callable.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/protocols.hpp"

namespace asim::lang {

class Function : public runtime::Callable, public runtime::HasAttributes {
 public:
  Function(runtime::Ref<CodeObject> code, runtime::Ref<runtime::Module> globals, runtime::Ref<runtime::Module> builtins)
      : code(std::move(code)), globals(std::move(globals)), builtins(std::move(builtins)),
        name_(this->code->name), qualname_(this->code->qualname) {}

  std::string_view type_name() const override { return "function"; }
  std::string repr() const override;
  std::string qualname() const override { return std::string(qualname_); }
  // Where the def is (co_filename, co_firstlineno), or where the function a
  // functools.wraps wrapper names in __wrapped__ is (inspect.unwrap).
  std::string function_source() const override;
  // __qualname__ as the coroutines this function makes keep it: it stays
  // valid for the run even when the function is renamed (functools.wraps).
  std::string_view qualname_view() const { return qualname_; }
  // __name__, __qualname__, __module__, __doc__, __dict__ and the attributes
  // a program sets (func_getset, func_get_dict).
  std::optional<runtime::Value> get_attribute(std::string_view name) override;
  bool set_attribute(std::string_view name, const runtime::Value& value) override;
  bool del_attribute(std::string_view name) override;
  runtime::Value call(std::span<const runtime::Value> args) override { return call_kw(args, {}); }
  // A plain def runs to completion; an async def returns its coroutine.
  runtime::Value call_kw(std::span<const runtime::Value> args, std::span<const runtime::Keyword> kwargs) override;
  // call() from the eval loop's CALL, with what a plain def's body raises
  // given back in `raised` instead of thrown: the exception reaches the
  // caller's handlers as CPython's error indicator does, where a C++ throw
  // per Python frame it leaves costs more than the call.
  runtime::Value call_raising(std::span<const runtime::Value> args, runtime::Ref<runtime::PyException>& raised);

  // CPython's argument binding (Python/ceval.c initialize_locals), with its
  // TypeError messages, into a new frame's local slots and cells.
  void bind_arguments(Frame& f, std::span<const runtime::Value> args, std::span<const runtime::Keyword> kwargs) const;

  runtime::Ref<CodeObject> code;  // replaced by types.coroutine (func.__code__ = ...)
  const runtime::Ref<runtime::Module> globals;
  const runtime::Ref<runtime::Module> builtins;
  std::vector<runtime::Value> defaults;    // for the last positional parameters
  std::vector<runtime::Value> kwdefaults;  // one per keyword-only parameter; Unbound = required
  std::vector<runtime::Value> closure;     // Cells, one per code->freevars
  // A class body run by BUILD_CLASS reads and writes this namespace.
  std::unordered_map<std::string, runtime::Value>* class_namespace = nullptr;

 private:
  // The frame's cells: those of parameters hold the argument.
  void make_cells(Frame& f) const;

  std::string_view name_, qualname_;  // the code's names, or names interned for the run
  std::unordered_map<std::string, runtime::Value> dict_;  // __dict__, __doc__, __module__ once set
};

// The coroutine an `async def` function returns (CPython's PyCoroObject):
// its frame runs inside send/throw and stays suspended between them. A
// generator (InterpretedGenerator) runs the same way; `kind` picks the
// messages and whether an unstarted one warns "never awaited".
class InterpretedCoroutine : public runtime::Coroutine {
 public:
  enum class Kind { Coroutine, Generator, AsyncGenerator };
  explicit InterpretedCoroutine(runtime::Ref<Function> fn, Kind kind = Kind::Coroutine);
  // A body already under way, taken over from another object.
  InterpretedCoroutine(runtime::Ref<Function> fn, Frame&& body, Kind kind);
  ~InterpretedCoroutine() override;
  void finalize() override;

  runtime::Step send(runtime::Value value) override;
  runtime::Step throw_(runtime::Ref<runtime::PyException> exc) override;
  runtime::Step send_ex(runtime::Value value, runtime::Ref<runtime::PyException> thrown,
                        runtime::Ref<runtime::PyException>& raised) override;
  void close() override;

  // Where the coroutine is, as asyncio's _format_coroutine shows it
  // ("main() running at FILE:LINE"): the file, and the line of the await it
  // is suspended at (its `def` line before it starts and once it is done).
  const std::string& filename() const;
  int lineno() const;
  std::string source_location() const override { return filename() + ":" + std::to_string(lineno()); }

  const runtime::Ref<Function> function;
  // gi_code: the function's code when it was called (the frame points into
  // it), which stays even if the function's __code__ is replaced.
  const runtime::Ref<CodeObject> code;
  Frame frame;

 private:
  // gen_send_ex2: runs the frame; what it raises comes back in `raised`.
  runtime::Step resume(runtime::Value sent, runtime::Ref<runtime::PyException> thrown,
                       runtime::Ref<runtime::PyException>& raised);
  // PEP 479: the RuntimeError a StopIteration leaving the body becomes, else exc.
  runtime::Ref<runtime::PyException> stop_iteration_replaced(runtime::Ref<runtime::PyException> exc) const;
  std::string_view kind_name() const {
    return kind_ == Kind::Coroutine ? "coroutine" : kind_ == Kind::Generator ? "generator" : "async generator";
  }
  ExcStackItem exc_state_;
  const Kind kind_;
};

// What calling a `def` whose body yields returns (PyGenObject): an iterator
// that runs the body up to each `yield`; not awaitable, not a coroutine.
class InterpretedGenerator : public InterpretedCoroutine, public runtime::Iterator {
 public:
  explicit InterpretedGenerator(runtime::Ref<Function> fn) : InterpretedCoroutine(std::move(fn), Kind::Generator) {}
  std::string_view type_name() const override { return "generator"; }
  runtime::Coroutine* coroutine() override { return nullptr; }
  runtime::Ref<runtime::Coroutine> await_iter() override;
  std::optional<runtime::Value> next() override;
  runtime::Value take_stop_value() override { return std::exchange(returned_, runtime::Value()); }

 private:
  runtime::Value returned_;  // the body's return value, until next() reports it
};

// Runs a plain (non-coroutine) function's frame to its return value.
runtime::Value run_function_frame(Frame& f);

}  // namespace asim::lang
