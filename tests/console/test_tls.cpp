// TLS for the terminal server (console/tls.h): the self-signed pair made
// once and then kept, what it holds, a real handshake with a client that
// checks the certificate and the host name, and errors that name the file.
#include <doctest/doctest.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>  // before Boost 1.74's asio: its awaitable.hpp uses std::exchange
#include <boost/asio.hpp>

#include "console/tls.h"

namespace fs = std::filesystem;
namespace asio = boost::asio;
namespace tls = console::tls;
using asio::ip::tcp;

namespace {

// A fresh empty directory, removed with what it holds.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "vm370-tls-XXXXXX").string();
    if (!::mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    path = tmpl;
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string str() const { return path.string(); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void spill(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::set<std::string> names_in(const fs::path& dir) {
  std::set<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
  return out;
}

// What server_files' exception says, or "" when it does not throw.
template <class F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

struct Cert {
  X509* x = nullptr;
  explicit Cert(const std::string& path) {
    std::string pem = slurp(path);
    BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    REQUIRE(x != nullptr);
  }
  Cert(const Cert&) = delete;
  Cert& operator=(const Cert&) = delete;
  ~Cert() { X509_free(x); }
};

struct Outcome {
  std::string server_error, client_error;
  std::string echoed;
  long verify_result = -1;
};

// One TLS connection over loopback TCP: the client connects, verifies the
// server's certificate against `client_ctx` and `check_host`, sends one byte,
// and reads back the server's echo of it.
Outcome round_trip(asio::ssl::context& server_ctx, asio::ssl::context& client_ctx, const std::string& check_host) {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  asio::ssl::stream<tcp::socket> server(io, server_ctx);
  asio::ssl::stream<tcp::socket> client(io, client_ctx);
  Outcome out;
  char server_byte = 0, sent = 'Q', client_byte = 0;

  acceptor.async_accept(server.next_layer(), [&](boost::system::error_code accept_ec) {
    if (accept_ec) {
      out.server_error = "accept: " + accept_ec.message();
      return;
    }
    server.async_handshake(asio::ssl::stream_base::server, [&](boost::system::error_code hs_ec) {
      if (hs_ec) {
        out.server_error = "handshake: " + hs_ec.message();
        return;
      }
      asio::async_read(server, asio::buffer(&server_byte, 1), [&](boost::system::error_code read_ec, std::size_t) {
        if (read_ec) {
          out.server_error = "read: " + read_ec.message();
          return;
        }
        asio::async_write(server, asio::buffer(&server_byte, 1), [&](boost::system::error_code write_ec, std::size_t) {
          if (write_ec) out.server_error = "write: " + write_ec.message();
        });
      });
    });
  });

  client.set_verify_mode(asio::ssl::verify_peer);
  client.set_verify_callback(asio::ssl::host_name_verification(check_host));
  SSL_set_tlsext_host_name(client.native_handle(), check_host.c_str());
  client.next_layer().async_connect(acceptor.local_endpoint(), [&](boost::system::error_code connect_ec) {
    if (connect_ec) {
      out.client_error = "connect: " + connect_ec.message();
      return;
    }
    client.async_handshake(asio::ssl::stream_base::client, [&](boost::system::error_code hs_ec) {
      out.verify_result = SSL_get_verify_result(client.native_handle());
      if (hs_ec) {
        out.client_error = "handshake: " + hs_ec.message();
        return;
      }
      asio::async_write(client, asio::buffer(&sent, 1), [&](boost::system::error_code write_ec, std::size_t) {
        if (write_ec) {
          out.client_error = "write: " + write_ec.message();
          return;
        }
        asio::async_read(client, asio::buffer(&client_byte, 1), [&](boost::system::error_code read_ec, std::size_t) {
          if (read_ec)
            out.client_error = "read: " + read_ec.message();
          else
            out.echoed.assign(1, client_byte);
        });
      });
    });
  });

  io.run_for(std::chrono::seconds(20));
  if (!io.stopped()) out.client_error += " (timed out)";
  return out;
}

}  // namespace

TEST_CASE("tls: first use makes the pair (key 0600), the second loads it") {
  TempDir data;
  const tls::Files first = tls::server_files("", "", data.str());
  CHECK(first.made);
  CHECK(fs::path(first.cert) == data.path / "tls" / "cert.pem");
  CHECK(fs::path(first.key) == data.path / "tls" / "key.pem");
  REQUIRE(fs::is_regular_file(first.cert));
  REQUIRE(fs::is_regular_file(first.key));
  CHECK(fs::status(first.key).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
  CHECK(slurp(first.cert).rfind("-----BEGIN CERTIFICATE-----", 0) == 0);
  CHECK(slurp(first.key).rfind("-----BEGIN PRIVATE KEY-----", 0) == 0);
  // No temporary file left beside them.
  CHECK(names_in(data.path / "tls") == std::set<std::string>{"cert.pem", "key.pem"});

  const std::string cert_bytes = slurp(first.cert), key_bytes = slurp(first.key);
  const tls::Files second = tls::server_files("", "", data.str());
  CHECK_FALSE(second.made);
  CHECK(second.cert == first.cert);
  CHECK(second.key == first.key);
  CHECK(slurp(second.cert) == cert_bytes);
  CHECK(slurp(second.key) == key_bytes);
}

TEST_CASE("tls: the certificate made: v3, EC P-256, SHA-256, CN and subjectAltName, 10 years, random serial") {
  TempDir a, b;
  const tls::Files fa = tls::server_files("", "", a.str(), "vm370.example");
  const tls::Files fb = tls::server_files("", "", b.str(), "vm370.example");
  Cert ca(fa.cert), cb(fb.cert);

  CHECK(X509_get_version(ca.x) == X509_VERSION_3);
  CHECK(X509_get_signature_nid(ca.x) == NID_ecdsa_with_SHA256);
  EVP_PKEY* pub = X509_get0_pubkey(ca.x);
  REQUIRE(pub != nullptr);
  CHECK(EVP_PKEY_get_base_id(pub) == EVP_PKEY_EC);
  char group[64] = {};
  std::size_t group_len = 0;
  REQUIRE(EVP_PKEY_get_group_name(pub, group, sizeof group, &group_len) == 1);
  CHECK(std::string(group) == "prime256v1");
  CHECK(X509_verify(ca.x, pub) == 1);  // self-signed by that key

  char cn[256] = {};
  CHECK(X509_NAME_get_text_by_NID(X509_get_subject_name(ca.x), NID_commonName, cn, sizeof cn) > 0);
  CHECK(std::string(cn) == "vm370.example");
  CHECK(X509_NAME_cmp(X509_get_subject_name(ca.x), X509_get_issuer_name(ca.x)) == 0);
  // X509_check_host looks at the DNS names of subjectAltName only when it
  // has one (the CN is then ignored).
  CHECK(X509_check_host(ca.x, "vm370.example", 0, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, nullptr) == 1);
  CHECK(X509_check_host(ca.x, "localhost", 0, X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, nullptr) != 1);
  CHECK(X509_check_ip_asc(ca.x, "127.0.0.1", 0) == 1);
  CHECK(X509_check_ip_asc(ca.x, "127.0.0.2", 0) != 1);

  int days = 0, secs = 0;
  REQUIRE(ASN1_TIME_diff(&days, &secs, X509_get0_notBefore(ca.x), X509_get0_notAfter(ca.x)) == 1);
  CHECK(days >= 10 * 365 + 2);
  CHECK(days <= 10 * 366 + 1);
  CHECK(X509_cmp_current_time(X509_get0_notBefore(ca.x)) < 0);  // already valid

  CHECK(ASN1_INTEGER_cmp(X509_get0_serialNumber(ca.x), X509_get0_serialNumber(cb.x)) != 0);
  CHECK(slurp(fa.key) != slurp(fb.key));

  // A host given as an address goes in as an IP name, not a DNS one.
  TempDir c;
  Cert cc(tls::server_files("", "", c.str(), "10.1.2.3").cert);
  CHECK(X509_check_ip_asc(cc.x, "10.1.2.3", 0) == 1);
  CHECK(X509_check_ip_asc(cc.x, "127.0.0.1", 0) == 1);
}

TEST_CASE("tls: a real handshake over loopback, the certificate and the host name verified, one byte each way") {
  TempDir data;
  const tls::Files files = tls::server_files("", "", data.str());
  auto server_ctx = tls::server_context(files);
  REQUIRE(server_ctx != nullptr);
  SSL_CTX* native = server_ctx->native_handle();
  CHECK(SSL_CTX_get_min_proto_version(native) == TLS1_2_VERSION);
  CHECK((SSL_CTX_get_options(native) & SSL_OP_NO_COMPRESSION) != 0);
  CHECK((SSL_CTX_get_options(native) & SSL_OP_NO_RENEGOTIATION) != 0);

  asio::ssl::context client_ctx(asio::ssl::context::tls_client);
  client_ctx.load_verify_file(files.cert);  // trusts that one certificate, nothing else

  const Outcome ok = round_trip(*server_ctx, client_ctx, "localhost");
  CHECK(ok.client_error == "");
  CHECK(ok.server_error == "");
  CHECK(ok.verify_result == X509_V_OK);
  CHECK(ok.echoed == "Q");

  // The same client refuses the server under another name: the host-name
  // check above did something.
  const Outcome wrong_name = round_trip(*server_ctx, client_ctx, "elsewhere.example");
  CHECK(wrong_name.client_error != "");
  CHECK(wrong_name.echoed == "");

  // And a client that trusts another certificate refuses it: the chain
  // check did something too.
  TempDir other;
  asio::ssl::context stranger_ctx(asio::ssl::context::tls_client);
  stranger_ctx.load_verify_file(tls::server_files("", "", other.str()).cert);
  const Outcome untrusted = round_trip(*server_ctx, stranger_ctx, "localhost");
  CHECK(untrusted.client_error != "");
  CHECK(untrusted.verify_result != X509_V_OK);
  CHECK(untrusted.echoed == "");
}

TEST_CASE("tls: given files are used as they are") {
  TempDir made, given;
  const tls::Files src = tls::server_files("", "", made.str());
  const fs::path cert = given.path / "my.crt", key = given.path / "my.key";
  fs::copy_file(src.cert, cert);
  fs::copy_file(src.key, key);
  const tls::Files files = tls::server_files(cert.string(), key.string(), given.str());
  CHECK_FALSE(files.made);
  CHECK(files.cert == cert.string());
  CHECK(files.key == key.string());
  CHECK_FALSE(fs::exists(given.path / "tls"));  // nothing made beside them
  CHECK(tls::server_context(files) != nullptr);
}

TEST_CASE("tls: a garbage certificate, a missing key, a key not the certificate's: each named") {
  TempDir a, b, junk;
  const tls::Files fa = tls::server_files("", "", a.str());
  const tls::Files fb = tls::server_files("", "", b.str());

  const std::string garbage = (junk.path / "garbage.pem").string();
  spill(garbage, "this is not a certificate\n");
  std::string e = error_of([&] { tls::server_files(garbage, fa.key, junk.str()); });
  CHECK(e.find(garbage) != std::string::npos);
  CHECK(e.find("no start line") != std::string::npos);  // OpenSSL's reason
  e = error_of([&] { tls::server_context({garbage, fa.key}); });
  CHECK(e.find(garbage) != std::string::npos);

  const std::string missing = (junk.path / "missing.key").string();
  e = error_of([&] { tls::server_files(fa.cert, missing, junk.str()); });
  CHECK(e.find(missing) != std::string::npos);
  CHECK(e.find("No such file") != std::string::npos);
  e = error_of([&] { tls::server_context({fa.cert, missing}); });
  CHECK(e.find(missing) != std::string::npos);

  // A certificate where the key should be is not a key.
  e = error_of([&] { tls::server_files(fa.cert, fa.cert, junk.str()); });
  CHECK(e.find("no PEM private key") != std::string::npos);

  e = error_of([&] { tls::server_files(fa.cert, fb.key, junk.str()); });
  CHECK(e.find(fb.key) != std::string::npos);
  CHECK(e.find(fa.cert) != std::string::npos);
  CHECK(e.find("does not match") != std::string::npos);
  e = error_of([&] { tls::server_context({fa.cert, fb.key}); });
  CHECK(e.find(fb.key) != std::string::npos);
  CHECK(e.find("does not match") != std::string::npos);
}

TEST_CASE("tls: a certificate without its key, or a key without its certificate, is refused") {
  TempDir a;
  const tls::Files fa = tls::server_files("", "", a.str());
  std::string e = error_of([&] { tls::server_files(fa.cert, "", a.str()); });
  CHECK(e.find(fa.cert) != std::string::npos);
  CHECK(e.find("without its key") != std::string::npos);
  e = error_of([&] { tls::server_files("", fa.key, a.str()); });
  CHECK(e.find(fa.key) != std::string::npos);
  CHECK(e.find("without its certificate") != std::string::npos);
}

TEST_CASE("tls: in the data directory, a key left without its certificate is made again; the reverse is refused") {
  TempDir data;
  const fs::path dir = data.path / "tls";
  fs::create_directories(dir);
  // What a kill -9 between the two renames leaves: the key, no certificate.
  spill(dir / "key.pem", "a half-made pair\n");
  const tls::Files files = tls::server_files("", "", data.str());
  CHECK(files.made);
  CHECK(tls::server_context(files) != nullptr);

  // A certificate whose key was lost is not silently replaced.
  fs::remove(files.key);
  const std::string cert_bytes = slurp(files.cert);
  const std::string e = error_of([&] { tls::server_files("", "", data.str()); });
  CHECK(e.find(files.key) != std::string::npos);
  CHECK(slurp(files.cert) == cert_bytes);
}

TEST_CASE("tls: a host name a certificate cannot carry is refused") {
  TempDir data;
  const std::string e = error_of([&] { tls::server_files("", "", data.str(), "bad host,name"); });
  CHECK(e.find("bad host,name") != std::string::npos);
  CHECK_FALSE(fs::exists(data.path / "tls" / "cert.pem"));
}

TEST_CASE("tls: a host name longer than a CN holds (64) is made, carried by the subjectAltName") {
  TempDir data;
  const std::string host = std::string(60, 'a') + ".example";
  Cert c(tls::server_files("", "", data.str(), host).cert);
  CHECK(X509_check_host(c.x, host.c_str(), host.size(), X509_CHECK_FLAG_NEVER_CHECK_SUBJECT, nullptr) == 1);
}
