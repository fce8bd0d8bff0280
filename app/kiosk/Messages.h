#pragma once
// What reaches the flow from outside: the card reader, the sync thread, the
// clock and the answers to the effects it asked for. Plain values; the app
// layer translates its threads' messages (nfc::CardPresented,
// kiosksync::SyncStatus ...) into these, so the flow depends on neither.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "kiosk/Effects.h"
#include "loyalty/Event.h"
#include "loyalty/MemberState.h"
#include "loyalty/Refusal.h"
#include "loyalty/Types.h"

namespace kiosk {

// ---- the card reader -------------------------------------------------------

// A card was read. Whether it is a staff card is not known here: the flow
// learns it from the lookup (LookupCard -> CardLookedUp).
struct CardTapped {
    std::string token;   // identity token the storage layer looks up; empty when the reader refused the card
    std::string uidHex;  // "04A1B2C3D4E5F6": the technician screen shows it, never the token
    CardKind kind = CardKind::UidOnly;
    loyalty::Assurance assurance = loyalty::Assurance::Low;
    bool refusedByReader = false;  // forged, replayed, unreadable: the refused-card screen, no lookup
};

struct CardRemoved {};

enum class ReaderState { Starting, Ready, Reopening, Unavailable, Stopped };

struct ReaderStatusChanged {
    ReaderState state = ReaderState::Starting;
    std::string firmware;   // "PN532 v1.6"
    std::string lastError;  // technician-facing, never personal data
};

// ---- the sync thread --------------------------------------------------------

struct SyncStatusChanged {
    bool online = false;
    std::int64_t queueDepth = 0;
    std::optional<std::int64_t> oldestUnsentAgeMs;
    std::optional<std::int64_t> lastSuccessAtMs;  // Unix ms
};

// ---- the clock ---------------------------------------------------------------

// The app posts one at least every 250 ms while a session is open (see
// KioskFlow::nextDeadlineMs). The flow never reads a clock itself.
struct Tick {
    loyalty::Instant now;           // wall time with the shop's UTC offset (rules, dates)
    std::int64_t monotonicMs = 0;   // steady clock: idle timeouts
};

// ---- answers to effects --------------------------------------------------------
// Each carries the RequestId of the effect it answers; an answer whose id is
// not the one the flow waits for (the session timed out, the card was
// removed, another card was tapped) is ignored.

// One line of a member's history, newest first.
struct HistoryEntry {
    std::string eventId;
    loyalty::EventType type = loyalty::EventType::Earn;
    loyalty::Points points = 0;
    loyalty::Money purchaseAmount = 0;
    std::string rewardId;
    std::string offerId;
    std::string reason;  // the ledger's reason (free text for adjust/void/block)
    std::int32_t rating = 0;
    loyalty::Date on;
    bool voided = false;
};

// What storage knows about the member behind a card, read at the lookup and
// again after every recorded decision.
struct MemberSnapshot {
    loyalty::MemberState member;
    loyalty::CardState card;
    loyalty::KioskState kiosk;         // unsynced redeemed points, last sync, reward totals
    std::vector<HistoryEntry> history;  // newest first, the last 20 or so
};

struct UnknownCard {};

enum class CardRefusalReason { Blocked, Lost, MemberBlocked, Forged, Replayed, Unreadable };
struct RefusedCard {
    CardRefusalReason reason = CardRefusalReason::Blocked;  // for the log; the screen says one plain thing
};

enum class StaffRole { Cashier, Manager, Technician };
struct StaffCard {
    std::string staffId;
    std::string displayName;
    StaffRole role = StaffRole::Cashier;
};

struct LookupFailed {};  // storage could not answer

struct CardLookedUp {
    RequestId request = 0;
    std::variant<MemberSnapshot, UnknownCard, RefusedCard, StaffCard, LookupFailed> result;
};

struct StaffVerified {
    RequestId request = 0;
    std::string staffId;
    std::string displayName;
    StaffRole role = StaffRole::Cashier;
};

struct StaffRefused {
    RequestId request = 0;
    std::int32_t attemptsLeft = 0;                  // before the lockout
    std::optional<std::int64_t> lockedUntilUnixMs;  // set when the account is locked
};

struct DecisionRecorded {
    RequestId request = 0;
    std::optional<MemberSnapshot> member;  // re-read after the write (enrolment: the new member)
    loyalty::Points pointsDelta = 0;       // sum of the recorded events' deltas
    std::optional<std::string> rewardCode;  // digital reward: the one-time code
    // Enrolment or replacement onto a card the kiosk wrote its signed record
    // on: the token the card in hand has from now on ("n:<card id>").
    std::optional<std::string> cardToken = std::nullopt;
};

// The rules said no (checked again by the app layer with fresh state).
struct DecisionRefused {
    RequestId request = 0;
    loyalty::Refusal refusal;
};

// Nothing was recorded for a technical reason: the database (disk full,
// busy ...), or the card an enrolment or replacement had to write first.
enum class FailureReason {
    Storage,
    CardNotOnReader,    // the card to write was lifted (or another card is on the reader)
    CardMoved,          // it moved away mid-write
    CardUnsuitable,     // not an NTAG21x, locked, or too small: use another card
    CannotIssueCards,   // this kiosk has no signing key
    ReaderUnavailable,  // the reader is down or did not answer
};
struct DecisionFailed {
    RequestId request = 0;
    FailureReason reason = FailureReason::Storage;
};

struct TodaySummary {
    std::int64_t transactions = 0;
    loyalty::Points pointsIssued = 0;
    loyalty::Points pointsRedeemed = 0;
    std::vector<std::int64_t> transactionsPerHour;  // 24 entries, shop-local hours
};
struct TodaySummaryLoaded {
    RequestId request = 0;
    TodaySummary summary;
};

struct Diagnostics {
    std::int64_t databaseBytes = 0;
    bool databaseOk = true;
    std::string databaseCheck;  // "ok" or the first problem
    std::string version;
    std::vector<std::string> addresses;
    std::int64_t diskFreeBytes = 0;
    std::vector<std::string> logLines;  // recent, never personal data
};
struct DiagnosticsLoaded {
    RequestId request = 0;
    Diagnostics diagnostics;
};

struct ReaderTested {
    RequestId request = 0;
    bool ok = false;
    std::string detail;
};

using Message = std::variant<CardTapped, CardRemoved, ReaderStatusChanged, SyncStatusChanged, Tick, CardLookedUp,
                             StaffVerified, StaffRefused, DecisionRecorded, DecisionRefused, DecisionFailed,
                             TodaySummaryLoaded, DiagnosticsLoaded, ReaderTested>;

}  // namespace kiosk
