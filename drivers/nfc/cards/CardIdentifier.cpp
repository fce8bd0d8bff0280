#include "nfc/cards/CardIdentifier.h"

#include "nfc/cards/Hex.h"
#include "nfc/cards/NtagReader.h"
#include "nfc/cards/Type4Reader.h"
#include "nfc/cards/UriRecord.h"

namespace nfc::cards {

namespace {

CardPresented refused(CardPresented card, CardRefusal refusal, std::string detail) {
    card.identity.clear();
    card.refusal = refusal;
    card.detail = std::move(detail);
    return card;
}

CardPresented refused(CardPresented card, const CardFailure& failure) {
    return refused(std::move(card), failure.refusal, failure.detail);
}

}  // namespace

CardIdentifier::CardIdentifier(CardIdentifierConfig config) : config_(std::move(config)) {
    if (config_.sunKeys) {
        sun_.emplace(*config_.sunKeys, config_.sunNames);
    }
}

CardPresented CardIdentifier::identify(const TargetInfo& target, CardTransport& transport) const {
    CardPresented card;
    card.uid = Hex::encode(target.uid);
    if (target.uid.size() != 4 && target.uid.size() != 7 && target.uid.size() != 10) {
        return refused(std::move(card), CardRefusal::Unreadable, "UID of " + std::to_string(target.uid.size()) + " bytes");
    }
    if (!target.ats.empty()) {
        return type4(std::move(card), target, transport);
    }
    if (target.sak == 0x00 && target.uid.size() == 7) {
        return ntag(std::move(card), target, transport);
    }
    return uidOnly(std::move(card), "UID-only card");
}

CardPresented CardIdentifier::uidOnly(CardPresented card, const std::string& why) const {
    card.assurance = loyalty::Assurance::Low;
    if (!config_.acceptUidOnly) {
        return refused(std::move(card), CardRefusal::UnknownFormat, why + "; UID-only cards are not accepted");
    }
    // A 4-byte UID starting with 08 is random (ISO 14443-3): it changes at
    // every tap and identifies nothing.
    if (card.uid.size() == 8 && card.uid.rfind("08", 0) == 0) {
        return refused(std::move(card), CardRefusal::UnknownFormat, why + "; random UID");
    }
    card.identity = uidOnlyIdentity(card.uid);
    card.detail = why;
    return card;
}

CardPresented CardIdentifier::ntag(CardPresented card, const TargetInfo& target, CardTransport& transport) const {
    NtagReader reader(transport, config_.timeoutMs);
    const auto model = reader.detect();
    if (!model) {
        if (model.error().refusal == CardRefusal::Unreadable) {
            return refused(std::move(card), model.error());
        }
        return uidOnly(std::move(card), "not an NTAG21x (" + model.error().detail + ")");
    }
    card.kind = CardKind::Ntag21x;
    const auto content = reader.readNdefArea(*model);
    if (!content) {
        return refused(std::move(card), content.error());
    }
    if (!content->ndef) {
        return uidOnly(std::move(card), model->name + " without an NDEF message");
    }
    const auto message = NdefMessage::parse(*content->ndef);
    if (!message) {
        return refused(std::move(card), CardRefusal::UnknownFormat, "NDEF: " + message.error().message);
    }
    const auto found = LoyaltyRecord::findIn(*message);
    if (!found) {
        return refused(std::move(card), CardRefusal::BadSignature, "loyalty record: " + found.error().message);
    }
    if (!*found) {
        return uidOnly(std::move(card), model->name + " without a loyalty record");
    }
    if (!config_.trust) {
        return refused(std::move(card), CardRefusal::BadSignature, "no trust store to verify the loyalty record");
    }
    const auto verified = config_.trust->verify(**found, target.uid);
    if (!verified) {
        return refused(std::move(card), verified.error());
    }
    card.assurance = loyalty::Assurance::Signed;
    card.identity = verified->identity();
    card.detail = model->name + ", record of kiosk key " + std::to_string(verified->kioskKeyId);
    return card;
}

CardPresented CardIdentifier::type4(CardPresented card, const TargetInfo& target, CardTransport& transport) const {
    Type4Reader reader(transport, config_.timeoutMs);
    const auto bytes = reader.readNdefMessage();
    if (!bytes) {
        if (bytes.error().refusal == CardRefusal::Unreadable) {
            return refused(std::move(card), bytes.error());
        }
        return uidOnly(std::move(card), "ISO-DEP card without NDEF (" + bytes.error().detail + ")");
    }
    card.kind = CardKind::Ntag424;
    const auto message = NdefMessage::parse(*bytes);
    if (!message) {
        return refused(std::move(card), CardRefusal::UnknownFormat, "NDEF: " + message.error().message);
    }
    const auto url = UriRecord::firstUri(*message);
    if (!url) {
        return refused(std::move(card), CardRefusal::UnknownFormat, "no URI record");
    }
    if (!sun_ || !config_.counters) {
        return refused(std::move(card), CardRefusal::UnknownFormat, "no NTAG 424 keys or counter store configured");
    }
    // Check the MAC before the counter store hears about it; then make sure
    // the URL belongs to the card in the field before its counter is
    // consumed.
    const auto reading = sun_->verify(*url);
    if (!reading) {
        return refused(std::move(card), reading.error());
    }
    if (target.uid.size() == 7 && reading->uid != target.uid) {
        return refused(std::move(card), CardRefusal::BadMac, "SUN UID is not the UID in the field");
    }
    const auto accepted = SunVerifier::accept(*reading, *config_.counters);
    if (!accepted) {
        return refused(std::move(card), accepted.error());
    }
    card.assurance = loyalty::Assurance::SecureMessaging;
    card.identity = sunIdentity(accepted->uidHex());
    card.detail = "SUN read counter " + std::to_string(accepted->counter);
    return card;
}

}  // namespace nfc::cards
