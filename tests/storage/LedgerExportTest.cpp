// Ledger export as CSV (RFC 4180) and JSON: tricky text (quotes, commas,
// line breaks, non-ASCII) comes back exactly as stored.

#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "storage/KioskStore.h"
#include "storage/LedgerExport.h"
#include "support/CsvReader.h"
#include "support/LedgerRows.h"
#include "support/TempDir.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

const std::vector<std::string> kTrickyReasons{
    "plain",
    "He said \"double points\", then left",
    "two\nlines",
    "windows\r\nline end",
    "Zoë — 10 % off, ünïcödé, 東京, 🎉",
    ",leading comma",
    "\"",
    "",
    "trailing space ",
};

}  // namespace

TEST_GROUP(LedgerExportFormats) {
    testsupport::TempDir dir{"kiosk-export"};
    std::string path() const { return dir.file("kiosk.db"); }

    storage::KioskStore store() {
        storage::KioskStoreOptions options;
        options.path = path();
        auto opened = storage::KioskStore::open(options);
        CHECK_TRUE(opened.hasValue());
        return std::move(opened.value());
    }

    // One event per tricky reason; the second acknowledged, the fourth rejected.
    void fill(storage::Database & db) {
        testsupport::LedgerRows rows(db);
        std::int64_t seq = 1;
        for (const auto& reason : kTrickyReasons) {
            testsupport::EventRow row;
            row.seq = seq;
            row.reason = reason;
            row.memberId = "member, \"quoted\"";
            if (seq == 2) {
                row.acknowledgedAt = 1710237600000;
            }
            if (seq == 4) {
                row.acknowledgedAt = 1710237600000;
                row.result = "rejected";
            }
            CHECK_TRUE(rows.record(row).hasValue());
            ++seq;
        }
    }
};

TEST(LedgerExportFormats, CsvRoundTripsTrickyTextWithRfc4180Quoting) {
    auto kiosk = store();
    fill(kiosk.database());
    std::ostringstream out;
    auto written = storage::LedgerExport::write(kiosk.database(), out, storage::ExportFormat::Csv);
    CHECK_TRUE(written.hasValue());
    LONGS_EQUAL(kTrickyReasons.size(), written.value());

    const std::string text = out.str();
    STRCMP_CONTAINS("\"He said \"\"double points\"\", then left\"", text.c_str());
    CHECK_TRUE(text.size() >= 2 && text.compare(text.size() - 2, 2, "\r\n") == 0);
    auto rows = testsupport::CsvReader::parse(text);
    CHECK_TRUE(rows.has_value());
    LONGS_EQUAL(kTrickyReasons.size() + 1, rows->size());
    const auto& header = rows->front();
    std::size_t reasonColumn = 0;
    std::size_t stateColumn = 0;
    std::size_t memberColumn = 0;
    for (std::size_t i = 0; i < header.size(); ++i) {
        reasonColumn = header[i] == "reason" ? i : reasonColumn;
        stateColumn = header[i] == "outbox_state" ? i : stateColumn;
        memberColumn = header[i] == "member_id" ? i : memberColumn;
    }
    CHECK_COMPARE(reasonColumn, >, 0u);
    for (std::size_t i = 0; i < kTrickyReasons.size(); ++i) {
        const auto& row = (*rows)[i + 1];
        LONGS_EQUAL(header.size(), row.size());
        STRCMP_EQUAL(kTrickyReasons[i].c_str(), row[reasonColumn].c_str());
        STRCMP_EQUAL("member, \"quoted\"", row[memberColumn].c_str());
    }
    STRCMP_EQUAL("pending", (*rows)[1][stateColumn].c_str());
    STRCMP_EQUAL("accepted", (*rows)[2][stateColumn].c_str());
    STRCMP_EQUAL("rejected", (*rows)[4][stateColumn].c_str());
}

