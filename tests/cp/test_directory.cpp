#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
// The user directory (cp/directory.h) and the volumes (cp/volumes.h): a
// full entry read back field by field, plain passwords hashed and the file
// rewritten without them, every kind of mistake refused with a message
// that names the entry and the field, garbage refused without a crash, the
// first-start directory, and volume images Hercules would accept.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <sstream>
#include <thread>

#include "cp/directory.h"
#include "cp/volumes.h"
#include "s370/channel/ckd_image.h"
#include "s370/channel/device.h"
#include "s370/channel/ebcdic.h"

namespace cp::test {

namespace {

namespace fs = std::filesystem;

// A fresh folder of its own for each test, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string t = (fs::temp_directory_path() / "cp_directory_tests.XXXXXX").string();
    REQUIRE(::mkdtemp(t.data()) != nullptr);
    path = t;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string operator/(const std::string& name) const { return (path / name).string(); }
};

std::string read_file(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

void write_file(const std::string& p, const std::string& text) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f << text;
}

// The example of the task, every field of every device kind.
const std::string kExample = R"({"version": 1,
 "users": [
  {"userid": "ALICE", "password": "PW", "privclass": "G",
   "storage": "2M", "maxstorage": "8M", "ipl": "CMS",
   "devices": [
    {"address": "009", "type": "console"},
    {"address": "00C", "type": "reader"},
    {"address": "00D", "type": "punch"},
    {"address": "00E", "type": "printer"},
    {"address": "191", "type": "minidisk", "volume": "USR001",
     "cylinder": 10, "cylinders": 5, "mode": "MR",
     "read": "RPW", "write": "WPW", "multi": "MPW"},
    {"address": "190", "type": "link", "user": "MAINT", "to": "190", "mode": "RR"}]},
  {"userid": "maint", "password": "NOLOG", "privclass": "gbae", "storage": "512K",
   "options": ["ECMODE", "realtimer"], "account": "ACT3",
   "ipl": "cms parm AUTOCR",
   "devices": [
    {"address": "9", "type": "console", "class": "t"},
    {"address": "00c", "type": "reader", "class": "*"},
    {"address": "190", "type": "minidisk", "volume": "vmsys1", "devtype": "3330",
     "cylinder": 0, "cylinders": 404, "read": "ALL"},
    {"address": "1A0", "type": "link", "user": "alice", "to": "191", "mode": "w", "password": "wpw"},
    {"address": "0C0", "type": "graf"},
    {"address": "181", "type": "dedicate", "real": "281"}]}]})";

// Parses `text` and returns the DirectoryError's message ("" if none).
std::string error_of(const std::string& text) {
  try {
    (void)Directory::parse(text, "directory.json");
  } catch (const DirectoryError& e) {
    return e.what();
  }
  return "";
}

// A directory of the given users (JSON objects), NOLOG so that nothing is
// hashed and each case stays fast.
std::string doc(const std::string& users) {
  return R"({"version": 1, "users": [)" + users + "]}";
}
std::string user(const std::string& userid, const std::string& extra = "", const std::string& devices = "") {
  return R"({"userid": ")" + userid + R"(", "password": "NOLOG", "storage": "1M")" + extra + R"(, "devices": [)" +
         devices + "]}";
}

}  // namespace

