// TLS for the terminal server (docs/ARCHITECTURE.md, "console"): where the
// server's certificate and key come from, and the context that serves them.
// Someone who has a certificate names its two files; someone who has none
// gets a self-signed pair made once in the data directory and kept, so that
// TLS works from the first start and a client can trust (pin) that one
// certificate across restarts.
#pragma once

#include <utility>  // Boost 1.74's awaitable.hpp uses std::exchange without it
#include <boost/asio/ssl.hpp>
#include <memory>
#include <string>

namespace console::tls {

struct Files {
  std::string cert, key;
  bool made = false;
};

// The server's certificate and key: `cert`/`key` when given (both or
// neither), else DATA/tls/cert.pem and DATA/tls/key.pem, made on first use as
// a self-signed certificate (EC P-256, X.509 v3, CN = `host`, subjectAltName
// DNS:<host> (IP:<host> when `host` is an address) and IP:127.0.0.1, valid 10
// years, random serial, SHA-256 signature). The key is written mode 0600
// through a temporary file and a rename, the key before the certificate: a
// kill -9 never leaves half a file, and a key without its certificate is a
// pair left unfinished, made again. A certificate without its key is not
// replaced (clients may trust it): that throws. `made` says the pair was made
// by this call. Throws std::runtime_error naming the file and OpenSSL's
// reason when a file cannot be read, does not hold a PEM certificate/key, or
// the key does not match the certificate.
Files server_files(const std::string& cert, const std::string& key, const std::string& data_dir,
                   const std::string& host = "localhost");

// A server context loaded from `files`: TLS 1.2 and up, no compression, no
// renegotiation, no password prompt for an encrypted key (it fails instead).
// Throws std::runtime_error as server_files does, the key checked against the
// certificate.
std::unique_ptr<boost::asio::ssl::context> server_context(const Files& files);

}  // namespace console::tls
