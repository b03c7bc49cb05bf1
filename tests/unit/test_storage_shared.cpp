// Frames shared read-only between machines and copied on the first write
// (Storage::map_shared, for CP's saved systems): what each machine sees,
// what a copy costs and leaves alone, and that no cached host pointer (the
// Cpu's TLB, its instruction block, an operand fetched before the store)
// outlives a copy. The channel subsystem's input is in
// tests/machine/test_shared_frames.cpp.
#include <doctest/doctest.h>

#include <cstring>
#include <functional>
#include <memory>
#include <vector>

#include "s370/clock.h"
#include "s370/cpu.h"

using namespace s370;

namespace {

constexpr u32 kSize = 64u << 10;
constexpr u32 kShared = 2;  // frame X'2000'-X'2FFF' is the shared one
constexpr u32 kBase = kShared << Storage::kFrameShift;

// The bytes of the shared frame: byte i is i * 7 + 1 (so no two
// neighbours are equal, and a stale copy shows).
std::vector<u8> pattern() {
  std::vector<u8> b(Storage::kFrameSize);
  for (u32 i = 0; i < b.size(); i++) b[i] = static_cast<u8>(i * 7 + 1);
  return b;
}

u32 word_at(const std::vector<u8>& b, u32 off) {
  return load_be32(b.data() + off);
}

// A Host whose DIAGNOSE runs what the test says.
struct TestHost : Host {
  std::function<void(Cpu&)> diag;
  int diag_calls = 0;
  bool diagnose(Cpu& c, int, int, u32) override {
    ++diag_calls;
    if (diag) diag(c);
    return true;
  }
};

// One machine: 64K of storage, the deterministic clock, low core as the
// tests' (new PSWs that are disabled waits at X'EExx', the normal end a
// disabled wait at X'C0DE' through LPSW X'1F0'), R12 = X'2000'.
struct Vm {
  Storage storage{kSize};
  TestHost host;
  InstructionClock clock;
  Cpu cpu{storage, host, clock};

  Vm() {
    for (u32 a : {0x58u, 0x60u, 0x68u, 0x70u, 0x78u}) put64(a, 0x000200000000EE00ull | a);
    put64(0x1F0, 0x000200000000C0DEull);
    cpu.gpr[12] = kBase;
  }
  void put(u32 a, const std::vector<u8>& b) {
    REQUIRE(storage.write(AbsAddr(a), b.data(), static_cast<u32>(b.size())));
  }
  void put64(u32 a, u64 v) {
    u8 b[8];
    store_be64(b, v);
    put(a, std::vector<u8>(b, b + 8));
  }
  std::vector<u8> get(u32 a, u32 n) {
    std::vector<u8> b(n);
    REQUIRE(storage.read(AbsAddr(a), b.data(), n));
    return b;
  }
  u32 get32(u32 a) { return word_at(get(a, 4), 0); }
  // Runs the code at `at` (supervisor state, key 0, disabled) to its end.
  RunResult run(u32 at, u64 budget = 1000) {
    cpu.load_psw(Psw::from_u64(at));
    return cpu.run(budget);
  }
  bool ended() const { return cpu.psw.ia == 0xC0DE; }
};

constexpr u8 kLpswEnd[] = {0x82, 0x00, 0x01, 0xF0};  // LPSW X'1F0'

std::vector<u8> code(std::initializer_list<std::vector<u8>> insns) {
  std::vector<u8> c;
  for (const auto& i : insns) c.insert(c.end(), i.begin(), i.end());
  c.insert(c.end(), std::begin(kLpswEnd), std::end(kLpswEnd));
  return c;
}

}  // namespace

