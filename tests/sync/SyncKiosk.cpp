#include "sync/SyncKiosk.h"

#include <cstdio>
#include <cstdlib>
#include <thread>

#include "storage/KioskIdentity.h"
#include "storage/MemberRepository.h"
#include "storage/Migrator.h"
#include "storage/Outbox.h"
#include "storage/SyncStateRepository.h"
#include "storage/SystemClock.h"

namespace synctest {

namespace {

template <class T>
T orDie(storage::Result<T> result, const char* what) {
    if (!result) {
        std::fprintf(stderr, "sync test set-up failed: %s: %s\n", what, result.error().describe().c_str());
        std::abort();
    }
    return std::move(result.value());
}

storage::Database openDatabase(const std::string& path, const std::string& kioskId) {
    auto db = orDie(storage::Database::open({path}), "open kiosk database");
    orDie(storage::Migrator::migrate(db), "migrate");
    orDie(storage::KioskIdentity(db).provision(kioskId, 1710237600000), "provision");
    return db;
}

loyalty::EventDraft draft(loyalty::EventType type, const std::string& member, const std::string& card,
                          loyalty::Points delta, const std::string& reason) {
    loyalty::EventDraft event;
    event.type = type;
    event.memberId = member;
    event.cardId = card;
    event.pointsDelta = delta;
    event.reason = reason;
    event.staffId = "s-anna";
    return event;
}

std::int64_t decimal(const std::string& text) { return text.empty() ? 0 : std::stoll(text); }

}  // namespace

bool eventually(const std::function<bool()>& done, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

std::function<void(const std::string&)> LogLines::sink() {
    return [this](const std::string& line) {
        std::lock_guard lock(mutex_);
        lines_.push_back(line);
    };
}

std::vector<std::string> LogLines::lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
}

bool LogLines::contains(const std::string& text) const {
    for (const auto& line : lines()) {
        if (line.find(text) != std::string::npos) {
            return true;
        }
    }
    return false;
}

std::function<void(const kiosksync::PageApplied&)> PageLog::recorder() {
    return [this](const kiosksync::PageApplied& page) {
        std::lock_guard lock(mutex_);
        pages_.push_back(page);
    };
}

std::vector<kiosksync::PageApplied> PageLog::pages() const {
    std::lock_guard lock(mutex_);
    return pages_;
}

std::string PageLog::checkChain(const std::string& startCursor, const std::string& endCursor) const {
    const auto all = pages();
    std::string cursor = startCursor;
    std::int64_t counted = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        if (all[i].fromCursor != cursor) {
            return "page " + std::to_string(i) + " asked from cursor '" + all[i].fromCursor + "', expected '" +
                   cursor + "'";
        }
        const std::int64_t step = decimal(all[i].nextCursor) - decimal(all[i].fromCursor);
        if (step != static_cast<std::int64_t>(all[i].changes)) {
            return "page " + std::to_string(i) + " moved the cursor by " + std::to_string(step) + " for " +
                   std::to_string(all[i].changes) + " changes";
        }
        counted += step;
        cursor = all[i].nextCursor;
    }
    if (cursor != endCursor) {
        return "the pages end at cursor '" + cursor + "', head office is at '" + endCursor + "'";
    }
    if (counted != decimal(endCursor) - decimal(startCursor)) {
        return "applied " + std::to_string(counted) + " changes between the cursors";
    }
    return {};
}

std::string Delivery::line(const std::string& scenario) const {
    return "scenario " + scenario + ": sent " + std::to_string(sent) + ", stored at head office " +
           std::to_string(stored) + ", duplicates " + std::to_string(duplicates) + ", missing " +
           std::to_string(missing);
}

SyncKiosk::SyncKiosk(const std::string& kioskId)
    : path_(dir_.file("kiosk.db")), db_(openDatabase(path_, kioskId)), recorder_(db_) {}

