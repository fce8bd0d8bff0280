// Programme names in the session's language: rewards, offers (name and
// description), tiers, promotions and the programme itself come from the
// programme's `names` / `descriptions` for the language the customer chose,
// and fall back to the programme file's own name when it gives none.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "FlowTestSupport.h"

#include <CppUTest/TestHarness.h>

using kiosk::ScreenId;
using kiosk::StaffAction;
using namespace flowtest;

namespace {

// The flow tests' programme with Spanish names for some of its items. The
// tote bag has none, so Spanish sessions show its English name.
loyalty::Program bilingualProgram() {
    loyalty::Program program = testProgram();
    program.names = {{"es", "Premios Corner"}};
    program.tiers[2].names = {{"es", "Oro"}};      // gold
    program.tiers[3].names = {{"es", "Platino"}};  // platinum
    program.rewards[0].names = {{"es", "Café gratis"}};         // coffee
    program.rewards[1].names = {{"es", "Entrada de cine"}};     // voucher
    program.offers[0].names = {{"es", "Extra de invierno"}};    // winter-bonus
    program.offers[0].descriptions = {{"es", "50 puntos extra en su próxima compra"}};
    loyalty::Promotion everyDay;
    everyDay.id = "every-day";
    everyDay.name = "Everyday bonus";
    everyDay.names = {{"es", "Extra de cada día"}};
    everyDay.kind = loyalty::Promotion::Kind::Bonus;
    everyDay.bonusPoints = 5;
    program.promotions = {everyDay};
    return program;
}

class NamesDriver {
public:
    explicit NamesDriver(loyalty::Program program = bilingualProgram())
        : flow(std::move(program), shippedCatalogues(), kiosk::FlowSettings{}) {
        flow.handle(kiosk::Message{kiosk::Tick{today(), 0}});
    }

    void chooseLanguage(const std::string& language) { flow.handle(kiosk::Intent{kiosk::ChooseLanguage{language}}); }

    void tapMember(kiosk::MemberSnapshot snapshot = goldMember()) {
        const auto outcome = flow.handle(kiosk::Message{card("tok-ana")});
        const auto lookup = expectEffect<kiosk::LookupCard>(outcome);
        flow.handle(kiosk::Message{kiosk::CardLookedUp{lookup->request, std::move(snapshot)}});
    }

    void loginCashier() {
        flow.handle(kiosk::Intent{kiosk::StartStaffLogin{}});
        type("12");
        flow.handle(kiosk::Intent{kiosk::KeypadOk{}});
        type("1234");
        const auto verify = expectEffect<kiosk::VerifyStaffPin>(flow.handle(kiosk::Intent{kiosk::KeypadOk{}}));
        flow.handle(kiosk::Message{kiosk::StaffVerified{verify->request, "s-anna", "Anna", kiosk::StaffRole::Cashier}});
    }

    void type(const std::string& digits) {
        for (const char c : digits) {
            flow.handle(kiosk::Intent{kiosk::KeypadDigit{c - '0'}});
        }
    }

    kiosk::KioskFlow flow;
};

// Ana with the winter bonus already activated, so it is both on the member
// screen (active) and among the bonuses of her next purchase.
kiosk::MemberSnapshot anaWithActiveOffer() {
    auto snapshot = goldMember();
    snapshot.member.activeOffers = {"winter-bonus"};
    return snapshot;
}

const kiosk::RewardLine* rewardLine(const std::vector<kiosk::RewardLine>& lines, const std::string& id) {
    for (const auto& line : lines) {
        if (line.id == id) {
            return &line;
        }
    }
    FAIL(("no reward line " + id).c_str());
    return nullptr;
}

}  // namespace

TEST_GROUP(ProgramNames) {
    NamesDriver driver;
};

TEST(ProgramNames, ASpanishSessionShowsSpanishRewardOfferAndTierNames) {
    driver.chooseLanguage("es");
    driver.tapMember();
    const auto view = driver.flow.memberView();
    STRCMP_EQUAL("Café gratis", rewardLine(view.rewards, "coffee")->name.c_str());
    STRCMP_EQUAL("Entrada de cine", rewardLine(view.rewards, "voucher")->name.c_str());
    LONGS_EQUAL(1, view.offers.size());
    STRCMP_EQUAL("Extra de invierno", view.offers[0].name.c_str());
    STRCMP_EQUAL("50 puntos extra en su próxima compra", view.offers[0].description.c_str());
    STRCMP_EQUAL("Oro", view.tierName.c_str());
    STRCMP_EQUAL("Le faltan 2.500 puntos para Platino", view.tierProgressText.c_str());
    STRCMP_EQUAL("Premio: Café gratis", view.history[1].reasonText.c_str());
}

TEST(ProgramNames, AnEnglishSessionKeepsTheProgrammeFilesNames) {
    driver.tapMember();
    const auto view = driver.flow.memberView();
    STRCMP_EQUAL("Free coffee", rewardLine(view.rewards, "coffee")->name.c_str());
    STRCMP_EQUAL("Cinema voucher", rewardLine(view.rewards, "voucher")->name.c_str());
    STRCMP_EQUAL("Winter bonus", view.offers[0].name.c_str());
    STRCMP_EQUAL("50 extra points on your next purchase", view.offers[0].description.c_str());
    STRCMP_EQUAL("Gold", view.tierName.c_str());
    STRCMP_EQUAL("2,500 pts to Platinum", view.tierProgressText.c_str());
    STRCMP_EQUAL("Reward: Free coffee", view.history[1].reasonText.c_str());
}

