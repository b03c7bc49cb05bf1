// The user directory: the JSON file of directory.h, checked as DIRECT
// checked USER DIRECT, with Argon2id logon passwords.
#include "cp/directory.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <utility>

#include "s370/channel/ckd_image.h"

namespace cp {

namespace {

using nlohmann::json;

constexpr uint32_t kK = 1024, kM = 1024 * 1024;
constexpr uint64_t kVersion = 1;
constexpr std::string_view kHashPrefix = "$argon2id$";

// libsodium's own initialisation is idempotent and thread-safe; the static
// only saves repeating it.
void init_sodium() {
  static const int rc = sodium_init();
  if (rc < 0) throw DirectoryError("libsodium cannot be initialised");
}

std::string upper(std::string_view s) {
  std::string r(s);
  for (char& c : r)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return r;
}

// The characters of CP's names and passwords (after upper-casing).
bool name_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '@' || c == '#' || c == '$';
}

bool is_name(std::string_view s, size_t max) {
  return !s.empty() && s.size() <= max && std::all_of(s.begin(), s.end(), name_char);
}

// A volume serial may also hold a hyphen, as OS and CP labels did (VM50-1).
bool is_volser(std::string_view s) {
  return !s.empty() && s.size() <= 6 &&
         std::all_of(s.begin(), s.end(), [](char c) { return name_char(c) || c == '-'; });
}

std::string hex3(uint16_t a) {
  char b[8];
  std::snprintf(b, sizeof b, "%03X", a);
  return b;
}

// 1 to 3 hex digits, as CP's device addresses (cuu) are written.
bool parse_address(std::string_view s, uint16_t& out) {
  if (s.empty() || s.size() > 3) return false;
  unsigned v = 0;
  for (char c : s) {
    const int d = (c >= '0' && c <= '9')   ? c - '0'
                  : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                  : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                           : -1;
    if (d < 0) return false;
    v = v * 16 + static_cast<unsigned>(d);
  }
  out = static_cast<uint16_t>(v);
  return true;
}

// A value as it is shown in a message: as written in JSON, cut short. An
// array or object is only named: dumping one would recurse as deep as a
// hostile file nests them.
std::string show(const json& v) {
  if (v.is_array()) return "[...]";
  if (v.is_object()) return "{...}";
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 40) s = s.substr(0, 37) + "...";
  return s;
}

std::string join(const std::vector<std::string>& v) {
  std::string r;
  for (const std::string& s : v) r += (r.empty() ? "" : ", ") + s;
  return r;
}

// Where the text puts what the checks and the rewrite need and nlohmann's
// DOM does not keep: each user's "password" token (the rewrite replaces
// only those bytes, so the layout a person gave the file stays), and a key
// given twice in one object (the DOM keeps one of the two silently).
struct TextFacts {
  std::map<size_t, std::pair<size_t, size_t>> password;  // user index -> [begin, end) of the string token
  bool duplicate = false;
  long dup_user = -1, dup_device = -1;
  std::string dup_key;
};

// Runs over text nlohmann has already accepted, so it need not diagnose;
// it still never reads past the end. Only the levels that matter (top,
// users, devices) are walked by recursion: anything deeper is skipped by a
// loop, as a hostile file may nest a million brackets.
class TextScanner {
 public:
  explicit TextScanner(std::string_view t) : t_(t) {}
  TextFacts run() {
    if (t_.substr(0, 3) == "\xEF\xBB\xBF") p_ = 3;  // nlohmann skips a byte order mark too
    value(Ctx::Top, -1, -1);
    return std::move(facts_);
  }

 private:
  enum class Ctx { Top, Users, User, Devices, Device, Other };

  char at() const { return p_ < t_.size() ? t_[p_] : '\0'; }
  void ws() {
    while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\t' || t_[p_] == '\n' || t_[p_] == '\r')) p_++;
  }
  // Past the closing quote of the string token at p_.
  size_t string_end() const {
    size_t q = p_ + 1;
    while (q < t_.size() && t_[q] != '"') q += t_[q] == '\\' ? 2 : 1;
    return std::min(q + 1, t_.size());
  }

  void value(Ctx ctx, long user, long device) {
    ws();
    if (ctx != Ctx::Other && at() == '{') return object(ctx, user, device);
    if (ctx != Ctx::Other && at() == '[') return array(ctx, user);
    skip();
  }

