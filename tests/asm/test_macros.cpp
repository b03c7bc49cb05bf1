// Macros and conditional assembly (HLASM Language Reference, "How to
// specify macro definitions", "How to write conditional assembly
// instructions"), COPY and macro libraries through -I.
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "asm_test_util.h"

using asmtest::assemble;
using asmtest::hexs;
using asmtest::image_hex;
namespace fs = std::filesystem;

TEST_CASE("macro: positional and keyword parameters, defaults, name field, &SYSNDX") {
  const std::string src =
      "         MACRO\n"
      "&LBL     MOVE  &TO,&FROM,&LEN=4\n"
      "&LBL     MVC   &TO.(&LEN),&FROM\n"
      "L&SYSNDX DC    X'&LEN'\n"
      "         MEND\n"
      "T        CSECT\n"
      "         USING T,12\n"
      "FIRST    MOVE  A,B\n"
      "         MOVE  A,B,LEN=2\n"
      "         DC    AL1(L'L0001,L0002-T)\n"
      "A        DS    CL8\n"
      "B        DS    CL8\n"
      "         END\n";
  // MVC A(4),B at 0; L0001 X'04' at 6; MVC A(2),B at 8 (aligned); L0002 at 14;
  // the two AL1 at 15; A at 17 (X'11'), B at 25 (X'19').
  CHECK(image_hex(src).substr(0, 34) == "D203C011C019" "04" "00" "D201C011C019" "02" "010E");
}

TEST_CASE("conditional assembly: SETA loop with AIF/AGO, SETB, SETC with substring and concatenation") {
  const std::string src =
      "         MACRO\n"
      "         TABLE &N\n"
      "         LCLA  &I\n"
      "         LCLC  &S\n"
      "&I       SETA  1\n"
      ".LOOP    AIF   (&I GT &N).DONE\n"
      "         DC    AL1(&I*&I)\n"
      "&I       SETA  &I+1\n"
      "         AGO   .LOOP\n"
      ".DONE    ANOP\n"
      "&S       SETC  'ABCDEF'(2,3).'X'\n"
      "         DC    C'&S'\n"
      "         MEND\n"
      "T        CSECT\n"
      "         TABLE 4\n"
      "&B       SETB  (4 GT 3 AND NOT 1 EQ 2)\n"
      "         AIF   (NOT &B).SKIP\n"
      "         DC    X'BB'\n"
      ".SKIP    ANOP\n"
      "         END\n";
  // 1 4 9 16, then 'BCDX', then X'BB'.
  CHECK(image_hex(src) == "01040910" "C2C3C4E7" "BB");
}

TEST_CASE("attributes: T' K' N' L' of parameters, &SYSLIST, sublists, omitted operands") {
  const std::string src =
      "         MACRO\n"
      "         ATTR  &A,&B,&C\n"
      "         DC    C'&A'\n"
      "         AIF   (T'&B NE 'O').HAVEB\n"
      "         DC    C'O'\n"
      ".HAVEB   AIF   (T'&C NE 'N').NOTNUM\n"
      "         DC    C'N'\n"
      ".NOTNUM  ANOP\n"
      "&K       SETA  K'&A\n"
      "&N       SETA  N'&A\n"
      "&S       SETA  N'&SYSLIST\n"
      "&L       SETA  L'FLD\n"
      "         DC    AL1(&K,&N,&S,&L)\n"
      "         DC    C'&A(2)&SYSLIST(1,3)'\n"
      "         MEND\n"
      "T        CSECT\n"
      "         ATTR  (X,Y,Z),,12\n"
      "FLD      DS    CL6\n"
      "         END\n";
  // C'(X,Y,Z)', 'O', 'N', K'=7 N'=3 N'SYSLIST=3 L'FLD=6, C'YZ'.
  CHECK(image_hex(src).substr(0, 30) == "4DE76BE86BE95D" "D6" "D5" "07030306" "E8E9");
}

