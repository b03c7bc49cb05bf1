// PLACEHOLDER until this class is written: every instruction raises the
// operation exception. (chapter 9, "Floating-Point Instructions")
#include "s370/formats.h"
#include "s370/instructions.h"

namespace s370::insn {

void lpdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lndr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ltdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lcdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void hdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lrdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mxr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mxdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ldr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void cdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void adr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void sdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mdr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ddr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void awr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void swr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lper(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lner(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lter(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lcer(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void her(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void lrer(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void axr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void sxr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ler(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void cer(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void aer(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ser(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mer(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void der(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void aur(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void sur(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void std(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mxd(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ld(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void cd(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ad(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void sd(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void md(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void dd(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void aw(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void sw(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ste(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void le(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ce(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ae(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void se(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void me(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void de(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void au(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void su(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void dxr(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }

}  // namespace s370::insn
