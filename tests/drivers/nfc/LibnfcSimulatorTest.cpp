#include <atomic>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "drivers/nfc/SimulatedReader.h"
#include "nfc/sim/CardFile.h"
#include "nfc/sim/NtagCard.h"
#include "nfc/sim/Pn532Chip.h"
#include "nfc/sim/SunCrypto.h"

#include <CppUTest/TestHarness.h>

using nfctest::Bytes;
using nfctest::LibnfcSession;
using nfctest::SimulatedReader;

namespace {

Bytes hex(const char* text) {
    return *nfcsim::parseHex(text);
}

std::string hexOf(const Bytes& bytes) {
    return nfcsim::toHex(bytes);
}

// The URL of a Type 4 tag, read with the NFC Forum APDU sequence.
std::string readType4Url(LibnfcSession& nfc) {
    if (nfc.transceive(hex("00A4040007D276000085010100")).data != hex("9000") ||
        nfc.transceive(hex("00A4000C02E104")).data != hex("9000")) {
        return "";
    }
    const auto nlen = nfc.transceive(hex("00B0000002")).data;
    if (nlen.size() != 4) {
        return "";
    }
    const auto message = nfc.transceive(Bytes{0x00, 0xB0, 0x00, 0x02, nlen[1]}).data;
    if (message.size() < 7) {
        return "";
    }
    return "https://" + std::string(message.begin() + 5, message.end() - 2);
}

std::string query(const std::string& url, const std::string& name) {
    const auto at = url.find(name + "=");
    if (at == std::string::npos) {
        return "";
    }
    const auto end = url.find('&', at);
    return url.substr(at + name.size() + 1, end == std::string::npos ? std::string::npos : end - at - name.size() - 1);
}

}  // namespace

TEST_GROUP(LibnfcSimulator) {
    SimulatedReader reader;
};

TEST(LibnfcSimulator, OpensAndReportsAPn532Firmware) {
    CHECK(reader.nfc().open(reader.simulator().connstring()));
    STRCMP_EQUAL("PN532 v1.6", reader.nfc().firmware().c_str());
    LONGS_EQUAL(0, reader.nfc().initiatorInit());
}

TEST(LibnfcSimulator, SelectsEachCardKindWithItsUidAtqaAndSak) {
    const struct {
        const char* file;
        const char* uid;
        const char* atqa;
        std::uint8_t sak;
        const char* ats;
    } cards[] = {{"mifare-classic-uid.json", "A1B2C3D4", "0004", 0x08, ""},
                 {"ntag213.json", "04A1B2C3D4E5F6", "0044", 0x00, ""},
                 {"ntag215.json", "04B1C2D3E4F506", "0044", 0x00, ""},
                 {"ntag216.json", "04C1D2E3F40617", "0044", 0x00, ""},
                 {"ntag424-sun.json", "04DE5F1EACC040", "0344", 0x20, "7777710280"}};
    CHECK(reader.openAndInit());
    for (const auto& expected : cards) {
        reader.present(expected.file);
        const auto target = reader.nfc().select();
        CHECK(target.has_value());
        STRCMP_EQUAL(expected.uid, hexOf(target->uid).c_str());
        STRCMP_EQUAL(expected.atqa, hexOf(target->atqa).c_str());
        BYTES_EQUAL(expected.sak, target->sak);
        CHECK(target->ats == *nfcsim::parseHex(expected.ats));
    }
}

TEST(LibnfcSimulator, NoCardWithoutInfiniteSelectIsZeroTargets) {
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().setInfiniteSelect(false) == 0);
    int result = -1;
    CHECK_FALSE(reader.nfc().select(&result).has_value());
    LONGS_EQUAL(0, result);
}

