// The operator's panel: see panel.h and docs/USER-GUIDE.md.
#include "console/panel.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <cstdint>
#include <ctime>
#include <deque>
#include <map>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <vector>

// The function forms only: curses' macros (erase, move, clear...) would
// clash with the standard library.
#define NCURSES_NOMACROS
#include <curses.h>

namespace console {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// SIGWINCH: the handler only notes it and wakes the panel's poll(). A
// signal handler reaches nothing but process-wide state, hence these two
// globals; there is one controlling terminal, so one panel, per process.
volatile std::sig_atomic_t g_winch = 0;
std::atomic<int> g_wake_fd{-1};

void on_winch(int) {
  const int saved = errno;
  g_winch = 1;
  const int fd = g_wake_fd.load();
  const char c = 'w';
  if (fd >= 0 && ::write(fd, &c, 1) < 0) {
  }
  errno = saved;
}

double process_cpu_seconds() {
  rusage ru{};
  ::getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

std::string fmt(const char* f, auto... args) {
  char b[256];
  std::snprintf(b, sizeof b, f, args...);
  return b;
}

constexpr std::size_t kPendingLimit = 1 << 20;  // CP's output not yet taken by the panel
constexpr std::size_t kLogLines = 5000;         // the log kept for scrolling back
constexpr std::size_t kHistory = 200;           // command lines remembered
constexpr std::size_t kLineLimit = 1024;        // the longest command line
constexpr int kTailOnExit = 10;                 // log lines printed when the panel ends
const std::string kPrompt = "===> ";

// The table's columns: one format for the heading and the rows.
constexpr const char* kHead = "%-8s %-5s %-11s %8s %8s %7s %7s %7s %10s";  // 79 columns
constexpr int kStateCol = 15, kStateWidth = 11;

enum Pair : short { kRunning = 1, kWaiting, kCpRead, kEnded, kSleep };

}  // namespace

// ---- The operator's console as CP sees it -------------------------------------

class Panel::Console final : public cp::Terminal {
 public:
  Console() {
    if (::pipe2(pipe_, O_CLOEXEC | O_NONBLOCK) != 0)
      throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  }
  ~Console() override {
    ::close(pipe_[0]);
    ::close(pipe_[1]);
  }

  // From any thread: queued for the panel (or straight to stdout once the
  // panel has ended).
  void write(std::string_view text) override {
    {
      std::lock_guard<std::mutex> lk(mu_);
      if (closed_) {
        std::fwrite(text.data(), 1, text.size(), stdout);
        std::fflush(stdout);
        return;
      }
      pending_.append(text);
      if (pending_.size() > kPendingLimit) pending_.erase(0, pending_.size() - kPendingLimit / 2);
    }
    wake();
  }
  void set_echo(bool on) override {
    echo = on;
    wake();
  }
  void hang_up() override {}  // the operator's console stays (SHUTDOWN ends the panel)
  std::string name() const override { return "SYSC"; }
  std::string peer() const override { return "the operator's panel"; }
  void alarm() override {
    bell = true;
    wake();
  }

  void wake() {
    const char c = 'x';
    if (::write(pipe_[1], &c, 1) < 0) {
      // full: the panel is awake already
    }
  }
  int wake_read_fd() const { return pipe_[0]; }
  int wake_write_fd() const { return pipe_[1]; }
  void drain() {
    char b[256];
    while (::read(pipe_[0], b, sizeof b) > 0) {
    }
  }
  std::string take() {
    std::lock_guard<std::mutex> lk(mu_);
    return std::exchange(pending_, {});
  }
  // The panel ends: `last` gets what was still queued, under the lock, so
  // that nothing CP writes from now on comes before it on stdout.
  template <class F>
  void close(F&& last) {
    std::lock_guard<std::mutex> lk(mu_);
    if (closed_) return;
    closed_ = true;
    last(std::exchange(pending_, {}));
  }

  std::atomic<bool> echo{true}, bell{false};

