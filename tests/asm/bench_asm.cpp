// bench_asm: how long asm370 takes for a 10,000-line source. A benchmark
// program, not a test: it prints figures and never fails on a number.
//   bench_asm [LINES] [--keep FILE]
// The source mixes what real programs hold: machine instructions in every
// operand form with USING, literals, DC/DS of several types, EQUs, and a
// macro with a conditional-assembly loop called every 50 lines. It is
// assembled in-process five times (listing and deck included) and the best
// time is reported.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "s370/asm/asm.h"

namespace {

std::string make_source(int lines) {
  std::string s;
  int n = 0;
  auto add = [&](const std::string& l) {
    s += l;
    s += '\n';
    n++;
  };
  add("         MACRO");
  add("&L       FILL  &N,&V=0");
  add("         LCLA  &I");
  add("&I       SETA  1");
  add(".LOOP    AIF   (&I GT &N).DONE");
  add("&L       DC    AL1(&V+&I)");
  add("&I       SETA  &I+1");
  add("         AGO   .LOOP");
  add(".DONE    MEND");
  add("BENCH    START 0");
  int block = 0;
  while (n < lines - 2) {
    // One block: about 400 bytes, so a base register per block.
    std::string b = std::to_string(block++);
    add("B" + b + "       BALR  11,0");
    add("         USING *,11");
    add("T" + b + "       DS    0H");
    for (int i = 0; i < 12 && n < lines - 2; i++) {
      std::string k = b + "X" + std::to_string(i);
      add("         L     1,F" + k);
      add("         A     1,=F'" + std::to_string(i * 7 + block) + "'");
      add("         ST    1,F" + k);
      add("         MVC   C" + k + ",=CL8'TEXT" + std::to_string(i % 10) + "'");
      add("         CLC   C" + k + "(4),=C'TEXT'");
      add("         BNE   T" + b);
      add("         AP    P" + k + ",=P'" + std::to_string(i) + "'");
      add("         LM    2,4,F" + k);
      add("         SLL   2,3");
      add("         STH   3,H" + k);
      add("F" + k + "   DC    F'" + std::to_string(i) + "',2F'0'");
      add("C" + k + "   DS    CL8");
      add("P" + k + "   DC    PL4'123'");
      add("H" + k + "   DS    H");
      add("E" + k + "   EQU   *-F" + k + ",4");
      if (i % 4 == 3) add("         FILL  3,V=" + std::to_string(i));
    }
    add("         DROP  11");
    add("         LTORG");
  }
  add("         BR    14");
  add("         END   BENCH");
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  int lines = 10000;
  std::string keep;
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--keep" && i + 1 < argc) keep = argv[++i];
    else lines = std::max(100, std::atoi(argv[i]));
  }
  std::string src = make_source(lines);
  std::string path = keep.empty() ? "/tmp/bench_asm_source.asm" : keep;
  std::ofstream(path) << src;
  s370::as::Options opt;
  opt.want_listing = true;
  opt.want_deck = true;
  double best = 1e9;
  size_t bytes = 0;
  for (int rep = 0; rep < 5; rep++) {
    auto t = std::chrono::steady_clock::now();
    auto r = s370::as::assemble_file(path, opt);
    double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
    if (!r.ok) {
      for (auto& d : r.diags) std::fprintf(stderr, "%s\n", d.format().c_str());
      return 1;
    }
    bytes = r.image.size();
    best = std::min(best, dt);
  }
  int nlines = static_cast<int>(std::count(src.begin(), src.end(), '\n'));
  std::printf("asm370: %d source lines -> %zu bytes, listing and deck, best of 5: %.3f s (%.0f lines/s)\n", nlines,
              bytes, best, nlines / best);
  std::printf("source kept in %s (time the program with: time build/bin/asm370 -o /dev/null %s)\n", path.c_str(),
              path.c_str());
  return 0;
}
