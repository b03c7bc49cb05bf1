// DC and DS: every type, with the bytes worked out from the HLASM Language
// Reference (SC26-4940), "DC instruction" and its subsections:
//  C: EBCDIC, padded on the right with blanks, truncated on the right;
//  X, B: padded with zeros / truncated on the left;
//  F, H: two's complement, aligned unless a length is given;
//  P: sign C (+) or D (-) in the last half-byte; Z: F zones, sign zone last;
//  A, Y, V: address constants; S: base and displacement;
//  E, D, L: HFP, "rounded by adding one in the first lost bit position"
//  (rounding mode 1, the default); L: second half has the same sign and a
//  characteristic 14 less. The HFP vectors were computed with exact rational
//  arithmetic (Python fractions) following that rule; the classic ones
//  (E'0.1' = 4019999A, D'0.1' = 401999999999999A) are well known.
#include "asm_test_util.h"

using asmtest::image_hex;

namespace {

std::string dc(const std::string& operand) {
  return image_hex("T        CSECT\n         DC    " + operand + "\n         END\n");
}

}  // namespace

TEST_CASE("DC C: EBCDIC, padding and truncation on the right, doubled quotes and ampersands") {
  CHECK(dc("C'ABC'") == "C1C2C3");
  CHECK(dc("CL5'AB'") == "C1C2404040");
  CHECK(dc("CL2'ABCD'") == "C1C2");
  CHECK(dc("C'it''s'") == "89A37DA2");
  CHECK(dc("C'A&&B'") == "C150C2");
  CHECK(dc("C'a b,1'") == "8140826BF1");
  CHECK(dc("2CL3'AB'") == "C1C240C1C240");
  CHECK(dc("C'$#@'") == "5B7B7C");
}

TEST_CASE("DC X and B: right-aligned, padded and truncated on the left, several values") {
  CHECK(dc("X'1'") == "01");
  CHECK(dc("X'ABC'") == "0ABC");
  CHECK(dc("XL3'1'") == "000001");
  CHECK(dc("XL1'1234'") == "34");
  CHECK(dc("X'01,02'") == "0102");
  CHECK(dc("X'F,1F'") == "0F1F");
  CHECK(dc("3X'FF'") == "FFFFFF");
  CHECK(dc("(2+1)X'EE'") == "EEEEEE");
  CHECK(dc("B'1'") == "01");
  CHECK(dc("B'101000001'") == "0141");
  CHECK(dc("BL1'111100001'") == "E1");
  CHECK(dc("B'1,11111111'") == "01FF");
}

TEST_CASE("DC F and H: two's complement, explicit lengths, several values") {
  CHECK(dc("F'1'") == "00000001");
  CHECK(dc("F'-1'") == "FFFFFFFF");
  CHECK(dc("F'2147483647'") == "7FFFFFFF");
  CHECK(dc("F'-2147483648'") == "80000000");
  CHECK(dc("F'1,2'") == "0000000100000002");
  CHECK(dc("3F'7'") == "000000070000000700000007");
  CHECK(dc("FL2'-2'") == "FFFE");
  CHECK(dc("FL3'256'") == "000100");
  CHECK(dc("H'-32768'") == "8000");
  CHECK(dc("H'32767'") == "7FFF");
  CHECK(dc("H'1,-1'") == "0001FFFF");
  CHECK(dc("HL1'-1'") == "FF");
  CHECK(dc("F'1E3'") == "000003E8");    // a decimal exponent
  CHECK(dc("H'2.5E1'") == "0019");      // 25: an integer in the end
  CHECK(dc("F'-12.00'") == "FFFFFFF4");
}

