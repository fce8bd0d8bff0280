// The headoffice binary, run as a child process: serve (port 0, SIGTERM),
// load, add-kiosk, info; exit codes 0 done, 1 failed, 2 usage.

#include <signal.h>

#include <chrono>
#include <fstream>
#include <httplib.h>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "headoffice/SqliteStore.h"
#include "headoffice/TokenHash.h"
#include "support/ChildProcess.h"
#include "support/FileBytes.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

struct Run {
    int code = -1;
    std::string output;  // stdout and stderr together
};

std::string firstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_GROUP(HeadofficeCommand) {
    testsupport::TempDir dir{"headoffice-cli"};
    std::string store() const { return "sqlite:" + dir.file("store.db"); }

    Run headoffice(std::vector<std::string> args) {
        args.insert(args.begin(), HEADOFFICE_BINARY);
        const std::string output = dir.file("output.txt");
        const auto code = testsupport::ChildProcess::run(args, {}, output, 60000);
        CHECK_TRUE_TEXT(code.has_value(), "headoffice did not finish");
        return Run{code.value_or(-1), testsupport::FileBytes::read(output)};
    }
    void write(const std::string& name, const std::string& text) {
        CHECK_TRUE(testsupport::FileBytes::write(dir.file(name), text));
    }
    // Waits for "listening on 127.0.0.1:PORT" in the server's output; the port.
    int waitForPort(const std::string& output) {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
        while (std::chrono::steady_clock::now() < deadline) {
            const std::string text = testsupport::FileBytes::read(output);
            const auto at = text.find("listening on 127.0.0.1:");
            if (at != std::string::npos && text.find('\n', at) != std::string::npos) {
                return std::stoi(text.substr(at + 23));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        return 0;
    }
};

TEST(HeadofficeCommand, ServeListensOnAFreePortAnswersAndStopsOnSigterm) {
    auto loaded = headoffice({"load", "--store", store(), HEADOFFICE_DEMO_JSON});
    CHECK_EQUAL_TEXT(0, loaded.code, loaded.output.c_str());
    const std::string output = dir.file("serve.txt");
    testsupport::ChildProcess server({HEADOFFICE_BINARY, "serve", "--store", store(), "--listen", "127.0.0.1:0"}, {},
                                     output);
    const int port = waitForPort(output);
    CHECK_TRUE_TEXT(port > 0, testsupport::FileBytes::read(output).c_str());
    httplib::Client client("127.0.0.1", port);
    auto card = client.Get("/v1/cards/u:04A1B2C3", {{"Authorization", "Bearer demo-kiosk-token"}});
    CHECK_TRUE(card);
    CHECK_EQUAL(200, card->status);
    STRCMP_CONTAINS("\"balance\":4200", card->body.c_str());
    auto refused = client.Get("/v1/changes", {{"Authorization", "Bearer wrong-token-wrong"}});
    CHECK_EQUAL(401, refused->status);

    kill(server.pid(), SIGTERM);
    const auto code = server.wait(10000);
    CHECK_TRUE(code.has_value());
    LONGS_EQUAL(0, *code);
    const std::string log = testsupport::FileBytes::read(output);
    STRCMP_CONTAINS("store sqlite:", log.c_str());
    STRCMP_CONTAINS("GET /v1/cards/... 200 demo-kiosk", log.c_str());
    STRCMP_CONTAINS("GET /v1/changes 401 -", log.c_str());
    STRCMP_CONTAINS("stopping (SIGTERM)", log.c_str());
    CHECK_TRUE(log.find("demo-kiosk-token") == std::string::npos);
    CHECK_TRUE(log.find("wrong-token") == std::string::npos);
    CHECK_TRUE(log.find("04A1B2C3") == std::string::npos);
}

TEST(HeadofficeCommand, LoadNamesEveryMistakeExits1AndStoresNothing) {
    write("bad.json", R"({"members": [
        {"id": "m-1", "display_name": "Ana", "enrolled_day": "2024-13-01"},
        {"id": "m-2", "display_name": "Ben", "enrolled_day": "2024-01-01", "balance": -5}],
      "cards": [{"token": "u:01", "member_id": "m-1", "colour": "red"}],
      "kiosks": [{"id": "k-1", "token": "short"}]})");
    auto run = headoffice({"load", "--store", store(), dir.file("bad.json")});
    LONGS_EQUAL(1, run.code);
    STRCMP_CONTAINS("nothing was loaded", run.output.c_str());
    STRCMP_CONTAINS("members[0] (id \"m-1\"): enrolled_day: must be a date written YYYY-MM-DD", run.output.c_str());
    STRCMP_CONTAINS("members[1] (id \"m-2\"): balance: must be a whole number from 0", run.output.c_str());
    STRCMP_CONTAINS("cards[0] (token \"u:01\"): colour: unknown key", run.output.c_str());
    STRCMP_CONTAINS("kiosks[0] (id \"k-1\"): token: must be at least 16", run.output.c_str());
    auto info = headoffice({"info", "--store", store()});
    LONGS_EQUAL(0, info.code);
    STRCMP_CONTAINS("members: 0", info.output.c_str());

    write("truncated.json", R"({"members": [{"id": "m-1", )");
    run = headoffice({"load", "--store", store(), dir.file("truncated.json")});
    LONGS_EQUAL(1, run.code);
    STRCMP_CONTAINS("is not JSON", run.output.c_str());
    run = headoffice({"load", "--store", store(), dir.file("missing.json")});
    LONGS_EQUAL(1, run.code);
    STRCMP_CONTAINS("cannot read", run.output.c_str());
}