  void object(Ctx ctx, long user, long device) {
    std::set<std::string> keys;
    p_++;
    ws();
    if (at() == '}') {
      p_++;
      return;
    }
    while (at() == '"') {
      const size_t b = p_;
      p_ = string_end();
      const std::string key = json::parse(t_.substr(b, p_ - b)).get<std::string>();
      ws();
      p_++;  // the colon
      ws();
      if (!keys.insert(key).second && !facts_.duplicate) {
        facts_.duplicate = true;
        facts_.dup_user = ctx == Ctx::User || ctx == Ctx::Device ? user : -1;
        facts_.dup_device = ctx == Ctx::Device ? device : -1;
        facts_.dup_key = key;
      }
      if (ctx == Ctx::User && key == "password" && at() == '"') {
        const size_t vb = p_;
        p_ = string_end();
        facts_.password[static_cast<size_t>(user)] = {vb, p_};
      } else {
        const Ctx child = ctx == Ctx::Top && key == "users"      ? Ctx::Users
                          : ctx == Ctx::User && key == "devices" ? Ctx::Devices
                                                                 : Ctx::Other;
        value(child, user, device);
      }
      ws();
      const char c = at();
      p_++;
      if (c != ',') return;
      ws();
    }
  }

  void array(Ctx ctx, long user) {
    p_++;
    ws();
    if (at() == ']') {
      p_++;
      return;
    }
    for (long i = 0; p_ < t_.size(); i++) {
      if (ctx == Ctx::Users)
        value(Ctx::User, i, -1);
      else if (ctx == Ctx::Devices)
        value(Ctx::Device, user, i);
      else
        value(Ctx::Other, user, -1);
      ws();
      const char c = at();
      p_++;
      if (c != ',') return;
    }
  }

  void skip() {
    size_t depth = 0;
    do {
      ws();
      const char c = at();
      if (c == '\0') return;
      if (c == '"') {
        p_ = string_end();
      } else if (c == '{' || c == '[') {
        depth++, p_++;
      } else if (c == '}' || c == ']') {
        depth--, p_++;
      } else if (c == ',' || c == ':') {
        p_++;
      } else {
        while (p_ < t_.size() && !std::strchr(",:]} \t\r\n", t_[p_])) p_++;
      }
    } while (depth > 0);
  }

  std::string_view t_;
  size_t p_ = 0;
  TextFacts facts_;
};

// The checks of one file, with the names its messages use.
class Checker {
 public:
  explicit Checker(const std::string& name) : name_(name) {}

  // A prefix naming an entry: "FILE", "FILE: user 2 (BOB)", "FILE: user 2 (BOB): device 3 (191)".
  std::string file() const { return name_; }
  std::string user_at(size_t i, const std::string& userid) const {
    return name_ + ": user " + std::to_string(i + 1) + (userid.empty() ? "" : " (" + userid + ")");
  }
  static std::string device_at(const std::string& user, size_t j, const std::string& addr) {
    return user + ": device " + std::to_string(j + 1) + (addr.empty() ? "" : " (" + addr + ")");
  }

  [[noreturn]] static void fail(const std::string& where, std::string_view field, const std::string& what) {
    throw DirectoryError(where + ": field \"" + std::string(field) + "\": " + what);
  }

  static const json* get(const json& obj, std::string_view key) {
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
  }
  static std::string need_string(const json& obj, std::string_view key, const std::string& where) {
    const json* v = get(obj, key);
    if (!v) fail(where, key, "missing");
    if (!v->is_string()) fail(where, key, show(*v) + " is not a string");
    return v->get<std::string>();
  }
  static uint64_t need_count(const json& obj, std::string_view key, const std::string& where, uint64_t min) {
    const json* v = get(obj, key);
    if (!v) fail(where, key, "missing");
    if (!v->is_number_integer()) fail(where, key, show(*v) + " is not a whole number");
    if (v->is_number_unsigned() && v->get<uint64_t>() >= min) return v->get<uint64_t>();
    fail(where, key, show(*v) + " is less than " + std::to_string(min));
  }
  static void only(const json& obj, const std::set<std::string_view>& allowed, const std::string& where,
                   const std::string& what) {
    for (const auto& [k, v] : obj.items())
      if (!allowed.count(k)) {
        std::vector<std::string> names(allowed.begin(), allowed.end());
        fail(where, k, "unknown (" + what + " has " + join(names) + ")");
      }
  }

 private:
  std::string name_;
};

// A password of a minidisk or given on a link: CP's 1 to 8 characters,
// upper-cased. The value is never shown in a message: logs would keep it.
std::string md_password(const json& dev, std::string_view key, const std::string& where) {
  const std::string pw = upper(Checker::need_string(dev, key, where));
  if (!is_name(pw, 8)) Checker::fail(where, key, "not 1 to 8 letters, digits, @, # or $");
  return pw;
}

// The LINK modes: the first letter is the access wanted (read, write,
// multiple write), the second the lesser access taken when that one is not
// to be had because someone else holds the disk.
bool is_mode(std::string_view m) {
  for (std::string_view ok : {"R", "RR", "W", "WR", "M", "MR", "MW"})
    if (m == ok) return true;
  return false;
}

