#include <string>
#include <vector>

#include "kiosk/KioskFlow.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

config::Catalog catalogue(const std::string& language, const std::string& name, const std::string& title) {
    auto loaded = config::Catalog::loadString(
        "[language]\nname = \"" + name + "\"\n[attract]\ntitle = \"" + title + "\"\n", language + ".toml", language);
    CHECK_TRUE(loaded.hasValue());
    return loaded.value();
}

std::vector<config::Catalog> twoLanguages() {
    return {catalogue("en", "English", "Tap your card"), catalogue("es", "Español", "Acerque su tarjeta")};
}

}  // namespace

TEST_GROUP(KioskFlow){};

TEST(KioskFlow, StartsOnTheAttractScreenInTheFirstLanguage) {
    kiosk::KioskFlow flow("Corner Rewards", twoLanguages());
    CHECK(flow.screen() == kiosk::ScreenId::Attract);
    STRCMP_EQUAL("en", flow.language().c_str());
    const auto view = flow.attractView();
    STRCMP_EQUAL("Corner Rewards", view.programName.c_str());
    STRCMP_EQUAL("Tap your card", view.title.c_str());
    LONGS_EQUAL(2, view.languages.size());
    CHECK_TRUE(view.languages[0].selected);
    CHECK_FALSE(view.languages[1].selected);
    STRCMP_EQUAL("Español", view.languages[1].label.c_str());
}

TEST(KioskFlow, ChoosingALanguageChangesTheTexts) {
    kiosk::KioskFlow flow("Corner Rewards", twoLanguages());
    CHECK_TRUE(flow.handle(kiosk::ChooseLanguage{"es"}));
    STRCMP_EQUAL("es", flow.language().c_str());
    const auto view = flow.attractView();
    STRCMP_EQUAL("Acerque su tarjeta", view.title.c_str());
    CHECK_TRUE(view.languages[1].selected);
}

TEST(KioskFlow, ChoosingTheCurrentOrAnUnknownLanguageChangesNothing) {
    kiosk::KioskFlow flow("Corner Rewards", twoLanguages());
    CHECK_FALSE(flow.handle(kiosk::ChooseLanguage{"en"}));
    CHECK_FALSE(flow.handle(kiosk::ChooseLanguage{"fr"}));
    STRCMP_EQUAL("en", flow.language().c_str());
}

TEST(KioskFlow, AMissingTextShowsItsKeyRatherThanNothing) {
    kiosk::KioskFlow flow("Corner Rewards", twoLanguages());
    STRCMP_EQUAL("[attract.subtitle]", flow.attractView().subtitle.c_str());
}
