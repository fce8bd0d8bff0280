#include "sync/ChangePage.h"

#include <limits>

#include "sync/JsonFields.h"
#include "sync/ProfileJson.h"

namespace kiosksync {

namespace {

using Parsed = loyalty::Expected<Change, std::string>;

// "reward:free-coffee" -> (Reward, "free-coffee").
bool splitCatalogueId(const std::string& id, Change& change) {
    const auto colon = id.find(':');
    if (colon == std::string::npos || colon + 1 >= id.size()) {
        return false;
    }
    const auto kind = storage::parseCatalogueKind(std::string_view(id).substr(0, colon));
    if (!kind) {
        return false;
    }
    change.catalogueKind = *kind;
    change.catalogueId = id.substr(colon + 1);
    return true;
}

Parsed upsert(Change change, const nlohmann::json& data, const std::string& where) {
    switch (change.kind) {
        case ChangeKind::Member: {
            auto member = ProfileJson::member(data, where);
            if (!member) return loyalty::unexpected(member.error());
            change.member = std::move(member.value());
            break;
        }
        case ChangeKind::Card: {
            auto card = ProfileJson::card(data, where);
            if (!card) return loyalty::unexpected(card.error());
            change.card = std::move(card.value());
            break;
        }
        case ChangeKind::Staff: {
            auto staff = ProfileJson::staff(data, where);
            if (!staff) return loyalty::unexpected(staff.error());
            change.staff = std::move(staff.value());
            break;
        }
        case ChangeKind::Catalogue: {
            JsonFields f(data, where);
            const std::string kind = f.text("kind");
            const std::string id = f.nonEmptyText("id");
            const nlohmann::json* body = f.object("body");
            if (!f.ok()) return loyalty::unexpected(f.problem());
            if (!splitCatalogueId(kind + ":" + id, change)) {
                return loyalty::unexpected(where + ".kind: unknown catalogue kind");
            }
            change.catalogueBody = JsonFields::dump(*body);
            break;
        }
        case ChangeKind::RewardTotal: {
            JsonFields f(data, where);
            change.id = f.nonEmptyText("reward_id");
            change.redeemed =
                static_cast<std::int32_t>(f.integer("redeemed", 0, std::numeric_limits<std::int32_t>::max()));
            if (!f.ok()) return loyalty::unexpected(f.problem());
            break;
        }
    }
    return change;
}

std::optional<ChangeKind> kindOf(const std::string& text) {
    if (text == "member") return ChangeKind::Member;
    if (text == "card") return ChangeKind::Card;
    if (text == "staff") return ChangeKind::Staff;
    if (text == "catalogue") return ChangeKind::Catalogue;
    if (text == "reward_total") return ChangeKind::RewardTotal;
    return std::nullopt;
}

}  // namespace

loyalty::Expected<ChangePage, std::string> ChangePage::parse(std::string_view body) {
    using loyalty::unexpected;
    const auto parsed = JsonFields::parse(body);
    if (!parsed) {
        return unexpected(std::string("the page of changes is not JSON"));
    }
    JsonFields page(*parsed, "page");
    const nlohmann::json* changes = page.find("changes");
    ChangePage out;
    out.nextCursor = page.text("next_cursor");
    const nlohmann::json* more = page.find("more");
    if (page.ok() && (more == nullptr || !more->is_boolean())) {
        page.fail("more", "must be true or false");
    }
    if (page.ok() && (changes == nullptr || !changes->is_array())) {
        page.fail("changes", "must be an array");
    }
    if (!page.ok()) {
        return unexpected(page.problem());
    }
    out.more = more->get<bool>();
    out.changes.reserve(changes->size());
    for (std::size_t i = 0; i < changes->size(); ++i) {
        const std::string where = "changes[" + std::to_string(i) + "]";
        JsonFields entry((*changes)[i], where);
        const std::string kindText = entry.text("kind");
        const std::string op = entry.text("op");
        Change change;
        change.id = entry.nonEmptyText("id");
        if (!entry.ok()) {
            return unexpected(entry.problem());
        }
        const auto kind = kindOf(kindText);
        if (!kind) {
            ++out.unknownKinds;
            continue;
        }
        change.kind = *kind;
        if (op == "delete") {
            change.remove = true;
            if (change.kind == ChangeKind::Catalogue && !splitCatalogueId(change.id, change)) {
                return unexpected(where + ".id: not <kind>:<id>");
            }
            out.changes.push_back(std::move(change));
            continue;
        }
        if (op != "upsert") {
            return unexpected(where + ".op: must be upsert or delete");
        }
        const nlohmann::json* data = entry.object("data");
        if (!entry.ok()) {
            return unexpected(entry.problem());
        }
        auto read = upsert(std::move(change), *data, where + ".data");
        if (!read) {
            return unexpected(read.error());
        }
        out.changes.push_back(std::move(read.value()));
    }
    return out;
}

}  // namespace kiosksync
