#include "model/lang/interpreter.hpp"

#include "model/lang/async_generator.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <typeinfo>

#include "model/lang/compiler.hpp"
#include "model/lang/function.hpp"
#include "model/lang/parser.hpp"
#include "model/lang/traceback.hpp"
#include "model/runtime/derived.hpp"
#include "model/runtime/iterator.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"

namespace asim::lang {

using runtime::Ref;
using runtime::Value;

namespace {

// The warnings module's default filters (no -W option): DeprecationWarning
// only where __main__ warns (the module of the frame the warning names; sys
// when no frame runs), never PendingDeprecationWarning, ImportWarning or
// ResourceWarning.
bool ignored_by_default_filters(const std::string& message, const Frame* frame) {
  for (const char* category : {"PendingDeprecationWarning: ", "ImportWarning: ", "ResourceWarning: "})
    if (message.starts_with(category)) return true;
  if (!message.starts_with("DeprecationWarning: ")) return false;
  if (!frame || !frame->globals) return true;
  const auto name = frame->globals->dict.find("__name__");
  return name == frame->globals->dict.end() || runtime::to_str(name->second) != "__main__";
}

}  // namespace

Interpreter::Interpreter(std::shared_ptr<const Source> source, Ref<runtime::Module> builtins,
                         runtime::ModuleFinder& modules, LangLimits limits)
    : source_(std::move(source)),
      builtins_(std::move(builtins)),
      main_(runtime::make<runtime::Module>("__main__")),
      ts_(limits, &modules) {
  auto& rt = runtime::Runtime::current();
  runtime::register_type(typeid(Function), rt.types.function);
  runtime::register_type(typeid(InterpretedCoroutine), rt.types.coroutine);
  runtime::register_type(typeid(InterpretedGenerator), rt.types.generator);
  runtime::register_type(typeid(InterpretedAsyncGenerator), rt.types.async_generator);
  // Warnings name the line that was executing, as the warnings module does.
  outer_warning_sink_ = rt.warning_sink;
  outer_format_exception_ = rt.format_exception;
  rt.format_exception = [this](const runtime::PyException& exc) {
    return format_exception(runtime::PyError{runtime::Ref<runtime::PyException>(const_cast<runtime::PyException*>(&exc))});
  };
  outer_current_location_ = rt.current_location;
  // A stop inside one of asim's library modules names the program's line
  // that called into it: the library's own lines are not the program's.
  rt.current_location = [this] {
    const Frame* f = ts_.current_frame;
    while (f && f->previous && f->code->source && f->code->source->path().starts_with("<asim>/")) f = f->previous;
    if (!f) return std::string("<module>");
    const CodeObject& co = *f->code;
    return fmt::format("{}:{}", co.source ? co.source->path() : "<string>", frame_line(*f));
  };
  outer_unraisable_sink_ = rt.unraisable_sink;
  rt.unraisable_sink = [this](const runtime::PyError& error, const std::string& where) {
    std::string text = "Exception ignored in: " + where + "\n" + format_exception(error);
    while (!text.empty() && text.back() == '\n') text.pop_back();
    if (outer_warning_sink_) outer_warning_sink_(text);
    else std::fprintf(stderr, "%s\n", text.c_str());
  };
  rt.warning_sink = [this](const std::string& message) {
    if (warn_through_module(message)) return;
    if (ignored_by_default_filters(message, ts_.current_frame)) return;
    // The "default" action: once per text and location (the module's
    // __warningregistry__; sys's when no frame runs).
    if (!warned_.insert(warning_location() + ": " + message).second) return;
    print_warning(format_warning(message));
  };
  main_->dict["__name__"] = Value::str("__main__");
  main_->dict["__doc__"] = Value();
  // A script is no package's module (runpy sets both for `-m`).
  main_->dict["__package__"] = Value();
  main_->dict["__spec__"] = Value();
  main_->dict["__builtins__"] = Value(builtins_);
  set_main_file();
}

Interpreter::~Interpreter() {
  runtime::Runtime::current().warning_sink = outer_warning_sink_;
  runtime::Runtime::current().format_exception = outer_format_exception_;
  runtime::Runtime::current().current_location = outer_current_location_;
  runtime::Runtime::current().unraisable_sink = outer_unraisable_sink_;
}

bool Interpreter::warn_through_module(const std::string& message) {
  const Ref<runtime::Module> warnings = ts_.modules ? ts_.modules->imported("warnings") : nullptr;
  if (!warnings) return false;
  auto hook = warnings->dict.find("_warn_native");
  const auto colon = message.find(": ");
  if (hook == warnings->dict.end() || colon == std::string::npos) return false;
  auto category = builtins_->dict.find(message.substr(0, colon));
  if (category == builtins_->dict.end()) return false;
  const Value args[3] = {category->second, Value::str(message.substr(colon + 2)),
                         Value::boolean(tracemalloc_hint(message))};
  runtime::call(hook->second, args);
  return true;
}

bool Interpreter::tracemalloc_hint(const std::string& message) const {
  // _formatwarnmsg_impl's hint for warnings about an object (the coroutine).
  // It needs `import tracemalloc` to work: it does while a frame runs and
  // during the collection at exit, and after it only if an earlier warning
  // imported the module.
  const bool about_coroutine = message.rfind("RuntimeWarning: coroutine ", 0) == 0;
  const bool with_hint = about_coroutine && (ts_.current_frame || tracemalloc_imported_ || collecting_at_exit_);
  tracemalloc_imported_ = tracemalloc_imported_ || with_hint;
  return with_hint;
}

std::string Interpreter::warning_location() const {
  const Frame* f = ts_.current_frame;
  if (!f) return ts_.limits.features.shutdown_warnings_at_sys0 ? "<sys>:0" : "sys:1";
  const CodeObject& co = *f->code;
  return fmt::format("{}:{}", co.source ? co.source->path() : "<string>", frame_line(*f));
}

std::string Interpreter::format_warning(const std::string& message) const {
  const char* hint = "\nRuntimeWarning: Enable tracemalloc to get the object allocation traceback";
  const bool with_hint = tracemalloc_hint(message);
  const Frame* f = ts_.current_frame;
  if (!f) return warning_location() + ": " + message + (with_hint ? hint : "");
  const CodeObject& co = *f->code;
  const int line = frame_line(*f);
  const std::string file = co.source ? co.source->path() : "<string>";
  std::string text = fmt::format("{}:{}: {}", file, line, message);
  if (co.source) {
    const std::string src = warning_source_line(*co.source, line);
    if (!src.empty()) text += fmt::format("\n  {}", src);
  }
  if (with_hint) text += hint;
  return text;
}

std::string Interpreter::warning_source_line(const Source& source, int line) const {
  if (!linecache_has(source.path(), ts_.limits.features)) return {};
  std::string_view src = source.line(line);
  while (!src.empty() && (src.front() == ' ' || src.front() == '\t')) src.remove_prefix(1);
  while (!src.empty() && (src.back() == ' ' || src.back() == '\t' || src.back() == '\r')) src.remove_suffix(1);
  return std::string(src);
}

void Interpreter::print_warning(const std::string& text) const {
  if (outer_warning_sink_) outer_warning_sink_(text);
  else std::fprintf(stderr, "%s\n", text.c_str());
}

// The default filters show every SyntaxWarning (no registry: each time).
SyntaxWarningSink Interpreter::syntax_warnings(std::shared_ptr<const Source> source) const {
  return [this, source = std::move(source)](int line, const std::string& message) {
    std::string text = fmt::format("{}:{}: SyntaxWarning: {}", source->path(), line, message);
    const std::string src = warning_source_line(*source, line);
    if (!src.empty()) text += fmt::format("\n  {}", src);
    print_warning(text);
  };
}

ast::Module Interpreter::parse(const std::shared_ptr<const Source>& source) {
  return lang::parse(source, ts_.limits.features.syntax, syntax_warnings(source));
}

void Interpreter::collect_at_exit() {
  collecting_at_exit_ = true;
  runtime::detail::finalizing_at_exit = true;
  runtime::Runtime::current().heap().finalize_garbage();
  runtime::detail::finalizing_at_exit = false;
  collecting_at_exit_ = false;
}

Ref<CodeObject> Interpreter::compile() {
  if (!code_) {
    ast::Module module = parse(source_);
    compile(module);
  }
  return code_;
}

Ref<CodeObject> Interpreter::compile(const ast::Module& module) {
  if (!code_) {
    CompileOptions options;
    options.unbound = ts_.unbound;
    options.ellipsis = runtime::Runtime::current().types.Ellipsis;
    options.warn = syntax_warnings(module.source);
    options.warnings = ts_.limits.features.compiler_warnings;
    code_ = compile_module(module, options);
  }
  return code_;
}


namespace {
void run_code(const Ref<CodeObject>& code, runtime::Module* main, runtime::Module* builtins, const Value& unbound) {
  Frame f(code.get(), main, builtins, unbound);
  run_function_frame(f);
}
}  // namespace

void Interpreter::run_module() {
  run_code(compile(), main_.get(), builtins_.get(), ts_.unbound);
}

void Interpreter::run_aside(std::shared_ptr<const Source> source) {
  CompileOptions options;
  options.unbound = ts_.unbound;
  options.ellipsis = runtime::Runtime::current().types.Ellipsis;
  const Ref<CodeObject> code = compile_module(lang::parse(source, ts_.limits.features.syntax), options);
  ts_.library_sources.emplace(source->path(), source);
  auto aside = runtime::make<runtime::Module>(source->path());
  aside->dict["__name__"] = Value::str(source->path());
  run_code(code, aside.get(), builtins_.get(), ts_.unbound);
}

void Interpreter::set_source(std::shared_ptr<const Source> source) {
  source_ = std::move(source);
  set_main_file();
}

// pymain_run_command runs `-c`'s program in a __main__ without __file__.
void Interpreter::set_main_file() {
  if (source_ && source_->path() != "<string>") main_->dict["__file__"] = Value::str(source_->path());
}

std::string Interpreter::format_exception(const runtime::PyError& error, bool uncaught) const {
  auto lines = [this](const std::string& file, int line) -> std::string_view {
    if (!linecache_has(file, ts_.limits.features)) return {};
    // linecache reads the file itself (before 3.11 the text compiled can
    // differ: a null byte ended its line there).
    if (source_ && file == source_->path()) return source_->file_line(line);
    if (auto it = ts_.library_sources.find(file); it != ts_.library_sources.end()) return it->second->line(line);
    return {};
  };
  auto dir = [this](const Value& obj) {
    std::vector<std::string> names;
    // module.__dir__: the sorted names of its namespace (dir() of a module
    // stops a program, as asim's module namespaces hold other names than
    // CPython's; a hint only needs the names a program could misspell).
    if (auto* m = obj.as<runtime::Module>()) {
      for (const auto& [name, value] : m->dict) names.push_back(name);
      std::sort(names.begin(), names.end());
      return names;
    }
    auto fn = builtins_->dict.find("dir");
    if (fn == builtins_->dict.end()) return names;
    const Value arg[1] = {obj};
    try {
      Value listing = runtime::call(fn->second, arg);
      for (const auto& v : runtime::to_vector(listing))
        if (auto* s = v.as<runtime::Str>()) names.push_back(s->text);
    } catch (const std::runtime_error&) {
      // A dir() asim does not model stops a program that calls it, but it
      // only costs the traceback its "Did you mean" hint.
    }
    return names;
  };
  return lang::format_exception(*error.exc, lines, dir, ts_.limits.features, uncaught);
}

}  // namespace asim::lang
