// CMS minidisks in the 800-byte format (see cmsfs.h and docs/CMS-DISK.md,
// which cites the manual page or the observation behind each fact used
// here).
#include "cms/host/cmsfs.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <unordered_map>

#include "s370/channel/ebcdic.h"

namespace cms {

namespace {

using s370::load_be16;
using s370::load_be32;
using s370::store_be16;
using s370::store_be32;
using s370::u64;
using s370::io::CkdGeometry;
using s370::io::CkdImage;

constexpr u32 kBlock = CmsDisk::kBlockSize;
// A track slot (ckd_image.h): home address, R0 (count and 8 bytes), the
// records (count, key, data), eight X'FF'.
constexpr u32 kHa = 5, kCount = 8, kR0 = kCount + 8, kEot = 8;

// The MFD (SY20-0887 Figure 16): block numbers of the FST blocks, the
// sentinel, the QMSK extensions' numbers in bytes 0-363; ADTNUM, ADTUSED,
// ADTLEFT, ADTLAST, ADTCYL at 364; the first 215 bytes of the QMSK at
// 384; the unit type at 599.
constexpr u32 kMfdList = 364, kMfdNum = 364, kMfdUsed = 368, kMfdLeft = 372, kMfdLast = 376, kMfdCyl = 380;
constexpr u32 kMfdQmsk = 384, kMfdQmskBytes = 215, kMfdUnit = 599;
constexpr u16 kSentinel = 0xFFFF, kSentinelExt = 0xFFFD;
constexpr u32 kMfdBits = kMfdQmskBytes * 8, kExtBits = kBlock * 8;
// FST blocks of 20 entries of 40 bytes (Figure 13, FSTD).
constexpr u32 kFst = 40, kFstsPerBlock = kBlock / kFst;
constexpr u32 kFstName = 0, kFstType = 8, kFstDate = 16, kFstTime = 18, kFstWrPnt = 20, kFstRdPnt = 22;
constexpr u32 kFstMode = 24, kFstRecCt = 26, kFstFcl = 28, kFstRecFm = 30, kFstFlags = 31, kFstLrecl = 32;
constexpr u32 kFstBlkCt = 36, kFstYear = 38;
// Chain links (Figure 14): the first holds the numbers of chain links 2-41
// (bytes 0-79) and data blocks 1-60 (80-199); the n-th, of 400 data blocks.
constexpr u32 kFclLinks = 40, kFclData = 60, kNclData = 400;
// The first block a file's structures can use: 1-2 IPL, 3 label, 4 MFD.
constexpr u32 kFirstFree = 5;
constexpr u32 kMaxLrecl = 65535;

const u8 kEbcdicF = 0xC6, kEbcdicV = 0xE5;
const u8 kLabelCms[4] = {0xC3, 0xD4, 0xE2, 0x7E};                          // C'CMS='
const u8 kLabelEdf[4] = {0xC3, 0xD4, 0xE2, 0xF1};                          // C'CMS1': VM/SP's EDF
const u8 kNucMagic[8] = {0xD5, 0xE4, 0xC3, 0xE2, 0xE3, 0xC1, 0xD4, 0xD7};  // C'NUCSTAMP'

// The CMS view of a device type: 800-byte records per track and the MFD's
// unit type byte (3330: 14 and X'09', SY20-0887 pp. 2-89, 2-91; 3350: 19 and
// X'0B', observed on R6 SixPack disks, docs/CMS-DISK.md).
struct DeviceInfo {
  const char* name;
  u32 per_track;
  u8 unit;
};
const DeviceInfo kDevices[] = {{"3330", 14, 0x09}, {"3350", 19, 0x0B}};

const DeviceInfo& device_of(const CkdImage& img) {
  for (const DeviceInfo& d : kDevices)
    if (img.geometry().name == std::string_view(d.name)) return d;
  throw Error(std::string("a ") + img.geometry().name + " is not a device CMS formats here");
}

std::string hex2(u32 v) {
  char b[16];
  std::snprintf(b, sizeof b, "%02X", v);
  return b;
}

std::string ascii(const u8* p, size_t n) {
  return s370::io::to_ascii(p, n);
}

std::string trim_right(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\0')) s.pop_back();
  return s;
}

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return r;
}

// ---- Tracks and records --------------------------------------------------------------

// The records of the image's tracks, read through a small cache of whole
// track slots. Every record is found by walking the track's count fields,
// each checked to lie within the slot.
class Tracks {
 public:
  explicit Tracks(CkdImage& img) : img_(img) {}

  u32 tracks() const { return img_.cylinders() * img_.heads(); }

  // The offset in track `t`'s slot of the data of record `r`, which must
  // have a count naming this track (the minidisk's own cylinder), no key
  // and `dl` bytes of data.
  u32 locate(u32 t, u8 r, u32 dl) {
    const std::vector<u8>& b = load(t);
    const u32 cyl = t / img_.heads(), head = t % img_.heads();
    auto where = [&] { return "cylinder " + std::to_string(cyl) + " head " + std::to_string(head); };
    u32 off = kHa;
    for (;;) {
      if (off + kCount > b.size())
        throw DiskError(where() + ": the track runs past its slot (no end of track)");
      const u8* c = &b[off];
      if (load_be32(c) == 0xFFFFFFFF && load_be32(c + 4) == 0xFFFFFFFF) break;
      const u32 kl = c[5], len = load_be16(c + 6);
      if (off + kCount + kl + len > b.size())
        throw DiskError(where() + ": a record runs past the track's slot");
      if (c[4] == r && off != kHa) {
        if (load_be16(c) != cyl || load_be16(c + 2) != head || kl != 0 || len != dl)
          throw DiskError(where() + " record " + std::to_string(r) + ": count " + hex2(load_be32(c)) +
                          hex2(load_be32(c + 4)) + " is not that of a " + std::to_string(dl) +
                          "-byte record of this track (not a CMS-formatted track)");
        return off + kCount;
      }
      off += kCount + kl + len;
    }
    throw DiskError(where() + " has no record " + std::to_string(r) + " (not a CMS-formatted track)");
  }

  void read(u32 t, u8 r, u8* out, u32 dl) {
    const u32 off = locate(t, r, dl);
    std::copy_n(&cache_[t][off], dl, out);
  }

  void write(u32 t, u8 r, const u8* in, u32 dl) {
    const u32 off = locate(t, r, dl);
    if (!img_.write(t, off, in, dl))
      throw DiskError("cannot write the image " + img_.path() + " (track " + std::to_string(t) +
                      (img_.read_only() ? "): the minidisk is read-only" : "): host I/O error"));
    std::copy_n(in, dl, &cache_[t][off]);
  }

