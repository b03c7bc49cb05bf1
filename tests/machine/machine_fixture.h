// A bare machine for channel tests: 1 MiB of storage, the deterministic
// clock, a program assembled at X'200' by a few helpers (the S/370
// instructions these tests need, encoded by hand), and a fake device whose
// answers each test chooses. Low core as tests/include/lowcore.inc: new PSWs
// that end in disabled waits (program X'EE68'), the normal end at X'C0DE'.
#pragma once

#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "s370/channel/machine.h"

namespace s370::test {

using namespace s370::io;

// A device that does what the test says, and remembers what it was asked.
class FakeDevice final : public Device {
 public:
  using Handler = std::function<Result(Transfer&)>;
  FakeDevice(u16 address, Handler h) : Device(address), handler_(std::move(h)) {}
  std::string_view type() const override { return "FAKE"; }
  Result execute(Transfer& t) override {
    commands.push_back(t.command());
    return handler_(t);
  }
  void halt() override { halts++; }
  void reset() override { resets++; }
  void raise(u8 status) { events()->attention(address(), status); }
  void ready_now() { events()->ready(address()); }
  void set(Handler h) { handler_ = std::move(h); }

  std::vector<u8> commands;
  int halts = 0, resets = 0;

 private:
  Handler handler_;
};

// Handlers for common device behaviours.
inline FakeDevice::Handler reads(std::vector<u8> data, u64 us = 100) {
  return [data, us](Transfer& t) {
    t.put(data.data(), static_cast<u32>(data.size()));
    return Result::end(us);
  };
}
inline FakeDevice::Handler writes(std::vector<u8>* sink, u32 want, u64 us = 100) {
  return [sink, want, us](Transfer& t) {
    std::vector<u8> b(want);
    b.resize(t.get(b.data(), want));
    sink->insert(sink->end(), b.begin(), b.end());
    return Result::end(us);
  };
}
inline FakeDevice::Handler immediate() {
  return [](Transfer&) { return Result::immediate(); };
}

struct MachineFixture {
  Machine m{1u << 20};
  std::vector<u8> code;   // the program at X'200'
  u32 data_next = 0x600;  // where helpers put their doublewords
  static constexpr u32 kOrigin = 0x200;

  MachineFixture() {
    put64(0x58, 0x000200000000EE58);   // external
    put64(0x60, 0x000200000000EE60);   // SVC
    put64(0x68, 0x000200000000EE68);   // program
    put64(0x70, 0x000200000000EE70);   // machine check
    put64(0x78, 0x000200000000EE78);   // I/O
    put64(0x1F0, 0x000200000000C0DE);  // the end
  }

  FakeDevice& fake(u16 address, FakeDevice::Handler h) {
    return static_cast<FakeDevice&>(m.attach(std::make_unique<FakeDevice>(address, std::move(h))));
  }

  // ---- Storage by absolute address ----------------------------------------
  void put(u32 a, const std::vector<u8>& b) {
    m.storage().write(AbsAddr(a), b.data(), static_cast<u32>(b.size()));
  }
  void put32(u32 a, u32 v) {
    u8 b[4];
    store_be32(b, v);
    m.storage().write(AbsAddr(a), b, 4);
  }
  void put64(u32 a, u64 v) {
    u8 b[8];
    store_be64(b, v);
    m.storage().write(AbsAddr(a), b, 8);
  }
  // A CCW at `a`.
  void ccw(u32 a, u8 cmd, u32 data, u8 flags, u16 count) {
    put32(a, (u32{cmd} << 24) | (data & 0xFFFFFF));
    put32(a + 4, (u32{flags} << 24) | count);
  }
  u32 get32(u32 a) {
    u8 b[4];
    m.storage().read(AbsAddr(a), b, 4);
    return load_be32(b);
  }
  u64 get64(u32 a) {
    u8 b[8];
    m.storage().read(AbsAddr(a), b, 8);
    return load_be64(b);
  }
  std::vector<u8> get(u32 a, u32 n) {
    std::vector<u8> b(n);
    m.storage().read(AbsAddr(a), b.data(), n);
    return b;
  }
  u8 cc_at(u32 a) { return (get(a, 1)[0] >> 4) & 3; }  // from CCSAVE: ILC|CC|PM
  u64 csw() { return get64(0x40); }

