// A logged-on user and a terminal session, as CP keeps them (system.h).
// Internal to cp/: system.cpp and commands.cpp.
#pragma once

#include <chrono>
#include <ctime>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "cp/system.h"
#include "s370/channel/screen3270.h"

namespace cp {

// The virtual console's input: lines the user typed for the guest, taken
// by the 3215 on a worker thread.
class ConsoleInput final : public s370::io::LineInput {
 public:
  // The 3215 asks for a line only while the guest's read waits for one:
  // asked with none there, the guest is in VM READ until a line is taken.
  // `on_read` hears each change (on the worker; it must only queue).
  std::function<void(bool)> on_read;
  std::optional<std::string> take_line() override {
    std::unique_lock<std::mutex> lk(mu_);
    const bool waiting = lines_.empty();
    std::optional<std::string> l;
    if (!waiting) {
      l = std::move(lines_.front());
      lines_.pop_front();
    }
    const bool changed = waiting != reading_;
    reading_ = waiting;
    lk.unlock();
    if (changed && on_read) on_read(waiting);
    return l;
  }
  // The read was given up (reset, IPL): no longer VM READ.
  void read_ended() {
    std::unique_lock<std::mutex> lk(mu_);
    const bool changed = reading_;
    reading_ = false;
    lk.unlock();
    if (changed && on_read) on_read(false);
  }
  bool reading() const {
    std::lock_guard<std::mutex> lk(mu_);
    return reading_;
  }
  bool closed() const override { return false; }
  // False when too many lines wait already (type-ahead is bounded).
  bool push(std::string line) {
    std::lock_guard<std::mutex> lk(mu_);
    if (lines_.size() >= kTypeAhead) return false;
    lines_.push_back(std::move(line));
    return true;
  }
  void clear() {
    std::lock_guard<std::mutex> lk(mu_);
    lines_.clear();
  }
  static constexpr std::size_t kTypeAhead = 32;

 private:
  mutable std::mutex mu_;
  std::deque<std::string> lines_;
  bool reading_ = false;
};

// A virtual 3270 (DEFINE GRAF, the directory's "graf") and the terminal
// DIALed to it. The device's writes reach the terminal from the machine's
// worker, hence the lock.
struct GrafLink {
  std::mutex mu;
  std::shared_ptr<Terminal> term;  // none: nobody dialed
  u64 termid = 0;                  // the session (CP's thread only)
  int model = 2;
};

// A virtual device as CP describes it (QUERY VIRTUAL, DETACH, CLOSE).
struct VDev {
  DevKind kind = DevKind::Console;
  SpoolWriter* writer = nullptr;  // punch, printer (owned by the machine)
  SpoolReader* reader = nullptr;  // reader
  // DASD
  std::string volume, devtype, owner;
  u32 cylinder = 0, cylinders = 0;
  bool write = false;  // linked read/write
  // A dedicated real device: its real address.
  bool dedicated = false;
  u16 real = 0;
  // A virtual 3270.
  std::shared_ptr<GrafLink> graf;
};

struct System::User {
  UserEntry entry;
  std::string userid;
  std::shared_ptr<VirtualMachine> vm;
  Dispatcher::Id vmid = 0;
  // The terminal (null when disconnected): the worker that runs the
  // guest's console writes through it, so it has a lock.
  std::mutex term_mu;
  std::shared_ptr<Terminal> term;
  TermId termid = 0;
  ConsoleInput console_in;
  std::map<u16, VDev> devs;
  u16 console_addr = 0;
  // CP READ (the machine stopped, lines are CP commands) or the machine
  // running (lines go to the guest; #CP reaches CP).
  bool cp_mode = true;
  bool ended = false;  // the machine is in a disabled wait
  u32 storage = 0;
  std::time_t logon_at = 0;
  std::time_t disconnected_at = 0;  // when the line went (0: connected)
  // SET
  bool msg = true, wng = true, imsg = true, run = false;
  std::string emsg = "ON";  // ON, OFF, CODE, TEXT
  char linend = '#';
  // SLEEP: until this time (0: not asleep).
  std::time_t sleep_until = 0;
  // When the attention key last went to the running guest (R6: one
  // attention is the virtual machine's, a second one soon after is CP's).
  std::chrono::steady_clock::time_point attn_to_guest{};
  bool sleep_resume = false;  // the machine ran when SLEEP began
  // A CP command by DIAGNOSE X'08' waits for CP (on_hold).
  bool diag_pending = false;
  // SET PFnn: the key's text, and whether it runs at once (IMMED) or
  // waits in the input area (DELAYED).
  struct PfKey {
    std::string text;
    bool immediate = true;
  };
  std::map<int, PfKey> pf;
  // DIAGNOSE X'58' full screen: the guest's screen as CP keeps it (so
  // that PA1 and BEGIN, a message and a reconnect can show it again),
  // whether the guest has it now, and whether PA1 is the guest's.
  std::unique_ptr<s370::io::Screen3270> screen;
  bool full_screen = false;
  bool pa1_to_guest = false;
  // Named segments loaded by DIAGNOSE X'64': name -> first and last byte.
  std::map<std::string, std::pair<u32, u32>> segments;
};

struct System::Session {
  TermId id = 0;
  std::shared_ptr<Terminal> term;
  enum class Stage { Logo, Password, Checking, LoggedOn, Dialed } stage = Stage::Logo;
  std::string pending;  // the userid given to LOGON
  // DIAL: the user and the virtual 3270 this terminal is the screen of.
  std::string dial_user;
  u16 dial_addr = 0;
  User* user = nullptr;
  bool operator_console = false;
};

}  // namespace cp