TEST_CASE("DC P and Z: signs, implicit lengths from the digits, decimal point ignored") {
  CHECK(dc("P'123'") == "123C");
  CHECK(dc("P'-123'") == "123D");
  CHECK(dc("P'+0'") == "0C");
  CHECK(dc("P'1234'") == "01234C");
  CHECK(dc("PL4'-5'") == "0000005D");
  CHECK(dc("P'1.25'") == "125C");
  CHECK(dc("P'-0.05'") == "005D");
  CHECK(dc("PL2'12345'") == "345C");
  CHECK(dc("P'1,-22'") == "1C022D");
  CHECK(dc("Z'123'") == "F1F2C3");
  CHECK(dc("Z'-123'") == "F1F2D3");
  CHECK(dc("ZL5'12'") == "F0F0F0F1C2");
  CHECK(dc("Z'1.5'") == "F1C5");
  CHECK(dc("ZL2'-12345'") == "F4D5");
}

TEST_CASE("DC E, D, L: HFP with HLASM rounding") {
  CHECK(dc("E'1'") == "41100000");
  CHECK(dc("E'-1'") == "C1100000");
  CHECK(dc("E'0.5'") == "40800000");
  CHECK(dc("E'100'") == "42640000");
  CHECK(dc("E'0.1'") == "4019999A");
  CHECK(dc("E'3.14159'") == "413243F4");
  CHECK(dc("E'0.99999999'") == "41100000");  // rounding carries into a new digit
  CHECK(dc("E'-1.5E-3'") == "BE624DD3");
  CHECK(dc("E'7.2E75'") == "7FFEB0E4");
  CHECK(dc("E'0'") == "00000000");
  CHECK(dc("D'0.1'") == "401999999999999A");
  CHECK(dc("D'1'") == "4110000000000000");
  CHECK(dc("D'-2.5'") == "C128000000000000");
  CHECK(dc("D'3.141592653589793'") == "413243F6A8885A2F");
  CHECK(dc("D'1E10'") == "492540BE40000000");
  CHECK(dc("D'123.456'") == "427B74BC6A7EF9DB");
  CHECK(dc("D'1E-70'") == "06B0AF48EC79ACE8");
  CHECK(dc("L'1'") == "41100000000000003300000000000000");
  CHECK(dc("L'0.1'") == "4019999999999999329999999999999A");
  CHECK(dc("L'2.718281828459045235360287471352662'") == "412B7E151628AED233A6ABF7158809CF");
  CHECK(dc("L'-0.0001'") == "BD68DB8BAC710CB2AF95E9E1B089A027");
  CHECK(dc("E'1,2'") == "4110000041200000");
  CHECK(dc("EH'1'") == "41100000");
}

TEST_CASE("DC A, Y, V, S: address constants") {
  const std::string src =
      "T        START X'1000'\n"
      "         USING *,12\n"
      "A1       DC    A(0)\n"
      "         DC    A(-1)\n"
      "         DC    AL3(4096)\n"
      "         DC    AL1(255)\n"
      "         DC    Y(10)\n"
      "         DC    A(A1,A1+4)\n"      // relocatable: the START origin X'1000' added
      "         DC    A(L2-A1)\n"        // absolute difference
      "         DC    V(EXT)\n"          // external: 0 in the image
      "         DC    S(A1+16)\n"        // base 12, displacement X'010'
      "         DC    S(8(5))\n"         // explicit base and displacement
      "L2       DC    A(*)\n"
      "         END\n";
  CHECK(image_hex(src) ==
        "00000000" "FFFFFFFF" "001000" "FF" "000A" "0000"  // Y aligned to 2; 2 bytes to the next A
        "0000100000001004" "00000024" "00000000" "C010" "5008" "00001024");
}