// The device types of minidisks and volumes: those s370::io::CkdImage has.
const s370::io::CkdGeometry* geometry_of(const std::string& devtype) {
  return s370::io::ckd_geometry(devtype);
}

struct Extent {
  std::string volume;
  uint64_t first, count;
  std::string where;
};

struct VolumeUse {
  std::string devtype, where;
};

// `where` names the device in messages; its first `file_len` characters
// name the file, left out where a message mentions a second device.
DeviceEntry check_device(const json& dev, const std::string& where, size_t file_len,
                         std::map<std::string, VolumeUse>& volumes) {
  using C = Checker;
  DeviceEntry d;
  const std::string type = [&] {
    std::string t = C::need_string(dev, "type", where);
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  }();
  static constexpr std::pair<std::string_view, DevKind> kKinds[] = {
      {"console", DevKind::Console}, {"reader", DevKind::Reader},     {"punch", DevKind::Punch},
      {"printer", DevKind::Printer}, {"minidisk", DevKind::Minidisk}, {"link", DevKind::Link},
      {"graf", DevKind::Graf},       {"dedicate", DevKind::Dedicate}};
  const auto* k = std::find_if(std::begin(kKinds), std::end(kKinds), [&](const auto& p) { return p.first == type; });
  if (k == std::end(kKinds))
    C::fail(where, "type",
            show(dev["type"]) +
                " is not a device type (console, reader, punch, printer, minidisk, link, graf, "
                "dedicate)");
  d.kind = k->second;

  switch (d.kind) {
    case DevKind::Console:
    case DevKind::Reader:
    case DevKind::Punch:
    case DevKind::Printer: {
      C::only(dev, {"address", "type", "class"}, where, "a " + type);
      if (const json* c = C::get(dev, "class")) {
        // One spool class letter or digit; a reader of class * reads every
        // class, as SPOOL 00C 2540 READER * did.
        const std::string s = c->is_string() ? upper(c->get<std::string>()) : "";
        const bool ok = s.size() == 1 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= '0' && s[0] <= '9') ||
                                          (s[0] == '*' && d.kind == DevKind::Reader));
        if (!ok)
          C::fail(where, "class",
                  show(*c) + " is not a spool class (one of A-Z, 0-9" +
                      (d.kind == DevKind::Reader ? std::string(", or *)") : std::string(")")));
        d.cls = s[0];
      }
      break;
    }
    case DevKind::Graf:
      C::only(dev, {"address", "type", "model"}, where, "a graf");
      if (dev.contains("model")) {
        const json& m = dev["model"];
        if (!m.is_number_integer() || m.get<int>() < 2 || m.get<int>() > 5)
          C::fail(where, "model", show(m) + " is not a 3278 model (2 to 5)");
        d.model = m.get<int>();
      }
      break;
    case DevKind::Dedicate: {
      C::only(dev, {"address", "type", "real"}, where, "a dedicate");
      if (!parse_address(C::need_string(dev, "real", where), d.real))
        C::fail(where, "real", show(dev["real"]) + " is not a device address (1 to 3 hex digits)");
      break;
    }
    case DevKind::Minidisk: {
      C::only(dev, {"address", "type", "volume", "devtype", "cylinder", "cylinders", "mode", "read", "write", "multi"},
              where, "a minidisk");
      d.volume = upper(C::need_string(dev, "volume", where));
      if (!is_volser(d.volume))
        C::fail(where, "volume", show(dev["volume"]) + " is not a volume serial (1 to 6 letters, digits, $#@-)");
      if (C::get(dev, "devtype")) d.devtype = C::need_string(dev, "devtype", where);
      const s370::io::CkdGeometry* g = geometry_of(d.devtype);
      if (!g) C::fail(where, "devtype", show(dev["devtype"]) + " is not a disk this CP has (3330 or 3350)");
      const uint64_t first = C::need_count(dev, "cylinder", where, 0);
      const uint64_t count = C::need_count(dev, "cylinders", where, 1);
      if (first >= g->cylinders || count > g->cylinders - first)
        C::fail(where, first >= g->cylinders ? "cylinder" : "cylinders",
                "cylinders " + std::to_string(first) + " to " + std::to_string(first + count - 1) + " are beyond the " +
                    std::to_string(g->cylinders) + " cylinders of a " + g->name);
      d.cylinder = static_cast<uint32_t>(first);
      d.cylinders = static_cast<uint32_t>(count);
      // The owner's own access; CP wrote MDISK's mode out in full, and a
      // minidisk whose mode is left out is the owner's to write.
      d.mode = C::get(dev, "mode") ? upper(C::need_string(dev, "mode", where)) : "W";
      if (!is_mode(d.mode)) C::fail(where, "mode", show(dev["mode"]) + " is not one of R RR W WR M MR MW");
      if (C::get(dev, "read")) d.read_pw = md_password(dev, "read", where);
      if (C::get(dev, "write")) d.write_pw = md_password(dev, "write", where);
      if (C::get(dev, "multi")) d.multi_pw = md_password(dev, "multi", where);
      // One volume has one device type (its image is VOLSER.devtype).
      const auto [it, fresh] = volumes.try_emplace(d.volume, VolumeUse{d.devtype, where.substr(file_len)});
      if (!fresh && it->second.devtype != d.devtype)
        C::fail(
            where, "devtype",
            "volume " + d.volume + " is a " + it->second.devtype + " in " + it->second.where + ", not a " + d.devtype);
      break;
    }
    case DevKind::Link: {
      C::only(dev, {"address", "type", "user", "to", "mode", "password"}, where, "a link");
      d.user = upper(C::need_string(dev, "user", where));
      if (!is_name(d.user, 8))
        C::fail(where, "user", show(dev["user"]) + " is not a userid (1 to 8 letters, digits, @, # or $)");
      if (!parse_address(C::need_string(dev, "to", where), d.to))
        C::fail(where, "to", show(dev["to"]) + " is not a device address (1 to 3 hex digits)");
      d.mode = upper(C::need_string(dev, "mode", where));
      if (!is_mode(d.mode)) C::fail(where, "mode", show(dev["mode"]) + " is not one of R RR W WR M MR MW");
      if (C::get(dev, "password")) d.password = md_password(dev, "password", where);
      // The owner and its disk are not looked up here: CP resolved a
      // directory LINK at LOGON, and a missing one only failed that link.
      break;
    }
  }
  return d;
}

