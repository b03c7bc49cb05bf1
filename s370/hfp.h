// Hexadecimal floating point (Principles of Operation, chapter 9): the
// arithmetic on unpacked numbers that float.cpp's handlers share, and the
// handlers the run loop expands in place (S370_INLINE_HFP and
// S370_INLINE_HFP_RAISING), defined here so that cpu.cpp sees their bodies.
//
// All arithmetic is done on integer fractions: a short fraction is 6 hex
// digits (24 bits), a long one 14 digits (56 bits), both in a u64; an
// extended one 28 digits (112 bits) in an unsigned __int128. Host floating
// point is never used: its rounding and range are not those of HFP.
//
// Results are truncated, never rounded (chapter 9, "Floating-Point Data
// Format"), except by LOAD ROUNDED. Exceptions that complete the operation
// (exponent overflow, exponent underflow with its mask on, significance with
// its mask on) store the result first and then interrupt; the floating-point
// divide exception and every specification and access exception suppress.
#pragma once

#include <bit>

#include "s370/formats.h"
#include "s370/general.h"  // S370_INLINE

// The HFP handlers the run loop expands in place, as (name, length in
// bytes): loads, stores, sign changes and compares, which end in no
// interruption but a suppressing one (a C++ exception, as for the general
// instructions).
#define S370_INLINE_HFP(X)                                                                 \
  X(ldr, 2) X(ler, 2) X(ltdr, 2) X(lcdr, 2) X(lpdr, 2) X(lndr, 2) X(lter, 2) X(lcer, 2)    \
  X(lper, 2) X(lner, 2) X(cdr, 2) X(cer, 2) X(ld, 4) X(le, 4) X(std, 4) X(ste, 4) X(cd, 4) \
  X(ce, 4)
// The arithmetic the run loop expands in place: each is X_code, which
// stores its result and returns the code of an exception that completes
// the instruction (or 0), and the table's handler X, which takes that
// interruption (Cpu::program_interrupt). In place, the loop takes it,
// after storing the instruction's address and ILC: HFP significance and
// underflow are routine in some programs, so no C++ exception for them.
#define S370_INLINE_HFP_RAISING(X)                                                         \
  X(adr, 2) X(sdr, 2) X(mdr, 2) X(ddr, 2) X(aer, 2) X(ser, 2) X(mer, 2) X(der, 2) X(ad, 4) \
  X(sd, 4) X(md, 4) X(dd, 4) X(ae, 4) X(se, 4) X(me, 4) X(de, 4)

namespace s370::insn {
namespace hfp {

__extension__ typedef unsigned __int128 u128;

inline constexpr u64 kFrac56 = 0x00FFFFFFFFFFFFFFull;

// ---- Register designation ---------------------------------------------------
// R fields must name FPR 0, 2, 4 or 6, or for an extended operand the pair
// 0/2 or 4/6; any other is a specification exception (chapter 9, "Floating-
// Point Registers"). Checked before anything else, so the instruction is
// suppressed.
S370_INLINE void check_fpr(Cpu& c, int r) {
  if (r & 9) c.program_check(pgm::kSpecification);
}
S370_INLINE void check_ext(Cpu& c, int r) {
  if (r & 11) c.program_check(pgm::kSpecification);
}

// A short operand is the left half of a register; a short result leaves the
// right half unchanged (chapter 9, "Floating-Point Data Format").
S370_INLINE u32 get_short(const Cpu& c, int r) { return static_cast<u32>(c.fpr[r >> 1] >> 32); }
S370_INLINE void put_short(Cpu& c, int r, u32 v) {
  u64& reg = c.fpr[r >> 1];
  reg = (u64{v} << 32) | (reg & 0xFFFFFFFFu);
}

// ---- Unpacked numbers -------------------------------------------------------
// A short or long number: D hex digits of fraction, the characteristic as a
// plain int (it may leave 0..127 in the middle of an operation) and the sign.
template <int D>
struct Hfp {
  static constexpr int kBits = 4 * D;
  static constexpr u64 kMask = (u64{1} << kBits) - 1;
  u64 f;
  int e;
  bool neg;

