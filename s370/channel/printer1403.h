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

class Printer1403 final : public BasicDevice {
 public:
  Printer1403(u16 address, const std::string& path);
  std::string_view type() const override { return "1403"; }
  Result execute(Transfer& t) override;
  void reset() override;

 private:
  Result write_line(Transfer& t, u8 cmd, std::string& out);
  void skip_to_channel(int channel, std::string& out);
  Result finish(std::string& out, Result r);

  OutputFile file_;
  bool fold_ = false;  // print lower case as upper case (UCS fold)
  // Forms control: the line the carriage is on (it may count past the end
  // of the form until a skip), and whether a line was written without
  // spacing since the last form feed.
  int line_ = 1;
  bool overprinted_ = false;
  int fcb_[67] = {};  // fcb_[line] = channel punched at that line
  static constexpr int kLinesPerPage = 66;
};

}  // namespace s370::io
