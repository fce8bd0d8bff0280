#include "headoffice/PostgresWriter.h"

#include <string>
#include <utility>

#include "headoffice/PgTextArray.h"
#include "headoffice/RecordJson.h"

namespace headoffice {

namespace {

constexpr const char* kEventColumns =
    "id, kiosk_id, seq, type, member_id, card, points_delta, reward_id, voids_event_id, status, code, reason, "
    "received_at, payload";
constexpr const char* kMemberColumns =
    "id, display_name, status, birthday_month, consent_marketing, home_store, enrolled_day, balance, segments";
constexpr const char* kStaffColumns = "id, display_name, role, pin_hash, card_token, active";

}  // namespace

Status PostgresWriter::insertEvents(const std::vector<EventRecord>& events, bool skipExisting,
                                    std::int64_t* inserted) {
    if (events.empty()) {
        return Done{};
    }
    std::vector<PgTextArray> columns(14);
    for (const auto& e : events) {
        columns[0].add(std::string_view(e.id));
        columns[1].add(std::string_view(e.kioskId));
        columns[2].add(e.seq);
        columns[3].add(std::string_view(e.type));
        columns[4].add(e.memberId);
        columns[5].add(e.card);
        columns[6].add(e.pointsDelta);
        columns[7].add(e.rewardId);
        columns[8].add(e.voidsEventId);
        columns[9].add(std::string_view(e.status == EventStatus::Accepted ? "accepted" : "rejected"));
        columns[10].add(std::string_view(e.code));
        columns[11].add(std::string_view(e.reason));
        columns[12].add(e.receivedAt);
        columns[13].add(std::string_view(e.payload));
    }
    PgConnection::Params params;
    for (const auto& column : columns) {
        params.push_back(column.text());
    }
    auto r = db_.exec(std::string("INSERT INTO events (") + kEventColumns +
                          ") SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[], "
                          "$6::text[], $7::bigint[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], "
                          "$13::bigint[], $14::text[])" +
                          (skipExisting ? " ON CONFLICT (id) DO NOTHING" : ""),
                      params);
    if (!r) {
        return loyalty::unexpected(r.error());
    }
    if (inserted != nullptr) {
        *inserted = r->affected();
    }
    return Done{};
}

Status PostgresWriter::write(const WriteSet& w) {
    auto done = insertEvents(w.events, false, nullptr);
    if (!done) {
        return done;
    }
    // Each section: one statement over arrays, run only when it has rows.
    auto run = [this](bool any, const std::string& sql, const PgConnection::Params& params) -> Status {
        if (!any) {
            return Done{};
        }
        auto r = db_.exec(sql, params);
        if (!r) {
            return loyalty::unexpected(r.error());
        }
        return Done{};
    };
    std::vector<PgTextArray> m(9);
    for (const auto& x : w.members) {
        m[0].add(std::string_view(x.id));
        m[1].add(std::string_view(x.displayName));
        m[2].add(std::string_view(x.status));
        m[3].add(x.birthdayMonth);
        m[4].add(x.consentMarketing);
        m[5].add(x.homeStore);
        m[6].add(std::string_view(x.enrolledDay));
        m[7].add(x.balance);
        m[8].add(std::string_view(RecordJson::segmentsText(x.segments)));
    }
    PgTextArray eMembers, eDays, ePoints;
    for (const auto& x : w.earned) {
        eMembers.add(std::string_view(x.memberId));
        eDays.add(std::string_view(x.day));
        ePoints.add(x.points);
    }
    PgTextArray cTokens, cMembers, cKinds, cStatus;
    for (const auto& c : w.cards) {
        cTokens.add(std::string_view(c.token));
        cMembers.add(std::string_view(c.memberId));
        cKinds.add(std::string_view(c.kind));
        cStatus.add(std::string_view(c.status));
    }
    std::vector<PgTextArray> st(6);
    for (const auto& x : w.staff) {
        st[0].add(std::string_view(x.id));
        st[1].add(std::string_view(x.displayName));
        st[2].add(std::string_view(x.role));
        st[3].add(x.pinHash);
        st[4].add(x.cardToken);
        st[5].add(x.active);
    }
    PgTextArray catKinds, catIds, catBodies;
    for (const auto& x : w.catalogue) {
        catKinds.add(std::string_view(x.kind));
        catIds.add(std::string_view(x.id));
        catBodies.add(std::string_view(x.body));
    }
    PgTextArray tIds, tCounts;
    for (const auto& x : w.rewardTotals) {
        tIds.add(std::string_view(x.rewardId));
        tCounts.add(x.redeemed);
    }
    PgTextArray kIds, kHashes;
    for (const auto& x : w.kiosks) {
        kIds.add(std::string_view(x.id));
        kHashes.add(std::string_view(x.tokenSha256));
    }
    PgTextArray chKinds, chOps, chIds, chBodies;
    for (const auto& x : w.changes) {
        chKinds.add(std::string_view(x.kind));
        chOps.add(std::string_view(x.op));
        chIds.add(std::string_view(x.id));
        chBodies.add(std::string_view(x.body));
    }
    const std::pair<bool, std::pair<std::string, PgConnection::Params>> statements[] = {
        {!w.members.empty(),
         {std::string("INSERT INTO members (") + kMemberColumns +
              ") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::boolean[], $6::text[], "
              "$7::text[], $8::bigint[], $9::text[]) ON CONFLICT (id) DO UPDATE SET display_name = "
              "EXCLUDED.display_name, status = EXCLUDED.status, birthday_month = EXCLUDED.birthday_month, "
              "consent_marketing = EXCLUDED.consent_marketing, home_store = EXCLUDED.home_store, enrolled_day = "
              "EXCLUDED.enrolled_day, balance = EXCLUDED.balance, segments = EXCLUDED.segments",
          {m[0].text(), m[1].text(), m[2].text(), m[3].text(), m[4].text(), m[5].text(), m[6].text(), m[7].text(),
           m[8].text()}}},
        // One row per (member, day): ON CONFLICT may not touch a row twice in one statement.
        {!w.earned.empty(),
         {"INSERT INTO earned_points (member_id, day, points) SELECT m, d, sum(p) FROM unnest($1::text[], "
          "$2::text[], $3::bigint[]) AS u(m, d, p) GROUP BY m, d ON CONFLICT (member_id, day) DO UPDATE SET "
          "points = earned_points.points + EXCLUDED.points",
          {eMembers.text(), eDays.text(), ePoints.text()}}},
        {!w.cards.empty(),
         {"INSERT INTO cards (token, member_id, kind, status) SELECT * FROM unnest($1::text[], $2::text[], "
          "$3::text[], $4::text[]) ON CONFLICT (token) DO UPDATE SET member_id = EXCLUDED.member_id, kind = "
          "EXCLUDED.kind, status = EXCLUDED.status",
          {cTokens.text(), cMembers.text(), cKinds.text(), cStatus.text()}}},
        {!w.staff.empty(),
         {std::string("INSERT INTO staff (") + kStaffColumns +
              ") SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[]) "
              "ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, "
              "pin_hash = EXCLUDED.pin_hash, card_token = EXCLUDED.card_token, active = EXCLUDED.active",
          {st[0].text(), st[1].text(), st[2].text(), st[3].text(), st[4].text(), st[5].text()}}},
        {!w.catalogue.empty(),
         {"INSERT INTO catalogue (kind, id, body) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) "
          "ON CONFLICT (kind, id) DO UPDATE SET body = EXCLUDED.body",
          {catKinds.text(), catIds.text(), catBodies.text()}}},
        {!w.rewardTotals.empty(),
         {"INSERT INTO reward_totals (reward_id, redeemed) SELECT * FROM unnest($1::text[], $2::bigint[]) "
          "ON CONFLICT (reward_id) DO UPDATE SET redeemed = EXCLUDED.redeemed",
          {tIds.text(), tCounts.text()}}},
        {!w.kiosks.empty(),
         {"INSERT INTO kiosks (id, token_sha256) SELECT * FROM unnest($1::text[], $2::text[]) "
          "ON CONFLICT (id) DO UPDATE SET token_sha256 = EXCLUDED.token_sha256",
          {kIds.text(), kHashes.text()}}},
        {!w.changes.empty(),
         {"INSERT INTO changes (kind, op, entity_id, body) SELECT k, o, i, b FROM unnest($1::text[], $2::text[], "
          "$3::text[], $4::text[]) WITH ORDINALITY AS u(k, o, i, b, n) ORDER BY n",
          {chKinds.text(), chOps.text(), chIds.text(), chBodies.text()}}},
    };
    for (const auto& [any, statement] : statements) {
        done = run(any, statement.first, statement.second);
        if (!done) {
            return done;
        }
    }
    return Done{};
}

}  // namespace headoffice
