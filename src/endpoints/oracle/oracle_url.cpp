#include "endpoints/oracle/oracle_url.h"

#include <fcntl.h>
#include <termios.h>
#include <unistd.h>

#include <cctype>
#include <charconv>
#include <cstdlib>
#include <stdexcept>

namespace orashift::oracle {

namespace {

constexpr const char* kForms =
    "expected oracle://USER@HOST:PORT/SERVICE, oracle://USER@TNS_ALIAS or oracle://@TNS_ALIAS (wallet), "
    "optionally followed by ?schema=A,B&array_size=N&snapshot=scn|none&lob_max_kb=N";

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

unsigned positive(std::string_view key, std::string_view v) {
  unsigned n = 0;
  auto r = std::from_chars(v.data(), v.data() + v.size(), n);
  if (r.ec != std::errc() || r.ptr != v.data() + v.size() || n == 0)
    throw std::invalid_argument("oracle:// option " + std::string(key) + " must be a positive integer");
  return n;
}

}  // namespace

bool is_oracle_url(const std::string& url) { return url.rfind("oracle://", 0) == 0; }

OracleUrl parse_oracle_url(const std::string& url) {
  if (!is_oracle_url(url)) throw std::invalid_argument(std::string("not an oracle:// URL; ") + kForms);
  std::string_view rest = std::string_view(url).substr(9);
  std::string_view query;
  if (size_t q = rest.find('?'); q != std::string_view::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  size_t at = rest.rfind('@');
  if (at == std::string_view::npos) throw std::invalid_argument(std::string("oracle:// URL without '@'; ") + kForms);
  OracleUrl u;
  std::string_view user = rest.substr(0, at);
  if (user.find(':') != std::string_view::npos)
    // Not echoed: the text after ':' is a password.
    throw std::invalid_argument(
        "a password in the oracle:// URL would be visible in the process list; remove it and set "
        "ORASHIFT_SOURCE_PASSWORD (or answer the prompt)");
  u.user = std::string(user);
  u.connect = std::string(rest.substr(at + 1));
  if (u.connect.rfind("//", 0) == 0) u.connect.erase(0, 2);
  if (u.connect.empty()) throw std::invalid_argument(std::string("oracle:// URL without a database; ") + kForms);
  size_t slash = u.connect.find('/');
  if (slash == std::string::npos) {
    // No '/': a TNS alias (letters, digits, '_', '.', '-').
    for (char c : u.connect)
      if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.' && c != '-')
        throw std::invalid_argument("'" + u.connect + "' is neither HOST:PORT/SERVICE nor a TNS alias; " + kForms);
    u.tns_alias = true;
  } else {
    std::string_view hostport = std::string_view(u.connect).substr(0, slash);
    std::string_view service = std::string_view(u.connect).substr(slash + 1);
    size_t colon = hostport.rfind(':');
    if (hostport.empty() || service.empty() || colon == std::string_view::npos || colon == 0)
      throw std::invalid_argument("'" + u.connect + "' is not HOST:PORT/SERVICE; " + kForms);
    positive("port", hostport.substr(colon + 1));
  }
  if (!u.user.empty()) u.schemas.push_back(upper(u.user));
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view kv = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    size_t eq = kv.find('=');
    std::string_view k = kv.substr(0, eq), v = eq == std::string_view::npos ? std::string_view() : kv.substr(eq + 1);
    if (k == "schema") {
      u.schemas.clear();
      while (!v.empty()) {
        size_t comma = v.find(',');
        if (comma) u.schemas.push_back(upper(v.substr(0, comma)));
        v = comma == std::string_view::npos ? std::string_view() : v.substr(comma + 1);
      }
    } else if (k == "array_size") {
      u.array_size = positive(k, v);
    } else if (k == "lob_max_kb") {
      u.lob_max_kb = positive(k, v);
    } else if (k == "snapshot") {
      if (v == "scn") u.snapshot = Snapshot::Scn;
      else if (v == "none") u.snapshot = Snapshot::None;
      else throw std::invalid_argument("oracle:// option snapshot must be scn or none");
    } else {
      throw std::invalid_argument("unknown oracle:// option '" + std::string(k) + "'; " + kForms);
    }
  }
  if (u.schemas.empty())
    throw std::invalid_argument("oracle://@ALIAS (wallet) needs ?schema=NAME: the schema to read is not the user's");
  return u;
}

std::string OracleUrl::describe() const { return "oracle://" + user + "@" + connect; }

std::string source_password(const OracleUrl& url) {
  if (url.user.empty()) return {};
  if (const char* p = std::getenv("ORASHIFT_SOURCE_PASSWORD"); p && *p) return p;
  int tty = ::open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (tty < 0 || !isatty(tty)) {
    if (tty >= 0) ::close(tty);
    throw std::runtime_error("no password for " + url.describe() +
                             ": set ORASHIFT_SOURCE_PASSWORD, run on a terminal to be asked, or use a wallet "
                             "(oracle://@TNS_ALIAS)");
  }
  std::string prompt = "Password for " + url.describe() + ": ";
  (void)!::write(tty, prompt.data(), prompt.size());
  termios old{};
  tcgetattr(tty, &old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(tty, TCSAFLUSH, &quiet);
  std::string password;
  char c;
  while (::read(tty, &c, 1) == 1 && c != '\n' && c != '\r') password += c;
  tcsetattr(tty, TCSAFLUSH, &old);
  (void)!::write(tty, "\n", 1);
  ::close(tty);
  return password;
}

}  // namespace orashift::oracle
