#pragma once
// What a person asked for on a screen. Screens return intents; only the flow
// (KioskFlow) changes state in answer to them. Intents arriving while the
// flow waits for an effect's answer (the screen shows busy) are ignored, so
// a double tap on Confirm never records twice.

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

namespace kiosk {

struct ChooseLanguage {
    std::string language;  // catalogue code: "en", "es"
};

// ---- customer --------------------------------------------------------------
struct ActivateOfferIntent {
    std::string offerId;
};
struct ChooseReward {
    std::string rewardId;
};
struct Rate {
    std::int32_t stars = 0;  // 1..5
};
struct SkipRating {};
struct Done {};          // "I am done": rating (after an interaction) or attract
struct BackToStart {};   // leave whatever is on screen for the attract screen

// ---- keypad (staff number, PIN, amount, points) -----------------------------
struct KeypadDigit {
    int digit = 0;  // 0..9
};
struct KeypadBack {};
struct KeypadClear {};
struct KeypadOk {};
struct ToggleSign {};  // adjustment: add or remove points

// ---- staff ------------------------------------------------------------------
struct StartStaffLogin {};  // the "Staff" button
struct StaffLogout {};
enum class StaffAction { Award, Redeem, Enrol, Replace, Block, Void, Adjust, Summary };
struct ChooseStaffAction {
    StaffAction action = StaffAction::Award;
};
struct ChooseReason {
    std::size_t index = 0;  // into the view's reason list
};
struct EnterName {
    std::string name;  // the new member's first name (on-screen keyboard)
};
struct Confirm {};
struct Cancel {};  // back one step (an action's screen -> the staff menu)

// ---- technician -----------------------------------------------------------------
struct RunReaderTest {};
struct RefreshDiagnostics {};

using Intent = std::variant<ChooseLanguage, ActivateOfferIntent, ChooseReward, Rate, SkipRating, Done, BackToStart,
                            KeypadDigit, KeypadBack, KeypadClear, KeypadOk, ToggleSign, StartStaffLogin, StaffLogout,
                            ChooseStaffAction, ChooseReason, EnterName, Confirm, Cancel, RunReaderTest,
                            RefreshDiagnostics>;

}  // namespace kiosk
