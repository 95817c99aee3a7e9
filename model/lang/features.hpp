#pragma once

namespace asim::lang {

// What differs between Python versions in the language and its error
// reports. Whoever runs the interpreter fills it from the version profile
// table (model/asyncio/version_profile); the interpreter itself compares no
// version numbers. The defaults are 3.12's.
struct LanguageFeatures {
  // 3.12+ inline comprehensions (PEP 709): no frame of their own in
  // tracebacks; before, a `<listcomp>` frame.
  bool inline_comprehensions = true;
  // 3.11+: "cannot access local variable 'x' where it is not associated with
  // a value"; before, "local variable 'x' referenced before assignment".
  bool cannot_access_wording = true;
  // 3.10+: argument errors name the function by its qualified name.
  bool qualname_in_call_errors = true;
  // 3.10+: "Did you mean" hints after NameError and AttributeError.
  bool name_suggestions = true;
  // 3.12+: the "self.x" hint inside methods and "Did you forget to import".
  bool self_and_import_suggestions = true;
  // 3.11+: `^^^` marks under the failing expression in tracebacks.
  bool traceback_carets = true;
  // 3.13: calls get marks too (`~~~^^^^`, the parentheses), except a whole
  // `return f(...)` or `x = f(...)`, which gets none (traceback.py's
  // _should_show_carets).
  bool traceback_call_carets = false;
  // 3.13: an async generator's asend/athrow/aclose awaitable freed unawaited
  // warns "coroutine method 'asend' of 'gen' was never awaited".
  bool unawaited_agen_method_warns = false;
  // 3.11+: `with` / `async with` on an object without the methods is a
  // TypeError ("does not support the context manager protocol"); before, an
  // AttributeError naming the method.
  bool context_manager_type_errors = true;
  // 3.7-3.8: `async with` looks for __aexit__ before __aenter__.
  bool async_with_looks_up_aexit_first = false;
};

}  // namespace asim::lang
