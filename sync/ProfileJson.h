#pragma once
// Head office's records as JSON (docs/sync-protocol.md, "Kinds and their
// data") to storage's structs and back: a member, a card, a staff member.
// Shared by the change feed, the card lookup and the enrolment upload.
// Internal to sync/.

#include <nlohmann/json.hpp>
#include <string>

#include "loyalty/Expected.h"
#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"
#include "storage/StaffRepository.h"

namespace kiosksync {

class ProfileJson {
public:
    template <class T>
    using Parsed = loyalty::Expected<T, std::string>;  // the error names the field

    // `balance` becomes confirmedBalance (head office's authoritative figure).
    static Parsed<storage::MemberRecord> member(const nlohmann::json& data, const std::string& where);
    static Parsed<storage::CardRecord> card(const nlohmann::json& data, const std::string& where);
    static Parsed<storage::StaffRecord> staff(const nlohmann::json& data, const std::string& where);

    // The new member's profile an enrol event carries in "member" (no balance:
    // head office starts it at 0 and the events move it).
    static nlohmann::json enrolProfile(const storage::MemberRecord& member);

    // "2024-03-01" <-> loyalty::Date.
    static std::string dayText(const loyalty::Date& date);
    static std::optional<loyalty::Date> parseDay(const std::string& text);
};

}  // namespace kiosksync
