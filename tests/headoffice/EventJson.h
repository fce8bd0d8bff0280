#pragma once
// Events as a kiosk uploads them (storage/EventPayload.cpp's fields), for
// building request bodies in tests.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace hotest {

class EventJson {
public:
    // A well-formed event of `type` for `member` (card u:04A1B2C3 unless changed).
    static nlohmann::json make(const std::string& id, const std::string& type, const std::string& member,
                               std::int64_t points, const std::string& kiosk = "demo-kiosk", std::int64_t seq = 1);
    static nlohmann::json earn(const std::string& id, const std::string& member, std::int64_t points,
                               const std::string& kiosk = "demo-kiosk");
    static nlohmann::json redeem(const std::string& id, const std::string& member, std::int64_t points,
                                 const std::string& reward = "free-coffee", const std::string& kiosk = "demo-kiosk");
    static nlohmann::json voidOf(const std::string& id, const std::string& target, const std::string& member,
                                 std::int64_t points);
    static nlohmann::json enrol(const std::string& id, const std::string& member, const std::string& name);
    static nlohmann::json cardEvent(const std::string& id, const std::string& type, const std::string& member,
                                    const std::string& card);

    static std::string batch(const std::vector<nlohmann::json>& events, const std::string& kiosk = "demo-kiosk");
    // "0193b6a0-0000-7000-8000-" + 12 digits of n.
    static std::string id(std::int64_t n);
};

}  // namespace hotest
