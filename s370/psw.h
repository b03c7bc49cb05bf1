// The program-status word (Principles of Operation, chapter 4, "Program-
// Status Word"). A value type holding the fields apart; it converts to and
// from the 8-byte form in both the basic-control (BC) and the
// extended-control (EC) format.
#pragma once

#include "s370/types.h"

namespace s370 {

struct Psw {
  // Bits 0-7. In BC mode: channel masks 0-5, mask for channels 6 and up,
  // external mask. In EC mode: 0, PER mask, 0, 0, 0, DAT mode, I/O mask,
  // external mask.
  u8 sysmask = 0;
  u8 key = 0;         // bits 8-11, 0..15
  bool ec = false;    // bit 12: extended-control mode
  bool mcheck = false;  // bit 13: machine-check mask
  bool wait = false;    // bit 14
  bool problem = false; // bit 15
  u8 cc = 0;          // condition code, 0..3
  u8 progmask = 0;    // 4 bits: fixed overflow, decimal overflow, exp underflow, significance
  u32 ia = 0;         // instruction address, 24 bits
  // BC mode only, and only meaningful in an old PSW: bits 16-31 and 32-33.
  u16 intcode = 0;
  u8 ilc = 0;         // instruction-length code (halfwords, 0..3)
  // EC mode only: bits 16-17, 24-31 and 32-39 as loaded. They must be zero;
  // they are kept so that the old PSW of the specification exception shows
  // them as the program loaded them.
  u64 reserved = 0;
  static constexpr u64 kEcReserved = 0x0000C0FFFF000000ull;

  // Bits of the system mask in EC mode.
  static constexpr u8 kEcPer = 0x40;
  static constexpr u8 kEcDat = 0x04;
  static constexpr u8 kEcIo = 0x02;
  static constexpr u8 kExt = 0x01;  // the same bit in both modes

  // Program-mask bits (bits 36-39 of the BC PSW, 20-23 of the EC PSW).
  static constexpr u8 kPmFixedOverflow = 8;
  static constexpr u8 kPmDecimalOverflow = 4;
  static constexpr u8 kPmExpUnderflow = 2;
  static constexpr u8 kPmSignificance = 1;

  bool dat() const { return ec && (sysmask & kEcDat); }
  bool per() const { return ec && (sysmask & kEcPer); }
  bool ext_enabled() const { return sysmask & kExt; }
  // The bits the Principles require to be zero are zero (chapter 4,
  // "Exceptions Associated with the PSW"); otherwise the PSW causes a
  // specification exception once it is in effect.
  bool valid() const { return !ec || ((sysmask & 0xB8) == 0 && reserved == 0); }

  // Inline: every interruption stores one PSW and loads another, and an
  // out-of-line call made the Cpu copy the fields back through memory.
  static Psw from_u64(u64 raw);
  u64 to_u64() const;
  bool operator==(const Psw&) const = default;
};

inline Psw Psw::from_u64(u64 raw) {
  Psw p;
  const u32 hi = static_cast<u32>(raw >> 32);
  const u32 lo = static_cast<u32>(raw);
  p.sysmask = static_cast<u8>(hi >> 24);
  p.key = (hi >> 20) & 0xF;
  p.ec = (hi >> 19) & 1;
  p.mcheck = (hi >> 18) & 1;
  p.wait = (hi >> 17) & 1;
  p.problem = (hi >> 16) & 1;
  p.ia = lo & kAddrMask;
  if (p.ec) {
    // EC format: bits 0, 2-4, 16-17 and 24-39 must be zero.
    p.cc = (hi >> 12) & 3;
    p.progmask = (hi >> 8) & 0xF;
    p.reserved = raw & kEcReserved;
  } else {
    p.intcode = static_cast<u16>(hi);
    p.ilc = (lo >> 30) & 3;
    p.cc = (lo >> 28) & 3;
    p.progmask = (lo >> 24) & 0xF;
  }
  return p;
}

inline u64 Psw::to_u64() const {
  u32 hi = (u32{sysmask} << 24) | (u32{key} << 20) | (u32{ec} << 19) | (u32{mcheck} << 18) |
           (u32{wait} << 17) | (u32{problem} << 16);
  u32 lo = ia & kAddrMask;
  if (ec) {
    hi |= (u32{cc} << 12) | (u32{progmask} << 8) | static_cast<u32>(reserved >> 32);
    lo |= static_cast<u32>(reserved);
  } else {
    hi |= intcode;
    lo |= (u32{ilc} << 30) | (u32{cc} << 28) | (u32{progmask} << 24);
  }
  return (u64{hi} << 32) | lo;
}

}  // namespace s370
