// The handlers of the opcode table, one function per instruction, defined
// in one file per instruction class named after the chapters of the
// Principles of Operation. Each is `void h(Cpu&, const u8* ip)`: ip points
// at the instruction's bytes; the PSW instruction address already points
// past it and Cpu::ilc() gives its length.
#pragma once

#include "s370/types.h"

namespace s370 {
class Cpu;
namespace insn {

// general.cpp (chapter 7, General Instructions; the common ones are
// defined inline in general.h, included at the end)
void spm(Cpu&, const u8*);
void svc(Cpu&, const u8*);
void mvcl(Cpu&, const u8*);
void clcl(Cpu&, const u8*);
void lpr(Cpu&, const u8*);
void lnr(Cpu&, const u8*);
void lcr(Cpu&, const u8*);
void mr(Cpu&, const u8*);
void dr(Cpu&, const u8*);
void ex(Cpu&, const u8*);
void mh(Cpu&, const u8*);
void m(Cpu&, const u8*);
void d(Cpu&, const u8*);
void srdl(Cpu&, const u8*);
void sldl(Cpu&, const u8*);
void srda(Cpu&, const u8*);
void slda(Cpu&, const u8*);
void ts(Cpu&, const u8*);
void mc(Cpu&, const u8*);
void cs(Cpu&, const u8*);
void cds(Cpu&, const u8*);
void mvn(Cpu&, const u8*);
void mvz(Cpu&, const u8*);
void trt(Cpu&, const u8*);
void mvcin(Cpu&, const u8*);

// decimal.cpp (chapter 8, Decimal Instructions)
void cvd(Cpu&, const u8*);
void cvb(Cpu&, const u8*);
void ed(Cpu&, const u8*);
void edmk(Cpu&, const u8*);
void srp(Cpu&, const u8*);
void mvo(Cpu&, const u8*);
void pack(Cpu&, const u8*);
void unpk(Cpu&, const u8*);
void zap(Cpu&, const u8*);
void cp(Cpu&, const u8*);
void ap(Cpu&, const u8*);
void sp(Cpu&, const u8*);
void mp(Cpu&, const u8*);
void dp(Cpu&, const u8*);

// float.cpp (chapter 9, Floating-Point Instructions; the common ones are
// defined inline in hfp.h, included at the end)
void hdr(Cpu&, const u8*);
void lrdr(Cpu&, const u8*);
void mxr(Cpu&, const u8*);
void mxdr(Cpu&, const u8*);
void awr(Cpu&, const u8*);
void swr(Cpu&, const u8*);
void her(Cpu&, const u8*);
void lrer(Cpu&, const u8*);
void axr(Cpu&, const u8*);
void sxr(Cpu&, const u8*);
void aur(Cpu&, const u8*);
void sur(Cpu&, const u8*);
void mxd(Cpu&, const u8*);
void aw(Cpu&, const u8*);
void sw(Cpu&, const u8*);
void au(Cpu&, const u8*);
void su(Cpu&, const u8*);
void dxr(Cpu&, const u8*);

// control.cpp (chapter 10, Control Instructions)
void ssk(Cpu&, const u8*);
void isk(Cpu&, const u8*);
void ssm(Cpu&, const u8*);
void lpsw(Cpu&, const u8*);
void diag(Cpu&, const u8*);
void stnsm(Cpu&, const u8*);
void stosm(Cpu&, const u8*);
void sigp(Cpu&, const u8*);
void lra(Cpu&, const u8*);
void stidp(Cpu&, const u8*);
void sck(Cpu&, const u8*);
void stck(Cpu&, const u8*);
void sckc(Cpu&, const u8*);
void stckc(Cpu&, const u8*);
void spt(Cpu&, const u8*);
void stpt(Cpu&, const u8*);
void spka(Cpu&, const u8*);
void ipk(Cpu&, const u8*);
void ptlb(Cpu&, const u8*);
void ipte(Cpu&, const u8*);
void tprot(Cpu&, const u8*);
void spx(Cpu&, const u8*);
void stpx(Cpu&, const u8*);
void stap(Cpu&, const u8*);
void rrb(Cpu&, const u8*);
void stctl(Cpu&, const u8*);
void lctl(Cpu&, const u8*);
void mvck(Cpu&, const u8*);

// io.cpp (chapter 13, Input/Output Operations)
void sio(Cpu&, const u8*);
void siof(Cpu&, const u8*);
void tio(Cpu&, const u8*);
void clrio(Cpu&, const u8*);
void hio(Cpu&, const u8*);
void hdv(Cpu&, const u8*);
void tch(Cpu&, const u8*);
void clrch(Cpu&, const u8*);
void concs(Cpu&, const u8*);
void discs(Cpu&, const u8*);
void stidc(Cpu&, const u8*);

// opcodes.cpp: rows of facilities this machine does not have
void not_installed(Cpu&, const u8*);

}  // namespace insn
}  // namespace s370

#include "s370/general.h"
#include "s370/hfp.h"
