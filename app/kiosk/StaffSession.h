#pragma once
// A member of staff logged in at the kiosk, and what their role lets them do:
// cashiers award, redeem, enrol, replace and block; managers also void and
// adjust (and release velocity holds); technicians see the technician screen
// and nothing of the customers'.

#include <string>

#include "kiosk/Intent.h"
#include "kiosk/Messages.h"

namespace kiosk {

class StaffSession {
public:
    StaffSession(std::string staffId, std::string displayName, StaffRole role)
        : staffId_(std::move(staffId)), displayName_(std::move(displayName)), role_(role) {}

    const std::string& staffId() const { return staffId_; }
    const std::string& displayName() const { return displayName_; }
    StaffRole role() const { return role_; }

    // Role gating only; whether the action fits the customer in hand is the
    // flow's business.
    bool may(StaffAction action) const;
    bool isManager() const { return role_ == StaffRole::Manager; }
    bool isTechnician() const { return role_ == StaffRole::Technician; }

private:
    std::string staffId_;
    std::string displayName_;
    StaffRole role_;
};

}  // namespace kiosk