TEST(LibnfcSimulator, NtagReadFastReadAndWriteThroughInDataExchange) {
    reader.present("ntag213.json");
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().select().has_value());
    const Bytes memory = static_cast<nfcsim::NtagCard&>(*SimulatedReader::card("ntag213.json")).memory();

    const auto page0 = reader.nfc().transceive(hex("3000"));
    LONGS_EQUAL(16, page0.result);
    CHECK(page0.data == Bytes(memory.begin(), memory.begin() + 16));

    const auto user = reader.nfc().transceive(hex("3A0427"));
    LONGS_EQUAL(36 * 4, user.result);
    CHECK(user.data == Bytes(memory.begin() + 16, memory.begin() + 40 * 4));

    LONGS_EQUAL(0, reader.nfc().transceive(hex("A21001020304")).result);  // ACK: no data
    const auto readBack = reader.nfc().transceive(hex("3010"));
    CHECK(Bytes(readBack.data.begin(), readBack.data.begin() + 4) == hex("01020304"));

    const auto version = reader.nfc().transceive(hex("60"));
    CHECK(version.data == hex("0004040201000F03"));
    LONGS_EQUAL(32, reader.nfc().transceive(hex("3C00")).result);

    // NAK (write to the UID page): RF transmission error, and the tag needs selecting again.
    LONGS_EQUAL(LibnfcSession::kErftrans, reader.nfc().transceive(hex("A20000000000")).result);
    LONGS_EQUAL(LibnfcSession::kErftrans, reader.nfc().transceive(hex("3000")).result);
    CHECK(reader.nfc().select().has_value());
    LONGS_EQUAL(16, reader.nfc().transceive(hex("3000")).result);
}

TEST(LibnfcSimulator, RawModeGetVersionCarriesTheCrc) {
    reader.present("ntag215.json");
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().select().has_value());
    CHECK(reader.nfc().setHandleCrc(false) == 0);
    CHECK(reader.nfc().setEasyFraming(false) == 0);
    const auto version = reader.nfc().transceive(hex("60F8 32"));  // GET_VERSION with its CRC_A
    LONGS_EQUAL(10, version.result);
    CHECK(Bytes(version.data.begin(), version.data.begin() + 8) == hex("0004040201001103"));
}

TEST(LibnfcSimulator, PasswordProtectedNtagNeedsPwdAuth) {
    std::string json = R"({"type": "ntag213", "uid": "04112233445566", "pages": [)";
    auto memory = nfcsim::NtagCard::factoryMemory(*nfcsim::NtagModel::byKind("ntag213"), hex("04112233445566"), {});
    memory[0x29 * 4 + 3] = 0x10;                              // AUTH0
    memory[0x2A * 4] = 0x80;                                  // PROT
    std::copy_n(hex("CAFEBABE").begin(), 4, memory.begin() + 0x2B * 4);  // PWD
    memory[0x2C * 4] = 0x12;                                  // PACK
    memory[0x2C * 4 + 1] = 0x34;
    for (std::size_t page = 0; page < 45; ++page) {
        json += (page ? ", \"" : "\"") + hexOf(Bytes(memory.begin() + page * 4, memory.begin() + page * 4 + 4)) + "\"";
    }
    json += "]}";
    auto card = nfcsim::CardFile::parse(json, "protected");
    CHECK(card.hasValue());
    reader.simulator().present(*card);
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().select().has_value());
    LONGS_EQUAL(LibnfcSession::kErftrans, reader.nfc().transceive(hex("3010")).result);
    CHECK(reader.nfc().select().has_value());
    CHECK(reader.nfc().transceive(hex("1BCAFEBABE")).data == hex("1234"));
    LONGS_EQUAL(16, reader.nfc().transceive(hex("3010")).result);
}

TEST(LibnfcSimulator, Ntag424AnswersType4ApdusWithAFreshVerifiableSunUrl) {
    reader.present("ntag424-sun.json");
    CHECK(reader.openAndInit());
    const auto target = reader.nfc().select();
    CHECK(target.has_value());
    CHECK(!target->ats.empty());
    const nfcsim::SunCrypto::Key zero{};
    std::uint32_t lastCounter = 0;
    for (int tap = 0; tap < 3; ++tap) {
        const std::string url = readType4Url(reader.nfc());
        CHECK(url.rfind("https://loyalty.example/sun?picc_data=", 0) == 0);
        const auto picc = nfcsim::SunCrypto::decryptPiccData(zero, hex(query(url, "picc_data").c_str()));
        CHECK(picc.has_value());
        CHECK(picc->uid == hex("04DE5F1EACC040"));
        LONGS_EQUAL(61 + tap, picc->counter);
        CHECK(picc->counter > lastCounter);
        lastCounter = picc->counter;
        const auto mac = nfcsim::SunCrypto::sdmMac(zero, picc->uid, picc->counter, {});
        STRCMP_EQUAL(hexOf(*mac).c_str(), query(url, "cmac").c_str());
    }
    LONGS_EQUAL(0, reader.nfc().targetIsPresent());  // ISO-DEP presence check (R(NAK) through InCommunicateThru)
    CHECK(!readType4Url(reader.nfc()).empty());  // and APDUs still work after it
}

