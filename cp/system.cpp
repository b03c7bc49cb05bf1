// The time-sharing system (system.h; docs/CP.md, "The system"): the data
// folder, logon and logoff, the sessions, the users' virtual machines and
// their devices, spool delivery. The commands are in commands.cpp.
#include "cp/system.h"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "cp/text.h"
#include "cp/user.h"
#include "s370/channel/cards2540.h"
#include "s370/channel/ckd_image.h"
#include "s370/channel/dasd.h"
#include "s370/channel/display3270.h"
#include "s370/channel/ebcdic.h"

namespace cp {

namespace fs = std::filesystem;

namespace {

using text::hex3;
using text::pad;
using text::upper;
using text::words;

// CP's "hh:mm:ss ZONE WEEKDAY mm/dd/yy" (LOGON AT, LOGOFF AT, TIME IS), in
// the host's local time zone.
std::string stamp(std::time_t t) {
  std::tm tm{};
  localtime_r(&t, &tm);
  char zone[16], day[16], rest[32];
  std::strftime(zone, sizeof zone, "%Z", &tm);
  std::strftime(day, sizeof day, "%A", &tm);
  std::strftime(rest, sizeof rest, "%H:%M:%S", &tm);
  char date[16];
  std::strftime(date, sizeof date, "%m/%d/%y", &tm);
  return std::string(rest) + " " + zone + " " + upper(day) + " " + date;
}

void write_file_synced(const std::string& path, const void* data, std::size_t n) {
  const std::string tmp = path + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
  const char* p = static_cast<const char*>(data);
  std::size_t done = 0;
  while (done < n) {
    const ssize_t w = ::write(fd, p + done, n - done);
    if (w <= 0) {
      ::close(fd);
      throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
    }
    done += static_cast<std::size_t>(w);
  }
  ::fsync(fd);
  ::close(fd);
  fs::rename(tmp, path);
  const int d = ::open(fs::path(path).parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (d >= 0) {
    ::fsync(d);
    ::close(d);
  }
}

constexpr int kMaxFailures = 5;          // wrong passwords in a row before a lock
constexpr std::int64_t kLockSeconds = 300;  // how long the userid stays locked
constexpr std::time_t kDisconnectedLimit = 15 * 60;
constexpr std::size_t kMaxFailureEntries = 10000;  // a stopped, disconnected machine is logged off

}  // namespace

// ---- The data folder ---------------------------------------------------------

System::System(SystemOptions options) : opt_(std::move(options)) {
  if (opt_.data.empty()) opt_.data = "vm370-data";
  std::error_code ec;
  fs::create_directories(opt_.data, ec);
  if (ec) throw std::runtime_error("cannot create the data folder " + opt_.data + ": " + ec.message());
  for (const char* sub : {"volumes", "printer", "punch"}) fs::create_directories(fs::path(opt_.data) / sub, ec);
  if (opt_.directory.empty()) opt_.directory = (fs::path(opt_.data) / "directory.json").string();
  const bool first_start = !fs::exists(opt_.directory);
  if (first_start) {
    // A first start: a directory with random initial passwords, written
    // once to a file only its owner can read.
    Directory::write_default(opt_.directory, (fs::path(opt_.data) / "initial-passwords.txt").string());
  }
  dir_ = std::make_unique<Directory>(Directory::load(opt_.directory, true));
  std::error_code e2;
  dir_stamp_ = std::to_string(fs::last_write_time(opt_.directory, e2).time_since_epoch().count());
  volumes_ = std::make_unique<Volumes>((fs::path(opt_.data) / "volumes").string());
  volumes_->ensure_all(*dir_);
  // A CMS build that cannot be installed (a damaged image, a full disk)
  // leaves the system without CMS, not without users: the operator is told.
  try {
    install_cms();
    if (first_start && !opt_.cms.empty()) format_new_a_disks();
  } catch (const std::exception& e) {
    say_operator(std::string("DMKCMS003E CMS NOT INSTALLED: ") + e.what());
  }
  try {
    install_gcp();
  } catch (const std::exception& e) {
    say_operator(std::string("DMKCMS004E GCP NOT INSTALLED: ") + e.what());
  }
  spool_ = SpoolStore::open((fs::path(opt_.data) / "spool.db").string());
  // The real devices CP may dedicate (optional): one line naming the file
  // and the problem when the configuration is wrong.
  const fs::path devices = fs::path(opt_.data) / "devices.json";
  if (fs::exists(devices)) {
    try {
      real_ = std::make_unique<s370::io::MachineConfig>(s370::io::read_config(devices.string()));
    } catch (const std::exception& e) {
      throw std::runtime_error(e.what());
    }
  }
  for (const SpoolFile& f : spool_->list_all(Queue::Reader)) seen_reader_.insert(f.id);

  // Accounting: one row per session, in its own database (a crash loses
  // nothing written: WAL with synchronous FULL).
  const std::string acct = (fs::path(opt_.data) / "accounting.db").string();
  if (sqlite3_open(acct.c_str(), &acct_) != SQLITE_OK)
    throw std::runtime_error("cannot open " + acct + ": " + sqlite3_errmsg(acct_));
  char* err = nullptr;
  if (sqlite3_exec(acct_,
                   "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                   "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
                   "INSERT OR IGNORE INTO meta VALUES('version','1');"
                   "CREATE TABLE IF NOT EXISTS sessions(userid TEXT, logon INTEGER, logoff INTEGER,"
                   " connect_s INTEGER, virtual_instructions INTEGER, total_instructions INTEGER, traps INTEGER);",
                   nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err ? err : "?";
    sqlite3_free(err);
    throw std::runtime_error("accounting database " + acct + ": " + m);
  }

  unsigned threads = opt_.threads ? opt_.threads : std::max(1u, std::thread::hardware_concurrency());
  disp_ = std::make_unique<Dispatcher>(threads);
  disp_->on_end = [this](Dispatcher::Id id, const s370::Psw& psw) {
    post([this, id, psw] {
      auto it = by_vm_.find(id);
      if (it != by_vm_.end()) vm_ended(*it->second, psw);
    });
  };
  disp_->on_hold = [this](Dispatcher::Id id) {
    post([this, id] {
      auto it = by_vm_.find(id);
      if (it != by_vm_.end()) vm_held(*it->second);
    });
  };
  thread_ = std::thread([this] { cp_thread(); });
  for (auto& t : checkers_) t = std::thread([this] { checker(); });
}

System::~System() {
  {
    std::lock_guard<std::mutex> lk(check_mu_);
    check_quit_ = true;
  }
  check_cv_.notify_all();
  for (auto& t : checkers_)
    if (t.joinable()) t.join();
  {
    std::lock_guard<std::mutex> lk(mu_);
    quit_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  // Whoever is still on: their machines stop before anything they use goes.
  for (auto& [id, u] : users_) disp_->remove(u->vmid);
  disp_.reset();
  users_.clear();
  if (acct_) sqlite3_close(acct_);
}

void System::post(std::function<void()> task) {
  {
    std::lock_guard<std::mutex> lk(mu_);
    if (quit_) return;
    tasks_.push_back(std::move(task));
  }
  cv_.notify_one();
}

void System::cp_thread() {
  auto next_tick = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock<std::mutex> lk(mu_);
      cv_.wait_until(lk, next_tick, [&] { return quit_ || !tasks_.empty(); });
      if (quit_) return;
      if (!tasks_.empty()) {
        task = std::move(tasks_.front());
        tasks_.pop_front();
      }
    }
    if (task) {
      try {
        task();
      } catch (const std::exception& e) {
        // A command that went wrong in a way nobody foresaw must not take
        // CP down: the operator hears of it.
        say_operator(std::string("DMKCPI999E CP ERROR: ") + e.what());
      }
    }
    if (std::chrono::steady_clock::now() >= next_tick) {
      next_tick = std::chrono::steady_clock::now() + std::chrono::seconds(1);
      try {
        tick();
        make_view();
      } catch (const std::exception& e) {
        say_operator(std::string("DMKCPI999E CP ERROR: ") + e.what());
      }
    }
  }
}

// Once a second: sleepers whose time is up, files that came to readers
// from outside (vm370 send), a directory changed on disk.
void System::tick() {
  const std::time_t now = std::time(nullptr);
  std::vector<User*> idle;
  for (auto& [id, u] : users_) {
    if (u->sleep_until && now >= u->sleep_until) wake_up(*u);
    // R6: a disconnected machine that stopped in CP (a disabled wait, CP
    // READ) is logged off after 15 minutes; one that runs, runs on.
    if (!u->termid && u->disconnected_at && u->cp_mode && u->userid != "OPERATOR" &&
        now - u->disconnected_at >= kDisconnectedLimit)
      idle.push_back(u.get());
  }
  for (User* u : idle) logoff(*u, true, "");
  // Failures are counted for any userid typed (so that a lock tells
  // nothing): locks that ran out are forgotten, and a flood of made-up
  // userids cannot grow the table without bound.
  for (auto it = failures_.begin(); it != failures_.end();)
    it = it->second.locked_until && it->second.locked_until <= now ? failures_.erase(it) : std::next(it);
  if (failures_.size() > kMaxFailureEntries)
    for (auto it = failures_.begin(); it != failures_.end();)
      it = it->second.locked_until ? std::next(it) : failures_.erase(it);
  for (const SpoolFile& f : spool_->list_all(Queue::Reader)) {
    if (seen_reader_.insert(f.id).second) notify_reader(f);
  }
  std::error_code ec;
  const std::string st = std::to_string(fs::last_write_time(opt_.directory, ec).time_since_epoch().count());
  if (!ec && st != dir_stamp_) {
    dir_stamp_ = st;
    reload_directory(false);
  }
}

void System::reload_directory(bool) {
  try {
    auto d = std::make_unique<Directory>(Directory::load(opt_.directory, true));
    volumes_->ensure_all(*d);
    dir_ = std::move(d);
    std::error_code ec;
    dir_stamp_ = std::to_string(fs::last_write_time(opt_.directory, ec).time_since_epoch().count());
    say_operator("DMKDIR470I DIRECTORY UPDATED");
  } catch (const std::exception& e) {
    // A malformed directory changes nothing: the system keeps the one it
    // had, and the operator is told what is wrong.
    say_operator(std::string("DMKDIR471E DIRECTORY NOT UPDATED: ") + e.what());
  }
}

// ---- Sessions and logon ------------------------------------------------------

System::TermId System::new_session(std::shared_ptr<Terminal> terminal, bool op,
                                   std::function<void(Session&)> then) {
  TermId id;
  {
    std::lock_guard<std::mutex> lk(mu_);
    id = next_term_++;
  }
  post([this, id, terminal, op, then = std::move(then)] {
    auto s = std::make_unique<Session>();
    s->id = id;
    s->term = terminal;
    s->operator_console = op;
    Session& ref = *s;
    sessions_[id] = std::move(s);
    then(ref);
  });
  return id;
}

System::TermId System::connect(std::shared_ptr<Terminal> terminal) {
  return new_session(std::move(terminal), false, [this](Session& s) { on_connect(s.id); });
}

System::TermId System::operator_console(std::shared_ptr<Terminal> terminal) {
  return new_session(std::move(terminal), true, [this](Session& ref) {
    const UserEntry* op = dir_->find("OPERATOR");
    if (!op) {
      say(ref, "DMKCPI955W NO OPERATOR IN THE DIRECTORY: OPERATOR CONSOLE NOT LOGGED ON");
      return;
    }
    logon(ref, *op);
  });
}

void System::input(TermId id, std::string line) {
  post([this, id, l = std::move(line)]() mutable { on_input(id, std::move(l)); });
}

void System::attention(TermId id) {
  post([this, id] { on_attention(id); });
}

void System::screen_input(TermId id, std::vector<u8> record) {
  post([this, id, r = std::move(record)]() mutable {
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return;
    if (it->second->stage == Session::Stage::Dialed) {
      // Every key of a dialed terminal is its virtual 3270's: the device
      // takes the record with the machine stopped a moment (its channel
      // programs run on the machine's worker), and gives attention.
      User* o = find_user(it->second->dial_user);
      if (!o || r.empty()) return;
      auto* d = dynamic_cast<s370::io::Display3270*>(o->vm->channels().find(it->second->dial_addr));
      if (!d) return;
      if (o->cp_mode) {
        d->inbound(r.data(), r.size());
      } else {
        const bool was = disp_->stop(o->vmid);
        d->inbound(r.data(), r.size());
        if (was) disp_->start(o->vmid);
      }
      return;
    }
    if (!it->second->user) return;
    User& u = *it->second->user;
    if (!u.full_screen || !u.screen || r.empty()) return;
    if (r[0] == 0x6C && !u.pa1_to_guest) {
      // PA1: to CP, as from CP's screen; the guest keeps its screen for
      // BEGIN.
      if (!u.cp_mode) stop_vm(u);
      {
        std::lock_guard<std::mutex> lk(u.term_mu);
        if (u.term) u.term->end_full_screen();
      }
      cp_read(u, true, true);
      return;
    }
    u.screen->inbound(r.data(), r.size());
    // The key is an attention from the virtual console, for the guest to
    // read with a full-screen read (a stopped machine finds it pending).
    auto* c = dynamic_cast<s370::io::Console3215*>(u.vm->channels().find(u.console_addr));
    if (!c) return;
    if (u.cp_mode) {
      c->request();
    } else {
      const bool was = disp_->stop(u.vmid);
      c->request();
      if (was) disp_->start(u.vmid);
    }
  });
}

void System::screen_back(TermId id) {
  post([this, id] {
    auto it = sessions_.find(id);
    if (it == sessions_.end()) return;
    if (it->second->stage == Session::Stage::Dialed) {
      if (User* o = find_user(it->second->dial_user)) show_graf(*o, it->second->dial_addr);
      return;
    }
    if (!it->second->user) return;
    User& u = *it->second->user;
    if (u.full_screen && !u.cp_mode) show_guest_screen(u);
  });
}

void System::pf_key(TermId id, int key, std::string typed) {
  post([this, id, key, t = std::move(typed)]() mutable { on_pf_key(id, key, std::move(t)); });
}

System::View System::view() const {
  std::lock_guard<std::mutex> lk(view_mu_);
  return view_;
}

// The panel's view, made on CP's thread each tick: the dispatcher's
// figures (read off each machine at the end of its slice) and CP's own.
void System::make_view() {
  View v;
  v.at = std::time(nullptr);
  v.sessions = sessions_.size();
  const std::vector<Dispatcher::Status> snap = disp_->snapshot();
  for (auto& [uid, u] : users_) {
    UserView x;
    x.userid = uid;
    {
      std::lock_guard<std::mutex> lk(u->term_mu);
      x.terminal = u->term ? u->term->name() : "DSC";
    }
    x.disconnected = !u->termid;
    x.storage = u->storage;
    x.logon_at = u->logon_at;
    Dispatcher::State st = Dispatcher::State::Stopped;
    if (u->vmid < snap.size()) {
      const Dispatcher::Status& d = snap[u->vmid];
      st = d.state;
      x.instructions = d.instructions;
      x.traps = d.traps;
      x.private_frames = d.private_frames;
      x.shared_frames = d.shared_frames;
    }
    if (u->sleep_until) x.state = "SLEEP";
    else if (u->ended) x.state = "ENDED";
    else if (u->cp_mode) x.state = "CP READ";
    else if (u->console_in.reading()) x.state = "VM READ";
    else if (st == Dispatcher::State::Waiting) x.state = "WAITING";
    else x.state = "RUNNING";
    v.users.push_back(std::move(x));
  }
  std::lock_guard<std::mutex> lk(view_mu_);
  view_ = std::move(v);
}

void System::cp_read(User& u, bool cp, bool announce) {
  u.cp_mode = cp;
  std::lock_guard<std::mutex> lk(u.term_mu);
  if (!u.term) return;
  u.term->cp_read(cp);
  if (announce && cp && !u.term->status_area()) u.term->write("CP READ\n");
}

void System::hang_up(TermId id) {
  post([this, id] { on_hang_up(id); });
}

// The logo: DIR/logo.txt when there is one (the system's own, as VM/370
// installations drew theirs), else the system's name and ONLINE.
void System::on_connect(TermId id) {
  Session& s = *sessions_[id];
  std::string logo;
  if (std::FILE* f = std::fopen((fs::path(opt_.data) / "logo.txt").c_str(), "rb")) {
    char b[4096];
    const std::size_t n = std::fread(b, 1, sizeof b, f);
    std::fclose(f);
    for (std::size_t i = 0; i < n; i++)
      if (b[i] == '\n' || (static_cast<unsigned char>(b[i]) >= 0x20 && static_cast<unsigned char>(b[i]) < 0x7F))
        logo += b[i];
    if (!logo.empty() && logo.back() != '\n') logo += '\n';
  }
  if (logo.empty() && s.term->status_area()) {
    // A display's logo screen: the name in a box, and what to type.
    const std::string bar(52, '*');
    std::string mid = opt_.sysname + " ONLINE";
    const std::size_t left = (50 - std::min<std::size_t>(mid.size(), 50)) / 2;
    mid = std::string(left, ' ') + mid;
    mid.resize(50, ' ');
    logo = "\n\n   " + bar + "\n   *" + std::string(50, ' ') + "*\n   *" + mid + "*\n   *" + std::string(50, ' ') +
           "*\n   " + bar + "\n\n\n   Enter LOGON userid below, then your password when asked.\n" +
           "   PA1 is the attention key (CP READ); PA2 clears the screen.\n\n";
  }
  if (logo.empty()) logo = "\n" + opt_.sysname + " ONLINE\n\n";
  s.term->write(logo);
  if (!logmsg_.empty()) s.term->write(logmsg_ + "\n");
  s.term->cp_read(true);
}

void System::say(Session& s, const std::string& line) { s.term->write(line + "\n"); }

void System::say(User& u, const std::string& line) {
  std::lock_guard<std::mutex> lk(u.term_mu);
  if (u.term) u.term->write(line + "\n");
}

void System::say_operator(const std::string& line) {
  auto it = users_.find("OPERATOR");
  if (it != users_.end()) say(*it->second, line);
  // Before the operator is logged on (CMS's installation at start): kept
  // for the operator's logon, a bounded few.
  else if (operator_backlog_.size() < 64) operator_backlog_.push_back(line);
}

System::User* System::find_user(const std::string& userid) {
  auto it = users_.find(upper(userid));
  return it == users_.end() ? nullptr : it->second.get();
}

std::string System::now_line() const { return stamp(std::time(nullptr)); }

void System::on_input(TermId id, std::string line) {
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  Session& s = *it->second;
  // Bytes a terminal cannot show are dropped; a line is at most 255.
  std::string clean;
  for (char c : line)
    if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F) clean += c;
  if (clean.size() > 255) clean.resize(255);
  switch (s.stage) {
    case Session::Stage::Logo: {
      const std::vector<std::string> w = words(clean);
      if (w.empty()) return;
      const std::string verb = upper(w[0]);
      if (verb == "LOGON" || verb == "LOGIN" || verb == "L" || verb == "LOGO" || verb == "LOGI") {
        if (w.size() < 2 || w[1].size() > 8) {
          say(s, "DMKLOG020E USERID MISSING OR INVALID");
          return;
        }
        s.pending = upper(w[1]);
        s.stage = Session::Stage::Password;
        // Echo off first: a 3270's field is non-display, a telnet client
        // has stopped echoing, by the time the user sees the prompt and
        // types (otherwise a quick typist's password could be shown, or
        // erased by the field's change).
        s.term->set_echo(false);
        s.term->write("ENTER PASSWORD:\n");
        return;
      }
      if (verb == "LOGOFF" || verb == "LOGOUT") {
        s.term->hang_up();
        return;
      }
      if (verb == "DIAL") {
        dial(s, w);
        return;
      }
      say(s, "DMKLOG001E LOGON OR LOGIN REQUIRED");
      return;
    }
    case Session::Stage::Password:
      s.term->set_echo(true);
      logon_password(s, clean);
      return;
    case Session::Stage::Checking:
    case Session::Stage::Dialed:
      return;  // typed while the password is checked, or the guest's terminal
    case Session::Stage::LoggedOn:
      if (s.user) {
        if (s.user->sleep_until) wake_up(*s.user);
        command_line(*s.user, clean);
      }
      return;
  }
}

// The password is checked off CP's thread: an Argon2id hash takes tens of
// milliseconds and as much memory, by design, and CP must not stand still
// for it. Two checker threads take the checks in turn (a flood of logons
// waits in their queue, bounded, rather than costing a thread and 64 MiB
// each); the answer comes back to CP's thread as a task.
void System::logon_password(Session& s, const std::string& pw) {
  const std::string uid = s.pending;
  s.pending.clear();
  s.stage = Session::Stage::Checking;
  Check c;
  c.term = s.id;
  c.userid = uid;
  c.password = pw;
  const UserEntry* e = dir_->find(uid);
  // Locked, unknown or NOLOG: checked against nothing, in the same time.
  c.locked = failures_[uid].locked_until > std::time(nullptr);
  if (e && !e->nolog() && !c.locked) c.entry = *e;
  {
    std::lock_guard<std::mutex> lk(check_mu_);
    if (checks_.size() >= kCheckQueue) {
      s.stage = Session::Stage::Logo;
      say(s, "DMKLOG024E SYSTEM BUSY; LOGON AGAIN LATER");
      return;
    }
    checks_.push_back(std::move(c));
  }
  check_cv_.notify_one();
}

void System::checker() {
  for (;;) {
    Check c;
    {
      std::unique_lock<std::mutex> lk(check_mu_);
      check_cv_.wait(lk, [&] { return check_quit_ || !checks_.empty(); });
      if (check_quit_) return;
      c = std::move(checks_.front());
      checks_.pop_front();
    }
    bool ok = false;
    if (c.entry)
      ok = Directory::verify(*c.entry, c.password);
    else
      Directory::verify_dummy(c.password);  // the same time as a real check
    std::fill(c.password.begin(), c.password.end(), '\0');
    post([this, id = c.term, uid = c.userid, locked = c.locked, ok] { password_checked(id, uid, locked, ok); });
  }
}

void System::password_checked(TermId id, const std::string& uid, bool locked, bool ok) {
  auto it = sessions_.find(id);
  Session* s = it == sessions_.end() ? nullptr : it->second.get();
  if (s) s->stage = Session::Stage::Logo;
  const std::int64_t now = std::time(nullptr);
  Failures& f = failures_[uid];
  if (locked) {
    // The same answer whether or not the user exists, and whether or not
    // the password was right.
    if (s) say(*s, "DMKLOG051E LOGON LOCKED FOR " + uid + "; TOO MANY INCORRECT PASSWORDS");
    return;
  }
  const UserEntry* e = dir_->find(uid);
  if (!ok || !e) {
    if (++f.count >= kMaxFailures) {
      f.locked_until = now + kLockSeconds;
      f.count = 0;
      say_operator("DMKLOG052I USERID " + uid + " LOCKED AFTER " + std::to_string(kMaxFailures) +
                   " INCORRECT PASSWORDS FROM " + (s ? s->term->peer() : std::string("A LINE NOW GONE")));
    }
    if (s) say(*s, "DMKLOG050E PASSWORD INCORRECT - REINITIATE LOGON PROCEDURE");
    return;
  }
  failures_.erase(uid);
  if (s) logon(*s, *e);
}

void System::logon(Session& s, const UserEntry& entry) {
  if (User* u = find_user(entry.userid)) {
    if (u->termid) {
      say(s, "DMKLOG054E ALREADY LOGGED ON " + u->term->name());
      return;
    }
    // Reconnect: the machine ran on while disconnected.
    {
      std::lock_guard<std::mutex> lk(u->term_mu);
      u->term = s.term;
    }
    if (u->vm) note_terminal(*u, *u->vm);
    u->termid = s.id;
    u->disconnected_at = 0;
    s.user = u;
    s.stage = Session::Stage::LoggedOn;
    say(*u, "RECONNECTED AT " + now_line());
    say_operator("RECONNECT " + pad(u->userid, 8) + " USERS = " + std::to_string(users_.size()));
    cp_read(*u, u->cp_mode, u->cp_mode);
    if (!u->cp_mode && u->console_in.reading()) u->term->vm_read(true);
    if (!u->cp_mode && u->full_screen) show_guest_screen(*u);
    return;
  }
  if (shutting_down()) {
    say(s, "DMKLOG021E SYSTEM SHUTDOWN IN PROGRESS");
    return;
  }
  if (!enabled_ && !entry.has_class('A')) {
    say(s, "DMKLOG023E LOGONS DISABLED BY THE OPERATOR");
    return;
  }
  auto owned = std::make_unique<User>();
  User& u = *owned;
  u.entry = entry;
  u.userid = entry.userid;
  u.storage = entry.storage;
  u.logon_at = std::time(nullptr);
  {
    std::lock_guard<std::mutex> lk(u.term_mu);
    u.term = s.term;
  }
  // VM READ in the terminal's status area: from the machine's worker.
  u.console_in.on_read = [&u](bool reading) {
    std::lock_guard<std::mutex> lk(u.term_mu);
    if (u.term) u.term->vm_read(reading);
  };
  u.termid = s.id;
  users_[u.userid] = std::move(owned);
  s.user = &u;
  s.stage = Session::Stage::LoggedOn;
  u.vm = build_vm(u, u.storage);
  u.vmid = disp_->add(u.vm, clock_, false);
  by_vm_[u.vmid] = &u;
  if (!logmsg_.empty()) say(u, "LOGMSG - " + logmsg_);
  for (const DeviceEntry& d : entry.devices) {
    const std::string err = add_device(u, d, true);
    if (!err.empty()) say(u, err);
  }
  say(u, "LOGON AT " + now_line());
  if (u.userid == "OPERATOR") {
    for (const std::string& l : operator_backlog_) say(u, l);
    operator_backlog_.clear();
  }
  if (u.userid != "OPERATOR")
    say_operator("LOGON  AS " + pad(u.userid, 8) + " USERS = " + std::to_string(users_.size()) + " FROM " +
                 s.term->peer());
  if (!entry.ipl.empty()) {
    command_line(u, "IPL " + entry.ipl);
  } else {
    cp_read(u, true, true);
  }
}

void System::on_attention(TermId id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end() || !it->second->user) return;
  User& u = *it->second->user;
  if (u.sleep_until) {
    u.sleep_until = 0;
    u.sleep_resume = false;
  }
  // R6's attention key on a typewriter console: while the virtual machine
  // runs (not in a console read), the first attention is its own, an
  // attention interruption from its console (CMS then reads an immediate
  // command such as HX); a second one within 3 seconds, or one while it
  // reads, is CP's: CP READ. A 3270's PA1 is always CP's.
  const auto now = std::chrono::steady_clock::now();
  bool graf = false;
  {
    std::lock_guard<std::mutex> lk(u.term_mu);
    graf = u.term && u.term->rows() > 0;
  }
  if (!u.cp_mode && !graf && !u.full_screen && !u.console_in.reading() && u.console_addr &&
      now - u.attn_to_guest > std::chrono::seconds(3)) {
    if (auto* c = dynamic_cast<s370::io::Console3215*>(u.vm->channels().find(u.console_addr))) {
      u.attn_to_guest = now;
      const bool was = disp_->stop(u.vmid);
      c->request();
      if (was) disp_->start(u.vmid);
      return;
    }
  }
  u.attn_to_guest = {};
  if (!u.cp_mode) stop_vm(u);
  cp_read(u, true, true);
}