  // Lays track `t` out anew: R0 and then `n` records of `dl` bytes (their
  // data from `data`, zeros past its end), the end of track. The home
  // address is the volume's and is left alone.
  void format(u32 t, u32 n, u32 dl, const u8* data, size_t data_len) {
    const u16 cyl = static_cast<u16>(t / img_.heads()), head = static_cast<u16>(t % img_.heads());
    std::vector<u8> b(kR0 + n * (kCount + dl) + kEot, 0);
    auto count = [&](u8* p, u8 r, u32 len) {
      store_be16(p, cyl);
      store_be16(p + 2, head);
      p[4] = r;
      p[5] = 0;
      store_be16(p + 6, static_cast<u16>(len));
    };
    count(b.data(), 0, 8);
    u32 off = kR0;
    for (u32 i = 0; i < n; i++) {
      count(&b[off], static_cast<u8>(i + 1), dl);
      const size_t at = size_t{i} * dl;
      if (at < data_len) std::copy_n(data + at, std::min<size_t>(dl, data_len - at), &b[off + kCount]);
      off += kCount + dl;
    }
    std::fill(b.end() - kEot, b.end(), 0xFF);
    // The device reads the end of track only strictly within the slot.
    if (kHa + b.size() >= img_.track_size()) throw Error("the track layout does not fit a track");
    cache_.erase(t);
    if (!img_.write(t, kHa, b.data(), static_cast<u32>(b.size())))
      throw DiskError("cannot write the image " + img_.path() + " (track " + std::to_string(t) +
                      (img_.read_only() ? "): the minidisk is read-only" : "): host I/O error"));
  }

 private:
  const std::vector<u8>& load(u32 t) {
    if (t >= tracks()) throw DiskError("track " + std::to_string(t) + " is beyond the disk");
    auto it = cache_.find(t);
    if (it != cache_.end()) return it->second;
    if (cache_.size() >= kCacheTracks) cache_.clear();
    std::vector<u8> b(img_.track_size());
    if (!img_.read_track(t, b.data()))
      throw DiskError("cannot read track " + std::to_string(t) + " of the image " + img_.path() +
                      " (host I/O error, or the file was truncated)");
    return cache_.emplace(t, std::move(b)).first->second;
  }

  static constexpr size_t kCacheTracks = 256;
  CkdImage& img_;
  std::unordered_map<u32, std::vector<u8>> cache_;
};

// Block b (from 1) is record (b-1) mod n + 1 of relative track (b-1) div n
// (SY20-0887 p. 2-91: DMSDIO converts relative block numbers to CCHHR).
struct Blocks {
  Tracks& tracks;
  u32 per_track;
  void read(u32 b, u8* out) const {
    tracks.read((b - 1) / per_track, static_cast<u8>((b - 1) % per_track + 1), out, kBlock);
  }
  void write(u32 b, const u8* in) const {
    tracks.write((b - 1) / per_track, static_cast<u8>((b - 1) % per_track + 1), in, kBlock);
  }
};

using Block = std::array<u8, kBlock>;
using Fst = std::array<u8, kFst>;

u32 blocks_of(const CkdImage& img, const DeviceInfo& dev, u32 cylinders) {
  return static_cast<u32>(std::min<u64>(u64{cylinders} * img.heads() * dev.per_track, CmsDisk::kMaxBlocks));
}

// ---- Names, modes, dates ---------------------------------------------------------------

bool name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '#' || c == '@' || c == '+' ||
         c == '-' || c == ':' || c == '_';
}

// A file name or type as the FST holds it: 8 EBCDIC bytes, blank-padded.
std::array<u8, 8> fst_name(std::string_view s, const char* what) {
  const std::string u = upper(s);
  if (u.empty() || u.size() > 8 || !std::all_of(u.begin(), u.end(), name_char))
    throw Error("\"" + std::string(s) + "\" is not a CMS file " + what + " (1 to 8 of A-Z 0-9 $#@+-:_)");
  std::array<u8, 8> r;
  r.fill(s370::io::kEbcdicBlank);
  for (size_t i = 0; i < u.size(); i++) r[i] = s370::io::to_ebcdic(static_cast<u8>(u[i]));
  return r;
}

// A mode: a letter and a number ("A1"), or a letter alone (number 1).
std::array<u8, 2> fst_mode(std::string_view s) {
  const std::string u = upper(s);
  const bool ok = (u.size() == 1 || u.size() == 2) && u[0] >= 'A' && u[0] <= 'Z' &&
                  (u.size() == 1 || (u[1] >= '0' && u[1] <= '9'));
  if (!ok) throw Error("\"" + std::string(s) + "\" is not a CMS file mode (a letter and a number 0-9)");
  return {s370::io::to_ebcdic(static_cast<u8>(u[0])),
          s370::io::to_ebcdic(static_cast<u8>(u.size() == 2 ? u[1] : '1'))};
}

u8 bcd(int v) {
  return static_cast<u8>(((v / 10 % 10) << 4) | (v % 10));
}
int from_bcd(u8 b) {
  return (b >> 4) * 10 + (b & 15);
}

Stamp now_stamp() {
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  return Stamp{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min};
}

bool valid_stamp(const Stamp& s) {
  return s.year >= 1900 && s.year <= 2099 && s.month >= 1 && s.month <= 12 && s.day >= 1 && s.day <= 31 &&
         s.hour >= 0 && s.hour <= 23 && s.minute >= 0 && s.minute <= 59;
}

FileInfo info_of(const Fst& e) {
  FileInfo i;
  i.fn = trim_right(ascii(&e[kFstName], 8));
  i.ft = trim_right(ascii(&e[kFstType], 8));
  i.mode = trim_right(ascii(&e[kFstMode], 2));
  i.recfm = e[kFstRecFm] == kEbcdicV ? 'V' : 'F';
  i.lrecl = load_be32(&e[kFstLrecl]);
  i.records = load_be16(&e[kFstRecCt]);
  i.blocks = load_be16(&e[kFstBlkCt]);
  const u8 y1 = e[kFstYear], y0 = e[kFstYear + 1];
  const int yy = (y1 >= 0xF0 && y1 <= 0xF9 && y0 >= 0xF0 && y0 <= 0xF9) ? (y1 - 0xF0) * 10 + (y0 - 0xF0) : 0;
  i.written = Stamp{yy >= 70 ? 1900 + yy : 2000 + yy, from_bcd(e[kFstDate]), from_bcd(e[kFstDate + 1]),
                    from_bcd(e[kFstTime]), from_bcd(e[kFstTime + 1])};
  return i;
}

std::string file_id(const Fst& e) {
  return trim_right(ascii(&e[kFstName], 8)) + " " + trim_right(ascii(&e[kFstType], 8));
}

