#pragma once

#include <cstdint>
#include <string_view>

#include "model/runtime/pyhash.hpp"

namespace asim::runtime {

// How object.__new__ refuses a class with abstract methods (abc).
enum class AbstractClassWording {
  AbstractMethods,          // 3.7-3.8: "with abstract methods a, f" (always plural)
  AbstractMethodSingular,   // 3.9-3.11: "with abstract method only" for one
  WithoutAnImplementation,  // 3.12+: "without an implementation for abstract method 'only'"
};

// How float() of a str or bytes of only whitespace words its ValueError
// (PyOS_string_to_double reported the empty text left after stripping).
enum class BlankFloatWording : std::uint8_t {
  Bare,            // 3.7: "could not convert string to float: "
  StrippedQuoted,  // 3.8-3.9: "... to float: ''"
  Repr,            // 3.10+: the argument's repr, as for any other text
};

// How a property refuses an assignment or a `del` it has no function for.
enum class PropertyRefusalWording : std::uint8_t {
  Bare,   // 3.7-3.9: "can't set attribute", "can't delete attribute"
  Named,  // 3.10: "can't set attribute 'x'"
  Owner,  // 3.11+: "property 'x' of 'C' object has no setter" (deleter)
};

// What differs between Python versions in the builtins' own messages.
// Whoever starts a run fills it from the version profile table
// (model/asyncio/version_profile); the runtime compares no version numbers.
// The defaults are 3.12's.
struct RuntimeFeatures {
  // 3.11+: "super() argument 1 must be a type"; before, "must be type".
  bool super_type_article = true;
  // 3.13: "super(type, obj): obj (instance of int) is not an instance or
  // subtype of type (B)."; before, without the names.
  bool super_obj_detail = false;
  // 3.9+: dict | dict and dict |= iterable (PEP 584).
  bool dict_union = true;
  // 3.9+: list[int], dict[str, int]... (PEP 585); before, "'type' object is
  // not subscriptable".
  bool builtin_generics = true;
  // 3.11+: "type 'A' is not subscriptable"; before, "'type' object is not
  // subscriptable".
  bool type_subscript_names_type = true;
  // 3.10+: zip(..., strict=True).
  bool zip_strict = true;
  // 3.8+: str() of an int or float subclass instance is its repr() (int and
  // float lost their own tp_str), so a __repr__ override shows; 3.7 prints
  // the number.
  bool number_str_is_repr = true;
  // 3.13+: setting an attribute a __slots__ class has no room for says
  // "... and no __dict__ for setting new attributes".
  bool no_dict_hint = false;
  // 3.10+: reading a __slots__ member never set says "'T' object has no
  // attribute '_c'"; 3.7-3.9's member_get says the slot's name only.
  bool unset_slot_names_object = true;
  // 3.13+: the TypeError of an impossible MRO is one line; before, a line
  // break follows "resolution".
  bool mro_error_one_line = true;
  // 3.12+: sum() of floats is compensated (Neumaier), sum([0.1, 0.2, 0.3])
  // is 0.6; before, plain addition gives 0.6000000000000001.
  bool sum_floats_compensated = true;
  // 3.8+: "list expected at most 1 argument, got 2" (_PyArg_CheckPositional);
  // 3.7 says "1 arguments".
  bool arg_count_singular = true;
  // The standard streams' encoding as their repr names it: 3.7 takes the
  // C.UTF-8 locale's name ("UTF-8"), 3.8+ normalise it.
  std::string_view stream_encoding_name = "utf-8";
  // 3.10+: "a real number is required" (%d, float(), int()); before, "a
  // number".
  bool real_number_wording = true;
  BlankFloatWording blank_float_wording = BlankFloatWording::Repr;
  PropertyRefusalWording property_refusal_wording = PropertyRefusalWording::Owner;
  // 3.12+: min()/max() of nothing say "iterable argument is empty"; before,
  // "arg is an empty sequence".
  bool min_max_iterable_wording = true;
  // 3.10+: isinstance()/issubclass() name the union type their second
  // argument may also be (PEP 604).
  bool isinstance_union_wording = true;
  // 3.9+: a METH_O or METH_NOARGS method's argument count error names its
  // class ("list.append() takes exactly one argument"); before, "append()".
  bool method_errors_qualified = true;
  // 3.12+: throw(type, value[, traceback]) and athrow(...) of generators,
  // coroutines and a future's iterator warn that this signature is
  // deprecated.
  bool throw_signature_deprecated = true;
  // 3.8+: dict and its views are reversible; 3.7's reversed({}) refuses.
  bool dict_reversible = true;
  // 3.7: zip() says "zip argument #2 must support iteration"; 3.8+ let
  // iter()'s own error through.
  bool zip_names_argument = false;
  // 3.9+: float // 0 says "float floor division by zero"; before, "float
  // divmod()" (float_floor_div went through float_divmod).
  bool float_floordiv_own_wording = true;
  // 3.13+: float % 0 says "float modulo by zero"; before, "float modulo".
  bool float_modulo_by_zero_wording = false;
  // 3.8+: str.format's "Replacement index 2 out of range for positional
  // args tuple"; 3.7, the tuple's own "tuple index out of range".
  bool format_replacement_index_wording = true;
  // 3.8+: Argument Clinic's keyword parser names an argument of the wrong
  // type ("argument 'byteorder' must be str") and says "exactly" when no
  // positional argument is optional; 3.7's getargs.c gives its position
  // ("argument 2") and "at most".
  bool clinic_names_arguments = true;
  // 3.10+: str(obj, encoding, errors) is parsed as clinic's keyword parser
  // does ("argument 'encoding' must be str"); before, "argument 2".
  bool str_new_names_arguments = true;
  // 3.11+: int.to_bytes(length=1, byteorder='big') and
  // int.from_bytes(bytes, byteorder='big') have defaults.
  bool int_bytes_defaults = true;
  // 3.9+: a call's *args and **kwargs are built by LIST_EXTEND and
  // DICT_MERGE, whose errors name the callee as _PyObject_FunctionStr does
  // ("__main__.C.m() argument after ** must be a mapping") and say "Value
  // after * must be an iterable" for a starred item that is not alone;
  // 3.7-3.8's BUILD_*_UNPACK_WITH_CALL name it "m()" (PyEval_GetFuncName and
  // GetFuncDesc) for every starred item.
  bool call_unpack_function_str = true;
  // 3.8+: str.capitalize() titlecases the first character ('ǆa' -> 'ǅa');
  // 3.7 uppercases it ('Ǆa').
  bool capitalize_titlecases = true;
  // 3.13: a keyword no parameter has is "f() got an unexpected keyword
  // argument 'x'. Did you mean 'y'?" for Python functions and functions
  // Argument Clinic parses; before, clinic's "'x' is an invalid keyword
  // argument for f()" and no suggestion.
  bool keyword_suggestions = false;
  // set_add_entry reuses a dummy slot met on the way; 3.9's does not (it
  // only takes empty slots, so the table fills and resizes sooner).
  bool set_reuses_dummy = true;
  AbstractClassWording abstract_class_wording = AbstractClassWording::WithoutAnImplementation;
  // sys.hash_info.algorithm, the hash of str and bytes.
  StrHashAlgorithm str_hash = StrHashAlgorithm::SipHash13;
  // 3.12+: hash(None) is a constant; before, None's address, so the place
  // of None in a set differs from run to run.
  bool none_hash_constant = true;
  // 3.8+: tuplehash is xxHash-based; 3.7 multiplies and XORs (FNV-like).
  bool tuple_hash_xxhash = true;
  // 3.10+: '%c' of an int beyond C long is the OverflowError of any int
  // out of range; before, "%c requires int or char" (the conversion failed).
  bool char_format_big_int_overflows = true;
  // 3.11+: "string indices must be integers, not 'NoneType'"; before,
  // without the type.
  bool str_index_names_type = true;
  // 3.12+: slices are hashable (a dict lookup of one is a KeyError); before,
  // "unhashable type: 'slice'".
  bool slice_hashable = true;
  // 3.11's format spec parser: the 'z' option (PEP 682; before, 'z' is an
  // unknown format code or makes the spec invalid), and "Invalid format
  // specifier 'q.1f' for object of type 'float'" (before, without the spec).
  bool format_negative_zero = true;
  // The version's bit in the generated per-version tables (bit k: 3.(7+k),
  // model/runtime/builtin_attributes.cpp); 3.12's by default.
  std::uint8_t version_bit = 1 << 5;
};

}  // namespace asim::runtime