TEST_CASE("shared frames: two storages map one frame and read its bytes") {
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a, b;
  const u32 before_a = a.storage.private_frames();
  a.storage.map_shared(kShared, f);
  b.storage.map_shared(kShared, f);
  for (Vm* m : {&a, &b}) {
    CHECK(m->storage.is_shared(kShared));
    CHECK(m->storage.shared_frames() == 1);
    CHECK(m->get(kBase, Storage::kFrameSize) == bytes);
    // No copy: the very bytes of the SharedFrame.
    CHECK(m->storage.frame_for_read(AbsAddr(kBase + 5)) == f.get());
    CHECK(m->storage.frame_if_present(kShared) == f.get());
  }
  CHECK(a.storage.private_frames() == before_a);  // mapping and reading cost nothing
  // The Cpu reads it too, through its TLB.
  a.put(0x200, code({{0x58, 0x30, 0xC1, 0x00}}));  // L 3,X'100'(,12)
  a.run(0x200);
  CHECK(a.ended());
  CHECK(a.cpu.gpr[3] == word_at(bytes, 0x100));
  CHECK(a.storage.is_shared(kShared));
  CHECK(a.storage.private_frames() == before_a);
}

TEST_CASE("shared frames: untouched frames are read without being allocated") {
  Storage s(kSize);
  CHECK(s.private_frames() == 0);
  CHECK(s.shared_frames() == 0);
  std::vector<u8> b(3 * Storage::kFrameSize, 0xFF);
  REQUIRE(s.read(AbsAddr(0x1800), b.data(), static_cast<u32>(b.size())));
  CHECK(b == std::vector<u8>(b.size(), 0));
  CHECK(s.frame_for_read(AbsAddr(0x5000))[0x10] == 0);
  CHECK(s.frame_if_present(5) == nullptr);
  CHECK(s.private_frames() == 0);
  const u8 one = 1;
  REQUIRE(s.write(AbsAddr(0x5010), &one, 1));
  CHECK(s.private_frames() == 1);
  CHECK(s.frame_if_present(5)[0x10] == 1);
  CHECK(!s.is_shared(5));
}

TEST_CASE("shared frames: a store by the CPU copies the frame for the writer alone") {
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a, b;
  a.storage.map_shared(kShared, f);
  b.storage.map_shared(kShared, f);
  const u32 private_a = a.storage.private_frames(), private_b = b.storage.private_frames();
  // L 3,X'100'(,12): the read TLB holds the shared frame; ST 2 copies it;
  // L 4 must see the store, not the shared frame through a stale entry.
  a.put(0x200, code({{0x58, 0x30, 0xC1, 0x00}, {0x50, 0x20, 0xC1, 0x00}, {0x58, 0x40, 0xC1, 0x00}}));
  a.cpu.gpr[2] = 0xCAFEBABE;
  const RunResult r = a.run(0x200);
  CHECK(a.ended());
  CHECK(r.executed == 4);  // the store that copied counts once
  CHECK(a.cpu.gpr[3] == word_at(bytes, 0x100));
  CHECK(a.cpu.gpr[4] == 0xCAFEBABE);
  // The writer has a private frame: the pattern with its store.
  CHECK(!a.storage.is_shared(kShared));
  CHECK(a.storage.shared_frames() == 0);
  CHECK(a.storage.private_frames() == private_a + 1);
  std::vector<u8> expect = bytes;
  store_be32(expect.data() + 0x100, 0xCAFEBABE);
  CHECK(a.get(kBase, Storage::kFrameSize) == expect);
  // The other machine and the SharedFrame are as they were.
  CHECK(b.storage.is_shared(kShared));
  CHECK(b.storage.private_frames() == private_b);
  CHECK(b.get(kBase, Storage::kFrameSize) == bytes);
  CHECK(std::vector<u8>(f.get(), f.get() + Storage::kFrameSize) == bytes);
  // A second store goes straight to the private frame.
  a.put(0x200, code({{0x50, 0x40, 0xC1, 0x04}}));  // ST 4,X'104'(,12)
  a.run(0x200);
  CHECK(a.get32(kBase + 0x104) == 0xCAFEBABE);
  CHECK(a.storage.private_frames() == private_a + 1);
}