  // A short number is taken from and put in the low 32 bits of the u64.
  [[gnu::always_inline]] static Hfp unpack(u64 v) {
    return {v & kMask, static_cast<int>((v >> kBits) & 127), ((v >> (kBits + 7)) & 1) != 0};
  }
  // The characteristic is taken modulo 128, which is the wrap the Principles
  // ask for on exponent overflow (128 less) and underflow (128 more).
  [[gnu::always_inline]] u64 pack() const { return (u64{neg} << (kBits + 7)) | (static_cast<u64>(e & 127) << kBits) | f; }
};
using Short = Hfp<6>;
using Long = Hfp<14>;

// An extended number: 28 digits in a u128.
struct Ext {
  u128 f;
  int e;
  bool neg;
};

inline Ext get_ext(const Cpu& c, int r) {
  // The sign and characteristic of the low-order part are ignored.
  const u64 hi = c.fpr[r >> 1], lo = c.fpr[(r >> 1) + 1];
  return {(u128{hi & kFrac56} << 56) | (lo & kFrac56), static_cast<int>((hi >> 56) & 127), (hi >> 63) != 0};
}

// Chapter 9, "Floating-Point Data Format": the low-order part of an extended
// result gets the sign of the high-order part and, unless the result is made
// a true zero, a characteristic 14 less (modulo 128) than the high-order
// one. A zero fraction kept with its characteristic for a significance
// interruption is not made a true zero, even when that characteristic is 0
// (Hercules agrees: low-order part X'72000000 00000000').
inline void put_ext(Cpu& c, int r, const Ext& x, bool significance = false) {
  const u64 sign = u64{x.neg} << 63;
  const u64 ch = static_cast<u64>(x.e & 127);
  const u64 hi = sign | (ch << 56) | static_cast<u64>(x.f >> 56);
  u64 lo = sign | (static_cast<u64>(x.f) & kFrac56);
  if (hi != 0 || lo != 0 || significance) lo |= static_cast<u64>((ch - 14) & 127) << 56;
  c.fpr[r >> 1] = hi;
  c.fpr[(r >> 1) + 1] = lo;
}

// (hi:lo) / d for hi < d, so that the quotient fits in 64 bits: on x86-64
// one DIV instruction, where the compiler's u128 division calls a library
// routine that tests for the general case first (LONG DIVIDE spent a fifth
// of its time there).
S370_INLINE u64 div128(u64 hi, u64 lo, u64 d) {
#if defined(__x86_64__)
  u64 q, r;
  __asm__("divq %4" : "=a"(q), "=d"(r) : "a"(lo), "d"(hi), "rm"(d) : "cc");
  return q;
#else
  return static_cast<u64>(((u128{hi} << 64) | lo) / d);
#endif
}

inline int clz128(u128 v) {
  const u64 hi = static_cast<u64>(v >> 64);
  return hi ? std::countl_zero(hi) : 64 + std::countl_zero(static_cast<u64>(v));
}

// Prenormalization of a nonzero fraction (MULTIPLY and DIVIDE normalize
// their operands first): shift left until the leftmost digit is nonzero.
template <int D>
S370_INLINE void normalize(Hfp<D>& x) {
  // Operands are mostly normalized already: a predicted branch on the
  // leftmost digit keeps the count of zeros off the chain of dependent
  // operations from one HFP instruction to the next.
  if (x.f >> (4 * D - 4)) [[likely]]
    return;
  const int k = (std::countl_zero(x.f) - (64 - 4 * D)) >> 2;
  x.f <<= 4 * k;
  x.e -= k;
}
inline void normalize(Ext& x) {
  const int k = (clz128(x.f) - 16) >> 2;
  x.f <<= 4 * k;
  x.e -= k;
}

// ---- Exceptions that complete -------------------------------------------------
// Exponent overflow: the characteristic is stored 128 less (pack wraps it)
// and the interruption is always taken. Exponent underflow: with PSW bit 38
// on, the characteristic is stored 128 greater and the interruption taken;
// with it off the result is made a true zero (chapter 9, "Exponent
// Underflow"). Returns the interruption code to raise after storing, or 0.
template <class N>
S370_INLINE u16 range(const Cpu& c, N& x) {
  if (x.e > 127) [[unlikely]]
    return pgm::kExponentOverflow;
  if (x.e < 0) [[unlikely]] {
    if (c.psw.progmask & Psw::kPmExpUnderflow) return pgm::kExponentUnderflow;
    x = N{0, 0, false};
  }
  return 0;
}

// A zero result fraction from addition: with PSW bit 39 on, the result keeps
// the intermediate characteristic (and a plus sign) and a significance
// interruption follows; with it off the result is a true zero.
template <class N>
S370_INLINE u16 significance(const Cpu& c, N& x, int e) {
  if (c.psw.progmask & Psw::kPmSignificance) {
    x = N{0, e, false};
    return pgm::kSignificance;
  }
  x = N{0, 0, false};
  return 0;
}

// Finishes an instruction that stored its result: raise the pending
// exception, if any. The result is stored and nothing is left to undo, so
// the interruption is taken without a C++ exception (every caller returns
// right after; no HFP handler is expanded in place).
S370_INLINE void raise(Cpu& c, u16 code) {
  if (code) [[unlikely]]
    c.program_interrupt(code);
}

S370_INLINE u8 cc_of(bool nonzero, bool neg) { return nonzero ? (neg ? 1 : 2) : 0; }

// ---- Addition (ADD NORMALIZED, ADD UNNORMALIZED, SUBTRACT, COMPARE) ---------------
// Chapter 9, "ADD NORMALIZED": the fraction of the operand with the smaller
// characteristic is shifted right by the difference; one guard digit is
// kept and digits shifted beyond it are lost. The intermediate sum has
// D + 1 digits and a possible carry. The work value w holds it with the
// guard digit at bits (G-4 .. G-1), the fraction above it and the carry in
// bits 60-63.
template <int D>
struct Aligned {
  u64 w;
  int e;
  bool neg;
};

template <int D>
S370_INLINE Aligned<D> add_aligned(const Hfp<D>& a, const Hfp<D>& b) {
  constexpr int G = 60 - 4 * D;
  // Short operands: the bits below the guard digit must stay zero.
  constexpr u64 kKeep = ~((u64{1} << (G - 4)) - 1);
  u64 wa = a.f << G, wb = b.f << G;
  int e = a.e;
  if (a.e > b.e) {
    const int d = a.e - b.e;
    wb = d < 16 ? (wb >> (4 * d)) & kKeep : 0;
  } else if (a.e < b.e) {
    const int d = b.e - a.e;
    wa = d < 16 ? (wa >> (4 * d)) & kKeep : 0;
    e = b.e;
  }
  if (a.neg == b.neg) return {wa + wb, e, a.neg};
  if (wa >= wb) return {wa - wb, e, a.neg};
  return {wb - wa, e, b.neg};
}

// a := a + b. Returns the interruption code to raise after storing.
template <int D>
S370_INLINE u16 add(const Cpu& c, Hfp<D>& a, const Hfp<D>& b, bool normalized) {
  constexpr int G = 60 - 4 * D;
  auto [w, e, neg] = add_aligned(a, b);
  if (w >> 60) {
    // Carry out of the leftmost digit: shift right one digit.
    w >>= 4;
    e++;
  } else if (normalized && !(w >> 56) && w) {
    // Normalize the intermediate sum, guard digit included (when its
    // leftmost digit, bits 56-59, is zero: tested first, as in normalize).
    const int k = (std::countl_zero(w) - 4) >> 2;
    w <<= 4 * k;
    e -= k;
  }
  // Truncate the guard digit. For ADD UNNORMALIZED the guard digit does
  // not take part in recognizing a zero result fraction.
  const u64 f = w >> G;
  if (f == 0) return significance(c, a, e);
  a = Hfp<D>{f, e, neg};
  return range(c, a);
}

// COMPARE: the operands are compared by the rules of normalized
// subtraction (guard digit included); nothing changes but the cc.
template <int D>
S370_INLINE u8 compare(const Hfp<D>& a, Hfp<D> b) {
  b.neg = !b.neg;
  const auto r = add_aligned(a, b);
  return cc_of(r.w != 0, r.neg);
}

inline u16 add_ext(const Cpu& c, Ext& a, const Ext& b) {
  // The same with 28 digits: w holds the guard digit in bits 0-3, the
  // fraction in bits 4-115 and the carry in bits 116-119.
  u128 wa = a.f << 4, wb = b.f << 4;
  int e = a.e;
  if (a.e > b.e) {
    const int d = a.e - b.e;
    wb = d < 31 ? wb >> (4 * d) : 0;
  } else if (a.e < b.e) {
    const int d = b.e - a.e;
    wa = d < 31 ? wa >> (4 * d) : 0;
    e = b.e;
  }
  u128 w;
  bool neg;
  if (a.neg == b.neg) {
    w = wa + wb;
    neg = a.neg;
  } else if (wa >= wb) {
    w = wa - wb;
    neg = a.neg;
  } else {
    w = wb - wa;
    neg = b.neg;
  }
  if (w >> 116) {
    w >>= 4;
    e++;
  } else if (w) {
    const int k = (clz128(w) - 12) >> 2;
    w <<= 4 * k;
    e -= k;
  }
  const u128 f = w >> 4;
  if (f == 0) return significance(c, a, e);
  a = Ext{f, e, neg};
  return range(c, a);
}

// ---- Multiplication -------------------------------------------------------------
// Chapter 9, "MULTIPLY": the operands are prenormalized, the product
// fraction is normalized (at most one digit) and truncated, and the
// characteristic is the sum of the characteristics less 64. A zero operand
// fraction gives a true zero. The condition code is unchanged.

// MDR, MD: long x long -> long.
S370_INLINE u16 mul_long(const Cpu& c, Long& a, Long b) {
  if (a.f == 0 || b.f == 0) {
    a = Long{0, 0, false};
    return 0;
  }
  normalize(a);
  normalize(b);
  u128 p = u128{a.f} * b.f;  // 28 digits
  int e = a.e + b.e - 64;
  if (!(p >> 108)) {
    p <<= 4;
    e--;
  }
  a = Long{static_cast<u64>(p >> 56), e, a.neg != b.neg};
  return range(c, a);
}

// MER, ME: short x short -> long; the 12-digit product is exact.
S370_INLINE u16 mul_short_to_long(const Cpu& c, Short a, Short b, Long& r) {
  if (a.f == 0 || b.f == 0) {
    r = Long{0, 0, false};
    return 0;
  }
  normalize(a);
  normalize(b);
  u64 p = a.f * b.f;  // 12 digits
  int e = a.e + b.e - 64;
  if (!(p >> 44)) {
    p <<= 4;
    e--;
  }
  r = Long{p << 8, e, a.neg != b.neg};
  return range(c, r);
}

// MXDR, MXD: long x long -> extended; the 28-digit product is exact.
inline u16 mul_long_to_ext(const Cpu& c, Long a, Long b, Ext& r) {
  if (a.f == 0 || b.f == 0) {
    r = Ext{0, 0, false};
    return 0;
  }
  normalize(a);
  normalize(b);
  u128 p = u128{a.f} * b.f;
  int e = a.e + b.e - 64;
  if (!(p >> 108)) {
    p <<= 4;
    e--;
  }
  r = Ext{p, e, a.neg != b.neg};
  return range(c, r);
}

// MXR: extended x extended -> extended; the 56-digit product is truncated.
inline u16 mul_ext(const Cpu& c, Ext& a, Ext b) {
  if (a.f == 0 || b.f == 0) {
    a = Ext{0, 0, false};
    return 0;
  }
  normalize(a);
  normalize(b);
  const u64 a0 = static_cast<u64>(a.f), a1 = static_cast<u64>(a.f >> 64);
  const u64 b0 = static_cast<u64>(b.f), b1 = static_cast<u64>(b.f >> 64);
  const u128 t0 = u128{a0} * b0, t1 = u128{a0} * b1, t2 = u128{a1} * b0, t3 = u128{a1} * b1;
  const u128 mid = (t0 >> 64) + static_cast<u64>(t1) + static_cast<u64>(t2);
  const u128 lo = (mid << 64) | static_cast<u64>(t0);
  const u128 hi = t3 + (t1 >> 64) + (t2 >> 64) + (mid >> 64);  // product = hi:lo, 224 bits
  int e = a.e + b.e - 64;
  u128 f;
  if (hi >> 92) {  // leftmost digit (bits 220-223) nonzero
    f = (hi << 16) | (lo >> 112);
  } else {
    f = (hi << 20) | (lo >> 108);
    e--;
  }
  a = Ext{f, e, a.neg != b.neg};
  return range(c, a);
}

// ---- Division -------------------------------------------------------------------
// Chapter 9, "DIVIDE": a zero divisor fraction is a floating-point divide
// exception (suppressed); otherwise a zero dividend fraction gives a true
// zero. The operands are prenormalized; when the dividend fraction is not
// less than the divisor's it is shifted right one digit first, so the
// quotient fraction is below one. The quotient is truncated.
template <int D>
S370_INLINE u16 div(Cpu& c, Hfp<D>& a, Hfp<D> b) {
  if (b.f == 0) c.program_check(pgm::kFloatDivide);
  if (a.f == 0) {
    a = Hfp<D>{0, 0, false};
    return 0;
  }
  normalize(a);
  normalize(b);
  int e = a.e - b.e + 64;
  int shift = 4 * D;
  if (a.f >= b.f) {
    e++;
    shift -= 4;
  }
  u64 q;
  if constexpr (D == 6)
    q = (a.f << shift) / b.f;
  else
    q = div128(a.f >> (64 - shift), a.f << shift, b.f);
  a = Hfp<D>{q, e, a.neg != b.neg};
  return range(c, a);
}

inline u16 div_ext(Cpu& c, Ext& a, Ext b) {
  if (b.f == 0) c.program_check(pgm::kFloatDivide);
  if (a.f == 0) {
    a = Ext{0, 0, false};
    return 0;
  }
  normalize(a);
  normalize(b);
  int e = a.e - b.e + 64;
  u128 d = b.f;
  if (a.f >= b.f) {
    e++;
    d <<= 4;
  }
  // Restoring division, one quotient bit a step: q = a * 2**112 / d.
  u128 r = a.f, q = 0;
  for (int i = 0; i < 112; i++) {
    r <<= 1;
    q <<= 1;
    if (r >= d) {
      r -= d;
      q |= 1;
    }
  }
  a = Ext{q, e, a.neg != b.neg};
  return range(c, a);
}

// ---- HALVE ------------------------------------------------------------------------
// Chapter 9, "HALVE": the fraction is shifted right one bit, the bit shifted
// out going into a guard digit, and the result is normalized. A zero
// fraction gives a true zero; exponent underflow is possible, overflow not.
template <int D>
S370_INLINE u16 halve(const Cpu& c, Hfp<D>& x) {
  if (x.f & (u64{0xE} << (4 * D - 4))) {
    x.f >>= 1;  // still normalized; the guard digit is truncated
    return 0;
  }
  // Leftmost digit 0 or 1: half of the fraction times 16, one digit lower.
  x.f <<= 3;
  x.e--;
  if (x.f == 0) {
    x = Hfp<D>{0, 0, false};
    return 0;
  }
  normalize(x);
  return range(c, x);
}

// Short and long operands of the register-and-storage forms.
S370_INLINE Short short_reg(const Cpu& c, int r) { return Short::unpack(get_short(c, r)); }
S370_INLINE Long long_reg(const Cpu& c, int r) { return Long::unpack(c.fpr[r >> 1]); }

// The common shape of AER/AE/SER/SE/AUR/AU/SUR/SU and their long forms.
S370_INLINE u16 short_add(Cpu& c, int r1, Short b, bool normalized) {
  Short a = short_reg(c, r1);
  const u16 code = add(c, a, b, normalized);
  put_short(c, r1, static_cast<u32>(a.pack()));
  c.psw.cc = cc_of(a.f != 0, a.neg);
  return code;
}

S370_INLINE u16 long_add(Cpu& c, int r1, Long b, bool normalized) {
  Long a = long_reg(c, r1);
  const u16 code = add(c, a, b, normalized);
  c.fpr[r1 >> 1] = a.pack();
  c.psw.cc = cc_of(a.f != 0, a.neg);
  return code;
}

S370_INLINE Short negate(Short x) {
  x.neg = !x.neg;
  return x;
}
S370_INLINE Long negate(Long x) {
  x.neg = !x.neg;
  return x;
}

S370_INLINE u16 short_mul(Cpu& c, int r1, Short b) {
  Long r;
  const u16 code = mul_short_to_long(c, short_reg(c, r1), b, r);
  c.fpr[r1 >> 1] = r.pack();  // MER and ME have a long result
  return code;
}

S370_INLINE u16 long_mul(Cpu& c, int r1, Long b) {
  Long a = long_reg(c, r1);
  const u16 code = mul_long(c, a, b);
  c.fpr[r1 >> 1] = a.pack();
  return code;
}

S370_INLINE u16 short_div(Cpu& c, int r1, Short b) {
  Short a = short_reg(c, r1);
  const u16 code = div(c, a, b);
  put_short(c, r1, static_cast<u32>(a.pack()));
  return code;
}

S370_INLINE u16 long_div(Cpu& c, int r1, Long b) {
  Long a = long_reg(c, r1);
  const u16 code = div(c, a, b);
  c.fpr[r1 >> 1] = a.pack();
  return code;
}

inline u16 ext_mul_long(Cpu& c, int r1, Long b) {
  Ext r;
  const u16 code = mul_long_to_ext(c, long_reg(c, r1), b, r);
  put_ext(c, r1, r);
  return code;
}

// The RR forms: both fields must designate FPR 0, 2, 4 or 6.
struct RRf {
  int r1, r2;
  [[gnu::always_inline]] RRf(Cpu& c, const u8* ip) : r1(ip[1] >> 4), r2(ip[1] & 0xF) {
    check_fpr(c, r1);
    check_fpr(c, r2);
  }
};
// The RX forms: R1 must designate FPR 0, 2, 4 or 6.
struct RXf : RX {
  [[gnu::always_inline]] RXf(Cpu& c, const u8* ip) : RX(c, ip) { check_fpr(c, r1); }
};

// ---- Expanded in place ----------------------------------------------------------------

// LOAD, LOAD AND TEST, LOAD COMPLEMENT, LOAD POSITIVE, LOAD NEGATIVE (chapter
// 9): the operand is copied, the sign changed as named, even for a zero
// fraction; the characteristic and fraction are unchanged and no exception
// other than specification can occur. The cc reflects the fraction and the
// resulting sign. STORE: no exception but specification and access.
// COMPARE: by the rules of normalized subtraction; only the cc changes.
// ADD, SUBTRACT (the second operand's sign inverted), MULTIPLY, DIVIDE:
// see the helpers above. The cc of ADD and SUBTRACT: 0 zero fraction, 1
// less than zero, 2 greater than zero.

S370_INLINE void ldr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  c.fpr[f.r1 >> 1] = c.fpr[f.r2 >> 1];
}
S370_INLINE void ler(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  put_short(c, f.r1, get_short(c, f.r2));
}
S370_INLINE void ld(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  c.fpr[f.r1 >> 1] = c.read64(f.addr);
}
S370_INLINE void le(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  put_short(c, f.r1, c.read32(f.addr));
}
S370_INLINE void std(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  c.write64(f.addr, c.fpr[f.r1 >> 1]);
}
S370_INLINE void ste(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  c.write32(f.addr, get_short(c, f.r1));
}
S370_INLINE void ltdr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u64 v = c.fpr[f.r2 >> 1];
  c.fpr[f.r1 >> 1] = v;
  c.psw.cc = cc_of(v & kFrac56, v >> 63);
}
S370_INLINE void lcdr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u64 v = c.fpr[f.r2 >> 1] ^ (u64{1} << 63);
  c.fpr[f.r1 >> 1] = v;
  c.psw.cc = cc_of(v & kFrac56, v >> 63);
}
S370_INLINE void lpdr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u64 v = c.fpr[f.r2 >> 1] & ~(u64{1} << 63);
  c.fpr[f.r1 >> 1] = v;
  c.psw.cc = cc_of(v & kFrac56, false);
}
S370_INLINE void lndr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u64 v = c.fpr[f.r2 >> 1] | (u64{1} << 63);
  c.fpr[f.r1 >> 1] = v;
  c.psw.cc = cc_of(v & kFrac56, true);
}
S370_INLINE void lter(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u32 v = get_short(c, f.r2);
  put_short(c, f.r1, v);
  c.psw.cc = cc_of(v & 0xFFFFFF, v >> 31);
}
S370_INLINE void lcer(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u32 v = get_short(c, f.r2) ^ 0x80000000u;
  put_short(c, f.r1, v);
  c.psw.cc = cc_of(v & 0xFFFFFF, v >> 31);
}
S370_INLINE void lper(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u32 v = get_short(c, f.r2) & 0x7FFFFFFFu;
  put_short(c, f.r1, v);
  c.psw.cc = cc_of(v & 0xFFFFFF, false);
}
S370_INLINE void lner(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  const u32 v = get_short(c, f.r2) | 0x80000000u;
  put_short(c, f.r1, v);
  c.psw.cc = cc_of(v & 0xFFFFFF, true);
}
S370_INLINE void cdr(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  c.psw.cc = compare(long_reg(c, f.r1), long_reg(c, f.r2));
}
S370_INLINE void cd(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  c.psw.cc = compare(long_reg(c, f.r1), Long::unpack(c.read64(f.addr)));
}
S370_INLINE void cer(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  c.psw.cc = compare(short_reg(c, f.r1), short_reg(c, f.r2));
}
S370_INLINE void ce(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  c.psw.cc = compare(short_reg(c, f.r1), Short::unpack(c.read32(f.addr)));
}
S370_INLINE u16 adr_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return long_add(c, f.r1, long_reg(c, f.r2), true);
}
S370_INLINE u16 sdr_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return long_add(c, f.r1, negate(long_reg(c, f.r2)), true);
}
S370_INLINE u16 mdr_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return long_mul(c, f.r1, long_reg(c, f.r2));
}
S370_INLINE u16 ddr_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return long_div(c, f.r1, long_reg(c, f.r2));
}
S370_INLINE u16 aer_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return short_add(c, f.r1, short_reg(c, f.r2), true);
}
S370_INLINE u16 ser_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return short_add(c, f.r1, negate(short_reg(c, f.r2)), true);
}
S370_INLINE u16 mer_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return short_mul(c, f.r1, short_reg(c, f.r2));
}
S370_INLINE u16 der_code(Cpu& c, const u8* ip) {
  RRf f(c, ip);
  return short_div(c, f.r1, short_reg(c, f.r2));
}
S370_INLINE u16 ad_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return long_add(c, f.r1, Long::unpack(c.read64(f.addr)), true);
}
S370_INLINE u16 sd_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return long_add(c, f.r1, negate(Long::unpack(c.read64(f.addr))), true);
}
S370_INLINE u16 md_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return long_mul(c, f.r1, Long::unpack(c.read64(f.addr)));
}
S370_INLINE u16 dd_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return long_div(c, f.r1, Long::unpack(c.read64(f.addr)));
}
S370_INLINE u16 ae_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return short_add(c, f.r1, Short::unpack(c.read32(f.addr)), true);
}
S370_INLINE u16 se_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return short_add(c, f.r1, negate(Short::unpack(c.read32(f.addr))), true);
}
S370_INLINE u16 me_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return short_mul(c, f.r1, Short::unpack(c.read32(f.addr)));
}
S370_INLINE u16 de_code(Cpu& c, const u8* ip) {
  RXf f(c, ip);
  return short_div(c, f.r1, Short::unpack(c.read32(f.addr)));
}

// The table's handlers of the arithmetic: the interruption, if any, once
// the result is stored.
#define S370_HFP_RAISING_HANDLER(h, n) \
  S370_INLINE void h(Cpu& c, const u8* ip) { raise(c, h##_code(c, ip)); }
S370_INLINE_HFP_RAISING(S370_HFP_RAISING_HANDLER)
#undef S370_HFP_RAISING_HANDLER

}  // namespace hfp

#define S370_HFP_USING(h, n) using hfp::h;
#define S370_HFP_USING_RAISING(h, n) \
  using hfp::h;                      \
  using hfp::h##_code;
S370_INLINE_HFP(S370_HFP_USING)
S370_INLINE_HFP_RAISING(S370_HFP_USING_RAISING)
#undef S370_HFP_USING
#undef S370_HFP_USING_RAISING

}  // namespace s370::insn