TEST(LedgerExportFormats, JsonRoundTripsTrickyTextWithNullsAndNumbers) {
    auto kiosk = store();
    fill(kiosk.database());
    std::ostringstream out;
    auto written = storage::LedgerExport::write(kiosk.database(), out, storage::ExportFormat::Json);
    CHECK_TRUE(written.hasValue());

    const auto parsed = nlohmann::json::parse(out.str(), nullptr, false);
    CHECK_FALSE(parsed.is_discarded());
    CHECK_TRUE(parsed.is_array());
    LONGS_EQUAL(kTrickyReasons.size(), parsed.size());
    for (std::size_t i = 0; i < kTrickyReasons.size(); ++i) {
        const auto& event = parsed[i];
        STRCMP_EQUAL(kTrickyReasons[i].c_str(), event["reason"].get<std::string>().c_str());
        LONGS_EQUAL(i + 1, event["seq"].get<std::int64_t>());
        LONGS_EQUAL(10, event["points_delta"].get<std::int64_t>());
        CHECK_TRUE(event["reward_id"].is_null());
    }
    STRCMP_EQUAL("pending", parsed[0]["outbox_state"].get<std::string>().c_str());
    CHECK_TRUE(parsed[0]["acknowledged_at"].is_null());
    STRCMP_EQUAL("rejected", parsed[3]["outbox_state"].get<std::string>().c_str());
    STRCMP_EQUAL("overdrawn at another store", parsed[3]["rejection_reason"].get<std::string>().c_str());
    STRCMP_EQUAL("2024-03-12T10:00:00.000Z", parsed[0]["wall_time_utc"].get<std::string>().c_str());
}

TEST(LedgerExportFormats, AnEmptyLedgerIsAHeaderOrAnEmptyArray) {
    auto kiosk = store();
    std::ostringstream csv;
    LONGS_EQUAL(0, storage::LedgerExport::write(kiosk.database(), csv, storage::ExportFormat::Csv).value());
    LONGS_EQUAL(1, testsupport::CsvReader::parse(csv.str())->size());
    std::ostringstream json;
    LONGS_EQUAL(0, storage::LedgerExport::write(kiosk.database(), json, storage::ExportFormat::Json).value());
    CHECK_TRUE(nlohmann::json::parse(json.str()).empty());
}

TEST(LedgerExportFormats, InvalidUtf8InStoredTextDoesNotStopTheJsonExport) {
    auto kiosk = store();
    testsupport::LedgerRows rows(kiosk.database());
    testsupport::EventRow row;
    row.reason = std::string("bad \xC3 byte");
    CHECK_TRUE(rows.record(row).hasValue());
    std::ostringstream out;
    auto written = storage::LedgerExport::write(kiosk.database(), out, storage::ExportFormat::Json);
    CHECK_TRUE(written.hasValue());
    const auto parsed = nlohmann::json::parse(out.str(), nullptr, false);
    CHECK_FALSE(parsed.is_discarded());
    STRCMP_EQUAL("bad \xEF\xBF\xBD byte", parsed[0]["reason"].get<std::string>().c_str());
}

TEST(LedgerExportFormats, CsvFieldsAreQuotedOnlyWhenTheyMustBe) {
    STRCMP_EQUAL("plain", storage::LedgerExport::csvField("plain").c_str());
    STRCMP_EQUAL("\"a,b\"", storage::LedgerExport::csvField("a,b").c_str());
    STRCMP_EQUAL("\"say \"\"hi\"\"\"", storage::LedgerExport::csvField("say \"hi\"").c_str());
    STRCMP_EQUAL("\"a\nb\"", storage::LedgerExport::csvField("a\nb").c_str());
    CHECK_TRUE(storage::parseExportFormat("csv") == storage::ExportFormat::Csv);
    CHECK_TRUE(storage::parseExportFormat("json") == storage::ExportFormat::Json);
    CHECK_FALSE(storage::parseExportFormat("xml").has_value());
}
