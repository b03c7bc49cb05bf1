// The disassembler: one instruction to text in the assembler's syntax,
// driven by the opcode table's format column.
#pragma once

#include <string>

#include "s370/types.h"

namespace s370 {

// Disassembles the instruction at ip (its length follows from ip[0]).
// Unassigned opcodes come out as "DC X'....'".
std::string disassemble(const u8* ip);

// Hex of the instruction bytes, e.g. "5810C004".
std::string insn_hex(const u8* ip);

}  // namespace s370
