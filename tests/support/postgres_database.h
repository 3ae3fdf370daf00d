// PostgreSQL databases for tests, on the server tests/support/postgres_server.sh started.
//
// $LAPAK_TEST_POSTGRES names the server: either its base URI itself (it starts with
// "postgresql://" or "postgres://", for a server started by hand) or the path of the file
// holding it (DIR/uri of postgres_server.sh, for the ctest fixture, which learns the port
// only when the server starts). Unset: the PostgreSQL tests skip.
#pragma once

#include <string>

namespace lapak::test {

// Whether $LAPAK_TEST_POSTGRES is set.
bool PostgresAvailable();

// The URI of a new, empty database with a unique name (lapak_test_<hex>) on that server.
// The databases are left for the server's stop to remove. Throws std::runtime_error (a
// failed test) when the server cannot be reached.
std::string FreshPostgresDatabase();

}  // namespace lapak::test
