#include "services/DecisionService.h"

#include <cstdio>
#include <optional>
#include <type_traits>

#include "loyalty/Corrections.h"
#include "loyalty/EarnCalculator.h"
#include "loyalty/MembershipRules.h"
#include "loyalty/OfferRules.h"
#include "loyalty/RewardRules.h"
#include "storage/AccountReader.h"
#include "storage/LedgerRepository.h"
#include "storage/MemberRepository.h"
#include "storage/Uuid.h"

namespace services {
namespace {

storage::CardKind toStorageKind(kiosk::CardKind kind) {
    switch (kind) {
        case kiosk::CardKind::Ntag21x: return storage::CardKind::Ntag21x;
        case kiosk::CardKind::Ntag424: return storage::CardKind::Ntag424;
        case kiosk::CardKind::UidOnly: break;
    }
    return storage::CardKind::Uid;
}

std::string randomMemberId() {
    auto id = storage::Uuid::random();
    return id ? "m-" + id->text() : std::string();
}

// What the rules decided for one request, ready for the recorder.
struct Ruling {
    std::optional<loyalty::Refusal> refusal;
    storage::RecordRequest record;
    std::string tokenAfter;  // whose account the screen shows afterwards
    bool digitalReward = false;
};

}  // namespace

DecisionService::DecisionService(storage::Database& db, const loyalty::Program& program,
                                 std::function<std::string()> newMemberId)
    : db_(db),
      program_(program),
      newMemberId_(newMemberId ? std::move(newMemberId) : randomMemberId),
      recorder_(db),
      lookup_(db) {}

std::string DecisionService::rewardCode(const std::string& eventId) {
    // The last group of a UUID: 48 bits that are random in v4 and v7 alike.
    std::string code = "R-";
    const auto dash = eventId.rfind('-');
    const std::string tail = dash == std::string::npos ? eventId : eventId.substr(dash + 1);
    for (char c : tail) {
        code += (c >= 'a' && c <= 'f') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    return code;
}

DecisionAnswer DecisionService::record(const kiosk::RecordDecision& request, const storage::RecordTime& now) {
    return decideAndRecord(request, now);
}

DecisionAnswer DecisionService::decideAndRecord(const kiosk::RecordDecision& request,
                                                const storage::RecordTime& now) {
    const kiosk::DecisionFailed failed{request.request};
    Ruling ruling;
    ruling.record.cardToken = request.cardToken;
    ruling.record.offline = request.offline;
    ruling.record.time = now;
    ruling.tokenAfter = request.cardToken;

    auto take = [&ruling](loyalty::Expected<loyalty::Decision, loyalty::Refusal> decided) {
        if (decided) {
            ruling.record.decision = std::move(decided.value());
        } else {
            ruling.refusal = decided.error();
        }
    };

    if (const auto* enrol = std::get_if<kiosk::EnrolMember>(&request.what)) {
        const std::string memberId = newMemberId_();
        if (memberId.empty()) {
            return failed;
        }
        auto enrolment =
            loyalty::MembershipRules(program_).enrol(memberId, enrol->displayName, request.cardToken, request.staffId, now.at);
        if (!enrolment) {
            return kiosk::DecisionRefused{request.request, enrolment.error()};
        }
        storage::MemberRecord member;
        member.id = memberId;
        member.displayName = enrolment->displayName;
        member.enrolledOn = enrolment->enrolledOn;
        ruling.record.newMember = member;
        ruling.record.linkedCardKind = toStorageKind(enrol->kind);
        ruling.record.cardToken.clear();  // the card is linked by this very decision
        ruling.record.decision = std::move(enrolment->decision);
    } else {
        storage::AccountReader reader(db_);
        auto account = reader.loadByCardToken(request.cardToken, loyalty::localDate(now.at));
        if (!account || !account->has_value()) {
            return failed;  // the card disappeared between the tap and the decision
        }
        auto kiosk = reader.loadKioskState(!request.offline, now.at);
        if (!kiosk) {
            return failed;
        }
        const loyalty::MemberState& member = (*account)->member;
        const loyalty::CardState& card = (*account)->card;
        const std::string& staff = request.staffId;
        bool storageFailed = false;
        std::visit(
            [&](const auto& what) {
                using T = std::decay_t<decltype(what)>;
                if constexpr (std::is_same_v<T, kiosk::EarnPurchase>) {
                    loyalty::PurchaseRequest purchase{what.amount, {}, staff, request.managerOverride};
                    take(loyalty::EarnCalculator(program_).decide(member, card, purchase, now.at));
                } else if constexpr (std::is_same_v<T, kiosk::RedeemReward>) {
                    take(loyalty::RewardRules(program_).redeem(member, card, kiosk.value(), what.rewardId, staff,
                                                               request.managerOverride, now.at));
                    for (const auto& reward : program_.rewards) {
                        if (reward.id == what.rewardId) {
                            ruling.digitalReward = reward.kind == loyalty::Reward::Kind::Digital;
                        }
                    }
                } else if constexpr (std::is_same_v<T, kiosk::ActivateOffer>) {
                    take(loyalty::OfferRules(program_).activate(member, card, what.offerId, now.at));
                } else if constexpr (std::is_same_v<T, kiosk::ReplaceCard>) {
                    take(loyalty::MembershipRules(program_).replaceCard(member, card, what.newCardToken, staff,
                                                                        what.reason, now.at));
                    ruling.record.linkedCardKind = toStorageKind(what.newKind);
                    ruling.tokenAfter = what.newCardToken;
                } else if constexpr (std::is_same_v<T, kiosk::BlockCard>) {
                    take(loyalty::MembershipRules(program_).blockCard(member, card, staff, what.reason, now.at));
                } else if constexpr (std::is_same_v<T, kiosk::VoidEvent>) {
                    auto target = storage::LedgerRepository(db_).find(what.eventId);
                    if (!target) {
                        storageFailed = true;
                    } else if (!target->has_value()) {
                        ruling.refusal = loyalty::Refusal{loyalty::RefusalCode::NothingToVoid,
                                                          "That transaction is not in this kiosk's ledger."};
                    } else {
                        take(loyalty::Corrections::voidEvent(**target, staff, what.reason, member));
                    }
                } else if constexpr (std::is_same_v<T, kiosk::AdjustPoints>) {
                    take(loyalty::Corrections::adjust(member, card, what.delta, staff, what.reason));
                } else if constexpr (std::is_same_v<T, kiosk::RateVisit>) {
                    take(loyalty::MembershipRules(program_).rate(member, card, what.rating, now.at));
                } else if constexpr (std::is_same_v<T, kiosk::EnrolMember>) {
                    // handled above
                }
            },
            request.what);
        if (storageFailed) {
            return failed;
        }
    }
    if (ruling.refusal) {
        return kiosk::DecisionRefused{request.request, *ruling.refusal};
    }

    auto recorded = recorder_.record(ruling.record);
    if (!recorded) {
        // The code only: the message may name a member or a card.
        std::fprintf(stderr, "loyalty-kiosk: a decision was not recorded (%s); nothing was written\n",
                     storage::errorCodeName(recorded.error().code).c_str());
        return failed;
    }
    kiosk::DecisionRecorded answer;
    answer.request = request.request;
    for (const auto& event : recorded.value()) {
        answer.pointsDelta += event.event.pointsDelta;
        if (ruling.digitalReward && event.event.type == loyalty::EventType::Redeem) {
            answer.rewardCode = rewardCode(event.id);
        }
    }
    auto after = lookup_.snapshot(ruling.tokenAfter, now, !request.offline);
    if (after && after->has_value()) {
        answer.member = std::move(after->value());
    }
    return answer;
}

}  // namespace services
