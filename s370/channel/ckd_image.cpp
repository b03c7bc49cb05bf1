// Hercules' CKD image format (see ckd_image.h).
#include "s370/channel/ckd_image.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "s370/channel/device.h"

namespace s370::io {

namespace {

constexpr u32 kHeaderSize = 512;
constexpr u32 kHomeAddress = 5, kCount = 8;

// Track slot size as Hercules computes it: home address, R0 (count and
// 8 data bytes), R1 at its largest, end of track, rounded up to 512.
constexpr u32 slot(u32 r1_max) {
  return (kHomeAddress + 2 * kCount + 8 + r1_max + 8 + 511) / 512 * 512;
}

const CkdGeometry kGeometries[] = {
    {"3330", 0x3330, 0x01, 404, 7, 19, 13030, slot(13030)},
    {"3350", 0x3350, 0x00, 555, 5, 30, 19069, slot(19069)},
};

u32 le32(const u8* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (u32{p[3]} << 24);
}

}  // namespace

bool pread_all(int fd, u8* buf, size_t n, off_t at) {
  while (n) {
    const ssize_t r = ::pread(fd, buf, n, at);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    buf += r, n -= static_cast<size_t>(r), at += r;
  }
  return true;
}

bool pwrite_all(int fd, const u8* buf, size_t n, off_t at) {
  while (n) {
    const ssize_t r = ::pwrite(fd, buf, n, at);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    buf += r, n -= static_cast<size_t>(r), at += r;
  }
  return true;
}

const CkdGeometry* ckd_geometry(const std::string& type) {
  for (const CkdGeometry& g : kGeometries)
    if (type == g.name) return &g;
  return nullptr;
}

CkdImage::CkdImage(const std::string& path, const CkdGeometry& geo, int fd, u32 cylinders)
    : path_(path), geo_(geo), fd_(fd), cylinders_(cylinders) {}

CkdImage::~CkdImage() {
  if (fd_ >= 0) ::close(fd_);
}

std::unique_ptr<CkdImage> CkdImage::open(const std::string& path, const CkdGeometry& geo) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) throw DeviceError("cannot open disk image " + path + ": " + std::strerror(errno));
  struct Closer {
    int fd;
    bool keep = false;
    ~Closer() {
      if (!keep) ::close(fd);
    }
  } closer{fd};
  auto bad = [&](const std::string& what) { return DeviceError("disk image " + path + ": " + what); };

  u8 h[kHeaderSize];
  if (!pread_all(fd, h, kHeaderSize, 0)) throw bad("shorter than the 512-byte CKD device header");
  if (std::memcmp(h, "CKD_C370", 8) == 0 || std::memcmp(h, "CKD_S370", 8) == 0)
    throw bad("a compressed (CCKD) image; uncompress it with Hercules' dasdcopy first");
  if (std::memcmp(h, "CKD_P370", 8) != 0) throw bad("not a CKD image (no CKD_P370 device header)");
  const u32 heads = le32(h + 8), trksize = le32(h + 12);
  const u8 devtype = h[16], fileseq = h[17];
  const u32 highcyl = h[18] | (h[19] << 8);
  if (devtype != (geo.type & 0xFF)) {
    char b[8];
    std::snprintf(b, sizeof b, "%02X", devtype);
    throw bad(std::string("device type X'") + b + "' in the header, not a " + geo.name);
  }
  if (heads != geo.heads)
    throw bad(std::to_string(heads) + " tracks per cylinder in the header, a " + geo.name + " has " +
              std::to_string(geo.heads));
  if (trksize != geo.track_size)
    throw bad("track size " + std::to_string(trksize) + " in the header, a " + geo.name + " has " +
              std::to_string(geo.track_size));
  if (fileseq != 0 || highcyl != 0) throw bad("part of a multi-file image (not supported)");

  struct stat st;
  if (::fstat(fd, &st) != 0) throw bad(std::strerror(errno));
  const u64 body = static_cast<u64>(st.st_size) - kHeaderSize;
  if (st.st_size < static_cast<off_t>(kHeaderSize) || body % trksize != 0)
    throw bad("size " + std::to_string(st.st_size) + " is not the header plus whole tracks (truncated?)");
  const u64 tracks = body / trksize;
  if (tracks == 0 || tracks % heads != 0)
    throw bad(std::to_string(tracks) + " tracks is not a whole number of cylinders");
  const u64 cyls = tracks / heads;
  if (cyls > 65535) throw bad("more than 65535 cylinders");

  // Every track must begin with its own home address.
  for (u64 t = 0; t < tracks; t++) {
    u8 ha[kHomeAddress];
    if (!pread_all(fd, ha, kHomeAddress, static_cast<off_t>(kHeaderSize + t * trksize)))
      throw bad("cannot read track " + std::to_string(t));
    const u32 cc = t / heads, hh = t % heads;
    if (ha[0] != 0 || load_be16(ha + 1) != cc || load_be16(ha + 3) != hh)
      throw bad("track " + std::to_string(t) + " (cylinder " + std::to_string(cc) + " head " +
                std::to_string(hh) + ") has a bad home address");
  }
  closer.keep = true;
  return std::unique_ptr<CkdImage>(new CkdImage(path, geo, fd, static_cast<u32>(cyls)));
}