TEST_CASE("shared frames: a store into the instruction stream is seen by the next instruction") {
  // Code in the shared frame modifies the instruction after it (the old
  // switch idiom, MVI into a branch mask), in the same 2K block: the run
  // loop must not go on executing the old frame's bytes.
  Storage::SharedFrame f;
  {
    std::vector<u8> b(Storage::kFrameSize, 0);
    const std::vector<u8> c = {
        0x92, 0xF0, 0xC0, 0x05,  // 2000 MVI 5(12),X'F0': BC 0 below becomes BC 15
        0x47, 0x00, 0xC0, 0x10,  // 2004 BC 0,X'10'(,12)
        0x41, 0x50, 0x00, 0x01,  // 2008 LA 5,1: the old bytes ran
        0x82, 0x00, 0x01, 0xF0,  // 200C LPSW X'1F0'
        0x41, 0x50, 0x00, 0x02,  // 2010 LA 5,2: the modified branch ran
        0x82, 0x00, 0x01, 0xF0,  // 2014 LPSW X'1F0'
    };
    std::copy(c.begin(), c.end(), b.begin());
    f = Storage::make_shared_frame(b.data());
  }
  Vm a, b;
  a.storage.map_shared(kShared, f);
  b.storage.map_shared(kShared, f);
  const RunResult r = a.run(kBase);
  CHECK(a.ended());
  CHECK(a.cpu.gpr[5] == 2);
  CHECK(r.executed == 4);
  CHECK(!a.storage.is_shared(kShared));
  // The other machine runs the original code.
  CHECK(f.get()[5] == 0x00);
  b.run(kBase);
  CHECK(b.ended());
  CHECK(b.cpu.gpr[5] == 2);  // its own MVI, its own copy
  CHECK(f.get()[5] == 0x00);
}

TEST_CASE("shared frames: the storage may hold the last reference when the CPU copies") {
  // The SharedFrame's only owner is the storage: the copy drops the last
  // reference while the instruction that copied runs from it (the
  // sanitizer build checks every access to the old frame after that).
  Vm a;
  {
    std::vector<u8> b(Storage::kFrameSize, 0);
    const std::vector<u8> c = {
        0x92, 0xF0, 0xC0, 0x05,  // 2000 MVI 5(12),X'F0'
        0x47, 0x00, 0xC0, 0x10,  // 2004 BC 0,X'10'(,12)
        0x41, 0x50, 0x00, 0x01,  // 2008 LA 5,1
        0x82, 0x00, 0x01, 0xF0,  // 200C LPSW X'1F0'
        0x41, 0x50, 0x00, 0x02,  // 2010 LA 5,2
        0x82, 0x00, 0x01, 0xF0,  // 2014 LPSW X'1F0'
    };
    std::copy(c.begin(), c.end(), b.begin());
    a.storage.map_shared(kShared, Storage::make_shared_frame(b.data()));
  }
  a.run(kBase);
  CHECK(a.ended());
  CHECK(a.cpu.gpr[5] == 2);
  CHECK(a.storage.shared_frames() == 0);
}

TEST_CASE("shared frames: MVC that propagates a byte through a shared frame") {
  // MVC X'101'(16,12),X'100'(12) moves byte by byte, each from the one it
  // has just stored: its source, fetched before the store that copies the
  // frame, must not be the shared frame's.
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a;
  a.storage.map_shared(kShared, f);
  a.put(0x200, code({{0x95, 0x00, 0xC1, 0x00},                 // CLI X'100'(12),0: read first
                     {0xD2, 0x0F, 0xC1, 0x01, 0xC1, 0x00}}));  // MVC X'101'(16,12),X'100'(12)
  a.run(0x200);
  CHECK(a.ended());
  CHECK(a.get(kBase + 0x100, 17) == std::vector<u8>(17, bytes[0x100]));
  CHECK(a.get(kBase + 0x111, 1)[0] == bytes[0x111]);
}

