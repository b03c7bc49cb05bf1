// The spool (docs/CP.md, "Spool"): the SQLite store of closed spool files
// (attributes and records round trip, spoolids, queues, TRANSFER and ORDER,
// validation, persistence, refusal of foreign and newer files, threads, and
// a kill -9 at any moment leaving only whole files), and the virtual punch,
// printer and reader driven by real channel programs on the bare machine,
// answering as the 2540 and 1403 models do.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <ctime>
#include <deque>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cp/spool.h"
#include "cp/spool_devices.h"
#include "machine_fixture.h"
#include "s370/channel/cards2540.h"
#include "s370/channel/ebcdic.h"
#include "s370/channel/printer1403.h"

using cp::Queue;
using cp::SpoolError;
using cp::SpoolFile;
using cp::SpoolReader;
using cp::SpoolRecord;
using cp::SpoolStore;
using cp::SpoolWriter;
using s370::u16;
using s370::u32;
using s370::u64;
using s370::u8;
namespace unit = s370::io::unit;
namespace chan = s370::io::chan;
namespace ccwf = s370::io::ccw;

namespace {

// ---- Files and databases ----------------------------------------------------------------------------

// A folder of its own for one test case, removed at its end.
struct TempDir {
  std::filesystem::path dir;
  TempDir() {
    static int n = 0;
    dir = std::filesystem::temp_directory_path() /
          ("cp_spool_tests." + std::to_string(::getpid()) + "." + std::to_string(n++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(dir, ec);
  }
  std::string file(const std::string& name) const { return (dir / name).string(); }
};

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

// Runs SQL on a database through a connection of its own (the test's view
// of the file, independent of the store).
void sql(const std::string& path, const std::string& statements) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, statements.c_str(), nullptr, nullptr, &err);
  const std::string why = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  INFO(statements);
  INFO(why);
  REQUIRE(rc == SQLITE_OK);
}

// The first column of the first row of a query, as text.
std::string sql_value(const std::string& path, const std::string& query) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, query.c_str(), -1, &s, nullptr) == SQLITE_OK);
  std::string v;
  if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
    v = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  sqlite3_finalize(s);
  sqlite3_close(db);
  return v;
}

std::vector<u8> ebcdic(const std::string& s) {
  return s370::io::to_ebcdic(s);
}

// A card: the text in EBCDIC, padded with EBCDIC blanks to 80 columns.
std::vector<u8> card(const std::string& s) {
  std::vector<u8> c = ebcdic(s);
  c.resize(80, s370::io::kEbcdicBlank);
  return c;
}

// A file with every attribute set (none at its default).
SpoolFile sample_file(const std::string& owner = "MAINT", Queue q = Queue::Printer) {
  SpoolFile f;
  f.owner = owner;
  f.queue = q;
  f.origin = "OPERATOR";
  f.device = "PRT";
  f.cls = 'K';
  f.fn = "PROFILE";
  f.ft = "EXEC";
  f.dist = "BLDG7";
  f.copies = 42;
  f.hold = true;
  f.tag = "A TAG WITH SPACES, PUNCTUATION; AND MORE";
  f.created = 1234567890;
  return f;
}

// A plain file for queue tests.
SpoolFile plain(const std::string& owner, Queue q = Queue::Reader, const std::string& fn = "") {
  SpoolFile f;
  f.owner = owner;
  f.queue = q;
  f.origin = owner;
  f.device = "PUN";
  f.fn = fn;
  return f;
}

std::vector<uint32_t> ids(const std::vector<SpoolFile>& files) {
  std::vector<uint32_t> out;
  for (const SpoolFile& f : files) out.push_back(f.id);
  return out;
}

// ---- Channel programs on the bare machine -------------------------------------------------------------

// One CCW of a program: output data, or (no data) an input area of `count` bytes.
struct Op {
  u8 cmd = 0;
  u8 flags = 0;
  std::vector<u8> data;
  u16 count = 0;
};

// How a program ended: the condition code of its SIO, the CSW (its status bytes
// stored by the SIO, or all of it by the interruption: the residual count is 0
// when the SIO concluded the program) and the data areas of its CCWs afterwards.
struct Outcome {
  int cc = -1;
  u8 unit = 0;
  u8 channel = 0;
  u16 residual = 0;
  std::vector<std::vector<u8>> areas;
  bool operator==(const Outcome&) const = default;
};

doctest::String outcome_text(const Outcome& o) {
  char b[80];
  std::snprintf(b, sizeof b, "cc %d unit %02X channel %02X residual %u", o.cc, o.unit, o.channel, o.residual);
  return b;
}

// The bare machine, running one channel program per exec(): SIO, wait for
// the interruption, the CSW kept. CCWs from X'1000', their data from X'8000'.
struct Io : s370::test::MachineFixture {
  u32 ccw_at = 0x1000, data_at = 0x8000;

  template <typename D>
  D& add(std::unique_ptr<D> d) {
    D& ref = *d;
    m.attach(std::move(d));
    return ref;
  }

  Outcome exec(u16 dev, const std::vector<Op>& program) {
    REQUIRE(!program.empty());
    code.clear();
    data_next = 0x600;
    const u32 first = ccw_at;
    std::vector<std::pair<u32, u16>> areas;
    for (const Op& op : program) {
      const u16 count = op.data.empty() ? op.count : static_cast<u16>(op.data.size());
      if (op.data.empty())
        put(data_at, std::vector<u8>(count, 0xEE));
      else
        put(data_at, op.data);
      ccw(ccw_at, op.cmd, data_at, op.flags, count);
      areas.emplace_back(data_at, count);
      ccw_at += 8;
      data_at += (count + 7u) & ~7u;
      REQUIRE(ccw_at < 0x8000);
      REQUIRE(data_at < 0xF0000);
    }
    // No condition code, and no CSW: a START I/O that ends at once stores only the status bytes.
    put(0xF00, {0xFF});
    put64(0x40, 0);
    put64(0xE00, 0);
    sio_and_wait(dev, first, 0xF00);
    mvc(0xE00, 0x40, 8);
    done();
    run();
    REQUIRE(ended());
    Outcome o;
    o.cc = cc_at(0xF00);
    const u64 csw = get64(0xE00);
    o.unit = static_cast<u8>(csw >> 24);
    o.channel = static_cast<u8>(csw >> 16);
    o.residual = static_cast<u16>(csw);
    for (auto [at, n] : areas) o.areas.push_back(get(at, n));
    return o;
  }
  // One CCW alone.
  Outcome exec(u16 dev, Op op) { return exec(dev, std::vector<Op>{std::move(op)}); }
};

// Common single commands.
Op write_op(u8 cmd, const std::string& text, u8 flags = ccwf::kSuppressLength) {
  return Op{cmd, flags, ebcdic(text), 0};
}
Op control_op(u8 cmd) {
  return Op{cmd, ccwf::kSuppressLength, {}, 1};
}
Op read_op(u8 cmd, u16 count, u8 flags = 0) {
  return Op{cmd, flags, {}, count};
}

}  // namespace

// ====================================================================================================
// The store
// ====================================================================================================

// A file added comes back from get(), list() and records() with every attribute and every record as given,
// plus what the store assigns: id, record count and queue position.
TEST_CASE("SpoolStore: add, get, list and records round trip every attribute") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  CHECK(store->path() == tmp.file("spool.db"));
  const std::vector<SpoolRecord> recs = {
      {0x09, ebcdic("FIRST LINE")},
      {0x0B, {}},                                          // a carriage command: no data
      {0x11, {0x00, 0xFF, 0x00, 0x40, 0x7F, 0x80, 0x01}},  // binary bytes, zeros included
      {0x8B, {}},
      {0x19, std::vector<u8>(1500, 0xC1)},
  };
  SpoolFile f = sample_file();
  f.id = 777;      // ignored: the store assigns ids
  f.records = 99;  // ignored: the number of records given
  f.order = 555;   // ignored: the end of the queue
  const uint32_t id = store->add(f, recs);
  CHECK(id == 1);
  const auto got = store->get(id);
  REQUIRE(got);
  SpoolFile want = sample_file();
  want.id = id;
  want.records = 5;
  want.order = got->order;
  CHECK(*got == want);
  CHECK(got->order > 0);
  CHECK(store->records(id) == recs);

  const auto listed = store->list("MAINT", Queue::Printer);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0] == *got);
  CHECK(store->list("MAINT", Queue::Reader).empty());
  CHECK(store->list("MAINT", Queue::Punch).empty());
  CHECK(store->list("OTHER", Queue::Printer).empty());
  CHECK(store->list_all(Queue::Printer) == listed);
  CHECK(store->get(2) == std::nullopt);
  CHECK(store->records(2).empty());

  // A file of no records; created 0 becomes the time of the add.
  SpoolFile empty = plain("U1", Queue::Punch);
  const int64_t before = static_cast<int64_t>(std::time(nullptr));
  const uint32_t id2 = store->add(empty, {});
  const int64_t after = static_cast<int64_t>(std::time(nullptr));
  const auto e = store->get(id2);
  REQUIRE(e);
  CHECK(e->records == 0);
  CHECK(e->created >= before);
  CHECK(e->created <= after);
  CHECK(e->hold == false);
  CHECK(e->copies == 1);
  CHECK(e->cls == 'A');
  CHECK(store->records(id2).empty());

  CHECK(std::string(cp::queue_name(Queue::Reader)) == "RDR");
  CHECK(std::string(cp::queue_name(Queue::Printer)) == "PRT");
  CHECK(std::string(cp::queue_name(Queue::Punch)) == "PUN");
}

