// The CMS minidisk library (cmsfs.h, docs/CMS-DISK.md): FORMAT and the
// MFD it writes, files written and read back (F and V, every kind of
// LRECL, the limits of the format), a full disk left as it was, many files
// over many FST blocks, erase and rename, corrupt disks that must give
// DiskError and never a crash, the blocks found by the channel program
// CMS's DIAGNOSE X'18' runs, and the system disk's nucleus IPLed from a
// minidisk.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>

#include "cms/host/cmsfs.h"
#include "s370/channel/dasd.h"
#include "s370/channel/device.h"
#include "s370/channel/ebcdic.h"
#include "s370/channel/machine.h"

namespace {

using cms::CmsDisk;
using cms::DiskError;
using cms::File;
using cms::u16;
using cms::u32;
using cms::u8;
using s370::u64;
using s370::io::CkdImage;

namespace fs = std::filesystem;

std::string temp_path(const std::string& name) {
  const auto dir = fs::temp_directory_path() / ("cmsfs_tests." + std::to_string(::getpid()));
  fs::create_directories(dir);
  return (dir / name).string();
}

struct TempDirCleaner {
  ~TempDirCleaner() {
    std::error_code ec;
    fs::remove_all(fs::temp_directory_path() / ("cmsfs_tests." + std::to_string(::getpid())), ec);
  }
} cleaner;

const s370::io::CkdGeometry& geo(const char* type) {
  return *s370::io::ckd_geometry(type);
}

std::string fresh_image(const std::string& name, const char* type, u32 cylinders) {
  const std::string p = temp_path(name);
  CkdImage::create(p, geo(type), cylinders);
  return p;
}

std::string slurp(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void spit(const std::string& p, const std::string& data) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(data.data(), static_cast<std::streamsize>(data.size()));
}

// A formatted minidisk of `count` cylinders from cylinder `first`.
std::unique_ptr<CmsDisk> formatted(const std::string& path, const char* type, u32 first, u32 count,
                                   const std::string& label = "TEST01") {
  {
    auto img = CkdImage::open_extent(path, geo(type), first, count, false);
    CmsDisk::format(*img, label);
  }
  auto d = CmsDisk::open(CkdImage::open_extent(path, geo(type), first, count, false));
  REQUIRE(d->formatted());
  return d;
}

std::unique_ptr<CmsDisk> reopen(const std::string& path, const char* type, u32 first, u32 count) {
  return CmsDisk::open(CkdImage::open_extent(path, geo(type), first, count, false));
}

std::vector<u8> pattern(size_t n, u32 seed) {
  std::vector<u8> v(n);
  for (size_t i = 0; i < n; i++) v[i] = static_cast<u8>((i * 131 + seed * 7 + (i >> 8)) & 0xFF);
  return v;
}

File f_file(const std::string& fn, const std::string& ft, u32 lrecl, u32 records, u32 seed = 1) {
  File f;
  f.fn = fn, f.ft = ft, f.recfm = 'F', f.lrecl = lrecl;
  f.written = cms::Stamp{1979, 3, 1, 12, 34};
  for (u32 r = 0; r < records; r++) f.records.push_back(pattern(lrecl, seed + r));
  return f;
}

File v_file(const std::string& fn, const std::string& ft, const std::vector<size_t>& lengths, u32 seed = 1) {
  File f;
  f.fn = fn, f.ft = ft, f.recfm = 'V';
  f.written = cms::Stamp{1979, 3, 1, 12, 34};
  for (size_t i = 0; i < lengths.size(); i++)
    f.records.push_back(pattern(lengths[i], seed + static_cast<u32>(i)));
  return f;
}

void same_file(const File& got, const File& want) {
  CHECK(got.fn == want.fn);
  CHECK(got.ft == want.ft);
  CHECK(got.recfm == want.recfm);
  CHECK(got.records.size() == want.records.size());
  CHECK(got.records == want.records);
  if (want.written) CHECK(got.written == want.written);
}

// The image offset of the data of block b of a minidisk from cylinder
// `first` (3350: 30 heads, 19 blocks a track, 19,456-byte slots).
size_t block_offset(u32 first, u32 b) {
  const u32 t = first * 30 + (b - 1) / 19, r = (b - 1) % 19;
  return 512 + size_t{t} * 19456 + 5 + 16 + r * 808 + 8;
}
u32 be16(const std::string& img, size_t at) {
  return static_cast<u8>(img[at]) << 8 | static_cast<u8>(img[at + 1]);
}
void put16(std::string& img, size_t at, u32 v) {
  img[at] = static_cast<char>(v >> 8);
  img[at + 1] = static_cast<char>(v);
}

}  // namespace