 private:
  int pipe_[2] = {-1, -1};
  std::mutex mu_;
  std::string pending_;
  bool closed_ = false;
};

// ---- The panel's state, the panel's thread alone ----------------------------------

struct Panel::Impl {
  Impl(ViewSource v, LineSink l, Options o, Console& c)
      : view_fn(std::move(v)), on_line(std::move(l)), opt(std::move(o)), con(c) {}
  ~Impl() {
    close();
    if (screen) delscreen(screen);
    if (winch_set) ::sigaction(SIGWINCH, &old_winch, nullptr);
    if (tstp_set) ::sigaction(SIGTSTP, &old_tstp, nullptr);
    g_wake_fd = -1;
  }

  void start();
  void close();
  void add_text(std::string_view text);
  void push_line(std::string text, bool typed);
  void observe();
  void key(int ch);
  void submit();
  void resize();
  void draw();
  void draw_table(int y, int h, int w);
  void draw_log(int y, int h, int w);
  void draw_command(int y, int w);

  ViewSource view_fn;
  LineSink on_line;
  Options opt;
  Console& con;
  std::atomic<bool> stop{false};

  SCREEN* screen = nullptr;
  bool open = false;
  bool colors = false;
  struct sigaction old_winch {}, old_tstp {};
  bool winch_set = false, tstp_set = false;

  // The log: complete lines, and the one CP has begun.
  struct Line {
    std::string text;
    bool typed = false;  // the operator's own line
  };
  std::deque<Line> log;
  std::string partial;
  int log_scroll = 0;  // screen rows back from the end; 0 follows the end

  // The users, with the rates from the last two views.
  struct Row {
    cp::System::UserView u;
    double mips = 0, traps = 0;
  };
  std::vector<Row> rows;
  std::map<std::string, cp::System::UserView> prev;
  std::size_t sessions = 0;
  double sys_mips = 0, host_cpu = 0;
  bool have_view = false;
  std::time_t last_at = 0;
  Clock::time_point last_obs, last_change, next_check, last_draw;
  double last_cpu = 0;
  int table_top = 0;

  // The command line.
  std::string line;
  std::size_t cur = 0, hscroll = 0;
  std::vector<std::string> history;
  std::size_t hpos = 0;
  std::string draft;

  // Geometry of the last draw (for the paging keys).
  int table_h = 1, log_h = 1;
  bool dirty = true;
};

void Panel::Impl::start() {
  // Our SIGWINCH handler before newterm: ncurses then leaves the signal
  // alone, and the panel resizes itself when the handler wakes it.
  g_wake_fd = con.wake_write_fd();
  struct sigaction sa {};
  sa.sa_handler = on_winch;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  if (::sigaction(SIGWINCH, &sa, &old_winch) == 0) winch_set = true;
  // Ctrl-Z does nothing: a stopped vm370 would stop every user's machine.
  struct sigaction ign {};
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  if (::sigaction(SIGTSTP, &ign, &old_tstp) == 0) tstp_set = true;

  screen = newterm(nullptr, stdout, stdin);
  if (!screen) {
    const char* t = std::getenv("TERM");
    throw std::runtime_error(std::string("ncurses cannot use the terminal type ") + (t ? t : "(TERM not set)"));
  }
  set_term(screen);
  open = true;
  cbreak();  // Ctrl-C stays SIGINT: an orderly shutdown, as in line mode
  noecho();
  nonl();
  intrflush(stdscr, FALSE);
  keypad(stdscr, TRUE);
  nodelay(stdscr, TRUE);
  set_escdelay(25);
  curs_set(1);
  if (has_colors()) {
    start_color();
    const short bg = use_default_colors() == OK ? -1 : COLOR_BLACK;
    init_pair(kRunning, COLOR_GREEN, bg);
    init_pair(kWaiting, COLOR_CYAN, bg);
    init_pair(kCpRead, COLOR_YELLOW, bg);
    init_pair(kEnded, COLOR_RED, bg);
    init_pair(kSleep, COLOR_MAGENTA, bg);
    colors = true;
  }
  last_draw = Clock::now() - std::chrono::seconds(2);
}

// Leaves the screen as the shell had it, then prints the log's last lines.
void Panel::Impl::close() {
  if (!open) return;
  open = false;
  endwin();
  con.close([this](const std::string& pending) {
    add_text(pending);
    std::vector<const std::string*> tail;
    if (!partial.empty()) tail.push_back(&partial);
    for (auto it = log.rbegin(); it != log.rend() && tail.size() < static_cast<std::size_t>(kTailOnExit); ++it)
      tail.push_back(&it->text);
    for (auto it = tail.rbegin(); it != tail.rend(); ++it) std::printf("%s\n", (*it)->c_str());
    std::fflush(stdout);
  });
}

// CP's text: "\n" ends a line; what the screen cannot show is dropped.
void Panel::Impl::add_text(std::string_view text) {
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == '\n') {
      push_line(std::exchange(partial, {}), false);
    } else if (c == '\t') {
      do partial += ' ';
      while (partial.size() % 8);
    } else if (c >= 0x20 && c < 0x7F) {
      partial += ch;
    } else if (c >= 0x80) {
      partial += '?';
    }
  }
}

