// `_asimlib`: what the library modules written in Python (stdlib/) need from
// the interpreter and cannot compute themselves — the frames of the running
// program (logging's findCaller, warnings' stacklevel) and the traceback text
// CPython's traceback module would give (the interpreter already formats it
// per version). Not a CPython module: only stdlib/ imports it.
#include <fmt/format.h>

#include <sched.h>
#include <unistd.h>

#include "model/asyncio/base_events.hpp"
#include "model/lang/eval.hpp"
#include "model/lang/frame.hpp"
#include "model/lang/function.hpp"
#include "model/lang/library.hpp"
#include "model/lang/traceback.hpp"
#include "model/modules/loop_object.hpp"
#include "model/modules/native_function.hpp"
#include "model/modules/session.hpp"
#include "model/runtime/ops.hpp"
#include "model/runtime/runtime.hpp"
#include "model/runtime/traceback_object.hpp"

extern char** environ;

namespace asim::modules {

using runtime::Value;

namespace {

// Where tracebacks place the library modules' own source.
constexpr std::string_view kLibraryPrefix = "<asim>/stdlib/";

std::string_view path_of(const lang::Frame& f) {
  return f.code->source ? std::string_view(f.code->source->path()) : std::string_view("<string>");
}

int line_of(const lang::Frame& f) { return lang::frame_line(f); }

asyncio::EventLoop& loop_arg(const Value& v) {
  auto* loop = v.as<LoopObject>();
  if (!loop) runtime::raise(runtime::builtins().TypeError, "an event loop was expected, not " + runtime::type_name(v));
  return *loop->loop;
}

// The clock of test_asyncio/utils.py's TestLoop, scripted by the program's
// functions: send(when) answers each deadline set with how far the clock
// moves (TestLoop._run_once's self._gen.send(when); a false answer leaves
// it), close() follows BaseEventLoop.close.
class ScriptedClock : public asyncio::ClockScript {
 public:
  ScriptedClock(Value send, Value close) : send_(std::move(send)), close_(std::move(close)) {}
  void timers_set(asyncio::EventLoop& loop, const std::vector<double>& whens) override {
    for (double when : whens) {
      const Value arg[1] = {Value::floating(when)};
      const Value advance = runtime::call(send_, arg);
      if (runtime::truthy(advance)) loop.advance_time(to_seconds(advance, "the time advance"));
    }
  }
  void closed(asyncio::EventLoop&) override { runtime::call(close_, {}); }