TEST_CASE("FORMAT: label, MFD, QMSK and QUERY DISK figures; 3330 and 3350") {
  const std::string p = fresh_image("fmt.3350", "3350", 5);
  auto d = formatted(p, "3350", 1, 4, "sys190");
  const auto st = d->stats();
  CHECK(st.label == "SYS190");
  CHECK(st.device == "3350");
  CHECK(st.cylinders == 4);
  CHECK(st.blocks == 4 * 30 * 19);
  CHECK(st.used == 5);  // IPL records, label, MFD, one empty FST block
  CHECK(st.left == st.blocks - 5);
  CHECK(st.files == 0);
  CHECK(d->list().empty());
  // The bytes as R6 CMS lays them out (docs/CMS-DISK.md sections 2, 3).
  const std::string img = slurp(p);
  const size_t lab = block_offset(1, 3), mfd = block_offset(1, 4);
  CHECK(img.substr(lab, 10) == std::string("\xC3\xD4\xE2\x7E\xE2\xE8\xE2\xF1\xF9\xF0", 10));
  CHECK(img.substr(lab + 10, 790) == std::string(790, '\0'));
  CHECK(be16(img, mfd) == 5);
  CHECK(be16(img, mfd + 2) == 0xFFFF);
  CHECK(be16(img, mfd + 366) == 2280);  // ADTNUM
  CHECK(be16(img, mfd + 370) == 5);     // ADTUSED
  CHECK(be16(img, mfd + 382) == 4);     // ADTCYL
  CHECK(static_cast<u8>(img[mfd + 384]) == 0xF8);
  CHECK(static_cast<u8>(img[mfd + 599]) == 0x0B);
  // The count fields name the minidisk's own cylinder: the last record of
  // cylinder 3's last track (real cylinder 4).
  const size_t last = 512 + size_t{(4 * 30 + 29)} * 19456 + 5 + 16 + 18 * 808;
  CHECK(img.substr(last, 8) == std::string("\x00\x03\x00\x1D\x13\x00\x03\x20", 8));
  CHECK(img.substr(last + 808, 8) == std::string(8, '\xFF'));
  // Cylinder 0 of the volume is left alone.
  CHECK(img.substr(512 + 21, 8) == std::string(8, '\xFF'));

  const std::string q = fresh_image("fmt.3330", "3330", 3);
  auto d3 = formatted(q, "3330", 0, 3);
  CHECK(d3->stats().blocks == 3 * 19 * 14);
  CHECK(d3->stats().device == "3330");
  d3->write(f_file("A", "B", 80, 100));
  CHECK(reopen(q, "3330", 0, 3)->read("a", "b")->records == f_file("A", "B", 80, 100).records);

  // An unformatted disk opens and says so; everything else is refused.
  const std::string u = fresh_image("unformatted.3350", "3350", 1);
  auto ud = CmsDisk::open(CkdImage::open(u, geo("3350")));
  CHECK(!ud->formatted());
  CHECK_THROWS_AS(ud->list(), DiskError);
  CHECK_THROWS_AS(ud->write(f_file("A", "B", 80, 1)), DiskError);
  // Bad labels and sizes.
  auto img2 = CkdImage::open(u, geo("3350"));
  CHECK_THROWS_AS(CmsDisk::format(*img2, "TOOLONG7"), cms::Error);
  CHECK_THROWS_AS(CmsDisk::format(*img2, "A B"), cms::Error);
  CHECK_THROWS_AS(CmsDisk::format(*img2, "OK", 2), cms::Error);
  // A 115-cylinder 3350 area has 65,550 blocks: CMS counts 65,531.
  const std::string big = temp_path("big.3350");
  CkdImage::create(big, geo("3350"), 115);
  auto bd = formatted(big, "3350", 0, 115);
  CHECK(bd->stats().blocks == 65531);
  fs::remove(big);
}

