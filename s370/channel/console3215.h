// The 3215 console printer-keyboard, connected to a stream of lines: the
// terminal now (stdin/stdout), a CP session later. Output is ASCII text;
// input lines are read on a READ INQUIRY, which waits (without blocking the
// CPU) until a line comes. Commands as Hercules' 3215-C integrated console:
// X'01' write, X'09' write with carrier return, X'0A' read inquiry, X'0B'
// audible alarm, X'03' no-op, X'04' sense, X'E4' sense ID.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "s370/channel/basic_device.h"

namespace s370::io {

// Where console input lines come from.
class LineInput {
 public:
  virtual ~LineInput() = default;
  // The next complete line, without its line end, if one has arrived.
  virtual std::optional<std::string> take_line() = 0;
  // No more input can ever come (end of file).
  virtual bool closed() const = 0;
};

// Where console output goes (text with its own line ends).
using LineOutput = std::function<void(std::string_view)>;

class Console3215 final : public BasicDevice {
 public:
  // `input` may be null: no operator, a read waits for ever.
  Console3215(u16 address, LineInput* input, LineOutput output);
  std::string_view type() const override { return "3215"; }
  Result execute(Transfer& t) override;
  void halt() override;
  void reset() override;
  void poll() override;
  bool waiting_for_input() const override { return reading_ && input_ && !input_->closed(); }
  // The operator presses the request key: attention.
  void request();

  static constexpr u32 kBufferLength = 150;  // as Hercules' 1052/3215

 private:
  LineInput* input_;
  LineOutput output_;
  bool reading_ = false;             // a read inquiry waits for a line
  std::optional<std::string> line_;  // a line that came while it waited
};

}  // namespace s370::io