TEST_CASE("nested macro calls, inner definitions, MEXIT, MNOTE") {
  const std::string src =
      "         MACRO\n"
      "         INNER &V\n"
      "         DC    X'&V'\n"
      "         MEND\n"
      "         MACRO\n"
      "         OUTER &V\n"
      "         INNER &V\n"
      "         AIF   ('&V' EQ '02').OUT\n"
      "         INNER FF\n"
      "         MEXIT\n"
      ".OUT     MNOTE 4,'V IS TWO'\n"
      "         MEND\n"
      "T        CSECT\n"
      "         OUTER 01\n"
      "         OUTER 02\n"
      "         END\n";
  auto r = assemble(src);
  INFO(asmtest::diags(r));
  CHECK(r.ok);
  CHECK(hexs(r.image) == "01FF02");
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].warning);
  CHECK(r.diags[0].line == 15);
  CHECK(r.diags[0].msg == "V IS TWO");
}

TEST_CASE("MNOTE severity 8 is an error at the macro call") {
  const std::string src =
      "         MACRO\n"
      "         CHECK &V\n"
      "         AIF   (&V LE 10).OK\n"
      "         MNOTE 8,'VALUE &V TOO LARGE'\n"
      ".OK      MEND\n"
      "T        CSECT\n"
      "         CHECK 5\n"
      "         CHECK 50\n"
      "         END\n";
  auto r = assemble(src);
  CHECK(!r.ok);
  REQUIRE(r.diags.size() == 1);
  CHECK(r.diags[0].format() == "t.asm:8: VALUE 50 TOO LARGE");
}

TEST_CASE("global SET symbols across macro calls; open-code SET symbols") {
  const std::string src =
      "         MACRO\n"
      "         COUNT\n"
      "         GBLA  &N\n"
      "&N       SETA  &N+1\n"
      "         DC    AL1(&N)\n"
      "         MEND\n"
      "T        CSECT\n"
      "         GBLA  &N\n"
      "         COUNT\n"
      "         COUNT\n"
      "&N       SETA  &N*10\n"
      "         DC    AL1(&N)\n"
      "         END\n";
  CHECK(image_hex(src) == "010214");
}

TEST_CASE("COPY and macro libraries from -I directories") {
  fs::path dir = fs::temp_directory_path() / ("asm370-lib-" + std::to_string(getpid()));
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  std::ofstream(dir / "a" / "REGS.cpy") << "R1       EQU   1\nR2       EQU   2\n";
  std::ofstream(dir / "b" / "REGS.cpy") << "R1       EQU   9\n";  // later in the path: not used
  std::ofstream(dir / "b" / "SVCX.mac") << "*  a library macro\n"
                                           "         MACRO\n"
                                           "&L       SVCX  &N\n"
                                           "&L       SVC   &N\n"
                                           "         MEND\n";
  s370::as::Options opt;
  opt.include_dirs = {(dir / "a").string(), (dir / "b").string()};
  const std::string src =
      "T        CSECT\n"
      "         COPY  REGS\n"
      "         LR    R1,R2\n"
      "         SVCX  202\n"
      "         SVCX  203\n"
      "         END\n";
  auto r = assemble(src, opt);
  INFO(asmtest::diags(r));
  CHECK(r.ok);
  CHECK(hexs(r.image) == "18120ACA0ACB");
  // Without the path: COPY fails and the macro is an unknown operation.
  r = assemble(src);
  CHECK(!r.ok);
  REQUIRE(r.diags.size() >= 2);
  CHECK(r.diags[0].line == 2);
  CHECK(r.diags[0].msg.find("REGS") != std::string::npos);
  fs::remove_all(dir);
}