kiosksync::SyncOptions SyncKiosk::options(const std::string& url, const std::string& token) const {
    kiosksync::SyncOptions options;
    options.databasePath = path_;
    options.http.baseUrl = url;
    options.http.bearerToken = token;
    options.http.lowSpeedBytesPerSecond = 64;
    options.http.lowSpeedTime = std::chrono::seconds(1);
    options.requestTimeout = std::chrono::milliseconds(700);
    options.connectTimeout = std::chrono::milliseconds(300);
    options.backoffBase = std::chrono::milliseconds(20);
    options.backoffCap = std::chrono::milliseconds(200);
    options.idlePoll = std::chrono::milliseconds(200);
    options.downloadInterval = std::chrono::seconds(30);
    options.heartbeatInterval = std::chrono::seconds(30);
    options.jitterSeed = 7;
    if (std::getenv("SYNC_TEST_LOG") != nullptr) {
        options.log = [](const std::string& line) { std::fprintf(stderr, "%s\n", line.c_str()); };
    }
    return options;
}

std::vector<loyalty::RecordedEvent> SyncKiosk::record(std::vector<loyalty::EventDraft> events,
                                                      const std::string& card) {
    storage::RecordRequest request;
    request.cardToken = card;
    request.decision.events = std::move(events);
    request.time = storage::SystemClock::now(0);
    return orDie(recorder_.record(request), "record");
}

std::vector<loyalty::RecordedEvent> SyncKiosk::earn(int member, loyalty::Points points) {
    auto event = draft(loyalty::EventType::Earn, memberId(member), cardToken(member), points, "Purchase");
    event.purchaseAmount = points * 100;
    return record({event}, cardToken(member));
}

std::vector<loyalty::RecordedEvent> SyncKiosk::earnMany(int member, int events, loyalty::Points points) {
    std::vector<loyalty::EventDraft> drafts;
    for (int i = 0; i < events; ++i) {
        auto event = draft(loyalty::EventType::Earn, memberId(member), cardToken(member), points, "Purchase");
        event.purchaseAmount = points * 100;
        drafts.push_back(event);
    }
    return record(std::move(drafts), cardToken(member));
}

std::vector<loyalty::RecordedEvent> SyncKiosk::redeem(int member, loyalty::Points cost) {
    auto event = draft(loyalty::EventType::Redeem, memberId(member), cardToken(member), -cost, "Reward: coffee");
    event.rewardId = "coffee";
    return record({event}, cardToken(member));
}

std::vector<loyalty::RecordedEvent> SyncKiosk::voidOf(const loyalty::RecordedEvent& target, int member) {
    auto event = draft(loyalty::EventType::Void, target.event.memberId, target.event.cardId,
                       -target.event.pointsDelta, "Reversed: keyed twice");
    event.voidsEventId = target.id;
    event.rewardId = target.event.rewardId;
    event.staffId = "s-marco";
    return record({event}, cardToken(member));
}

std::vector<loyalty::RecordedEvent> SyncKiosk::enrol(const std::string& member, const std::string& card) {
    storage::RecordRequest request;
    request.cardToken = card;
    request.decision.events = {draft(loyalty::EventType::Enrol, member, card, 0, "Welcome"),
                               draft(loyalty::EventType::CardLink, member, card, 0, "Card added")};
    storage::MemberRecord profile;
    profile.id = member;
    profile.displayName = "Noor";
    profile.birthdayMonth = 4;
    profile.consentMarketing = true;
    profile.enrolledOn = loyalty::Date{2026, 1, 15};
    profile.segments = {"new"};
    request.newMember = profile;
    request.linkedCardKind = storage::CardKind::Uid;
    request.time = storage::SystemClock::now(0);
    enrolled_.push_back(member);
    return orDie(recorder_.record(request), "enrol");
}