// Spoolids are given in increasing order after the last one given, even when lower ones are free again.
TEST_CASE("SpoolStore: spoolids increase from the last one given") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  CHECK(store->add(plain("A"), {}) == 1);
  CHECK(store->add(plain("A"), {}) == 2);
  CHECK(store->add(plain("B", Queue::Punch), {}) == 3);
  CHECK(store->remove(3));
  CHECK(store->remove(1));
  // 1 and 3 are free, but the next id is the one after the last given.
  CHECK(store->add(plain("A"), {}) == 4);
  CHECK(store->add(plain("A"), {}) == 5);
}

// After 9999 the ids wrap to 1, and ids still in use are skipped; a reused id carries only its new file's
// records (those of the removed file are gone).
TEST_CASE("SpoolStore: spoolids wrap from 9999 to 1 and skip ids in use") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  {
    auto store = SpoolStore::open(path);
    CHECK(store->add(plain("A"), {{1, card("ONE")}, {1, card("TWO")}, {1, card("THREE")}}) == 1);
    CHECK(store->add(plain("A"), {}) == 2);
    CHECK(store->add(plain("A"), {}) == 3);
    CHECK(store->remove(1));
  }
  // As if 9998 files had been made since: the last id given is 9998.
  sql(path, "UPDATE meta SET value = 9998 WHERE key = 'last_id'");
  {
    auto store = SpoolStore::open(path);
    CHECK(store->add(plain("A"), {}) == 9999);
    // Wraps to 1, which is free again.
    const uint32_t one = store->add(plain("A", Queue::Reader, "REUSED"), {{0x41, card("NEW")}});
    CHECK(one == 1);
    CHECK(store->records(1) == std::vector<SpoolRecord>{{0x41, card("NEW")}});
    CHECK(store->get(1)->fn == "REUSED");
    CHECK(store->get(1)->records == 1);
    // 2 and 3 are in use: the next is 4.
    CHECK(store->add(plain("A"), {}) == 4);
  }
  // Skipping ids in use without wrapping: last id 1, with 2-4 in use, gives 5.
  sql(path, "UPDATE meta SET value = 1 WHERE key = 'last_id'");
  {
    auto store = SpoolStore::open(path);
    CHECK(store->add(plain("A"), {}) == 5);
    // 9999 in use when the wrap starts at 9999: the next free from 1 on (6).
    store.reset();
    sql(path, "UPDATE meta SET value = 9998 WHERE key = 'last_id'");
    store = SpoolStore::open(path);
    CHECK(store->add(plain("A"), {}) == 6);
  }
}

// With all 9999 ids in use add() refuses with SpoolError and changes nothing; once one id is free again it is
// the one given. (The 9999 files are put in by SQL in one transaction: adding them one by one would take
// 9999 synchronous commits.)
TEST_CASE("SpoolStore: SpoolError when all 9999 spoolids are in use") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  {
    auto store = SpoolStore::open(path);
    CHECK(store->add(plain("FILLER"), {{1, card("X")}}) == 1);
  }
  sql(path,
      "BEGIN;"
      "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 9999) "
      "INSERT INTO files(id, owner, queue, origin, device, cls, fn, ft, dist, records, copies, hold, tag, "
      "created, ord) "
      "SELECT i, 'FILLER', 0, 'FILLER', 'PUN', 'A', '', '', '', 0, 1, 0, '', 1, 1000 + i FROM n;"
      "UPDATE meta SET value = 4321 WHERE key = 'last_id';"
      "UPDATE meta SET value = 20000 WHERE key = 'last_order';"
      "COMMIT;");
  auto store = SpoolStore::open(path);
  CHECK(store->count("FILLER", Queue::Reader) == 9999);
  CHECK_THROWS_AS(store->add(plain("NEW"), {{1, card("Y")}}), SpoolError);
  CHECK_THROWS_AS(store->add(plain("NEW"), {}), SpoolError);
  // Nothing of the refused files is left, and the store still works.
  CHECK(store->count("NEW", Queue::Reader) == 0);
  CHECK(store->count("FILLER", Queue::Reader) == 9999);
  CHECK(sql_value(path, "SELECT count(*) FROM records") == "1");
  CHECK(sql_value(path, "SELECT value FROM meta WHERE key = 'last_id'") == "4321");
  CHECK(store->records(1) == std::vector<SpoolRecord>{{1, card("X")}});
  CHECK(store->remove(5000));
  CHECK(store->add(plain("NEW"), {}) == 5000);
  CHECK_THROWS_AS(store->add(plain("NEW"), {}), SpoolError);
}

// Everything survives closing and reopening the store: files, records, and the sequences of ids and queue
// positions (a file added after reopening gets the next id and goes to the end of the queue).
TEST_CASE("SpoolStore: files persist across closing and reopening") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  const std::vector<SpoolRecord> recs = {{0x01, card("CARD 1")}, {0x41, card("CARD 2")}, {0x81, {}}};
  SpoolFile first, second;
  {
    auto store = SpoolStore::open(path);
    store->add(plain("X"), {});
    const uint32_t a = store->add(sample_file("CMSUSER", Queue::Punch), recs);
    const uint32_t b = store->add(plain("CMSUSER", Queue::Punch, "SECOND"), {{0x01, card("S")}});
    store->remove(1);
    first = *store->get(a);
    second = *store->get(b);
  }
  auto store = SpoolStore::open(path);
  CHECK(store->get(1) == std::nullopt);
  REQUIRE(store->get(first.id));
  CHECK(*store->get(first.id) == first);
  CHECK(*store->get(second.id) == second);
  CHECK(store->records(first.id) == recs);
  CHECK(store->records(second.id) == std::vector<SpoolRecord>{{0x01, card("S")}});
  const uint32_t c = store->add(plain("CMSUSER", Queue::Punch, "THIRD"), {});
  CHECK(c == second.id + 1);
  const auto queue = store->list("CMSUSER", Queue::Punch);
  CHECK(ids(queue) == std::vector<uint32_t>{first.id, second.id, c});
  CHECK(queue[2].order > queue[1].order);
}

// update() rewrites the attributes CP may change (cls, fn, ft, dist, copies, hold, tag) and keeps the rest
// (origin, device, records, created) and the queue position when owner and queue stay; an unknown id gives
// false.
TEST_CASE("SpoolStore: update() rewrites the changeable attributes only") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  const uint32_t a = store->add(plain("ALICE", Queue::Printer, "A"), {{0x09, ebcdic("LINE")}});
  const uint32_t b = store->add(plain("ALICE", Queue::Printer, "B"), {});
  const SpoolFile before = *store->get(a);

  SpoolFile changed = before;
  changed.cls = '7';
  changed.fn = "NEWNAME";
  changed.ft = "LISTING";
  changed.dist = "DEPT42";
  changed.copies = 99;
  changed.hold = true;
  changed.tag = std::string(136, 'T');
  // Not changeable: these are ignored.
  changed.origin = "MALLORY";
  changed.device = "CON";
  changed.records = 1000;
  changed.created = 42;
  changed.order = 1;
  CHECK(store->update(changed));

  SpoolFile want = before;
  want.cls = '7';
  want.fn = "NEWNAME";
  want.ft = "LISTING";
  want.dist = "DEPT42";
  want.copies = 99;
  want.hold = true;
  want.tag = std::string(136, 'T');
  CHECK(*store->get(a) == want);
  CHECK(store->records(a) == std::vector<SpoolRecord>{{0x09, ebcdic("LINE")}});
  // Still first in its queue.
  CHECK(ids(store->list("ALICE", Queue::Printer)) == std::vector<uint32_t>{a, b});

  // Back again, and an unknown id.
  CHECK(store->update(before));
  CHECK(*store->get(a) == before);
  SpoolFile ghost = before;
  ghost.id = 9000;
  CHECK_FALSE(store->update(ghost));
  CHECK(store->get(9000) == std::nullopt);
}

