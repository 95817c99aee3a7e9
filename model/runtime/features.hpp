#pragma once

#include <string_view>

#include "model/runtime/pyhash.hpp"

namespace asim::runtime {

// How object.__new__ refuses a class with abstract methods (abc).
enum class AbstractClassWording {
  AbstractMethods,          // 3.7-3.8: "with abstract methods a, f" (always plural)
  AbstractMethodSingular,   // 3.9-3.11: "with abstract method only" for one
  WithoutAnImplementation,  // 3.12+: "without an implementation for abstract method 'only'"
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
  // 3.12+: sum() of floats is compensated (Neumaier), sum([0.1, 0.2, 0.3])
  // is 0.6; before, plain addition gives 0.6000000000000001.
  bool sum_floats_compensated = true;
  // 3.8+: "list expected at most 1 argument, got 2" (_PyArg_CheckPositional);
  // 3.7 says "1 arguments".
  bool arg_count_singular = true;
  // The standard streams' encoding as their repr names it: 3.7 takes the
  // C.UTF-8 locale's name ("UTF-8"), 3.8+ normalise it.
  std::string_view stream_encoding_name = "utf-8";
  AbstractClassWording abstract_class_wording = AbstractClassWording::WithoutAnImplementation;
  // sys.hash_info.algorithm, the hash of str and bytes.
  StrHashAlgorithm str_hash = StrHashAlgorithm::SipHash13;
  // 3.12+: hash(None) is a constant; before, None's address, so the place
  // of None in a set differs from run to run.
  bool none_hash_constant = true;
  // 3.8+: tuplehash is xxHash-based; 3.7 multiplies and XORs (FNV-like).
  bool tuple_hash_xxhash = true;
};

}  // namespace asim::runtime
