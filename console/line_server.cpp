// Terminal sessions over TCP and TLS (line_server.h).
#include "console/line_server.h"

#include <cstdio>
#include <atomic>
#include <deque>

#include "console/graf.h"
#include "console/query.h"
#include "console/tn3270.h"

namespace console {

namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

class Session final : public cp::Terminal, public std::enable_shared_from_this<Session> {
 public:
  // `tls`: the session runs over TLS with this context (the handshake
  // first, in handshake()).
  Session(asio::io_context& io, tcp::socket socket, cp::System& system, std::string line, LineServer::Lus& lus,
          asio::ssl::context* tls)
      : io_(io), socket_(std::move(socket)), system_(system), line_name_(std::move(line)), lus_(lus),
        negotiation_(io) {
    boost::system::error_code ec;
    auto ep = socket_.remote_endpoint(ec);
    peer_ = ec ? "?" : ep.address().to_string() + ":" + std::to_string(ep.port());
    if (tls) tls_ = std::make_unique<asio::ssl::stream<tcp::socket>>(std::move(socket_), *tls);
  }

  // TLS: the handshake, bounded in time (a client that connects and says
  // nothing is not kept), then the session as on the plain port.
  void handshake() {
    auto self = shared_from_this();
    negotiation_.expires_after(LineServer::kHandshake);
    negotiation_.async_wait([self](boost::system::error_code ec) {
      if (!ec && !self->started_) self->drop();
    });
    tls_->async_handshake(asio::ssl::stream_base::server, [self](boost::system::error_code ec) {
      if (self->dropped_) return;
      if (ec) {
        self->drop();  // garbage, a client that does not trust us, a plain telnet
        return;
      }
      self->negotiation_.cancel();
      self->start();
    });
  }

  // The client is asked what it is (tn3270.h); CP hears of it once that
  // is settled, so that the logo goes out in the right form.
  void start() {
    auto self = shared_from_this();
    started_ = true;
    tn_.on_reply = [this](std::string r) { send(std::move(r)); };
    tn_.on_line = [this](std::string l) {
      if (id_ && !dropped_) system_.input(id_, std::move(l));
    };
    tn_.on_attention = [this] {
      if (id_ && !dropped_) system_.attention(id_);
    };
    tn_.on_record = [this](std::vector<std::uint8_t> r) {
      if (querying_ && !dropped_) {
        int rows = 24, cols = 80;
        if (query_reply_size(r, rows, cols) || r.empty() || r[0] != 0x88) open(rows, cols);
        return;
      }
      if (graf_ && !dropped_) {
        graf_->inbound(r);
        flush();
      }
    };
    tn_.on_mode = [this](Tn3270::Mode m) { settled(m); };
    tn_.default_lu = "LU" + line_name_;
    // A name asked for is taken at once (two clients asking for it at the
    // same time cannot both have it), and given back when the session ends.
    tn_.lu_free = [this](const std::string& lu) {
      if (lus_.count(lu)) return false;
      lus_.insert(lu);
      lu_ = lu;
      return true;
    };
    send(tn_.start());
    negotiation_.expires_after(LineServer::kNegotiation);
    negotiation_.async_wait([self](boost::system::error_code ec) {
      if (!ec && !self->dropped_) self->tn_.timeout();
    });
    read();
  }

