// vm370: the time-sharing system (docs/USER-GUIDE.md, "The system").
//
//   vm370 [--data DIR] [--directory FILE] [--cms DIR|none] [--port N] [--bind ADDR]
//         [--tls-port N [--cert FILE --key FILE]] [--no-panel]
//   vm370 [--data DIR] send USERID FILE [--class C] [--name "FN FT"] [--ascii]
//
// Starts CP on the data folder (a first start makes a working system in
// it), serves terminals on one TCP port, and prints "vm370: ready on
// ADDR:PORT" when it accepts connections. The operator's console
// (OPERATOR is logged on to it) is the ncurses panel when stdin and stdout
// are a terminal (console/panel.h), else stdin and stdout in line mode
// (always with --no-panel). SIGTERM, SIGINT, SIGHUP or the operator's SHUTDOWN ends it in
// order, with exit code 0.
#include <filesystem>
#include <unistd.h>

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it
#include <boost/asio.hpp>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>

#include "console/line_server.h"
#include "console/panel.h"
#include "console/tls.h"
#include "cp/system.h"

namespace {

int usage(const char* why) {
  std::fprintf(stderr,
               "vm370: %s\n"
               "usage: vm370 [--data DIR] [--directory FILE] [--cms DIR|none] [--port N] [--bind ADDR]\n"
               "             [--tls-port N [--cert FILE --key FILE]] [--no-panel]\n"
               "       vm370 [--data DIR] send USERID FILE [--class C] [--name \"FN FT\"] [--ascii]\n",
               why);
  return 1;
}

// The operator's console on stdin and stdout.
class StdioTerminal final : public cp::Terminal {
 public:
  void write(std::string_view text) override {
    std::lock_guard<std::mutex> lk(mu_);
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
  }
  void set_echo(bool) override {}
  void hang_up() override {}
  std::string name() const override { return "SYSC"; }
  std::string peer() const override { return "the operator's console"; }

 private:
  std::mutex mu_;
};

}  // namespace