void System::on_pf_key(TermId id, int key, std::string typed) {
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  Session& s = *it->second;
  User* u = s.stage == Session::Stage::LoggedOn ? s.user : nullptr;
  auto pf = u ? u->pf.find(key) : decltype(u->pf.end()){};
  if (!u || pf == u->pf.end() || pf->second.text.empty()) {
    on_input(id, std::move(typed));  // an undefined key is ENTER
    return;
  }
  if (!pf->second.immediate) {
    std::lock_guard<std::mutex> lk(u->term_mu);
    if (u->term) u->term->set_input(pf->second.text);
    return;
  }
  on_input(id, pf->second.text);
}

void System::on_hang_up(TermId id) {
  auto it = sessions_.find(id);
  if (it == sessions_.end()) return;
  if (it->second->stage == Session::Stage::Dialed)
    if (User* u = find_user(it->second->dial_user)) drop_dialed(*u, it->second->dial_addr, false);
  if (User* u = it->second->user; u && u->termid == id) disconnect(*u, false);
  sessions_.erase(it);
}

void System::disconnect(User& u, bool tell) {
  if (tell) say(u, "DISCONNECT AT " + now_line());
  std::shared_ptr<Terminal> t;
  {
    std::lock_guard<std::mutex> lk(u.term_mu);
    t = std::move(u.term);
    u.term.reset();
  }
  auto s = sessions_.find(u.termid);
  if (s != sessions_.end()) {
    s->second->user = nullptr;
    s->second->stage = Session::Stage::Logo;
  }
  u.termid = 0;
  u.disconnected_at = std::time(nullptr);
  say_operator("DSCONNECT " + pad(u.userid, 8) + " USERS = " + std::to_string(users_.size()));
  if (tell && t) t->hang_up();
}