TEST(HeadofficeCommand, LoadingTheDemoTwiceChangesNothingTheSecondTime) {
    auto first = headoffice({"load", "--store", store(), HEADOFFICE_DEMO_JSON});
    LONGS_EQUAL(0, first.code);
    STRCMP_CONTAINS("members: 3 added", first.output.c_str());
    STRCMP_CONTAINS("26 change(s) for the kiosks", first.output.c_str());
    auto second = headoffice({"load", "--store", store(), HEADOFFICE_DEMO_JSON});
    LONGS_EQUAL(0, second.code);
    STRCMP_CONTAINS("members: 0 added, 0 updated, 3 unchanged", second.output.c_str());
    STRCMP_CONTAINS("0 change(s) for the kiosks", second.output.c_str());
    auto info = headoffice({"info", "--store", store()});
    STRCMP_CONTAINS("change log: 26 entries, last 26", info.output.c_str());
}

TEST(HeadofficeCommand, AddKioskPrintsANewTokenOnceAndKeepsOnlyItsHash) {
    auto added = headoffice({"add-kiosk", "--store", store(), "kiosk-7"});
    LONGS_EQUAL(0, added.code);
    const std::string token = firstLine(added.output);
    LONGS_EQUAL(64, token.size());
    auto again = headoffice({"add-kiosk", "--store", store(), "kiosk-7"});
    LONGS_EQUAL(1, again.code);
    STRCMP_CONTAINS("already exists", again.output.c_str());
    auto rotated = headoffice({"add-kiosk", "--store", store(), "kiosk-7", "--rotate"});
    LONGS_EQUAL(0, rotated.code);
    const std::string newToken = firstLine(rotated.output);
    CHECK_TRUE(newToken != token);

    auto opened = headoffice::SqliteStore::open(dir.file("store.db"));
    CHECK_TRUE(opened.hasValue());
    auto& s = **opened;
    CHECK_FALSE(s.kioskForTokenHash(headoffice::TokenHash::sha256Hex(token))->has_value());
    STRCMP_EQUAL("kiosk-7", s.kioskForTokenHash(headoffice::TokenHash::sha256Hex(newToken))->value_or("").c_str());
    // The database holds no token in clear.
    CHECK_TRUE(testsupport::FileBytes::read(dir.file("store.db")).find(newToken) == std::string::npos);
    CHECK_TRUE(testsupport::FileBytes::read(dir.file("store.db-wal")).find(newToken) == std::string::npos);
}

TEST(HeadofficeCommand, UsageMistakesExit2AndStoreProblemsExit1) {
    LONGS_EQUAL(2, headoffice({"serve", "--store", store(), "--listen", "localhost"}).code);
    LONGS_EQUAL(2, headoffice({"serve", "--store", store(), "--listen", "127.0.0.1:99999"}).code);
    LONGS_EQUAL(2, headoffice({"load", HEADOFFICE_DEMO_JSON}).code);  // no --store
    LONGS_EQUAL(2, headoffice({"frobnicate"}).code);
    LONGS_EQUAL(2, headoffice({"add-kiosk", "--store", store(), "kiosk 7"}).code);
    auto unreachable = headoffice({"info", "--store", "sqlite:" + dir.file("no/such/dir/x.db")});
    LONGS_EQUAL(1, unreachable.code);
    STRCMP_CONTAINS("cannot open", unreachable.output.c_str());
    // A port already in use.
    httplib::Server holder;
    const int port = holder.bind_to_any_port("127.0.0.1");
    auto busy = headoffice({"serve", "--store", store(), "--listen", "127.0.0.1:" + std::to_string(port)});
    LONGS_EQUAL(1, busy.code);
    STRCMP_CONTAINS("cannot listen on 127.0.0.1:", busy.output.c_str());
}
