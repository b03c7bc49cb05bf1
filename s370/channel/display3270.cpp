// The channel-attached 3270 (see display3270.h).
#include "s370/channel/display3270.h"

namespace s370::io {

namespace {

Screen3270 make_screen(int model) {
  int rows = 24, cols = 80;
  Display3270::alternate_size(model, rows, cols);
  return Screen3270(24, 80, rows, cols);
}

// The largest outbound data stream one command takes: a 27x132 screen
// written with an order before every position, with room to spare.
constexpr u32 kMaxWrite = 65535;

}  // namespace

bool Display3270::alternate_size(int model, int& rows, int& cols) {
  switch (model) {
    case 2:
      rows = 24, cols = 80;
      return true;
    case 3:
      rows = 32, cols = 80;
      return true;
    case 4:
      rows = 43, cols = 80;
      return true;
    case 5:
      rows = 27, cols = 132;
      return true;
    default:
      return false;
  }
}

Display3270::Display3270(u16 address, int model)
    : BasicDevice(address), model_(model), screen_(make_screen(model)) {}

void Display3270::reset() {
  BasicDevice::reset();
  // As at power on: a blank screen of the default size, the keyboard free.
  screen_.reset();
}

bool Display3270::press(u8 key) {
  if (!screen_.press(key)) return false;
  if (events()) events()->attention(address(), unit::kAttention);
  return true;
}

void Display3270::inbound(const u8* data, size_t n) {
  if (n == 0) return;
  screen_.inbound(data, n);
  if (events()) events()->attention(address(), unit::kAttention);
}

Result Display3270::execute(Transfer& t) {
  const u8 cmd = t.command();
  switch (cmd) {
    case 0x01:    // write
    case 0x05:    // erase/write
    case 0x0D: {  // erase/write alternate
      std::vector<u8> data(kMaxWrite);
      data.resize(t.get(data.data(), kMaxWrite));
      if (cmd == 0x01)
        screen_.write(data.data(), data.size());
      else
        screen_.erase_write(data.data(), data.size(), cmd == 0x0D);
      if (outbound_) outbound_(cmd, data);
      // About 1 us a byte on the channel (the 3274's buffer at channel
      // speed), and the control unit's turnaround.
      return Result::end(50 + data.size());
    }
    case 0x02:    // read buffer
    case 0x06:    // read modified
    case 0x0E: {  // read modified all
      const std::vector<u8> data = cmd == 0x02 ? screen_.read_buffer() : screen_.read_modified(cmd == 0x0E);
      t.put(data.data(), static_cast<u32>(data.size()));
      // The attention identifier has been read.
      if (cmd != 0x02) screen_.clear_aid();
      return Result::end(50 + data.size());
    }
    case 0x0F:  // erase all unprotected
      screen_.erase_all_unprotected();
      if (outbound_) outbound_(cmd, {});
      return Result::immediate(50);
    case 0x0B:  // select
      return Result::immediate();
    default:  // NO-OP, SENSE, SENSE ID, or a command reject
      return common_command(t, {0xFF, 0x32, 0x74, 0x1D, 0x32, 0x78, 0x02});
  }
}

}  // namespace s370::io
