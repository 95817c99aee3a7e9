// Scopes of names, as CPython's Python/symtable.c decides them: one
// SymtableEntry per module, function, lambda, class body and comprehension
// (comprehensions get their own scope, as in 3.11), and for each name in it
// whether it is local, global (declared or implied), free (from an enclosing
// function) or a cell (local, and used by a nested function).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/lang/ast.hpp"

namespace asim::lang {

enum class NameScope : std::uint8_t { Local, GlobalExplicit, GlobalImplicit, Free, Cell };

// What a block does with a name (symtable.h's DEF_* flags).
enum SymbolFlag : std::uint32_t {
  kDefGlobal = 0x1,
  kDefLocal = 0x2,
  kDefParam = 0x4,
  kDefNonlocal = 0x8,
  kUse = 0x10,
  kDefAnnot = 0x20,      // an annotated name, `(x): int` excepted
  kDefFreeClass = 0x40,  // free in a method and bound in the class body
  kDefImport = 0x80,
  kDefCompIter = 0x100,  // a comprehension's iteration variable
  kDefBound = kDefLocal | kDefParam | kDefImport,
};

struct SymtableEntry {
  enum class Kind { Module, Function, Class, Comprehension };

  Kind kind;
  std::string name;  // "f", "<lambda>", "<listcomp>", "C", "top"
  Loc loc;
  const void* node = nullptr;
  SymtableEntry* parent = nullptr;
  std::vector<SymtableEntry*> children;

  bool is_async = false;      // async def
  bool is_coroutine = false;  // async def, or a comprehension that awaits
  bool is_generator = false;  // a def whose body yields
  bool is_lambda = false;
  bool nested = false;        // inside a function
  bool generator_exp = false; // a comprehension from a generator expression
  bool needs_class_closure = false;  // a class whose methods use __class__ (zero-argument super())
  int comp_iter_expr = 0;  // comprehension iterables being visited in it (ste_comp_iter_expr)

  // Names in first-seen order, their flags and, after analysis, their scope.
  std::vector<std::string> names;
  std::unordered_map<std::string, std::uint32_t> flags;
  std::unordered_map<std::string, NameScope> scopes;
  std::vector<std::string> params;  // in co_varnames order

  bool function_like() const { return kind == Kind::Function || kind == Kind::Comprehension; }
  NameScope scope_of(const std::string& name) const;
  std::uint32_t flags_of(const std::string& name) const;
};

class SymbolTable {
 public:
  // Builds and analyzes the table for a module; throws lang::Diagnostic for
  // the SyntaxErrors CPython's symtable raises (global/nonlocal misuse).
  static std::unique_ptr<SymbolTable> build(const ast::Module& module);

  SymtableEntry* top() const { return top_; }
  // The entry of a FunctionDef, Lambda, ClassDef or comprehension node.
  SymtableEntry* lookup(const void* node) const;

 private:
  friend class SymtableBuilder;
  std::vector<std::unique_ptr<SymtableEntry>> entries_;
  std::unordered_map<const void*, SymtableEntry*> by_node_;
  SymtableEntry* top_ = nullptr;
};

}  // namespace asim::lang
