// The user directory: who may log on, with what storage and privilege
// classes, and which virtual devices each virtual machine gets
// (docs/vm370-reference.md 1.4). R6 compiled a USER DIRECT source deck
// with DIRECT; here the source is one JSON file:
//
//   {"version": 1,
//    "users": [
//     {"userid": "ALICE", "password": "PW", "privclass": "G",
//      "storage": "2M", "maxstorage": "8M", "ipl": "CMS",
//      "options": ["ECMODE"], "account": "ACCT1",
//      "devices": [
//       {"address": "009", "type": "console"},
//       {"address": "00C", "type": "reader", "class": "*"},
//       {"address": "191", "type": "minidisk", "volume": "USR001", "devtype": "3350",
//        "cylinder": 10, "cylinders": 5, "mode": "MR", "read": "ALL", "write": "WPW", "multi": "MPW"},
//       {"address": "190", "type": "link", "user": "MAINT", "to": "190", "mode": "RR"},
//       {"address": "0C0", "type": "graf"},
//       {"address": "181", "type": "dedicate", "real": "181"}]}]}
//
// Every field is checked when the file is loaded, and a mistake names the
// file, the entry and the field; an unknown field is refused, as a typo
// must not pass silently. Logon passwords are kept as Argon2id hashes: a
// plain-text password in the file is hashed on load and the file rewritten.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace cp {

struct DirectoryError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

enum class DevKind : uint8_t { Console, Reader, Punch, Printer, Minidisk, Link, Graf, Dedicate };

struct DeviceEntry {
  uint16_t address = 0;
  DevKind kind = DevKind::Console;
  char cls = 'A';  // spool class (reader may be '*')
  // Minidisk
  std::string volume, devtype = "3350";
  uint32_t cylinder = 0, cylinders = 0;
  std::string mode;                         // R RR W WR M MR MW
  std::string read_pw, write_pw, multi_pw;  // "" = absent (access refused to others), "ALL" = free
  // Link
  std::string user;      // link: owner userid
  uint16_t to = 0;       // link: owner's address
  std::string password;  // link: password given
  uint16_t real = 0;     // dedicate
  int model = 0;         // graf: the 3278 model, 2 to 5 (0: 2)
};

struct UserEntry {
  std::string userid;
  std::string password;                  // an Argon2id hash (after load), or "NOLOG"
  std::string privclass = "G";           // sorted unique letters
  uint32_t storage = 0, maxstorage = 0;  // bytes
  std::string ipl;                       // "" or e.g. "CMS", "190", "CMS PARM AUTOCR"
  std::vector<std::string> options;
  std::string account;
  std::vector<DeviceEntry> devices;
  bool nolog() const { return password == "NOLOG"; }
  // Whether `c` (either case) is one of the user's classes. A NOLOG user
  // keeps the classes written for it, though it can never use them.
  bool has_class(char c) const;
  const DeviceEntry* device(uint16_t address) const;
};

// The password of a minidisk that a LINK in `mode` needs: the multi-write
// one for M modes, the write one for W modes, else the read one ("" none:
// that access is refused to others; "ALL": no password needed).
inline const std::string& link_password(const DeviceEntry& md, const std::string& mode) {
  return !mode.empty() && mode[0] == 'M' ? md.multi_pw : !mode.empty() && mode[0] == 'W' ? md.write_pw : md.read_pw;
}

class Directory {
 public:
  // Parses and checks a directory file. Plain-text passwords are hashed (Argon2id via libsodium's crypto_pwhash_str,
  // OPSLIMIT_INTERACTIVE/MEMLIMIT_INTERACTIVE) in the returned Directory; if any were plain and `rewrite` is true the
  // file is rewritten with the hashes in their place (all other content and order kept; atomically: temp file in the
  // same folder, fsync, rename, fsync the folder; mode of the old file kept) so that the plain text does not stay on
  // disk. Throws DirectoryError.
  static Directory load(const std::string& path, bool rewrite = true);
  // The same checks on JSON text (no file); `name` is used in messages.
  static Directory parse(const std::string& text, const std::string& name);
  const UserEntry* find(std::string_view userid) const;  // case-insensitive
  const std::vector<UserEntry>& users() const;
  // True when `password` (as typed, case-insensitive as CP's are: compare upper-cased) matches the user's hash.
  // Always false for NOLOG. Takes the same time whether or not the user exists: call verify_dummy() for a user that
  // does not exist so that an attacker cannot tell.
  static bool verify(const UserEntry& u, std::string_view password);
  static void verify_dummy(std::string_view password);
  // Hash a password (upper-cased first).
  static std::string hash(std::string_view password);
  // Writes a new default directory at `path` for a first start, with random initial passwords (8 characters from
  // letters and digits, from libsodium's randombytes), written once in plain text to `passwords_path` created with
  // mode 0600 (and O_EXCL: never overwrite) as lines "USERID PASSWORD"; the directory itself holds only hashes.
  // Users: OPERATOR (ABCDEFG, 2M/16M), MAINT (ABCDEFG, 4M/16M, 190 and 191 on VMSYS1), USER1-USER3 (G, 2M/8M,
  // 191 on USR001, LINK MAINT 190 190 RR); each has console 009, reader 00C, punch 00D, printer 00E. The
  // directory is written atomically with mode 0600. An existing directory at `path` is not overwritten either
  // (DirectoryError): a first start must not destroy a directory someone wrote.
  static void write_default(const std::string& path, const std::string& passwords_path);

 private:
  std::vector<UserEntry> users_;
  std::map<std::string, size_t, std::less<>> index_;  // userid -> users_ index
};

// "512K" / "2M" -> bytes (throws std::invalid_argument), and back ("2M", "512K").
// A size is a whole number of K, a multiple of 4K, or of M; from 64K to 16M,
// the limits of a VM/370 virtual machine. The exception's message explains.
uint32_t parse_storage(std::string_view s);
// Whole megabytes as "nM", else "nK" (bytes below a whole K are dropped).
std::string format_storage(uint32_t bytes);

}  // namespace cp
