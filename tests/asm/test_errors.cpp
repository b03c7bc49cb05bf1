// Bad sources: each gets its SOURCE:LINE: message, every error of a file
// is reported, and nothing crashes the assembler (a fuzz run over mutated
// sources, with a fixed seed so that a failure can be replayed).
#include <chrono>
#include <random>

#include "asm_test_util.h"

using asmtest::assemble;

namespace {

struct Bad {
  const char* what;
  std::string src;
  int line;
  const char* msg;  // a part of the message
};

std::string body(const std::string& lines) {
  return "T        CSECT\n         USING T,12\n" + lines + "         END\n";
}

}  // namespace

TEST_CASE("bad sources: each error has its line and message") {
  std::string badcont = "         DC    C'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZAB";
  badcont += "X\nXX             CD'\n";
  const std::vector<Bad> cases = {
      {"undefined symbol", body("         L     1,NOWHERE\n"), 3, "undefined symbol NOWHERE"},
      {"duplicate symbol", body("A        DS    F\nA        DS    H\n"), 4, "duplicate symbol A"},
      {"no USING", "T        CSECT\n         L     1,A\nA        DS    F\n         END\n", 2, "no active USING"},
      {"displacement out of range", body("         L     1,4096(0,2)\n"), 3, "out of range"},
      {"beyond the USING range", body("         L     1,A\n         DS    XL4096\nA        DS    F\n"), 3, "beyond"},
      {"bad DC", body("         DC    F'X'\n"), 3, "bad fixed-point constant"},
      {"bad DC type", body("         DC    W'1'\n"), 3, "unsupported constant type"},
      {"unterminated macro", "         MACRO\n         FOO\n         DC    F'1'\nT        CSECT\n         END\n", 1,
       "MEND"},
      {"bad continuation", "T        CSECT\n" + badcont + "         END\n", 2, "bad continuation"},
      {"continuation at end of file", "T        CSECT\n" + std::string(71, ' ') + "X", 2, "continuation line missing"},
      {"undefined operation", body("         FROB  1,2\n"), 3, "undefined operation code FROB"},
      {"register out of range", body("         LR    16,1\n"), 3, "out of range"},
      {"too many operands", body("         LR    1,2,3\n"), 3, "needs 2 operands"},
      {"length too large", body("         MVC   0(257,1),0(2)\n"), 3, "out of range"},
      {"SS_LL length too large", body("         ZAP   0(17,1),0(2,2)\n"), 3, "out of range"},
      {"immediate too large", body("         MVI   0(1),256\n"), 3, "out of range"},
      {"index in D(B)", body("         LM    1,2,0(3,4)\n"), 3, "index register is not allowed"},
      {"relocatable register", body("A        DS    F\n         LR    A,1\n"), 4, "must be absolute"},
      {"undefined sequence symbol", body("         AGO   .NOWHERE\n"), 3, "undefined sequence symbol .NOWHERE"},
      {"undefined variable", body("         DC    F'&NOPE'\n"), 3, "undefined variable symbol &NOPE"},
      {"bad SETA", body("&A       SETA  1+'X'\n"), 3, "not a number"},
      {"ACTR loop", body(".L       AGO   .L\n"), 3, "ACTR"},
      {"recursive macro", "         MACRO\n         REC\n         REC\n         MEND\n" + body("         REC\n"), 7,
       "nested too deeply"},
      {"MNOTE 8", "         MACRO\n         M\n         MNOTE 8,'STOP HERE'\n         MEND\n" + body("         M\n"), 7,
       "STOP HERE"},
      {"COPY not found", body("         COPY  NOSUCH\n"), 3, "COPY member NOSUCH not found"},
      {"EQU without name", body("         EQU   5\n"), 3, "EQU needs a name"},
      {"ORG outside the section", body("         ORG   5\n"), 3, "ORG operand"},
      {"START after a section", body("S        START 0\n"), 3, "START must come before"},
      {"CNOP operands", body("         CNOP  3,4\n"), 3, "CNOP"},
      {"bad literal", body("         L     1,=Q'1'\n"), 3, "bad literal"},
      {"complex relocatable", body("A        DS    F\n         L     1,A+A\n"), 4, "complex relocatable"},
      {"DSECT A-constant", "T        CSECT\n         DC    A(F)\nD        DSECT\nF        DS    F\n         END\n", 2,
       "DSECT"},
      {"bad symbol", body("1ABC     DS    F\n"), 3, "bad symbol"},
      {"huge DC", body("         DC    1000000CL65535'A'\n"), 3, "longer than 16 MB"},
      {"location counter past 16 MB", body("         ORG   *+X'7FFFFFFF'\n"), 3, "beyond X'FFFFFF'"},
      {"missing END is a warning only", "T        CSECT\n         DC    F'1'\n", 2, "missing END"},
  };
  for (const Bad& b : cases) {
    INFO(std::string(b.what));
    auto r = assemble(b.src);
    INFO(asmtest::diags(r));
    REQUIRE(!r.diags.empty());
    if (std::string(b.what).find("warning only") != std::string::npos) {
      CHECK(r.ok);
      CHECK(r.diags[0].warning);
    } else {
      CHECK(!r.ok);
    }
    CHECK(r.diags[0].line == b.line);
    CHECK(r.diags[0].file == "t.asm");
    CHECK(r.diags[0].msg.find(b.msg) != std::string::npos);
    CHECK(r.diags[0].format().rfind("t.asm:" + std::to_string(b.line) + ": ", 0) == 0);
  }
}

