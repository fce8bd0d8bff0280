#include "services/CardIssuer.h"

#include "storage/KioskIdentity.h"

namespace services {

bool CardIssuer::needsRecord(kiosk::CardKind kind, const std::string& token) {
    return kind == kiosk::CardKind::Ntag21x && token.rfind("u:", 0) == 0;
}

kiosk::FailureReason CardIssuer::reasonFor(nfc::CardWriteError error) {
    switch (error) {
        case nfc::CardWriteError::NotInField: return kiosk::FailureReason::CardNotOnReader;
        case nfc::CardWriteError::CardMoved: return kiosk::FailureReason::CardMoved;
        case nfc::CardWriteError::Unsuitable: return kiosk::FailureReason::CardUnsuitable;
        case nfc::CardWriteError::NoKioskKey: return kiosk::FailureReason::CannotIssueCards;
        case nfc::CardWriteError::ReaderUnavailable:
        case nfc::CardWriteError::None: break;
    }
    return kiosk::FailureReason::ReaderUnavailable;
}

std::variant<kiosk::RecordDecision, kiosk::DecisionFailed> CardIssuer::prepare(kiosk::RecordDecision request,
                                                                               const storage::RecordTime& now) {
    std::string* token = nullptr;
    std::string uid;
    if (auto* enrol = std::get_if<kiosk::EnrolMember>(&request.what);
        enrol != nullptr && needsRecord(enrol->kind, request.cardToken)) {
        token = &request.cardToken;
        uid = enrol->uidHex;
    } else if (auto* replace = std::get_if<kiosk::ReplaceCard>(&request.what);
               replace != nullptr && needsRecord(replace->newKind, replace->newCardToken)) {
        token = &replace->newCardToken;
        uid = replace->newUidHex;
    }
    if (token == nullptr || !write_) {
        return request;
    }
    const std::int64_t seconds = now.wallTimeMs / 1000;
    auto serial = storage::KioskIdentity(db_).takeCardSerial(seconds);
    if (!serial) {
        lastProblem_ = "card serial: " + serial.error().message;
        return kiosk::DecisionFailed{request.request, kiosk::FailureReason::Storage};
    }
    const nfc::CardWritten written = write_(uid, *serial, static_cast<std::uint64_t>(seconds));
    if (written.error != nfc::CardWriteError::None || written.identity.empty()) {
        lastProblem_ = written.detail.empty() ? "the reader wrote no record" : written.detail;
        return kiosk::DecisionFailed{request.request, reasonFor(written.error)};
    }
    *token = written.identity;
    return request;
}

}  // namespace services
