// Every instruction of the CPU's opcode table, in several operand forms,
// assembled by asm370 and by GNU as (s390x-linux-gnu-as -m31): the bytes
// must be the same. Both sources are generated here from the table. GNU as
// writes the implicit addresses with the displacement spelled out
// (LABEL-BASE(X,12)), so asm370's USING resolution is checked too. The
// S/370-only instructions that GNU as no longer knows (SIO, SSK, TCH ...)
// go through `.insn` with the opcode from the table; GNU as still encodes
// their operands.
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "asm_test_util.h"
#include "s370/opcodes.h"

using namespace s370;
namespace fs = std::filesystem;

namespace {

struct Case {
  std::string hl;    // asm370 statement (operation and operands)
  std::string gnu;   // GNU as statement with the mnemonic
  std::string insn;  // GNU as .insn form when GNU as lacks the mnemonic
  int len;
};

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string hexop(u64 v, int digits) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%0*llX", digits, static_cast<unsigned long long>(v));
  return b;
}

// Operand forms: {asm370 operands, GNU as operands}. In GNU as the data
// labels are written as LABEL-BASE(...,12): the USING *,12 of the source.
struct Forms {
  std::vector<std::pair<std::string, std::string>> v;
  void add(std::string a, std::string b) { v.push_back({std::move(a), std::move(b)}); }
};