TEST(ProgramNames, SwitchingLanguageOnTheMemberScreenSwitchesTheNames) {
    driver.tapMember();
    driver.chooseLanguage("es");
    STRCMP_EQUAL("Café gratis", rewardLine(driver.flow.memberView().rewards, "coffee")->name.c_str());
    driver.chooseLanguage("en");
    STRCMP_EQUAL("Free coffee", rewardLine(driver.flow.memberView().rewards, "coffee")->name.c_str());
}

TEST(ProgramNames, AnItemWithoutASpanishNameShowsItsOwnName) {
    driver.chooseLanguage("es");
    driver.tapMember();
    const auto view = driver.flow.memberView();
    STRCMP_EQUAL("Tote bag", rewardLine(view.rewards, "bag")->name.c_str());
    STRCMP_EQUAL("Le faltan 260 puntos para Tote bag", view.nextRewardText.c_str());
}

TEST(ProgramNames, AnOfferWithoutASpanishDescriptionShowsItsOwnDescription) {
    loyalty::Program program = bilingualProgram();
    program.offers[0].descriptions.clear();
    NamesDriver english(program);
    english.chooseLanguage("es");
    english.tapMember();
    const auto view = english.flow.memberView();
    STRCMP_EQUAL("Extra de invierno", view.offers[0].name.c_str());
    STRCMP_EQUAL("50 extra points on your next purchase", view.offers[0].description.c_str());
}

TEST(ProgramNames, AnActiveOfferAndTheHistoryNameOfferAndProgrammeInSpanish) {
    auto snapshot = anaWithActiveOffer();
    kiosk::HistoryEntry activated;
    activated.eventId = "e-3";
    activated.type = loyalty::EventType::OfferActivate;
    activated.offerId = "winter-bonus";
    activated.on = {2026, 12, 19};
    snapshot.history.insert(snapshot.history.begin(), activated);
    kiosk::HistoryEntry enrolled;
    enrolled.eventId = "e-0";
    enrolled.type = loyalty::EventType::Enrol;
    enrolled.on = {2024, 3, 1};
    snapshot.history.push_back(enrolled);
    driver.chooseLanguage("es");
    driver.tapMember(snapshot);
    const auto view = driver.flow.memberView();
    LONGS_EQUAL(1, view.offers.size());
    CHECK_TRUE(view.offers[0].active);
    STRCMP_EQUAL("Extra de invierno", view.offers[0].name.c_str());
    LONGS_EQUAL(4, view.history.size());
    STRCMP_EQUAL("Oferta activada: Extra de invierno", view.history[0].reasonText.c_str());
    STRCMP_EQUAL("Bienvenida a Premios Corner", view.history[3].reasonText.c_str());
}

TEST(ProgramNames, TheAttractScreenShowsTheProgrammeNameOfTheChosenLanguage) {
    STRCMP_EQUAL("Corner Rewards", driver.flow.attractView().programName.c_str());
    driver.chooseLanguage("es");
    STRCMP_EQUAL("Premios Corner", driver.flow.attractView().programName.c_str());
}

TEST(ProgramNames, AskingStaffForAPhysicalRewardNamesItInSpanish) {
    driver.chooseLanguage("es");
    driver.tapMember();
    driver.flow.handle(kiosk::Intent{kiosk::ChooseReward{"coffee"}});
    STRCMP_EQUAL("Pida Café gratis a un empleado.", driver.flow.memberView().notice.c_str());
}

TEST(ProgramNames, TheAwardPreviewNamesTierPromotionAndOfferInSpanish) {
    driver.chooseLanguage("es");
    driver.tapMember(anaWithActiveOffer());
    driver.loginCashier();
    driver.flow.handle(kiosk::Intent{kiosk::ChooseStaffAction{StaffAction::Award}});
    driver.type("1234");
    const auto view = driver.flow.amountEntryView();
    LONGS_EQUAL(4, view.previewLines.size());
    STRCMP_EQUAL("Base: 12 puntos", view.previewLines[0].c_str());
    STRCMP_EQUAL("Nivel Oro: +6 puntos", view.previewLines[1].c_str());
    STRCMP_EQUAL("Extra de cada día: +5 puntos", view.previewLines[2].c_str());
    STRCMP_EQUAL("Extra de invierno: +50 puntos", view.previewLines[3].c_str());
}

TEST(ProgramNames, TheAwardPreviewIsInEnglishInAnEnglishSession) {
    driver.tapMember(anaWithActiveOffer());
    driver.loginCashier();
    driver.flow.handle(kiosk::Intent{kiosk::ChooseStaffAction{StaffAction::Award}});
    driver.type("1234");
    const auto view = driver.flow.amountEntryView();
    LONGS_EQUAL(4, view.previewLines.size());
    STRCMP_EQUAL("Gold tier: +6 pts", view.previewLines[1].c_str());
    STRCMP_EQUAL("Everyday bonus: +5 pts", view.previewLines[2].c_str());
    STRCMP_EQUAL("Winter bonus: +50 pts", view.previewLines[3].c_str());
}

TEST(ProgramNames, TheRedeemConfirmationAndRewardChoiceNameTheRewardInSpanish) {
    driver.chooseLanguage("es");
    driver.tapMember();
    driver.loginCashier();
    driver.flow.handle(kiosk::Intent{kiosk::ChooseStaffAction{StaffAction::Redeem}});
    CHECK(driver.flow.screen() == ScreenId::RewardChoice);
    STRCMP_EQUAL("Café gratis", rewardLine(driver.flow.rewardChoiceView().rewards, "coffee")->name.c_str());
    driver.flow.handle(kiosk::Intent{kiosk::ChooseReward{"coffee"}});
    CHECK(driver.flow.screen() == ScreenId::ConfirmAction);
    const auto view = driver.flow.confirmActionView();
    CHECK_FALSE(view.lines.empty());
    STRCMP_EQUAL("Café gratis por 150 puntos", view.lines[0].c_str());
}