TEST_CASE("the example parses with every field") {
  const Directory d = Directory::parse(kExample, "directory.json");
  REQUIRE(d.users().size() == 2);

  const UserEntry* a = d.find("alice");
  REQUIRE(a != nullptr);
  CHECK(a == &d.users()[0]);
  CHECK(a->userid == "ALICE");
  CHECK(a->password.starts_with("$argon2id$"));
  CHECK_FALSE(a->nolog());
  CHECK(a->privclass == "G");
  CHECK(a->has_class('G'));
  CHECK(a->has_class('g'));
  CHECK_FALSE(a->has_class('A'));
  CHECK(a->storage == 2u * 1024 * 1024);
  CHECK(a->maxstorage == 8u * 1024 * 1024);
  CHECK(a->ipl == "CMS");
  CHECK(a->options.empty());
  CHECK(a->account.empty());
  REQUIRE(a->devices.size() == 6);
  CHECK(a->devices[0].kind == DevKind::Console);
  CHECK(a->devices[0].address == 0x009);
  CHECK(a->devices[0].cls == 'A');
  CHECK(a->devices[1].kind == DevKind::Reader);
  CHECK(a->devices[2].kind == DevKind::Punch);
  CHECK(a->devices[3].kind == DevKind::Printer);
  CHECK(a->devices[3].address == 0x00E);
  const DeviceEntry* md = a->device(0x191);
  REQUIRE(md != nullptr);
  CHECK(md->kind == DevKind::Minidisk);
  CHECK(md->volume == "USR001");
  CHECK(md->devtype == "3350");
  CHECK(md->cylinder == 10);
  CHECK(md->cylinders == 5);
  CHECK(md->mode == "MR");
  CHECK(md->read_pw == "RPW");
  CHECK(md->write_pw == "WPW");
  CHECK(md->multi_pw == "MPW");
  const DeviceEntry* ln = a->device(0x190);
  REQUIRE(ln != nullptr);
  CHECK(ln->kind == DevKind::Link);
  CHECK(ln->user == "MAINT");
  CHECK(ln->to == 0x190);
  CHECK(ln->mode == "RR");
  CHECK(ln->password.empty());
  CHECK(a->device(0x192) == nullptr);

  const UserEntry* m = d.find("MaInT");
  REQUIRE(m != nullptr);
  CHECK(m->nolog());
  CHECK(m->password == "NOLOG");
  CHECK(m->privclass == "ABEG");  // sorted, upper-cased
  CHECK(m->storage == 512u * 1024);
  CHECK(m->maxstorage == m->storage);  // defaults to storage
  CHECK(m->options == std::vector<std::string>{"ECMODE", "REALTIMER"});
  CHECK(m->account == "ACT3");
  CHECK(m->ipl == "CMS PARM AUTOCR");
  REQUIRE(m->devices.size() == 6);
  CHECK(m->devices[0].address == 0x009);
  CHECK(m->devices[0].cls == 'T');
  CHECK(m->devices[1].address == 0x00C);
  CHECK(m->devices[1].cls == '*');
  CHECK(m->devices[2].volume == "VMSYS1");
  CHECK(m->devices[2].devtype == "3330");
  CHECK(m->devices[2].cylinders == 404);
  CHECK(m->devices[2].mode == "W");  // the default
  CHECK(m->devices[2].read_pw == "ALL");
  CHECK(m->devices[2].write_pw.empty());
  CHECK(m->devices[2].multi_pw.empty());
  CHECK(m->devices[3].user == "ALICE");
  CHECK(m->devices[3].mode == "W");
  CHECK(m->devices[3].password == "WPW");
  CHECK(m->devices[4].kind == DevKind::Graf);
  CHECK(m->devices[4].address == 0x0C0);
  CHECK(m->devices[5].kind == DevKind::Dedicate);
  CHECK(m->devices[5].real == 0x281);

  CHECK(d.find("NOBODY") == nullptr);
  CHECK(d.find("") == nullptr);
}

TEST_CASE("plain passwords are hashed and the file rewritten without them") {
  TempDir dir;
  const std::string p = dir / "directory.json";
  write_file(p, kExample);
  REQUIRE(::chmod(p.c_str(), 0640) == 0);

  const Directory d1 = Directory::load(p);
  const std::string after = read_file(p);
  const std::string& h = d1.find("ALICE")->password;
  REQUIRE(h.starts_with("$argon2id$"));
  // Exactly the password token changed: the rest stays as written.
  std::string expect = kExample;
  const std::string token = R"("password": "PW")";
  REQUIRE(expect.find(token) != std::string::npos);
  expect.replace(expect.find(token), token.size(), R"("password": ")" + h + "\"");
  CHECK(after == expect);
  CHECK(after.find(token) == std::string::npos);
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0640);
  // No temporary file stays behind.
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);

  // A second load finds only hashes: nothing changes.
  const Directory d2 = Directory::load(p);
  CHECK(read_file(p) == after);
  CHECK(d2.find("ALICE")->password == h);
  CHECK(Directory::verify(*d2.find("ALICE"), "pw"));

  // Without `rewrite` the file keeps its plain text (and the result has the hashes all the same).
  const std::string q = dir / "keep.json";
  write_file(q, kExample);
  const Directory d3 = Directory::load(q, false);
  CHECK(read_file(q) == kExample);
  CHECK(d3.find("ALICE")->password.starts_with("$argon2id$"));
}

TEST_CASE("a byte order mark and escapes in keys do not mislead the rewrite") {
  TempDir dir;
  const std::string p = dir / "directory.json";
  const std::string text = "\xEF\xBB\xBF" + doc(R"({"userid": "BOB", "pass\u0077ord": "Secret1", "storage": "1M"},
      {"userid": "JOE", "storage": "1M", "password": "Other2"})");
  write_file(p, text);
  const Directory d = Directory::load(p);
  const std::string after = read_file(p);
  CHECK(after.starts_with(
      "\xEF\xBB\xBF{\"version\": 1, \"users\": [{\"userid\": \"BOB\", \"pass\\u0077ord\": \"$argon2id$"));
  CHECK(after.find("Secret1") == std::string::npos);
  CHECK(after.find("Other2") == std::string::npos);
  const Directory again = Directory::load(p);
  CHECK(Directory::verify(*again.find("BOB"), "SECRET1"));
  CHECK(Directory::verify(*again.find("JOE"), "other2"));
  CHECK(again.find("JOE")->password == d.find("JOE")->password);
}

