#pragma once

#include <string_view>

namespace asim::lang {

// How the interpreter prints a SyntaxError raised while compiling the main
// script (no traceback: "  File ..., line N", the line, a caret line).
enum class SyntaxErrorDisplay {
  Pgen,       // 3.7-3.8: pythonrun.c's print_error_text with a 1-based offset
  C,          // 3.9: the 0-based rewrite, one caret
  CRanges,    // 3.10-3.12: as C, with end_offset giving `^^^` ranges
  Traceback,  // 3.13: traceback.py's _format_syntax_error (keeps tabs)
};

// Which parser, and so which error messages, a version has.
enum class ParserGeneration {
  // 3.7: pgen, the LL(1) parser: "invalid syntax" at the first token that
  // does not fit (its offset at the token's end), "can't assign to",
  // "invalid token" for malformed numbers, "unexpected EOF while parsing".
  Pgen37,
  // 3.8: pgen with "cannot assign to", offsets at the token's start, the
  // tokenizer's unmatched and mismatched bracket errors.
  Pgen38,
  // 3.9: the PEG parser, mostly with pgen's messages; an indented block
  // missing at the end of the file is an IndentationError.
  Peg39,
  // 3.10-3.11: the invalid_* rules ("expected ':'", "'(' was never closed",
  // "Perhaps you forgot a comma?", ...), "unterminated string literal".
  Peg310,
  // 3.12+: f-strings tokenized (PEP 701: nested same quotes, backslashes,
  // comments in replacement fields) and their new messages.
  Peg312,
};

// The tokenizer's and parser's per-version behaviour (CPython's
// Parser/tokenizer.c, Parser/parser.c or pgen, Python/pythonrun.c).
struct SyntaxFeatures {
  SyntaxErrorDisplay display = SyntaxErrorDisplay::CRanges;
  ParserGeneration parser = ParserGeneration::Peg312;
  // 3.11+: a null byte in the file is a SyntaxError; before, the file is read
  // line by line as C strings, so the rest of that line and its newline vanish.
  bool null_bytes_rejected = true;
  // 3.11+: such a line read at the start of a logical line is first the end
  // of the input at column 0 (DEDENTs, on which the parser may fail first:
  // "expected an indented block"), then the error.
  bool null_line_dedents = true;
  // 3.11: the node of a str literal with text (make_str_node_and_del) fails
  // when an error is pending, so the second parser pass stops at any such
  // literal once the tokenizer failed on a null byte.
  bool str_literal_stops_second_pass = false;
  // Before 3.12, future.c refuses a future import that follows another
  // statement on the first future import's line (at its col_offset);
  // 3.12+ leave it to the compiler, which marks the statement.
  bool future_refuses_late_import_on_its_line = false;
  // Before 3.11, a line whose first byte is a null byte reads as an empty C
  // string: 3.7-3.9 count it and go on as after a blank line; 3.10's read
  // fails, which the tokenizer takes for the end of the input at column 0
  // (DEDENTs) and then reads on, uncounted: the next line continues the
  // logical line (no indentation of its own; blank, it is a NEWLINE).
  bool null_line_is_blank = false;
  // 3.10: a file the codec registry decodes (a declared encoding other than
  // UTF-8's own spelling) is read through it whole, so a null byte is a
  // character of its line like any other: a token no rule accepts, "invalid
  // syntax" there. 3.7-3.9 read the decoded line as a C string.
  bool recoded_null_is_token = false;
  // 3.8+: `/` ends the positional-only parameters (PEP 570); 3.7's grammar
  // has no such token there ("invalid syntax").
  bool positional_only_params = true;
  // 3.9+: a backslash continuation in a line's indentation joins the next
  // line there (a line left blank is skipped, bpo-40847; the indentation is
  // the first backslash's column, issue 46091); before, the backslash ends
  // the indentation and an empty joined line is an empty statement.
  bool continuation_in_indentation = true;
  // 3.10+: that line's indentation is the first backslash's column; 3.9
  // takes the line for a blank one: the indentation stays as it was.
  bool continued_indentation_at_backslash = true;
  // Where the "Non-UTF-8 code" error sends the reader.
  std::string_view pep263_url = "https://peps.python.org/pep-0263/";
  // The line the "Non-UTF-8 code" message names: the byte's line, counting
  // (3.7-3.9) a line read after a null byte hid a newline; 3.10 alone names
  // the line after the byte's.
  bool non_utf8_names_next_line = false;
  // Whose codec registry a coding declaration's name is looked up in: its
  // bit in codec_tables' version masks (minor version - 7).
  int codec_registry = 5;
  // The grammar: constructs accepted from the version that introduced them;
  // before, CPython's "invalid syntax" where that version's parser stops.
  // 3.8+: assignment expressions `:=`.
  bool assignment_expressions = true;
  // 3.9+ (the PEG parser): `with (a as b, c as d):`.
  bool parenthesized_with_items = true;
  // 3.9+ (PEP 614): any expression after '@'; before, a dotted name and
  // one optional call.
  bool relaxed_decorators = true;
  // 3.10+: the match statement.
  bool match_statement = true;
  // 3.11+: except*.
  bool except_star = true;
  // 3.12+: `type X = ...` and type parameter lists `def f[T]`, `class C[T]`.
  bool type_parameters = true;
  // 3.11+: a def's name followed by anything but '(' (or 3.12+'s type
  // parameters) says "expected '('"; 3.10 "invalid syntax".
  bool def_expects_parenthesis = false;
  // 3.11+ (invalid_parameters, invalid_lambda_parameters): parameters in
  // parentheses, `def f((x)):` or `lambda (x): x`, are named as such
  // ("Function parameters cannot be parenthesized"); 3.10 "invalid syntax".
  bool parenthesized_parameters_named = false;
  // 3.10+: a subscript takes an unparenthesized assignment expression
  // (`x[y := 0]`); 3.8-3.9 stop at the ':='.
  bool assignment_expression_in_subscript = true;
  // 3.11+ (PEP 646): starred expressions in a subscript, `x[*a]` indexing
  // with a tuple.
  bool starred_subscripts = true;
  // 3.12+ (invalid_import): `import a from b` asks "Did you mean to use
  // 'from ... import ...' instead?", marked from `import` on.
  bool import_from_hint = false;
  // 3.13+: an import with nothing after `import` says "Expected one or more
  // names after 'import'".
  bool import_expects_names = false;
  // 3.11+: a decimal literal over the digit limit says "(4300 digits)";
  // before, "(4300)" (int()'s wording).
  bool int_limit_says_digits = true;
  // 3.8+: `f"{x=}"` (the '=' specifier); 3.7 compiles "(x=)".
  bool fstring_debug_specifier = true;
  // 3.12+: `f(*a=1)` says "cannot assign to iterable argument unpacking"
  // (invalid_starred_expression), not "invalid syntax".
  bool starred_argument_assignment = true;
  // 3.13: a '*' argument whose expression does not parse is "Invalid star
  // expression" at the last token read, in the parser's first pass (before
  // any invalid_* rule, "Perhaps you forgot a comma?" among them).
  bool invalid_star_expression = true;
  // Where symtable.c reports a duplicate parameter: 3.10+ at the
  // parameter; 3.8-3.9 at the function's `def`; 3.7 at its first
  // decorator, where 3.7's FunctionDef node begins.
  enum class DuplicateArgumentAt { FirstDecorator, Def, Parameter };
  DuplicateArgumentAt duplicate_argument_at = DuplicateArgumentAt::Parameter;
  // A '*' argument that cannot follow the arguments before it (after a
  // `**` argument, or with no expression after it):
  //   AstError: 3.7-3.8's ast.c, once the file parsed, at the argument,
  //     after `**` only (else pgen's "invalid syntax");
  //   FurthestToken: 3.9's invalid_arguments `args ',' '*'`, at the last
  //     token the parser read;
  //   Arguments: 3.10, the same rule, marking the arguments before it;
  //   Star: 3.11-3.12, only after keyword arguments, at the '*';
  //   FromComma: 3.13, a '*' argument that parses after a `**` one, from
  //     the comma before it through the starred arguments that follow.
  enum class StarAfterKeywords { AstError, FurthestToken, Arguments, Star, FromComma };
  StarAfterKeywords star_after_keywords = StarAfterKeywords::Star;
  // 3.9-3.12: the PEG parser's errors in a file whose encoding the
  // tokenizer does not know (no declaration, no BOM) have their byte offset
  // for a column (_PyPegen_raise_error_known_location converts it only with
  // tok->encoding set); the tokenizer's own errors count characters.
  bool parser_errors_in_bytes = false;
  // Where compile.c reports "default 'except:' must be last": 3.10+ at the
  // handler; 3.8-3.9 at the compiler's location before it, the last
  // statement compiled; 3.7 there too, its line raised to the furthest line
  // that statement's expressions reached, its column the last expression's.
  enum class DefaultExceptAt { Handler, LastStatement, LastExpression };
  DefaultExceptAt default_except_at = DefaultExceptAt::Handler;
  // Where compile.c reports an asynchronous comprehension outside an async
  // function: 3.10+ at the comprehension; 3.8-3.9 raise it in the
  // comprehension's own code unit before any line is set (line 0, no text);
  // 3.7 at the comprehension's line, column 0.
  enum class AsyncComprehensionErrorAt { Node, LineZero, LineStart };
  AsyncComprehensionErrorAt async_comprehension_error_at = AsyncComprehensionErrorAt::Node;
  // 3.7-3.10: an await directly in a scope marks it a coroutine
  // (symtable.c's ste_coroutine), and that is what compile.c asks of the
  // scope around an asynchronous comprehension; 3.11+ ask for an async def.
  bool await_makes_scope_async = false;
  // The tokenizer's and parser's SyntaxWarnings. 3.11+: a number directly
  // followed by a keyword (`1if`) is an "invalid decimal literal" (3.10's
  // DeprecationWarning is one the default filters hide).
  bool number_before_keyword_warns = true;
  // 3.12+: an invalid escape in a str or bytes literal ('\d', an octal one
  // over 0o377); before, a DeprecationWarning the default filters hide (they
  // show it only for __main__, and the compiled module is named after the file).
  bool invalid_escape_warns = true;

