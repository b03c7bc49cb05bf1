// CP's commands (docs/CP.md, "Commands"), with VM/370 Release 6's names,
// abbreviations, privilege classes, responses and DMKxxxnnnE messages
// (CP Command Reference for General Users, R6; the Operator's Guide).
// Where R6's exact text is not known to us the message keeps R6's form
// and says what happened; docs/CP.md lists those.
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "cp/saved_state.h"
#include "cp/tools/levels.h"
#include "cp/text.h"
#include "cp/user.h"
#include "s370/channel/ebcdic.h"

namespace cp {

namespace {

using text::hex3;
using text::pad;
using text::upper;
using text::words;

struct Words {
  std::vector<std::string> w;     // upper case
  std::vector<std::size_t> at;    // where each begins in the line
  std::string line;
  std::size_t size() const { return w.size(); }
  const std::string& operator[](std::size_t i) const {
    static const std::string none;
    return i < w.size() ? w[i] : none;
  }
  // The rest of the line from word i, as typed (MSG text keeps its case).
  std::string rest(std::size_t i) const { return i < at.size() ? line.substr(at[i]) : ""; }
};

// PFnn: 1-24, else 0.
int pf_number(const std::string& word) {
  if (word.size() < 3 || word.size() > 4 || word.compare(0, 2, "PF") != 0) return 0;
  int n = 0;
  for (std::size_t i = 2; i < word.size(); i++) {
    if (word[i] < '0' || word[i] > '9') return 0;
    n = n * 10 + (word[i] - '0');
  }
  return n >= 1 && n <= 24 ? n : 0;
}

Words split(const std::string& line) {
  Words r;
  r.line = line;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && line[i] == ' ') i++;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ') j++;
    if (j > i) {
      r.w.push_back(upper(line.substr(i, j - i)));
      r.at.push_back(i);
    }
    i = j;
  }
  return r;
}

// `word` abbreviates `name` to at least `min` characters (R6's rule).
bool abbrev(const std::string& word, const std::string& name, std::size_t min) {
  return word.size() >= min && word.size() <= name.size() && name.compare(0, word.size(), word) == 0;
}

bool parse_hex(const std::string& s, u32& v, std::size_t max_digits = 8) {
  if (s.empty() || s.size() > max_digits) return false;
  v = 0;
  for (char c : s) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return false;
    v = v * 16 + static_cast<u32>(std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (std::toupper(c) - 'A' + 10));
  }
  return true;
}

bool parse_vaddr(const std::string& s, u16& a) {
  u32 v;
  if (!parse_hex(s, v, 3)) return false;
  a = static_cast<u16>(v);
  return true;
}

bool parse_dec(const std::string& s, u32& v) {
  if (s.empty() || s.size() > 9) return false;
  v = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    v = v * 10 + static_cast<u32>(c - '0');
  }
  return true;
}

void line(std::string& out, const std::string& l) { out += l + "\n"; }

std::string spoolid(u32 id) {
  char b[8];
  std::snprintf(b, sizeof b, "%04u", id);
  return b;
}

const char* dev_word(DevKind k) {
  switch (k) {
    case DevKind::Console: return "CONS";
    case DevKind::Reader: return "RDR ";
    case DevKind::Punch: return "PUN ";
    case DevKind::Printer: return "PRT ";
    case DevKind::Graf: return "GRAF";
    default: return "DASD";
  }
}

// R6's spool queue names: READER/RDR, PRINTER/PRT, PUNCH/PCH/PUN.
bool queue_of(const std::string& w, Queue& q) {
  if (abbrev(w, "READER", 1) || w == "RDR") q = Queue::Reader;
  else if (abbrev(w, "PRINTER", 2) || w == "PRT") q = Queue::Printer;
  else if (abbrev(w, "PUNCH", 2) || w == "PCH" || w == "PUN") q = Queue::Punch;
  else return false;
  return true;
}

// The machine's devices a spool queue's name stands for in SPOOL and
// CLOSE (READER: every reader...); none when it is not one.
std::vector<u16> spool_devices(const System::User& u, const std::string& word) {
  std::vector<u16> t;
  Queue q;
  if (!queue_of(word, q)) return t;
  for (auto& [addr, d] : u.devs)
    if ((q == Queue::Reader && d.reader) || (q == Queue::Punch && d.kind == DevKind::Punch) ||
        (q == Queue::Printer && d.kind == DevKind::Printer))
      t.push_back(addr);
  return t;
}

}  // namespace

std::string System::emsg(const User& u, const std::string& msg) const {
  // SET EMSG: ON the whole message, CODE only DMKxxxnnnE, TEXT only the
  // text, OFF nothing (CP's own messages follow it as DIAGNOSE X'5C' does
  // for CMS's).
  if (msg.size() < 11 || msg.compare(0, 3, "DMK") != 0) return msg;
  if (u.emsg == "OFF") return "";
  if (u.emsg == "CODE") return msg.substr(0, 10);
  if (u.emsg == "TEXT") return msg.substr(11);
  return msg;
}

// A line typed by the user (or the operator): in CP mode it is CP's, split
// at the line-end character; with the machine running it goes to the
// guest, unless it starts with #CP.
void System::command_line(User& u, const std::string& text, std::string* response) {
  std::string t = text;
  if (!u.cp_mode && !response) {
    const std::string lead = std::string(1, u.linend) + "CP";
    if (upper(t.substr(0, 3)) != lead) {
      if (!u.console_addr) return;
      if (!u.console_in.push(t)) {
        std::lock_guard<std::mutex> lk(u.term_mu);
        if (u.term && u.term->status_area()) u.term->not_accepted();
        else if (u.term) u.term->write("NOT ACCEPTED: TOO MANY LINES TYPED AHEAD\n");
        return;
      }
      disp_->wake(u.vmid);
      return;
    }
    t = t.substr(3);
    if (split(t).size() == 0) {
      // #CP alone: CP mode, the machine stopped.
      stop_vm(u);
      cp_read(u, true, true);
      return;
    }
  }
  // LINEND splits a line into several commands.
  std::vector<std::string> parts;
  std::size_t i = 0;
  while (i <= t.size()) {
    std::size_t j = t.find(u.linend, i);
    if (j == std::string::npos) j = t.size();
    parts.push_back(t.substr(i, j - i));
    i = j + 1;
  }
  const std::string uid = u.userid;
  for (const std::string& p : parts) {
    if (split(p).size() == 0) continue;
    std::string out;
    command(u, p, out);
    User* still = find_user(uid);
    if (!out.empty()) {
      if (response)
        *response += out;
      else if (still) {
        std::lock_guard<std::mutex> lk(still->term_mu);
        if (still->term) still->term->write(out);
      }
    }
    if (!still || still != &u) return;
  }
}

