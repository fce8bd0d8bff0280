#pragma once
// Read-only data a screen draws. Built by the flow from its state and the
// catalogue (ViewBuilder, MemberViewBuilder), so screens never look anything
// up or format anything themselves: every string is already translated and
// every number and date formatted for the session's language.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kiosk/Intent.h"

namespace kiosk {

enum class ScreenId {
    Attract,
    CardReading,
    Member,
    UnknownCard,
    RefusedCard,
    StaffLogin,
    StaffMenu,
    AmountEntry,    // award points for a purchase, or adjust (manager)
    RewardChoice,   // staff: which reward to redeem
    TapNewCard,     // staff: replace a lost card, tap the new one
    ConfirmAction,  // staff: redeem, enrol, replace, block, void, with a reason where needed
    Confirmation,   // an action went through
    ActionRefused,  // the rules (or a limit) said no: which and what to do
    Rating,
    RewardCode,     // digital reward: one-time code and its QR payload
    TodaySummary,
    Technician,
};

// Stable lower-case name ("member", "staff_login") for --ui-trace and logs.
const char* screenName(ScreenId screen);

struct LanguageOption {
    std::string code;   // "es"
    std::string label;  // "Español" (always in its own language)
    bool selected = false;
};

// What every screen shows around its content.
struct Chrome {
    std::string offlineBanner;  // empty when head office is reachable
    std::string readerBanner;   // empty when the reader is ready
    bool busy = false;          // an effect is outstanding: show a spinner, take no input
    std::string busyText;
};

struct AttractView {
    Chrome chrome;
    std::string programName;
    std::string title;
    std::string subtitle;
    std::string hint;
    std::string chooseLanguage;
    std::string readerLabel;
    std::vector<LanguageOption> languages;
};

// Unknown card, refused card, confirmation, refusal, card reading: a title,
// a sentence and what to do next.
struct MessageView {
    Chrome chrome;
    std::string title;
    std::string message;
    std::string whatToDo;
    std::string primaryLabel;    // empty: no button
    std::string secondaryLabel;  // empty: no button (e.g. "Staff" on the unknown-card screen)
};

struct OfferLine {
    std::string id;
    std::string name;
    std::string description;
    bool active = false;      // already activated: no button
    std::string actionLabel;  // "Activate" / "Activated"
};

struct RewardLine {
    std::string id;
    std::string name;
    std::string costText;  // "150 pts"
    bool digital = false;
    bool affordable = false;
    std::string statusText;  // "Ask staff" / "Get it now" / "40 pts to go"
};

struct HistoryLine {
    std::string dateText;
    std::string pointsText;  // "+18 pts", "-150 pts", "" for a rating
    std::string reasonText;
    bool voided = false;
};

struct MemberView {
    Chrome chrome;
    std::string greeting;     // "Hello, Ana" (first name only)
    std::string balanceText;  // "1,240 pts"
    std::string pendingText;  // "40 pending" or ""
    std::string tierName;     // badge
    int tierProgressPerMille = 1000;
    std::string tierProgressText;  // "760 pts to Gold" / "Top tier"
    std::string expiryText;        // "50 pts expire on 10 March 2027" or ""
    std::string offersTitle;
    std::vector<OfferLine> offers;
    std::string rewardsTitle;
    std::vector<RewardLine> rewards;  // affordable now first
    std::string nextRewardText;       // "60 pts to go for Free coffee" or ""
    std::string historyTitle;
    std::vector<HistoryLine> history;
    std::string notice;  // after an action: "Offer activated", "Ask a member of staff ..."
    std::string doneLabel;
    std::string staffLabel;
    std::vector<LanguageOption> languages;
};

struct KeypadView {
    std::string entryText;  // formatted amount, or "••••" for a PIN
    std::string okLabel;
    std::string backLabel;
    std::string clearLabel;
    bool okEnabled = false;
};

struct StaffLoginView {
    Chrome chrome;
    std::string title;
    std::string prompt;     // "Tap your staff card or enter your staff number" / "Enter your PIN"
    std::string staffName;  // known from the staff card or after the number
    KeypadView keypad;
    std::string error;      // "Wrong PIN. 2 attempts left." / lockout
    bool locked = false;
    std::string cancelLabel;
};

struct StaffActionLine {
    StaffAction action = StaffAction::Award;
    std::string label;
    bool enabled = true;
    std::string disabledReason;  // "Manager only"
};

struct StaffMenuView {
    Chrome chrome;
    std::string staffLine;     // "Sam · Cashier"
    std::string customerLine;  // "Ana · 1,240 pts" / "New card" / ""
    std::vector<StaffActionLine> actions;
    std::string notice;  // "Void and adjust need a manager"
    std::string switchStaffLabel;
    std::string logoutLabel;
};

struct AmountEntryView {
    Chrome chrome;
    std::string title;  // "Award points" / "Adjust points"
    std::string prompt;
    KeypadView keypad;
    std::string previewText;                // "18 pts" (award) / "-25 pts" (adjust)
    std::vector<std::string> previewLines;  // breakdown: base, tier, promotions, offers, cap
    std::string error;                      // the rules refuse this amount (e.g. a velocity hold)
    bool showSign = false;                  // adjust: + / - toggle
    std::string signLabel;
    std::vector<std::string> reasons;       // adjust: pick one
    std::size_t selectedReason = 0;
    bool reasonSelected = false;
    std::string cancelLabel;
};

struct RewardChoiceView {
    Chrome chrome;
    std::string title;
    std::vector<RewardLine> rewards;
    std::string cancelLabel;
};

struct ConfirmActionView {
    Chrome chrome;
    std::string title;
    std::vector<std::string> lines;  // what will happen
    std::vector<std::string> reasons;
    std::size_t selectedReason = 0;
    bool reasonSelected = false;
    bool needsName = false;  // enrolment
    std::string namePrompt;
    std::string name;
    std::string error;  // e.g. the name is not valid
    bool confirmEnabled = false;
    std::string confirmLabel;
    std::string cancelLabel;
};

struct RatingView {
    Chrome chrome;
    std::string question;
    std::vector<std::string> starLabels;  // 5 entries, 1..5
    std::string skipLabel;
};

struct RewardCodeView {
    Chrome chrome;
    std::string title;
    std::string rewardName;
    std::string code;       // shown under the QR code
    std::string qrPayload;  // what the QR code encodes
    std::string hint;
    std::string doneLabel;
};

struct SummaryView {
    Chrome chrome;
    std::string title;
    std::vector<std::string> lines;  // transactions, points issued, points redeemed
    std::vector<std::int64_t> perHour;
    std::string chartLabel;
    std::string backLabel;
};

struct TechnicianRow {
    std::string label;
    std::string value;
};

struct TechnicianView {
    Chrome chrome;
    std::string title;
    std::vector<TechnicianRow> rows;
    std::vector<std::string> logLines;
    std::string testReaderLabel;
    std::string refreshLabel;
    std::string testResult;
    std::string logoutLabel;
};

}  // namespace kiosk
