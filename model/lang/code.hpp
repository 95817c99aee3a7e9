// Code objects: what the compiler makes of one function, lambda, class body,
// comprehension or module, and what the eval loop runs. Named after CPython's
// PyCodeObject (Include/cpython/code.h): co_name, co_qualname, co_flags,
// co_varnames, co_cellvars, co_freevars, co_consts, co_names, the
// instructions and a location for each, and an exception table.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "model/lang/source.hpp"
#include "model/runtime/attribute_cache.hpp"
#include "model/runtime/module.hpp"
#include "model/runtime/value.hpp"

namespace asim::lang {

// The instruction set: a subset of CPython 3.12's opcodes (Include/opcode.h)
// with the same names and stack effects where they exist, a few merged where
// CPython splits one step in two (AWAIT is GET_AWAITABLE + the SEND loop).
// "TOS" is the top of the value stack.
#define ASIM_OPCODES(X)                                                                                     \
  X(NOP)                  /* */                                                                             \
  X(POP_TOP)              /* pop TOS */                                                                     \
  X(COPY)                 /* push a copy of the arg-th item (1 = TOS) */                                    \
  X(SWAP)                 /* swap TOS with the arg-th item */                                               \
  X(LOAD_CONST)           /* push consts[arg] */                                                            \
  X(LOAD_FAST)            /* push local slot arg; UnboundLocalError when unbound */                         \
  X(STORE_FAST)           /* local slot arg = pop */                                                        \
  X(DELETE_FAST)          /* unbind local slot arg */                                                       \
  X(LOAD_DEREF)           /* push the value of cell arg (cellvars then freevars) */                         \
  X(STORE_DEREF)          /* cell arg = pop */                                                              \
  X(DELETE_DEREF)         /* unbind cell arg */                                                             \
  X(LOAD_CLOSURE)         /* push cell arg itself (to build a closure) */                                   \
  X(LOAD_FROM_DICT_OR_DEREF) /* class body: names[...] from the class namespace, else cell arg */          \
  X(LOAD_GLOBAL)          /* push globals/builtins[names[arg]]; NameError */                                \
  X(STORE_GLOBAL)         /* globals[names[arg]] = pop */                                                   \
  X(DELETE_GLOBAL)        /* del globals[names[arg]] */                                                     \
  X(LOAD_NAME)            /* class body: namespace, globals, builtins */                                    \
  X(STORE_NAME)           /* class body: namespace[names[arg]] = pop */                                     \
  X(DELETE_NAME)          /* class body: del namespace[names[arg]] */                                       \
  X(LOAD_ATTR)            /* TOS = getattr(TOS, names[arg]) */                                              \
  X(LOAD_METHOD)          /* obj -> method, obj; or None, getattr(obj, names[arg]) */                       \
  X(STORE_ATTR)           /* TOS.names[arg] = TOS1; pop both */                                             \
  X(DELETE_ATTR)          /* del TOS.names[arg]; pop */                                                     \
  X(BINARY_SUBSCR)        /* TOS = TOS1[TOS] */                                                             \
  X(STORE_SUBSCR)         /* TOS1[TOS] = TOS2; pop three */                                                 \
  X(DELETE_SUBSCR)        /* del TOS1[TOS]; pop two */                                                      \
  X(BINARY_OP)            /* TOS = TOS1 op TOS; arg = BinOp, | kInplace for op= */                          \
  X(UNARY_OP)             /* TOS = op TOS; arg = UnaryOp */                                                 \
  X(COMPARE_OP)           /* TOS = TOS1 op TOS; arg = CmpOp (incl. is, in) */                               \
  X(BUILD_TUPLE)          /* pop arg items, push a tuple */                                                 \
  X(BUILD_LIST)           /* pop arg items, push a list */                                                  \
  X(BUILD_SET)            /* pop arg items, push a set */                                                   \
  X(BUILD_CONST_SET)      /* pop arg constants, push a set as a display of 3+ constants makes it */         \
  X(BUILD_CONST_FROZENSET) /* pop arg constants, push the frozenset constant a display iterated over is */ \
  X(BUILD_MAP)            /* pop arg key/value pairs, push a dict */                                        \
  X(BUILD_SLICE)          /* pop 2 or 3 bounds, push a slice */                                             \
  X(BUILD_STRING)         /* pop arg strs, push their concatenation */                                      \
  X(LIST_APPEND)          /* pop v; stack[-arg].append(v) */                                                \
  X(MAP_ADD)              /* pop value, key; stack[-arg][key] = value */                                    \
  X(LIST_EXTEND)          /* pop iterable; stack[-arg].extend(iterable) */                                  \
  X(DICT_UPDATE)          /* pop mapping; stack[-arg].update(mapping) */                                    \
  X(LIST_TO_TUPLE)        /* TOS = tuple(TOS) */                                                            \
  X(LIST_TO_SET)          /* TOS = set(TOS) (set displays and comprehensions collect into a list) */        \
  X(UNPACK_SEQUENCE)      /* pop an iterable of exactly arg items, push them last first */                  \
  X(UNPACK_EX)            /* a, *b, c: arg = before | after << 8 */                                         \
  X(FORMAT_VALUE)         /* f-string field; arg = conversion char | kHasSpec */                            \
  X(GET_ITER)             /* TOS = iter(TOS) */                                                             \
  X(FOR_ITER)             /* push next(TOS), or pop the iterator and jump to arg */                         \
  X(JUMP)                 /* jump to arg */                                                                 \
  X(POP_JUMP_IF_FALSE)    /* pop; jump to arg when false */                                                 \
  X(POP_JUMP_IF_TRUE)     /* pop; jump to arg when true */                                                  \
  X(JUMP_IF_FALSE_OR_POP) /* `and`: jump keeping TOS when false, else pop */                                \
  X(JUMP_IF_TRUE_OR_POP)  /* `or`: jump keeping TOS when true, else pop */                                  \
  X(CALL)                 /* func, arg positional args -> result */                                         \
  X(CALL_METHOD)          /* the pair LOAD_METHOD pushed, arg args -> result */                             \
  X(CALL_KW)              /* func, arg args, names tuple (const) -> result; last len(names) are keywords */ \
  X(CALL_EX)              /* func, args tuple[, kwargs dict if arg & 1] -> result */                        \
  X(MAKE_FUNCTION)        /* [defaults][kwdefaults][annotations][closure] code -> function; arg = which */               \
  X(BUILD_CLASS)          /* body, bases tuple, metaclass|None -> the class; names[arg]: name */             \
  X(RETURN_VALUE)         /* return TOS */                                                                  \
  X(YIELD_VALUE)          /* a generator: suspend, giving pop; resumed, push the value sent */              \
  X(GET_YIELD_FROM_ITER)  /* TOS = iter(TOS), a generator as it is */                                       \
  X(SETUP_ANNOTATIONS)    /* module or class namespace: __annotations__ = {} unless there */                \
  X(YIELD_FROM)           /* delegate to pop until it ends; push what it returned (AWAIT for iterators) */  \
  X(RAISE_VARARGS)        /* raise (0: re-raise, 1: exc, 2: exc from cause) */                              \
  X(RERAISE)              /* pop an exception and raise it again, keeping its traceback */                  \
  X(PUSH_EXC_INFO)        /* exc -> previous handled exception, exc; exc becomes the handled one */         \
  X(POP_EXCEPT)           /* pop the previous handled exception and restore it */                           \
  X(CHECK_EXC_MATCH)      /* exc, type -> exc, isinstance(exc, type) */                                     \
  X(LOAD_ASSERTION_ERROR) /* push AssertionError */                                                         \
  X(AWAIT)                /* TOS = await TOS (suspends the frame while the awaitable is pending) */         \
  X(GET_AITER)            /* check TOS is an asynchronous iterator */                                       \
  X(GET_ANEXT)            /* push TOS.__anext__() */                                                        \
  X(END_ASYNC_FOR)        /* aiter, exc: StopAsyncIteration ends the loop (pop both), else re-raise */      \
  X(BEFORE_ASYNC_WITH)    /* mgr -> mgr, mgr.__aenter__() */                                                \
  X(ASYNC_WITH_EXIT)      /* mgr -> mgr, mgr.__aexit__(None, None, None) */                                 \
  X(WITH_EXCEPT_START)    /* mgr, prev, exc -> mgr, prev, exc, mgr.__aexit__(exc) */                        \
  X(BEFORE_WITH)          /* mgr -> mgr, mgr.__enter__() */                                                 \
  X(WITH_EXIT)            /* mgr -> mgr, mgr.__exit__(None, None, None) */                                  \
  X(WITH_EXCEPT_EXIT)     /* mgr, prev, exc -> mgr, prev, exc, mgr.__exit__(type, exc, None) */             \
  X(IMPORT_NAME)          /* push the module names[arg] */                                                  \
  X(IMPORT_FROM)          /* module -> module, module.names[arg] */ \
  X(POP_JUMP_IF_NONE)     /* pop; jump to arg when None */ \
  X(POP_JUMP_IF_NOT_NONE) /* pop; jump to arg unless None */ \
  X(CHECK_EG_MATCH)       /* exc, type -> exc, None | rest, match (except*: split the group) */ \
  X(PREP_RERAISE_STAR)    /* orig, list of raised -> what the try/except* raises, or None */ \
  X(MATCH_PATTERN)        /* subject, operands -> tuple of bound values | None; patterns[arg] */

enum class Op : std::uint8_t {
#define ASIM_OPCODE_ENUM(name) name,
  ASIM_OPCODES(ASIM_OPCODE_ENUM)
#undef ASIM_OPCODE_ENUM
};

std::string_view op_name(Op op);

constexpr std::int32_t kInplace = 0x100;  // BINARY_OP: `x op= y`
constexpr std::int32_t kHasSpec = 0x100;
// LIST_EXTEND and DICT_UPDATE flags, above the stack distance. kCallUnpack:
// building a call's *args (the callee under the list) or **kwargs (under
// the args tuple and the dict; DICT_MERGE: a key given twice is an error).
// kSoleStar: f(*x), x the call's only positional item. kDisplayUnpack: the
// *x of a list or tuple display.
constexpr std::int32_t kCallUnpack = 0x100, kSoleStar = 0x200, kDisplayUnpack = 0x400, kUnpackDistance = 0xff;  // FORMAT_VALUE: a format spec is on the stack
// MAKE_FUNCTION flags, in stack order (the code object is TOS).
constexpr std::int32_t kFnDefaults = 0x1, kFnKwDefaults = 0x2, kFnAnnotations = 0x4, kFnClosure = 0x8;
constexpr std::uint16_t kNoHandler = 0xffff;

// One instruction: 8 bytes. `handler` indexes the code's exception table (the
// innermost try block covering the instruction), kNoHandler when none.
struct Instr {
  Op op;
  std::uint8_t pad = 0;
  std::uint16_t handler = kNoHandler;
  std::int32_t arg = 0;
};

// Where an exception raised by an instruction goes: CPython 3.11's exception
// table entry. The stack is cut to `depth` items, the exception pushed, and
// execution continues at `target`.
struct Handler {
  std::int32_t target;
  std::int32_t depth;
};

// An instruction's source span (1-based lines, 0-based character columns, as
// CPython's co_positions); end_line 0 when unknown. For a binary operation or
// a subscript, the operator's span relative to col (the traceback's `~~^~~`
// anchors), -1 when none.
struct Position {
  std::int32_t line = 0, col = 0, end_line = 0, end_col = 0;
  std::int32_t anchor_left = -1, anchor_right = -1;
  // The anchors mark a call's parentheses (3.13 only; 3.11-3.12 mark
  // operators and subscripts alone).
  bool call_anchors = false;
  // The call is `return f(...)` or `x = f(...)`, whole: 3.13 marks nothing.
  bool call_statement = false;
};

// co_flags that matter here.
enum CodeFlags : std::uint32_t {
  kOptimized = 0x1,      // locals are slots (function-like scopes)
  kVarargs = 0x4,        // *args
  kVarkeywords = 0x8,    // **kwargs
  kNested = 0x10,
  kGenerator = 0x20,     // a def whose body yields
  kCoroutine = 0x80,     // async def, or a comprehension that awaits
  kIterableCoroutine = 0x100,  // a generator types.coroutine marked: awaitable, may `yield from` coroutines
  kAsyncGenerator = 0x200,  // an async def whose body yields
  kComprehension = 0x1000,  // an inlined comprehension (3.12): no frame of its own in tracebacks
  kModule = 0x2000,
  kClassBody = 0x4000,
};

// A pattern of a match statement (PEP 634), as MATCH_PATTERN interprets it.
// What a pattern needs from expressions (a value pattern's value, a class
// pattern's class, a mapping pattern's keys) is evaluated before, onto the
// stack, in the pattern's pre-order: `operands` of them per node.
struct Pattern {
  enum class Kind : std::uint8_t { Value, Singleton, Capture, Wildcard, Star, Sequence, Mapping, Class, Or, As };
  Kind kind = Kind::Wildcard;
  int slot = -1;                      // Capture, As, Star (a name), Mapping's **rest: where the match binds it
  int operands = 0;                   // Value, Class: 1; Mapping: its keys
  runtime::Value singleton;           // None, True, False
  std::vector<Pattern> items;         // elements, values, positional then keyword subpatterns, alternatives
  std::vector<std::string> keywords;  // Class: keyword attribute names (the last items)
  int slots = 0;                      // the root: how many names the pattern binds
};

// LOAD_GLOBAL's inline cache entry: the entry of the globals' or the
// builtins' namespace where the name was found, while the namespaces are as
// they were then (runtime::detail::namespaces_version).
struct GlobalCache {
  const runtime::Module* globals = nullptr;
  const runtime::Module* builtins = nullptr;
  std::uint64_t version = 0;
  const runtime::Value* value = nullptr;
};

class CodeObject : public runtime::Object {
 public:
  std::string_view type_name() const override { return "code"; }
  std::string repr() const override;

