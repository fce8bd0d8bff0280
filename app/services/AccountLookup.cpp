#include "services/AccountLookup.h"

#include "storage/AccountReader.h"
#include "storage/LedgerRepository.h"
#include "storage/Rows.h"
#include "storage/StaffRepository.h"

namespace services {
namespace {

kiosk::HistoryEntry toFlowEntry(const storage::HistoryEntry& stored) {
    kiosk::HistoryEntry entry;
    entry.eventId = stored.eventId;
    entry.type = stored.type;
    entry.points = stored.pointsDelta;
    entry.reason = stored.reason;
    entry.on = loyalty::localDate(stored.at);
    entry.voided = stored.voided;
    return entry;
}

}  // namespace

kiosk::StaffRole toFlowRole(storage::StaffRole role) {
    switch (role) {
        case storage::StaffRole::Manager: return kiosk::StaffRole::Manager;
        case storage::StaffRole::Technician: return kiosk::StaffRole::Technician;
        case storage::StaffRole::Cashier: break;
    }
    return kiosk::StaffRole::Cashier;
}

storage::Result<std::optional<kiosk::MemberSnapshot>> AccountLookup::snapshot(std::string_view token,
                                                                              const storage::RecordTime& now,
                                                                              bool online) {
    storage::AccountReader reader(db_);
    auto account = reader.loadByCardToken(token, loyalty::localDate(now.at));
    if (!account) {
        return storage::failure(account);
    }
    if (!account->has_value()) {
        return std::optional<kiosk::MemberSnapshot>();
    }
    auto kiosk = reader.loadKioskState(online, now.at);
    if (!kiosk) {
        return storage::failure(kiosk);
    }
    auto history = storage::LedgerRepository(db_).history((*account)->memberId, historyRows_);
    if (!history) {
        return storage::failure(history);
    }
    kiosk::MemberSnapshot snapshot;
    snapshot.member = std::move((*account)->member);
    snapshot.card = std::move((*account)->card);
    snapshot.kiosk = std::move(kiosk.value());
    snapshot.history.reserve(history->size());
    for (const auto& entry : history.value()) {
        snapshot.history.push_back(toFlowEntry(entry));
    }
    return std::optional<kiosk::MemberSnapshot>(std::move(snapshot));
}

kiosk::CardLookedUp AccountLookup::lookup(const kiosk::LookupCard& request, const storage::RecordTime& now,
                                          bool online) {
    kiosk::CardLookedUp answer;
    answer.request = request.request;
    answer.result = kiosk::LookupFailed{};

    auto staff = storage::StaffRepository(db_).findByCardToken(request.token);
    if (!staff) {
        return answer;
    }
    if (staff->has_value()) {
        const storage::StaffRecord& record = **staff;
        if (!record.active) {
            answer.result = kiosk::RefusedCard{kiosk::CardRefusalReason::Blocked};
        } else {
            answer.result = kiosk::StaffCard{record.id, record.displayName, toFlowRole(record.role)};
        }
        return answer;
    }

    auto member = snapshot(request.token, now, online);
    if (!member) {
        return answer;
    }
    if (!member->has_value()) {
        answer.result = kiosk::UnknownCard{};
        return answer;
    }
    const kiosk::MemberSnapshot& found = **member;
    if (found.card.status == loyalty::CardStatus::Lost) {
        answer.result = kiosk::RefusedCard{kiosk::CardRefusalReason::Lost};
    } else if (found.card.status == loyalty::CardStatus::Blocked) {
        answer.result = kiosk::RefusedCard{kiosk::CardRefusalReason::Blocked};
    } else if (found.member.status == loyalty::MemberStatus::Blocked) {
        answer.result = kiosk::RefusedCard{kiosk::CardRefusalReason::MemberBlocked};
    } else {
        answer.result = std::move(member->value());
    }
    return answer;
}

}  // namespace services
