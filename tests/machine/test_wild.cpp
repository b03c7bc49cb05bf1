// Wild channel programs: random CCWs (random commands, flags, counts and
// addresses, TICs anywhere, data beyond storage), random storage and CAW
// keys, on every kind of device at once. Whatever the programs do, the
// machine runs to its limit or a wait, and CLEAR I/O then leaves every
// subchannel available. Deterministic (a fixed seed); run it under the
// sanitizers (build-asan) to see that nothing reads or writes astray.
#include <filesystem>
#include <random>

#include "machine_fixture.h"
#include "s370/channel/cards2540.h"
#include "s370/channel/ckd_image.h"
#include "s370/channel/console3215.h"
#include "s370/channel/dasd.h"
#include "s370/channel/display3270.h"
#include "s370/channel/printer1403.h"

namespace s370::test {

namespace {

struct NoInput final : LineInput {
  std::optional<std::string> take_line() override { return std::nullopt; }
  bool closed() const override { return false; }
};

std::string wild_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("machine_tests." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

// Commands the devices know (so that programs get past the first CCW),
// TIC, and now and then any byte at all.
constexpr u8 kCommands[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0D,
                            0x0E, 0x0F, 0x11, 0x12, 0x13, 0x16, 0x1A, 0x1D, 0x1E, 0x1F, 0x29, 0x31,
                            0x39, 0x5E, 0x86, 0x89, 0x8B, 0xE4, 0x08, 0x08, 0x08, 0x31, 0x06};

}  // namespace

TEST_CASE("wild channel programs: every device, random CCWs and keys; nothing hangs or goes astray") {
  const std::string disk = wild_path("wild.ckd");
  CkdImage::create(disk, *ckd_geometry("3350"), 2);
  std::mt19937 rng(370);
  auto pick = [&](u32 n) { return static_cast<u32>(rng() % n); };
  const std::vector<u16> devices = {0x009, 0x00C, 0x00D, 0x00E, 0x0C0, 0x190, 0x130};
  constexpr u32 kCcws = 0x1000, kCcwsEnd = 0x3000, kStorage = 1u << 20;

  for (int round = 0; round < 150; round++) {
    CAPTURE(round);
    MachineFixture f;
    NoInput in;
    f.m.attach(std::make_unique<Console3215>(0x009, &in, [](std::string_view) {}));
    std::vector<Card> deck(3);
    for (Card& c : deck) c.fill(0xC1);
    f.m.attach(std::make_unique<CardReader2540>(0x00C, deck));
    f.m.attach(std::make_unique<CardPunch2540>(0x00D, wild_path("wild.punch")));
    f.m.attach(std::make_unique<Printer1403>(0x00E, wild_path("wild.print")));
    f.m.attach(std::make_unique<Display3270>(0x0C0));
    f.m.attach(std::make_unique<CkdDasd>(0x190, CkdImage::open(disk, *ckd_geometry("3350"))));
    f.m.attach(std::make_unique<Display3270>(0x130, 5));

    // Random bytes from X'1000' (CCWs there, data and IDAWs everywhere),
    // random keys above the program; the program and low core (blocks 0
    // and 1) keep key 0, which the channel's nonzero keys cannot store into.
    std::vector<u8> junk(kStorage - kCcws);
    for (auto& b : junk) b = static_cast<u8>(rng());
    f.put(kCcws, junk);
    // Keys: mostly 1, as the CAW's mostly are, some others, some fetch-protected.
    for (u32 a = kCcws; a < kStorage; a += 2048)
      f.m.storage().key(AbsAddr(a)) =
          static_cast<u8>((pick(5) == 0 ? pick(16) : 1) << 4 | (pick(4) == 0) << 3);
    for (u32 a = kCcws; a < kCcwsEnd; a += 8) {
      const u8 cmd = pick(8) == 0 ? static_cast<u8>(rng()) : kCommands[pick(sizeof kCommands)];
      u32 data;
      switch (pick(6)) {
        case 0:
          data = kCcws + pick(kCcwsEnd - kCcws) / 8 * 8;
          break;  // (a TIC) among the CCWs
        case 1:
          data = kStorage - pick(400);
          break;  // across the end of storage
        case 2:
          data = pick(1u << 24);
          break;  // anywhere at all
        default:
          data = kCcwsEnd + pick(kStorage - kCcwsEnd - 0x10000);
          break;
      }
      // Mostly chained (to get far into programs), now and then anything.
      u8 flags =
          static_cast<u8>((pick(10) < 7 ? ccw::kChainCommand : 0) | (pick(8) == 0 ? ccw::kChainData : 0) |
                          (pick(10) < 6 ? ccw::kSuppressLength : 0) | (pick(10) == 0 ? ccw::kSkip : 0) |
                          (pick(10) == 0 ? ccw::kPci : 0) | (pick(20) == 0 ? ccw::kIndirect : 0));
      if (pick(30) == 0) flags = static_cast<u8>(rng());
      const u16 count = pick(8) == 0 ? static_cast<u16>(rng()) : static_cast<u16>(pick(300));
      f.ccw(a, cmd, data, flags, count);
    }

    // Some rounds give one device a channel program that never ends (a
    // NO-OP and a TIC back to it): the CPU waits for it, the run ends at
    // its limit all the same.
    const int looping = pick(4) == 0 ? static_cast<int>(pick(static_cast<u32>(devices.size()))) : -1;
    f.ccw(0x2FF0, 0x03, 0, ccw::kChainCommand | ccw::kSuppressLength, 1);
    f.ccw(0x2FF8, ccw::kTic, 0x2FF0, 0, 1);
    f.m.storage().key(AbsAddr(0x2FF0)) = 0x10;

    // Phase 1: START I/O on every device with a random CAW, then take
    // interruptions in an enabled wait until nothing more comes.
    for (u16 d : devices) {
      u32 caw = (pick(5) == 0 ? 1 + pick(15) : 1) << 28 | (kCcws + pick(kCcwsEnd - kCcws) / 8 * 8);
      if (pick(10) == 0) caw = static_cast<u32>(rng());  // bad CAWs too
      if (d == devices[static_cast<size_t>(looping < 0 ? 0 : looping)] && looping >= 0) caw = 0x10002FF0;
      const u32 at = f.constant64(u64{caw} << 32);
      f.mvc(0x48, at, 4);
      f.sio(d);
      if (pick(3) == 0) f.tio(devices[pick(static_cast<u32>(devices.size()))]);
      if (pick(5) == 0) f.hio(devices[pick(static_cast<u32>(devices.size()))]);
    }
    const u64 wait = 0xFE02000000000000ull | 0x300;
    f.put64(0x78, wait);  // each I/O interruption: back into the wait
    f.lpsw(wait);
    const auto st = f.run(50000);
    CHECK((st == Machine::Status::Wait || st == Machine::Status::Limit));

    // Phase 2: CLEAR I/O everywhere; every subchannel is then available.
    f.code.clear();
    f.data_next = 0x600;
    f.put64(0x78, 0x000200000000EE78);
    for (u16 d : devices) f.clrio(d);
    f.tch(0x000);
    f.tch(0x100);
    f.done();
    CHECK(f.run(10000) == Machine::Status::Wait);
    CHECK(f.ended());
    for (u16 d : devices) CHECK_FALSE(f.m.channels().working(d));
  }
}

}  // namespace s370::test
