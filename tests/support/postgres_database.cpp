#include "tests/support/postgres_database.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <pqxx/pqxx>
#include <random>
#include <stdexcept>
#include <string_view>

namespace lapak::test {
namespace {

// The server's base URI, ending in its database name.
std::string ServerUri() {
  const char* value = std::getenv("LAPAK_TEST_POSTGRES");
  if (value == nullptr || *value == '\0')
    throw std::runtime_error("LAPAK_TEST_POSTGRES is not set");
  const std::string_view setting = value;
  if (setting.starts_with("postgresql://") || setting.starts_with("postgres://")) {
    return std::string(setting);
  }
  std::ifstream file{std::string(setting)};
  std::string uri;
  if (!std::getline(file, uri) || uri.empty()) {
    throw std::runtime_error("cannot read a PostgreSQL URI from " + std::string(setting));
  }
  return uri;
}

}  // namespace

bool PostgresAvailable() {
  const char* value = std::getenv("LAPAK_TEST_POSTGRES");
  return value != nullptr && *value != '\0';
}

std::string FreshPostgresDatabase() {
  const std::string server = ServerUri();
  std::random_device random;
  char name[32];
  std::snprintf(name, sizeof name, "lapak_test_%08x%08x", random(), random());
  pqxx::connection connection(server);
  pqxx::nontransaction work(connection);  // CREATE DATABASE runs outside a transaction
  work.exec(std::string("CREATE DATABASE ") + name);
  // The base URI ends in "/<database>", optionally followed by "?options".
  const size_t query = server.find('?');
  const size_t slash = server.rfind('/', query);
  return server.substr(0, slash + 1) + name +
         (query == std::string::npos ? "" : server.substr(query));
}

}  // namespace lapak::test

// LeakSanitizer's built-in suppressions for every test binary that uses PostgreSQL: libpqxx
// 6.4 leaks the libpq result (~2 KiB) when a prepared statement's connection is lost mid-call
// (the connection test loses one on purpose); not ours, and bounded by lost connections.
extern "C" const char* __lsan_default_suppressions() {
  return "leak:pqxx::connection_base::exec_prepared\n";
}
