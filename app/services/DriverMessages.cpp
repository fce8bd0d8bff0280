#include "services/DriverMessages.h"

#include <type_traits>

namespace services {
namespace {

kiosk::CardKind toFlowKind(nfc::CardKind kind) {
    switch (kind) {
        case nfc::CardKind::Ntag21x: return kiosk::CardKind::Ntag21x;
        case nfc::CardKind::Ntag424: return kiosk::CardKind::Ntag424;
        case nfc::CardKind::UidOnly: break;
    }
    return kiosk::CardKind::UidOnly;
}

kiosk::ReaderState toFlowState(nfc::ReaderState state) {
    switch (state) {
        case nfc::ReaderState::Starting: return kiosk::ReaderState::Starting;
        case nfc::ReaderState::Ready: return kiosk::ReaderState::Ready;
        case nfc::ReaderState::Reopening: return kiosk::ReaderState::Reopening;
        case nfc::ReaderState::Unavailable: return kiosk::ReaderState::Unavailable;
        case nfc::ReaderState::Stopped: break;
    }
    return kiosk::ReaderState::Stopped;
}

}  // namespace

const char* readerStateName(nfc::ReaderState state) {
    switch (state) {
        case nfc::ReaderState::Starting: return "starting";
        case nfc::ReaderState::Ready: return "ready";
        case nfc::ReaderState::Reopening: return "reopening";
        case nfc::ReaderState::Unavailable: return "unavailable";
        case nfc::ReaderState::Stopped: break;
    }
    return "stopped";
}

kiosk::Message toFlowMessage(const nfc::NfcMessage& message) {
    return std::visit(
        [](const auto& value) -> kiosk::Message {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, nfc::CardPresented>) {
                kiosk::CardTapped tapped;
                tapped.uidHex = value.uid;
                tapped.kind = toFlowKind(value.kind);
                tapped.assurance = value.assurance;
                // A refused card (forged, replayed, unreadable) carries no token to look up.
                tapped.refusedByReader = value.refusal != nfc::CardRefusal::None || value.identity.empty();
                tapped.token = tapped.refusedByReader ? std::string() : value.identity;
                return tapped;
            } else if constexpr (std::is_same_v<T, nfc::CardRemoved>) {
                return kiosk::CardRemoved{};
            } else {
                return kiosk::ReaderStatusChanged{toFlowState(value.state), value.firmware, value.lastError};
            }
        },
        message);
}

kiosk::SyncStatusChanged toFlowMessage(const kiosksync::SyncStatus& status) {
    kiosk::SyncStatusChanged changed;
    changed.online = status.online;
    changed.queueDepth = status.queueDepth;
    changed.oldestUnsentAgeMs = status.oldestUnsentAgeMs;
    changed.lastSuccessAtMs = status.lastSuccessAtMs;
    return changed;
}

}  // namespace services
