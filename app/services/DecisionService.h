#pragma once
// RecordDecision, executed: read the account again (the flow's copy may be
// seconds old), ask the loyalty rules with that fresh state, record what
// they decide in one transaction (storage::DecisionRecorder) and read the
// account again for the screen. The rules' refusal comes back as
// DecisionRefused (with its code and message); anything technical (disk
// full, busy, a constraint) as DecisionFailed with nothing written.

#include <functional>
#include <string>

#include "kiosk/Effects.h"
#include "kiosk/Messages.h"
#include "loyalty/Program.h"
#include "services/AccountLookup.h"
#include "storage/Database.h"
#include "storage/DecisionRecorder.h"
#include "storage/RecordTime.h"

namespace services {

using DecisionAnswer = std::variant<kiosk::DecisionRecorded, kiosk::DecisionRefused, kiosk::DecisionFailed>;

class DecisionService {
public:
    // program must outlive the service. newMemberId makes the id of an
    // enrolled member (default "m-" + a random UUID).
    DecisionService(storage::Database& db, const loyalty::Program& program,
                    std::function<std::string()> newMemberId = {});

    DecisionAnswer record(const kiosk::RecordDecision& request, const storage::RecordTime& now);

    // The one-time code a digital reward shows as a QR code: derived from
    // the Redeem event's id (its random part), so head office can find the
    // redemption it stands for. "R-" + 12 upper-case hex digits.
    static std::string rewardCode(const std::string& eventId);

private:
    struct Prepared;

    DecisionAnswer decideAndRecord(const kiosk::RecordDecision& request, const storage::RecordTime& now);

    storage::Database& db_;
    const loyalty::Program& program_;
    std::function<std::string()> newMemberId_;
    storage::DecisionRecorder recorder_;
    AccountLookup lookup_;
};

}  // namespace services
