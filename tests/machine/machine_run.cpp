// machine_run: runs a raw image on the bare machine with devices, for the
// differential tests against Hercules (herc-oracle loads raw images the same
// way). Like s370run, plus a device configuration in the format of s370:
//
//   machine_run [--config DEVICES.json] [--load HEX] [--psw HEX16]
//               [--set ADDR=HEX]... [--dump ADDR.LEN]... [--max-instructions N]
//               [--json] IMAGE
//
// The configuration's "mainsize" gives the storage size (default 2M, as
// herc-oracle); its "ipl" is ignored. Console output goes to stderr.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <vector>

#include "s370/channel/config.h"
#include "s370/channel/machine.h"
#include "s370/tools/report.h"

using namespace s370;
using report::BadInput;

int main(int argc, char** argv) {
  try {
    std::string config, image;
    u32 load = 0;
    u64 psw = 0x200, max = 100000000;
    bool json = false;
    std::vector<report::Dump> dumps;
    std::vector<std::pair<u32, std::vector<u8>>> sets;
    for (int i = 1; i < argc; i++) {
      const std::string a = argv[i];
      auto value = [&]() -> std::string {
        if (i + 1 >= argc) throw BadInput("option " + a + " needs a value");
        return argv[++i];
      };
      if (a == "--config")
        config = value();
      else if (a == "--load")
        load = static_cast<u32>(report::parse_hex(value(), a, 6));
      else if (a == "--psw")
        psw = report::parse_hex(value(), a);
      else if (a == "--dump")
        dumps.push_back(report::parse_dump(value()));
      else if (a == "--max-instructions")
        max = report::parse_dec(value(), a);
      else if (a == "--json")
        json = true;
      else if (a == "--set") {
        const std::string v = value();
        const auto p = v.find('=');
        if (p == std::string::npos) throw BadInput("--set needs ADDR=HEX");
        std::vector<u8> bytes;
        for (size_t k = p + 1; k + 1 < v.size(); k += 2)
          bytes.push_back(static_cast<u8>(report::parse_hex(v.substr(k, 2), a)));
        sets.push_back({static_cast<u32>(report::parse_hex(v.substr(0, p), a, 6)), bytes});
      } else if (!a.empty() && a[0] == '-')
        throw BadInput("unknown option " + a);
      else
        image = a;
    }
    if (image.empty()) throw BadInput("no image");
    io::MachineConfig mc;
    mc.mainsize_mb = 2;
    if (!config.empty()) {
      try {
        mc = io::read_config(config);
      } catch (const io::ConfigError& e) {
        throw BadInput(e.what());
      }
    }
    std::ifstream f(image, std::ios::binary);
    if (!f) throw BadInput("cannot read image " + image);
    std::vector<u8> img((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    io::Machine m(mc.mainsize_mb << 20);
    io::Operator op;
    op.output = [](std::string_view s) {
      std::fwrite(s.data(), 1, s.size(), stderr);
      std::fflush(stderr);
    };
    try {
      for (auto& dc : mc.devices) m.attach(io::make_device(mc, dc, op));
    } catch (const io::ConfigError& e) {
      throw BadInput(e.what());
    }
    if (!m.storage().write(AbsAddr(load), img.data(), static_cast<u32>(img.size())))
      throw BadInput("image larger than storage");
    for (auto& [addr, bytes] : sets)
      m.storage().write(AbsAddr(addr), bytes.data(), static_cast<u32>(bytes.size()));
    m.cpu().load_psw(Psw::from_u64(psw));
    const auto st = m.run(max);
    const std::string status = st == io::Machine::Status::Wait ? "wait" : "limit";
    report::print_state(std::cout, m.cpu(), m.storage(), status, dumps, json);
    return status == "wait" ? 0 : 2;
  } catch (const std::exception& e) {
    std::cerr << "machine_run: " << e.what() << "\n";
    return 1;
  }
}
