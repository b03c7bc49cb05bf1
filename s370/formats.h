// Decoding of the instruction formats (Principles of Operation, chapter 5,
// "Instruction Formats"), written once and used by every handler:
//   RR f(ip);          f.r1, f.r2
//   RX f(cpu, ip);     f.r1, f.addr (D2 + X2 + B2, register 0 meaning none)
//   RS f(cpu, ip);     f.r1, f.r3, f.addr
//   SI f(cpu, ip);     f.i2, f.addr
//   S  f(cpu, ip);     f.addr
//   SS f(cpu, ip);     f.l1, f.l2 (4-bit halves) or f.l (8-bit), f.a1, f.a2
#pragma once

#include "s370/cpu.h"

namespace s370 {

// The contents of a base or index register: register 0 means none.
inline u32 reg_or_zero(const Cpu& c, int r) {
  const u32 v = c.gpr[r];
  return r ? v : 0;
}

// The address of a base-displacement halfword at p (B in its high 4 bits,
// D in the other 12), by one load.
inline VirtAddr base_disp(const Cpu& c, const u8* p) {
  const u32 bd = load_be16(p), b = bd >> 12;
  u32 a = bd & 0xFFF;
  if (b) a += c.gpr[b];
  return VirtAddr(a);
}

struct RR {
  u32 r1, r2;
  explicit RR(const u8* ip) : r1(u32{ip[1]} >> 4), r2(u32{ip[1]} & 0xF) {}
};

// RX and RS: the register byte and the base-displacement halfword by two
// loads, the fields by shifts (unsigned, so that indexing the registers
// needs no sign extension).
//
// The base register may also be given by the caller, who has read it from
// the instruction (`b` must be ip[2] >> 4): the run loop passes it as a
// constant, so that the register's contents are loaded without waiting
// for the instruction's bytes (docs/ARCHITECTURE.md, "Branches").
struct RX {
  u32 r1;
  VirtAddr addr;
  RX(const Cpu& c, const u8* ip) : RX(c, ip, u32{ip[2]} >> 4) {}
  RX(const Cpu& c, const u8* ip, u32 b) {
    const u32 rx = ip[1], d = load_be16(ip + 2) & 0xFFF;
    r1 = rx >> 4;
    const u32 x = rx & 0xF;
    u32 a = d;
    if (x) a += c.gpr[x];
    if (b) a += c.gpr[b];
    addr = VirtAddr(a);
  }
};

struct RS {
  u32 r1, r3;
  VirtAddr addr;
  RS(const Cpu& c, const u8* ip) : RS(c, ip, u32{ip[2]} >> 4) {}
  RS(const Cpu& c, const u8* ip, u32 b) {
    const u32 rr = ip[1], d = load_be16(ip + 2) & 0xFFF;
    r1 = rr >> 4;
    r3 = rr & 0xF;
    u32 a = d;
    if (b) a += c.gpr[b];
    addr = VirtAddr(a);
  }
};

struct SI {
  u8 i2;
  VirtAddr addr;
  SI(const Cpu& c, const u8* ip) : i2(ip[1]), addr(base_disp(c, ip + 2)) {}
};

struct S {
  VirtAddr addr;
  S(const Cpu& c, const u8* ip) : addr(base_disp(c, ip + 2)) {}
};

struct SS {
  u8 l;       // bits 8-15 as one length (SS_L) ...
  u8 l1, l2;  // ... or as two 4-bit fields (SS_LL, SS_R, SS_I)
  VirtAddr a1, a2;
  SS(const Cpu& c, const u8* ip)
      : l(ip[1]), l1(ip[1] >> 4), l2(ip[1] & 0xF),
        a1(base_disp(c, ip + 2)), a2(base_disp(c, ip + 4)) {}
};

// Condition code from a signed result: 0 zero, 1 negative, 2 positive.
// Without a branch: a test and two flag reads.
inline u8 cc_signed(i32 v) { return static_cast<u8>((v < 0) | ((v > 0) << 1)); }

}  // namespace s370
