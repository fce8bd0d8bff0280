#pragma once
// LookupCard, answered from the kiosk's own database: a staff card, a
// member's card (with the member, the card, the kiosk's offline state and
// recent history), an unknown card, or a card that must be refused (lost,
// blocked, member blocked). Any storage failure answers LookupFailed, never
// a guess.

#include <cstddef>
#include <optional>
#include <string_view>

#include "kiosk/Effects.h"
#include "kiosk/Messages.h"
#include "storage/Database.h"
#include "storage/RecordTime.h"
#include "storage/StoredValues.h"

namespace services {

class AccountLookup {
public:
    explicit AccountLookup(storage::Database& db, std::size_t historyRows = 20)
        : db_(db), historyRows_(historyRows) {}

    kiosk::CardLookedUp lookup(const kiosk::LookupCard& request, const storage::RecordTime& now, bool online);

    // The member behind a card as the screens show it (read again after a
    // decision is recorded). nullopt when no member card has this token.
    storage::Result<std::optional<kiosk::MemberSnapshot>> snapshot(std::string_view token,
                                                                   const storage::RecordTime& now, bool online);

private:
    storage::Database& db_;
    std::size_t historyRows_;
};

kiosk::StaffRole toFlowRole(storage::StaffRole role);

}  // namespace services
