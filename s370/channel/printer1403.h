// The 1403 printer (on a 2821 control unit), printing to a host file as
// ASCII text with carriage control applied: a line is followed by "\n" for
// each line spaced, "\r" when the carriage does not move (the next line
// overprints), and "\f" when a skip passes the top of a form. The bytes are
// those Hercules 3.13 writes for the same channel programs (its default
// forms-control buffer: 66 lines per page, channel 1 on line 1, channels 2-8
// every 6 lines from 7, channel 9 on 63, 10 on 49, 11 on 55, 12 on 61;
// trailing blanks dropped), so printer files pass between the two.
#pragma once

#include <string>

#include "s370/channel/basic_device.h"

namespace s370::io {

// The forms of a 1403 and its carriage: what each command the printer
// accepted prints, as text with carriage control. Printer1403 prints
// through it, and CP renders its printer spool files (the commands and data
// a guest wrote, kept) with it, so that both give the same bytes.
class PrinterForms {
 public:
  // How the 1403 takes a command code (IBM 2821 Component Description).
  enum class Command : u8 {
    Write,      // print a line from the data, then space or skip
    Carriage,   // space or skip immediate
    Immediate,  // no operation, data-check and UCS controls: ends at once
    Control,    // fold, unfold, diagnostic check read: channel end and device end
    Sense,
    SenseId,
    Reject,  // not a 1403 command, or out of its sequence: command reject
  };
  // `chained` and `previous` as the Transfer gives them: the UCS load
  // commands are valid only in their sequence.
  static Command command(u8 cmd, bool chained, u8 previous);
  // The print buffer takes up to this many bytes of one line (Hercules).
  static constexpr u32 kLineBuffer = 1500;

  PrinterForms();
  // Applies an accepted command (a write with its line in data[0..n)) and
  // appends what it prints to `out`; commands that do not change the forms
  // or the print change nothing.
  void apply(u8 cmd, const u8* data, u32 n, std::string& out);

 private:
  void skip_to_channel(int channel, std::string& out);

  bool fold_ = false;  // print lower case as upper case (UCS fold)
  // Forms control: the line the carriage is on (it may count past the end
  // of the form until a skip), and whether a line was written without
  // spacing since the last form feed.
  int line_ = 1;
  bool overprinted_ = false;
  int fcb_[67] = {};  // fcb_[line] = channel punched at that line
  static constexpr int kLinesPerPage = 66;
};

class Printer1403 final : public BasicDevice {
 public:
  Printer1403(u16 address, const std::string& path);
  std::string_view type() const override { return "1403"; }
  Result execute(Transfer& t) override;
  void reset() override;

 private:
  Result finish(std::string& out, Result r);

  OutputFile file_;
  PrinterForms forms_;
};

}  // namespace s370::io
