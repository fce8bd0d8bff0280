#pragma once
// Head office's records as JSON (docs/sync-protocol.md, "Kinds and their
// data") to storage's structs and back: a member, a card, a staff member.
// Shared by the change feed, the card lookup and the enrolment upload.
// Internal to sync/.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "loyalty/Expected.h"
#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"
#include "storage/StaffRepository.h"

namespace kiosksync {

class ProfileJson {
public:
    template <class T>
    using Parsed = loyalty::Expected<T, std::string>;  // the error names the field

    // Most days an "earned" history may hold (head office sends at most 368).
    static constexpr std::size_t kMaxEarnedDays = 400;

    // `balance` becomes confirmedBalance (head office's authoritative
    // figure); "earned" (points earned per day: at most kMaxEarnedDays
    // entries, each a valid "day" given once and "points" >= 0) becomes
    // MemberRecord::earned, which stays nullopt when the record has none
    // (an older head office) or it is null. A malformed history refuses the
    // whole record, naming the entry: "member.earned[3].day: ...".
    static Parsed<storage::MemberRecord> member(const nlohmann::json& data, const std::string& where);
    static Parsed<storage::CardRecord> card(const nlohmann::json& data, const std::string& where);
    static Parsed<storage::StaffRecord> staff(const nlohmann::json& data, const std::string& where);

    // The new member's profile an enrol event carries in "member" (no balance:
    // head office starts it at 0 and the events move it).
    static nlohmann::json enrolProfile(const storage::MemberRecord& member);

    // "2024-03-01" <-> loyalty::Date.
    static std::string dayText(const loyalty::Date& date);
    static std::optional<loyalty::Date> parseDay(const std::string& text);

private:
    static Parsed<std::optional<std::vector<loyalty::EarnedEntry>>> earned(const nlohmann::json& data,
                                                                           const std::string& where);
};

}  // namespace kiosksync
