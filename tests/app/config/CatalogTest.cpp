#include <set>
#include <string>

#include "config/Catalog.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(Catalog){};

TEST(Catalog, LooksUpDottedKeysAndFillsPlaceholders) {
    auto catalogue = config::Catalog::loadString(
        "[member]\ngreeting = \"Hello {name}, you have {points} pts\"\n", "test.toml", "en");
    CHECK_TRUE(catalogue.hasValue());
    STRCMP_EQUAL("en", catalogue->language().c_str());
    CHECK_TRUE(catalogue->has("member.greeting"));
    STRCMP_EQUAL("Hello Ana, you have 1,240 pts",
                 catalogue->format("member.greeting", {{"name", "Ana"}, {"points", "1,240"}}).c_str());
}

TEST(Catalog, AValueContainingItsOwnPlaceholderIsNotExpandedForever) {
    auto catalogue = config::Catalog::loadString("a = \"{x}{x}\"\n", "test.toml", "en");
    CHECK_TRUE(catalogue.hasValue());
    STRCMP_EQUAL("{x}{x}", catalogue->format("a", {{"x", "{x}"}}).c_str());
}

TEST(Catalog, AMissingKeyShowsTheKeyInBrackets) {
    auto catalogue = config::Catalog::loadString("a = \"b\"\n", "test.toml", "en");
    CHECK_TRUE(catalogue.hasValue());
    CHECK_FALSE(catalogue->has("attract.title"));
    STRCMP_EQUAL("[attract.title]", catalogue->text("attract.title").c_str());
}

TEST(Catalog, ASyntaxErrorNamesFileAndLine) {
    auto catalogue = config::Catalog::loadString("a = \"b\"\nb = \n", "es.toml", "es");
    CHECK_FALSE(catalogue.hasValue());
    STRCMP_EQUAL("es.toml", catalogue.error().file.c_str());
    LONGS_EQUAL(2, catalogue.error().line);
}

TEST(Catalog, ANonTextValueIsRefusedWithItsKey) {
    auto catalogue = config::Catalog::loadString("[attract]\ntitle = 3\n", "en.toml", "en");
    CHECK_FALSE(catalogue.hasValue());
    LONGS_EQUAL(2, catalogue.error().line);
    STRCMP_CONTAINS("attract.title", catalogue.error().message.c_str());
}

TEST(Catalog, AnEmptyCatalogueIsRefused) {
    auto catalogue = config::Catalog::loadString("# nothing\n", "en.toml", "en");
    CHECK_FALSE(catalogue.hasValue());
}

TEST(Catalog, AMissingFileIsNamed) {
    auto catalogue = config::Catalog::loadFile("/nonexistent/xx.toml", "xx");
    CHECK_FALSE(catalogue.hasValue());
    STRCMP_EQUAL("/nonexistent/xx.toml", catalogue.error().file.c_str());
}

TEST(Catalog, ShippedLanguagesHaveTheSameKeys) {
    auto english = config::Catalog::loadFile(KIOSK_SOURCE_ASSETS "/i18n/en.toml", "en");
    auto spanish = config::Catalog::loadFile(KIOSK_SOURCE_ASSETS "/i18n/es.toml", "es");
    CHECK_TRUE(english.hasValue());
    CHECK_TRUE(spanish.hasValue());
    const auto englishKeys = english->keys();
    const auto spanishKeys = spanish->keys();
    for (const auto& key : englishKeys) {
        CHECK_TEXT(spanish->has(key), ("es.toml lacks " + key).c_str());
    }
    for (const auto& key : spanishKeys) {
        CHECK_TEXT(english->has(key), ("en.toml lacks " + key).c_str());
    }
    CHECK_TRUE(english->text("attract.title") != spanish->text("attract.title"));
}

TEST(Catalog, TheKiosksLanguagesLoadInOrderAndAMissingOneIsNamed) {
    auto both = config::Catalog::loadLanguages(KIOSK_SOURCE_ASSETS "/i18n", {"es", "en"});
    CHECK_TRUE(both.hasValue());
    LONGS_EQUAL(2, both->size());
    STRCMP_EQUAL("es", (*both)[0].language().c_str());
    STRCMP_EQUAL("en", (*both)[1].language().c_str());
    auto missing = config::Catalog::loadLanguages(KIOSK_SOURCE_ASSETS "/i18n", {"en", "fr"});
    CHECK_FALSE(missing.hasValue());
    STRCMP_CONTAINS("language 'fr'", missing.error().c_str());
    auto none = config::Catalog::loadLanguages(KIOSK_SOURCE_ASSETS "/i18n", {});
    CHECK_FALSE(none.hasValue());
    STRCMP_CONTAINS("no language", none.error().c_str());
}