// '*' matches any run of characters; case is ignored.
bool glob(std::string_view pat, std::string_view s) {
  size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  auto up = [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c; };
  while (i < s.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star = p++;
      mark = i;
    } else if (p < pat.size() && up(pat[p]) == up(s[i])) {
      p++, i++;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') p++;
  return p == pat.size();
}

// A mode to look files up by: the letter is ignored on one disk; a number
// given must match.
bool mode_matches(std::string_view fm, const Fst& e) {
  if (fm.size() < 2 || fm[1] == '*') return true;
  return s370::io::to_ebcdic(static_cast<u8>(fm[1])) == e[kFstMode + 1];
}

bool qbit(const std::vector<u8>& q, u32 b) {
  const u32 k = b - 1;
  return k / 8 < q.size() && (q[k / 8] & (0x80 >> (k % 8)));
}
void qset(std::vector<u8>& q, u32 b, bool on) {
  const u32 k = b - 1;
  if (k / 8 >= q.size()) return;
  if (on)
    q[k / 8] |= static_cast<u8>(0x80 >> (k % 8));
  else
    q[k / 8] &= static_cast<u8>(~(0x80 >> (k % 8)));
}

// How many QMSK extensions a disk of `num` blocks has once a block beyond
// the MFD's 1,720 is in use (Figure 17's table).
u32 extensions_for(u32 num) {
  return num <= kMfdBits ? 0 : (num - kMfdBits + kExtBits - 1) / kExtBits;
}

Block make_mfd(const std::vector<u32>& fst_blocks, const std::vector<u32>& ext, u32 num, u32 cyl, u8 unit,
               const std::vector<u8>& q) {
  Block m{};
  u32 off = 0;
  for (u32 b : fst_blocks) store_be16(&m[off], static_cast<u16>(b)), off += 2;
  store_be16(&m[off], ext.empty() ? kSentinel : kSentinelExt);
  off += 2;
  for (u32 b : ext) store_be16(&m[off], static_cast<u16>(b)), off += 2;
  u32 used = 0, last = 0;
  for (u32 i = 0; i < q.size(); i++) {
    used += static_cast<u32>(__builtin_popcount(q[i]));
    if (q[i]) last = i;
  }
  store_be32(&m[kMfdNum], num);
  store_be32(&m[kMfdUsed], used);
  store_be32(&m[kMfdLeft], num - used);
  store_be32(&m[kMfdLast], last);
  store_be32(&m[kMfdCyl], cyl);
  std::copy_n(q.begin(), std::min<size_t>(q.size(), kMfdQmskBytes), &m[kMfdQmsk]);
  m[kMfdUnit] = unit;
  return m;
}

// The bytes of a file as the data blocks hold them (Figure 15): F records
// back to back, V records each after a halfword of its length.
std::vector<u8> stream_of(const File& f) {
  std::vector<u8> s;
  for (const auto& r : f.records) {
    if (f.recfm == 'V') {
      s.push_back(static_cast<u8>(r.size() >> 8));
      s.push_back(static_cast<u8>(r.size()));
    }
    s.insert(s.end(), r.begin(), r.end());
  }
  return s;
}

}  // namespace

// ---- The disk's state in storage -------------------------------------------------------

struct CmsDisk::State {
  std::unique_ptr<CkdImage> owned;
  CkdImage* img = nullptr;
  const DeviceInfo* dev = nullptr;
  std::unique_ptr<Tracks> tracks;
  u32 per_track = 0;
  bool formatted = false;
  std::string label;
  u32 num = 0, cyl = 0;
  std::vector<u8> qmsk;  // ceil(num / 8) bytes
  std::vector<u32> fst_blocks, ext_blocks;
  std::vector<Fst> fsts;
  // After the whole directory was checked (before the first change): the
  // blocks of each file (chain links and data), parallel to fsts.
  bool checked = false;
  std::vector<std::vector<u32>> owned_blocks;

  Blocks blocks() { return Blocks{*tracks, per_track}; }

  void need_formatted() const {
    if (!formatted) throw DiskError("not a CMS-formatted disk (no CMS= label in block 3)");
  }

  void check_block(u32 b, const std::string& what) const {
    if (b == 0) throw DiskError(what + ": a zero block number");
    if (b < kFirstFree || b > num)
      throw DiskError(what + ": block " + std::to_string(b) + " is outside the disk's blocks 5 to " +
                      std::to_string(num));
  }

  void load() {
    dev = &device_of(*img);
    per_track = dev->per_track;
    tracks = std::make_unique<Tracks>(*img);
    Block lab;
    try {
      blocks().read(3, lab.data());
    } catch (const DiskError&) {
      return;  // no 800-byte record 3 on track 0: not a CMS disk
    }
    if (std::equal(kLabelEdf, kLabelEdf + 4, lab.begin()))
      throw DiskError("a CMS disk in VM/SP's EDF format (CMS1 label), not the 800-byte format");
    if (!std::equal(kLabelCms, kLabelCms + 4, lab.begin())) return;
    formatted = true;
    label = trim_right(ascii(&lab[4], 6));

    Block m;
    blocks().read(4, m.data());
    const u8 unit = m[kMfdUnit];
    if (unit != dev->unit)
      throw DiskError("MFD: unit type X'" + hex2(unit) + "' is not a " + dev->name + "'s (X'" +
                      hex2(dev->unit) + "'): the disk was formatted on another device type");
    cyl = load_be32(&m[kMfdCyl]);
    num = load_be32(&m[kMfdNum]);
    if (cyl == 0 || cyl > img->cylinders())
      throw DiskError("MFD: ADTCYL " + std::to_string(cyl) + " is not within the minidisk's " +
                      std::to_string(img->cylinders()) + " cylinders");
    const u32 want = blocks_of(*img, *dev, cyl);
    if (num != want)
      throw DiskError("MFD: ADTNUM " + std::to_string(num) + ", but " + std::to_string(cyl) +
                      " cylinders of a " + dev->name + " hold " + std::to_string(want) + " blocks");
    u32 off = 0;
    u16 sentinel = 0;
    for (;;) {
      if (off + 2 > kMfdList)
        throw DiskError("MFD: no sentinel (X'FFFF' or X'FFFD') after the FST block numbers");
      const u16 b = load_be16(&m[off]);
      off += 2;
      if (b == kSentinel || b == kSentinelExt) {
        sentinel = b;
        break;
      }
      check_block(b, "MFD: FST block " + std::to_string(fst_blocks.size() + 1));
      fst_blocks.push_back(b);
    }
    if (sentinel == kSentinelExt)
      for (; off + 2 <= kMfdList; off += 2) {
        const u16 b = load_be16(&m[off]);
        if (b == 0) break;
        check_block(b, "MFD: QMSK extension " + std::to_string(ext_blocks.size() + 1));
        ext_blocks.push_back(b);
      }
    {
      std::vector<u32> all = fst_blocks;
      all.insert(all.end(), ext_blocks.begin(), ext_blocks.end());
      std::sort(all.begin(), all.end());
      const auto d = std::adjacent_find(all.begin(), all.end());
      if (d != all.end()) throw DiskError("MFD: block " + std::to_string(*d) + " is listed twice");
    }
    // The QMSK: 215 bytes in the MFD, 800 in each extension; the bits of
    // blocks beyond the extensions present are zero.
    qmsk.assign((num + 7) / 8, 0);
    std::copy_n(&m[kMfdQmsk], std::min<size_t>(qmsk.size(), kMfdQmskBytes), qmsk.begin());
    for (size_t i = 0; i < ext_blocks.size(); i++) {
      const size_t at = kMfdQmskBytes + i * kBlock;
      if (at >= qmsk.size()) break;
      Block x;
      blocks().read(ext_blocks[i], x.data());
      std::copy_n(x.begin(), std::min<size_t>(kBlock, qmsk.size() - at),
                  qmsk.begin() + static_cast<long>(at));
    }
    // Bits past the last block mean nothing (and must not be counted).
    for (u32 b = num + 1; b <= qmsk.size() * 8; b++) qset(qmsk, b, false);
    for (u32 b = 1; b < kFirstFree; b++)
      if (!qbit(qmsk, b)) throw DiskError("QMSK: block " + std::to_string(b) + " is marked free");
    for (u32 b : fst_blocks)
      if (!qbit(qmsk, b)) throw DiskError("QMSK: FST block " + std::to_string(b) + " is marked free");
    for (u32 b : ext_blocks)
      if (!qbit(qmsk, b))
        throw DiskError("QMSK: QMSK extension block " + std::to_string(b) + " is marked free");

    for (u32 fb : fst_blocks) {
      Block x;
      blocks().read(fb, x.data());
      for (u32 i = 0; i < kFstsPerBlock; i++) {
        Fst e;
        std::copy_n(&x[i * kFst], kFst, e.begin());
        if (std::all_of(e.begin(), e.end(), [](u8 v) { return v == 0; })) continue;
        check_fst(e, "FST block " + std::to_string(fb) + " entry " + std::to_string(i + 1));
        fsts.push_back(e);
      }
    }
  }

