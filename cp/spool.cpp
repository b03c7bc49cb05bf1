// The spool store: SQLite through its C API, prepared statements, one
// connection behind a mutex (spool.h has the format). Durability is
// SQLite's: in WAL mode with synchronous=FULL a COMMIT returns after the
// write-ahead log is synced, and a transaction that did not commit is not
// seen after a crash (sqlite.org, "Atomic Commit In SQLite", "Write-Ahead
// Logging"); every change of the store is one transaction.
#include "cp/spool.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <ctime>
#include <mutex>
#include <unordered_set>

namespace cp {

const char* queue_name(Queue q) {
  switch (q) {
    case Queue::Reader:
      return "RDR";
    case Queue::Printer:
      return "PRT";
    case Queue::Punch:
      return "PUN";
  }
  return "???";
}

namespace {

constexpr const char* kSchema = R"(
  CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
  CREATE TABLE files(
    id INTEGER PRIMARY KEY, owner TEXT NOT NULL, queue INTEGER NOT NULL, origin TEXT NOT NULL,
    device TEXT NOT NULL, cls TEXT NOT NULL, fn TEXT NOT NULL, ft TEXT NOT NULL, dist TEXT NOT NULL,
    records INTEGER NOT NULL, copies INTEGER NOT NULL, hold INTEGER NOT NULL, tag TEXT NOT NULL,
    created INTEGER NOT NULL, ord INTEGER NOT NULL);
  CREATE INDEX files_by_queue ON files(owner, queue, ord);
  CREATE INDEX files_by_order ON files(queue, ord);
  CREATE TABLE records(
    file INTEGER NOT NULL, seq INTEGER NOT NULL, ccw INTEGER NOT NULL, data BLOB NOT NULL,
    PRIMARY KEY(file, seq));
)";

// The columns of a file, in the order row_to_file() reads them.
#define SPOOL_FILE_COLUMNS \
  "id, owner, queue, origin, device, cls, fn, ft, dist, records, copies, hold, tag, created, ord"

// An integer a query gave as text ("" when it gave no row).
int64_t number(const std::string& s) {
  try {
    return s.empty() ? 0 : std::stoll(s);
  } catch (const std::exception&) {
    return -1;
  }
}

// A new file's name reaches the disk with its directory (fsync(2)): SQLite
// syncs the directory for the log it creates, not for the database file.
void sync_directory(const std::string& path) {
  const size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : slash == 0 ? "/" : path.substr(0, slash);
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

bool valid_class(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

}  // namespace

struct SpoolStore::Impl {
  std::string path;
  sqlite3* db = nullptr;
  std::mutex mu;
  std::vector<sqlite3_stmt*> prepared;
  sqlite3_stmt *begin = nullptr, *commit = nullptr, *rollback = nullptr, *meta_get = nullptr,
               *meta_set = nullptr, *file_get = nullptr, *file_insert = nullptr, *record_insert = nullptr,
               *queue_list = nullptr, *all_list = nullptr, *record_list = nullptr, *file_update = nullptr,
               *file_delete = nullptr, *records_delete = nullptr, *queue_count = nullptr, *ids_from = nullptr,
               *set_order = nullptr;

  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    for (sqlite3_stmt* s : prepared) sqlite3_finalize(s);
    // The last connection to close checkpoints the log into the database.
    sqlite3_close_v2(db);
  }

  [[noreturn]] void fail(const std::string& what) const {
    throw SpoolError("spool database " + path + ": " + what + ": " +
                     (db ? sqlite3_errmsg(db) : "no connection"));
  }
  [[noreturn]] void damaged(const std::string& what) const {
    throw SpoolError("spool database " + path + " is damaged: " + what);
  }
  // Statements prepared once for the life of the store (SQLite keeps
  // persistent ones out of its lookaside memory).
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr) != SQLITE_OK)
      fail(std::string("cannot prepare \"") + sql + "\"");
    prepared.push_back(s);
    return s;
  }
  // Runs statements that return nothing (the schema, pragmas that set).
  void exec(const char* sql, const char* what) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string why = err ? err : sqlite3_errmsg(db);
      sqlite3_free(err);
      throw SpoolError("spool database " + path + ": " + what + ": " + why);
    }
  }
  // The first column of the first row of a one-off query, as text.
  std::string scalar(const char* sql, const char* what) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) fail(what);
    const int rc = sqlite3_step(s);
    std::string v;
    if (rc == SQLITE_ROW) {
      const unsigned char* t = sqlite3_column_text(s, 0);
      v = t ? reinterpret_cast<const char*>(t) : "";
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
      // A file that is not SQLite at all is found out here, at the first read of its header.
      if ((rc & 0xFF) == SQLITE_NOTADB)
        throw SpoolError(path + " is not a spool database (not an SQLite file)");
      fail(what);
    }
    return v;
  }
};

