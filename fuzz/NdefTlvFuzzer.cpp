// libFuzzer target: the card-format parsers an NTAG's memory reaches. The
// input is NTAG user memory (from page 4). It goes through
//  1. Type2Tlv::parse, checking every TLV it reports lies inside the input;
//  2. NdefMessage::parse of each NDEF TLV's value (and of the whole input),
//     checking that a parsed message re-encodes to bytes that parse back to
//     the same records;
//  3. UriRecord::decode and LoyaltyRecord::findIn on every parsed message,
//     checking a decoded loyalty record re-encodes to its exact payload.
// Any crash, sanitizer report or failed invariant (abort) is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "nfc/cards/LoyaltyRecord.h"
#include "nfc/cards/NdefMessage.h"
#include "nfc/cards/Type2Tlv.h"
#include "nfc/cards/UriRecord.h"

namespace {

using nfc::cards::NdefMessage;

bool sameRecords(const NdefMessage& a, const NdefMessage& b) {
    if (a.records().size() != b.records().size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.records().size(); ++i) {
        const auto& x = a.records()[i];
        const auto& y = b.records()[i];
        if (x.tnf != y.tnf || x.type != y.type || x.id != y.id || x.payload != y.payload) {
            return false;
        }
    }
    return true;
}

void checkMessage(const std::uint8_t* data, std::size_t size) {
    const auto message = NdefMessage::parse(data, size);
    if (!message) {
        if (message.error().offset > size) {
            std::abort();
        }
        return;
    }
    const auto encoded = message->encode();
    if (!encoded) {
        std::abort();  // whatever parses must encode
    }
    const auto again = NdefMessage::parse(*encoded);
    if (!again || !sameRecords(*message, *again)) {
        std::abort();
    }
    for (const auto& record : message->records()) {
        if (record.typeIs(nfc::cards::Tnf::WellKnown, "U")) {
            (void)nfc::cards::UriRecord::decode(record);
        }
    }
    const auto loyalty = nfc::cards::LoyaltyRecord::findIn(*message);
    if (loyalty && *loyalty) {
        const auto* record = message->find(nfc::cards::Tnf::External, nfc::cards::LoyaltyRecord::kType);
        if (!record || (*loyalty)->encodePayload() != record->payload) {
            std::abort();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto area = nfc::cards::Type2Tlv::parse(data, size);
    if (area) {
        if (area->end > size) {
            std::abort();
        }
        for (const auto& tlv : area->blocks) {
            if (tlv.valueOffset > size || tlv.valueLength > size - tlv.valueOffset) {
                std::abort();
            }
            if (tlv.type == nfc::cards::Type2Tlv::kNdef) {
                checkMessage(data + tlv.valueOffset, tlv.valueLength);
            }
        }
    }
    checkMessage(data, size);
    return 0;
}