  // What an FST says must be possible, before anything relies on it.
  void check_fst(const Fst& e, const std::string& where) const {
    const std::string what = where + " (" + file_id(e) + ")";
    if (e[kFstName] == 0) throw DiskError(what + ": no file name");
    const u8 recfm = e[kFstRecFm];
    if (recfm != kEbcdicF && recfm != kEbcdicV)
      throw DiskError(what + ": record format X'" + hex2(recfm) + "' is neither F nor V");
    check_block(load_be16(&e[kFstFcl]), what + ": first chain link");
    const u32 lrecl = load_be32(&e[kFstLrecl]), recct = load_be16(&e[kFstRecCt]),
              blkct = load_be16(&e[kFstBlkCt]);
    if (blkct == 0 || blkct > kMaxFileBlocks)
      throw DiskError(what + ": " + std::to_string(blkct) + " data blocks (1 to 16,060 are possible)");
    if (lrecl > kMaxLrecl || (recfm == kEbcdicF && lrecl == 0))
      throw DiskError(what + ": LRECL " + std::to_string(lrecl) + " is not possible");
    const u64 need = recfm == kEbcdicF ? u64{recct} * lrecl : u64{recct} * 2;
    if (need > u64{blkct} * kBlock)
      throw DiskError(what + ": " + std::to_string(recct) + " records cannot fit in " +
                      std::to_string(blkct) + " blocks");
  }

  // The blocks of a file: its chain links (the first one first) and its
  // data blocks in order (Figure 14). Each within the disk, none twice.
  struct Chain {
    std::vector<u32> links, data;
  };
  Chain chain(const Fst& e) {
    const std::string what = "file " + file_id(e);
    Chain c;
    const u32 n = load_be16(&e[kFstBlkCt]);
    const u32 fcl = load_be16(&e[kFstFcl]);
    check_block(fcl, what + ": first chain link");
    c.links.push_back(fcl);
    Block f;
    blocks().read(fcl, f.data());
    for (u32 j = 0; j < std::min(n, kFclData); j++) {
      const u32 b = load_be16(&f[2 * kFclLinks + 2 * j]);
      check_block(b, what + ": data block " + std::to_string(j + 1));
      c.data.push_back(b);
    }
    for (u32 k = 0; c.data.size() < n; k++) {
      if (k >= kFclLinks) throw DiskError(what + ": more data blocks than 41 chain links hold");
      const u32 cl = load_be16(&f[2 * k]);
      check_block(cl, what + ": chain link " + std::to_string(k + 2));
      c.links.push_back(cl);
      Block x;
      blocks().read(cl, x.data());
      for (u32 j = 0; j < kNclData && c.data.size() < n; j++) {
        const u32 b = load_be16(&x[2 * j]);
        check_block(b, what + ": data block " + std::to_string(c.data.size() + 1));
        c.data.push_back(b);
      }
    }
    std::vector<u32> all = c.links;
    all.insert(all.end(), c.data.begin(), c.data.end());
    std::sort(all.begin(), all.end());
    const auto d = std::adjacent_find(all.begin(), all.end());
    if (d != all.end())
      throw DiskError(what + ": block " + std::to_string(*d) +
                      " appears twice in its chain (a chain link loop)");
    return c;
  }

  File read_file(const Fst& e) {
    const FileInfo i = info_of(e);
    const Chain c = chain(e);
    std::vector<u8> s(c.data.size() * kBlock);
    for (size_t k = 0; k < c.data.size(); k++) blocks().read(c.data[k], &s[k * kBlock]);
    File f;
    f.fn = i.fn, f.ft = i.ft, f.mode = i.mode, f.recfm = i.recfm, f.lrecl = i.lrecl, f.written = i.written;
    f.records.reserve(i.records);
    size_t p = 0;
    for (u32 r = 0; r < i.records; r++) {
      size_t len = i.lrecl;
      if (i.recfm == 'V') {
        if (p + 2 > s.size())
          throw DiskError("file " + file_id(e) + ": record " + std::to_string(r + 1) + " is beyond its " +
                          std::to_string(c.data.size()) + " data blocks");
        len = load_be16(&s[p]);
        p += 2;
      }
      if (p + len > s.size())
        throw DiskError("file " + file_id(e) + ": record " + std::to_string(r + 1) + " is beyond its " +
                        std::to_string(c.data.size()) + " data blocks");
      f.records.emplace_back(s.begin() + static_cast<long>(p), s.begin() + static_cast<long>(p + len));
      p += len;
    }
    return f;
  }

  // Before the first change: every file's chain walked, every block of the
  // directory and the files used once and marked in the QMSK, no name
  // twice. A change must not build on a directory it cannot trust.
  void check_all() {
    if (checked) return;
    std::vector<u8> seen(size_t{num} + 1, 0);
    auto claim = [&](u32 b, const std::string& what) {
      if (seen[b]) throw DiskError("block " + std::to_string(b) + " (" + what + ") is used twice");
      seen[b] = 1;
      if (!qbit(qmsk, b))
        throw DiskError("block " + std::to_string(b) + " (" + what + ") is marked free in the QMSK");
    };
    for (u32 b : fst_blocks) claim(b, "an FST block");
    for (u32 b : ext_blocks) claim(b, "a QMSK extension");
    std::vector<std::vector<u32>> owned_all;
    std::vector<std::string> names;
    for (const Fst& e : fsts) {
      const Chain c = chain(e);
      std::vector<u32> o = c.links;
      o.insert(o.end(), c.data.begin(), c.data.end());
      for (u32 b : o) claim(b, "of file " + file_id(e));
      owned_all.push_back(std::move(o));
      names.push_back(upper(file_id(e)));
    }
    std::sort(names.begin(), names.end());
    const auto d = std::adjacent_find(names.begin(), names.end());
    if (d != names.end()) throw DiskError("the file " + *d + " is in the directory twice");
    owned_blocks = std::move(owned_all);
    checked = true;
  }