TEST_CASE("Files written and read back: F and V, LRECLs 1 to 65535, dates, modes, text") {
  const std::string p = fresh_image("rt.3350", "3350", 3);
  auto d = formatted(p, "3350", 0, 3);
  std::vector<File> files;
  for (u32 lrecl : {1u, 80u, 800u, 801u, 65535u})
    files.push_back(f_file("F" + std::to_string(lrecl), "DATA", lrecl, 7, lrecl));
  files.push_back(v_file("VMIX", "DATA", {0, 1, 2, 79, 80, 798, 799, 800, 801, 1600, 65535, 3}));
  files.push_back(v_file("VONE", "DATA", {65535}));
  files.push_back(v_file("VEMPTY", "DATA", {0}));
  for (const File& f : files) d->write(f);
  File moded = f_file("MODED", "FILE", 80, 3);
  moded.mode = "s2";
  d->write(moded);
  auto again = reopen(p, "3350", 0, 3);
  for (CmsDisk* disk : {d.get(), again.get()}) {
    for (const File& f : files) {
      const auto got = disk->read(f.fn, f.ft);
      REQUIRE(got);
      same_file(*got, f);
    }
    const auto i = disk->find("vmix", "data");
    REQUIRE(i);
    CHECK(i->recfm == 'V');
    CHECK(i->lrecl == 65535);  // the longest record
    CHECK(i->records == 12);
    CHECK(i->written == cms::Stamp{1979, 3, 1, 12, 34});
    CHECK(disk->find("F801", "DATA")->blocks == (7 * 801 + 799) / 800);
    CHECK(disk->find("moded", "file")->mode == "S2");
    // The letter is ignored on one disk; the number must match.
    CHECK(disk->find("moded", "file", "A"));
    CHECK(disk->find("moded", "file", "A2"));
    CHECK(!disk->find("moded", "file", "A1"));
    CHECK(disk->list("F*", "*").size() == 5);
    CHECK(disk->list("*", "*", "S2").size() == 1);
    CHECK(disk->list("*8*").size() == 3);
  }
  // Replacing keeps the file's place; the old blocks are free afterwards.
  const u32 used = d->stats().used;
  d->write(f_file("F80", "DATA", 80, 7, 99));
  CHECK(d->list()[1].fn == "F80");
  CHECK(d->stats().used == used);
  CHECK(d->read("f80", "data")->records == f_file("F80", "DATA", 80, 7, 99).records);

  // Text: ASCII lines to F 80 and back, trailing blanks dropped.
  const std::string text = "PROFILE EXEC\r\n\tTAB\n  trailing   \n\nlast";
  File t;
  t.fn = "T", t.ft = "TEXT";
  t.records = cms::text_to_records(text, 'F', 80);
  CHECK(t.records.size() == 5);
  CHECK(t.records[0].size() == 80);
  CHECK(t.records[0][0] == 0xD7);  // 'P'
  d->write(t);
  CHECK(cms::records_to_text(*d->read("T", "TEXT")) == "PROFILE EXEC\n        TAB\n  trailing\n\nlast\n");
  const auto v = cms::text_to_records("a\n\nbc\n", 'V', 0);
  REQUIRE(v.size() == 3);
  CHECK(v[1] == std::vector<u8>{0x40});  // an empty line: one blank
  CHECK_THROWS_WITH_AS(cms::text_to_records(std::string(81, 'x'), 'F', 80),
                       "line 1 is 81 characters, longer than LRECL 80", cms::Error);
  CHECK_THROWS_WITH_AS(cms::text_to_records("ok\n" + std::string(11, 'x'), 'V', 10),
                       "line 2 is 11 characters, longer than LRECL 10", cms::Error);

  // Requests the format cannot hold.
  File bad = f_file("BAD", "DATA", 80, 2);
  bad.records[1].pop_back();
  CHECK_THROWS_AS(d->write(bad), cms::Error);
  CHECK_THROWS_AS(d->write(f_file("TOOLONGNAME", "X", 80, 1)), cms::Error);
  CHECK_THROWS_AS(d->write(f_file("A.B", "X", 80, 1)), cms::Error);
  File badmode = f_file("A", "X", 80, 1);
  badmode.mode = "11";
  CHECK_THROWS_AS(d->write(badmode), cms::Error);
  CHECK(!d->find("BAD", "DATA"));
}

TEST_CASE("Empty files are not kept; the record limit 65,533; the 16,060-block file") {
  const std::string p = fresh_image("limits.3350", "3350", 30);
  auto d = formatted(p, "3350", 0, 30);
  // No records: no file (and an existing one goes).
  d->write(f_file("EMPTY", "FILE", 80, 0));
  CHECK(!d->find("EMPTY", "FILE"));
  d->write(f_file("GONE", "FILE", 80, 3));
  d->write(f_file("GONE", "FILE", 80, 0));
  CHECK(!d->find("GONE", "FILE"));
  CHECK(d->stats().used == 5);

  File many = f_file("MANY", "RECS", 1, 65533);
  d->write(many);
  auto got = reopen(p, "3350", 0, 30)->read("MANY", "RECS");
  REQUIRE(got);
  CHECK(got->records.size() == 65533);
  CHECK(got->records == many.records);
  CHECK_THROWS_AS(d->write(f_file("TOOMANY", "RECS", 1, 65534)), cms::Error);

  // 60 + 40 x 400 data blocks: the largest file; one block more is refused.
  File max = f_file("MAX", "FILE", 800, 16060);
  d->write(max);
  const auto i = d->find("MAX", "FILE");
  REQUIRE(i);
  CHECK(i->blocks == 16060);
  CHECK(reopen(p, "3350", 0, 30)->read("MAX", "FILE")->records == max.records);
  CHECK_THROWS_WITH_AS(d->write(f_file("OVER", "FILE", 800, 16061)),
                       doctest::Contains("more than the 16,060 blocks"), cms::Error);
  // MAX: 16,060 blocks, its FCL and 40 chain links; MANY: 82 blocks, FCL
  // and one chain link; one FST block; the 3 QMSK extensions of 17,100
  // blocks; blocks 1-4.
  CHECK(d->stats().used == (16060 + 1 + 40) + (82 + 1 + 1) + 1 + 3 + 4);
}

