// libFuzzer target: the NTAG 424 DNA SUN URL as a card (or an attacker's
// phone) can present it. The input is the URL text. It goes through
//  1. SunUrl::parse with the default parameter names and with AN12196's
//     short ones (e, c);
//  2. SunVerifier::verify with the AN12196 all-zero keys and with a
//     diversified file key, so every URL that parses is decrypted and
//     MAC-checked; a reading must carry a 7-byte UID and a 24-bit counter;
//  3. the replay check against an in-memory counter store.
// Any crash, sanitizer report or failed invariant (abort) is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "nfc/cards/MemorySunCounterStore.h"
#include "nfc/cards/SunUrl.h"
#include "nfc/cards/SunVerifier.h"

namespace {

void checkReading(const loyalty::Expected<nfc::cards::SunReading, nfc::cards::CardFailure>& reading) {
    if (reading && (reading->uid.size() != 7 || reading->counter > 0xFFFFFF)) {
        std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view url(reinterpret_cast<const char*>(data), size);
    nfc::cards::SunParameterNames shortNames;
    shortNames.piccData = "e";
    shortNames.cmac = "c";
    (void)nfc::cards::SunUrl::parse(url, nfc::cards::SunParameterNames{});
    (void)nfc::cards::SunUrl::parse(url, shortNames);

    static const nfc::cards::SunVerifier plain(nfc::cards::SunKeys{});
    nfc::cards::SunKeys diversifiedKeys;
    diversifiedKeys.diversifyFileKey = true;
    static const nfc::cards::SunVerifier diversified(diversifiedKeys, shortNames);
    nfc::cards::MemorySunCounterStore store;
    const auto first = plain.verifyAndAccept(url, store);
    checkReading(first);
    if (first) {
        // The same URL a second time is always a replay.
        const auto second = plain.verifyAndAccept(url, store);
        if (second || second.error().refusal != nfc::CardRefusal::Replayed) {
            std::abort();
        }
    }
    checkReading(diversified.verify(url));
    return 0;
}
