// Terminals over TCP (docs/ARCHITECTURE.md, "console"): one Boost.Asio
// io_context serves every session; CP's work never runs on it. A session
// is a cp::Terminal: what CP writes is queued to the socket (bounded: a
// client that stops reading is dropped, its virtual machine left running
// as after DISCONNECT), what the client types goes to cp::System, which
// only queues it.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it
#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <chrono>
#include <memory>
#include <set>
#include <string>

#include "cp/system.h"

namespace console {

class LineServer {
 public:
  // Listens on addr:port (port 0: any free port).
  LineServer(boost::asio::io_context& io, cp::System& system, const std::string& addr, unsigned short port);
  // The same sessions over TLS on a second port (tls.h makes the context).
  void listen_tls(std::unique_ptr<boost::asio::ssl::context> context, const std::string& addr, unsigned short port);
  unsigned short port() const;
  unsigned short tls_port() const;  // 0: no TLS port
  std::string address() const;
  // Stops accepting; sessions are hung up by CP.
  void close();

  // Output a session may have queued before it is dropped.
  static constexpr std::size_t kOutputLimit = 1 << 20;
  // How long a client has to answer DO TN3270E before it is taken for a
  // line-mode one (nc answers nothing).
  static constexpr std::chrono::milliseconds kNegotiation{1500};
  // How long an IBM-DYNAMIC terminal has for its Query Reply.
  static constexpr std::chrono::seconds kQuery{2};
  // How long a TLS client has for its handshake.
  static constexpr std::chrono::seconds kHandshake{10};
  // TN3270E LU names in use (on the io thread only).
  using Lus = std::set<std::string>;

 private:
  void accept(boost::asio::ip::tcp::acceptor& a, bool tls);
  boost::asio::io_context& io_;
  cp::System& system_;
  boost::asio::ip::tcp::acceptor acceptor_, tls_acceptor_;
  std::unique_ptr<boost::asio::ssl::context> tls_context_;
  unsigned next_line_ = 0;
  Lus lus_;
};

}  // namespace console
