// General instructions (Principles of Operation, chapter 7, "General
// Instructions") that the run loop expands in place: loads and stores,
// fixed-point arithmetic and compares, the logical operations, branching,
// single shifts, and the common storage-to-storage moves and compares.
// They are the bulk of what S/370 programs execute, so Cpu::run inlines
// them at their own dispatch points (the lists S370_INLINE_BRANCHES,
// S370_INLINE_HANDLERS and S370_INLINE_BY_COUNT, and docs/ARCHITECTURE.md,
// "The run loop");
// everywhere else, the opcode table, EXECUTE and the tests, they are
// ordinary handlers. The rest of chapter 7 is in general.cpp.
#pragma once

#include <algorithm>
#include <cstring>

#include "s370/formats.h"

// Expanded in place wherever called directly (the run loop); an ordinary
// function where only its address is taken (the opcode table).
#define S370_INLINE [[gnu::always_inline]] inline

// The branch instructions the run loop expands in place, as (name, length
// in bytes): each is a decision X_to (below) and the table's handler X.
#define S370_INLINE_BRANCHES(X)                                                              \
  X(bcr, 2) X(balr, 2) X(bctr, 2) X(basr, 2) X(bc, 4) X(bal, 4) X(bct, 4) X(bas, 4)        \
  X(bxle, 4) X(bxh, 4)