  // ---- The program ------------------------------------------------------------
  u32 here() const { return kOrigin + static_cast<u32>(code.size()); }
  void emit(std::initializer_list<u8> b) { code.insert(code.end(), b); }
  void s_format(u16 op, u32 addr) {  // base 0, displacement = addr (< X'1000')
    emit({static_cast<u8>(op >> 8), static_cast<u8>(op), static_cast<u8>(addr >> 8), static_cast<u8>(addr)});
  }
  // The I/O instructions: opcode with bit 15 (SIO 9C00, SIOF 9C01, TIO 9D00,
  // CLRIO 9D01, HIO 9E00, HDV 9E01, TCH 9F00, CLRCH 9F01, STIDC B203).
  void sio(u32 dev) { s_format(0x9C00, dev); }
  void siof(u32 dev) { s_format(0x9C01, dev); }
  void tio(u32 dev) { s_format(0x9D00, dev); }
  void clrio(u32 dev) { s_format(0x9D01, dev); }
  void hio(u32 dev) { s_format(0x9E00, dev); }
  void hdv(u32 dev) { s_format(0x9E01, dev); }
  void tch(u32 dev) { s_format(0x9F00, dev); }
  void stidc(u32 dev) { s_format(0xB203, dev); }
  void clrch(u32 dev) { s_format(0x9F01, dev); }
  // The condition code at `addr`: BALR 1,0; STCM 1,8,addr.
  void save_cc(u32 addr) {
    emit({0x05, 0x10, 0xBE, 0x18, static_cast<u8>(addr >> 8), static_cast<u8>(addr)});
  }
  // MVC to(len),from.
  void mvc(u32 to, u32 from, u8 len) {
    emit({0xD2, static_cast<u8>(len - 1), static_cast<u8>(to >> 8), static_cast<u8>(to),
          static_cast<u8>(from >> 8), static_cast<u8>(from)});
  }
  // Stores a doubleword in the data area and returns its address.
  u32 constant64(u64 v) {
    const u32 a = data_next;
    data_next += 8;
    put64(a, v);
    return a;
  }
  // The CAW: key and CCW address.
  void set_caw(u8 key, u32 ccw_addr) { put32(0x48, (u32{key} << 28) | ccw_addr); }
  // Waits for an I/O interruption with the given system mask (BC: channel
  // masks 0-5, 6 for channels 6 and up) and goes on with the next
  // instruction, the old PSW and CSW as the interruption left them.
  void wait_io(u8 sysmask = 0xFE) {
    const u32 wait = constant64((u64{sysmask} << 56) | 0x0002000000000000ull);
    const u32 resume_psw = data_next;
    data_next += 8;
    mvc(0x78, resume_psw, 8);
    s_format(0x8200, wait);  // LPSW
    put64(resume_psw, here());
  }
  // START I/O with the CAW at `caw_ccw` (key 0), the condition code saved
  // at `cc_addr`, and, when it was 0, a wait for the interruption.
  void sio_and_wait(u32 dev, u32 caw_ccw, u32 cc_addr) {
    const u32 caw = data_next;
    data_next += 8;
    put32(caw, caw_ccw);
    mvc(0x48, caw, 4);
    sio(dev);
    save_cc(cc_addr);
    const size_t branch = code.size();
    emit({0x47, 0x70, 0, 0});  // BC 7,past the wait
    wait_io();
    const u32 after = here();
    code[branch + 2] = static_cast<u8>(after >> 8);
    code[branch + 3] = static_cast<u8>(after);
  }
  // LPSW of an arbitrary PSW.
  void lpsw(u64 psw) { s_format(0x8200, constant64(psw)); }
  void done() { s_format(0x8200, 0x1F0); }

  // Runs the program from X'200' (BC mode, key 0, disabled).
  Machine::Status run(u64 limit = 1000000) {
    put(kOrigin, code);
    m.cpu().load_psw(Psw::from_u64(kOrigin));
    return m.run(limit);
  }
  bool ended() { return (m.cpu().psw.to_u64() & 0xFFFFFF) == 0xC0DE; }
};

}  // namespace s370::test