// TRANSFER: a new owner puts the file at the end of the new owner's queue (and of the system's queue), and
// so does a move to another queue of the same owner.
TEST_CASE("SpoolStore: update() with a new owner or queue puts the file at the end of its new queue") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  const uint32_t a1 = store->add(plain("ALICE"), {{0x01, card("A1")}});
  const uint32_t b1 = store->add(plain("BOB"), {});
  const uint32_t a2 = store->add(plain("ALICE"), {});
  const uint32_t b2 = store->add(plain("BOB"), {});
  CHECK(ids(store->list_all(Queue::Reader)) == std::vector<uint32_t>{a1, b1, a2, b2});

  SpoolFile f = *store->get(a1);
  f.owner = "BOB";
  CHECK(store->update(f));
  CHECK(ids(store->list("BOB", Queue::Reader)) == std::vector<uint32_t>{b1, b2, a1});
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{a2});
  CHECK(ids(store->list_all(Queue::Reader)) == std::vector<uint32_t>{b1, a2, b2, a1});
  CHECK(store->count("BOB", Queue::Reader) == 3);
  CHECK(store->count("ALICE", Queue::Reader) == 1);
  // The file itself is unchanged but for its owner.
  CHECK(store->get(a1)->origin == "ALICE");
  CHECK(store->records(a1) == std::vector<SpoolRecord>{{0x01, card("A1")}});

  // Back to ALICE: the end of her queue, after a2.
  f = *store->get(a1);
  f.owner = "ALICE";
  CHECK(store->update(f));
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{a2, a1});

  // A punch file before b1 in the punch queue; b1 moved to the punch queue goes after it.
  const uint32_t p = store->add(plain("BOB", Queue::Punch), {});
  f = *store->get(b1);
  f.queue = Queue::Punch;
  CHECK(store->update(f));
  CHECK(ids(store->list("BOB", Queue::Punch)) == std::vector<uint32_t>{p, b1});
  CHECK(ids(store->list("BOB", Queue::Reader)) == std::vector<uint32_t>{b2});
  CHECK(ids(store->list_all(Queue::Punch)) == std::vector<uint32_t>{p, b1});
}

// ORDER: the files named come first in the order named, the rest follow in their old order; ids not in that
// queue (another user's, unknown ones) and repeats are ignored; other users' files keep their places in the
// system's queue.
TEST_CASE("SpoolStore: reorder()") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  const uint32_t a1 = store->add(plain("ALICE"), {});
  const uint32_t b1 = store->add(plain("BOB"), {});
  const uint32_t a2 = store->add(plain("ALICE"), {});
  const uint32_t b2 = store->add(plain("BOB"), {});
  const uint32_t a3 = store->add(plain("ALICE"), {});
  const uint32_t a4 = store->add(plain("ALICE"), {});
  const uint32_t ap = store->add(plain("ALICE", Queue::Punch), {});

  store->reorder("ALICE", Queue::Reader, {a3, 9999, b1, a1, a3, ap});
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{a3, a1, a2, a4});
  CHECK(ids(store->list("BOB", Queue::Reader)) == std::vector<uint32_t>{b1, b2});
  CHECK(ids(store->list("ALICE", Queue::Punch)) == std::vector<uint32_t>{ap});
  // ALICE's files take her old places among all the reader files; BOB's stay where they were.
  CHECK(ids(store->list_all(Queue::Reader)) == std::vector<uint32_t>{a3, b1, a1, b2, a2, a4});

  // Nothing named: no change. The order persists and a new file still goes to the end.
  store->reorder("ALICE", Queue::Reader, {});
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{a3, a1, a2, a4});
  store->reorder("ALICE", Queue::Reader, {a4, a2});
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{a4, a2, a3, a1});
  const uint32_t a5 = store->add(plain("ALICE"), {});
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{a4, a2, a3, a1, a5});
  // An empty queue, and a user with no files: nothing happens, nothing throws.
  store->reorder("NOBODY", Queue::Printer, {a1});
  CHECK(store->get(a1)->owner == "ALICE");
}

// remove() deletes a file and its records once (false the second time, and for unknown ids); count()
// counts one user's queue.
TEST_CASE("SpoolStore: remove() and count()") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  auto store = SpoolStore::open(path);
  CHECK(store->count("ALICE", Queue::Reader) == 0);
  const uint32_t a = store->add(plain("ALICE"), {{1, card("1")}, {1, card("2")}});
  const uint32_t b = store->add(plain("ALICE"), {{1, card("3")}});
  store->add(plain("ALICE", Queue::Punch), {});
  store->add(plain("BOB"), {});
  CHECK(store->count("ALICE", Queue::Reader) == 2);
  CHECK(store->count("ALICE", Queue::Punch) == 1);
  CHECK(store->count("ALICE", Queue::Printer) == 0);
  CHECK(store->count("BOB", Queue::Reader) == 1);
  CHECK(store->remove(a));
  CHECK_FALSE(store->remove(a));
  CHECK_FALSE(store->remove(8888));
  CHECK(store->get(a) == std::nullopt);
  CHECK(store->records(a).empty());
  CHECK(store->count("ALICE", Queue::Reader) == 1);
  CHECK(ids(store->list("ALICE", Queue::Reader)) == std::vector<uint32_t>{b});
  CHECK(store->records(b) == std::vector<SpoolRecord>{{1, card("3")}});
  // The records of the removed file are gone from the database, not only hidden.
  CHECK(sql_value(path, "SELECT count(*) FROM records WHERE file = " + std::to_string(a)) == "0");
}

// list_all() gives every owner's files of one queue in the order they reached it, and no other queue's.
TEST_CASE("SpoolStore: list_all() in the order the files reached the queue") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  std::vector<uint32_t> readers, printers;
  const char* owners[] = {"ZED", "ALICE", "MAINT", "BOB"};
  for (int i = 0; i < 8; i++) {
    readers.push_back(store->add(plain(owners[i % 4], Queue::Reader), {}));
    printers.push_back(store->add(plain(owners[(i + 1) % 4], Queue::Printer), {}));
  }
  CHECK(ids(store->list_all(Queue::Reader)) == readers);
  CHECK(ids(store->list_all(Queue::Printer)) == printers);
  CHECK(store->list_all(Queue::Punch).empty());
  for (const SpoolFile& f : store->list_all(Queue::Reader)) CHECK(f.queue == Queue::Reader);
}

// Attributes out of their ranges are refused by add() and update() with SpoolError, and nothing changes; the
// limits themselves are accepted.
TEST_CASE("SpoolStore: attributes out of their ranges are refused") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  struct Bad {
    const char* what;
    std::function<void(SpoolFile&)> spoil;
  };
  const std::vector<Bad> bad = {
      {"empty owner", [](SpoolFile& f) { f.owner = ""; }},
      {"owner of 9", [](SpoolFile& f) { f.owner = "TOOLONGID"; }},
      {"origin of 9", [](SpoolFile& f) { f.origin = "ORIGIN789"; }},
      {"device of 9", [](SpoolFile& f) { f.device = "DEVICE789"; }},
      {"fn of 9", [](SpoolFile& f) { f.fn = "FILENAME9"; }},
      {"ft of 9", [](SpoolFile& f) { f.ft = "FILETYPE9"; }},
      {"dist of 9", [](SpoolFile& f) { f.dist = "DISTCODE9"; }},
      {"tag of 137", [](SpoolFile& f) { f.tag = std::string(137, 'x'); }},
      {"copies 0", [](SpoolFile& f) { f.copies = 0; }},
      {"copies 100", [](SpoolFile& f) { f.copies = 100; }},
      {"class a", [](SpoolFile& f) { f.cls = 'a'; }},
      {"class *", [](SpoolFile& f) { f.cls = '*'; }},
      {"class blank", [](SpoolFile& f) { f.cls = ' '; }},
      {"class NUL", [](SpoolFile& f) { f.cls = '\0'; }},
      {"queue 3", [](SpoolFile& f) { f.queue = static_cast<Queue>(3); }},
  };
  for (const Bad& b : bad) {
    CAPTURE(b.what);
    SpoolFile f = sample_file("USER1", Queue::Reader);
    b.spoil(f);
    CHECK_THROWS_AS(store->add(f, {{1, card("X")}}), SpoolError);
  }
  CHECK(store->list_all(Queue::Reader).empty());
  CHECK(store->list_all(Queue::Printer).empty());
  CHECK(store->list_all(Queue::Punch).empty());
  // A refused add spends no id.
  const uint32_t id = store->add(sample_file("USER1", Queue::Reader), {});
  CHECK(id == 1);

  const SpoolFile good = *store->get(id);
  for (const Bad& b : bad) {
    CAPTURE(b.what);
    SpoolFile f = good;
    b.spoil(f);
    CHECK_THROWS_AS(store->update(f), SpoolError);
    CHECK(*store->get(id) == good);
  }

  // The limits are accepted.
  SpoolFile edge = plain("EIGHTCHR");
  edge.origin = "ORIGIN78";
  edge.device = "DEVICE78";
  edge.fn = "FILENAME";
  edge.ft = "FILETYPE";
  edge.dist = "DISTCODE";
  edge.tag = std::string(136, 'y');
  for (char c : {'A', 'Z', '0', '9'}) {
    for (uint32_t copies : {1u, 99u}) {
      CAPTURE(c);
      CAPTURE(copies);
      edge.cls = c;
      edge.copies = copies;
      const uint32_t e = store->add(edge, {});
      REQUIRE(store->get(e));
      CHECK(store->get(e)->cls == c);
      CHECK(store->get(e)->copies == copies);
      CHECK(store->get(e)->tag == edge.tag);
    }
  }
}