namespace s370::insn {

// ---- Helpers of the general instructions ----------------------------------------

// Fixed-point overflow (chapter 7, "Signed Binary Arithmetic"): the result
// is stored, the condition code is 3, and the interruption is taken only
// when PSW program-mask bit 36 is one.
inline void fixed_overflow(Cpu& c) {
  c.psw.cc = 3;
  if (c.psw.progmask & Psw::kPmFixedOverflow) c.program_check(pgm::kFixedOverflow);
}

inline void add_signed(Cpu& c, u32 r1, u32 b) {
  i32 r;
  const bool ovf = __builtin_add_overflow(static_cast<i32>(c.gpr[r1]), static_cast<i32>(b), &r);
  c.gpr[r1] = static_cast<u32>(r);
  if (ovf) [[unlikely]]
    return fixed_overflow(c);
  c.psw.cc = cc_signed(r);
}

inline void sub_signed(Cpu& c, u32 r1, u32 b) {
  i32 r;
  const bool ovf = __builtin_sub_overflow(static_cast<i32>(c.gpr[r1]), static_cast<i32>(b), &r);
  c.gpr[r1] = static_cast<u32>(r);
  if (ovf) [[unlikely]]
    return fixed_overflow(c);
  c.psw.cc = cc_signed(r);
}

// Unsigned binary arithmetic: cc 0 zero/no carry, 1 nonzero/no carry,
// 2 zero/carry, 3 nonzero/carry.
inline void add_logical(Cpu& c, u32 r1, u32 b) {
  const u64 s = u64{c.gpr[r1]} + b;
  c.gpr[r1] = static_cast<u32>(s);
  c.psw.cc = static_cast<u8>(((s >> 32) ? 2 : 0) | (static_cast<u32>(s) ? 1 : 0));
}

inline void sub_logical(Cpu& c, u32 r1, u32 b) {
  // a - b = a + ~b + 1; the carry out is one when no borrow occurs.
  const u64 s = u64{c.gpr[r1]} + u64{~b} + 1;
  c.gpr[r1] = static_cast<u32>(s);
  c.psw.cc = static_cast<u8>(((s >> 32) ? 2 : 0) | (static_cast<u32>(s) ? 1 : 0));
}

// 32-bit operands (all that use these), and without a branch: a compare
// and two flag reads.
inline u8 cc_compare(i32 a, i32 b) { return static_cast<u8>((a < b) | ((a > b) << 1)); }
inline u8 cc_compare_u(u32 a, u32 b) { return static_cast<u8>((a < b) | ((a > b) << 1)); }

inline void require_even(Cpu& c, int r) {
  if (r & 1) c.program_check(pgm::kSpecification);
}

// The link information of BAL and BALR in the 24-bit addressing mode: ILC,
// condition code and program mask, then the updated instruction address.
inline u32 link_info(const Cpu& c, u32 next, u32 ilc) {
  return (ilc << 30) | (u32{c.psw.cc} << 28) | (u32{c.psw.progmask} << 24) | next;
}

// The mask is bits 8-11 of the instruction, given as its whole second byte
// (M1 in its high four bits): shifted left by the condition code, the bit
// that selects it comes to the byte's top.
inline bool cond(const Cpu& c, u8 byte) { return (u32{byte} << c.psw.cc) & 0x80; }

// A halfword operand, sign-extended to 32 bits (LH, AH, SH, CH, MH).
inline i32 halfword(Cpu& c, VirtAddr a) { return static_cast<int16_t>(c.read16(a)); }

// The SI logical operations fetch and store the same byte: both accesses
// are checked before the store.
template <typename Op>
S370_INLINE void si_logical(Cpu& c, const u8* ip, Op op) {
  SI f(c, ip);
  Span s = c.span(f.addr, 1, Access::Store);
  const u8 v = op(s[0], f.i2);
  s[0] = v;
  c.stored(f.addr, 1);
  c.psw.cc = v ? 1 : 0;
}

// The storage-to-storage instructions expanded in place (MVC, CLC, TR, NC,
// OC, XC) run on host memory when the access TLB holds each operand in one
// block: `probe` finds them, and nothing on that path can take an
// exception. Otherwise the general path (ss_bytes below, or general.cpp)
// resolves the operands with span(), exceptions and all. (Spans are
// kept off the fast path: one returned by span_slow lives in memory, and
// took the decoded fields there with it.)
void clc_general(Cpu& c, const u8* ip);
void tr_general(Cpu& c, const u8* ip);

// The general path of the storage-to-storage instructions that go byte by
// byte, left to right, so that overlapping operands behave as the
// Principles define: d[i] = op(d[i], s[i]) through span(). Returns whether
// any result byte is nonzero (the condition code of NC, OC and XC).
template <typename Op>
[[gnu::noinline]] bool ss_bytes(Cpu& c, const u8* ip, Op op) {
  SS f(c, ip);
  const u32 n = f.l + 1u;
  Span d = c.span(f.a1, n, Access::Store);
  Span s = c.span(f.a2, n, Access::Fetch);
  u8 any = 0;
  for (u32 i = 0; i < n; i++) any |= (d[i] = op(d[i], s[i]));
  c.stored(f.a1, n);
  return any != 0;
}

// NC, OC and XC.
template <typename Op>
S370_INLINE void ss_logical(Cpu& c, const u8* ip, Op op) {
  const u32 n = ip[1] + 1u;
  const VirtAddr a1 = base_disp(c, ip + 2), a2 = base_disp(c, ip + 4);
  u8* d;
  const u8* s;
  if (!c.probe(a1, n, Access::Store, d) || !c.probe(a2, n, Access::Fetch, s)) [[unlikely]] {
    c.psw.cc = ss_bytes(c, ip, op) ? 1 : 0;
    return;
  }
  u8 any = 0;
  for (u32 i = 0; i < n; i++) any |= (d[i] = op(d[i], s[i]));
  c.stored(a1, n);
  c.psw.cc = any ? 1 : 0;
}

// LM and STM of registers g[0..k], k in 0..15, from or to the words at p:
// straight-line code entered by a jump on k (and with k a constant, as in
// the run loop's copies, no jump at all). One register a step: moving two
// by one 64-bit access saves host instructions, but a 64-bit load over a
// register or word that a 32-bit store has just changed cannot take its
// data from that store, and waits; the call loop lost 4 per cent.
template <typename F>
S370_INLINE void each_word(u32 k, F f) {
  switch (k & 15) {
    case 15: f(15); [[fallthrough]];
    case 14: f(14); [[fallthrough]];
    case 13: f(13); [[fallthrough]];
    case 12: f(12); [[fallthrough]];
    case 11: f(11); [[fallthrough]];
    case 10: f(10); [[fallthrough]];
    case 9: f(9); [[fallthrough]];
    case 8: f(8); [[fallthrough]];
    case 7: f(7); [[fallthrough]];
    case 6: f(6); [[fallthrough]];
    case 5: f(5); [[fallthrough]];
    case 4: f(4); [[fallthrough]];
    case 3: f(3); [[fallthrough]];
    case 2: f(2); [[fallthrough]];
    case 1: f(1); [[fallthrough]];
    case 0: f(0);
  }
}
S370_INLINE void load_words(u32* g, const u8* p, u32 k) {
  each_word(k, [&](u32 i) __attribute__((always_inline)) { g[i] = load_be32(p + 4 * i); });
}
S370_INLINE void store_words(u8* p, const u32* g, u32 k) {
  each_word(k, [&](u32 i) __attribute__((always_inline)) { store_be32(p + 4 * i, g[i]); });
}

// LM and STM when the operand is not in one block of the access TLB, and
// (out of line, to keep the expanded code small) when the registers wrap
// from 15 to 0 and do not start at R14, with the operand at host address p.
void lm_general(Cpu& c, const u8* ip);
void stm_general(Cpu& c, const u8* ip);
void lm_wrapped(Cpu& c, const u8* p, u32 r1, u32 r3);
void stm_wrapped(Cpu& c, u8* p, u32 r1, u32 r3);

// ---- The handlers ------------------------------------------------------------------

// The branch instructions decide; their caller branches. Each X_to returns
// whether the branch is taken, with the target in t; `next` is the updated
// instruction address and `ilc` the instruction-length code, for the link
// of BAL and BALR; `tr` is the register the target comes from, as
// target_reg() reads it from the instruction (R2 of the RR branches, B2 of
// the others). The table's handlers (below) pass the PSW's and branch
// through Cpu::branch(); the run loop passes its own, with `tr` a
// constant, and re-aims its instruction pointer itself.
//
// X_if is the part of the decision that needs no register: the mask
// against the condition code of BC and BCR, true for the others. X_to is
// called only when X_if is true. The run loop tests X_if before its second
// jump on the target register, so that a conditional branch not taken
// (the most common branch) makes one jump, not two.
S370_INLINE u32 target_reg(const u8* ip, u32 len) {
  return len == 2 ? ip[1] & 0xFu : u32{ip[2]} >> 4;
}

S370_INLINE bool balr_to(Cpu& c, const u8* ip, u32 next, u32 ilc, u32& t, u32 tr) {
  t = c.gpr[tr];  // before the link: r1 may be r2
  c.gpr[ip[1] >> 4] = link_info(c, next, ilc);
  return tr != 0;
}

S370_INLINE bool bal_to(Cpu& c, const u8* ip, u32 next, u32 ilc, u32& t, u32 tr) {
  RX f(c, ip, tr);
  c.gpr[f.r1] = link_info(c, next, ilc);
  t = f.addr.v;
  return true;
}

S370_INLINE bool basr_to(Cpu& c, const u8* ip, u32 next, u32, u32& t, u32 tr) {
  t = c.gpr[tr];
  c.gpr[ip[1] >> 4] = next;
  return tr != 0;
}

S370_INLINE bool bas_to(Cpu& c, const u8* ip, u32 next, u32, u32& t, u32 tr) {
  RX f(c, ip, tr);
  c.gpr[f.r1] = next;
  t = f.addr.v;
  return true;
}

S370_INLINE bool bcr_to(Cpu& c, const u8*, u32, u32, u32& t, u32 tr) {
  t = c.gpr[tr];
  return tr != 0;  // BCR M1,0 never branches (serialization, a no-op here)
}

S370_INLINE bool bc_to(Cpu& c, const u8* ip, u32, u32, u32& t, u32 tr) {
  t = RX(c, ip, tr).addr.v;
  return true;
}

S370_INLINE bool bcr_if(const Cpu& c, const u8* ip) { return cond(c, ip[1]); }
S370_INLINE bool bc_if(const Cpu& c, const u8* ip) { return cond(c, ip[1]); }
#define S370_UNCONDITIONAL_IF(h) \
  S370_INLINE bool h##_if(const Cpu&, const u8*) { return true; }
S370_UNCONDITIONAL_IF(balr)
S370_UNCONDITIONAL_IF(bal)
S370_UNCONDITIONAL_IF(basr)
S370_UNCONDITIONAL_IF(bas)
S370_UNCONDITIONAL_IF(bctr)
S370_UNCONDITIONAL_IF(bct)
S370_UNCONDITIONAL_IF(bxh)
S370_UNCONDITIONAL_IF(bxle)
#undef S370_UNCONDITIONAL_IF

S370_INLINE bool bctr_to(Cpu& c, const u8* ip, u32, u32, u32& t, u32 tr) {
  t = c.gpr[tr];  // before the count: r1 may be r2
  return --c.gpr[ip[1] >> 4] != 0 && tr;
}

S370_INLINE bool bct_to(Cpu& c, const u8* ip, u32, u32, u32& t, u32 tr) {
  RX f(c, ip, tr);
  t = f.addr.v;
  return --c.gpr[f.r1] != 0;
}

S370_INLINE bool bxh_to(Cpu& c, const u8* ip, u32, u32, u32& t, u32 tr) {
  RS f(c, ip, tr);
  const i32 incr = static_cast<i32>(c.gpr[f.r3]);
  const i32 comp = static_cast<i32>(c.gpr[f.r3 | 1]);  // taken before the sum is stored
  const i32 sum = static_cast<i32>(c.gpr[f.r1] + static_cast<u32>(incr));
  c.gpr[f.r1] = static_cast<u32>(sum);
  t = f.addr.v;
  return sum > comp;
}

S370_INLINE bool bxle_to(Cpu& c, const u8* ip, u32, u32, u32& t, u32 tr) {
  RS f(c, ip, tr);
  const i32 incr = static_cast<i32>(c.gpr[f.r3]);
  const i32 comp = static_cast<i32>(c.gpr[f.r3 | 1]);
  const i32 sum = static_cast<i32>(c.gpr[f.r1] + static_cast<u32>(incr));
  c.gpr[f.r1] = static_cast<u32>(sum);
  t = f.addr.v;
  return sum <= comp;
}

// The table's handlers of the branches: the PSW's instruction address and
// ILC (under EXECUTE, those of EX), and Cpu::branch() for PER.
#define S370_BRANCH_HANDLER(h, n)                                          \
  S370_INLINE void h(Cpu& c, const u8* ip) {                               \
    u32 t;                                                                 \
    if (h##_if(c, ip) && h##_to(c, ip, c.psw.ia, c.ilc(), t, target_reg(ip, n))) \
      c.branch(t);                                                         \
  }
S370_INLINE_BRANCHES(S370_BRANCH_HANDLER)
#undef S370_BRANCH_HANDLER

S370_INLINE void lr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.gpr[f.r1] = c.gpr[f.r2];
}

S370_INLINE void l(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = c.read32(f.addr);
}

S370_INLINE void lh(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = static_cast<u32>(halfword(c, f.addr));
}

S370_INLINE void la(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = f.addr.v;
}

S370_INLINE void ic(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.gpr[f.r1] = (c.gpr[f.r1] & 0xFFFFFF00) | c.read8(f.addr);
}

S370_INLINE void st(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.write32(f.addr, c.gpr[f.r1]);
}

S370_INLINE void sth(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.write16(f.addr, static_cast<u16>(c.gpr[f.r1]));
}

S370_INLINE void stc(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.write8(f.addr, static_cast<u8>(c.gpr[f.r1]));
}

S370_INLINE void ltr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.gpr[f.r1] = c.gpr[f.r2];
  c.psw.cc = cc_signed(static_cast<i32>(c.gpr[f.r1]));
}

