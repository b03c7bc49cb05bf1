// General instructions (Principles of Operation, chapter 7, "General
// Instructions"): the ones the run loop does not expand in place (those are
// in general.h): multiply and divide, the long and the rarer moves,
// compares and shifts, EXECUTE, SVC, MONITOR CALL, COMPARE AND SWAP.
#include <algorithm>
#include <cstring>

#include "s370/general.h"
#include "s370/instructions.h"

namespace s370::insn {

// ---- Branching -----------------------------------------------------------------

void ex(Cpu& c, const u8* ip) {
  // EXECUTE (chapter 7): the target must be at an even address; bits 8-15
  // of the target are ORed with bits 24-31 of R1 (unless R1 is 0).
  RX f(c, ip);
  if (f.addr.v & 1) c.program_check(pgm::kSpecification);
  u8 buf[6];
  Span s = c.span(f.addr, 2, Access::Instruction);
  buf[0] = s[0];
  buf[1] = s[1];
  const int len = insn_length(buf[0]);
  if (len > 2) {
    Span t = c.span(f.addr + 2, len - 2, Access::Instruction);
    for (int i = 0; i < len - 2; i++) buf[2 + i] = t[i];
  }
  if (f.r1) buf[1] |= static_cast<u8>(c.gpr[f.r1]);
  c.execute_target(buf);
}

void svc(Cpu& c, const u8* ip) { c.supervisor_call(ip[1]); }

void spm(Cpu& c, const u8* ip) {
  // SET PROGRAM MASK: bits 2-3 of R1 to the condition code, 4-7 to the mask.
  const u32 v = c.gpr[RR(ip).r1];
  c.psw.cc = (v >> 28) & 3;
  c.psw.progmask = (v >> 24) & 0xF;
}

void mc(Cpu& c, const u8* ip) {
  // MONITOR CALL: I2 bits 0-3 must be zero; class in bits 4-7 is enabled by
  // CR8 bit 16+class. The class goes to X'94'-X'95' and the monitor code to
  // X'9C'-X'9F', each with zeros on the left, in both modes.
  SI f(c, ip);
  if (f.i2 & 0xF0) c.program_check(pgm::kSpecification);
  const int cls = f.i2 & 0xF;
  if (c.cr[8] & (0x8000u >> cls)) {
    c.real_write16(RealAddr(0x94), static_cast<u16>(cls));
    c.real_write32(RealAddr(0x9C), f.addr.v);
    c.program_check(pgm::kMonitorEvent);
  }
}

// ---- Loading and storing ---------------------------------------------------------

void lcr(Cpu& c, const u8* ip) {
  RR f(ip);
  const u32 v = c.gpr[f.r2];
  c.gpr[f.r1] = 0u - v;
  if (v == 0x80000000) return fixed_overflow(c);
  c.psw.cc = cc_signed(static_cast<i32>(c.gpr[f.r1]));
}
void lpr(Cpu& c, const u8* ip) {
  RR f(ip);
  const u32 v = c.gpr[f.r2];
  c.gpr[f.r1] = static_cast<i32>(v) < 0 ? 0u - v : v;
  if (v == 0x80000000) return fixed_overflow(c);
  c.psw.cc = c.gpr[f.r1] ? 2 : 0;
}
void lnr(Cpu& c, const u8* ip) {
  RR f(ip);
  const u32 v = c.gpr[f.r2];
  c.gpr[f.r1] = static_cast<i32>(v) > 0 ? 0u - v : v;
  c.psw.cc = c.gpr[f.r1] ? 1 : 0;
}

// LM and STM of registers r1..15, then 0..r3, the operand at host address
// p (general.h): two runs of straight-line code. (The run loop's copies
// move the usual STM 14,12,12(13) and LM 14,12,12(13) in line.)
void lm_wrapped(Cpu& c, const u8* p, u32 r1, u32 r3) {
  load_words(c.gpr + r1, p, 15 - r1);
  load_words(c.gpr, p + 4 * (16 - r1), r3);
}
void stm_wrapped(Cpu& c, u8* p, u32 r1, u32 r3) {
  store_words(p, c.gpr + r1, 15 - r1);
  store_words(p + 4 * (16 - r1), c.gpr, r3);
}

// The general paths of LM and STM (general.h): any operand the access TLB
// does not hold in one block.
void lm_general(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = ((f.r3 - f.r1) & 15) + 1;
  Span s = c.span(f.addr, 4 * n, Access::Fetch);
  for (u32 i = 0, r = f.r1; i < n; i++, r = (r + 1) & 15)
    c.gpr[r] = (u32{s[4 * i]} << 24) | (u32{s[4 * i + 1]} << 16) | (u32{s[4 * i + 2]} << 8) | s[4 * i + 3];
}
void stm_general(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = ((f.r3 - f.r1) & 15) + 1;
  Span s = c.span(f.addr, 4 * n, Access::Store);
  for (u32 i = 0, r = f.r1; i < n; i++, r = (r + 1) & 15)
    for (u32 k = 0; k < 4; k++) s[4 * i + k] = static_cast<u8>(c.gpr[r] >> (24 - 8 * k));
  c.stored(f.addr, 4 * n);
}

// ---- Fixed-point arithmetic ------------------------------------------------------

namespace {
void multiply(Cpu& c, int r1, u32 b) {
  require_even(c, r1);
  const i64 p = i64{static_cast<i32>(c.gpr[r1 + 1])} * static_cast<i32>(b);
  c.gpr[r1] = static_cast<u32>(static_cast<u64>(p) >> 32);
  c.gpr[r1 + 1] = static_cast<u32>(p);
}

void divide(Cpu& c, int r1, u32 divisor) {
  // The dividend is the 64-bit pair R1, R1+1; remainder to R1, quotient to
  // R1+1. A quotient that does not fit, or a zero divisor, is a fixed-
  // point divide exception and changes nothing.
  require_even(c, r1);
  const i64 dividend = static_cast<i64>((u64{c.gpr[r1]} << 32) | c.gpr[r1 + 1]);
  const i64 d = static_cast<i32>(divisor);
  if (d == 0) c.program_check(pgm::kFixedDivide);
  if (dividend == INT64_MIN && d == -1) c.program_check(pgm::kFixedDivide);
  const i64 q = dividend / d, r = dividend % d;
  if (q > INT32_MAX || q < INT32_MIN) c.program_check(pgm::kFixedDivide);
  c.gpr[r1] = static_cast<u32>(r);
  c.gpr[r1 + 1] = static_cast<u32>(q);
}
}  // namespace

void mr(Cpu& c, const u8* ip) {
  RR f(ip);
  multiply(c, f.r1, c.gpr[f.r2]);
}
void m(Cpu& c, const u8* ip) {
  RX f(c, ip);
  require_even(c, f.r1);
  multiply(c, f.r1, c.read32(f.addr));
}
void mh(Cpu& c, const u8* ip) {
  RX f(c, ip);
  const i64 p = i64{static_cast<i32>(c.gpr[f.r1])} * halfword(c, f.addr);
  c.gpr[f.r1] = static_cast<u32>(p);  // the low-order 32 bits; no overflow
}
void dr(Cpu& c, const u8* ip) {
  RR f(ip);
  divide(c, f.r1, c.gpr[f.r2]);
}
void d(Cpu& c, const u8* ip) {
  RX f(c, ip);
  require_even(c, f.r1);
  divide(c, f.r1, c.read32(f.addr));
}

// ---- Logical operations ------------------------------------------------------------

void ts(Cpu& c, const u8* ip) {
  S f(c, ip);
  Span s = c.span(f.addr, 1, Access::Store);
  c.psw.cc = s[0] >> 7;
  s[0] = 0xFF;
  c.stored(f.addr, 1);
}

void mvn(Cpu& c, const u8* ip) {
  ss_bytes(c, ip, [](u8 d, u8 s) { return static_cast<u8>((d & 0xF0) | (s & 0x0F)); });
}

void mvz(Cpu& c, const u8* ip) {
  ss_bytes(c, ip, [](u8 d, u8 s) { return static_cast<u8>((d & 0x0F) | (s & 0xF0)); });
}

void mvcin(Cpu& c, const u8* ip) {
  // MOVE INVERSE: the second operand address designates its rightmost byte.
  SS f(c, ip);
  const u32 n = f.l + 1u;
  const VirtAddr src(f.a2.v - f.l);
  Span d = c.span(f.a1, n, Access::Store);
  Span s = c.span(src, n, Access::Fetch);
  for (u32 i = 0; i < n; i++) d[i] = s[n - 1 - i];
  c.stored(f.a1, n);
}

void trt(Cpu& c, const u8* ip) {
  // TRANSLATE AND TEST: stops at the first nonzero function byte; its
  // argument's address goes to R1 bits 8-31 and the function byte to R2
  // bits 24-31. cc 0 all zero, 1 stopped early, 2 stopped on the last byte.
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span s = c.span(f.a1, n, Access::Fetch);
  Span t = c.span(f.a2, 256, Access::Fetch);
  for (u32 i = 0; i < n; i++) {
    const u8 fn = t[s[i]];
    if (fn) {
      c.gpr[1] = (c.gpr[1] & 0xFF000000) | ((f.a1.v + i) & kAddrMask);
      c.gpr[2] = (c.gpr[2] & 0xFFFFFF00) | fn;
      c.psw.cc = i == n - 1 ? 2 : 1;
      return;
    }
  }
  c.psw.cc = 0;
}

// The general paths of CLC and TR (general.h): an operand the access TLB
// does not hold in one block, or TR's table overlapping its argument. Byte
// by byte, left to right, as the Principles define them.
void clc_general(Cpu& c, const u8* ip) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span a = c.span(f.a1, n, Access::Fetch);
  Span b = c.span(f.a2, n, Access::Fetch);
  c.psw.cc = 0;
  for (u32 i = 0; i < n; i++) {
    if (a[i] != b[i]) {
      c.psw.cc = a[i] < b[i] ? 1 : 2;
      return;
    }
  }
}