TEST_CASE("A full disk: DiskError saying so, nothing written, the other files intact") {
  const std::string p = fresh_image("full.3350", "3350", 1);
  auto d = formatted(p, "3350", 0, 1);  // 570 blocks
  d->write(f_file("ONE", "FILE", 800, 300));
  d->write(f_file("TWO", "FILE", 800, 200));
  const auto st = d->stats();
  CHECK(st.used == 5 + (300 + 2) + (200 + 2));  // each with its FCL and a second chain link
  const std::string before = slurp(p);
  CHECK_THROWS_WITH_AS(d->write(f_file("THREE", "FILE", 800, 70)), doctest::Contains("disk full"), DiskError);
  // Replacing needs room for the new copy beside the old one.
  CHECK_THROWS_AS(d->write(f_file("ONE", "FILE", 800, 100)), DiskError);
  CHECK_THROWS_AS(d->write({f_file("X1", "FILE", 800, 30), f_file("X2", "FILE", 800, 30)}), DiskError);
  CHECK(slurp(p) == before);
  CHECK(d->stats().used == st.used);
  auto r = reopen(p, "3350", 0, 1);
  CHECK(r->list().size() == 2);
  CHECK(r->read("ONE", "FILE")->records == f_file("ONE", "FILE", 800, 300).records);
  CHECK(r->read("TWO", "FILE")->records == f_file("TWO", "FILE", 800, 200).records);
  // What fits still goes in, to the last block.
  const u32 left = r->stats().left;
  r->write(f_file("LAST", "FILE", 800, left - 2));  // its FCL, and the new FST block
  CHECK(r->stats().left == 1);                      // the old FST block, free again
  CHECK(reopen(p, "3350", 0, 1)->read("LAST", "FILE")->records.size() == left - 2);
  // A read-only minidisk refuses the change, and is left as it was.
  const std::string now = slurp(p);
  auto ro = CmsDisk::open(CkdImage::open_extent(p, geo("3350"), 0, 1, true));
  CHECK_THROWS_AS(ro->erase("ONE", "FILE"), DiskError);
  CHECK(slurp(p) == now);
}

TEST_CASE("500 files over 25 FST blocks; erase and rename; QMSK extensions come and go") {
  const std::string p = fresh_image("many.3350", "3350", 6);
  auto d = formatted(p, "3350", 0, 6);  // 3,420 blocks: QMSK extensions beyond 1,720
  std::vector<File> files;
  for (u32 i = 0; i < 500; i++) files.push_back(f_file("F" + std::to_string(i), "MANY", 80, 1 + i % 25, i));
  for (u32 i = 0; i < 250; i++) d->write(files[i]);
  d->write(std::vector<File>(files.begin() + 250, files.end()));  // one transaction
  CHECK(d->stats().files == 500);
  const std::string img = slurp(p);
  std::vector<u32> fst_blocks;
  for (size_t o = block_offset(0, 4); be16(img, o) != 0xFFFF && be16(img, o) != 0xFFFD; o += 2)
    fst_blocks.push_back(be16(img, o));
  CHECK(fst_blocks.size() == 25);
  {
    auto r = reopen(p, "3350", 0, 6);
    const auto l = r->list();
    REQUIRE(l.size() == 500);
    for (u32 i = 0; i < 500; i += 7)
      CHECK(r->read("F" + std::to_string(i), "MANY")->records == files[i].records);
    CHECK(l[499].fn == "F499");
  }
  for (u32 i = 0; i < 500; i += 2) CHECK(d->erase("F" + std::to_string(i), "MANY"));
  CHECK(!d->erase("F0", "MANY"));
  CHECK(d->stats().files == 250);
  CHECK(d->rename("F1", "MANY", "*", "RENAMED", "=", "B5"));
  CHECK(!d->rename("NONE", "MANY", "*", "X", "Y", "A1"));
  CHECK_THROWS_AS(d->rename("F3", "MANY", "*", "F5", "MANY", "A1"), cms::Error);
  auto r = reopen(p, "3350", 0, 6);
  CHECK(r->list().size() == 250);
  CHECK(!r->find("F1", "MANY"));
  const auto ren = r->find("RENAMED", "MANY");
  REQUIRE(ren);
  CHECK(ren->mode == "B5");
  CHECK(r->read("RENAMED", "MANY")->records == files[1].records);
  CHECK(r->read("F499", "MANY")->records == files[499].records);

  // Blocks beyond the MFD's 1,720 in use: the extensions 3,420 blocks need
  // (one); when none is, none.
  r->write(f_file("BIG", "FILE", 800, 2500));
  std::string img2 = slurp(p);
  size_t o = block_offset(0, 4);
  while (be16(img2, o) != 0xFFFF && be16(img2, o) != 0xFFFD) o += 2;
  CHECK(be16(img2, o) == 0xFFFD);
  CHECK(be16(img2, o + 2) != 0);
  CHECK(be16(img2, o + 4) == 0);
  auto r2 = reopen(p, "3350", 0, 6);
  CHECK(r2->read("BIG", "FILE")->records.size() == 2500);
  CHECK(r2->stats().used == r->stats().used);
  CHECK(r2->erase("BIG", "FILE"));
  img2 = slurp(p);
  o = block_offset(0, 4);
  while (be16(img2, o) != 0xFFFF && be16(img2, o) != 0xFFFD) o += 2;
  CHECK(be16(img2, o) == 0xFFFF);
  CHECK(reopen(p, "3350", 0, 6)->list().size() == 250);
}

