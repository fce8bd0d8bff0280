#include "nfc/cards/SunVerifier.h"

#include "nfc/cards/Hex.h"
#include "nfc/cards/KeyDiversifier.h"

namespace nfc::cards {

namespace {

constexpr std::uint8_t kTagUidMirrored = 0x80;
constexpr std::uint8_t kTagCounterMirrored = 0x40;
constexpr std::uint8_t kUidLength = 7;

loyalty::Unexpected<CardFailure> refuse(CardRefusal refusal, std::string detail) {
    return loyalty::unexpected(CardFailure{refusal, std::move(detail)});
}

}  // namespace

std::string SunReading::uidHex() const {
    return Hex::encode(uid);
}

SunVerifier::SunVerifier(SunKeys keys, SunParameterNames names) : keys_(std::move(keys)), names_(std::move(names)) {}

SunVerifier::~SunVerifier() {
    Aes128::wipe(keys_.metaReadKey.data(), keys_.metaReadKey.size());
    Aes128::wipe(keys_.fileReadKey.data(), keys_.fileReadKey.size());
}

std::optional<std::array<std::uint8_t, 8>> SunVerifier::sdmMac(const Bytes& uid, std::uint32_t counter) const {
    std::optional<Aes128::Key> fileKey = keys_.fileReadKey;
    if (keys_.diversifyFileKey) {
        fileKey = KeyDiversifier::diversify(keys_.fileReadKey, uid, keys_.systemIdentifier);
    }
    if (!fileKey) {
        return std::nullopt;
    }
    Bytes sv2{0x3C, 0xC3, 0x00, 0x01, 0x00, 0x80};
    sv2.insert(sv2.end(), uid.begin(), uid.end());
    sv2.push_back(static_cast<std::uint8_t>(counter & 0xFF));
    sv2.push_back(static_cast<std::uint8_t>((counter >> 8) & 0xFF));
    sv2.push_back(static_cast<std::uint8_t>((counter >> 16) & 0xFF));
    sv2.resize(16, 0x00);
    auto sessionKey = Aes128::cmac(*fileKey, sv2);
    Aes128::wipe(fileKey->data(), fileKey->size());
    if (!sessionKey) {
        return std::nullopt;
    }
    auto full = Aes128::cmac(*sessionKey, nullptr, 0);
    Aes128::wipe(sessionKey->data(), sessionKey->size());
    if (!full) {
        return std::nullopt;
    }
    std::array<std::uint8_t, 8> mac{};
    for (std::size_t i = 0; i < mac.size(); ++i) {
        mac[i] = (*full)[2 * i + 1];
    }
    return mac;
}

loyalty::Expected<SunReading, CardFailure> SunVerifier::decrypt(std::string_view url) const {
    const auto fields = SunUrl::parse(url, names_);
    if (!fields) {
        return refuse(CardRefusal::UnknownFormat, "not a SUN URL: " + fields.error().message);
    }
    auto plain = Aes128::decryptBlock(keys_.metaReadKey, fields->encryptedPiccData);
    if (!plain) {
        return refuse(CardRefusal::BadMac, "AES is not available");
    }
    const std::uint8_t tag = (*plain)[0];
    if ((tag & kTagUidMirrored) == 0 || (tag & kTagCounterMirrored) == 0 || (tag & 0x0F) != kUidLength) {
        Aes128::wipe(plain->data(), plain->size());
        return refuse(CardRefusal::BadMac, "PICCData tag is not C7: wrong SDM meta read key, or not UID+counter");
    }
    SunReading reading;
    reading.uid.assign(plain->begin() + 1, plain->begin() + 1 + kUidLength);
    reading.counter = static_cast<std::uint32_t>((*plain)[8]) | (static_cast<std::uint32_t>((*plain)[9]) << 8) |
                      (static_cast<std::uint32_t>((*plain)[10]) << 16);
    Aes128::wipe(plain->data(), plain->size());
    return reading;
}

loyalty::Expected<SunReading, CardFailure> SunVerifier::verify(std::string_view url) const {
    auto reading = decrypt(url);
    if (!reading) {
        return reading;
    }
    const auto fields = SunUrl::parse(url, names_);  // parsed by decrypt() already: cannot fail here
    const auto expected = sdmMac(reading->uid, reading->counter);
    if (!fields || !expected) {
        return refuse(CardRefusal::BadMac, "cannot derive the SDM session key");
    }
    if (!Aes128::equalConstantTime(expected->data(), fields->mac.data(), expected->size())) {
        return refuse(CardRefusal::BadMac, "SDM MAC does not verify (wrong SDM file read key or forged URL)");
    }
    return reading;
}

loyalty::Expected<SunReading, CardFailure> SunVerifier::verifyAndAccept(std::string_view url,
                                                                       SunCounterStore& store) const {
    auto reading = verify(url);
    if (!reading) {
        return reading;
    }
    return accept(*reading, store);
}

loyalty::Expected<SunReading, CardFailure> SunVerifier::accept(const SunReading& reading, SunCounterStore& store) {
    const auto accepted = store.acceptCounter(reading.uidHex(), reading.counter);
    if (!accepted) {
        return refuse(CardRefusal::Unreadable, "SUN counter store failed: " + accepted.error());
    }
    if (!*accepted) {
        return refuse(CardRefusal::Replayed,
                      "read counter " + std::to_string(reading.counter) + " is not above the last accepted one");
    }
    return reading;
}

}  // namespace nfc::cards