// A database of a newer format than this build knows is refused with SpoolError naming the file.
TEST_CASE("SpoolStore: a database of a newer format is refused") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  {
    auto store = SpoolStore::open(path);
    store->add(plain("A"), {});
  }
  CHECK(sql_value(path, "PRAGMA application_id") == std::to_string(cp::kSpoolApplicationId));
  CHECK(sql_value(path, "SELECT value FROM meta WHERE key = 'format'") == std::to_string(cp::kSpoolFormat));
  sql(path, "UPDATE meta SET value = " + std::to_string(cp::kSpoolFormat + 1) + " WHERE key = 'format'");
  try {
    SpoolStore::open(path);
    FAIL("a newer format was opened");
  } catch (const SpoolError& e) {
    CHECK(std::string(e.what()).find(path) != std::string::npos);
  }
  // The file of the newer build is left as it was.
  CHECK(sql_value(path, "SELECT value FROM meta WHERE key = 'format'") ==
        std::to_string(cp::kSpoolFormat + 1));
  CHECK(sql_value(path, "SELECT count(*) FROM files") == "1");
  // The same format opens again.
  sql(path, "UPDATE meta SET value = " + std::to_string(cp::kSpoolFormat) + " WHERE key = 'format'");
  CHECK(SpoolStore::open(path)->get(1));
}

// A file that is not SQLite, another application's SQLite database (with tables, or with only its own
// application id) and a path that cannot be created are refused with SpoolError naming the path, and the
// files are left unchanged; an empty file becomes a new spool database.
TEST_CASE("SpoolStore: garbage files and foreign databases are refused and left unchanged") {
  TempDir tmp;
  auto refused = [](const std::string& path) {
    try {
      SpoolStore::open(path);
      return std::string("opened");
    } catch (const SpoolError& e) {
      return std::string(e.what());
    }
  };

  const std::string garbage = tmp.file("garbage.db");
  std::string junk;
  for (int i = 0; i < 4096; i++) junk += static_cast<char>("this is not a database\n"[i % 23]);
  std::ofstream(garbage, std::ios::binary) << junk;
  std::string why = refused(garbage);
  CHECK(why != "opened");
  CHECK(why.find(garbage) != std::string::npos);
  CHECK(slurp(garbage) == junk);

  const std::string foreign = tmp.file("foreign.db");
  sql(foreign, "CREATE TABLE notes(x TEXT); INSERT INTO notes VALUES('keep me');");
  const std::string foreign_bytes = slurp(foreign);
  why = refused(foreign);
  CHECK(why != "opened");
  CHECK(why.find(foreign) != std::string::npos);
  CHECK(slurp(foreign) == foreign_bytes);
  CHECK_FALSE(std::filesystem::exists(foreign + "-wal"));
  CHECK(sql_value(foreign, "PRAGMA journal_mode") == "delete");
  CHECK(sql_value(foreign, "SELECT x FROM notes") == "keep me");
  CHECK(sql_value(foreign, "SELECT count(*) FROM sqlite_master") == "1");

  // Only an application id of another program, no tables.
  const std::string other_app = tmp.file("other_app.db");
  sql(other_app, "PRAGMA application_id = 1234;");
  const std::string other_bytes = slurp(other_app);
  REQUIRE(!other_bytes.empty());
  why = refused(other_app);
  CHECK(why != "opened");
  CHECK(slurp(other_app) == other_bytes);

  // A directory that does not exist.
  const std::string nowhere = tmp.file("no/such/dir/spool.db");
  why = refused(nowhere);
  CHECK(why != "opened");
  CHECK(why.find(nowhere) != std::string::npos);

  // An empty file is a new database.
  const std::string empty = tmp.file("empty.db");
  std::ofstream(empty, std::ios::binary).flush();
  REQUIRE(std::filesystem::exists(empty));
  auto store = SpoolStore::open(empty);
  CHECK(store->add(plain("A"), {}) == 1);
}

// A row that a healthy store cannot hold (values out of their ranges) is reported as damage (SpoolError),
// not handed out.
TEST_CASE("SpoolStore: a damaged file row gives SpoolError") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  {
    auto store = SpoolStore::open(path);
    store->add(plain("A"), {{0x01, card("1")}});
    store->add(plain("A"), {});
  }
  sql(path, "UPDATE files SET queue = 7 WHERE id = 1; UPDATE files SET cls = 'AB' WHERE id = 2;");
  auto store = SpoolStore::open(path);
  CHECK_THROWS_AS(store->get(1), SpoolError);
  CHECK_THROWS_AS(store->get(2), SpoolError);
  CHECK_THROWS_AS(store->list("A", Queue::Reader), SpoolError);
  // The store goes on working for what is whole.
  CHECK(store->add(plain("B"), {}) == 3);
  CHECK(store->get(3)->owner == "B");
}

// Several threads adding at once through one store get distinct ids and whole files (every record of each,
// in order, none of another's).
TEST_CASE("SpoolStore: threads adding at once get distinct ids and whole files") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  constexpr int kThreads = 4, kEach = 12;
  std::vector<std::vector<uint32_t>> got(kThreads);
  std::atomic<int> failures{0};
  auto records_of = [](int t, int i) {
    std::vector<SpoolRecord> r;
    for (int j = 0; j <= (t + i) % 5; j++)
      r.push_back({static_cast<u8>(t),
                   card("T" + std::to_string(t) + " F" + std::to_string(i) + " R" + std::to_string(j))});
    return r;
  };
  {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; t++) {
      threads.emplace_back([&, t] {
        for (int i = 0; i < kEach; i++) {
          try {
            SpoolFile f = plain("USER" + std::to_string(t), Queue::Punch);
            f.tag = std::to_string(t) + "/" + std::to_string(i);
            got[t].push_back(store->add(f, records_of(t, i)));
          } catch (...) {
            failures++;
          }
        }
      });
    }
    for (std::thread& th : threads) th.join();
  }
  CHECK(failures == 0);
  std::set<uint32_t> all;
  for (int t = 0; t < kThreads; t++) {
    REQUIRE(got[t].size() == kEach);
    // Each thread's own ids increase (the ids are given in the order of the adds).
    CHECK(std::is_sorted(got[t].begin(), got[t].end()));
    for (int i = 0; i < kEach; i++) {
      const uint32_t id = got[t][i];
      all.insert(id);
      const auto f = store->get(id);
      REQUIRE(f);
      CHECK(f->owner == "USER" + std::to_string(t));
      CHECK(f->tag == std::to_string(t) + "/" + std::to_string(i));
      CHECK(f->records == records_of(t, i).size());
      CHECK(store->records(id) == records_of(t, i));
    }
    CHECK(store->count("USER" + std::to_string(t), Queue::Punch) == kEach);
  }
  CHECK(all.size() == kThreads * kEach);
  CHECK(*all.begin() == 1);
  CHECK(*all.rbegin() == kThreads * kEach);
  CHECK(store->list_all(Queue::Punch).size() == kThreads * kEach);
}

namespace {

// The files the crash test's writer makes: file number k has 1 to 6 records whose bytes depend on k, and
// carries k in its tag, so that any file found can be checked whole.
SpoolFile crash_file(uint32_t k) {
  SpoolFile f = plain("U" + std::to_string(k % 3), static_cast<Queue>(k % 3), "K" + std::to_string(k));
  f.tag = std::to_string(k);
  return f;
}
std::vector<SpoolRecord> crash_records(uint32_t k) {
  std::vector<SpoolRecord> r(1 + k % 6);
  for (size_t j = 0; j < r.size(); j++) {
    r[j].ccw = static_cast<u8>(0x01 + j);
    r[j].data.resize(80 + (k + j) % 200);
    for (size_t i = 0; i < r[j].data.size(); i++) r[j].data[i] = static_cast<u8>(k * 7 + j * 13 + i);
  }
  return r;
}

}  // namespace

