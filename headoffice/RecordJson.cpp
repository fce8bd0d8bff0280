#include "headoffice/RecordJson.h"

#include <nlohmann/json.hpp>

#include "headoffice/JsonText.h"

namespace headoffice {

std::string RecordJson::member(const Member& m) {
    std::string out;
    out.reserve(256);
    out += "{\"id\":";
    JsonText::string(out, m.id);
    out += ",\"display_name\":";
    JsonText::string(out, m.displayName);
    out += ",\"status\":";
    JsonText::string(out, m.status);
    out += ",\"birthday_month\":";
    JsonText::optionalInteger(out, m.birthdayMonth);
    out += ",\"consent_marketing\":";
    out += m.consentMarketing ? "true" : "false";
    out += ",\"home_store\":";
    JsonText::optionalString(out, m.homeStore);
    out += ",\"enrolled_day\":";
    JsonText::string(out, m.enrolledDay);
    out += ",\"balance\":" + std::to_string(m.balance) + ",\"segments\":" + segmentsText(m.segments);
    out += ",\"earned\":" + earnedText(m.earned) + "}";
    return out;
}

std::string RecordJson::card(const Card& c) {
    std::string out = "{\"token\":";
    JsonText::string(out, c.token);
    out += ",\"member_id\":";
    JsonText::string(out, c.memberId);
    out += ",\"kind\":";
    JsonText::string(out, c.kind);
    out += ",\"status\":";
    JsonText::string(out, c.status);
    return out + "}";
}

std::string RecordJson::staff(const Staff& s) {
    std::string out = "{\"id\":";
    JsonText::string(out, s.id);
    out += ",\"display_name\":";
    JsonText::string(out, s.displayName);
    out += ",\"role\":";
    JsonText::string(out, s.role);
    out += ",\"pin_hash\":";
    JsonText::optionalString(out, s.pinHash);
    out += ",\"card_token\":";
    JsonText::optionalString(out, s.cardToken);
    out += ",\"active\":";
    out += s.active ? "true" : "false";
    return out + "}";
}

std::string RecordJson::catalogue(const CatalogueItem& item) {
    std::string out = "{\"kind\":";
    JsonText::string(out, item.kind);
    out += ",\"id\":";
    JsonText::string(out, item.id);
    out += ",\"body\":" + (item.body.empty() ? std::string("{}") : item.body) + "}";
    return out;
}

std::string RecordJson::rewardTotal(const RewardTotal& t) {
    std::string out = "{\"reward_id\":";
    JsonText::string(out, t.rewardId);
    return out + ",\"redeemed\":" + std::to_string(t.redeemed) + "}";
}

Change RecordJson::upsert(const char* kind, const std::string& id, const std::string& data) {
    std::string entry = std::string("{\"kind\":\"") + kind + "\",\"op\":\"upsert\",\"id\":";
    JsonText::string(entry, id);
    entry += ",\"data\":" + data + "}";
    return Change{kind, "upsert", id, std::move(entry)};
}

Change RecordJson::memberChange(const Member& m) { return upsert("member", m.id, member(m)); }
Change RecordJson::cardChange(const Card& c) { return upsert("card", c.token, card(c)); }
Change RecordJson::staffChange(const Staff& s) { return upsert("staff", s.id, staff(s)); }
Change RecordJson::catalogueChange(const CatalogueItem& item) {
    return upsert("catalogue", item.kind + ":" + item.id, catalogue(item));
}
Change RecordJson::rewardTotalChange(const RewardTotal& t) { return upsert("reward_total", t.rewardId, rewardTotal(t)); }

std::string RecordJson::segmentsText(const std::vector<std::string>& segments) {
    std::string out = "[";
    for (std::size_t i = 0; i < segments.size(); ++i) {
        if (i > 0) {
            out.push_back(',');
        }
        JsonText::string(out, segments[i]);
    }
    return out + "]";
}

std::string RecordJson::earnedText(const std::vector<EarnedDay>& earned) {
    std::string out = "[";
    out.reserve(2 + earned.size() * 34);
    for (std::size_t i = 0; i < earned.size(); ++i) {
        out += i == 0 ? "{\"day\":" : ",{\"day\":";
        JsonText::string(out, earned[i].day);
        out += ",\"points\":" + std::to_string(earned[i].points) + "}";
    }
    return out + "]";
}

std::vector<std::string> RecordJson::segmentsFrom(const std::string& text) {
    std::vector<std::string> out;
    if (text == "[]") {
        return out;
    }
    const auto parsed = nlohmann::json::parse(text, nullptr, false);
    if (parsed.is_array()) {
        for (const auto& item : parsed) {
            if (item.is_string()) {
                out.push_back(item.get<std::string>());
            }
        }
    }
    return out;
}

}  // namespace headoffice
