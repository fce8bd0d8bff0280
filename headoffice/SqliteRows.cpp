#include "headoffice/SqliteRows.h"

#include "headoffice/RecordJson.h"

namespace headoffice {

EventRecord SqliteRows::event(const SqliteStatement& s) {
    EventRecord e;
    e.id = s.text(0);
    e.kioskId = s.text(1);
    e.seq = s.integer(2);
    e.type = s.text(3);
    e.memberId = s.optionalText(4);
    e.card = s.optionalText(5);
    e.pointsDelta = s.integer(6);
    e.rewardId = s.optionalText(7);
    e.voidsEventId = s.optionalText(8);
    e.status = s.text(9) == "accepted" ? EventStatus::Accepted : EventStatus::Rejected;
    e.code = s.text(10);
    e.reason = s.text(11);
    e.receivedAt = s.integer(12);
    e.payload = s.text(13);
    return e;
}

Member SqliteRows::member(const SqliteStatement& s) {
    Member m;
    m.id = s.text(0);
    m.displayName = s.text(1);
    m.status = s.text(2);
    m.birthdayMonth = s.optionalInteger(3);
    m.consentMarketing = s.integer(4) != 0;
    m.homeStore = s.optionalText(5);
    m.enrolledDay = s.text(6);
    m.balance = s.integer(7);
    m.segments = RecordJson::segmentsFrom(s.text(8));
    return m;
}

Card SqliteRows::card(const SqliteStatement& s) { return Card{s.text(0), s.text(1), s.text(2), s.text(3)}; }

Staff SqliteRows::staff(const SqliteStatement& s) {
    return Staff{s.text(0), s.text(1), s.text(2), s.optionalText(3), s.optionalText(4), s.integer(5) != 0};
}

Heartbeat SqliteRows::heartbeat(const SqliteStatement& s) {
    Heartbeat h;
    h.kioskId = s.text(0);
    h.receivedAt = s.integer(1);
    h.kioskTime = s.integer(2);
    h.clockOffsetMs = s.integer(3);
    h.version = s.text(4);
    h.outboxDepth = s.integer(5);
    h.oldestUnsentAgeMs = s.optionalInteger(6);
    h.readerState = s.text(7);
    h.lastError = s.text(8);
    return h;
}

}  // namespace headoffice
