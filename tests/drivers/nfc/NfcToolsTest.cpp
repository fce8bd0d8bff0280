#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>
#include <string>

#include "drivers/nfc/PipedProcess.h"
#include "drivers/nfc/SimulatedReader.h"
#include "nfc/sim/NtagCard.h"
#include "support/ChildProcess.h"
#include "support/TempDir.h"

#include <CppUTest/TestHarness.h>

using nfctest::SimulatedReader;
using nfcsim::Bytes;

namespace {

// Debian's libnfc tools (package libnfc-bin; libnfc-examples has the rest).
std::string tool(const char* name) {
    for (const char* dir : {"/usr/bin/", "/usr/local/bin/"}) {
        const std::string path = std::string(dir) + name;
        if (access(path.c_str(), X_OK) == 0) {
            return path;
        }
    }
    FAIL((std::string(name) + " not found: install Debian's libnfc-bin and libnfc-examples "
                              "(scripts/install-deps does)").c_str());
    return "";
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// "04A1B2" -> "04  a1  b2" as nfc-list prints a UID.
std::string asNfcListUid(const std::string& uid) {
    std::string out;
    for (std::size_t i = 0; i < uid.size(); i += 2) {
        if (!out.empty()) {
            out += "  ";
        }
        out += static_cast<char>(std::tolower(uid[i]));
        out += static_cast<char>(std::tolower(uid[i + 1]));
    }
    return out;
}

std::string runTool(const std::vector<std::string>& argv, const std::string& connstring,
                    const std::string& outputPath, int& exitCode) {
    const auto code = testsupport::ChildProcess::run(argv, {{"LIBNFC_DEVICE", connstring}}, outputPath, 30000);
    exitCode = code.value_or(-999);
    return readFile(outputPath);
}

}  // namespace

TEST_GROUP(NfcTools) {
    testsupport::TempDir dir{"kiosk-nfc-tools"};
    SimulatedReader reader;
};

TEST(NfcTools, NfcListShowsTheUidOfEachSimulatedCard) {
    const std::string nfcList = tool("nfc-list");
    const struct {
        const char* file;
        const char* uid;
    } cards[] = {{"ntag213.json", "04A1B2C3D4E5F6"}, {"ntag216.json", "04C1D2E3F40617"},
                 {"mifare-classic-uid.json", "A1B2C3D4"}, {"ntag424-sun.json", "04DE5F1EACC040"}};
    for (const auto& card : cards) {
        reader.present(card.file);
        int code = 0;
        const std::string output = runTool({nfcList}, reader.simulator().connstring(), dir.file("nfc-list.txt"), code);
        LONGS_EQUAL(0, code);
        if (output.find("1 ISO14443A passive target(s) found") == std::string::npos ||
            output.find("UID (NFCID1): " + asNfcListUid(card.uid)) == std::string::npos) {
            FAIL(("nfc-list did not list " + std::string(card.uid) + ":\n" + output).c_str());
        }
    }
}

TEST(NfcTools, NfcListWithoutACardFindsNone) {
    int code = 0;
    const std::string output =
        runTool({tool("nfc-list"), "-t", "1", "-v"}, reader.simulator().connstring(), dir.file("none.txt"), code);
    LONGS_EQUAL(0, code);
    CHECK(output.find("0 ISO14443A passive target(s) found") != std::string::npos);
}

TEST(NfcTools, NfcMfultralightDumpsTheWholeNtag213) {
    reader.present("ntag213.json");
    int code = 0;
    const std::string dump = dir.file("ntag213.mfd");
    const std::string output = runTool({tool("nfc-mfultralight"), "r", dump}, reader.simulator().connstring(),
                                       dir.file("mfultralight.txt"), code);
    if (code != 0 || output.find("Done, 45 of 45 pages read") == std::string::npos) {
        FAIL(("nfc-mfultralight failed:\n" + output).c_str());
    }
    CHECK(output.find("NTAG213") != std::string::npos);
    const std::string bytes = readFile(dump);
    Bytes expected = static_cast<nfcsim::NtagCard&>(*SimulatedReader::card("ntag213.json")).memory();
    std::fill(expected.begin() + 0x2B * 4, expected.end(), 0x00);  // PWD and PACK read as zeros
    LONGS_EQUAL(expected.size(), bytes.size());
    CHECK(Bytes(bytes.begin(), bytes.end()) == expected);
}

TEST_GROUP(Pn532SimProgram) {
    testsupport::TempDir dir{"kiosk-pn532-sim"};
};

TEST(Pn532SimProgram, PrintsItsPtyAndObeysStdinCommands) {
    nfctest::PipedProcess sim({PN532_SIM_BINARY});
    CHECK(sim.started());
    const auto path = sim.readLine(5000);
    CHECK(path.has_value());
    CHECK(path->rfind("/dev/pts/", 0) == 0);

    CHECK(sim.writeLine(std::string("present ") + KIOSK_SOURCE_ASSETS + "/cards/ntag215.json"));
    STRCMP_EQUAL("ok present ntag215 uid=04B1C2D3E4F506 pages=135", sim.readLine(5000).value_or("").c_str());
    int code = 0;
    const std::string output =
        runTool({tool("nfc-list"), "-t", "1"}, "pn532_uart:" + *path, dir.file("nfc-list.txt"), code);
    CHECK(output.find(asNfcListUid("04B1C2D3E4F506")) != std::string::npos);

    CHECK(sim.writeLine("fault slow 250 always"));
    STRCMP_EQUAL("ok fault slow 250 always", sim.readLine(5000).value_or("").c_str());
    CHECK(sim.writeLine("fault sideways"));
    CHECK(sim.readLine(5000).value_or("").rfind("error ", 0) == 0);
    CHECK(sim.writeLine("clear"));
    STRCMP_EQUAL("ok cleared", sim.readLine(5000).value_or("").c_str());
    CHECK(sim.writeLine("status"));
    const std::string status = sim.readLine(5000).value_or("");
    CHECK(status.rfind("ok path=" + *path + " plugged=yes card=\"ntag215", 0) == 0);
    CHECK(sim.writeLine("present /nonexistent.json"));
    CHECK(sim.readLine(5000).value_or("").rfind("error /nonexistent.json: cannot open", 0) == 0);
    CHECK(sim.writeLine("unplug"));
    STRCMP_EQUAL("ok unplugged", sim.readLine(5000).value_or("").c_str());
    CHECK(sim.writeLine("replug"));
    CHECK(sim.readLine(5000).value_or("").rfind("ok replugged /dev/pts/", 0) == 0);
    CHECK(sim.writeLine("remove"));
    STRCMP_EQUAL("ok removed", sim.readLine(5000).value_or("").c_str());
    CHECK(sim.writeLine("bogus"));
    CHECK(sim.readLine(5000).value_or("").rfind("error unknown command bogus", 0) == 0);
    CHECK(sim.writeLine("quit"));
    STRCMP_EQUAL("ok bye", sim.readLine(5000).value_or("").c_str());
    LONGS_EQUAL(0, sim.wait(5000).value_or(-1));
}

TEST(Pn532SimProgram, EndOfInputStopsIt) {
    nfctest::PipedProcess sim({PN532_SIM_BINARY});
    CHECK(sim.readLine(5000).has_value());
    sim.closeStdin();
    LONGS_EQUAL(0, sim.wait(5000).value_or(-1));
}
