// CMS's installation (docs/CMS.md, "Installation"): the build's CMS
// nucleus becomes the saved system CMS that users IPL by name, as R6's
// SAVESYS CMS made it, with no step by hand. The saved system is the
// machine as IPL 190 leaves it: the nucleus image in storage from
// address 0 and its own IPL PSW, so `IPL CMS` and `IPL 190` start the
// same DMSINI.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "cp/saved_state.h"
#include "cp/system.h"
#include "cp/virtual_machine.h"
#include "s370/clock.h"

namespace fs = std::filesystem;

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

}  // namespace

void System::install_cms() {
  if (opt_.cms.empty()) return;
  const fs::path nuc = fs::path(opt_.cms) / "nucleus.bin";
  if (!fs::exists(nuc)) return;
  const std::vector<u8> image = read_file(nuc);
  // The nucleus ends below the user area at X'20000' (docs/CMS.md).
  if (image.size() < 8 || image.size() > 0x20000)
    throw std::runtime_error(nuc.string() + ": not a CMS nucleus image (" + std::to_string(image.size()) + " bytes)");
  const std::string stamp = stamp_of(image);
  const fs::path dir = fs::path(opt_.data) / "saved";
  fs::create_directories(dir);
  const fs::path vms = dir / "CMS.vms", st = dir / "CMS.stamp";
  std::error_code ec;
  if (fs::exists(vms, ec) && fs::exists(st, ec)) {
    std::ifstream in(st);
    std::string had;
    std::getline(in, had);
    if (had == stamp) return;
  }
  // The machine IPL 190 leaves: the image at 0, its PSW loaded.
  s370::HostClock clock;
  VirtualMachine vm(0x20000, clock);
  vm.storage().write(s370::AbsAddr(0), image.data(), static_cast<u32>(image.size()));
  u64 psw = 0;
  for (int i = 0; i < 8; i++) psw = psw << 8 | image[i];
  vm.cpu().load_psw(s370::Psw::from_u64(psw));
  save_state(vm, nullptr, vms.string(), 0, static_cast<u32>((image.size() - 1) >> 12));
  saved_.erase("CMS");
  // The stamp last, through a temporary file: a crash between the two
  // leaves an old stamp, and the next start makes the system again.
  const fs::path tmp = dir / "CMS.stamp.tmp";
  {
    std::ofstream out(tmp);
    out << stamp << "\n";
  }
  fs::rename(tmp, st);
  say_operator("CMS INSTALLED: SAVED SYSTEM CMS FROM " + nuc.string());
}

}  // namespace cp
