// General instructions (Principles of Operation, chapter 7, "General
// Instructions"): fixed-point arithmetic, logical operations, branching,
// shifting, and the storage-to-storage moves and compares.
#include <algorithm>
#include <cstring>

#include "s370/formats.h"
#include "s370/instructions.h"

namespace s370::insn {

namespace {

// Fixed-point overflow (chapter 7, "Signed Binary Arithmetic"): the result
// is stored, the condition code is 3, and the interruption is taken only
// when PSW program-mask bit 36 is one.
inline void fixed_overflow(Cpu& c) {
  c.psw.cc = 3;
  if (c.psw.progmask & Psw::kPmFixedOverflow) c.program_check(pgm::kFixedOverflow);
}

inline void add_signed(Cpu& c, int r1, u32 b) {
  i32 r;
  const bool ovf = __builtin_add_overflow(static_cast<i32>(c.gpr[r1]), static_cast<i32>(b), &r);
  c.gpr[r1] = static_cast<u32>(r);
  if (ovf) [[unlikely]]
    return fixed_overflow(c);
  c.psw.cc = cc_signed(r);
}

inline void sub_signed(Cpu& c, int r1, u32 b) {
  i32 r;
  const bool ovf = __builtin_sub_overflow(static_cast<i32>(c.gpr[r1]), static_cast<i32>(b), &r);
  c.gpr[r1] = static_cast<u32>(r);
  if (ovf) [[unlikely]]
    return fixed_overflow(c);
  c.psw.cc = cc_signed(r);
}

// Unsigned binary arithmetic: cc 0 zero/no carry, 1 nonzero/no carry,
// 2 zero/carry, 3 nonzero/carry.
inline void add_logical(Cpu& c, int r1, u32 b) {
  const u64 s = u64{c.gpr[r1]} + b;
  c.gpr[r1] = static_cast<u32>(s);
  c.psw.cc = static_cast<u8>(((s >> 32) ? 2 : 0) | (static_cast<u32>(s) ? 1 : 0));
}

inline void sub_logical(Cpu& c, int r1, u32 b) {
  // a - b = a + ~b + 1; the carry out is one when no borrow occurs.
  const u64 s = u64{c.gpr[r1]} + u64{~b} + 1;
  c.gpr[r1] = static_cast<u32>(s);
  c.psw.cc = static_cast<u8>(((s >> 32) ? 2 : 0) | (static_cast<u32>(s) ? 1 : 0));
}

inline u8 cc_compare(i64 a, i64 b) { return a == b ? 0 : a < b ? 1 : 2; }
inline u8 cc_compare_u(u64 a, u64 b) { return a == b ? 0 : a < b ? 1 : 2; }

inline void require_even(Cpu& c, int r) {
  if (r & 1) c.program_check(pgm::kSpecification);
}

// The link information of BAL and BALR in the 24-bit addressing mode: ILC,
// condition code and program mask, then the updated instruction address.
inline u32 link_info(const Cpu& c) {
  return (u32{c.ilc()} << 30) | (u32{c.psw.cc} << 28) | (u32{c.psw.progmask} << 24) | c.psw.ia;
}

inline bool cond(const Cpu& c, int mask) { return (mask << c.psw.cc) & 8; }

// A halfword operand, sign-extended to 32 bits (LH, AH, SH, CH, MH).
inline i32 halfword(Cpu& c, VirtAddr a) { return static_cast<int16_t>(c.read16(a)); }

}  // namespace

// ---- Branching -----------------------------------------------------------------

void balr(Cpu& c, const u8* ip) {
  RR f(ip);
  const u32 target = c.gpr[f.r2];
  c.gpr[f.r1] = link_info(c);
  if (f.r2) c.branch(target);
}

void bal(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = link_info(c);
  c.branch(f.addr.v);
}

void basr(Cpu& c, const u8* ip) {
  RR f(ip);
  const u32 target = c.gpr[f.r2];
  c.gpr[f.r1] = c.psw.ia;
  if (f.r2) c.branch(target);
}

void bas(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = c.psw.ia;
  c.branch(f.addr.v);
}

void bcr(Cpu& c, const u8* ip) {
  RR f(ip);
  if (f.r2 && cond(c, f.r1)) c.branch(c.gpr[f.r2]);
}

void bc(Cpu& c, const u8* ip) {
  if (cond(c, ip[1] >> 4)) c.branch(RX(c, ip).addr.v);
}

void bctr(Cpu& c, const u8* ip) {
  RR f(ip);
  const u32 target = c.gpr[f.r2];
  if (--c.gpr[f.r1] != 0 && f.r2) c.branch(target);
}

void bct(Cpu& c, const u8* ip) {
  RX f(c, ip);
  if (--c.gpr[f.r1] != 0) c.branch(f.addr.v);
}

void bxh(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const i32 incr = static_cast<i32>(c.gpr[f.r3]);
  const i32 comp = static_cast<i32>(c.gpr[f.r3 | 1]);  // taken before the sum is stored
  const i32 sum = static_cast<i32>(c.gpr[f.r1] + static_cast<u32>(incr));
  c.gpr[f.r1] = static_cast<u32>(sum);
  if (sum > comp) c.branch(f.addr.v);
}

void bxle(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const i32 incr = static_cast<i32>(c.gpr[f.r3]);
  const i32 comp = static_cast<i32>(c.gpr[f.r3 | 1]);
  const i32 sum = static_cast<i32>(c.gpr[f.r1] + static_cast<u32>(incr));
  c.gpr[f.r1] = static_cast<u32>(sum);
  if (sum <= comp) c.branch(f.addr.v);
}

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

void lr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.gpr[f.r1] = c.gpr[f.r2];
}
void l(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = c.read32(f.addr);
}
void lh(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = static_cast<u32>(halfword(c, f.addr));
}
void la(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = f.addr.v;
}
void ic(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = (c.gpr[f.r1] & 0xFFFFFF00) | c.read8(f.addr);
}
void st(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.write32(f.addr, c.gpr[f.r1]);
}
void sth(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.write16(f.addr, static_cast<u16>(c.gpr[f.r1]));
}
void stc(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.write8(f.addr, static_cast<u8>(c.gpr[f.r1]));
}

