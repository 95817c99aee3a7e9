#include "model/runtime/exceptions.hpp"

namespace asim::runtime {

std::string PyException::repr() const {
  std::string out = type->name + "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += runtime::repr(args[i]);
  }
  return out + ")";
}

std::string PyException::message() const {
  if (args.empty()) return "";
  if (args.size() == 1) return str(args[0]);
  std::string out = "(";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i) out += ", ";
    out += runtime::repr(args[i]);
  }
  return out + ")";
}

BuiltinExceptions::BuiltinExceptions() {
  auto cls = [](const char* name, const Ref<ExceptionType>& base) {
    return make<ExceptionType>("builtins", name, base);
  };
  BaseException = cls("BaseException", nullptr);
  Exception = cls("Exception", BaseException);
  GeneratorExit = cls("GeneratorExit", BaseException);
  KeyboardInterrupt = cls("KeyboardInterrupt", BaseException);
  SystemExit = cls("SystemExit", BaseException);
  StopIteration = cls("StopIteration", Exception);
  StopAsyncIteration = cls("StopAsyncIteration", Exception);
  ArithmeticError = cls("ArithmeticError", Exception);
  ZeroDivisionError = cls("ZeroDivisionError", ArithmeticError);
  AssertionError = cls("AssertionError", Exception);
  AttributeError = cls("AttributeError", Exception);
  LookupError = cls("LookupError", Exception);
  IndexError = cls("IndexError", LookupError);
  KeyError = cls("KeyError", LookupError);
  NameError = cls("NameError", Exception);
  OSError = cls("OSError", Exception);
  TimeoutError = cls("TimeoutError", OSError);
  RuntimeError = cls("RuntimeError", Exception);
  RecursionError = cls("RecursionError", RuntimeError);
  TypeError = cls("TypeError", Exception);
  ValueError = cls("ValueError", Exception);
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