void System::logoff(User& u, bool forced, const std::string& how) {
  // The machine stops; spool files open on its punch and printer are
  // closed, as LOGOFF does.
  disp_->stop(u.vmid);
  // A reader's open file is closed as CLOSE closes it (purged).
  for (auto& [a, d] : u.devs)
    if ((d.writer && d.writer->pending()) || (d.reader && d.reader->open_id())) close_device(u, a, false, false, "");
  disp_->remove(u.vmid);
  const std::time_t now = std::time(nullptr);
  const long conn = static_cast<long>(now - u.logon_at);
  const Counters& c = u.vm->counters();
  const u64 total = u.vm->cpu().instructions();
  // CPU times in the machine's measure: a microsecond per instruction
  // (docs/CP.md, "Time").
  auto cpu_time = [](u64 us) {
    char b[32];
    std::snprintf(b, sizeof b, "%03llu:%02llu.%02llu", static_cast<unsigned long long>(us / 60000000),
                  static_cast<unsigned long long>(us / 1000000 % 60),
                  static_cast<unsigned long long>(us / 10000 % 100));
    return std::string(b);
  };
  char cb[64];
  std::snprintf(cb, sizeof cb, "%02ld:%02ld:%02ld", conn / 3600, conn / 60 % 60, conn % 60);
  if (!how.empty()) say(u, how);
  say(u, std::string("CONNECT= ") + cb + " VIRTCPU= " + cpu_time(c.direct) + " TOTCPU= " + cpu_time(total));
  say(u, "LOGOFF AT " + now_line());
  account(u);
  for (auto& [a, d] : u.devs) {
    if (d.kind == DevKind::Minidisk || d.kind == DevKind::Link) release_links(u, a);
    if (d.dedicated) attached_.erase(d.real);
    if (d.graf) drop_dialed(u, a, false);
  }
  std::shared_ptr<Terminal> t;
  {
    std::lock_guard<std::mutex> lk(u.term_mu);
    t = std::move(u.term);
  }
  auto s = sessions_.find(u.termid);
  if (s != sessions_.end()) {
    s->second->user = nullptr;
    s->second->stage = Session::Stage::Logo;
  }
  const std::string uid = u.userid;
  by_vm_.erase(u.vmid);
  users_.erase(uid);  // u is gone from here
  if (uid != "OPERATOR")
    say_operator(std::string(forced ? "FORCED" : "LOGOFF") + " AS " + pad(uid, 8) +
                 " USERS = " + std::to_string(users_.size()));
  // A line-mode session goes back to the logo; R6 drops a switched line.
  if (t && s != sessions_.end() && !s->second->operator_console) t->hang_up();
}

