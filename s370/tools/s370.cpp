// s370: builds a bare System/370 from a JSON configuration, IPLs it from a
// device, and runs it until the CPU loads a wait PSW nothing can end. The
// interface is exact (docs/MACHINE.md); independent checks drive it:
//
//   s370 --config MACHINE.json [--ipl CUU] [--max-instructions N]
//        [--dump ADDR.LEN]... [--json]
//
// The final state goes to stderr as text, or to stdout as the JSON object
// s370run prints with --json; console (3215) output goes to stdout without
// --json (so stdout is the console transcript alone) and to stderr with it
// (so stdout is the JSON alone). Console input comes from stdin. Exit 0 at
// a wait, 2 at the instruction limit, 1 on bad input.
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <deque>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "s370/channel/config.h"
#include "s370/channel/machine.h"
#include "s370/tools/report.h"

using namespace s370;
using report::BadInput;

namespace {

struct Options {
  std::string config;
  std::optional<u16> ipl;
  u64 max_insns = 10000000000ull;
  std::vector<report::Dump> dumps;
  bool json = false;
};

Options parse(int argc, char** argv) {
  Options o;
  auto value = [&](int& i) { return report::option_value(argc, argv, i); };
  for (int i = 1; i < argc; i++) {
    const std::string a = argv[i];
    if (a == "--config") {
      o.config = value(i);
    } else if (a == "--ipl") {
      const std::string v = value(i);
      o.ipl = static_cast<u16>(report::parse_hex(v, "--ipl", 4));
    } else if (a == "--max-instructions") {
      o.max_insns = report::parse_dec(value(i), a);
    } else if (a == "--dump") {
      o.dumps.push_back(report::parse_dump(value(i)));
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "-h" || a == "--help") {
      std::cout << "usage: s370 --config MACHINE.json [--ipl CUU] [--max-instructions N] "
                   "[--dump ADDR.LEN]... [--json]\n";
      std::exit(0);
    } else {
      throw BadInput("unknown option " + a);
    }
  }
  if (o.config.empty()) throw BadInput("no configuration given (--config MACHINE.json)");
  return o;
}

// Console input from a file descriptor (stdin), read without blocking
// between CPU slices, and waited for only when the machine is idle with a
// console read pending.
class FdLines final : public io::LineInput {
 public:
  explicit FdLines(int fd) : fd_(fd) {}
  std::optional<std::string> take_line() override {
    if (lines_.empty()) pump(0);
    if (lines_.empty()) return std::nullopt;
    std::string l = std::move(lines_.front());
    lines_.pop_front();
    return l;
  }
  bool closed() const override { return eof_ && lines_.empty(); }
  // Reads what has arrived, waiting up to timeout_ms (-1: until something
  // comes or the input ends).
  void pump(int timeout_ms) {
    while (!eof_) {
      pollfd p{fd_, POLLIN, 0};
      const int r = ::poll(&p, 1, timeout_ms);
      if (r < 0 && errno == EINTR) continue;
      if (r <= 0) return;
      char b[4096];
      const ssize_t n = ::read(fd_, b, sizeof b);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        // End of input: a last line without its newline still counts.
        eof_ = true;
        if (!partial_.empty()) lines_.push_back(std::move(partial_));
        partial_.clear();
        return;
      }
      for (ssize_t i = 0; i < n; i++) {
        if (b[i] == '\n') {
          if (!partial_.empty() && partial_.back() == '\r') partial_.pop_back();
          lines_.push_back(std::move(partial_));
          partial_.clear();
        } else {
          partial_ += b[i];
        }
      }
      if (!lines_.empty()) return;
      timeout_ms = 0;
    }
  }

 private:
  int fd_;
  bool eof_ = false;
  std::string partial_;
  std::deque<std::string> lines_;
};

int run(const Options& o) {
  io::MachineConfig mc;
  try {
    mc = io::read_config(o.config);
  } catch (const io::ConfigError& e) {
    throw BadInput(e.what());
  }
  const u32 size = mc.mainsize_mb << 20;
  for (auto& d : o.dumps)
    if (u64{d.addr} + d.len > size) throw BadInput("--dump " + d.key + " is beyond storage");
  const std::optional<u16> ipl = o.ipl ? o.ipl : mc.ipl;
  if (!ipl) throw BadInput(o.config + ": no IPL device (give \"ipl\" or --ipl CUU)");

  io::Machine machine(size);
  FdLines input(STDIN_FILENO);
  FILE* console_out = o.json ? stderr : stdout;
  io::Operator op;
  op.input = &input;
  op.output = [console_out](std::string_view s) {
    std::fwrite(s.data(), 1, s.size(), console_out);
    std::fflush(console_out);
  };
  try {
    for (const io::DeviceConfig& dc : mc.devices) machine.attach(io::make_device(mc, dc, op));
  } catch (const io::ConfigError& e) {
    throw BadInput(e.what());
  }
  if (!machine.channels().find(*ipl))
    throw BadInput(o.config + ": IPL device " + io::device_name(*ipl) + " is not in the configuration");
  machine.set_input_wait([&input](int timeout_ms) { input.pump(timeout_ms); });

  const std::string err = machine.ipl(*ipl);
  if (!err.empty()) throw BadInput(o.config + ": " + err);
  const io::Machine::Status st = machine.run(o.max_insns);
  const std::string status = st == io::Machine::Status::Wait    ? "wait"
                             : st == io::Machine::Status::Limit ? "limit"
                                                                : "stopped";
  std::fflush(console_out);
  std::ostream& report_out = o.json ? std::cout : std::cerr;
  report::print_state(report_out, machine.cpu(), machine.storage(), status, o.dumps, o.json);
  report_out.flush();
  return status == "wait" ? 0 : 2;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    std::cerr << "s370: " << e.what() << "\n";
    return 1;
  }
}
