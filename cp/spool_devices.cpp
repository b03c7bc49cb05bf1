// The virtual punch, printer and reader of a virtual machine: the channel
// commands of the 2540 and the 1403 (IBM 2540 and 2821 Component
// Descriptions; status and sense as s370::io's models, which answer as
// Hercules), with spool files in memory instead of host files.
#include "cp/spool_devices.h"

#include <algorithm>

#include "s370/channel/ebcdic.h"
#include "s370/channel/printer1403.h"

namespace cp {

using s370::u32;
using s370::u8;
using s370::io::PrinterForms;
using s370::io::Transfer;
namespace unit = s370::io::unit;
namespace sense = s370::io::sense;

namespace {

// SENSE ID: X'FF', control unit type and model, device type and model, as
// the bare machine's devices answer (Hercules' 3505/3525 for the 2540,
// 2821 and 1403 for the printer).
const std::vector<u8> kCardId = {0xFF, 0x28, 0x21, 0x01, 0x25, 0x40, 0x01};
const std::vector<u8> kPrinterId = {0xFF, 0x28, 0x21, 0x01, 0x14, 0x03, 0x01};
// Sense byte 1 of the reader: retry after intervention required is cleared.
constexpr u8 kRetryAfterIntervention = 0x10;
constexpr size_t kCardColumns = 80;

}  // namespace

// ---- Punch and printer ------------------------------------------------------------

SpoolWriter::SpoolWriter(uint16_t address, Kind kind) : BasicDevice(address), kind_(kind) {}

std::string_view SpoolWriter::type() const {
  return kind_ == Kind::Punch ? "2540P" : "1403";
}

std::vector<SpoolRecord> SpoolWriter::take() {
  std::vector<SpoolRecord> file;
  file.swap(records_);
  return file;
}

SpoolWriter::Result SpoolWriter::full() {
  Result r = unit_check(sense::kInterventionRequired);
  r.initial = true;
  return r;
}

SpoolWriter::Result SpoolWriter::execute(Transfer& t) {
  return kind_ == Kind::Punch ? write_card(t) : print(t);
}

SpoolWriter::Result SpoolWriter::write_card(Transfer& t) {
  switch (t.command()) {
    case 0x01:    // write, feed, stacker P1
    case 0x41:    // ... stacker P2
    case 0x81: {  // ... stacker RP3
      if (records_.size() >= limit_) return full();
      // One card, as CardPunch2540 punches it: what the CCWs give, up to 80
      // columns (more is incorrect length), padded with blanks.
      std::vector<u8> card(kCardColumns);
      const u32 n = t.get(card.data(), kCardColumns);
      std::fill(card.begin() + n, card.end(), s370::io::kEbcdicBlank);
      records_.push_back(SpoolRecord{t.command(), std::move(card)});
      return Result::end(100);
    }
    default:
      return common_command(t, kCardId);
  }
}

SpoolWriter::Result SpoolWriter::print(Transfer& t) {
  // The 1403's own decision of which commands are valid, so that a guest
  // sees the same status from its spooled printer as from a real one.
  const u8 cmd = t.command();
  const PrinterForms::Command what = PrinterForms::command(cmd, t.chained(), t.previous());
  // Whether the command prints or changes how later lines print: only
  // those are kept (diagnostic read, the data-check controls and the gate
  // load leave no mark on the paper).
  const bool kept = what == PrinterForms::Command::Write || what == PrinterForms::Command::Carriage ||
                    cmd == 0x03 || cmd == 0x23 || cmd == 0x43 || cmd == 0xF3 || cmd == 0xFB;
  // A full file refuses what would add to it; a command the 1403 rejects
  // is rejected as it would be, and a no-op writes nothing.
  if (kept && cmd != 0x03 && what != PrinterForms::Command::Reject && records_.size() >= limit_) return full();
  switch (what) {
    case PrinterForms::Command::Write: {
      u8 line[PrinterForms::kLineBuffer];
      const u32 n = t.get(line, PrinterForms::kLineBuffer);
      records_.push_back(SpoolRecord{cmd, std::vector<u8>(line, line + n)});
      return Result::end(100);
    }
    case PrinterForms::Command::Carriage:
      records_.push_back(SpoolRecord{cmd, {}});
      return Result::immediate(10);
    case PrinterForms::Command::Immediate:
      if (kept) records_.push_back(SpoolRecord{cmd, {}});
      return Result::immediate();
    case PrinterForms::Command::Control:
      if (kept) records_.push_back(SpoolRecord{cmd, {}});
      return Result::end();
    case PrinterForms::Command::Sense:
      return sense(t);
    case PrinterForms::Command::SenseId:
      return sense_id(t, kPrinterId);
    case PrinterForms::Command::Reject:
      break;
  }
  // As the 1403: unit check alone, command reject.
  return reject(true);
}

// ---- Reader -----------------------------------------------------------------------

SpoolReader::SpoolReader(uint16_t address, Next next, Done done)
    : BasicDevice(address), next_(std::move(next)), done_(std::move(done)) {
  sense_count_ = 4;
}

void SpoolReader::close_file() {
  file_.reset();
  records_.clear();
  position_ = 0;
}

bool SpoolReader::open_next() {
  if (!next_) return false;
  auto next = next_();
  if (!next) return false;
  file_ = std::move(next->first);
  records_ = std::move(next->second);
  position_ = 0;
  return true;
}

SpoolReader::Result SpoolReader::execute(Transfer& t) {
  u8 cmd = t.command();
  // Read, feed and select stacker in any combination read; feed alone does
  // nothing (as CardReader2540).
  if ((cmd & 0x17) == 0x02) cmd = 0x02;
  if ((cmd & 0x37) == 0x23) cmd = 0x03;
  if (cmd != 0x02) return common_command(t, kCardId);
  if (!file_ && !open_next()) {
    // No file for this reader: as an empty hopper, before anything is read.
    Result r = unit_check(sense::kInterventionRequired, kRetryAfterIntervention);
    r.initial = true;
    return r;
  }
  // The end of a file: CP is told (it purges the file), and the read is
  // the end-of-file unit exception, unless CONT reads on into the next file
  // (CP Command Reference, SPOOL: "reading is continuous, with all
  // end-of-file indicators ignored until all files ... are read in").
  while (position_ == records_.size()) {
    const uint32_t id = file_->id;
    close_file();
    if (done_) done_(id);
    if (!options_.cont || !open_next()) return Result{unit::kEnd | unit::kUnitException, true, false, 1};
  }
  const SpoolRecord& r = records_[position_++];
  if (!r.data.empty()) t.put(r.data.data(), static_cast<u32>(r.data.size()));
  return Result::end(100);
}

// ---- Rendering --------------------------------------------------------------------

std::string render_printer(const std::vector<SpoolRecord>& records) {
  PrinterForms forms;
  std::string out;
  for (const SpoolRecord& r : records)
    forms.apply(r.ccw, r.data.data(), static_cast<u32>(r.data.size()), out);
  return out;
}

std::vector<uint8_t> render_punch(const std::vector<SpoolRecord>& records) {
  std::vector<uint8_t> out;
  out.reserve(records.size() * kCardColumns);
  for (const SpoolRecord& r : records) {
    const size_t n = std::min(r.data.size(), kCardColumns);
    out.insert(out.end(), r.data.begin(), r.data.begin() + static_cast<std::ptrdiff_t>(n));
    out.insert(out.end(), kCardColumns - n, s370::io::kEbcdicBlank);
  }
  return out;
}

}  // namespace cp
