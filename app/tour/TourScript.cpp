#include "tour/TourScript.h"

#include <utility>

#include "tour/DemoShop.h"

namespace tour {
namespace {

using kiosk::ScreenId;
using kiosk::StaffAction;
using kiosk::StaffRole;

kiosk::RequestId requestOf(const std::optional<kiosk::Effect>& effect) {
    return effect ? std::visit([](const auto& asked) { return asked.request; }, *effect) : 0;
}

// Builds the steps: tour.at(screen, variant).tap(...).press(...).reply(...)
class Script {
public:
    explicit Script(DemoShop& shop) : shop_(shop) {}

    Script& at(ScreenId screen, std::string variant = {}) {
        steps_.push_back(TourStep{screen, std::move(variant), {}});
        return *this;
    }
    Script& send(kiosk::Message message) { return add(std::move(message)); }
    Script& tap(kiosk::CardTapped card) { return add(kiosk::Message{std::move(card)}); }
    Script& press(kiosk::Intent intent) { return add(std::move(intent)); }
    Script& type(const std::string& digits) {
        for (const char digit : digits) {
            press(kiosk::KeypadDigit{digit - '0'});
        }
        return *this;
    }
    Script& reply(Reply make) { return add(std::move(make)); }
    // The answer to the last effect, from its RequestId.
    template <class Make>
    Script& answer(Make make) {
        return reply([make](const std::optional<kiosk::Effect>& effect) { return kiosk::Message{make(requestOf(effect))}; });
    }
    Script& recorded() {
        DemoShop* shop = &shop_;
        return reply([shop](const std::optional<kiosk::Effect>& effect) -> kiosk::Message {
            const auto* decision = effect ? std::get_if<kiosk::RecordDecision>(&*effect) : nullptr;
            if (!decision) {
                return kiosk::DecisionFailed{requestOf(effect)};
            }
            return shop->record(*decision);
        });
    }
    Script& refused(loyalty::RefusalCode code) {
        return answer([code](kiosk::RequestId request) { return DemoShop::refuse(request, code); });
    }
    Script& online(bool online) {
        DemoShop* shop = &shop_;
        return reply([shop, online](const std::optional<kiosk::Effect>&) { return kiosk::Message{shop->setOnline(online)}; });
    }
    Script& carlasLookup() {
        const DemoShop* shop = &shop_;
        return answer([shop](kiosk::RequestId request) { return shop->lookUpCarla(request); });
    }
    // Staff code and PIN on the keypad, then the app's answer.
    Script& login(StaffRole role) {
        type("42").press(kiosk::KeypadOk{}).type("2468").press(kiosk::KeypadOk{});
        return answer([role](kiosk::RequestId request) { return DemoShop::verify(request, role); });
    }

    std::vector<TourStep> steps() { return std::move(steps_); }

private:
    Script& add(TourInput input) {
        steps_.back().inputs.push_back(std::move(input));
        return *this;
    }

