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

  static Psw from_u64(u64 raw);
  u64 to_u64() const;
  bool operator==(const Psw&) const = default;
};

}  // namespace s370