void ltr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.gpr[f.r1] = c.gpr[f.r2];
  c.psw.cc = cc_signed(static_cast<i32>(c.gpr[f.r1]));
}
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

namespace {
[[gnu::noinline]] void lm_general(Cpu& c, VirtAddr a, u32 r1, u32 n) {
  Span s = c.span(a, 4 * n, Access::Fetch);
  for (u32 i = 0, r = r1; i < n; i++, r = (r + 1) & 15)
    c.gpr[r] = (u32{s[4 * i]} << 24) | (u32{s[4 * i + 1]} << 16) | (u32{s[4 * i + 2]} << 8) | s[4 * i + 3];
}
[[gnu::noinline]] void stm_general(Cpu& c, VirtAddr a, u32 r1, u32 n) {
  Span s = c.span(a, 4 * n, Access::Store);
  for (u32 i = 0, r = r1; i < n; i++, r = (r + 1) & 15)
    for (u32 k = 0; k < 4; k++) s[4 * i + k] = static_cast<u8>(c.gpr[r] >> (24 - 8 * k));
  c.stored(a, 4 * n);
}
}  // namespace

void lm(Cpu& c, const u8* ip) {
  // All access exceptions are recognized before any register changes: the
  // general path resolves the whole operand first.
  RS f(c, ip);
  const u32 n = ((f.r3 - f.r1) & 15) + 1;
  if (const u8* p = c.try_ptr(f.addr, 4 * n, Access::Fetch)) [[likely]] {
    for (u32 i = 0, r = f.r1; i < n; i++, r = (r + 1) & 15) c.gpr[r] = load_be32(p + 4 * i);
    return;
  }
  lm_general(c, f.addr, f.r1, n);
}

