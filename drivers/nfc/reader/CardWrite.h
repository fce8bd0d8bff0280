#pragma once
// Writing this kiosk's signed loyalty record onto a card at enrolment, on
// the reader's thread (LibnfcCardReader::runOnCard), in the worker process
// that holds the kiosk key. cardWriteFromFiles() loads the key and the
// trust store from the same files as cardIdentifyFromFiles(); without a
// kiosk key it returns a writer that answers NoKioskKey, so a kiosk that
// cannot sign says so instead of issuing an unsigned card.
//
// The card id is the kiosk key's id in the high 32 bits and the serial the
// kiosk allocated in the low 32 bits (docs/cards.md, "Card ids").

#include <cstdint>
#include <functional>
#include <string>

#include "loyalty/Expected.h"
#include "nfc/CardMessages.h"
#include "nfc/CardTransport.h"
#include "nfc/reader/CardIdentify.h"

namespace nfc {

using CardWrite = std::function<CardWritten(const TargetInfo&, CardTransport&, const WriteCardRecord&)>;

loyalty::Expected<CardWrite, std::string> cardWriteFromFiles(const CardKeyFiles& files);

// The id a record gets for this kiosk key and serial.
std::uint64_t issuedCardId(std::uint32_t kioskKeyId, std::uint32_t serial);

// The answer when the card was not on the reader (lifted, another card).
CardWritten cardNotInField(const WriteCardRecord& request);

}  // namespace nfc
