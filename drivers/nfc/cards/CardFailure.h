#pragma once
// Why a card was not believed: the refusal the screen maps to one plain
// message, and a technician-facing detail (never keys, never personal data).

#include <string>

#include "nfc/CardMessages.h"

namespace nfc::cards {

struct CardFailure {
    CardRefusal refusal = CardRefusal::Unreadable;
    std::string detail;
};

}  // namespace nfc::cards