int System::command(User& u, const std::string& text, std::string& out) {
  const Words w = split(text);
  if (w.size() == 0) return 0;
  const std::string& v = w[0];
  auto err = [&](const std::string& m, int rc) {
    const std::string e = emsg(u, m);
    if (!e.empty()) line(out, e);
    return rc;
  };
  auto need = [&](char cls) { return u.entry.has_class(cls); };
  auto cls_any = [&](const char* classes) {
    for (const char* c = classes; *c; c++)
      if (need(*c)) return true;
    return false;
  };
  auto with_stopped = [&](auto fn) {
    // Commands that read or change the machine's state while it runs
    // (#CP DISPLAY ...): stop it, act, go on.
    const bool running = !u.cp_mode && disp_->stop(u.vmid);
    fn();
    if (running && find_user(u.userid) == &u && !u.cp_mode) disp_->start(u.vmid);
  };
  s370::Cpu& cpu = u.vm->cpu();
  // "CP command" (what #CP leaves in CP mode, and CMS's CP command's
  // habit): the command itself.
  if (v == "CP") return w.size() > 1 ? command(u, w.rest(1), out) : 0;

  // ---- BEGIN -----------------------------------------------------------
  if (abbrev(v, "BEGIN", 1)) {
    if (w.size() > 1) {
      u32 a;
      if (!parse_hex(w[1], a, 6)) return err("DMKCFM004E INVALID HEXLOC - " + w[1], 4);
      cpu.psw.ia = a;
    }
    u.diag_pending = false;
    drop_hold(u);
    run_vm(u);
    return 0;
  }
  // ---- IPL ---------------------------------------------------------------
  if (abbrev(v, "IPL", 1)) {
    if (w.size() < 2) return err("DMKCFG022E VADDR MISSING OR INVALID", 22);
    u16 a;
    if (!parse_vaddr(w[1], a) || !u.devs.count(a)) {
      // Not a device of the machine: a saved system by its name.
      std::shared_ptr<const SavedSystem> sys = saved_system(w[1]);
      if (!sys) {
        if (!parse_vaddr(w[1], a)) return err("DMKCFG040E SYSTEM " + w[1] + " DOES NOT EXIST", 40);
        return err("DMKCFG040E DEV " + hex3(a) + " DOES NOT EXIST", 40);
      }
      if (sys->storage > u.vm->storage().size())
        return err("DMKCFG170E SYSTEM " + w[1] + " EXCEEDS STORAGE", 170);
      if (!u.cp_mode) stop_vm(u);
      u.diag_pending = false;
      drop_hold(u);
      end_guest_screen(u);
      ipl_saved_system(*u.vm, *sys);
      run_vm(u);
      return 0;
    }
    bool clear = false;
    for (std::size_t i = 2; i < w.size(); i++) {
      if (w[i] == "CLEAR") clear = true;
      else if (w[i] == "PARM") break;
      else return err("DMKCFG003E INVALID OPTION - " + w[i], 3);
    }
    if (!u.cp_mode) stop_vm(u);
    u.diag_pending = false;
    drop_hold(u);
    // A reader starts the IPL with a file of its own: what is left of one
    // an earlier IPL read is closed (and purged) first.
    if (u.devs[a].reader) close_device(u, a, false, false, "");
    if (clear)  // IPL CLEAR: storage zeros (its frames given back) and keys zero
      for (u32 p = 0; p < u.vm->storage().size(); p += 0x1000) {
        u.vm->storage().release(p >> 12);
        u.vm->storage().key(s370::AbsAddr(p)) = 0;
        u.vm->storage().key(s370::AbsAddr(p + 0x800)) = 0;
      }
    u.console_in.read_ended();  // the reset gives up a read
    end_guest_screen(u);
    const std::string r = u.vm->ipl(a);
    if (!r.empty()) {
      cp_read(u, true, false);
      return err("DMKCFG999E IPL " + hex3(a) + " FAILED: " + upper(r), 99);
    }
    run_vm(u);
    return 0;
  }
  // ---- QUERY -------------------------------------------------------------
  if (abbrev(v, "QUERY", 1)) {
    const std::string& q = w[1];
    if (w.size() < 2) return err("DMKCQG026E OPERAND MISSING OR INVALID", 26);
    if (abbrev(q, "TIME", 1)) {
      line(out, "TIME IS " + now_line());
      const long conn = static_cast<long>(std::time(nullptr) - u.logon_at);
      char b[128];
      const u64 vc = u.vm->counters().direct, tc = cpu.instructions();
      std::snprintf(b, sizeof b, "CONNECT= %02ld:%02ld:%02ld VIRTCPU= %03llu:%02llu.%02llu TOTCPU= %03llu:%02llu.%02llu",
                    conn / 3600, conn / 60 % 60, conn % 60, static_cast<unsigned long long>(vc / 60000000),
                    static_cast<unsigned long long>(vc / 1000000 % 60), static_cast<unsigned long long>(vc / 10000 % 100),
                    static_cast<unsigned long long>(tc / 60000000), static_cast<unsigned long long>(tc / 1000000 % 60),
                    static_cast<unsigned long long>(tc / 10000 % 100));
      line(out, b);
      return 0;
    }
    if (q == "LEVELS") {
      // VM under VM (docs/VM-UNDER-VM.md): this machine, and the guest
      // control programs running in it, level by level, with what each
      // one's guest cost it. (This CP's own addition.)
      with_stopped([&] {
        const Counters& c = u.vm->counters();
        char b[160];
        std::snprintf(b, sizeof b, "LEVEL 1 CP      %s: DIRECT %llu TRAPS %llu", u.userid.c_str(),
                      static_cast<unsigned long long>(c.direct), static_cast<unsigned long long>(c.traps));
        line(out, b);
        const nlohmann::ordered_json st = levels::stack(u.vm->storage());
        for (const auto& g : st) {
          std::snprintf(b, sizeof b, "LEVEL %d GCP/370: TRAPS %u EMULATED %u REFLECTED %u FRAMES %u%s",
                        g["level"].get<int>(), g["traps"].get<unsigned>(), g["emulated"].get<unsigned>(),
                        g["reflected"]["program"].get<unsigned>() + g["reflected"]["svc"].get<unsigned>() +
                            g["reflected"]["external"].get<unsigned>(),
                        g["frames"].get<unsigned>(), g["stopped"].get<unsigned>() ? " STOPPED" : "");
          line(out, b);
        }
        if (st.empty()) {
          line(out, "NO CONTROL PROGRAM RUNS IN THIS MACHINE");
        } else {
          std::snprintf(b, sizeof b, "THE GUEST OF LEVEL %zu: WHAT IT IPLED", st.size() + 1);
          line(out, b);
        }
      });
      return 0;
    }
    if (abbrev(q, "USERS", 1)) {
      if (w.size() > 2) {
        User* o = find_user(w[2]);
        if (!o) return err("DMKCQG045E " + w[2] + " NOT LOGGED ON", 45);
        line(out, pad(o->userid, 8) + " - " + (o->term ? o->term->name() : std::string("DSC")));
        return 0;
      }
      std::size_t dialed = 0;
      char b[64];
      std::snprintf(b, sizeof b, "%3zu USERS, %3zu DIALED", users_.size(), dialed);
      line(out, b);
      return 0;
    }
    if (abbrev(q, "NAMES", 1)) {
      std::string l;
      int n = 0;
      for (auto& [id, o] : users_) {
        std::string term;
        {
          std::lock_guard<std::mutex> lk(o->term_mu);
          term = o->term ? o->term->name() : "DSC";
        }
        if (n) l += " , ";
        l += pad(o->userid, 8) + " - " + term;
        if (++n == 4) {
          line(out, l);
          l.clear();
          n = 0;
        }
      }
      if (!l.empty()) line(out, l);
      return 0;
    }
    if (abbrev(q, "LOGMSG", 1)) {
      line(out, logmsg_.empty() ? "NO LOGMSG" : logmsg_);
      return 0;
    }
    if (abbrev(q, "FILES", 1)) {
      auto n = [&](Queue qq, const char* name) {
        const u32 c = spool_->count(u.userid, qq);
        char b[32];
        if (c)
          std::snprintf(b, sizeof b, "%03u %s", c, name);
        else
          std::snprintf(b, sizeof b, "NO %s", name);
        return std::string(b);
      };
      line(out, "FILES: " + n(Queue::Reader, "RDR") + ", " + n(Queue::Printer, "PRT") + ", " + n(Queue::Punch, "PUN"));
      return 0;
    }
    Queue qq;
    if (queue_of(q, qq)) {
      bool all = false;
      for (std::size_t i = 2; i < w.size(); i++)
        if (w[i] == "ALL") all = true;
      const std::vector<SpoolFile> files = spool_->list(u.userid, qq);
      if (!all) {
        char b[32];
        if (files.empty())
          std::snprintf(b, sizeof b, "NO %s FILES", queue_name(qq));
        else
          std::snprintf(b, sizeof b, "FILES: %03zu %s", files.size(), queue_name(qq));
        line(out, b);
        return 0;
      }
      if (files.empty()) {
        line(out, std::string("NO ") + queue_name(qq) + " FILES");
        return 0;
      }
      line(out, "ORIGINID FILE CLASS RECORDS  CPY HOLD DATE  TIME     NAME      TYPE      DIST");
      for (const SpoolFile& f : files) {
        std::tm tm{};
        const std::time_t t = static_cast<std::time_t>(f.created);
        localtime_r(&t, &tm);
        char b[200];
        std::snprintf(b, sizeof b, "%s %s %c %s %08u %03u %s %02d/%02d %02d:%02d:%02d %s %s %s",
                      pad(f.origin, 8).c_str(), spoolid(f.id).c_str(), f.cls, pad(f.device, 3).c_str(), f.records,
                      f.copies, f.hold ? "USER" : "NONE", tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                      pad(f.fn, 8).c_str(), pad(f.ft, 8).c_str(), f.dist.c_str());
        line(out, b);
      }
      return 0;
    }
    if (abbrev(q, "VIRTUAL", 1)) {
      std::string what = w.size() > 2 ? w[2] : "ALL";
      u16 one = 0;
      const bool by_addr = parse_vaddr(what, one) && u.devs.count(one);
      if (what == "ALL" || abbrev(what, "STORAGE", 3)) {
        char b[48];
        std::snprintf(b, sizeof b, "STORAGE = %05uK", u.storage / 1024);
        line(out, b);
        if (what != "ALL") return 0;
      }
      for (auto& [a, d] : u.devs) {
        if (by_addr && a != one) continue;
        if (!by_addr && what != "ALL") {
          const bool cons = d.kind == DevKind::Console, ur = d.writer || d.reader;
          const bool dasd = d.kind == DevKind::Minidisk || d.kind == DevKind::Link;
          if (!((abbrev(what, "CONSOLE", 4) && cons) || (what == "UR" && ur) || (what == "DASD" && dasd))) continue;
        }
        std::string l = std::string(dev_word(d.kind)) + " " + hex3(a);
        if (d.kind == DevKind::Console) {
          std::lock_guard<std::mutex> lk(u.term_mu);
          l += " ON " + (u.term ? u.term->name() : std::string("DSC"));
        } else if (d.reader || d.writer) {
          const SpoolOptions& o = d.reader ? d.reader->options() : d.writer->options();
          char b[96];
          std::snprintf(b, sizeof b, " CL %c %s %s", o.cls, o.cont ? "CONT  " : "NOCONT", o.hold ? "HOLD  " : "NOHOLD");
          l += b;
          if (d.writer) {
            std::snprintf(b, sizeof b, " COPY %02u READY", o.copies);
            l += b;
            line(out, l);
            l = "     " + hex3(a) + " FOR " + pad(u.userid, 8) + " DIST " + u.userid;
            if (!o.to.empty()) l += " TO " + o.to;
          } else {
            l += o.eof ? " EOF    READY" : " NOEOF  READY";
          }
        } else if (d.dedicated) {
          l = "DEV  " + hex3(a) + " ON DEV " + hex3(d.real) + " " + d.devtype + " DEDICATED";
        } else if (d.graf) {
          std::lock_guard<std::mutex> lk(d.graf->mu);
          l += " 3278-" + std::to_string(d.graf->model) +
               (d.graf->term ? " DIALED FROM " + d.graf->term->name() : std::string(" NOT DIALED"));
        } else {
          char b[96];
          std::snprintf(b, sizeof b, " ON %s %s %s %4u CYL", d.devtype.c_str(), pad(d.volume, 6).c_str(),
                        d.write ? "R/W" : "R/O", d.cylinders);
          l += b;
          if (d.kind == DevKind::Link) l += " LINKED TO " + d.owner;
        }
        line(out, l);
      }
      if (by_addr || what != "ALL") {
        if (out.empty()) return err("DMKCQG040E DEV " + what + " DOES NOT EXIST", 40);
      }
      return 0;
    }
    if (abbrev(q, "SET", 1)) {
      line(out, "MSG " + std::string(u.msg ? "ON " : "OFF") + ", WNG " + (u.wng ? "ON " : "OFF") + ", EMSG " +
                    pad(u.emsg, 4) + ", IMSG " + (u.imsg ? "ON " : "OFF") + ", RUN " + (u.run ? "ON " : "OFF"));
      line(out, std::string("ASSIST ") + (u.vm->assist() == Assist::On ? "ON " : "OFF") + ", LINEND " + u.linend);
      return 0;
    }
    // QUERY PF [nn]: the keys SET PFnn defined.
    if (q.size() >= 2 && q.compare(0, 2, "PF") == 0 && (q.size() == 2 || pf_number(q) > 0)) {
      const int only = q.size() == 2 ? 0 : pf_number(q);
      for (auto& [n, k] : u.pf) {
        if (only && n != only) continue;
        char b[16];
        std::snprintf(b, sizeof b, "PF%02d ", n);
        line(out, b + std::string(k.immediate ? "IMMED   " : "DELAYED ") + k.text);
      }
      if (out.empty()) line(out, only ? "PF" + std::to_string(only) + " UNDEFINED" : "NO PF KEYS DEFINED");
      return 0;
    }
    if (q == "USERID") {
      line(out, pad(u.userid, 8) + " AT " + opt_.sysname);
      return 0;
    }
    if (abbrev(q, "TERMINAL", 4)) {
      line(out, std::string("LINEND ") + u.linend + ", MODE VM");
      return 0;
    }
    // QUERY userid: is that user logged on, and where.
    if (User* o = find_user(q)) {
      std::lock_guard<std::mutex> lk(o->term_mu);
      line(out, pad(o->userid, 8) + " - " + (o->term ? o->term->name() : std::string("DSC")));
      return 0;
    }
    if (q.size() <= 8 && dir_->find(q)) return err("DMKCQG045E " + q + " NOT LOGGED ON", 45);
    return err("DMKCQG003E INVALID OPTION - " + q, 3);
  }
  // ---- Messages --------------------------------------------------------
  if (abbrev(v, "MESSAGE", 1) || v == "MSG" || abbrev(v, "WARNING", 1)) {
    const bool warning = v[0] == 'W';
    if (warning && !cls_any("AB")) return err("?CP: " + v, 1);
    if (w.size() < 2) return err("DMKMSG020E USERID MISSING OR INVALID", 20);
    const std::string head = (warning ? "WNG FROM " : "MSG FROM ") + pad(u.userid, 8) + ": " + w.rest(2);
    auto send = [&](User& to) {
      if (warning ? !to.wng : !to.msg) return false;
      std::lock_guard<std::mutex> lk(to.term_mu);
      if (!to.term) return false;
      to.term->alarm();
      to.term->write(head + "\n");
      return true;
    };
    if (w[1] == "ALL") {
      if (!cls_any("AB")) return err("DMKMSG003E INVALID OPTION - ALL", 3);
      for (auto& [id, o] : users_)
        if (o.get() != &u) send(*o);
      return 0;
    }
    const std::string to = w[1] == "*" ? u.userid : w[1] == "OP" ? "OPERATOR" : w[1];
    User* o = find_user(to);
    if (!o) return err("DMKMSG045E " + to + " NOT LOGGED ON", 45);
    bool disconnected;
    {
      std::lock_guard<std::mutex> lk(o->term_mu);
      disconnected = !o->term;
    }
    if (disconnected) return err("DMKMSG057W " + o->userid + " NOT RECEIVING; DISCONNECTED", 57);
    if (!send(*o)) return err("DMKMSG057W " + o->userid + " NOT RECEIVING; " + (warning ? "WNG OFF" : "MSG OFF"), 57);
    return 0;
  }
  // ---- SET ----------------------------------------------------------------
  if (v == "SET") {
    // SET PFnn [IMMED|DELAYED] [text]: a 3270's program function key (the
    // text as typed, case kept; none: the key is ENTER again).
    if (w.size() >= 2 && w[1].size() >= 3 && w[1].size() <= 4 && w[1].compare(0, 2, "PF") == 0) {
      const int n = pf_number(w[1]);
      if (n < 1) return err("DMKCFS003E INVALID OPTION - " + w[1], 3);
      std::size_t at = 2;
      bool immediate = true;
      if (w.size() > 2 && (w[2] == "IMMED" || w[2] == "DELAYED")) immediate = w[at++] == "IMMED";
      std::string def = w.rest(at);
      if (def.size() > 130) def.resize(130);
      if (def.empty()) u.pf.erase(n);
      else u.pf[n] = User::PfKey{def, immediate};
      return 0;
    }
    if (w.size() < 3) return err("DMKCFS026E OPERAND MISSING OR INVALID", 26);
    const std::string& k = w[1];
    const std::string& val = w[2];
    auto onoff = [&](bool& b) {
      if (val == "ON") b = true;
      else if (val == "OFF") b = false;
      else return err("DMKCFS003E INVALID OPTION - " + val, 3);
      return 0;
    };
    if (k == "MSG") return onoff(u.msg);
    if (k == "WNG") return onoff(u.wng);
    if (k == "IMSG") return onoff(u.imsg);
    if (k == "RUN") return onoff(u.run);
    if (k == "EMSG") {
      if (val != "ON" && val != "OFF" && val != "CODE" && val != "TEXT")
        return err("DMKCFS003E INVALID OPTION - " + val, 3);
      u.emsg = val;
      u.vm->set_emsg(val == "ON" ? VirtualMachine::Emsg::On
                     : val == "OFF" ? VirtualMachine::Emsg::Off
                     : val == "CODE" ? VirtualMachine::Emsg::Code
                                     : VirtualMachine::Emsg::Text);
      return 0;
    }
    if (k == "ASSIST") {
      if (val != "ON" && val != "OFF") return err("DMKCFS003E INVALID OPTION - " + val, 3);
      // The Cpu is switched between slices: the machine stopped a moment.
      with_stopped([&] { u.vm->set_assist(val == "ON" ? Assist::On : Assist::Off); });
      return 0;
    }
    if (k == "LOGMSG") {
      if (!need('A')) return err("DMKCFS003E INVALID OPTION - LOGMSG", 3);
      logmsg_ = val == "OFF" ? "" : w.rest(2).substr(0, 72);
      return 0;
    }
    return err("DMKCFS003E INVALID OPTION - " + k, 3);
  }
  if (abbrev(v, "TERMINAL", 4)) {
    if (w.size() >= 3 && w[1] == "LINEND") {
      if (w[2] == "OFF") u.linend = '\x01';
      else if (w[2].size() == 1) u.linend = w[2][0];
      else return err("DMKCFT003E INVALID OPTION - " + w[2], 3);
      return 0;
    }
    return err("DMKCFT003E INVALID OPTION - " + w[1], 3);
  }
  // ---- DISPLAY and STORE ----------------------------------------------------
  if (abbrev(v, "DISPLAY", 1)) {
    int rc = 0;
    with_stopped([&] {
      const std::string what = w.size() > 1 ? w[1] : "L0-3F";
      if (what == "PSW") {
        const u64 p = cpu.psw.to_u64();
        char b[64];
        std::snprintf(b, sizeof b, "PSW = %08X %08X", static_cast<u32>(p >> 32), static_cast<u32>(p));
        line(out, b);
        return;
      }
      if (what[0] == 'G' || what[0] == 'X' || what[0] == 'Y') {
        // Registers: G general, X control, Y floating point; one or all.
        const char kind = what[0];
        int lo = 0, hi = kind == 'Y' ? 6 : 15;
        if (what.size() > 1) {
          u32 r;
          if (!parse_dec(what.substr(1), r) && !parse_hex(what.substr(1), r, 1)) {
            rc = err("DMKCDS009E INVALID RANGE - " + what, 9);
            return;
          }
          if (r > static_cast<u32>(hi)) {
            rc = err("DMKCDS009E INVALID RANGE - " + what, 9);
            return;
          }
          lo = hi = static_cast<int>(r);
        }
        if (kind == 'Y') {
          for (int r = lo; r <= hi; r += 2) {
            if (r & 1) continue;
            const u64 f = cpu.fpr[r / 2];
            char b[64];
            std::snprintf(b, sizeof b, "FPR %d = %08X %08X", r, static_cast<u32>(f >> 32), static_cast<u32>(f));
            line(out, b);
          }
          return;
        }
        for (int r = lo; r <= hi; r += 4) {
          char b[96];
          int n = std::snprintf(b, sizeof b, "%s %2d = ", kind == 'G' ? "GPR" : "CR ", r);
          for (int k = r; k <= std::min(hi, r + 3); k++)
            n += std::snprintf(b + n, sizeof b - static_cast<std::size_t>(n), "%08X ",
                               kind == 'G' ? cpu.gpr[k] : cpu.cr[k]);
          std::string s(b);
          while (!s.empty() && s.back() == ' ') s.pop_back();
          line(out, s);
        }
        return;
      }
      // Storage: Lhex, Lhex-hex, Lhex.len (or a bare hex address), as 4
      // words a line with the EBCDIC text beside.
      std::string spec = what[0] == 'L' || what[0] == 'T' ? what.substr(1) : what;
      u32 a, e;
      const std::size_t dash = spec.find_first_of("-.");
      if (!parse_hex(spec.substr(0, dash), a, 6)) {
        rc = err("DMKCDS004E INVALID HEXLOC - " + what, 4);
        return;
      }
      if (dash == std::string::npos) {
        e = a + 3;
      } else {
        u32 x;
        if (!parse_hex(spec.substr(dash + 1), x, 6)) {
          rc = err("DMKCDS009E INVALID RANGE - " + what, 9);
          return;
        }
        e = spec[dash] == '.' ? a + (x ? x : 1) - 1 : x;
      }
      if (e < a || e - a > 0x10000) {
        rc = err("DMKCDS009E INVALID RANGE - " + what, 9);
        return;
      }
      a &= ~3u;
      for (u32 p = a; p <= e; p += 16) {
        if (p >= u.vm->storage().size()) {
          rc = err("DMKCDS160E HEXLOC " + what + " EXCEEDS STORAGE", 160);
          return;
        }
        char b[128];
        int n = std::snprintf(b, sizeof b, "%06X  ", p);
        std::string chars;
        for (u32 k = 0; k < 16 && p + k <= e + 3 && p + k < u.vm->storage().size(); k++) {
          u8 byte = 0;
          u.vm->storage().read(s370::AbsAddr(cpu.real_to_abs(s370::RealAddr(p + k)).v), &byte, 1);
          n += std::snprintf(b + n, sizeof b - static_cast<std::size_t>(n), "%02X%s", byte, k % 4 == 3 ? " " : "");
          const u8 c = s370::io::to_ascii(byte);
          chars += c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '.';
        }
        line(out, std::string(b) + " *" + chars + "*");
      }
    });
    return rc;
  }
  if (abbrev(v, "STORE", 2)) {
    if (w.size() < 3) return err("DMKCDS026E OPERAND MISSING OR INVALID", 26);
    int rc = 0;
    with_stopped([&] {
      const std::string& what = w[1];
      if (what == "PSW") {
        u32 hi, lo;
        if (w.size() < 4 || !parse_hex(w[2], hi) || !parse_hex(w[3], lo)) {
          rc = err("DMKCDS005E INVALID HEXDATA - " + w[2], 5);
          return;
        }
        u.vm->load_psw(s370::Psw::from_u64(u64{hi} << 32 | lo));  // as LPSW would make it current
        line(out, "STORE COMPLETE");
        return;
      }
      if (what[0] == 'G' || what[0] == 'X') {
        u32 r;
        if (!parse_dec(what.substr(1), r) || r > 15) {
          rc = err("DMKCDS009E INVALID RANGE - " + what, 9);
          return;
        }
        for (std::size_t i = 2; i < w.size() && r <= 15; i++, r++) {
          u32 val;
          if (!parse_hex(w[i], val)) {
            rc = err("DMKCDS005E INVALID HEXDATA - " + w[i], 5);
            return;
          }
          (what[0] == 'G' ? cpu.gpr[r] : cpu.cr[r]) = val;
        }
        if (what[0] == 'X') cpu.purge_tlb();
        line(out, "STORE COMPLETE");
        return;
      }
      std::string spec = what[0] == 'L' ? what.substr(1) : what;
      u32 a;
      if (!parse_hex(spec, a, 6)) {
        rc = err("DMKCDS004E INVALID HEXLOC - " + what, 4);
        return;
      }
      std::vector<u8> bytes;
      for (std::size_t i = 2; i < w.size(); i++) {
        const std::string& h = w[i];
        if (h.size() % 2 || h.size() > 16) {
          rc = err("DMKCDS005E INVALID HEXDATA - " + h, 5);
          return;
        }
        for (std::size_t k = 0; k < h.size(); k += 2) {
          u32 b;
          if (!parse_hex(h.substr(k, 2), b)) {
            rc = err("DMKCDS005E INVALID HEXDATA - " + h, 5);
            return;
          }
          bytes.push_back(static_cast<u8>(b));
        }
      }
      if (u64{a} + bytes.size() > u.vm->storage().size()) {
        rc = err("DMKCDS160E HEXLOC " + what + " EXCEEDS STORAGE", 160);
        return;
      }
      for (std::size_t k = 0; k < bytes.size(); k++)
        u.vm->storage().write(s370::AbsAddr(cpu.real_to_abs(s370::RealAddr(a + static_cast<u32>(k))).v), &bytes[k],
                              1);
      cpu.purge_tlb();
      line(out, "STORE COMPLETE");
    });
    return rc;
  }
  // ---- SYSTEM -------------------------------------------------------------
  if (abbrev(v, "SYSTEM", 3)) {
    const std::string& o = w[1];
    if (abbrev(o, "RESET", 1) || abbrev(o, "CLEAR", 1) || abbrev(o, "RESTART", 4)) {
      if (!u.cp_mode) stop_vm(u);
      u.diag_pending = false;
      drop_hold(u);
      if (abbrev(o, "RESTART", 4)) {
        // The restart key: old PSW at 8, new PSW from 0 (R6's SYSTEM
        // RESTART; Principles, "Restart Interruption").
        u8 oldp[8], newp[8];
        const u64 p = cpu.psw.to_u64();
        for (int k = 0; k < 8; k++) oldp[k] = static_cast<u8>(p >> (56 - 8 * k));
        auto& st = u.vm->storage();
        const u32 pfx = cpu.prefix;
        st.write(s370::AbsAddr(pfx + 8), oldp, 8);
        st.read(s370::AbsAddr(pfx + 0), newp, 8);
        u64 np = 0;
        for (int k = 0; k < 8; k++) np = np << 8 | newp[k];
        u.vm->load_psw(s370::Psw::from_u64(np));
        run_vm(u);
        return 0;
      }
      cpu.reset_initial();
      u.vm->channels().reset();
      u.console_in.read_ended();
      end_guest_screen(u);
      if (abbrev(o, "CLEAR", 1))  // storage zeros and keys zero (R6's SYSTEM CLEAR)
        for (u32 p = 0; p < u.vm->storage().size(); p += 0x1000) {
          u.vm->storage().release(p >> 12);
          u.vm->storage().key(s370::AbsAddr(p)) = 0;
          u.vm->storage().key(s370::AbsAddr(p + 0x800)) = 0;
        }
      line(out, "SYSTEM " + std::string(abbrev(o, "CLEAR", 1) ? "CLEARED" : "RESET"));
      return 0;
    }
    return err("DMKCFM003E INVALID OPTION - " + o, 3);
  }
  // ---- EXTERNAL, REQUEST ----------------------------------------------------
  if (abbrev(v, "EXTERNAL", 3)) {
    u32 code = 0x40;
    if (w.size() > 1 && !parse_hex(w[1], code, 4)) return err("DMKCFM005E INVALID HEXDATA - " + w[1], 5);
    // The interrupt key (X'40') is the external interruption a virtual
    // machine has; other codes come from devices it does not have.
    if (code != 0x40) return err("DMKCFM003E INVALID OPTION - " + w[1], 3);
    with_stopped([&] { cpu.press_interrupt_key(); });
    if (u.cp_mode) run_vm(u);
    return 0;
  }
  // RESET vaddr: a virtual 3270 lets go of the terminal DIALed to it (R6:
  // how a local 3270's DIAL ends); any other device is reset, its pending
  // interruption cleared.
  if (v == "RESET") {
    u16 a;
    if (w.size() < 2 || !parse_vaddr(w[1], a)) return err("DMKCFM022E VADDR MISSING OR INVALID", 22);
    auto d = u.devs.find(a);
    if (d == u.devs.end()) return err("DMKCFM040E DEV " + hex3(a) + " DOES NOT EXIST", 40);
    if (d->second.graf) drop_dialed(u, a, false);
    else
      with_stopped([&] {
        if (s370::io::Device* dev = u.vm->channels().find(a)) dev->reset();
      });
    line(out, std::string(dev_word(d->second.kind)) + " " + hex3(a) + " RESET");
    return 0;
  }
  if (abbrev(v, "REQUEST", 3) || v == "ATTN") {
    if (!u.console_addr) return err("DMKCFM040E DEV CONSOLE DOES NOT EXIST", 40);
    with_stopped([&] {
      if (auto* c = dynamic_cast<s370::io::Console3215*>(u.vm->channels().find(u.console_addr))) c->request();
    });
    return 0;
  }
  if (abbrev(v, "SLEEP", 2)) {
    u32 n = 0;
    std::time_t secs = 0;
    if (w.size() > 1) {
      if (!parse_dec(w[1], n)) return err("DMKCFM026E OPERAND MISSING OR INVALID", 26);
      secs = abbrev(w[2], "MINUTES", 3) ? n * 60 : n;
    }
    // The machine stands still while the user sleeps, and goes on as it
    // was (running or in CP READ) when the time is up, or at once when a
    // key (a line or an attention) wakes it; without a time it sleeps
    // until then.
    u.sleep_resume = !u.cp_mode;
    if (!u.cp_mode) stop_vm(u);
    u.sleep_until = secs ? std::time(nullptr) + secs : std::time(nullptr) + 365 * 86400;
    return 0;
  }
  // ---- LOGOFF, DISCONNECT ------------------------------------------------------
  if (abbrev(v, "LOGOFF", 4) || abbrev(v, "LOGOUT", 4)) {
    logoff(u, false, "");
    return 0;
  }
  if (abbrev(v, "DISCONN", 4)) {
    disconnect(u, true);
    return 0;
  }
  // ---- DEFINE, DETACH, LINK ------------------------------------------------------
  if (abbrev(v, "DEFINE", 3)) {
    if (w.size() < 2) return err("DMKDEF026E OPERAND MISSING OR INVALID", 26);
    if (abbrev(w[1], "STORAGE", 4)) {
      u32 bytes;
      try {
        bytes = parse_storage(w[2]);
      } catch (const std::exception&) {
        return err("DMKDEF026E OPERAND MISSING OR INVALID", 26);
      }
      if (bytes > u.entry.maxstorage) return err("DMKDEF094E STORAGE EXCEEDS ALLOWED MAXIMUM", 94);
      // A new machine of that size with the same devices, moved over as
      // they are (links, dedicated devices, a reader's open file, a punch's
      // records all kept): R6 resets the machine and leaves it in CP mode.
      if (!u.cp_mode) stop_vm(u);
      u.diag_pending = false;
      drop_hold(u);
      disp_->remove(u.vmid);
      by_vm_.erase(u.vmid);
      const std::shared_ptr<VirtualMachine> old = u.vm;
      u.storage = bytes;
      u.vm = build_vm(u, bytes);
      u.vm->set_assist(old->assist());
      for (auto& [a, d] : u.devs)
        if (std::unique_ptr<s370::io::Device> dev = old->channels().remove(a)) {
          dev->reset();
          u.vm->attach(std::move(dev));
        }
      u.vmid = disp_->add(u.vm, clock_, false);
      by_vm_[u.vmid] = &u;
      cp_read(u, true, false);
      char b[48];
      std::snprintf(b, sizeof b, "STORAGE = %05uK", bytes / 1024);
      line(out, b);
      return 0;
    }
    // DEFINE READER|PUNCH|PRINTER|CONSOLE|GRAF vaddr (GRAF: a model, 2
    // to 5, may follow; 2 when none)
    u16 a;
    if (w.size() < 3 || !parse_vaddr(w[2], a)) return err("DMKDEF022E VADDR MISSING OR INVALID", 22);
    DeviceEntry d;
    d.address = a;
    Queue q;
    if (w[1] == "GRAF" || w[1] == "3270") {
      d.kind = DevKind::Graf;
      d.model = w.size() > 3 ? (w[3].size() == 1 ? w[3][0] - '0' : 0) : 2;
      if (d.model < 2 || d.model > 5) return err("DMKDEF003E INVALID OPTION - " + w[3], 3);
    } else if (abbrev(w[1], "CONSOLE", 4)) d.kind = DevKind::Console;
    else if (queue_of(w[1], q)) d.kind = q == Queue::Reader ? DevKind::Reader : q == Queue::Punch ? DevKind::Punch : DevKind::Printer;
    else return err("DMKDEF006E INVALID DEVICE TYPE - " + w[1], 6);
    if (u.devs.count(a)) return err("DMKDEF023E DEV " + hex3(a) + " ALREADY DEFINED", 23);
    std::string e;
    with_stopped([&] { e = add_device(u, d, false); });
    if (!e.empty()) return err(e, 99);
    line(out, std::string(dev_word(d.kind)) + " " + hex3(a) + " DEFINED");
    return 0;
  }
  if (abbrev(v, "ATTACH", 3)) {
    // Class B: ATTACH raddr [TO] userid [AS] vaddr, a real device of the
    // system (DIR/devices.json) dedicated to a user's machine.
    if (!need('B')) return err("?CP: " + v, 1);
    std::size_t i = 1;
    u16 raddr, vaddr;
    if (!parse_vaddr(w[i++], raddr)) return err("DMKATT021E RADDR MISSING OR INVALID", 21);
    if (w[i] == "TO") i++;
    User* o = find_user(w[i] == "*" ? u.userid : w[i]);
    if (!o) return err("DMKATT045E " + w[i] + " NOT LOGGED ON", 45);
    i++;
    if (w[i] == "AS") i++;
    if (w.size() <= i) vaddr = raddr;
    else if (!parse_vaddr(w[i], vaddr)) return err("DMKATT022E VADDR MISSING OR INVALID", 22);
    std::string r;
    const bool running = !o->cp_mode && disp_->stop(o->vmid);
    r = attach_real(*o, raddr, vaddr);
    if (running) disp_->start(o->vmid);
    if (!r.empty()) return err(r, 99);
    say(*o, "DEV " + hex3(vaddr) + " ATTACHED");
    line(out, "DEV " + hex3(raddr) + " ATTACHED TO " + o->userid + " " + hex3(vaddr));
    return 0;
  }
  if (abbrev(v, "DETACH", 3)) {
    u16 a;
    if (w.size() < 2 || !parse_vaddr(w[1], a)) return err("DMKDET022E VADDR MISSING OR INVALID", 22);
    if (w[2] == "FROM") {
      // Class B: DETACH raddr FROM userid takes a real device back.
      if (!need('B')) return err("DMKDET003E INVALID OPTION - FROM", 3);
      User* o = find_user(w[3]);
      if (!o) return err("DMKDET045E " + w[3] + " NOT LOGGED ON", 45);
      for (auto& [va, d] : o->devs)
        if (d.dedicated && d.real == a) {
          const u16 vaddr = va;
          const std::string r = detach(*o, vaddr);
          say(*o, r);
          line(out, "DEV " + hex3(a) + " DETACHED " + o->userid);
          return 0;
        }
      return err("DMKDET040E DEV " + hex3(a) + " DOES NOT EXIST", 40);
    }
    const std::string r = detach(u, a);
    if (r.find("DMK") == 0) return err(r, 40);
    line(out, r);
    return 0;
  }
  if (v == "LINK") {
    std::size_t i = 1;
    if (w[i] == "TO") i++;
    const std::string owner = w[i++];
    u16 theirs, mine;
    if (owner.empty() || owner.size() > 8) return err("DMKLNK020E USERID MISSING OR INVALID", 20);
    if (!parse_vaddr(w[i++], theirs)) return err("DMKLNK022E VADDR MISSING OR INVALID", 22);
    if (w[i] == "AS") i++;
    if (!parse_vaddr(w[i++], mine)) return err("DMKLNK022E VADDR MISSING OR INVALID", 22);
    std::string mode = w[i].empty() ? "R" : w[i];
    if (!w[i].empty()) i++;
    std::string pw;
    if (w[i] == "PASS=" || w[i] == "PASS") pw = w[i + 1];
    else if (w[i].rfind("PASS=", 0) == 0) pw = w[i].substr(5);
    if (pw.empty() && owner != u.userid) {
      // R6 asks for the password when it was not given on the line; a
      // line-mode terminal gives it on the line (PASS=).
      const UserEntry* oe = dir_->find(owner);
      const DeviceEntry* md = oe ? oe->device(theirs) : nullptr;
      const std::string needpw = md ? link_password(*md, mode) : "";
      if (md && needpw != "ALL" && !needpw.empty())
        return err("DMKLNK113E " + owner + " " + hex3(theirs) + " NOT LINKED; PASSWORD NEEDED (PASS=)", 113);
    }
    std::string r;
    with_stopped([&] { r = link(u, owner, theirs, mine, mode, pw, false); });
    if (r.find("E ") != std::string::npos && r.find("DMK") == 0) return err(r, 99);
    if (!r.empty()) line(out, emsg(u, r));
    return 0;
  }
  // ---- Spool --------------------------------------------------------------
  if (abbrev(v, "SPOOL", 2)) {
    if (w.size() < 3) return err("DMKCSP026E OPERAND MISSING OR INVALID", 26);
    std::vector<u16> targets = spool_devices(u, w[1]);
    u16 a;
    if (targets.empty() && parse_vaddr(w[1], a) && u.devs.count(a) && (u.devs[a].reader || u.devs[a].writer))
      targets.push_back(a);
    if (targets.empty()) return err("DMKCSP040E DEV " + w[1] + " DOES NOT EXIST", 40);
    int rc = 0;
    with_stopped([&] {
      for (std::size_t i = 2; i < w.size() && rc == 0; i++) {
        const std::string& o = w[i];
        for (u16 t : targets) {
          VDev& d = u.devs[t];
          SpoolOptions& so = d.reader ? d.reader->options() : d.writer->options();
          if (abbrev(o, "CLASS", 2) && i + 1 < w.size() && w[i + 1].size() == 1 &&
              (std::isalnum(static_cast<unsigned char>(w[i + 1][0])) || (d.reader && w[i + 1] == "*"))) {
            so.cls = w[i + 1][0];
          } else if (o.size() == 1 && std::isalnum(static_cast<unsigned char>(o[0]))) {
            so.cls = o[0];
          } else if (o == "CONT") so.cont = true;
          else if (o == "NOCONT") so.cont = false;
          else if (o == "HOLD") so.hold = true;
          else if (o == "NOHOLD") so.hold = false;
          else if (o == "EOF") so.eof = true;
          else if (o == "NOEOF") so.eof = false;
          else if (o == "COPY" && i + 1 < w.size()) {
            u32 n;
            if (!parse_dec(w[i + 1], n) || n < 1 || n > 99) {
              rc = err("DMKCSP003E INVALID OPTION - COPY " + w[i + 1], 3);
              break;
            }
            so.copies = n;
          } else if (o == "TO" && i + 1 < w.size()) {
            const std::string who = w[i + 1] == "*" ? u.userid : w[i + 1];
            if (who == "OFF" || who == "SYSTEM") so.to.clear();
            else if (!dir_->find(who)) {
              rc = err("DMKCSP053E " + who + " NOT IN CP DIRECTORY", 53);
              break;
            } else so.to = who;
          } else if (o == "OFF" || o == "FOR") {
          } else if (o == "CLOSE") {
            const std::string r = close_device(u, t, false, false, "");
            if (!r.empty()) line(out, r);
          } else {
            rc = err("DMKCSP003E INVALID OPTION - " + o, 3);
            break;
          }
        }
        // Options that take a value skip it.
        if (rc == 0 && (abbrev(o, "CLASS", 2) || o == "COPY" || o == "TO")) i++;
      }
    });
    return rc;
  }
  if (abbrev(v, "CLOSE", 1)) {
    if (w.size() < 2) return err("DMKCSO022E VADDR MISSING OR INVALID", 22);
    Queue q;
    std::vector<u16> targets = spool_devices(u, w[1]);
    u16 a;
    if (!queue_of(w[1], q)) {
      if (!parse_vaddr(w[1], a)) return err("DMKCSO022E VADDR MISSING OR INVALID", 22);
      targets.push_back(a);
    }
    bool hold = false, purge = false;
    std::string name;
    for (std::size_t i = 2; i < w.size(); i++) {
      if (w[i] == "HOLD") hold = true;
      else if (w[i] == "NOHOLD") hold = false;
      else if (w[i] == "PURGE") purge = true;
      else if (w[i] == "NAME") {
        name = w[i + 1] + " " + w[i + 2];
        i += 2;
      } else return err("DMKCSO003E INVALID OPTION - " + w[i], 3);
    }
    int rc = 0;
    with_stopped([&] {
      for (u16 t : targets) {
        const std::string r = close_device(u, t, hold, purge, name);
        if (r.find("DMK") == 0) rc = err(r, 40);
        else if (!r.empty()) line(out, r);
      }
    });
    return rc;
  }
  // PURGE, ORDER, CHANGE, TRANSFER: files of one's own queues (class D:
  // anyone's, with a userid first).
  if (abbrev(v, "PURGE", 3) || abbrev(v, "ORDER", 3) || abbrev(v, "CHANGE", 2) || abbrev(v, "TRANSFER", 4)) {
    const char op = v[0];  // P O C T
    std::size_t i = 1;
    std::string owner = u.userid;
    Queue q;
    if (!queue_of(w[i], q)) {
      if (need('D') && dir_->find(w[i])) {
        owner = w[i++];
        if (!queue_of(w[i], q)) return err("DMKCSU003E INVALID OPTION - " + w[i], 3);
      } else {
        return err("DMKCSU003E INVALID OPTION - " + w[i], 3);
      }
    }
    i++;
    std::vector<SpoolFile> files = spool_->list(owner, q);
    std::vector<SpoolFile> chosen;
    std::vector<u32> order_ids;
    // The files: ALL, CLASS c, or spoolids (ORDER takes several CLASS c
    // and spoolids); what follows are CHANGE's and TRANSFER's options.
    bool any_selector = false;
    if (w[i] == "ALL") {
      chosen = files;
      any_selector = true;
      i++;
    } else {
      while (i < w.size()) {
        if (w[i] == "CLASS" && i + 1 < w.size() && (!any_selector || op == 'O')) {
          for (const SpoolFile& f : files)
            if (f.cls == w[i + 1][0]) {
              chosen.push_back(f);
              order_ids.push_back(f.id);
            }
          any_selector = true;
          i += 2;
          if (op != 'O') break;
          continue;
        }
        u32 id;
        if (!parse_dec(w[i], id)) break;
        any_selector = true;
        auto f = std::find_if(files.begin(), files.end(), [&](const SpoolFile& x) { return x.id == id; });
        if (f == files.end()) return err("DMKCSU042E SPOOLID " + spoolid(id) + " DOES NOT EXIST", 42);
        chosen.push_back(*f);
        order_ids.push_back(id);
        i++;
      }
    }
    if (!any_selector) return err("DMKCSU026E OPERAND MISSING OR INVALID", 26);
    if (op == 'P') {
      for (const SpoolFile& f : chosen) spool_->remove(f.id);
      char b[64];
      std::snprintf(b, sizeof b, "%04zu FILE%s PURGED", chosen.size(), chosen.size() == 1 ? "" : "S");
      line(out, chosen.empty() ? "NO FILES PURGED" : b);
      return 0;
    }
    if (op == 'O') {
      spool_->reorder(owner, q, order_ids);
      char b[64];
      std::snprintf(b, sizeof b, "%04zu FILE%s ORDERED", order_ids.size(), order_ids.size() == 1 ? "" : "S");
      line(out, b);
      return 0;
    }
    if (op == 'T') {
      // TRANSFER ... TO userid (R6: reader files to another user's reader).
      if (w[i] == "TO") i++;
      const std::string to = w[i] == "*" ? u.userid : w[i];
      if (to.empty() || !dir_->find(to)) return err("DMKCSU053E " + (to.empty() ? "USERID" : to) + " NOT IN CP DIRECTORY", 53);
      for (SpoolFile f : chosen) {
        f.owner = to;
        f.queue = Queue::Reader;
        spool_->update(f);
        seen_reader_.insert(f.id);
        notify_reader(f);
      }
      char b[96];
      std::snprintf(b, sizeof b, "%04zu FILE%s TRANSFERRED", chosen.size(), chosen.size() == 1 ? "" : "S");
      line(out, b);
      return 0;
    }
    // CHANGE ... CLASS c | COPY n | HOLD | NOHOLD | NAME fn ft | DIST d
    if (i >= w.size()) return err("DMKCSU026E OPERAND MISSING OR INVALID", 26);
    for (SpoolFile f : chosen) {
      for (std::size_t k = i; k < w.size(); k++) {
        const std::string& o = w[k];
        if (o == "CLASS" && k + 1 < w.size() && w[k + 1].size() == 1) f.cls = w[++k][0];
        else if (o == "HOLD") f.hold = true;
        else if (o == "NOHOLD") f.hold = false;
        else if (o == "COPY" && k + 1 < w.size()) {
          u32 n;
          if (!parse_dec(w[k + 1], n) || n < 1 || n > 99) return err("DMKCSU003E INVALID OPTION - COPY", 3);
          f.copies = n;
          k++;
        } else if (o == "NAME" && k + 2 < w.size()) {
          f.fn = w[k + 1].substr(0, 8);
          f.ft = w[k + 2].substr(0, 8);
          k += 2;
        } else if (o == "DIST" && k + 1 < w.size()) {
          f.dist = w[++k].substr(0, 8);
        } else {
          return err("DMKCSU003E INVALID OPTION - " + o, 3);
        }
      }
      spool_->update(f);
      // A printer or punch file released from HOLD is printed now.
      if (!f.hold && f.queue != Queue::Reader) deliver_spool(f, &u);
    }
    char b[64];
    std::snprintf(b, sizeof b, "%04zu FILE%s CHANGED", chosen.size(), chosen.size() == 1 ? "" : "S");
    line(out, b);
    return 0;
  }
  // ---- SAVESYS -------------------------------------------------------------------
  if (v == "SAVESYS") {
    // Class E: the machine as it is now becomes a saved system that any
    // user can IPL by name, sharing its pages (docs/CP.md).
    if (!need('E')) return err("?CP: " + v, 1);
    const std::string& name = w[1];
    bool ok = !name.empty() && name.size() <= 8;
    for (char c : name) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '$' || c == '#' || c == '@');
    if (!ok) return err("DMKCFM026E OPERAND MISSING OR INVALID", 26);
    // Our stand-in for R6's DMKSNT page ranges: SAVESYS name hexloc-hexloc
    // saves only those pages (a segment others load by DIAGNOSE X'64').
    u32 from = 0, to = u.vm->storage().size() - 1;
    if (w.size() > 2) {
      const std::size_t dash = w[2].find('-');
      if (dash == std::string::npos || !parse_hex(w[2].substr(0, dash), from, 6) ||
          !parse_hex(w[2].substr(dash + 1), to, 6) || from > to || to >= u.vm->storage().size())
        return err("DMKCFM009E INVALID RANGE - " + w[2], 9);
    }
    int rc = 0;
    with_stopped([&] {
      try {
        save_system(*u.vm, name, from, to);
      } catch (const std::exception& e) {
        rc = err("DMKSAV999E SYSTEM " + name + " NOT SAVED: " + e.what(), 99);
      }
    });
    if (rc == 0) line(out, "SYSTEM SAVED");
    return rc;
  }
  // ---- TRACE and ADSTOP -------------------------------------------------------
  if (abbrev(v, "TRACE", 2)) {
    if (w.size() < 2) return err("DMKTRA026E OPERAND MISSING OR INVALID", 26);
    VirtualMachine::TraceSet t = u.vm->trace();
    bool end = false;
    for (std::size_t i = 1; i < w.size(); i++) {
      const std::string& o = w[i];
      if (o == "END" || o == "OFF") end = true;
      else if (o == "SVC") t.svc = true;
      else if (abbrev(o, "PROGRAM", 4)) t.program = true;
      else if (abbrev(o, "EXTERNAL", 3)) t.external = true;
      else if (o == "I/O" || o == "IO") t.io = true;
      else if (abbrev(o, "PRIVILEGED", 4)) t.priv = true;
      else if (o == "SIO") t.sio = true;
      else if (abbrev(o, "INSTRUCT", 4)) t.instruct = true;
      else if (abbrev(o, "BRANCH", 2)) t.branch = true;
      else if (o == "ALL") t.svc = t.program = t.external = t.io = t.priv = t.sio = true;
      else if (abbrev(o, "TERMINAL", 1) || o == "RUN" || o == "NORUN") {
        // Traces go to the terminal, and the machine runs on after each
        // event (R6's NORUN, a stop after each, is not built: docs/CP.md).
      } else {
        return err("DMKTRA003E INVALID OPTION - " + o, 3);
      }
    }
    if (end) t = VirtualMachine::TraceSet{};
    User* up = &u;
    with_stopped([&] {
      u.vm->set_trace(t, [up](const std::string& l) {
        std::lock_guard<std::mutex> lk(up->term_mu);
        if (up->term) up->term->write(l + "\n");
      });
    });
    if (end) line(out, "TRACE ENDED");
    return 0;
  }
  if (abbrev(v, "ADSTOP", 2)) {
    if (w.size() < 2) return err("DMKCFM026E OPERAND MISSING OR INVALID", 26);
    if (w[1] == "OFF") {
      with_stopped([&] { u.vm->set_adstop(std::nullopt); });
      return 0;
    }
    u32 a;
    if (!parse_hex(w[1], a, 6) || (a & 1)) return err("DMKCFM004E INVALID HEXLOC - " + w[1], 4);
    if (a >= u.vm->storage().size()) return err("DMKCFM160E HEXLOC " + w[1] + " EXCEEDS STORAGE", 160);
    with_stopped([&] { u.vm->set_adstop(a); });
    return 0;
  }
  // ---- INDICATE ------------------------------------------------------------
  if (abbrev(v, "INDICATE", 3)) {
    if (w.size() < 2 || abbrev(w[1], "USER", 1)) {
      User* who = &u;
      if (w.size() > 2) {
        if (!cls_any("ABCE")) return err("DMKCFM003E INVALID OPTION - " + w[2], 3);
        who = find_user(w[2]);
        if (!who) return err("DMKCFM045E " + w[2] + " NOT LOGGED ON", 45);
      }
      // Its counters are its worker's while it runs: read them stopped.
      const bool running = !who->cp_mode && disp_->stop(who->vmid);
      const Counters c = who->vm->counters();
      const u64 total = who->vm->cpu().instructions();
      if (running) disp_->start(who->vmid);
      char b[160];
      std::snprintf(b, sizeof b, "USERID=%s ASSIST=%s STORAGE=%uK", who->userid.c_str(),
                    who->vm->assist() == Assist::On ? "ON" : "OFF", who->storage / 1024);
      line(out, b);
      std::snprintf(b, sizeof b, "INSTRUCTIONS=%llu DIRECT=%llu TRAPS=%llu", static_cast<unsigned long long>(total),
                    static_cast<unsigned long long>(c.direct), static_cast<unsigned long long>(c.traps));
      line(out, b);
      std::snprintf(b, sizeof b, "FRAMES PRIVATE=%u SHARED=%u", who->vm->storage().private_frames(),
                    who->vm->storage().shared_frames());
      line(out, b);
      std::string l = "TRAPS BY CAUSE:";
      for (auto& [cause, n] : c.by_cause()) l += " " + cause + "=" + std::to_string(n);
      line(out, l);
      // Time in CP, by cause, in microseconds of the host.
      std::snprintf(b, sizeof b, "TIME IN CP: %.1f US", static_cast<double>(c.ticks()) / ticks_per_second() * 1e6);
      l = b;
      for (auto& [cause, sec] : c.seconds_by_cause()) {
        std::snprintf(b, sizeof b, " %s=%.1f", cause.c_str(), sec * 1e6);
        l += b;
      }
      line(out, l);
      return 0;
    }
    if (abbrev(w[1], "LOAD", 1)) {
      const auto snap = disp_->snapshot();
      std::size_t running = 0, waiting = 0;
      for (const auto& s : snap) {
        if (s.state == Dispatcher::State::Running || s.state == Dispatcher::State::Runnable) running++;
        if (s.state == Dispatcher::State::Waiting) waiting++;
      }
      char b[128];
      std::snprintf(b, sizeof b, "USERS=%zu RUNNABLE=%zu WAITING=%zu", users_.size(), running, waiting);
      line(out, b);
      return 0;
    }
    return err("DMKCFM003E INVALID OPTION - " + w[1], 3);
  }
  // ---- Operator ---------------------------------------------------------------
  if (v == "FORCE") {
    if (!need('A')) return err("?CP: " + v, 1);
    User* o = find_user(w[1]);
    if (!o) return err("DMKCFM045E " + w[1] + " NOT LOGGED ON", 45);
    if (o == &u) return err("DMKCFM003E INVALID OPTION - " + w[1], 3);
    const std::string who = o->userid;
    logoff(*o, true, "FORCED BY " + u.userid);
    line(out, "USER " + who + " FORCED");
    return 0;
  }
  if (abbrev(v, "SHUTDOWN", 8)) {
    if (!need('A')) return err("?CP: " + v, 1);
    shutdown("SHUTDOWN BY " + u.userid);
    return 0;
  }
  if (abbrev(v, "ENABLE", 3) || abbrev(v, "DISABLE", 3)) {
    if (!cls_any("AB")) return err("?CP: " + v, 1);
    enabled_ = v[0] == 'E';
    line(out, std::string("LOGONS ") + (enabled_ ? "ENABLED" : "DISABLED"));
    return 0;
  }
  if (v == "ECHO") {
    line(out, "ECHO " + w.rest(1));
    return 0;
  }
  return err("?CP: " + text.substr(text.find_first_not_of(' ')), 1);
}

}  // namespace cp
