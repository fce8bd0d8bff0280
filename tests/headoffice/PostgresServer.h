#pragma once
// A throwaway PostgreSQL server for the store tests: initdb in a temp dir,
// postgres on 127.0.0.1 at a free port (fsync off), its socket in the temp
// dir; run as the "postgres" user when the tests run as root. Started on
// first use, once per test process, stopped (immediate shutdown) and
// removed at exit. Each test gets a fresh, empty schema.
//
// It holds no heap memory between tests (fixed buffers), so CppUTest's leak
// check does not charge the shared server to the test that started it.

#include <sys/types.h>

#include <string>

namespace hotest {

class PostgresServer {
public:
    static PostgresServer& shared();

    // True when the PostgreSQL binaries exist (else the tests are skipped).
    bool installed() const;
    // Starts the server if needed; false with why() when it could not.
    bool start();
    const char* why() const { return why_; }
    const char* binDir() const { return binDir_; }

    // A new empty schema and the store URL that uses it.
    std::string freshStoreUrl();

    ~PostgresServer();

private:
    PostgresServer();
    bool startOnce(int port);
    void fail(const std::string& message);

    char binDir_[256] = {};
    char dir_[256] = {};
    char why_[1024] = {};
    int port_ = 0;
    pid_t postmaster_ = -1;
    uid_t uid_ = 0;
    gid_t gid_ = 0;
    int schemas_ = 0;
    bool tried_ = false;
    bool running_ = false;
};

}  // namespace hotest
