// The operator's panel (docs/USER-GUIDE.md, "The operator panel"): vm370
// on a terminal shows an ncurses screen with every logged-on user (state,
// MIPS, traps per second, storage), the system's figures, the operator's
// log (what CP writes to the operator's console) and a command line for
// the operator's commands, with history.
//
// The Panel owns the screen and is the operator's console terminal as CP
// sees it (terminal(), "SYSC"). CP writes from its own threads: those
// writes only queue and wake the panel's thread, which alone draws.
// run() draws once a second and on input, and sleeps in poll() between,
// so an idle panel costs next to nothing.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "cp/system.h"
#include "cp/terminal.h"

namespace console {

class Panel {
 public:
  struct Options {
    std::string sysname = "VM/370";  // the title's first word
    std::string address;             // "127.0.0.1:3270", shown in the title
  };
  // What the panel shows: a copy of CP's view (System::view()), asked for
  // on the panel's thread.
  using ViewSource = std::function<cp::System::View()>;
  // A line the operator entered (System::input for the operator's console).
  using LineSink = std::function<void(std::string)>;

  // Takes over the terminal on stdin and stdout (ncurses). Throws
  // std::runtime_error when there is none it can use (TERM unknown).
  Panel(ViewSource view, LineSink on_line, Options options);
  ~Panel();
  Panel(const Panel&) = delete;
  Panel& operator=(const Panel&) = delete;

  // True when stdin and stdout are both terminals.
  static bool on_terminal();

  // The operator's console for System::operator_console: what CP writes
  // goes to the panel's log (to stdout once the panel has ended).
  std::shared_ptr<cp::Terminal> terminal() const;
  // A line of the program's own for the log. Thread-safe.
  void log(std::string_view text);

  // Runs the panel on the calling thread until stop() or the terminal is
  // gone (stdin closed or hung up); the terminal is restored on return,
  // also when an exception leaves. Returns 0 after stop(), 1 when the
  // terminal went away. Once it has returned, the last lines of the log
  // are printed on stdout and CP's later writes go there.
  int run();
  // Thread-safe: run() returns soon.
  void stop();

 private:
  class Console;
  struct Impl;
  std::shared_ptr<Console> console_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace console
