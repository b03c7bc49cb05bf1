// CKD DASD in Hercules' image format: images that are refused, records
// written and read back through channel programs, the write reaching the
// file before the interruption, READ IPL and IPL from a disk. (The command
// set is compared with Hercules 3.13 byte for byte, image file included, in
// tests/machine/diff/d_dasd.s.)
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "machine_fixture.h"
#include "s370/channel/config.h"
#include "s370/channel/dasd.h"

namespace s370::test {

namespace {

std::string temp_path(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("machine_tests." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return (dir / name).string();
}

std::string read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void patch(const std::string& path, long at, const std::string& bytes) {
  std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
  f.seekp(at);
  f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

const CkdGeometry& g3350() {
  return *ckd_geometry("3350");
}

// A fresh 3350 image of two cylinders.
std::string small_image(const std::string& name) {
  const std::string p = temp_path(name);
  CkdImage::create(p, g3350(), 2);
  return p;
}

std::string open_error(const std::string& path, const char* type = "3350") {
  try {
    CkdImage::open(path, *ckd_geometry(type));
  } catch (const DeviceError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("CKD images: the geometry of Hercules' table; a created image opens") {
  CHECK(g3350().track_size == 19456);
  CHECK(ckd_geometry("3330")->track_size == 13312);
  CHECK(ckd_geometry("3380") == nullptr);
  const std::string p = small_image("ok.ckd");
  auto img = CkdImage::open(p, g3350());
  CHECK(img->cylinders() == 2);
  CHECK(img->heads() == 30);
  // The device header as Hercules writes it.
  const std::string f = read_file(p);
  CHECK(f.substr(0, 8) == "CKD_P370");
  CHECK(f.size() == 512 + 2 * 30 * 19456ul);
  CHECK(f.substr(8, 12) == std::string("\x1E\x00\x00\x00\x00\x4C\x00\x00\x50\x00\x00\x00", 12));
}

TEST_CASE("CKD images: a corrupt image refuses to attach, with a message naming the file") {
  const std::string p = small_image("bad.ckd");
  SUBCASE("not an image") {
    patch(p, 0, "GARBAGE!");
    CHECK(open_error(p) == "disk image " + p + ": not a CKD image (no CKD_P370 device header)");
  }
  SUBCASE("compressed") {
    patch(p, 0, "CKD_C370");
    CHECK(open_error(p).find("compressed (CCKD) image") != std::string::npos);
  }
  SUBCASE("another device type") {
    CHECK(open_error(p, "3330").find("device type X'50' in the header, not a 3330") != std::string::npos);
  }
  SUBCASE("truncated") {
    CHECK(::truncate(p.c_str(), 512 + 19456 * 45) == 0);
    CHECK(open_error(p).find("not a whole number of cylinders") != std::string::npos);
    CHECK(::truncate(p.c_str(), 512 + 19456 * 30 + 100) == 0);
    CHECK(open_error(p).find("is not the header plus whole tracks") != std::string::npos);
  }
  SUBCASE("a bad home address") {
    patch(p, 512 + 19456 * 31 + 3, std::string("\x00\x07", 2));
    CHECK(open_error(p) == "disk image " + p + ": track 31 (cylinder 1 head 1) has a bad home address");
  }
  SUBCASE("no file") {
    CHECK(open_error(temp_path("none.ckd")).find("cannot open disk image") == 0);
  }
  SUBCASE("through the configuration") {
    patch(p, 0, "GARBAGE!");
    const MachineConfig mc = parse_config(
        R"({"devices": [{"address": "190", "type": "3350", "file": ")" + p + R"("}]})", "m.json");
    CHECK_THROWS_WITH_AS(
        make_device(mc, mc.devices[0], Operator{}),
        ("m.json: device 190 (3350): disk image " + p + ": not a CKD image (no CKD_P370 device header)")
            .c_str(),
        ConfigError);
  }
}

namespace {

// Programs for a disk at X'190': CCWs at X'1000', data at X'2000'.
struct DiskFixture : MachineFixture {
  std::string path = small_image("disk" + std::to_string(reinterpret_cast<uintptr_t>(this)) + ".ckd");
  CkdDasd& disk;
  DiskFixture()
      : disk(static_cast<CkdDasd&>(
            m.attach(std::make_unique<CkdDasd>(0x190, CkdImage::open(path, g3350()))))) {}
  u32 at = 0x1000;
  void c(u8 cmd, u32 data, u8 flags, u16 count) {
    ccw(at, cmd, data, flags, count);
    at += 8;
  }
};

}  // namespace

TEST_CASE_FIXTURE(DiskFixture, "WRITE CKD after SEARCH ID R0, then SEARCH ID with a TIC loop and READ DATA") {
  put(0x2000, {0, 0, 0, 0, 0, 5});         // seek cylinder 0 head 5
  put(0x2010, {0, 0, 0, 5, 0});            // R0's ID
  put(0x2020, {0, 0, 0, 5, 1, 2, 0, 10});  // R1: key of 2, 10 bytes of data
  put(0x2028, {0xAA, 0xBB, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  put(0x2040, {0, 0, 0, 5, 1});            // R1's ID
  c(0x07, 0x2000, ccw::kChainCommand, 6);  // X'1000' seek
  c(0x31, 0x2010, ccw::kChainCommand, 5);  // X'1008' search ID equal R0
  c(0x08, 0x1008, 0, 0);                   // X'1010' TIC
  c(0x1D, 0x2020, 0, 20);                  // X'1018' write CKD
  c(0x07, 0x2000, ccw::kChainCommand, 6);  // X'1020' seek
  c(0x31, 0x2040, ccw::kChainCommand, 5);  // X'1028' search ID equal R1
  c(0x08, 0x1028, 0, 0);                   // X'1030' TIC
  c(0x0E, 0x3000, 0, 12);                  // X'1038' read key and data
  sio_and_wait(0x190, 0x1000, 0x800);
  mvc(0x820, 0x40, 8);
  sio_and_wait(0x190, 0x1020, 0x801);
  mvc(0x828, 0x40, 8);
  done();
  run();
  REQUIRE(ended());
  CHECK(get64(0x820) == 0x000010200C000000ull);
  CHECK(get64(0x828) == 0x000010400C000000ull);
  CHECK(get(0x3000, 12) == std::vector<u8>{0xAA, 0xBB, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  // The record in the file: cylinder 0 head 5, after the home address and
  // R0, then the end of the track.
  const std::string f = read_file(path);
  const size_t t = 512 + 5 * 19456;
  CHECK(f.substr(t + 21, 20) ==
        std::string("\x00\x00\x00\x05\x01\x02\x00\x0A\xAA\xBB\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0A", 20));
  CHECK(f.substr(t + 41, 8) == std::string(8, '\xFF'));
}

TEST_CASE_FIXTURE(DiskFixture, "a write is in the file before the operation ends") {
  put(0x2000, {0, 0, 0, 1, 0, 0});              // cylinder 1 head 0
  put(0x2010, {0, 1, 0, 0, 0});                 // R0 of cylinder 1 head 0
  put(0x2020, {0, 1, 0, 0, 1, 0, 0x10, 0x00});  // R1, 4096 bytes of data
  std::vector<u8> data(4096, 0x5A);
  put(0x2028, data);
  c(0x07, 0x2000, ccw::kChainCommand, 6);
  c(0x31, 0x2010, ccw::kChainCommand, 5);
  c(0x08, 0x1008, 0, 0);
  c(0x1D, 0x2020, 0, 8 + 4096);
  set_caw(0, 0x1000);
  sio(0x190);
  // Disabled, counting: machine time goes on one microsecond per
  // instruction while the channel program runs.
  emit({0x41, 0x20, 0x0F, 0xFF});  // LA 2,4095
  const u32 spin = here();
  emit({0x46, 0x20, static_cast<u8>(spin >> 8), static_cast<u8>(spin)});  // BCT 2,spin
  wait_io();
  done();
  put(kOrigin, code);
  m.cpu().load_psw(Psw::from_u64(kOrigin));
  // Step until the WRITE CKD has moved its data: the record is in the file
  // while the operation has not ended yet.
  int steps = 0;
  const size_t where = 512 + (30 + 0) * 19456 + 21 + 8;
  while (read_file(path).substr(where, 4) != std::string(4, '\x5A') && steps++ < 10000) m.run(1);
  CHECK(steps < 10000);
  CHECK(m.channels().working(0x190));
  m.run(100000);
  CHECK(ended());
  CHECK(((csw() >> 16) & 0xFFFF) == 0x0C00);
}

TEST_CASE_FIXTURE(DiskFixture, "no record found: a search that passes the index point twice") {
  put(0x2000, {0, 0, 0, 0, 0, 2});
  put(0x2010, {0, 0, 0, 2, 7});
  c(0x07, 0x2000, ccw::kChainCommand, 6);
  c(0x31, 0x2010, ccw::kChainCommand, 5);
  c(0x08, 0x1008, 0, 0);
  c(0x06, 0x3000, 0, 8);
  c(0x04, 0x3100, ccw::kSuppressLength, 24);  // X'1020': sense
  sio_and_wait(0x190, 0x1000, 0x800);
  mvc(0x820, 0x40, 8);
  sio_and_wait(0x190, 0x1020, 0x801);
  done();
  run();
  REQUIRE(ended());
  CHECK(((get64(0x820) >> 16) & 0xFFFF) == 0x0E40);  // unit check; IL: the search count not used
  // Sense: byte 1 no record found, byte 4 drive 0, bytes 5-6 cylinder 0
  // head 2 (as Hercules).
  CHECK(get(0x3100, 8) == std::vector<u8>{0x00, 0x08, 0x00, 0x00, 0x80, 0x00, 0x02, 0x00});
}

TEST_CASE("IPL from a disk: READ IPL reads R1 of track 0, the chain reads on") {
  Machine m(1u << 20);
  const std::string p = small_image("ipl.ckd");
  {
    // Track 0: R1 (IPL1): PSW X'000200000000C0DE' and a READ DATA of the
    // next record into X'800'; R2: 16 bytes of X'77'.
    auto img = CkdImage::open(p, g3350());
    u8 t[19456];
    REQUIRE(img->read_track(0, t));
    const u8 r1[8 + 24] = {0,    0,    0,    0,    1,    0,    0,    24,   0x00, 0x02, 0x00, 0x00,
                           0x00, 0x00, 0xC0, 0xDE, 0x06, 0x00, 0x08, 0x00, 0x20, 0x00, 0x00, 0x10};
    u8 r2[8 + 16] = {0, 0, 0, 0, 2, 0, 0, 16};
    std::fill(r2 + 8, r2 + 24, 0x77);
    u32 off = 21;
    img->write(0, off, r1, sizeof r1);
    off += sizeof r1;
    img->write(0, off, r2, sizeof r2);
    off += sizeof r2;
    const u8 eot[8] = {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF};
    img->write(0, off, eot, 8);
  }
  m.attach(std::make_unique<CkdDasd>(0x190, CkdImage::open(p, g3350())));
  CHECK(m.ipl(0x190) == "");
  u8 b[16];
  m.storage().read(AbsAddr(0x800), b, 16);
  CHECK(std::vector<u8>(b, b + 16) == std::vector<u8>(16, 0x77));
  CHECK(m.run(100) == Machine::Status::Wait);
  CHECK(m.cpu().psw.to_u64() == 0x000200000000C0DEull);
}


// ---- Minidisks: an extent of a volume's cylinders ---------------------------------

namespace {

// A 3350 volume of 2 cylinders; the minidisk is its cylinder 1, seen as 0.
struct MinidiskFixture : MachineFixture {
  std::string path = small_image("mdisk" + std::to_string(reinterpret_cast<uintptr_t>(this)) + ".ckd");
  void attach(bool read_only) {
    m.attach(std::make_unique<CkdDasd>(0x191, CkdImage::open_extent(path, g3350(), 1, 1, read_only)));
  }
  u32 at = 0x1000;
  void c(u8 cmd, u32 data, u8 flags, u16 count) {
    ccw(at, cmd, data, flags, count);
    at += 8;
  }
  // SEEK cylinder `cyl` head 5, SEARCH ID R0, TIC, WRITE CKD of R1 (a
  // key of 2, 10 bytes of data).
  void write_r1(u16 cyl) {
    put(0x2000, {0, 0, static_cast<u8>(cyl >> 8), static_cast<u8>(cyl), 0, 5});
    put(0x2010, {static_cast<u8>(cyl >> 8), static_cast<u8>(cyl), 0, 5, 0});
    put(0x2020, {static_cast<u8>(cyl >> 8), static_cast<u8>(cyl), 0, 5, 1, 2, 0, 10});
    put(0x2028, {0xAA, 0xBB, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    c(0x07, 0x2000, ccw::kChainCommand, 6);
    c(0x31, 0x2010, ccw::kChainCommand, 5);
    c(0x08, at - 8, 0, 0);
    c(0x1D, 0x2020, 0, 20);
  }
};

}  // namespace

TEST_CASE_FIXTURE(MinidiskFixture, "a minidisk: its cylinder 0 is the volume's first cylinder of the extent") {
  attach(false);
  write_r1(0);
  sio_and_wait(0x191, 0x1000, 0x800);
  mvc(0x820, 0x40, 8);
  done();
  run();
  REQUIRE(ended());
  CHECK(get64(0x820) == 0x000010200C000000ull);  // channel end, device end
  // In the file: real cylinder 1 head 5, after its home address (real
  // cylinder 1) and R0, the record as the guest wrote it (cylinder 0).
  const std::string f = read_file(path);
  const size_t t = 512 + (1 * 30 + 5) * 19456;
  CHECK(f.substr(t, 5) == std::string("\x00\x00\x01\x00\x05", 5));
  CHECK(f.substr(t + 21, 8) == std::string("\x00\x00\x00\x05\x01\x02\x00\x0A", 8));
  // The volume's cylinder 0 is untouched.
  CHECK(f.substr(512 + 5 * 19456 + 21, 8) == std::string(8, '\xFF'));
}

TEST_CASE_FIXTURE(MinidiskFixture, "a minidisk: a seek beyond its extent is a command reject") {
  attach(false);
  put(0x2000, {0, 0, 0, 1, 0, 0});  // cylinder 1: the volume has it, the minidisk does not
  c(0x07, 0x2000, 0, 6);
  c(0x04, 0x2100, 0, 24);  // SENSE
  sio_and_wait(0x191, 0x1000, 0x800);
  mvc(0x820, 0x40, 8);
  sio_and_wait(0x191, 0x1008, 0x801);
  done();
  run();
  REQUIRE(ended());
  CHECK(((get64(0x820) >> 24) & 0xFF) == 0x0E);  // unit check with channel end and device end
  CHECK(get(0x2100, 1)[0] == 0x80);             // command reject
}

TEST_CASE_FIXTURE(MinidiskFixture, "a read-only minidisk refuses a write with unit check, command reject") {
  attach(true);
  write_r1(0);
  c(0x04, 0x2100, 0, 24);  // SENSE, at X'1020'
  sio_and_wait(0x191, 0x1000, 0x800);
  mvc(0x820, 0x40, 8);
  sio_and_wait(0x191, 0x1020, 0x801);
  done();
  const std::string before = read_file(path);
  run();
  REQUIRE(ended());
  CHECK(((get64(0x820) >> 24) & 0xFF) == 0x0E);
  CHECK(get(0x2100, 1)[0] == 0x80);
  CHECK(read_file(path) == before);  // nothing written
}

}  // namespace s370::test