// Crash safety: a process adding files in a loop is killed with SIGKILL at a random moment; afterwards every
// file whose add() had returned exists whole, and no file exists in part (every file found has all its
// records, with the right content). At most the one file being added at each kill may exist unreported.
TEST_CASE("SpoolStore: a kill -9 at a random moment leaves only whole files") {
  TempDir tmp;
  const std::string path = tmp.file("spool.db");
  std::mt19937 rng(std::random_device{}());
  constexpr int kRounds = 5;
  std::map<uint32_t, uint32_t> reported;  // id -> k
  for (int round = 0; round < kRounds; round++) {
    CAPTURE(round);
    int fds[2];
    REQUIRE(::pipe(fds) == 0);
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
      // The child: no return into the test framework, whatever happens.
      ::close(fds[0]);
      try {
        auto store = SpoolStore::open(path);
        for (uint32_t k = static_cast<uint32_t>(round) * 100000 + 1;; k++) {
          const uint32_t id = store->add(crash_file(k), crash_records(k));
          const uint32_t entry[2] = {id, k};
          if (::write(fds[1], entry, sizeof entry) != static_cast<ssize_t>(sizeof entry)) ::_exit(4);
        }
      } catch (...) {
        ::_exit(3);
      }
      ::_exit(0);
    }
    ::close(fds[1]);
    // Wait for the first file, so that the kill comes while files are being added, then a random while.
    uint32_t entry[2];
    size_t have = 0;
    std::vector<uint8_t> bytes;
    auto read_some = [&]() {
      uint8_t buf[4096];
      const ssize_t n = ::read(fds[0], buf, sizeof buf);
      if (n > 0) bytes.insert(bytes.end(), buf, buf + n);
      return n;
    };
    while (bytes.size() < sizeof entry && read_some() > 0) {
    }
    const int delay_ms = std::uniform_int_distribution<int>(1, 150)(rng);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    REQUIRE(::kill(pid, SIGKILL) == 0);
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(WIFSIGNALED(status));
    if (WIFSIGNALED(status)) CHECK(WTERMSIG(status) == SIGKILL);
    while (read_some() > 0) {
    }
    ::close(fds[0]);
    // Whole entries only: a write of 8 bytes to a pipe is atomic.
    CHECK(bytes.size() % sizeof entry == 0);
    for (have = 0; have + sizeof entry <= bytes.size(); have += sizeof entry) {
      std::memcpy(entry, bytes.data() + have, sizeof entry);
      CHECK(reported.count(entry[0]) == 0);
      reported[entry[0]] = entry[1];
    }
    INFO("killed after ", delay_ms, " ms; ", reported.size(), " files reported in all");

    auto store = SpoolStore::open(path);
    for (auto [id, k] : reported) {
      CAPTURE(id);
      CAPTURE(k);
      const auto f = store->get(id);
      REQUIRE(f);
      CHECK(f->tag == std::to_string(k));
      CHECK(f->owner == crash_file(k).owner);
      CHECK(f->queue == crash_file(k).queue);
      CHECK(f->records == crash_records(k).size());
      CHECK(store->records(id) == crash_records(k));
    }
    size_t found = 0;
    for (Queue q : {Queue::Reader, Queue::Printer, Queue::Punch}) {
      for (const SpoolFile& f : store->list_all(q)) {
        CAPTURE(f.id);
        found++;
        const uint32_t k = static_cast<uint32_t>(std::stoul(f.tag));
        const std::vector<SpoolRecord> recs = store->records(f.id);
        CHECK(recs.size() == f.records);
        CHECK(recs == crash_records(k));
        CHECK(f.fn == "K" + std::to_string(k));
      }
    }
    CHECK(found >= reported.size());
    CHECK(found <= reported.size() + static_cast<size_t>(round) + 1);
    // Nothing but whole files' records in the database.
    size_t record_rows = 0;
    for (Queue q : {Queue::Reader, Queue::Printer, Queue::Punch})
      for (const SpoolFile& f : store->list_all(q)) record_rows += f.records;
    store.reset();
    CHECK(sql_value(path, "SELECT count(*) FROM records") == std::to_string(record_rows));
    CHECK(sql_value(path, "SELECT count(*) FROM records WHERE file NOT IN (SELECT id FROM files)") == "0");
  }
  CHECK(reported.size() >= kRounds);
}

// ====================================================================================================
// The devices
// ====================================================================================================

// Three cards punched by three channel programs (each stacker command) are three 80-byte records with the
// command codes and EBCDIC text written; a short card is padded with EBCDIC blanks, data chaining makes one
// card; take() empties the file.
TEST_CASE("SpoolWriter punch: cards punched by channel programs are taken as 80-byte records") {
  Io io;
  SpoolWriter& pun = io.add(std::make_unique<SpoolWriter>(0x00D, SpoolWriter::Kind::Punch));
  CHECK(pun.type() == "2540P");
  CHECK(pun.kind() == SpoolWriter::Kind::Punch);
  CHECK(pun.pending() == 0);
  const std::vector<u8> c1 = card("//JOB1    JOB  ACCT,'FIRST CARD'");
  std::vector<u8> c2(80);
  for (int i = 0; i < 80; i++) c2[i] = static_cast<u8>(0xF0 + i % 10);  // 0123456789...
  const std::vector<u8> c3 = card("LAST CARD");
  Outcome o = io.exec(0x00D, Op{0x01, 0, c1, 0});
  CHECK(o.cc == 0);
  CHECK(o.unit == unit::kEnd);
  CHECK(o.channel == 0);
  CHECK(o.residual == 0);
  CHECK(io.exec(0x00D, Op{0x41, 0, c2, 0}).unit == unit::kEnd);
  CHECK(io.exec(0x00D, Op{0x81, 0, c3, 0}).unit == unit::kEnd);
  CHECK(pun.pending() == 3);
  const std::vector<SpoolRecord> taken = pun.take();
  CHECK(pun.pending() == 0);
  REQUIRE(taken.size() == 3);
  CHECK(taken[0] == SpoolRecord{0x01, c1});
  CHECK(taken[1] == SpoolRecord{0x41, c2});
  CHECK(taken[2] == SpoolRecord{0x81, c3});
  // The EBCDIC itself: "//" is X'61', "J" X'D1', blank X'40'.
  CHECK(taken[0].data[0] == 0x61);
  CHECK(taken[0].data[2] == 0xD1);
  CHECK(taken[0].data[79] == 0x40);
  CHECK(pun.take().empty());

  // A short card (SLI) is padded; data chaining gives one card of both parts.
  o = io.exec(0x00D, write_op(0x01, "SHORT"));
  CHECK(o.unit == unit::kEnd);
  CHECK(o.channel == 0);
  o = io.exec(0x00D, {Op{0x01, ccwf::kChainData, ebcdic("PART ONE "), 0}, write_op(0x00, "PART TWO")});
  CHECK(o.unit == unit::kEnd);
  const auto more = pun.take();
  REQUIRE(more.size() == 2);
  CHECK(more[0].data == card("SHORT"));
  CHECK(more[1].data == card("PART ONE PART TWO"));
}