 private:
  Value send_, close_;
};

}  // namespace

runtime::Ref<runtime::Module> make_library_hooks_module(Session& session) {
  auto m = runtime::make<runtime::Module>("_asimlib");
  // caller(stacklevel): (filename, lineno, funcname) of the program's frame
  // that called into the library, `stacklevel - 1` frames further out
  // (logging.Logger.findCaller skipping its own file, warnings.warn's
  // stacklevel); None past the outermost frame.
  m->dict["caller"] = Value(function("caller", {opt("stacklevel", Value::integer(1))}, [](const Bound& b) {
    const lang::Frame* f = lang::ThreadState::current().current_frame;
    while (f && path_of(*f).starts_with(kLibraryPrefix)) f = f->previous;
    for (std::int64_t level = b[0].as_int(); f && level > 1; --level) f = f->previous;
    if (!f) return Value::none();
    return runtime::make_tuple({Value::str(std::string(path_of(*f))), Value::integer(line_of(*f)),
                                Value::str(f->code->name)});
  }));
  // warning_frame(stacklevel): (filename, lineno, module) where warnings.warn
  // places a warning: the program's frame `stacklevel - 1` frames out from
  // the caller (library frames skipped, as CPython skips its own);
  // past the outermost frame, the sys module's place for the version.
  m->dict["warning_frame"] = Value(function("warning_frame", {opt("stacklevel", Value::integer(1))}, [&session](const Bound& b) {
    const auto& ts = lang::ThreadState::current();
    const lang::Frame* f = ts.current_frame;
    while (f && path_of(*f).starts_with(kLibraryPrefix)) f = f->previous;
    for (std::int64_t level = b[0].as_int(); f && level > 1; --level) f = f->previous;
    if (!f) {
      const bool sys0 = ts.limits.features.shutdown_warnings_at_sys0;
      return runtime::make_tuple({Value::str(sys0 ? "<sys>" : "sys"), Value::integer(sys0 ? 0 : 1), Value::str("sys")});
    }
    auto name = f->globals->dict.find("__name__");
    const Value module = name != f->globals->dict.end() ? name->second : Value::str("<string>");
    Value file = Value::str(std::string(path_of(*f)));
    // 3.7's setup_context: the globals' __file__; without one, __main__'s
    // is sys.argv[0] (`-c`), another module's its name.
    if (ts.limits.features.warning_file_from_globals) {
      if (auto it = f->globals->dict.find("__file__"); it != f->globals->dict.end()) file = it->second;
      else if (runtime::to_str(module) == "__main__") file = Value::str(session.argv().at(0));
      else file = module;
    }
    return runtime::make_tuple({file, Value::integer(line_of(*f)), module});
  }));
  // source_line(filename, lineno): that line of the program or of a library
  // module (linecache.getline), '' for any other file.
  m->dict["source_line"] = Value(function("source_line", {pos("filename"), pos("lineno")}, [](const Bound& b) {
    const std::string file = runtime::to_str(b[0]);
    const std::int64_t line = b[1].as_int();
    if (!lang::linecache_has(file, lang::ThreadState::current().limits.features)) return Value::str("");
    for (const lang::Frame* f = lang::ThreadState::current().current_frame; f; f = f->previous)
      if (f->code->source && f->code->source->path() == file && line > 0)
        return Value::str(std::string(f->code->source->line(static_cast<int>(line))) + "\n");
    const auto& sources = lang::ThreadState::current().library_sources;
    if (auto it = sources.find(file); it != sources.end() && line > 0)
      return Value::str(std::string(it->second->line(static_cast<int>(line))) + "\n");
    return Value::str("");
  }));
  // format_exception(exc): the whole traceback CPython prints for `exc`, as
  // traceback.format_exception's lines joined.
  m->dict["format_exception"] = Value(function("format_exception", {pos("exc")}, [](const Bound& b) {
    auto* exc = b[0].as<runtime::PyException>();
    if (!exc) runtime::raise(runtime::builtins().TypeError, "format_exception() needs an exception");
    const auto& format = runtime::Runtime::current().format_exception;
    return Value::str(format ? format(*exc) : std::string());
  }));
  // traceback_frames(tb): (the exception whose traceback tb is, the number
  // of frames from tb inward), or None for anything else.
  m->dict["traceback_frames"] = Value(function("traceback_frames", {pos("tb")}, [](const Bound& b) {
    auto [exc, frames] = runtime::traceback_frames(b[0]);
    if (!exc) return Value::none();
    return runtime::make_tuple({Value(exc), Value::integer(static_cast<std::int64_t>(frames))});
  }));
  // handled(): the exception being handled (sys.exception()), or None.
  m->dict["handled"] = Value(function("handled", {}, [](const Bound&) {
    runtime::PyException* exc = lang::ThreadState::current().handled_exception();
    return exc ? Value(runtime::Ref<runtime::PyException>(exc)) : Value::none();
  }));
  // parameter_defaults(func): {name: default} for a def's parameters that
  // have one (typing.get_type_hints reads them through __code__ in CPython).
  m->dict["parameter_defaults"] = Value(function("parameter_defaults", {pos("func")}, [](const Bound& b) {
    Value d = runtime::make_dict();
    auto* fn = b[0].as<lang::Function>();
    if (!fn) return d;
    const auto& co = *fn->code;
    const std::size_t first = static_cast<std::size_t>(co.argcount) - fn->defaults.size();
    for (std::size_t i = 0; i < fn->defaults.size(); ++i)
      runtime::setitem(d, Value::str(co.varnames[first + i]), fn->defaults[i]);
    const runtime::Object* unbound = lang::ThreadState::current().unbound.object();
    for (std::size_t i = 0; i < fn->kwdefaults.size(); ++i)
      if (fn->kwdefaults[i].object() != unbound)
        runtime::setitem(d, Value::str(co.varnames[static_cast<std::size_t>(co.argcount) + i]), fn->kwdefaults[i]);
    return d;
  }));
  // unsupported(what, why): stops the run as a native module's unmodelled
  // API does (exit 2), for what a library module leaves out (files).
  m->dict["unsupported"] = Value(function("unsupported", {pos("what"), pos("why")}, [](const Bound& b) -> Value {
    not_modelled(runtime::to_str(b[0]), runtime::to_str(b[1]));
  }));
  // guard_stops(func): (None, func()) — or (MESSAGE, None) when asim stops
  // inside func (an API it does not model, a deadlock, a limit). unittest
  // runs each part of a test through it, so one unmodelled call errors that
  // test alone instead of ending the run; the stop unwinds the program's
  // frames as C++ exceptions do, none of them can catch it. A plain program
  // still stops with exit 2. The handled-exception state the unwound frames
  // left is put back as it was at the call, and reference counting resumes
  // (what the unwound frames held stays alive until the run ends).
  m->dict["guard_stops"] = Value(function("guard_stops", {pos("func")}, [](const Bound& b) {
    auto& ts = lang::ThreadState::current();
    lang::ExcStackItem* const item = ts.exc_info;
    const runtime::Ref<runtime::PyException> handled = item->exc;
    try {
      Value result = runtime::call(b[0], {});
      return runtime::make_tuple({Value::none(), std::move(result)});
    } catch (const asyncio::ModelStop& stop) {
      runtime::detail::tearing_down = false;
      ts.exc_info = item;
      item->exc = handled;
      ts.propagating = nullptr;
      ts.inlined_exc = nullptr;
      return runtime::make_tuple({Value::str(stop.what()), Value::none()});
    }
  }));
  // iterable_coroutine(func): types.coroutine's own part for Python
  // functions. A generator function's code gets CO_ITERABLE_COROUTINE (its
  // generators become awaitable); an async def, or a function so marked
  // already, stays as it is. True in these cases; False for any other
  // callable, which types.coroutine wraps instead.
  m->dict["iterable_coroutine"] = Value(function("iterable_coroutine", {pos("func")}, [](const Bound& b) {
    auto* fn = b[0].as<lang::Function>();
    if (!fn) return Value::boolean(false);
    auto& code = fn->code;
    if (code->flags & (lang::kCoroutine | lang::kIterableCoroutine)) return Value::boolean(true);
    if (!code->is_generator()) return Value::boolean(false);
    code = code->with_flags(code->flags | lang::kIterableCoroutine);
    return Value::boolean(true);
  }));
  // import_module(name): `import NAME`'s module, NAME itself rather than its
  // top package (importlib.import_module; unittest's loader).
  m->dict["import_module"] = Value(function("import_module", {pos("name")}, [](const Bound& b) {
    return Value(lang::import_module(runtime::to_str(b[0])));
  }));
  // imported_module(name): sys.modules.get(name).
  m->dict["imported_module"] = Value(function("imported_module", {pos("name")}, [&session](const Bound& b) {
    auto module = session.imported(runtime::to_str(b[0]));
    return module ? Value(module) : Value::none();
  }));
  // environment(): the process's environment variables as a dict, in
  // their order (os.environ's source).
  m->dict["environment"] = Value(function("environment", {}, [](const Bound&) {
    Value d = runtime::make_dict();
    for (char** e = environ; e && *e; ++e) {
      const std::string entry(*e);
      const auto eq = entry.find('=');
      if (eq == std::string::npos || eq == 0) continue;
      runtime::setitem(d, Value::str(entry.substr(0, eq)), Value::str(entry.substr(eq + 1)));
    }
    return d;
  }));
  // cpu_counts(): os.cpu_count()'s CPUs online and 3.13's
  // os.process_cpu_count()'s CPUs this process may use: a thread pool's
  // default size follows them, in CPython as here.
  m->dict["cpu_counts"] = Value(function("cpu_counts", {}, [](const Bound&) {
    const long online = sysconf(_SC_NPROCESSORS_ONLN);
    long usable = online;
#if defined(__linux__)
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0) usable = CPU_COUNT(&set);
#endif
    return runtime::make_tuple({Value::integer(online), Value::integer(usable)});
  }));
  // script_clock(loop, send, close): from now on `loop`'s clock is the
  // program's (asyncio::ClockScript): test.test_asyncio.utils's TestLoop.
  m->dict["script_clock"] = Value(function("script_clock", {pos("loop"), pos("send"), pos("close")}, [](const Bound& b) {
    loop_arg(b[0]).set_clock_script(std::make_unique<ScriptedClock>(b[1], b[2]));
    return Value::none();
  }));
  // advance_clock(loop, seconds): TestLoop.advance_time.
  m->dict["advance_clock"] = Value(function("advance_clock", {pos("loop"), pos("seconds")}, [](const Bound& b) {
    loop_arg(b[0]).advance_time(to_seconds(b[1], "the time advance"));
    return Value::none();
  }));
  // cpython_lib(): the installed CPython's Lib folder for the version
  // modelled, None when there is none (the harness stand-in `test` package
  // reads CPython's own test files there).
  m->dict["cpython_lib"] = Value(function("cpython_lib", {}, [&session](const Bound&) {
    const std::string& lib = session.config().cpython_lib;
    return lib.empty() ? Value::none() : Value::str(lib);
  }));
  return m;
}

}  // namespace asim::modules
