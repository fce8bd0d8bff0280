#include "nfc/cards/KeyFile.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "nfc/cards/Hex.h"

namespace nfc::cards {

namespace {

using Json = nlohmann::json;

loyalty::Expected<Json, std::string> readJson(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
        return loyalty::unexpected(path + ": cannot open");
    }
    std::ostringstream text;
    text << in.rdbuf();
    Json object = Json::parse(text.str(), nullptr, false);
    if (object.is_discarded() || !object.is_object()) {
        return loyalty::unexpected(path + ": not a JSON object");
    }
    return object;
}

template <std::size_t N>
loyalty::Expected<std::array<std::uint8_t, N>, std::string> hexArray(const Json& object, const char* field,
                                                                     const std::string& path) {
    const auto it = object.find(field);
    std::optional<Bytes> bytes;
    if (it != object.end() && it->is_string()) {
        bytes = Hex::decodeExact(it->get<std::string>(), N);
    }
    if (!bytes) {
        return loyalty::unexpected(path + ": \"" + field + "\" must be " + std::to_string(N * 2) + " hex digits");
    }
    std::array<std::uint8_t, N> out{};
    std::copy(bytes->begin(), bytes->end(), out.begin());
    Ed25519::wipe(bytes->data(), bytes->size());
    return out;
}

}  // namespace

loyalty::Expected<SunKeys, std::string> KeyFile::sunKeys(const std::string& path) {
    auto object = readJson(path);
    if (!object) {
        return loyalty::unexpected(object.error());
    }
    SunKeys keys;
    auto meta = hexArray<16>(*object, "sdm_meta_read_key", path);
    if (!meta) {
        return loyalty::unexpected(meta.error());
    }
    keys.metaReadKey = *meta;
    keys.diversifyFileKey = object->contains("sdm_file_read_master_key");
    auto file = hexArray<16>(*object, keys.diversifyFileKey ? "sdm_file_read_master_key" : "sdm_file_read_key", path);
    if (!file) {
        return loyalty::unexpected(file.error());
    }
    keys.fileReadKey = *file;
    const auto system = object->find("system_identifier");
    if (system != object->end()) {
        if (!system->is_string() || system->get<std::string>().size() > 21) {
            return loyalty::unexpected(path + ": \"system_identifier\" must be text of at most 21 bytes");
        }
        const std::string text = system->get<std::string>();
        keys.systemIdentifier.assign(text.begin(), text.end());
    }
    Aes128::wipe(meta->data(), meta->size());
    Aes128::wipe(file->data(), file->size());
    return keys;
}

loyalty::Expected<Ed25519::PublicKey, std::string> KeyFile::headOfficePublicKey(const std::string& path) {
    auto object = readJson(path);
    if (!object) {
        return loyalty::unexpected(object.error());
    }
    return hexArray<32>(*object, "public_key", path);
}

loyalty::Expected<Ed25519::Seed, std::string> KeyFile::headOfficeSeed(const std::string& path) {
    auto object = readJson(path);
    if (!object) {
        return loyalty::unexpected(object.error());
    }
    return hexArray<32>(*object, "secret_seed", path);
}

loyalty::Expected<KioskSigner, std::string> KeyFile::kioskSigner(const std::string& path) {
    auto object = readJson(path);
    if (!object) {
        return loyalty::unexpected(object.error());
    }
    auto seed = hexArray<32>(*object, "secret_seed", path);
    auto certificateBytes = hexArray<KioskCertificate::kSize>(*object, "certificate", path);
    if (!seed) {
        return loyalty::unexpected(seed.error());
    }
    if (!certificateBytes) {
        return loyalty::unexpected(certificateBytes.error());
    }
    const auto certificate = KioskCertificate::decode(certificateBytes->data(), certificateBytes->size());
    const auto keyId = object->find("key_id");
    if (!certificate || keyId == object->end() || !keyId->is_number_unsigned() ||
        keyId->get<std::uint64_t>() != certificate->keyId) {
        return loyalty::unexpected(path + ": \"key_id\" must be the certificate's key id");
    }
    auto signer = KioskSigner::create(*seed, *certificate);
    Ed25519::wipe(seed->data(), seed->size());
    if (!signer) {
        return loyalty::unexpected(path + ": " + signer.error());
    }
    return signer;
}

}  // namespace nfc::cards