TEST_CASE("a directory reached through a symbolic link is rewritten where it lies") {
  TempDir dir;
  write_file(dir / "real.json", kExample);
  fs::create_symlink(dir / "real.json", dir / "link.json");
  (void)Directory::load(dir / "link.json");
  CHECK(fs::is_symlink(dir / "link.json"));
  CHECK(read_file(dir / "real.json").find(R"("password": "PW")") == std::string::npos);
}

TEST_CASE("verify: right, wrong, either case; NOLOG never") {
  const Directory d = Directory::parse(kExample, "directory.json");
  const UserEntry& a = *d.find("ALICE");
  CHECK(Directory::verify(a, "PW"));
  CHECK(Directory::verify(a, "pw"));
  CHECK(Directory::verify(a, "Pw"));
  CHECK_FALSE(Directory::verify(a, "PX"));
  CHECK_FALSE(Directory::verify(a, ""));
  CHECK_FALSE(Directory::verify(a, "PW "));
  const UserEntry& m = *d.find("MAINT");
  CHECK_FALSE(Directory::verify(m, "NOLOG"));
  CHECK_FALSE(Directory::verify(m, ""));
  Directory::verify_dummy("ANYTHING");  // must simply return

  const std::string h = Directory::hash("secret");
  CHECK(h.starts_with("$argon2id$"));
  CHECK(h != Directory::hash("SECRET"));  // salted
  UserEntry u;
  u.password = h;
  CHECK(Directory::verify(u, "SECRET"));
  CHECK_FALSE(Directory::verify(u, "SECRE"));
  // A hash in the file is taken as it is, and verifies.
  const Directory d2 =
      Directory::parse(doc(R"({"userid": "BOB", "password": ")" + h + R"(", "storage": "1M"})"), "directory.json");
  CHECK(d2.find("BOB")->password == h);
  CHECK(Directory::verify(*d2.find("BOB"), "Secret"));
}

