// The spool: the closed files of every user's reader, printer and punch
// queues, kept in one SQLite database (docs/CP.md, "Spool"). A file is made
// whole or not at all: add() writes its attributes and every record in one
// transaction, in WAL mode with synchronous=FULL, so that when add()
// returns the file survives a kill -9 or a power loss, and a kill at any
// moment leaves no part of a file behind.
//
// The database is versioned from its first day (docs/STYLE.md, practice 13):
//
//   PRAGMA application_id   kSpoolApplicationId ("VMSP"): a spool database
//   meta(key, value)        "format" = kSpoolFormat, "last_id" = the last
//                           spoolid given, "last_order" = the last queue
//                           position given
//   files(id, owner, queue, origin, device, cls, fn, ft, dist, records,
//         copies, hold, tag, created, ord)
//   records(file, seq, ccw, data)   one row per record, seq from 0
//
// A database of a newer format than this build knows is refused, as is a
// file that is not a spool database, with a SpoolError naming the file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace cp {

inline constexpr int64_t kSpoolFormat = 1;
inline constexpr int32_t kSpoolApplicationId = 0x564D5350;  // "VMSP"
inline constexpr uint32_t kMaxSpoolId = 9999;

enum class Queue : uint8_t { Reader, Printer, Punch };
const char* queue_name(Queue q);  // "RDR", "PRT", "PUN"

struct SpoolRecord {
  uint8_t ccw = 0;            // the CCW command code the guest wrote it with (printer: carriage control;
                              // punch: X'01' etc.; 0 for cards from a host deck)
  std::vector<uint8_t> data;  // EBCDIC bytes as written (cards: 80 bytes)
  bool operator==(const SpoolRecord&) const = default;
};

struct SpoolFile {
  uint32_t id = 0;    // spoolid, 1..9999, unique among files that exist
  std::string owner;  // the userid whose queue holds it (upper case, <= 8)
  Queue queue = Queue::Reader;
  std::string origin;    // the userid that made it
  std::string device;    // the originating device type: "PUN", "PRT", "CON", "RDR" (host deck)
  char cls = 'A';        // spool class A-Z, 0-9
  std::string fn, ft;    // file name and type (<= 8 each, may be empty)
  std::string dist;      // distribution code (<= 8)
  uint32_t records = 0;  // number of records (set by add())
  uint32_t copies = 1;   // 1..99
  bool hold = false;
  std::string tag;      // TAG text (<= 136)
  int64_t created = 0;  // unix seconds when closed
  int64_t order = 0;    // position in its queue (ascending); set by the store
  bool operator==(const SpoolFile&) const = default;
};

struct SpoolError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Thread-safe: one connection behind a mutex. Every method throws
// SpoolError (naming the database) when SQLite fails or finds the file
// damaged; add() and update() also when an attribute is out of its range.
class SpoolStore {
 public:
  // Opens (creating if needed) the database file; throws SpoolError with a clear message (naming the path) on
  // failure, or when the file is not a spool database / has a newer format version than this build knows.
  static std::unique_ptr<SpoolStore> open(const std::string& path);
  ~SpoolStore();
  SpoolStore(const SpoolStore&) = delete;
  SpoolStore& operator=(const SpoolStore&) = delete;

  // A closed spool file with all its records, in one transaction. When add() returns the file is durable
  // (survives kill -9 and power loss: WAL, synchronous=FULL). Assigns id (next free spoolid after the last
  // one given, wrapping 9999 -> 1, skipping ids in use; throws SpoolError when all 9999 are in use), records
  // (the number given), created (if 0) and order (the end of the owner's queue). Returns the assigned id.
  uint32_t add(SpoolFile meta, const std::vector<SpoolRecord>& records);
  std::optional<SpoolFile> get(uint32_t id);
  // The files of one user's queue in queue order (order, then id).
  std::vector<SpoolFile> list(const std::string& owner, Queue q);
  // Every file of a queue, any owner (operator commands), in queue order: queue positions are given from one
  // sequence for the whole store, so this is the order in which the files reached their queues (as
  // reordered).
  std::vector<SpoolFile> list_all(Queue q);
  std::vector<SpoolRecord> records(uint32_t id);
  // Rewrites the attributes of an existing file (owner, queue, cls, fn, ft, dist, copies, hold, tag); a
  // changed owner or queue (TRANSFER) puts it at the end of its new queue. False when the id does not exist.
  bool update(const SpoolFile& f);
  bool remove(uint32_t id);
  // ORDER: the given files of that owner's queue come first, in the order given, the rest after in their old
  // order. Ids not in that queue are ignored (the caller checks and reports them).
  void reorder(const std::string& owner, Queue q, const std::vector<uint32_t>& first);
  // Number of files in a user's queue.
  uint32_t count(const std::string& owner, Queue q);

  const std::string& path() const;

  struct Impl;  // the connection and its prepared statements (spool.cpp)

 private:
  explicit SpoolStore(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace cp