TEST_CASE("shared frames: a store across two shared frames copies both") {
  std::vector<u8> b2 = pattern(), b3(Storage::kFrameSize, 0x33);
  const SharedFrame f2 = Storage::make_shared_frame(b2.data());
  const SharedFrame f3 = Storage::make_shared_frame(b3.data());
  Vm a;
  a.storage.map_shared(2, f2);
  a.storage.map_shared(3, f3);
  a.put(0x400, std::vector<u8>(16, 0xAB));
  a.cpu.gpr[11] = 0x400;
  // MVC X'FF8'(16,12),0(11): 8 bytes at the end of frame 2, 8 at the start of 3.
  a.put(0x200, code({{0xD2, 0x0F, 0xCF, 0xF8, 0xB0, 0x00}}));
  const RunResult r = a.run(0x200);
  CHECK(a.ended());
  CHECK(r.executed == 2);
  CHECK(a.get(0x2FF0, 32) == [] {
    std::vector<u8> e(32, 0xAB);
    const std::vector<u8> p = pattern();
    std::copy(p.begin() + 0xFF0, p.begin() + 0xFF8, e.begin());
    std::fill(e.begin() + 24, e.end(), 0x33);
    return e;
  }());
  CHECK(a.storage.shared_frames() == 0);
  CHECK(std::vector<u8>(f2.get(), f2.get() + Storage::kFrameSize) == b2);
  CHECK(f3.get()[0] == 0x33);
}

TEST_CASE("shared frames: EXECUTE of a store that copies") {
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a;
  a.storage.map_shared(kShared, f);
  a.put(0x300, {0x92, 0xAA, 0xC1, 0x00});          // the target: MVI X'100'(12),X'AA'
  a.put(0x200, code({{0x44, 0x00, 0x03, 0x00}}));  // EX 0,X'300'
  const RunResult r = a.run(0x200);
  CHECK(a.ended());
  CHECK(r.executed == 2);
  CHECK(a.get(kBase + 0x100, 2) == std::vector<u8>{0xAA, bytes[0x101]});
}

TEST_CASE("shared frames: a store by the host in DIAGNOSE completes once") {
  // A store the host makes with the Cpu's accessors during an instruction
  // (CP performing one) copies the frame but does not restart the
  // instruction: the host's work is not done twice.
  const std::vector<u8> bytes = pattern();
  Vm a;
  a.storage.map_shared(kShared, Storage::make_shared_frame(bytes.data()));
  a.host.diag = [](Cpu& c) { c.write32(VirtAddr(kBase + 0x100), 0xDEADBEEF); };
  a.put(0x200, code({{0x58, 0x30, 0xC1, 0x00},     // L 3,X'100'(,12)
                     {0x83, 0x00, 0x00, 0x00},     // DIAGNOSE
                     {0x58, 0x40, 0xC1, 0x00}}));  // L 4,X'100'(,12)
  const RunResult r = a.run(0x200);
  CHECK(a.ended());
  CHECK(r.executed == 4);
  CHECK(a.host.diag_calls == 1);
  CHECK(a.cpu.gpr[3] == word_at(bytes, 0x100));
  CHECK(a.cpu.gpr[4] == 0xDEADBEEF);
  CHECK(!a.storage.is_shared(kShared));
}