  // ---- cp::Terminal: from any thread, only queues ------------------------
  bool status_area() const override { return is3270_.load(); }
  void cp_read(bool on) override {
    on_graf([on](GrafConsole& g) { g.cp_read(on); });
  }
  void vm_read(bool on) override {
    on_graf([on](GrafConsole& g) { g.vm_read(on); });
  }
  void not_accepted() override {
    on_graf([](GrafConsole& g) { g.not_accepted(); });
  }
  void alarm() override {
    on_graf([](GrafConsole& g) { g.alarm(); });
  }
  void set_input(std::string_view text) override {
    on_graf([t = std::string(text)](GrafConsole& g) { g.set_input(t); });
  }
  int rows() const override { return is3270_.load() ? rows_ : 0; }
  int cols() const override { return is3270_.load() ? cols_ : 0; }
  void display(int line, bool erase, std::vector<std::uint8_t> data) override {
    on_graf([line, erase, d = std::move(data)](GrafConsole& g) { g.display(line, erase, d); });
  }
  void full_screen(std::vector<std::uint8_t> record) override {
    on_graf([r = std::move(record)](GrafConsole& g) mutable { g.full_screen(std::move(r)); });
  }
  void end_full_screen() override {
    on_graf([](GrafConsole& g) { g.end_full_screen(); });
  }
  void write(std::string_view text) override {
    asio::post(io_, [self = shared_from_this(), t = std::string(text)]() mutable {
      if (self->graf_) {
        self->graf_->write(t);
        self->flush();
      } else {
        self->send(self->tn_.line_text(t));
      }
    });
  }
  void set_echo(bool on) override {
    asio::post(io_, [self = shared_from_this(), on] {
      if (self->graf_) {
        self->graf_->set_echo(on);
        self->flush();
      } else {
        self->send(self->tn_.set_server_echo(!on));
      }
    });
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
  // The mode is settled: a line-mode console, or the CP screen of a 3270.
  void settled(Tn3270::Mode m) {
    negotiation_.cancel();
    if (m != Tn3270::Mode::Line && tn_.terminal().dynamic) {
      // IBM-DYNAMIC: the size comes from the terminal's Query Reply; one
      // that does not answer in time is a model 2.
      querying_ = true;
      send(tn_.frame(read_partition_query()));
      negotiation_.expires_after(LineServer::kQuery);
      negotiation_.async_wait([self = shared_from_this()](boost::system::error_code ec) {
        if (!ec && self->querying_ && !self->dropped_) self->open(24, 80);
      });
      return;
    }
    if (m == Tn3270::Mode::Line) {
      id_ = system_.connect(shared_from_this());
      return;
    }
    open(tn_.terminal().rows, tn_.terminal().cols);
  }

  // A 3270 of rows x cols: its CP screen, then CP hears of it.
  void open(int rows, int cols) {
    querying_ = false;
    negotiation_.cancel();
    {
      graf_ = std::make_unique<GrafConsole>(rows, cols, system_.sysname());
      graf_->on_line = [this](std::string l) {
        if (id_) system_.input(id_, std::move(l));
      };
      graf_->on_attention = [this] {
        if (id_) system_.attention(id_);
      };
      graf_->on_pf = [this](int n, std::string l) {
        if (id_) system_.pf_key(id_, n, std::move(l));
      };
      graf_->on_send = [this](std::vector<std::uint8_t> r) { send(tn_.frame(r)); };
      graf_->on_screen = [this](std::vector<std::uint8_t> r) {
        if (id_) system_.screen_input(id_, std::move(r));
      };
      graf_->on_guest_back = [this] {
        if (id_) system_.screen_back(id_);
      };
      rows_ = rows;
      cols_ = cols;
      if (tn_.mode() == Tn3270::Mode::Tn3270e) {
        if (lu_.empty() && !lus_.count(tn_.lu())) {  // the default name, when free
          lu_ = tn_.lu();
          lus_.insert(lu_);
        }
      }
      is3270_ = true;
    }
    id_ = system_.connect(shared_from_this());
  }

  // A change for the CP screen, on the io thread.
  template <class F>
  void on_graf(F f) {
    if (!is3270_.load()) return;
    asio::post(io_, [self = shared_from_this(), f = std::move(f)]() mutable {
      if (!self->graf_) return;
      f(*self->graf_);
      self->flush();
    });
  }

  // What the CP screen has to send, and its MORE... timer.
  void flush() {
    if (!graf_ || dropped_) return;
    graf_->flush();
    if (graf_->more() && more_armed_ != graf_->more_number()) {
      more_armed_ = graf_->more_number();
      if (!more_timer_) more_timer_ = std::make_unique<asio::steady_timer>(io_);
      more_timer_->expires_after(std::chrono::seconds(GrafConsole::kMoreSeconds));
      more_timer_->async_wait([self = shared_from_this(), n = more_armed_](boost::system::error_code ec) {
        if (ec || !self->graf_) return;
        self->graf_->more_timeout(n);
        self->flush();
      });
    }
  }

  // The stream: the socket, or TLS over it.
  tcp::socket& socket() { return tls_ ? tls_->next_layer() : socket_; }
  template <class Handler>
  void read_some(Handler h) {
    if (tls_) tls_->async_read_some(asio::buffer(buf_), std::move(h));
    else socket_.async_read_some(asio::buffer(buf_), std::move(h));
  }
  template <class Handler>
  void write_all(const std::string& data, Handler h) {
    if (tls_) asio::async_write(*tls_, asio::buffer(data), std::move(h));
    else asio::async_write(socket_, asio::buffer(data), std::move(h));
  }

  void read() {
    auto self = shared_from_this();
    read_some([self](boost::system::error_code ec, std::size_t n) {
      if (ec) {
        self->drop();
        return;
      }
      self->tn_.feed(self->buf_, n);
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
    write_all(out_.front(), [self](boost::system::error_code ec, std::size_t) {
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

  void forget() {
    negotiation_.cancel();
    if (more_timer_) more_timer_->cancel();
    if (!lu_.empty()) lus_.erase(lu_);
    lu_.clear();
  }

  void close() {
    forget();
    boost::system::error_code ec;
    socket().shutdown(tcp::socket::shutdown_both, ec);
    socket().close(ec);
    if (!dropped_) {
      dropped_ = true;
      if (id_) system_.hang_up(id_);
    }
  }

  void drop() {
    if (dropped_) return;
    dropped_ = true;
    forget();
    if (!writing_) {  // else the write's completion lets go of the queue
      out_.clear();
      queued_ = 0;
    }
    boost::system::error_code ec;
    socket().close(ec);
    if (id_) system_.hang_up(id_);
  }

  asio::io_context& io_;
  tcp::socket socket_;
  std::unique_ptr<asio::ssl::stream<tcp::socket>> tls_;
  bool started_ = false;
  cp::System& system_;
  std::string line_name_, peer_;
  LineServer::Lus& lus_;
  std::string lu_;  // a TN3270E session's LU name, while it has one
  cp::System::TermId id_ = 0;  // 0 until the mode is settled
  Tn3270 tn_;
  asio::steady_timer negotiation_;
  std::unique_ptr<GrafConsole> graf_;  // a 3270's CP screen
  std::atomic<bool> is3270_{false};
  bool querying_ = false;  // IBM-DYNAMIC: waiting for the Query Reply
  int rows_ = 0, cols_ = 0;  // set before is3270_
  std::unique_ptr<asio::steady_timer> more_timer_;
  unsigned more_armed_ = 0;
  unsigned char buf_[4096];
  std::deque<std::string> out_;
  std::size_t queued_ = 0;
  bool writing_ = false, closing_ = false, dropped_ = false;
};

}  // namespace

namespace {
void listen(tcp::acceptor& a, const std::string& addr, unsigned short port) {
  tcp::endpoint ep(asio::ip::make_address(addr), port);
  a.open(ep.protocol());
  a.set_option(tcp::acceptor::reuse_address(true));
  a.bind(ep);
  a.listen();
}
}  // namespace

LineServer::LineServer(asio::io_context& io, cp::System& system, const std::string& addr, unsigned short port)
    : io_(io), system_(system), acceptor_(io), tls_acceptor_(io) {
  listen(acceptor_, addr, port);
  accept(acceptor_, false);
}

void LineServer::listen_tls(std::unique_ptr<asio::ssl::context> context, const std::string& addr,
                            unsigned short port) {
  tls_context_ = std::move(context);
  listen(tls_acceptor_, addr, port);
  accept(tls_acceptor_, true);
}

unsigned short LineServer::port() const { return acceptor_.local_endpoint().port(); }
unsigned short LineServer::tls_port() const {
  boost::system::error_code ec;
  return tls_acceptor_.is_open() ? tls_acceptor_.local_endpoint(ec).port() : 0;
}
std::string LineServer::address() const { return acceptor_.local_endpoint().address().to_string(); }

void LineServer::close() {
  boost::system::error_code ec;
  acceptor_.close(ec);
  tls_acceptor_.close(ec);
}

void LineServer::accept(tcp::acceptor& a, bool tls) {
  a.async_accept([this, &a, tls](boost::system::error_code ec, tcp::socket socket) {
    if (ec == asio::error::operation_aborted) return;
    if (!ec) {
      // Terminal addresses as VM/370's lines: 0C0 upward, in hex.
      char name[8];
      std::snprintf(name, sizeof name, "%03X", 0x0C0 + (next_line_++ % 0xF00));
      boost::system::error_code e2;
      socket.set_option(tcp::no_delay(true), e2);
      auto s = std::make_shared<Session>(io_, std::move(socket), system_, name, lus_,
                                         tls ? tls_context_.get() : nullptr);
      if (tls) s->handshake();
      else s->start();
    }
    accept(a, tls);
  });
}

}  // namespace console
