#pragma once
// Reads a virtual card from a small JSON file (assets/cards/*.json; the
// format is in docs/pn532-sim.md):
//
//   {"type": "mifare-classic", "uid": "A1B2C3D4"}
//   {"type": "ntag213", "uid": "04...", "pages": ["04A1B2..", ...]}   (or "user_data": "0303D000FE")
//   {"type": "ntag424", "uid": "04...", "sdm_meta_read_key": "..", "sdm_file_read_key": "..",
//    "url": "https://example.com/t?e={picc}&c={cmac}", "read_counter": 60}
//
// Every problem is a message naming the file and the field; nothing throws.

#include <memory>
#include <string>
#include <string_view>

#include "loyalty/Expected.h"
#include "nfc/sim/VirtualCard.h"

namespace nfcsim {

class CardFile {
public:
    using Result = loyalty::Expected<std::shared_ptr<VirtualCard>, std::string>;

    static Result load(const std::string& path);
    // source names the text in messages (a path, "stdin", a test name).
    static Result parse(std::string_view text, const std::string& source);
};

}  // namespace nfcsim
