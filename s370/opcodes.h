// The one declarative opcode table. Every S/370 instruction is one row:
// opcode, mnemonic, format, handler and its class under CP (privileged,
// sensitive). Dispatch, the disassembler, the trace, the assembler and CP's
// trap list all read this table; nothing about an opcode is written twice.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>

#include "s370/types.h"

namespace s370 {

class Cpu;
using Handler = void (*)(Cpu&, const u8* ip);

// Instruction formats (Principles of Operation, chapter 5, "Instructions"),
// split by operand shape where the assembler must tell them apart.
enum class Format : u8 {
  RR,    // op R1,R2
  RR_M,  // op M1,R2            BCR
  RR_R,  // op R1               SPM
  RR_I,  // op I                SVC
  RX,    // op R1,D2(X2,B2)
  RX_M,  // op M1,D2(X2,B2)     BC
  RS,    // op R1,R3,D2(B2)
  RS_M,  // op R1,M3,D2(B2)     ICM, STCM, CLM
  RS_R,  // op R1,D2(B2)        shifts
  SI,    // op D1(B1),I2
  S,     // op D2(B2)
  S0,    // op                 (no operand: PTLB, CONCS...)
  SS_L,  // op D1(L,B1),D2(B2)
  SS_LL, // op D1(L1,B1),D2(L2,B2)
  SS_R,  // op D1(R1,B1),D2(B2),R3   MVCK, MVCP, MVCS
  SS_I,  // op D1(L1,B1),D2(B2),I3   SRP
  RRE,   // op R1,R2 with a 2-byte opcode (R1, R2 in byte 3)   DXR, IPTE
  SSE,   // op D1(B1),D2(B2) with a 2-byte opcode               TPROT
};

// How the opcode is matched: one byte; two bytes (X'B2xx' or X'E5xx'); or
// one byte plus bit 15, which tells SIO from SIOF, TIO from CLRIO, HIO
// from HDV.
enum class OpKind : u8 { Byte, Byte2, Bit15 };

// Instruction class, as the Principles' chapters divide them.
enum class OpClass : u8 { General, Decimal, Float, Control, Io };

struct OpInfo {
  u16 opcode;  // Byte: X'00nn'; Byte2: X'B2nn' or X'E5nn'; Bit15: X'9C00'/X'9C01'...
  OpKind kind;
  std::string_view mnemonic;
  Format format;
  OpClass cls;
  bool privileged;  // privileged-operation exception in the problem state
  bool sensitive;   // semi-privileged or otherwise of concern to CP
  Handler handler;
  // False for instructions of an optional facility this machine does not
  // have (direct control, dual-address space): the assembler and the
  // disassembler know them, execution is an operation exception.
  bool installed = true;
};

// Every row, in opcode order.
std::span<const OpInfo> opcode_table();

// Instruction length in bytes from the first opcode byte (bits 0-1).
constexpr int insn_length(u8 op) { return op < 0x40 ? 2 : op < 0xC0 ? 4 : 6; }

// The row for the instruction whose first bytes are ip[0], ip[1]; nullptr
// when the opcode is not assigned.
const OpInfo* lookup(const u8* ip);
const OpInfo* lookup(std::string_view mnemonic);
// A row's position in opcode_table(): a dense index for per-instruction
// counters (CP's traps by mnemonic).
std::size_t row_index(const OpInfo& op);

// The dispatch tables built from the rows: one for the supervisor state,
// one for the problem state (privileged rows replaced by a handler raising
// the privileged-operation exception). Unassigned opcodes raise the
// operation exception. Immutable after construction.
struct DispatchTables {
  Handler supervisor[256];
  Handler problem[256];
  Handler b2_supervisor[256];  // second byte of X'B2xx'
  Handler b2_problem[256];
  Handler e5_supervisor[256];  // second byte of X'E5xx'
  Handler e5_problem[256];
  Handler bit15_supervisor[4][2];  // X'9C'..X'9F', bit 15
  Handler bit15_problem[4][2];
};
const DispatchTables& dispatch_tables();

}  // namespace s370