std::vector<Case> cases_for(const OpInfo& op, int seed) {
  std::vector<Case> out;
  const std::string m(op.mnemonic);
  const int len = insn_length(static_cast<u8>(op.kind == OpKind::Byte ? op.opcode : op.opcode >> 8));
  // Register operands even (GNU as rejects odd registers where an even-odd
  // pair is meant) and 0 or 4 for floating point (extended pairs); the
  // index and base fields take every value.
  const bool fp = op.cls == OpClass::Float;
  auto r = [&](int k) { return std::to_string(fp ? 4 * ((seed + k) % 2) : 2 * ((seed * 7 + k * 5) % 8)); };
  const std::string hi = fp ? "4" : "14";
  const std::string r1 = r(1), r2 = r(2), r3 = r(3), x = std::to_string(1 + (seed % 15)), b = std::to_string(15 - seed % 15);
  const std::string d = std::to_string((seed * 37) % 4096);
  Forms f;
  // .insn opcode field: the opcode in the leftmost bytes of the format.
  std::string insn_op;
  switch (op.format) {
    case Format::RR: case Format::RR_M: case Format::RR_R: case Format::RR_I: insn_op = hexop(op.opcode << 8, 4); break;
    case Format::RRE: insn_op = hexop(u64{op.opcode} << 16, 8); break;
    case Format::SS_L: case Format::SS_LL: case Format::SS_R: case Format::SS_I:
      insn_op = hexop(u64{op.opcode} << 40, 12);
      break;
    case Format::SSE: insn_op = hexop(u64{op.opcode} << 32, 12); break;
    default:
      insn_op = op.kind == OpKind::Byte ? hexop(u64{op.opcode} << 24, 8) : hexop(u64{op.opcode} << 16, 8);
  }
  std::vector<std::string> insn;
  switch (op.format) {
    case Format::RR:
    case Format::RR_M:
      for (auto [a, c] : {std::pair{r1, r2}, std::pair{std::string("0"), hi}, std::pair{hi, std::string("0")}}) {
        f.add(a + "," + c, a + "," + c);
        insn.push_back(".insn rr," + insn_op + "," + a + "," + c);
      }
      break;
    case Format::RRE:
      for (auto [a, c] : {std::pair{r1, r2}, std::pair{std::string("0"), std::string("4")}, std::pair{hi, std::string("0")}}) {
        f.add(a + "," + c, a + "," + c);
        insn.push_back(".insn rre," + insn_op + "," + a + "," + c);
      }
      break;
    case Format::RR_R:
      for (std::string a : {r1, std::string("15")}) {  // SPM: any register
        f.add(a, a);
        insn.push_back(".insn rr," + insn_op + "," + a + ",0");
      }
      break;
    case Format::RR_I:
      for (int i : {0, 202, 255}) {
        f.add(std::to_string(i), std::to_string(i));
        insn.push_back(".insn rr," + insn_op + "," + std::to_string(i >> 4) + "," + std::to_string(i & 15));
      }
      break;
    case Format::RX:
    case Format::RX_M: {
      std::vector<std::pair<std::string, std::string>> a = {
          {d + "(" + x + "," + b + ")", d + "(" + x + "," + b + ")"},  // D(X,B)
          {"4095(," + b + ")", "4095(0," + b + ")"},                      // D(,B)
          {"TGT+2", "TGT-BASE+2(0,12)"},                                  // implicit
          {"TGT2(" + x + ")", "TGT2-BASE(" + x + ",12)"},                 // implicit, indexed
          {"100", "100(0,0)"},                                            // absolute: base 0
          {"100(" + x + ")", "100(" + x + ",0)"},                         // absolute, indexed
          {"=F'1'", "LIT-BASE(0,12)"},                                    // literal
      };
      for (auto& [h, g] : a) {
        f.add(r1 + "," + h, r1 + "," + g);
        insn.push_back(".insn rx," + insn_op + "," + r1 + "," + g);
      }
      break;
    }
    case Format::RS:
    case Format::RS_M: {
      std::vector<std::pair<std::string, std::string>> a = {
          {d + "(" + b + ")", d + "(" + b + ")"}, {"TGT2", "TGT2-BASE(12)"}, {"4095", "4095(0)"}, {"0(" + b + ")", "0(" + b + ")"}};
      for (auto& [h, g] : a) {
        f.add(r1 + "," + r3 + "," + h, r1 + "," + r3 + "," + g);
        insn.push_back(".insn rs," + insn_op + "," + r1 + "," + r3 + "," + g);
      }
      break;
    }
    case Format::RS_R: {
      std::vector<std::pair<std::string, std::string>> a = {
          {d + "(" + b + ")", d + "(" + b + ")"}, {"4", "4(0)"}, {"63", "63(0)"}, {"TGT", "TGT-BASE(12)"}};
      for (auto& [h, g] : a) {
        f.add(r1 + "," + h, r1 + "," + g);
        insn.push_back(".insn rs," + insn_op + "," + r1 + ",0," + g);
      }
      break;
    }
    case Format::SI: {
      std::vector<std::array<std::string, 4>> a = {{d + "(" + b + ")", "X'FF'", d + "(" + b + ")", "255"},
                                                   {"TGT", "C'A'", "TGT-BASE(12)", "193"},
                                                   {"TGT+1", "B'1010'", "TGT-BASE+1(12)", "10"},
                                                   {"0", "0", "0(0)", "0"}};
      for (auto& e : a) {
        f.add(e[0] + "," + e[1], e[2] + "," + e[3]);
        insn.push_back(".insn si," + insn_op + "," + e[2] + "," + e[3]);
      }
      break;
    }
    case Format::S: {
      std::vector<std::pair<std::string, std::string>> a = {
          {d + "(" + b + ")", d + "(" + b + ")"}, {"TGT", "TGT-BASE(12)"}, {"2048", "2048(0)"}, {"=D'0'", "LITD-BASE(12)"}};
      for (auto& [h, g] : a) {
        f.add(h, g);
        insn.push_back(".insn s," + insn_op + "," + g);
      }
      break;
    }
    case Format::SSE: {
      std::vector<std::pair<std::string, std::string>> a = {
          {d + "(" + b + "),0(" + x + ")", d + "(" + b + "),0(" + x + ")"},
          {"TGT,TGT2", "TGT-BASE(12),TGT2-BASE(12)"},
          {"0,X'30'", "0(0),48(0)"}};
      for (auto& [h, g] : a) {
        f.add(h, g);
        insn.push_back(".insn sse," + insn_op + "," + g);
      }
      break;
    }
    case Format::S0:
      f.add("", "");
      insn.push_back(".insn s," + insn_op + ",0(0)");
      break;
    case Format::SS_L: {
      std::vector<std::pair<std::string, std::string>> a = {
          {"0(8," + b + ")," + d + "(" + x + ")", "0(8," + b + ")," + d + "(" + x + ")"},
          {"TGT(4),TGT2", "TGT-BASE(4,12),TGT2-BASE(12)"},
          {"TGT,TGT2", "TGT-BASE(8,12),TGT2-BASE(12)"},  // implicit length L'TGT = 8
          {"TGT2+1(3),0(" + b + ")", "TGT2-BASE+1(3,12),0(" + b + ")"},
          {"4095(256," + b + "),TGT", "4095(256," + b + "),TGT-BASE(12)"},
          {"TGT(1),=C'AB'", "TGT-BASE(1,12),LITC-BASE(12)"},
      };
      for (auto& [h, g] : a) {
        f.add(h, g);
        insn.push_back(".insn ss," + insn_op + "," + g + ",0");
      }
      break;
    }
    case Format::SS_LL: {
      std::vector<std::array<std::string, 2>> a = {
          {"0(16," + b + ")," + d + "(1," + x + ")", "0(16," + b + ")," + d + "(1," + x + ")"},
          {"P1,P2", "P1-BASE(5,12),P2-BASE(3,12)"},
          {"P1(2),P2(1)", "P1-BASE(2,12),P2-BASE(1,12)"},
          {"TGT(8),=P'5'", "TGT-BASE(8,12),LITP-BASE(1,12)"},
      };
      for (auto& e : a) f.add(e[0], e[1]);
      break;
    }
    case Format::SS_R: {
      f.add("0(" + r1 + "," + b + ")," + d + "(" + x + ")," + r3, "0(" + r1 + "," + b + ")," + d + "(" + x + ")," + r3);
      f.add("TGT(" + r1 + "),TGT2,0", "TGT-BASE(" + r1 + ",12),TGT2-BASE(12),0");
      break;
    }
    case Format::SS_I: {
      f.add("0(5," + b + "),61," + std::to_string(seed % 10), "0(5," + b + "),61(0)," + std::to_string(seed % 10));
      f.add("P1,64-3,5", "P1-BASE(5,12),61(0),5");
      f.add("P1(3),3(" + x + "),0", "P1-BASE(3,12),3(" + x + "),0");
      break;
    }
  }
  for (size_t i = 0; i < f.v.size(); i++) {
    Case c;
    c.hl = m + " " + f.v[i].first;
    c.gnu = lower(m) + " " + f.v[i].second;
    c.insn = i < insn.size() ? insn[i] : "";
    c.len = len;
    out.push_back(std::move(c));
  }
  return out;
}

