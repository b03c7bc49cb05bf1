// The virtual unit-record devices of a virtual machine (docs/CP.md,
// "Spool"): a punch and a printer that gather what the guest writes into
// the open spool file in memory, and a reader that reads closed spool
// files. They are s370::io devices like the bare machine's 2540 and 1403,
// and answer the same channel programs with the same status and sense; they
// know nothing of users or of the store: CP wires them with callbacks and
// takes their files (CLOSE).
//
// Like every device they are driven on their machine's thread; CP calls
// take(), close_file() and options() on that thread (DIAGNOSE X'08') or
// while the machine is stopped.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cp/spool.h"
#include "s370/channel/basic_device.h"

namespace cp {

// Spool options of a virtual unit-record device (the SPOOL command).
struct SpoolOptions {
  char cls = 'A';
  bool cont = false;  // CONT: reader: go on to the next file without an end-of-file; punch/printer: CLOSE
                      // does not end the file (R6: reader only matters here)
  bool hold = false;  // files closed on it are held
  uint32_t copies = 1;
  std::string to;  // punch/printer: userid whose reader gets the files ("" = the system's queue)
  // Reader EOF option, kept for CP: this reader ends every file with unit exception whatever it says (R6's
  // NOEOF would end it with intervention required instead: CP Command Reference, SPOOL).
  bool eof = false;
};

// A virtual punch (2540P, type "2540P") or printer (1403, type "1403"): each write CCW appends a record (the
// command code and its data, data chaining included) to the open file in memory. The printer also keeps the
// commands that move or change the forms without data (space and skip immediate, no-op, fold, unfold, UCS
// load) as records with no data, so that render_printer() prints exactly what a 1403 would have. Status,
// sense (X'04') and sense ID (X'E4') as s370::io::CardPunch2540 and Printer1403; invalid commands are
// rejected as those devices reject them.
class SpoolWriter final : public s370::io::BasicDevice {
 public:
  using Result = s370::io::Result;
  enum class Kind : uint8_t { Punch, Printer };
  static constexpr uint32_t kDefaultLimit = 100000;

  SpoolWriter(uint16_t address, Kind kind);
  std::string_view type() const override;  // "2540P" or "1403"
  Result execute(s370::io::Transfer& t) override;
  Kind kind() const { return kind_; }
  SpoolOptions& options() { return options_; }
  // Records written since the last close, and taking them (CLOSE): returns them and starts an empty file.
  uint32_t pending() const { return static_cast<uint32_t>(records_.size()); }
  std::vector<SpoolRecord> take();
  // A file larger than this many records is refused: the write gets unit check intervention required (spool
  // full), so a runaway guest cannot fill the host's disk. Default 100000.
  void set_limit(uint32_t records) { limit_ = records; }

 private:
  Result write_card(s370::io::Transfer& t);
  Result print(s370::io::Transfer& t);
  // Unit check, intervention required, before any data moves: the file has
  // reached its limit.
  Result full();

  Kind kind_;
  SpoolOptions options_;
  std::vector<SpoolRecord> records_;
  uint32_t limit_ = kDefaultLimit;
};

// A virtual reader (2540R, type "2540R"): reads the records of one open spool file as cards (a record is
// moved as it is; the channel's count rules give residual counts and incorrect length as for CardReader2540's
// 80-byte cards). With no file open it asks `next` for one (CP picks the first non-held file of the reader's
// class from the user's reader queue). After the last record the next read gives unit exception with channel
// end and device end (end of file, as R6's reader and Hercules' eof reader), and `done(id)` is called so that
// CP purges the file, which is then no longer open. With options().cont the end of a file goes straight on to
// the next file, and only the end of the last gives unit exception. With no file to read, a read gives unit
// check, intervention required (as a reader with no cards). Sense and sense ID as CardReader2540. `next` and
// `done` run inside the guest's I/O instruction, on the machine's thread, and must not throw.
class SpoolReader final : public s370::io::BasicDevice {
 public:
  using Result = s370::io::Result;
  using Next = std::function<std::optional<std::pair<SpoolFile, std::vector<SpoolRecord>>>()>;
  using Done = std::function<void(uint32_t id)>;
  SpoolReader(uint16_t address, Next next, Done done);
  std::string_view type() const override { return "2540R"; }
  Result execute(s370::io::Transfer& t) override;
  SpoolOptions& options() { return options_; }
  // The file being read (0 if none), for CP's CLOSE READER (which ends it: done(id) is not called; CP
  // decides).
  uint32_t open_id() const { return file_ ? file_->id : 0; }
  void close_file();

 private:
  bool open_next();

  Next next_;
  Done done_;
  SpoolOptions options_;
  std::optional<SpoolFile> file_;
  std::vector<SpoolRecord> records_;
  size_t position_ = 0;
};

// Renders a printer spool file as text, exactly as s370::io::Printer1403 prints the same channel commands and
// data from a fresh form (its carriage control, form feeds, trailing blanks dropped, EBCDIC to ASCII); and a
// punch file as 80-byte EBCDIC card images (the bytes of a Hercules card punch file: shorter records padded
// with EBCDIC blanks, longer ones cut at 80).
std::string render_printer(const std::vector<SpoolRecord>& records);
std::vector<uint8_t> render_punch(const std::vector<SpoolRecord>& records);

}  // namespace cp