void tr_general(Cpu& c, const u8* ip) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span t = c.span(f.a2, 256, Access::Fetch);
  for (u32 i = 0; i < n; i++) d[i] = t[d[i]];
  c.stored(f.a1, n);
}

// ---- Shifts ----------------------------------------------------------------------

void sldl(Cpu& c, const u8* ip) {
  RS f(c, ip);
  require_even(c, f.r1);
  const u32 n = f.addr.v & 63;
  u64 v = (u64{c.gpr[f.r1]} << 32) | c.gpr[f.r1 + 1];
  v = n > 63 ? 0 : v << n;
  c.gpr[f.r1] = static_cast<u32>(v >> 32);
  c.gpr[f.r1 + 1] = static_cast<u32>(v);
}
void srdl(Cpu& c, const u8* ip) {
  RS f(c, ip);
  require_even(c, f.r1);
  const u32 n = f.addr.v & 63;
  u64 v = (u64{c.gpr[f.r1]} << 32) | c.gpr[f.r1 + 1];
  v >>= n;
  c.gpr[f.r1] = static_cast<u32>(v >> 32);
  c.gpr[f.r1 + 1] = static_cast<u32>(v);
}
void srda(Cpu& c, const u8* ip) {
  RS f(c, ip);
  require_even(c, f.r1);
  const u32 n = f.addr.v & 63;
  const i64 v = static_cast<i64>((u64{c.gpr[f.r1]} << 32) | c.gpr[f.r1 + 1]) >> n;
  c.gpr[f.r1] = static_cast<u32>(static_cast<u64>(v) >> 32);
  c.gpr[f.r1 + 1] = static_cast<u32>(v);
  c.psw.cc = v == 0 ? 0 : v < 0 ? 1 : 2;
}
void slda(Cpu& c, const u8* ip) {
  RS f(c, ip);
  require_even(c, f.r1);
  const u32 n = f.addr.v & 63;
  const u64 v = (u64{c.gpr[f.r1]} << 32) | c.gpr[f.r1 + 1];
  const u64 sign = v & 0x8000000000000000ull;
  u64 num = v & 0x7FFFFFFFFFFFFFFFull;
  bool ovf = false;
  for (u32 i = 0; i < n; i++) {
    if (((num >> 62) & 1) != (sign >> 63)) ovf = true;
    num = (num << 1) & 0x7FFFFFFFFFFFFFFFull;
  }
  const u64 r = sign | num;
  c.gpr[f.r1] = static_cast<u32>(r >> 32);
  c.gpr[f.r1 + 1] = static_cast<u32>(r);
  if (ovf) return fixed_overflow(c);
  const i64 sr = static_cast<i64>(r);
  c.psw.cc = sr == 0 ? 0 : sr < 0 ? 1 : 2;
}

