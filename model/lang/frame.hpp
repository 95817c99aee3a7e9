// Frames: one activation of a code object, as CPython's _PyInterpreterFrame.
// Local slots, cells and the value stack share one block from the object
// pool ("localsplus"); a coroutine's frame lives inside the coroutine object
// and keeps its instruction index and stack while suspended at an `await`.
#pragma once

#include <span>
#include <string>
#include <unordered_map>

#include "model/lang/code.hpp"
#include "model/runtime/coroutine.hpp"
#include "model/runtime/module.hpp"

namespace asim::lang {

// A variable shared between a function and the functions nested in it
// (CPython's cell object). Empty cells hold the unbound marker.
class Cell : public runtime::Object {
 public:
  explicit Cell(runtime::Value v) : value(std::move(v)) {}
  std::string_view type_name() const override { return "cell"; }
  runtime::Value value;
};

// What an unbound local slot or empty cell holds: one object per
// interpreter, never visible to Python code.
class Unbound : public runtime::Object {
 public:
  std::string_view type_name() const override { return "<unbound>"; }
};

struct Frame {
  Frame(const CodeObject* code, runtime::Module* globals, runtime::Module* builtins, const runtime::Value& unbound);
  // A call's frame whose first locals are `args`, as a call with exactly
  // the code's positional parameters binds them (the rest start unbound).
  Frame(const CodeObject* code, runtime::Module* globals, runtime::Module* builtins, const runtime::Value& unbound,
        std::span<const runtime::Value> args);
  Frame(const Frame&) = delete;
  // Takes over a suspended frame (an async generator handed to the loop's
  // finalizer); `other` is left empty and must not be run again.
  Frame(Frame&& other) noexcept;
  Frame& operator=(const Frame&) = delete;
  ~Frame();

  const CodeObject* code;
  const int size;  // slots (the code may be freed first when a run's heap is torn down)
  runtime::Module* globals;
  runtime::Module* builtins;
  // A class body's namespace (LOAD_NAME / STORE_NAME); null elsewhere.
  std::unordered_map<std::string, runtime::Value>* ns = nullptr;

  // nlocals local slots, then ncells cells, then the value stack.
  runtime::Value* slots;
  runtime::Value* sp;  // the first free stack slot
  int pc = 0;          // the next instruction
  bool started = false;
  bool yielded = false;  // suspended at a `yield` (a generator), not an `await`

  // While suspended in an `await`: the coroutine delegated to (yield from),
  // or the pending future awaited through the fast path.
  runtime::Ref<runtime::Coroutine> delegate;
  runtime::Value awaited;

  Frame* previous = nullptr;  // the frame that was executing when this one started

  runtime::Value* locals() const { return slots; }
  runtime::Value* cells() const { return slots + code->nlocals(); }
  runtime::Value* stack_base() const { return slots + code->nlocals() + code->ncells(); }
  // The instruction being executed (or last executed).
  int lasti() const { return pc > 0 ? pc - 1 : 0; }

  // Drops every local and stack value (a finished frame keeps nothing alive).
  void clear();
};

}  // namespace asim::lang
