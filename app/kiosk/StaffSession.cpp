#include "kiosk/StaffSession.h"

namespace kiosk {

bool StaffSession::may(StaffAction action) const {
    switch (role_) {
        case StaffRole::Technician:
            return false;
        case StaffRole::Manager:
            return true;
        case StaffRole::Cashier:
            return action != StaffAction::Void && action != StaffAction::Adjust;
    }
    return false;
}

}  // namespace kiosk
