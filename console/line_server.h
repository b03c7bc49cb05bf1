// Terminals over TCP (docs/ARCHITECTURE.md, "console"): one Boost.Asio
// io_context serves every session; CP's work never runs on it. A session
// is a cp::Terminal: what CP writes is queued to the socket (bounded: a
// client that stops reading is dropped, its virtual machine left running
// as after DISCONNECT), what the client types goes to cp::System, which
// only queues it.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it
#include <boost/asio.hpp>
#include <memory>
#include <string>

#include "cp/system.h"

namespace console {

class LineServer {
 public:
  // Listens on addr:port (port 0: any free port).
  LineServer(boost::asio::io_context& io, cp::System& system, const std::string& addr, unsigned short port);
  unsigned short port() const;
  std::string address() const;
  // Stops accepting; sessions are hung up by CP.
  void close();

  // Output a session may have queued before it is dropped.
  static constexpr std::size_t kOutputLimit = 1 << 20;

 private:
  void accept();
  boost::asio::io_context& io_;
  cp::System& system_;
  boost::asio::ip::tcp::acceptor acceptor_;
  unsigned next_line_ = 0;
};

}  // namespace console
