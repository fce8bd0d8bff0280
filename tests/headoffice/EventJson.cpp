#include "tests/headoffice/EventJson.h"

#include <cstdio>

namespace hotest {

nlohmann::json EventJson::make(const std::string& id, const std::string& type, const std::string& member,
                               std::int64_t points, const std::string& kiosk, std::int64_t seq) {
    return {{"id", id},
            {"kiosk_id", kiosk},
            {"seq", seq},
            {"type", type},
            {"member_id", member},
            {"card", "u:04A1B2C3"},
            {"points_delta", points},
            {"purchase_amount", type == "earn" ? points * 100 : 0},
            {"reward_id", nullptr},
            {"offer_id", nullptr},
            {"stamp_card_id", nullptr},
            {"stamps", 0},
            {"rating", 0},
            {"staff_id", "s-anna"},
            {"reason", "test " + type},
            {"voids_event_id", nullptr},
            {"wall_time", 1795000000000},
            {"utc_offset", 3600},
            {"monotonic_ns", 1}};
}

nlohmann::json EventJson::earn(const std::string& id, const std::string& member, std::int64_t points,
                               const std::string& kiosk) {
    return make(id, "earn", member, points, kiosk);
}

nlohmann::json EventJson::redeem(const std::string& id, const std::string& member, std::int64_t points,
                                 const std::string& reward, const std::string& kiosk) {
    auto e = make(id, "redeem", member, -points, kiosk);
    e["reward_id"] = reward;
    return e;
}

nlohmann::json EventJson::voidOf(const std::string& id, const std::string& target, const std::string& member,
                                 std::int64_t points) {
    auto e = make(id, "void", member, points);
    e["voids_event_id"] = target;
    return e;
}

nlohmann::json EventJson::enrol(const std::string& id, const std::string& member, const std::string& name) {
    auto e = make(id, "enrol", member, 0);
    e["card"] = "u:0EEEEEEE";
    e["member"] = {{"display_name", name}, {"birthday_month", 7}, {"consent_marketing", true}};
    return e;
}

nlohmann::json EventJson::cardEvent(const std::string& id, const std::string& type, const std::string& member,
                                    const std::string& card) {
    auto e = make(id, type, member, 0);
    e["card"] = card;
    return e;
}

std::string EventJson::batch(const std::vector<nlohmann::json>& events, const std::string& kiosk) {
    return nlohmann::json{{"kiosk_id", kiosk}, {"events", events}}.dump();
}

std::string EventJson::id(std::int64_t n) {
    char text[64];
    std::snprintf(text, sizeof text, "0193b6a0-0000-7000-8000-%012lld", static_cast<long long>(n));
    return text;
}

}  // namespace hotest
