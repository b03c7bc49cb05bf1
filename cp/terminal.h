// A terminal as CP sees it: where CP and a user's virtual console write,
// and what CP may ask of the connection. console/ implements it for each
// session (line-mode telnet now, TN3270 later); the operator's console is
// one too. CP never waits on a terminal: every call only queues.
#pragma once

#include <string>
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
};

}  // namespace cp
