// The listing and the object deck (ESD, TXT, RLD, END cards in the OS/360
// object-module layout: X'02' in column 1, the card type in EBCDIC in
// columns 2-4, ESD items of 16 bytes from column 17, TXT data from column 17
// with its address in columns 6-8, RLD items of 8 bytes).
#include "asm_test_util.h"

using asmtest::assemble;
using asmtest::hexs;

namespace {

const std::string kSrc =
    "PROG     START X'100'\n"
    "         ENTRY LAB\n"
    "         EXTRN OTHER\n"
    "         BALR  12,0\n"
    "         USING *,12\n"
    "LAB      L     1,=A(DATA)\n"
    "         BR    14\n"
    "DATA     DC    A(LAB,OTHER)\n"
    "         DC    V(SUBR)\n"
    "         END   PROG\n";

std::string ebcdic_text(const std::array<s370::u8, 80>& c, int from, int n) {
  // Only letters, digits and blanks are needed here.
  std::string s;
  for (int i = from; i < from + n; i++) {
    s370::u8 b = c[i];
    char ch = '?';
    if (b == 0x40) ch = ' ';
    else if (b >= 0xC1 && b <= 0xC9) ch = static_cast<char>('A' + b - 0xC1);
    else if (b >= 0xD1 && b <= 0xD9) ch = static_cast<char>('J' + b - 0xD1);
    else if (b >= 0xE2 && b <= 0xE9) ch = static_cast<char>('S' + b - 0xE2);
    else if (b >= 0xF0 && b <= 0xF9) ch = static_cast<char>('0' + b - 0xF0);
    s += ch;
  }
  return s;
}

}  // namespace

TEST_CASE("deck: ESD, TXT, RLD and END cards") {
  s370::as::Options opt;
  opt.want_deck = true;
  auto r = assemble(kSrc, opt);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  // Image: BALR at X'100', L at X'102', BR, DATA at X'108': A(LAB) = X'102',
  // A(OTHER) = 0, V(SUBR) = 0, then the pool (=A(DATA) = X'108') at X'118'.
  CHECK(hexs(r.image) == "05C0" "5810C016" "07FE" "00000102" "00000000" "00000000" "00000000" "00000108");
  std::vector<std::string> types;
  for (auto& c : r.deck) {
    CHECK(c[0] == 0x02);
    types.push_back(ebcdic_text(c, 1, 3));
  }
  REQUIRE(types.size() >= 4);
  CHECK(types.front() == "ESD");
  CHECK(types.back() == "END");
  // ESD: PROG (SD, id 1, at X'100', length X'1C'), OTHER (ER), SUBR (ER); LAB (LD).
  const auto& esd = r.deck[0];
  CHECK(ebcdic_text(esd, 16, 8) == "PROG    ");
  CHECK(esd[24] == 0x00);
  CHECK(hexs({esd.begin() + 25, esd.begin() + 28}) == "000100");
  CHECK(hexs({esd.begin() + 29, esd.begin() + 32}) == "00001C");
  CHECK(ebcdic_text(esd, 32, 8) == "OTHER   ");
  CHECK(esd[40] == 0x02);
  CHECK(ebcdic_text(esd, 48, 8) == "SUBR    ");
  bool ld = false, txt_ok = false;
  int rld_items = 0;
  std::vector<s370::u8> text(r.image.size(), 0xEE);
  for (auto& c : r.deck) {
    std::string t = ebcdic_text(c, 1, 3);
    if (t == "ESD" && ebcdic_text(c, 16, 8) == "LAB     ") {
      ld = c[24] == 0x01 && hexs({c.begin() + 25, c.begin() + 28}) == "000102";
    }
    if (t == "TXT") {
      int addr = c[5] << 16 | c[6] << 8 | c[7], n = c[10] << 8 | c[11];
      for (int i = 0; i < n; i++) text.at(static_cast<size_t>(addr - 0x100 + i)) = c[16 + i];
      txt_ok = c[14] == 0 && c[15] == 1;
    }
    if (t == "RLD") rld_items += (c[10] << 8 | c[11]) / 8;
  }
  CHECK(ld);
  CHECK(txt_ok);
  // The TXT cards hold every assembled byte; the 4 bytes skipped to align
  // the literal pool are not assembled, so no TXT covers them.
  CHECK(hexs(text) == "05C05810C01607FE000001020000000000000000" "EEEEEEEE" "00000108");
  // A(LAB), A(OTHER), V(SUBR), =A(DATA): four relocatable fields.
  CHECK(rld_items == 4);
  // END: entry point X'100' in ESDID 1.
  const auto& end = r.deck.back();
  CHECK(hexs({end.begin() + 5, end.begin() + 8}) == "000100");
}