std::unique_ptr<CkdImage> CkdImage::open_extent(const std::string& path, const CkdGeometry& geometry, u32 first,
                                                u32 count, bool read_only) {
  std::unique_ptr<CkdImage> img = open(path, geometry);
  if (count == 0 || u64{first} + count > img->cylinders_)
    throw DeviceError("disk image " + path + ": cylinders " + std::to_string(first) + " to " +
                      std::to_string(u64{first} + count - 1) + " are not within its " +
                      std::to_string(img->cylinders_) + " cylinders");
  img->first_ = first;
  img->extent_ = true;
  img->cylinders_ = count;
  img->read_only_ = read_only;
  return img;
}

void CkdImage::create(const std::string& path, const CkdGeometry& geo, u32 cylinders) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw DeviceError("cannot create disk image " + path + ": " + std::strerror(errno));
  u8 h[kHeaderSize] = {};
  std::memcpy(h, "CKD_P370", 8);
  h[8] = static_cast<u8>(geo.heads);
  h[12] = static_cast<u8>(geo.track_size), h[13] = static_cast<u8>(geo.track_size >> 8);
  h[16] = static_cast<u8>(geo.type);
  bool ok =
      pwrite_all(fd, h, kHeaderSize, 0) &&
      ::ftruncate(fd, static_cast<off_t>(kHeaderSize + u64{cylinders} * geo.heads * geo.track_size)) == 0;
  for (u32 c = 0; ok && c < cylinders; c++)
    for (u32 hd = 0; ok && hd < geo.heads; hd++) {
      // Home address, R0 (CCHH 0, no key, 8 bytes of zeros), end of track.
      u8 t[kHomeAddress + kCount + 8 + 8] = {};
      store_be16(t + 1, static_cast<u16>(c));
      store_be16(t + 3, static_cast<u16>(hd));
      store_be16(t + 5, static_cast<u16>(c));
      store_be16(t + 7, static_cast<u16>(hd));
      t[12] = 8;
      std::memset(t + 21, 0xFF, 8);
      ok = pwrite_all(fd, t, sizeof t,
                      static_cast<off_t>(kHeaderSize + (u64{c} * geo.heads + hd) * geo.track_size));
    }
  ::close(fd);
  if (!ok) throw DeviceError("cannot write disk image " + path);
}

bool CkdImage::read_track(u32 track, u8* buf) {
  const u64 real = u64{track} + u64{first_} * geo_.heads;
  if (!pread_all(fd_, buf, geo_.track_size, static_cast<off_t>(kHeaderSize + real * geo_.track_size))) return false;
  if (first_ != 0) {
    // A minidisk: its cylinders are counted from its first. The home
    // address names the real cylinder (the volume's format wrote it), and
    // so does record 0 until the guest writes its own: both read
    // relocated, as CP's minidisk relocation shows them.
    const u16 real_cc = static_cast<u16>(real / geo_.heads), rel_cc = static_cast<u16>(track / geo_.heads);
    if (load_be16(buf + 1) == real_cc) store_be16(buf + 1, rel_cc);
    if (load_be16(buf + kHomeAddress) == real_cc) store_be16(buf + kHomeAddress, rel_cc);
  }
  return true;
}

bool CkdImage::write(u32 track, u32 offset, const u8* data, u32 n) {
  if (read_only_) return false;
  const u64 real = u64{track} + u64{first_} * geo_.heads;
  return pwrite_all(fd_, data, n, static_cast<off_t>(kHeaderSize + real * geo_.track_size + offset));
}

}  // namespace s370::io