namespace {

// A disk with a few files of every shape, on cylinders 1-2 of a volume.
struct CorruptFixture {
  std::string path = fresh_image("corrupt.3350", "3350", 3);
  std::string good;
  CorruptFixture() {
    auto d = formatted(path, "3350", 1, 2);
    d->write(f_file("SMALL", "FILE", 80, 10));
    d->write(v_file("VAR", "FILE", std::vector<size_t>(100, 333)));
    d->write(f_file("LARGE", "FILE", 800, 500));  // two chain links beyond the first
    for (u32 i = 0; i < 25; i++) d->write(f_file("X" + std::to_string(i), "FILE", 80, 3, i));
    good = slurp(path);
  }
  // The FST of `fn` (8 characters, EBCDIC) in the image.
  size_t fst_of(const std::string& img, const std::string& fn) const {
    const std::vector<u8> name = s370::io::to_ebcdic(fn + std::string(8 - fn.size(), ' '));
    for (size_t o = block_offset(1, 4); be16(img, o) != 0xFFFF && be16(img, o) != 0xFFFD; o += 2)
      for (u32 e = 0; e < 20; e++) {
        const size_t at = block_offset(1, be16(img, o)) + e * 40;
        if (img.compare(at, 8, std::string(name.begin(), name.end())) == 0) return at;
      }
    FAIL("no FST");
    return 0;
  }
  // Everything a user can do, on whatever the image now is: each step may
  // fail with cms::Error (or DeviceError when the image will not attach),
  // nothing else.
  int exercise() {
    int errors = 0;
    auto step = [&](auto&& f) {
      try {
        f();
      } catch (const cms::Error&) {
        errors++;
      } catch (const s370::io::DeviceError&) {
        errors++;
      }
    };
    std::unique_ptr<CmsDisk> d;
    step([&] { d = CmsDisk::open(CkdImage::open_extent(path, geo("3350"), 1, 2, false)); });
    if (!d) return errors;
    step([&] { (void)d->stats(); });
    step([&] {
      for (const auto& i : d->list()) (void)d->read(i.fn, i.ft);
    });
    step([&] { d->write(f_file("NEW", "FILE", 80, 70)); });
    step([&] { (void)d->erase("SMALL", "FILE"); });
    step([&] { (void)d->rename("VAR", "FILE", "*", "VAR2", "FILE", "A1"); });
    step([&] { (void)d->read("VAR2", "FILE"); });
    return errors;
  }
  void expect_error(const std::string& img, const char* what) {
    spit(path, img);
    try {
      auto d = CmsDisk::open(CkdImage::open_extent(path, geo("3350"), 1, 2, false));
      for (const auto& i : d->list()) (void)d->read(i.fn, i.ft);
      FAIL("no DiskError");
    } catch (const DiskError& e) {
      const std::string m = e.what();
      CHECK_MESSAGE(m.find(what) != std::string::npos, m);
    }
  }
};

}  // namespace

