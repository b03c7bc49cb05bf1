// A terminal as CP sees it: where CP and a user's virtual console write,
// and what CP may ask of the connection. console/ implements it for each
// session (line-mode telnet now, TN3270 later); the operator's console is
// one too. CP never waits on a terminal: every call only queues.
#pragma once

#include <cstdint>
#include <string>
#include <vector>
#include <string_view>

namespace cp {

class Terminal {
 public:
  virtual ~Terminal() = default;
  // Text for the user, with "\n" line ends (a 3215 write without carrier
  // return comes without one). Thread-safe; never blocks: a terminal that
  // stops reading is the console's to bound and drop.
  virtual void write(std::string_view text) = 0;
  // Off while a password is typed (telnet WILL ECHO, nothing echoed).
  virtual void set_echo(bool on) = 0;
  // CP hangs up: LOGOFF, FORCE, SHUTDOWN, too many wrong passwords.
  virtual void hang_up() = 0;
  // What QUERY NAMES shows for the line: "L0001" and so on, or "SYSC".
  virtual std::string name() const = 0;
  // The peer, for the operator's log ("127.0.0.1:40522").
  virtual std::string peer() const = 0;

  // ---- A display console (a 3270: VM/370's "graf" console, DMKGRF) -------
  // A line-mode terminal ignores these; CP then writes "CP READ" as a line.
  // True when the terminal shows CP's state in a status area of its own.
  virtual bool status_area() const { return false; }
  // CP READ: CP waits for a command (the machine is stopped); off when the
  // machine runs.
  virtual void cp_read(bool) {}
  // VM READ: the guest waits on a read of its virtual console (called from
  // the machine's worker thread).
  virtual void vm_read(bool) {}
  // A line CP could not take (too many typed ahead): NOT ACCEPTED.
  virtual void not_accepted() {}
  // The next write is a message (MSG, WARNING): it sounds the alarm.
  virtual void alarm() {}
  // SET PFnn DELAYED: the key's text put in the input area.
  virtual void set_input(std::string_view) {}

  // ---- A guest's use of the screen (DIAGNOSE X'58') ---------------------
  // The display's alternate (model) size; 0 for a line-mode terminal.
  virtual int rows() const { return 0; }
  virtual int cols() const { return 0; }
  // X'19': EBCDIC text (SF orders allowed) in the output area from row
  // `line`, the area erased first with `erase`; line -1 only clears it.
  virtual void display(int /*line*/, bool /*erase*/, std::vector<std::uint8_t> /*ebcdic*/) {}
  // Full screen: a 3270 record the guest wrote (SNA command code X'F1',
  // X'F5' or X'7E', then WCC and orders). From now on the terminal shows
  // the guest's screen and hands its inbound records to
  // System::screen_input, until end_full_screen(); a line CP writes
  // meanwhile shows CP's screen, HOLDING, until PA2 or CLEAR asks for the
  // guest's screen again (System::screen_back).
  virtual void full_screen(std::vector<std::uint8_t> /*record*/) {}
  // CP's screen again, drawn whole.
  virtual void end_full_screen() {}
};

}  // namespace cp
