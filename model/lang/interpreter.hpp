// The scenario interpreter: parses a file, compiles it, runs its module code
// in a `__main__` module, and formats what escapes as CPython would.
#pragma once

#include <functional>
#include <set>
#include <memory>
#include <string>

#include "model/lang/ast.hpp"
#include "model/lang/code.hpp"
#include "model/lang/eval.hpp"
#include "model/lang/source.hpp"
#include "model/lang/syntax_warning.hpp"
#include "model/runtime/exceptions.hpp"
#include "model/runtime/module.hpp"

namespace asim::lang {

class Interpreter {
 public:
  // A runtime::Runtime must be current for the interpreter's whole life.
  Interpreter(std::shared_ptr<const Source> source, runtime::Ref<runtime::Module> builtins,
              runtime::ModuleFinder& modules, LangLimits limits = {});
  Interpreter(const Interpreter&) = delete;
  Interpreter& operator=(const Interpreter&) = delete;
  ~Interpreter();

  // Parses `source` as the program's, printing the SyntaxWarnings the
  // tokenizer and parser give; throws Diagnostic.
  ast::Module parse(const std::shared_ptr<const Source>& source);
  // Parses and compiles the file (once); throws Diagnostic.
  runtime::Ref<CodeObject> compile();
  // Compiles an already parsed module (once), printing the compiler's
  // SyntaxWarnings; throws Diagnostic.
  runtime::Ref<CodeObject> compile(const ast::Module& module);
  // Runs the module. Throws runtime::PyError for an uncaught Python
  // exception, lang::Diagnostic for a program that does not compile, and
  // InstructionLimit when the program runs past the limit.
  void run_module();
  // Runs `source` as the code of a module of its own before the main module
  // (runpy importing the packages of `-m a.b.c`); the same builtins.
  void run_aside(std::shared_ptr<const Source> source);
  // The main module's source, when it is known only once run_aside has
  // imported its packages (`-m`).
  void set_source(std::shared_ptr<const Source> source);
  // The traceback CPython would print to stderr for `error`.
  // `uncaught`: as the interpreter prints an exception that ends the program.
  std::string format_exception(const runtime::PyError& error, bool uncaught = false) const;

  // A warning as CPython's warnings module prints it: "FILE:LINE: message"
  // and the source line for the frame executing, "sys:1: message" when none
  // is (at shutdown).
  std::string format_warning(const std::string& message) const;
  // Whether CPython would add "Enable tracemalloc ..." to this warning.
  bool tracemalloc_hint(const std::string& message) const;
  // A warning the runtime issues, through the warnings module's filters
  // once the program imported it; false when it did not.
  bool warn_through_module(const std::string& message);
  // "FILE:LINE" of the frame executing, or where shutdown warnings are said
  // to come from: "sys:1", 3.13's "<sys>:0".
  std::string warning_location() const;

  // Py_FinalizeEx's collection, before the modules are torn down: every
  // object still alive is finalized (runtime::Heap::finalize_garbage), while
  // the loops still log and warnings can still import tracemalloc for their
  // hint. (The scenarios run as runpy runs them under the conformance
  // harness: their globals are garbage by then too.)
  void collect_at_exit();

  const runtime::Ref<runtime::Module>& main_module() const { return main_; }
  ThreadState& thread_state() { return ts_; }
  std::uint64_t instructions() const { return ts_.instructions; }

 private:
  void set_main_file();
  // A compile-time warning about `source`, printed as the warnings module's
  // showwarning does: "FILE:LINE: SyntaxWarning: message" and the line.
  SyntaxWarningSink syntax_warnings(std::shared_ptr<const Source> source) const;
  // The source line a warning shows ("" for none), stripped as linecache's is.
  std::string warning_source_line(const Source& source, int line) const;
  void print_warning(const std::string& text) const;
  std::shared_ptr<const Source> source_;
  runtime::Ref<runtime::Module> builtins_;
  runtime::Ref<runtime::Module> main_;
  ThreadState ts_;
  runtime::Ref<CodeObject> code_;
  std::function<void(const std::string&)> outer_warning_sink_;
  std::function<std::string(const runtime::PyException&)> outer_format_exception_;
  std::function<std::string()> outer_current_location_;
  std::function<void(const runtime::PyError&, const std::string&)> outer_unraisable_sink_;
  mutable bool tracemalloc_imported_ = false;
  bool collecting_at_exit_ = false;
  std::set<std::string> warned_;  // location and text of each warning shown
};

}  // namespace asim::lang
