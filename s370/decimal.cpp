// PLACEHOLDER until this class is written: every instruction raises the
// operation exception. (chapter 8, "Decimal Instructions")
#include "s370/formats.h"
#include "s370/instructions.h"

namespace s370::insn {

void cvd(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void cvb(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ed(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void edmk(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void srp(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mvo(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void pack(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void unpk(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void zap(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void cp(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void ap(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void sp(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void mp(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }
void dp(Cpu& c, const u8*) { c.program_check(pgm::kOperation); }

}  // namespace s370::insn
