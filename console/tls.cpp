// The server's certificate and key, and its TLS context (tls.h).
#include "console/tls.h"

#include <boost/asio/ip/address.hpp>

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <stdexcept>
#include <string_view>
#include <system_error>

namespace console::tls {

namespace fs = std::filesystem;
namespace asio = boost::asio;

namespace {

// A self-made certificate lasts as long as a machine room is likely to run
// one installation; a client that pinned it is not surprised by an expiry.
constexpr long kValidDays = 3653;  // 10 years with their leap days
// notBefore is set this far back, so a client whose clock is a little
// behind ours does not reject a certificate made a moment ago.
constexpr long kBackdateSeconds = 3600;

template <auto Free>
struct Deleter {
  template <class T>
  void operator()(T* p) const {
    Free(p);
  }
};
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO_free>>;
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;
using NamesPtr = std::unique_ptr<GENERAL_NAMES, Deleter<GENERAL_NAMES_free>>;

// OpenSSL's reasons for what just failed, oldest first, and its error queue
// emptied (a reason left there would be reported by the next failure).
std::string openssl_reasons() {
  std::string out;
  const char* data = nullptr;
  int flags = 0;
  while (unsigned long e = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
    const char* r = ERR_reason_error_string(e);
    std::string one = r ? r : "error " + std::to_string(ERR_GET_REASON(e));
    if ((flags & ERR_TXT_STRING) && data && *data) one += std::string(" (") + data + ")";
    if (out.find(one) != std::string::npos) continue;  // the same reason pushed by each layer
    if (!out.empty()) out += "; ";
    out += one;
  }
  return out.empty() ? "no reason given by OpenSSL" : out;
}

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error("TLS: " + what + ": " + openssl_reasons()); }

[[noreturn]] void fail_errno(const std::string& what, int err) {
  throw std::runtime_error("TLS: " + what + ": " + std::strerror(err));
}

// A file descriptor closed on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// The whole file, read through POSIX so that a failure has its errno to
// report (a stream's does not).
std::string read_file(const std::string& path, const std::string& what) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) fail_errno(what + " " + path + ": cannot read it", errno);
  std::string out;
  char buf[4096];
  for (;;) {
    ssize_t n = ::read(fd.get(), buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail_errno(what + " " + path + ": cannot read it", errno);
    if (n == 0) break;
    out.append(buf, std::size_t(n));
    // PEM files are a few kilobytes; a huge file is a wrong name, not a key.
    if (out.size() > (1 << 20)) throw std::runtime_error("TLS: " + what + " " + path + ": larger than 1 MiB, not PEM");
  }
  return out;
}

// Wipes what held a private key before its memory is given back.
struct Wiped {
  std::string text;
  ~Wiped() { OPENSSL_cleanse(text.data(), text.size()); }
};

BioPtr memory_bio(const std::string& text) {
  BioPtr bio(BIO_new_mem_buf(text.data(), int(text.size())));
  if (!bio) fail("cannot make a memory BIO");
  return bio;
}

// Never asked: an encrypted key has no one to type its password at a
// server's start, so it fails with OpenSSL's reason instead of prompting.
int no_password(char*, int, int, void*) { return -1; }

X509Ptr load_cert(const std::string& path) {
  std::string text = read_file(path, "certificate");
  BioPtr bio = memory_bio(text);
  ERR_clear_error();
  X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, no_password, nullptr));
  if (!cert) fail("certificate " + path + ": no PEM certificate in it");
  return cert;
}

KeyPtr load_key(const std::string& path) {
  Wiped text{read_file(path, "key")};
  BioPtr bio = memory_bio(text.text);
  ERR_clear_error();
  KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, no_password, nullptr));
  if (!key) fail("key " + path + ": no PEM private key in it (or one encrypted with a password)");
  return key;
}

// Both files readable, each holding what it should, the key the
// certificate's: checked before a server starts on them, so that a wrong
// file is named at once rather than found by the first client.
void validate(const std::string& cert_path, const std::string& key_path) {
  X509Ptr cert = load_cert(cert_path);
  KeyPtr key = load_key(key_path);
  ERR_clear_error();
  if (X509_check_private_key(cert.get(), key.get()) != 1)
    fail("key " + key_path + " does not match the certificate " + cert_path);
}

// ---- making a pair --------------------------------------------------------

KeyPtr make_key() {
  ERR_clear_error();
  // P-256: every TLS client has it, and a key is made in a millisecond
  // where RSA-3072 takes a second or more.
  KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) fail("cannot make an EC P-256 key");
  return key;
}

void add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX v3;
  X509V3_set_ctx_nodb(&v3);
  X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);  // self-signed: issuer = subject
  ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &v3, nid, value));
  if (!ext || X509_add_ext(cert, ext.get(), -1) != 1) fail(std::string("cannot add the extension ") + OBJ_nid2sn(nid));
}

bool is_address(const std::string& host) {
  boost::system::error_code ec;
  asio::ip::make_address(host, ec);
  return !ec;
}

