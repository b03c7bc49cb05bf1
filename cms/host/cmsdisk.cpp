// cmsdisk: CMS minidisks (800-byte format) on the host: list, read, write,
// erase, rename, format, stat (docs/CMS-DISK.md section 9).
//
//   cmsdisk DISK COMMAND [ARGS]
//   DISK: VOLUME.3350[:FIRSTCYL:CYLS], or --data DIR --user USERID --addr VADDR
//
// Exit status 0, 28 when the file is not found (CMS's return code for it),
// 1 for any other error, with "cmsdisk: message" on stderr. The directory
// of vm370 is read here with nlohmann json directly, so that the tool does
// not depend on CP.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cms/host/cmsfs.h"
#include "s370/channel/device.h"

namespace {

using cms::u32;
using cms::u8;
using s370::u64;
using s370::io::CkdGeometry;
using s370::io::CkdImage;

constexpr int kNotFound = 28;

const char kUsage[] =
    "usage: cmsdisk DISK COMMAND [ARGS]\n"
    "  DISK is  VOLUME.3350[:FIRSTCYL:CYLS]   an image file (the device type from its header),\n"
    "                                          optionally a minidisk extent of it\n"
    "       or  --data DIR --user USERID --addr VADDR\n"
    "                                          the user's minidisk in DIR/directory.json\n"
    "  list [fn [ft [fm]]]                     fn ft fm recfm lrecl records blocks date time label\n"
    "  read fn ft [fm] [HOSTFILE] [--binary]   to stdout unless HOSTFILE is given\n"
    "  write HOSTFILE fn ft [fm] [--recfm F|V] [--lrecl N] [--binary]\n"
    "  erase fn ft [fm]\n"
    "  rename fn ft fm fn2 ft2 fm2\n"
    "  format LABEL [CYLS]                     destroys every file, without asking\n"
    "  stat                                    label and QUERY DISK figures\n"
    "exit status: 0, 28 file not found, 1 any other error\n";

struct Failure {
  std::string message;
  int code = 1;
};

[[noreturn]] void fail(const std::string& m, int code = 1) {
  throw Failure{m, code};
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

u32 number(const std::string& s, const char* what) {
  if (s.empty() || s.size() > 9 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    fail(std::string(what) + " \"" + s + "\" is not a number");
  return static_cast<u32>(std::stoul(s));
}

// The geometry named by an image's device header (byte 16, the device
// type's low byte); none when the file has no CKD header.
const CkdGeometry* geometry_of_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  char h[20] = {};
  if (!f.read(h, sizeof h) || std::string(h, 8) != "CKD_P370") return nullptr;
  for (const char* name : {"3330", "3350"}) {
    const CkdGeometry* g = s370::io::ckd_geometry(name);
    if (g && static_cast<u8>(h[16]) == (g->type & 0xFF)) return g;
  }
  return nullptr;
}

// Where the disk is: an image file, the whole volume or an extent.
struct DiskSpec {
  std::string path;
  bool extent = false;
  u32 first = 0, count = 0;
  std::string what;  // for messages
};

DiskSpec parse_image_spec(const std::string& s) {
  DiskSpec d;
  d.path = s;
  d.what = s;
  // PATH:FIRST:COUNT, both numbers.
  const size_t b = s.rfind(':');
  if (b != std::string::npos && b > 0) {
    const size_t a = s.rfind(':', b - 1);
    auto digits = [](const std::string& x) {
      return !x.empty() && std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (a != std::string::npos && digits(s.substr(a + 1, b - a - 1)) && digits(s.substr(b + 1))) {
      d.path = s.substr(0, a);
      d.extent = true;
      d.first = number(s.substr(a + 1, b - a - 1), "FIRSTCYL");
      d.count = number(s.substr(b + 1), "CYLS");
    }
  }
  return d;
}

// The minidisk `addr` of `user` in DIR/directory.json (cp/directory.h has
// the format): its volume file DIR/volumes/VOLSER.devtype and extent.
DiskSpec parse_directory_spec(const std::string& dir, const std::string& user, const std::string& addr) {
  namespace fs = std::filesystem;
  const std::string jpath = (fs::path(dir) / "directory.json").string();
  std::ifstream f(jpath);
  if (!f) fail("cannot read " + jpath);
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(f);
  } catch (const nlohmann::json::exception& e) {
    fail(jpath + ": " + e.what());
  }
  auto hexval = [](const std::string& s, int& out) {
    if (s.empty() || s.size() > 3) return false;
    out = 0;
    for (char c : s) {
      const int v = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
      if (v < 0) return false;
      out = out * 16 + v;
    }
    return true;
  };
  int want = 0;
  if (!hexval(addr, want)) fail("\"" + addr + "\" is not a device address (1 to 3 hex digits)");
  if (!j.is_object() || !j.contains("users") || !j["users"].is_array()) fail(jpath + ": no \"users\" list");
  for (const auto& u : j["users"]) {
    if (!u.is_object() || !u.contains("userid") || !u["userid"].is_string() ||
        upper(u["userid"].get<std::string>()) != upper(user))
      continue;
    if (!u.contains("devices") || !u["devices"].is_array()) break;
    for (const auto& d : u["devices"]) {
      int a = -1;
      if (!d.is_object() || !d.contains("address") || !d["address"].is_string() ||
          !hexval(d["address"].get<std::string>(), a) || a != want)
        continue;
      const std::string type = d.value("type", "");
      if (type != "minidisk") fail(upper(user) + "'s " + upper(addr) + " is a " + type + ", not a minidisk");
      try {
        DiskSpec s;
        const std::string vol = upper(d.at("volume").get<std::string>());
        const std::string devtype = d.value("devtype", "3350");
        if (vol.empty() || vol.find('/') != std::string::npos || vol.find('.') != std::string::npos)
          fail(jpath + ": \"" + vol + "\" is not a volume serial");
        s.path = (fs::path(dir) / "volumes" / (vol + "." + devtype)).string();
        s.extent = true;
        s.first = d.at("cylinder").get<u32>();
        s.count = d.at("cylinders").get<u32>();
        s.what = upper(user) + " " + upper(addr) + " (" + vol + " cylinders " + std::to_string(s.first) +
                 "-" + std::to_string(s.first + s.count - 1) + ")";
        return s;
      } catch (const nlohmann::json::exception& e) {
        fail(jpath + ": " + upper(user) + "'s minidisk " + upper(addr) + ": " + e.what());
      }
    }
    fail(upper(user) + " has no device " + upper(addr) + " in " + jpath);
  }
  fail("no user " + upper(user) + " in " + jpath);
}

std::unique_ptr<CkdImage> open_image(const DiskSpec& d, bool read_only) {
  const CkdGeometry* g = geometry_of_file(d.path);
  // No header we know: CkdImage::open says what is wrong with the file.
  if (!g) g = s370::io::ckd_geometry("3350");
  if (d.extent) return CkdImage::open_extent(d.path, *g, d.first, d.count, read_only);
  std::unique_ptr<CkdImage> img = CkdImage::open(d.path, *g);
  if (read_only) return CkdImage::open_extent(d.path, *g, 0, img->cylinders(), true);
  return img;
}

std::string read_host(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) fail("cannot read " + path);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void write_host(const std::string& path, const std::string& data) {
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f || !f.write(data.data(), static_cast<std::streamsize>(data.size())) || !f.flush())
    fail("cannot write " + path);
}

bool looks_like_mode(const std::string& s) {
  if (s == "*") return true;
  const std::string u = upper(s);
  return (u.size() == 1 || u.size() == 2) && u[0] >= 'A' && u[0] <= 'Z' &&
         (u.size() == 1 || (u[1] >= '0' && u[1] <= '9') || u[1] == '*');
}

std::string fid(const std::string& fn, const std::string& ft, const std::string& fm) {
  return upper(fn) + " " + upper(ft) + (fm.empty() || fm == "*" ? "" : " " + upper(fm));
}

int run(std::vector<std::string> args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kUsage;
    return args.empty() ? 1 : 0;
  }
  DiskSpec spec;
  size_t at = 0;
  if (args[0] == "--data" || args[0] == "--user" || args[0] == "--addr") {
    std::string dir, user, addr;
    while (at + 1 < args.size() && (args[at] == "--data" || args[at] == "--user" || args[at] == "--addr")) {
      (args[at] == "--data" ? dir : args[at] == "--user" ? user : addr) = args[at + 1];
      at += 2;
    }
    if (dir.empty() || user.empty() || addr.empty())
      fail("--data DIR --user USERID --addr VADDR go together");
    spec = parse_directory_spec(dir, user, addr);
  } else {
    spec = parse_image_spec(args[0]);
    at = 1;
  }
  if (at >= args.size()) fail("no command (list, read, write, erase, rename, format, stat)");
  const std::string cmd = args[at++];

