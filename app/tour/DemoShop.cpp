#include "tour/DemoShop.h"

#include <algorithm>
#include <map>
#include <type_traits>
#include <utility>
#include <variant>

namespace tour {
namespace {

constexpr const char* kCarlaId = "m-demo-carla";
constexpr const char* kLuciaId = "m-demo-lucia";
constexpr loyalty::Points kExpiringLot = 60;  // the oldest lot, shown as "60 pts expire on ..."

// The programme's rewards (assets/program.toml) the tour redeems.
loyalty::Points rewardCost(const std::string& rewardId) {
    static const std::map<std::string, loyalty::Points> costs{{"free-coffee", 150}, {"voucher-5", 500}, {"gold-lounge", 1200}};
    const auto found = costs.find(rewardId);
    return found == costs.end() ? 0 : found->second;
}

bool isDigital(const std::string& rewardId) { return rewardId != "free-coffee"; }

kiosk::CardTapped tap(std::string token, std::string uid) {
    kiosk::CardTapped card;
    card.token = std::move(token);
    card.uidHex = std::move(uid);
    card.kind = kiosk::CardKind::Ntag21x;
    card.assurance = loyalty::Assurance::Signed;
    return card;
}

// Lots, oldest first, summing to the balance: the oldest expires soon.
void spreadLots(loyalty::MemberState& member, loyalty::Date expiringLotEarnedOn, loyalty::Date recent) {
    const loyalty::Points balance = std::max<loyalty::Points>(0, member.balance());
    const loyalty::Points oldest = std::min(balance, kExpiringLot);
    member.lots.clear();
    if (oldest > 0) {
        member.lots.push_back({expiringLotEarnedOn, oldest});
    }
    if (balance > oldest) {
        member.lots.push_back({recent, balance - oldest});
    }
}

}  // namespace

DemoShop::DemoShop(loyalty::Instant now, std::string language)
    : now_(now), today_(loyalty::localDate(now)), language_(std::move(language)) {
    auto& member = carla_.member;
    member.memberId = kCarlaId;
    member.displayName = "Carla";
    member.birthdayMonth = today_.month;  // the birthday offer applies this month
    member.enrolledOn = daysAgo(800);
    member.lastActivityOn = daysAgo(75);  // lapsed: the win-back offer applies
    member.confirmedBalance = 380;
    member.pendingDelta = 40;
    member.earned = {{daysAgo(75), 900}, {daysAgo(200), 750}};  // 1,650 in 12 months: Silver, 350 to Gold
    carla_.card.cardId = "c-demo-carla-1";
    carla_.card.assurance = loyalty::Assurance::Signed;
    carla_.kiosk.online = true;
    carla_.kiosk.lastSyncAt = now_;

    // Newest first; every line has a reason the customer can read.
    auto purchase = entry(loyalty::EventType::Earn, 40, 75);
    purchase.purchaseAmount = 3240;
    auto offer = entry(loyalty::EventType::OfferActivate, 0, 90);
    offer.offerId = "welcome-double";
    auto coffee = entry(loyalty::EventType::Redeem, -150, 120);
    coffee.rewardId = "free-coffee";
    auto goodwill = entry(loyalty::EventType::Adjust, 25, 150);
    goodwill.reason = reason("Goodwill: order arrived late", "Cortesía: pedido con retraso");
    auto voided = entry(loyalty::EventType::Earn, 30, 180);
    voided.purchaseAmount = 3000;
    voided.voided = true;
    auto correction = entry(loyalty::EventType::Void, -30, 180);
    correction.reason = reason("Wrong amount", "Importe equivocado");
    auto bigShop = entry(loyalty::EventType::Earn, 541, 200);
    bigShop.purchaseAmount = 54120;
    auto rating = entry(loyalty::EventType::Rating, 0, 200);
    rating.rating = 5;
    auto enrol = entry(loyalty::EventType::Enrol, 0, 800);
    carla_.history = {purchase, offer, coffee, goodwill, correction, voided, bigShop, rating, enrol};
    // The oldest lot was earned 24 months (the programme's expiry) less 12
    // days ago: "60 pts expire on <in 12 days>".
    const auto expiringOn = loyalty::dateFromDays(loyalty::daysSinceEpoch(loyalty::addMonths(today_, -24)) + 12);
    spreadLots(member, expiringOn, daysAgo(75));
}

loyalty::Date DemoShop::daysAgo(int days) const {
    return loyalty::dateFromDays(loyalty::daysSinceEpoch(today_) - days);
}

kiosk::HistoryEntry DemoShop::entry(loyalty::EventType type, loyalty::Points points, int daysBack) const {
    kiosk::HistoryEntry line;
    line.eventId = "e-demo-" + std::to_string(800 - daysBack);
    line.type = type;
    line.points = points;
    line.on = daysAgo(daysBack);
    return line;
}

std::string DemoShop::reason(const char* english, const char* spanish) const {
    return language_ == "es" ? spanish : english;
}

void DemoShop::addEvent(kiosk::HistoryEntry line) {
    line.eventId = "e-demo-" + std::to_string(++nextEvent_);
    line.on = today_;
    auto& member = carla_.member;
    member.pendingDelta += line.points;
    member.lastActivityOn = today_;
    carla_.history.insert(carla_.history.begin(), std::move(line));
    const loyalty::Date expiring = member.lots.empty() ? today_ : member.lots.front().earnedOn;
    spreadLots(member, expiring, today_);
}

kiosk::CardTapped DemoShop::carlasCard() { return tap("demo-token-carla", "04C0FFEE00CA21"); }
kiosk::CardTapped DemoShop::unknownCard() { return tap("demo-token-new", "04D0D0CAFE0042"); }
kiosk::CardTapped DemoShop::replacementCard() { return tap("demo-token-carla-2", "04BEEF00CA2102"); }
kiosk::CardTapped DemoShop::lostCard() { return tap("demo-token-lost", "04DEAD00000007"); }

kiosk::CardLookedUp DemoShop::lookUpCarla(kiosk::RequestId request) const { return {request, carla_}; }
kiosk::CardLookedUp DemoShop::lookUpUnknown(kiosk::RequestId request) { return {request, kiosk::UnknownCard{}}; }
kiosk::CardLookedUp DemoShop::lookUpLost(kiosk::RequestId request) {
    return {request, kiosk::RefusedCard{kiosk::CardRefusalReason::Lost}};
}

kiosk::StaffVerified DemoShop::verify(kiosk::RequestId request, kiosk::StaffRole role) {
    switch (role) {
        case kiosk::StaffRole::Manager: return {request, "s-demo-sam", "Sam", role};
        case kiosk::StaffRole::Technician: return {request, "s-demo-tech", "Alex", role};
        case kiosk::StaffRole::Cashier: break;
    }
    return {request, "s-demo-marta", "Marta", role};
}

kiosk::DecisionRecorded DemoShop::record(const kiosk::RecordDecision& decision) {
    kiosk::DecisionRecorded answer;
    answer.request = decision.request;
    auto& member = carla_.member;
    const loyalty::Points before = member.balance();
    std::visit(
        [&](const auto& what) {
            using What = std::decay_t<decltype(what)>;
            if constexpr (std::is_same_v<What, kiosk::EarnPurchase>) {
                // Silver earns x1.25 of 1 pt per 1.00 (assets/program.toml).
                auto line = entry(loyalty::EventType::Earn, what.amount / 100 * 125 / 100, 0);
                line.purchaseAmount = what.amount;
                member.earned.push_back({today_, line.points});
                ++carla_.card.transactionsToday;
                addEvent(line);
            } else if constexpr (std::is_same_v<What, kiosk::RedeemReward>) {
                auto line = entry(loyalty::EventType::Redeem, -rewardCost(what.rewardId), 0);
                line.rewardId = what.rewardId;
                ++member.rewardRedemptions[what.rewardId];
                ++carla_.card.transactionsToday;
                addEvent(line);
                if (isDigital(what.rewardId)) {
                    answer.rewardCode = "R-DE0C0DE5A1E7";  // demo: the service makes 12 random hex digits
                }
            } else if constexpr (std::is_same_v<What, kiosk::ActivateOffer>) {
                auto line = entry(loyalty::EventType::OfferActivate, 0, 0);
                line.offerId = what.offerId;
                member.activeOffers.push_back(what.offerId);
                ++member.offerActivations[what.offerId];
                addEvent(line);
            } else if constexpr (std::is_same_v<What, kiosk::EnrolMember>) {
                kiosk::MemberSnapshot lucia;
                lucia.member.memberId = kLuciaId;
                lucia.member.displayName = what.displayName;
                lucia.member.enrolledOn = today_;
                lucia.member.lastActivityOn = today_;
                lucia.card.cardId = "c-demo-lucia-1";
                lucia.card.assurance = loyalty::Assurance::Signed;
                lucia.kiosk = carla_.kiosk;
                auto line = entry(loyalty::EventType::Enrol, 0, 0);
                line.eventId = "e-demo-enrol";
                lucia.history = {line};
                lucia_ = lucia;
            } else if constexpr (std::is_same_v<What, kiosk::ReplaceCard>) {
                carla_.card.cardId = "c-demo-carla-2";
                addEvent(entry(loyalty::EventType::CardLink, 0, 0));
            } else if constexpr (std::is_same_v<What, kiosk::BlockCard>) {
                auto line = entry(loyalty::EventType::CardBlock, 0, 0);
                line.reason = what.reason;
                addEvent(line);
            } else if constexpr (std::is_same_v<What, kiosk::VoidEvent>) {
                loyalty::Points reversed = 0;
                for (auto& old : carla_.history) {
                    if (old.eventId == what.eventId) {
                        old.voided = true;
                        reversed = -old.points;
                    }
                }
                auto line = entry(loyalty::EventType::Void, reversed, 0);
                line.reason = what.reason;
                addEvent(line);
            } else if constexpr (std::is_same_v<What, kiosk::AdjustPoints>) {
                auto line = entry(loyalty::EventType::Adjust, what.delta, 0);
                line.reason = what.reason;
                addEvent(line);
            } else if constexpr (std::is_same_v<What, kiosk::RateVisit>) {
                auto line = entry(loyalty::EventType::Rating, 0, 0);
                line.rating = what.rating;
                addEvent(line);
            }
        },
        decision.what);
    if (decision.memberId.empty() && lucia_) {
        answer.member = lucia_;
    } else {
        answer.member = carla_;
        answer.pointsDelta = member.balance() - before;
    }
    return answer;
}

kiosk::DecisionRefused DemoShop::refuse(kiosk::RequestId request, loyalty::RefusalCode code) {
    return {request, loyalty::Refusal{code, std::string(loyalty::refusalCodeName(code))}};
}

kiosk::TodaySummaryLoaded DemoShop::todaySummary(kiosk::RequestId request) const {
    kiosk::TodaySummary summary;
    // A demo shop day: opens at 8, busy at lunch and after work.
    summary.transactionsPerHour = {0, 0, 0, 0, 0, 0, 0, 0, 4, 7, 9, 12, 18, 15, 8, 6, 9, 14, 11, 5, 0, 0, 0, 0};
    for (const auto count : summary.transactionsPerHour) {
        summary.transactions += count;
    }
    summary.pointsIssued = 4'315;
    summary.pointsRedeemed = 1'850;
    return {request, summary};
}

kiosk::DiagnosticsLoaded DemoShop::diagnostics(kiosk::RequestId request) {
    kiosk::Diagnostics diagnostics;
    diagnostics.databaseBytes = 3'481'600;
    diagnostics.databaseOk = true;
    diagnostics.databaseCheck = "ok";
    diagnostics.version = KIOSK_VERSION;
    diagnostics.addresses = {"eth0 192.0.2.41", "wlan0 198.51.100.7"};  // documentation ranges (RFC 5737)
    diagnostics.diskFreeBytes = 5'368'709'120;
    diagnostics.logLines = {"reader: ready (PN532 v1.6)", "sync: uploaded 12 events", "sync: changes applied, cursor 4811",
                            "database: checkpoint, wal 0 pages"};
    return {request, diagnostics};
}

kiosk::ReaderTested DemoShop::readerTest(kiosk::RequestId request) { return {request, true, "ready, PN532 v1.6"}; }

kiosk::SyncStatusChanged DemoShop::setOnline(bool online) {
    carla_.kiosk.online = online;
    kiosk::SyncStatusChanged status;
    status.online = online;
    status.queueDepth = online ? 0 : 7;
    if (!online) {
        status.oldestUnsentAgeMs = 42 * 60 * 1000;
    }
    status.lastSuccessAtMs = (now_.utcSeconds - (online ? 5 : 42 * 60)) * 1000;
    return status;
}

}  // namespace tour