  std::string name;      // co_name: "f", "<lambda>", "<listcomp>", "<module>"
  std::string qualname;  // co_qualname: "main.<locals>.inner"
  std::uint32_t flags = 0;
  int firstlineno = 0;

  // Argument spec: varnames[0 .. argcount) are positional (the first
  // posonlyargcount positional-only), then kwonlyargcount keyword-only,
  // then *args and **kwargs names when the flags say so.
  int argcount = 0;
  int posonlyargcount = 0;
  int kwonlyargcount = 0;

  std::vector<std::string> varnames;  // local slots
  std::vector<std::string> cellvars;  // cells this code creates
  std::vector<std::string> freevars;  // cells it receives in its closure
  // For each cellvar, the local slot of the argument it starts with, or -1.
  std::vector<int> cell2arg;
  std::vector<runtime::Value> consts;
  std::vector<std::string> names;  // globals, attributes, imported names
  // By name (as names): filled as LOAD_GLOBAL runs.
  mutable std::vector<GlobalCache> global_caches;
  // By instruction: filled as LOAD_ATTR and STORE_ATTR run.
  mutable std::vector<runtime::AttributeCache> attribute_caches;
  runtime::AttributeCache& attribute_cache(int at) const {
    if (attribute_caches.empty()) attribute_caches.resize(code.size());
    return attribute_caches[static_cast<std::size_t>(at)];
  }

