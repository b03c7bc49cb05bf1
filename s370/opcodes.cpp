// The opcode table of System/370 (Principles of Operation, appendix B,
// "Lists of Instructions"), and the dispatch tables built from it.
#include "s370/opcodes.h"

#include <algorithm>
#include <array>

#include "s370/cpu.h"
#include "s370/instructions.h"

namespace s370 {

namespace {

// clang-format off
constexpr OpInfo kTable[] = {
    {0x04, OpKind::Byte, "SPM", Format::RR_R, OpClass::General, false, false, &insn::spm},
    {0x05, OpKind::Byte, "BALR", Format::RR, OpClass::General, false, false, &insn::balr},
    {0x06, OpKind::Byte, "BCTR", Format::RR, OpClass::General, false, false, &insn::bctr},
    {0x07, OpKind::Byte, "BCR", Format::RR_M, OpClass::General, false, false, &insn::bcr},
    {0x08, OpKind::Byte, "SSK", Format::RR, OpClass::Control, true, true, &insn::ssk},
    {0x09, OpKind::Byte, "ISK", Format::RR, OpClass::Control, true, true, &insn::isk},
    {0x0A, OpKind::Byte, "SVC", Format::RR_I, OpClass::General, false, false, &insn::svc},
    {0x0D, OpKind::Byte, "BASR", Format::RR, OpClass::General, false, false, &insn::basr},
    {0x0E, OpKind::Byte, "MVCL", Format::RR, OpClass::General, false, false, &insn::mvcl},
    {0x0F, OpKind::Byte, "CLCL", Format::RR, OpClass::General, false, false, &insn::clcl},
    {0x10, OpKind::Byte, "LPR", Format::RR, OpClass::General, false, false, &insn::lpr},
    {0x11, OpKind::Byte, "LNR", Format::RR, OpClass::General, false, false, &insn::lnr},
    {0x12, OpKind::Byte, "LTR", Format::RR, OpClass::General, false, false, &insn::ltr},
    {0x13, OpKind::Byte, "LCR", Format::RR, OpClass::General, false, false, &insn::lcr},
    {0x14, OpKind::Byte, "NR", Format::RR, OpClass::General, false, false, &insn::nr},
    {0x15, OpKind::Byte, "CLR", Format::RR, OpClass::General, false, false, &insn::clr},
    {0x16, OpKind::Byte, "OR", Format::RR, OpClass::General, false, false, &insn::or_},
    {0x17, OpKind::Byte, "XR", Format::RR, OpClass::General, false, false, &insn::xr},
    {0x18, OpKind::Byte, "LR", Format::RR, OpClass::General, false, false, &insn::lr},
    {0x19, OpKind::Byte, "CR", Format::RR, OpClass::General, false, false, &insn::cr},
    {0x1A, OpKind::Byte, "AR", Format::RR, OpClass::General, false, false, &insn::ar},
    {0x1B, OpKind::Byte, "SR", Format::RR, OpClass::General, false, false, &insn::sr},
    {0x1C, OpKind::Byte, "MR", Format::RR, OpClass::General, false, false, &insn::mr},
    {0x1D, OpKind::Byte, "DR", Format::RR, OpClass::General, false, false, &insn::dr},
    {0x1E, OpKind::Byte, "ALR", Format::RR, OpClass::General, false, false, &insn::alr},
    {0x1F, OpKind::Byte, "SLR", Format::RR, OpClass::General, false, false, &insn::slr},
    {0x20, OpKind::Byte, "LPDR", Format::RR, OpClass::Float, false, false, &insn::lpdr},
    {0x21, OpKind::Byte, "LNDR", Format::RR, OpClass::Float, false, false, &insn::lndr},
    {0x22, OpKind::Byte, "LTDR", Format::RR, OpClass::Float, false, false, &insn::ltdr},
    {0x23, OpKind::Byte, "LCDR", Format::RR, OpClass::Float, false, false, &insn::lcdr},
    {0x24, OpKind::Byte, "HDR", Format::RR, OpClass::Float, false, false, &insn::hdr},
    {0x25, OpKind::Byte, "LRDR", Format::RR, OpClass::Float, false, false, &insn::lrdr},
    {0x26, OpKind::Byte, "MXR", Format::RR, OpClass::Float, false, false, &insn::mxr},
    {0x27, OpKind::Byte, "MXDR", Format::RR, OpClass::Float, false, false, &insn::mxdr},
    {0x28, OpKind::Byte, "LDR", Format::RR, OpClass::Float, false, false, &insn::ldr},
    {0x29, OpKind::Byte, "CDR", Format::RR, OpClass::Float, false, false, &insn::cdr},
    {0x2A, OpKind::Byte, "ADR", Format::RR, OpClass::Float, false, false, &insn::adr},
    {0x2B, OpKind::Byte, "SDR", Format::RR, OpClass::Float, false, false, &insn::sdr},
    {0x2C, OpKind::Byte, "MDR", Format::RR, OpClass::Float, false, false, &insn::mdr},
    {0x2D, OpKind::Byte, "DDR", Format::RR, OpClass::Float, false, false, &insn::ddr},
    {0x2E, OpKind::Byte, "AWR", Format::RR, OpClass::Float, false, false, &insn::awr},
    {0x2F, OpKind::Byte, "SWR", Format::RR, OpClass::Float, false, false, &insn::swr},
    {0x30, OpKind::Byte, "LPER", Format::RR, OpClass::Float, false, false, &insn::lper},
    {0x31, OpKind::Byte, "LNER", Format::RR, OpClass::Float, false, false, &insn::lner},
    {0x32, OpKind::Byte, "LTER", Format::RR, OpClass::Float, false, false, &insn::lter},
    {0x33, OpKind::Byte, "LCER", Format::RR, OpClass::Float, false, false, &insn::lcer},
    {0x34, OpKind::Byte, "HER", Format::RR, OpClass::Float, false, false, &insn::her},
    {0x35, OpKind::Byte, "LRER", Format::RR, OpClass::Float, false, false, &insn::lrer},
    {0x36, OpKind::Byte, "AXR", Format::RR, OpClass::Float, false, false, &insn::axr},
    {0x37, OpKind::Byte, "SXR", Format::RR, OpClass::Float, false, false, &insn::sxr},
    {0x38, OpKind::Byte, "LER", Format::RR, OpClass::Float, false, false, &insn::ler},
    {0x39, OpKind::Byte, "CER", Format::RR, OpClass::Float, false, false, &insn::cer},
    {0x3A, OpKind::Byte, "AER", Format::RR, OpClass::Float, false, false, &insn::aer},
    {0x3B, OpKind::Byte, "SER", Format::RR, OpClass::Float, false, false, &insn::ser},
    {0x3C, OpKind::Byte, "MER", Format::RR, OpClass::Float, false, false, &insn::mer},
    {0x3D, OpKind::Byte, "DER", Format::RR, OpClass::Float, false, false, &insn::der},
    {0x3E, OpKind::Byte, "AUR", Format::RR, OpClass::Float, false, false, &insn::aur},
    {0x3F, OpKind::Byte, "SUR", Format::RR, OpClass::Float, false, false, &insn::sur},
    {0x40, OpKind::Byte, "STH", Format::RX, OpClass::General, false, false, &insn::sth},
    {0x41, OpKind::Byte, "LA", Format::RX, OpClass::General, false, false, &insn::la},
    {0x42, OpKind::Byte, "STC", Format::RX, OpClass::General, false, false, &insn::stc},
    {0x43, OpKind::Byte, "IC", Format::RX, OpClass::General, false, false, &insn::ic},
    {0x44, OpKind::Byte, "EX", Format::RX, OpClass::General, false, false, &insn::ex},
    {0x45, OpKind::Byte, "BAL", Format::RX, OpClass::General, false, false, &insn::bal},
    {0x46, OpKind::Byte, "BCT", Format::RX, OpClass::General, false, false, &insn::bct},
    {0x47, OpKind::Byte, "BC", Format::RX_M, OpClass::General, false, false, &insn::bc},
    {0x48, OpKind::Byte, "LH", Format::RX, OpClass::General, false, false, &insn::lh},
    {0x49, OpKind::Byte, "CH", Format::RX, OpClass::General, false, false, &insn::ch},
    {0x4A, OpKind::Byte, "AH", Format::RX, OpClass::General, false, false, &insn::ah},
    {0x4B, OpKind::Byte, "SH", Format::RX, OpClass::General, false, false, &insn::sh},
    {0x4C, OpKind::Byte, "MH", Format::RX, OpClass::General, false, false, &insn::mh},
    {0x4D, OpKind::Byte, "BAS", Format::RX, OpClass::General, false, false, &insn::bas},
    {0x4E, OpKind::Byte, "CVD", Format::RX, OpClass::Decimal, false, false, &insn::cvd},
    {0x4F, OpKind::Byte, "CVB", Format::RX, OpClass::Decimal, false, false, &insn::cvb},
    {0x50, OpKind::Byte, "ST", Format::RX, OpClass::General, false, false, &insn::st},
    {0x54, OpKind::Byte, "N", Format::RX, OpClass::General, false, false, &insn::n},
    {0x55, OpKind::Byte, "CL", Format::RX, OpClass::General, false, false, &insn::cl},
    {0x56, OpKind::Byte, "O", Format::RX, OpClass::General, false, false, &insn::o},
    {0x57, OpKind::Byte, "X", Format::RX, OpClass::General, false, false, &insn::x},
    {0x58, OpKind::Byte, "L", Format::RX, OpClass::General, false, false, &insn::l},
    {0x59, OpKind::Byte, "C", Format::RX, OpClass::General, false, false, &insn::c},
    {0x5A, OpKind::Byte, "A", Format::RX, OpClass::General, false, false, &insn::a},
    {0x5B, OpKind::Byte, "S", Format::RX, OpClass::General, false, false, &insn::s},
    {0x5C, OpKind::Byte, "M", Format::RX, OpClass::General, false, false, &insn::m},
    {0x5D, OpKind::Byte, "D", Format::RX, OpClass::General, false, false, &insn::d},
    {0x5E, OpKind::Byte, "AL", Format::RX, OpClass::General, false, false, &insn::al},
    {0x5F, OpKind::Byte, "SL", Format::RX, OpClass::General, false, false, &insn::sl},
    {0x60, OpKind::Byte, "STD", Format::RX, OpClass::Float, false, false, &insn::std},
    {0x67, OpKind::Byte, "MXD", Format::RX, OpClass::Float, false, false, &insn::mxd},
    {0x68, OpKind::Byte, "LD", Format::RX, OpClass::Float, false, false, &insn::ld},
    {0x69, OpKind::Byte, "CD", Format::RX, OpClass::Float, false, false, &insn::cd},
    {0x6A, OpKind::Byte, "AD", Format::RX, OpClass::Float, false, false, &insn::ad},
    {0x6B, OpKind::Byte, "SD", Format::RX, OpClass::Float, false, false, &insn::sd},
    {0x6C, OpKind::Byte, "MD", Format::RX, OpClass::Float, false, false, &insn::md},
    {0x6D, OpKind::Byte, "DD", Format::RX, OpClass::Float, false, false, &insn::dd},
    {0x6E, OpKind::Byte, "AW", Format::RX, OpClass::Float, false, false, &insn::aw},
    {0x6F, OpKind::Byte, "SW", Format::RX, OpClass::Float, false, false, &insn::sw},
    {0x70, OpKind::Byte, "STE", Format::RX, OpClass::Float, false, false, &insn::ste},
    {0x78, OpKind::Byte, "LE", Format::RX, OpClass::Float, false, false, &insn::le},
    {0x79, OpKind::Byte, "CE", Format::RX, OpClass::Float, false, false, &insn::ce},
    {0x7A, OpKind::Byte, "AE", Format::RX, OpClass::Float, false, false, &insn::ae},
    {0x7B, OpKind::Byte, "SE", Format::RX, OpClass::Float, false, false, &insn::se},
    {0x7C, OpKind::Byte, "ME", Format::RX, OpClass::Float, false, false, &insn::me},
    {0x7D, OpKind::Byte, "DE", Format::RX, OpClass::Float, false, false, &insn::de},
    {0x7E, OpKind::Byte, "AU", Format::RX, OpClass::Float, false, false, &insn::au},
    {0x7F, OpKind::Byte, "SU", Format::RX, OpClass::Float, false, false, &insn::su},
    {0x80, OpKind::Byte, "SSM", Format::S, OpClass::Control, true, true, &insn::ssm},
    {0x82, OpKind::Byte, "LPSW", Format::S, OpClass::Control, true, true, &insn::lpsw},
    {0x83, OpKind::Byte, "DIAG", Format::RS, OpClass::Control, true, true, &insn::diag},
    {0x84, OpKind::Byte, "WRD", Format::SI, OpClass::Control, true, true, &insn::not_installed, false},
    {0x85, OpKind::Byte, "RDD", Format::SI, OpClass::Control, true, true, &insn::not_installed, false},
    {0x86, OpKind::Byte, "BXH", Format::RS, OpClass::General, false, false, &insn::bxh},
    {0x87, OpKind::Byte, "BXLE", Format::RS, OpClass::General, false, false, &insn::bxle},
    {0x88, OpKind::Byte, "SRL", Format::RS_R, OpClass::General, false, false, &insn::srl},
    {0x89, OpKind::Byte, "SLL", Format::RS_R, OpClass::General, false, false, &insn::sll},
    {0x8A, OpKind::Byte, "SRA", Format::RS_R, OpClass::General, false, false, &insn::sra},
    {0x8B, OpKind::Byte, "SLA", Format::RS_R, OpClass::General, false, false, &insn::sla},
    {0x8C, OpKind::Byte, "SRDL", Format::RS_R, OpClass::General, false, false, &insn::srdl},
    {0x8D, OpKind::Byte, "SLDL", Format::RS_R, OpClass::General, false, false, &insn::sldl},
    {0x8E, OpKind::Byte, "SRDA", Format::RS_R, OpClass::General, false, false, &insn::srda},
    {0x8F, OpKind::Byte, "SLDA", Format::RS_R, OpClass::General, false, false, &insn::slda},
    {0x90, OpKind::Byte, "STM", Format::RS, OpClass::General, false, false, &insn::stm},
    {0x91, OpKind::Byte, "TM", Format::SI, OpClass::General, false, false, &insn::tm},
    {0x92, OpKind::Byte, "MVI", Format::SI, OpClass::General, false, false, &insn::mvi},
    {0x93, OpKind::Byte, "TS", Format::S, OpClass::General, false, false, &insn::ts},
    {0x94, OpKind::Byte, "NI", Format::SI, OpClass::General, false, false, &insn::ni},
    {0x95, OpKind::Byte, "CLI", Format::SI, OpClass::General, false, false, &insn::cli},
    {0x96, OpKind::Byte, "OI", Format::SI, OpClass::General, false, false, &insn::oi},
    {0x97, OpKind::Byte, "XI", Format::SI, OpClass::General, false, false, &insn::xi},
    {0x98, OpKind::Byte, "LM", Format::RS, OpClass::General, false, false, &insn::lm},
    {0x9C00, OpKind::Bit15, "SIO", Format::S, OpClass::Io, true, true, &insn::sio},
    {0x9C01, OpKind::Bit15, "SIOF", Format::S, OpClass::Io, true, true, &insn::siof},
    {0x9D00, OpKind::Bit15, "TIO", Format::S, OpClass::Io, true, true, &insn::tio},
    {0x9D01, OpKind::Bit15, "CLRIO", Format::S, OpClass::Io, true, true, &insn::clrio},
    {0x9E00, OpKind::Bit15, "HIO", Format::S, OpClass::Io, true, true, &insn::hio},
    {0x9E01, OpKind::Bit15, "HDV", Format::S, OpClass::Io, true, true, &insn::hdv},
    {0x9F00, OpKind::Bit15, "TCH", Format::S, OpClass::Io, true, true, &insn::tch},
    {0x9F01, OpKind::Bit15, "CLRCH", Format::S, OpClass::Io, true, true, &insn::clrch},
    {0xAC, OpKind::Byte, "STNSM", Format::SI, OpClass::Control, true, true, &insn::stnsm},
    {0xAD, OpKind::Byte, "STOSM", Format::SI, OpClass::Control, true, true, &insn::stosm},
    {0xAE, OpKind::Byte, "SIGP", Format::RS, OpClass::Control, true, true, &insn::sigp},
    {0xAF, OpKind::Byte, "MC", Format::SI, OpClass::General, false, false, &insn::mc},
    {0xB1, OpKind::Byte, "LRA", Format::RX, OpClass::Control, true, true, &insn::lra},
    {0xB200, OpKind::Byte2, "CONCS", Format::S, OpClass::Io, true, true, &insn::concs},
    {0xB201, OpKind::Byte2, "DISCS", Format::S, OpClass::Io, true, true, &insn::discs},
    {0xB202, OpKind::Byte2, "STIDP", Format::S, OpClass::Control, true, true, &insn::stidp},
    {0xB203, OpKind::Byte2, "STIDC", Format::S, OpClass::Io, true, true, &insn::stidc},
    {0xB204, OpKind::Byte2, "SCK", Format::S, OpClass::Control, true, true, &insn::sck},
    {0xB205, OpKind::Byte2, "STCK", Format::S, OpClass::Control, false, false, &insn::stck},
    {0xB206, OpKind::Byte2, "SCKC", Format::S, OpClass::Control, true, true, &insn::sckc},
    {0xB207, OpKind::Byte2, "STCKC", Format::S, OpClass::Control, true, true, &insn::stckc},
    {0xB208, OpKind::Byte2, "SPT", Format::S, OpClass::Control, true, true, &insn::spt},
    {0xB209, OpKind::Byte2, "STPT", Format::S, OpClass::Control, true, true, &insn::stpt},
    {0xB20A, OpKind::Byte2, "SPKA", Format::S, OpClass::Control, false, true, &insn::spka},
    {0xB20B, OpKind::Byte2, "IPK", Format::S0, OpClass::Control, false, true, &insn::ipk},
    {0xB20D, OpKind::Byte2, "PTLB", Format::S0, OpClass::Control, true, true, &insn::ptlb},
    {0xB210, OpKind::Byte2, "SPX", Format::S, OpClass::Control, true, true, &insn::spx},
    {0xB211, OpKind::Byte2, "STPX", Format::S, OpClass::Control, true, true, &insn::stpx},
    {0xB212, OpKind::Byte2, "STAP", Format::S, OpClass::Control, true, true, &insn::stap},
    {0xB213, OpKind::Byte2, "RRB", Format::S, OpClass::Control, true, true, &insn::rrb},
    {0xB221, OpKind::Byte2, "IPTE", Format::RRE, OpClass::Control, true, true, &insn::ipte},
    {0xB22D, OpKind::Byte2, "DXR", Format::RRE, OpClass::Float, false, false, &insn::dxr},
    {0xB6, OpKind::Byte, "STCTL", Format::RS, OpClass::Control, true, true, &insn::stctl},
    {0xB7, OpKind::Byte, "LCTL", Format::RS, OpClass::Control, true, true, &insn::lctl},
    {0xBA, OpKind::Byte, "CS", Format::RS, OpClass::General, false, false, &insn::cs},
    {0xBB, OpKind::Byte, "CDS", Format::RS, OpClass::General, false, false, &insn::cds},
    {0xBD, OpKind::Byte, "CLM", Format::RS_M, OpClass::General, false, false, &insn::clm},
    {0xBE, OpKind::Byte, "STCM", Format::RS_M, OpClass::General, false, false, &insn::stcm},
    {0xBF, OpKind::Byte, "ICM", Format::RS_M, OpClass::General, false, false, &insn::icm},
    {0xD1, OpKind::Byte, "MVN", Format::SS_L, OpClass::General, false, false, &insn::mvn},
    {0xD2, OpKind::Byte, "MVC", Format::SS_L, OpClass::General, false, false, &insn::mvc},
    {0xD3, OpKind::Byte, "MVZ", Format::SS_L, OpClass::General, false, false, &insn::mvz},
    {0xD4, OpKind::Byte, "NC", Format::SS_L, OpClass::General, false, false, &insn::nc},
    {0xD5, OpKind::Byte, "CLC", Format::SS_L, OpClass::General, false, false, &insn::clc},
    {0xD6, OpKind::Byte, "OC", Format::SS_L, OpClass::General, false, false, &insn::oc},
    {0xD7, OpKind::Byte, "XC", Format::SS_L, OpClass::General, false, false, &insn::xc},
    {0xD9, OpKind::Byte, "MVCK", Format::SS_R, OpClass::Control, false, true, &insn::mvck},
    {0xDA, OpKind::Byte, "MVCP", Format::SS_R, OpClass::Control, false, true, &insn::not_installed, false},
    {0xDB, OpKind::Byte, "MVCS", Format::SS_R, OpClass::Control, false, true, &insn::not_installed, false},
    {0xDC, OpKind::Byte, "TR", Format::SS_L, OpClass::General, false, false, &insn::tr},
    {0xDD, OpKind::Byte, "TRT", Format::SS_L, OpClass::General, false, false, &insn::trt},
    {0xDE, OpKind::Byte, "ED", Format::SS_L, OpClass::Decimal, false, false, &insn::ed},
    {0xDF, OpKind::Byte, "EDMK", Format::SS_L, OpClass::Decimal, false, false, &insn::edmk},
    {0xE501, OpKind::Byte2, "TPROT", Format::SSE, OpClass::Control, true, true, &insn::tprot},
    {0xE8, OpKind::Byte, "MVCIN", Format::SS_L, OpClass::General, false, false, &insn::mvcin},
    {0xF0, OpKind::Byte, "SRP", Format::SS_I, OpClass::Decimal, false, false, &insn::srp},
    {0xF1, OpKind::Byte, "MVO", Format::SS_LL, OpClass::Decimal, false, false, &insn::mvo},
    {0xF2, OpKind::Byte, "PACK", Format::SS_LL, OpClass::Decimal, false, false, &insn::pack},
    {0xF3, OpKind::Byte, "UNPK", Format::SS_LL, OpClass::Decimal, false, false, &insn::unpk},
    {0xF8, OpKind::Byte, "ZAP", Format::SS_LL, OpClass::Decimal, false, false, &insn::zap},
    {0xF9, OpKind::Byte, "CP", Format::SS_LL, OpClass::Decimal, false, false, &insn::cp},
    {0xFA, OpKind::Byte, "AP", Format::SS_LL, OpClass::Decimal, false, false, &insn::ap},
    {0xFB, OpKind::Byte, "SP", Format::SS_LL, OpClass::Decimal, false, false, &insn::sp},
    {0xFC, OpKind::Byte, "MP", Format::SS_LL, OpClass::Decimal, false, false, &insn::mp},
    {0xFD, OpKind::Byte, "DP", Format::SS_LL, OpClass::Decimal, false, false, &insn::dp},
};
// clang-format on

// Recognized before anything is done, and reached only through the
// dispatch tables: taken without a C++ exception (Cpu::program_interrupt),
// since this is the path of every privileged instruction a guest issues.
void operation_exception(Cpu& c, const u8*) { c.program_interrupt(pgm::kOperation); }
void privileged_exception(Cpu& c, const u8* ip) {
  // CP may take the instruction over (Host::privileged): its trap.
  Cpu::HostCall call(c);
  if (c.host().privileged(c, ip)) return;
  c.program_interrupt(pgm::kPrivilegedOperation);
}

}  // namespace

void insn::not_installed(Cpu& c, const u8*) { c.program_interrupt(pgm::kOperation); }

namespace {

void dispatch_b2(Cpu& c, const u8* ip) {
  const auto& t = dispatch_tables();
  (c.psw.problem ? t.b2_problem : t.b2_supervisor)[ip[1]](c, ip);
}

void dispatch_e5(Cpu& c, const u8* ip) {
  const auto& t = dispatch_tables();
  (c.psw.problem ? t.e5_problem : t.e5_supervisor)[ip[1]](c, ip);
}

void dispatch_bit15(Cpu& c, const u8* ip) {
  const auto& t = dispatch_tables();
  (c.psw.problem ? t.bit15_problem : t.bit15_supervisor)[ip[0] - 0x9C][ip[1] & 1](c, ip);
}

DispatchTables build() {
  DispatchTables t;
  std::fill(std::begin(t.supervisor), std::end(t.supervisor), &operation_exception);
  std::fill(std::begin(t.problem), std::end(t.problem), &operation_exception);
  std::fill(std::begin(t.b2_supervisor), std::end(t.b2_supervisor), &operation_exception);
  std::fill(std::begin(t.b2_problem), std::end(t.b2_problem), &operation_exception);
  std::fill(std::begin(t.e5_supervisor), std::end(t.e5_supervisor), &operation_exception);
  std::fill(std::begin(t.e5_problem), std::end(t.e5_problem), &operation_exception);
  for (auto& row : t.bit15_supervisor) std::fill(std::begin(row), std::end(row), &operation_exception);
  for (auto& row : t.bit15_problem) std::fill(std::begin(row), std::end(row), &operation_exception);
  t.supervisor[0xB2] = t.problem[0xB2] = &dispatch_b2;
  t.supervisor[0xE5] = t.problem[0xE5] = &dispatch_e5;
  for (const OpInfo& op : kTable) {
    if (!op.installed) continue;  // stays an operation exception
    const Handler prob = op.privileged ? &privileged_exception : op.handler;
    switch (op.kind) {
      case OpKind::Byte:
        t.supervisor[op.opcode] = op.handler;
        t.problem[op.opcode] = prob;
        break;
      case OpKind::Byte2: {
        const bool b2 = (op.opcode >> 8) == 0xB2;
        (b2 ? t.b2_supervisor : t.e5_supervisor)[op.opcode & 0xFF] = op.handler;
        (b2 ? t.b2_problem : t.e5_problem)[op.opcode & 0xFF] = prob;
        break;
      }
      case OpKind::Bit15:
        t.supervisor[op.opcode >> 8] = t.problem[op.opcode >> 8] = &dispatch_bit15;
        t.bit15_supervisor[(op.opcode >> 8) - 0x9C][op.opcode & 1] = op.handler;
        t.bit15_problem[(op.opcode >> 8) - 0x9C][op.opcode & 1] = prob;
        break;
    }
  }
  return t;
}

}  // namespace

std::span<const OpInfo> opcode_table() { return kTable; }

const DispatchTables& dispatch_tables() {
  static const DispatchTables tables = build();
  return tables;
}

namespace {

// The rows by opcode, built once: one entry per first byte, and for the
// two-byte opcodes (X'B2xx', X'E5xx') and the bit-15 pairs a second level.
// CP looks up every instruction that traps, so this is a table, not a scan.
struct RowIndex {
  const OpInfo* byte[256] = {};
  const OpInfo* b2[256] = {};
  const OpInfo* e5[256] = {};
  const OpInfo* bit15[4][2] = {};
};

RowIndex build_index() {
  RowIndex x;
  for (const OpInfo& op : kTable) {
    switch (op.kind) {
      case OpKind::Byte:
        x.byte[op.opcode] = &op;
        break;
      case OpKind::Byte2:
        ((op.opcode >> 8) == 0xB2 ? x.b2 : x.e5)[op.opcode & 0xFF] = &op;
        break;
      case OpKind::Bit15:
        x.bit15[(op.opcode >> 8) - 0x9C][op.opcode & 1] = &op;
        break;
    }
  }
  return x;
}

}  // namespace

const OpInfo* lookup(const u8* ip) {
  static const RowIndex index = build_index();
  switch (ip[0]) {
    case 0xB2: return index.b2[ip[1]];
    case 0xE5: return index.e5[ip[1]];
    case 0x9C: case 0x9D: case 0x9E: case 0x9F: return index.bit15[ip[0] - 0x9C][ip[1] & 1];
    default: return index.byte[ip[0]];
  }
}

std::size_t row_index(const OpInfo& op) { return static_cast<std::size_t>(&op - kTable); }

const OpInfo* lookup(std::string_view mnemonic) {
  for (const OpInfo& op : kTable) {
    if (op.mnemonic.size() != mnemonic.size()) continue;
    bool same = true;
    for (size_t i = 0; i < mnemonic.size() && same; i++) {
      char ch = mnemonic[i];
      if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
      same = ch == op.mnemonic[i];
    }
    if (same) return &op;
  }
  return nullptr;
}

}  // namespace s370