void stm(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = ((f.r3 - f.r1) & 15) + 1;
  if (u8* p = c.try_ptr(f.addr, 4 * n, Access::Store)) [[likely]] {
    for (u32 i = 0, r = f.r1; i < n; i++, r = (r + 1) & 15) store_be32(p + 4 * i, c.gpr[r]);
    return;
  }
  stm_general(c, f.addr, f.r1, n);
}

void icm(Cpu& c, const u8* ip) {
  // INSERT CHARACTERS UNDER MASK: cc 0 all inserted bits zero (or mask 0),
  // 1 the first inserted bit one, 2 otherwise.
  RS f(c, ip);
  const int mask = f.r3;
  const int n = __builtin_popcount(mask);
  if (n == 0) {
    c.psw.cc = 0;
    return;
  }
  Span s = c.span(f.addr, n, Access::Fetch);
  u32 v = c.gpr[f.r1];
  int k = 0;
  bool first_one = false, any = false;
  for (int b = 0; b < 4; b++) {
    if (!(mask & (8 >> b))) continue;
    const u8 byte = s[k];
    if (k == 0) first_one = byte & 0x80;
    any |= byte != 0;
    k++;
    const int shift = 24 - 8 * b;
    v = (v & ~(0xFFu << shift)) | (u32{byte} << shift);
  }
  c.gpr[f.r1] = v;
  c.psw.cc = !any ? 0 : first_one ? 1 : 2;
}

void stcm(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const int mask = f.r3;
  const int n = __builtin_popcount(mask);
  if (n == 0) return;
  Span s = c.span(f.addr, n, Access::Store);
  int k = 0;
  for (int b = 0; b < 4; b++)
    if (mask & (8 >> b)) s[k++] = static_cast<u8>(c.gpr[f.r1] >> (24 - 8 * b));
  c.stored(f.addr, n);
}

void clm(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const int mask = f.r3;
  const int n = __builtin_popcount(mask);
  if (n == 0) {
    c.psw.cc = 0;
    return;
  }
  // The operand is resolved before the condition code changes: an access
  // exception suppresses (or nullifies) the instruction.
  Span s = c.span(f.addr, n, Access::Fetch);
  c.psw.cc = 0;
  int k = 0;
  for (int b = 0; b < 4; b++) {
    if (!(mask & (8 >> b))) continue;
    const u8 r = static_cast<u8>(c.gpr[f.r1] >> (24 - 8 * b)), m = s[k++];
    if (r != m) {
      c.psw.cc = r < m ? 1 : 2;
      return;
    }
  }
}

// ---- Fixed-point arithmetic ------------------------------------------------------

void ar(Cpu& c, const u8* ip) {
  RR f(ip);
  add_signed(c, f.r1, c.gpr[f.r2]);
}
void a(Cpu& c, const u8* ip) {
  RX f(c, ip);
  add_signed(c, f.r1, c.read32(f.addr));
}
void ah(Cpu& c, const u8* ip) {
  RX f(c, ip);
  add_signed(c, f.r1, static_cast<u32>(halfword(c, f.addr)));
}
void sr(Cpu& c, const u8* ip) {
  RR f(ip);
  sub_signed(c, f.r1, c.gpr[f.r2]);
}
void s(Cpu& c, const u8* ip) {
  RX f(c, ip);
  sub_signed(c, f.r1, c.read32(f.addr));
}
void sh(Cpu& c, const u8* ip) {
  RX f(c, ip);
  sub_signed(c, f.r1, static_cast<u32>(halfword(c, f.addr)));
}
void alr(Cpu& c, const u8* ip) {
  RR f(ip);
  add_logical(c, f.r1, c.gpr[f.r2]);
}
void al(Cpu& c, const u8* ip) {
  RX f(c, ip);
  add_logical(c, f.r1, c.read32(f.addr));
}
void slr(Cpu& c, const u8* ip) {
  RR f(ip);
  sub_logical(c, f.r1, c.gpr[f.r2]);
}
void sl(Cpu& c, const u8* ip) {
  RX f(c, ip);
  sub_logical(c, f.r1, c.read32(f.addr));
}