// ---- Compare and swap ---------------------------------------------------------------

void cs(Cpu& c, const u8* ip) {
  RS f(c, ip);
  if (f.addr.v & 3) c.program_check(pgm::kSpecification);
  Span s = c.span(f.addr, 4, Access::Store);
  const u32 v = load_be32(&s[0]);
  if (v == c.gpr[f.r1]) {
    store_be32(&s[0], c.gpr[f.r3]);
    c.stored(f.addr, 4);
    c.psw.cc = 0;
  } else {
    c.gpr[f.r1] = v;
    c.psw.cc = 1;
  }
}

void cds(Cpu& c, const u8* ip) {
  RS f(c, ip);
  if ((f.r1 & 1) || (f.r3 & 1) || (f.addr.v & 7)) c.program_check(pgm::kSpecification);
  Span s = c.span(f.addr, 8, Access::Store);
  const u64 v = load_be64(&s[0]);
  const u64 cmp = (u64{c.gpr[f.r1]} << 32) | c.gpr[f.r1 + 1];
  if (v == cmp) {
    store_be64(&s[0], (u64{c.gpr[f.r3]} << 32) | c.gpr[f.r3 + 1]);
    c.stored(f.addr, 8);
    c.psw.cc = 0;
  } else {
    c.gpr[f.r1] = static_cast<u32>(v >> 32);
    c.gpr[f.r1 + 1] = static_cast<u32>(v);
    c.psw.cc = 1;
  }
}