TEST(LibnfcSimulator, PresenceCheckSeesTheCardLeave) {
    reader.present("ntag213.json");
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().select().has_value());
    LONGS_EQUAL(0, reader.nfc().targetIsPresent());
    reader.simulator().remove();
    LONGS_EQUAL(LibnfcSession::kEtargetReleased, reader.nfc().targetIsPresent());
}

TEST(LibnfcSimulator, ClassicPresenceCheckReselectsByUid) {
    reader.present("mifare-classic-uid.json");
    CHECK(reader.openAndInit());
    CHECK(reader.nfc().select().has_value());
    LONGS_EQUAL(0, reader.nfc().targetIsPresent());
    reader.simulator().remove();
    LONGS_EQUAL(LibnfcSession::kEtargetReleased, reader.nfc().targetIsPresent());
}

TEST(LibnfcSimulator, InAutoPollFindsACardOrGivesUp) {
    CHECK(reader.openAndInit());
    int result = -1;
    const auto started = std::chrono::steady_clock::now();
    CHECK_FALSE(reader.nfc().poll(1, 1, &result).has_value());  // 1 poll x 2 types x 150 ms
    LONGS_EQUAL(0, result);
    CHECK(std::chrono::steady_clock::now() - started >= std::chrono::milliseconds(250));
    reader.present("ntag424-sun.json");
    const auto target = reader.nfc().poll(1, 1, &result);
    CHECK(target.has_value());
    STRCMP_EQUAL("04DE5F1EACC040", hexOf(target->uid).c_str());
    CHECK(!target->ats.empty());
}

TEST(LibnfcSimulator, ACardArrivingDuringInAutoPollIsReportedAtOnce) {
    CHECK(reader.openAndInit());
    auto later = std::async(std::launch::async, [this] {
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        reader.present("ntag213.json");
    });
    int result = -1;
    const auto target = reader.nfc().poll(0xFF, 2, &result);  // endless polling
    later.get();
    CHECK(target.has_value());
    STRCMP_EQUAL("04A1B2C3D4E5F6", hexOf(target->uid).c_str());
}

TEST(LibnfcSimulator, AbortCommandStopsAnEndlessPoll) {
    CHECK(reader.openAndInit());
    std::atomic<bool> returned{false};
    auto aborter = std::async(std::launch::async, [this, &returned] {
        // Until the poll returns: an abort that lands before libnfc waits for the answer is lost.
        for (int attempt = 0; attempt < 50 && !returned; ++attempt) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            if (!returned) {
                reader.nfc().abortCommand();
            }
        }
    });
    int result = 0;
    CHECK_FALSE(reader.nfc().poll(0xFF, 2, &result).has_value());
    returned = true;
    aborter.get();
    LONGS_EQUAL(LibnfcSession::kEoperationAborted, result);
    LONGS_EQUAL(1, reader.simulator().status().aborts);
    // The chip is idle again: the next command works.
    reader.present("ntag213.json");
    CHECK(reader.nfc().setInfiniteSelect(false) == 0);
    CHECK(reader.nfc().select().has_value());
}

TEST(LibnfcSimulator, InitiatorInitLeavesCrcAndFramingInTheRegisterFile) {
    CHECK(reader.openAndInit());
    bool crcOn = false;
    reader.simulator().inspect([&crcOn](nfcsim::Pn532Chip& chip) {
        crcOn = chip.registers().txCrcEnabled() && chip.registers().rxCrcEnabled();
    });
    CHECK(crcOn);
    CHECK(reader.nfc().setHandleCrc(false) == 0);
    reader.simulator().inspect([&crcOn](nfcsim::Pn532Chip& chip) { crcOn = chip.registers().txCrcEnabled(); });
    CHECK(crcOn);  // libnfc caches the write until the next command
    reader.nfc().setInfiniteSelect(false);
    reader.simulator().inspect([&crcOn](nfcsim::Pn532Chip& chip) { crcOn = chip.registers().txCrcEnabled(); });
    CHECK_FALSE(crcOn);
}
