// The system's real volumes (see volumes.h).
#include "cp/volumes.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <stdexcept>

#include "cp/directory.h"
#include "s370/channel/ckd_image.h"
#include "s370/channel/device.h"
#include "s370/channel/ebcdic.h"

namespace cp {

namespace {

namespace fs = std::filesystem;
using s370::u16;
using s370::u32;
using s370::u8;
using s370::io::CkdGeometry;
using s370::io::DeviceError;

constexpr u32 kHeaderSize = 512, kHomeAddress = 5, kCount = 8;

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// Letters, digits, $#@ and the hyphen, 1 to 6 of them: never a path.
bool is_volser(const std::string& s) {
  return !s.empty() && s.size() <= 6 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '$' || c == '#' || c == '@' || c == '-';
  });
}

// One record of track 0: count (CCHH 0, R, key length, data length), key, data.
void put_record(std::vector<u8>& t, u8 r, std::string_view key, const std::vector<u8>& data) {
  const u8 count[kCount] = {
      0, 0, 0, 0, r, static_cast<u8>(key.size()), static_cast<u8>(data.size() >> 8), static_cast<u8>(data.size())};
  t.insert(t.end(), count, count + kCount);
  const std::vector<u8> k = s370::io::to_ebcdic(key);
  t.insert(t.end(), k.begin(), k.end());
  t.insert(t.end(), data.begin(), data.end());
}

// Track 0 of a new volume, as dasdinit makes it.
std::vector<u8> label_track(const std::string& volser) {
  std::vector<u8> t(kHomeAddress, 0);  // home address: flag 0, cylinder 0, head 0
  put_record(t, 0, "", std::vector<u8>(8, 0));
  // IPL1: a disabled wait PSW (code X'F') and a NOP, so that IPL of a
  // volume that holds no system stops plainly instead of looping.
  std::vector<u8> ipl1(24, 0);
  const u8 psw[8] = {0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x0F};
  const u8 nop[8] = {0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01};
  std::copy(psw, psw + 8, ipl1.begin());
  std::copy(nop, nop + 8, ipl1.begin() + 8);
  put_record(t, 1, "IPL1", ipl1);
  put_record(t, 2, "IPL2", std::vector<u8>(144, 0));
  // VOL1 (80 bytes): "VOL1", the serial, blanks; the VTOC pointer
  // (bytes 11-15) stays zero, as CP's volumes carry no OS VTOC.
  std::vector<u8> vol1(80, s370::io::kEbcdicBlank);
  const std::vector<u8> id = s370::io::to_ebcdic("VOL1" + volser + std::string(6 - volser.size(), ' '));
  std::copy(id.begin(), id.end(), vol1.begin());
  std::fill(vol1.begin() + 11, vol1.begin() + 16, 0);
  put_record(t, 3, "VOL1", vol1);
  t.insert(t.end(), 8, 0xFF);  // end of track
  return t;
}

void sync_path(const std::string& p, int flags) {
  const int fd = ::open(p.c_str(), flags | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot open " + p + ": " + std::strerror(errno));
  const bool ok = ::fsync(fd) == 0;
  const int err = errno;
  ::close(fd);
  if (!ok) throw std::runtime_error("cannot flush " + p + ": " + std::strerror(err));
}

}  // namespace

Volumes::Volumes(std::string folder) : folder_(std::move(folder)) {
  std::error_code ec;
  fs::create_directories(folder_, ec);
  if (ec) throw std::runtime_error("cannot create the volumes folder " + folder_ + ": " + ec.message());
}

std::string Volumes::path(const std::string& volser, const std::string& devtype) const {
  const std::string v = upper(volser);
  if (!is_volser(v))
    throw std::runtime_error("volume \"" + volser + "\": not a volume serial (1 to 6 letters, digits, $#@-)");
  if (!s370::io::ckd_geometry(devtype))
    throw std::runtime_error("volume " + v + ": \"" + devtype + "\" is not a disk this CP has (3330 or 3350)");
  return (fs::path(folder_) / (v + "." + devtype)).string();
}

bool Volumes::exists(const std::string& volser, const std::string& devtype) const {
  std::error_code ec;
  return fs::is_regular_file(path(volser, devtype), ec);
}

