// s370run --levels: the stack of guest control programs (levels.h).
#include "cp/tools/levels.h"

#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>

extern const unsigned char kGcpImage[];
extern const std::size_t kGcpImage_size;

namespace cp::levels {

namespace {

using s370::AbsAddr;

// GCP's page 0 (cp/guest/gcp.asm): the parameter block its starter
// writes, the VMBLOK it keeps.
constexpr u32 kParm = 0x800, kParmLevel = 0x808, kParmSize = 0x80C, kParmPsw = 0x810, kParmGpr = 0x818,
              kParmCr = 0x858, kParmFpr = 0x898, kParmLoad = 0x8B8, kParmLoadLen = 0x8BC, kParmEnd = 0x8C0;
constexpr u32 kVmPsw = 0xC10, kVmGpr = 0xC18, kVmCr = 0xC58, kVmSize = 0xC9C, kVmFrames = 0xCA0,
              kVmStat = 0xCA4, kVmStopOp = 0xCA8, kVmTraps = 0xCAC, kVmEmul = 0xCB0, kVmPgm = 0xCB4,
              kVmSvc = 0xCB8, kVmExt = 0xCBC, kVmFrameCount = 0xCC0;
// Where GCP's frames begin: its load area must leave room above this.
constexpr u32 kGcpFrames = 0x10000;

using Records = std::vector<std::pair<u32, std::vector<u8>>>;

void put32(std::vector<u8>& b, u32 at, u32 v) {
  for (int i = 0; i < 4; i++) b[at + i] = static_cast<u8>(v >> (24 - 8 * i));
}
void put64(std::vector<u8>& b, u32 at, u64 v) {
  put32(b, at, static_cast<u32>(v >> 32));
  put32(b, at + 4, static_cast<u32>(v));
}
u64 get64(const u8* p) {
  u64 v = 0;
  for (int i = 0; i < 8; i++) v = (v << 8) | p[i];
  return v;
}

// The records a GCP copies into its guest's storage at its start:
// (address, length, bytes padded to a word), one after the other.
std::vector<u8> load_area(const Records& recs) {
  std::vector<u8> a;
  for (const auto& [addr, bytes] : recs) {
    std::vector<u8> head(8);
    put32(head, 0, addr);
    put32(head, 4, static_cast<u32>(bytes.size()));
    a.insert(a.end(), head.begin(), head.end());
    a.insert(a.end(), bytes.begin(), bytes.end());
    a.resize((a.size() + 3) & ~size_t{3});
  }
  return a;
}

// The state a machine starts in: the innermost's from the options, a
// GCP's machine as after a reset, at GCP's IPL PSW.
struct Start {
  u32 size;
  u64 psw;
  u32 gpr[16] = {}, cr[16] = {};
  u64 fpr[4] = {};
};

Start gcp_start() {
  Start s{kGcpMachine, get64(kGcpImage)};
  // The reset values of the control registers (as s370::Cpu::reset).
  s.cr[0] = 0x000000E0;
  s.cr[2] = 0xFFFFFFFF;
  s.cr[14] = 0xC2000000;
  s.cr[15] = 0x00000200;
  return s;
}

}  // namespace

u64 build(int levels, const Guest& guest, s370::Storage& level1) {
  Records recs = guest.storage;
  Start st{guest.size, guest.psw};
  for (int i = 0; i < 16; i++) st.gpr[i] = guest.gpr[i], st.cr[i] = guest.cr[i];
  for (int i = 0; i < 4; i++) st.fpr[i] = guest.fpr[i];
  // From the innermost outwards: the machine of level k runs the GCP of
  // level k + 1, whose guest is the machine of level k + 1.
  for (int k = levels - 1; k >= 1; k--) {
    const std::vector<u8> area = load_area(recs);
    const u32 area_at = static_cast<u32>((kGcpMachine - area.size()) & ~size_t{0xFFF});
    if (area.size() >= kGcpMachine || area_at < kGcpFrames + (1u << 20))
      throw std::runtime_error("the image is too large for --levels (it must leave a GCP 1M for frames)");
    std::vector<u8> parm(kParmEnd - kParm);
    const u8 ebcdic[] = {0xC7, 0xC3, 0xD7, 0xD7, 0xC1, 0xD9, 0xD4, 0xF1};  // GCPPARM1
    std::copy(std::begin(ebcdic), std::end(ebcdic), parm.begin());
    put32(parm, kParmLevel - kParm, static_cast<u32>(k + 1));
    put32(parm, kParmSize - kParm, st.size);
    put64(parm, kParmPsw - kParm, st.psw);
    for (int i = 0; i < 16; i++) put32(parm, kParmGpr - kParm + 4 * i, st.gpr[i]);
    for (int i = 0; i < 16; i++) put32(parm, kParmCr - kParm + 4 * i, st.cr[i]);
    for (int i = 0; i < 4; i++) put64(parm, kParmFpr - kParm + 8 * i, st.fpr[i]);
    put32(parm, kParmLoad - kParm, area_at);
    put32(parm, kParmLoadLen - kParm, static_cast<u32>(area.size()));
    recs.clear();
    recs.push_back({0, std::vector<u8>(kGcpImage, kGcpImage + kGcpImage_size)});
    recs.push_back({kParm, parm});
    recs.push_back({area_at, area});
    st = gcp_start();
  }
  for (const auto& [addr, bytes] : recs) level1.write(AbsAddr(addr), bytes.data(), static_cast<u32>(bytes.size()));
  return st.psw;
}

namespace {

// Reads the absolute storage of the machine of a level, through the
// frame tables of the GCPs above it.
struct Reader {
  s370::Storage& l1;
  void read(int level, u32 addr, u8* out, u32 len) const {
    if (level == 1) {
      // Addresses come from the guests' storage (a VMBLOK anyone can
      // forge in their own machine, for QUERY LEVELS): beyond storage
      // reads as zeros.
      if (!l1.read(AbsAddr(addr), out, len)) std::fill(out, out + len, u8{0});
      return;
    }
    const u32 size = word(level - 1, kVmSize), frames = word(level - 1, kVmFrames);
    while (len) {
      const u32 off = addr & 0xFFF, n = std::min(len, 0x1000 - off);
      const u32 frame = addr < size ? word(level - 1, frames + 4 * (addr >> 12)) : 0;
      if (frame)
        read(level - 1, frame + off, out, n);
      else
        std::fill(out, out + n, u8{0});  // never touched: zeros
      addr += n, out += n, len -= n;
    }
  }
  u32 word(int level, u32 addr) const {
    u8 b[4];
    read(level, addr, b, 4);
    return (u32{b[0]} << 24) | (u32{b[1]} << 16) | (u32{b[2]} << 8) | b[3];
  }
  u64 dword(int level, u32 addr) const { return (u64{word(level, addr)} << 32) | word(level, addr + 4); }
};

u8 byte(u64 psw, int i) { return static_cast<u8>(psw >> (56 - 8 * i)); }
u64 with_byte(u64 psw, int i, u8 b) {
  const int sh = 56 - 8 * i;
  return (psw & ~(u64{0xFF} << sh)) | (u64{b} << sh);
}

// A virtual PSW with what its program changed while it ran (in the real
// PSW below): condition code and program mask, key, instruction address.
u64 merge(u64 v, u64 real) {
  const bool ec = byte(v, 1) & 0x08;
  const int ccpm = ec ? 2 : 4;
  v = with_byte(v, ccpm, static_cast<u8>((byte(v, ccpm) & 0xC0) | (byte(real, 2) & 0x3F)));
  v = with_byte(v, 1, static_cast<u8>((byte(v, 1) & 0x0F) | (byte(real, 1) & 0xF0)));
  return (v & ~u64{0xFFFFFF}) | (real & 0xFFFFFF);
}

std::string stop_reason(u32 stat, u32 op) {
  char b[16];
  std::snprintf(b, sizeof b, "%04X", op >> 16);
  switch (stat) {
    case 1: return "no storage left for its guest's pages";
    case 2: return std::string("an instruction it does not emulate yet (opcode ") + b + ")";
    case 3: return "an I/O interruption (it has no devices yet)";
    case 4: return "its guest turned DAT on (shadow tables are not built yet)";
    case 5: return "no parameter block";
    case 6: return "a program check in its own code";
    default: return "stop code " + std::to_string(stat);
  }
}

}  // namespace

nlohmann::ordered_json stack(s370::Storage& level1) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  Reader reader{level1};
  // 'GCPVMBLK' in EBCDIC at X'C00' of the machine that runs a GCP.
  const u8 id[8] = {0xC7, 0xC3, 0xD7, 0xE5, 0xD4, 0xC2, 0xD3, 0xD2};
  for (int m = 1; m < 8; m++) {
    u8 b[8];
    if (level1.size() < 0x1000) break;
    reader.read(m, 0xC00, b, 8);
    if (!std::equal(b, b + 8, id)) break;
    nlohmann::ordered_json g;
    g["level"] = m + 1;
    g["traps"] = reader.word(m, kVmTraps);
    g["emulated"] = reader.word(m, kVmEmul);
    g["reflected"] = {{"program", reader.word(m, kVmPgm)},
                      {"svc", reader.word(m, kVmSvc)},
                      {"external", reader.word(m, kVmExt)}};
    g["frames"] = reader.word(m, kVmFrameCount);
    g["stopped"] = reader.word(m, kVmStat);
    out.push_back(g);
    if (reader.word(m, kVmSize) < 0x1000) break;
  }
  return out;
}