void Panel::Impl::push_line(std::string text, bool typed) {
  if (log_scroll > 0) {
    // Scrolled back: the lines shown stay where they are.
    const int w = std::max(1, COLS);
    log_scroll += std::max<int>(1, static_cast<int>((text.size() + w - 1) / w));
  }
  log.push_back({std::move(text), typed});
  while (log.size() > kLogLines) log.pop_front();
  dirty = true;
}

// A new view from CP (once a second): the rates are the differences from
// the last one over the time between them. CP's tick and ours are not in
// step, so after a view we look again just before the next is due, and
// then every 20 ms until it comes: the time between two views we saw is
// then within a few milliseconds of the time between CP's ticks.
void Panel::Impl::observe() {
  const Clock::time_point now = Clock::now();
  cp::System::View v = view_fn();
  if (have_view && v.at == last_at) {
    next_check = now + (now - last_change < milliseconds(1500) ? milliseconds(20) : milliseconds(1000));
    return;
  }
  const double cpu = process_cpu_seconds();
  const double dt = have_view ? std::chrono::duration<double>(now - last_obs).count() : 0;
  host_cpu = dt > 0 ? 100.0 * (cpu - last_cpu) / dt : 0;
  std::vector<Row> next;
  std::map<std::string, cp::System::UserView> seen;
  double total = 0;
  for (cp::System::UserView& u : v.users) {
    Row r{u};
    if (dt > 0) {
      // Since the last view; a user who logged on since (or whose machine
      // was made anew, DEFINE STORAGE) counts from zero.
      std::uint64_t di = u.instructions, dtr = u.traps;
      const auto p = prev.find(u.userid);
      if (p != prev.end() && p->second.logon_at == u.logon_at) {
        if (u.instructions >= p->second.instructions) di = u.instructions - p->second.instructions;
        if (u.traps >= p->second.traps) dtr = u.traps - p->second.traps;
      }
      r.mips = static_cast<double>(di) / dt / 1e6;
      r.traps = static_cast<double>(dtr) / dt;
      total += static_cast<double>(di);
    }
    seen[u.userid] = u;
    next.push_back(std::move(r));
  }
  sys_mips = dt > 0 ? total / dt / 1e6 : 0;
  rows = std::move(next);
  prev = std::move(seen);
  sessions = v.sessions;
  last_at = v.at;
  last_obs = last_change = now;
  last_cpu = cpu;
  have_view = true;
  next_check = now + milliseconds(990);
  dirty = true;
}

void Panel::Impl::submit() {
  std::string l = std::exchange(line, {});
  cur = hscroll = 0;
  if (con.echo) {
    if (!partial.empty()) push_line(std::exchange(partial, {}), false);
    push_line(l, true);
    if (!l.empty() && (history.empty() || history.back() != l)) history.push_back(l);
    if (history.size() > kHistory) history.erase(history.begin());
  }
  hpos = history.size();
  draft.clear();
  log_scroll = 0;
  on_line(std::move(l));
}