void System::account(const User& u) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(acct_, "INSERT INTO sessions VALUES(?,?,?,?,?,?,?)", -1, &st, nullptr) != SQLITE_OK) return;
  const std::int64_t now = std::time(nullptr);
  sqlite3_bind_text(st, 1, u.userid.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64(st, 2, u.logon_at);
  sqlite3_bind_int64(st, 3, now);
  sqlite3_bind_int64(st, 4, now - u.logon_at);
  sqlite3_bind_int64(st, 5, static_cast<std::int64_t>(u.vm->counters().direct));
  sqlite3_bind_int64(st, 6, static_cast<std::int64_t>(u.vm->cpu().instructions()));
  sqlite3_bind_int64(st, 7, static_cast<std::int64_t>(u.vm->counters().traps));
  sqlite3_step(st);
  sqlite3_finalize(st);
}

void System::shutdown(const std::string& why) {
  post([this, why] {
    if (down_) return;
    down_ = true;
    say_operator("DMKCPI960I SYSTEM SHUTDOWN: " + why);
    std::vector<User*> all;
    for (auto& [id, u] : users_) all.push_back(u.get());
    for (User* u : all) {
      say(*u, "DMKCPI961W SYSTEM SHUTDOWN IN PROGRESS");
      logoff(*u, true, "");
    }
    for (auto& [id, s] : sessions_) s->term->hang_up();
    if (on_shutdown) on_shutdown();
  });
}

// ---- The virtual machine -------------------------------------------------------

std::shared_ptr<VirtualMachine> System::build_vm(User& u, u32 storage) {
  auto vm = std::make_shared<VirtualMachine>(storage, clock_);
  vm->set_userid(u.userid);
  vm->enable_cp_commands();
  if (!opt_.cms.empty()) vm->set_maclib((fs::path(opt_.cms) / "maclib").string());
  note_terminal(u, *vm);
  return vm;
}

void System::note_terminal(User& u, VirtualMachine& vm) {
  int rows = 0;
  {
    std::lock_guard<std::mutex> lk(u.term_mu);
    if (u.term) rows = u.term->rows();
  }
  vm.set_real_console(rows);
}

