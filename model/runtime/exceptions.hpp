// Python exception classes and instances. A raised Python exception travels
// through C++ as a thrown PyError holding the exception object, so model code
// reads like the CPython it mirrors: `raise X` is `throw PyError(...)`.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/runtime/type.hpp"

namespace asim::runtime {

// Exception classes are Types; the alias says which Types a field expects.
using ExceptionType = Type;

// One frame an exception passed through (CPython's traceback entry), for the
// interpreter's traceback text. `col`/`end_line`/`end_col` (0-based character
// columns; end_line 0 = unknown) place the `^^^` marks under the failing
// expression; `anchor_left`/`anchor_right` (relative to col, -1 = none)
// mark a binary operator or subscript with `~~^^~~`.
// `frame_values`: the locals and stack of a frame the exception left, kept
// alive as CPython's traceback keeps the frame (an unawaited coroutine held
// there warns only when the exception goes).
struct TracebackEntry {
  std::string file;
  int line = 0;
  std::string function;
  int col = 0, end_line = 0, end_col = 0;
  int anchor_left = -1, anchor_right = -1;
  bool call_anchors = false, call_statement = false;  // as lang::Position's
  std::vector<Value> frame_values;
  // A frame of CPython's own library code that asim runs natively
  // (model/asyncio/library_frames.hpp): what the traceback prints under the
  // `File` line, source line and carets, as that version prints them.
  std::string_view shown;
};

class PyException : public Object {
 public:
  PyException(Ref<ExceptionType> type, std::vector<Value> args)
      : type(std::move(type)), args(std::move(args)) {}
  std::string_view type_name() const override { return type->name; }
  std::string repr() const override;
  // str(exc) as BaseException.__str__: '' without args, str(arg) with one,
  // repr(args) with more; KeyError shows repr(arg) (KeyError_str), and an
  // ExceptionGroup "msg (2 sub-exceptions)". A class body's own __str__ is
  // not consulted here; ops::to_str does that.
  std::string message() const;
  bool isinstance(const ExceptionType* t) const { return type->is_subclass_of(t); }

  const Ref<ExceptionType> type;
  std::vector<Value> args;
  Ref<PyException> cause;
  Ref<PyException> context;
  // __suppress_context__: set by `raise ... from ...` and by assigning __cause__.
  bool suppress_context = false;
  // Instance attributes (__dict__): what a subclass's __init__ stores on self,
  // __notes__, ExceptionGroup's message and exceptions.
  std::unordered_map<std::string, Value> dict;
  // Frames the exception passed through, innermost first (the reverse of
  // the printed order); filled by the interpreter.
  std::vector<TracebackEntry> traceback;
  // What the traceback's frames keep alive in CPython, as a frame holds its
  // locals: the Handle whose callback let a SystemExit or KeyboardInterrupt
  // out of the loop (Handle._run's `self`), and through it the Task it
  // stepped, which lives as long as the exception.
  std::vector<Ref<Object>> frame_locals;
  // The traceback objects alive for the entries, by index (traceback.cpp's
  // views, which clear their slot when freed): CPython's are objects that
  // stay the same, so `e.__traceback__ is e.__traceback__`.
  std::vector<Object*> traceback_views;
};

// A Python exception in flight through C++ code.
struct PyError {
  Ref<PyException> exc;
};

// The builtin exception classes; the hierarchy is that of CPython 3.12
// (Objects/exceptions.c), rooted at `object`.
struct BuiltinExceptions {
  explicit BuiltinExceptions(const Ref<Type>& object);
  Ref<ExceptionType> BaseException, Exception, GeneratorExit, KeyboardInterrupt, SystemExit,
      StopIteration, StopAsyncIteration, ArithmeticError, ZeroDivisionError, OverflowError, AssertionError,
      AttributeError, LookupError, IndexError, KeyError, NameError, UnboundLocalError, OSError, TimeoutError,
      ConnectionError, RuntimeError, RecursionError, NotImplementedError, TypeError, ValueError, UnicodeError,
      ImportError, ModuleNotFoundError, MemoryError, EOFError, SyntaxError, BaseExceptionGroup, ExceptionGroup,
      Warning, UserWarning, DeprecationWarning, RuntimeWarning, ResourceWarning;
  // Every builtin exception class (those above and the rest of CPython's:
  // FileNotFoundError, SyntaxWarning...), for the builtins module.
  std::vector<Ref<ExceptionType>> all;
  // A class of `all` by name; nullptr when there is none.
  Ref<ExceptionType> by_name(std::string_view name) const;
};

// Builds an instance: new_exception(t, "message") is t("message").
Ref<PyException> new_exception(const Ref<ExceptionType>& type, std::string message);
Ref<PyException> new_exception(const Ref<ExceptionType>& type);
[[noreturn]] void raise(const Ref<ExceptionType>& type, std::string message);

// except* (Python/ceval.c exception_group_match): the part of `exc` that
// `type` matches and the rest, each None when empty; a naked exception that
// matches comes wrapped in a group.
std::pair<Value, Value> exception_group_match(const Value& exc, const Value& type);
// _PyExc_PrepReraiseStar: what a try/except* raises once its clauses ran,
// given the exception caught and what the clauses raised or re-raised (and
// the unmatched rest); None when nothing.
Value prep_reraise_star(const Value& orig, const Value& excs);

}  // namespace asim::runtime
