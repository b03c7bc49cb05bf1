// A bare machine for one-instruction tests: 1 MiB of storage, no channels,
// the deterministic clock. The instruction under test goes at X'200',
// followed by LPSW of a disabled wait PSW at X'1F0' (instruction address
// X'C0DE'); a program interruption loads the program new PSW, a disabled
// wait at X'EE68', and leaves the BC old PSW at X'28'. Addresses here are
// absolute (the PSW has DAT off and the prefix is zero).
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "s370/clock.h"
#include "s370/cpu.h"
#include "s370/opcodes.h"

namespace s370::test {

struct CpuFixture {
  Storage storage{1u << 20};
  Host host;
  InstructionClock clock;
  Cpu cpu{storage, host, clock};

  // How the instruction ended.
  struct Outcome {
    u16 code = 0;  // program-interruption code, 0 when none
    u8 cc = 0;     // condition code after it (from the old PSW after an interruption)
    u8 ilc = 0;    // ILC in the old PSW (halfwords), after an interruption
    u32 old_ia = 0;  // instruction address in the old PSW, after an interruption
  };

  CpuFixture() {
    put64(0x68, 0x000200000000EE68);   // program new PSW
    put64(0x1F0, 0x000200000000C0DE);  // the end
  }

  // ---- Storage by absolute address ----------------------------------------
  void put(u32 a, const std::vector<u8>& bytes) {
    storage.write(AbsAddr(a), bytes.data(), static_cast<u32>(bytes.size()));
  }
  // `hex` is pairs of hex digits, e.g. "0012345C".
  void put_hex(u32 a, std::string_view hex) { put(a, bytes_of(hex)); }
  void put32(u32 a, u32 v) {
    u8 b[4];
    store_be32(b, v);
    storage.write(AbsAddr(a), b, 4);
  }
  void put64(u32 a, u64 v) {
    u8 b[8];
    store_be64(b, v);
    storage.write(AbsAddr(a), b, 8);
  }
  std::string hex(u32 a, u32 len) {
    std::vector<u8> b(len);
    storage.read(AbsAddr(a), b.data(), len);
    static const char digits[] = "0123456789ABCDEF";
    std::string s;
    for (u8 x : b) {
      s += digits[x >> 4];
      s += digits[x & 15];
    }
    return s;
  }
  u64 get64(u32 a) {
    u8 b[8];
    storage.read(AbsAddr(a), b, 8);
    return load_be64(b);
  }
  u32 get32(u32 a) {
    u8 b[4];
    storage.read(AbsAddr(a), b, 4);
    return load_be32(b);
  }

  static std::vector<u8> bytes_of(std::string_view hex) {
    auto nibble = [](char ch) { return ch <= '9' ? ch - '0' : (ch | 0x20) - 'a' + 10; };
    std::vector<u8> b;
    for (size_t i = 0; i + 1 < hex.size(); i += 2)
      b.push_back(static_cast<u8>((nibble(hex[i]) << 4) | nibble(hex[i + 1])));
    return b;
  }

  // ---- Running ----------------------------------------------------------------
  // Runs the instruction in `insn` (its first 2, 4 or 6 bytes are used) at
  // X'200' in the BC mode with the given condition code, program mask and
  // PSW key, supervisor state, interruptions off.
  Outcome run(const std::vector<u8>& insn, u8 cc = 0, u8 progmask = 0, u8 key = 0) {
    std::vector<u8> code(insn.begin(), insn.begin() + insn_length(insn[0]));
    for (u8 b : {0x82, 0x00, 0x01, 0xF0}) code.push_back(b);  // LPSW X'1F0'
    put(0x200, code);
    // BC PSW: key in bits 8-11; ILC, condition code and program mask in byte 4.
    cpu.load_psw(Psw::from_u64((u64{key} << 52) | (u64{static_cast<u8>((cc << 4) | progmask)} << 24) | 0x200));
    // The instruction alone first, to see its condition code before the
    // LPSW replaces it; then on to the wait.
    cpu.run(1);
    const u8 cc_after = cpu.psw.cc;
    const RunResult r = cpu.run(100);
    REQUIRE(r.reason == StopReason::DisabledWait);
    if (cpu.psw.ia == 0xEE68) {
      const u64 old = get64(0x28);
      return {static_cast<u16>(old >> 32), static_cast<u8>((old >> 28) & 3), static_cast<u8>((old >> 30) & 3),
              static_cast<u32>(old) & kAddrMask};
    }
    REQUIRE(cpu.psw.ia == 0xC0DE);
    return {0, cc_after, 0, 0};
  }
  Outcome run_hex(std::string_view insn, u8 cc = 0, u8 progmask = 0, u8 key = 0) {
    return run(bytes_of(insn), cc, progmask, key);
  }
};

}  // namespace s370::test