std::string Volumes::ensure(const std::string& volser, const std::string& devtype) {
  const std::string p = path(volser, devtype), v = upper(volser);
  const CkdGeometry& g = *s370::io::ckd_geometry(devtype);
  std::lock_guard lock(mutex_);
  if (exists(v, devtype)) return p;

  // Made under a temporary name and linked into place only when whole, so
  // that a crash never leaves a half-made image under the volume's name;
  // and link(), unlike rename(), will not replace an image another
  // process made meanwhile.
  std::string tmp = (fs::path(folder_) / ("." + v + "." + devtype + ".XXXXXX")).string();
  // (mkstemp makes it mode 0600, which the image keeps: it holds every
  // user's minidisks.)
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw std::runtime_error("volume " + v + ": cannot create " + tmp + ": " + std::strerror(errno));
  ::close(fd);
  try {
    s370::io::CkdImage::create(tmp, g, g.cylinders);
    {
      const auto img = s370::io::CkdImage::open(tmp, g);
      const std::vector<u8> t = label_track(v);
      if (!img->write(0, 0, t.data(), static_cast<u32>(t.size())))
        throw DeviceError("cannot write the label to " + tmp);
    }
    sync_path(tmp, O_RDWR);
    if (::link(tmp.c_str(), p.c_str()) != 0 && errno != EEXIST) {
      // A file system without hard links: a plain rename, the mutex
      // still keeping this process's threads apart.
      if (::rename(tmp.c_str(), p.c_str()) != 0)
        throw DeviceError("cannot rename to " + p + ": " + std::strerror(errno));
    }
    ::unlink(tmp.c_str());
    sync_path(folder_, O_RDONLY | O_DIRECTORY);
  } catch (const std::exception& e) {
    ::unlink(tmp.c_str());
    throw DeviceError("volume " + v + " (" + devtype + "): " + e.what());
  }
  return p;
}

std::string Volumes::read_label(const std::string& image_path) {
  const int fd = ::open(image_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) throw DeviceError("cannot open disk image " + image_path + ": " + std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  u8 h[kHeaderSize];
  if (!s370::io::pread_all(fd, h, kHeaderSize, 0) || std::memcmp(h, "CKD_P370", 8) != 0)
    throw DeviceError("disk image " + image_path + ": not a CKD image (no CKD_P370 device header)");
  const u32 trksize = h[12] | (h[13] << 8) | (h[14] << 16) | (u32{h[15]} << 24);
  if (trksize < kHomeAddress + kCount || trksize > 65536)
    throw DeviceError("disk image " + image_path + ": track size " + std::to_string(trksize) + " in the header");
  std::vector<u8> t(trksize);
  if (!s370::io::pread_all(fd, t.data(), trksize, kHeaderSize)) return "";

  // Record 3 of track 0, whose data begins "VOL1": OS's label and CP's
  // (a CMS-formatted minidisk at cylinder 0 has "CMS1" there instead).
  const std::vector<u8> vol1 = s370::io::to_ebcdic("VOL1");
  for (size_t pos = kHomeAddress; pos + kCount <= trksize;) {
    const u8* c = &t[pos];
    if (std::all_of(c, c + kCount, [](u8 b) { return b == 0xFF; })) break;
    const size_t kl = c[5], dl = static_cast<size_t>(c[6] << 8 | c[7]);
    const size_t data = pos + kCount + kl;
    if (data + dl > trksize) break;
    if (c[4] == 3 && dl >= 10 && std::equal(vol1.begin(), vol1.end(), &t[data])) {
      std::string s = s370::io::to_ascii(&t[data + 4], 6);
      s.erase(s.find_last_not_of(' ') + 1);
      return s;
    }
    pos = data + dl;
  }
  return "";
}

std::vector<std::pair<std::string, std::string>> Volumes::list() const {
  std::vector<std::pair<std::string, std::string>> out;
  std::error_code ec;
  for (const fs::directory_entry& e : fs::directory_iterator(folder_, ec)) {
    std::error_code ec2;
    if (!e.is_regular_file(ec2)) continue;
    const std::string name = e.path().filename().string();
    const size_t dot = name.rfind('.');
    if (dot == std::string::npos) continue;
    const std::string v = name.substr(0, dot), type = name.substr(dot + 1);
    // Only names ensure() would make: the temporary ".VOLSER..." files and
    // anything else a person left in the folder are not volumes.
    if (is_volser(v) && s370::io::ckd_geometry(type)) out.emplace_back(v, type);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void Volumes::ensure_all(const Directory& d) {
  for (const UserEntry& u : d.users())
    for (const DeviceEntry& dev : u.devices)
      if (dev.kind == DevKind::Minidisk) ensure(dev.volume, dev.devtype);
}

}  // namespace cp
