// CMS minidisks in the 800-byte format of VM/370 Release 6, read and
// written on the host (docs/CMS-DISK.md has the format, its sources and
// the choices made here). Over an s370::io::CkdImage: a whole volume, or a
// minidisk extent of one (CkdImage::open_extent), 3330 or 3350.
//
// Everything read from the disk is checked before it is used: a block
// number outside the disk, a block used twice, record counts or lengths
// that do not add up, a bad MFD or track layout throw cms::DiskError, so
// that a corrupt or hostile image gives a message, never a crash. Every
// change is one copy-on-write transaction that ends with the write of the
// MFD (block 4), so that a crash midway leaves the disk as it was.
//
// Also here: the text conversions (ASCII lines <-> EBCDIC records, code
// page 037) and the system disk's nucleus area (docs/CMS-DISK.md section
// 6): the CMS nucleus written after the file area with the IPL records
// that load it.
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "s370/channel/ckd_image.h"
#include "s370/types.h"

namespace cms {

using s370::u16;
using s370::u32;
using s370::u8;

// A request that cannot be done as asked: a bad file name, a record
// longer than its LRECL, a file too large for the format.
struct Error : std::runtime_error {
  using std::runtime_error::runtime_error;
};
// The disk: corrupt, full, not CMS-formatted, or the image's I/O failed.
struct DiskError : Error {
  using Error::Error;
};

// When a file was last written, as the FST keeps it (to the minute; the
// year from two digits: 19yy from 70 up, 20yy below).
struct Stamp {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0;
  bool operator==(const Stamp&) const = default;
};

// A file's entry (its FST) as LISTFILE shows it.
struct FileInfo {
  std::string fn, ft;  // without the padding blanks
  std::string mode;    // letter and number, e.g. "A1"
  char recfm = 'F';    // 'F' or 'V'
  u32 lrecl = 0;       // F: the record length; V: the longest record
  u32 records = 0;
  u32 blocks = 0;  // 800-byte data blocks
  Stamp written;
};

// A whole file. The records are EBCDIC bytes as they are on the disk.
struct File {
  std::string fn, ft;
  std::string mode = "A1";
  char recfm = 'F';
  // F: every record's length (each record must have it). V: ignored when
  // written (the FST gets the longest record's length).
  u32 lrecl = 80;
  std::optional<Stamp> written;  // none: the host's local time now
  std::vector<std::vector<u8>> records;
};

class CmsDisk {
 public:
  static constexpr u32 kBlockSize = 800;
  static constexpr u32 kMaxBlocks = 65531;      // block numbers are halfwords below the sentinels
  static constexpr u32 kMaxFileBlocks = 16060;  // 60 + 40 chain links x 400
  static constexpr u32 kMaxRecords = 65533;

  // The disk on `image`. Throws DiskError when it carries a CMS label but
  // its MFD or FST blocks are bad; a disk without a CMS label opens, and
  // formatted() is false (every other call then throws DiskError).
  static std::unique_ptr<CmsDisk> open(std::unique_ptr<s370::io::CkdImage> image);
  // The same over an image the caller keeps (it must outlive the CmsDisk).
  static std::unique_ptr<CmsDisk> open(s370::io::CkdImage& image);

  // FORMAT: a new, empty CMS file area of `cms_cylinders` (0 = all of the
  // image) with the volume label `label` (1-6 characters). Every track of
  // the area is rewritten; the cylinders after it are left as they are.
  static void format(s370::io::CkdImage& image, const std::string& label, u32 cms_cylinders = 0);

  ~CmsDisk();
  CmsDisk(const CmsDisk&) = delete;
  CmsDisk& operator=(const CmsDisk&) = delete;

  bool formatted() const;
  std::string label() const;

  // As QUERY DISK shows it.
  struct Stats {
    std::string label;
    std::string device;  // "3350"
    u32 cylinders = 0;   // of the CMS area (ADTCYL)
    u32 blocks = 0;      // ADTNUM
    u32 used = 0, left = 0;
    u32 files = 0;
  };
  Stats stats() const;

  // The files whose fn, ft and fm match (each may be "*" or have '*'
  // wildcards; fm is a letter, ignored on one disk, or a letter and a
  // number that must match), in directory order.
  std::vector<FileInfo> list(std::string_view fn = "*", std::string_view ft = "*",
                             std::string_view fm = "*") const;
  std::optional<FileInfo> find(std::string_view fn, std::string_view ft, std::string_view fm = "*") const;

  // The whole file, or none when there is no such file.
  std::optional<File> read(std::string_view fn, std::string_view ft, std::string_view fm = "*");
  // Creates or replaces the file named fn ft (a file of no records is
  // erased instead: CMS has no empty files). Several files at once are one
  // transaction. A disk without room throws DiskError and is left as it was.
  void write(const File& file);
  void write(const std::vector<File>& files);
  // False when there is no such file.
  bool erase(std::string_view fn, std::string_view ft, std::string_view fm = "*");
  // False when there is no such file; Error when fn2 ft2 exists already.
  // fm2's number (when given) becomes the file's; the date is kept.
  bool rename(std::string_view fn, std::string_view ft, std::string_view fm, std::string_view fn2,
              std::string_view ft2, std::string_view fm2);

  s370::io::CkdImage& image();

  struct State;

 private:
  explicit CmsDisk(std::unique_ptr<State> s);
  std::unique_ptr<State> s_;
};

// ---- Text: ASCII lines <-> EBCDIC records ----------------------------------------------

// ASCII text (lines ended by '\n', a '\r' before it dropped, tabs expanded
// to stops of 8) as records: F padded with blanks to `lrecl`; V as they are
// (an empty line as one blank), no longer than `lrecl` when it is not 0.
// A line longer than LRECL throws Error naming the line.
std::vector<std::vector<u8>> text_to_records(std::string_view text, char recfm, u32 lrecl);
// The records as ASCII lines, each ended by '\n'; F records lose their
// trailing blanks.
std::string records_to_text(const File& file);

// ---- The system disk's nucleus area ------------------------------------------------------

// Writes `image` (the nucleus as it stands in storage from address 0, at
// most 128 KiB, its IPL PSW in its first 8 bytes) as 4096-byte records
// from cylinder `first_cylinder` on, and the IPL records (blocks 1 and 2)
// that load it there and start it. The CMS file area must be formatted and
// end at or before `first_cylinder`.
void install_nucleus(s370::io::CkdImage& disk, const std::vector<u8>& image, u32 first_cylinder);
// The stamp of the installed nucleus ("size-digest"), or none when the
// disk has none; nucleus_stamp_of gives the same text for an image, so
// that CP can tell whether the nucleus installed is the current build's.
std::optional<std::string> nucleus_stamp(s370::io::CkdImage& disk);
std::string nucleus_stamp_of(const std::vector<u8>& image);
// Formats the disk's first (cylinders - nucleus_cylinders) cylinders as
// the CMS file area labelled `label`, writes `files` there and installs
// the nucleus in the last `nucleus_cylinders` cylinders.
void install_system_disk(s370::io::CkdImage& disk, const std::string& label, const std::vector<u8>& nucleus,
                         const std::vector<File>& files, u32 nucleus_cylinders);

}  // namespace cms
