#pragma once
// Everything the flow knows, as plain data. KioskFlow, CustomerDesk and
// StaffDesk change it; ViewBuilder and MemberViewBuilder only read it.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kiosk/CustomerSession.h"
#include "kiosk/Effects.h"
#include "kiosk/Intent.h"
#include "kiosk/Keypad.h"
#include "kiosk/Messages.h"
#include "kiosk/StaffSession.h"
#include "kiosk/ViewModels.h"

namespace kiosk {

struct FlowSettings {
    std::int64_t customerIdleMs = 20'000;  // customer screens (and a language left chosen at attract)
    std::int64_t staffIdleMs = 60'000;     // while staff are logged in or logging in
    std::size_t pinMinDigits = 4;
    std::size_t pinMaxDigits = 8;
    std::size_t staffCodeMaxDigits = 6;
    std::size_t amountMaxDigits = 7;  // 99,999.99
    std::size_t pointsMaxDigits = 6;  // adjustments
};

// A catalogue key and its {placeholders}, translated when a view is built.
struct Text {
    std::string key;
    std::vector<std::pair<std::string, std::string>> values;
    bool empty() const { return key.empty(); }
};

enum class PendingKind { Lookup, StaffPin, Decision, Summary, Diagnostics, ReaderTest };

struct Pending {
    RequestId id = 0;
    PendingKind kind = PendingKind::Lookup;
    CardTapped card;          // Lookup: the card being looked up
    DecisionRequest what;     // Decision: what is being recorded
};

enum class LoginStep { StaffCode, Pin };

struct LoginState {
    LoginStep step = LoginStep::StaffCode;
    std::string staffId;    // from a staff card
    std::string staffName;  // from a staff card
    std::string staffCode;  // typed on the keypad when there is no card
    Text error;
    bool locked = false;
};

// The staff action being prepared.
struct ActionDraft {
    StaffAction action = StaffAction::Award;
    std::optional<std::size_t> reason;
    bool negative = false;  // adjust: remove points
    std::string name;       // enrol
    std::string rewardId;   // redeem
    std::optional<CardTapped> newCard;  // replace
    bool byCustomer = false;  // a customer redeems a digital reward alone
};

struct FlowState {
    ScreenId screen = ScreenId::Attract;
    std::size_t language = 0;  // index into the catalogues

    std::optional<CustomerSession> customer;
    std::optional<StaffSession> staff;
    LoginState login;
    Keypad keypad;
    ActionDraft draft;
    std::optional<Pending> pending;
    RequestId lastRequest = 0;

    Text notice;  // member screen, after an action
    // Confirmation, ActionRefused, LookupFailed: what to say, and where OK goes.
    Text resultTitle;
    Text resultMessage;
    Text resultHint;
    ScreenId returnTo = ScreenId::Attract;
    std::string rewardName;  // RewardCode
    std::string rewardCode;

    // The kiosk itself (no personal data).
    SyncStatusChanged sync{true, 0, std::nullopt, std::nullopt};
    ReaderStatusChanged reader;
    std::string lastCardText;  // technician: kind and the UID's last 4 hex digits
    std::optional<TodaySummary> summary;
    std::optional<Diagnostics> diagnostics;
    Text readerTest;

    loyalty::Instant now;
    std::int64_t nowMs = 0;
    std::int64_t lastActivityMs = 0;
};

}  // namespace kiosk