// IPL at logon: a device address or a saved system's name, then PARM and
// the text handed to the system (CP took up to 64 characters).
std::string check_ipl(const json& v, const std::string& where) {
  if (!v.is_string()) Checker::fail(where, "ipl", show(v) + " is not a string");
  const std::string s = v.get<std::string>();
  std::istringstream in(s);
  std::string name, parm;
  in >> name >> parm;
  name = upper(name);
  const std::string bad = show(v) + " is not a device address or system name (1 to 8 letters or digits), " +
                          "optionally followed by PARM and text";
  if (!is_name(name, 8)) Checker::fail(where, "ipl", bad);
  if (parm.empty()) return name;
  if (upper(parm) != "PARM") Checker::fail(where, "ipl", bad);
  std::string text;
  std::getline(in, text);
  text.erase(0, text.find_first_not_of(' '));
  if (text.empty() || text.size() > 64 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= ' ' && c <= '~'; }))
    Checker::fail(where, "ipl", "the PARM text must be 1 to 64 printable characters");
  return name + " PARM " + text;
}

UserEntry check_user(const json& u, const std::string& where, size_t file_len,
                     std::map<std::string, VolumeUse>& volumes, bool& plain) {
  using C = Checker;
  UserEntry e;
  e.userid = upper(C::need_string(u, "userid", where));
  C::only(u, {"userid", "password", "privclass", "storage", "maxstorage", "ipl", "options", "account", "devices"},
          where, "a user");

  // A password is NOLOG, a hash made before, or plain text to be hashed.
  const std::string pw = C::need_string(u, "password", where);
  plain = false;
  if (upper(pw) == "NOLOG") {
    e.password = "NOLOG";
  } else if (pw.starts_with(kHashPrefix)) {
    if (pw.size() >= crypto_pwhash_STRBYTES ||
        crypto_pwhash_str_needs_rehash(pw.c_str(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                                       crypto_pwhash_MEMLIMIT_INTERACTIVE) < 0)
      C::fail(where, "password", "is not a valid Argon2id hash");
    e.password = pw;
  } else {
    e.password = upper(pw);
    if (!is_name(e.password, 8))
      C::fail(where, "password", "not 1 to 8 letters, digits, @, # or $ (nor NOLOG, nor an Argon2id hash)");
    plain = true;
  }

  if (const json* v = C::get(u, "privclass")) {
    if (!v->is_string()) C::fail(where, "privclass", show(*v) + " is not a string");
    const std::string s = upper(v->get<std::string>());
    if (s.empty() || !std::all_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'H'; }))
      C::fail(where, "privclass", show(*v) + " is not one or more of the classes A to H");
    const std::set<char> letters(s.begin(), s.end());
    e.privclass.assign(letters.begin(), letters.end());
  }

  // Storage at logon and the most DEFINE STORAGE may ask for. A NOLOG user
  // never runs, so it may leave them out, as R6's "USER $ALLOC$ NOLOG".
  auto storage = [&](std::string_view key) {
    const std::string s = C::need_string(u, key, where);
    try {
      return parse_storage(s);
    } catch (const std::invalid_argument& x) {
      C::fail(where, key, x.what());
    }
  };
  if (C::get(u, "storage") || !e.nolog()) e.storage = storage("storage");
  e.maxstorage = C::get(u, "maxstorage") ? storage("maxstorage") : e.storage;
  if (e.maxstorage < e.storage)
    C::fail(where, "maxstorage",
            format_storage(e.maxstorage) + " is less than the storage " + format_storage(e.storage));

  if (const json* v = C::get(u, "ipl")) e.ipl = check_ipl(*v, where);

  if (const json* v = C::get(u, "options")) {
    if (!v->is_array()) C::fail(where, "options", show(*v) + " is not an array");
    for (const json& o : *v) {
      const std::string s = o.is_string() ? upper(o.get<std::string>()) : "";
      // The options this CP acts on; ISAM, VIRT=REAL and the rest are
      // refused rather than ignored, so that nobody relies on them.
      if (s != "ECMODE" && s != "REALTIMER") C::fail(where, "options", show(o) + " is not ECMODE or REALTIMER");
      if (std::find(e.options.begin(), e.options.end(), s) == e.options.end()) e.options.push_back(s);
    }
  }

  if (const json* v = C::get(u, "account")) {
    if (!v->is_string()) C::fail(where, "account", show(*v) + " is not a string");
    e.account = v->get<std::string>();
    if (e.account.empty() || e.account.size() > 8 ||
        !std::all_of(e.account.begin(), e.account.end(), [](char c) { return c > ' ' && c <= '~'; }))
      C::fail(where, "account", show(*v) + " is not 1 to 8 printable characters without blanks");
  }

  if (const json* v = C::get(u, "devices")) {
    if (!v->is_array()) C::fail(where, "devices", show(*v) + " is not an array");
    std::vector<Extent> extents;
    bool console = false;
    for (size_t j = 0; j < v->size(); j++) {
      const json& dev = (*v)[j];
      std::string dwhere = Checker::device_at(where, j, "");
      if (!dev.is_object()) throw DirectoryError(dwhere + ": " + show(dev) + " is not an object");
      uint16_t addr = 0;
      if (!parse_address(C::need_string(dev, "address", dwhere), addr))
        C::fail(dwhere, "address", show(dev["address"]) + " is not a device address (1 to 3 hex digits)");
      dwhere = Checker::device_at(where, j, hex3(addr));
      if (const DeviceEntry* other = e.device(addr))
        C::fail(dwhere, "address",
                hex3(addr) + " is given twice (device " + std::to_string(other - e.devices.data() + 1) + ")");
      DeviceEntry d = check_device(dev, dwhere, file_len, volumes);
      d.address = addr;
      // A virtual machine has one console, as the directory's CONSOLE.
      if (d.kind == DevKind::Console && std::exchange(console, true)) C::fail(dwhere, "type", "a user has one console");
      // Two users' minidisks may overlap, as real VM let them (sharing a
      // disk by hand, or by mistake); one user's own may not, since then
      // two of its disks would write one another's cylinders.
      if (d.kind == DevKind::Minidisk) {
        for (const Extent& x : extents)
          if (x.volume == d.volume && d.cylinder < x.first + x.count && x.first < d.cylinder + d.cylinders)
            C::fail(dwhere, "cylinder",
                    "cylinders " + std::to_string(d.cylinder) + " to " + std::to_string(d.cylinder + d.cylinders - 1) +
                        " of " + d.volume + " overlap " + x.where + " (cylinders " + std::to_string(x.first) + " to " +
                        std::to_string(x.first + x.count - 1) + ")");
        extents.push_back({d.volume, d.cylinder, d.cylinders, dwhere.substr(where.size() + 2)});
      }
      e.devices.push_back(std::move(d));
    }
  }
  return e;
}

