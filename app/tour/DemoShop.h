#pragma once
// The screen tour's stand-in for the app layer: clearly fictional demo data
// (Carla, a Silver member; Lucía, enrolled during the tour) and canned
// answers to the flow's effects, kept consistent as the tour records things
// (an award adds to the balance and the history, a redemption takes from
// them). No storage, no network, no reader: the tour shows screens, it does
// not test the services (tests/app/services does).

#include <cstdint>
#include <optional>
#include <string>

#include "kiosk/Effects.h"
#include "kiosk/Messages.h"
#include "loyalty/Refusal.h"
#include "loyalty/Types.h"

namespace tour {

class DemoShop {
public:
    // now: the clock the window ticks the flow with, so dates ("expire on",
    // the birthday month, history) are relative to the day the tour runs.
    // language: free-text reasons in the history are in the session's
    // language, as staff would have typed them ("en" or "es").
    DemoShop(loyalty::Instant now, std::string language);

    // Card taps (tokens are demo values; the reader never sees them).
    static kiosk::CardTapped carlasCard();
    static kiosk::CardTapped unknownCard();
    static kiosk::CardTapped replacementCard();
    static kiosk::CardTapped lostCard();

    // Answers to LookupCard.
    kiosk::CardLookedUp lookUpCarla(kiosk::RequestId request) const;
    static kiosk::CardLookedUp lookUpUnknown(kiosk::RequestId request);
    static kiosk::CardLookedUp lookUpLost(kiosk::RequestId request);

    static kiosk::StaffVerified verify(kiosk::RequestId request, kiosk::StaffRole role);

    // Answers RecordDecision as the app layer would after recording it: the
    // member re-read (balance, history), the points moved, a one-time code
    // for a digital reward.
    kiosk::DecisionRecorded record(const kiosk::RecordDecision& decision);
    static kiosk::DecisionRefused refuse(kiosk::RequestId request, loyalty::RefusalCode code);

    kiosk::TodaySummaryLoaded todaySummary(kiosk::RequestId request) const;
    static kiosk::DiagnosticsLoaded diagnostics(kiosk::RequestId request);
    static kiosk::ReaderTested readerTest(kiosk::RequestId request);

    // The sync thread's view of head office; the snapshot's kiosk state follows it.
    kiosk::SyncStatusChanged setOnline(bool online);

private:
    loyalty::Date daysAgo(int days) const;
    kiosk::HistoryEntry entry(loyalty::EventType type, loyalty::Points points, int daysBack) const;
    std::string reason(const char* english, const char* spanish) const;
    void addEvent(kiosk::HistoryEntry entry);

    loyalty::Instant now_;
    loyalty::Date today_;
    std::string language_;
    int nextEvent_ = 100;
    kiosk::MemberSnapshot carla_;
    std::optional<kiosk::MemberSnapshot> lucia_;
};

}  // namespace tour