  std::vector<Instr> code;
  std::vector<Position> positions;  // one per instruction
  std::vector<Handler> handlers;
  int stacksize = 0;
  std::vector<Pattern> patterns;  // MATCH_PATTERN's
  // Backward jumps whose location versions disagree on (the eval breaker's,
  // so where a KeyboardInterrupt is reported), by instruction: the whole
  // `while` statement (3.11; 3.12+ its test), and a `pass` ending a `for`
  // body on the line of the instruction before it (3.13 keeps its NOP there;
  // 3.11-3.12 drop it and the jump takes that instruction's location).
  std::vector<std::pair<int, Position>> while_statement_jumps, same_line_pass_jumps;
  // A `with` item's __enter__ and __exit__ calls (their awaits, for `async
  // with`), which versions locate differently in tracebacks (WithCallsAt):
  // 3.13 at the item's context expression (marked as a call, `~~~^^`);
  // 3.8-3.9's exit calls at the line the code before them ended on (the
  // body's last instruction, or the `return` or `break` leaving it); 3.7's
  // at the furthest line its body reached, also for a `return` or `break`
  // (they ran the one cleanup after the body); 3.10-3.12 at the statement.
  std::vector<std::pair<int, Position>> with_context_calls, with_exit_after_code, with_exit_after_body;
  // 3.7's compiler only moves a statement's line forward (u_lineno rises with
  // each expression it visits, and falls back only at the next statement):
  // an instruction after a later line of a multi-line expression (a call
  // after its last argument's line) is located there. In instruction order.
  std::vector<std::pair<int, Position>> furthest_lines;
  // A failed `assert`'s raise, where versions locate it (AssertRaiseAt): at
  // its test expression, or at the last comparison its test's jumps compiled
  // (an `assert` without one has no entry there).
  std::vector<std::pair<int, Position>> assert_tests, assert_compares;
  // The GET_ITER and FOR_ITER of a sync `for` loop or comprehension, which
  // 3.13 locates at the iterable (before, at the statement or the
  // comprehension).
  std::vector<std::pair<int, Position>> iterable_sites;
  // The calls of a def's or class's decorators, located at each decorator;
  // here the statement, where 3.8-3.10 locate them.
  std::vector<std::pair<int, Position>> decorator_statement_calls;

  std::shared_ptr<const Source> source;
  runtime::Value doc;  // a function's docstring (__doc__), None without one

  // code.replace(co_flags=flags): a copy with other flags.
  runtime::Ref<CodeObject> with_flags(std::uint32_t new_flags) const;

  bool is_coroutine() const { return flags & kCoroutine; }
  bool is_generator() const { return flags & kGenerator; }
  bool is_async_generator() const { return flags & kAsyncGenerator; }
  int nlocals() const { return static_cast<int>(varnames.size()); }
  int ncells() const { return static_cast<int>(cellvars.size() + freevars.size()); }
  // Local slots, then cells, then the value stack.
  int frame_size() const { return nlocals() + ncells() + stacksize; }
  const std::string& cell_name(int i) const {
    return i < static_cast<int>(cellvars.size()) ? cellvars[static_cast<std::size_t>(i)]
                                                 : freevars[static_cast<std::size_t>(i) - cellvars.size()];
  }
  // A readable listing, as dis.dis prints it (for tests and debugging).
  std::string disassemble() const;
};

}  // namespace asim::lang