  // One change of the directory (section 7 of docs/CMS-DISK.md): the new
  // FST list, where a slot either keeps an old file (`old` its index) or
  // holds a new one (`data` its byte stream). The new blocks are taken
  // from those free now; the MFD is written last.
  struct Slot {
    Fst fst;
    int old = -1;
    std::vector<u8> data;
  };
  void commit(std::vector<Slot> slots) {
    // The blocks of the files that go (replaced or erased).
    std::vector<u8> kept(fsts.size(), 0);
    for (const Slot& s : slots)
      if (s.old >= 0) kept[static_cast<size_t>(s.old)] = 1;

    std::vector<u8> taken = qmsk;  // nothing in use now may be reused before the MFD is written
    u32 cursor = kFirstFree, free_now = 0;
    for (u32 b = kFirstFree; b <= num; b++) free_now += !qbit(qmsk, b);
    u32 wanted = 0;
    std::vector<u32> fresh;
    auto alloc = [&]() -> u32 {
      wanted++;
      while (cursor <= num && qbit(taken, cursor)) cursor++;
      if (cursor > num) return 0;
      qset(taken, cursor, true);
      fresh.push_back(cursor);
      return cursor;
    };

    // Each new file: its first chain link, then data blocks, with a chain
    // link before every 400 after the first 60.
    struct Placed {
      std::vector<u32> links, data;
    };
    std::vector<Placed> placed(slots.size());
    bool full = false;
    for (size_t i = 0; i < slots.size() && !full; i++) {
      if (slots[i].old >= 0) continue;
      const u32 n = static_cast<u32>((slots[i].data.size() + kBlock - 1) / kBlock);
      Placed& p = placed[i];
      p.links.push_back(alloc());
      for (u32 j = 0; j < n; j++) {
        if (j >= kFclData && (j - kFclData) % kNclData == 0) p.links.push_back(alloc());
        p.data.push_back(alloc());
      }
      full = std::find(p.links.begin(), p.links.end(), 0u) != p.links.end() ||
             std::find(p.data.begin(), p.data.end(), 0u) != p.data.end();
    }
    const u32 nfst = std::max<u32>(1, static_cast<u32>((slots.size() + kFstsPerBlock - 1) / kFstsPerBlock));
    std::vector<u32> new_fst;
    for (u32 i = 0; i < nfst && !full; i++) {
      new_fst.push_back(alloc());
      full = new_fst.back() == 0;
    }
    // The new QMSK: the old one less what this change frees, plus what it
    // takes.
    std::vector<u8> q = qmsk;
    for (size_t i = 0; i < fsts.size(); i++)
      if (!kept[i])
        for (u32 b : owned_blocks[i]) qset(q, b, false);
    for (u32 b : fst_blocks) qset(q, b, false);
    for (u32 b : ext_blocks) qset(q, b, false);
    for (u32 b : fresh) qset(q, b, true);
    std::vector<u32> new_ext;
    if (!full) {
      u32 high = 0;
      for (u32 b = num; b >= 1 && !high; b--)
        if (qbit(q, b)) high = b;
      if (high > kMfdBits)
        for (u32 i = 0; i < extensions_for(num) && !full; i++) {
          new_ext.push_back(alloc());
          full = new_ext.back() == 0;
          if (!full) qset(q, new_ext.back(), true);
        }
    }
    if (full) {
      // How many the whole change needs (counted without allocating).
      u32 need = 0;
      for (const Slot& s : slots)
        if (s.old < 0) {
          const u32 n = static_cast<u32>((s.data.size() + kBlock - 1) / kBlock);
          need += n + 1 + (n > kFclData ? (n - kFclData + kNclData - 1) / kNclData : 0);
        }
      need += nfst;
      size_t freeing = 0;
      for (size_t i = 0; i < fsts.size(); i++)
        if (!kept[i]) freeing += owned_blocks[i].size();
      throw DiskError("disk full: the change needs " + std::to_string(std::max(need, wanted)) + " blocks, " +
                      std::to_string(free_now) + " are free" +
                      (freeing ? " (the blocks of the file it replaces are free only after it)" : ""));
    }
    if (new_fst.size() + 1 + new_ext.size() > kMfdList / 2)
      throw DiskError("the MFD has no room for " + std::to_string(new_fst.size()) + " FST blocks (" +
                      std::to_string(slots.size()) + " files)");

    // The data, the chain links, the FST blocks, the QMSK extensions...
    Blocks io = blocks();
    for (size_t i = 0; i < slots.size(); i++) {
      if (slots[i].old >= 0) continue;
      const Placed& p = placed[i];
      const std::vector<u8>& d = slots[i].data;
      for (size_t j = 0; j < p.data.size(); j++) {
        Block x{};
        std::copy(d.begin() + static_cast<long>(j * kBlock),
                  d.begin() + static_cast<long>(std::min(d.size(), (j + 1) * kBlock)), x.begin());
        io.write(p.data[j], x.data());
      }
      Block f{};
      for (size_t k = 1; k < p.links.size(); k++) store_be16(&f[2 * (k - 1)], static_cast<u16>(p.links[k]));
      for (size_t j = 0; j < std::min<size_t>(p.data.size(), kFclData); j++)
        store_be16(&f[2 * kFclLinks + 2 * j], static_cast<u16>(p.data[j]));
      io.write(p.links[0], f.data());
      for (size_t k = 1; k < p.links.size(); k++) {
        Block x{};
        const size_t first = kFclData + (k - 1) * kNclData;
        for (size_t j = first; j < std::min(p.data.size(), first + kNclData); j++)
          store_be16(&x[2 * (j - first)], static_cast<u16>(p.data[j]));
        io.write(p.links[k], x.data());
      }
      store_be16(&slots[i].fst[kFstFcl], static_cast<u16>(p.links[0]));
    }
    for (u32 i = 0; i < nfst; i++) {
      Block x{};
      for (u32 k = 0; k < kFstsPerBlock && i * kFstsPerBlock + k < slots.size(); k++)
        std::copy(slots[i * kFstsPerBlock + k].fst.begin(), slots[i * kFstsPerBlock + k].fst.end(),
                  &x[k * kFst]);
      io.write(new_fst[i], x.data());
    }
    for (size_t i = 0; i < new_ext.size(); i++) {
      Block x{};
      const size_t at = kMfdQmskBytes + i * kBlock;
      if (at < q.size())
        std::copy(q.begin() + static_cast<long>(at),
                  q.begin() + static_cast<long>(std::min(q.size(), at + kBlock)), x.begin());
      io.write(new_ext[i], x.data());
    }
    // ... and last the MFD: until this write the disk is the old one.
    const Block m = make_mfd(new_fst, new_ext, num, cyl, dev->unit, q);
    io.write(4, m.data());

    std::vector<Fst> nf;
    std::vector<std::vector<u32>> no;
    for (size_t i = 0; i < slots.size(); i++) {
      nf.push_back(slots[i].fst);
      if (slots[i].old >= 0) {
        no.push_back(std::move(owned_blocks[static_cast<size_t>(slots[i].old)]));
      } else {
        std::vector<u32> o = placed[i].links;
        o.insert(o.end(), placed[i].data.begin(), placed[i].data.end());
        no.push_back(std::move(o));
      }
    }
    fsts = std::move(nf);
    owned_blocks = std::move(no);
    qmsk = std::move(q);
    fst_blocks = std::move(new_fst);
    ext_blocks = std::move(new_ext);
  }

  int index_of(std::string_view fn, std::string_view ft, std::string_view fm) const {
    for (size_t i = 0; i < fsts.size(); i++) {
      const FileInfo inf = info_of(fsts[i]);
      if (upper(inf.fn) == upper(fn) && upper(inf.ft) == upper(ft) && mode_matches(fm, fsts[i]))
        return static_cast<int>(i);
    }
    return -1;
  }