// subjectAltName, which is what clients check (the CN is not, since RFC
// 6125): the host, and 127.0.0.1 for a client on the same machine. Built as
// a structure, not as an OpenSSL configuration string, so that no character
// of the host name can be read as syntax.
void add_alt_names(X509* cert, const std::string& host) {
  NamesPtr names(GENERAL_NAMES_new());
  if (!names) fail("cannot make the subjectAltName");
  auto add = [&](int type, const std::string& value) {
    GENERAL_NAME* g = a2i_GENERAL_NAME(nullptr, nullptr, nullptr, type, value.c_str(), 0);
    if (!g) fail("cannot put " + value + " in the subjectAltName");
    if (!sk_GENERAL_NAME_push(names.get(), g)) {
      GENERAL_NAME_free(g);
      fail("cannot put " + value + " in the subjectAltName");
    }
  };
  add(is_address(host) ? GEN_IPADD : GEN_DNS, host);
  if (host != "127.0.0.1") add(GEN_IPADD, "127.0.0.1");
  if (X509_add1_ext_i2d(cert, NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT) != 1)
    fail("cannot add the subjectAltName");
}

X509Ptr make_cert(EVP_PKEY* key, const std::string& host) {
  ERR_clear_error();
  X509Ptr cert(X509_new());
  if (!cert) fail("cannot make a certificate");
  if (X509_set_version(cert.get(), X509_VERSION_3) != 1) fail("cannot set the certificate's version");

  // A random positive serial of 159 bits (RFC 5280 allows 20 octets): a
  // second pair made for the same host never repeats the first's serial,
  // which some clients would refuse as a different certificate with the
  // same issuer and serial. The high bits are fixed so it is never zero.
  unsigned char serial[20];
  if (RAND_bytes(serial, sizeof serial) != 1) fail("cannot draw a random serial number");
  serial[0] = (serial[0] & 0x7F) | 0x40;
  BnPtr bn(BN_bin2bn(serial, sizeof serial, nullptr));
  if (!bn || !BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert.get()))) fail("cannot set the serial number");

  if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds) ||
      !X509_time_adj_ex(X509_getm_notAfter(cert.get()), int(kValidDays), 0, nullptr))
    fail("cannot set the validity period");

  // The CN names the certificate for a person reading it; a host name too
  // long for one (64 characters) is left to the subjectAltName alone.
  X509_NAME* name = X509_get_subject_name(cert.get());
  const std::string cn = host.size() <= ub_common_name ? host : "vm370";
  if (X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1,
                                 0) != 1)
    fail("cannot put the name " + cn + " in the certificate's subject");
  if (X509_set_issuer_name(cert.get(), name) != 1) fail("cannot set the issuer");
  if (X509_set_pubkey(cert.get(), key) != 1) fail("cannot put the public key in the certificate");

  // An end entity, not a CA: a browser-like client refuses a CA
  // certificate presented as a server's. No keyUsage: one without
  // keyCertSign makes OpenSSL 1.1 no longer see the certificate as
  // self-signed, and a client that trusts it would still fail to verify it.
  add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE");
  add_extension(cert.get(), NID_ext_key_usage, "serverAuth");
  add_extension(cert.get(), NID_subject_key_identifier, "hash");
  add_alt_names(cert.get(), host);

  if (X509_sign(cert.get(), key, EVP_sha256()) <= 0) fail("cannot sign the certificate");
  return cert;
}

// What a memory BIO holds, by pointer (not copied: it may be a key).
std::string_view contents(BIO* bio) {
  char* p = nullptr;
  long n = BIO_get_mem_data(bio, &p);
  return {p, n > 0 ? std::size_t(n) : 0};
}

// `path` holds `bytes` whole or is as it was: they are written to a
// temporary file in the same directory, created with `mode` (no moment
// where a key is readable by others), flushed to the disk, then renamed over
// `path`, which is atomic. A temporary file left by a kill -9 is mode 0600
// and named path.XXXXXX.
void write_atomically(const fs::path& path, std::string_view bytes, mode_t mode) {
  std::string tmp = path.string() + ".XXXXXX";
  int raw = ::mkostemp(tmp.data(), O_CLOEXEC);  // mode 0600
  if (raw < 0) fail_errno("cannot make a temporary file for " + path.string(), errno);
  bool renamed = false;
  struct Cleanup {
    const std::string& name;
    const bool& renamed;
    ~Cleanup() {
      if (!renamed) ::unlink(name.c_str());
    }
  } cleanup{tmp, renamed};
  {
    Fd fd(raw);
    if (::fchmod(fd.get(), mode) != 0) fail_errno("cannot set the mode of " + tmp, errno);
    for (std::size_t done = 0; done < bytes.size();) {
      ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail_errno("cannot write " + tmp, errno);
      done += std::size_t(n);
    }
    // Without it a crash of the host (not of the process) could leave the
    // rename on disk and the contents not.
    if (::fsync(fd.get()) != 0) fail_errno("cannot write " + tmp, errno);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) fail_errno("cannot rename " + tmp + " to " + path.string(), errno);
  renamed = true;
}