// LM and STM of r1..r3 are made of k, the count of registers after the
// first: reg_count() reads it from the instruction. The run loop jumps on
// it once, to a copy of the handler for each k with straight-line code,
// so that moving the registers takes no jump of its own
// (S370_INLINE_BY_COUNT). (The fields are taken out of RS into scalars:
// kept as an RS, they were stored to the stack in the run loop, for
// nothing.)
S370_INLINE u32 reg_count(const u8* ip) {
  const u32 rr = ip[1];
  return (rr - (rr >> 4)) & 15;  // (r3 - r1) mod 16
}

S370_INLINE void lm_k(Cpu& c, const u8* ip, u32 k) {
  // All access exceptions are recognized before any register changes: the
  // general path resolves the whole operand first.
  const u32 r1 = ip[1] >> 4, r3 = ip[1] & 0xF;
  const VirtAddr a = RS(c, ip).addr;
  const u8* p;
  if (!c.probe(a, 4 * k + 4, Access::Fetch, p)) [[unlikely]]
    return lm_general(c, ip);
  // Registers r1..r3 are one run of the array, or two when they wrap from
  // 15 to 0 (the usual LM 14,12).
  if (r1 <= r3) [[likely]] {
    load_words(c.gpr + r1, p, k);
    return;
  }
  if (r1 == 14 && k >= 2) {
    // LM 14,12,12(13), the return of the standard linkage: R14 and R15,
    // then R0 up, straight-line for the copy's constant count too.
    load_words(c.gpr + 14, p, 1);
    load_words(c.gpr, p + 8, k - 2);
    return;
  }
  lm_wrapped(c, p, r1, r3);
}
S370_INLINE void lm(Cpu& c, const u8* ip) { lm_k(c, ip, reg_count(ip)); }