std::string System::add_device(User& u, const DeviceEntry& d, bool at_logon) {
  const u16 a = d.address;
  if (u.vm->channels().find(a)) return "DMKDEF??? DEVICE " + hex3(a) + " ALREADY DEFINED";
  VDev v;
  v.kind = d.kind;
  try {
    switch (d.kind) {
      case DevKind::Console: {
        User* up = &u;
        u.vm->attach(std::make_unique<s370::io::Console3215>(a, &u.console_in, [up](std::string_view text) {
          std::lock_guard<std::mutex> lk(up->term_mu);
          if (up->term) up->term->write(text);
        }));
        if (!u.console_addr) u.console_addr = a;
        break;
      }
      case DevKind::Reader: {
        User* up = &u;
        auto r = std::make_unique<SpoolReader>(
            a,
            [this, up, a]() -> std::optional<std::pair<SpoolFile, std::vector<SpoolRecord>>> {
              // Runs on the machine's worker, inside its I/O instruction:
              // only the machine's own state and the store (which has its
              // own lock) are touched, not CP's tables.
              auto* self = dynamic_cast<SpoolReader*>(up->vm->channels().find(a));
              const char cls = self ? self->options().cls : '*';
              for (const SpoolFile& f : spool_->list(up->userid, Queue::Reader)) {
                if (f.hold) continue;
                if (cls != '*' && f.cls != cls) continue;
                return std::make_pair(f, spool_->records(f.id));
              }
              return std::nullopt;
            },
            [this](u32 id) { spool_->remove(id); });
        r->options().cls = d.cls;
        v.reader = r.get();
        u.vm->attach(std::move(r));
        break;
      }
      case DevKind::Punch:
      case DevKind::Printer: {
        auto w = std::make_unique<SpoolWriter>(a, d.kind == DevKind::Punch ? SpoolWriter::Kind::Punch
                                                                            : SpoolWriter::Kind::Printer);
        w->options().cls = d.cls == '*' ? 'A' : d.cls;
        v.writer = w.get();
        u.vm->attach(std::move(w));
        break;
      }
      case DevKind::Minidisk: {
        // The user's own minidisk: linked in the directory's mode.
        u.devs[a] = v;  // link() fills it in
        const std::string err = link(u, u.userid, a, a, d.mode.empty() ? "W" : d.mode, "", true);
        if (!err.empty()) u.devs.erase(a);
        return err;
      }
      case DevKind::Link:
        return link(u, d.user, d.to, a, d.mode.empty() ? "RR" : d.mode, d.password, true);
      case DevKind::Dedicate:
        return attach_real(u, d.real, a);
      case DevKind::Graf: {
        // A virtual 3270 through a local 3274 (Display3270): the guest's
        // channel programs write its screen; a terminal DIALed to it
        // shows each write and gives it the keys.
        auto link = std::make_shared<GrafLink>();
        link->model = d.model ? d.model : 2;
        auto dev = std::make_unique<s370::io::Display3270>(a, link->model);
        dev->set_outbound([link](u8 cmd, const std::vector<u8>& data) {
          // The CCW command as the TN3270 command code (vm370-reference 4.1).
          const u8 sna = cmd == 0x01 ? 0xF1 : cmd == 0x05 ? 0xF5 : cmd == 0x0D ? 0x7E : 0xF1;
          std::vector<u8> rec{sna};
          rec.insert(rec.end(), data.begin(), data.end());
          std::lock_guard<std::mutex> lk(link->mu);
          if (link->term) link->term->full_screen(std::move(rec));
        });
        v.graf = link;
        u.vm->attach(std::move(dev));
        break;
      }
    }
  } catch (const std::exception& e) {
    return "DMKDEF999E DEV " + hex3(a) + " NOT DEFINED: " + e.what();
  }
  (void)at_logon;
  u.devs[a] = v;
  return "";
}

std::string System::attach_real(User& u, u16 raddr, u16 vaddr) {
  const s370::io::DeviceConfig* dc = nullptr;
  if (real_)
    for (const auto& d : real_->devices)
      if (d.address == raddr) dc = &d;
  if (!dc) return "DMKATT040E DEV " + hex3(raddr) + " DOES NOT EXIST";
  if (auto it = attached_.find(raddr); it != attached_.end())
    return "DMKATT121E DEV " + hex3(raddr) + " ATTACHED TO " + it->second;
  if (u.vm->channels().find(vaddr)) return "DMKATT023E DEV " + hex3(vaddr) + " ALREADY DEFINED";
  s370::io::DeviceConfig mine = *dc;
  mine.address = vaddr;
  try {
    u.vm->attach(s370::io::make_device(*real_, mine, s370::io::Operator{}));
  } catch (const std::exception& e) {
    return "DMKATT999E DEV " + hex3(raddr) + " NOT ATTACHED: " + e.what();
  }
  attached_[raddr] = u.userid;
  VDev v;
  v.kind = DevKind::Dedicate;
  v.dedicated = true;
  v.real = raddr;
  v.devtype = dc->type;
  u.devs[vaddr] = v;
  return "";
}

// LINK (and the directory's MDISK and LINK statements): R6's modes. R and
// RR read; W, WR, M, MR, MW write. R fails if anyone writes (RR does not
// care); W only if nobody else has it; WR falls back to R; M only if
// nobody else writes; MR falls back to R; MW always. A password of the
// owner's entry is needed unless the link is the owner's own or from the
// directory; "ALL" means none.
std::string System::link(User& u, const std::string& owner_id, u16 their, u16 mine, const std::string& mode_in,
                         const std::string& password, bool directory) {
  const std::string owner = upper(owner_id);
  const std::string mode = upper(mode_in);
  static const std::set<std::string> modes = {"R", "RR", "W", "WR", "M", "MR", "MW"};
  if (!modes.count(mode)) return "DMKLNK003E INVALID OPTION - " + mode;
  const UserEntry* oe = dir_->find(owner);
  if (!oe) return "DMKLNK053E " + owner + " NOT IN CP DIRECTORY";
  const DeviceEntry* md = oe->device(their);
  if (!md || md->kind != DevKind::Minidisk) return "DMKLNK040E " + owner + " " + hex3(their) + " DOES NOT EXIST";
  if (u.vm->channels().find(mine) && !(owner == u.userid && their == mine && u.devs.count(mine) && u.devs[mine].volume.empty()))
    return "DMKLNK023E DEV " + hex3(mine) + " ALREADY DEFINED";
  const bool wants_write = mode[0] == 'W' || mode[0] == 'M';
  if (!directory && owner != u.userid) {
    // The password for the access asked for.
    const std::string& need = link_password(*md, mode);
    if (need.empty()) return "DMKLNK113E " + owner + " " + hex3(their) + " NOT LINKED; NO " +
                             std::string(mode[0] == 'M' ? "MULT" : mode[0] == 'W' ? "WRITE" : "READ") + " PASSWORD";
    if (need != "ALL" && upper(password) != upper(need)) return "DMKLNK114E PASSWORD INCORRECT";
  }
  Links& l = links_[{md->volume, md->cylinder}];
  auto others = [&](const std::set<std::string>& s) {
    std::size_t n = s.size();
    if (s.count(u.userid)) n--;
    return n;
  };
  bool write = false;
  std::string note;
  if (mode == "RR") {
  } else if (mode == "R") {
    if (others(l.writers)) return "DMKLNK105E " + owner + " " + hex3(their) + " NOT LINKED; R/W BY " +
                                  std::to_string(others(l.writers)) + " USERS";
  } else if (mode == "W" || mode == "WR") {
    if (others(l.writers) || others(l.readers)) {
      if (mode == "W")
        return "DMKLNK104E " + owner + " " + hex3(their) + " NOT LINKED; R/" +
               std::string(others(l.writers) ? "W" : "O") + " BY " +
               std::to_string(others(l.writers) + others(l.readers)) + " USERS";
      note = "DMKLNK101W DASD " + hex3(mine) + " FORCED R/O; R/" + std::string(others(l.writers) ? "W" : "O") +
             " BY " + std::to_string(others(l.writers) + others(l.readers)) + " USERS";
    } else {
      write = true;
    }
  } else if (mode == "M" || mode == "MR") {
    if (others(l.writers)) {
      if (mode == "M")
        return "DMKLNK105E " + owner + " " + hex3(their) + " NOT LINKED; R/W BY " + std::to_string(others(l.writers)) +
               " USERS";
      note = "DMKLNK101W DASD " + hex3(mine) + " FORCED R/O; R/W BY " + std::to_string(others(l.writers)) + " USERS";
    } else {
      write = true;
    }
  } else if (mode == "MW") {
    write = true;
  }
  (void)wants_write;
  const s370::io::CkdGeometry* geo = s370::io::ckd_geometry(md->devtype);
  if (!geo) return "DMKLNK006E INVALID DEVICE TYPE - " + md->devtype;
  try {
    const std::string path = volumes_->ensure(md->volume, md->devtype);
    auto img = s370::io::CkdImage::open_extent(path, *geo, md->cylinder, md->cylinders, !write);
    u.vm->attach(std::make_unique<s370::io::CkdDasd>(mine, std::move(img)));
  } catch (const std::exception& e) {
    return "DMKLNK108E " + owner + " " + hex3(their) + " NOT LINKED; VOLID " + md->volume + " NOT MOUNTED (" +
           e.what() + ")";
  }
  (write ? l.writers : l.readers).insert(u.userid);
  VDev v;
  v.kind = owner == u.userid && their == mine ? DevKind::Minidisk : DevKind::Link;
  v.volume = md->volume;
  v.devtype = md->devtype;
  v.owner = owner;
  v.cylinder = md->cylinder;
  v.cylinders = md->cylinders;
  v.write = write;
  u.devs[mine] = v;
  return note;
}