TEST_CASE_FIXTURE(CorruptFixture, "Corrupt disks: each inconsistency is a DiskError naming it") {
  std::string img = good;
  put16(img, fst_of(img, "SMALL") + 28, 2 * 570 + 1);  // FCLPT beyond the disk
  expect_error(img, "outside the disk");
  img = good;
  put16(img, fst_of(img, "SMALL") + 28, 0);
  expect_error(img, "a zero block number");
  img = good;
  const size_t large = fst_of(img, "LARGE");
  const u32 fcl = be16(img, large + 28);
  const u32 ncl2 = be16(img, block_offset(1, fcl));
  put16(img, block_offset(1, fcl) + 2, ncl2);  // chain link 3 is chain link 2 again
  expect_error(img, "a chain link loop");
  img = good;
  put16(img, block_offset(1, fcl) + 2, fcl);  // chain link 3 is the first one: its zero pointers
  expect_error(img, "a zero block number");
  img = good;
  put16(img, block_offset(1, ncl2) + 10,
        be16(img, block_offset(1, fcl) + 80));  // data block 66 = data block 1
  expect_error(img, "appears twice");
  img = good;
  put16(img, fst_of(img, "SMALL") + 26, 11);  // 11 records of 80 in one block: 880 bytes
  expect_error(img, "cannot fit");
  img = good;
  const size_t var = fst_of(img, "VAR");
  put16(img, block_offset(1, be16(img, block_offset(1, be16(img, var + 28)) + 80)), 0xFFFF);
  expect_error(img, "beyond its");
  img = good;
  img[fst_of(img, "VAR") + 30] = 'X';
  expect_error(img, "neither F nor V");
  img = good;
  for (size_t o = 0; o < 364; o += 2) put16(img, block_offset(1, 4) + o, 6);
  expect_error(img, "no sentinel");
  img = good;
  img[block_offset(1, 4) + 599] = 0x09;
  expect_error(img, "formatted on another device type");
  img = good;
  put16(img, block_offset(1, 4) + 382, 3);
  expect_error(img, "ADTCYL 3");
  img = good;
  img[block_offset(1, 4) + 384] = 0;
  expect_error(img, "is marked free");
  img = good;
  img[block_offset(1, 4) - 8 + 4] = 77;  // the MFD's record is not there
  expect_error(img, "no record 4");
  img = good;
  put16(img, block_offset(1, 5) - 2, 0xF000);  // a data length running past the track
  expect_error(img, "past");
  // A block two files share: found before anything is written.
  img = good;
  put16(img, block_offset(1, be16(img, fst_of(img, "X1") + 28)) + 80,
        be16(img, block_offset(1, be16(img, fst_of(img, "X2") + 28)) + 80));
  spit(path, img);
  auto d = CmsDisk::open(CkdImage::open_extent(path, geo("3350"), 1, 2, false));
  CHECK_THROWS_WITH_AS(d->write(f_file("NEW", "FILE", 80, 1)), doctest::Contains("is used twice"), DiskError);
  CHECK(slurp(path) == img);
  // A truncated image will not attach; one truncated under an open disk
  // fails its reads.
  spit(path, good.substr(0, good.size() - 1000));
  CHECK_THROWS_AS(CkdImage::open_extent(path, geo("3350"), 1, 2, false), s370::io::DeviceError);
  spit(path, good);
  auto t = CmsDisk::open(CkdImage::open_extent(path, geo("3350"), 1, 2, false));
  fs::resize_file(path, 512 + 30 * 19456 + 100);
  CHECK_THROWS_WITH_AS(t->read("LARGE", "FILE"), doctest::Contains("cannot read track"), DiskError);
}

TEST_CASE_FIXTURE(CorruptFixture, "Corrupt disks: 400 seeded random corruptions, never a crash") {
  // Open the disk as a whole once, to know which blocks hold its structure.
  std::vector<u32> meta = {3, 4};
  {
    for (size_t o = block_offset(1, 4); be16(good, o) != 0xFFFF && be16(good, o) != 0xFFFD; o += 2) {
      const u32 fb = be16(good, o);
      meta.push_back(fb);
      for (u32 e = 0; e < 20; e++) {
        const u32 fcl = be16(good, block_offset(1, fb) + e * 40 + 28);
        if (fcl) meta.push_back(fcl);
        if (fcl && be16(good, block_offset(1, fcl))) meta.push_back(be16(good, block_offset(1, fcl)));
      }
    }
  }
  int errors = 0, runs = 0, failed = 0;
  for (u32 seed = 1; seed <= 400; seed++) {
    std::mt19937 rng(seed);
    auto pick = [&](u32 n) { return static_cast<u32>(rng() % n); };
    std::string img = good;
    const u32 n = 1 + pick(4);
    for (u32 k = 0; k < n; k++) {
      switch (pick(5)) {
        case 0:
        case 1: {  // a halfword of a structure block, often a telling value
          const u32 b = meta[pick(static_cast<u32>(meta.size()))];
          const u32 special[] = {0, 1, 4, 5, 0xFFFF, 0xFFFD, 1140, 1141, b, pick(65536)};
          // (the first 200 bytes: the first FST entries, the FCL's pointers)
          put16(img, block_offset(1, b) + 2 * pick(pick(4) ? 100 : 400), special[pick(10)]);
          break;
        }
        case 2: {  // random bytes in a random block
          const u32 b = 1 + pick(2 * 570);
          for (u32 j = pick(8) + 1; j > 0; j--)
            img[block_offset(1, b) + pick(800)] = static_cast<char>(rng());
          break;
        }
        case 3: {  // anywhere in a track slot: counts, R0, the end of track
          const size_t t = 512 + size_t{30 + pick(60)} * 19456;
          img[t + pick(19456)] = static_cast<char>(rng());
          break;
        }
        default: {  // the MFD's counts and QMSK
          img[block_offset(1, 4) + 360 + pick(440)] = static_cast<char>(rng());
          break;
        }
      }
    }
    if (pick(20) == 0) img.resize(img.size() - pick(static_cast<u32>(img.size())));
    spit(path, img);
    const int e = exercise();
    errors += e;
    failed += e > 0;
    runs++;
  }
  CHECK(runs == 400);
  // The corruptions were felt: many runs end in an error (the others hit
  // data, or bytes no one reads).
  CHECK(failed > 60);  // 84 with these seeds
  MESSAGE(failed << " of 400 corrupt disks gave errors, " << errors << " in all");
}