// The whole check; `plain` receives, for each user whose password was
// plain text, its index. Hashing is left to the caller, after every check,
// so that a mistake is reported at once and not after seconds of hashing.
std::vector<UserEntry> check(const std::string& text, const std::string& name, TextFacts& facts,
                             std::vector<size_t>& plain) {
  const Checker c(name);
  json j;
  try {
    j = json::parse(text);
  } catch (const json::exception& x) {
    // nlohmann's message gives the line, column and what it expected.
    std::string what = x.what();
    if (what.starts_with("[json.exception.")) what.erase(0, what.find(']') + 2);
    throw DirectoryError(name + ": not valid JSON: " + what);
  }
  if (!j.is_object()) throw DirectoryError(name + ": not a JSON object {\"version\": 1, \"users\": [...]}");
  facts = TextScanner(text).run();

  const json* users = Checker::get(j, "users");
  auto userid_of = [&](size_t i) -> std::string {
    if (!users || !users->is_array() || i >= users->size() || !(*users)[i].is_object()) return "";
    const json* id = Checker::get((*users)[i], "userid");
    return id && id->is_string() ? upper(id->get<std::string>()) : "";
  };
  if (facts.duplicate) {
    std::string where = name;
    if (facts.dup_user >= 0) {
      const std::string id = userid_of(static_cast<size_t>(facts.dup_user));
      where = c.user_at(static_cast<size_t>(facts.dup_user), is_name(id, 8) ? id : "");
    }
    if (facts.dup_device >= 0) where = Checker::device_at(where, static_cast<size_t>(facts.dup_device), "");
    Checker::fail(where, facts.dup_key, "given twice");
  }

  const json* version = Checker::get(j, "version");
  if (!version) Checker::fail(name, "version", "missing (this CP reads version " + std::to_string(kVersion) + ")");
  if (!version->is_number_unsigned() || version->get<uint64_t>() < 1)
    Checker::fail(name, "version", show(*version) + " is not a version number");
  if (version->get<uint64_t>() > kVersion)
    Checker::fail(name, "version",
                  show(*version) + " is newer than this CP understands (" + std::to_string(kVersion) + ")");
  Checker::only(j, {"version", "users"}, name, "a directory");
  if (!users) Checker::fail(name, "users", "missing");
  if (!users->is_array()) Checker::fail(name, "users", show(*users) + " is not an array");

  std::vector<UserEntry> out;
  std::map<std::string, size_t> seen;
  std::map<std::string, VolumeUse> volumes;
  for (size_t i = 0; i < users->size(); i++) {
    const json& u = (*users)[i];
    const std::string userid = userid_of(i);
    const std::string where = c.user_at(i, is_name(userid, 8) ? userid : "");
    if (!u.is_object()) throw DirectoryError(where + ": " + show(u) + " is not an object");
    if (!Checker::get(u, "userid")) Checker::fail(where, "userid", "missing");
    if (!is_name(userid, 8))
      Checker::fail(where, "userid", show(u["userid"]) + " is not a userid (1 to 8 letters, digits, @, # or $)");
    if (const auto [it, fresh] = seen.try_emplace(userid, i); !fresh)
      Checker::fail(where, "userid", userid + " is also user " + std::to_string(it->second + 1));
    bool was_plain = false;
    out.push_back(check_user(u, where, name.size() + 2, volumes, was_plain));
    if (was_plain) plain.push_back(i);
  }
  return out;
}

