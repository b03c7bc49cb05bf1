// The 3215 console (IBM 3210/3215 Console Printer-Keyboard Component
// Description; commands and lengths as Hercules' 3215-C).
#include "s370/channel/console3215.h"

#include "s370/channel/ebcdic.h"

namespace s370::io {

Console3215::Console3215(u16 address, LineInput* input, LineOutput output)
    : BasicDevice(address), input_(input), output_(std::move(output)) {}

void Console3215::reset() {
  BasicDevice::reset();
  reading_ = false;
}

void Console3215::halt() {
  // A halted read gives up waiting; a line already taken stays for the
  // next read.
  reading_ = false;
}

void Console3215::request() {
  if (events()) events()->attention(address(), unit::kAttention);
}

void Console3215::poll() {
  // A read waits for a line: keep it and tell the channel to execute the
  // read again.
  if (!reading_ || !input_ || !events()) return;
  if (auto line = input_->take_line()) {
    line_ = std::move(line);
    reading_ = false;
    events()->ready(address());
  }
}

Result Console3215::execute(Transfer& t) {
  const u8 cmd = t.command();
  switch (cmd) {
    case 0x01:    // write, no carrier return
    case 0x09: {  // write, automatic carrier return
      u8 buf[kBufferLength];
      const u32 n = t.get(buf, kBufferLength);
      std::string text(n, ' ');
      for (u32 i = 0; i < n; i++) {
        const u8 c = to_ascii(buf[i]);
        // What the terminal cannot show prints as a blank; line ends pass.
        text[i] = (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' ? static_cast<char>(c) : ' ';
      }
      // The carrier returns after the line unless it filled the buffer.
      if (cmd == 0x09 && n < kBufferLength) text += '\n';
      output_(text);
      return Result::end(10 + n);
    }
    case 0x0A: {  // read inquiry
      std::optional<std::string> line = std::move(line_);
      line_.reset();
      if (!line && input_) line = input_->take_line();
      if (!line) {
        reading_ = true;
        return Result::pending();
      }
      reading_ = false;
      // The keyboard sends what it can print; input is not echoed.
      u8 buf[kBufferLength];
      u32 n = 0;
      for (char ch : *line) {
        if (n == kBufferLength) break;
        const u8 c = static_cast<u8>(ch);
        buf[n++] = c >= 0x20 && c < 0x7F ? to_ebcdic(c) : kEbcdicBlank;
      }
      t.put(buf, n);
      return Result::end(10 + n);
    }
    case 0x0B:  // audible alarm
      return Result::immediate();
    default:  // NO-OP, SENSE, SENSE ID, or a command reject
      return common_command(t, {0xFF, 0x32, 0x15, 0x00, 0x32, 0x15, 0x00});
  }
}

}  // namespace s370::io