// The punch answers every channel program as CardPunch2540 does (status, counts, sense, sense ID, command
// reject), and render_punch() of its file is byte for byte the card file CardPunch2540 writes.
TEST_CASE("SpoolWriter punch: the same answers and cards as CardPunch2540") {
  TempDir tmp;
  Io io;
  const std::string path = tmp.file("punch.bin");
  io.add(std::make_unique<s370::io::CardPunch2540>(0x01D, path));
  SpoolWriter& pun = io.add(std::make_unique<SpoolWriter>(0x00D, SpoolWriter::Kind::Punch));
  std::vector<u8> hundred(100);
  for (int i = 0; i < 100; i++) hundred[i] = static_cast<u8>(i);
  const std::vector<std::vector<Op>> programs = {
      {Op{0x01, 0, card("FULL CARD"), 0}},
      {write_op(0x41, "SHORT WITH SLI")},
      {write_op(0x81, "SHORT WITHOUT SLI", 0)},
      {Op{0x01, 0, hundred, 0}},  // more than a card: incorrect length, cut at 80
      {Op{0x01, ccwf::kChainData, ebcdic("DATA "), 0}, write_op(0x00, "CHAINED")},
      {Op{0x01, ccwf::kChainCommand, card("CC 1"), 0}, Op{0x01, 0, card("CC 2"), 0}},
      {control_op(0x03)},
      {read_op(0x04, 1)},
      {read_op(0xE4, 7)},
      {read_op(0xE4, 20, ccwf::kSuppressLength)},
      {control_op(0x02)},  // a read on a punch: command reject
      {read_op(0x04, 1)},  // ... its sense
      {read_op(0x04, 1)},  // ... reset
      {control_op(0x09)},  // not a punch command
      {read_op(0x04, 1)},
  };
  for (size_t i = 0; i < programs.size(); i++) {
    CAPTURE(i);
    const Outcome real = io.exec(0x01D, programs[i]);
    const Outcome spooled = io.exec(0x00D, programs[i]);
    INFO("2540P: ", outcome_text(real), "; spooled: ", outcome_text(spooled));
    CHECK(spooled == real);
  }
  // Some answers checked for themselves.
  CHECK(io.exec(0x00D, control_op(0x02)).unit == (unit::kEnd | unit::kUnitCheck));
  CHECK(io.exec(0x00D, read_op(0x04, 1)).areas[0] == std::vector<u8>{0x80});
  CHECK(io.exec(0x00D, read_op(0xE4, 7)).areas[0] ==
        std::vector<u8>{0xFF, 0x28, 0x21, 0x01, 0x25, 0x40, 0x01});
  CHECK(io.exec(0x00D, Op{0x81, 0, hundred, 0}).channel == chan::kIncorrectLength);

  const std::vector<SpoolRecord> recs = pun.take();
  CHECK(recs.size() == 8);  // the seven cards of the programs, and the one just above
  for (const SpoolRecord& r : recs) CHECK(r.data.size() == 80);
  const std::vector<u8> rendered = cp::render_punch(std::vector<SpoolRecord>(recs.begin(), recs.end() - 1));
  const std::string file = slurp(path);
  CHECK(rendered.size() == 7 * 80);
  CHECK(std::string(rendered.begin(), rendered.end()) == file);
  CHECK(recs[3].data == std::vector<u8>(hundred.begin(), hundred.begin() + 80));
}

// The record limit: once a file has that many records a write gets unit check with intervention required
// before any data moves, and nothing is added; sense still answers; after take() writing goes on.
TEST_CASE("SpoolWriter: the record limit gives unit check, intervention required") {
  Io io;
  SpoolWriter& pun = io.add(std::make_unique<SpoolWriter>(0x00D, SpoolWriter::Kind::Punch));
  SpoolWriter& prt = io.add(std::make_unique<SpoolWriter>(0x00E, SpoolWriter::Kind::Printer));
  pun.set_limit(2);
  prt.set_limit(2);
  struct Case {
    u16 dev;
    SpoolWriter* w;
    u8 cmd;
  };
  for (const auto& [dev, w, cmd] : {Case{0x00D, &pun, 0x01}, Case{0x00E, &prt, 0x09}}) {
    CAPTURE(dev);
    CHECK(io.exec(dev, write_op(cmd, "ONE")).unit == unit::kEnd);
    CHECK(io.exec(dev, write_op(cmd, "TWO")).unit == unit::kEnd);
    CHECK(w->pending() == 2);
    const Outcome full = io.exec(dev, write_op(cmd, "THREE"));
    CHECK(full.cc == 1);  // at once, no data moved: CSW stored by the SIO
    CHECK((full.unit & unit::kUnitCheck) != 0);
    CHECK((full.unit & unit::kUnitException) == 0);
    CHECK(w->pending() == 2);
    const Outcome s = io.exec(dev, read_op(0x04, 1));
    CHECK(s.unit == unit::kEnd);
    CHECK(s.areas[0] == std::vector<u8>{s370::io::sense::kInterventionRequired});
    // Still full: the same again.
    CHECK((io.exec(dev, write_op(cmd, "FOUR")).unit & unit::kUnitCheck) != 0);
    CHECK(w->pending() == 2);
    const auto taken = w->take();
    REQUIRE(taken.size() == 2);
    CHECK(taken[1].data[0] == ebcdic("T")[0]);
    CHECK(io.exec(dev, write_op(cmd, "FIVE")).unit == unit::kEnd);
    CHECK(w->pending() == 1);
  }
  // Carriage commands are kept on the printer, so they count and are refused at the limit too.
  prt.take();
  prt.set_limit(1);
  CHECK(io.exec(0x00E, control_op(0x0B)).unit == unit::kEnd);
  CHECK((io.exec(0x00E, control_op(0x0B)).unit & unit::kUnitCheck) != 0);
  CHECK(prt.pending() == 1);
}

// The spooled printer's file rendered is exactly what Printer1403 writes for the same channel programs (one
// printer of each, every program run on both), and both answer every program alike: writes with space and
// skip after, space and skip immediate, overprints, data and command chaining, fold and unfold, the UCS
// load sequences, the data-check controls, sense, sense ID and the commands a 1403 rejects.
TEST_CASE("SpoolWriter printer: render_printer() gives what Printer1403 prints") {
  TempDir tmp;
  Io io;
  const std::string path = tmp.file("print.txt");
  io.add(std::make_unique<s370::io::Printer1403>(0x01E, path));
  SpoolWriter& prt = io.add(std::make_unique<SpoolWriter>(0x00E, SpoolWriter::Kind::Printer));
  CHECK(prt.type() == "1403");
  const u8 sli = ccwf::kSuppressLength, cc = ccwf::kChainCommand;
  const std::vector<std::vector<Op>> programs = {
      {write_op(0x89, "AB")},  // write, skip to channel 1 (on line 1 already)
      {control_op(0x8B)},      // skip to channel 1 immediate
      {control_op(0x0B)},      // space 1, 2, 3 immediate
      {write_op(0x09, "L1")},
      {control_op(0x13)},
      {write_op(0x11, "L2")},
      {control_op(0x1B)},
      {write_op(0x19, "L3   ")},  // trailing blanks dropped
      {write_op(0xC9, "CH9")},    // channel 9: line 63
      {write_op(0xE1, "CH12")},   // channel 12 is line 61: a new page
      {write_op(0x01, "OVER1")},  // overprints
      {write_op(0x01, "OVER2")},
      {write_op(0x09, "OVER3")},
      {Op{0x09, ccwf::kChainData, ebcdic("DATA"), 0}, write_op(0x00, "CHAIN")},
      {Op{0x09, cc, ebcdic("CC1"), 0}, write_op(0x09, "CC2")},
      {write_op(0x09, "lower case, unfolded")},
      {Op{0x43, cc | sli, {}, 1}, write_op(0x09, "folded lower case")},  // fold
      {write_op(0x11, "still folded")},
      {control_op(0x23)},  // unfold
      {write_op(0x09, "unfolded again")},
      {Op{0xEB, cc | sli, {}, 1}, Op{0xF3, sli, {}, 240}},  // gate load, load UCS and fold
      {write_op(0x09, "after ucs fold")},
      {Op{0xEB, cc | sli, {}, 1}, Op{0xFB, sli, {}, 240}},  // gate load, load UCS without fold
      {write_op(0x09, "after ucs nofold")},
      {Op{0x7B, cc | sli, {}, 1}, Op{0xF3, sli, {}, 240}},  // allow data check, load UCS and fold
      {write_op(0x09, "after allow data check")},
      {control_op(0x23)},
      {control_op(0x73)},  // block data check
      {control_op(0x03)},  // no-op
      {read_op(0x06, 1, sli)},
      {read_op(0x04, 1)},
      {read_op(0xE4, 7)},
      {control_op(0xF3)},                                          // load UCS out of sequence: rejected
      {read_op(0x04, 1)},                                          // ... command reject
      {Op{0x09, cc, ebcdic("BEFORE GATE"), 0}, control_op(0xEB)},  // gate load chained: rejected
      {control_op(0x02)},                                          // a read: rejected
      {control_op(0x63)},                                          // LOAD FCB (3211): rejected
      {read_op(0x04, 1)},
      {write_op(0xA1, "TO CHANNEL 4")},
      {control_op(0x93)},  // skip to channel 2 immediate
      {write_op(0x09, std::string(140, 'X'), 0)},
      {write_op(0x09, std::string(10, 'Y'), 0)},
      {control_op(0x8B)},
      {control_op(0x8B)},
      {write_op(0x09, "END")},
  };
  for (size_t i = 0; i < programs.size(); i++) {
    CAPTURE(i);
    const Outcome real = io.exec(0x01E, programs[i]);
    const Outcome spooled = io.exec(0x00E, programs[i]);
    INFO("1403: ", outcome_text(real), "; spooled: ", outcome_text(spooled));
    CHECK(spooled == real);
  }
  const std::string printed = slurp(path);
  const std::string rendered = cp::render_printer(prt.take());
  CHECK(rendered == printed);
  // What the forms did, checked for itself in places.
  CHECK(printed.rfind("AB\r\nL1\n\n\nL2\n\n\n\n\nL3\n\n\nCH9\n", 0) == 0);
  CHECK(printed.find("lower case, unfolded\n") != std::string::npos);
  CHECK(printed.find("FOLDED LOWER CASE\n") != std::string::npos);
  CHECK(printed.find("STILL FOLDED\n\n") != std::string::npos);
  CHECK(printed.find("unfolded again\n") != std::string::npos);
  CHECK(printed.find("AFTER UCS FOLD\n") != std::string::npos);
  CHECK(printed.find("after ucs nofold\n") != std::string::npos);
  CHECK(printed.find("AFTER ALLOW DATA CHECK\n") != std::string::npos);
  CHECK(printed.find("BEFORE GATE\n") != std::string::npos);
  CHECK(printed.find("OVER1\rOVER2\rOVER3\nDATACHAIN\nCC1\nCC2\n") != std::string::npos);
  CHECK(printed.size() > 200);
  CHECK(printed.substr(printed.size() - 5) == "\fEND\n");
}

