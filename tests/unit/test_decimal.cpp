// Decimal instructions (Principles of Operation GA22-7000, chapter 8,
// "Decimal Instructions", and CONVERT TO BINARY, CONVERT TO DECIMAL, MOVE
// WITH OFFSET, PACK and UNPACK of chapter 7): one instruction at a time on
// a bare machine, from initial storage and registers to final storage,
// registers, condition code and program interruption.
//
// Two kinds of tests:
//  - worked examples whose expected values are derived in the comments
//    from the Principles (several are the examples of Appendix A);
//  - a table of vectors whose expected values are Hercules 3.13's results
//    (herc-oracle, S/370 mode). Each vector was assembled into a small
//    program (the same instruction, storage and registers, condition code
//    1 and the program mask on entry) and run on Hercules; s370run agreed
//    with Hercules on every one of them, on PSW, all registers and storage.
//    The worked examples were cross-checked the same way.
#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "cpu_fixture.h"

using namespace s370;
using s370::test::CpuFixture;

namespace {

// Condition code in the PSW before every instruction, so that "unchanged"
// is visible.
constexpr u8 kStartCc = 1;
constexpr u8 kPmDecimal = Psw::kPmDecimalOverflow;

// Shorthands for the instruction bytes: operands addressed by a 12-bit
// displacement with base register 0. Lengths are in bytes, as written in
// assembler (the instruction holds length - 1).
std::vector<u8> ss2(u8 op, u32 a1, u32 len1, u32 a2, u32 len2) {
  return {op, static_cast<u8>(((len1 - 1) << 4) | (len2 - 1)), static_cast<u8>(a1 >> 8), static_cast<u8>(a1),
          static_cast<u8>(a2 >> 8), static_cast<u8>(a2)};
}
std::vector<u8> ss1(u8 op, u32 a1, u32 len, u32 a2) {
  return {op, static_cast<u8>(len - 1), static_cast<u8>(a1 >> 8), static_cast<u8>(a1), static_cast<u8>(a2 >> 8),
          static_cast<u8>(a2)};
}
std::vector<u8> rx(u8 op, int r1, u32 a2) {
  return {op, static_cast<u8>(r1 << 4), static_cast<u8>(a2 >> 8), static_cast<u8>(a2)};
}
// SHIFT AND ROUND DECIMAL: I3 in the L2 field, the shift in D2(B2).
std::vector<u8> srp(u32 a1, u32 len, u32 d2, u8 i3) {
  return {0xF0, static_cast<u8>(((len - 1) << 4) | i3), static_cast<u8>(a1 >> 8), static_cast<u8>(a1),
          static_cast<u8>(d2 >> 8), static_cast<u8>(d2)};
}
constexpr u8 kAP = 0xFA, kSP = 0xFB, kZAP = 0xF8, kCP = 0xF9, kMP = 0xFC, kDP = 0xFD, kMVO = 0xF1, kPACK = 0xF2,
             kUNPK = 0xF3, kED = 0xDE, kEDMK = 0xDF, kCVB = 0x4F, kCVD = 0x4E;

}  // namespace

// ---- Worked examples ------------------------------------------------------------

TEST_CASE("AP adds algebraically and sets the condition code from the sum") {
  // +12345 + (-999) = +11346: signs differ, so the magnitudes are
  // subtracted; the result gets the preferred plus sign C; cc 2 (positive).
  CpuFixture f;
  f.put_hex(0x800, "0012345C");
  f.put_hex(0x810, "999D");
  const auto out = f.run(ss2(kAP, 0x800, 4, 0x810, 2), kStartCc);
  CHECK(out.code == 0);
  CHECK(out.cc == 2);
  CHECK(f.hex(0x800, 4) == "0011346C");
  CHECK(f.hex(0x810, 2) == "999D");
}

TEST_CASE("AP: a zero sum is positive, even from two negative zeros") {
  // Chapter 8, "Decimal-Number Formats": a zero result is made positive
  // (sign C) unless overflow occurred; cc 0.
  CpuFixture f;
  f.put_hex(0x800, "000D");
  f.put_hex(0x810, "0D");
  const auto out = f.run(ss2(kAP, 0x800, 2, 0x810, 1), kStartCc);
  CHECK(out.cc == 0);
  CHECK(f.hex(0x800, 2) == "000C");
}

TEST_CASE("AP: decimal overflow stores the truncated sum, cc 3, interruption only under the mask") {
  // Chapter 8, "Decimal-Overflow Exception": 999 + 1 = 1000 does not fit
  // in three digits; the rightmost digits are stored (000C) and cc is 3.
  // With PSW bit 37 (BC mode) off there is no interruption.
  {
    CpuFixture f;
    f.put_hex(0x800, "999C");
    f.put_hex(0x810, "1C");
    const auto out = f.run(ss2(kAP, 0x800, 2, 0x810, 1), kStartCc);
    CHECK(out.code == 0);
    CHECK(out.cc == 3);
    CHECK(f.hex(0x800, 2) == "000C");
  }
  // With the mask on: the operation is completed (result stored, cc 3 in
  // the old PSW), then the interruption X'000A'; the old PSW points past
  // the instruction.
  {
    CpuFixture f;
    f.put_hex(0x800, "999C");
    f.put_hex(0x810, "1C");
    const auto out = f.run(ss2(kAP, 0x800, 2, 0x810, 1), kStartCc, kPmDecimal);
    CHECK(out.code == pgm::kDecimalOverflow);
    CHECK(out.cc == 3);
    CHECK(out.ilc == 3);
    CHECK(out.old_ia == 0x206);
    CHECK(f.hex(0x800, 2) == "000C");
  }
  // The lost digit keeps the sign of the true result: -999 + -1 gives 000D.
  {
    CpuFixture f;
    f.put_hex(0x800, "999D");
    f.put_hex(0x810, "1D");
    CHECK(f.run(ss2(kAP, 0x800, 2, 0x810, 1), kStartCc).cc == 3);
    CHECK(f.hex(0x800, 2) == "000D");
  }
}

TEST_CASE("AP: an invalid digit or sign is a data exception that changes nothing") {
  // Chapter 8, "Data Exception": digit codes A-F or a sign code 0-9; the
  // operation is suppressed: storage and condition code stay as they were.
  CpuFixture f;
  f.put_hex(0x800, "0012345C");
  f.put_hex(0x810, "1234");  // sign code 4
  const auto out = f.run(ss2(kAP, 0x800, 4, 0x810, 2), kStartCc);
  CHECK(out.code == pgm::kData);
  CHECK(out.cc == kStartCc);
  CHECK(out.ilc == 3);
  CHECK(f.hex(0x800, 4) == "0012345C");
}

TEST_CASE("AP and ZAP with overlapping operands") {
  // A field added to itself doubles it; ZAP onto a longer field whose
  // rightmost byte coincides with that of the second operand just extends
  // it with zeros (chapter 8, "ZERO AND ADD": the operands may overlap
  // when the rightmost byte of operand 1 is not left of that of operand 2).
  CpuFixture f;
  f.put_hex(0x800, "12345C");
  CHECK(f.run(ss2(kAP, 0x800, 3, 0x800, 3), kStartCc).cc == 2);
  CHECK(f.hex(0x800, 3) == "24690C");
  CpuFixture g;
  g.put_hex(0x800, "123456789C");
  CHECK(g.run(ss2(kZAP, 0x800, 5, 0x803, 2), kStartCc).cc == 2);
  CHECK(g.hex(0x800, 5) == "000000789C");
}

TEST_CASE("SP and CP compare algebraically; +0 equals -0") {
  CpuFixture f;
  f.put_hex(0x800, "000D");
  f.put_hex(0x810, "0C");
  CHECK(f.run(ss2(kCP, 0x800, 2, 0x810, 1), kStartCc).cc == 0);
  f.put_hex(0x800, "123D");  // -123 < -12
  f.put_hex(0x810, "012D");
  CHECK(f.run(ss2(kCP, 0x800, 2, 0x810, 2), kStartCc).cc == 1);
  // -5 - (-7) = +2.
  f.put_hex(0x820, "5D");
  f.put_hex(0x830, "7D");
  CHECK(f.run(ss2(kSP, 0x820, 1, 0x830, 1), kStartCc).cc == 2);
  CHECK(f.hex(0x820, 1) == "2C");
}

TEST_CASE("MP: the Principles' example, and the rule on leading zeros") {
  // Appendix A: 292 x -25 = -7300 into a 4-byte multiplicand field.
  CpuFixture f;
  f.put_hex(0x800, "0000292C");
  f.put_hex(0x810, "025D");
  auto out = f.run(ss2(kMP, 0x800, 4, 0x810, 2), kStartCc);
  CHECK(out.code == 0);
  CHECK(out.cc == kStartCc);  // MP leaves the condition code alone
  CHECK(f.hex(0x800, 4) == "0007300D");
  // The multiplicand must have at least as many bytes of leftmost zeros as
  // the multiplier has bytes (2 here): 0001234C has one. Data exception.
  f.put_hex(0x800, "0001234C");
  f.put_hex(0x810, "002C");
  out = f.run(ss2(kMP, 0x800, 4, 0x810, 2), kStartCc);
  CHECK(out.code == pgm::kData);
  CHECK(f.hex(0x800, 4) == "0001234C");
  // L2 >= L1, or L2 > 8 bytes: specification exception, before any data check.
  f.put_hex(0x800, "FFFFFFFF");
  CHECK(f.run(ss2(kMP, 0x800, 4, 0x810, 4), kStartCc).code == pgm::kSpecification);
  CHECK(f.run(ss2(kMP, 0x800, 16, 0x810, 9), kStartCc).code == pgm::kSpecification);
}

