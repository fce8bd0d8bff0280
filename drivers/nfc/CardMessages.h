#pragma once
// What the NFC thread tells the UI thread: plain values, posted into the
// kiosk's message queue (design brief §3).

#include <cstdint>
#include <string>
#include <variant>

#include "loyalty/Types.h"

namespace nfc {

enum class CardKind { UidOnly, Ntag21x, Ntag424 };

// Why a card that was read is not accepted. The screen shows one plain
// message for all of them; the reason goes to the technician's log only.
enum class CardRefusal {
    None,
    Unreadable,       // the card left the field or answered garbage mid-read
    UnknownFormat,    // NTAG without our record, or a card type we do not take
    BadSignature,     // signed record does not verify (forged or copied to another UID)
    RevokedKiosk,     // signed by a kiosk key head office revoked
    BadMac,           // NTAG 424 SUN MAC does not verify
    Replayed,         // NTAG 424 read counter not above the last one accepted
};

struct CardPresented {
    std::string uid;                 // hex, uppercase, e.g. "04A1B2C3D4E5F6"
    CardKind kind = CardKind::UidOnly;
    loyalty::Assurance assurance = loyalty::Assurance::Low;
    std::string identity;            // the card token the storage layer looks up; empty when refused
    CardRefusal refusal = CardRefusal::None;
    std::string detail;              // technician-facing detail (never personal data)
};

struct CardRemoved {};

enum class ReaderState { Starting, Ready, Reopening, Unavailable, Stopped };

struct ReaderStatus {
    ReaderState state = ReaderState::Starting;
    std::string firmware;            // "PN532 v1.6"
    std::string lastError;
    std::string connstring;
};

using NfcMessage = std::variant<CardPresented, CardRemoved, ReaderStatus>;

// ---- writing a card (enrolment) ---------------------------------------------------
// The kiosk asks the reader to write its signed loyalty record onto the card
// that is in the field now (docs/reader.md, "Writing a card"). The card id
// is the kiosk key's id (high 32 bits) and a serial the kiosk allocated
// (low 32 bits), so two kiosks never issue the same id.
struct WriteCardRecord {
    std::uint32_t request = 0;
    std::string uid;              // hex, the card the staff member holds on the reader
    std::uint32_t serial = 0;     // from the kiosk's database, never reused
    std::uint64_t issuedAt = 0;   // Unix seconds
};

enum class CardWriteError {
    None,
    NotInField,         // that card is not on the reader (lifted, or another card)
    NoKioskKey,         // this kiosk has no signing key: it cannot issue cards
    Unsuitable,         // not an NTAG21x, locked, or too small for the record
    CardMoved,          // the card stopped answering mid-write or read back differently
    ReaderUnavailable,  // the reader is down, restarting, or did not answer in time
};

// The technician's "test reader": the reader sends the chip a command it
// answers at once and says how long it took.
struct SelfTestRequest {
    std::uint32_t request = 0;
};
struct SelfTestResult {
    std::uint32_t request = 0;
    bool ok = false;
    std::string detail;  // "PN532 v1.6 answered in 4 ms; no card on the reader"
};

struct CardWritten {
    std::uint32_t request = 0;
    std::string uid;
    CardWriteError error = CardWriteError::None;
    std::string identity;  // the new card token ("n:<card id>") when written
    std::string detail;    // technician-facing (never keys or personal data)
};

}  // namespace nfc
