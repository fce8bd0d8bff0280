#pragma once
// Shared set-up for the flow's tests: the shipped catalogues (en, es), a
// small programme, a gold member's snapshot, and FlowDriver, which drives a
// KioskFlow with a fake clock and keeps the effects it asked for.
// Include it after the standard headers a test needs (it brings CppUTest).

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "config/Catalog.h"
#include "kiosk/KioskFlow.h"
#include "loyalty/Program.h"

// After every standard header: CppUTest's leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace flowtest {

// The repository's assets/i18n, found from this file's path (the test
// target has no assets definition of its own).
inline std::string assetsDir() {
    std::string here = __FILE__;  // .../tests/app/kiosk/FlowTestSupport.h
    for (int i = 0; i < 4; ++i) {
        here = here.substr(0, here.find_last_of('/'));
    }
    return here + "/assets";
}

inline std::vector<config::Catalog> shippedCatalogues() {
    std::vector<config::Catalog> catalogues;
    for (const char* language : {"en", "es"}) {
        auto loaded = config::Catalog::loadFile(assetsDir() + "/i18n/" + language + ".toml", language);
        if (loaded) {
            catalogues.push_back(loaded.value());
        }
    }
    return catalogues;
}

inline loyalty::Instant at(int year, unsigned month, unsigned day, int hour = 12) {
    const auto days = loyalty::daysSinceEpoch(loyalty::Date{year, month, day});
    return loyalty::Instant{days * 86'400 + hour * 3'600, 0};
}

// 20 December 2026, a Sunday: no promotion applies.
inline loyalty::Instant today() { return at(2026, 12, 20); }

inline loyalty::Program testProgram() {
    loyalty::Program program;
    program.name = "Corner Rewards";
    program.currency = "EUR";
    program.tiers = {{"bronze", "Bronze", 0, 100}, {"silver", "Silver", 500, 125}, {"gold", "Gold", 2000, 150},
                     {"platinum", "Platinum", 5000, 200}};
    program.earn.amountPerStep = 100;
    program.earn.pointsPerStep = 1;
    program.earn.maxPointsPerTransaction = 1000;
    program.earn.maxPurchaseAmount = 500'000;
    loyalty::Reward coffee;
    coffee.id = "coffee";
    coffee.name = "Free coffee";
    coffee.cost = 150;
    coffee.kind = loyalty::Reward::Kind::Physical;
    loyalty::Reward voucher;
    voucher.id = "voucher";
    voucher.name = "Cinema voucher";
    voucher.cost = 500;
    voucher.kind = loyalty::Reward::Kind::Digital;
    loyalty::Reward bag;
    bag.id = "bag";
    bag.name = "Tote bag";
    bag.cost = 1500;
    program.rewards = {coffee, voucher, bag};
    loyalty::Offer offer;
    offer.id = "winter-bonus";
    offer.name = "Winter bonus";
    offer.description = "50 extra points on your next purchase";
    offer.bonusPoints = 50;
    program.offers = {offer};
    program.expiry.months = 12;
    program.expiry.warnDays = 30;
    program.offline.maxRedeemPerTransaction = 300;
    program.offline.maxConsecutiveRedemptionsPerCard = 2;
    program.offline.maxUnsyncedRedeemedPoints = 1000;
    program.offline.maxOfflineSeconds = 86'400;
    program.offline.lowAssuranceMayRedeem = false;
    program.velocity.maxTransactionsPerCardPerDay = 5;
    return program;
}

inline kiosk::HistoryEntry earnEntry(std::string id, loyalty::Money amount, loyalty::Points points,
                                     loyalty::Date on) {
    kiosk::HistoryEntry entry;
    entry.eventId = std::move(id);
    entry.type = loyalty::EventType::Earn;
    entry.points = points;
    entry.purchaseAmount = amount;
    entry.on = on;
    return entry;
}