TEST_CASE("every kind of mistake is refused, naming the entry and the field") {
  struct Case {
    const char* what;
    std::string text;
    std::vector<std::string> expect;  // substrings of the message
  };
  const std::string con = R"({"address": "009", "type": "console"})";
  const std::string md =
      R"({"address": "191", "type": "minidisk", "volume": "USR001", "cylinder": 10, "cylinders": 5})";
  const Case cases[] = {
      {"bad userid", doc(user("TOOLONGID")), {"directory.json: user 1: field \"userid\"", "not a userid"}},
      {"userid with a blank", doc(user("A B")), {"user 1: field \"userid\""}},
      {"userid missing", doc(R"({"password": "NOLOG"})"), {"user 1: field \"userid\"", "missing"}},
      {"duplicate userid",
       doc(user("ALICE") + "," + user("alice")),
       {"user 2 (ALICE): field \"userid\"", "also user 1"}},
      {"bad storage",
       doc(R"({"userid": "BOB", "password": "NOLOG", "storage": "3Q"})"),
       {R"(directory.json: user 1 (BOB): field "storage": "3Q" is not a size like 512K or 2M)"}},
      {"storage not a multiple of 4K",
       doc(R"({"userid": "BOB", "password": "X", "storage": "66K"})"),
       {"user 1 (BOB): field \"storage\"", "multiple of 4K"}},
      {"storage too large",
       doc(R"({"userid": "BOB", "password": "X", "storage": "32M"})"),
       {"user 1 (BOB): field \"storage\"", "more than 16M"}},
      {"storage missing", doc(R"({"userid": "BOB", "password": "X"})"), {"user 1 (BOB): field \"storage\"", "missing"}},
      {"maxstorage < storage",
       doc(R"({"userid": "BOB", "password": "X", "storage": "2M", "maxstorage": "1M"})"),
       {"user 1 (BOB): field \"maxstorage\"", "less than"}},
      {"bad address",
       doc(user("BOB", "", R"({"address": "1000", "type": "console"})")),
       {"user 1 (BOB): device 1: field \"address\"", "\"1000\""}},
      {"address not hex",
       doc(user("BOB", "", R"({"address": "19G", "type": "console"})")),
       {"user 1 (BOB): device 1: field \"address\""}},
      {"duplicate address",
       doc(user("BOB", "", con + R"(, {"address": "9", "type": "reader"})")),
       {"user 1 (BOB): device 2 (009): field \"address\"", "twice"}},
      {"unknown type",
       doc(user("BOB", "", R"({"address": "181", "type": "tape"})")),
       {"user 1 (BOB): device 1 (181): field \"type\"", "\"tape\""}},
      {"unknown user field", doc(user("BOB", R"(, "pasword": "X")")), {"user 1 (BOB): field \"pasword\"", "unknown"}},
      {"field of another device type",
       doc(user("BOB", "", R"({"address": "009", "type": "console", "volume": "X"})")),
       {"user 1 (BOB): device 1 (009): field \"volume\"", "unknown"}},
      {"unknown top-level field", R"({"version": 1, "users": [], "extra": 1})", {"field \"extra\"", "unknown"}},
      {"key given twice",
       doc(R"({"userid": "BOB", "password": "NOLOG", "storage": "1M", "storage": "2M"})"),
       {"user 1 (BOB): field \"storage\"", "twice"}},
      {"device key given twice",
       doc(user("BOB", "", R"({"address": "009", "type": "console", "type": "reader"})")),
       {"user 1 (BOB): device 1: field \"type\"", "twice"}},
      {"minidisk beyond the volume",
       doc(user("BOB", "",
                R"({"address": "191", "type": "minidisk", "volume": "USR001", "cylinder": 550, "cylinders": 10})")),
       {"user 1 (BOB): device 1 (191): field \"cylinders\"", "beyond the 555 cylinders of a 3350"}},
      {"minidisk beyond a 3330",
       doc(user("BOB", "",
                R"({"address": "191", "type": "minidisk", "volume": "X", "devtype": "3330", "cylinder": 404,
                    "cylinders": 1})")),
       {"device 1 (191): field \"cylinder\"", "404 cylinders of a 3330"}},
      {"minidisk of no cylinders",
       doc(user("BOB", "", R"({"address": "191", "type": "minidisk", "volume": "X", "cylinder": 1, "cylinders": 0})")),
       {"device 1 (191): field \"cylinders\""}},
      {"negative cylinder",
       doc(user("BOB", "", R"({"address": "191", "type": "minidisk", "volume": "X", "cylinder": -1, "cylinders": 1})")),
       {"device 1 (191): field \"cylinder\""}},
      {"cylinder not a whole number",
       doc(user("BOB", "",
                R"({"address": "191", "type": "minidisk", "volume": "X", "cylinder": 1.5, "cylinders": 1})")),
       {"device 1 (191): field \"cylinder\"", "whole number"}},
      {"bad volume serial",
       doc(user("BOB", "",
                R"({"address": "191", "type": "minidisk", "volume": "../ETC", "cylinder": 1, "cylinders": 1})")),
       {"device 1 (191): field \"volume\""}},
      {"unknown disk type",
       doc(user("BOB", "", R"({"address": "191", "type": "minidisk", "volume": "X", "devtype": "3390", "cylinder": 1,
                              "cylinders": 1})")),
       {"device 1 (191): field \"devtype\"", "3390"}},
      {"bad minidisk mode",
       doc(user("BOB", "", R"({"address": "191", "type": "minidisk", "volume": "X", "cylinder": 1,
                                                   "cylinders": 1, "mode": "RW"})")),
       {"device 1 (191): field \"mode\"", "\"RW\""}},
      {"bad link mode",
       doc(user("BOB", "", R"({"address": "190", "type": "link", "user": "M", "to": "190", "mode": "X"})")),
       {"device 1 (190): field \"mode\""}},
      {"link without user",
       doc(user("BOB", "", R"({"address": "190", "type": "link", "to": "190", "mode": "RR"})")),
       {"user 1 (BOB): device 1 (190): field \"user\"", "missing"}},
      {"link without to",
       doc(user("BOB", "", R"({"address": "190", "type": "link", "user": "M", "mode": "RR"})")),
       {"device 1 (190): field \"to\"", "missing"}},
      {"overlapping minidisks of one user",
       doc(user(
           "BOB", "",
           md + R"(, {"address": "192", "type": "minidisk", "volume": "USR001", "cylinder": 14, "cylinders": 2})")),
       {"user 1 (BOB): device 2 (192): field \"cylinder\"", "overlap device 1 (191)"}},
      {"one volume as two device types",
       doc(user("BOB", "", md) + "," +
           user("JOE", "",
                R"({"address": "191", "type": "minidisk", "volume": "USR001", "devtype": "3330", "cylinder": 1,
                    "cylinders": 1})")),
       {"user 2 (JOE): device 1 (191): field \"devtype\"", "is a 3350 in"}},
      {"two consoles",
       doc(user("BOB", "", con + R"(, {"address": "01F", "type": "console"})")),
       {"device 2 (01F): field \"type\"", "one console"}},
      {"printer of class *",
       doc(user("BOB", "", R"({"address": "00E", "type": "printer", "class": "*"})")),
       {"device 1 (00E): field \"class\""}},
      {"reader class of two letters",
       doc(user("BOB", "", R"({"address": "00C", "type": "reader", "class": "AB"})")),
       {"device 1 (00C): field \"class\""}},
      {"dedicate without real",
       doc(user("BOB", "", R"({"address": "181", "type": "dedicate"})")),
       {"device 1 (181): field \"real\"", "missing"}},
      {"bad privclass", doc(user("BOB", R"(, "privclass": "GZ")")), {"user 1 (BOB): field \"privclass\""}},
      {"empty privclass", doc(user("BOB", R"(, "privclass": "")")), {"user 1 (BOB): field \"privclass\""}},
      {"unknown option",
       doc(user("BOB", R"(, "options": ["ECMODE", "ISAM"])")),
       {"user 1 (BOB): field \"options\"", "\"ISAM\""}},
      {"account too long", doc(user("BOB", R"(, "account": "123456789")")), {"user 1 (BOB): field \"account\""}},
      {"bad ipl", doc(user("BOB", R"(, "ipl": "CMS PARAM X")")), {"user 1 (BOB): field \"ipl\""}},
      {"password too long",
       doc(R"({"userid": "BOB", "password": "SECRETPASS", "storage": "1M"})"),
       {"user 1 (BOB): field \"password\""}},
      {"password missing",
       doc(R"({"userid": "BOB", "storage": "1M"})"),
       {"user 1 (BOB): field \"password\"", "missing"}},
      {"bad hash",
       doc(R"({"userid": "BOB", "password": "$argon2id$v=19$garbage", "storage": "1M"})"),
       {"user 1 (BOB): field \"password\"", "Argon2id"}},
      {"bad minidisk password",
       doc(user("BOB", "", R"({"address": "191", "type": "minidisk", "volume": "X", "cylinder": 1, "cylinders": 1,
                              "read": "TOO LONG PW"})")),
       {"device 1 (191): field \"read\""}},
      {"cylinder beyond any number",
       doc(user("BOB", "", R"({"address": "191", "type": "minidisk", "volume": "X", "cylinder": 18446744073709551615,
                              "cylinders": 1})")),
       {"device 1 (191): field \"cylinder\"", "beyond"}},
      {"version zero", R"({"version": 0, "users": []})", {"field \"version\"", "not a version number"}},
      {"version missing", R"({"users": []})", {"directory.json: field \"version\"", "missing"}},
      {"version newer", R"({"version": 2, "users": []})", {"directory.json: field \"version\"", "newer"}},
      {"version not a number", R"({"version": "1", "users": []})", {"field \"version\""}},
      {"not JSON", R"({"version": 1, "users": [)", {"directory.json: not valid JSON", "line 1"}},
      {"not an object", R"([1, 2])", {"directory.json: not a JSON object"}},
      {"users missing", R"({"version": 1})", {"field \"users\"", "missing"}},
      {"users not an array",
       R"({"version": 1, "users": {"userid": "BOB"}})",
       {"directory.json: field \"users\"", "not an array"}},
      {"user not an object", doc("\"BOB\""), {"directory.json: user 1: ", "not an object"}},
      {"device not an object", doc(user("BOB", "", "\"009\"")), {"user 1 (BOB): device 1: ", "not an object"}},
  };
  std::set<std::string> messages;
  for (const Case& c : cases) {
    CAPTURE(c.what);
    const std::string m = error_of(c.text);
    CAPTURE(m);
    REQUIRE_FALSE(m.empty());
    for (const std::string& s : c.expect) CHECK(m.find(s) != std::string::npos);
    messages.insert(m);
  }
  CHECK(messages.size() == std::size(cases));  // each its own message

  // A rejected plain password is never repeated in the message.
  CHECK(error_of(doc(R"({"userid": "BOB", "password": "SECRETPASS", "storage": "1M"})")).find("SECRETPASS") ==
        std::string::npos);
}