void Panel::Impl::key(int ch) {
  dirty = true;
  switch (ch) {
    case KEY_RESIZE:  // what resizeterm() leaves in the input: drawn anew
      return;
    case '\r':
    case '\n':
    case KEY_ENTER:
      submit();
      return;
    case KEY_BACKSPACE:
    case 127:
    case 8:
      if (cur > 0) line.erase(--cur, 1);
      return;
    case KEY_DC:
      if (cur < line.size()) line.erase(cur, 1);
      return;
    case KEY_LEFT:
      if (cur > 0) cur--;
      return;
    case KEY_RIGHT:
      if (cur < line.size()) cur++;
      return;
    case KEY_HOME:
    case 1:  // Ctrl-A
      cur = 0;
      return;
    case KEY_END:
    case 5:  // Ctrl-E
      cur = line.size();
      return;
    case 21:  // Ctrl-U
    case 27:  // Escape
      line.clear();
      cur = 0;
      return;
    case 11:  // Ctrl-K
      line.erase(cur);
      return;
    case KEY_UP:
      if (hpos > 0) {
        if (hpos == history.size()) draft = line;
        line = history[--hpos];
        cur = line.size();
      }
      return;
    case KEY_DOWN:
      if (hpos < history.size()) {
        ++hpos;
        line = hpos == history.size() ? draft : history[hpos];
        cur = line.size();
      }
      return;
    case KEY_PPAGE:
      log_scroll += std::max(1, log_h - 1);  // bounded by draw()
      return;
    case KEY_NPAGE:
      log_scroll = std::max(0, log_scroll - std::max(1, log_h - 1));
      return;
    case 12:  // Ctrl-L
      clearok(curscr, TRUE);
      return;
    default:
      break;
  }
  if (ch == KEY_F(7)) {
    table_top = std::max(0, table_top - std::max(1, table_h));
  } else if (ch == KEY_F(8)) {
    table_top += std::max(1, table_h);  // bounded by draw()
  } else if (ch >= 0x20 && ch < 0x7F && line.size() < kLineLimit) {
    line.insert(cur++, 1, static_cast<char>(ch));
  }
}

void Panel::Impl::resize() {
  winsize ws{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0 &&
      is_term_resized(ws.ws_row, ws.ws_col))
    resizeterm(ws.ws_row, ws.ws_col);
  clearok(curscr, TRUE);
  dirty = true;
}

