// A channel program's input into a frame shared with another machine
// (Storage::map_shared): the channel subsystem writes through
// Storage::write, which copies the frame for this machine alone, and the
// Cpu, which had the shared frame in its TLB, reads what came in.
#include "machine_fixture.h"

namespace s370::test {

TEST_CASE_FIXTURE(MachineFixture, "shared frame: READ into it copies it, and the CPU sees the data") {
  constexpr u16 kDev = 0x00E;
  constexpr u32 kFrame = 2, kBase = kFrame << Storage::kFrameShift;
  std::vector<u8> bytes(Storage::kFrameSize);
  for (u32 i = 0; i < bytes.size(); i++) bytes[i] = static_cast<u8>(i * 7 + 1);
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Storage other(1u << 20);
  other.map_shared(kFrame, f);
  m.storage().map_shared(kFrame, f);
  const u32 private_before = m.storage().private_frames();

  fake(kDev, reads({0xC1, 0xC2, 0xC3, 0xC4}));
  ccw(0x400, 0x02, kBase + 0x100, 0, 4);  // READ 4 bytes into X'2100'
  m.cpu().gpr[12] = kBase;
  emit({0x58, 0x30, 0xC1, 0x00});  // L 3,X'100'(,12): the TLB holds the shared frame
  sio_and_wait(kDev, 0x400, 0x800);
  emit({0x58, 0x40, 0xC1, 0x00});  // L 4,X'100'(,12)
  done();
  run();
  CHECK(ended());
  CHECK(cc_at(0x800) == 0);
  CHECK(m.cpu().gpr[3] == load_be32(bytes.data() + 0x100));
  CHECK(m.cpu().gpr[4] == 0xC1C2C3C4);
  CHECK(!m.storage().is_shared(kFrame));
  CHECK(m.storage().private_frames() == private_before + 1);
  CHECK(get(kBase + 0xFC, 12) == std::vector<u8>{bytes[0xFC], bytes[0xFD], bytes[0xFE], bytes[0xFF], 0xC1,
                                                 0xC2, 0xC3, 0xC4, bytes[0x104], bytes[0x105], bytes[0x106],
                                                 bytes[0x107]});
  // The other machine and the frame itself are untouched.
  CHECK(other.is_shared(kFrame));
  std::vector<u8> seen(Storage::kFrameSize);
  REQUIRE(other.read(AbsAddr(kBase), seen.data(), Storage::kFrameSize));
  CHECK(seen == bytes);
  CHECK(std::vector<u8>(f.get(), f.get() + Storage::kFrameSize) == bytes);
}

TEST_CASE_FIXTURE(MachineFixture, "shared frame: WRITE from it reads it without copying") {
  constexpr u16 kDev = 0x00E;
  constexpr u32 kFrame = 2, kBase = kFrame << Storage::kFrameShift;
  std::vector<u8> bytes(Storage::kFrameSize);
  for (u32 i = 0; i < bytes.size(); i++) bytes[i] = static_cast<u8>(i * 7 + 1);
  m.storage().map_shared(kFrame, Storage::make_shared_frame(bytes.data()));
  std::vector<u8> sink;
  fake(kDev, writes(&sink, 8));
  ccw(0x400, 0x01, kBase + 0x10, 0, 8);  // WRITE 8 bytes from X'2010'
  sio_and_wait(kDev, 0x400, 0x800);
  done();
  run();
  CHECK(ended());
  CHECK(sink == std::vector<u8>(bytes.begin() + 0x10, bytes.begin() + 0x18));
  CHECK(m.storage().is_shared(kFrame));
}

}  // namespace s370::test
