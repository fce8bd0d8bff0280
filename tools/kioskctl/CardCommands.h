#pragma once
// `kioskctl card ...`: the technician's card commands.
//   card verify-sun --url URL --meta-key HEX --file-key HEX [--last-counter N]
//        [--picc-param NAME] [--cmac-param NAME] [--diversify [--system-id TEXT]]
// prints the UID and read counter of an NTAG 424 DNA SUN URL and whether it
// is valid, with the reason when not. Exit 0 valid, 1 invalid, 2 usage.
// Keys are never printed. Registered in main.cpp before parsing:
//   kioskctl::CardCommands cards(app);  ...  if (cards.parsed()) return cards.run(std::cout, std::cerr);

#include <CLI/CLI.hpp>

#include <cstdint>
#include <ostream>
#include <string>

namespace kioskctl {

struct VerifySunOptions {
    std::string url;
    std::string metaKeyHex;
    std::string fileKeyHex;
    bool haveLastCounter = false;
    std::uint32_t lastCounter = 0;
    std::string piccParameter = "picc_data";
    std::string cmacParameter = "cmac";
    bool diversify = false;  // --file-key is the master; the card's key is AN10922-diversified
    std::string systemIdentifier = "CornerRewards";
};

class CardCommands {
public:
    static constexpr int kValid = 0;
    static constexpr int kInvalid = 1;
    static constexpr int kUsage = 2;

    explicit CardCommands(CLI::App& app);
    CardCommands(const CardCommands&) = delete;
    CardCommands& operator=(const CardCommands&) = delete;

    bool parsed() const;
    int run(std::ostream& out, std::ostream& err);

    static int verifySun(const VerifySunOptions& options, std::ostream& out, std::ostream& err);

private:
    CLI::App* card_ = nullptr;
    CLI::App* verifySun_ = nullptr;
    CLI::Option* lastCounterOption_ = nullptr;
    VerifySunOptions options_;
};

}  // namespace kioskctl