TEST_CASE("shared frames: DIAGNOSE that releases a shared frame leaves zeros") {
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a;
  a.storage.map_shared(kShared, f);
  a.host.diag = [&](Cpu&) { a.storage.release(kShared); };  // as CP's DIAGNOSE X'10'
  a.put(0x200, code({{0x58, 0x30, 0xC1, 0x00},              // L 3,X'100'(,12)
                     {0x83, 0x00, 0x00, 0x10},              // DIAGNOSE
                     {0x58, 0x40, 0xC1, 0x00}}));           // L 4,X'100'(,12)
  const u32 before = a.storage.private_frames();
  a.run(0x200);
  CHECK(a.ended());
  CHECK(a.cpu.gpr[3] == word_at(bytes, 0x100));
  CHECK(a.cpu.gpr[4] == 0);
  CHECK(!a.storage.is_shared(kShared));
  CHECK(a.storage.shared_frames() == 0);
  CHECK(std::vector<u8>(f.get(), f.get() + Storage::kFrameSize) == bytes);
  // (The Cpu's read of the released frame allocated it, zeros, as any
  // read of an untouched frame by the Cpu does.)
  CHECK(a.storage.private_frames() == before + 1);
  CHECK(a.get(kBase, Storage::kFrameSize) == std::vector<u8>(Storage::kFrameSize, 0));
  // Release with nothing read after it: nothing allocated.
  Storage s(kSize);
  s.map_shared(4, f);
  CHECK(s.shared_frames() == 1);
  s.release(4);
  CHECK(s.shared_frames() == 0);
  CHECK(s.private_frames() == 0);
  CHECK(s.frame_if_present(4) == nullptr);
}

TEST_CASE("shared frames: Storage::write copies, and the Cpu's TLB follows it between runs") {
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a, b;
  a.storage.map_shared(kShared, f);
  b.storage.map_shared(kShared, f);
  a.put(0x200, code({{0x58, 0x30, 0xC1, 0x00}, {0x58, 0x40, 0xC1, 0x00}}));  // L 3; L 4
  a.cpu.load_psw(Psw::from_u64(0x200));
  a.cpu.run(1);  // L 3: the read TLB holds the shared frame
  CHECK(a.cpu.gpr[3] == word_at(bytes, 0x100));
  // CP writes between runs (STORE, a DIAGNOSE's answer): copied.
  const std::vector<u8> w = {0x12, 0x34, 0x56, 0x78};
  a.put(kBase + 0x100, w);
  CHECK(!a.storage.is_shared(kShared));
  CHECK(b.storage.is_shared(kShared));
  CHECK(b.get32(kBase + 0x100) == word_at(bytes, 0x100));
  a.cpu.run(100);
  CHECK(a.ended());
  CHECK(a.cpu.gpr[4] == 0x12345678);
  // The Cpu's accessors outside a run see a write at once too.
  b.cpu.load_psw(Psw::from_u64(0));
  CHECK(b.cpu.read32(VirtAddr(kBase + 0x200)) == word_at(bytes, 0x200));
  b.put(kBase + 0x200, w);
  CHECK(b.cpu.read32(VirtAddr(kBase + 0x200)) == 0x12345678);
  CHECK(std::vector<u8>(f.get(), f.get() + Storage::kFrameSize) == bytes);
}

TEST_CASE("shared frames: mapping over a frame the Cpu has stored into") {
  // The write TLB holds the private frame; map_shared replaces it, and the
  // next store must copy the shared frame, not write into it.
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Vm a;
  a.put(0x200, code({{0x50, 0x20, 0xC1, 0x00}, {0x50, 0x20, 0xC1, 0x00}}));  // ST 2; ST 2
  a.cpu.gpr[2] = 0x01020304;
  a.cpu.load_psw(Psw::from_u64(0x200));
  a.cpu.run(1);
  CHECK(a.get32(kBase + 0x100) == 0x01020304);
  const u32 before = a.storage.private_frames();
  a.storage.map_shared(kShared, f);
  CHECK(a.storage.private_frames() == before - 1);
  CHECK(a.get32(kBase + 0x100) == word_at(bytes, 0x100));
  a.cpu.gpr[2] = 0x0A0B0C0D;
  a.cpu.run(100);
  CHECK(a.ended());
  CHECK(a.get32(kBase + 0x100) == 0x0A0B0C0D);
  CHECK(!a.storage.is_shared(kShared));
  CHECK(std::vector<u8>(f.get(), f.get() + Storage::kFrameSize) == bytes);
  // A null frame releases.
  a.storage.map_shared(kShared, nullptr);
  CHECK(a.storage.frame_if_present(kShared) == nullptr);
}