Result read(int levels, s370::Cpu& cpu, s370::Storage& level1) {
  Result r;
  auto reader = std::make_shared<Reader>(Reader{level1});
  u64 psw = cpu.psw.to_u64();
  u32 gpr[16];
  for (int i = 0; i < 16; i++) gpr[i] = cpu.gpr[i];
  for (int j = 2; j <= levels; j++) {
    // The GCP of level j runs in the machine of level j - 1, whose state
    // is (psw, gpr): in the problem state its guest was running, with
    // these registers; else the GCP has the guest's state in its VMBLOK.
    const int m = j - 1;
    const u32 stat = reader->word(m, kVmStat);
    if (stat && r.error.empty())
      r.error = "the CP of level " + std::to_string(j) + " stopped: " + stop_reason(stat, reader->word(m, kVmStopOp));
    const u64 v = reader->dword(m, kVmPsw);
    if ((psw >> 48) & 1) {
      psw = merge(v, psw);
    } else {
      psw = v;
      for (int i = 0; i < 16; i++) gpr[i] = reader->word(m, kVmGpr + 4 * i);
    }
    nlohmann::ordered_json g;
    g["level"] = j;
    g["traps"] = reader->word(m, kVmTraps);
    g["emulated"] = reader->word(m, kVmEmul);
    g["reflected"] = {{"program", reader->word(m, kVmPgm)},
                      {"svc", reader->word(m, kVmSvc)},
                      {"external", reader->word(m, kVmExt)}};
    g["frames"] = reader->word(m, kVmFrameCount);
    r.gcps.push_back(g);
  }
  r.state.psw = psw;
  for (int i = 0; i < 16; i++) {
    r.state.gpr[i] = gpr[i];
    r.state.cr[i] = reader->word(levels - 1, kVmCr + 4 * i);
  }
  for (int i = 0; i < 4; i++) r.state.fpr[i] = cpu.fpr[i];
  r.state.instructions = cpu.instructions();
  r.state.read = [reader, levels](u32 addr, u8* out, u32 len) { reader->read(levels, addr, out, len); };
  return r;
}

}  // namespace cp::levels