namespace {

// A machine with the minidisk at X'191' (cylinders first..first+count-1 of
// the image) or X'190'.
struct Rig {
  s370::io::Machine m{1u << 20};
  s370::io::CkdDasd* dasd = nullptr;
  Rig(const std::string& path, const char* type, u32 first, u32 count, u16 address = 0x191) {
    auto dev = std::make_unique<s370::io::CkdDasd>(
        address, CkdImage::open_extent(path, geo(type), first, count, true));
    dasd = dev.get();
    m.attach(std::move(dev));
  }
  // Runs a channel program at `ccw` to its end, as CP's DIAGNOSE X'18' does.
  bool run(u16 address, u32 ccw) {
    if (!m.channels().start_direct(address, ccw, 0)) return false;
    for (int i = 0; i < 100000 && m.channels().working(address); i++) {
      const u64 next = m.events().next_time();
      if (next == s370::io::EventQueue::kNever) break;
      m.events().run_due(next);
    }
    s370::io::Csw csw;
    return !m.channels().working(address) && m.channels().take_final(address, csw) &&
           csw.unit == s370::io::unit::kEnd && csw.chan == 0;
  }
};

void put_ccw(s370::io::Machine& m, u32 at, u8 cmd, u32 addr, u8 flags, u16 count) {
  const u8 c[8] = {cmd, static_cast<u8>(addr >> 16), static_cast<u8>(addr >> 8), static_cast<u8>(addr), flags,
                   0,   static_cast<u8>(count >> 8), static_cast<u8>(count)};
  m.storage().write(s370::AbsAddr(at), c, 8);
}

}  // namespace

TEST_CASE(
    "DIAGNOSE X'18's channel program finds block n at its record (SEEK, SEARCH ID EQUAL, TIC, READ 800)") {
  const std::string p = fresh_image("diag18.3350", "3350", 4);
  {
    auto d = formatted(p, "3350", 2, 2);
    d->write(f_file("DATA", "FILE", 800, 100));  // on a fresh disk: its FCL block 6, data blocks 7, 8, ...
  }
  Rig r(p, "3350", 2, 2);
  const File want = f_file("DATA", "FILE", 800, 100);
  // Data block k of the file is block 6 + k: cylinder 0 head 0 R7 and R8,
  // head 1 R1 (block 20), and cylinder... all relative to the minidisk.
  for (u32 k : {1u, 2u, 14u, 60u, 61u, 100u}) {
    const u32 b = 6 + k + (k > 60 ? 1 : 0);  // the second chain link comes before data block 61
    const u32 t = (b - 1) / 19, rec = (b - 1) % 19 + 1;
    const u8 arg[8] = {0, 0, 0, static_cast<u8>(t / 30), 0, static_cast<u8>(t % 30), static_cast<u8>(rec), 0};
    r.m.storage().write(s370::AbsAddr(0x2000), arg, 8);
    put_ccw(r.m, 0x1000, 0x07, 0x2000, 0x40, 6);
    put_ccw(r.m, 0x1008, 0x31, 0x2002, 0x40, 5);
    put_ccw(r.m, 0x1010, 0x08, 0x1008, 0, 0);
    put_ccw(r.m, 0x1018, 0x06, 0x3000, 0, 800);
    REQUIRE(r.run(0x191, 0x1000));
    std::vector<u8> got(800);
    r.m.storage().read(s370::AbsAddr(0x3000), got.data(), 800);
    CHECK_MESSAGE(got == want.records[k - 1], "data block " << k << " at block " << b);
  }
}

