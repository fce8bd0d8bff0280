#pragma once
// The reader's and the sync thread's messages, as the flow takes them. The
// flow depends on neither driver (docs/architecture.md); these two functions
// are the only place their types meet.

#include "kiosk/Messages.h"
#include "nfc/CardMessages.h"
#include "sync/SyncStatus.h"

namespace services {

kiosk::Message toFlowMessage(const nfc::NfcMessage& message);
kiosk::SyncStatusChanged toFlowMessage(const kiosksync::SyncStatus& status);

// The reader's state as the sync heartbeat reports it ("ready", "reopening" ...).
const char* readerStateName(nfc::ReaderState state);

}  // namespace services
