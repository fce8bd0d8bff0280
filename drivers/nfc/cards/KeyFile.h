#pragma once
// Key files (JSON, assets/keys/ for the demo; docs/cards.md):
//   head office: {"public_key": "<64 hex>", ["secret_seed": "<64 hex>"]}
//   kiosk:       {"key_id": N, "secret_seed": "<64 hex>", "certificate": "<200 hex>"}
//   NTAG 424:    {"sdm_meta_read_key": "<32 hex>", and either "sdm_file_read_master_key": "<32 hex>"
//                 (diversified per card, optional "system_identifier": "text") or "sdm_file_read_key"}
// The secret seed of head office is only ever in a demo file: real head
// office keys never reach a kiosk. Messages name the file and field, never a
// key's value.

#include <string>

#include "loyalty/Expected.h"
#include "nfc/cards/KioskSigner.h"
#include "nfc/cards/SunVerifier.h"

namespace nfc::cards {

class KeyFile {
public:
    static loyalty::Expected<Ed25519::PublicKey, std::string> headOfficePublicKey(const std::string& path);
    static loyalty::Expected<Ed25519::Seed, std::string> headOfficeSeed(const std::string& path);
    static loyalty::Expected<KioskSigner, std::string> kioskSigner(const std::string& path);
    static loyalty::Expected<SunKeys, std::string> sunKeys(const std::string& path);
};

}  // namespace nfc::cards