  bool pgen() const { return parser == ParserGeneration::Pgen37 || parser == ParserGeneration::Pgen38; }
  bool peg_messages() const { return parser == ParserGeneration::Peg310 || parser == ParserGeneration::Peg312; }
};

// How the interpreter's own printer of an uncaught exception
// (pythonrun.c's print_exception) names its class on the last line.
enum class UncaughtClassNaming {
  ModuleAndName,      // 3.7-3.8: "__main__.E", the type's __name__ after its module unless builtins
  ModuleAndQualname,  // 3.9-3.10: "__main__.A.E", its __qualname__ so
  AsTracebackModule,  // 3.11+: as traceback.py, "A.E", no module for __main__ either
};

// What differs between Python versions in the language and its error
// reports. Whoever runs the interpreter fills it from the version profile
// table (model/asyncio/version_profile); the interpreter itself compares no
// version numbers. The defaults are 3.12's.
// Where tracebacks locate a `with` item's __enter__/__exit__ calls
// (CodeObject::with_context_calls and the lists after it).
enum class WithCallsAt {
  BodyEnd,      // 3.7: the exits at the furthest line the body reached
  CodeBefore,   // 3.8-3.9: the exits at the line the code before them ended on
  Statement,    // 3.10-3.12: the `with` statement
  ContextExpr,  // 3.13: the item's context expression
};

// The compiler's SyntaxWarnings about code that cannot work as written
// (compile.c's compiler_warn).
struct CompilerWarnings {
  // 3.8+: `is` with a literal, calling a literal or subscripting one
  // ("perhaps you missed a comma?").
  bool literal_misuse = true;
  // 3.12+: the `is` warning names the literal's type.
  bool is_names_literal_type = true;
  // 3.10+: `assert (1, "msg")` warns too; before, the AST optimizer had made
  // the tuple of constants a constant, which the check let pass.
  bool assert_constant_tuple = true;
  // 3.8: a subscript with a slice among its indices (an ExtSlice) has no
  // index check; 3.9+ see a tuple.
  bool extended_slice_unchecked = false;
  // 3.7: the branch of an `if` or `while` that a constant test never takes
  // is not compiled (so not checked); 3.8+ compile it without emitting it.
  bool dead_branches_unchecked = false;
};

// Where tracebacks locate a failed `assert` (CodeObject::assert_tests).
enum class AssertRaiseAt {
  LastCompare,  // 3.11: the last comparison its test's jumps compiled, else the statement
  Statement,    // 3.7-3.10, 3.12: the `assert` statement
  Test,         // 3.13: its test expression
};

struct LanguageFeatures {
  // 3.12+ inline comprehensions (PEP 709): no frame of their own in
  // tracebacks; before, a `<listcomp>` frame.
  bool inline_comprehensions = true;
  // 3.9+: a set display of three or more constants is a frozenset constant
  // copied into a new set, which can iterate in another order than adding
  // the elements one by one.
  bool constant_set_displays_folded = true;
  // 3.8+: the compiler merges constants (merge_consts_recursive), building
  // each frozenset constant anew from the first one's order.
  bool constant_frozensets_rebuilt = true;
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
  // 3.13: `python -c`'s program is in linecache, so its tracebacks show the
  // lines of "<string>"; before (and for "<stdin>" always) only the entries.
  bool command_source_shown = false;
  // 3.7: warnings.warn names the file by the frame's globals' __file__
  // (sys.argv[0] for a __main__ without one: "-c"); 3.8+ by the code's file.
  bool warning_file_from_globals = false;
  // 3.13: an async generator's asend/athrow/aclose awaitable freed unawaited
  // warns "coroutine method 'asend' of 'gen' was never awaited".
  bool unawaited_agen_method_warns = false;
  // 3.11+: `with` / `async with` on an object without the methods is a
  // TypeError ("does not support the context manager protocol"); before, an
  // AttributeError naming the method.
  bool context_manager_type_errors = true;
  // 3.7-3.8: `async with` looks for __aexit__ before __aenter__.
  bool async_with_looks_up_aexit_first = false;
  // 3.13: a warning at shutdown, when no frame runs, is located at
  // "<sys>:0"; before, "sys:1".
  bool shutdown_warnings_at_sys0 = false;
  // 3.12+: "called match pattern must be a class"; 3.10-3.11 "... a type".
  bool match_class_wording = true;
  // Where the eval breaker at a loop's backward jump is (a KeyboardInterrupt's
  // traceback line): 3.11 at the whole `while` statement, 3.12+ at its test.
  bool while_jump_at_statement = false;
  // 3.13: a `pass` ending a `for` body is the backward jump's location even
  // on the line of the instruction before it (CodeObject::same_line_pass_jumps).
  bool same_line_pass_located = false;
  WithCallsAt with_calls_at = WithCallsAt::Statement;
  // 3.8-3.10 locate the calls of a def's or class's decorators at the
  // statement; 3.11+ at each decorator (3.7 at the furthest line its
  // decorators and defaults reached: CodeObject::furthest_lines).
  bool decorator_calls_at_statement = false;
  // 3.9+ (bpo-37444): a relative import past the top-level package is an
  // ImportError; before, importlib's ValueError.
  bool relative_import_beyond_top_import_error = true;
  // 3.11-3.12: JUMP_BACKWARD jumps, then checks the eval breaker, and the
  // exception it raises looks for its handler at the instruction before the
  // jump's target (INSTR_OFFSET() - 1): a `while` loop first in a `try` body
  // has that instruction outside the `try`, so its KeyboardInterrupt is not
  // caught there. 3.13 checks before jumping.
  bool jump_breaker_unwinds_from_target = false;
  AssertRaiseAt assert_raise_at = AssertRaiseAt::Statement;
  // 3.13: a `for` loop's or comprehension's GET_ITER and FOR_ITER are
  // located at the iterable (CodeObject::iterable_sites); before, at the
  // statement or the whole comprehension.
  bool iteration_at_iterable = false;
  // A zero-width mark (a KeyboardInterrupt at a function's entry) prints an
  // empty caret line: 3.13's traceback.py keeps its 4-space margin; 3.11-3.12's
  // C printer shortens the margin by the line's indentation.
  bool zero_width_mark_keeps_margin = false;
  // 3.9+: an exception thrown into a generator or coroutine (throw(), or
  // raised by the delegate it was thrown on to) gets the exception the
  // generator's own frame is handling as __context__ (gen_send_ex's
  // _PyErr_ChainStackItem); before, it keeps the context it had.
  bool throw_chains_handled_exception = true;
  UncaughtClassNaming uncaught_class_naming = UncaughtClassNaming::AsTracebackModule;
  CompilerWarnings compiler_warnings;
  SyntaxFeatures syntax;
};

}  // namespace asim::lang