namespace {

void put(int y, int x, std::string_view s, attr_t a = A_NORMAL) {
  if (y < 0 || y >= LINES || x < 0 || x >= COLS) return;
  const int n = std::min(static_cast<int>(s.size()), COLS - x);
  if (n <= 0) return;
  wattrset(stdscr, static_cast<int>(a));
  mvwaddnstr(stdscr, y, x, s.data(), n);
  wattrset(stdscr, A_NORMAL);
}

std::string connect_time(std::time_t since, std::time_t now) {
  const long s = since && now > since ? static_cast<long>(now - since) : 0;
  return fmt("%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
}

}  // namespace

// title, the users' heading and rows, a rule, the log, the command line,
// the keys: whatever the terminal's size.
void Panel::Impl::draw() {
  dirty = false;
  last_draw = Clock::now();
  werase(stdscr);
  const int h = LINES, w = COLS;
  if (h <= 0 || w <= 0) return;

  // The title.
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  char clock[32];
  std::strftime(clock, sizeof clock, "%Y-%m-%d %H:%M:%S", &tm);
  const std::string figures =
      fmt("  USERS %zu  SESSIONS %zu  MIPS %.2f  HOST CPU %.1f%% ", rows.size(), sessions, sys_mips, host_cpu);
  // The longest that fits: without the date, then without the address.
  std::string left, right;
  for (int i = 0; i < 3; i++) {
    left = " " + opt.sysname + (i < 2 && !opt.address.empty() ? "  " + opt.address : "");
    right = (i == 0 ? std::string(clock) : std::string(clock + 11)) + figures;
    if (static_cast<int>(left.size() + 2 + right.size()) <= w) break;
  }
  std::string title = left + "  " + right;
  if (static_cast<int>(title.size()) < w) title = left + std::string(w - left.size() - right.size(), ' ') + right;
  title.resize(w, ' ');
  put(0, 0, title, A_REVERSE);

  // The keys, and the command line above them.
  if (h >= 2)
    put(h - 1, 0,
        " Enter: command  Up/Down: history  PgUp/PgDn: log  F7/F8: users  Ctrl-L: redraw  Ctrl-C: shutdown");
  const int mid = h - 3;  // the rows between the title and the command line
  if (mid >= 2) {
    const int avail = mid - 2;  // less the heading and the rule
    const int n = static_cast<int>(rows.size());
    table_h = std::min(std::max(n, 1), std::max(avail / 2, std::min(avail, 3)));
    log_h = avail - table_h;
    draw_table(1, table_h, w);
    // The rule between the users and the log, with where each is scrolled to.
    std::string rule = "-- OPERATOR LOG ";
    if (n > table_h)
      rule += fmt("-- USERS %d-%d OF %d (F7/F8) ", table_top + 1, std::min(n, table_top + table_h), n);
    if (log_scroll > 0) rule += fmt("-- SCROLLED BACK %d (PgDn) ", log_scroll);
    if (static_cast<int>(rule.size()) < w) rule.append(w - rule.size(), '-');
    put(2 + table_h, 0, rule, A_BOLD);
    draw_log(3 + table_h, log_h, w);
  }
  if (h >= 3) draw_command(h - 2, w);
  wnoutrefresh(stdscr);
  doupdate();
}

void Panel::Impl::draw_table(int y, int th, int w) {
  put(y, 0, fmt(kHead, "USERID", "TERM", "STATE", "MIPS", "TRAPS/S", "STORAGE", "USED", "SHARED", "CONNECT"),
      A_BOLD);
  const int n = static_cast<int>(rows.size());
  table_top = std::max(0, std::min(table_top, n - th));
  const std::time_t now = std::time(nullptr);
  for (int i = 0; i < th && table_top + i < n; i++) {
    const Row& r = rows[table_top + i];
    const cp::System::UserView& u = r.u;
    const std::string state = (u.disconnected ? "DSC " : "") + u.state;
    const std::string text =
        fmt(kHead, u.userid.c_str(), u.terminal.c_str(), state.c_str(), fmt("%.2f", r.mips).c_str(),
            fmt("%.0f", r.traps).c_str(), fmt("%uK", u.storage / 1024).c_str(),
            fmt("%uK", u.private_frames * 4).c_str(), fmt("%uK", u.shared_frames * 4).c_str(),
            connect_time(u.logon_at, now).c_str());
    put(y + 1 + i, 0, text);
    if (colors && kStateCol < w) {
      short pair = 0;
      if (u.state == "RUNNING") pair = kRunning;
      else if (u.state == "WAITING" || u.state == "VM READ") pair = kWaiting;
      else if (u.state == "CP READ") pair = kCpRead;
      else if (u.state == "ENDED") pair = kEnded;
      else if (u.state == "SLEEP") pair = kSleep;
      if (pair && wmove(stdscr, y + 1 + i, kStateCol) == OK)
        wchgat(stdscr, std::min(kStateWidth, w - kStateCol), u.disconnected ? A_DIM : A_NORMAL, pair, nullptr);
    }
  }
}

void Panel::Impl::draw_log(int y, int lh, int w) {
  if (lh <= 0) return;
  auto rows_of = [w](const std::string& s) { return std::max<int>(1, static_cast<int>((s.size() + w - 1) / w)); };
  int total = 0;
  for (const Line& l : log) total += rows_of(l.text);
  if (!partial.empty()) total += rows_of(partial);
  log_scroll = std::max(0, std::min(log_scroll, total - lh));
  const int first = std::max(0, total - lh - log_scroll);  // the first row shown
  int row = 0;
  auto show = [&](const std::string& s, bool typed) {
    const int n = rows_of(s);
    for (int k = 0; k < n; k++, row++)
      if (row >= first && row < first + lh)
        put(y + row - first, 0, std::string_view(s).substr(std::min(s.size(), static_cast<std::size_t>(k) * w), w),
            typed ? A_BOLD : A_NORMAL);
  };
  for (const Line& l : log) {
    const int n = rows_of(l.text);
    if (row + n <= first) {
      row += n;
      continue;
    }
    if (row >= first + lh) break;
    show(l.text, l.typed);
  }
  if (!partial.empty()) show(partial, false);
}

void Panel::Impl::draw_command(int y, int w) {
  const int p = static_cast<int>(kPrompt.size());
  put(y, 0, kPrompt, A_BOLD);
  const int vis = std::max(1, w - p - 1);
  if (!con.echo) {  // a password: nothing shown
    wmove(stdscr, y, std::min(p, w - 1));
    return;
  }
  if (cur < hscroll) hscroll = cur;
  if (cur - hscroll >= static_cast<std::size_t>(vis)) hscroll = cur - vis + 1;
  put(y, p, std::string_view(line).substr(std::min(hscroll, line.size()), vis));
  wmove(stdscr, y, std::min(w - 1, p + static_cast<int>(cur - hscroll)));
}

// ---- Panel ------------------------------------------------------------------------

Panel::Panel(ViewSource view, LineSink on_line, Options options)
    : console_(std::make_shared<Console>()),
      impl_(std::make_unique<Impl>(std::move(view), std::move(on_line), std::move(options), *console_)) {
  impl_->start();
}

Panel::~Panel() = default;

bool Panel::on_terminal() { return ::isatty(STDIN_FILENO) && ::isatty(STDOUT_FILENO); }

std::shared_ptr<cp::Terminal> Panel::terminal() const { return console_; }

void Panel::log(std::string_view text) { console_->write(text); }

void Panel::stop() {
  impl_->stop = true;
  console_->wake();
}

int Panel::run() {
  Impl& m = *impl_;
  struct Restore {
    Impl& m;
    ~Restore() { m.close(); }
  } restore{m};
  if (!m.open) return 1;
  m.observe();
  int empty = 0;  // wake-ups with input announced and none read
  for (;;) {
    if (m.stop) return 0;
    // The wake-up bytes first, then what they announced: a write after
    // the drain wakes the next poll.
    console_->drain();
    if (g_winch) {
      g_winch = 0;
      m.resize();
    }
    const std::string text = console_->take();
    if (!text.empty()) m.add_text(text);
    if (console_->bell.exchange(false)) beep();
    Clock::time_point now = Clock::now();
    if (now >= m.next_check) m.observe();
    now = Clock::now();
    if (now - m.last_draw >= std::chrono::seconds(1)) m.dirty = true;  // the clock
    if (m.dirty) m.draw();

    const Clock::time_point until = std::min(m.next_check, m.last_draw + std::chrono::seconds(1));
    const auto wait = std::chrono::duration_cast<milliseconds>(until - Clock::now()).count() + 1;
    pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {console_->wake_read_fd(), POLLIN, 0}};
    const int r = ::poll(fds, 2, static_cast<int>(std::clamp<long long>(wait, 0, 1000)));
    if (r < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    if (m.stop) return 0;
    const short in = fds[0].revents;
    if (in & POLLIN) {
      int n = 0;
      // (bounded: a paste of more waits for the next wake-up)
      for (int ch; n < 1024 && (ch = wgetch(stdscr)) != ERR;) {
        m.key(ch);
        n++;
      }
      if (n) {
        empty = 0;
      } else if ((in & (POLLHUP | POLLERR)) || ++empty > 50) {
        return 1;  // end of input: the terminal is gone
      }
    } else if (in & (POLLHUP | POLLERR | POLLNVAL)) {
      return 1;
    }
  }
}

}  // namespace console