void cr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = cc_compare(static_cast<i32>(c.gpr[f.r1]), static_cast<i32>(c.gpr[f.r2]));
}
void c(Cpu& cpu, const u8* ip) {
  RX f(cpu, ip);
  cpu.psw.cc = cc_compare(static_cast<i32>(cpu.gpr[f.r1]), static_cast<i32>(cpu.read32(f.addr)));
}
void ch(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = cc_compare(static_cast<i32>(c.gpr[f.r1]), halfword(c, f.addr));
}
void clr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = cc_compare_u(c.gpr[f.r1], c.gpr[f.r2]);
}
void cl(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = cc_compare_u(c.gpr[f.r1], c.read32(f.addr));
}

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

void nr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = (c.gpr[f.r1] &= c.gpr[f.r2]) ? 1 : 0;
}
void or_(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = (c.gpr[f.r1] |= c.gpr[f.r2]) ? 1 : 0;
}
void xr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = (c.gpr[f.r1] ^= c.gpr[f.r2]) ? 1 : 0;
}
void n(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = (c.gpr[f.r1] &= c.read32(f.addr)) ? 1 : 0;
}
void o(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = (c.gpr[f.r1] |= c.read32(f.addr)) ? 1 : 0;
}
void x(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = (c.gpr[f.r1] ^= c.read32(f.addr)) ? 1 : 0;
}

namespace {
// The SI logical operations fetch and store the same byte: both accesses
// are checked before the store.
template <typename Op>
void si_logical(Cpu& c, const u8* ip, Op op) {
  SI f(c, ip);
  Span s = c.span(f.addr, 1, Access::Store);
  const u8 v = op(s[0], f.i2);
  s[0] = v;
  c.stored(f.addr, 1);
  c.psw.cc = v ? 1 : 0;
}
}  // namespace

void ni(Cpu& c, const u8* ip) {
  si_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a & b); });
}
void oi(Cpu& c, const u8* ip) {
  si_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a | b); });
}
void xi(Cpu& c, const u8* ip) {
  si_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a ^ b); });
}
void mvi(Cpu& c, const u8* ip) {
  SI f(c, ip);
  c.write8(f.addr, f.i2);
}
void cli(Cpu& c, const u8* ip) {
  SI f(c, ip);
  c.psw.cc = cc_compare_u(c.read8(f.addr), f.i2);
}
void tm(Cpu& c, const u8* ip) {
  // TEST UNDER MASK: cc 0 selected bits all zero (or mask zero), 1 mixed,
  // 3 all ones.
  SI f(c, ip);
  const u8 v = c.read8(f.addr) & f.i2;
  c.psw.cc = v == 0 ? 0 : v == f.i2 ? 3 : 1;
}
void ts(Cpu& c, const u8* ip) {
  S f(c, ip);
  Span s = c.span(f.addr, 1, Access::Store);
  c.psw.cc = s[0] >> 7;
  s[0] = 0xFF;
  c.stored(f.addr, 1);
}

namespace {
// Storage-to-storage logical operations: byte by byte, left to right, so
// that overlapping operands behave as the Principles define.
template <typename Op>
void ss_logical(Cpu& c, const u8* ip, Op op) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span s = c.span(f.a2, n, Access::Fetch);
  u8 any = 0;
  for (u32 i = 0; i < n; i++) any |= (d[i] = op(d[i], s[i]));
  c.stored(f.a1, n);
  c.psw.cc = any ? 1 : 0;
}
}  // namespace

void nc(Cpu& c, const u8* ip) {
  ss_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a & b); });
}
void oc(Cpu& c, const u8* ip) {
  ss_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a | b); });
}
void xc(Cpu& c, const u8* ip) {
  ss_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a ^ b); });
}

