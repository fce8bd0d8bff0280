#include "tests/headoffice/PostgresServer.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

namespace hotest {

namespace {

constexpr const char* kUser = "headoffice";

int freePort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t size = sizeof address;
    int port = 0;
    if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
        getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
        port = ntohs(address.sin_port);
    }
    close(fd);
    return port;
}

// fork + exec as uid/gid (when running as root), stdout and stderr to `log`.
pid_t spawn(const std::vector<std::string>& argv, const std::string& log, uid_t uid, gid_t gid) {
    std::vector<char*> args;
    for (const auto& arg : argv) {
        args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        if (geteuid() == 0 && (setgid(gid) != 0 || setuid(uid) != 0)) {
            _exit(126);
        }
        const int out = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
        if (out >= 0) {
            dup2(out, STDOUT_FILENO);
            dup2(out, STDERR_FILENO);
        }
        const int in = open("/dev/null", O_RDONLY | O_CLOEXEC);
        if (in >= 0) {
            dup2(in, STDIN_FILENO);
        }
        setsid();  // Ctrl-C on the test run is for the tests, not the server
        execv(args[0], args.data());
        _exit(127);
    }
    return pid;
}

std::string tail(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    std::string all = text.str();
    return all.size() > 600 ? all.substr(all.size() - 600) : all;
}

std::string conninfo(int port, const char* database) {
    return "host=127.0.0.1 port=" + std::to_string(port) + " user=" + kUser + " dbname=" + database +
           " connect_timeout=2";
}

}  // namespace

PostgresServer& PostgresServer::shared() {
    static PostgresServer server;
    return server;
}

PostgresServer::PostgresServer() {
    const char* bin = std::getenv("HEADOFFICE_PG_BIN");
    std::snprintf(binDir_, sizeof binDir_, "%s", bin != nullptr && *bin != '\0' ? bin : HEADOFFICE_PG_BIN);
}

PostgresServer::~PostgresServer() {
    if (postmaster_ > 0) {
        kill(postmaster_, SIGQUIT);  // immediate shutdown: the data is thrown away
        int status = 0;
        for (int i = 0; i < 500 && waitpid(postmaster_, &status, WNOHANG) == 0; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        kill(postmaster_, SIGKILL);
        waitpid(postmaster_, &status, WNOHANG);
    }
    if (dir_[0] != '\0' && std::getenv("KIOSK_KEEP_TEST_FILES") == nullptr) {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }
}

bool PostgresServer::installed() const {
    return access((std::string(binDir_) + "/initdb").c_str(), X_OK) == 0 &&
           access((std::string(binDir_) + "/postgres").c_str(), X_OK) == 0;
}

void PostgresServer::fail(const std::string& message) { std::snprintf(why_, sizeof why_, "%s", message.c_str()); }

bool PostgresServer::start() {
    if (tried_) {
        return running_;
    }
    tried_ = true;
    if (!installed()) {
        fail(std::string("no PostgreSQL binaries (initdb, postgres) in ") + binDir_);
        return false;
    }
    if (geteuid() == 0) {
        // PostgreSQL refuses to run as root.
        const passwd* user = getpwnam("postgres");
        if (user == nullptr) {
            user = getpwnam("nobody");
        }
        if (user == nullptr) {
            fail("running as root and there is no postgres or nobody user to run PostgreSQL as");
            return false;
        }
        uid_ = user->pw_uid;
        gid_ = user->pw_gid;
    }
    const char* base = std::getenv("TMPDIR");
    std::string pattern = std::string(base != nullptr && *base != '\0' ? base : "/tmp") + "/headoffice-pg-XXXXXX";
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    if (mkdtemp(buffer.data()) == nullptr) {
        fail("cannot create a temp dir for PostgreSQL");
        return false;
    }
    std::snprintf(dir_, sizeof dir_, "%s", buffer.data());
    if (geteuid() == 0 && chown(dir_, uid_, gid_) != 0) {
        fail(std::string("cannot give ") + dir_ + " to the postgres user");
        return false;
    }
    const std::string dir = dir_;
    const std::string log = dir + "/initdb.log";
    const pid_t initdb = spawn({std::string(binDir_) + "/initdb", "-D", dir + "/data", "-U", kUser, "-A", "trust",
                                "-E", "UTF8", "--locale=C", "--no-sync", "--no-instructions"},
                               log, uid_, gid_);
    int status = 0;
    if (initdb < 0 || waitpid(initdb, &status, 0) != initdb || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fail("initdb failed: " + tail(log));
        return false;
    }
    for (int attempt = 0; attempt < 3 && !running_; ++attempt) {
        running_ = startOnce(freePort());
    }
    return running_;
}

bool PostgresServer::startOnce(int port) {
    const std::string dir = dir_;
    const std::string log = dir + "/postgres.log";
    postmaster_ = spawn({std::string(binDir_) + "/postgres", "-D", dir + "/data", "-p", std::to_string(port), "-k", dir,
                         "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c",
                         "full_page_writes=off", "-c", "max_connections=40", "-c", "shared_buffers=32MB"},
                        log, uid_, gid_);
    if (postmaster_ < 0) {
        fail("cannot start postgres");
        return false;
    }
    const std::string info = conninfo(port, "postgres");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (std::chrono::steady_clock::now() < deadline) {
        if (PQping(info.c_str()) == PQPING_OK) {
            port_ = port;
            return true;
        }
        int status = 0;
        if (waitpid(postmaster_, &status, WNOHANG) == postmaster_) {
            postmaster_ = -1;
            fail("postgres stopped at start: " + tail(log));
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    fail("postgres did not answer within 30 s: " + tail(log));
    return false;
}

std::string PostgresServer::freshStoreUrl() {
    const std::string schema = "t" + std::to_string(++schemas_);
    PGconn* conn = PQconnectdb(conninfo(port_, "postgres").c_str());
    if (PQstatus(conn) == CONNECTION_OK) {
        PQclear(PQexec(conn, ("CREATE SCHEMA " + schema).c_str()));
    }
    PQfinish(conn);
    return "postgresql://" + std::string(kUser) + "@127.0.0.1:" + std::to_string(port_) +
           "/postgres?options=-csearch_path%3D" + schema;
}

}  // namespace hotest