  std::vector<Slot> current() const {
    std::vector<Slot> s;
    for (size_t i = 0; i < fsts.size(); i++) s.push_back(Slot{fsts[i], static_cast<int>(i), {}});
    return s;
  }
};

// ---- CmsDisk ---------------------------------------------------------------------------

CmsDisk::CmsDisk(std::unique_ptr<State> s) : s_(std::move(s)) {}
CmsDisk::~CmsDisk() = default;

std::unique_ptr<CmsDisk> CmsDisk::open(std::unique_ptr<CkdImage> image) {
  auto s = std::make_unique<State>();
  s->owned = std::move(image);
  s->img = s->owned.get();
  s->load();
  return std::unique_ptr<CmsDisk>(new CmsDisk(std::move(s)));
}

std::unique_ptr<CmsDisk> CmsDisk::open(CkdImage& image) {
  auto s = std::make_unique<State>();
  s->img = &image;
  s->load();
  return std::unique_ptr<CmsDisk>(new CmsDisk(std::move(s)));
}

namespace {

std::array<u8, 6> label_bytes(const std::string& label) {
  const std::string u = upper(label);
  if (u.empty() || u.size() > 6 || !std::all_of(u.begin(), u.end(), name_char))
    throw Error("\"" + label + "\" is not a disk label (1 to 6 of A-Z 0-9 $#@+-:_)");
  std::array<u8, 6> r;
  r.fill(s370::io::kEbcdicBlank);
  for (size_t i = 0; i < u.size(); i++) r[i] = s370::io::to_ebcdic(static_cast<u8>(u[i]));
  return r;
}

}  // namespace

void CmsDisk::format(CkdImage& image, const std::string& label, u32 cms_cylinders) {
  const DeviceInfo& dev = device_of(image);
  const std::array<u8, 6> lab = label_bytes(label);
  const u32 cyl = cms_cylinders ? cms_cylinders : image.cylinders();
  if (cyl > image.cylinders())
    throw Error("cannot format " + std::to_string(cyl) + " cylinders: the disk has " +
                std::to_string(image.cylinders()));
  if (image.read_only()) throw DiskError("cannot format: the minidisk is read-only");
  const u32 num = blocks_of(image, dev, cyl);
  Tracks tracks(image);
  // Every track but the first; then track 0 with blocks 1-5 (IPL records
  // of zeros, the label, the MFD, one empty FST block), so that an
  // interrupted FORMAT never looks finished.
  for (u32 t = 1; t < cyl * image.heads(); t++) tracks.format(t, dev.per_track, kBlock, nullptr, 0);
  std::vector<u8> t0(dev.per_track * kBlock, 0);
  std::copy(kLabelCms, kLabelCms + 4, &t0[2 * kBlock]);
  std::copy(lab.begin(), lab.end(), &t0[2 * kBlock + 4]);
  std::vector<u8> q((num + 7) / 8, 0);
  for (u32 b = 1; b <= kFirstFree; b++) qset(q, b, true);
  const Block m = make_mfd({kFirstFree}, {}, num, cyl, dev.unit, q);
  std::copy(m.begin(), m.end(), &t0[3 * kBlock]);
  tracks.format(0, dev.per_track, kBlock, t0.data(), t0.size());
}

bool CmsDisk::formatted() const {
  return s_->formatted;
}

std::string CmsDisk::label() const {
  s_->need_formatted();
  return s_->label;
}

CmsDisk::Stats CmsDisk::stats() const {
  s_->need_formatted();
  Stats st;
  st.label = s_->label;
  st.device = s_->dev->name;
  st.cylinders = s_->cyl;
  st.blocks = s_->num;
  for (u8 b : s_->qmsk) st.used += static_cast<u32>(__builtin_popcount(b));
  st.left = st.blocks - std::min(st.used, st.blocks);
  st.files = static_cast<u32>(s_->fsts.size());
  return st;
}

std::vector<FileInfo> CmsDisk::list(std::string_view fn, std::string_view ft, std::string_view fm) const {
  s_->need_formatted();
  std::vector<FileInfo> r;
  for (const Fst& e : s_->fsts) {
    FileInfo i = info_of(e);
    if (glob(fn, i.fn) && glob(ft, i.ft) && mode_matches(fm, e)) r.push_back(std::move(i));
  }
  return r;
}

std::optional<FileInfo> CmsDisk::find(std::string_view fn, std::string_view ft, std::string_view fm) const {
  s_->need_formatted();
  const int i = s_->index_of(fn, ft, fm);
  if (i < 0) return std::nullopt;
  return info_of(s_->fsts[static_cast<size_t>(i)]);
}

std::optional<File> CmsDisk::read(std::string_view fn, std::string_view ft, std::string_view fm) {
  s_->need_formatted();
  const int i = s_->index_of(fn, ft, fm);
  if (i < 0) return std::nullopt;
  return s_->read_file(s_->fsts[static_cast<size_t>(i)]);
}

void CmsDisk::write(const File& file) {
  write(std::vector<File>{file});
}

void CmsDisk::write(const std::vector<File>& files) {
  s_->need_formatted();
  // Every file is checked before anything is done.
  struct New {
    Fst fst{};
    std::vector<u8> data;
    std::string fn, ft;
  };
  std::vector<New> news;
  for (const File& f : files) {
    New n;
    const auto fn = fst_name(f.fn, "name"), ft = fst_name(f.ft, "type");
    const auto fm = fst_mode(f.mode);
    n.fn = upper(f.fn), n.ft = upper(f.ft);
    const std::string id = n.fn + " " + n.ft;
    for (const New& o : news)
      if (o.fn == n.fn && o.ft == n.ft) throw Error("the file " + id + " is given twice");
    if (f.recfm != 'F' && f.recfm != 'V') throw Error("file " + id + ": record format must be F or V");
    if (f.records.size() > kMaxRecords)
      throw Error("file " + id + ": " + std::to_string(f.records.size()) +
                  " records, more than CMS's 65,533");
    u32 lrecl = 0;
    if (f.recfm == 'F') {
      if (f.lrecl == 0 || f.lrecl > kMaxLrecl) throw Error("file " + id + ": LRECL must be 1 to 65535");
      lrecl = f.lrecl;
      for (size_t r = 0; r < f.records.size(); r++)
        if (f.records[r].size() != lrecl)
          throw Error("file " + id + ": record " + std::to_string(r + 1) + " is " +
                      std::to_string(f.records[r].size()) + " bytes, not its LRECL " + std::to_string(lrecl));
    } else {
      for (size_t r = 0; r < f.records.size(); r++) {
        if (f.records[r].size() > kMaxLrecl)
          throw Error("file " + id + ": record " + std::to_string(r + 1) + " is longer than 65,535 bytes");
        lrecl = std::max(lrecl, static_cast<u32>(f.records[r].size()));
      }
    }
    n.data = stream_of(f);
    const u64 nblocks = (n.data.size() + kBlock - 1) / kBlock;
    if (nblocks > kMaxFileBlocks)
      throw Error("file " + id + ": " + std::to_string(n.data.size()) +
                  " bytes need more than the 16,060 blocks (12,848,000 bytes) a CMS file can have");
    const Stamp st = f.written.value_or(now_stamp());
    if (!valid_stamp(st)) throw Error("file " + id + ": the date written is not a date from 1900 to 2099");
    Fst& e = n.fst;
    std::copy(fn.begin(), fn.end(), &e[kFstName]);
    std::copy(ft.begin(), ft.end(), &e[kFstType]);
    e[kFstDate] = bcd(st.month), e[kFstDate + 1] = bcd(st.day);
    e[kFstTime] = bcd(st.hour), e[kFstTime + 1] = bcd(st.minute);
    store_be16(&e[kFstWrPnt], static_cast<u16>(f.records.size() + 1));
    store_be16(&e[kFstRdPnt], 1);
    e[kFstMode] = fm[0], e[kFstMode + 1] = fm[1];
    store_be16(&e[kFstRecCt], static_cast<u16>(f.records.size()));
    e[kFstRecFm] = f.recfm == 'F' ? kEbcdicF : kEbcdicV;
    e[kFstFlags] = 0;
    store_be32(&e[kFstLrecl], lrecl);
    store_be16(&e[kFstBlkCt], static_cast<u16>(nblocks));
    e[kFstYear] = static_cast<u8>(0xF0 + st.year / 10 % 10),
    e[kFstYear + 1] = static_cast<u8>(0xF0 + st.year % 10);
    news.push_back(std::move(n));
  }
  s_->check_all();
  std::vector<State::Slot> slots = s_->current();
  for (New& n : news) {
    const int i = s_->index_of(n.fn, n.ft, "*");
    const bool empty = n.data.empty() && load_be16(&n.fst[kFstRecCt]) == 0;
    if (i >= 0) {
      // Replaced in its place (or dropped, when the new file is empty).
      auto it = std::find_if(slots.begin(), slots.end(), [&](const State::Slot& s) { return s.old == i; });
      if (empty)
        slots.erase(it);
      else
        *it = State::Slot{n.fst, -1, std::move(n.data)};
    } else if (!empty) {
      slots.push_back(State::Slot{n.fst, -1, std::move(n.data)});
    }
  }
  s_->commit(std::move(slots));
}

