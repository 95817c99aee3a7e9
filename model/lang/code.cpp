#include "model/lang/code.hpp"

#include <fmt/format.h>

namespace asim::lang {

std::string_view op_name(Op op) {
  static constexpr std::string_view names[] = {
#define ASIM_OPCODE_NAME(name) #name,
      ASIM_OPCODES(ASIM_OPCODE_NAME)
#undef ASIM_OPCODE_NAME
  };
  return names[static_cast<std::size_t>(op)];
}

runtime::Ref<CodeObject> CodeObject::with_flags(std::uint32_t new_flags) const {
  auto c = runtime::make<CodeObject>();
  c->name = name;
  c->qualname = qualname;
  c->flags = new_flags;
  c->firstlineno = firstlineno;
  c->argcount = argcount;
  c->posonlyargcount = posonlyargcount;
  c->kwonlyargcount = kwonlyargcount;
  c->varnames = varnames;
  c->cellvars = cellvars;
  c->freevars = freevars;
  c->cell2arg = cell2arg;
  c->consts = consts;
  c->names = names;
  c->code = code;
  c->positions = positions;
  c->handlers = handlers;
  c->stacksize = stacksize;
  c->patterns = patterns;
  c->source = source;
  c->doc = doc;
  return c;
}

std::string CodeObject::repr() const {
  return fmt::format("<code object {} at {}, file \"{}\", line {}>", name, address_text(),
                     source ? source->path() : "<string>", firstlineno);
}

std::string CodeObject::disassemble() const {
  std::string out = fmt::format("code {} ({}) flags={:#x} args={}/{}/{} locals={} cells={} free={} stack={}\n",
                                qualname, name, flags, posonlyargcount, argcount, kwonlyargcount,
                                fmt::join(varnames, ","), fmt::join(cellvars, ","), fmt::join(freevars, ","),
                                stacksize);
  int last_line = -1;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const Instr& in = code[i];
    const int line = positions[i].line;
    std::string note;
    switch (in.op) {
      case Op::LOAD_CONST: note = runtime::repr(consts[static_cast<std::size_t>(in.arg)]); break;
      case Op::LOAD_FAST:
      case Op::STORE_FAST:
      case Op::DELETE_FAST: note = varnames[static_cast<std::size_t>(in.arg)]; break;
      case Op::LOAD_DEREF:
      case Op::STORE_DEREF:
      case Op::DELETE_DEREF:
      case Op::LOAD_CLOSURE:
      case Op::LOAD_FROM_DICT_OR_DEREF: note = cell_name(in.arg); break;
      case Op::LOAD_GLOBAL:
      case Op::STORE_GLOBAL:
      case Op::DELETE_GLOBAL:
      case Op::LOAD_NAME:
      case Op::STORE_NAME:
      case Op::DELETE_NAME:
      case Op::LOAD_ATTR:
      case Op::LOAD_METHOD:
      case Op::STORE_ATTR:
      case Op::DELETE_ATTR:
      case Op::IMPORT_NAME:
      case Op::IMPORT_FROM:
      case Op::BUILD_CLASS: note = names[static_cast<std::size_t>(in.arg)]; break;
      default: break;
    }
    out += fmt::format("{:>4} {:>4} {:<24} {:>4}{}{}{}\n", line != last_line ? std::to_string(line) : "", i,
                       op_name(in.op), in.arg, note.empty() ? "" : " (" + note + ")",
                       in.handler != kNoHandler ? fmt::format(" [h{}]", in.handler) : "", "");
    last_line = line;
  }
  for (std::size_t h = 0; h < handlers.size(); ++h)
    out += fmt::format("  handler {}: -> {} depth {}\n", h, handlers[h].target, handlers[h].depth);
  return out;
}

}  // namespace asim::lang
