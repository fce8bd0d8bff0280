#include "headoffice/LoadFile.h"

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>

#include "headoffice/CalendarDay.h"
#include "headoffice/EventParser.h"
#include "headoffice/FieldReader.h"
#include "headoffice/IngestRules.h"
#include "headoffice/JsonBody.h"
#include "headoffice/TokenHash.h"

namespace headoffice {

namespace {

const char* const kSections[] = {"members", "cards", "staff", "catalogue", "reward_totals", "kiosks", "description"};

class Problems {
public:
    void add(std::string line) {
        ++count_;
        if (lines_.size() < LoadFile::kMaxReportedErrors) {
            lines_.push_back(std::move(line));
        }
    }
    bool empty() const { return count_ == 0; }
    std::string text() const {
        std::string out;
        for (const auto& line : lines_) {
            out += (out.empty() ? "" : "\n") + line;
        }
        if (count_ > lines_.size()) {
            out += "\n... and " + std::to_string(count_ - lines_.size()) + " more";
        }
        return out;
    }

private:
    std::vector<std::string> lines_;
    std::size_t count_ = 0;
};

std::string label(const char* section, std::size_t index, const nlohmann::json& entry, const char* key) {
    std::string text = std::string(section) + "[" + std::to_string(index) + "]";
    if (entry.is_object()) {
        const auto it = entry.find(key);
        if (it != entry.end() && it->is_string() && FieldReader::isId(it->get<std::string>())) {
            text += std::string(" (") + key + " \"" + it->get<std::string>() + "\")";
        }
    }
    return text;
}

bool isHex64(const std::string& text) {
    if (text.size() != 64) {
        return false;
    }
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

// A member's opening earning history: [{"day": "YYYY-MM-DD" or "days_ago": N,
// "points": N}, ...], days_ago counted back from `today` (head office's UTC
// day at load time), so a file stays current however old it is.
std::vector<EarnedDay> readEarned(FieldReader& r, const nlohmann::json& entry, std::int64_t today) {
    std::vector<EarnedDay> out;
    if (!r.ok() || !entry.is_object()) {
        return out;
    }
    const auto it = entry.find("earned");
    if (it == entry.end() || it->is_null()) {
        return out;
    }
    if (!it->is_array()) {
        r.fail("earned", "must be an array of {\"day\" or \"days_ago\", \"points\"}");
        return out;
    }
    if (it->size() > LoadFile::kMaxEarnedDays) {
        r.fail("earned", "more than " + std::to_string(LoadFile::kMaxEarnedDays) + " days");
        return out;
    }
    std::set<std::string> days;
    for (std::size_t i = 0; i < it->size() && r.ok(); ++i) {
        FieldReader item((*it)[i]);
        item.rejectUnknownKeys({"day", "days_ago", "points"});
        const auto day = item.optionalDay("day");
        const auto daysAgo = item.optionalInt("days_ago", 0, LoadFile::kMaxDaysAgo);
        const std::int64_t points = item.requiredInt("points", 1, EventParser::kMaxPoints);
        if (item.ok() && day.has_value() == daysAgo.has_value()) {
            item.fail("day", "give exactly one of day and days_ago");
        }
        const std::string resolved = day ? *day : CalendarDay::text(today - daysAgo.value_or(0));
        if (item.ok() && !days.insert(resolved).second) {
            item.fail(day ? "day" : "days_ago", resolved + " appears twice");
        }
        if (!item.ok()) {
            r.fail("earned[" + std::to_string(i) + "]", item.error());
            break;
        }
        out.push_back(EarnedDay{resolved, points});
    }
    std::sort(out.begin(), out.end(), [](const EarnedDay& a, const EarnedDay& b) { return a.day < b.day; });
    return out;
}

Member readMember(FieldReader& r, const nlohmann::json& entry, std::int64_t today) {
    r.rejectUnknownKeys({"id", "display_name", "status", "birthday_month", "consent_marketing", "home_store",
                         "enrolled_day", "balance", "segments", "earned"});
    Member m;
    m.id = r.requiredId("id");
    m.displayName = r.requiredText("display_name", 64);
    m.status = r.choice("status", {"active", "blocked"}, "active");
    m.birthdayMonth = r.optionalInt("birthday_month", 1, 12);
    m.consentMarketing = r.optionalBool("consent_marketing", false);
    m.homeStore = r.optionalId("home_store");
    const auto day = r.optionalDay("enrolled_day");
    if (!day && r.ok()) {
        r.fail("enrolled_day", "missing");
    }
    m.enrolledDay = day.value_or(std::string());
    m.balance = r.optionalInt("balance", 0, 1'000'000'000'000).value_or(0);
    m.segments = r.idArray("segments");
    m.earned = readEarned(r, entry, today);
    return m;
}

Card readCard(FieldReader& r) {
    r.rejectUnknownKeys({"token", "member_id", "kind", "status"});
    Card c;
    c.token = r.requiredId("token");
    c.memberId = r.requiredId("member_id");
    c.kind = r.choice("kind", {"uid", "ntag21x", "ntag424"}, IngestRules::kindFromToken(c.token).c_str());
    c.status = r.choice("status", {"active", "lost", "blocked"}, "active");
    return c;
}

Staff readStaff(FieldReader& r) {
    r.rejectUnknownKeys({"id", "display_name", "role", "pin_hash", "card_token", "active"});
    Staff s;
    s.id = r.requiredId("id");
    s.displayName = r.requiredText("display_name", 64);
    if (!r.has("role") && r.ok()) {
        r.fail("role", "missing");
    }
    s.role = r.choice("role", {"cashier", "manager", "technician"}, "cashier");
    s.pinHash = r.optionalText("pin_hash", 200);
    if (r.ok() && s.pinHash && s.pinHash->rfind("$argon2id$", 0) != 0) {
        r.fail("pin_hash", "must be an Argon2id string ($argon2id$...) or null");
    }
    s.cardToken = r.optionalId("card_token");
    s.active = r.optionalBool("active", true);
    return s;
}

CatalogueItem readCatalogue(FieldReader& r, const nlohmann::json& entry) {
    r.rejectUnknownKeys({"kind", "id", "body"});
    CatalogueItem item;
    if (!r.has("kind") && r.ok()) {
        r.fail("kind", "missing");
    }
    item.kind = r.choice("kind", {"tier", "reward", "offer", "promotion", "stamp_card"}, "reward");
    item.id = r.requiredId("id");
    const nlohmann::json* body = r.optionalObject("body");
    if (body == nullptr && r.ok()) {
        r.fail("body", "missing (the item as in assets/program.toml, as a JSON object)");
    }
    if (body != nullptr && r.ok()) {
        const auto id = body->find("id");
        if (id != body->end() && (!id->is_string() || id->get<std::string>() != item.id)) {
            r.fail("body.id", "differs from the entry's id");
        }
        item.body = JsonBody::dump(*body);
    }
    (void)entry;
    return item;
}

RewardTotal readRewardTotal(FieldReader& r) {
    r.rejectUnknownKeys({"reward_id", "redeemed"});
    RewardTotal t;
    t.rewardId = r.requiredId("reward_id");
    t.redeemed = r.requiredInt("redeemed", 0, 1'000'000'000);
    return t;
}

Kiosk readKiosk(FieldReader& r) {
    r.rejectUnknownKeys({"id", "token", "token_sha256"});
    Kiosk k;
    k.id = r.requiredId("id");
    const auto token = r.optionalText("token", 200);
    const auto hash = r.optionalText("token_sha256", 64);
    if (!r.ok()) {
        return k;
    }
    if (token.has_value() == hash.has_value()) {
        r.fail("token", "give exactly one of token and token_sha256");
    } else if (token) {
        if (token->size() < LoadFile::kMinTokenBytes || !TokenHash::isPrintable(*token)) {
            r.fail("token", "must be at least " + std::to_string(LoadFile::kMinTokenBytes) +
                                " printable ASCII characters without spaces");
        } else {
            k.tokenSha256 = TokenHash::sha256Hex(*token);
        }
    } else if (!isHex64(*hash)) {
        r.fail("token_sha256", "must be 64 lower-case hex digits (a SHA-256)");
    } else {
        k.tokenSha256 = *hash;
    }
    return k;
}

// Reads one section's entries; `read` returns the entry and its unique key.
template <class T>
void readSection(const nlohmann::json& root, const char* section, const char* labelKey, Problems& problems,
                 std::vector<T>& out, const std::function<std::pair<T, std::string>(FieldReader&, const nlohmann::json&)>& read) {
    const auto it = root.find(section);
    if (it == root.end() || it->is_null()) {
        return;
    }
    if (!it->is_array()) {
        problems.add(std::string(section) + ": must be an array");
        return;
    }
    std::set<std::string> seen;
    std::size_t index = 0;
    for (const auto& entry : *it) {
        const std::string where = label(section, index, entry, labelKey);
        FieldReader reader(entry, where);
        auto [value, key] = read(reader, entry);
        if (reader.ok() && !seen.insert(key).second) {
            reader.fail(labelKey, "\"" + key + "\" appears twice in " + section);
        }
        if (reader.ok()) {
            out.push_back(std::move(value));
        } else {
            problems.add(reader.error());
        }
        ++index;
    }
}

}  // namespace

Result<LoadData> LoadFile::parse(std::string_view text, std::int64_t nowMs) {
    const std::int64_t today = CalendarDay::utcDay(nowMs);
    auto root = JsonBody::parse(text, "the load file");
    if (!root) {
        return failure(ErrorCode::InvalidInput, root.error().message);
    }
    if (!root->is_object()) {
        return failure(ErrorCode::InvalidInput, "the load file must be a JSON object with members, cards, staff, "
                                                "catalogue, reward_totals and kiosks");
    }
    Problems problems;
    for (const auto& item : root->items()) {
        bool known = false;
        for (const char* section : kSections) {
            known = known || item.key() == section;
        }
        if (!known) {
            problems.add("unknown section \"" + item.key().substr(0, 64) +
                         "\" (sections: members, cards, staff, catalogue, reward_totals, kiosks)");
        }
    }
    LoadData data;
    readSection<Member>(*root, "members", "id", problems, data.members,
                        [today](FieldReader& r, const nlohmann::json& entry) {
                            Member m = readMember(r, entry, today);
                            return std::make_pair(m, m.id);
                        });
    readSection<Card>(*root, "cards", "token", problems, data.cards, [](FieldReader& r, const nlohmann::json&) {
        Card c = readCard(r);
        return std::make_pair(c, c.token);
    });
    readSection<Staff>(*root, "staff", "id", problems, data.staff, [](FieldReader& r, const nlohmann::json&) {
        Staff s = readStaff(r);
        return std::make_pair(s, s.id);
    });
    readSection<CatalogueItem>(*root, "catalogue", "id", problems, data.catalogue,
                               [](FieldReader& r, const nlohmann::json& entry) {
                                   CatalogueItem item = readCatalogue(r, entry);
                                   return std::make_pair(item, item.kind + ":" + item.id);
                               });
    readSection<RewardTotal>(*root, "reward_totals", "reward_id", problems, data.rewardTotals,
                             [](FieldReader& r, const nlohmann::json&) {
                                 RewardTotal t = readRewardTotal(r);
                                 return std::make_pair(t, t.rewardId);
                             });
    readSection<Kiosk>(*root, "kiosks", "id", problems, data.kiosks, [](FieldReader& r, const nlohmann::json&) {
        Kiosk k = readKiosk(r);
        return std::make_pair(k, k.id);
    });

    // Across entries: staff card tokens and kiosk tokens are unique.
    std::set<std::string> staffCards;
    for (std::size_t i = 0; i < data.staff.size(); ++i) {
        const auto& token = data.staff[i].cardToken;
        if (token && !staffCards.insert(*token).second) {
            problems.add("staff (id \"" + data.staff[i].id + "\"): card_token: used by another staff member");
        }
    }
    std::set<std::string> kioskHashes;
    for (const auto& kiosk : data.kiosks) {
        if (!kioskHashes.insert(kiosk.tokenSha256).second) {
            problems.add("kiosks (id \"" + kiosk.id + "\"): token: the same token as another kiosk");
        }
    }
    if (!problems.empty()) {
        return failure(ErrorCode::InvalidInput, problems.text());
    }
    return data;
}

}  // namespace headoffice