std::vector<Case> extended_cases() {
  // The extended branch mnemonics: BC/BCR with the mask in the name.
  std::vector<Case> out;
  const char* rx[] = {"B", "NOP", "BH", "BL", "BE", "BNH", "BNL", "BNE", "BO", "BP", "BM", "BZ", "BNO", "BNP", "BNM", "BNZ"};
  for (const char* m : rx) {
    out.push_back({std::string(m) + " TGT2", lower(m) + " TGT2-BASE(0,12)", "", 4});
    out.push_back({std::string(m) + " 4(5)", lower(m) + " 4(5,0)", "", 4});
    out.push_back({std::string(m) + " 8(3,11)", lower(m) + " 8(3,11)", "", 4});
    out.push_back({std::string(m) + "R 14", lower(m) + "r 14", "", 2});
  }
  return out;
}

bool run(const std::string& cmd, std::string& output) {
  output.clear();
  FILE* p = popen((cmd + " 2>&1").c_str(), "r");
  if (!p) return false;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) output.append(buf, n);
  int st = pclose(p);
  return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

bool have_gnu_as() {
  std::string o;
  return run("s390x-linux-gnu-as --version", o);
}

std::string data_hlasm() {
  // TGT at 0 (CL8), TGT2 at 8 (CL4), P1 at 12 (PL5), P2 at 17 (PL3).
  return "T        CSECT\n"
         "         USING *,12\n"
         "TGT      DS    CL8\n"
         "TGT2     DS    CL4\n"
         "P1       DS    PL5\n"
         "P2       DS    PL3\n";
}

std::string data_gnu() {
  return "        .text\nBASE:\nTGT:    .fill 8,1,0\nTGT2:   .fill 4,1,0\nP1:     .fill 5,1,0\nP2:     .fill 3,1,0\n";
}

// The literal pool that `LTORG` makes of =D'0', =F'1', =P'5' and =C'AB'
// after the code: doubleword first, then fullword, halfword, odd.
std::string pool_gnu() {
  return "        .balign 8,0\nLITD:   .long 0,0\nLIT:    .long 1\nLITC:   .byte 0xC1,0xC2\nLITP:   .byte 0x5C\n";
}

