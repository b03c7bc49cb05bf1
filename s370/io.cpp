// Input/output instructions (Principles of Operation, chapter 13,
// "Input/Output Operations"). The Cpu decodes them and hands them to the
// channel subsystem behind Host; with no channels every device and channel
// is not operational (condition code 3).
#include "s370/formats.h"
#include "s370/instructions.h"

namespace s370::insn {

namespace {
// Bits 16-31 of the second-operand address are the channel and device.
void io(Cpu& c, const u8* ip, IoOp op) {
  S f(c, ip);
  Cpu::HostCall call(c);
  c.psw.cc = static_cast<u8>(c.host().io_instruction(c, op, static_cast<u16>(f.addr.v)) & 3);
}
}  // namespace

void sio(Cpu& c, const u8* ip) { io(c, ip, IoOp::SIO); }
void siof(Cpu& c, const u8* ip) { io(c, ip, IoOp::SIOF); }
void tio(Cpu& c, const u8* ip) { io(c, ip, IoOp::TIO); }
void clrio(Cpu& c, const u8* ip) { io(c, ip, IoOp::CLRIO); }
void hio(Cpu& c, const u8* ip) { io(c, ip, IoOp::HIO); }
void hdv(Cpu& c, const u8* ip) { io(c, ip, IoOp::HDV); }

void tch(Cpu& c, const u8* ip) {
  S f(c, ip);
  Cpu::HostCall call(c);
  c.psw.cc = static_cast<u8>(c.host().test_channel(c, static_cast<u8>(f.addr.v >> 8)) & 3);
}

void clrch(Cpu& c, const u8* ip) {
  S f(c, ip);
  Cpu::HostCall call(c);
  c.psw.cc = static_cast<u8>(c.host().clear_channel(c, static_cast<u8>(f.addr.v >> 8)) & 3);
}

// CONNECT and DISCONNECT CHANNEL SET: bits 16-31 of the operand address
// name the channel set. This uniprocessor has one, set 0, always connected
// to it: cc 0 for it, cc 3 (not operational) for any other.
void concs(Cpu& c, const u8* ip) { c.psw.cc = (S(c, ip).addr.v & 0xFFFF) == 0 ? 0 : 3; }
void discs(Cpu& c, const u8* ip) { c.psw.cc = (S(c, ip).addr.v & 0xFFFF) == 0 ? 0 : 3; }

void stidc(Cpu& c, const u8* ip) {
  S f(c, ip);
  Cpu::HostCall call(c);
  c.psw.cc = static_cast<u8>(c.host().store_channel_id(c, static_cast<u8>(f.addr.v >> 8)) & 3);
}

}  // namespace s370::insn
