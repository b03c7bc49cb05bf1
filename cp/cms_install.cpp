// CMS's installation (docs/CMS.md, "Installation"), with no step by hand:
// - the system disk, MAINT's 190: its CMS file area formatted with the
//   build's system files (build/cms/sdisk: text files FN.FT, modules
//   FN.MODULE), the nucleus in its last cylinder and IPL records that
//   load it (cms/host/cmsfs.h), whenever the nucleus there is not the
//   build's (the 190 is the system's: MAINT's own files on it go too);
// - the saved system CMS that users IPL by name, as R6's SAVESYS CMS made
//   it: the machine as IPL 190 leaves it, the nucleus image in storage
//   from address 0 and its own IPL PSW, so `IPL CMS` and `IPL 190` start
//   the same DMSINI;
// - on a first start, the default users' 191 minidisks formatted, so that
//   a new user's A-disk is ready as on a distributed VM/370 system.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "cms/host/cmsfs.h"
#include "cp/directory.h"
#include "cp/saved_state.h"
#include "cp/system.h"
#include "cp/virtual_machine.h"
#include "cp/volumes.h"
#include "s370/channel/ckd_image.h"
#include "s370/clock.h"

namespace fs = std::filesystem;

extern const unsigned char kGcpImage[];
extern const std::size_t kGcpImage_size;

namespace cp {

namespace {

std::vector<u8> read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + p.string());
  return std::vector<u8>(std::istreambuf_iterator<char>(in), {});
}

// A stamp of the image (FNV-1a and the size): the saved system is made
// again when the build's nucleus is not the one it was made from.
std::string stamp_of(const std::vector<u8>& image) {
  u64 h = 1469598103934665603ULL;
  for (u8 b : image) h = (h ^ b) * 1099511628211ULL;
  char s[64];
  std::snprintf(s, sizeof s, "%016llx-%zu", static_cast<unsigned long long>(h), image.size());
  return s;
}

// The system disk's files from the build: FN.FT text files as F 80
// records (V when a line is longer), FN.MODULE images as MODULE files (the
// 32-byte header, then the image in records of 4096 bytes).
std::vector<cms::File> system_files(const fs::path& dir) {
  std::vector<cms::File> files;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    const std::string name = e.path().filename().string();
    const std::size_t dot = name.find('.');
    if (dot == std::string::npos || dot == 0 || dot > 8 || name.size() - dot - 1 > 8 ||
        name.size() - dot - 1 == 0)
      continue;
    cms::File f;
    f.fn = name.substr(0, dot);
    f.ft = name.substr(dot + 1);
    f.mode = "S2";
    const std::vector<u8> data = read_file(e.path());
    if (f.ft == "MODULE") {
      f.recfm = 'V';
      f.lrecl = 4096;
      for (std::size_t at = 0; at < data.size();) {
        const std::size_t n = at == 0 ? std::min<std::size_t>(32, data.size()) : std::min<std::size_t>(4096, data.size() - at);
        f.records.emplace_back(data.begin() + static_cast<long>(at), data.begin() + static_cast<long>(at + n));
        at += n;
      }
    } else {
      const std::string text(data.begin(), data.end());
      bool longer = false;
      std::size_t start = 0;
      while (start < text.size()) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        if (nl - start > 80) longer = true;
        start = nl + 1;
      }
      f.recfm = longer ? 'V' : 'F';
      f.lrecl = longer ? 0 : 80;
      f.records = cms::text_to_records(text, f.recfm, f.lrecl);
    }
    f.fn = std::string(f.fn.begin(), f.fn.end());
    for (char& c : f.fn) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    for (char& c : f.ft) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (!f.records.empty()) files.push_back(std::move(f));
  }
  return files;
}

}  // namespace

void System::install_system_disk(const std::vector<u8>& image) {
  const UserEntry* maint = dir_->find("MAINT");
  const DeviceEntry* d = maint ? maint->device(0x190) : nullptr;
  if (!d || d->kind != DevKind::Minidisk || d->cylinders < 2) return;
  const s370::io::CkdGeometry* geo = s370::io::ckd_geometry(d->devtype);
  if (!geo) return;
  auto disk = s370::io::CkdImage::open_extent(volumes_->path(d->volume, d->devtype), *geo, d->cylinder,
                                              d->cylinders, false);
  // Installed again when the nucleus on the disk is not the build's, or
  // the build's system files changed (a stamp of them all, kept in the
  // data folder and written once the disk is done).
  const std::vector<cms::File> files = system_files(fs::path(opt_.cms) / "sdisk");
  std::vector<u8> all(image);
  for (const cms::File& f : files) {
    all.insert(all.end(), f.fn.begin(), f.fn.end());
    all.insert(all.end(), f.ft.begin(), f.ft.end());
    for (const auto& r : f.records) all.insert(all.end(), r.begin(), r.end());
  }
  const std::string want = stamp_of(all);
  const fs::path st = fs::path(opt_.data) / "saved" / "S190.stamp";
  std::string had_files;
  {
    std::ifstream in(st);
    std::getline(in, had_files);
  }
  const std::optional<std::string> had = cms::nucleus_stamp(*disk);
  if (had && *had == cms::nucleus_stamp_of(image) && had_files == want) return;
  cms::install_system_disk(*disk, "CMS190", image, files, 1);
  fs::create_directories(st.parent_path());
  const fs::path tmp = fs::path(st.string() + ".tmp");
  {
    std::ofstream out(tmp);
    out << want << "\n";
  }
  fs::rename(tmp, st);
  say_operator("CMS INSTALLED ON MAINT'S 190 (" + d->volume + "): " + std::to_string(files.size()) + " FILES");
}