S370_INLINE void stm_k(Cpu& c, const u8* ip, u32 k) {
  const u32 r1 = ip[1] >> 4, r3 = ip[1] & 0xF;
  const VirtAddr a = RS(c, ip).addr;
  u8* p;
  if (!c.probe(a, 4 * k + 4, Access::Store, p)) [[unlikely]]
    return stm_general(c, ip);
  if (r1 <= r3) [[likely]] {
    store_words(p, c.gpr + r1, k);
    return;
  }
  if (r1 == 14 && k >= 2) {  // STM 14,12,12(13), the standard linkage's save
    store_words(p, c.gpr + 14, 1);
    store_words(p + 8, c.gpr, k - 2);
    return;
  }
  stm_wrapped(c, p, r1, r3);
}
S370_INLINE void stm(Cpu& c, const u8* ip) { stm_k(c, ip, reg_count(ip)); }

S370_INLINE void icm(Cpu& c, const u8* ip) {
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

S370_INLINE void stcm(Cpu& c, const u8* ip) {
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

S370_INLINE void clm(Cpu& c, const u8* ip) {
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

S370_INLINE void ar(Cpu& c, const u8* ip) {
  RR f(ip);
  add_signed(c, f.r1, c.gpr[f.r2]);
}

S370_INLINE void a(Cpu& c, const u8* ip) {
  RX f(c, ip);
  add_signed(c, f.r1, c.read32(f.addr));
}

S370_INLINE void ah(Cpu& c, const u8* ip) {
  RX f(c, ip);
  add_signed(c, f.r1, static_cast<u32>(halfword(c, f.addr)));
}

S370_INLINE void sr(Cpu& c, const u8* ip) {
  RR f(ip);
  sub_signed(c, f.r1, c.gpr[f.r2]);
}

S370_INLINE void s(Cpu& c, const u8* ip) {
  RX f(c, ip);
  sub_signed(c, f.r1, c.read32(f.addr));
}

S370_INLINE void sh(Cpu& c, const u8* ip) {
  RX f(c, ip);
  sub_signed(c, f.r1, static_cast<u32>(halfword(c, f.addr)));
}

S370_INLINE void alr(Cpu& c, const u8* ip) {
  RR f(ip);
  add_logical(c, f.r1, c.gpr[f.r2]);
}

S370_INLINE void al(Cpu& c, const u8* ip) {
  RX f(c, ip);
  add_logical(c, f.r1, c.read32(f.addr));
}

S370_INLINE void slr(Cpu& c, const u8* ip) {
  RR f(ip);
  sub_logical(c, f.r1, c.gpr[f.r2]);
}

S370_INLINE void sl(Cpu& c, const u8* ip) {
  RX f(c, ip);
  sub_logical(c, f.r1, c.read32(f.addr));
}

S370_INLINE void cr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = cc_compare(static_cast<i32>(c.gpr[f.r1]), static_cast<i32>(c.gpr[f.r2]));
}

S370_INLINE void c(Cpu& cpu, const u8* ip) {
  RX f(cpu, ip);
  cpu.psw.cc = cc_compare(static_cast<i32>(cpu.gpr[f.r1]), static_cast<i32>(cpu.read32(f.addr)));
}

S370_INLINE void ch(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = cc_compare(static_cast<i32>(c.gpr[f.r1]), halfword(c, f.addr));
}

S370_INLINE void clr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = cc_compare_u(c.gpr[f.r1], c.gpr[f.r2]);
}

S370_INLINE void cl(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = cc_compare_u(c.gpr[f.r1], c.read32(f.addr));
}

S370_INLINE void nr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = (c.gpr[f.r1] &= c.gpr[f.r2]) ? 1 : 0;
}

