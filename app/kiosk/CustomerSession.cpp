#include "kiosk/CustomerSession.h"

#include <utility>

namespace kiosk {

CustomerSession CustomerSession::forMember(const CardTapped& card, MemberSnapshot snapshot) {
    CustomerSession session(card);
    session.snapshot_ = std::move(snapshot);
    return session;
}

CustomerSession CustomerSession::forUnknownCard(const CardTapped& card) { return CustomerSession(card); }

const std::string& CustomerSession::memberId() const {
    static const std::string kNone;
    return snapshot_ ? snapshot_->member.memberId : kNone;
}

const HistoryEntry* CustomerSession::lastVoidable() const {
    if (!snapshot_) {
        return nullptr;
    }
    for (const auto& entry : snapshot_->history) {
        if (entry.voided) {
            continue;
        }
        switch (entry.type) {
            case loyalty::EventType::Earn:
            case loyalty::EventType::Redeem:
            case loyalty::EventType::Adjust:
            case loyalty::EventType::Stamp:
                return &entry;
            default:
                break;
        }
    }
    return nullptr;
}

std::string CustomerSession::firstName() const {
    if (!snapshot_) {
        return {};
    }
    const std::string& name = snapshot_->member.displayName;
    const auto start = name.find_first_not_of(" \t");
    if (start == std::string::npos) {
        return {};
    }
    const auto end = name.find_first_of(" \t", start);
    return name.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace kiosk
