#include "s370/psw.h"

namespace s370 {

Psw Psw::from_u64(u64 raw) {
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

u64 Psw::to_u64() const {
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