namespace {

// A nucleus image: the IPL PSW (BC mode, X'10000'), at X'10000' LPSW of a
// disabled wait PSW with address X'ABCDEF' kept at X'100', the rest a
// pattern.
std::vector<u8> nucleus_image(size_t size) {
  std::vector<u8> img = pattern(size, 5);
  const u8 psw[8] = {0x00, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00};
  std::copy(psw, psw + 8, img.begin());
  const u8 wait[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0xAB, 0xCD, 0xEF};
  std::copy(wait, wait + 8, img.begin() + 0x100);
  if (size > 0x10004) {
    const u8 lpsw[4] = {0x82, 0x00, 0x01, 0x00};
    std::copy(lpsw, lpsw + 4, img.begin() + 0x10000);
  }
  return img;
}

void ipl_and_check(const char* type, u32 volume_cyls, u32 first, u32 count, u32 nucleus_cyls, size_t size) {
  const std::string p = fresh_image(std::string("ipl.") + type, type, volume_cyls);
  const std::vector<u8> nuc = nucleus_image(size);
  std::vector<File> files = {f_file("SYSPROF", "EXEC", 80, 20), f_file("DMSNUC", "TEXT", 80, 300)};
  for (File& f : files) f.mode = "S2";
  {
    auto img = CkdImage::open_extent(p, geo(type), first, count, false);
    cms::install_system_disk(*img, "SYS190", nuc, files, nucleus_cyls);
    CHECK(cms::nucleus_stamp(*img) == cms::nucleus_stamp_of(nuc));
    CHECK(cms::nucleus_stamp_of(nuc) != cms::nucleus_stamp_of(nucleus_image(size - 8)));
  }
  // The files are there, in the CMS area that ends where the nucleus begins.
  auto d = reopen(p, type, first, count);
  CHECK(d->stats().cylinders == count - nucleus_cyls);
  CHECK(d->read("DMSNUC", "TEXT")->records == files[1].records);
  CHECK(d->find("SYSPROF", "EXEC")->mode == "S2");

  Rig r(p, type, first, count, 0x190);
  REQUIRE(r.m.ipl(0x190) == "");
  std::vector<u8> got(size);
  r.m.storage().read(s370::AbsAddr(0), got.data(), got.size());
  // Bytes 2-3 of the PSW now hold the IPL device's address.
  CHECK(got[2] == 0x01);
  CHECK(got[3] == 0x90);
  got[2] = nuc[2], got[3] = nuc[3];
  CHECK(got == nuc);
  if (size > 0x10004) {
    CHECK(r.m.run(1000) == s370::io::Machine::Status::Wait);
    CHECK(r.m.cpu().psw.to_u64() == 0x0002000000ABCDEFull);
  }
}

}  // namespace

TEST_CASE("The system disk: the nucleus installed after the CMS area IPLs from the minidisk (3350, 3330)") {
  SUBCASE("3350, 128 KiB, 8 tracks") {
    ipl_and_check("3350", 5, 1, 4, 1, 128 * 1024);
  }
  SUBCASE("3330, 128 KiB, 11 tracks") {
    ipl_and_check("3330", 4, 1, 3, 1, 128 * 1024);
  }
  SUBCASE("3350, 70,000 bytes: a short last record") {
    ipl_and_check("3350", 3, 1, 2, 1, 70000);
  }
  SUBCASE("3350, one record") {
    ipl_and_check("3350", 3, 0, 3, 1, 1000);
  }
}

TEST_CASE("The nucleus area: what is refused; the stamp goes with a new FORMAT") {
  const std::string p = fresh_image("nuc.3350", "3350", 3);
  auto img = CkdImage::open(p, geo("3350"));
  CHECK(!cms::nucleus_stamp(*img));
  const std::vector<u8> nuc = nucleus_image(4096);
  CHECK_THROWS_AS(cms::install_nucleus(*img, nuc, 2), DiskError);  // no CMS area yet
  CmsDisk::format(*img, "S", 3);
  CHECK_THROWS_AS(cms::install_nucleus(*img, nuc, 2), cms::Error);  // inside the CMS area
  CmsDisk::format(*img, "S", 2);
  CHECK_THROWS_AS(cms::install_nucleus(*img, nucleus_image(128 * 1024 + 1), 2), cms::Error);
  CHECK_THROWS_AS(cms::install_nucleus(*img, std::vector<u8>(4), 2), cms::Error);
  CHECK_THROWS_AS(cms::install_nucleus(*img, nuc, 3), cms::Error);
  cms::install_nucleus(*img, nuc, 2);
  CHECK(cms::nucleus_stamp(*img) == cms::nucleus_stamp_of(nuc));
  CHECK(cms::nucleus_stamp(*img)->substr(0, 5) == "4096-");
  CmsDisk::format(*img, "S", 2);
  CHECK(!cms::nucleus_stamp(*img));
  CHECK_THROWS_AS(cms::install_system_disk(*img, "S", nuc, {}, 3), cms::Error);
}
