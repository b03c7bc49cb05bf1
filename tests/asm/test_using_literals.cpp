// USING resolution and literal pools, on hand-worked cases. The rules are
// HLASM's (Language Reference, "USING instruction" and "Literal pool"):
// of the USINGs whose 4096-byte range holds an address, the one with the
// smallest displacement, and on a tie the highest-numbered register; a
// USING of a register replaces the earlier USING of that register; the
// pool is on a doubleword, its literals in segments by length (multiples of
// 16, of 8, of 4, of 2, odd), each in the order written; literals after the
// last LTORG go to the end of the first control section.
#include "asm_test_util.h"

using asmtest::assemble;
using asmtest::hexs;
using asmtest::image_hex;

TEST_CASE("USING: several registers in one USING, each 4096 bytes further") {
  const std::string src =
      "T        CSECT\n"
      "         USING T,12,11\n"
      "         L     1,T+5000\n"   // 5000-4096 = 904 = X'388' from register 11
      "         L     1,T+4095\n"   // register 12, X'FFF'
      "         L     1,T+4096\n"   // register 11, 0
      "         DS    XL5000\n"
      "         END\n";
  CHECK(image_hex(src).substr(0, 24) == "5810B388" "5810CFFF" "5810B000");
}

TEST_CASE("USING: smallest displacement wins; a tie goes to the higher register; DROP") {
  const std::string src =
      "T        CSECT\n"
      "         USING T,12\n"
      "         USING T+8,11\n"       // overlaps: a warning
      "         L     1,T+100\n"      // R11: 92 = X'05C' (R12 would give 100)
      "         L     1,T+4\n"        // only R12 reaches it
      "         DROP  11\n"
      "         USING T,10\n"
      "         L     1,T+40\n"       // R10 and R12 both 40: register 12
      "         DROP  12\n"
      "         L     1,T+100\n"      // R10
      "         USING T+16,12\n"
      "         L     1,T+20\n"       // R12: 4 (R10 would give 20)
      "         DS    XL200\n"
      "         END\n";
  auto r = assemble(src);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  CHECK(hexs(r.image, 0, 20) == "5810B05C" "5810C004" "5810C028" "5810A064" "5810C004");
  int warnings = 0;
  for (auto& d : r.diags) warnings += d.warning && d.msg.find("overlaps") != std::string::npos;
  CHECK(warnings >= 2);
  for (auto& d : r.diags) CHECK(d.warning);
}

TEST_CASE("USING: a USING of a register replaces its earlier USING") {
  const std::string src =
      "T        CSECT\n"
      "         USING T,12\n"
      "         USING T+X'100',12\n"
      "         L     1,T+X'104'\n"
      "         DS    XL300\n"
      "         END\n";
  CHECK(image_hex(src).substr(0, 8) == "5810C004");
}

TEST_CASE("USING: absolute addresses, absolute USING, dependent USING on a DSECT") {
  const std::string src =
      "T        CSECT\n"
      "         USING 4096,6\n"
      "         LA    1,5000\n"        // 5000-4096 = X'388' from R6
      "         LA    1,100\n"         // 0-4095 need no USING: base 0
      "         USING T,12\n"
      "         USING D,AREA\n"        // D maps AREA, which R12 covers
      "         L     2,F2\n"          // AREA+8 = T+X'28': R12, X'028'
      "         L     3,F1(4)\n"       // with index 4: T+X'20'
      "         BR    14\n"
      "         DS    0F\n"
      "         DS    XL12\n"
      "AREA     DS    XL16\n"          // at X'20'
      "D        DSECT\n"
      "F1       DS    F\n"
      "         DS    F\n"
      "F2       DS    F\n"
      "         END\n";
  std::string h = image_hex(src);
  CHECK(h.substr(0, 36) == "41106388" "41100064" "5820C028" "5834C020" "07FE");
}

TEST_CASE("USING errors: no USING, beyond the range, explicit displacement too large") {
  auto r = assemble("T        CSECT\n         L     1,X\nX        DS    F\n         END\n");
  REQUIRE(!r.diags.empty());
  CHECK(r.diags[0].line == 2);
  CHECK(r.diags[0].msg.find("no active USING") != std::string::npos);
  r = assemble("T        CSECT\n         USING T,12\n         L     1,X\n         DS    XL5000\nX        DS    F\n         END\n");
  REQUIRE(!r.diags.empty());
  CHECK(r.diags[0].line == 3);
  CHECK(r.diags[0].msg.find("beyond the active USING range") != std::string::npos);
  r = assemble("T        CSECT\n         L     1,5000(0,1)\n         END\n");
  REQUIRE(!r.diags.empty());
  CHECK(r.diags[0].msg.find("out of range") != std::string::npos);
  r = assemble("T        CSECT\n         LA    1,5000\n         END\n");
  REQUIRE(!r.diags.empty());
  CHECK(r.diags[0].msg.find("out of range") != std::string::npos);
}