// ---- Long moves and compares ------------------------------------------------------

void mvcl(Cpu& c, const u8* ip) {
  // MOVE LONG: addresses in R1 and R2, 24-bit lengths in R1+1 and R2+1,
  // padding byte in bits 0-7 of R2+1. cc compares the lengths; 3 means
  // destructive overlap and nothing is moved. The registers are updated as
  // the move goes, so an access exception leaves them showing how far it
  // got (the instruction is interruptible at each 2K block).
  RR f(ip);
  require_even(c, f.r1);
  require_even(c, f.r2);
  u32 a1 = c.gpr[f.r1] & kAddrMask, a2 = c.gpr[f.r2] & kAddrMask;
  u32 l1 = c.gpr[f.r1 + 1] & kAddrMask, l2 = c.gpr[f.r2 + 1] & kAddrMask;
  const u8 pad = static_cast<u8>(c.gpr[f.r2 + 1] >> 24);
  const u8 cc = l1 == l2 ? 0 : l1 < l2 ? 1 : 2;
  // The address registers get zeros in bits 0-7; the length registers
  // keep theirs. Hercules does this for cc 3 too, where nothing moves.
  auto update = [&] {
    c.gpr[f.r1] = a1;
    c.gpr[f.r2] = a2;
    c.gpr[f.r1 + 1] = (c.gpr[f.r1 + 1] & 0xFF000000) | l1;
    c.gpr[f.r2 + 1] = (c.gpr[f.r2 + 1] & 0xFF000000) | l2;
  };
  if (l1 > 1 && l2 > 1) {
    const u32 last = (a2 + (l2 < l1 ? l2 : l1) - 1) & kAddrMask;
    const bool overlap = last > a2 ? (a1 > a2 && a1 <= last) : (a1 > a2 || a1 <= last);
    if (overlap) {
      update();
      c.psw.cc = 3;
      return;
    }
  }
  constexpr u32 kBlock = 1u << Storage::kBlockShift;
  while (l1) {
    // One piece: up to the next block boundary of either operand.
    u32 n = std::min(l1, kBlock - (a1 & (kBlock - 1)));
    if (l2) n = std::min({n, l2, kBlock - (a2 & (kBlock - 1))});
    u8* d = &c.span(VirtAddr(a1), n, Access::Store)[0];
    if (l2) {
      const u8* s = &c.span(VirtAddr(a2), n, Access::Fetch)[0];
      for (u32 i = 0; i < n; i++) d[i] = s[i];
      a2 = (a2 + n) & kAddrMask;
      l2 -= n;
    } else {
      std::memset(d, pad, n);
    }
    c.stored(VirtAddr(a1), n);
    a1 = (a1 + n) & kAddrMask;
    l1 -= n;
    update();
  }
  update();
  c.psw.cc = cc;
}

void clcl(Cpu& c, const u8* ip) {
  // COMPARE LOGICAL LONG: the shorter operand is extended with the padding
  // byte (bits 0-7 of R2+1). At the first unequal byte the registers point
  // at it.
  RR f(ip);
  require_even(c, f.r1);
  require_even(c, f.r2);
  u32 a1 = c.gpr[f.r1] & kAddrMask, a2 = c.gpr[f.r2] & kAddrMask;
  u32 l1 = c.gpr[f.r1 + 1] & kAddrMask, l2 = c.gpr[f.r2 + 1] & kAddrMask;
  const u8 pad = static_cast<u8>(c.gpr[f.r2 + 1] >> 24);
  u8 cc = 0;
  auto update = [&] {
    c.gpr[f.r1] = a1;
    c.gpr[f.r2] = a2;
    c.gpr[f.r1 + 1] = (c.gpr[f.r1 + 1] & 0xFF000000) | l1;
    c.gpr[f.r2 + 1] = (c.gpr[f.r2 + 1] & 0xFF000000) | l2;
  };
  u32 since_update = 0;
  while (l1 || l2) {
    const u8 b1 = l1 ? c.read8(VirtAddr(a1)) : pad;
    const u8 b2 = l2 ? c.read8(VirtAddr(a2)) : pad;
    if (b1 != b2) {
      cc = b1 < b2 ? 1 : 2;
      break;
    }
    if (l1) a1 = (a1 + 1) & kAddrMask, l1--;
    if (l2) a2 = (a2 + 1) & kAddrMask, l2--;
    if (++since_update == 256) {
      update();
      since_update = 0;
    }
  }
  update();
  c.psw.cc = cc;
}

}  // namespace s370::insn