std::vector<u8> gnu_bytes(const std::vector<Case>& cases, const std::string& dir, std::string& err) {
  // Assemble; lines that GNU as rejects as unknown opcodes are redone with
  // their .insn form.
  std::vector<std::string> lines;
  for (const Case& c : cases) lines.push_back("        " + c.gnu);
  std::string head = data_gnu();
  int head_lines = 6;
  for (int attempt = 0; attempt < 3; attempt++) {
    std::ofstream(dir + "/g.s") << head << [&] {
      std::string s;
      for (auto& l : lines) s += l + "\n";
      return s;
    }() << pool_gnu();
    std::string out;
    if (run("s390x-linux-gnu-as -m31 -o " + dir + "/g.o " + dir + "/g.s", out)) {
      if (!run("s390x-linux-gnu-objcopy -O binary -j .text " + dir + "/g.o " + dir + "/g.bin", out)) {
        err = out;
        return {};
      }
      std::ifstream in(dir + "/g.bin", std::ios::binary);
      return std::vector<u8>(std::istreambuf_iterator<char>(in), {});
    }
    // g.s:LINE: Error: Unrecognized opcode: `xxx'
    std::istringstream es(out);
    std::string l;
    bool changed = false;
    while (std::getline(es, l)) {
      auto p = l.find(".s:");
      if (p == std::string::npos || l.find("Unrecognized opcode") == std::string::npos) continue;
      int n = std::atoi(l.c_str() + p + 3) - head_lines - 1;
      if (n >= 0 && n < static_cast<int>(lines.size()) && !cases[n].insn.empty()) {
        lines[n] = "        " + cases[n].insn;
        changed = true;
      }
    }
    if (!changed) {
      err = out;
      return {};
    }
  }
  err = "GNU as kept failing";
  return {};
}

}  // namespace

TEST_CASE("every opcode-table instruction: asm370 bytes = GNU as bytes") {
  if (!have_gnu_as()) {
    MESSAGE("s390x-linux-gnu-as not installed: comparison skipped");
    return;
  }
  fs::path dir = fs::temp_directory_path() / ("asm370-gnu-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::vector<Case> cases;
  int seed = 1;
  for (const OpInfo& op : opcode_table()) {
    auto c = cases_for(op, seed++);
    cases.insert(cases.end(), c.begin(), c.end());
  }
  auto e = extended_cases();
  cases.insert(cases.end(), e.begin(), e.end());
  // Chunks small enough for one base register to reach the literal pool.
  int bad = 0;
  size_t total = 0;
  for (size_t from = 0; from < cases.size(); from += 150) {
    std::vector<Case> chunk(cases.begin() + static_cast<long>(from),
                            cases.begin() + static_cast<long>(std::min(cases.size(), from + 150)));
    // Every chunk uses all four literals, so that its pool is the same.
    chunk.push_back({"L 1,=F'1'", "l 1,LIT-BASE(0,12)", "", 4});
    chunk.push_back({"LD 0,=D'0'", "ld 0,LITD-BASE(0,12)", "", 4});
    chunk.push_back({"MVC TGT(2),=C'AB'", "mvc TGT-BASE(2,12),LITC-BASE(12)", "", 6});
    chunk.push_back({"ZAP P1,=P'5'", "zap P1-BASE(5,12),LITP-BASE(1,12)", "", 6});
    std::string src = data_hlasm();
    for (const Case& c : chunk) src += "         " + c.hl + "\n";
    src += "         LTORG\n         END\n";
    auto r = asmtest::assemble(src);
    INFO(asmtest::diags(r));
    REQUIRE(r.ok);
    std::string err;
    std::vector<u8> g = gnu_bytes(chunk, dir.string(), err);
    INFO(err);
    REQUIRE(!g.empty());
    // Compare instruction by instruction to name the one that differs.
    size_t at = 20;  // after the data
    for (const Case& c : chunk) {
      std::string mine = asmtest::hexs(r.image, at, c.len), theirs = asmtest::hexs(g, at, c.len);
      if (mine != theirs && bad++ < 20) CHECK_MESSAGE(mine == theirs, c.hl, "  (GNU as: ", c.gnu, ")");
      at += c.len;
    }
    // The literal pool too, and nothing else differs.
    CHECK(asmtest::hexs(r.image) == asmtest::hexs(g, 0, r.image.size()));
    CHECK(g.size() >= r.image.size());
    total += chunk.size() - 4;
  }
  CHECK(bad == 0);
  CHECK(total == cases.size());
  MESSAGE(total, " statements compared");
  fs::remove_all(dir);
}