bool CmsDisk::erase(std::string_view fn, std::string_view ft, std::string_view fm) {
  s_->need_formatted();
  const int i = s_->index_of(fn, ft, fm);
  if (i < 0) return false;
  s_->check_all();
  std::vector<State::Slot> slots = s_->current();
  slots.erase(slots.begin() + i);
  s_->commit(std::move(slots));
  return true;
}

bool CmsDisk::rename(std::string_view fn, std::string_view ft, std::string_view fm, std::string_view fn2,
                     std::string_view ft2, std::string_view fm2) {
  s_->need_formatted();
  const int i = s_->index_of(fn, ft, fm);
  if (i < 0) return false;
  // '=' in the new file id: the same as the old one's (as CMS RENAME).
  const FileInfo old = info_of(s_->fsts[static_cast<size_t>(i)]);
  const std::string nn(fn2 == "=" ? std::string_view(old.fn) : fn2),
      nt(ft2 == "=" ? std::string_view(old.ft) : ft2);
  const auto n2 = fst_name(nn, "name"), t2 = fst_name(nt, "type");
  std::array<u8, 2> m2{};
  const bool new_mode = !fm2.empty() && fm2 != "*" && fm2 != "=";
  if (new_mode) m2 = fst_mode(fm2);
  const int j = s_->index_of(nn, nt, "*");
  if (j >= 0 && j != i) throw Error("the file " + upper(nn) + " " + upper(nt) + " exists already");
  s_->check_all();
  std::vector<State::Slot> slots = s_->current();
  Fst& e = slots[static_cast<size_t>(i)].fst;
  std::copy(n2.begin(), n2.end(), &e[kFstName]);
  std::copy(t2.begin(), t2.end(), &e[kFstType]);
  // The letter a mode is given with is the one stored; its number only when
  // the new mode has one.
  if (new_mode) {
    e[kFstMode] = m2[0];
    if (fm2.size() == 2) e[kFstMode + 1] = m2[1];
  }
  s_->commit(std::move(slots));
  return true;
}

CkdImage& CmsDisk::image() {
  return *s_->img;
}

// ---- Text ------------------------------------------------------------------------------

std::vector<std::vector<u8>> text_to_records(std::string_view text, char recfm, u32 lrecl) {
  if (recfm != 'F' && recfm != 'V') throw Error("record format must be F or V");
  if (recfm == 'F' && (lrecl == 0 || lrecl > kMaxLrecl)) throw Error("LRECL must be 1 to 65535");
  std::vector<std::vector<u8>> out;
  size_t line = 0, at = 0;
  while (at < text.size()) {
    size_t end = text.find('\n', at);
    if (end == std::string_view::npos) end = text.size();
    std::string_view l = text.substr(at, end - at);
    at = end + 1;
    line++;
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    std::string s;
    for (char c : l) {
      if (c == '\t')
        s.append(8 - s.size() % 8, ' ');
      else
        s.push_back(c);
    }
    if (recfm == 'V' && s.empty()) s = " ";
    const u32 max = recfm == 'F' ? lrecl : (lrecl ? lrecl : kMaxLrecl);
    if (s.size() > max)
      throw Error("line " + std::to_string(line) + " is " + std::to_string(s.size()) +
                  " characters, longer than " + (recfm == 'F' || lrecl ? "LRECL " : "") +
                  std::to_string(max));
    std::vector<u8> r = s370::io::to_ebcdic(s);
    if (recfm == 'F') r.resize(lrecl, s370::io::kEbcdicBlank);
    out.push_back(std::move(r));
  }
  return out;
}

std::string records_to_text(const File& file) {
  std::string out;
  for (const auto& r : file.records) {
    size_t n = r.size();
    if (file.recfm == 'F')
      while (n > 0 && r[n - 1] == s370::io::kEbcdicBlank) n--;
    out += s370::io::to_ascii(r.data(), n);
    out += '\n';
  }
  return out;
}

// ---- The nucleus area ------------------------------------------------------------------

namespace {

constexpr u32 kNucRecord = 4096, kNucMax = 128 * 1024, kNucLoad = 0x20000, kStampAt = 768;

// Two 64-bit hashes of the image, FNV-1a and a multiply-xorshift over its
// 8-byte words: not cryptographic, only to tell one build from another.
std::array<u8, 16> digest(const std::vector<u8>& image) {
  u64 h1 = 0xcbf29ce484222325ull, h2 = 0x9E3779B97F4A7C15ull ^ image.size();
  for (u8 b : image) h1 = (h1 ^ b) * 0x100000001b3ull;
  for (size_t i = 0; i < image.size(); i += 8) {
    u64 w = 0;
    for (size_t k = 0; k < 8 && i + k < image.size(); k++) w |= u64{image[i + k]} << (8 * k);
    h2 = (h2 ^ w) * 0xbf58476d1ce4e5b9ull;
    h2 ^= h2 >> 31;
  }
  h2 = (h2 ^ (h2 >> 30)) * 0x94d049bb133111ebull;
  h2 ^= h2 >> 27;
  std::array<u8, 16> d;
  s370::store_be64(d.data(), h1);
  s370::store_be64(d.data() + 8, h2);
  return d;
}

std::string stamp_text(u32 size, const u8* d) {
  char b[64];
  std::snprintf(b, sizeof b, "%u-%016llx%016llx", size, static_cast<unsigned long long>(s370::load_be64(d)),
                static_cast<unsigned long long>(s370::load_be64(d + 8)));
  return b;
}

void ccw(std::vector<u8>& p, u8 cmd, u32 addr, u8 flags, u16 count) {
  const u8 c[8] = {cmd, static_cast<u8>(addr >> 16), static_cast<u8>(addr >> 8), static_cast<u8>(addr), flags,
                   0,   static_cast<u8>(count >> 8), static_cast<u8>(count)};
  p.insert(p.end(), c, c + 8);
}

}  // namespace

