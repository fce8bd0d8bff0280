#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/Pn532Simulator.h"
#include "support/ChildProcess.h"
#include "support/TempDir.h"

#include <CppUTest/TestHarness.h>

namespace {

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string uidHex(const nfcsim::Bytes& uid) {
    static const char kDigits[] = "0123456789ABCDEF";
    std::string out;
    for (const auto byte : uid) {
        out += kDigits[byte >> 4];
        out += kDigits[byte & 0x0F];
    }
    return out;
}

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

// `kioskctl reader test`, the real binary, against the PN532 simulator.
TEST_GROUP(KioskctlReaderTest) {
    testsupport::TempDir dir{"kioskctl-reader"};
    std::unique_ptr<nfcsim::Pn532Simulator> simulator;
    std::string output;
    int code = -1;

    void setup() override {
        nfcsim::SimulatorOptions options;
        options.linkPath = dir.file("pn532");
        auto started = nfcsim::Pn532Simulator::start(options);
        CHECK_TRUE_TEXT(started.hasValue(), started.hasValue() ? "" : started.error().c_str());
        simulator = std::move(*started);
    }

    std::string present(const std::string& file) {
        auto card = nfcsim::CardFile::load(std::string(KIOSK_CARD_ASSETS) + "/" + file);
        CHECK_TRUE_TEXT(card.hasValue(), file.c_str());
        simulator->present(*card);
        return uidHex((*card)->uid());
    }

    void readerTest(std::vector<std::string> extra = {}, const std::string& timeout = "5") {
        std::vector<std::string> args{KIOSKCTL_BINARY, "reader", "test", "--device", "pn532_uart:" + dir.file("pn532"),
                                      "--timeout", timeout};
        args.insert(args.end(), extra.begin(), extra.end());
        const std::string path = dir.file("output.txt");
        code = testsupport::ChildProcess::run(args, {}, path, 30000).value_or(-999);
        output = readText(path);
    }
};

TEST(KioskctlReaderTest, ReadsTheUidOnlyCard) {
    const auto uid = present("mifare-classic-uid.json");
    readerTest();
    LONGS_EQUAL_TEXT(0, code, output.c_str());
    CHECK_TEXT(contains(output, "firmware: PN532 v1.6"), output.c_str());
    CHECK_TEXT(contains(output, "uid: " + uid), output.c_str());
    CHECK_TEXT(contains(output, "kind: UID only"), output.c_str());
    CHECK_TEXT(contains(output, "assurance: low"), output.c_str());
    CHECK_TEXT(contains(output, "identity: u:" + uid), output.c_str());
}

TEST(KioskctlReaderTest, ReadsEachDemoNtag21x) {
    for (const char* file : {"ntag213.json", "ntag215.json", "ntag216.json"}) {
        const auto uid = present(file);
        readerTest();
        LONGS_EQUAL_TEXT(0, code, output.c_str());
        CHECK_TEXT(contains(output, "uid: " + uid), output.c_str());
        CHECK_TEXT(contains(output, "kind: NTAG21x"), output.c_str());
        // Either an identity or the reason it was refused.
        CHECK_TEXT(contains(output, "identity: ") || contains(output, "refused: "), output.c_str());
    }
}

TEST(KioskctlReaderTest, VerifiesTheNtag424SunWithItsKeys) {
    const auto uid = present("ntag424-sun.json");
    const std::string zeros(32, '0');
    readerTest({"--meta-key", zeros, "--file-key", zeros});
    LONGS_EQUAL_TEXT(0, code, output.c_str());
    CHECK_TEXT(contains(output, "uid: " + uid), output.c_str());
    CHECK_TEXT(contains(output, "kind: NTAG 424 DNA"), output.c_str());
    CHECK_TEXT(contains(output, "assurance: secure messaging"), output.c_str());
    CHECK_TEXT(contains(output, "identity: s:" + uid), output.c_str());
}

TEST(KioskctlReaderTest, SaysWhyAnNtag424IsRefusedWithoutKeys) {
    present("ntag424-sun.json");
    readerTest();
    LONGS_EQUAL_TEXT(0, code, output.c_str());
    CHECK_TEXT(contains(output, "refused: "), output.c_str());
}

TEST(KioskctlReaderTest, NoCardIsAFailureAfterTheTimeout) {
    readerTest({}, "1");
    LONGS_EQUAL_TEXT(1, code, output.c_str());
    CHECK_TEXT(contains(output, "no card within 1 s"), output.c_str());
}

TEST(KioskctlReaderTest, AMissingReaderIsAClearFailure) {
    const std::string path = dir.file("output.txt");
    code = testsupport::ChildProcess::run({KIOSKCTL_BINARY, "reader", "test", "--device", "pn532_uart:/nonexistent/tty"},
                                          {}, path, 30000)
               .value_or(-999);
    output = readText(path);
    LONGS_EQUAL_TEXT(1, code, output.c_str());
    CHECK_TEXT(contains(output, "/nonexistent/tty"), output.c_str());
}