namespace {

// One use of a prepared statement: parameters bound in order, and reset when
// the use ends, so that no statement stays active past its transaction.
class Query {
 public:
  Query(const SpoolStore::Impl& store, sqlite3_stmt* s) : store_(store), s_(s) {}
  ~Query() {
    sqlite3_reset(s_);
    sqlite3_clear_bindings(s_);
  }
  Query(const Query&) = delete;
  Query& operator=(const Query&) = delete;

  Query& bind(int64_t v) {
    check(sqlite3_bind_int64(s_, ++n_, v));
    return *this;
  }
  Query& bind(const std::string& v) {
    check(sqlite3_bind_text(s_, ++n_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
    return *this;
  }
  // The bytes must stay until the statement has run (they are not copied).
  Query& bind(const std::vector<uint8_t>& v) {
    // A null pointer would bind SQL NULL: an empty record is an empty blob.
    static constexpr uint8_t kNone = 0;
    check(sqlite3_bind_blob(s_, ++n_, v.empty() ? &kNone : v.data(), static_cast<int>(v.size()),
                            SQLITE_STATIC));
    return *this;
  }
  // The next row: false at the end.
  bool next() {
    const int rc = sqlite3_step(s_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    store_.fail(sqlite3_sql(s_));
  }
  void run() {
    if (next()) store_.fail(std::string("unexpected row from ") + sqlite3_sql(s_));
  }
  int64_t i64(int col) const { return sqlite3_column_int64(s_, col); }
  std::string text(int col) const {
    const unsigned char* t = sqlite3_column_text(s_, col);
    return t ? std::string(reinterpret_cast<const char*>(t),
                           static_cast<size_t>(sqlite3_column_bytes(s_, col)))
             : std::string();
  }
  std::vector<uint8_t> bytes(int col) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(s_, col));
    const int n = sqlite3_column_bytes(s_, col);
    return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t>();
  }

 private:
  void check(int rc) const {
    if (rc != SQLITE_OK) store_.fail("cannot bind a parameter");
  }
  const SpoolStore::Impl& store_;
  sqlite3_stmt* s_;
  int n_ = 0;
};

// BEGIN IMMEDIATE (the write lock at once, so a transaction never has to
// upgrade) ... COMMIT; rolled back unless committed.
class Transaction {
 public:
  explicit Transaction(SpoolStore::Impl& store) : store_(store) { Query(store_, store_.begin).run(); }
  ~Transaction() {
    if (!done_) {
      sqlite3_step(store_.rollback);
      sqlite3_reset(store_.rollback);
    }
  }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  void commit() {
    Query(store_, store_.commit).run();
    done_ = true;
  }