// Makes the pair in `dir`: the key first, so that a certificate present
// means its key was written before it.
void make_pair(const fs::path& dir, const Files& files, const std::string& host) {
  KeyPtr key = make_key();
  X509Ptr cert = make_cert(key.get(), host);

  BioPtr key_pem(BIO_new(BIO_s_mem()));  // a memory BIO wipes its buffer when freed
  ERR_clear_error();
  if (!key_pem || PEM_write_bio_PrivateKey(key_pem.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1)
    fail("cannot encode the key");
  BioPtr cert_pem(BIO_new(BIO_s_mem()));
  if (!cert_pem || PEM_write_bio_X509(cert_pem.get(), cert.get()) != 1) fail("cannot encode the certificate");

  write_atomically(files.key, contents(key_pem.get()), 0600);
  write_atomically(files.cert, contents(cert_pem.get()), 0644);  // public: clients copy it to trust it

  // The renames themselves reach the disk with the directory.
  Fd d(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (d.get() >= 0) ::fsync(d.get());
}

// Host names as a certificate can carry them: letters, digits, '-', '.',
// '_', or an IP address. Anything else would make a certificate no client
// matches, better refused when it is made.
void check_host(const std::string& host) {
  if (is_address(host)) return;
  bool ok = !host.empty() && host.size() <= 253;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_')) ok = false;
  if (!ok) throw std::runtime_error("TLS: \"" + host + "\" is not a host name to make a certificate for");
}

}  // namespace

Files server_files(const std::string& cert, const std::string& key, const std::string& data_dir,
                   const std::string& host) {
  if (cert.empty() != key.empty())
    throw std::runtime_error(cert.empty() ? "TLS: a key file (" + key + ") was given without its certificate file"
                                          : "TLS: a certificate file (" + cert + ") was given without its key file");
  if (!cert.empty()) {
    validate(cert, key);
    return Files{cert, key, false};
  }

  const fs::path dir = fs::path(data_dir) / "tls";
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw std::runtime_error("TLS: cannot make the directory " + dir.string() + ": " + ec.message());
  Files files{(dir / "cert.pem").string(), (dir / "key.pem").string(), false};

  // Two servers started at once on the same data directory must not each
  // make a pair and leave one's key beside the other's certificate: the
  // directory is locked while it is looked at and written (released when
  // `lock` is closed, or by the kernel when the process dies).
  Fd lock(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (lock.get() < 0) fail_errno("cannot open the directory " + dir.string(), errno);
  while (::flock(lock.get(), LOCK_EX) != 0)
    if (errno != EINTR) fail_errno("cannot lock the directory " + dir.string(), errno);

  const bool have_cert = fs::exists(files.cert, ec);
  if (ec) throw std::runtime_error("TLS: certificate " + files.cert + ": " + ec.message());
  if (have_cert) {
    if (!fs::exists(files.key, ec))
      throw std::runtime_error("TLS: key " + files.key + " is missing beside its certificate " + files.cert +
                               " (delete the certificate to have a new pair made)");
    validate(files.cert, files.key);
    return files;
  }

  // No certificate: first use, or a making cut short after the key.
  check_host(host);
  make_pair(dir, files, host);
  validate(files.cert, files.key);  // read back what was written, as a start would
  files.made = true;
  return files;
}

std::unique_ptr<asio::ssl::context> server_context(const Files& files) {
  // Asio's own loading reports little more than "PEM lib"; this names the
  // file and the reason, and checks that they match.
  validate(files.cert, files.key);

  auto ctx = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  SSL_CTX* native = ctx->native_handle();
  ERR_clear_error();
  // TLS 1.0 and 1.1 are broken (RFC 8996). Compression leaks secrets
  // (CRIME); renegotiation has been a denial-of-service and injection
  // vector, and a terminal session never needs it.
  if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1) fail("cannot require TLS 1.2");
  ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_compression);
  SSL_CTX_set_options(native, SSL_OP_NO_RENEGOTIATION);
  ctx->set_password_callback([](std::size_t, asio::ssl::context::password_purpose) { return std::string(); });

  boost::system::error_code ec;
  // A chain file: a certificate from a CA may come with its intermediates.
  ctx->use_certificate_chain_file(files.cert, ec);
  if (ec) throw std::runtime_error("TLS: certificate " + files.cert + ": " + ec.message());
  ctx->use_private_key_file(files.key, asio::ssl::context::pem, ec);
  if (ec) throw std::runtime_error("TLS: key " + files.key + ": " + ec.message());
  ERR_clear_error();
  if (SSL_CTX_check_private_key(native) != 1)
    fail("key " + files.key + " does not match the certificate " + files.cert);
  return ctx;
}

}  // namespace console::tls
