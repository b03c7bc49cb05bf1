// The time-sharing system: CP with its users (docs/CP.md, "The system").
//
// One System owns the directory, the volumes, the spool, the dispatcher
// and every logged-on user's virtual machine. Terminals (console/) hand it
// lines and attentions through connect(), input(), attention() and
// hang_up(); those calls only queue, so the network side never waits on
// CP. CP's own work (logon, commands, the answers to a guest's DIAGNOSE
// X'08') runs on one CP thread, in order; virtual machines run on the
// dispatcher's workers. Users' state belongs to the CP thread alone; what
// a worker reaches (a virtual console's output, its input queue) has its
// own lock.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "cp/directory.h"
#include "cp/saved_state.h"
#include "cp/dispatcher.h"
#include "cp/spool.h"
#include "cp/spool_devices.h"
#include "cp/terminal.h"
#include "cp/virtual_machine.h"
#include "cp/volumes.h"
#include "s370/channel/config.h"
#include "s370/channel/console3215.h"

struct sqlite3;

namespace cp {

struct SystemOptions {
  std::string data;         // the data folder (created on a first start)
  std::string directory;    // default: data/directory.json
  std::string sysname = "VM/370";
  unsigned threads = 0;     // dispatcher workers; 0: the host's cores
  std::string cms;          // the CMS build (nucleus.bin ...); empty: none
};

class System {
 public:
  using TermId = u64;

  // Opens the data folder, and on a first start makes a working system in
  // it (directory with random passwords, volumes, spool). Throws
  // std::runtime_error with a message for the operator.
  explicit System(SystemOptions options);
  ~System();
  System(const System&) = delete;
  System& operator=(const System&) = delete;

  // ---- The console side: thread-safe, never blocks on CP's work ----------
  // A new terminal: CP writes the logo and waits for LOGON.
  TermId connect(std::shared_ptr<Terminal> terminal);
  // A line typed (without its line end).
  void input(TermId id, std::string line);
  // The attention key (telnet BREAK or interrupt process, a 3270's PA1).
  void attention(TermId id);
  // A program function key (PF1-PF24 of a 3270) with what was typed in
  // the input area: the key's SET PFnn text runs (IMMED) or goes to the
  // input area (DELAYED); an undefined key is ENTER.
  void pf_key(TermId id, int key, std::string typed);
  // A guest's full screen (Terminal::full_screen): an inbound record (AID,
  // cursor, fields), and the terminal asking for the guest's screen again.
  void screen_input(TermId id, std::vector<u8> record);
  void screen_back(TermId id);
  // The connection is gone: a logged-on user is disconnected.
  void hang_up(TermId id);
  // The operator's console: OPERATOR is logged on to it.
  TermId operator_console(std::shared_ptr<Terminal> terminal);

  // Orderly end (SIGTERM, the operator's SHUTDOWN): users told and logged
  // off, machines stopped, spool files closed, accounting written; then
  // `on_shutdown` runs (on the CP thread). Thread-safe.
  void shutdown(const std::string& why);
  std::function<void()> on_shutdown;
  bool shutting_down() const { return down_; }

  const std::string& data() const { return opt_.data; }
  const std::string& sysname() const { return opt_.sysname; }

  // ---- The operator's panel: every user as CP's last tick saw it ------------
  struct UserView {
    std::string userid, terminal;  // terminal: "0C3", "SYSC" or "DSC"
    // RUNNING, WAITING (an enabled wait), CP READ, VM READ, ENDED (a
    // disabled wait), SLEEP.
    std::string state;
    bool disconnected = false;
    u64 instructions = 0, traps = 0;  // since logon
    u32 storage = 0;                  // defined, in bytes
    u32 private_frames = 0, shared_frames = 0;  // 4K frames in use
    std::time_t logon_at = 0;
  };
  struct View {
    std::time_t at = 0;
    std::size_t sessions = 0;  // terminals connected, logged on or not
    std::vector<UserView> users;  // by userid
  };
  // Thread-safe: a copy of the view CP made at its last tick (each second).
  View view() const;

  // ---- Host-side spool input (vm370 send): used with the system down too --
  // Puts a deck into a user's reader; returns the spoolid. Throws
  // std::runtime_error.
  static u32 send_to_reader(const std::string& data_dir, const std::string& userid, const std::string& file,
                            char cls, const std::string& name, bool ascii);

  struct User;
  struct Session;

 private:
  void post(std::function<void()> task);
  // A session for a terminal, made on CP's thread, then `then` there.
  TermId new_session(std::shared_ptr<Terminal> terminal, bool op, std::function<void(Session&)> then);
  void cp_thread();
  void tick();

  // Logon and the sessions.
  void on_connect(TermId id);
  void on_input(TermId id, std::string line);
  void on_attention(TermId id);
  void on_pf_key(TermId id, int key, std::string typed);
  void make_view();
  void on_hang_up(TermId id);
  void logon_password(Session& s, const std::string& pw);
  void checker();
  void password_checked(TermId id, const std::string& uid, bool locked, bool ok);
  void logon(Session& s, const UserEntry& entry);
  void logoff(User& u, bool forced, const std::string& how);
  void disconnect(User& u, bool tell);
  void reload_directory(bool at_start);

  // Commands (commands.cpp).
  void command_line(User& u, const std::string& line, std::string* response = nullptr);
  int command(User& u, const std::string& text, std::string& out);
  std::string emsg(const User& u, const std::string& msg) const;