void System::release_links(User& u, u16 addr) {
  auto it = u.devs.find(addr);
  if (it == u.devs.end() || it->second.volume.empty()) return;
  // Another device of the same user on the same extent keeps the claim.
  for (auto& [a, d] : u.devs)
    if (a != addr && d.volume == it->second.volume && d.cylinder == it->second.cylinder) return;
  auto l = links_.find({it->second.volume, it->second.cylinder});
  if (l == links_.end()) return;
  l->second.readers.erase(u.userid);
  l->second.writers.erase(u.userid);
  if (l->second.readers.empty() && l->second.writers.empty()) links_.erase(l);
}

std::string System::detach(User& u, u16 addr) {
  auto it = u.devs.find(addr);
  if (it == u.devs.end()) return "DMKDET040E DEV " + hex3(addr) + " DOES NOT EXIST";
  if (it->second.graf) drop_dialed(u, addr, false);
  const bool running = !u.cp_mode && disp_->stop(u.vmid);
  if (it->second.writer && it->second.writer->pending()) close_device(u, addr, false, false, "");
  release_links(u, addr);
  if (it->second.dedicated) attached_.erase(it->second.real);
  const DevKind k = it->second.kind;
  u.vm->channels().remove(addr);
  u.devs.erase(addr);
  if (addr == u.console_addr) u.console_addr = 0;
  if (running) disp_->start(u.vmid);
  const char* what = k == DevKind::Console    ? "CONS"
                     : k == DevKind::Reader   ? "RDR"
                     : k == DevKind::Punch    ? "PUN"
                     : k == DevKind::Printer  ? "PRT"
                     : k == DevKind::Dedicate ? "DEV"
                     : k == DevKind::Graf     ? "GRAF"
                                              : "DASD";
  return std::string(what) + " " + hex3(addr) + " DETACHED";
}

// CLOSE of a punch or printer: the file goes to its destination, a user's
// reader (SPOOL ... TO) or the system's printer or punch, which CP prints
// at once into the data folder.
std::string System::close_device(User& u, u16 addr, bool hold_opt, bool purge, const std::string& name) {
  auto it = u.devs.find(addr);
  if (it == u.devs.end()) return "DMKCSO040E DEV " + hex3(addr) + " DOES NOT EXIST";
  VDev& d = it->second;
  if (d.reader) {
    // CLOSE of a reader: the file being read is purged, or kept in the
    // queue with HOLD (R6's CLOSE).
    const u32 id = d.reader->open_id();
    d.reader->close_file();
    if (id && !hold_opt) spool_->remove(id);
    return "";
  }
  if (!d.writer) return "DMKCSO022E VADDR MISSING OR INVALID";
  std::vector<SpoolRecord> recs = d.writer->take();
  if (purge || recs.empty()) return "";
  const SpoolOptions& o = d.writer->options();
  SpoolFile f;
  f.origin = u.userid;
  f.device = d.kind == DevKind::Punch ? "PUN" : "PRT";
  f.cls = o.cls;
  f.copies = o.copies ? o.copies : 1;
  f.hold = o.hold || hold_opt;
  f.dist = u.userid;
  f.records = static_cast<u32>(recs.size());
  std::vector<std::string> nm = words(name);
  if (nm.size() > 0) f.fn = upper(nm[0]).substr(0, 8);
  if (nm.size() > 1) f.ft = upper(nm[1]).substr(0, 8);
  if (!o.to.empty()) {
    f.owner = o.to;
    f.queue = Queue::Reader;
  } else {
    f.owner = u.userid;
    f.queue = d.kind == DevKind::Punch ? Queue::Punch : Queue::Printer;
  }
  f.id = spool_->add(f, recs);
  char b[128];
  std::snprintf(b, sizeof b, "%s FILE %04u TO %s COPY %03u %s", f.device.c_str(), f.id,
                f.queue == Queue::Reader ? f.owner.c_str() : "SYSTEM", f.copies, f.hold ? "HOLD" : "NOHOLD");
  deliver_spool(f, &u);
  return b;
}

// A closed file on the system's printer or punch queue is printed (or
// punched) at once into the data folder, unless held; a reader file tells
// its owner.
void System::deliver_spool(const SpoolFile& f, const User*) {
  if (f.queue == Queue::Reader) {
    seen_reader_.insert(f.id);
    notify_reader(f);
    return;
  }
  if (f.hold) return;
  const std::vector<SpoolRecord> recs = spool_->records(f.id);
  char base[64];
  std::snprintf(base, sizeof base, "%s-%04u", f.owner.c_str(), f.id);
  if (f.queue == Queue::Printer) {
    std::string text;
    for (u32 c = 0; c < f.copies; c++) text += render_printer(recs);
    write_file_synced((fs::path(opt_.data) / "printer" / (std::string(base) + ".txt")).string(), text.data(),
                      text.size());
  } else {
    std::vector<u8> cards;
    for (u32 c = 0; c < f.copies; c++) {
      std::vector<u8> one = render_punch(recs);
      cards.insert(cards.end(), one.begin(), one.end());
    }
    write_file_synced((fs::path(opt_.data) / "punch" / (std::string(base) + ".pun")).string(), cards.data(),
                      cards.size());
  }
  spool_->remove(f.id);
}

void System::notify_reader(const SpoolFile& f) {
  User* to = find_user(f.owner);
  if (!to) return;
  char b[128];
  std::snprintf(b, sizeof b, "RDR FILE %04u FROM %s %s COPY %03u %s", f.id, f.origin.c_str(), f.device.c_str(),
                f.copies, f.hold ? "HOLD" : "NOHOLD");
  say(*to, b);
}

void System::wake_up(User& u) {
  u.sleep_until = 0;
  if (u.sleep_resume) run_vm(u);
  u.sleep_resume = false;
}

void System::run_vm(User& u) {
  cp_read(u, false, false);
  u.ended = false;
  if (u.full_screen) show_guest_screen(u);
  disp_->start(u.vmid);
}

// DIAGNOSE X'58' (diagnose.cpp has the CCWs): on CP's thread, the machine
// held at the instruction's end.
void System::diag58(User& u, const CpRequest& req) {
  s370::Cpu& cpu = u.vm->cpu();
  s370::Storage& st = u.vm->storage();
  // The CSW at X'40': the CCW after `ccw`, the unit status, the residual
  // count (as the channel stores it for an I/O interruption).
  auto csw = [&](u32 ccw, u8 status, u32 residual) {
    const u8 b[8] = {0,
                     static_cast<u8>((ccw + 8) >> 16),
                     static_cast<u8>((ccw + 8) >> 8),
                     static_cast<u8>(ccw + 8),
                     status,
                     0,
                     static_cast<u8>(residual >> 8),
                     static_cast<u8>(residual)};
    st.write(s370::AbsAddr(cpu.real_to_abs(s370::RealAddr(0x40)).v), b, 8);
  };
  cpu.psw.cc = 0;
  std::lock_guard<std::mutex> lk(u.term_mu);
  Terminal* t = u.term.get();
  const int rows = t ? t->rows() : 0, cols = t ? t->cols() : 0;
  for (const ScreenOp& op : req.screen_ops) {
    switch (op.op) {
      case 0x19:
        if (op.ctl == 0xFE) {  // CP's screen whole again; full screen over
          u.full_screen = u.pa1_to_guest = false;
          u.screen.reset();
          if (t) t->end_full_screen();
        } else if (t && rows) {
          // CP's output area: a guest that had the whole screen gives it
          // back to CP's format (as X'FE' would, its lines kept).
          if (u.full_screen) {
            u.full_screen = u.pa1_to_guest = false;
            u.screen.reset();
            t->end_full_screen();
          }
          if (op.ctl == 0xFF) t->display(-1, true, {});
          else t->display(op.ctl & 0x3F, (op.ctl & 0x80) != 0, op.data);
        } else if (t && op.ctl != 0xFF) {
          // A line-mode console: the text as lines of 80 (an attribute's
          // place, SF and its byte, is a blank).
          std::string text, line;
          for (std::size_t i = 0; i < op.data.size(); i++) {
            u8 c = op.data[i];
            if (c == 0x1D) i++;
            line += c == 0x1D || c < 0x40 ? ' ' : static_cast<char>(s370::io::to_ascii(c));
            if (line.size() == 80) {
              while (!line.empty() && line.back() == ' ') line.pop_back();
              text += line + "\n";
              line.clear();
            }
          }
          while (!line.empty() && line.back() == ' ') line.pop_back();
          if (!line.empty()) text += line + "\n";
          t->write(text);
        }
        break;
      case 0x29: {
        if (!u.screen && !rows) {  // no display to take over
          cpu.psw.cc = 3;
          return;
        }
        const bool erase = (op.ctl & 0x80) != 0, alternate = (op.ctl & 0xC0) == 0xC0;
        if (!u.screen) u.screen = std::make_unique<s370::io::Screen3270>(24, 80, rows, cols);
        if (erase) {
          u.screen->erase_write(op.data.data(), op.data.size(), alternate);
          u.pa1_to_guest = (op.ctl & 0x10) != 0;
        } else if (!op.data.empty()) {
          u.screen->write(op.data.data(), op.data.size());
        }
        u.full_screen = true;
        std::vector<u8> rec;
        rec.reserve(op.data.size() + 1);
        rec.push_back(erase ? (alternate ? 0x7E : 0xF5) : 0xF1);
        rec.insert(rec.end(), op.data.begin(), op.data.end());
        if (t && rows) t->full_screen(std::move(rec));
        break;
      }
      case 0x2A: {
        if (!u.screen) {
          cpu.psw.cc = 3;
          return;
        }
        const bool modified = (op.ctl & 0x80) != 0;
        const std::vector<u8> in = modified ? u.screen->read_modified(false) : u.screen->read_buffer();
        if (modified) u.screen->clear_aid();
        const u32 n = std::min<u32>(static_cast<u32>(in.size()), op.count);
        const u32 abs = cpu.real_to_abs(s370::RealAddr(op.address)).v;
        if (n && !st.valid(s370::AbsAddr(abs + n - 1))) {
          csw(op.ccw, 0x0C, op.count);  // the channel's program check
          cpu.psw.cc = 1;
          return;
        }
        st.write(s370::AbsAddr(abs), in.data(), n);
        csw(op.ccw, 0x0C, op.count - n);
        break;
      }
      default:  // a command CP does not know: unit check, command reject
        csw(op.ccw, 0x0E, op.count);
        cpu.psw.cc = 1;
        return;
    }
  }
}