TEST_CASE("literal pool: the five segments of the HLASM Language Reference example") {
  const std::string src =
      "FIRST    START 0\n"
      "         BALR  12,0\n"
      "         USING *,12\n"
      "         MVC   TO,=3F'9'\n"
      "         AD    2,=D'7'\n"
      "         IC    2,=XL1'8'\n"
      "         MVC   MTH,=CL3'JAN'\n"
      "         LM    4,5,=2F'1,2'\n"
      "         AH    5,=H'33'\n"
      "         L     2,=A(ADDR)\n"
      "         MVC   FIVES,=XL16'05'\n"
      "         MVC   TO(1),=XL1'8'\n"        // the same literal again: one copy
      "         BR    14\n"
      "TO       DS    CL12\n"
      "MTH      DS    CL3\n"
      "FIVES    DS    CL16\n"
      "ADDR     DS    F\n"
      "         LTORG\n"
      "         END\n";
  auto r = assemble(src);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  // Code 0-47, TO 48, MTH 60, FIVES 63, ADDR 80, the pool at 88 (X'58').
  CHECK(hexs(r.image, 88) ==
        "00000001000000020000000100000002"  // =2F'1,2'  (16: segment 1)
        "00000000000000000000000000000005"  // =XL16'05' (16: segment 1)
        "4170000000000000"                  // =D'7'     (8)
        "000000090000000900000009"          // =3F'9'    (12: multiple of 4)
        "00000050"                          // =A(ADDR)  (4)
        "0021"                              // =H'33'    (2)
        "08"                                // =XL1'8'   (odd)
        "D1C1D5");                          // =CL3'JAN' (odd)
  // L 2,=A(ADDR) at 30: the literal at X'8C', base 2: displacement X'08A'.
  CHECK(hexs(r.image, 30, 4) == "5820C08A");
  // MVC TO,=3F'9': length 12 from L'TO; TO at X'30' (disp X'02E'), literal X'80' (X'07E').
  CHECK(hexs(r.image, 2, 6) == "D20BC02EC07E");
}

TEST_CASE("literal pools: one per LTORG; the last one at the end of the first section") {
  const std::string src =
      "A        CSECT\n"
      "         BALR  12,0\n"
      "         USING *,12\n"
      "         L     1,=F'1'\n"
      "         LTORG\n"
      "         L     1,=F'1'\n"   // a new pool: a second copy
      "         BR    14\n"
      "B        CSECT\n"
      "         DC    X'FF'\n"
      "         END\n";
  // A: BALR 0, L 2, LTORG pool at 8 (=F'1'), L 12, BR 16, END pool at 24;
  // A is 28 bytes long, B starts on the next doubleword, 32.
  CHECK(image_hex(src) == "05C0" "5810C006" "0000" "00000001" "5810C016" "07FE" "000000000000" "00000001"
                          "00000000" "FF");
}

TEST_CASE("USING 0,3 is preferred to the implicit register 0 (HLASM Language Reference example)") {
  // "Base registers for absolute addresses": USING 0,3 / LA 7,5 generates
  // X'41703005'; without the USING, X'41700005'.
  CHECK(image_hex("T        CSECT\n         USING 0,3\n         LA    7,5\n         END\n") == "41703005");
  CHECK(image_hex("T        CSECT\n         LA    7,5\n         END\n") == "41700005");
}

TEST_CASE("statements: an L' attribute before remarks is not a string") {
  // L'A followed by blanks and remarks: the quote is an attribute
  // reference, so the operand field ends at the first blank (the HLASM
  // Language Reference, "Attribute reference"); in a CCW too.
  const std::string src =
      "T        START 0\n"
      "         LA    3,L'A    remark\n"
      "         CCW   X'02',A,X'20',L'A    remark\n"
      "A        DC    CL5'X'\n"
      "         END\n";
  CHECK(image_hex(src) == "41300005" "00000000" "0200001020000005" "E740404040");  // CCW on a doubleword
}