TEST_CASE("DP: quotient and remainder, and the decimal-divide exception") {
  // -38460 / +123 = -312 remainder -84: the quotient (sign by the rules of
  // algebra) fills the leftmost L1-L2 = 5 bytes, the remainder (sign of the
  // dividend) the rightmost 3.
  CpuFixture f;
  f.put_hex(0x800, "000000000038460D");
  f.put_hex(0x810, "00123C");
  auto out = f.run(ss2(kDP, 0x800, 8, 0x810, 3), kStartCc);
  CHECK(out.code == 0);
  CHECK(out.cc == kStartCc);
  CHECK(f.hex(0x800, 8) == "000000312D00084D");
  // A zero divisor: decimal-divide exception, nothing changed.
  f.put_hex(0x820, "0000005D");
  f.put_hex(0x830, "000D");
  out = f.run(ss2(kDP, 0x820, 4, 0x830, 2), kStartCc);
  CHECK(out.code == pgm::kDecimalDivide);
  CHECK(f.hex(0x820, 4) == "0000005D");
  // The quotient must fit in 2*(L1-L2)-1 = 3 digits: 11988/12 = 999 does,
  // 12000/12 = 1000 does not.
  f.put_hex(0x840, "0011988C");
  f.put_hex(0x850, "012C");
  CHECK(f.run(ss2(kDP, 0x840, 4, 0x850, 2), kStartCc).code == 0);
  CHECK(f.hex(0x840, 4) == "999C000C");
  f.put_hex(0x840, "0012000C");
  CHECK(f.run(ss2(kDP, 0x840, 4, 0x850, 2), kStartCc).code == pgm::kDecimalDivide);
  CHECK(f.hex(0x840, 4) == "0012000C");
}

TEST_CASE("SRP: shift left, shift right with rounding, overflow") {
  // Appendix A: shift left 3 (address 3); shift right 3 (address 64-3)
  // rounding with 5: 12345678 -> 12346.
  CpuFixture f;
  f.put_hex(0x800, "000012345C");
  auto out = f.run(srp(0x800, 5, 3, 0), kStartCc);
  CHECK(out.cc == 2);
  CHECK(f.hex(0x800, 5) == "012345000C");
  f.put_hex(0x800, "012345678C");
  out = f.run(srp(0x800, 5, 64 - 3, 5), kStartCc);
  CHECK(out.cc == 2);
  CHECK(f.hex(0x800, 5) == "000012346C");
  // Nonzero digits shifted out on the left: overflow, cc 3 (and code 0A
  // with the mask on); the truncated result keeps its sign even if zero.
  f.put_hex(0x800, "100D");
  CHECK(f.run(srp(0x800, 2, 3, 0), kStartCc).cc == 3);
  CHECK(f.hex(0x800, 2) == "000D");
  f.put_hex(0x800, "0001234C");
  out = f.run(srp(0x800, 4, 4, 0), kStartCc, kPmDecimal);
  CHECK(out.code == pgm::kDecimalOverflow);
  CHECK(f.hex(0x800, 4) == "2340000C");
  // Only the low six bits of the address count: X'FC3' is a left shift of 3.
  f.put_hex(0x800, "000012345C");
  CHECK(f.run(srp(0x800, 5, 0xFC3, 0), kStartCc).cc == 2);
  CHECK(f.hex(0x800, 5) == "012345000C");
  // A rounding digit above 9 is a data exception.
  f.put_hex(0x800, "00500D");
  CHECK(f.run(srp(0x800, 3, 1, 10), kStartCc).code == pgm::kData);
  CHECK(f.hex(0x800, 3) == "00500D");
}

TEST_CASE("MVO, PACK and UNPK: the Principles' examples, and PACK onto itself") {
  // MOVE WITH OFFSET: 123456 goes one digit left, the sign digit C stays.
  CpuFixture f;
  f.put_hex(0x800, "7788990C");
  f.put_hex(0x810, "123456");
  f.run(ss2(kMVO, 0x800, 4, 0x810, 3), kStartCc);
  CHECK(f.hex(0x800, 4) == "0123456C");
  // PACK: zoned F1F2F3F4C5 -> 0012345C (the zone C becomes the sign).
  f.put_hex(0x820, "F1F2F3F4C5");
  f.run(ss2(kPACK, 0x830, 4, 0x820, 5), kStartCc);
  CHECK(f.hex(0x830, 4) == "0012345C");
  // UNPACK: 12345D -> F1F2F3F4D5.
  f.put_hex(0x840, "12345D");
  f.run(ss2(kUNPK, 0x850, 5, 0x840, 3), kStartCc);
  CHECK(f.hex(0x850, 5) == "F1F2F3F4D5");
  // Byte by byte, right to left: a field packed onto itself.
  f.put_hex(0x860, "F1F2F3F4F5F6F7C8");
  const auto out = f.run(ss2(kPACK, 0x860, 8, 0x860, 8), kStartCc);
  CHECK(out.cc == kStartCc);
  CHECK(f.hex(0x860, 8) == "000000012345678C");
}

TEST_CASE("ED: the Principles' example, with the sign-dependent CR") {
  // Appendix A: pattern  fill(40) d d , d ( d . d d   C R
  // source +2574.26 -> "  2,574.26   " (CR blanked: the plus sign turned
  // significance off); cc 2 (greater than zero).
  CpuFixture f;
  const char* pattern = "4020206B2021204B202040C3D9";
  f.put_hex(0x800, pattern);
  f.put_hex(0x810, "0257426C");
  auto out = f.run(ss1(kED, 0x800, 13, 0x810), kStartCc);
  CHECK(out.cc == 2);
  CHECK(f.hex(0x800, 13) == "4040F26BF5F7F44BF2F6404040");
  // Minus: significance stays on, so " CR" is kept; cc 1.
  f.put_hex(0x800, pattern);
  f.put_hex(0x810, "0257426D");
  out = f.run(ss1(kED, 0x800, 13, 0x810), kStartCc);
  CHECK(out.cc == 1);
  CHECK(f.hex(0x800, 13) == "4040F26BF5F7F44BF2F640C3D9");
  // A zero source: cc 0; the significance starter forces ".00".
  f.put_hex(0x800, pattern);
  f.put_hex(0x810, "0000000D");
  CHECK(f.run(ss1(kED, 0x800, 13, 0x810), kStartCc).cc == 0);
  CHECK(f.hex(0x800, 13) == "404040404040F04BF0F040C3D9");
}

TEST_CASE("EDMK marks the first significant digit, but not forced significance") {
  // GR1 bits 8-31 get the address of the result byte of the first nonzero
  // digit met while significance is off; bits 0-7 are unchanged.
  CpuFixture f;
  f.put_hex(0x800, "40206B2020212020204B2020");
  f.put_hex(0x810, "001234567C");
  f.cpu.gpr[1] = 0xABCDEF01;
  auto out = f.run(ss1(kEDMK, 0x800, 12, 0x810), kStartCc);
  CHECK(out.cc == 2);
  CHECK(f.hex(0x800, 12) == "40404040F1F2F3F4F54BF6F7");
  CHECK(f.cpu.gpr[1] == 0xAB000804);
  // The significance starter turned significance on before the digit 2:
  // GR1 is not changed (programs preload it for that case).
  f.put_hex(0x800, "4020206B2021204B202040C3D9");
  f.put_hex(0x810, "0000026D");
  f.cpu.gpr[1] = 0xFF000000;
  out = f.run(ss1(kEDMK, 0x800, 13, 0x810), kStartCc);
  CHECK(out.cc == 1);
  CHECK(f.cpu.gpr[1] == 0xFF000000);
}

TEST_CASE("CVB: result, and the fixed-point-divide exception after loading R1") {
  CpuFixture f;
  f.put_hex(0x800, "000000000123456D");
  f.run(rx(kCVB, 5, 0x800), kStartCc);
  CHECK(f.cpu.gpr[5] == static_cast<u32>(-123456));
  // +2147483648 does not fit: "the operation is completed by placing the
  // 32 rightmost bits of the binary result in the register", then the
  // fixed-point-divide exception (Hercules 3.13 does the same).
  f.put_hex(0x800, "000002147483648C");
  const auto out = f.run(rx(kCVB, 5, 0x800), kStartCc);
  CHECK(out.code == pgm::kFixedDivide);
  CHECK(out.ilc == 2);
  CHECK(f.cpu.gpr[5] == 0x80000000);
  // An invalid sign: data exception, R5 unchanged.
  f.cpu.gpr[5] = 0x11111111;
  f.put_hex(0x800, "0000000000987659");
  CHECK(f.run(rx(kCVB, 5, 0x800), kStartCc).code == pgm::kData);
  CHECK(f.cpu.gpr[5] == 0x11111111);
}

