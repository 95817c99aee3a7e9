#include "model/asyncio/version_profile.hpp"

#include <array>
#include <stdexcept>
#include <string>

namespace asim::asyncio {

namespace {

constexpr ExceptionClassInfo kFuturesCancelled{"concurrent.futures._base", ExceptionBase::FuturesError};
constexpr ExceptionClassInfo kFuturesTimeout{"concurrent.futures._base", ExceptionBase::FuturesError};
constexpr ExceptionClassInfo kBaseFuturesInvalidState{"asyncio.base_futures", ExceptionBase::FuturesError};
constexpr ExceptionClassInfo kCancelled{"asyncio.exceptions", ExceptionBase::BaseException};
constexpr ExceptionClassInfo kTimeout{"asyncio.exceptions", ExceptionBase::Exception};
constexpr ExceptionClassInfo kBuiltinTimeout{"builtins", ExceptionBase::BuiltinTimeoutError};
constexpr ExceptionClassInfo kInvalidState{"asyncio.exceptions", ExceptionBase::Exception};

constexpr std::string_view kListOfFutures = "expect a list of futures, not {}";
constexpr std::string_view kIterableOfFutures = "expect an iterable of futures, not {}";
constexpr std::string_view kIterableOfAwaitables = "expects an iterable of awaitables, not {}";

constexpr std::string_view kEmptyCoroutines = "Set of coroutines/Futures is empty.";
constexpr std::string_view kEmptyTasks = "Set of Tasks/Futures is empty.";

constexpr std::string_view kPep263Old = "http://python.org/dev/peps/pep-0263/";
constexpr std::string_view kPep263Https = "https://python.org/dev/peps/pep-0263/";
constexpr std::string_view kPep263 = "https://peps.python.org/pep-0263/";

using D = AsCompletedDesign;
using Y = lang::SyntaxErrorDisplay;
using G = lang::ParserGeneration;
using S = SemaphoreDesign;
using C = runtime::ChrArgument;

// The profile of 3.<minor>: one line per difference, saying from (since) or
// up to (until) which version CPython behaves so. The header says what each
// field means.
constexpr VersionProfile make_profile(int minor) {
  auto since = [minor](int first) { return minor >= first; };
  auto until = [minor](int last) { return minor <= last; };
  constexpr std::array<std::string_view, 7> kLabels{"3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.13"};
  VersionProfile p{};
  p.major = 3;
  p.minor = minor;
  p.label = kLabels[minor - 7];
  p.as_completed_design = since(13) ? D::AsyncIterator : D::LegacyGenerator;
  p.as_completed_type_error = since(13) ? kIterableOfAwaitables : since(8) ? kIterableOfFutures : kListOfFutures;
  p.cancelled_error = since(8) ? kCancelled : kFuturesCancelled;
  p.timeout_error = since(11) ? kBuiltinTimeout : since(8) ? kTimeout : kFuturesTimeout;
  p.invalid_state_error = since(8) ? kInvalidState : kBaseFuturesInvalidState;
  p.task_names = since(8);
  p.cancel_messages = since(9);
  p.callback_reprs_show_arguments = until(12);
  p.cancel_counting = since(11);
  p.eager_task_factory = since(12);
  p.frames_below = since(12) ? VersionProfile::FramesBelow{2, 2, 1, 3, 0}
                             : VersionProfile::FramesBelow{3, since(11) ? 2 : 1, 1, 4, 1};
  p.sleep_rejects_nan = since(13);
  p.future_result_restores_traceback = since(10);
  p.task_group = since(11);
  p.run_shuts_down_default_executor = since(9);
  p.wait_for_uses_timeout = since(12);
  p.gather_done_children_inline = since(12);
  p.future_repr_recursion = since(11)  ? FutureReprRecursion::ReprEllipsis
                            : since(8) ? FutureReprRecursion::ResultEllipsis
                                       : FutureReprRecursion::Unguarded;
  p.gather_done_callback = minor == 9 ? "_gather.<locals>._done_callback" : "gather.<locals>._done_callback";
  p.named_create_task_uses_number = since(8) && until(12);
  p.wait_accepts_coroutines = until(10);
  p.wait_warns_coroutines = since(9) && until(10);
  p.queue_shutdown = since(13);
  p.task_class_methods = until(8);
  p.task_class_methods_warn = since(8) && until(8);
  p.lock_legacy_context_manager = until(8);
  p.wait_empty_message = since(11) ? kEmptyTasks : kEmptyCoroutines;
  p.wait_for_cancel_waits = since(8);
  p.wait_for_returns_result_after_cancel = since(9);
  p.timeout_inserts_timeout_error = since(13);
  p.semaphore_design = since(13) ? S::HandOffWakeMany : since(10) ? S::HandOff : since(9) ? S::WakeupScheduled : S::PopOnWake;
  p.language.inline_comprehensions = since(12);
  p.language.iteration_at_iterable = since(13);
  p.language.constant_set_displays_folded = since(9);
  p.language.constant_frozensets_rebuilt = since(8);
  p.language.throw_chains_handled_exception = since(9);
  p.task_keeps_cancelled_error = since(11);
  p.cancelled_error_chains_kept = since(9) && !since(11);
  p.task_group_names_task_at_creation = since(13);
  p.task_group_handles_done_task_at_once = since(12);
  p.task_group_closes_refused_coroutine = since(13);
  p.task_group_matches_cancelled_subclasses = since(13);
  p.task_group_uncancels_parent_after_wait = since(13);
  p.task_group_recancels_parent = since(13);
  p.task_wakeup_is_method = since(10);
  p.main_path_absolute = since(9);
  p.loop_bound_on_first_use = since(10);
  p.set_event_loop_checks_type = since(11);
  p.get_event_loop_warns = since(12);
  p.uncancel_clears_must_cancel = since(13);
  p.wrap_awaitable_is_local = since(12);
  p.ensure_future_closes_coroutine = since(10);
  p.runtime.throw_signature_deprecated = since(12);
  p.random_choice_indexes_empty = since(9) && until(10);
  p.random_normal_defaults = since(11);
  p.random_choices_total_checked = since(9);
  p.generators_are_coroutines = until(11);
  p.condition_renotifies = since(13);
  p.to_thread = since(9);
  p.dataclass_error_names_default = since(13);
  p.future_loop_mismatch = since(8) ? "The future belongs to a different loop than the one specified as the loop argument"
                                    : "loop argument must agree with Future";
  p.language.cannot_access_wording = since(11);
  p.language.qualname_in_call_errors = since(10);
  p.language.name_suggestions = since(10);
  p.language.self_and_import_suggestions = since(12);
  p.language.traceback_carets = since(11);
  p.language.traceback_call_carets = since(13);
  p.language.assert_raise_at = since(13)   ? lang::AssertRaiseAt::Test
                               : since(12) ? lang::AssertRaiseAt::Statement
                               : since(11) ? lang::AssertRaiseAt::LastCompare
                                           : lang::AssertRaiseAt::Statement;
  p.language.command_source_shown = since(13);
  p.language.warning_file_from_globals = until(7);
  p.runtime.stream_encoding_name = until(7) ? "UTF-8" : "utf-8";
  p.language.unawaited_agen_method_warns = since(13);
  p.language.context_manager_type_errors = since(11);
  p.language.async_with_looks_up_aexit_first = until(8);
  p.ints.limit_message_says_digits = since(11);
  p.ints.pow_modular_inverse = since(8);
  p.ints.modulo_by_zero_wording = since(11);
  p.iscoroutinefunction_unwraps_partial = since(8);
  p.recursion_depth_counts_builtin_call = !since(12);
  p.int_argument_legacy_wording = !since(10);
  p.loop_parameter = since(11)  ? LoopParameter::Removed
                     : since(10) ? LoopParameter::RemovedWithHint
                     : since(9)  ? LoopParameter::Deprecated
                     : since(8)  ? LoopParameter::DeprecatedWhenUsed
                                 : LoopParameter::Accepted;
  p.async_iteration_builtins = since(10);
  p.exception_group_builtins = since(11);
  p.encoding_warning_builtin = since(10);
  p.qualname_in_noargs_errors = since(9);
  p.exception_handler_catches_base_exceptions = since(8);
  p.language.shutdown_warnings_at_sys0 = since(13);
  p.keyboard_interrupt_exits_by_sigint = since(8);
  p.runner_handles_sigint = since(11);
  p.run_checks_main_in_runner = since(11);
  p.timer_handle_orders_any_operand = !since(9);
  p.async_generator_cm_exit_returns_none = !since(9);
  p.language.while_jump_at_statement = since(11) && !since(12);
  p.language.same_line_pass_located = since(13);
  p.language.decorator_calls_at_statement = since(8) && until(10);
  p.language.relative_import_beyond_top_import_error = since(9);
  p.language.with_calls_at = since(13)  ? lang::WithCallsAt::ContextExpr
                              : since(10) ? lang::WithCallsAt::Statement
                              : since(8)  ? lang::WithCallsAt::CodeBefore
                                          : lang::WithCallsAt::BodyEnd;
  p.language.jump_breaker_unwinds_from_target = since(11) && !since(13);
  p.language.zero_width_mark_keeps_margin = since(13);
  p.language.uncaught_class_naming = since(11)  ? lang::UncaughtClassNaming::AsTracebackModule
                            : since(9)  ? lang::UncaughtClassNaming::ModuleAndQualname
                                        : lang::UncaughtClassNaming::ModuleAndName;
  p.stderr_line_buffered = since(9);
  p.create_task_takes_context = since(11);
  p.task_factory_sets_name_always = since(13);
  p.task_get_context = since(12);
  p.generic_alias_classes = since(9);
  p.contextvars_types_in_private_module = since(10);
  p.ints.chr_argument = since(13) ? C::AnyInt : since(8) ? C::CInt : C::SignedIntFormat;
  p.runtime.super_type_article = since(11);
  p.runtime.super_obj_detail = since(13);
  p.runtime.dict_union = since(9);
  p.runtime.builtin_generics = since(9);
  p.runtime.type_subscript_names_type = since(11);
  p.runtime.zip_strict = since(10);
  p.runtime.number_str_is_repr = since(8);
  p.runtime.str_index_names_type = since(11);
  p.runtime.slice_hashable = since(12);
  p.runtime.format_negative_zero = since(11);
  p.runtime.no_dict_hint = since(13);
  p.runtime.unset_slot_names_object = since(10);
  p.runtime.mro_error_one_line = since(13);
  p.runtime.sum_floats_compensated = since(12);
  p.runtime.arg_count_singular = since(8);
  p.runtime.str_hash = since(11) ? runtime::StrHashAlgorithm::SipHash13 : runtime::StrHashAlgorithm::SipHash24;
  p.runtime.none_hash_constant = since(12);
  p.runtime.tuple_hash_xxhash = since(8);
  p.runtime.char_format_big_int_overflows = since(10);
  p.runtime.version_bit = static_cast<std::uint8_t>(1 << (minor - 7));
  p.runtime.real_number_wording = since(10);
  p.runtime.property_refusal_wording = since(11)   ? runtime::PropertyRefusalWording::Owner
                                       : since(10) ? runtime::PropertyRefusalWording::Named
                                                   : runtime::PropertyRefusalWording::Bare;
  p.runtime.blank_float_wording = since(10) ? runtime::BlankFloatWording::Repr
                                  : since(8) ? runtime::BlankFloatWording::StrippedQuoted
                                             : runtime::BlankFloatWording::Bare;
  p.runtime.min_max_iterable_wording = since(12);
  p.runtime.isinstance_union_wording = since(10);
  p.runtime.method_errors_qualified = since(9);
  p.runtime.dict_reversible = since(8);
  p.runtime.zip_names_argument = until(7);
  p.runtime.float_floordiv_own_wording = since(9);
  p.runtime.float_modulo_by_zero_wording = since(13);
  p.runtime.format_replacement_index_wording = since(8);
  p.runtime.clinic_names_arguments = since(8);
  p.runtime.str_new_names_arguments = since(10);
  p.runtime.int_bytes_defaults = since(11);
  p.runtime.call_unpack_function_str = since(9);
  p.runtime.capitalize_titlecases = since(8);
  p.runtime.keyword_suggestions = since(13);
  p.runtime.set_reuses_dummy = minor != 9;
  p.runtime.abstract_class_wording = since(12)  ? runtime::AbstractClassWording::WithoutAnImplementation
                                     : since(9) ? runtime::AbstractClassWording::AbstractMethodSingular
                                                : runtime::AbstractClassWording::AbstractMethods;
  p.language.match_class_wording = since(12);
  p.asyncio_coroutine_decorator = until(10);
  p.coroutine_decorator_deprecated = since(8);
  p.micro = std::array{16, 18, 18, 13, 7, 1, 0}[minor - 7];
  p.runpy_main_line = std::array{193, 194, 197, 196, 198, 198, 198}[minor - 7];
  p.runpy_main_text = until(7) ? "\"__main__\", mod_spec)" : until(10) ? "return _run_code(code, main_globals, None," : "";
  p.runpy_code_line = std::array{85, 87, 87, 86, 88, 88, 88}[minor - 7];
  p.exception_display_flushes_stderr = since(8);
  // The tokenizer, the parser and how they report errors (lang::SyntaxFeatures).
  p.language.syntax.display = since(13) ? Y::Traceback : since(10) ? Y::CRanges : since(9) ? Y::C : Y::Pgen;
  p.language.syntax.parser = since(12) ? G::Peg312 : since(10) ? G::Peg310 : since(9) ? G::Peg39 : since(8) ? G::Pgen38 : G::Pgen37;
  p.language.syntax.null_bytes_rejected = since(11);
  p.language.syntax.null_line_dedents = since(11);
  p.language.syntax.str_literal_stops_second_pass = since(11) && until(11);
  p.language.syntax.future_refuses_late_import_on_its_line = until(11);
  p.language.syntax.null_line_is_blank = until(9);
  p.language.syntax.recoded_null_is_token = since(10) && until(10);
  p.language.syntax.positional_only_params = since(8);
  p.language.syntax.continuation_in_indentation = since(9);
  p.language.syntax.continued_indentation_at_backslash = since(10);
  p.language.syntax.pep263_url = since(11) ? kPep263 : since(9) ? kPep263Https : kPep263Old;
  p.language.syntax.non_utf8_names_next_line = since(10) && until(10);
  p.language.syntax.codec_registry = minor - 7;
  p.language.syntax.assignment_expressions = since(8);
  p.language.syntax.parenthesized_with_items = since(9);
  p.language.syntax.relaxed_decorators = since(9);
  p.language.syntax.match_statement = since(10);
  p.language.syntax.except_star = since(11);
  p.language.syntax.type_parameters = since(12);
  p.language.syntax.def_expects_parenthesis = since(11);
  p.language.syntax.parenthesized_parameters_named = since(11);
  p.language.syntax.assignment_expression_in_subscript = since(10);
  p.language.syntax.starred_subscripts = since(11);
  p.language.syntax.import_from_hint = since(12);
  p.language.syntax.import_expects_names = since(13);
  p.language.syntax.int_limit_says_digits = p.ints.limit_message_says_digits;
  p.language.syntax.fstring_debug_specifier = since(8);
  p.language.syntax.starred_argument_assignment = since(12);
  p.language.syntax.invalid_star_expression = since(13);
  using Syntax = lang::SyntaxFeatures;
  p.language.syntax.duplicate_argument_at = since(10) ? Syntax::DuplicateArgumentAt::Parameter
                                            : since(8) ? Syntax::DuplicateArgumentAt::Def
                                                       : Syntax::DuplicateArgumentAt::FirstDecorator;
  p.language.syntax.star_after_keywords = since(13)   ? Syntax::StarAfterKeywords::FromComma
                                          : since(11) ? Syntax::StarAfterKeywords::Star
                                          : since(10) ? Syntax::StarAfterKeywords::Arguments
                                          : since(9)  ? Syntax::StarAfterKeywords::FurthestToken
                                                      : Syntax::StarAfterKeywords::AstError;
  p.language.syntax.parser_errors_in_bytes = since(9) && until(12);
  p.language.syntax.default_except_at = since(10)  ? Syntax::DefaultExceptAt::Handler
                                        : since(8) ? Syntax::DefaultExceptAt::LastStatement
                                                   : Syntax::DefaultExceptAt::LastExpression;
  p.language.syntax.async_comprehension_error_at = since(10) ? lang::SyntaxFeatures::AsyncComprehensionErrorAt::Node
                                                   : since(8) ? lang::SyntaxFeatures::AsyncComprehensionErrorAt::LineZero
                                                              : lang::SyntaxFeatures::AsyncComprehensionErrorAt::LineStart;
  p.language.syntax.await_makes_scope_async = until(10);
  p.language.syntax.number_before_keyword_warns = since(11);
  p.language.syntax.invalid_escape_warns = since(12);
  p.language.compiler_warnings.literal_misuse = since(8);
  p.language.compiler_warnings.is_names_literal_type = since(12);
  p.language.compiler_warnings.assert_constant_tuple = since(10);
  p.language.compiler_warnings.extended_slice_unchecked = until(8);
  p.language.compiler_warnings.dead_branches_unchecked = until(7);
  return p;
}

constexpr std::array<VersionProfile, 7> kProfiles{make_profile(7),  make_profile(8),  make_profile(9), make_profile(10),
                                                  make_profile(11), make_profile(12), make_profile(13)};

// "whatif": 3.12 in every respect but as_completed's design.
constexpr VersionProfile kWhatIf = [] {
  VersionProfile p = kProfiles[5];
  p.label = "whatif";
  p.as_completed_design = D::WhatIfFutures;
  return p;
}();
static_assert(kProfiles[5].minor == 12);

}  // namespace

std::span<const VersionProfile> all_profiles() {
  return kProfiles;
}

const VersionProfile* find_profile(std::string_view label) {
  for (const auto& p : kProfiles)
    if (p.label == label) return &p;
  if (label == kWhatIf.label) return &kWhatIf;
  return nullptr;
}

bool is_cpython(const VersionProfile& p) {
  return p.as_completed_design != AsCompletedDesign::WhatIfFutures;
}

std::string display_name(const VersionProfile& p) {
  if (!is_cpython(p)) return "what-if (not CPython)";
  return "Python " + std::string(p.label);
}

const VersionProfile& profile(std::string_view label) {
  if (auto* p = find_profile(label)) return *p;
  throw std::invalid_argument("unknown Python version '" + std::string(label) +
                              "': asim models 3.7 to 3.13");
}

}  // namespace asim::asyncio
