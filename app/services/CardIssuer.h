#pragma once
// Before an enrolment or a replacement onto an NTAG21x that carries no
// loyalty record yet, the kiosk writes its own signed record onto that card
// (issue #6, docs/cards.md "Card ids"), so the card it hands out is
// clone-resistant from its first tap:
//   1. take a card serial from the database (storage::KioskIdentity);
//   2. ask the reader to write the record for this kiosk key and serial onto
//      the card in the field (main binds SupervisedCardReader::writeCard);
//   3. hand the decision on with the card's new token ("n:<card id>").
// Any failure answers DecisionFailed with the reason the screen explains
// (card lifted, moved, unsuitable, no kiosk key, reader down); nothing is
// recorded then. A card that is not an NTAG21x, or is one that already
// carries a verified record (its token is not "u:"), is linked as it is.

#include <cstdint>
#include <functional>
#include <string>
#include <variant>

#include "kiosk/Effects.h"
#include "kiosk/Messages.h"
#include "nfc/CardMessages.h"
#include "storage/Database.h"
#include "storage/RecordTime.h"

namespace services {

// Writes the record onto the card with this UID (which must be in the field).
using WriteCard = std::function<nfc::CardWritten(const std::string& uid, std::uint32_t serial, std::uint64_t issuedAt)>;

class CardIssuer {
public:
    // write may be null: then every card is linked as it is (a kiosk
    // without a reader, or tests of the flow alone).
    CardIssuer(storage::Database& db, WriteCard write) : db_(db), write_(std::move(write)) {}

    // The decision to record (its card token replaced by the written card's
    // when one was written), or why it cannot be.
    std::variant<kiosk::RecordDecision, kiosk::DecisionFailed> prepare(kiosk::RecordDecision request,
                                                                      const storage::RecordTime& now);

    // Why the last prepare() failed, for the technician's log (the reader's
    // detail; never a key or personal data).
    const std::string& lastProblem() const { return lastProblem_; }

    // Whether this card gets a record written before it is linked.
    static bool needsRecord(kiosk::CardKind kind, const std::string& token);
    static kiosk::FailureReason reasonFor(nfc::CardWriteError error);

private:
    storage::Database& db_;
    WriteCard write_;
    std::string lastProblem_;
};

}  // namespace services