// DIAL userid [vaddr]: this terminal becomes the screen of a virtual 3270
// of a logged-on user (R6's DIAL, accepted instead of LOGON): the first
// one nobody dialed, or vaddr.
void System::dial(Session& s, const std::vector<std::string>& w) {
  if (!s.term->rows()) {
    say(s, "DMKDIA026E DIAL NEEDS A 3270 DISPLAY TERMINAL");
    return;
  }
  if (w.size() < 2 || w[1].size() > 8) {
    say(s, "DMKDIA020E USERID MISSING OR INVALID");
    return;
  }
  User* u = find_user(w[1]);
  if (!u) {
    say(s, "DMKDIA045E " + upper(w[1]) + " NOT LOGGED ON");
    return;
  }
  u32 want = 0;
  bool hex = w.size() > 2 && !w[2].empty() && w[2].size() <= 3;
  if (hex)
    for (char c : w[2]) hex = hex && std::isxdigit(static_cast<unsigned char>(c));
  if (hex) want = static_cast<u32>(std::stoul(w[2], nullptr, 16));
  if (w.size() > 2 && !hex) {
    say(s, "DMKDIA022E VADDR MISSING OR INVALID");
    return;
  }
  for (auto& [a, d] : u->devs) {
    if (!d.graf || (w.size() > 2 && a != want)) continue;
    std::lock_guard<std::mutex> lk(d.graf->mu);
    if (d.graf->term) continue;
    // The terminal must show the device's alternate size.
    int rows = 0, cols = 0;
    s370::io::Display3270::alternate_size(d.graf->model, rows, cols);
    if (s.term->rows() < rows || s.term->cols() < cols) continue;
    d.graf->term = s.term;
    d.graf->termid = s.id;
    s.stage = Session::Stage::Dialed;
    s.dial_user = u->userid;
    s.dial_addr = a;
    say(s, "DIALED TO " + pad(u->userid, 8) + " " + hex3(a));
    int dialed = 0;
    for (auto& [sid, other] : sessions_) dialed += other->stage == Session::Stage::Dialed;
    say_operator("GRAF " + s.term->name() + " DIALED TO " + pad(u->userid, 8) + " DIALED = " + std::to_string(dialed));
    break;
  }
  if (s.stage != Session::Stage::Dialed) {
    say(s, "DMKDIA093E " + u->userid + (w.size() > 2 ? " DEV " + hex3(static_cast<u16>(want)) : std::string()) +
               " NOT AVAILABLE");
    return;
  }
  show_graf(*u, s.dial_addr);
}

void System::show_graf(User& u, u16 addr) {
  auto it = u.devs.find(addr);
  if (it == u.devs.end() || !it->second.graf) return;
  auto* d = dynamic_cast<s370::io::Display3270*>(u.vm->channels().find(addr));
  if (!d) return;
  // The device's screen as it is (blank if the guest wrote nothing yet),
  // read with the machine stopped.
  const bool running = !u.cp_mode && disp_->stop(u.vmid);
  std::vector<u8> rec{static_cast<u8>(d->screen().alternate() ? 0x7E : 0xF5)};
  const std::vector<u8> whole = d->screen().whole_screen();
  if (running) disp_->start(u.vmid);
  rec.insert(rec.end(), whole.begin(), whole.end());
  std::lock_guard<std::mutex> lk(it->second.graf->mu);
  if (it->second.graf->term) it->second.graf->term->full_screen(std::move(rec));
}

// The dialed terminal lets go of the device: gone (its session ended), or
// dropped by CP (RESET, DETACH, LOGOFF): then it is told and goes back to
// the logo.
void System::drop_dialed(User& u, u16 addr, bool) {
  auto it = u.devs.find(addr);
  if (it == u.devs.end() || !it->second.graf) return;
  std::shared_ptr<Terminal> t;
  TermId tid = 0;
  {
    std::lock_guard<std::mutex> lk(it->second.graf->mu);
    t = std::move(it->second.graf->term);
    it->second.graf->term.reset();
    tid = it->second.graf->termid;
    it->second.graf->termid = 0;
  }
  if (!t) return;
  int dialed = 0;
  for (auto& [sid, other] : sessions_) dialed += other->stage == Session::Stage::Dialed && sid != tid;
  say_operator("GRAF " + t->name() + " DROP FROM " + pad(u.userid, 8) + " DIALED = " + std::to_string(dialed));
  auto s = sessions_.find(tid);
  if (s == sessions_.end() || s->second->stage != Session::Stage::Dialed) return;
  s->second->stage = Session::Stage::Logo;
  s->second->dial_user.clear();
  t->end_full_screen();
  t->display(-1, true, {});  // a fresh screen for the logo
  t->write("DROP FROM " + pad(u.userid, 8) + " " + hex3(addr) + "\n");
  on_connect(tid);
}

void System::show_guest_screen(User& u) {
  if (!u.screen) return;
  std::vector<u8> rec{static_cast<u8>(u.screen->alternate() ? 0x7E : 0xF5)};
  const std::vector<u8> whole = u.screen->whole_screen();
  rec.insert(rec.end(), whole.begin(), whole.end());
  std::lock_guard<std::mutex> lk(u.term_mu);
  if (u.term && u.term->rows()) u.term->full_screen(std::move(rec));
}

void System::end_guest_screen(User& u) {
  const bool was = u.full_screen;
  u.full_screen = u.pa1_to_guest = false;
  u.screen.reset();
  std::lock_guard<std::mutex> lk(u.term_mu);
  if (was && u.term) u.term->end_full_screen();
}

void System::stop_vm(User& u) {
  disp_->stop(u.vmid);
  cp_read(u, true, false);
}

void System::vm_ended(User& u, const s370::Psw& psw) {
  cp_read(u, true, false);
  u.ended = true;
  const u64 w = psw.to_u64();
  char b[96];
  std::snprintf(b, sizeof b, "DMKDSP450W CP ENTERED; DISABLED WAIT PSW '%08X %08X'", static_cast<u32>(w >> 32),
                static_cast<u32>(w));
  say(u, b);
  cp_read(u, true, true);
}

// A CP command by DIAGNOSE X'08' (diagnose.cpp): the machine is stopped at
// the instruction's end; CP runs the command and completes it.
void System::vm_held(User& u) {
  // CP's work for the machine while it waits here is its time in CP,
  // charged before the machine can run again (its counters are then its
  // worker's).
  // A hold cancelled meanwhile (the machine IPLed or reset by a command
  // that came first) is not answered.
  if (!disp_->held(u.vmid)) return;
  const u64 t0 = host_ticks();
  const std::string uid = u.userid;
  const bool run = vm_held_work(u);
  User* still = find_user(uid);
  if (!still) return;
  still->vm->add_cp_ticks(host_ticks() - t0);
  if (run) disp_->resume(still->vmid);
  else disp_->cancel_hold(still->vmid);
}

void System::drop_hold(User& u) {
  disp_->cancel_hold(u.vmid);
  u.vm->take_cp_request();
}