void mvc(Cpu& c, const u8* ip) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span s = c.span(f.a2, n, Access::Fetch);
  if (!d.p1 && !s.p1 && !(d.p0 > s.p0 && d.p0 < s.p0 + n)) {
    std::memmove(d.p0, s.p0, n);  // no destructive overlap: same as byte by byte
  } else {
    for (u32 i = 0; i < n; i++) d[i] = s[i];
  }
  c.stored(f.a1, n);
}

void mvn(Cpu& c, const u8* ip) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span s = c.span(f.a2, n, Access::Fetch);
  for (u32 i = 0; i < n; i++) d[i] = static_cast<u8>((d[i] & 0xF0) | (s[i] & 0x0F));
  c.stored(f.a1, n);
}

void mvz(Cpu& c, const u8* ip) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span s = c.span(f.a2, n, Access::Fetch);
  for (u32 i = 0; i < n; i++) d[i] = static_cast<u8>((d[i] & 0x0F) | (s[i] & 0xF0));
  c.stored(f.a1, n);
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

void clc(Cpu& c, const u8* ip) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span a = c.span(f.a1, n, Access::Fetch);
  Span b = c.span(f.a2, n, Access::Fetch);
  if (a.flat() && b.flat()) {
    const int r = std::memcmp(a.p0, b.p0, n);
    c.psw.cc = r == 0 ? 0 : r < 0 ? 1 : 2;
    return;
  }
  c.psw.cc = 0;
  for (u32 i = 0; i < n; i++) {
    if (a[i] != b[i]) {
      c.psw.cc = a[i] < b[i] ? 1 : 2;
      return;
    }
  }
}

void tr(Cpu& c, const u8* ip) {
  // TRANSLATE: each first-operand byte is replaced by the byte of the
  // 256-byte table at the second operand that it indexes.
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span t = c.span(f.a2, 256, Access::Fetch);
  if (d.flat() && t.flat() && (d.p0 + n <= t.p0 || t.p0 + 256 <= d.p0)) {
    // The table and the argument apart: no store can change the table.
    // Four bytes at a time: all loads, then all stores.
    u8* dp = d.p0;
    const u8* tp = t.p0;
    u32 i = 0;
    for (; i + 4 <= n; i += 4) {
      const u8 b0 = tp[dp[i]], b1 = tp[dp[i + 1]], b2 = tp[dp[i + 2]], b3 = tp[dp[i + 3]];
      dp[i] = b0, dp[i + 1] = b1, dp[i + 2] = b2, dp[i + 3] = b3;
    }
    for (; i < n; i++) dp[i] = tp[dp[i]];
  } else {
    for (u32 i = 0; i < n; i++) d[i] = t[d[i]];
  }
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

// ---- Shifts ----------------------------------------------------------------------

void sll(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  c.gpr[f.r1] = n > 31 ? 0 : c.gpr[f.r1] << n;
}
void srl(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  c.gpr[f.r1] = n > 31 ? 0 : c.gpr[f.r1] >> n;
}
void sra(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  const i32 v = static_cast<i32>(c.gpr[f.r1]) >> (n > 31 ? 31 : n);
  c.gpr[f.r1] = static_cast<u32>(v);
  c.psw.cc = cc_signed(v);
}
void sla(Cpu& c, const u8* ip) {
  // Arithmetic left shift of the 31 numeric bits; the sign stays. Overflow
  // when any bit shifted out differs from the sign.
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  const u32 v = c.gpr[f.r1], sign = v & 0x80000000;
  u32 num = v & 0x7FFFFFFF;
  bool ovf = false;
  for (u32 i = 0; i < n; i++) {
    if (((num >> 30) & 1) != (sign >> 31)) ovf = true;
    num = (num << 1) & 0x7FFFFFFF;
  }
  c.gpr[f.r1] = sign | num;
  if (ovf) return fixed_overflow(c);
  c.psw.cc = cc_signed(static_cast<i32>(c.gpr[f.r1]));
}
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