TEST_CASE("DC Y and AL2 relocatable: assembled as written, with HLASM's ASMA066W warning") {
  // HLASM Language Reference, "Address constants—A and Y": a relocatable
  // value may have 2, 3 or 4 bytes (A) or 2 (Y). A 2-byte field holds the
  // address truncated to 16 bits and draws ASMA066W "2-byte relocatable
  // address constant" (severity 4); 3 and 4 bytes draw nothing.
  s370::as::Options opt;
  opt.want_listing = true;
  auto r = asmtest::assemble(
      "T        START X'1000'\n"
      "BASE     DC    Y(LAB)\n"           // 1000: relocatable Y: 1010, warning
      "         DC    AL2(*-BASE+LAB)\n"  // 1002: 2 + 1010, warning
      "         DC    AL3(LAB)\n"         // 1004: 001010, no warning
      "         DC    AL1(3)\n"           // 1007
      "         DC    Y(LAB-BASE)\n"      // 1008: absolute 0010, no warning
      "         DC    2Y(*)\n"            // 100A, 100C: warning
      "LAB      DC    A(LAB)\n"           // 1010 (aligned): no warning
      "         END\n",
      opt);
  INFO(asmtest::diags(r));
  CHECK(r.ok);  // a warning: asm370 exits 0 and writes the image and deck
  CHECK(asmtest::hexs(r.image) == "1010" "1012" "001010" "03" "0010" "100A100C" "0000" "00001010");
  std::vector<int> lines;
  for (const auto& d : r.diags) {
    CHECK(d.warning);
    CHECK(d.format() == "t.asm:" + std::to_string(d.line) + ": warning: 2-byte relocatable address constant");
    lines.push_back(d.line);
  }
  CHECK(lines == std::vector<int>{2, 3, 7});
  // In the listing under the statement.
  auto p = r.listing.find("BASE     DC    Y(LAB)");
  REQUIRE(p != std::string::npos);
  CHECK(r.listing.compare(r.listing.find('\n', p) + 1, 48, "** WARNING: 2-byte relocatable address constant\n") == 0);
  // Beyond 64 KB the field holds the low 16 bits of the address, as HLASM
  // assembles it ("the statement assembles as written").
  CHECK(image_hex("T        START X'12340'\nL        DC    Y(L),AL2(L+2)\n         END\n") == "23402342");
  // Complex relocatable reducing to one term (LAB-BASE+LAB) and an external
  // with the section subtracted (X-*) are relocatable too.
  r = asmtest::assemble(
      "T        START X'100'\n"
      "         EXTRN X\n"
      "BASE     DC    Y(LAB-BASE+LAB)\n"  // 100: 2 + 102
      "LAB      DC    AL2(X-*)\n"         // 102: 0 - 102
      "         END\n");
  INFO(asmtest::diags(r));
  CHECK(r.ok);
  CHECK(asmtest::hexs(r.image) == "0104" "FEFE");
  CHECK(r.diags.size() == 2);
}

TEST_CASE("DC/DS alignment, duplication and zero duplication") {
  // C at 0, H aligned to 2, F aligned to 4 (HLASM: each operand aligned).
  CHECK(dc("C'A',H'1',F'2'") == "C100000100000002");
  CHECK(image_hex("T CSECT\n DC C'A'\n DC F'1'\n END\n") == "C100000000000001");
  CHECK(image_hex("T CSECT\n DC C'A'\n DS 0D\n DC C'B'\n END\n") == "C100000000000000C2");
  CHECK(image_hex("T CSECT\n DC C'A'\n DC 0F\n DC FL1'1'\n END\n") == "C100000001");
  CHECK(image_hex("T CSECT\n DS 3CL2\n DC C'X'\n END\n") == "000000000000E7");
  CHECK(image_hex("T CSECT\n DS CL3\n DS H\n DC X'AA'\n END\n") == "000000000000AA");
  CHECK(image_hex("T CSECT\n DS C'ABC'\n DC X'AA'\n END\n") == "000000AA");
  CHECK(image_hex("T CSECT\n DS 10F\n DC X'AA'\n END\n").size() == 2 * 41);
  // A DS at the end is part of the image (zero-filled).
  CHECK(image_hex("T CSECT\n DC X'AA'\n DS XL3\n END\n") == "AA000000");
}

TEST_CASE("length attributes of DC/DS symbols and implicit lengths") {
  const std::string src =
      "T        CSECT\n"
      "X        DC    CL5'A'\n"
      "Y        DS    10F\n"
      "Z        DC    X'1,234'\n"
      "P        DC    PL4'1'\n"
      "LX       EQU   L'X\n"
      "LY       EQU   L'Y\n"
      "LZ       EQU   L'Z\n"
      "         DC    AL1(LX,LY,LZ,L'P)\n"
      "         END\n";
  std::string h = image_hex(src);
  REQUIRE(h.size() >= 8);
  CHECK(h.substr(h.size() - 8) == "05040104");
}