  // Virtual machine and devices.
  std::shared_ptr<VirtualMachine> build_vm(User& u, u32 storage);
  // Tells the machine which terminal is behind its console (DIAGNOSE
  // X'24'): at logon, reconnect and a new machine.
  void note_terminal(User& u, VirtualMachine& vm);
  std::string add_device(User& u, const DeviceEntry& d, bool at_logon);
  std::string link(User& u, const std::string& owner, u16 their, u16 mine, const std::string& mode,
                   const std::string& password, bool directory);
  std::string detach(User& u, u16 addr);
  // A real device of the system (DIR/devices.json) given to a machine as
  // vaddr (ATTACH, the directory's "dedicate"); empty, or the message.
  std::string attach_real(User& u, u16 raddr, u16 vaddr);
  void release_links(User& u, u16 addr);
  std::string close_device(User& u, u16 addr, bool hold_opt, bool purge, const std::string& name);
  void run_vm(User& u);
  void wake_up(User& u);  // the end of SLEEP
  void stop_vm(User& u);
  void vm_ended(User& u, const s370::Psw& psw);
  void vm_held(User& u);
  // The machine is reset or IPLed (or its storage redefined): a hold CP
  // has not answered yet is dropped with its request.
  void drop_hold(User& u);
  bool vm_held_work(User& u);
  void diag64(User& u, const CpRequest& req);
  void diag58(User& u, const CpRequest& req);
  // The guest's full screen to its terminal again (BEGIN, reconnect, PA2
  // after a message), and its end (IPL, SYSTEM RESET, X'FE').
  void show_guest_screen(User& u);
  void end_guest_screen(User& u);
  // DIAL and its end (the terminal gone, RESET, DETACH, LOGOFF).
  void dial(Session& s, const std::vector<std::string>& w);
  void drop_dialed(User& u, u16 addr, bool hang_up);
  // A virtual 3270's screen whole to the terminal DIALed to it.
  void show_graf(User& u, u16 addr);
  void deliver_spool(const SpoolFile& f, const User* from);
  void notify_reader(const SpoolFile& f);

  // Saved systems (DIR/saved/NAME.vms), read once and kept while their
  // file is unchanged; a machine that IPLs one maps its pages.
  std::shared_ptr<const SavedSystem> saved_system(const std::string& name);
  void save_system(VirtualMachine& vm, const std::string& name, u32 from, u32 to);

  // CP READ (cp true: the machine stopped, lines are CP commands) or the
  // machine running; the terminal's status area follows, and with
  // `announce` a line-mode terminal is told "CP READ".
  void cp_read(User& u, bool cp, bool announce);
  // Output.
  void say(User& u, const std::string& line);
  void say(Session& s, const std::string& line);
  void say_operator(const std::string& line);
  std::vector<std::string> operator_backlog_;  // said before OPERATOR logged on
  // The build's CMS becomes the saved system CMS and is installed on
  // MAINT's 190; a first start formats the users' 191s (cp/cms_install.cpp).
  void install_cms();
  void install_gcp();
  bool save_system(const std::string& name, const std::vector<u8>& image, u32 storage);
  void install_system_disk(const std::vector<u8>& image);
  void format_new_a_disks();
  User* find_user(const std::string& userid);
  std::string now_line() const;  // "hh:mm:ss ZONE WEEKDAY mm/dd/yy"
  void account(const User& u);

  SystemOptions opt_;
  s370::HostClock clock_;
  std::unique_ptr<Directory> dir_;
  std::string dir_stamp_;
  std::unique_ptr<Volumes> volumes_;
  std::unique_ptr<SpoolStore> spool_;
  sqlite3* acct_ = nullptr;
  std::unique_ptr<Dispatcher> disp_;

  std::map<TermId, std::unique_ptr<Session>> sessions_;
  std::map<std::string, std::unique_ptr<User>> users_;  // logged on, by userid
  std::map<Dispatcher::Id, User*> by_vm_;
  struct Failures {
    int count = 0;
    std::int64_t locked_until = 0;
  };
  std::map<std::string, Failures> failures_;
  std::string logmsg_;
  bool enabled_ = true;  // ENABLE/DISABLE: new logons accepted
  std::set<u32> seen_reader_;
  struct Saved {
    std::shared_ptr<const SavedSystem> sys;
    std::string stamp;
  };
  std::map<std::string, Saved> saved_;
  // The system's real devices (DIR/devices.json, the s370 machine
  // configuration's format), and which user each is attached to.
  std::unique_ptr<s370::io::MachineConfig> real_;
  std::map<u16, std::string> attached_;
  // Minidisk links: (volume, first cylinder) -> users reading, writing.
  struct Links {
    std::set<std::string> readers, writers;
  };
  std::map<std::pair<std::string, u32>, Links> links_;

  // Password checks (logon_password).
  struct Check {
    TermId term = 0;
    std::string userid, password;
    std::optional<UserEntry> entry;  // none: unknown, NOLOG or locked
    bool locked = false;
  };
  static constexpr std::size_t kCheckQueue = 256;
  std::mutex check_mu_;
  std::condition_variable check_cv_;
  std::deque<Check> checks_;
  bool check_quit_ = false;
  std::thread checkers_[2];

  mutable std::mutex view_mu_;
  View view_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> tasks_;
  bool quit_ = false;
  bool down_ = false;
  TermId next_term_ = 1;
  std::thread thread_;
};

}  // namespace cp