void install_nucleus(CkdImage& disk, const std::vector<u8>& image, u32 first_cylinder) {
  constexpr u8 kCC = 0x40, kSLI = 0x20;
  const DeviceInfo& dev = device_of(disk);
  if (image.size() < 8 || image.size() > kNucMax)
    throw Error("a nucleus image of " + std::to_string(image.size()) + " bytes: it must have 8 to 131,072");
  if (first_cylinder == 0 || first_cylinder >= disk.cylinders())
    throw Error("the nucleus cannot start at cylinder " + std::to_string(first_cylinder) + " of a " +
                std::to_string(disk.cylinders()) + "-cylinder disk");
  if (disk.read_only()) throw DiskError("cannot install the nucleus: the minidisk is read-only");
  Tracks tracks(disk);
  const Blocks io{tracks, dev.per_track};
  // The CMS file area must be there, and end before the nucleus.
  Block lab, mfd;
  io.read(3, lab.data());
  if (!std::equal(kLabelCms, kLabelCms + 4, lab.begin()))
    throw DiskError("the disk has no CMS file area (no CMS= label): format it first");
  io.read(4, mfd.data());
  const u32 cms_cyl = load_be32(&mfd[kMfdCyl]);
  if (cms_cyl > first_cylinder)
    throw Error("the CMS file area's " + std::to_string(cms_cyl) +
                " cylinders reach the nucleus's first cylinder " + std::to_string(first_cylinder));

  // As many 4096-byte records per track as our CKD model holds (R0 and
  // the end of track around them; the device wants a byte to spare).
  const u32 per = (disk.track_size() - kHa - kR0 - kEot - 1) / (kCount + kNucRecord);
  const u32 nrec = static_cast<u32>((image.size() + kNucRecord - 1) / kNucRecord);
  const u32 ntracks = (nrec + per - 1) / per;
  const u32 first_track = first_cylinder * disk.heads();
  if (first_track + ntracks > disk.cylinders() * disk.heads())
    throw Error("the nucleus needs " + std::to_string(ntracks) + " tracks from cylinder " +
                std::to_string(first_cylinder) + ", the disk ends before");

  // Block 2: for each track SEEK, SEARCH ID EQUAL, TIC back, READ DATA of
  // each record; the 8-byte argument slots (0000 CCCC HHHH 01 00: the
  // seek's 6 bytes, and from its third byte the search's CCHHR) after the
  // CCWs.
  u32 nccw = 0;
  for (u32 k = 0; k < ntracks; k++) nccw += 3 + std::min(per, nrec - k * per);
  const u32 slots = kNucLoad + 8 * nccw;
  if (8 * nccw + 8 * ntracks > kStampAt) throw Error("the nucleus's channel program does not fit in block 2");
  std::vector<u8> prog;
  for (u32 k = 0; k < ntracks; k++) {
    const u32 slot = slots + 8 * k;
    ccw(prog, 0x07, slot, kCC, 6);
    const u32 search = kNucLoad + static_cast<u32>(prog.size());
    ccw(prog, 0x31, slot + 2, kCC, 5);
    ccw(prog, 0x08, search, 0, 0);
    for (u32 r = k * per; r < std::min(nrec, (k + 1) * per); r++)
      ccw(prog, 0x06, r * kNucRecord, r + 1 < nrec ? kCC : 0, static_cast<u16>(kNucRecord));
  }
  for (u32 k = 0; k < ntracks; k++) {
    const u32 t = first_track + k;
    const u8 arg[8] = {0,
                       0,
                       static_cast<u8>(t / disk.heads() >> 8),
                       static_cast<u8>(t / disk.heads()),
                       static_cast<u8>(t % disk.heads() >> 8),
                       static_cast<u8>(t % disk.heads()),
                       1,
                       0};
    prog.insert(prog.end(), arg, arg + 8);
  }
  Block b2{};
  std::copy(prog.begin(), prog.end(), b2.begin());
  std::copy(kNucMagic, kNucMagic + 8, &b2[kStampAt]);
  store_be32(&b2[kStampAt + 8], static_cast<u32>(image.size()));
  store_be32(&b2[kStampAt + 12], first_cylinder);
  const auto d = digest(image);
  std::copy(d.begin(), d.end(), &b2[kStampAt + 16]);

  // Block 1: the image's IPL PSW, READ DATA of R2 into X'20000', TIC to it.
  Block b1{};
  std::copy_n(image.begin(), 8, b1.begin());
  std::vector<u8> b1ccw;
  ccw(b1ccw, 0x06, kNucLoad, kCC | kSLI, kBlock);
  ccw(b1ccw, 0x08, kNucLoad, 0, 0);
  std::copy(b1ccw.begin(), b1ccw.end(), &b1[8]);

  // The tracks, then block 2, then block 1.
  for (u32 k = 0; k < ntracks; k++) {
    const u32 n = std::min(per, nrec - k * per);
    const size_t at = size_t{k} * per * kNucRecord;
    tracks.format(first_track + k, n, kNucRecord, image.data() + at, image.size() - at);
  }
  io.write(2, b2.data());
  io.write(1, b1.data());
}

std::optional<std::string> nucleus_stamp(CkdImage& disk) {
  try {
    const DeviceInfo& dev = device_of(disk);
    Tracks tracks(disk);
    Block b2;
    Blocks{tracks, dev.per_track}.read(2, b2.data());
    if (!std::equal(kNucMagic, kNucMagic + 8, &b2[kStampAt])) return std::nullopt;
    return stamp_text(load_be32(&b2[kStampAt + 8]), &b2[kStampAt + 16]);
  } catch (const Error&) {
    return std::nullopt;
  }
}

std::string nucleus_stamp_of(const std::vector<u8>& image) {
  const auto d = digest(image);
  return stamp_text(static_cast<u32>(image.size()), d.data());
}

void install_system_disk(CkdImage& disk, const std::string& label, const std::vector<u8>& nucleus,
                         const std::vector<File>& files, u32 nucleus_cylinders) {
  if (nucleus_cylinders == 0 || nucleus_cylinders >= disk.cylinders())
    throw Error("the nucleus needs 1 to " + std::to_string(disk.cylinders() - 1) + " cylinders of this disk");
  const u32 cms = disk.cylinders() - nucleus_cylinders;
  CmsDisk::format(disk, label, cms);
  {
    auto d = CmsDisk::open(disk);
    d->write(files);
  }
  install_nucleus(disk, nucleus, cms);
}

}  // namespace cms