 private:
  SpoolStore::Impl& store_;
  bool done_ = false;
};

SpoolFile row_to_file(const SpoolStore::Impl& store, const Query& q) {
  SpoolFile f;
  const int64_t id = q.i64(0), queue = q.i64(2), records = q.i64(9), copies = q.i64(10);
  const std::string cls = q.text(5);
  // What a healthy database cannot hold: refuse it rather than hand CP
  // values out of their ranges.
  if (id < 1 || id > kMaxSpoolId || queue < 0 || queue > 2 || cls.size() != 1 || records < 0 ||
      records > UINT32_MAX || copies < 0 || copies > UINT32_MAX)
    store.damaged("file " + std::to_string(id) + " has attributes out of their ranges");
  f.id = static_cast<uint32_t>(id);
  f.owner = q.text(1);
  f.queue = static_cast<Queue>(queue);
  f.origin = q.text(3);
  f.device = q.text(4);
  f.cls = cls[0];
  f.fn = q.text(6);
  f.ft = q.text(7);
  f.dist = q.text(8);
  f.records = static_cast<uint32_t>(records);
  f.copies = static_cast<uint32_t>(copies);
  f.hold = q.i64(11) != 0;
  f.tag = q.text(12);
  f.created = q.i64(13);
  f.order = q.i64(14);
  return f;
}

// The attributes CP may set, in their ranges (CP Command Reference: SPOOL,
// CHANGE, TAG); what is out of range is CP's error, refused here.
void check_attributes(const SpoolStore::Impl& store, const SpoolFile& f) {
  auto refuse = [&](const std::string& what) {
    throw SpoolError("spool database " + store.path + ": file " + std::to_string(f.id) + ": " + what);
  };
  if (f.owner.empty() || f.owner.size() > 8)
    refuse("owner '" + f.owner + "' is not a userid of 1 to 8 characters");
  if (f.origin.size() > 8) refuse("origin '" + f.origin + "' is longer than 8 characters");
  if (f.device.size() > 8) refuse("device '" + f.device + "' is longer than 8 characters");
  if (f.fn.size() > 8 || f.ft.size() > 8) refuse("file name or type longer than 8 characters");
  if (f.dist.size() > 8) refuse("distribution code longer than 8 characters");
  if (f.tag.size() > 136) refuse("tag longer than 136 characters");
  if (f.copies < 1 || f.copies > 99) refuse("copies " + std::to_string(f.copies) + " is not 1 to 99");
  if (!valid_class(f.cls)) refuse(std::string("class '") + f.cls + "' is not A-Z or 0-9");
  if (static_cast<unsigned>(f.queue) > 2) refuse("no such queue");
}

int64_t meta_value(SpoolStore::Impl& store, const char* key) {
  Query q(store, store.meta_get);
  q.bind(std::string(key));
  if (!q.next()) store.damaged(std::string("no ") + key + " in its meta table");
  return q.i64(0);
}

void set_meta(SpoolStore::Impl& store, const char* key, int64_t value) {
  Query(store, store.meta_set).bind(std::string(key)).bind(value).run();
}

// The next queue position: one sequence for the whole store, so that the
// end of a user's queue is also the end of the system's queue of that kind.
int64_t next_order(SpoolStore::Impl& store) {
  const int64_t order = meta_value(store, "last_order") + 1;
  set_meta(store, "last_order", order);
  return order;
}

// The first spoolid not in use from `start` on, wrapping from 9999 to 1.
uint32_t free_id(SpoolStore::Impl& store, uint32_t start) {
  uint32_t want = start;
  {
    Query q(store, store.ids_from);
    q.bind(int64_t{start});
    while (q.next() && q.i64(0) == want) want++;
  }
  if (want <= kMaxSpoolId) return want;
  want = 1;
  {
    Query q(store, store.ids_from);
    q.bind(int64_t{1});
    while (want < start && q.next() && q.i64(0) == want) want++;
  }
  if (want < start) return want;
  throw SpoolError("spool database " + store.path + ": all " + std::to_string(kMaxSpoolId) +
                   " spoolids are in use");
}

std::optional<SpoolFile> find(SpoolStore::Impl& store, uint32_t id) {
  Query q(store, store.file_get);
  q.bind(int64_t{id});
  if (!q.next()) return std::nullopt;
  return row_to_file(store, q);
}

std::vector<SpoolFile> queue_files(SpoolStore::Impl& store, const std::string& owner, Queue queue) {
  Query q(store, store.queue_list);
  q.bind(owner).bind(static_cast<int64_t>(queue));
  std::vector<SpoolFile> out;
  while (q.next()) out.push_back(row_to_file(store, q));
  return out;
}

}  // namespace

SpoolStore::SpoolStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SpoolStore::~SpoolStore() = default;

const std::string& SpoolStore::path() const {
  return impl_->path;
}

std::unique_ptr<SpoolStore> SpoolStore::open(const std::string& path) {
  auto impl = std::make_unique<Impl>();
  Impl& s = *impl;
  s.path = path;
  // The store's own mutex serializes the one connection.
  const int rc = sqlite3_open_v2(path.c_str(), &s.db,
                                 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK)
    throw SpoolError("cannot open spool database " + path + ": " +
                     (s.db ? sqlite3_errmsg(s.db) : sqlite3_errstr(rc)));
  sqlite3_extended_result_codes(s.db, 1);
  // Another process (an operator's tool) may hold the write lock for a
  // moment: wait for it rather than fail a CLOSE.
  sqlite3_busy_timeout(s.db, 10000);
  // No SQL may corrupt the file on purpose (schema writes, raw page access).
  sqlite3_db_config(s.db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);

  // A new (empty) file, or ours: decided before anything is written, so
  // that another application's database is left untouched.
  const int64_t app = number(s.scalar("PRAGMA application_id", "cannot read the header"));
  const int64_t tables = number(s.scalar("SELECT count(*) FROM sqlite_master", "cannot read the schema"));
  const bool fresh = app == 0 && tables == 0;
  if (!fresh && app != kSpoolApplicationId)
    throw SpoolError(path + " is not a spool database (an SQLite database of another application)");

  if (s.scalar("PRAGMA journal_mode=WAL", "cannot set WAL mode") != "wal")
    throw SpoolError("spool database " + path + ": the file system does not allow WAL mode");
  s.exec("PRAGMA synchronous=FULL", "cannot set synchronous=FULL");

  if (fresh) {
    // The header's application id, the tables and the format in one
    // transaction: a database is made whole or not at all.
    const std::string create =
        "BEGIN IMMEDIATE; PRAGMA application_id = " + std::to_string(kSpoolApplicationId) + ";" + kSchema +
        "INSERT INTO meta VALUES('format', " + std::to_string(kSpoolFormat) +
        "), ('last_id', 0), ('last_order', 0); COMMIT;";
    char* err = nullptr;
    if (sqlite3_exec(s.db, create.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string why = err ? err : sqlite3_errmsg(s.db);
      sqlite3_free(err);
      sqlite3_exec(s.db, "ROLLBACK", nullptr, nullptr, nullptr);
      throw SpoolError("spool database " + path + ": cannot create its tables: " + why);
    }
    sync_directory(path);
  }

  // The version before anything else: a newer format may mean anything.
  const std::string format =
      s.scalar("SELECT value FROM meta WHERE key = 'format'", "cannot read the format");
  if (number(format) < 1) s.damaged("no format version in its meta table");
  if (number(format) > kSpoolFormat)
    throw SpoolError("spool database " + path + " has format " + format + ", newer than this build knows (" +
                     std::to_string(kSpoolFormat) + ")");

  s.begin = s.prepare("BEGIN IMMEDIATE");
  s.commit = s.prepare("COMMIT");
  s.rollback = s.prepare("ROLLBACK");
  s.meta_get = s.prepare("SELECT value FROM meta WHERE key = ?1");
  s.meta_set = s.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)");
  s.file_get = s.prepare("SELECT " SPOOL_FILE_COLUMNS " FROM files WHERE id = ?1");
  s.file_insert = s.prepare("INSERT INTO files(" SPOOL_FILE_COLUMNS
                            ") VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
  s.record_insert = s.prepare("INSERT INTO records(file, seq, ccw, data) VALUES(?1, ?2, ?3, ?4)");
  s.queue_list =
      s.prepare("SELECT " SPOOL_FILE_COLUMNS " FROM files WHERE owner = ?1 AND queue = ?2 ORDER BY ord, id");
  s.all_list = s.prepare("SELECT " SPOOL_FILE_COLUMNS " FROM files WHERE queue = ?1 ORDER BY ord, id");
  s.record_list = s.prepare("SELECT ccw, data FROM records WHERE file = ?1 ORDER BY seq");
  s.file_update = s.prepare(
      "UPDATE files SET owner = ?2, queue = ?3, cls = ?4, fn = ?5, ft = ?6, dist = ?7, copies = ?8, hold = "
      "?9, "
      "tag = ?10, ord = ?11 WHERE id = ?1");
  s.file_delete = s.prepare("DELETE FROM files WHERE id = ?1");
  s.records_delete = s.prepare("DELETE FROM records WHERE file = ?1");
  s.queue_count = s.prepare("SELECT count(*) FROM files WHERE owner = ?1 AND queue = ?2");
  s.ids_from = s.prepare("SELECT id FROM files WHERE id >= ?1 ORDER BY id");
  s.set_order = s.prepare("UPDATE files SET ord = ?2 WHERE id = ?1");
  return std::unique_ptr<SpoolStore>(new SpoolStore(std::move(impl)));
}

uint32_t SpoolStore::add(SpoolFile meta, const std::vector<SpoolRecord>& records) {
  Impl& s = *impl_;
  check_attributes(s, meta);
  if (records.size() > UINT32_MAX) throw SpoolError("spool database " + s.path + ": too many records");
  const std::lock_guard lock(s.mu);
  Transaction tx(s);
  const int64_t last = meta_value(s, "last_id");
  meta.id = free_id(s, static_cast<uint32_t>(last >= 1 && last <= kMaxSpoolId ? last % kMaxSpoolId + 1 : 1));
  meta.order = next_order(s);
  meta.records = static_cast<uint32_t>(records.size());
  if (meta.created == 0) meta.created = static_cast<int64_t>(std::time(nullptr));
  Query(s, s.file_insert)
      .bind(int64_t{meta.id})
      .bind(meta.owner)
      .bind(static_cast<int64_t>(meta.queue))
      .bind(meta.origin)
      .bind(meta.device)
      .bind(std::string(1, meta.cls))
      .bind(meta.fn)
      .bind(meta.ft)
      .bind(meta.dist)
      .bind(int64_t{meta.records})
      .bind(int64_t{meta.copies})
      .bind(int64_t{meta.hold})
      .bind(meta.tag)
      .bind(meta.created)
      .bind(meta.order)
      .run();
  int64_t seq = 0;
  for (const SpoolRecord& r : records)
    Query(s, s.record_insert).bind(int64_t{meta.id}).bind(seq++).bind(int64_t{r.ccw}).bind(r.data).run();
  set_meta(s, "last_id", meta.id);
  tx.commit();
  return meta.id;
}

std::optional<SpoolFile> SpoolStore::get(uint32_t id) {
  const std::lock_guard lock(impl_->mu);
  return find(*impl_, id);
}

std::vector<SpoolFile> SpoolStore::list(const std::string& owner, Queue q) {
  const std::lock_guard lock(impl_->mu);
  return queue_files(*impl_, owner, q);
}

std::vector<SpoolFile> SpoolStore::list_all(Queue q) {
  Impl& s = *impl_;
  const std::lock_guard lock(s.mu);
  Query query(s, s.all_list);
  query.bind(static_cast<int64_t>(q));
  std::vector<SpoolFile> out;
  while (query.next()) out.push_back(row_to_file(s, query));
  return out;
}

std::vector<SpoolRecord> SpoolStore::records(uint32_t id) {
  Impl& s = *impl_;
  const std::lock_guard lock(s.mu);
  Query q(s, s.record_list);
  q.bind(int64_t{id});
  std::vector<SpoolRecord> out;
  while (q.next()) {
    const int64_t ccw = q.i64(0);
    if (ccw < 0 || ccw > 0xFF) s.damaged("a record of file " + std::to_string(id) + " has no valid CCW code");
    out.push_back(SpoolRecord{static_cast<uint8_t>(ccw), q.bytes(1)});
  }
  return out;
}

bool SpoolStore::update(const SpoolFile& f) {
  Impl& s = *impl_;
  check_attributes(s, f);
  const std::lock_guard lock(s.mu);
  Transaction tx(s);
  const std::optional<SpoolFile> old = find(s, f.id);
  if (!old) return false;
  // TRANSFER (a new owner) or a file moved to another queue joins the end
  // of its new queue (CP Command Reference: TRANSFER).
  const int64_t order = old->owner != f.owner || old->queue != f.queue ? next_order(s) : old->order;
  Query(s, s.file_update)
      .bind(int64_t{f.id})
      .bind(f.owner)
      .bind(static_cast<int64_t>(f.queue))
      .bind(std::string(1, f.cls))
      .bind(f.fn)
      .bind(f.ft)
      .bind(f.dist)
      .bind(int64_t{f.copies})
      .bind(int64_t{f.hold})
      .bind(f.tag)
      .bind(order)
      .run();
  tx.commit();
  return true;
}

bool SpoolStore::remove(uint32_t id) {
  Impl& s = *impl_;
  const std::lock_guard lock(s.mu);
  Transaction tx(s);
  Query(s, s.records_delete).bind(int64_t{id}).run();
  Query(s, s.file_delete).bind(int64_t{id}).run();
  const bool removed = sqlite3_changes(s.db) > 0;
  tx.commit();
  return removed;
}

void SpoolStore::reorder(const std::string& owner, Queue q, const std::vector<uint32_t>& first) {
  Impl& s = *impl_;
  const std::lock_guard lock(s.mu);
  Transaction tx(s);
  const std::vector<SpoolFile> files = queue_files(s, owner, q);
  std::unordered_set<uint32_t> in_queue, placed;
  for (const SpoolFile& f : files) in_queue.insert(f.id);
  std::vector<uint32_t> sequence;
  for (uint32_t id : first)
    if (in_queue.count(id) && placed.insert(id).second) sequence.push_back(id);
  for (const SpoolFile& f : files)
    if (placed.insert(f.id).second) sequence.push_back(f.id);
  // The queue keeps the positions it had among all the files of its kind
  // (the system's queue does not change for other users); only who stands
  // where changes. Positions that are not strictly increasing (two files on
  // one, which the store never makes) are given anew at the end.
  bool increasing = true;
  for (size_t i = 1; i < files.size(); i++) increasing = increasing && files[i - 1].order < files[i].order;
  for (size_t i = 0; i < sequence.size(); i++) {
    const int64_t order = increasing ? files[i].order : next_order(s);
    Query(s, s.set_order).bind(int64_t{sequence[i]}).bind(order).run();
  }
  tx.commit();
}

uint32_t SpoolStore::count(const std::string& owner, Queue q) {
  Impl& s = *impl_;
  const std::lock_guard lock(s.mu);
  Query query(s, s.queue_count);
  query.bind(owner).bind(static_cast<int64_t>(q));
  query.next();
  return static_cast<uint32_t>(query.i64(0));
}

}  // namespace cp