  // Options anywhere after the command; the rest is positional.
  bool binary = false;
  char recfm = 'F';
  u32 lrecl = 0;
  std::vector<std::string> pos;
  for (size_t i = at; i < args.size(); i++) {
    if (args[i] == "--binary") {
      binary = true;
    } else if (args[i] == "--recfm" || args[i] == "--lrecl") {
      if (i + 1 >= args.size()) fail(args[i] + " needs a value");
      const std::string v = args[++i];
      if (args[i - 1] == "--recfm") {
        if (upper(v) != "F" && upper(v) != "V") fail("--recfm is F or V");
        recfm = upper(v)[0];
      } else {
        lrecl = number(v, "LRECL");
        if (lrecl == 0 || lrecl > 65535) fail("LRECL must be 1 to 65535");
      }
    } else if (args[i].size() > 2 && args[i].compare(0, 2, "--") == 0) {
      fail("unknown option " + args[i]);
    } else {
      pos.push_back(args[i]);
    }
  }
  auto want = [&](size_t lo, size_t hi) {
    if (pos.size() < lo || pos.size() > hi) fail("wrong arguments for " + cmd + "\n" + kUsage);
  };

  if (cmd == "format") {
    want(1, 2);
    std::unique_ptr<CkdImage> img = open_image(spec, false);
    const u32 cyls = pos.size() == 2 ? number(pos[1], "CYLS") : 0;
    cms::CmsDisk::format(*img, pos[0], cyls);
    auto d = cms::CmsDisk::open(std::move(img));
    const auto st = d->stats();
    std::cout << "FORMATTED " << st.label << ": " << st.cylinders << " cylinders, " << st.blocks
              << " blocks\n";
    return 0;
  }