    DemoShop& shop_;
    std::vector<TourStep> steps_;
};

}  // namespace

std::string TourStep::name() const {
    std::string name = kiosk::screenName(screen);
    return variant.empty() ? name : name + "-" + variant;
}

std::vector<TourStep> buildTour(DemoShop& shop) {
    using loyalty::RefusalCode;
    Script tour(shop);

    // A customer: balance, offers, rewards; activates an offer, rates the visit.
    tour.at(ScreenId::Attract).send(kiosk::ReaderStatusChanged{kiosk::ReaderState::Ready, "PN532 v1.6", ""}).online(true);
    tour.at(ScreenId::CardReading).tap(DemoShop::carlasCard());
    tour.at(ScreenId::Member).carlasLookup();
    tour.at(ScreenId::Member, "offer-activated").press(kiosk::ActivateOfferIntent{"birthday-bonus"}).recorded();
    tour.at(ScreenId::Member, "ask-staff").press(kiosk::ChooseReward{"free-coffee"});
    tour.at(ScreenId::Rating).press(kiosk::Done{});

    // An unknown card: staff log in and enrol it.
    tour.at(ScreenId::UnknownCard)
        .press(kiosk::Rate{5})
        .tap(DemoShop::unknownCard())
        .answer([](kiosk::RequestId request) { return DemoShop::lookUpUnknown(request); });
    tour.at(ScreenId::StaffLogin, "staff-code").press(kiosk::StartStaffLogin{}).type("42");
    tour.at(ScreenId::StaffLogin, "pin").press(kiosk::KeypadOk{}).type("2468");
    tour.at(ScreenId::StaffMenu, "unknown-card")
        .press(kiosk::KeypadOk{})
        .answer([](kiosk::RequestId request) { return DemoShop::verify(request, StaffRole::Cashier); });
    tour.at(ScreenId::ConfirmAction, "enrol").press(kiosk::ChooseStaffAction{StaffAction::Enrol}).press(kiosk::EnterName{"Lucía"});
    tour.at(ScreenId::Confirmation, "enrol").press(kiosk::Confirm{}).recorded();

    // The cashier serves Carla: award, a velocity hold, redeem, replace, block, today.
    tour.at(ScreenId::StaffMenu, "member").press(kiosk::Confirm{}).tap(DemoShop::carlasCard()).carlasLookup();
    tour.at(ScreenId::AmountEntry, "award").press(kiosk::ChooseStaffAction{StaffAction::Award}).type("48000");
    tour.at(ScreenId::Confirmation, "award").press(kiosk::KeypadOk{}).recorded();
    tour.at(ScreenId::ActionRefused, "velocity")
        .press(kiosk::Confirm{})
        .press(kiosk::ChooseStaffAction{StaffAction::Award})
        .type("1550")
        .press(kiosk::KeypadOk{})
        .refused(RefusalCode::VelocityHeld);
    tour.at(ScreenId::RewardChoice)
        .press(kiosk::Confirm{})
        .press(kiosk::Cancel{})
        .press(kiosk::ChooseStaffAction{StaffAction::Redeem});
    tour.at(ScreenId::ConfirmAction, "redeem").press(kiosk::ChooseReward{"free-coffee"});
    tour.at(ScreenId::Confirmation, "redeem").press(kiosk::Confirm{}).recorded();
    tour.at(ScreenId::TapNewCard).press(kiosk::Confirm{}).press(kiosk::ChooseStaffAction{StaffAction::Replace});
    tour.at(ScreenId::ConfirmAction, "replace").tap(DemoShop::replacementCard()).press(kiosk::ChooseReason{0});
    tour.at(ScreenId::Confirmation, "replace").press(kiosk::Confirm{}).recorded();
    tour.at(ScreenId::ConfirmAction, "block")
        .press(kiosk::Confirm{})
        .press(kiosk::ChooseStaffAction{StaffAction::Block})
        .press(kiosk::ChooseReason{0});
    tour.at(ScreenId::TodaySummary)
        .press(kiosk::Cancel{})
        .press(kiosk::ChooseStaffAction{StaffAction::Summary})
        .answer([&shop](kiosk::RequestId request) { return shop.todaySummary(request); });

    // A manager takes over: void and adjust.
    tour.at(ScreenId::StaffMenu, "manager").press(kiosk::Cancel{}).press(kiosk::StartStaffLogin{}).login(StaffRole::Manager);
    tour.at(ScreenId::ConfirmAction, "void").press(kiosk::ChooseStaffAction{StaffAction::Void}).press(kiosk::ChooseReason{0});
    tour.at(ScreenId::Confirmation, "void").press(kiosk::Confirm{}).recorded();
    tour.at(ScreenId::AmountEntry, "adjust")
        .press(kiosk::Confirm{})
        .press(kiosk::ChooseStaffAction{StaffAction::Adjust})
        .type("25")
        .press(kiosk::ChooseReason{1});
    tour.at(ScreenId::Confirmation, "adjust").press(kiosk::KeypadOk{}).recorded();

    // Carla alone again: a digital reward and its one-time code.
    tour.at(ScreenId::Member, "after-staff").press(kiosk::Confirm{}).press(kiosk::StaffLogout{});
    tour.at(ScreenId::ConfirmAction, "customer-reward").press(kiosk::ChooseReward{"voucher-5"});
    tour.at(ScreenId::RewardCode).press(kiosk::Confirm{}).recorded();

    // Head office unreachable: the banner, and an offline limit.
    tour.at(ScreenId::Attract, "offline").press(kiosk::Done{}).press(kiosk::Done{}).press(kiosk::SkipRating{}).online(false);
    tour.at(ScreenId::Member, "offline").tap(DemoShop::carlasCard()).carlasLookup();
    tour.at(ScreenId::ActionRefused, "offline-limit")
        .press(kiosk::ChooseReward{"voucher-5"})
        .press(kiosk::Confirm{})
        .refused(RefusalCode::OfflineKioskCap);
    tour.at(ScreenId::RefusedCard)
        .press(kiosk::Confirm{})
        .press(kiosk::Done{})
        .online(true)
        .tap(DemoShop::lostCard())
        .answer([](kiosk::RequestId request) { return DemoShop::lookUpLost(request); });

    // The technician.
    tour.at(ScreenId::Technician)
        .press(kiosk::Confirm{})
        .press(kiosk::StartStaffLogin{})
        .login(StaffRole::Technician)
        .answer([](kiosk::RequestId request) { return DemoShop::diagnostics(request); });
    tour.at(ScreenId::Technician, "reader-test")
        .press(kiosk::RunReaderTest{})
        .answer([](kiosk::RequestId request) { return DemoShop::readerTest(request); })
        .tap(DemoShop::carlasCard());
    return tour.steps();
}

}  // namespace tour