int main(int argc, char** argv) {
  cp::SystemOptions opt;
  std::string bind = "127.0.0.1";
  long port = 3270;
  bool no_panel = false;
  long tls_port = -1;  // none
  std::string cert, key;
  std::vector<std::string> rest;
  for (int i = 1; i < argc; i++) {
    const std::string a = argv[i];
    auto value = [&](const char* what) -> std::string {
      if (i + 1 >= argc) {
        usage((std::string(what) + " needs a value").c_str());
        std::exit(1);
      }
      return argv[++i];
    };
    if (a == "--data") opt.data = value("--data");
    else if (a == "--directory") opt.directory = value("--directory");
    else if (a == "--cms") opt.cms = value("--cms");
    else if (a == "--bind") bind = value("--bind");
    else if (a == "--port") {
      const std::string v = value("--port");
      char* end = nullptr;
      port = std::strtol(v.c_str(), &end, 10);
      if (!end || *end || port < 0 || port > 65535) return usage(("--port " + v + " is not a port number").c_str());
    } else if (a == "--tls-port") {
      const std::string v = value("--tls-port");
      char* end = nullptr;
      tls_port = std::strtol(v.c_str(), &end, 10);
      if (!end || *end || tls_port < 0 || tls_port > 65535)
        return usage(("--tls-port " + v + " is not a port number").c_str());
    } else if (a == "--cert") {
      cert = value("--cert");
    } else if (a == "--key") {
      key = value("--key");
    } else if (a == "--no-panel") {
      no_panel = true;
    } else if (a == "--help" || a == "-h") {
      usage("the VM/370 time-sharing system");
      return 0;
    } else {
      rest.push_back(a);
    }
  }
  if (opt.data.empty()) opt.data = "vm370-data";
  if (opt.cms.empty()) {
    // The build's CMS (nucleus and system disk files) beside bin/: the
    // saved system CMS is made from it (docs/CMS.md, "Installation").
    std::error_code ec;
    const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
      const std::filesystem::path d = exe.parent_path().parent_path() / "cms";
      if (std::filesystem::exists(d / "nucleus.bin", ec)) opt.cms = d.string();
    }
  } else if (opt.cms == "none") {
    opt.cms.clear();
  }

  if (!rest.empty()) {
    if (rest[0] != "send") return usage(("unknown argument " + rest[0]).c_str());
    // vm370 send USERID FILE [--class C] [--name "FN FT"] [--ascii]
    std::string user, file, name;
    char cls = 'A';
    bool ascii = false;
    for (std::size_t i = 1; i < rest.size(); i++) {
      const std::string& a = rest[i];
      if (a == "--ascii") ascii = true;
      else if (a == "--class" && i + 1 < rest.size()) {
        const std::string c = rest[++i];
        if (c.size() != 1 || !std::isalnum(static_cast<unsigned char>(c[0])))
          return usage(("--class " + c + " is not one letter or digit").c_str());
        cls = static_cast<char>(std::toupper(static_cast<unsigned char>(c[0])));
      } else if (a == "--name" && i + 1 < rest.size()) {
        name = rest[++i];
      } else if (user.empty()) user = a;
      else if (file.empty()) file = a;
      else return usage(("unexpected " + a).c_str());
    }
    if (user.empty() || file.empty()) return usage("send needs USERID and FILE");
    try {
      const auto id = cp::System::send_to_reader(opt.data, user, file, cls, name, ascii);
      std::printf("vm370: file %04u sent to the reader of %s\n", id, user.c_str());
      return 0;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vm370: %s\n", e.what());
      return 1;
    }
  }

  std::signal(SIGPIPE, SIG_IGN);
  std::unique_ptr<cp::System> sys;
  try {
    sys = std::make_unique<cp::System>(opt);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vm370: %s\n", e.what());
    return 1;
  }
  boost::asio::io_context io;
  std::unique_ptr<console::LineServer> server;
  try {
    server = std::make_unique<console::LineServer>(io, *sys, bind, static_cast<unsigned short>(port));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vm370: cannot listen on %s:%ld: %s\n", bind.c_str(), port, e.what());
    return 1;
  }
  // TLS: the same sessions on a second port, with the given certificate
  // or the self-signed one made in the data folder on first use.
  std::string tls_line;
  if (tls_port >= 0) {
    try {
      const console::tls::Files files = console::tls::server_files(cert, key, opt.data, "localhost");
      server->listen_tls(console::tls::server_context(files), bind, static_cast<unsigned short>(tls_port));
      tls_line = "vm370: TLS on " + server->address() + ":" + std::to_string(server->tls_port()) +
                 (files.made ? " (a self-signed certificate made: " : " (certificate ") + files.cert + ")";
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vm370: TLS on port %ld: %s\n", tls_port, e.what());
      return 1;
    }
  } else if (!cert.empty() || !key.empty()) {
    return usage("--cert and --key go with --tls-port");
  }
  // SIGHUP too: the operator's terminal closed (the panel's window) ends
  // the system in order rather than killing it with users on.
  boost::asio::signal_set signals(io, SIGTERM, SIGINT, SIGHUP);
  signals.async_wait([&](boost::system::error_code ec, int sig) {
    if (!ec) sys->shutdown(sig == SIGTERM ? "SIGTERM" : sig == SIGINT ? "SIGINT" : "SIGHUP");
  });
  boost::asio::steady_timer grace(io);
  sys->on_shutdown = [&] {
    // On the CP thread: the io loop closes the port and ends once the
    // last lines had a moment to leave.
    boost::asio::post(io, [&] {
      server->close();
      signals.cancel();
      grace.expires_after(std::chrono::milliseconds(300));
      grace.async_wait([&](boost::system::error_code) { io.stop(); });
    });
  };

  // The operator's console: the panel when stdin and stdout are a
  // terminal, else line mode on stdin and stdout.
  const std::string where = server->address() + ":" + std::to_string(server->port());
  cp::System::TermId opid = 0;
  std::unique_ptr<console::Panel> panel;
  if (!no_panel && console::Panel::on_terminal()) {
    try {
      panel = std::make_unique<console::Panel>(
          [&sys] { return sys->view(); }, [&sys, &opid](std::string line) { sys->input(opid, std::move(line)); },
          console::Panel::Options{sys->sysname(), where});
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vm370: no operator panel (%s): line mode\n", e.what());
    }
  }
  if (panel) {
    panel->log("vm370: ready on " + where + "\n");
    if (!tls_line.empty()) panel->log(tls_line + "\n");
    panel->log("vm370: connect with a 3270 emulator (c3270 " + server->address() + ":" +
               std::to_string(server->port()) + ") or telnet; type operator commands below\n");
    opid = sys->operator_console(panel->terminal());
    // The panel on a thread of its own; should it end first (the terminal
    // gone), the system runs on and CP's lines for the operator go to
    // stdout, as in line mode once stdin has ended.
    std::thread panel_thread([&panel] {
      try {
        panel->run();
      } catch (const std::exception& e) {
        std::fprintf(stderr, "vm370: the operator panel failed: %s\n", e.what());
      }
    });
    io.run();
    panel->stop();
    panel_thread.join();  // the terminal is restored
    sys.reset();
    std::fflush(stdout);
    _exit(0);
  }

  auto op = std::make_shared<StdioTerminal>();
  opid = sys->operator_console(op);
  std::printf("vm370: ready on %s:%u\n", server->address().c_str(), server->port());
  if (!tls_line.empty()) std::printf("%s\n", tls_line.c_str());
  std::fflush(stdout);
  // The operator's lines: a thread of their own, since stdin may be a
  // terminal, a pipe or nothing at all.
  std::thread([&sys, opid] {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      sys->input(opid, line);
    }
  }).detach();
  io.run();
  sys.reset();  // CP's thread and the dispatcher end; spool and accounting are closed
  std::fflush(stdout);
  _exit(0);  // the stdin reader may still be blocked in read()
}