// A small printer program whose output is worked out by hand from the 1403's carriage rules (space after,
// space immediate, overprint, a skip to channel 1 past the current line is a form feed).
TEST_CASE("SpoolWriter printer: spaces, overprint and skip rendered by hand") {
  Io io;
  SpoolWriter& prt = io.add(std::make_unique<SpoolWriter>(0x00E, SpoolWriter::Kind::Printer));
  io.exec(0x00E, write_op(0x09, "L1"));  // line 1, then space 1: line 2
  io.exec(0x00E, control_op(0x13));      // space 2 immediate: line 4
  io.exec(0x00E, write_op(0x11, "L2"));  // line 4, space 2: line 6
  io.exec(0x00E, write_op(0x01, "OV"));  // no space: overprint
  io.exec(0x00E, write_op(0x09, "OV2"));
  io.exec(0x00E, control_op(0x8B));  // skip to channel 1: a new page
  io.exec(0x00E, write_op(0x09, "END"));
  const std::vector<SpoolRecord> recs = prt.take();
  REQUIRE(recs.size() == 7);
  CHECK(recs[0] == SpoolRecord{0x09, ebcdic("L1")});
  CHECK(recs[1] == SpoolRecord{0x13, {}});
  CHECK(recs[5] == SpoolRecord{0x8B, {}});
  CHECK(cp::render_printer(recs) == "L1\n\n\nL2\n\nOV\rOV2\n\fEND\n");
  CHECK(cp::render_printer({}).empty());
}

// Commands a 1403 rejects get unit check alone with command reject, and leave no record in the file; sense
// ID answers 2821/1403.
TEST_CASE("SpoolWriter printer: rejected commands leave no record") {
  Io io;
  SpoolWriter& prt = io.add(std::make_unique<SpoolWriter>(0x00E, SpoolWriter::Kind::Printer));
  io.exec(0x00E, write_op(0x09, "KEEP"));
  for (u8 cmd : {0x02, 0x05, 0x63, 0xF3, 0xFB, 0x0F}) {
    CAPTURE(cmd);
    const Outcome o = io.exec(0x00E, control_op(cmd));
    CHECK(o.cc == 1);
    CHECK(o.unit == unit::kUnitCheck);
    CHECK(io.exec(0x00E, read_op(0x04, 1)).areas[0] == std::vector<u8>{0x80});
  }
  // Sense, sense ID, diagnostic read, data-check controls and a lone gate load leave nothing either.
  const Outcome id = io.exec(0x00E, read_op(0xE4, 7));
  CHECK(id.unit == unit::kEnd);
  CHECK(id.areas[0] == std::vector<u8>{0xFF, 0x28, 0x21, 0x01, 0x14, 0x03, 0x01});
  CHECK(io.exec(0x00E, read_op(0x04, 1)).areas[0] == std::vector<u8>{0x00});
  io.exec(0x00E, read_op(0x06, 1, ccwf::kSuppressLength));
  io.exec(0x00E, control_op(0x73));
  io.exec(0x00E, control_op(0x7B));
  io.exec(0x00E, control_op(0xEB));
  CHECK(prt.pending() == 1);
  CHECK(prt.take() == std::vector<SpoolRecord>{{0x09, ebcdic("KEEP")}});
}

// render_punch(): one 80-byte EBCDIC card image per record, shorter records padded with EBCDIC blanks,
// longer ones cut at 80.
TEST_CASE("render_punch: 80-byte card images") {
  std::vector<u8> long_one(120);
  for (size_t i = 0; i < long_one.size(); i++) long_one[i] = static_cast<u8>(i + 1);
  const std::vector<SpoolRecord> recs = {{0x01, ebcdic("ABC")}, {0x41, card("FULL")}, {0, long_one}, {0, {}}};
  const std::vector<u8> out = cp::render_punch(recs);
  REQUIRE(out.size() == 4 * 80);
  CHECK(std::vector<u8>(out.begin(), out.begin() + 80) == card("ABC"));
  CHECK(out[0] == 0xC1);
  CHECK(out[3] == 0x40);
  CHECK(std::vector<u8>(out.begin() + 80, out.begin() + 160) == card("FULL"));
  CHECK(std::vector<u8>(out.begin() + 160, out.begin() + 240) ==
        std::vector<u8>(long_one.begin(), long_one.begin() + 80));
  CHECK(std::vector<u8>(out.begin() + 240, out.end()) == std::vector<u8>(80, 0x40));
  CHECK(cp::render_punch({}).empty());
}

namespace {

// A reader's files, handed out in order by `next`, with what `done` was told.
struct ReaderQueue {
  std::deque<std::pair<SpoolFile, std::vector<SpoolRecord>>> files;
  std::vector<uint32_t> done;
  int asked = 0;
  void add(uint32_t id, const std::vector<std::string>& cards) {
    SpoolFile f = plain("GUEST");
    f.id = id;
    std::vector<SpoolRecord> recs;
    for (const std::string& c : cards) recs.push_back({0x01, card(c)});
    f.records = static_cast<uint32_t>(recs.size());
    files.emplace_back(f, recs);
  }
  std::unique_ptr<SpoolReader> reader(u16 address) {
    return std::make_unique<SpoolReader>(
        address,
        [this]() -> std::optional<std::pair<SpoolFile, std::vector<SpoolRecord>>> {
          asked++;
          if (files.empty()) return std::nullopt;
          auto f = std::move(files.front());
          files.pop_front();
          return f;
        },
        [this](uint32_t id) { done.push_back(id); });
  }
};

}  // namespace

// The reader reads a file's records as cards; the read after the last one is unit exception (end of file),
// done(id) is told and the file is no longer open; the next read asks `next` for a new file; with none, a
// read is unit check, intervention required (sense X'40' X'10').
TEST_CASE("SpoolReader: a file read to its end, then the next file") {
  Io io;
  ReaderQueue q;
  q.add(7, {"CARD ONE", "CARD TWO"});
  q.add(9, {"NEXT FILE"});
  SpoolReader& rdr = io.add(q.reader(0x00C));
  CHECK(rdr.type() == "2540R");
  CHECK(rdr.open_id() == 0);
  CHECK(q.asked == 0);

  Outcome o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.cc == 0);
  CHECK(o.unit == unit::kEnd);
  CHECK(o.channel == 0);
  CHECK(o.areas[0] == card("CARD ONE"));
  CHECK(rdr.open_id() == 7);
  o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.unit == unit::kEnd);
  CHECK(o.areas[0] == card("CARD TWO"));
  CHECK(q.done.empty());  // the end is not known until the next read
  CHECK(rdr.open_id() == 7);

  o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.cc == 1);
  CHECK(o.unit == (unit::kEnd | unit::kUnitException));
  CHECK(o.areas[0] == std::vector<u8>(80, 0xEE));  // nothing read
  CHECK(q.done == std::vector<uint32_t>{7});
  CHECK(rdr.open_id() == 0);
  CHECK(q.asked == 1);  // no CONT: the next file is not opened yet

  o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.unit == unit::kEnd);
  CHECK(o.areas[0] == card("NEXT FILE"));
  CHECK(rdr.open_id() == 9);
  CHECK(q.asked == 2);
  o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.unit == (unit::kEnd | unit::kUnitException));
  CHECK(q.done == std::vector<uint32_t>{7, 9});

  // No file at all.
  o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.cc == 1);
  CHECK(o.unit == (unit::kEnd | unit::kUnitCheck));
  CHECK(o.areas[0] == std::vector<u8>(80, 0xEE));
  const Outcome s = io.exec(0x00C, read_op(0x04, 4));
  CHECK(s.unit == unit::kEnd);
  CHECK(s.areas[0] == std::vector<u8>{0x40, 0x10, 0x00, 0x00});
  CHECK(io.exec(0x00C, read_op(0x04, 4)).areas[0] == std::vector<u8>{0, 0, 0, 0});  // sense is reset
  CHECK(q.done == std::vector<uint32_t>{7, 9});
  // A file arriving later is read.
  q.add(11, {"LATE"});
  CHECK(io.exec(0x00C, read_op(0x02, 80)).areas[0] == card("LATE"));
  CHECK(rdr.open_id() == 11);
}

