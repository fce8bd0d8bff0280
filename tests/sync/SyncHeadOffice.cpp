#include "sync/SyncHeadOffice.h"

#include <httplib.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "headoffice/Loader.h"
#include "headoffice/SqliteStore.h"
#include "storage/Uuid.h"

namespace synctest {

namespace {

[[noreturn]] void die(const std::string& what) {
    std::fprintf(stderr, "sync test set-up failed: %s\n", what.c_str());
    std::abort();
}

// cpp-httplib keeps function-local statics that live until exit; made here,
// before main, CppUTest does not charge them to the first test as leaks.
struct HttplibWarmUp {
    HttplibWarmUp() {
        httplib::Server server;
        server.Get("/", [](const httplib::Request&, httplib::Response& res) { res.set_content("{}", "text/plain"); });
        const int port = server.bind_to_any_port("127.0.0.1");
        if (port <= 0) {
            return;
        }
        std::thread loop([&server] { server.listen_after_bind(); });
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!server.is_running() && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
        httplib::Client client("127.0.0.1", port);
        client.Get("/");
        client.Post("/", "{}", "application/json");
        server.stop();
        loop.join();
    }
};
const HttplibWarmUp warmUp;

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::string loadFile(int members) {
    nlohmann::json file;
    file["members"] = nlohmann::json::array();
    file["cards"] = nlohmann::json::array();
    for (int i = 1; i <= members; ++i) {
        file["members"].push_back({{"id", memberId(i)},
                                   {"display_name", "Member"},
                                   {"status", "active"},
                                   {"birthday_month", 1 + i % 12},
                                   {"consent_marketing", i % 2 == 0},
                                   {"home_store", nullptr},
                                   {"enrolled_day", "2024-03-01"},
                                   {"balance", 100 * i},
                                   {"segments", i % 3 == 0 ? nlohmann::json::array({"coffee"})
                                                           : nlohmann::json::array()}});
        file["cards"].push_back({{"token", cardToken(i)}, {"member_id", memberId(i)}, {"kind", "uid"},
                                 {"status", "active"}});
    }
    file["staff"] = nlohmann::json::array(
        {{{"id", "s-anna"}, {"display_name", "Anna"}, {"role", "cashier"}, {"pin_hash", nullptr},
          {"card_token", nullptr}, {"active", true}},
         {{"id", "s-marco"}, {"display_name", "Marco"}, {"role", "manager"}, {"pin_hash", nullptr},
          {"card_token", "u:STAFF0001"}, {"active", true}}});
    file["catalogue"] = nlohmann::json::array(
        {{{"kind", "reward"}, {"id", "coffee"}, {"body", {{"id", "coffee"}, {"name", "Coffee"}, {"cost", 50}}}},
         {{"kind", "tier"}, {"id", "gold"}, {"body", {{"id", "gold"}, {"name", "Gold"}, {"threshold", 2000}}}}});
    file["reward_totals"] = nlohmann::json::array({{{"reward_id", "coffee"}, {"redeemed", 7}}});
    file["kiosks"] = nlohmann::json::array({{{"id", kKioskA}, {"token", kTokenA}},
                                            {{"id", kKioskB}, {"token", kTokenB}},
                                            {{"id", kKioskC}, {"token", kTokenC}}});
    return file.dump();
}

}  // namespace

std::string memberId(int i) { return "m-" + std::to_string(i); }

std::string cardToken(int i) {
    char text[16];
    std::snprintf(text, sizeof text, "u:%08X", static_cast<unsigned>(i));
    return text;
}

SyncHeadOffice::SyncHeadOffice(int members) {
    auto store = headoffice::SqliteStore::open(dir_.file("headoffice.db"));
    if (!store) {
        die("head office store: " + store.error().message);
    }
    store_ = std::move(*store);
    load(loadFile(members));
    headoffice::ServerOptions options;
    options.listen = headoffice::ListenAddress{"127.0.0.1", 0};
    server_ = std::make_unique<headoffice::HttpServer>(*store_, options, [] { return nowMs(); });
    auto port = server_->bind();
    if (!port) {
        die("head office bind: " + port.error().message);
    }
    port_ = *port;
    thread_ = std::thread([this] { server_->run(); });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server_->running() && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
}

SyncHeadOffice::~SyncHeadOffice() {
    server_->stop();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void SyncHeadOffice::load(const std::string& json) {
    auto loaded = headoffice::Loader(*store_, nowMs()).load(json);
    if (!loaded) {
        die("head office load: " + loaded.error().message);
    }
}

std::int64_t SyncHeadOffice::balance(const std::string& id) {
    auto member = store_->member(id);
    if (!member || !*member) {
        die("head office has no member " + id);
    }
    return (*member)->balance;
}

std::int64_t SyncHeadOffice::lastChange() {
    auto counts = store_->counts();
    if (!counts) {
        die("head office counts: " + counts.error().message);
    }
    return counts->lastChange;
}

std::int64_t SyncHeadOffice::events() {
    auto counts = store_->counts();
    if (!counts) {
        die("head office counts: " + counts.error().message);
    }
    return counts->events;
}

bool SyncHeadOffice::stored(const std::string& eventId) {
    auto event = store_->event(eventId);
    return event && event->has_value();
}

bool SyncHeadOffice::accepted(const std::string& eventId) {
    auto event = store_->event(eventId);
    return event && event->has_value() && (*event)->status == headoffice::EventStatus::Accepted;
}

std::vector<std::string> SyncHeadOffice::postFromKioskB(const std::vector<std::string>& memberIds,
                                                        const std::string& type, std::int64_t points) {
    nlohmann::json events = nlohmann::json::array();
    for (const auto& member : memberIds) {
        auto id = storage::Uuid::random();
        if (!id) {
            die("uuid");
        }
        events.push_back({{"id", id->text()},
                          {"kiosk_id", kKioskB},
                          {"seq", ++kioskBSeq_},
                          {"type", type},
                          {"member_id", member},
                          {"card", nullptr},
                          {"points_delta", points},
                          {"purchase_amount", type == "earn" ? points * 100 : 0},
                          {"reward_id", type == "redeem" ? nlohmann::json("coffee") : nlohmann::json(nullptr)},
                          {"reason", type == "earn" ? "Purchase" : "Reward: coffee"},
                          {"wall_time", nowMs()},
                          {"utc_offset", 0},
                          {"monotonic_ns", 1}});
    }
    httplib::Client client("127.0.0.1", port_);
    httplib::Headers headers = {{"Authorization", std::string("Bearer ") + kTokenB}};
    nlohmann::json body = {{"kiosk_id", kKioskB}, {"events", events}};
    auto result = client.Post("/v1/events", headers, body.dump(), "application/json");
    if (!result || result->status != 200) {
        die("kiosk B upload: " + (result ? std::to_string(result->status) + " " + result->body : "no answer"));
    }
    std::vector<std::string> statuses;
    const auto answer = nlohmann::json::parse(result->body);
    for (std::size_t i = 0; i < memberIds.size(); ++i) {
        statuses.push_back(answer["results"][i]["status"].get<std::string>());
        if (statuses.back() == "accepted") {
            kioskBEarned_.emplace_back(memberIds[i], points);
        }
    }
    return statuses;
}

int SyncHeadOffice::earnFromKioskB(const std::vector<std::string>& memberIds, std::int64_t points) {
    postFromKioskB(memberIds, "earn", points);
    return static_cast<int>(memberIds.size());
}

bool SyncHeadOffice::redeemFromKioskB(const std::string& member, std::int64_t cost) {
    return postFromKioskB({member}, "redeem", -cost).front() == "accepted";
}

std::int64_t SyncHeadOffice::kioskBPoints(const std::string& member) const {
    std::int64_t sum = 0;
    for (const auto& [id, points] : kioskBEarned_) {
        if (id == member) {
            sum += points;
        }
    }
    return sum;
}

}  // namespace synctest