TEST_CASE("shared frames: an interruption's store into a shared PSA copies it") {
  // Low core itself shared (a saved system's page 0): the program
  // interruption stores its old PSW there, which copies the frame; the
  // new PSW comes from it.
  Vm proto;
  const SharedFrame f = Storage::make_shared_frame(proto.storage.frame_for_read(AbsAddr(0)));
  Vm a;
  a.storage.map_shared(0, f);
  a.put(0x1200, {0x00, 0x00});  // an invalid opcode at X'1200' (frame 1)
  a.run(0x1200);
  CHECK(a.cpu.psw.ia == 0xEE68);
  CHECK(!a.storage.is_shared(0));
  CHECK((a.get32(0x2C) & 0xFFFFFF) == 0x1202);
  CHECK(load_be32(f.get() + 0x2C) == 0);
}

TEST_CASE("shared frames: counts") {
  const std::vector<u8> bytes = pattern();
  const SharedFrame f = Storage::make_shared_frame(bytes.data());
  Storage s(kSize);
  for (u32 n = 4; n < 8; n++) s.map_shared(n, f);
  CHECK(f.use_count() == 5);
  CHECK(s.shared_frames() == 4);
  CHECK(s.private_frames() == 0);
  u8 x = 0;
  REQUIRE(s.write(AbsAddr(0x5000), &x, 1));  // copies frame 5
  REQUIRE(s.write(AbsAddr(0x9000), &x, 1));  // allocates frame 9
  CHECK(s.shared_frames() == 3);
  CHECK(s.private_frames() == 2);
  CHECK(s.is_shared(4));
  CHECK(!s.is_shared(5));
  CHECK(!s.is_shared(9));
  s.map_shared(9, f);  // over a private frame
  CHECK(s.shared_frames() == 4);
  CHECK(s.private_frames() == 1);
  s.map_shared(4, f);  // over a shared one
  CHECK(s.shared_frames() == 4);
  s.release(6);
  s.release(10);  // untouched: nothing
  CHECK(s.shared_frames() == 3);
  CHECK(s.private_frames() == 1);
  CHECK_THROWS_AS(s.map_shared(kSize >> Storage::kFrameShift, f), std::out_of_range);
}

TEST_CASE("storage: grow keeps what is there, adds zeros with key 0, tells its watchers") {
  struct Counting final : s370::Storage::Watcher {
    int moved = 0;
    void frames_moved() override { moved++; }
  } w;
  s370::Storage st(8192);
  st.watch(&w);
  const u8 data[4] = {1, 2, 3, 4};
  REQUIRE(st.write(s370::AbsAddr(0x1FFC), data, 4));
  st.key(s370::AbsAddr(0x1000)) = 0x30;
  const u8* before = st.frame_for_read(s370::AbsAddr(0x1000));
  st.grow(0x5000);
  CHECK(st.size() == 0x5000);
  CHECK(w.moved == 1);
  CHECK(st.frame_for_read(s370::AbsAddr(0x1000)) == before);  // a frame's memory does not move
  u8 back[4] = {};
  REQUIRE(st.read(s370::AbsAddr(0x1FFC), back, 4));
  CHECK(std::memcmp(back, data, 4) == 0);
  CHECK(st.key(s370::AbsAddr(0x1000)) == 0x30);
  CHECK(st.valid(s370::AbsAddr(0x4FFF)));
  CHECK_FALSE(st.valid(s370::AbsAddr(0x5000)));
  REQUIRE(st.read(s370::AbsAddr(0x4000), back, 4));
  CHECK(back[0] == 0);
  CHECK(st.key(s370::AbsAddr(0x4800)) == 0);
  st.grow(0x1000);  // never shrinks
  CHECK(st.size() == 0x5000);
  CHECK(w.moved == 1);
  CHECK_THROWS(st.grow(0x5800));              // not a multiple of 4K
  CHECK_THROWS(st.grow((16u << 20) + 4096));  // beyond 16M
  st.unwatch(&w);
}