// The work of vm_held; true when the machine is to run again.
bool System::vm_held_work(User& u) {
  const std::string uid = u.userid;
  if (u.vm->take_adstop_hit()) {
    char b[48];
    std::snprintf(b, sizeof b, "ADSTOP AT %06X", u.vm->cpu().psw.ia);
    say(u, b);
    cp_read(u, true, true);
    return false;
  }
  std::optional<CpRequest> req = u.vm->take_cp_request();
  if (!req) {
    cp_read(u, false, false);
    u.ended = false;
    return true;
  }
  s370::Cpu& cpu = u.vm->cpu();
  if (req->segment >= 0) {
    diag64(u, *req);
    return !u.cp_mode;
  }
  if (req->screen) {
    diag58(u, *req);
    return !u.cp_mode;
  }
  if (req->enter_cp) {
    cpu.gpr[req->ry] = 0;
    cp_read(u, true, true);
    return false;
  }
  u.diag_pending = true;
  std::string response;
  int rc = 0;
  std::string text = req->text;
  std::replace(text.begin(), text.end(), '\x85', '\n');
  std::size_t i = 0;
  while (i <= text.size()) {
    std::size_t j = text.find('\n', i);
    if (j == std::string::npos) j = text.size();
    const std::string one = text.substr(i, j - i);
    i = j + 1;
    if (words(one).empty()) continue;
    std::string out;
    rc = command(u, one, out);
    // A LOGOFF among the commands (CMS's implied CP passes a typed LOGOFF
    // this way) frees the user: its userid is looked up from a copy.
    if (!find_user(uid)) return false;  // it logged itself off
    if (req->response) {
      response += out;
    } else if (!out.empty()) {
      std::lock_guard<std::mutex> lk(u.term_mu);
      if (u.term) u.term->write(out);
    }
  }
  if (!u.diag_pending) return false;  // the command reset the machine (IPL, SYSTEM RESET): it started it if it runs
  u.diag_pending = false;
  cpu.gpr[req->ry & 15] = static_cast<u32>(rc);
  if (req->response) {
    std::vector<u8> bytes = s370::io::to_ebcdic(response);
    for (u8& b : bytes)
      if (b == s370::io::to_ebcdic('\n')) b = 0x15;
    const u32 n = std::min<u32>(static_cast<u32>(bytes.size()), req->buffer_len);
    u.vm->storage().write(s370::AbsAddr(cpu.real_to_abs(s370::RealAddr(req->buffer)).v), bytes.data(), n);
    cpu.gpr[(req->ry + 1) & 15] = n < bytes.size() ? static_cast<u32>(bytes.size() - n) : n;
    cpu.psw.cc = n < bytes.size() ? 1 : 0;
  } else {
    cpu.psw.cc = 0;
  }
  return !u.cp_mode;
}

// ---- Saved systems -----------------------------------------------------------------

std::shared_ptr<const SavedSystem> System::saved_system(const std::string& name_in) {
  const std::string name = upper(name_in);
  if (name.empty() || name.size() > 8 || name.find_first_of("./") != std::string::npos) return nullptr;
  const fs::path path = fs::path(opt_.data) / "saved" / (name + ".vms");
  std::error_code ec;
  const auto t = fs::last_write_time(path, ec);
  if (ec) return nullptr;
  const std::string st = std::to_string(t.time_since_epoch().count());
  auto it = saved_.find(name);
  if (it != saved_.end() && it->second.stamp == st) return it->second.sys;
  try {
    auto sys = read_saved_system(path.string(), name);
    saved_[name] = Saved{sys, st};
    return sys;
  } catch (const std::exception& e) {
    say_operator(std::string("DMKSAV998E SAVED SYSTEM ") + name + " UNUSABLE: " + e.what());
    return nullptr;
  }
}

void System::save_system(VirtualMachine& vm, const std::string& name, u32 from, u32 to) {
  const fs::path dir = fs::path(opt_.data) / "saved";
  fs::create_directories(dir);
  save_state(vm, nullptr, (dir / (upper(name) + ".vms")).string(), from >> 12, to >> 12);
  saved_.erase(upper(name));  // read again at the next IPL
}

// DIAGNOSE X'64' (diagnose.cpp), CP's side: a saved system used as a named
// segment, loaded into the machine's storage at the addresses it was saved
// from (shared, its pages copied on first write, or as a private copy).
// cc 0 with Rx the first byte (LOADSYS; FINDSYS of a loaded one, with Ry
// the last); cc 1 FINDSYS of one that exists but is not loaded (Rx where it
// would go); cc 2 with Ry = 44 no such segment, or one that does not fit
// in the machine's storage (R6 could load one beyond it; docs/CP.md).
void System::diag64(User& u, const CpRequest& req) {
  s370::Cpu& cpu = u.vm->cpu();
  u32& rx = cpu.gpr[req.rx & 15];
  u32& ry = cpu.gpr[req.ry & 15];
  const std::string name = upper(req.text);
  auto loaded = u.segments.find(name);
  if (req.segment == 0x08) {  // PURGESYS
    if (loaded != u.segments.end()) {
      for (u32 a = loaded->second.first; a <= loaded->second.second && a < u.vm->storage().size(); a += 0x1000)
        u.vm->storage().release(a >> 12);
      u.segments.erase(loaded);
    }
    cpu.psw.cc = 0;
    return;
  }
  std::shared_ptr<const SavedSystem> sys = saved_system(name);
  if (!sys || sys->frames.empty()) {
    ry = 44;
    cpu.psw.cc = 2;
    return;
  }
  u32 lo = UINT32_MAX, hi = 0;
  for (const auto& [n, f] : sys->frames) lo = std::min(lo, n), hi = std::max(hi, n);
  const u32 first = lo << 12, last = ((hi + 1) << 12) - 1;
  if (req.segment == 0x0C) {  // FINDSYS
    if (loaded != u.segments.end()) {
      rx = loaded->second.first;
      ry = loaded->second.second;
      cpu.psw.cc = 0;
    } else {
      rx = first;
      cpu.psw.cc = 1;
    }
    return;
  }
  // R6: a segment above the machine's storage extends what it can
  // address (its defined size, DIAGNOSE X'60', stays); one in it replaces
  // those pages, cc 1 with Ry the end of the storage it took.
  s370::Storage& st = u.vm->storage();
  if (last >= s370::Storage::kMaxSize) {
    ry = 44;
    cpu.psw.cc = 2;
    return;
  }
  if (last >= st.size()) st.grow(last + 1);
  for (const auto& [n, f] : sys->frames) {
    if (req.segment == 0x00)
      st.map_shared(n, f);
    else
      st.write(s370::AbsAddr(n << 12), f.get(), s370::Storage::kFrameSize);
  }
  u.segments[name] = {first, last};
  rx = first;
  const u32 defined = u.vm->defined_size();
  if (first < defined) {
    ry = std::min(last, defined - 1);
    cpu.psw.cc = 1;
  } else {
    cpu.psw.cc = 0;
  }
}

// ---- vm370 send ----------------------------------------------------------------

u32 System::send_to_reader(const std::string& data_dir, const std::string& userid, const std::string& file, char cls,
                           const std::string& name, bool ascii) {
  // The user must be in the directory (when there is one yet): only the
  // userids are read, not checked and hashed as CP does at its start (a
  // directory of plain passwords would cost an Argon2id hash each).
  const std::string dpath = (fs::path(data_dir) / "directory.json").string();
  if (fs::exists(dpath)) {
    bool found = false;
    try {
      std::ifstream in(dpath);
      const nlohmann::json d = nlohmann::json::parse(in);
      for (const auto& u : d.at("users"))
        if (u.is_object() && u.contains("userid") && u.at("userid").is_string() &&
            upper(u.at("userid").get<std::string>()) == upper(userid))
          found = true;
    } catch (const std::exception& e) {
      throw std::runtime_error("cannot read the directory " + dpath + ": " + e.what());
    }
    if (!found) throw std::runtime_error("user " + upper(userid) + " is not in the directory " + dpath);
  }
  std::vector<s370::io::Card> deck =
      s370::io::load_deck(file, ascii ? s370::io::DeckMode::Ascii : s370::io::DeckMode::Ebcdic);
  fs::create_directories(data_dir);
  auto store = SpoolStore::open((fs::path(data_dir) / "spool.db").string());
  SpoolFile f;
  f.owner = upper(userid);
  f.queue = Queue::Reader;
  f.origin = "SYSTEM";
  f.device = "RDR";
  f.cls = cls;
  f.dist = f.owner;
  std::vector<std::string> nm = words(name);
  if (!nm.empty()) f.fn = upper(nm[0]).substr(0, 8);
  if (nm.size() > 1) f.ft = upper(nm[1]).substr(0, 8);
  std::vector<SpoolRecord> recs;
  for (const auto& c : deck) recs.push_back(SpoolRecord{0, std::vector<u8>(c.begin(), c.end())});
  f.records = static_cast<u32>(recs.size());
  return store->add(f, recs);
}

}  // namespace cp
