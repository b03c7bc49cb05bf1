// Line-mode sessions over TCP (line_server.h).
#include "console/line_server.h"

#include <cstdio>
#include <deque>

#include "console/telnet.h"

namespace console {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

class Session final : public cp::Terminal, public std::enable_shared_from_this<Session> {
 public:
  Session(asio::io_context& io, tcp::socket socket, cp::System& system, std::string line)
      : io_(io), socket_(std::move(socket)), system_(system), line_name_(std::move(line)) {
    boost::system::error_code ec;
    auto ep = socket_.remote_endpoint(ec);
    peer_ = ec ? "?" : ep.address().to_string() + ":" + std::to_string(ep.port());
  }

  void start() {
    auto self = shared_from_this();
    telnet_.on_line = [this](std::string l) {
      if (!dropped_) system_.input(id_, std::move(l));
    };
    telnet_.on_attention = [this] {
      if (!dropped_) system_.attention(id_);
    };
    telnet_.on_reply = [this](std::string r) { send(std::move(r)); };
    send(telnet_.greeting());
    id_ = system_.connect(self);
    read();
  }

  // ---- cp::Terminal: from any thread, only queues ------------------------
  void write(std::string_view text) override {
    asio::post(io_, [self = shared_from_this(), t = TelnetLine::encode(text)]() mutable { self->send(std::move(t)); });
  }
  void set_echo(bool on) override {
    asio::post(io_, [self = shared_from_this(), on] { self->send(self->telnet_.set_server_echo(!on)); });
  }
  void hang_up() override {
    asio::post(io_, [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->writing_) self->close();
    });
  }
  std::string name() const override { return line_name_; }
  std::string peer() const override { return peer_; }

 private:
  void read() {
    auto self = shared_from_this();
    socket_.async_read_some(asio::buffer(buf_), [self](boost::system::error_code ec, std::size_t n) {
      if (ec) {
        self->drop();
        return;
      }
      self->telnet_.feed(self->buf_, n);
      if (!self->dropped_) self->read();
    });
  }

  void send(std::string data) {
    if (data.empty() || dropped_) return;
    queued_ += data.size();
    if (queued_ > LineServer::kOutputLimit) {
      // The client stopped reading: drop it rather than hold CP's output
      // without bound. Its machine runs on, disconnected.
      drop();
      return;
    }
    out_.push_back(std::move(data));
    if (!writing_) write_next();
  }

  void write_next() {
    if (out_.empty()) {
      writing_ = false;
      if (closing_) close();
      return;
    }
    writing_ = true;
    auto self = shared_from_this();
    asio::async_write(socket_, asio::buffer(out_.front()), [self](boost::system::error_code ec, std::size_t) {
      self->writing_ = false;
      if (ec || self->dropped_) {
        // The buffer that was being written may go only now that the
        // write is over.
        self->out_.clear();
        self->queued_ = 0;
        self->drop();
        return;
      }
      self->queued_ -= self->out_.front().size();
      self->out_.pop_front();
      self->write_next();
    });
  }

  void close() {
    boost::system::error_code ec;
    socket_.shutdown(tcp::socket::shutdown_both, ec);
    socket_.close(ec);
    if (!dropped_) {
      dropped_ = true;
      system_.hang_up(id_);
    }
  }

  void drop() {
    if (dropped_) return;
    dropped_ = true;
    if (!writing_) {  // else the write's completion lets go of the queue
      out_.clear();
      queued_ = 0;
    }
    boost::system::error_code ec;
    socket_.close(ec);
    system_.hang_up(id_);
  }

  asio::io_context& io_;
  tcp::socket socket_;
  cp::System& system_;
  std::string line_name_, peer_;
  cp::System::TermId id_ = 0;
  TelnetLine telnet_;
  unsigned char buf_[4096];
  std::deque<std::string> out_;
  std::size_t queued_ = 0;
  bool writing_ = false, closing_ = false, dropped_ = false;
};

}  // namespace

LineServer::LineServer(asio::io_context& io, cp::System& system, const std::string& addr, unsigned short port)
    : io_(io), system_(system), acceptor_(io) {
  tcp::endpoint ep(asio::ip::make_address(addr), port);
  acceptor_.open(ep.protocol());
  acceptor_.set_option(tcp::acceptor::reuse_address(true));
  acceptor_.bind(ep);
  acceptor_.listen();
  accept();
}

unsigned short LineServer::port() const { return acceptor_.local_endpoint().port(); }
std::string LineServer::address() const { return acceptor_.local_endpoint().address().to_string(); }

void LineServer::close() {
  boost::system::error_code ec;
  acceptor_.close(ec);
}

void LineServer::accept() {
  acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      // Terminal addresses as VM/370's lines: 0C0 upward, in hex.
      char name[8];
      std::snprintf(name, sizeof name, "%03X", 0x0C0 + (next_line_++ % 0xF00));
      boost::system::error_code e2;
      socket.set_option(tcp::no_delay(true), e2);
      std::make_shared<Session>(io_, std::move(socket), system_, name)->start();
    }
    accept();
  });
}

}  // namespace console
