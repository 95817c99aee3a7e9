// Python's operators, shared by the syntax tree and the value operations.
#pragma once

namespace asim::runtime {

enum class BinOp { Add, Sub, Mult, Div, FloorDiv, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, MatMult };
enum class UnaryOp { Not, USub, UAdd, Invert };
enum class CmpOp { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

}  // namespace asim::runtime