TEST_CASE("continuation: column 72, column 16, macro operands continued after a comma") {
  // 54 letters to column 71, the string going on in column 16 of the next line.
  std::string l1 = "         DC    C'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZAB";
  REQUIRE(l1.size() == 71);
  l1 += "X";
  std::string l2 = "         PAIR  X,           first operand";
  l2.resize(71, ' ');
  l2 += "X";
  const std::string src =
      "         MACRO\n"
      "         PAIR  &A,&B\n"
      "         DC    C'&A&B'\n"
      "         MEND\n"
      "T        CSECT\n" +
      l1 + "\n               EF'\n" +
      l2 + "\n" +
      "               Y            second\n"
      "         END\n";
  auto r = assemble(src);
  INFO(asmtest::diags(r));
  REQUIRE(r.ok);
  CHECK(r.image.size() == 58);
  CHECK(hexs(r.image, 54) == "C5C6E7E8");
}

TEST_CASE("&SYSECT: a control-block macro maps a DSECT and resumes the caller's section") {
  const std::string src =
      "         MACRO\n"
      "         BLOCK\n"
      "BLK      DSECT\n"
      "BLKA     DS    F\n"
      "BLKB     DS    H\n"
      "&SYSECT  CSECT\n"
      "         MEND\n"
      "PROG     CSECT\n"
      "         DC    X'AA'\n"
      "         BLOCK\n"
      "         DC    X'BB',AL1(BLKB-BLK)\n"
      "         END\n";
  CHECK(image_hex(src) == "AABB04");
}

TEST_CASE("a macro that defines a macro named by its parameter; substrings with K'") {
  const std::string src =
      "         MACRO\n"
      "         GEN   &NAME\n"
      "         MACRO\n"
      "         &NAME &V\n"
      "         DC    C'&NAME.&V'\n"
      "         MEND\n"
      "         MEND\n"
      "         MACRO\n"
      "&L       SUB   &P\n"
      "         AIF   ('&P'(1,1) NE '(').NOTSUB\n"
      "&S       SETC  '&P'(2,K'&P-2)\n"
      "&L       DC    C'&S'\n"
      "         MEXIT\n"
      ".NOTSUB  DC    C'-'\n"
      "         MEND\n"
      "T        CSECT\n"
      "         GEN   XYZ\n"
      "         XYZ   1\n"
      "         SUB   (A,B)\n"
      "         SUB   Q\n"
      "         END\n";
  // C'XYZ1', then C'A,B' (the sublist without its parentheses), then C'-'.
  CHECK(image_hex(src) == "E7E8E9F1" "C16BC2" "60");
}

TEST_CASE("library members in memory (Options::find_member): macros and COPY members, before -I") {
  // What CP does with a CMS user's GLOBAL MACLIB members (DIAGNOSE X'370').
  s370::as::Options opt;
  std::vector<std::string> asked;
  opt.find_member = [&](const std::string& name, std::string& text) {
    asked.push_back(name);
    if (name == "TWICE") {
      text = "         MACRO\n"
             "&L       TWICE &X\n"
             "&L       DC    AL1(&X,&X)\n"
             "         MEND\n";
      return true;
    }
    if (name == "CONSTS") {
      text = "* a COPY member\n"
             "         DC    X'C1C2'\n";
      return true;
    }
    return false;
  };
  const std::string src =
      "T        CSECT\n"
      "         TWICE 7\n"
      "         COPY  CONSTS\n"
      "         END\n";
  CHECK(image_hex(src, opt) == "0707C1C2");
  CHECK(std::find(asked.begin(), asked.end(), "TWICE") != asked.end());
  // The lookup comes before the -I directories: their TWICE.mac (one
  // byte) is not used while the lookup has TWICE.
  fs::path dir = fs::temp_directory_path() / ("asm370-member-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "TWICE.mac") << "         MACRO\n&L       TWICE &X\n&L       DC    AL1(&X)\n         MEND\n";
  opt.include_dirs = {dir.string()};
  CHECK(image_hex(src, opt) == "0707C1C2");
  fs::remove_all(dir);
  // A member neither the lookup nor -I has: the COPY is an error.
  auto r = assemble("T        CSECT\n         COPY  NOSUCH\n         END\n", opt);
  CHECK(!r.ok);
  CHECK(asmtest::diags(r).find("COPY member NOSUCH not found") != std::string::npos);
}