void System::format_new_a_disks() {
  for (const UserEntry& u : dir_->users()) {
    const DeviceEntry* d = u.device(0x191);
    if (!d || d->kind != DevKind::Minidisk || !d->cylinders) continue;
    const s370::io::CkdGeometry* geo = s370::io::ckd_geometry(d->devtype);
    if (!geo) continue;
    try {
      auto disk = s370::io::CkdImage::open_extent(volumes_->path(d->volume, d->devtype), *geo, d->cylinder,
                                                  d->cylinders, false);
      auto cd = cms::CmsDisk::open(*disk);
      if (cd->formatted()) continue;
      cd.reset();
      std::string label = u.userid.substr(0, 6);
      cms::CmsDisk::format(*disk, label);
    } catch (const std::exception& e) {
      say_operator("DMKCMS001W " + u.userid + " 191 NOT FORMATTED: " + e.what());
    }
  }
}

void System::install_cms() {
  if (opt_.cms.empty()) return;
  const fs::path nuc = fs::path(opt_.cms) / "nucleus.bin";
  if (!fs::exists(nuc)) return;
  const std::vector<u8> image = read_file(nuc);
  // The nucleus ends below the user area at X'20000' (docs/CMS.md).
  if (image.size() < 8 || image.size() > 0x20000)
    throw std::runtime_error(nuc.string() + ": not a CMS nucleus image (" + std::to_string(image.size()) + " bytes)");
  try {
    install_system_disk(image);
  } catch (const std::exception& e) {
    say_operator(std::string("DMKCMS002E CMS NOT INSTALLED ON THE SYSTEM DISK: ") + e.what());
  }
  if (save_system("CMS", image, 0x20000)) say_operator("CMS INSTALLED: SAVED SYSTEM CMS FROM " + nuc.string());
}

// A saved system made from an image: the machine as an IPL of the image
// leaves it (the image at 0, its own PSW at 0 loaded), pages 0 to the
// image's end saved (shared by its users until each one's first write).
// Made again only when the image changed. True when it was made.
bool System::save_system(const std::string& name, const std::vector<u8>& image, u32 storage) {
  const std::string stamp = stamp_of(image);
  const fs::path dir = fs::path(opt_.data) / "saved";
  fs::create_directories(dir);
  const fs::path vms = dir / (name + ".vms"), st = dir / (name + ".stamp");
  std::error_code ec;
  if (fs::exists(vms, ec) && fs::exists(st, ec)) {
    std::ifstream in(st);
    std::string had;
    std::getline(in, had);
    if (had == stamp) return false;
  }
  s370::HostClock clock;
  VirtualMachine vm(storage, clock);
  vm.storage().write(s370::AbsAddr(0), image.data(), static_cast<u32>(image.size()));
  u64 psw = 0;
  for (int i = 0; i < 8; i++) psw = psw << 8 | image[i];
  vm.cpu().load_psw(s370::Psw::from_u64(psw));
  save_state(vm, nullptr, vms.string(), 0, static_cast<u32>((image.size() - 1) >> 12));
  saved_.erase(name);
  // The stamp last, through a temporary file: a crash between the two
  // leaves an old stamp, and the next start makes the system again.
  const fs::path tmp = dir / (name + ".stamp.tmp");
  {
    std::ofstream out(tmp);
    out << stamp << "\n";
  }
  fs::rename(tmp, st);
  return true;
}

// The saved system GCP (docs/VM-UNDER-VM.md): the guest control program,
// in S/370 code, that a user IPLs by name to run a machine of their own
// under it (IPL 190 for CMS, or IPL GCP for one level more).
void System::install_gcp() {
  const std::vector<u8> image(kGcpImage, kGcpImage + kGcpImage_size);
  if (save_system("GCP", image, static_cast<u32>((image.size() + 0xFFF) & ~size_t{0xFFF})))
    say_operator("GCP INSTALLED: SAVED SYSTEM GCP, A CONTROL PROGRAM IN S/370 CODE (IPL GCP)");
}

}  // namespace cp