S370_INLINE void or_(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = (c.gpr[f.r1] |= c.gpr[f.r2]) ? 1 : 0;
}

S370_INLINE void xr(Cpu& c, const u8* ip) {
  RR f(ip);
  c.psw.cc = (c.gpr[f.r1] ^= c.gpr[f.r2]) ? 1 : 0;
}

S370_INLINE void n(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = (c.gpr[f.r1] &= c.read32(f.addr)) ? 1 : 0;
}

S370_INLINE void o(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = (c.gpr[f.r1] |= c.read32(f.addr)) ? 1 : 0;
}

S370_INLINE void x(Cpu& c, const u8* ip) {
  RX f(c, ip);
  c.psw.cc = (c.gpr[f.r1] ^= c.read32(f.addr)) ? 1 : 0;
}

S370_INLINE void ni(Cpu& c, const u8* ip) {
  si_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a & b); });
}

S370_INLINE void oi(Cpu& c, const u8* ip) {
  si_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a | b); });
}

S370_INLINE void xi(Cpu& c, const u8* ip) {
  si_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a ^ b); });
}

S370_INLINE void mvi(Cpu& c, const u8* ip) {
  SI f(c, ip);
  c.write8(f.addr, f.i2);
}

S370_INLINE void cli(Cpu& c, const u8* ip) {
  SI f(c, ip);
  c.psw.cc = cc_compare_u(c.read8(f.addr), f.i2);
}

