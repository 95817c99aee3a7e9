#include "model/runtime/exceptions.hpp"

#include <fmt/format.h>

#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::runtime {

namespace {
std::string repr_args(const std::vector<Value>& args) {
  std::string out = "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += to_repr(args[i]);
  }
  return out + (args.size() == 1 ? ",)" : ")");
}
}  // namespace

// BaseException_repr: Name(arg) with one argument, Name(a, b) with more.
std::string PyException::repr() const {
  if (args.size() == 1) return type->name + "(" + to_repr(args[0]) + ")";
  if (args.empty()) return type->name + "()";
  return type->name + repr_args(args);
}

std::string PyException::message() const {
  const auto& b = Runtime::current().builtins;
  // BaseExceptionGroup_str: "message (N sub-exception[s])".
  if (type->is_subclass_of(b.BaseExceptionGroup.get())) {
    auto e = dict.find("exceptions");
    const std::int64_t n = e == dict.end() ? 0 : len(e->second);
    return fmt::format("{} ({} sub-exception{})", args.empty() ? "" : str(args[0]), n, n == 1 ? "" : "s");
  }
  // OSError_str: "[Errno 2] No such file: 'x'" when errno and strerror are
  // set (by OSError's constructor, or given as the first two arguments).
  if (type->is_subclass_of(b.OSError.get())) {
    auto field = [&](const char* name, std::size_t i) {
      if (auto f = dict.find(name); f != dict.end()) return f->second;
      return args.size() >= 2 && args.size() <= 5 && i < args.size() ? args[i] : Value::none();
    };
    const Value errno_value = field("errno", 0), strerror = field("strerror", 1), filename = field("filename", 2);
    if (!filename.is_none())
      return fmt::format("[Errno {}] {}: {}", to_str(errno_value), to_str(strerror), to_repr(filename));
    if (!errno_value.is_none() && !strerror.is_none())
      return fmt::format("[Errno {}] {}", to_str(errno_value), to_str(strerror));
  }
  if (args.empty()) return "";
  if (args.size() == 1) {
    // KeyError_str: a lone key shows as its repr, so KeyError('') is not blank.
    return type->is_subclass_of(b.KeyError.get()) ? to_repr(args[0]) : to_str(args[0]);
  }
  return repr_args(args);
}

BuiltinExceptions::BuiltinExceptions(const Ref<Type>& object) {
  auto cls = [this](const char* name, const Ref<ExceptionType>& base) {
    auto t = make<ExceptionType>("builtins", name, base);
    all.push_back(t);
    return t;
  };
  BaseException = cls("BaseException", object);
  BaseExceptionGroup = cls("BaseExceptionGroup", BaseException);
  Exception = cls("Exception", BaseException);
  GeneratorExit = cls("GeneratorExit", BaseException);
  KeyboardInterrupt = cls("KeyboardInterrupt", BaseException);
  SystemExit = cls("SystemExit", BaseException);
  ExceptionGroup = make<ExceptionType>("builtins", "ExceptionGroup",
                                       std::vector<Ref<Type>>{BaseExceptionGroup, Exception});
  all.push_back(ExceptionGroup);
  StopIteration = cls("StopIteration", Exception);
  StopAsyncIteration = cls("StopAsyncIteration", Exception);
  ArithmeticError = cls("ArithmeticError", Exception);
  ZeroDivisionError = cls("ZeroDivisionError", ArithmeticError);
  OverflowError = cls("OverflowError", ArithmeticError);
  AssertionError = cls("AssertionError", Exception);
  AttributeError = cls("AttributeError", Exception);
  EOFError = cls("EOFError", Exception);
  ImportError = cls("ImportError", Exception);
  ModuleNotFoundError = cls("ModuleNotFoundError", ImportError);
  LookupError = cls("LookupError", Exception);
  IndexError = cls("IndexError", LookupError);
  KeyError = cls("KeyError", LookupError);
  MemoryError = cls("MemoryError", Exception);
  NameError = cls("NameError", Exception);
  UnboundLocalError = cls("UnboundLocalError", NameError);
  OSError = cls("OSError", Exception);
  ConnectionError = cls("ConnectionError", OSError);
  TimeoutError = cls("TimeoutError", OSError);
  RuntimeError = cls("RuntimeError", Exception);
  NotImplementedError = cls("NotImplementedError", RuntimeError);
  RecursionError = cls("RecursionError", RuntimeError);
  SyntaxError = cls("SyntaxError", Exception);
  TypeError = cls("TypeError", Exception);
  ValueError = cls("ValueError", Exception);
  UnicodeError = cls("UnicodeError", ValueError);
  Warning = cls("Warning", Exception);
  UserWarning = cls("UserWarning", Warning);
  DeprecationWarning = cls("DeprecationWarning", Warning);
  RuntimeWarning = cls("RuntimeWarning", Warning);
  ResourceWarning = cls("ResourceWarning", Warning);
  // The rest of CPython's hierarchy, reachable by name only.
  cls("FloatingPointError", ArithmeticError);
  cls("BufferError", Exception);
  cls("ReferenceError", Exception);
  cls("SystemError", Exception);
  cls("IndentationError", SyntaxError);
  cls("TabError", by_name("IndentationError"));
  cls("BlockingIOError", OSError);
  cls("ChildProcessError", OSError);
  cls("BrokenPipeError", ConnectionError);
  cls("ConnectionAbortedError", ConnectionError);
  cls("ConnectionRefusedError", ConnectionError);
  cls("ConnectionResetError", ConnectionError);
  cls("FileExistsError", OSError);
  cls("FileNotFoundError", OSError);
  cls("InterruptedError", OSError);
  cls("IsADirectoryError", OSError);
  cls("NotADirectoryError", OSError);
  cls("PermissionError", OSError);
  cls("ProcessLookupError", OSError);
  {
    Heap::LibraryScope library;  // added later: the program's addresses stay as they were
    cls("UnicodeDecodeError", UnicodeError);
    cls("UnicodeEncodeError", UnicodeError);
    cls("UnicodeTranslateError", UnicodeError);
  }
  for (const char* w : {"PendingDeprecationWarning", "SyntaxWarning", "FutureWarning", "ImportWarning",
                        "UnicodeWarning", "BytesWarning", "EncodingWarning"})
    cls(w, Warning);
}

Ref<ExceptionType> BuiltinExceptions::by_name(std::string_view name) const {
  for (const auto& t : all)
    if (t->name == name) return t;
  return nullptr;
}

Ref<PyException> new_exception(const Ref<ExceptionType>& type, std::string message) {
  return make<PyException>(type, std::vector<Value>{Value::str(std::move(message))});
}

Ref<PyException> new_exception(const Ref<ExceptionType>& type) {
  return make<PyException>(type, std::vector<Value>{});
}

void raise(const Ref<ExceptionType>& type, std::string message) {
  throw PyError{new_exception(type, std::move(message))};
}

}  // namespace asim::runtime