TEST_CASE("every error of a file is reported, in line order") {
  auto r = assemble(
      "T        CSECT\n"
      "         USING T,12\n"
      "         L     1,NOPE1\n"
      "         FROB\n"
      "         DC    F'Z'\n"
      "A        DS    F\n"
      "A        DS    F\n"
      "         L     1,NOPE2\n"
      "         END\n");
  CHECK(!r.ok);
  std::vector<int> lines;
  for (auto& d : r.diags) lines.push_back(d.line);
  CHECK(lines == std::vector<int>{3, 4, 5, 7, 8});
}

TEST_CASE("fuzz: mutated sources never crash or hang the assembler") {
  const std::vector<std::string> seeds = {
      "HELLO    START 0\n         BALR  12,0\n         USING *,12\n         L     3,=F'5'\n"
      "         AH    3,HALF\n         MVC   OUT(5),=C'HELLO'\n         BR    14\nHALF     DC    H'7'\n"
      "OUT      DS    CL5\n         LTORG\n         END   HELLO\n",
      "         MACRO\n&L       M     &A,&B=2\n         LCLA  &I\n&I       SETA  &B\n.X       AIF   (&I LE 0).Y\n"
      "&L       DC    AL1(&I),C'&A'\n&I       SETA  &I-1\n         AGO   .X\n.Y       MEND\nT        CSECT\n"
      "         M     Q,B=3\n         M     (A,B),B=1\n         DC    P'-12.5',Z'7',E'1.5',D'-2',L'3'\n"
      "         DC    X'ABC',B'101',Y(T),A(T+2),V(EXT),S(T)\n         END\n",
      "T        CSECT\n         USING *,12\n         USING D,AREA\n         MVC   F1,F2\n         CNOP  2,4\n"
      "         ORG   *+4\nAREA     DS    XL8\n         ORG\nD        DSECT\nF1       DS    CL4\nF2       DS    CL4\n"
      "E        EQU   F2-F1,4\n         END\n",
  };
  const std::string alphabet = " ',()=*&.+-/0123456789ABCDEFLXPZ\nX";
  std::mt19937 rng(370);
  auto start = std::chrono::steady_clock::now();
  int runs = 0;
  for (int i = 0; i < 1500; i++) {
    std::string s = seeds[i % seeds.size()];
    int edits = 1 + static_cast<int>(rng() % 6);
    for (int e = 0; e < edits && !s.empty(); e++) {
      size_t p = rng() % s.size();
      switch (rng() % 5) {
        case 0: s[p] = alphabet[rng() % alphabet.size()]; break;
        case 1: s.erase(p, 1 + rng() % 4); break;
        case 2: s.insert(p, 1, alphabet[rng() % alphabet.size()]); break;
        case 3: {  // duplicate a stretch (lines, quotes, parentheses)
          size_t n = rng() % 40;
          s.insert(p, s.substr(p, n));
          break;
        }
        case 4: s.insert(p, std::string(72 - p % 72, ' ') + "X"); break;  // stray continuation
      }
    }
    auto r = assemble(s);
    runs++;
    // Every message names the file and a line, errors fail the assembly.
    bool any_error = false, lines_ok = true;
    for (auto& d : r.diags) {
      any_error |= !d.warning;
      lines_ok &= d.line >= 0 && d.file == "t.asm";
    }
    CHECK(lines_ok);
    CHECK(r.ok == !any_error);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(runs == 1500);
  MESSAGE(runs, " mutated sources in ", secs, " s");
}
