// The 1403 printer: commands of the 2821 control unit (IBM 2821 Component
// Description), carriage control as Hercules 3.13 writes it to a file.
#include "s370/channel/printer1403.h"

#include "s370/channel/ebcdic.h"

namespace s370::io {

namespace {
// The carriage-tape channels of the default forms control: channel n is
// punched on line kChannelLine[n].
constexpr int kChannelLine[13] = {0, 1, 7, 13, 19, 25, 31, 37, 43, 63, 49, 55, 61};
}  // namespace

// ---- The forms ------------------------------------------------------------------------

PrinterForms::Command PrinterForms::command(u8 cmd, bool chained, u8 previous) {
  switch (cmd) {
    case 0x01:
    case 0x09:
    case 0x11:
    case 0x19:  // write, space 0-3 after
    case 0x89:
    case 0x91:
    case 0x99:
    case 0xA1:
    case 0xA9:
    case 0xB1:
    case 0xB9:
    case 0xC1:
    case 0xC9:
    case 0xD1:
    case 0xD9:
    case 0xE1:  // write, skip after
      return Command::Write;
    case 0x0B:
    case 0x13:
    case 0x1B:  // space 1-3 lines immediate
    case 0x8B:
    case 0x93:
    case 0x9B:
    case 0xA3:
    case 0xAB:
    case 0xB3:
    case 0xBB:
    case 0xC3:
    case 0xCB:
    case 0xD3:
    case 0xDB:
    case 0xE3:  // skip immediate
      return Command::Carriage;
    case 0x03:  // no operation
    case 0x73:  // block data check
    case 0x7B:  // allow data check
      return Command::Immediate;
    case 0xEB:  // UCS gate load: only as the first command of a chain
      return chained ? Command::Reject : Command::Immediate;
    case 0xF3:  // load UCS buffer and fold: after gate load (or allow data check)
      return previous == 0xEB || previous == 0x7B ? Command::Immediate : Command::Reject;
    case 0xFB:  // load UCS buffer, no fold: after gate load
      return previous == 0xEB ? Command::Immediate : Command::Reject;
    case 0x06:  // diagnostic check read: no data from a 1403
    case 0x23:  // unfold
    case 0x43:  // fold
      return Command::Control;
    case 0x04:
      return Command::Sense;
    case 0xE4:
      return Command::SenseId;
    default:
      // Not a 1403 command (LOAD FCB and the diagnostic gate are 3211
      // commands).
      return Command::Reject;
  }
}

PrinterForms::PrinterForms() {
  for (int ch = 1; ch <= 12; ch++) fcb_[kChannelLine[ch]] = ch;
}

void PrinterForms::skip_to_channel(int channel, std::string& out) {
  // Find the next line, from the current one, punched for the channel. A
  // skip backward (or to the current line after an overprint) passes the
  // end of the form: a form feed, then spacing down to the line.
  int dest = 0;
  for (int i = 0; i < kLinesPerPage && !dest; i++) {
    const int l = 1 + (line_ + i - 1) % kLinesPerPage;
    if (fcb_[l] == channel) dest = l;
  }
  if (!dest) return;
  if (dest < line_ || (overprinted_ && dest <= line_)) {
    overprinted_ = false;
    out += '\f';
    line_ = 1;
  }
  for (; line_ < dest; line_++) out += '\n';
}

void PrinterForms::apply(u8 cmd, const u8* data, u32 n, std::string& out) {
  switch (cmd) {
    case 0x23:
      fold_ = false;
      return;
    case 0x43:
      fold_ = true;
      return;
    case 0xF3:  // loading the UCS buffer leaves the carriage as after an overprint
      fold_ = true;
      overprinted_ = true;
      return;
    case 0xFB:
      fold_ = false;
      overprinted_ = true;
      return;
    default:
      break;
  }
  const Command kind = command(cmd, false, 0);
  if (kind == Command::Carriage) {
    if (cmd < 0x80) {
      const int lines = cmd >> 3;
      line_ += lines;
      out.append(static_cast<size_t>(lines), '\n');
    } else {
      skip_to_channel((cmd - 0x80) >> 3, out);
    }
    return;
  }
  if (kind != Command::Write) return;
  std::string text(n, ' ');
  for (u32 i = 0; i < n; i++) {
    u8 c = to_ascii(data[i]);
    if (fold_ && c >= 'a' && c <= 'z') c = static_cast<u8>(c - 'a' + 'A');
    text[i] = c == 0 ? ' ' : static_cast<char>(c);
  }
  // Trailing blanks are not written.
  const size_t end = text.find_last_not_of(' ');
  out.append(text, 0, end == std::string::npos ? 0 : end + 1);
  if (cmd < 0x80) {
    // Write and space 0-3 lines (command bits 3-4 give the count).
    const int lines = cmd >> 3;
    if (lines == 0) {
      overprinted_ = true;
      out += '\r';
    } else {
      line_ += lines;
      out.append(static_cast<size_t>(lines), '\n');
    }
  } else {
    // Write and skip to a channel (bits 1-4 give it).
    const int channel = (cmd - 0x80) >> 3;
    if (channel == 1) out += '\r';
    skip_to_channel(channel, out);
  }
}

// ---- The printer ----------------------------------------------------------------------

Printer1403::Printer1403(u16 address, const std::string& path) : BasicDevice(address) {
  file_.open(path);
}

void Printer1403::reset() {
  // The forms stay where they are across a reset, as on the real printer.
  BasicDevice::reset();
}

Result Printer1403::finish(std::string& out, Result r) {
  if (!out.empty() && !file_.write(out)) return unit_check(sense::kEquipmentCheck);
  return r;
}

Result Printer1403::execute(Transfer& t) {
  const u8 cmd = t.command();
  std::string out;
  switch (PrinterForms::command(cmd, t.chained(), t.previous())) {
    case PrinterForms::Command::Write: {
      u8 buf[PrinterForms::kLineBuffer];
      const u32 n = t.get(buf, PrinterForms::kLineBuffer);
      forms_.apply(cmd, buf, n, out);
      return finish(out, Result::end(100));
    }
    case PrinterForms::Command::Carriage:
      forms_.apply(cmd, nullptr, 0, out);
      return finish(out, Result::immediate(10));
    case PrinterForms::Command::Immediate:
      forms_.apply(cmd, nullptr, 0, out);
      return Result::immediate();
    case PrinterForms::Command::Control:
      forms_.apply(cmd, nullptr, 0, out);
      return Result::end();
    case PrinterForms::Command::Sense:
      return sense(t);
    case PrinterForms::Command::SenseId:
      return sense_id(t, {0xFF, 0x28, 0x21, 0x01, 0x14, 0x03, 0x01});
    case PrinterForms::Command::Reject:
      break;
  }
  // Unit check alone, command reject.
  return reject(true);
}

}  // namespace s370::io