  const bool writes = cmd == "write" || cmd == "erase" || cmd == "rename";
  std::unique_ptr<cms::CmsDisk> disk = cms::CmsDisk::open(open_image(spec, !writes));
  if (!disk->formatted()) fail(spec.what + " is not a CMS-formatted disk (no CMS= label)");

  if (cmd == "stat") {
    want(0, 0);
    const auto st = disk->stats();
    const u32 pct = st.blocks ? static_cast<u32>((u64{st.used} * 100 + st.blocks - 1) / st.blocks) : 0;
    std::cout << "LABEL " << st.label << "\n"
              << st.label << ": " << st.files << " FILES; " << st.used << " REC IN USE, " << st.left
              << " LEFT (OF " << st.blocks << "), " << pct << "% FULL (" << st.cylinders << " CYL), "
              << st.device << "\n";
    if (const auto n = cms::nucleus_stamp(disk->image())) std::cout << "NUCLEUS " << *n << "\n";
    return 0;
  }
  if (cmd == "list") {
    want(0, 3);
    const std::string fn = pos.size() > 0 ? pos[0] : "*", ft = pos.size() > 1 ? pos[1] : "*",
                      fm = pos.size() > 2 ? pos[2] : "*";
    const auto files = disk->list(fn, ft, fm);
    if (files.empty()) fail("file " + fid(fn, ft, fm) + " not found", kNotFound);
    const std::string label = disk->label();
    for (const cms::FileInfo& i : files) {
      char line[160];
      std::snprintf(line, sizeof line, "%-8s %-8s %-2s %c %5u %6u %5u %2d/%02d/%02d %2d:%02d %s\n",
                    i.fn.c_str(), i.ft.c_str(), i.mode.c_str(), i.recfm, i.lrecl, i.records, i.blocks,
                    i.written.month, i.written.day, i.written.year % 100, i.written.hour, i.written.minute,
                    label.c_str());
      std::cout << line;
    }
    return 0;
  }
  if (cmd == "read") {
    want(2, 4);
    std::string fm = "*", host;
    if (pos.size() == 3) (looks_like_mode(pos[2]) ? fm : host) = pos[2];
    if (pos.size() == 4) fm = pos[2], host = pos[3];
    const auto f = disk->read(pos[0], pos[1], fm);
    if (!f) fail("file " + fid(pos[0], pos[1], fm) + " not found", kNotFound);
    std::string out;
    if (binary) {
      for (const auto& r : f->records) {
        if (f->recfm == 'V')
          out += static_cast<char>(r.size() >> 8), out += static_cast<char>(r.size() & 0xFF);
        out.append(r.begin(), r.end());
      }
    } else {
      out = cms::records_to_text(*f);
    }
    if (host.empty()) {
      std::cout.write(out.data(), static_cast<std::streamsize>(out.size()));
      std::cout.flush();
      if (!std::cout) fail("cannot write to stdout");
    } else {
      write_host(host, out);
    }
    return 0;
  }
  if (cmd == "write") {
    want(3, 4);
    const std::string data = read_host(pos[0]);
    cms::File f;
    f.fn = pos[1];
    f.ft = pos[2];
    if (pos.size() == 4) f.mode = pos[3];
    f.recfm = recfm;
    f.lrecl = lrecl ? lrecl : 80;
    if (binary) {
      const auto* p = reinterpret_cast<const u8*>(data.data());
      if (recfm == 'F') {
        if (data.size() % f.lrecl)
          fail(pos[0] + ": " + std::to_string(data.size()) + " bytes are not a whole number of " +
               std::to_string(f.lrecl) + "-byte records");
        for (size_t i = 0; i < data.size(); i += f.lrecl) f.records.emplace_back(p + i, p + i + f.lrecl);
      } else {
        for (size_t i = 0; i < data.size();) {
          if (i + 2 > data.size()) fail(pos[0] + ": a record length is cut off at byte " + std::to_string(i));
          const size_t n = size_t{p[i]} << 8 | p[i + 1];
          if (i + 2 + n > data.size())
            fail(pos[0] + ": the record at byte " + std::to_string(i) + " is cut off (" + std::to_string(n) +
                 " bytes)");
          if (lrecl && n > lrecl)
            fail(pos[0] + ": the record at byte " + std::to_string(i) + " is longer than LRECL " +
                 std::to_string(lrecl));
          f.records.emplace_back(p + i + 2, p + i + 2 + n);
          i += 2 + n;
        }
      }
    } else {
      try {
        f.records = cms::text_to_records(data, recfm, recfm == 'F' ? f.lrecl : lrecl);
      } catch (const cms::Error& e) {
        fail(pos[0] + ": " + e.what());
      }
    }
    disk->write(f);
    if (f.records.empty())
      std::cerr << "cmsdisk: " << pos[0] << " is empty: no file " << fid(f.fn, f.ft, "")
                << " is written (CMS has no empty files)\n";
    return 0;
  }
  if (cmd == "erase") {
    want(2, 3);
    const std::string fm = pos.size() == 3 ? pos[2] : "*";
    if (!disk->erase(pos[0], pos[1], fm)) fail("file " + fid(pos[0], pos[1], fm) + " not found", kNotFound);
    return 0;
  }
  if (cmd == "rename") {
    want(6, 6);
    if (!disk->rename(pos[0], pos[1], pos[2], pos[3], pos[4], pos[5]))
      fail("file " + fid(pos[0], pos[1], pos[2]) + " not found", kNotFound);
    return 0;
  }
  fail("unknown command \"" + cmd + "\"\n" + kUsage);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    return run(std::move(args));
  } catch (const Failure& f) {
    std::cerr << "cmsdisk: " << f.message << "\n";
    return f.code;
  } catch (const cms::Error& e) {
    std::cerr << "cmsdisk: " << e.what() << "\n";
  } catch (const s370::io::DeviceError& e) {
    std::cerr << "cmsdisk: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "cmsdisk: " << e.what() << "\n";
  }
  return 1;
}