S370_INLINE void tm(Cpu& c, const u8* ip) {
  // TEST UNDER MASK: cc 0 selected bits all zero (or mask zero), 1 mixed,
  // 3 all ones.
  SI f(c, ip);
  const u8 v = c.read8(f.addr) & f.i2;
  c.psw.cc = v == 0 ? 0 : v == f.i2 ? 3 : 1;
}

S370_INLINE void nc(Cpu& c, const u8* ip) {
  ss_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a & b); });
}

S370_INLINE void oc(Cpu& c, const u8* ip) {
  ss_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a | b); });
}

S370_INLINE void xc(Cpu& c, const u8* ip) {
  ss_logical(c, ip, [](u8 a, u8 b) { return static_cast<u8>(a ^ b); });
}

S370_INLINE void mvc(Cpu& c, const u8* ip) {
  const u32 n = ip[1] + 1u;
  const VirtAddr a1 = base_disp(c, ip + 2), a2 = base_disp(c, ip + 4);
  u8* d;
  const u8* s;
  if (!c.probe(a1, n, Access::Store, d) || !c.probe(a2, n, Access::Fetch, s)) [[unlikely]] {
    ss_bytes(c, ip, [](u8, u8 b) { return b; });  // the general path
    return;
  }
  if (!(d > s && d < s + n)) {
    std::memmove(d, s, n);  // no destructive overlap: same as byte by byte
  } else {
    for (u32 i = 0; i < n; i++) d[i] = s[i];  // e.g. MVC 1(79,R),0(R), spreading a byte
  }
  c.stored(a1, n);
}

