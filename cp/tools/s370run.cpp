// s370run: runs a raw S/370 image on a bare machine (no channels) until the
// CPU loads a disabled wait PSW or an instruction limit is reached, and
// reports the final state; with --vm the same image runs as the one virtual
// machine of an in-process CP (trap and emulate, docs/CP.md), and the report
// is of the virtual machine. The interface is exact (see docs/USER-GUIDE.md);
// independent checks drive it.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <limits>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "cp/saved_state.h"
#include "cp/tools/levels.h"
#include "cp/virtual_machine.h"
#include "s370/cpu.h"
#include "s370/disasm.h"
#include "s370/tools/report.h"

using namespace s370;
using namespace s370::report;  // BadInput, the parsers, hex, print_state

namespace {

std::pair<std::string, std::string> split(const std::string& s, char sep, const std::string& what) {
  auto p = s.find(sep);
  if (p == std::string::npos) throw BadInput(what + " needs the form X" + sep + "Y: '" + s + "'");
  return {s.substr(0, p), s.substr(p + 1)};
}

struct Options {
  u32 load = 0;
  u64 psw = 0x200;
  u32 mainsize_mb = 16;
  std::vector<std::pair<int, u32>> gprs, crs;
  std::vector<std::pair<int, u64>> fprs;
  std::vector<std::pair<u32, std::vector<u8>>> sets;
  std::vector<Dump> dumps;
  u64 max_insns = 10000000000ull;
  bool trace = false, json = false;
  bool vm = false;                   // run under CP
  cp::Assist assist = cp::Assist::Off;
  bool assist_given = false;
  int levels = 1;                    // --levels N: N - 1 guest CPs (docs/VM-UNDER-VM.md)
  // Saved state (docs/CP.md): suspend after N instructions to a file, or
  // resume from one.
  std::optional<u64> suspend_after;
  std::string state_file, resume_file;
  bool machine_options = false;      // --load, --psw, --gpr... given
  std::string image;
};

int reg_number(const std::string& s, const std::string& what, int max) {
  u64 n = parse_dec(s, what);
  if (n > static_cast<u64>(max)) throw BadInput("register number out of range in " + what + ": " + s);
  return static_cast<int>(n);
}

Options parse(int argc, char** argv) {
  Options o;
  auto value = [&](int& i) { return option_value(argc, argv, i); };
  for (int i = 1; i < argc; i++) {
    std::string a = argv[i];
    if (a == "--load" || a == "--psw" || a == "--mainsize" || a == "--gpr" || a == "--cr" || a == "--fpr" ||
        a == "--set")
      o.machine_options = true;
    if (a == "--load") {
      o.load = static_cast<u32>(parse_hex(value(i), "--load", 6));
    } else if (a == "--psw") {
      std::string v = value(i);
      if (v.size() != 16) throw BadInput("--psw needs 16 hex digits: '" + v + "'");
      o.psw = parse_hex(v, "--psw");
    } else if (a == "--mainsize") {
      u64 mb = parse_dec(value(i), "--mainsize");
      if (mb < 1 || mb > 16) throw BadInput("--mainsize must be 1 to 16 (MB)");
      o.mainsize_mb = static_cast<u32>(mb);
    } else if (a == "--gpr" || a == "--cr") {
      auto [n, v] = split(value(i), '=', a);
      (a == "--gpr" ? o.gprs : o.crs).push_back({reg_number(n, a, 15), static_cast<u32>(parse_hex(v, a, 8))});
    } else if (a == "--fpr") {
      auto [n, v] = split(value(i), '=', a);
      int r = reg_number(n, a, 6);
      if (r & 1) throw BadInput("--fpr register must be 0, 2, 4 or 6");
      o.fprs.push_back({r, parse_hex(v, a, 16)});
    } else if (a == "--set") {
      auto [ad, v] = split(value(i), '=', a);
      if (v.empty() || v.size() % 2) throw BadInput("--set needs an even number of hex digits: '" + v + "'");
      std::vector<u8> bytes;
      for (size_t k = 0; k < v.size(); k += 2) bytes.push_back(static_cast<u8>(parse_hex(v.substr(k, 2), a)));
      o.sets.push_back({static_cast<u32>(parse_hex(ad, a, 6)), bytes});
    } else if (a == "--dump") {
      o.dumps.push_back(parse_dump(value(i), a));
    } else if (a == "--max-instructions") {
      o.max_insns = parse_dec(value(i), a);
    } else if (a == "--trace") {
      o.trace = true;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--vm") {
      o.vm = true;
    } else if (a == "--levels") {
      const u64 n = parse_dec(value(i), a);
      if (n < 1 || n > 8) throw BadInput("--levels must be 1 to 8");
      o.levels = static_cast<int>(n);
    } else if (a == "--assist") {
      const std::string v = value(i);
      if (v == "on") o.assist = cp::Assist::On;
      else if (v == "off") o.assist = cp::Assist::Off;
      else throw BadInput("--assist must be on or off: '" + v + "'");
      o.assist_given = true;
    } else if (a == "--suspend-after") {
      o.suspend_after = parse_dec(value(i), a);
    } else if (a == "--state") {
      o.state_file = value(i);
    } else if (a == "--resume") {
      o.resume_file = value(i);
    } else if (a == "-h" || a == "--help") {
      std::cout << "usage: s370run [--load HEX] [--psw HEX16] [--mainsize MB] [--gpr N=HEX]... "
                   "[--fpr N=HEX16]... [--cr N=HEX]... [--set ADDR=HEX]... [--dump ADDR.LEN]... "
                   "[--max-instructions N] [--trace] [--json] [--vm [--levels N] [--assist on|off]] "
                   "[--suspend-after N --state FILE] IMAGE\n"
                   "       s370run --resume FILE [--max-instructions N] [--dump ADDR.LEN]... [--trace] [--json]\n";
      std::exit(0);
    } else if (!a.empty() && a[0] == '-') {
      throw BadInput("unknown option " + a);
    } else if (o.image.empty()) {
      o.image = a;
    } else {
      throw BadInput("more than one image: " + o.image + " and " + a);
    }
  }
  if (!o.resume_file.empty()) {
    // The saved machine is the whole configuration.
    if (!o.image.empty() || o.machine_options || o.suspend_after || !o.state_file.empty() || o.assist_given)
      throw BadInput("--resume takes the machine from its file: no image, --psw, --gpr... or --suspend-after");
    o.vm = true;
    return o;
  }
  if (o.levels > 1 && !o.vm) throw BadInput("--levels needs --vm");
  if (o.levels > 1 && (o.suspend_after || !o.resume_file.empty()))
    throw BadInput("--levels cannot be saved or resumed (--suspend-after, --resume)");
  if (o.suspend_after.has_value() != !o.state_file.empty())
    throw BadInput("--suspend-after and --state go together");
  if (o.suspend_after && !o.vm) throw BadInput("--suspend-after needs --vm: only a virtual machine is saved");
  if (o.image.empty()) throw BadInput("no image given");
  return o;
}

// The bare machine or the virtual machine, behind one face for the run loop.
struct Machine {
  virtual ~Machine() = default;
  virtual Cpu& cpu() = 0;
  virtual Storage& storage() = 0;
  virtual RunResult run(u64 budget) = 0;
  // When a timer (or, under CP, a device) could end an enabled wait.
  virtual u64 next_event_us() { return cpu().next_event_us(); }
};

struct Bare final : Machine {
  explicit Bare(u32 size, Clock& clock) : storage_(size), cpu_(storage_, host_, clock) {}
  Cpu& cpu() override { return cpu_; }
  Storage& storage() override { return storage_; }
  RunResult run(u64 budget) override { return cpu_.run(budget); }
  Storage storage_;
  Host host_;
  Cpu cpu_;
};

struct Virtual final : Machine {
  Virtual(u32 size, Clock& clock, cp::Assist a) : vm_(std::make_unique<cp::VirtualMachine>(size, clock)), vm(*vm_) {
    vm.set_assist(a);
  }
  explicit Virtual(std::unique_ptr<cp::VirtualMachine> saved) : vm_(std::move(saved)), vm(*vm_) {}
  Cpu& cpu() override { return vm.cpu(); }
  Storage& storage() override { return vm.storage(); }
  RunResult run(u64 budget) override { return vm.run(budget); }
  u64 next_event_us() override { return vm.next_event_us(); }
  std::unique_ptr<cp::VirtualMachine> vm_;
  cp::VirtualMachine& vm;
};

bool peek(Cpu& cpu, u8* out);

// The "cp" field of --vm --json: the assist mode and the counters.
nlohmann::ordered_json cp_report(const cp::VirtualMachine& vm) {
  nlohmann::ordered_json j;
  const cp::Counters& c = vm.counters();
  j["assist"] = vm.assist() == cp::Assist::On ? "on" : "off";
  j["direct"] = c.direct;
  j["traps"] = c.traps;
  j["by_cause"] = nlohmann::ordered_json::object();
  for (const auto& [cause, n] : c.by_cause()) j["by_cause"][cause] = n;
  nlohmann::ordered_json out;
  out["cp"] = j;
  return out;
}

// Runs a machine to its end (or the limit, or --suspend-after) and reports.
int drive(const Options& o, Machine& machine, InstructionClock& clock) {
  Cpu& cpu = machine.cpu();
  Storage& storage = machine.storage();
  if (o.levels == 1)
    for (auto& d : o.dumps)
      if (u64{d.addr} + d.len > storage.size()) throw BadInput("--dump " + d.key + " is beyond storage");
  std::string status;
  u64 left = o.suspend_after ? std::min(*o.suspend_after, o.max_insns) : o.max_insns;
  for (;;) {
    RunResult r;
    if (o.trace) {
      r.reason = StopReason::Budget;
      if (left) {
        u8 ib[6];
        if (peek(cpu, ib))
          std::cerr << hex(cpu.psw.ia, 6) << "  " << insn_hex(ib) << std::string(14 - 2 * insn_length(ib[0]), ' ')
                    << disassemble(ib) << "\n";
        r = machine.run(1);
      } else {
        r = machine.run(0);
      }
    } else {
      r = machine.run(left);
    }
    // The limit counts instructions and interruptions taken, so that an
    // interruption loop (which executes nothing) ends too.
    left -= std::min(left, r.executed + r.interruptions);
    if (r.reason == StopReason::DisabledWait) {
      status = "wait";
      break;
    }
    if (r.reason == StopReason::EnabledWait) {
      // Nothing but a timer can end a wait on this machine: skip the clock
      // to it, or stop if no timer can ever interrupt.
      u64 t = machine.next_event_us();
      if (t == std::numeric_limits<u64>::max()) {
        status = "wait";
        break;
      }
      clock.idle_until(t, cpu.instructions());
      continue;
    }
    if (r.reason == StopReason::Budget && left == 0) {
      status = "limit";
      if (o.suspend_after && *o.suspend_after <= o.max_insns) {
        // The virtual machine goes to its file and this run ends; --resume
        // carries it on.
        cp::save_state(static_cast<Virtual&>(machine).vm, &clock, o.state_file);
        status = "suspended";
      }
      break;
    }
  }

  if (o.vm && o.levels > 1) {
    // The innermost machine's state, read out of the stack of GCPs.
    const cp::VirtualMachine& vm = static_cast<Virtual&>(machine).vm;
    cp::levels::Result res = cp::levels::read(o.levels, cpu, storage);
    nlohmann::ordered_json extra = cp_report(vm);
    nlohmann::ordered_json l1 = extra["cp"];
    l1["level"] = 1;
    extra["cp"]["levels"] = nlohmann::ordered_json::array();
    extra["cp"]["levels"].push_back(l1);
    for (auto& g : res.gcps) extra["cp"]["levels"].push_back(g);
    print_state(std::cout, res.state, status, o.dumps, o.json, &extra);
    if (!o.json) {
      // For a person: one line per level, our CP's first.
      const cp::Counters& c = vm.counters();
      std::cout << "cp  level 1  assist " << (vm.assist() == cp::Assist::On ? "on" : "off") << "  direct "
                << c.direct << "  traps " << c.traps;
      for (const auto& [cause, n] : c.by_cause()) std::cout << "  " << cause << " " << n;
      std::cout << "\n";
      for (auto& g : res.gcps)
        std::cout << "cp  level " << g["level"] << "  traps " << g["traps"] << "  emulated " << g["emulated"]
                  << "  reflected program " << g["reflected"]["program"] << " svc " << g["reflected"]["svc"]
                  << " external " << g["reflected"]["external"] << "  frames " << g["frames"] << "\n";
    }
    if (!res.error.empty()) {
      std::cerr << "s370run: " << res.error << "\n";
      return 3;
    }
    return status == "wait" ? 0 : 2;
  }
  if (o.vm) {
    const cp::VirtualMachine& vm = static_cast<Virtual&>(machine).vm;
    const nlohmann::ordered_json extra = cp_report(vm);
    print_state(std::cout, cpu, storage, status, o.dumps, o.json, &extra);
    if (!o.json) {
      // For a person: the time in CP, by cause (host time, so it differs
      // from run to run), then CP's counters on the last line.
      const cp::Counters& c = vm.counters();
      char tb[64];
      std::snprintf(tb, sizeof tb, "%.1f", static_cast<double>(c.ticks()) / cp::ticks_per_second() * 1e6);
      std::cout << "cp  time in CP " << tb << " us";
      for (const auto& [cause, sec] : c.seconds_by_cause()) {
        std::snprintf(tb, sizeof tb, "%.1f", sec * 1e6);
        std::cout << "  " << cause << " " << tb;
      }
      std::cout << "\n";
      std::cout << "cp  assist " << (vm.assist() == cp::Assist::On ? "on" : "off") << "  direct " << c.direct
                << "  traps " << c.traps;
      for (const auto& [cause, n] : c.by_cause()) std::cout << "  " << cause << " " << n;
      std::cout << "\n";
    }
  } else {
    print_state(std::cout, cpu, storage, status, o.dumps, o.json);
  }
  return status == "wait" || status == "suspended" ? 0 : 2;
}

// --resume FILE: the saved virtual machine, on to its end.
int resume(const Options& o) {
  InstructionClock clock;
  Virtual machine(cp::load_state(o.resume_file, clock));
  return drive(o, machine, clock);
}

// Reads the instruction at the current PSW without side effects, for the
// trace. Returns false when it cannot be fetched.
bool peek(Cpu& cpu, u8* out) {
  u32 ia = cpu.psw.ia;
  RealAddr r(ia);
  if (cpu.psw.dat() && cpu.dat(VirtAddr(ia), &r, false) != 0) return false;
  AbsAddr a = cpu.real_to_abs(r);
  if (!cpu.storage().valid(AbsAddr(a.v + 5))) return false;
  return cpu.storage().read(a, out, 6);
}

int run(const Options& o) {
  if (!o.resume_file.empty()) return resume(o);
  std::ifstream f(o.image, std::ios::binary);
  if (!f) throw BadInput("cannot read image " + o.image);
  std::vector<u8> img((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (f.bad()) throw BadInput("cannot read image " + o.image);
  const u32 size = o.mainsize_mb << 20;
  if (u64{o.load} + img.size() > size)
    throw BadInput("image " + o.image + " (" + std::to_string(img.size()) + " bytes at " + hex(o.load, 6) +
                   ") is larger than storage (" + std::to_string(o.mainsize_mb) + "M)");
  for (auto& [addr, bytes] : o.sets)
    if (u64{addr} + bytes.size() > size) throw BadInput("--set at " + hex(addr, 6) + " is beyond storage");
  for (auto& d : o.dumps)
    if (u64{d.addr} + d.len > size) throw BadInput("--dump " + d.key + " is beyond storage");

  InstructionClock clock;
  std::unique_ptr<Machine> machine;
  if (o.vm)
    machine = std::make_unique<Virtual>(o.levels > 1 ? cp::levels::kGcpMachine : size, clock, o.assist);
  else
    machine = std::make_unique<Bare>(size, clock);
  Storage& storage = machine->storage();
  Cpu& cpu = machine->cpu();
  if (o.levels > 1) {
    // The image is the innermost guest's; level 1 runs the stack of GCPs.
    cp::levels::Guest g;
    g.size = size;
    g.psw = o.psw;
    g.cr[0] = 0x000000E0;  // the reset values, as the bare machine's
    g.cr[2] = 0xFFFFFFFF;
    g.cr[14] = 0xC2000000;
    g.cr[15] = 0x00000200;
    for (auto& [n, v] : o.gprs) g.gpr[n] = v;
    for (auto& [n, v] : o.crs) g.cr[n] = v;
    for (auto& [n, v] : o.fprs) g.fpr[n / 2] = v;
    g.storage.push_back({o.load, img});
    for (auto& s : o.sets) g.storage.push_back(s);
    cpu.load_psw(Psw::from_u64(cp::levels::build(o.levels, g, storage)));
    return drive(o, *machine, clock);
  }
  storage.write(AbsAddr(o.load), img.data(), static_cast<u32>(img.size()));
  for (auto& [addr, bytes] : o.sets) storage.write(AbsAddr(addr), bytes.data(), static_cast<u32>(bytes.size()));
  for (auto& [n, v] : o.gprs) cpu.gpr[n] = v;
  for (auto& [n, v] : o.crs) cpu.cr[n] = v;
  for (auto& [n, v] : o.fprs) cpu.fpr[n / 2] = v;
  cpu.load_psw(Psw::from_u64(o.psw));

  return drive(o, *machine, clock);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const BadInput& e) {
    std::cerr << "s370run: " << e.what() << "\n";
    return 1;
  } catch (const std::exception& e) {
    std::cerr << "s370run: " << e.what() << "\n";
    return 1;
  }
}
