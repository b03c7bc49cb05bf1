// The 3270 display station, channel attached through a local 3274 control
// unit (non-SNA; IBM 3274 Control Unit Description and Programmer's Guide,
// GA23-0061, "Local Non-SNA"): the commands
//   X'01' WRITE, X'05' ERASE/WRITE, X'0D' ERASE/WRITE ALTERNATE,
//   X'02' READ BUFFER, X'06' READ MODIFIED, X'0E' READ MODIFIED ALL,
//   X'0F' ERASE ALL UNPROTECTED, X'0B' SELECT, X'03' NO-OPERATION,
//   X'04' SENSE (one byte), X'E4' SENSE ID (3274-1D, 3278-2 as Hercules);
// and attention when the operator presses an attention key (ENTER, a PF or
// PA key, CLEAR). The screen itself is the Screen3270 model; nothing here
// knows of networks. A later console layer connects a TN3270 client:
// outbound data streams reach it through set_outbound(), its inbound
// records come back through inbound().
#pragma once

#include <functional>
#include <vector>

#include "s370/channel/basic_device.h"
#include "s370/channel/screen3270.h"

namespace s370::io {

class Display3270 final : public BasicDevice {
 public:
  // A 3278 model 2 to 5: 24x80 default size; the alternate size 24x80,
  // 32x80, 43x80 or 27x132.
  explicit Display3270(u16 address, int model = 2);
  std::string_view type() const override { return "3270"; }
  Result execute(Transfer& t) override;
  void reset() override;

  int model() const { return model_; }
  Screen3270& screen() { return screen_; }
  const Screen3270& screen() const { return screen_; }

  // ---- The operator (or a terminal) ----------------------------------------
  // Types EBCDIC text at the cursor; false when input is inhibited.
  bool type_text(const std::vector<u8>& text) { return screen_.type(text); }
  // An attention key: the AID is set, the keyboard locks and the program
  // gets attention. False (nothing happens) while the keyboard is locked.
  bool press(u8 key);
  // An inbound record from a terminal (AID, cursor, modified fields):
  // the screen takes it and the program gets attention.
  void inbound(const u8* data, size_t n);

  // Each outbound write as it is executed: the command code and the data
  // (WCC, orders and characters). For a terminal that mirrors the screen.
  using Outbound = std::function<void(u8 command, const std::vector<u8>& data)>;
  void set_outbound(Outbound out) { outbound_ = std::move(out); }

  // The rows and columns of a 3278 model's alternate size.
  static bool alternate_size(int model, int& rows, int& cols);

 private:
  int model_;
  Screen3270 screen_;
  Outbound outbound_;
};

}  // namespace s370::io
