#include "loyalty/Event.h"

namespace loyalty {

std::string_view eventTypeName(EventType type) {
    switch (type) {
        case EventType::Earn: return "earn";
        case EventType::Redeem: return "redeem";
        case EventType::Adjust: return "adjust";
        case EventType::Void: return "void";
        case EventType::Enrol: return "enrol";
        case EventType::CardLink: return "card-link";
        case EventType::CardBlock: return "card-block";
        case EventType::OfferActivate: return "offer-activate";
        case EventType::Stamp: return "stamp";
        case EventType::Rating: return "rating";
        case EventType::Expire: return "expire";
    }
    return "unknown";  // not reached for a valid enumerator
}

}  // namespace loyalty
