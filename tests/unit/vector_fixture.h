// The vector machine of test_general.cpp and test_control.cpp: the
// instruction at X'200' with SVC 255 after it, registers, storage keys and
// prefix set up first, and the end state (condition code, next address, or
// interruption code, ILC and old PSW) read back. The same layout was run on
// Hercules 3.13 to make the expected values.
#pragma once

#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "cpu_fixture.h"

namespace s370::test {


// A BC-mode PSW for X'200' with the given condition code, program mask,
// PSW key, problem-state bit and system mask (chapter 4, "Program-Status
// Word").
constexpr u64 bc(int cc, int pm = 0, int key = 0, bool problem = false, int sysmask = 0) {
  return (u64(sysmask) << 56) | (u64(key) << 52) | (u64(problem) << 48) | (u64((cc << 4) | pm) << 24) | 0x200;
}

// How a run ended. The instruction under test is at real X'200', followed by
// SVC 255; the SVC new PSW is a disabled wait at X'C0DE' and the program new
// PSW one at X'EE68', so the SVC old PSW (real X'20') shows the condition
// code, program mask, key and next address after the instruction, and the
// program old PSW (real X'28', plus X'8C' in the EC mode) an interruption.
// The oracle runs exactly this layout (see the file comment).
struct End {
  u32 end = 0;   // instruction address of the final wait PSW
  u64 old = 0;   // SVC old PSW (completed) or program old PSW
  u16 code = 0;  // program-interruption code
  u8 ilc = 0;    // ILC in halfwords, after a program interruption
  u32 ia = 0;    // old PSW instruction address, after a program interruption
  u32 next = 0;  // address of the instruction that ran next (SVC 255's)
  u8 cc = 0, pm = 0, key = 0, sysmask = 0;
  bool ec = false, problem = false;
  bool done() const { return end == 0xC0DE; }
  bool program() const { return end == 0xEE68; }
};

struct M : CpuFixture {
  u32 copy_low_to = 0;

  M() {
    for (u32 a : {0x58u, 0x70u, 0x78u}) put64(a, 0x0002000000000000ull | (0xEE00u | a));
    put64(0x60, 0x000200000000C0DEull);  // SVC new PSW: the normal end
  }
  void set_key(u32 a, u8 k) { storage.key(AbsAddr(a)) = k; }
  u8 key(u32 a) { return storage.key(AbsAddr(a)); }
  void fill(u32 a, u8 v, u32 n) { put(a, std::vector<u8>(n, v)); }
  // n bytes counting up from `first`, wrapping at 256.
  void put_seq(u32 a, u32 n, u8 first = 0) {
    std::vector<u8> b(n);
    for (u32 i = 0; i < n; i++) b[i] = static_cast<u8>(first + i);
    put(a, b);
  }
  // A TRANSLATE AND TEST table: function byte 4 for X'40', 8 for X'6B'.
  void put_trt_table(u32 a) {
    std::vector<u8> t(256, 0);
    t[0x40] = 4;
    t[0x6B] = 8;
    put(a, t);
  }
  // FNV-1a of n bytes: long results compared in one line.
  u64 fnv(u32 a, u32 n) {
    std::vector<u8> b(n);
    storage.read(AbsAddr(a), b.data(), n);
    u64 h = 0xcbf29ce484222325ull;
    for (u8 x : b) h = (h ^ x) * 0x100000001b3ull;
    return h;
  }
  // Copy absolute 0-2047, with the instruction, to `dst` when go() has
  // placed it: low core for a prefix that SPX will set.
  void copy_low(u32 dst) { copy_low_to = dst; }
  // Moves the prefix to `p` with a copy of the low 2K there (the oracle's
  // prologue does the same with SPX).
  void set_prefix(u32 p) {
    std::vector<u8> low(0x800);
    storage.read(AbsAddr(0), low.data(), 0x800);
    storage.write(AbsAddr(p), low.data(), 0x800);
    cpu.prefix = p;
  }
  u64 real64(u32 r) {
    u8 b[8];
    storage.read(cpu.real_to_abs(RealAddr(r)), b, 8);
    return load_be64(b);
  }
  // Runs the instruction `insn` (hex; bytes past its length ignored) at
  // real X'200' from the PSW `psw` to the final wait.
  End go(std::string_view insn, u64 psw = 0x200) {
    std::vector<u8> code = bytes_of(insn);
    code.resize(insn_length(code[0]));
    return run_code(code, psw);
  }
  // The same for a sequence of instructions (hex, blanks allowed).
  End go_seq(std::string_view insns, u64 psw = 0x200) {
    std::string h;
    for (char ch : insns)
      if (ch != ' ') h += ch;
    return run_code(bytes_of(h), psw);
  }
  End run_code(std::vector<u8> code, u64 psw) {
    code.push_back(0x0A);  // SVC 255
    code.push_back(0xFF);
    storage.write(cpu.real_to_abs(RealAddr(0x200)), code.data(), static_cast<u32>(code.size()));
    if (copy_low_to) {
      std::vector<u8> low(0x800);
      storage.read(AbsAddr(0), low.data(), 0x800);
      storage.write(AbsAddr(copy_low_to), low.data(), 0x800);
    }
    cpu.load_psw(Psw::from_u64(psw));
    const RunResult rr = cpu.run(1000);
    REQUIRE(rr.reason == StopReason::DisabledWait);
    End e;
    e.end = cpu.psw.ia;
    if (e.done() || e.program()) {
      e.old = real64(e.done() ? 0x20 : 0x28);
      e.ec = (e.old >> 51) & 1;
      e.sysmask = static_cast<u8>(e.old >> 56);
      e.key = (e.old >> 52) & 0xF;
      e.problem = (e.old >> 48) & 1;
      e.cc = e.ec ? (e.old >> 44) & 3 : (e.old >> 28) & 3;
      e.pm = e.ec ? (e.old >> 40) & 0xF : (e.old >> 24) & 0xF;
      const u32 ia = static_cast<u32>(e.old) & kAddrMask;
      if (e.done()) {
        e.next = (ia - 2) & kAddrMask;
      } else if (e.ec) {
        // EC mode: ILC in bits 13-14 and the code in bits 16-31 of X'8C'.
        const u32 w = static_cast<u32>(real64(0x88));
        e.ia = ia;
        e.code = static_cast<u16>(w);
        e.ilc = (w >> 17) & 3;
      } else {
        e.ia = ia;
        e.code = static_cast<u16>(e.old >> 32);
        e.ilc = (e.old >> 30) & 3;
      }
    }
    return e;
  }
};


}  // namespace s370::test
