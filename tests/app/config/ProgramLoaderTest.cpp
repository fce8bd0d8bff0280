// ProgramLoader: the shipped programme, defaults, files, and text that is not
// TOML at all. Validation errors are in ProgramLoaderErrorsTest.cpp and
// ProgramLoaderCatalogueErrorsTest.cpp.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>

#include "app/config/ProgramTestText.h"
#include "config/ProgramLoader.h"
#include "loyalty/Program.h"

#include <CppUTest/TestHarness.h>

using config::ConfigError;
using config::ProgramLoader;
using loyalty::Date;
using loyalty::Program;
using namespace programtest;

namespace {

const std::string kAssetPath = std::string(KIOSK_SOURCE_ASSETS) + "/program.toml";

Program loadShipped() {
    auto result = ProgramLoader::loadFile(kAssetPath);
    if (!result) {
        FAIL(result.error().describe().c_str());
    }
    return std::move(result.value());
}

constexpr loyalty::WeekdayMask bit(loyalty::Weekday day) {
    return static_cast<loyalty::WeekdayMask>(1u << static_cast<unsigned>(day));
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// A file under /tmp that is removed when the test ends.
class TempFile {
public:
    explicit TempFile(const std::string& content) {
        char name[] = "/tmp/program-test-XXXXXX";
        const int fd = ::mkstemp(name);
        if (fd < 0) {
            FAIL("mkstemp failed");
        }
        ::close(fd);
        path_ = name;
        std::ofstream(path_, std::ios::binary) << content;
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

}  // namespace

TEST_GROUP(ProgramLoader){};

// --- the shipped demo programme (assets/program.toml) -----------------------

TEST(ProgramLoader, shippedProgramLoadsWithNameCurrencyAndEarnRule) {
    const Program program = loadShipped();
    STRCMP_EQUAL("Corner Rewards", program.name.c_str());
    STRCMP_EQUAL("EUR", program.currency.c_str());
    LONGS_EQUAL(100, program.earn.amountPerStep);
    LONGS_EQUAL(1, program.earn.pointsPerStep);
    LONGS_EQUAL(0, program.earn.minimumPurchase);
    LONGS_EQUAL(1000, program.earn.maxPointsPerTransaction);
    LONGS_EQUAL(500000, program.earn.maxPurchaseAmount);
}

TEST(ProgramLoader, shippedProgramHasThreeRisingTiersOverTwelveMonths) {
    const Program program = loadShipped();
    LONGS_EQUAL(12, program.tierPolicy.qualificationMonths);
    LONGS_EQUAL(3, program.tiers.size());
    STRCMP_EQUAL("bronze", program.tiers[0].id.c_str());
    STRCMP_EQUAL("Bronze", program.tiers[0].name.c_str());
    LONGS_EQUAL(0, program.tiers[0].threshold);
    LONGS_EQUAL(100, program.tiers[0].earnMultiplier);
    STRCMP_EQUAL("silver", program.tiers[1].id.c_str());
    LONGS_EQUAL(500, program.tiers[1].threshold);
    LONGS_EQUAL(125, program.tiers[1].earnMultiplier);
    STRCMP_EQUAL("gold", program.tiers[2].id.c_str());
    STRCMP_EQUAL("Gold", program.tiers[2].name.c_str());
    LONGS_EQUAL(2000, program.tiers[2].threshold);
    LONGS_EQUAL(150, program.tiers[2].earnMultiplier);
}

TEST(ProgramLoader, shippedProgramHasTuesdayCoffeeAndSeasonalPromotions) {
    const Program program = loadShipped();
    LONGS_EQUAL(3, program.promotions.size());
    const loyalty::Promotion& tuesday = program.promotions[0];
    STRCMP_EQUAL("double-tuesday", tuesday.id.c_str());
    STRCMP_EQUAL("Double points Tuesday", tuesday.name.c_str());
    CHECK(tuesday.kind == loyalty::Promotion::Kind::Multiplier);
    LONGS_EQUAL(200, tuesday.multiplier);
    LONGS_EQUAL(bit(loyalty::Weekday::Tuesday), tuesday.weekdays);
    LONGS_EQUAL(0x04, tuesday.weekdays);  // bit 0 is Sunday
    CHECK_FALSE(tuesday.validFrom.has_value());
    CHECK(tuesday.category.empty());

    const loyalty::Promotion& coffee = program.promotions[1];
    CHECK(coffee.kind == loyalty::Promotion::Kind::Bonus);
    LONGS_EQUAL(50, coffee.bonusPoints);
    STRCMP_EQUAL("coffee", coffee.category.c_str());
    LONGS_EQUAL(loyalty::kEveryDay, coffee.weekdays);

    const loyalty::Promotion& summer = program.promotions[2];
    LONGS_EQUAL(150, summer.multiplier);
    LONGS_EQUAL(bit(loyalty::Weekday::Saturday) | bit(loyalty::Weekday::Sunday), summer.weekdays);
    CHECK(summer.validFrom == (Date{2026, 6, 1}));
    CHECK(summer.validUntil == (Date{2026, 8, 31}));
    LONGS_EQUAL(1000, summer.minimumPurchase);
}

TEST(ProgramLoader, shippedProgramHasThreeRewardsWithAGoldOnlyLimitedPass) {
    const Program program = loadShipped();
    LONGS_EQUAL(3, program.rewards.size());
    STRCMP_EQUAL("free-coffee", program.rewards[0].id.c_str());
    STRCMP_EQUAL("Free coffee", program.rewards[0].name.c_str());
    LONGS_EQUAL(150, program.rewards[0].cost);
    CHECK(program.rewards[0].kind == loyalty::Reward::Kind::Physical);
    CHECK(program.rewards[0].minimumTier.empty());
    LONGS_EQUAL(0, program.rewards[0].perMemberLimit);
    LONGS_EQUAL(500, program.rewards[1].cost);
    CHECK(program.rewards[1].kind == loyalty::Reward::Kind::Digital);

    const loyalty::Reward& lounge = program.rewards[2];
    STRCMP_EQUAL("Gold lounge pass", lounge.name.c_str());
    LONGS_EQUAL(1200, lounge.cost);
    STRCMP_EQUAL("gold", lounge.minimumTier.c_str());
    LONGS_EQUAL(1, lounge.perMemberLimit);
    LONGS_EQUAL(100, lounge.totalLimit);
    CHECK(lounge.validFrom == (Date{2026, 1, 1}));
    CHECK(lounge.validUntil == (Date{2026, 12, 31}));
}

TEST(ProgramLoader, shippedProgramHasBirthdayWinBackWelcomeAndGoldSegmentOffers) {
    const Program program = loadShipped();
    LONGS_EQUAL(4, program.offers.size());
    const loyalty::Offer& birthday = program.offers[0];
    CHECK(birthday.birthdayMonth);
    LONGS_EQUAL(100, birthday.bonusPoints);
    LONGS_EQUAL(100, birthday.multiplier);
    LONGS_EQUAL(1, birthday.perMemberLimit);
    CHECK_FALSE(birthday.description.empty());

    const loyalty::Offer& winBack = program.offers[1];
    LONGS_EQUAL(60, winBack.lapsedDays);
    LONGS_EQUAL(200, winBack.bonusPoints);
    CHECK_FALSE(winBack.birthdayMonth);

    const loyalty::Offer& welcome = program.offers[2];
    LONGS_EQUAL(30, welcome.newMemberDays);
    LONGS_EQUAL(200, welcome.multiplier);
    LONGS_EQUAL(0, welcome.bonusPoints);

    const loyalty::Offer& gold = program.offers[3];
    LONGS_EQUAL(1, gold.tiers.size());
    STRCMP_EQUAL("gold", gold.tiers[0].c_str());
    LONGS_EQUAL(1, gold.segments.size());
    STRCMP_EQUAL("coffee-lovers", gold.segments[0].c_str());
    LONGS_EQUAL(3, gold.perMemberLimit);
    CHECK(gold.validUntil == (Date{2026, 6, 30}));
}

TEST(ProgramLoader, shippedProgramHasCoffeeStampCardExpiryAndLimits) {
    const Program program = loadShipped();
    LONGS_EQUAL(1, program.stampCards.size());
    STRCMP_EQUAL("coffee-card", program.stampCards[0].id.c_str());
    STRCMP_EQUAL("coffee", program.stampCards[0].family.c_str());
    LONGS_EQUAL(9, program.stampCards[0].stampsRequired);
    STRCMP_EQUAL("A free coffee", program.stampCards[0].rewardName.c_str());

    LONGS_EQUAL(24, program.expiry.months);
    LONGS_EQUAL(30, program.expiry.warnDays);

    LONGS_EQUAL(600, program.offline.maxRedeemPerTransaction);
    LONGS_EQUAL(2, program.offline.maxConsecutiveRedemptionsPerCard);
    LONGS_EQUAL(3000, program.offline.maxUnsyncedRedeemedPoints);
    LONGS_EQUAL(24 * 3600, program.offline.maxOfflineSeconds);
    CHECK_FALSE(program.offline.lowAssuranceMayRedeem);
    LONGS_EQUAL(10, program.velocity.maxTransactionsPerCardPerDay);
}

// Truncating the shipped file anywhere gives a programme or an error with a
// position — never an exception, never a crash.
TEST(ProgramLoader, everyTruncationOfTheShippedFileLoadsOrFailsCleanly) {
    const std::string text = readAll(kAssetPath);
    CHECK(text.size() > 1000);
    int failures = 0;
    for (std::size_t length = 0; length < text.size(); length += 37) {
        auto result = ProgramLoader::loadString(std::string_view(text).substr(0, length), "cut.toml");
        if (!result) {
            ++failures;
            CHECK(result.error().line >= 1);
            CHECK_FALSE(result.error().message.empty());
        }
    }
    CHECK(failures > 0);  // most cuts lose [offline], which is required
}

// --- defaults -----------------------------------------------------------------

TEST(ProgramLoader, minimalProgramGetsDocumentedDefaults) {
    auto result = ProgramLoader::loadString(kMinimal, "program.toml");
    CHECK_TRUE(result.hasValue());
    const Program& program = result.value();
    LONGS_EQUAL(12, program.tierPolicy.qualificationMonths);
    LONGS_EQUAL(100, program.tiers[0].earnMultiplier);
    LONGS_EQUAL(0, program.earn.minimumPurchase);
    LONGS_EQUAL(0, program.earn.maxPointsPerTransaction);
    LONGS_EQUAL(0, program.earn.maxPurchaseAmount);
    CHECK(program.promotions.empty());
    CHECK(program.rewards.empty());
    CHECK(program.offers.empty());
    CHECK(program.stampCards.empty());
    LONGS_EQUAL(0, program.expiry.months);
    LONGS_EQUAL(30, program.expiry.warnDays);
    CHECK_FALSE(program.offline.lowAssuranceMayRedeem);
    LONGS_EQUAL(0, program.velocity.maxTransactionsPerCardPerDay);
}

TEST(ProgramLoader, minimalTextHasTheLineCountTheErrorTestsRelyOn) {
    LONGS_EQUAL(kHeaderLines, std::count(kHeader.begin(), kHeader.end(), '\n'));
    LONGS_EQUAL(kMinimalLines, std::count(kMinimal.begin(), kMinimal.end(), '\n'));
}

TEST(ProgramLoader, amountsFollowTheCurrencysDecimals) {
    const std::string yen = "[program]\nname = \"Yen\"\ncurrency = \"JPY\"\n" + kHeader.substr(kHeader.find("[earn]"));
    std::string text = yen + kBronze;
    text.replace(text.find("\"1.00\""), 6, "\"100\"");
    auto result = ProgramLoader::loadString(text, "yen.toml");
    CHECK_TRUE(result.hasValue());
    LONGS_EQUAL(100, result->earn.amountPerStep);  // JPY has no minor unit

    std::string dinar = text;
    dinar.replace(dinar.find("JPY"), 3, "KWD");
    dinar.replace(dinar.find("\"100\""), 5, "\"0.250\"");
    auto three = ProgramLoader::loadString(dinar, "kwd.toml");
    CHECK_TRUE(three.hasValue());
    LONGS_EQUAL(250, three->earn.amountPerStep);  // fils: three decimals
}

TEST(ProgramLoader, windowsLineEndingsAndAByteOrderMarkAreAccepted) {
    std::string text;
    for (char c : kMinimal) {
        text += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    auto result = ProgramLoader::loadString("\xEF\xBB\xBF" + text, "program.toml");
    CHECK_TRUE(result.hasValue());
    STRCMP_EQUAL("Test", result->name.c_str());
    // Positions still count lines: an error on line 16 is reported there.
    auto broken = ProgramLoader::loadString(text + "multiplier_percent = 50\r\n", "program.toml");
    CHECK_FALSE(broken.hasValue());
    LONGS_EQUAL(16, broken.error().line);
}

// --- files --------------------------------------------------------------------

TEST(ProgramLoader, loadFileReadsTheSameAsLoadString) {
    TempFile file(kMinimal + "[velocity]\nmax_transactions_per_card_per_day = 7\n");
    auto result = ProgramLoader::loadFile(file.path());
    CHECK_TRUE(result.hasValue());
    LONGS_EQUAL(7, result->velocity.maxTransactionsPerCardPerDay);
}

TEST(ProgramLoader, loadFileErrorsNameThePathGiven) {
    TempFile file(kMinimal + "[velocity]\nmax_transactions_per_card_per_dya = 7\n");
    auto result = ProgramLoader::loadFile(file.path());
    CHECK_FALSE(result.hasValue());
    STRCMP_EQUAL(file.path().c_str(), result.error().file.c_str());
    LONGS_EQUAL(17, result.error().line);
    STRCMP_EQUAL((file.path() + ":17:1: velocity.max_transactions_per_card_per_dya: unknown key; did you mean "
                                "'max_transactions_per_card_per_day'?")
                     .c_str(),
                 result.error().describe().c_str());
}

TEST(ProgramLoader, missingFileIsAnErrorNamingTheFile) {
    auto result = ProgramLoader::loadFile("/nonexistent/dir/program.toml");
    CHECK_FALSE(result.hasValue());
    const ConfigError& error = result.error();
    STRCMP_EQUAL("/nonexistent/dir/program.toml", error.file.c_str());
    LONGS_EQUAL(0, error.line);
    LONGS_EQUAL(0, error.column);
    STRCMP_EQUAL("cannot open the programme file: No such file or directory", error.message.c_str());
    STRCMP_EQUAL("/nonexistent/dir/program.toml: cannot open the programme file: No such file or directory",
                 error.describe().c_str());
}

TEST(ProgramLoader, directoryIsRefusedAsUnreadable) {
    auto result = ProgramLoader::loadFile("/tmp");
    CHECK_FALSE(result.hasValue());
    STRCMP_EQUAL("/tmp", result.error().file.c_str());
    STRCMP_EQUAL("cannot read the programme file: it is a directory", result.error().message.c_str());
}

TEST(ProgramLoader, oversizedFileIsRefusedBeforeParsing) {
    TempFile file(std::string(ProgramLoader::kMaxFileBytes + 1, '#'));
    auto result = ProgramLoader::loadFile(file.path());
    CHECK_FALSE(result.hasValue());
    LONGS_EQUAL(0, result.error().line);
    STRCMP_EQUAL("the programme file is larger than 1024 KiB; is this the right file?", result.error().message.c_str());
}

TEST(ProgramLoader, emptyFileSaysItIsEmpty) {
    TempFile file("");
    auto result = ProgramLoader::loadFile(file.path());
    CHECK_FALSE(result.hasValue());
    LONGS_EQUAL(1, result.error().line);
    LONGS_EQUAL(1, result.error().column);
    STRCMP_EQUAL("the programme is empty; it needs at least [program], [earn], [[tiers]] and [offline]",
                 result.error().message.c_str());
}

TEST(ProgramLoader, commentsOnlyCountAsEmpty) {
    CHECK_LOAD_ERROR("# nothing yet\n\n# still nothing\n", 1, 1,
                     "the programme is empty; it needs at least [program], [earn], [[tiers]] and [offline]");
}

// --- text that is not TOML ------------------------------------------------------

TEST(ProgramLoader, binaryGarbageWithNulBytesIsRefusedAsBinary) {
    const std::string garbage(
        "\x7f"
        "ELF\x02\x01\x01\x00\x00\x00\x00\xff\xfe\n\x00",
        15);
    TempFile file(garbage);
    auto result = ProgramLoader::loadFile(file.path());
    CHECK_FALSE(result.hasValue());
    LONGS_EQUAL(1, result.error().line);
    LONGS_EQUAL(8, result.error().column);
    STRCMP_EQUAL("the file contains a NUL byte: it is a binary file, not TOML text", result.error().message.c_str());
}

TEST(ProgramLoader, invalidUtf8IsRefusedAsNotText) {
    CHECK_LOAD_ERROR(kMinimal + "name = \"caf\xe9\"\n", 16, 12,
                     "the file is not UTF-8 text: invalid byte 0xE9 (is it a binary file, or saved in another "
                     "encoding such as Latin-1?)");
    // Columns count characters, not bytes: the "é" before counts once.
    CHECK_LOAD_ERROR(kMinimal + "name = \"\xc3\xa9t\xc3\xa9 \xff\"\n", 16, 13,
                     "the file is not UTF-8 text: invalid byte 0xFF (is it a binary file, or saved in another "
                     "encoding such as Latin-1?)");
}

TEST(ProgramLoader, overlongAndSurrogateEncodingsAreNotUtf8) {
    CHECK_LOAD_ERROR(kMinimal + "# \xc0\xaf\n", 16, 3,
                     "the file is not UTF-8 text: invalid byte 0xC0 (is it a binary file, or saved in another "
                     "encoding such as Latin-1?)");
    CHECK_LOAD_ERROR(kMinimal + "# \xed\xa0\x80\n", 16, 3,
                     "the file is not UTF-8 text: invalid byte 0xED (is it a binary file, or saved in another "
                     "encoding such as Latin-1?)");
}

TEST(ProgramLoader, imageHeaderIsRefusedAsNotText) {
    CHECK_LOAD_ERROR(std::string("\x89PNG\r\n\x1a\n"), 1, 1,
                     "the file is not UTF-8 text: invalid byte 0x89 (is it a binary file, or saved in another "
                     "encoding such as Latin-1?)");
}

TEST(ProgramLoader, syntaxErrorsCarryTomlsPosition) {
    CHECK_LOAD_ERROR(kMinimal + "[rewards\n", 16, 9,
                     "syntax error while parsing table header: expected ']', saw '\\n'");
}

TEST(ProgramLoader, redefinedKeyIsASyntaxError) {
    CHECK_LOAD_ERROR(kMinimal + "threshold = 10\n", 16, 13,
                     "syntax error while parsing key-value pair: cannot redefine existing integer 'threshold'");
}

TEST(ProgramLoader, impossibleDateIsASyntaxError) {
    CHECK_LOAD_ERROR(kMinimal + "valid_from = 2026-02-30\n", 16, 24,
                     "syntax error while parsing date: expected day between 1 and 28 (inclusive), saw 30");
}

TEST(ProgramLoader, reopenedTableIsASyntaxError) {
    CHECK_LOAD_ERROR(kMinimal + "[earn]\n", 16, 1,
                     "syntax error while parsing table header: cannot redefine existing table 'earn'");
}

TEST(ProgramLoader, integerBeyondSixtyFourBitsIsExplained) {
    CHECK_LOAD_ERROR(kHeader + "[[tiers]]\nid = \"bronze\"\nname = \"Bronze\"\nthreshold = 99999999999999999999\n", 15,
                     13,
                     "threshold: the number 99999999999999999999 is too large: TOML integers must lie between "
                     "-9223372036854775808 and 9223372036854775807");
}

TEST(ProgramLoader, negativeIntegerBeyondSixtyFourBitsIsExplained) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier_percent = -9223372036854775809\n", 16, 22,
                     "multiplier_percent: the number -9223372036854775809 is too small: TOML integers must lie "
                     "between -9223372036854775808 and 9223372036854775807");
}

TEST(ProgramLoader, hexadecimalIntegerBeyondSixtyFourBitsIsExplained) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier_percent = 0x1FFFFFFFFFFFFFFFF\n", 16, 22,
                     "multiplier_percent: the number 0x1FFFFFFFFFFFFFFFF is too large: TOML integers must lie "
                     "between -9223372036854775808 and 9223372036854775807");
}

TEST(ProgramLoader, largestSixtyFourBitIntegerParsesAndIsThenRangeChecked) {
    CHECK_LOAD_ERROR(kMinimal + "multiplier_percent = 9223372036854775807\n", 16, 22,
                     "tiers[0].multiplier_percent: must be between 100 and 1000 (got 9223372036854775807); "
                     "multipliers are whole percentages: 100 = x1, 125 = x1.25, 200 = x2");
}

TEST(ProgramLoader, describeJoinsFileLineColumnAndMessage) {
    const ConfigError error{"program.toml", 12, 3, "tiers[1].threshold: must be greater than tiers[0] (500)"};
    STRCMP_EQUAL("program.toml:12:3: tiers[1].threshold: must be greater than tiers[0] (500)",
                 error.describe().c_str());
    const ConfigError noColumn{"program.toml", 4, 0, "x"};
    STRCMP_EQUAL("program.toml:4: x", noColumn.describe().c_str());
}