S370_INLINE void clc(Cpu& c, const u8* ip) {
  const u32 n = ip[1] + 1u;
  const VirtAddr a1 = base_disp(c, ip + 2), a2 = base_disp(c, ip + 4);
  const u8 *x, *y;
  if (!c.probe(a1, n, Access::Fetch, x) || !c.probe(a2, n, Access::Fetch, y)) [[unlikely]]
    return clc_general(c, ip);
  const int r = std::memcmp(x, y, n);
  c.psw.cc = r == 0 ? 0 : r < 0 ? 1 : 2;
}

S370_INLINE void tr(Cpu& c, const u8* ip) {
  // TRANSLATE: each first-operand byte is replaced by the byte of the
  // 256-byte table at the second operand that it indexes.
  const u32 n = ip[1] + 1u;
  const VirtAddr a1 = base_disp(c, ip + 2), a2 = base_disp(c, ip + 4);
  u8* dp;
  const u8* tp;
  // The table and the argument apart, or the general path: there a store
  // can change the table.
  if (!c.probe(a1, n, Access::Store, dp) || !c.probe(a2, 256, Access::Fetch, tp) ||
      !(dp + n <= tp || tp + 256 <= dp)) [[unlikely]]
    return tr_general(c, ip);
  // Four bytes at a time: all loads, then all stores.
  u32 i = 0;
  for (; i + 4 <= n; i += 4) {
    const u8 b0 = tp[dp[i]], b1 = tp[dp[i + 1]], b2 = tp[dp[i + 2]], b3 = tp[dp[i + 3]];
    dp[i] = b0, dp[i + 1] = b1, dp[i + 2] = b2, dp[i + 3] = b3;
  }
  for (; i < n; i++) dp[i] = tp[dp[i]];
  c.stored(a1, n);
}

S370_INLINE void sll(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  c.gpr[f.r1] = n > 31 ? 0 : c.gpr[f.r1] << n;
}

S370_INLINE void srl(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  c.gpr[f.r1] = n > 31 ? 0 : c.gpr[f.r1] >> n;
}

S370_INLINE void sra(Cpu& c, const u8* ip) {
  RS f(c, ip);
  const u32 n = f.addr.v & 63;
  const i32 v = static_cast<i32>(c.gpr[f.r1]) >> (n > 31 ? 31 : n);
  c.gpr[f.r1] = static_cast<u32>(v);
  c.psw.cc = cc_signed(v);
}

S370_INLINE void sla(Cpu& c, const u8* ip) {
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

}  // namespace s370::insn

// The handlers above as (name, length in bytes), for the run loop's jump
// table; a unit test checks each length against the opcode table. The
// plain ones never branch and never ask for the service (see
// docs/ARCHITECTURE.md, "The run loop"); the branches are in their own list
// (near the top), and LM and STM in a third.
#define S370_INLINE_HANDLERS(X)                                                              \
  X(lr, 2) X(ltr, 2) X(ar, 2) X(sr, 2) X(cr, 2) X(clr, 2) X(nr, 2) X(or_, 2) X(xr, 2)      \
  X(alr, 2) X(slr, 2) X(la, 4) X(l, 4) X(st, 4) X(lh, 4) X(sth, 4) X(ic, 4) X(stc, 4)     \
  X(a, 4) X(s, 4) X(c, 4) X(cl, 4) X(al, 4) X(sl, 4) X(n, 4) X(o, 4) X(x, 4) X(ah, 4)     \
  X(sh, 4) X(ch, 4) X(sll, 4) X(srl, 4) X(sla, 4) X(sra, 4) X(icm, 4) X(stcm, 4)        \
  X(clm, 4) X(mvi, 4) X(cli, 4) X(tm, 4) X(ni, 4) X(oi, 4) X(xi, 4) X(mvc, 6) X(clc, 6)   \
  X(tr, 6) X(nc, 6) X(oc, 6) X(xc, 6)

// LM and STM, expanded in place once for each count of registers (lm_k).
#define S370_INLINE_BY_COUNT(X) X(lm, 4) X(stm, 4)
