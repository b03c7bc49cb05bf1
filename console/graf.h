// The CP console screen of a 3270 (VM/370's "graf" console, DMKGRF; see
// ../shared/docs/vm370-reference.md 1.5 and docs/USER-GUIDE.md, "Terminals"):
//
//   rows 1 to N-2   the output area: CP's and the guest's lines, the lines
//                   the user entered echoed; full, with more to show, it
//                   says MORE... and is cleared after kMoreSeconds (or at
//                   once by PA2 or CLEAR; ENTER alone holds it: HOLDING);
//   rows N-1 and N  the input area, one unprotected field (non-display
//                   while a password is typed), and at the end of row N
//                   the status area: CP READ, VM READ, RUNNING, MORE...,
//                   HOLDING or NOT ACCEPTED, then the system's name.
//
// Keys: ENTER sends the input line (type-ahead while RUNNING), PA1 is the
// attention (CP READ), PA2 clears the output area, CLEAR clears it and
// redraws, PF1-PF24 are SET PFnn's (ENTER when undefined).
//
// Like Tn3270 this is bytes and events, with no socket: CP's calls come in,
// 3270 records (command byte, WCC, orders and EBCDIC data) go out through
// on_send after flush(), and the terminal's inbound records come back in
// through inbound(). The layout in buffer addresses (C columns, N rows):
//   C*N-1       the output area's attribute (protected), wrapping to 0
//   C*(N-2)     the input field's attribute; the field to C*N-22
//   C*N-21      the status area's attribute; the status in C*N-20..C*N-2
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace console {

class GrafConsole {
 public:
  // R6 cleared a MORE... screen after 60 seconds.
  static constexpr int kMoreSeconds = 60;

  // A screen of the terminal's alternate size (the model's), which the
  // console selects with Erase/Write Alternate.
  GrafConsole(int rows, int cols, std::string sysname);

  // ---- To CP and the terminal ---------------------------------------------
  std::function<void(std::string)> on_line;  // ENTER: the input line
  std::function<void()> on_attention;        // PA1
  std::function<void(int, std::string)> on_pf;  // PFnn and the input line
  std::function<void(std::vector<std::uint8_t>)> on_send;  // an outbound record
  // Full screen: an inbound record for the guest, and PA2 or CLEAR asking
  // for the guest's screen again after CP showed a message over it.
  std::function<void(std::vector<std::uint8_t>)> on_screen;
  std::function<void()> on_guest_back;

  // ---- From CP (on the console's thread) ---------------------------------
  void write(std::string_view text);
  void set_echo(bool on);
  void cp_read(bool on);
  void vm_read(bool on);
  void not_accepted();
  void alarm() { alarm_ = true; }
  void set_input(std::string_view text);
  // DIAGNOSE X'58': text in the output area from row `line` (-1: only
  // clear it), a guest's full-screen record, CP's screen again.
  void display(int line, bool erase, const std::vector<std::uint8_t>& ebcdic);
  void full_screen(std::vector<std::uint8_t> record);
  void end_full_screen();
  bool guest_screen() const { return guest_ && !guest_hold_; }

  // ---- From the terminal ----------------------------------------------------
  void inbound(const std::vector<std::uint8_t>& record);

  // Sends what changed as one record (the whole screen the first time and
  // after CLEAR). Call after a batch of the calls above.
  void flush();
  // Draw the whole screen again at the next flush().
  void redraw() { full_ = true; }

  // MORE...: each time it begins it gets a new number; the console's timer
  // calls more_timeout() with it kMoreSeconds later, and only a MORE...
  // still showing with that number is cleared.
  bool more() const { return more_ && !holding_; }
  unsigned more_number() const { return more_number_; }
  void more_timeout(unsigned number);

  // The status word now showing (for tests and the operator's panel).
  std::string status() const;
  int rows() const { return rows_; }
  int cols() const { return cols_; }

 private:
  int size() const { return rows_ * cols_; }
  int out_rows() const { return rows_ - 2; }
  int input_attr() const { return (rows_ - 2) * cols_; }
  int input_start() const { return input_attr() + 1; }
  int status_attr() const { return size() - 21; }
  void add_row(std::string row, bool open);
  void place();
  void clear_output();
  std::string field_text(const std::vector<std::uint8_t>& r) const;
  void entered(const std::string& text);

  int rows_, cols_;
  std::string sysname_;
  std::vector<std::string> shown_;     // the output area's rows
  std::vector<bool> dirty_;            // rows to send again
  int next_row_ = 0;                   // rows in use
  std::deque<std::string> pending_;    // rows waiting for room
  bool open_ = false;                  // the last row takes more text (no line end yet)
  enum class Base : std::uint8_t { CpRead, VmRead, Running } base_ = Base::CpRead;
  bool cp_ = true, vm_read_ = false;
  bool more_ = false, holding_ = false, not_accepted_ = false;
  unsigned more_number_ = 0;
  bool echo_ = true;
  // The guest has the screen (full screen), and CP has shown a message
  // over it (HOLDING until PA2 or CLEAR).
  bool guest_ = false, guest_hold_ = false;
  // What flush() has to send.
  bool full_ = true, status_dirty_ = true, attr_dirty_ = false, clear_input_ = false, restore_ = false;
  bool alarm_ = false;
  bool have_input_ = false;
  std::string input_;  // set_input()'s text
  std::string last_status_;
  static constexpr std::size_t kMaxPending = 4096;  // rows kept waiting for MORE...
};

}  // namespace console