TEST_CASE("what R6 allowed is allowed") {
  // Two users' minidisks may overlap on one volume.
  const std::string md =
      R"({"address": "191", "type": "minidisk", "volume": "USR001", "cylinder": 10, "cylinders": 5})";
  const Directory d = Directory::parse(doc(user("BOB", "", md) + "," + user("JOE", "", md)), "directory.json");
  CHECK(d.users().size() == 2);
  // A NOLOG user needs no storage; a link may name a user not in the
  // directory (CP resolved it at logon); one user's minidisks on different
  // volumes or side by side do not overlap.
  const Directory e = Directory::parse(doc(R"({"userid": "$ALLOC$", "password": "nolog", "devices": [
             {"address": "101", "type": "minidisk", "volume": "VM50-1", "cylinder": 0, "cylinders": 1, "mode": "R"},
             {"address": "102", "type": "minidisk", "volume": "VM50-1", "cylinder": 1, "cylinders": 554, "mode": "R"},
             {"address": "103", "type": "minidisk", "volume": "OTHER", "cylinder": 0, "cylinders": 1},
             {"address": "190", "type": "link", "user": "NOSUCH", "to": "190", "mode": "RR"}]})"),
                                       "directory.json");
  const UserEntry& a = *e.find("$alloc$");
  CHECK(a.nolog());
  CHECK(a.storage == 0);
  CHECK(a.devices.size() == 4);
  // An empty directory is a directory.
  CHECK(Directory::parse(R"({"version": 1, "users": []})", "x").users().empty());
}

