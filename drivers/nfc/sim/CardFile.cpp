#include "nfc/sim/CardFile.h"

#include <nlohmann/json.hpp>

#include <fstream>
#include <optional>
#include <sstream>

#include "nfc/sim/Ntag424Card.h"
#include "nfc/sim/NtagCard.h"
#include "nfc/sim/UidOnlyCard.h"

namespace nfcsim {

namespace {

using Json = nlohmann::json;

loyalty::Unexpected<std::string> failure(const std::string& source, const std::string& message) {
    return loyalty::unexpected(source + ": " + message);
}

std::optional<std::string> stringField(const Json& object, const char* name) {
    const auto it = object.find(name);
    if (it == object.end() || !it->is_string()) {
        return std::nullopt;
    }
    return it->get<std::string>();
}

std::optional<Bytes> hexField(const Json& object, const char* name, std::size_t size) {
    const auto text = stringField(object, name);
    if (!text) {
        return std::nullopt;
    }
    auto bytes = parseHex(*text);
    if (!bytes || (size != 0 && bytes->size() != size)) {
        return std::nullopt;
    }
    return bytes;
}

CardFile::Result classicCard(const Json& object, const std::string& source) {
    const auto uid = hexField(object, "uid", 0);
    if (!uid || (uid->size() != 4 && uid->size() != 7)) {
        return failure(source, "\"uid\" must be 4 or 7 bytes of hex");
    }
    return std::shared_ptr<VirtualCard>(std::make_shared<UidOnlyCard>(*uid));
}

CardFile::Result ntagCard(const NtagModel& model, const Json& object, const std::string& source) {
    const auto uid = hexField(object, "uid", 7);
    if (!uid || (*uid)[0] != 0x04) {
        return failure(source, "\"uid\" must be 7 bytes of hex starting with 04 (NXP)");
    }
    Bytes memory;
    const auto pages = object.find("pages");
    if (pages != object.end()) {
        if (!pages->is_array() || pages->size() != model.pages) {
            return failure(source, "\"pages\" must list all " + std::to_string(model.pages) + " pages of an " +
                                       model.kind);
        }
        for (std::size_t i = 0; i < pages->size(); ++i) {
            const auto& page = (*pages)[i];
            const auto bytes = page.is_string() ? parseHex(page.get<std::string>()) : std::nullopt;
            if (!bytes || bytes->size() != 4) {
                return failure(source, "page " + std::to_string(i) + " must be 4 bytes of hex");
            }
            memory.insert(memory.end(), bytes->begin(), bytes->end());
        }
        if (NtagCard::uidFromMemory(memory) != uid) {
            return failure(source, "pages 0-2 do not hold \"uid\" with correct check bytes (BCC0, BCC1)");
        }
    } else {
        Bytes userData;
        if (object.contains("user_data")) {
            const auto data = hexField(object, "user_data", 0);
            if (!data || data->size() > static_cast<std::size_t>(model.dynamicLockPage - 4) * 4) {
                return failure(source, "\"user_data\" must be hex that fits the user memory");
            }
            userData = *data;
        }
        memory = NtagCard::factoryMemory(model, *uid, userData);
    }
    Bytes signature(32, 0x00);
    if (object.contains("signature")) {
        const auto bytes = hexField(object, "signature", 32);
        if (!bytes) {
            return failure(source, "\"signature\" must be 32 bytes of hex (r || s)");
        }
        signature = *bytes;
    }
    return std::shared_ptr<VirtualCard>(std::make_shared<NtagCard>(model, std::move(memory), std::move(signature)));
}

CardFile::Result ntag424Card(const Json& object, const std::string& source) {
    Ntag424Config config;
    const auto uid = hexField(object, "uid", 7);
    if (!uid) {
        return failure(source, "\"uid\" must be 7 bytes of hex");
    }
    config.uid = *uid;
    const auto metaKey = hexField(object, "sdm_meta_read_key", 16);
    const auto fileKey = hexField(object, "sdm_file_read_key", 16);
    if (!metaKey || !fileKey) {
        return failure(source, "\"sdm_meta_read_key\" and \"sdm_file_read_key\" must be 16 bytes of hex");
    }
    config.metaReadKey = *SunCrypto::keyFromBytes(*metaKey);
    config.fileReadKey = *SunCrypto::keyFromBytes(*fileKey);
    const auto url = stringField(object, "url");
    if (!url || url->find("{picc}") == std::string::npos || url->find("{cmac}") == std::string::npos) {
        return failure(source, "\"url\" must be a string with {picc} and {cmac} placeholders");
    }
    if (url->size() > 200) {
        return failure(source, "\"url\" is too long for the 256-byte NDEF file");
    }
    config.urlTemplate = *url;
    const auto counter = object.find("read_counter");
    if (counter != object.end()) {
        if (!counter->is_number_unsigned() || counter->get<std::uint64_t>() >= 0xFFFFFF) {
            return failure(source, "\"read_counter\" must be a whole number below 16777215");
        }
        config.readCounter = counter->get<std::uint32_t>();
    }
    if (object.contains("picc_padding")) {
        const auto padding = hexField(object, "picc_padding", 5);
        if (!padding) {
            return failure(source, "\"picc_padding\" must be 5 bytes of hex");
        }
        config.padding = *padding;
    }
    return std::shared_ptr<VirtualCard>(std::make_shared<Ntag424Card>(std::move(config)));
}

}  // namespace

CardFile::Result CardFile::load(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        return failure(path, "cannot open");
    }
    std::ostringstream text;
    text << in.rdbuf();
    return parse(text.str(), path);
}

CardFile::Result CardFile::parse(std::string_view text, const std::string& source) {
    const Json object = Json::parse(text.begin(), text.end(), nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
        return failure(source, "not a JSON object");
    }
    const auto type = stringField(object, "type");
    if (!type) {
        return failure(source, "\"type\" is missing");
    }
    if (*type == "mifare-classic") {
        return classicCard(object, source);
    }
    if (const auto model = NtagModel::byKind(*type)) {
        return ntagCard(*model, object, source);
    }
    if (*type == "ntag424") {
        return ntag424Card(object, source);
    }
    return failure(source, "unknown \"type\" " + *type + " (mifare-classic, ntag213, ntag215, ntag216, ntag424)");
}

}  // namespace nfcsim