TEST_CASE("deck: RLD items of 2-, 3- and 4-byte address constants") {
  // Each RLD item: R ESDID (2 bytes), P ESDID (2), flag, address (3). The
  // flag's bits 4-5 are the field's length - 1 (01 for Y and AL2, 10 for
  // AL3, 11 for A), bit 6 the direction (1: subtract), bits 0-3 the type.
  s370::as::Options opt;
  opt.want_deck = true;
  auto r = assemble(
      "P        START X'100'\n"
      "         EXTRN EXT\n"
      "         DC    Y(LAB)\n"     // 100
      "         DC    AL3(LAB)\n"   // 102
      "LAB      DC    AL2(EXT-*)\n" // 105: + EXT, - P
      "         DC    A(LAB)\n"     // 108
      "         END\n",
      opt);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  CHECK(r.diags.size() == 2);  // Y(LAB) and AL2(EXT-*): 2-byte relocatable
  CHECK(hexs(r.image) == "0105" "000105" "FEFB" "00" "00000105");
  std::string items;
  for (auto& c : r.deck) {
    if (ebcdic_text(c, 1, 3) != "RLD") continue;
    int n = c[10] << 8 | c[11];
    for (int i = 0; i < n; i += 8) items += hexs({c.begin() + 16 + i, c.begin() + 24 + i}) + " ";
  }
  // P is ESDID 1, EXT ESDID 2.
  CHECK(items ==
        "0001000104000100 "   // Y(LAB): A, 2 bytes
        "0001000108000102 "   // AL3(LAB): A, 3 bytes
        "0002000104000105 "   // AL2(EXT-*): + EXT
        "0001000106000105 "   //             - P
        "000100010C000108 ");  // A(LAB): A, 4 bytes
}

TEST_CASE("listing: locations, object code, statement numbers, source, cross-reference") {
  s370::as::Options opt;
  opt.want_listing = true;
  auto r = assemble(kSrc, opt);
  REQUIRE(r.ok);
  const std::string& l = r.listing;
  CHECK(l.find("000102 5810C016") != std::string::npos);
  CHECK(l.find("LAB      L     1,=A(DATA)") != std::string::npos);
  CHECK(l.find("SYMBOL CROSS-REFERENCE") != std::string::npos);
  CHECK(l.find("=A(DATA)") != std::string::npos);
  // DATA: length 4, value X'108', defined on line 8, used on line 6.
  auto p = l.find("\nDATA ");
  REQUIRE(p != std::string::npos);
  std::string row = l.substr(p + 1, l.find('\n', p + 1) - p - 1);
  CHECK(row.find("00000108") != std::string::npos);
  CHECK(row.find(" 8 ") != std::string::npos);
  CHECK(row.substr(row.size() - 2) == " 6");
}

TEST_CASE("listing: messages under their statement") {
  s370::as::Options opt;
  opt.want_listing = true;
  auto r = assemble("T        CSECT\n         L     1,NOPE\n         END\n", opt);
  CHECK(!r.ok);
  auto p = r.listing.find("L     1,NOPE");
  REQUIRE(p != std::string::npos);
  CHECK(r.listing.find("** ERROR: undefined symbol NOPE", p) != std::string::npos);
}

TEST_CASE("CCW: format 0 and format 1 channel command words on a doubleword") {
  // CCW X'02',BUF,X'20',80: 02, address X'000010', flags 20, 00, count 0050.
  const std::string src =
      "T        CSECT\n"
      "         DC    X'FF'\n"
      "C0       CCW   X'02',BUF,X'20',80\n"
      "C1       CCW1  X'01',BUF,X'40',4\n"
      "BUF      DS    CL80\n"
      "         DC    AL1(L'C0)\n"
      "         END\n";
  auto r = assemble(src);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  CHECK(hexs(r.image, 0, 24) == "FF00000000000000" "0200001820000050" "0140000400000018");
  CHECK(hexs(r.image, 24 + 80, 1) == "08");
}

TEST_CASE("USING PSA,0: a DSECT mapped on low storage through register 0; PUSH/POP USING") {
  const std::string src =
      "T        CSECT\n"
      "         BALR  12,0\n"
      "         USING *,12\n"
      "         USING PSA,0\n"
      "         MVC   PGMNPSW,=XL8'00'\n"    // D207 0068 C016: the DSECT field through R0
      "         PUSH  USING\n"
      "         DROP  12\n"
      "         POP   USING\n"
      "         LA    1,FLCCAW\n"            // 4110 0048
      "         LA    2,*\n"                 // R12 is back: 4120 C00A
      "         BR    14\n"
      "         LTORG\n"
      "PSA      DSECT\n"
      "         DS    XL72\n"
      "FLCCAW   DS    F\n"
      "         ORG   PSA+X'68'\n"
      "PGMNPSW  DS    D\n"
      "         END\n";
  auto r = assemble(src);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  CHECK(hexs(r.image, 0, 24) == "05C0" "D2070068C016" "41100048" "4120C00A" "07FE" "000000000000");
}

#ifdef ASM_SAMPLES_DIR
#include <filesystem>

TEST_CASE("the samples assemble without a message (they run in the sample_* tests)") {
  namespace fs = std::filesystem;
  s370::as::Options opt;
  opt.include_dirs = {std::string(ASM_SAMPLES_DIR) + "/maclib"};
  int n = 0;
  for (const auto& e : fs::directory_iterator(ASM_SAMPLES_DIR)) {
    if (e.path().extension() != ".asm") continue;
    auto r = s370::as::assemble_file(e.path().string(), opt);
    INFO(e.path().string(), "\n", asmtest::diags(r));
    CHECK(r.ok);
    CHECK(r.diags.empty());
    // Low core and code at X'200': the image starts with the IPL PSW.
    CHECK(hexs(r.image, 0, 8) == "0000000000000200");
    n++;
  }
  CHECK(n >= 4);
}
#endif
