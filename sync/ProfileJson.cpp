#include "sync/ProfileJson.h"

#include <cstdio>
#include <limits>
#include <set>

#include "storage/StoredValues.h"
#include "sync/JsonFields.h"

namespace kiosksync {

namespace {

constexpr std::int64_t kMaxPoints = 1'000'000'000'000'000;

}  // namespace

std::optional<loyalty::Date> ProfileJson::parseDay(const std::string& text) { return loyalty::parseIsoDate(text); }

std::string ProfileJson::dayText(const loyalty::Date& date) { return loyalty::isoDateText(date); }

ProfileJson::Parsed<storage::MemberRecord> ProfileJson::member(const nlohmann::json& data, const std::string& where) {
    JsonFields f(data, where);
    storage::MemberRecord m;
    m.id = f.nonEmptyText("id");
    m.displayName = f.nonEmptyText("display_name");
    const std::string status = f.has("status") ? f.text("status") : std::string("active");
    const auto parsedStatus = storage::parseMemberStatus(status);
    if (f.ok() && !parsedStatus) {
        f.fail("status", "must be active or blocked");
    }
    m.status = parsedStatus.value_or(loyalty::MemberStatus::Active);
    if (auto month = f.optionalInteger("birthday_month", 1, 12)) {
        m.birthdayMonth = static_cast<unsigned>(*month);
    }
    m.consentMarketing = f.boolean("consent_marketing", false);
    m.homeStore = f.optionalText("home_store");
    const std::string day = f.text("enrolled_day");
    const auto enrolled = parseDay(day);
    if (f.ok() && !enrolled) {
        f.fail("enrolled_day", "must be a date YYYY-MM-DD");
    }
    m.enrolledOn = enrolled.value_or(loyalty::Date{});
    m.confirmedBalance = f.integer("balance", -kMaxPoints, kMaxPoints);
    m.segments = f.textArray("segments");
    if (!f.ok()) {
        return loyalty::unexpected(f.problem());
    }
    auto history = earned(data, where);
    if (!history) {
        return loyalty::unexpected(history.error());
    }
    m.earned = std::move(history.value());
    return m;
}

ProfileJson::Parsed<std::optional<std::vector<loyalty::EarnedEntry>>> ProfileJson::earned(
    const nlohmann::json& data, const std::string& where) {
    JsonFields f(data, where);
    const nlohmann::json* value = f.find("earned");
    if (value == nullptr || value->is_null()) {
        return std::optional<std::vector<loyalty::EarnedEntry>>();  // an older head office: the kiosk keeps its rows
    }
    if (!value->is_array()) {
        f.fail("earned", "must be an array of {\"day\": \"YYYY-MM-DD\", \"points\": n}");
        return loyalty::unexpected(f.problem());
    }
    if (value->size() > kMaxEarnedDays) {
        f.fail("earned", "more than " + std::to_string(kMaxEarnedDays) + " days");
        return loyalty::unexpected(f.problem());
    }
    std::vector<loyalty::EarnedEntry> entries;
    entries.reserve(value->size());
    std::set<std::int64_t> days;
    for (std::size_t i = 0; i < value->size(); ++i) {
        JsonFields entry((*value)[i], where + ".earned[" + std::to_string(i) + "]");
        const std::string text = entry.text("day");
        const auto day = parseDay(text);
        if (entry.ok() && !day) {
            entry.fail("day", "must be a date YYYY-MM-DD");
        }
        const loyalty::Points points = entry.integer("points", 0, kMaxPoints);
        if (entry.ok() && !days.insert(loyalty::daysSinceEpoch(*day)).second) {
            entry.fail("day", text + " appears twice");
        }
        if (!entry.ok()) {
            return loyalty::unexpected(entry.problem());
        }
        entries.push_back(loyalty::EarnedEntry{*day, points});
    }
    return std::optional<std::vector<loyalty::EarnedEntry>>(std::move(entries));
}

ProfileJson::Parsed<storage::CardRecord> ProfileJson::card(const nlohmann::json& data, const std::string& where) {
    JsonFields f(data, where);
    storage::CardRecord c;
    c.token = f.nonEmptyText("token");
    c.memberId = f.nonEmptyText("member_id");
    const std::string kind = f.has("kind") ? f.text("kind") : std::string("uid");
    const auto parsedKind = storage::parseCardKind(kind);
    if (f.ok() && !parsedKind) {
        f.fail("kind", "must be uid, ntag21x or ntag424");
    }
    c.kind = parsedKind.value_or(storage::CardKind::Uid);
    const std::string status = f.has("status") ? f.text("status") : std::string("active");
    const auto parsedStatus = storage::parseCardStatus(status);
    if (f.ok() && !parsedStatus) {
        f.fail("status", "must be active, lost or blocked");
    }
    c.status = parsedStatus.value_or(loyalty::CardStatus::Active);
    if (!f.ok()) {
        return loyalty::unexpected(f.problem());
    }
    return c;
}

ProfileJson::Parsed<storage::StaffRecord> ProfileJson::staff(const nlohmann::json& data, const std::string& where) {
    JsonFields f(data, where);
    storage::StaffRecord s;
    s.id = f.nonEmptyText("id");
    s.displayName = f.nonEmptyText("display_name");
    const std::string role = f.text("role");
    const auto parsedRole = storage::parseStaffRole(role);
    if (f.ok() && !parsedRole) {
        f.fail("role", "must be cashier, manager or technician");
    }
    s.role = parsedRole.value_or(storage::StaffRole::Cashier);
    s.pinHash = f.optionalText("pin_hash");
    s.cardToken = f.optionalText("card_token");
    s.active = f.boolean("active", true);
    if (!f.ok()) {
        return loyalty::unexpected(f.problem());
    }
    return s;
}

nlohmann::json ProfileJson::enrolProfile(const storage::MemberRecord& m) {
    nlohmann::json profile = nlohmann::json::object();
    profile["id"] = m.id;
    profile["display_name"] = m.displayName;
    profile["status"] = std::string(storage::memberStatusName(m.status));
    profile["birthday_month"] = m.birthdayMonth ? nlohmann::json(*m.birthdayMonth) : nlohmann::json(nullptr);
    profile["consent_marketing"] = m.consentMarketing;
    profile["home_store"] = m.homeStore ? nlohmann::json(*m.homeStore) : nlohmann::json(nullptr);
    profile["enrolled_day"] = dayText(m.enrolledOn);
    profile["segments"] = m.segments;
    return profile;
}

}  // namespace kiosksync
