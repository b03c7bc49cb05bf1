// I/O interruptions (Principles of Operation, chapter 6, "Input/Output
// Interruption", and chapter 13): channel masks in BC mode (PSW bits 0-6)
// and EC mode (CR2 with PSW bit 6), the interruption code in the old PSW
// or at X'BA', priority among pending conditions, status held in a device
// (stacked) while its subchannel is busy, and initial program loading.
#include "machine_fixture.h"
#include "s370/channel/cards2540.h"

namespace s370::test {

namespace {
constexpr u32 kLog = 0x800;
}

TEST_CASE_FIXTURE(MachineFixture,
                  "BC mode: the interruption code is the device address; the masks select channels") {
  fake(0x00E, reads({1}, 10));
  fake(0x20E, reads({2}, 10));
  fake(0x70E, reads({3}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(0x00E);
  sio(0x20E);
  sio(0x70E);
  // Enabled for channel 2 only (PSW bit 2): the channel 2 interruption.
  wait_io(0x20);
  mvc(kLog, 0x38, 8);
  // Channels 6 and up (PSW bit 6): channel 7.
  wait_io(0x02);
  mvc(kLog + 8, 0x38, 8);
  // Channel 0.
  wait_io(0x80);
  mvc(kLog + 16, 0x38, 8);
  done();
  run();
  CHECK(ended());
  CHECK(((get64(kLog) >> 32) & 0xFFFF) == 0x020E);
  CHECK(((get64(kLog + 8) >> 32) & 0xFFFF) == 0x070E);
  CHECK(((get64(kLog + 16) >> 32) & 0xFFFF) == 0x000E);
}

// GA22-7000-10, chapter 6, "I/O Interruptions": in the BC mode PSW bit 6
// masks channels 6 and up together with their CR2 bits (6-31). Channel 7's
// interruption stays pending while CR2 bit 7 is off, even with PSW bit 6
// on, and is taken once the bit is on (Hercules 3.13 agrees).
TEST_CASE_FIXTURE(MachineFixture, "BC mode: channels 6 and up need their CR2 bit as well as PSW bit 6") {
  fake(0x70E, reads({3}, 10));
  fake(0x20E, reads({2}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  // LCTL 2,2: CR2 = X'FEFFFFFF' (all channels but 7).
  const u32 no7 = constant64(0xFEFFFFFF00000000ull);
  emit({0xB7, 0x22, static_cast<u8>(no7 >> 8), static_cast<u8>(no7)});
  sio(0x70E);
  sio(0x20E);
  // Channel 2's interruption comes after channel 7's condition arose.
  wait_io(0x20);
  mvc(kLog, 0x38, 8);
  // A wait with PSW bit 6 on (and channel 2's): channel 7 must not get
  // through; TIO finds its status still pending (cc 1).
  const u32 spin = constant64(0x0200000000000000ull);  // PSW bit 6 only
  s_format(0x8000, spin);  // SSM: enabled for channels 6 and up
  for (int i = 0; i < 64; i++) emit({0x07, 0x00});  // NOPR: time to take it
  s_format(0x8000, constant64(0));  // SSM: disabled again
  tio(0x70E);
  save_cc(kLog + 8);
  done();
  run();
  CHECK(ended());
  CHECK(((get64(kLog) >> 32) & 0xFFFF) == 0x020E);
  CHECK(cc_at(kLog + 8) == 1);  // the interruption condition was still there
}

TEST_CASE_FIXTURE(MachineFixture,
                  "EC mode: CR2 masks the channels, PSW bit 6 all of them; the address goes to X'BA'") {
  fake(0x00E, reads({1}, 10));
  fake(0x10E, reads({2}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  // LCTL 2,2: CR2 = X'40000000' (channel 1 only).
  const u32 cr2 = constant64(0x4000000000000000ull);
  emit({0xB7, 0x22, static_cast<u8>(cr2 >> 8), static_cast<u8>(cr2)});
  sio(0x00E);
  emit({0x41, 0x30, 0x01, 0x0E});  // LA 3,X'10E'
  emit({0x9C, 0x00, 0x30, 0x00});  // SIO 0(3)
  // An EC wait PSW with the I/O mask: only channel 1 gets through.
  const u32 wait = constant64(0x020A000000000000ull);
  const u32 resume = data_next;
  data_next += 8;
  mvc(0x78, resume, 8);
  s_format(0x8200, wait);
  put64(resume, 0x0008000000000000ull | here());  // EC mode, disabled
  mvc(kLog, 0xB8, 4);
  mvc(kLog + 8, 0x40, 8);
  // Now CR2 all ones: channel 0.
  const u32 all = constant64(0xFFFFFFFF00000000ull);
  emit({0xB7, 0x22, static_cast<u8>(all >> 8), static_cast<u8>(all)});
  const u32 resume2 = data_next;
  data_next += 8;
  mvc(0x78, resume2, 8);
  s_format(0x8200, wait);
  put64(resume2, 0x0008000000000000ull | here());
  mvc(kLog + 4, 0xB8, 4);
  done();
  run();
  CHECK(ended());
  CHECK(get32(kLog) == 0x0000010E);
  CHECK(get64(kLog + 8) == 0x000004080C000000ull);
  CHECK(get32(kLog + 4) == 0x0000000E);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "priority: the lower channel first, then the order the conditions arose in") {
  fake(0x101, reads({1}, 10));
  fake(0x001, reads({1}, 30));
  fake(0x002, reads({1}, 20));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  emit({0x41, 0x30, 0x01, 0x01});  // LA 3,X'101'
  emit({0x9C, 0x00, 0x30, 0x00});  // SIO 0(3): ends first
  sio(0x001);                      // ends third
  sio(0x002);                      // ends second
  emit({0x41, 0x20, 0x0F, 0xFF});  // LA 2,4095; BCT 2,*: all three pending
  const u32 spin = here();
  emit({0x46, 0x20, static_cast<u8>(spin >> 8), static_cast<u8>(spin)});
  for (u32 i = 0; i < 3; i++) {
    wait_io();
    mvc(kLog + 4 * i, 0x3A, 2);
  }
  done();
  run();
  CHECK(ended());
  CHECK((get32(kLog) >> 16) == 0x0002);
  CHECK((get32(kLog + 4) >> 16) == 0x0001);
  CHECK((get32(kLog + 8) >> 16) == 0x0101);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "status stacking: attention while the subchannel is busy comes after its final status") {
  auto& d = fake(0x00E, reads({1}, 50));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(0x00E);
  done();
  // Run until the operation is under way, raise attention, then take the
  // interruptions one by one.
  run(2);
  d.raise(unit::kAttention);
  MachineFixture& f = *this;
  f.code.clear();
  f.wait_io();
  f.mvc(kLog, 0x40, 8);
  f.wait_io();
  f.mvc(kLog + 8, 0x40, 8);
  f.done();
  f.put(kOrigin, f.code);
  m.cpu().load_psw(Psw::from_u64(kOrigin));
  m.run(100000);
  CHECK(ended());
  CHECK(get64(kLog) == 0x000004080C000000ull);
  CHECK(get64(kLog + 8) == 0x0000000080000000ull);
}

TEST_CASE_FIXTURE(MachineFixture,
                  "an interruption stays pending while its channel is masked; the run ends in the wait") {
  fake(0x00E, reads({1}, 10));
  ccw(0x400, 0x02, 0x900, ccw::kSuppressLength, 1);
  set_caw(0, 0x400);
  sio(0x00E);
  wait_io(0x40);  // channel 1 only
  done();
  CHECK(run() == Machine::Status::Wait);
  CHECK_FALSE(ended());
  CHECK(m.channels().interruption_pending());
}

TEST_CASE("IPL from cards: the PSW from the first card, the device address in it, the chain read on") {
  Machine m(1u << 20);
  // Card 1: PSW (BC, disabled wait at X'C0DE'), CCW1: read card 2 to X'800'
  // chained, CCW2: read card 3 to X'900'.
  Card c1{}, c2{}, c3{};
  const u8 head[24] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0xC0, 0xDE, 0x02, 0x00, 0x08, 0x00,
                       0x60, 0x00, 0x00, 0x50, 0x02, 0x00, 0x09, 0x00, 0x20, 0x00, 0x00, 0x50};
  std::copy(head, head + 24, c1.begin());
  c2.fill(0xC1);
  c3.fill(0xC2);
  m.attach(std::make_unique<CardReader2540>(0x00C, std::vector<Card>{c1, c2, c3}));
  CHECK(m.ipl(0x00C) == "");
  // The I/O address in bits 16-31 of the PSW at 0 (BC mode).
  u8 b[8];
  m.storage().read(AbsAddr(0), b, 8);
  CHECK(load_be64(b) == 0x0002000C0000C0DEull);
  m.storage().read(AbsAddr(0x800), b, 1);
  CHECK(b[0] == 0xC1);
  m.storage().read(AbsAddr(0x900), b, 1);
  CHECK(b[0] == 0xC2);
  CHECK(m.run(100) == Machine::Status::Wait);
  CHECK(m.cpu().psw.to_u64() == 0x000200000000C0DEull);
  // Nothing is left pending after IPL.
  CHECK_FALSE(m.channels().interruption_pending());
}

TEST_CASE("IPL with an EC-mode PSW stores the address at X'B8'") {
  Machine m(1u << 20);
  Card c1{};
  const u8 head[16] = {0x00, 0x0A, 0x00, 0x00, 0x00, 0x00, 0xC0, 0xDE,
                       0x03, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00, 0x01};
  std::copy(head, head + 16, c1.begin());
  m.attach(std::make_unique<CardReader2540>(0x10C, std::vector<Card>{c1}));
  CHECK(m.ipl(0x10C) == "");
  u8 b[4];
  m.storage().read(AbsAddr(0xB8), b, 4);
  CHECK(load_be32(b) == 0x0000010C);
  CHECK(m.cpu().psw.ec);
}

TEST_CASE("IPL failures are one-line messages") {
  Machine m(1u << 20);
  m.attach(std::make_unique<CardReader2540>(0x00C, std::vector<Card>{}));
  CHECK(m.ipl(0x00D) == "IPL device 00D is not in the configuration");
  const std::string e = m.ipl(0x00C);
  CHECK(e.find("IPL from 00C failed") == 0);
  CHECK(e.find("unit status 0E") != std::string::npos);
}

}  // namespace s370::test