TEST_CASE("bad DC operands each give a message") {
  for (const char* bad : {"F'1.5'", "F'1E'", "H'1E-1'", "F'2147483648'", "H'40000'", "X'1G'", "B'102'", "P'1A'", "C''", "Q'1'",
                          "E'1E99'", "F", "CL0'A'", "AL5(1)", "AL1(T)", "YL1(T)", "FL1'300'", "P'1",  "3", "E'abc'"}) {
    auto r = asmtest::assemble("T        CSECT\n         DC    " + std::string(bad) + "\n         END\n");
    CAPTURE(bad);
    CHECK(!r.ok);
    REQUIRE(!r.diags.empty());
    CHECK(r.diags[0].line == 2);
  }
}

TEST_CASE("CNOP pads with NOPR and NOP to the byte of the boundary; ORG back and forward") {
  // HLASM, CNOP: halfword-aligned first (a skipped odd byte is 0), then
  // no-operations until loc mod w = b.
  CHECK(image_hex("T        CSECT\n"
                  "         DC    X'AA'\n"
                  "         CNOP  0,4\n"
                  "         DC    X'BB'\n"
                  "         CNOP  6,8\n"
                  "         DC    X'CC'\n"
                  "         CNOP  2,8\n"
                  "         DC    X'DD'\n"
                  "         END\n") == "AA000700BB00CC000700DD");
  // HLASM fills with the fewest no-operations: one NOPR (X'0700') first
  // when 2 or 6 bytes are skipped, 4-byte NOPs (BC 0,X'700', X'47000700')
  // for the rest.
  CHECK(image_hex("T        CSECT\n"
                  "         DC    X'AA'\n"        // 0
                  "         CNOP  0,8\n"           // 2-7: 6 bytes
                  "         DC    X'BB'\n"        // 8
                  "         CNOP  0,8\n"           // 10-15: 6 bytes
                  "         DC    XL4'CC'\n"      // 16-19
                  "         CNOP  0,8\n"           // 20-23: 4 bytes
                  "         DC    XL6'DD'\n"      // 24-29
                  "         CNOP  0,8\n"           // 30-31: 2 bytes
                  "         CNOP  0,4\n"           // aligned: nothing
                  "         DC    XL2'EE'\n"      // 32-33
                  "         CNOP  6,8\n"           // 34-37: 4 bytes
                  "         DC    X'FF'\n"        // 38
                  "         END\n") ==
        "AA00" "070047000700"
        "BB00" "070047000700"
        "000000CC" "47000700"
        "0000000000DD" "0700"
        "00EE" "47000700"
        "FF");
  // The bytes are the listing's object code too.
  s370::as::Options opt;
  opt.want_listing = true;
  auto r = asmtest::assemble("T        CSECT\n         DC    X'AA'\n         CNOP  0,8\n         END\n", opt);
  REQUIRE(r.ok);
  CHECK(r.listing.find("000002 07004700 0700") != std::string::npos);
  CHECK(image_hex("T        CSECT\n"
                  "A        DC    C'ABCD'\n"
                  "         ORG   A+1\n"
                  "         DC    C'X'\n"
                  "         ORG\n"
                  "         DC    C'E'\n"
                  "         ORG   *+2\n"
                  "         DC    C'F'\n"
                  "         END\n") == "C1E7C3C4C50000C6");
}

TEST_CASE("EQU: location counter, length and type attributes, forward references") {
  const std::string src =
      "T        CSECT\n"
      "         DS    XL3\n"
      "HERE     EQU   *\n"
      "FWD      EQU   LATER-T\n"
      "LEN      EQU   HERE,12,C'X'\n"
      "         DC    AL1(HERE-T,FWD,L'LEN,L'HERE)\n"
      "LATER    DS    0H\n"
      "         END\n";
  // HERE = 3; LATER = 8 (after the 4 AL1 bytes at 3, aligned to 2); L'LEN = 12; L'HERE = 1.
  CHECK(image_hex(src) == "000000" "03080C01" "00");  // DS 0H at the end: section length 8
}
