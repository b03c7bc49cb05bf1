// Saved state of a virtual machine: the versioned file format of
// saved_state.h.
#include "cp/saved_state.h"

#include <fcntl.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "s370/tools/report.h"

namespace cp {

namespace {

constexpr char kMagic[8] = {'V', 'M', '3', '7', '0', 'V', 'M', 'S'};

void put32(std::vector<u8>& out, u32 v) {
  for (int i = 3; i >= 0; i--) out.push_back(static_cast<u8>(v >> (8 * i)));
}

using s370::report::hex;

u64 unhex(const nlohmann::json& j) {
  if (!j.is_string()) throw SavedStateError("saved state: a register is not a hex string");
  const std::string s = j.get<std::string>();
  if (s.empty() || s.size() > 16 || s.find_first_not_of("0123456789ABCDEFabcdef") != std::string::npos)
    throw SavedStateError("saved state: bad hex '" + s + "'");
  return std::stoull(s, nullptr, 16);
}

nlohmann::json cpu_json(const s370::CpuState& st) {
  nlohmann::json j;
  j["psw"] = hex(st.psw, 16);
  for (u32 v : st.gpr) j["gpr"].push_back(hex(v, 8));
  for (u64 v : st.fpr) j["fpr"].push_back(hex(v, 16));
  for (u32 v : st.cr) j["cr"].push_back(hex(v, 8));
  j["prefix"] = hex(st.prefix, 8);
  j["ckc"] = hex(st.ckc, 16);
  j["tod_set"] = st.tod_set;
  j["tod_offset"] = st.tod_offset;
  j["tod_last"] = hex(st.tod_last, 16);
  j["cpu_timer_base"] = st.cpu_timer_base;
  j["cpu_timer_at_us"] = st.cpu_timer_at_us;
  j["itimer_at_us"] = st.itimer_at_us;
  j["itimer_rem"] = st.itimer_rem;
  j["itimer_pending"] = st.itimer_pending;
  j["async_pending"] = st.async_pending;
  j["per_code"] = st.per_code;
  j["per_addr"] = hex(st.per_addr, 8);
  j["instructions"] = st.instructions;
  j["interruptions"] = st.interruptions;
  j["program_interruptions"] = st.program_interruptions;
  return j;
}

s370::CpuState cpu_state(const nlohmann::json& j) {
  s370::CpuState st;
  st.psw = unhex(j.at("psw"));
  for (int i = 0; i < 16; i++) st.gpr[i] = static_cast<u32>(unhex(j.at("gpr").at(i)));
  for (int i = 0; i < 4; i++) st.fpr[i] = unhex(j.at("fpr").at(i));
  for (int i = 0; i < 16; i++) st.cr[i] = static_cast<u32>(unhex(j.at("cr").at(i)));
  st.prefix = static_cast<u32>(unhex(j.at("prefix")));
  st.ckc = unhex(j.at("ckc"));
  st.tod_set = j.at("tod_set").get<bool>();
  st.tod_offset = j.at("tod_offset").get<u64>();
  st.tod_last = unhex(j.at("tod_last"));
  st.cpu_timer_base = j.at("cpu_timer_base").get<s370::i64>();
  st.cpu_timer_at_us = j.at("cpu_timer_at_us").get<u64>();
  st.itimer_at_us = j.at("itimer_at_us").get<u64>();
  st.itimer_rem = j.at("itimer_rem").get<u64>();
  st.itimer_pending = j.at("itimer_pending").get<bool>();
  st.async_pending = j.at("async_pending").get<u32>();
  st.per_code = j.at("per_code").get<u16>();
  st.per_addr = static_cast<u32>(unhex(j.at("per_addr")));
  st.instructions = j.at("instructions").get<u64>();
  st.interruptions = j.at("interruptions").get<u64>();
  st.program_interruptions = j.at("program_interruptions").get<u64>();
  return st;
}

// Writes the whole file, or throws; the old file stays until the new one
// is complete on the disk.
void write_durably(const std::string& path, const std::vector<u8>& bytes) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd < 0) throw SavedStateError("cannot write " + tmp + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = std::strerror(errno);
      ::close(fd);
      throw SavedStateError("cannot write " + tmp + ": " + why);
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw SavedStateError("cannot flush " + tmp);
  if (std::rename(tmp.c_str(), path.c_str()) != 0)
    throw SavedStateError("cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  // The rename itself reaches the disk with the directory.
  const std::string dir = path.find('/') == std::string::npos ? "." : path.substr(0, path.rfind('/') + 1);
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

}  // namespace

void save_state(VirtualMachine& vm, const s370::InstructionClock* clock, const std::string& path, u32 first,
                u32 last) {
  nlohmann::json h;
  h["storage"] = vm.storage().size();
  h["assist"] = vm.assist() == Assist::On ? "on" : "off";
  h["cpu"] = cpu_json(vm.cpu().save_state());
  h["clock"] = {{"deterministic", clock != nullptr}, {"skipped", clock ? clock->skipped() : 0}};
  const Counters& c = vm.counters();
  h["counters"] = {{"direct", c.direct}, {"traps", c.traps}, {"by_insn", c.by_insn},
                   {"by_class", c.by_class}, {"unknown", c.unknown}};
  const std::string text = h.dump();

  std::vector<u8> out(kMagic, kMagic + 8);
  put32(out, kSavedStateVersion);
  put32(out, static_cast<u32>(text.size()));
  out.insert(out.end(), text.begin(), text.end());
  const s370::Storage& st = vm.storage();
  const u32 frames = st.size() / s370::Storage::kFrameSize;
  u32 present = 0;
  for (u32 n = first; n < frames && n <= last; n++) present += st.frame_if_present(n) != nullptr;
  put32(out, present);
  for (u32 n = first; n < frames && n <= last; n++) {
    const u8* f = st.frame_if_present(n);
    if (!f) continue;
    put32(out, n);
    out.insert(out.end(), f, f + s370::Storage::kFrameSize);
  }
  for (u32 b = 0; b < st.size() >> s370::Storage::kBlockShift; b++)
    out.push_back(st.key(s370::AbsAddr(b << s370::Storage::kBlockShift)));
  write_durably(path, out);
}

namespace {

// A saved-state file read and checked: its header, and where its frames
// and keys are in `in`.
struct Parsed {
  std::vector<u8> in;
  nlohmann::json h;
  u32 size = 0;
  std::vector<std::pair<u32, std::size_t>> frames;  // frame number, offset in `in`
  std::size_t keys_at = 0;
};

Parsed parse_state(const std::string& path) {
  Parsed p;
  std::ifstream f(path, std::ios::binary);
  if (!f) throw SavedStateError("cannot read " + path);
  p.in.assign((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  const std::vector<u8>& in = p.in;
  size_t at = 0;
  auto need = [&](size_t n) {
    if (in.size() - at < n) throw SavedStateError(path + ": saved state cut short");
  };
  auto get32 = [&] {
    need(4);
    const u32 v = (u32{in[at]} << 24) | (u32{in[at + 1]} << 16) | (u32{in[at + 2]} << 8) | in[at + 3];
    at += 4;
    return v;
  };
  need(8);
  if (std::memcmp(in.data(), kMagic, 8) != 0) throw SavedStateError(path + ": not a saved virtual machine");
  at = 8;
  const u32 version = get32();
  if (version != kSavedStateVersion)
    throw SavedStateError(path + ": saved state version " + std::to_string(version) + ", this CP reads version " +
                          std::to_string(kSavedStateVersion));
  const u32 hlen = get32();
  need(hlen);
  try {
    p.h = nlohmann::json::parse(in.begin() + static_cast<long>(at), in.begin() + static_cast<long>(at + hlen));
    p.size = p.h.at("storage").get<u32>();
  } catch (const nlohmann::json::exception& e) {
    throw SavedStateError(path + ": damaged header: " + e.what());
  }
  at += hlen;
  if (p.size == 0 || p.size > s370::Storage::kMaxSize || p.size % s370::Storage::kFrameSize)
    throw SavedStateError(path + ": bad storage size");
  const u32 present = get32();
  for (u32 i = 0; i < present; i++) {
    const u32 n = get32();
    if (n >= p.size / s370::Storage::kFrameSize) throw SavedStateError(path + ": frame beyond storage");
    need(s370::Storage::kFrameSize);
    p.frames.emplace_back(n, at);
    at += s370::Storage::kFrameSize;
  }
  need(p.size >> s370::Storage::kBlockShift);
  p.keys_at = at;
  return p;
}

}  // namespace

std::shared_ptr<const SavedSystem> read_saved_system(const std::string& path, const std::string& name) {
  Parsed p = parse_state(path);
  auto sys = std::make_shared<SavedSystem>();
  sys->name = name;
  sys->storage = p.size;
  try {
    sys->cpu = cpu_state(p.h.at("cpu"));
  } catch (const nlohmann::json::exception& e) {
    throw SavedStateError(path + ": damaged header: " + e.what());
  }
  for (auto& [n, off] : p.frames) sys->frames.emplace_back(n, s370::Storage::make_shared_frame(p.in.data() + off));
  sys->keys.assign(p.in.begin() + static_cast<long>(p.keys_at),
                   p.in.begin() + static_cast<long>(p.keys_at + (p.size >> s370::Storage::kBlockShift)));
  return sys;
}

void ipl_saved_system(VirtualMachine& vm, const SavedSystem& sys) {
  s370::Cpu& cpu = vm.cpu();
  s370::Storage& st = vm.storage();
  cpu.reset_initial();
  vm.channels().reset();
  for (u32 n = 0; n < st.size() / s370::Storage::kFrameSize; n++) st.release(n);
  for (const auto& [n, f] : sys.frames) st.map_shared(n, f);
  for (u32 b = 0; b < sys.keys.size(); b++) st.key(s370::AbsAddr(b << s370::Storage::kBlockShift)) = sys.keys[b];
  // The state SAVESYS saw: where the system goes on from, and its
  // registers; timers and counts are the new machine's own.
  cpu.load_psw(s370::Psw::from_u64(sys.cpu.psw));
  for (int i = 0; i < 16; i++) cpu.gpr[i] = sys.cpu.gpr[i], cpu.cr[i] = sys.cpu.cr[i];
  for (int i = 0; i < 4; i++) cpu.fpr[i] = sys.cpu.fpr[i];
  cpu.prefix = sys.cpu.prefix;
  cpu.purge_tlb();
}

std::unique_ptr<VirtualMachine> load_state(const std::string& path, s370::Clock& clock) {
  const Parsed p = parse_state(path);
  try {
    const nlohmann::json& h = p.h;
    auto vm = std::make_unique<VirtualMachine>(p.size, clock);
    vm->set_assist(h.at("assist").get<std::string>() == "on" ? Assist::On : Assist::Off);
    for (const auto& [n, off] : p.frames)
      vm->storage().write(s370::AbsAddr(n * s370::Storage::kFrameSize), p.in.data() + off, s370::Storage::kFrameSize);
    const u32 blocks = p.size >> s370::Storage::kBlockShift;
    for (u32 b = 0; b < blocks; b++) vm->storage().key(s370::AbsAddr(b << s370::Storage::kBlockShift)) = p.in[p.keys_at + b];
    if (auto* ic = dynamic_cast<s370::InstructionClock*>(&clock); ic && h.at("clock").at("deterministic").get<bool>())
      ic->set_skipped(h.at("clock").at("skipped").get<u64>());
    vm->cpu().restore_state(cpu_state(h.at("cpu")));
    const auto& c = h.at("counters");
    vm->restore_counters(c.at("direct").get<u64>(), c.at("traps").get<u64>(),
                         c.at("by_insn").get<std::vector<u64>>(), c.at("by_class").get<std::vector<u64>>(),
                         c.at("unknown").get<u64>());
    return vm;
  } catch (const nlohmann::json::exception& e) {
    throw SavedStateError(path + ": damaged header: " + e.what());
  }
}

}  // namespace cp