TEST_CASE("CVD: sign C for plus, D for minus; the largest magnitudes") {
  CpuFixture f;
  f.cpu.gpr[5] = 0x80000000;
  f.run(rx(kCVD, 5, 0x800), kStartCc);
  CHECK(f.hex(0x800, 8) == "000002147483648D");
  f.cpu.gpr[5] = 0x7FFFFFFF;
  f.run(rx(kCVD, 5, 0x800), kStartCc);
  CHECK(f.hex(0x800, 8) == "000002147483647C");
  f.cpu.gpr[5] = 0;
  const auto out = f.run(rx(kCVD, 5, 0x803), kStartCc);  // no alignment needed
  CHECK(out.cc == kStartCc);
  CHECK(f.hex(0x803, 8) == "000000000000000C");
}

// ---- Vectors checked against Hercules 3.13 ---------------------------------------

namespace {

struct Field {
  u32 addr;
  const char* hex;
};

struct Vector {
  const char* name;
  const char* insn;                           // the instruction, hex
  std::vector<Field> before;                  // storage before (zero elsewhere)
  std::vector<std::pair<int, u32>> regs;      // registers before
  u8 progmask;                                // program mask (4 = decimal overflow)
  bool protect;                               // X'1000' in key 2, PSW key 1
  std::vector<Field> after;                   // storage after
  std::vector<std::pair<int, u32>> regs_after;  // registers after
  u8 cc;                                      // cc after (in the old PSW after an interruption)
  u16 code;                                   // program-interruption code, 0 for none
};

// Names say what each vector shows: ap/sp/zap/cp/mp/dp/srp/mvo/pack/unpk/
// cvb/cvd/ed/edmk then the case ("ovf" overflow with the mask off, "ovf_on"
// with it on, "bad" invalid digit or sign, "overlap" overlapping operands,
// "prot" operand 1 store-protected, "cross2k"/"cross4k" an operand across a
// 2K or 4K boundary, "spec" specification exception, "pop" an example of
// the Principles' Appendix A, "ex" the instruction under EXECUTE).
const std::vector<Vector>& hercules_vectors() {
  static const std::vector<Vector> v = {
      {"ap_basic", "FA3108000810", {{0x800, "0012345C"}, {0x810, "999D"}}, {}, 0, false,
       {{0x800, "0011346C"}, {0x810, "999D"}}, {}, 2, 0x00},
      {"ap_negres", "FA3208000810", {{0x800, "0001234C"}, {0x810, "09999D"}}, {}, 0, false,
       {{0x800, "0008765D"}, {0x810, "09999D"}}, {}, 1, 0x00},
      {"ap_zero", "FA1008000810", {{0x800, "005C"}, {0x810, "5D"}}, {}, 0, false,
       {{0x800, "000C"}, {0x810, "5D"}}, {}, 0, 0x00},
      {"ap_negzero", "FA1008000810", {{0x800, "000D"}, {0x810, "0D"}}, {}, 0, false,
       {{0x800, "000C"}, {0x810, "0D"}}, {}, 0, 0x00},
      {"ap_ovf_off", "FA1008000810", {{0x800, "999C"}, {0x810, "1C"}}, {}, 0, false,
       {{0x800, "000C"}, {0x810, "1C"}}, {}, 3, 0x00},
      {"ap_ovf_on", "FA1008000810", {{0x800, "999C"}, {0x810, "1C"}}, {}, 4, false,
       {{0x800, "000C"}, {0x810, "1C"}}, {}, 3, 0x0A},
      {"ap_ovf_negzero", "FA1008000810", {{0x800, "999D"}, {0x810, "1D"}}, {}, 0, false,
       {{0x800, "000D"}, {0x810, "1D"}}, {}, 3, 0x00},
      {"ap_ovf_on_other_masks", "FA1008000810", {{0x800, "999C"}, {0x810, "1C"}}, {}, 11, false,
       {{0x800, "000C"}, {0x810, "1C"}}, {}, 3, 0x00},
      {"ap_signs", "FA1008000810", {{0x800, "123A"}, {0x810, "1B"}}, {}, 0, false,
       {{0x800, "122C"}, {0x810, "1B"}}, {}, 2, 0x00},
      {"ap_signs2", "FA1008000810", {{0x800, "123E"}, {0x810, "4F"}}, {}, 0, false,
       {{0x800, "127C"}, {0x810, "4F"}}, {}, 2, 0x00},
      {"ap_bad_digit1", "FA1008000810", {{0x800, "1A3C"}, {0x810, "1C"}}, {}, 0, false,
       {{0x800, "1A3C"}, {0x810, "1C"}}, {}, 1, 0x07},
      {"ap_bad_sign2", "FA1108000810", {{0x800, "123C"}, {0x810, "1234"}}, {}, 0, false,
       {{0x800, "123C"}, {0x810, "1234"}}, {}, 1, 0x07},
      {"ap_bad_digit2_high", "FA1108000810", {{0x800, "123C"}, {0x810, "F23C"}}, {}, 0, false,
       {{0x800, "123C"}, {0x810, "F23C"}}, {}, 1, 0x07},
      {"ap_same", "FA2208000800", {{0x800, "12345C"}}, {}, 0, false,
       {{0x800, "24690C"}}, {}, 2, 0x00},
      {"ap_overlap_right", "FA3108000802", {{0x800, "0012345C"}}, {}, 0, false,
       {{0x800, "0012690C"}}, {}, 2, 0x00},
      {"ap_16", "FAFF08000810", {{0x800, "0999999999999999999999999999999C"}, {0x810, "0000000000000000000000000000001C"}}, {}, 0, false,
       {{0x800, "1000000000000000000000000000000C0000000000000000000000000000001C"}}, {}, 2, 0x00},
      {"ap_16_ovf", "FAFF08000810", {{0x800, "9999999999999999999999999999999C"}, {0x810, "0000000000000000000000000000001C"}}, {}, 0, false,
       {{0x800, "0000000000000000000000000000000C0000000000000000000000000000001C"}}, {}, 3, 0x00},
      {"ap_16_sub", "FAF808000810", {{0x800, "1000000000000000000000000000000C"}, {0x810, "00000000000000001D"}}, {}, 0, false,
       {{0x800, "0999999999999999999999999999999C00000000000000001D"}}, {}, 2, 0x00},
      {"ap_long_short", "FA0F08000810", {{0x800, "3C"}, {0x810, "0000000000000000000000000000004D"}}, {}, 0, false,
       {{0x800, "1D"}, {0x810, "0000000000000000000000000000004D"}}, {}, 1, 0x00},
      {"ap_long_short_ovf", "FA0F08000810", {{0x800, "3C"}, {0x810, "0000000000000000000000000000024D"}}, {}, 0, false,
       {{0x800, "1D"}, {0x810, "0000000000000000000000000000024D"}}, {}, 3, 0x00},
      {"sp_basic", "FB3308000810", {{0x800, "0000999D"}, {0x810, "1234567C"}}, {}, 0, false,
       {{0x800, "1235566D"}, {0x810, "1234567C"}}, {}, 1, 0x00},
      {"sp_equal", "FB1108000810", {{0x800, "123D"}, {0x810, "123B"}}, {}, 0, false,
       {{0x800, "000C"}, {0x810, "123B"}}, {}, 0, 0x00},
      {"sp_same", "FB2208000800", {{0x800, "12345D"}}, {}, 0, false,
       {{0x800, "00000C"}}, {}, 0, 0x00},
      {"sp_negneg", "FB0008000810", {{0x800, "5D"}, {0x810, "7D"}}, {}, 0, false,
       {{0x800, "2C"}, {0x810, "7D"}}, {}, 2, 0x00},
      {"sp_ovf_on", "FB1108000810", {{0x800, "500D"}, {0x810, "600C"}}, {}, 4, false,
       {{0x800, "100D"}, {0x810, "600C"}}, {}, 3, 0x0A},
      {"sp_bad", "FB1108000810", {{0x800, "500D"}, {0x810, "6009"}}, {}, 0, false,
       {{0x800, "500D"}, {0x810, "6009"}}, {}, 1, 0x07},
      {"zap_basic", "F83108000810", {{0x800, "FFFFFFFF"}, {0x810, "999D"}}, {}, 0, false,
       {{0x800, "0000999D"}, {0x810, "999D"}}, {}, 1, 0x00},
      {"zap_negzero", "F82008000810", {{0x800, "AAAAAA"}, {0x810, "0D"}}, {}, 0, false,
       {{0x800, "00000C"}, {0x810, "0D"}}, {}, 0, 0x00},
      {"zap_ovf", "F81308000810", {{0x810, "1234567C"}}, {}, 0, false,
       {{0x800, "567C"}, {0x810, "1234567C"}}, {}, 3, 0x00},
      {"zap_ovf_on", "F81308000810", {{0x810, "1234567C"}}, {}, 4, false,
       {{0x800, "567C"}, {0x810, "1234567C"}}, {}, 3, 0x0A},
      {"zap_ovf_zero_neg", "F80108000810", {{0x810, "010D"}}, {}, 0, false,
       {{0x800, "0D"}, {0x810, "010D"}}, {}, 3, 0x00},
      {"zap_bad2", "F83108000810", {{0x800, "11223344"}, {0x810, "12A4"}}, {}, 0, false,
       {{0x800, "11223344"}, {0x810, "12A4"}}, {}, 1, 0x07},
      {"zap_overlap", "F84108000803", {{0x800, "123456789C"}}, {}, 0, false,
       {{0x800, "000000789C"}}, {}, 2, 0x00},
      {"zap_overlap_same", "F82208000800", {{0x800, "12345F"}}, {}, 0, false,
       {{0x800, "12345C"}}, {}, 2, 0x00},
      {"zap_signA", "F82208000810", {{0x810, "12345A"}}, {}, 0, false,
       {{0x800, "12345C"}, {0x810, "12345A"}}, {}, 2, 0x00},
      {"cp_zeros", "F91008000810", {{0x800, "000D"}, {0x810, "0C"}}, {}, 0, false,
       {{0x800, "000D"}, {0x810, "0C"}}, {}, 0, 0x00},
      {"cp_low", "F91208000810", {{0x800, "123C"}, {0x810, "01234C"}}, {}, 0, false,
       {{0x800, "123C"}, {0x810, "01234C"}}, {}, 1, 0x00},
      {"cp_high_neg", "F91208000810", {{0x800, "123D"}, {0x810, "01234D"}}, {}, 0, false,
       {{0x800, "123D"}, {0x810, "01234D"}}, {}, 2, 0x00},
      {"cp_eq_signs", "F91208000810", {{0x800, "123A"}, {0x810, "00123F"}}, {}, 0, false,
       {{0x800, "123A"}, {0x810, "00123F"}}, {}, 0, 0x00},
      {"cp_pos_neg", "F90008000810", {{0x800, "0C"}, {0x810, "1D"}}, {}, 0, false,
       {{0x800, "0C"}, {0x810, "1D"}}, {}, 2, 0x00},
      {"cp_neg_pos", "F90008000810", {{0x800, "0D"}, {0x810, "1C"}}, {}, 0, false,
       {{0x800, "0D"}, {0x810, "1C"}}, {}, 1, 0x00},
      {"cp_bad", "F90008000810", {{0x800, "0D"}, {0x810, "1E1C"}}, {}, 0, false,
       {{0x800, "0D"}, {0x810, "1E1C"}}, {}, 1, 0x00},
      {"cp_bad1", "F91008000810", {{0x800, "0D0D"}, {0x810, "1C"}}, {}, 0, false,
       {{0x800, "0D0D"}, {0x810, "1C"}}, {}, 1, 0x07},
      {"mp_basic", "FC7108000810", {{0x800, "000000001234567C"}, {0x810, "025C"}}, {}, 0, false,
       {{0x800, "000000030864175C"}, {0x810, "025C"}}, {}, 1, 0x00},
      {"mp_neg", "FC5208000810", {{0x800, "00000012345D"}, {0x810, "00999C"}}, {}, 0, false,
       {{0x800, "00012332655D"}, {0x810, "00999C"}}, {}, 1, 0x00},
      {"mp_negneg", "FC3108000810", {{0x800, "0000123D"}, {0x810, "999B"}}, {}, 0, false,
       {{0x800, "0122877C"}, {0x810, "999B"}}, {}, 1, 0x00},
      {"mp_zero_neg", "FC3108000810", {{0x800, "0000000C"}, {0x810, "999D"}}, {}, 0, false,
       {{0x800, "0000000D"}, {0x810, "999D"}}, {}, 1, 0x00},
      {"mp_spec_l2ge", "FC3308000810", {{0x800, "0000001C"}, {0x810, "0000002C"}}, {}, 0, false,
       {{0x800, "0000001C"}, {0x810, "0000002C"}}, {}, 1, 0x06},
      {"mp_spec_l2gt8", "FCF808000810", {{0x800, "0000000000000000000000000000001C"}, {0x810, "00000000000000002C"}}, {}, 0, false,
       {{0x800, "0000000000000000000000000000001C00000000000000002C"}}, {}, 1, 0x06},
      {"mp_spec_bad_data", "FC3308000810", {{0x800, "FFFFFFFF"}, {0x810, "0000002C"}}, {}, 0, false,
       {{0x800, "FFFFFFFF"}, {0x810, "0000002C"}}, {}, 1, 0x06},
      {"mp_zeros_data", "FC3108000810", {{0x800, "0001234C"}, {0x810, "002C"}}, {}, 0, false,
       {{0x800, "0001234C"}, {0x810, "002C"}}, {}, 1, 0x07},
      {"mp_zeros_ok", "FC3108000810", {{0x800, "0000234C"}, {0x810, "999C"}}, {}, 0, false,
       {{0x800, "0233766C"}, {0x810, "999C"}}, {}, 1, 0x00},
      {"mp_zeros_odd", "FC3008000810", {{0x800, "0001234C"}, {0x810, "9C"}}, {}, 0, false,
       {{0x800, "0011106C"}, {0x810, "9C"}}, {}, 1, 0x00},
      {"mp_zeros_odd_bad", "FC3008000810", {{0x800, "0012345C"}, {0x810, "9C"}}, {}, 0, false,
       {{0x800, "0111105C"}, {0x810, "9C"}}, {}, 1, 0x00},
      {"mp_max", "FCF708000810", {{0x800, "0000000000000009999999999999999C"}, {0x810, "999999999999999D"}}, {}, 0, false,
       {{0x800, "0000000000000009999999999999999C999999999999999D"}}, {}, 1, 0x07},
      {"mp_bad2", "FC3108000810", {{0x800, "0000123C"}, {0x810, "9A9C"}}, {}, 0, false,
       {{0x800, "0000123C"}, {0x810, "9A9C"}}, {}, 1, 0x07},
      {"mp_overlap", "FC3108000802", {{0x800, "0000012C"}}, {}, 0, false,
       {{0x800, "0000144C"}}, {}, 1, 0x00},
      {"dp_basic", "FD7108000810", {{0x800, "000000001234567C"}, {0x810, "123C"}}, {}, 0, false,
       {{0x800, "00000010037C016C"}, {0x810, "123C"}}, {}, 1, 0x00},
      {"dp_signs", "FD7108000810", {{0x800, "000000001234567D"}, {0x810, "123C"}}, {}, 0, false,
       {{0x800, "00000010037D016D"}, {0x810, "123C"}}, {}, 1, 0x00},
      {"dp_signs2", "FD3008000810", {{0x800, "0000100B"}, {0x810, "7D"}}, {}, 0, false,
       {{0x800, "00014C2D"}, {0x810, "7D"}}, {}, 1, 0x00},
      {"dp_zero_quot", "FD3108000810", {{0x800, "0000005D"}, {0x810, "123C"}}, {}, 0, false,
       {{0x800, "000D005D"}, {0x810, "123C"}}, {}, 1, 0x00},
      {"dp_zero_div", "FD3108000810", {{0x800, "0000005D"}, {0x810, "000D"}}, {}, 0, false,
       {{0x800, "0000005D"}, {0x810, "000D"}}, {}, 1, 0x0B},
      {"dp_too_big", "FD3108000810", {{0x800, "0123456C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "0123456C"}, {0x810, "012C"}}, {}, 1, 0x0B},
      {"dp_just_fits", "FD3108000810", {{0x800, "0119999C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "0119999C"}, {0x810, "012C"}}, {}, 1, 0x0B},
      {"dp_just_too_big", "FD3108000810", {{0x800, "0120000C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "0120000C"}, {0x810, "012C"}}, {}, 1, 0x0B},
      {"dp_spec", "FD3308000810", {{0x800, "0120000C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "0120000C"}, {0x810, "012C"}}, {}, 1, 0x06},
      {"dp_spec9", "FDF808000810", {{0x800, "0120000C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "0120000C"}, {0x810, "012C"}}, {}, 1, 0x06},
      {"dp_bad", "FD3108000810", {{0x800, "01200005"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "01200005"}, {0x810, "012C"}}, {}, 1, 0x07},
      {"dp_bad_and_zero", "FD3108000810", {{0x800, "0120000C"}, {0x810, "0009"}}, {}, 0, false,
       {{0x800, "0120000C"}, {0x810, "0009"}}, {}, 1, 0x07},
      {"dp_16_8", "FDF708000810", {{0x800, "0000000098765432109876543210987C"}, {0x810, "000000001234567D"}}, {}, 0, false,
       {{0x800, "0000000098765432109876543210987C000000001234567D"}}, {}, 1, 0x0B},
      {"dp_16_1", "FDF008000810", {{0x800, "0999999999999999999999999999999C"}, {0x810, "7C"}}, {}, 0, false,
       {{0x800, "0999999999999999999999999999999C7C"}}, {}, 1, 0x0B},
      {"srp_left", "F03008000003", {{0x800, "0001234C"}}, {}, 0, false,
       {{0x800, "1234000C"}}, {}, 2, 0x00},
      {"srp_left_ovf", "F03008000004", {{0x800, "0001234C"}}, {}, 0, false,
       {{0x800, "2340000C"}}, {}, 3, 0x00},
      {"srp_left_ovf_zero", "F01008000003", {{0x800, "100D"}}, {}, 0, false,
       {{0x800, "000D"}}, {}, 3, 0x00},
      {"srp_left_ovf_on", "F03008000004", {{0x800, "0001234C"}}, {}, 4, false,
       {{0x800, "2340000C"}}, {}, 3, 0x0A},
      {"srp_right_round", "F0350800003E", {{0x800, "1234567C"}}, {}, 0, false,
       {{0x800, "0012346C"}}, {}, 2, 0x00},
      {"srp_right_noround", "F0300800003E", {{0x800, "1234599D"}}, {}, 0, false,
       {{0x800, "0012345D"}}, {}, 1, 0x00},
      {"srp_right_round_carry", "F0250800003F", {{0x800, "99995D"}}, {}, 0, false,
       {{0x800, "10000D"}}, {}, 1, 0x00},
      {"srp_right_zero", "F0240800003D", {{0x800, "00005D"}}, {}, 0, false,
       {{0x800, "00000C"}}, {}, 0, 0x00},
      {"srp_right_zero_round", "F0250800003D", {{0x800, "00500D"}}, {}, 0, false,
       {{0x800, "00001D"}}, {}, 1, 0x00},
      {"srp_right_32", "F0F908000020", {{0x800, "9999999999999999999999999999999C"}}, {}, 0, false,
       {{0x800, "0000000000000000000000000000000C"}}, {}, 0, 0x00},
      {"srp_right_31", "F0F508000021", {{0x800, "5999999999999999999999999999999C"}}, {}, 0, false,
       {{0x800, "0000000000000000000000000000001C"}}, {}, 2, 0x00},
      {"srp_round_bad", "F02A08000001", {{0x800, "00500D"}}, {}, 0, false,
       {{0x800, "00500D"}}, {}, 1, 0x07},
      {"srp_zero_left", "F02008000005", {{0x800, "00000D"}}, {}, 0, false,
       {{0x800, "00000C"}}, {}, 0, 0x00},
      {"srp_reg_shift", "F03508005000", {{0x800, "1234567C"}, {0x8F0, "FFFFFFFE"}}, {{5, 0xFFFFFFFE}}, 0, false,
       {{0x800, "0012346C"}, {0x8F0, "FFFFFFFE"}}, {{5, 0xFFFFFFFE}}, 2, 0x00},
      {"srp_reg_shift_big", "F03508005FC3", {{0x800, "1234567C"}, {0x8F0, "00FFF000"}}, {{5, 0x00FFF000}}, 0, false,
       {{0x800, "4567000C"}, {0x8F0, "00FFF000"}}, {{5, 0x00FFF000}}, 3, 0x00},
      {"srp_left_31", "F0F00800001F", {{0x800, "0000000000000000000000000000001C"}}, {}, 0, false,
       {{0x800, "0000000000000000000000000000000C"}}, {}, 3, 0x00},
      {"srp_left_30", "F0F00800001E", {{0x800, "0000000000000000000000000000001C"}}, {}, 0, false,
       {{0x800, "1000000000000000000000000000000C"}}, {}, 2, 0x00},
      {"srp_bad_data", "F02008000001", {{0x800, "00500A0C"}}, {}, 0, false,
       {{0x800, "05000C0C"}}, {}, 2, 0x00},
      {"mvo_basic", "F13108000810", {{0x800, "AAAAAAAB"}, {0x810, "025C"}}, {}, 0, false,
       {{0x800, "000025CB"}, {0x810, "025C"}}, {}, 1, 0x00},
      {"mvo_long2", "F11308000810", {{0x800, "AAAB"}, {0x810, "1234567C"}}, {}, 0, false,
       {{0x800, "67CB"}, {0x810, "1234567C"}}, {}, 1, 0x00},
      {"mvo_self", "F13208000800", {{0x800, "1234567C"}}, {}, 0, false,
       {{0x800, "0123456C"}}, {}, 1, 0x00},
      {"mvo_overlap", "F13208010800", {{0x800, "123456789A"}}, {}, 0, false,
       {{0x800, "120123456A"}}, {}, 1, 0x00},
      {"pack_basic", "F23308000810", {{0x810, "F1F2F3C4"}}, {}, 0, false,
       {{0x801, "01234C"}, {0x810, "F1F2F3C4"}}, {}, 1, 0x00},
      {"pack_self", "F27708000800", {{0x800, "F1F2F3F4F5F6F7C8"}}, {}, 0, false,
       {{0x800, "000000012345678C"}}, {}, 1, 0x00},
      {"pack_short1", "F21708000810", {{0x810, "F1F2F3F4F5F6F7C8"}}, {}, 0, false,
       {{0x800, "678C"}, {0x810, "F1F2F3F4F5F6F7C8"}}, {}, 1, 0x00},
      {"pack_long1", "F27208000810", {{0x800, "FFFFFFFFFFFFFFFF"}, {0x810, "F1F2D3"}}, {}, 0, false,
       {{0x800, "000000000000123D"}, {0x810, "F1F2D3"}}, {}, 1, 0x00},
      {"pack_overlap", "F23408020800", {{0x800, "F1F2F3F4F5F6F7"}}, {}, 0, false,
       {{0x800, "F1F20012345FF7"}}, {}, 1, 0x00},
      {"pack_overlap2", "F22508000801", {{0x800, "11F1F2F3F4F5F6F7"}}, {}, 0, false,
       {{0x800, "F3456FF3F4F5F6F7"}}, {}, 1, 0x00},
      {"pack_l0", "F20008000810", {{0x810, "AB"}}, {}, 0, false,
       {{0x800, "BA"}, {0x810, "AB"}}, {}, 1, 0x00},
      {"pack_invalid", "F22308000810", {{0x810, "ABCDEF12"}}, {}, 0, false,
       {{0x800, "0BDF21"}, {0x810, "ABCDEF12"}}, {}, 1, 0x00},
      {"unpk_basic", "F37308000810", {{0x810, "1234567C"}}, {}, 0, false,
       {{0x800, "F0F1F2F3F4F5F6C7"}, {0x810, "1234567C"}}, {}, 1, 0x00},
      {"unpk_short", "F32308000810", {{0x810, "1234567C"}}, {}, 0, false,
       {{0x800, "F5F6C7"}, {0x810, "1234567C"}}, {}, 1, 0x00},
      {"unpk_long", "F3B108000810", {{0x810, "123D"}}, {}, 0, false,
       {{0x800, "F0F0F0F0F0F0F0F0F0F1F2D3"}, {0x810, "123D"}}, {}, 1, 0x00},
      {"unpk_even", "F33208000810", {{0x810, "12345C"}}, {}, 0, false,
       {{0x800, "F2F3F4C5"}, {0x810, "12345C"}}, {}, 1, 0x00},
      {"unpk_self", "F37308000800", {{0x800, "1234567C"}}, {}, 0, false,
       {{0x800, "F0F1F2F3F4F5F6C7"}}, {}, 1, 0x00},
      {"unpk_overlap", "F37308000804", {{0x800, "000000001234567C"}}, {}, 0, false,
       {{0x800, "F0FFF5FFF5F5F6C7"}}, {}, 1, 0x00},
      {"unpk_overlap2", "F35208020800", {{0x800, "12345C"}}, {}, 0, false,
       {{0x800, "1234F0F1F2F3F4C5"}}, {}, 1, 0x00},
      {"unpk_invalid", "F34208000810", {{0x810, "ABCDEF"}}, {}, 0, false,
       {{0x800, "FAFBFCFDFE"}, {0x810, "ABCDEF"}}, {}, 1, 0x00},
      {"cvb_pos", "4F500800", {{0x800, "000000000098765C"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000000000098765C"}, {0x8F0, "11111111"}}, {{5, 0x000181CD}}, 1, 0x00},
      {"cvb_neg", "4F500800", {{0x800, "000000000123456D"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000000000123456D"}, {0x8F0, "11111111"}}, {{5, 0xFFFE1DC0}}, 1, 0x00},
      {"cvb_min", "4F500800", {{0x800, "000002147483648D"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000002147483648D"}, {0x8F0, "11111111"}}, {{5, 0x80000000}}, 1, 0x00},
      {"cvb_max", "4F500800", {{0x800, "000002147483647F"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000002147483647F"}, {0x8F0, "11111111"}}, {{5, 0x7FFFFFFF}}, 1, 0x00},
      {"cvb_ovf", "4F500800", {{0x800, "000002147483648C"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000002147483648C"}, {0x8F0, "11111111"}}, {{5, 0x80000000}}, 1, 0x09},
      {"cvb_ovf_neg", "4F500800", {{0x800, "000002147483649B"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000002147483649B"}, {0x8F0, "11111111"}}, {{5, 0x7FFFFFFF}}, 1, 0x09},
      {"cvb_ovf_big", "4F500800", {{0x800, "999999999999999D"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "999999999999999D"}, {0x8F0, "11111111"}}, {{5, 0x5B398001}}, 1, 0x09},
      {"cvb_bad_sign", "4F500800", {{0x800, "0000000000987659"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "0000000000987659"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 1, 0x07},
      {"cvb_bad_digit", "4F500800", {{0x800, "00000000009A765C"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "00000000009A765C"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 1, 0x07},
      {"cvb_bad_and_big", "4F500800", {{0x800, "999999999999999E"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "999999999999999E"}, {0x8F0, "11111111"}}, {{5, 0xA4C67FFF}}, 1, 0x09},
      {"cvb_negzero", "4F500800", {{0x800, "000000000000000D"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "000000000000000D"}, {0x8F0, "11111111"}}, {{5, 0x00000000}}, 1, 0x00},
      {"cvb_unaligned", "4F500801", {{0x800, "00000000000098765C"}, {0x8F0, "11111111"}}, {{5, 0x11111111}}, 0, false,
       {{0x800, "00000000000098765C"}, {0x8F0, "11111111"}}, {{5, 0x000181CD}}, 1, 0x00},
      {"cvd_pos", "4E500800", {{0x8F0, "0001E240"}}, {{5, 0x0001E240}}, 0, false,
       {{0x804, "0123456C"}, {0x8F0, "0001E240"}}, {{5, 0x0001E240}}, 1, 0x00},
      {"cvd_neg", "4E500800", {{0x8F0, "FFFE1DC0"}}, {{5, 0xFFFE1DC0}}, 0, false,
       {{0x804, "0123456D"}, {0x8F0, "FFFE1DC0"}}, {{5, 0xFFFE1DC0}}, 1, 0x00},
      {"cvd_zero", "4E500800", {{0x8F0, "00000000"}}, {{5, 0x00000000}}, 0, false,
       {{0x807, "0C"}, {0x8F0, "00000000"}}, {{5, 0x00000000}}, 1, 0x00},
      {"cvd_min", "4E500800", {{0x8F0, "80000000"}}, {{5, 0x80000000}}, 0, false,
       {{0x802, "02147483648D"}, {0x8F0, "80000000"}}, {{5, 0x80000000}}, 1, 0x00},
      {"cvd_max", "4E500800", {{0x8F0, "7FFFFFFF"}}, {{5, 0x7FFFFFFF}}, 0, false,
       {{0x802, "02147483647C"}, {0x8F0, "7FFFFFFF"}}, {{5, 0x7FFFFFFF}}, 1, 0x00},
      {"cvd_unaligned", "4E500803", {{0x8F0, "075BCD15"}}, {{5, 0x075BCD15}}, 0, false,
       {{0x806, "123456789C"}, {0x8F0, "075BCD15"}}, {{5, 0x075BCD15}}, 1, 0x00},
      {"ed_basic", "DE0B08000810", {{0x800, "40206B2020212020204B2020"}, {0x810, "001234567C"}}, {}, 0, false,
       {{0x800, "40404040F1F2F3F4F54BF6F7"}, {0x810, "001234567C"}}, {}, 2, 0x00},
      {"ed_decimal_s", "DE0908000810", {{0x800, "4020206B20202120204B20"}, {0x810, "1234567C"}}, {}, 0, false,
       {{0x800, "40F1F26BF3F4F5F6F74020"}, {0x810, "1234567C"}}, {}, 2, 0x00},
      {"ed_zero", "DE0608000810", {{0x800, "40202021204B20"}, {0x810, "00000C"}}, {}, 0, false,
       {{0x800, "40404040F04BF0"}, {0x810, "00000C"}}, {}, 0, 0x00},
      {"ed_neg_cr", "DE0808000810", {{0x800, "402020214B2020C3D9"}, {0x810, "01234D"}}, {}, 0, false,
       {{0x800, "4040F1F24BF3F4C3D9"}, {0x810, "01234D"}}, {}, 1, 0x00},
      {"ed_pos_cr", "DE0808000810", {{0x800, "402020214B2020C3D9"}, {0x810, "01234C"}}, {}, 0, false,
       {{0x800, "4040F1F24BF3F44040"}, {0x810, "01234C"}}, {}, 2, 0x00},
      {"ed_zero_neg_cr", "DE0808000810", {{0x800, "5C2020214B2020C3D9"}, {0x810, "00000D"}}, {}, 0, false,
       {{0x800, "5C5C5C5C4BF0F0C3D9"}, {0x810, "00000D"}}, {}, 0, 0x00},
      {"ed_fields", "DE0A08000810", {{0x800, "402021222020212220202020"}, {0x810, "123C000C012F"}}, {}, 0, false,
       {{0x800, "40F1F240F34040404040F120"}, {0x810, "123C000C012F"}}, {}, 1, 0x00},
      {"ed_fields_lastzero", "DE0708000810", {{0x800, "4020212220202120"}, {0x810, "123D000D"}}, {}, 0, false,
       {{0x800, "40F1F240F3F0F0F0"}, {0x810, "123D000D"}}, {}, 1, 0x00},
      {"ed_fill_digit", "DE0308000810", {{0x800, "20202020"}, {0x810, "0012"}}, {}, 0, false,
       {{0x800, "2020F1F2"}, {0x810, "0012"}}, {}, 1, 0x00},
      {"ed_fill_digit2", "DE0308000810", {{0x800, "21202020"}, {0x810, "0012"}}, {}, 0, false,
       {{0x800, "21F0F1F2"}, {0x810, "0012"}}, {}, 1, 0x00},
      {"ed_sep_end", "DE0408000810", {{0x800, "4020202022"}, {0x810, "123C"}}, {}, 0, false,
       {{0x800, "40F1F2F340"}, {0x810, "123C"}}, {}, 0, 0x00},
      {"ed_bad_digit", "DE0908000810", {{0x800, "F0C12020202020202020"}, {0x810, "12A4567C"}}, {}, 0, false,
       {{0x800, "F0F0F1F2202020202020"}, {0x810, "12A4567C"}}, {}, 1, 0x07},
      {"ed_bad_first", "DE0508000810", {{0x800, "402020202020"}, {0x810, "A234567C"}}, {}, 0, false,
       {{0x800, "402020202020"}, {0x810, "A234567C"}}, {}, 1, 0x07},
      {"ed_sign_left_bad", "DE0508000810", {{0x800, "402020202020"}, {0x810, "12C4567C"}}, {}, 0, false,
       {{0x800, "40F1F2202020"}, {0x810, "12C4567C"}}, {}, 1, 0x07},
      {"ed_no_digits", "DE0508000810", {{0x800, "40C1C2C3C4C5"}, {0x810, "FFFF"}}, {}, 0, false,
       {{0x800, "404040404040"}, {0x810, "FFFF"}}, {}, 0, 0x00},
      {"ed_sig_msg", "DE0708000810", {{0x800, "5C21204B20206060"}, {0x810, "00012D"}}, {}, 0, false,
       {{0x800, "5C5CF04BF0F16060"}, {0x810, "00012D"}}, {}, 1, 0x00},
      {"ed_overlap", "DE0708000801", {{0x800, "4020202020202020"}}, {}, 0, false,
       {{0x800, "40F2F02020202020"}}, {}, 1, 0x07},
      {"ed_overlap2", "DE0708040800", {{0x800, "123456784020202020202020"}}, {}, 0, false,
       {{0x800, "1234567840F1F2F3F4F5F6F7"}}, {}, 1, 0x00},
      {"ed_overlap3", "DE0708000803", {{0x800, "402020202020202012345C"}}, {}, 0, false,
       {{0x800, "40F2F0F2F0F2F02012345C"}}, {}, 1, 0x07},
      {"edmk_basic", "DF0B08000810", {{0x800, "40206B2020212020204B2020"}, {0x810, "001234567C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x800, "40404040F1F2F3F4F54BF6F7"}, {0x810, "001234567C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xAB000804}}, 2, 0x00},
      {"edmk_forced", "DF0708000810", {{0x800, "4021204B20202020"}, {0x810, "0000123C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x800, "4040F04BF0F0F1F2"}, {0x810, "0000123C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 1, 0x00},
      {"edmk_zero", "DF0708000810", {{0x800, "4020204B20202020"}, {0x810, "0000000C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x800, "4040404040404040"}, {0x810, "0000000C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, 0x00},
      {"edmk_fields", "DF0808000810", {{0x800, "402020222020202020"}, {0x810, "012C00345C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x800, "4040F140F24040F3F4"}, {0x810, "012C00345C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xAB000807}}, 1, 0x00},
      {"edmk_bad", "DF0908000810", {{0x800, "40202020202020202020"}, {0x810, "0012A4567C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x800, "404040F1F22020202020"}, {0x810, "0012A4567C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xAB000803}}, 1, 0x07},
      {"edmk_immediate", "DF0308000810", {{0x800, "40202020"}, {0x810, "123C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x800, "40F1F2F3"}, {0x810, "123C"}, {0x8F0, "ABCDEF01"}}, {{1, 0xAB000801}}, 2, 0x00},
      {"edmk_decimal_s", "DF0908000810", {{0x800, "4020206B20202120204B20"}, {0x810, "000009999D"}, {0x8F0, "00000000"}}, {{1, 0x00000000}}, 0, false,
       {{0x800, "40404040404040F9F94B20"}, {0x810, "000009999D"}, {0x8F0, "00000000"}}, {{1, 0x00000000}}, 1, 0x00},
      {"dp_16_8_fit", "FDF708000810", {{0x800, "0000000000000098765432109876543C"}, {0x810, "000000001234567D"}}, {}, 0, false,
       {{0x800, "000080000058409D000000000052640C000000001234567D"}}, {}, 1, 0x00},
      {"dp_16_1_fit", "FDF008000810", {{0x800, "0099999999999999999999999999999D"}, {0x810, "7D"}}, {}, 0, false,
       {{0x800, "14285714285714285714285714285C4D7D"}}, {}, 1, 0x00},
      {"dp_16_1_fit2", "FDF008000810", {{0x800, "0699999999999999999999999999999D"}, {0x810, "7D"}}, {}, 0, false,
       {{0x800, "99999999999999999999999999999C6D7D"}}, {}, 1, 0x00},
      {"dp_16_8_max", "FDF708000810", {{0x800, "0999999999999999999999999999999C"}, {0x810, "999999999999999C"}}, {}, 0, false,
       {{0x800, "0999999999999999999999999999999C999999999999999C"}}, {}, 1, 0x0B},
      {"dp_16_8_max2", "FDF708000810", {{0x800, "0999999999999998999999999999999C"}, {0x810, "999999999999999C"}}, {}, 0, false,
       {{0x800, "999999999999999C999999999999998C999999999999999C"}}, {}, 1, 0x00},
      {"dp_rem_zero_neg", "FD3008000810", {{0x800, "0000049D"}, {0x810, "7C"}}, {}, 0, false,
       {{0x800, "00007D0D"}, {0x810, "7C"}}, {}, 1, 0x00},
      {"dp_overlap", "FD4108000803", {{0x800, "000000012C"}}, {}, 0, false,
       {{0x800, "00001C000C"}}, {}, 1, 0x00},
      {"dp_fit_998_rem_11", "FD3108000810", {{0x800, "0011987C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "998C011C"}, {0x810, "012C"}}, {}, 1, 0x00},
      {"dp_fit_999", "FD3108000810", {{0x800, "0011988C"}, {0x810, "012C"}}, {}, 0, false,
       {{0x800, "999C000C"}, {0x810, "012C"}}, {}, 1, 0x00},
      {"ed_bad_cross2k", "DF09081007FE", {{0x7FE, "0012A4567C"}, {0x810, "40202020202020202020"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x7FE, "0012A4567C"}, {0x810, "40202020202020202020"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 1, 0x07},
      {"ed_bad_cross4k", "DF0908100FFE", {{0x810, "40202020202020202020"}, {0x8F0, "ABCDEF01"}, {0xFFE, "0012A4567C"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x810, "40202020202020202020"}, {0x8F0, "ABCDEF01"}, {0xFFE, "0012A4567C"}}, {{1, 0xABCDEF01}}, 1, 0x07},
      {"ed_bad_nocross", "DF09081007F0", {{0x7F0, "0012A4567C"}, {0x810, "40202020202020202020"}, {0x8F0, "ABCDEF01"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x7F0, "0012A4567C"}, {0x810, "404040F1F22020202020"}, {0x8F0, "ABCDEF01"}}, {{1, 0xAB000813}}, 1, 0x07},
      {"ed_bad_cross_pat_only", "DF0908100FF6", {{0x810, "40202020202020202020"}, {0x8F0, "ABCDEF01"}, {0xFF6, "0012A4567C"}}, {{1, 0xABCDEF01}}, 0, false,
       {{0x810, "404040F1F22020202020"}, {0x8F0, "ABCDEF01"}, {0xFF6, "0012A4567C"}}, {{1, 0xAB000813}}, 1, 0x07},
      {"ap_cross2k", "FA3107FE0810", {{0x7FE, "0012345C"}, {0x810, "999D"}}, {}, 0, false,
       {{0x7FE, "0011346C"}, {0x810, "999D"}}, {}, 2, 0x00},
      {"pack_cross", "F23507FE0FFD", {{0xFFD, "F1F2F3F4F5C6"}}, {}, 0, false,
       {{0x7FE, "0123456C"}, {0xFFD, "F1F2F3F4F5C6"}}, {}, 1, 0x00},
      {"ap_prot_bad2", "FA3160000810", {{0x810, "999A"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "999A"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x04},
      {"ap_prot", "FA3160000810", {{0x810, "999D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "999D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x04},
      {"ap_prot_bad1", "FA3160000810", {{0x810, "999D"}, {0x1000, "00123456"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "999D"}, {0x1000, "00123456"}}, {{6, 0x00001000}}, 1, 0x07},
      {"zap_prot", "F83160000810", {{0x810, "999D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "999D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x04},
      {"zap_prot_bad", "F83160000810", {{0x810, "9999"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "9999"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x07},
      {"cp_prot", "F93160000810", {{0x810, "999D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "999D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 2, 0x00},
      {"dp_prot_zero", "FD3160000810", {{0x810, "000D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "000D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x0B},
      {"dp_prot", "FD3160000810", {{0x810, "100D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "100D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x04},
      {"mp_prot_zeros", "FC3160000810", {{0x810, "100D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "100D"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x07},
      {"mp_prot", "FC3160000810", {{0x810, "100D"}, {0x1000, "0000345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "100D"}, {0x1000, "0000345C"}}, {{6, 0x00001000}}, 1, 0x04},
      {"srp_prot_bad", "F03B60000001", {{0x1000, "0000345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x1000, "0000345C"}}, {{6, 0x00001000}}, 1, 0x07},
      {"srp_prot", "F03160000001", {{0x1000, "0000345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x1000, "0000345C"}}, {{6, 0x00001000}}, 1, 0x04},
      {"ed_prot", "DE0560000810", {{0x810, "12345C"}, {0x1000, "402020202020"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "12345C"}, {0x1000, "402020202020"}}, {{6, 0x00001000}}, 1, 0x04},
      {"ed_prot_bad", "DE0560000810", {{0x810, "A2345C"}, {0x1000, "402020202020"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "A2345C"}, {0x1000, "402020202020"}}, {{6, 0x00001000}}, 1, 0x04},
      {"pack_prot", "F23360000810", {{0x810, "F1F2F3C4"}, {0x1000, "00000000"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "F1F2F3C4"}, {0x1000, "00000000"}}, {{6, 0x00001000}}, 1, 0x04},
      {"unpk_prot", "F33160000810", {{0x810, "123C"}, {0x1000, "00000000"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "123C"}, {0x1000, "00000000"}}, {{6, 0x00001000}}, 1, 0x04},
      {"mvo_prot", "F13160000810", {{0x810, "123C"}, {0x1000, "00000000"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "123C"}, {0x1000, "00000000"}}, {{6, 0x00001000}}, 1, 0x04},
      {"cvd_prot", "4E006000", {{0x1000, "00000000"}}, {{6, 0x00001000}}, 0, true,
       {{0x1000, "00000000"}}, {{6, 0x00001000}}, 1, 0x04},
      {"cvb_fetch_ok", "4F006000", {{0x1000, "000000000000123C"}}, {{6, 0x00001000}}, 0, true,
       {{0x1000, "000000000000123C"}}, {{6, 0x00001000}}, 1, 0x00},
      {"ap_prot_bad2b", "FA3160000810", {{0x810, "9991"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "9991"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x07},
      {"sp_prot_bad2", "FB3160000810", {{0x810, "9A9C"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 0, true,
       {{0x810, "9A9C"}, {0x1000, "0012345C"}}, {{6, 0x00001000}}, 1, 0x07},
      {"ex_ap", "447008E0", {{0x800, "0012345C"}, {0x810, "999D999D"}, {0x8E0, "FA3008000810"}}, {{7, 0x00000001}}, 0, false,
       {{0x800, "0011346C"}, {0x810, "999D999D"}, {0x8E0, "FA3008000810"}}, {{7, 0x00000001}}, 2, 0x00},
      {"ex_ap_bad", "447008E0", {{0x800, "0012345C"}, {0x810, "999D999A"}, {0x8E0, "FA3008000810"}}, {{7, 0x00000001}}, 0, false,
       {{0x800, "0011346C"}, {0x810, "999D999A"}, {0x8E0, "FA3008000810"}}, {{7, 0x00000001}}, 2, 0x00},
      {"unpk_16", "F3FF08000810", {{0x810, "1234567890123456789012345678901D"}}, {}, 0, false,
       {{0x800, "F6F7F8F9F0F1F2F3F4F5F6F7F8F9F0D11234567890123456789012345678901D"}}, {}, 1, 0x00},
      {"pack_16", "F2FF08000810", {{0x810, "F1F2F3F4F5F6F7F8F9F0F1F2F3F4F5F6"}}, {}, 0, false,
       {{0x807, "01234567890123456FF1F2F3F4F5F6F7F8F9F0F1F2F3F4F5F6"}}, {}, 1, 0x00},
      {"mvo_16", "F1FF08000810", {{0x800, "0000000000000000000000000000000F"}, {0x810, "1234567890123456789012345678901D"}}, {}, 0, false,
       {{0x800, "234567890123456789012345678901DF1234567890123456789012345678901D"}}, {}, 1, 0x00},
      {"mp_16", "FCF608000810", {{0x800, "0000000000000001234567890123456D"}, {0x810, "9876543210987D"}}, {}, 0, false,
       {{0x800, "0012193263113701363926085611072C9876543210987D"}}, {}, 1, 0x00},
      {"mp_zero_mult", "FC4008000810", {{0x800, "000012345D"}, {0x810, "0C"}}, {}, 0, false,
       {{0x800, "000000000D"}, {0x810, "0C"}}, {}, 1, 0x00},
      {"sp_16", "FBFF08000810", {{0x800, "0000000000000000000000000000001C"}, {0x810, "9999999999999999999999999999999C"}}, {}, 0, false,
       {{0x800, "9999999999999999999999999999998D9999999999999999999999999999999C"}}, {}, 1, 0x00},
      {"sp_16b", "FBFF08000810", {{0x800, "5000000000000000000000000000000D"}, {0x810, "5000000000000000000000000000001D"}}, {}, 0, false,
       {{0x800, "0000000000000000000000000000001C5000000000000000000000000000001D"}}, {}, 2, 0x00},
      {"cp_16", "F9FF08000810", {{0x800, "5000000000000000000000000000000D"}, {0x810, "5000000000000000000000000000001D"}}, {}, 0, false,
       {{0x800, "5000000000000000000000000000000D5000000000000000000000000000001D"}}, {}, 2, 0x00},
      {"srp_16_left1", "F0F008000001", {{0x800, "0999999999999999999999999999999D"}}, {}, 0, false,
       {{0x800, "9999999999999999999999999999990D"}}, {}, 1, 0x00},
      {"srp_16_left1o", "F0F008000001", {{0x800, "1999999999999999999999999999999D"}}, {}, 0, false,
       {{0x800, "9999999999999999999999999999990D"}}, {}, 3, 0x00},
      {"ed_pop_example", "DE0C08000810", {{0x800, "4020206B2021204B202040C3D9"}, {0x810, "0257426C"}}, {}, 0, false,
       {{0x800, "4040F26BF5F7F44BF2F6404040"}, {0x810, "0257426C"}}, {}, 2, 0x00},
      {"ed_pop_example_neg", "DE0C08000810", {{0x800, "4020206B2021204B202040C3D9"}, {0x810, "0257426D"}}, {}, 0, false,
       {{0x800, "4040F26BF5F7F44BF2F640C3D9"}, {0x810, "0257426D"}}, {}, 1, 0x00},
      {"edmk_pop_example", "DF0C08000810", {{0x800, "4020206B2021204B202040C3D9"}, {0x810, "0000026D"}, {0x8F0, "FF000000"}}, {{1, 0xFF000000}}, 0, false,
       {{0x800, "404040404040F04BF2F640C3D9"}, {0x810, "0000026D"}, {0x8F0, "FF000000"}}, {{1, 0xFF000000}}, 1, 0x00},
      {"ed_pop_zero", "DE0C08000810", {{0x800, "4020206B2021204B202040C3D9"}, {0x810, "0000000D"}}, {}, 0, false,
       {{0x800, "404040404040F04BF0F040C3D9"}, {0x810, "0000000D"}}, {}, 0, 0x00},
      {"dp_pop_example", "FD7208000810", {{0x800, "000000000038460D"}, {0x810, "00123C"}}, {}, 0, false,
       {{0x800, "000000312D00084D"}, {0x810, "00123C"}}, {}, 1, 0x00},
      {"mp_pop_example", "FC3108000810", {{0x800, "0000292C"}, {0x810, "025D"}}, {}, 0, false,
       {{0x800, "0007300D"}, {0x810, "025D"}}, {}, 1, 0x00},
      {"srp_pop_left", "F04008000003", {{0x800, "000012345C"}}, {}, 0, false,
       {{0x800, "012345000C"}}, {}, 2, 0x00},
      {"srp_pop_right", "F0450800003D", {{0x800, "012345678C"}}, {}, 0, false,
       {{0x800, "000012346C"}}, {}, 2, 0x00},
      {"mvo_pop_example", "F13208000810", {{0x800, "7788990C"}, {0x810, "123456"}}, {}, 0, false,
       {{0x800, "0123456C"}, {0x810, "123456"}}, {}, 1, 0x00},
      {"pack_pop_example", "F23408000810", {{0x800, "00000000"}, {0x810, "F1F2F3F4C5"}}, {}, 0, false,
       {{0x800, "0012345C"}, {0x810, "F1F2F3F4C5"}}, {}, 1, 0x00},
      {"unpk_pop_example", "F34208000810", {{0x810, "12345D"}}, {}, 0, false,
       {{0x800, "F1F2F3F4D5"}, {0x810, "12345D"}}, {}, 1, 0x00},
      {"srp_fc3", "F04008000FC3", {{0x800, "000012345C"}}, {}, 0, false,
       {{0x800, "012345000C"}}, {}, 2, 0x00},
      {"cvd_zero_unaligned", "4E500803", {{0x8F0, "00000000"}}, {{5, 0x00000000}}, 0, false,
       {{0x80A, "0C"}, {0x8F0, "00000000"}}, {{5, 0x00000000}}, 1, 0x00},
      {"cp_neg_short", "F91108000810", {{0x800, "123D"}, {0x810, "012D"}}, {}, 0, false,
       {{0x800, "123D"}, {0x810, "012D"}}, {}, 1, 0x00},
  };
  return v;
}

void check_vector(const Vector& v) {
  CAPTURE(v.name);
  CpuFixture f;
  for (const Field& d : v.before) f.put_hex(d.addr, d.hex);
  for (auto [r, val] : v.regs) f.cpu.gpr[r] = val;
  u8 key = 0;
  if (v.protect) {
    f.storage.key(AbsAddr(0x1000)) = 0x20;  // storage key 2 for X'1000'-X'17FF'
    key = 1;
  }
  const std::vector<u8> insn = CpuFixture::bytes_of(v.insn);
  const auto out = f.run(insn, kStartCc, v.progmask, key);
  CHECK(out.code == v.code);
  CHECK(out.cc == v.cc);
  if (v.code) {
    // Suppressed or completed: the old PSW points past the instruction
    // (past EXECUTE for an executed one), with its length code.
    const u32 len = static_cast<u32>(insn_length(insn[0]));
    CHECK(out.ilc == len / 2);
    CHECK(out.old_ia == 0x200 + len);
  }
  for (const Field& d : v.after) {
    CAPTURE(d.addr);
    CHECK(f.hex(d.addr, static_cast<u32>(std::string(d.hex).size() / 2)) == d.hex);
  }
  for (auto [r, val] : v.regs_after) {
    CAPTURE(r);
    CHECK(f.cpu.gpr[r] == val);
  }
}

// Runs the vectors whose name starts with `prefix`; returns how many.
int run_vectors(const std::string& prefix) {
  int n = 0;
  for (const Vector& v : hercules_vectors()) {
    if (std::string(v.name).rfind(prefix, 0) != 0) continue;
    check_vector(v);
    n++;
  }
  return n;
}

}  // namespace

TEST_CASE("Hercules vectors: AP") { CHECK(run_vectors("ap_") >= 20); }
TEST_CASE("Hercules vectors: SP") { CHECK(run_vectors("sp_") >= 8); }
TEST_CASE("Hercules vectors: ZAP") { CHECK(run_vectors("zap_") >= 10); }
TEST_CASE("Hercules vectors: CP") { CHECK(run_vectors("cp_") >= 9); }
TEST_CASE("Hercules vectors: MP") { CHECK(run_vectors("mp_") >= 18); }
TEST_CASE("Hercules vectors: DP") { CHECK(run_vectors("dp_") >= 25); }
TEST_CASE("Hercules vectors: SRP") { CHECK(run_vectors("srp_") >= 20); }
TEST_CASE("Hercules vectors: MVO") { CHECK(run_vectors("mvo_") >= 6); }
TEST_CASE("Hercules vectors: PACK") { CHECK(run_vectors("pack_") >= 10); }
TEST_CASE("Hercules vectors: UNPK") { CHECK(run_vectors("unpk_") >= 10); }
TEST_CASE("Hercules vectors: CVB") { CHECK(run_vectors("cvb_") >= 12); }
TEST_CASE("Hercules vectors: CVD") { CHECK(run_vectors("cvd_") >= 7); }
TEST_CASE("Hercules vectors: ED") { CHECK(run_vectors("ed_") >= 25); }
TEST_CASE("Hercules vectors: EDMK") { CHECK(run_vectors("edmk_") >= 8); }
TEST_CASE("Hercules vectors: under EXECUTE") { CHECK(run_vectors("ex_") == 2); }
TEST_CASE("Hercules vectors: every vector belongs to a group") {
  int n = 0;
  for (const char* p : {"ap_", "sp_", "zap_", "cp_", "mp_", "dp_", "srp_", "mvo_", "pack_", "unpk_", "cvb_", "cvd_",
                        "ed_", "edmk_", "ex_"})
    for (const Vector& v : hercules_vectors()) n += std::string(v.name).rfind(p, 0) == 0;
  CHECK(n == static_cast<int>(hercules_vectors().size()));
}