void SyncKiosk::recordMix(int members, int round) {
    for (int i = 1; i <= members; ++i) {
        earn(i, 10 + i + round);
    }
    auto earned = earn(1, 80);
    voidOf(earned.front(), 1);
    earn(1, 60);
    redeem(1, 50);
    earnMany(2, 5, 3);
    const std::string suffix = std::to_string(round) + "-" + std::to_string(ledgerCount());
    enrol("k-new-" + suffix, "u:NEW" + suffix);
}

std::int64_t SyncKiosk::ledgerCount() { return orDie(db_.queryInt("SELECT count(*) FROM ledger"), "count"); }

std::vector<std::string> SyncKiosk::ledgerIds() {
    auto select = orDie(db_.prepare("SELECT id FROM ledger ORDER BY seq"), "ledger ids");
    std::vector<std::string> ids;
    while (orDie(select.step(), "step")) {
        ids.push_back(select.columnText(0));
    }
    return ids;
}

std::map<std::string, std::int64_t> SyncKiosk::deltasByMember() {
    auto select = orDie(db_.prepare("SELECT member_id, sum(points_delta) FROM ledger GROUP BY member_id"),
                        "deltas");
    std::map<std::string, std::int64_t> deltas;
    while (orDie(select.step(), "step")) {
        deltas[select.columnText(0)] = select.columnInt64(1);
    }
    return deltas;
}

std::int64_t SyncKiosk::depth() { return orDie(storage::Outbox(db_).depth(), "depth"); }

std::string SyncKiosk::cursor() {
    return orDie(storage::SyncStateRepository(db_).cursor(), "cursor").value_or(std::string());
}

std::int64_t SyncKiosk::confirmed(const std::string& member) {
    auto record = orDie(storage::MemberRepository(db_).get(member), "member");
    return record ? record->confirmedBalance : -1;
}

std::int64_t SyncKiosk::pending(const std::string& member) {
    auto record = orDie(storage::MemberRepository(db_).get(member), "member");
    return record ? record->pendingDelta : -1;
}

bool SyncKiosk::hasMember(const std::string& member) {
    return orDie(storage::MemberRepository(db_).exists(member), "member exists");
}

Delivery SyncKiosk::delivery(SyncHeadOffice& ho, std::int64_t otherEvents) {
    Delivery d;
    const auto ids = ledgerIds();
    d.sent = static_cast<std::int64_t>(ids.size());
    for (const auto& id : ids) {
        if (ho.stored(id)) {
            ++d.stored;
            if (!ho.accepted(id)) {
                ++d.notAccepted;
            }
        } else {
            ++d.missing;
        }
    }
    d.duplicates = ho.events() - otherEvents - d.stored;
    return d;
}

std::string SyncKiosk::checkBalances(SyncHeadOffice& ho, int members) {
    const auto deltas = deltasByMember();
    std::vector<std::pair<std::string, std::int64_t>> expected;
    for (int i = 1; i <= members; ++i) {
        const auto it = deltas.find(memberId(i));
        expected.emplace_back(memberId(i),
                              100 * i + (it == deltas.end() ? 0 : it->second) + ho.kioskBPoints(memberId(i)));
    }
    for (const auto& member : enrolled_) {
        const auto it = deltas.find(member);
        expected.emplace_back(member, it == deltas.end() ? 0 : it->second);
    }
    for (const auto& [member, balance] : expected) {
        const auto atHeadOffice = ho.balance(member);
        if (atHeadOffice != balance) {
            return member + ": head office has " + std::to_string(atHeadOffice) + ", its events make " +
                   std::to_string(balance);
        }
        if (confirmed(member) != atHeadOffice || pending(member) != 0) {
            return member + ": kiosk has " + std::to_string(confirmed(member)) + " confirmed + " +
                   std::to_string(pending(member)) + " pending, head office " + std::to_string(atHeadOffice);
        }
    }
    return {};
}

bool SyncKiosk::caughtUp(SyncHeadOffice& ho) {
    return depth() == 0 && cursor() == std::to_string(ho.lastChange());
}

}  // namespace synctest