// With CONT the end of a file goes straight on to the next (an empty file included): done() is told of each,
// and only the end of the last gives unit exception.
TEST_CASE("SpoolReader: CONT reads on into the next file") {
  Io io;
  ReaderQueue q;
  q.add(1, {"A1", "A2"});
  q.add(2, {"B1"});
  q.add(3, {});
  q.add(4, {"D1"});
  SpoolReader& rdr = io.add(q.reader(0x00C));
  rdr.options().cont = true;
  std::vector<std::vector<u8>> got;
  for (int i = 0; i < 4; i++) {
    const Outcome o = io.exec(0x00C, read_op(0x02, 80));
    CHECK(o.unit == unit::kEnd);
    got.push_back(o.areas[0]);
    if (i == 1) CHECK(q.done.empty());
    if (i == 2) CHECK(q.done == std::vector<uint32_t>{1});
  }
  CHECK(got == std::vector<std::vector<u8>>{card("A1"), card("A2"), card("B1"), card("D1")});
  CHECK(q.done == std::vector<uint32_t>{1, 2, 3});
  CHECK(rdr.open_id() == 4);
  const Outcome end = io.exec(0x00C, read_op(0x02, 80));
  CHECK(end.unit == (unit::kEnd | unit::kUnitException));
  CHECK(q.done == std::vector<uint32_t>{1, 2, 3, 4});
  CHECK((io.exec(0x00C, read_op(0x02, 80)).unit & unit::kUnitCheck) != 0);
}

// close_file() ends the open file without telling done(); the next read starts the next file from `next`.
TEST_CASE("SpoolReader: close_file() ends the open file") {
  Io io;
  ReaderQueue q;
  q.add(5, {"F1", "F2", "F3"});
  q.add(6, {"G1"});
  SpoolReader& rdr = io.add(q.reader(0x00C));
  rdr.close_file();  // nothing open: harmless
  CHECK(io.exec(0x00C, read_op(0x02, 80)).areas[0] == card("F1"));
  CHECK(rdr.open_id() == 5);
  rdr.close_file();
  CHECK(rdr.open_id() == 0);
  CHECK(q.done.empty());
  const Outcome o = io.exec(0x00C, read_op(0x02, 80));
  CHECK(o.unit == unit::kEnd);
  CHECK(o.areas[0] == card("G1"));
  CHECK(rdr.open_id() == 6);
  CHECK(q.done.empty());
}

// The reader answers as CardReader2540 (with its "eof" option) for the same cards and channel programs:
// reads of full, short and long counts (incorrect length and residual counts), stacker selection, feed only,
// sense, sense ID, command reject, and the end of the file.
TEST_CASE("SpoolReader: the same answers as CardReader2540") {
  Io io;
  std::vector<s370::io::Card> deck;
  ReaderQueue q;
  std::vector<std::string> texts;
  for (int i = 0; i < 7; i++) texts.push_back("CARD NUMBER " + std::to_string(i + 1) + " OF THE DECK");
  for (const std::string& t : texts) {
    s370::io::Card c;
    const std::vector<u8> b = card(t);
    std::copy(b.begin(), b.end(), c.begin());
    deck.push_back(c);
  }
  q.add(3, texts);
  io.add(std::make_unique<s370::io::CardReader2540>(0x01C, deck, true));
  io.add(q.reader(0x00C));
  const std::vector<std::vector<Op>> programs = {
      {read_op(0xE4, 7)},
      {read_op(0x04, 4)},
      {read_op(0x02, 80)},
      {read_op(0x02, 40)},                         // short: incorrect length
      {read_op(0x42, 100)},                        // stacker 2, count longer: incorrect length, residual 20
      {read_op(0x82, 20, ccwf::kSuppressLength)},  // SLI: no incorrect length
      {control_op(0x03)},
      {control_op(0x23)},  // feed only: no card
      {control_op(0x01)},  // a write: command reject
      {read_op(0x04, 4)},
      {Op{0x02, ccwf::kChainData, {}, 30}, read_op(0x00, 50)},     // one card in two areas
      {Op{0x02, ccwf::kChainCommand, {}, 80}, read_op(0x02, 80)},  // the last two cards
      {read_op(0x02, 80)},                                         // the end of the file: unit exception
      {read_op(0x04, 4)},
  };
  std::vector<Outcome> got;
  for (size_t i = 0; i < programs.size(); i++) {
    CAPTURE(i);
    const Outcome real = io.exec(0x01C, programs[i]);
    const Outcome spooled = io.exec(0x00C, programs[i]);
    INFO("2540R: ", outcome_text(real), "; spooled: ", outcome_text(spooled));
    CHECK(spooled == real);
    got.push_back(spooled);
  }
  CHECK(q.done == std::vector<uint32_t>{3});
  // A few of those answers for themselves.
  const std::vector<u8> c2 = card(texts[1]), c3 = card(texts[2]), c4 = card(texts[3]), c5 = card(texts[4]);
  CHECK(got[3].channel == chan::kIncorrectLength);
  CHECK(got[3].areas[0] == std::vector<u8>(c2.begin(), c2.begin() + 40));
  CHECK(got[4].channel == chan::kIncorrectLength);
  CHECK(got[4].residual == 20);
  CHECK(std::vector<u8>(got[4].areas[0].begin(), got[4].areas[0].begin() + 80) == c3);
  CHECK(got[5].channel == 0);
  CHECK(got[5].areas[0] == std::vector<u8>(c4.begin(), c4.begin() + 20));
  CHECK(got[10].areas[0] == std::vector<u8>(c5.begin(), c5.begin() + 30));
  CHECK(got[10].areas[1] == std::vector<u8>(c5.begin() + 30, c5.end()));
  CHECK(got[11].areas[1] == card(texts[6]));
  CHECK(got[12].unit == (unit::kEnd | unit::kUnitException));
  CHECK(io.exec(0x00C, read_op(0xE4, 7)).areas[0] ==
        std::vector<u8>{0xFF, 0x28, 0x21, 0x01, 0x25, 0x40, 0x01});
  CHECK(io.exec(0x00C, control_op(0x01)).unit == (unit::kEnd | unit::kUnitCheck));
  CHECK(io.exec(0x00C, read_op(0x04, 4)).areas[0] == std::vector<u8>{0x80, 0, 0, 0});
}

// The whole path of a deck through the spool: punched by a guest, closed into the store for another user's
// reader, read there with `next` taking the first non-held file of the queue and `done` purging it.
TEST_CASE("Spool: a deck punched, spooled to a reader through the store, and read") {
  TempDir tmp;
  auto store = SpoolStore::open(tmp.file("spool.db"));
  Io io;
  SpoolWriter& pun = io.add(std::make_unique<SpoolWriter>(0x00D, SpoolWriter::Kind::Punch));
  io.exec(0x00D, Op{0x01, 0, card("DECK CARD 1"), 0});
  io.exec(0x00D, Op{0x01, 0, card("DECK CARD 2"), 0});
  SpoolFile held = plain("CMSUSER");
  held.hold = true;
  const uint32_t held_id = store->add(held, {{0x01, card("HELD")}});
  SpoolFile f = plain("CMSUSER");
  f.origin = "OPERATOR";
  const uint32_t id = store->add(f, pun.take());
  CHECK(store->get(id)->records == 2);

  auto next = [&]() -> std::optional<std::pair<SpoolFile, std::vector<SpoolRecord>>> {
    for (const SpoolFile& file : store->list("CMSUSER", Queue::Reader))
      if (!file.hold) return std::make_pair(file, store->records(file.id));
    return std::nullopt;
  };
  io.add(std::make_unique<SpoolReader>(0x00C, next, [&](uint32_t done) { store->remove(done); }));
  CHECK(io.exec(0x00C, read_op(0x02, 80)).areas[0] == card("DECK CARD 1"));
  CHECK(io.exec(0x00C, read_op(0x02, 80)).areas[0] == card("DECK CARD 2"));
  CHECK(store->get(id));
  CHECK(io.exec(0x00C, read_op(0x02, 80)).unit == (unit::kEnd | unit::kUnitException));
  CHECK(store->get(id) == std::nullopt);
  CHECK(ids(store->list("CMSUSER", Queue::Reader)) == std::vector<uint32_t>{held_id});
  CHECK((io.exec(0x00C, read_op(0x02, 80)).unit & unit::kUnitCheck) != 0);
}
