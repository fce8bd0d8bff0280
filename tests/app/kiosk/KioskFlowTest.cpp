#include <string>
#include <vector>

#include "FlowTestSupport.h"
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
    kiosk::KioskFlow flow(flowtest::testProgram(), twoLanguages());
    CHECK(flow.screen() == kiosk::ScreenId::Attract);
    STRCMP_EQUAL("en", flow.language().c_str());
    const auto view = flow.attractView();
    STRCMP_EQUAL("Corner Rewards", view.programName.c_str());
    STRCMP_EQUAL("Tap your card", view.title.c_str());
    LONGS_EQUAL(2, view.languages.size());
    CHECK_TRUE(view.languages[0].selected);
    CHECK_FALSE(view.languages[1].selected);
    STRCMP_EQUAL("Español", view.languages[1].label.c_str());
    CHECK_FALSE(flow.busy());
    CHECK_FALSE(flow.holdsPersonalData());
}

TEST(KioskFlow, ChoosingALanguageChangesTheTexts) {
    kiosk::KioskFlow flow(flowtest::testProgram(), twoLanguages());
    const auto outcome = flow.handle(kiosk::ChooseLanguage{"es"});
    CHECK_TRUE(outcome.changed);
    CHECK_TRUE(outcome.effects.empty());
    STRCMP_EQUAL("es", flow.language().c_str());
    const auto view = flow.attractView();
    STRCMP_EQUAL("Acerque su tarjeta", view.title.c_str());
    CHECK_TRUE(view.languages[1].selected);
}

TEST(KioskFlow, ChoosingTheCurrentOrAnUnknownLanguageChangesNothing) {
    kiosk::KioskFlow flow(flowtest::testProgram(), twoLanguages());
    CHECK_FALSE(flow.handle(kiosk::ChooseLanguage{"en"}));
    CHECK_FALSE(flow.handle(kiosk::ChooseLanguage{"fr"}));
    STRCMP_EQUAL("en", flow.language().c_str());
}

TEST(KioskFlow, AMissingTextShowsItsKeyRatherThanNothing) {
    kiosk::KioskFlow flow(flowtest::testProgram(), twoLanguages());
    STRCMP_EQUAL("[attract.subtitle]", flow.attractView().subtitle.c_str());
}

TEST(KioskFlow, EveryScreenHasAStableName) {
    STRCMP_EQUAL("attract", kiosk::screenName(kiosk::ScreenId::Attract));
    STRCMP_EQUAL("member", kiosk::screenName(kiosk::ScreenId::Member));
    STRCMP_EQUAL("staff_login", kiosk::screenName(kiosk::ScreenId::StaffLogin));
    STRCMP_EQUAL("technician", kiosk::screenName(kiosk::ScreenId::Technician));
}

TEST(KioskFlow, TheShippedCataloguesLoad) {
    // The other tests read the real files; make a broken path loud here.
    LONGS_EQUAL(2, flowtest::shippedCatalogues().size());
}
