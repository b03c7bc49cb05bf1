// Floating-point instructions (Principles of Operation, chapter 9,
// "Floating-Point Instructions"): the handlers the run loop does not expand
// in place. The arithmetic they share with those it does, and those, are in
// hfp.h.
#include "s370/instructions.h"

namespace s370::insn {

using namespace hfp;

// ---- LOAD ROUNDED ---------------------------------------------------------------------
// Chapter 9, "LOAD ROUNDED": a one is added at the leftmost bit that is
// dropped (bit 32 of a long operand, bit 72 of an extended one) and the
// fraction truncated to the smaller format. A carry out of the fraction
// shifts it right one digit and adds one to the characteristic, which may
// overflow. No normalization; the sign is kept; the cc is unchanged.

void lrer(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u64 v = c.fpr[f.r2 >> 1];
  Short r{((v & kFrac56) + 0x80000000u) >> 32, static_cast<int>((v >> 56) & 127), (v >> 63) != 0};
  u16 code = 0;
  if (r.f >> 24) {
    r.f >>= 4;
    if (++r.e > 127) code = pgm::kExponentOverflow;
  }
  put_short(c, f.r1, static_cast<u32>(r.pack()));
  raise(c, code);
}

void lrdr(Cpu& c, const u8* ip) {
  // R1 is long (0, 2, 4, 6); R2 an extended pair (0 or 4).
  const int r1 = ip[1] >> 4, r2 = ip[1] & 0xF;
  check_fpr(c, r1);
  check_ext(c, r2);
  const u64 hi = c.fpr[r2 >> 1], lo = c.fpr[(r2 >> 1) + 1];
  Long r{(hi & kFrac56) + ((lo >> 55) & 1), static_cast<int>((hi >> 56) & 127), (hi >> 63) != 0};
  u16 code = 0;
  if (r.f >> 56) {
    r.f >>= 4;
    if (++r.e > 127) code = pgm::kExponentOverflow;
  }
  c.fpr[r1 >> 1] = r.pack();
  raise(c, code);
}

// ---- HALVE --------------------------------------------------------------------------------

void her(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  Short x = short_reg(c, f.r2);
  const u16 code = halve(c, x);
  put_short(c, f.r1, static_cast<u32>(x.pack()));
  raise(c, code);
}

void hdr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  Long x = long_reg(c, f.r2);
  const u16 code = halve(c, x);
  c.fpr[f.r1 >> 1] = x.pack();
  raise(c, code);
}

// ---- ADD UNNORMALIZED, SUBTRACT UNNORMALIZED -----------------------------------------
// Chapter 9, "ADD UNNORMALIZED", "SUBTRACT UNNORMALIZED" (the second
// operand's sign inverted). The cc: 0 zero fraction, 1 less than zero, 2
// greater than zero. (The normalized forms are in hfp.h.)

void aur(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  raise(c, short_add(c, f.r1, short_reg(c, f.r2), false));
}
void au(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  raise(c, short_add(c, f.r1, Short::unpack(c.read32(f.addr)), false));
}
void sur(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  raise(c, short_add(c, f.r1, negate(short_reg(c, f.r2)), false));
}
void su(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  raise(c, short_add(c, f.r1, negate(Short::unpack(c.read32(f.addr))), false));
}

void awr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  raise(c, long_add(c, f.r1, long_reg(c, f.r2), false));
}
void aw(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  raise(c, long_add(c, f.r1, Long::unpack(c.read64(f.addr)), false));
}
void swr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  raise(c, long_add(c, f.r1, negate(long_reg(c, f.r2)), false));
}
void sw(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  raise(c, long_add(c, f.r1, negate(Long::unpack(c.read64(f.addr))), false));
}

// Extended operands: both R fields name the pair 0/2 or 4/6 (chapter 9,
// "ADD NORMALIZED", AXR; "SUBTRACT NORMALIZED", SXR).
void axr(Cpu& c, const u8* ip) {
  const int r1 = ip[1] >> 4, r2 = ip[1] & 0xF;
  check_ext(c, r1);
  check_ext(c, r2);
  Ext a = get_ext(c, r1);
  const u16 code = add_ext(c, a, get_ext(c, r2));
  put_ext(c, r1, a, code == pgm::kSignificance);
  c.psw.cc = cc_of(a.f != 0, a.neg);
  raise(c, code);
}
void sxr(Cpu& c, const u8* ip) {
  const int r1 = ip[1] >> 4, r2 = ip[1] & 0xF;
  check_ext(c, r1);
  check_ext(c, r2);
  Ext a = get_ext(c, r1), b = get_ext(c, r2);
  b.neg = !b.neg;
  const u16 code = add_ext(c, a, b);
  put_ext(c, r1, a, code == pgm::kSignificance);
  c.psw.cc = cc_of(a.f != 0, a.neg);
  raise(c, code);
}

// ---- MULTIPLY ---------------------------------------------------------------------------

// MXDR, MXD: the long first operand is the high-order register of the pair
// that receives the extended product; MXDR's R2 may be any FPR.
void mxdr(Cpu& c, const u8* ip) {
  const int r1 = ip[1] >> 4, r2 = ip[1] & 0xF;
  check_ext(c, r1);
  check_fpr(c, r2);
  raise(c, ext_mul_long(c, r1, long_reg(c, r2)));
}
void mxd(Cpu& c, const u8* ip) {
  RX f(c, ip);
  check_ext(c, f.r1);
  raise(c, ext_mul_long(c, f.r1, Long::unpack(c.read64(f.addr))));
}
void mxr(Cpu& c, const u8* ip) {
  const int r1 = ip[1] >> 4, r2 = ip[1] & 0xF;
  check_ext(c, r1);
  check_ext(c, r2);
  Ext a = get_ext(c, r1);
  const u16 code = mul_ext(c, a, get_ext(c, r2));
  put_ext(c, r1, a);
  raise(c, code);
}

// ---- DIVIDE ---------------------------------------------------------------------------------

// DXR (RRE format, B22D): R1 and R2 in byte 3, both extended pairs.
void dxr(Cpu& c, const u8* ip) {
  const int r1 = ip[3] >> 4, r2 = ip[3] & 0xF;
  check_ext(c, r1);
  check_ext(c, r2);
  Ext a = get_ext(c, r1);
  const u16 code = div_ext(c, a, get_ext(c, r2));
  put_ext(c, r1, a);
  raise(c, code);
}

}  // namespace s370::insn
