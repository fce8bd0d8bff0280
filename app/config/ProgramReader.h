#pragma once
// Internal to kiosk_config (includes toml++): turns a parsed TOML document
// into a loyalty::Program, checking every table and key (docs/configuration.md)
// and recording each problem in a ConfigProblems.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <toml++/toml.h>

#include "config/ConfigProblems.h"
#include "config/TomlTableReader.h"
#include "loyalty/Program.h"

namespace config {

class ProgramReader {
public:
    explicit ProgramReader(ConfigProblems& problems) : problems_(problems) {}

    // Reads the whole document. The result is only meaningful when no problem
    // was recorded.
    loyalty::Program read(const toml::table& root);

    // Decimal places of an ISO 4217 currency's minor unit (2 unless known otherwise).
    static int currencyDecimals(std::string_view currency);

private:
    void readProgram(TomlTableReader& root);
    void readEarn(TomlTableReader& root);
    void readTierPolicy(TomlTableReader& root);
    void readTiers(TomlTableReader& root);
    void readPromotions(TomlTableReader& root);
    void readRewards(TomlTableReader& root);
    void readOffers(TomlTableReader& root);
    void readStampCards(TomlTableReader& root);
    void readExpiry(TomlTableReader& root);
    void readOffline(TomlTableReader& root);
    void readVelocity(TomlTableReader& root);

    void readValidity(TomlTableReader& table, std::optional<loyalty::Date>& from, std::optional<loyalty::Date>& until);
    // Reads the "id" key and refuses one already used in `seen` (id, path).
    std::string readUniqueId(TomlTableReader& table, std::vector<std::pair<std::string, std::string>>& seen);
    // Refuses a tier id that no [[tiers]] table defines.
    void checkTierReference(const std::string& path, const std::string& tierId, const toml::source_region& where);

    ConfigProblems& problems_;
    loyalty::Program program_;
    int decimals_ = 2;
    std::vector<std::string> tierIds_;
};

}  // namespace config