TEST_CASE("a truncated or garbage file is refused without a crash") {
  // Every strict prefix of the example.
  for (size_t n = 0; n < kExample.size(); n++) {
    CAPTURE(n);
    const std::string m = error_of(kExample.substr(0, n));
    CHECK(m.find("directory.json: ") == 0);
  }
  // Random bytes, and random bytes spliced into the example (made NOLOG,
  // since the splices that still parse would each cost a hash).
  std::string example = kExample;
  example.replace(example.find(R"("PW")"), 4, R"("NOLOG")");
  std::mt19937 rng(370);
  for (int i = 0; i < 300; i++) {
    std::string s(rng() % 200, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    CHECK(error_of(s).find("directory.json: ") == 0);
    std::string t = example;
    t[rng() % t.size()] = static_cast<char>(rng());
    try {
      (void)Directory::parse(t, "directory.json");
    } catch (const DirectoryError&) {
    }
  }
  // Deep nesting, at the top and inside a user's devices.
  const size_t deep = 100000;
  CHECK_FALSE(error_of(std::string(deep, '[') + std::string(deep, ']')).empty());
  const std::string nested = doc(user("BOB", "", std::string(deep, '[') + std::string(deep, ']')));
  CHECK(error_of(nested).find("user 1 (BOB): device 1: ") != std::string::npos);
  const std::string nested_field = doc(user("BOB", R"(, "x": )" + std::string(deep, '[') + std::string(deep, ']')));
  CHECK(error_of(nested_field).find("field \"x\"") != std::string::npos);

  TempDir dir;
  write_file(dir / "garbage.json", std::string("\x00\xff{\"version\"", 12));
  CHECK_THROWS_WITH_AS(Directory::load(dir / "garbage.json"), doctest::Contains("garbage.json: not valid JSON"),
                       DirectoryError);
  write_file(dir / "empty.json", "");
  CHECK_THROWS_AS(Directory::load(dir / "empty.json"), DirectoryError);
  CHECK_THROWS_WITH_AS(Directory::load(dir / "missing.json"), doctest::Contains("missing.json: cannot read"),
                       DirectoryError);
}

TEST_CASE("write_default: a first-start directory, its passwords once, never overwritten") {
  TempDir dir;
  const std::string p = dir / "directory.json", pw = dir / "passwords";
  Directory::write_default(p, pw);

  struct stat st {};
  REQUIRE(::stat(pw.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);
  REQUIRE(::stat(p.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0600);

  const std::string before = read_file(p);
  CHECK(before.find("$argon2id$") != std::string::npos);
  const Directory d = Directory::load(p);
  CHECK(read_file(p) == before);  // only hashes: nothing to rewrite

  std::istringstream lines(read_file(pw));
  std::string userid, password;
  std::vector<std::string> ids;
  while (lines >> userid >> password) {
    CAPTURE(userid);
    ids.push_back(userid);
    CHECK(password.size() == 8);
    CHECK(password.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") == std::string::npos);
    CHECK(before.find(password) == std::string::npos);  // never in the directory
    const UserEntry* u = d.find(userid);
    REQUIRE(u != nullptr);
    CHECK(Directory::verify(*u, password));
    std::string lower = password;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    CHECK(Directory::verify(*u, lower));
    CHECK_FALSE(Directory::verify(*u, password + "X"));
  }
  CHECK(ids == std::vector<std::string>{"OPERATOR", "MAINT", "USER1", "USER2", "USER3"});
  REQUIRE(d.users().size() == 5);

  for (const UserEntry& u : d.users()) {
    CAPTURE(u.userid);
    CHECK(u.device(0x009) != nullptr);
    CHECK(u.device(0x009)->kind == DevKind::Console);
    CHECK(u.device(0x00C)->kind == DevKind::Reader);
    CHECK(u.device(0x00D)->kind == DevKind::Punch);
    CHECK(u.device(0x00E)->kind == DevKind::Printer);
  }
  const UserEntry& op = *d.find("OPERATOR");
  CHECK(op.privclass == "ABCDEFG");
  CHECK(op.storage == 2u << 20);
  CHECK(op.maxstorage == 16u << 20);
  const UserEntry& maint = *d.find("MAINT");
  CHECK(maint.privclass == "ABCDEFG");
  CHECK(maint.storage == 4u << 20);
  CHECK(maint.maxstorage == 16u << 20);
  const DeviceEntry* m190 = maint.device(0x190);
  REQUIRE(m190 != nullptr);
  CHECK(m190->volume == "VMSYS1");
  CHECK(m190->cylinder == 1);
  CHECK(m190->cylinders == 20);
  CHECK(m190->mode == "MR");
  CHECK(m190->read_pw == "ALL");
  const DeviceEntry* m191 = maint.device(0x191);
  REQUIRE(m191 != nullptr);
  CHECK(m191->volume == "VMSYS1");
  CHECK(m191->cylinder == 21);
  CHECK(m191->cylinders == 5);
  CHECK(m191->read_pw.empty());
  for (int i = 0; i < 3; i++) {
    const UserEntry& u = *d.find("USER" + std::to_string(i + 1));
    CHECK(u.privclass == "G");
    CHECK(u.storage == 2u << 20);
    CHECK(u.maxstorage == 8u << 20);
    const DeviceEntry* md = u.device(0x191);
    REQUIRE(md != nullptr);
    CHECK(md->volume == "USR001");
    CHECK(md->cylinder == static_cast<uint32_t>(1 + 10 * i));
    CHECK(md->cylinders == 10);
    CHECK(md->mode == "MR");
    CHECK(md->read_pw.empty());
    const DeviceEntry* ln = u.device(0x190);
    REQUIRE(ln != nullptr);
    CHECK(ln->kind == DevKind::Link);
    CHECK(ln->user == "MAINT");
    CHECK(ln->to == 0x190);
    CHECK(ln->mode == "RR");
  }

  // An existing passwords file is never overwritten, nor an existing directory.
  const std::string pwtext = read_file(pw);
  CHECK_THROWS_AS(Directory::write_default(dir / "other.json", pw), DirectoryError);
  CHECK_FALSE(fs::exists(dir / "other.json"));
  CHECK(read_file(pw) == pwtext);
  CHECK_THROWS_AS(Directory::write_default(p, dir / "passwords2"), DirectoryError);
  CHECK_FALSE(fs::exists(dir / "passwords2"));
  CHECK(read_file(p) == before);
}

TEST_CASE("parse_storage and format_storage") {
  CHECK(parse_storage("512K") == 512u * 1024);
  CHECK(parse_storage("2M") == 2u * 1024 * 1024);
  CHECK(parse_storage("64K") == 64u * 1024);
  CHECK(parse_storage("16M") == 16u * 1024 * 1024);
  CHECK(parse_storage("16384K") == 16u * 1024 * 1024);
  CHECK(parse_storage("1m") == 1u << 20);
  CHECK(parse_storage("0002M") == 2u << 20);
  for (const char* bad : {"", "K", "M", "3Q", "2", "2MB", " 2M", "2M ", "-4K", "+4K", "66K", "60K", "0M", "17M",
                          "16388K", "99999999999M", "4.5M", "0x10M"}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(parse_storage(bad), std::invalid_argument);
  }
  CHECK_THROWS_WITH(parse_storage("3Q"), "\"3Q\" is not a size like 512K or 2M");
  CHECK(format_storage(2u << 20) == "2M");
  CHECK(format_storage(512u * 1024) == "512K");
  CHECK(format_storage(1536u * 1024) == "1536K");
  CHECK(format_storage(16u << 20) == "16M");
  CHECK(format_storage(64u * 1024) == "64K");
  for (const char* s : {"64K", "512K", "1M", "1540K", "16M"})
    CHECK(parse_storage(format_storage(parse_storage(s))) == parse_storage(s));
}

TEST_CASE("volumes: a labelled image Hercules and CkdImage accept") {
  TempDir dir;
  Volumes v(dir / "volumes");
  CHECK(fs::is_directory(dir / "volumes"));
  CHECK(v.list().empty());
  CHECK_FALSE(v.exists("USR001", "3350"));

  const std::string p = v.ensure("usr001", "3350");
  CHECK(p == dir / "volumes/USR001.3350");
  CHECK(v.path("USR001", "3350") == p);
  CHECK(v.exists("USR001", "3350"));
  CHECK(Volumes::read_label(p) == "USR001");

  const s370::io::CkdGeometry& g = *s370::io::ckd_geometry("3350");
  {
    const auto img = s370::io::CkdImage::open(p, g);
    CHECK(img->cylinders() == g.cylinders);
    // Track 0: R1 IPL1, R2 IPL2, R3 VOL1, keyed, as dasdinit writes them.
    std::vector<s370::u8> t(g.track_size);
    REQUIRE(img->read_track(0, t.data()));
    size_t pos = 5 + 16;
    for (const char* key : {"IPL1", "IPL2", "VOL1"}) {
      CAPTURE(key);
      CHECK(t[pos + 5] == 4);
      CHECK(s370::io::to_ascii(&t[pos + 8], 4) == key);
      pos += 8 + 4 + (t[pos + 6] << 8 | t[pos + 7]);
    }
    CHECK(std::all_of(&t[pos], &t[pos + 8], [](s370::u8 b) { return b == 0xFF; }));
    CHECK(s370::io::to_ascii(&t[pos - 80], 10) == "VOL1USR001");
  }
  {
    // A minidisk of it: USER1's 191, cylinders 1-10.
    const auto md = s370::io::CkdImage::open_extent(p, g, 1, 10, false);
    CHECK(md->cylinders() == 10);
    std::vector<s370::u8> t(g.track_size);
    REQUIRE(md->read_track(0, t.data()));
    CHECK((t[1] << 8 | t[2]) == 0);  // relocated: its own cylinder 0
    // Leave a mark on the volume, to see that a second ensure keeps it.
    const s370::u8 mark[4] = {0xC1, 0xC2, 0xC3, 0xC4};
    CHECK(md->write(3, 100, mark, 4));
  }
  struct stat st1 {};
  REQUIRE(::stat(p.c_str(), &st1) == 0);

  // Ensured again: the same file, untouched, the mark still there.
  CHECK(v.ensure("USR001", "3350") == p);
  struct stat st2 {};
  REQUIRE(::stat(p.c_str(), &st2) == 0);
  CHECK(st2.st_ino == st1.st_ino);
  CHECK(st2.st_mtim.tv_sec == st1.st_mtim.tv_sec);
  CHECK(st2.st_mtim.tv_nsec == st1.st_mtim.tv_nsec);
  CHECK(st2.st_size == st1.st_size);
  {
    const auto img = s370::io::CkdImage::open(p, g);
    std::vector<s370::u8> t(g.track_size);
    REQUIRE(img->read_track(1 * g.heads + 3, t.data()));
    CHECK(t[100] == 0xC1);
    CHECK(t[103] == 0xC4);
  }
  CHECK(Volumes::read_label(p) == "USR001");

  // A 3330 beside it, and things in the folder that are not volumes.
  const std::string p2 = Volumes(dir / "volumes").ensure("VM50-1", "3330");
  CHECK(Volumes::read_label(p2) == "VM50-1");
  CHECK(s370::io::CkdImage::open(p2, *s370::io::ckd_geometry("3330"))->cylinders() == 404);
  write_file(dir / "volumes/notes.txt", "hello");
  write_file(dir / "volumes/.USR002.3350.abcdef", "");
  write_file(dir / "volumes/lower.3350", "");
  fs::create_directory(dir / "volumes/SUB.3350");
  using List = std::vector<std::pair<std::string, std::string>>;
  CHECK(v.list() == List{{"USR001", "3350"}, {"VM50-1", "3330"}});

  // No label: a bare image; not an image at all.
  s370::io::CkdImage::create(dir / "bare.3350", g, 1);
  CHECK(Volumes::read_label(dir / "bare.3350") == "");
  CHECK_THROWS_AS(Volumes::read_label(dir / "volumes/notes.txt"), s370::io::DeviceError);
  CHECK_THROWS_AS(Volumes::read_label(dir / "nothing"), s370::io::DeviceError);

  // Names that cannot be volumes.
  CHECK_THROWS_WITH_AS(v.ensure("../X", "3350"), doctest::Contains("../X"), std::runtime_error);
  CHECK_THROWS_WITH_AS(v.ensure("TOOLONG", "3350"), doctest::Contains("TOOLONG"), std::runtime_error);
  CHECK_THROWS_WITH_AS(v.ensure("USR003", "3390"), doctest::Contains("USR003"), std::runtime_error);
}

TEST_CASE("volumes: two threads ensuring one volume make one image; ensure_all") {
  TempDir dir;
  Volumes v(dir / "volumes");
  std::string a, b;
  std::thread t1([&] { a = v.ensure("SHARED", "3330"); });
  std::thread t2([&] { b = v.ensure("SHARED", "3330"); });
  t1.join();
  t2.join();
  CHECK(a == b);
  CHECK(Volumes::read_label(a) == "SHARED");
  CHECK(std::distance(fs::directory_iterator(dir / "volumes"), fs::directory_iterator()) == 1);

  const Directory d = Directory::parse(
      doc(user("BOB", "",
               R"({"address": "191", "type": "minidisk", "volume": "SHARED", "devtype": "3330", "cylinder": 1,
                   "cylinders": 5},
                  {"address": "192", "type": "minidisk", "volume": "NEW01", "devtype": "3330", "cylinder": 1,
                   "cylinders": 5})")),
      "directory.json");
  v.ensure_all(d);
  using List = std::vector<std::pair<std::string, std::string>>;
  CHECK(v.list() == List{{"NEW01", "3330"}, {"SHARED", "3330"}});
  CHECK(Volumes::read_label(v.path("NEW01", "3330")) == "NEW01");
}

}  // namespace cp::test