bool write_all(int fd, std::string_view s) {
  while (!s.empty()) {
    const ssize_t n = ::write(fd, s.data(), s.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    s.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// Writes `text` to `path` so that a crash leaves either the old file or the
// new one whole: a temporary file in the same folder, flushed, renamed over
// the old one, and the folder flushed so that the rename itself persists.
void write_atomically(const std::string& path, const std::string& text, mode_t mode) {
  // A directory reached by a symbolic link is rewritten where it lies,
  // leaving the link in place.
  std::string target = path;
  if (char* real = ::realpath(path.c_str(), nullptr)) {
    target = real;
    std::free(real);
  }
  std::string folder = std::filesystem::path(target).parent_path().string();
  if (folder.empty()) folder = ".";
  std::vector<char> tmp(target.begin(), target.end());
  for (char c : std::string_view(".XXXXXX")) tmp.push_back(c);
  tmp.push_back('\0');
  auto fail = [&](const std::string& what) {
    return DirectoryError(path + ": cannot write " + what + ": " + std::strerror(errno));
  };
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw fail("a temporary file in " + folder);
  int err = ::fchmod(fd, mode) == 0 && write_all(fd, text) && ::fsync(fd) == 0 ? 0 : errno;
  if (::close(fd) != 0 && err == 0) err = errno;
  if (err == 0 && ::rename(tmp.data(), target.c_str()) != 0) err = errno;
  if (err) {
    ::unlink(tmp.data());
    errno = err;
    throw fail(std::string(tmp.data()));
  }
  const int dfd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) throw fail("(flush the folder " + folder + ")");
  const bool synced = ::fsync(dfd) == 0;
  ::close(dfd);
  if (!synced) throw fail("(flush the folder " + folder + ")");
}

// One JSON object on one line, in its own order, as people write them.
std::string line(const nlohmann::ordered_json& o) {
  std::string s = "{";
  for (const auto& [k, v] : o.items()) s += (s.size() > 1 ? ", " : "") + json(k).dump() + ": " + v.dump();
  return s + "}";
}

}  // namespace

bool UserEntry::has_class(char c) const {
  if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return privclass.find(c) != std::string::npos;
}

const DeviceEntry* UserEntry::device(uint16_t address) const {
  for (const DeviceEntry& d : devices)
    if (d.address == address) return &d;
  return nullptr;
}

Directory Directory::parse(const std::string& text, const std::string& name) {
  init_sodium();
  TextFacts facts;
  std::vector<size_t> plain;
  Directory d;
  d.users_ = check(text, name, facts, plain);
  for (size_t i : plain) d.users_[i].password = hash(d.users_[i].password);
  for (size_t i = 0; i < d.users_.size(); i++) d.index_.emplace(d.users_[i].userid, i);
  return d;
}

Directory Directory::load(const std::string& path, bool rewrite) {
  init_sodium();
  std::string text;
  struct stat st {};
  {
    std::ifstream in(path, std::ios::binary);
    if (!in || ::stat(path.c_str(), &st) != 0)
      throw DirectoryError(path + ": cannot read the directory: " + std::strerror(errno));
    std::ostringstream all;
    all << in.rdbuf();
    if (in.bad()) throw DirectoryError(path + ": cannot read the directory");
    text = std::move(all).str();
  }
  TextFacts facts;
  std::vector<size_t> plain;
  Directory d;
  d.users_ = check(text, path, facts, plain);
  for (size_t i : plain) d.users_[i].password = hash(d.users_[i].password);
  for (size_t i = 0; i < d.users_.size(); i++) d.index_.emplace(d.users_[i].userid, i);

  if (rewrite && !plain.empty()) {
    // Only the password tokens change, from the last to the first so that
    // the earlier positions still hold; the rest of the file stays byte
    // for byte as its author wrote it.
    std::string out = text;
    for (auto it = plain.rbegin(); it != plain.rend(); ++it) {
      const auto span = facts.password.find(*it);
      if (span == facts.password.end())
        throw DirectoryError(path + ": cannot find the password of user " + std::to_string(*it + 1) + " to hash it");
      const auto [b, e] = span->second;
      out.replace(b, e - b, json(d.users_[*it].password).dump());
    }
    write_atomically(path, out, st.st_mode & 07777);
  }
  return d;
}

const UserEntry* Directory::find(std::string_view userid) const {
  const auto it = index_.find(upper(userid));
  return it == index_.end() ? nullptr : &users_[it->second];
}

const std::vector<UserEntry>& Directory::users() const {
  return users_;
}

bool Directory::verify(const UserEntry& u, std::string_view password) {
  init_sodium();
  // A NOLOG user costs the same time as any other, so that a failed logon
  // does not tell which users exist to log on as.
  if (u.nolog()) {
    verify_dummy(password);
    return false;
  }
  const std::string p = upper(password);
  return u.password.size() < crypto_pwhash_STRBYTES &&
         crypto_pwhash_str_verify(u.password.c_str(), p.data(), p.size()) == 0;
}

void Directory::verify_dummy(std::string_view password) {
  init_sodium();
  // A hash of a random password nobody knows, made once with the limits
  // real users' hashes have, so that checking against it costs what theirs
  // do.
  static const std::string dummy = [] {
    unsigned char r[16];
    randombytes_buf(r, sizeof r);
    char hex[2 * sizeof r + 1];
    sodium_bin2hex(hex, sizeof hex, r, sizeof r);
    return hash(hex);
  }();
  const std::string p = upper(password);
  [[maybe_unused]] const int r = crypto_pwhash_str_verify(dummy.c_str(), p.data(), p.size());
}

std::string Directory::hash(std::string_view password) {
  init_sodium();
  const std::string p = upper(password);
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, p.data(), p.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                            crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw DirectoryError("cannot hash a password (out of memory)");
  return out;
}

void Directory::write_default(const std::string& path, const std::string& passwords_path) {
  init_sodium();
  struct stat st {};
  if (::lstat(path.c_str(), &st) == 0)
    throw DirectoryError(path + ": a directory exists already; the default one is only for a first start");

  const int pfd = ::open(passwords_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (pfd < 0) throw DirectoryError(passwords_path + ": cannot create the passwords file: " + std::strerror(errno));

  using OJ = nlohmann::ordered_json;
  auto spool = [](OJ& devs) {
    devs.push_back(OJ{{"address", "009"}, {"type", "console"}});
    devs.push_back(OJ{{"address", "00C"}, {"type", "reader"}});
    devs.push_back(OJ{{"address", "00D"}, {"type", "punch"}});
    devs.push_back(OJ{{"address", "00E"}, {"type", "printer"}});
  };
  auto mdisk = [](const char* addr, const char* vol, int cyl, int n, const char* read) {
    OJ d{{"address", addr}, {"type", "minidisk"}, {"volume", vol}, {"devtype", "3350"},
         {"cylinder", cyl}, {"cylinders", n},     {"mode", "MR"}};
    if (read) d["read"] = read;
    return d;
  };
  struct Def {
    const char* userid;
    const char* classes;
    const char* storage;
    const char* maxstorage;
    OJ devices;
    const char* ipl = nullptr;  // CMS for the users, as R6's directories had
  };
  std::vector<Def> defs;
  defs.push_back({"OPERATOR", "ABCDEFG", "2M", "16M", OJ::array()});
  defs.push_back({"MAINT", "ABCDEFG", "4M", "16M", OJ::array(), "CMS"});
  spool(defs[0].devices);
  spool(defs[1].devices);
  // MAINT's 190 is the system disk everyone links to read-only.
  defs[1].devices.push_back(mdisk("190", "VMSYS1", 1, 20, "ALL"));
  defs[1].devices.push_back(mdisk("191", "VMSYS1", 21, 5, nullptr));
  static const char* const kUsers[] = {"USER1", "USER2", "USER3"};
  for (int i = 0; i < 3; i++) {
    Def u{kUsers[i], "G", "2M", "8M", OJ::array(), "CMS"};
    spool(u.devices);
    u.devices.push_back(mdisk("191", "USR001", 1 + 10 * i, 10, nullptr));
    u.devices.push_back(OJ{{"address", "190"}, {"type", "link"}, {"user", "MAINT"}, {"to", "190"}, {"mode", "RR"}});
    defs.push_back(std::move(u));
  }

  // Passwords of 8 letters and digits; upper case only, since CP's
  // passwords are compared upper-cased anyway.
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::string plain_lines, text = "{\"version\": 1,\n \"users\": [";
  for (size_t i = 0; i < defs.size(); i++) {
    std::string pw;
    for (int k = 0; k < 8; k++) pw += kAlphabet[randombytes_uniform(sizeof kAlphabet - 1)];
    plain_lines += std::string(defs[i].userid) + " " + pw + "\n";
    OJ head{{"userid", defs[i].userid},
            {"password", hash(pw)},
            {"privclass", defs[i].classes},
            {"storage", defs[i].storage},
            {"maxstorage", defs[i].maxstorage}};
    if (defs[i].ipl) head["ipl"] = defs[i].ipl;
    std::string h = line(head);
    h.pop_back();
    text += std::string(i ? ",\n  " : "\n  ") + h + ",\n   \"devices\": [";
    for (size_t j = 0; j < defs[i].devices.size(); j++)
      text += std::string(j ? ",\n    " : "\n    ") + line(defs[i].devices[j]);
    text += "]}";
  }
  text += "]}\n";
  TextFacts facts;
  std::vector<size_t> plain;
  (void)check(text, path, facts, plain);  // what is written must load

  // The passwords first: a crash before the directory is written leaves a
  // file that the next first start refuses to overwrite, not a directory
  // whose passwords nobody was told.
  int err = ::fchmod(pfd, 0600) == 0 && write_all(pfd, plain_lines) && ::fsync(pfd) == 0 ? 0 : errno;
  if (::close(pfd) != 0 && err == 0) err = errno;
  sodium_memzero(plain_lines.data(), plain_lines.size());
  if (err) {
    ::unlink(passwords_path.c_str());
    throw DirectoryError(passwords_path + ": cannot write the passwords file: " + std::strerror(err));
  }
  try {
    write_atomically(path, text, 0600);
  } catch (...) {
    ::unlink(passwords_path.c_str());
    throw;
  }
}

uint32_t parse_storage(std::string_view s) {
  const std::string q = show(json(std::string(s)));
  const auto bad = [&](const std::string& why) { return std::invalid_argument(q + " " + why); };
  if (s.size() < 2 || s.size() > 9 || !std::all_of(s.begin(), s.end() - 1, [](char c) { return c >= '0' && c <= '9'; }))
    throw bad("is not a size like 512K or 2M");
  const uint64_t n = std::stoull(std::string(s.substr(0, s.size() - 1)));
  uint64_t bytes = 0;
  switch (s.back()) {
    case 'K':
    case 'k':
      // CP gives storage in whole 4K pages.
      if (n % 4 != 0) throw bad("is not a multiple of 4K");
      bytes = n * kK;
      break;
    case 'M':
    case 'm':
      bytes = n * kM;
      break;
    default:
      throw bad("is not a size like 512K or 2M");
  }
  // A virtual machine of R6 ran in 64K to 16M: 24-bit addresses, and the
  // smallest storage CMS or a small OS could use.
  if (bytes < 64 * kK) throw bad("is less than 64K");
  if (bytes > 16 * kM) throw bad("is more than 16M");
  return static_cast<uint32_t>(bytes);
}

std::string format_storage(uint32_t bytes) {
  if (bytes != 0 && bytes % kM == 0) return std::to_string(bytes / kM) + "M";
  return std::to_string(bytes / kK) + "K";
}

}  // namespace cp