// Ana, gold (2,500 pts earned this year), 1,240 pts of which 40 pending;
// 50 pts expire on 10 January 2027.
inline kiosk::MemberSnapshot goldMember() {
    kiosk::MemberSnapshot snapshot;
    auto& member = snapshot.member;
    member.memberId = "m-ana";
    member.displayName = "Ana López";
    member.enrolledOn = {2024, 3, 1};
    member.lastActivityOn = loyalty::Date{2026, 12, 1};
    member.confirmedBalance = 1200;
    member.pendingDelta = 40;
    member.lots = {{{2026, 1, 10}, 50}, {{2026, 6, 1}, 1190}};
    member.earned = {{{2026, 6, 1}, 2500}};
    snapshot.card.cardId = "c-ana";
    snapshot.card.assurance = loyalty::Assurance::Signed;
    snapshot.kiosk.online = true;
    snapshot.kiosk.lastSyncAt = today();
    snapshot.history = {earnEntry("e-2", 2000, 30, {2026, 12, 1})};
    kiosk::HistoryEntry redeem;
    redeem.eventId = "e-1";
    redeem.type = loyalty::EventType::Redeem;
    redeem.points = -150;
    redeem.rewardId = "coffee";
    redeem.on = {2026, 11, 2};
    snapshot.history.push_back(redeem);
    return snapshot;
}

inline kiosk::CardTapped card(std::string token, std::string uid = "04A1B2C3D4E5F6") {
    kiosk::CardTapped tapped;
    tapped.token = std::move(token);
    tapped.uidHex = std::move(uid);
    tapped.kind = kiosk::CardKind::Ntag21x;
    tapped.assurance = loyalty::Assurance::Signed;
    return tapped;
}

// The first effect of type T, copied (outcomes are often temporaries).
template <class T>
std::optional<T> effectOf(const kiosk::Outcome& outcome) {
    for (const auto& effect : outcome.effects) {
        if (const auto* found = std::get_if<T>(&effect)) {
            return *found;
        }
    }
    return std::nullopt;
}

// The first effect of type T; fails the running test when there is none, so
// a missing effect is a failure and never an empty optional dereferenced.
template <class T>
std::optional<T> expectEffect(const kiosk::Outcome& outcome) {
    auto found = effectOf<T>(outcome);
    if (!found) {
        FAIL("the outcome lacks the expected effect");
    }
    return found;
}

class FlowDriver {
public:
    explicit FlowDriver(kiosk::FlowSettings settings = {})
        : flow(testProgram(), shippedCatalogues(), settings) {
        tick(0);
    }

    kiosk::Outcome tick(std::int64_t ms) {
        nowMs = ms;
        return flow.handle(kiosk::Message{kiosk::Tick{now, ms}});
    }
    kiosk::Outcome advance(std::int64_t ms) { return tick(nowMs + ms); }
    kiosk::Outcome send(const kiosk::Message& message) { return flow.handle(message); }
    kiosk::Outcome press(const kiosk::Intent& intent) { return flow.handle(intent); }
    void type(const std::string& digits) {
        for (const char c : digits) {
            flow.handle(kiosk::Intent{kiosk::KeypadDigit{c - '0'}});
        }
    }

    // Taps a card and returns the lookup's request id (0 when none was asked).
    kiosk::RequestId tap(const std::string& token) {
        const auto outcome = flow.handle(kiosk::Message{card(token)});
        const auto lookup = effectOf<kiosk::LookupCard>(outcome);
        return lookup ? lookup->request : 0;
    }
    // A member's card, all the way to the member screen.
    void tapMember(kiosk::MemberSnapshot snapshot = goldMember(), const std::string& token = "tok-ana") {
        const auto request = tap(token);
        send(kiosk::CardLookedUp{request, std::move(snapshot)});
    }
    // Staff login with a staff code and PIN; answers with `role`.
    void login(kiosk::StaffRole role, const std::string& staffId = "s-anna", const std::string& name = "Anna") {
        press(kiosk::StartStaffLogin{});
        type("12");
        press(kiosk::KeypadOk{});
        type("1234");
        const auto outcome = press(kiosk::KeypadOk{});
        const auto verify = effectOf<kiosk::VerifyStaffPin>(outcome);
        send(kiosk::StaffVerified{verify ? verify->request : 0, staffId, name, role});
    }

    kiosk::KioskFlow flow;
    loyalty::Instant now = today();
    std::int64_t nowMs = 0;
};

}  // namespace flowtest
