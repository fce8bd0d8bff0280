#include "sync/ProfileJson.h"

#include <cstdio>
#include <limits>

#include "storage/StoredValues.h"
#include "sync/JsonFields.h"

namespace kiosksync {

namespace {

constexpr std::int64_t kMaxPoints = 1'000'000'000'000'000;

bool digits(const std::string& text, std::size_t from, std::size_t count) {
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9') {
            return false;
        }
    }
    return true;
}

int number(const std::string& text, std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

std::optional<loyalty::Date> ProfileJson::parseDay(const std::string& text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(text, 0, 4) || !digits(text, 5, 2) ||
        !digits(text, 8, 2)) {
        return std::nullopt;
    }
    loyalty::Date date{number(text, 0, 4), static_cast<unsigned>(number(text, 5, 2)),
                       static_cast<unsigned>(number(text, 8, 2))};
    if (!loyalty::isValidDate(date)) {
        return std::nullopt;
    }
    return date;
}

std::string ProfileJson::dayText(const loyalty::Date& date) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", date.year % 10000, date.month % 100, date.day % 100);
    return text;
}

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
    return m;
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
