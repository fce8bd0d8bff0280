#pragma once
// `kioskctl reader ...`: the technician's card reader commands.
//   reader test [--device CONN] [--timeout S] [--meta-key HEX --file-key HEX [--diversify]]
// opens the reader (the same LibnfcCardReader the kiosk's worker runs, in
// this process), prints its firmware, waits up to S seconds for a card and
// prints its UID, kind, assurance and decoded identity, or why it was
// refused. NTAG 424 DNA cards verify only with the SUN keys given; NTAG21x
// loyalty records are not verified here (no trust store), so they show as
// refused. Exit 0 a card was read (accepted or refused), 1 the reader failed
// or no card came, 2 usage. Keys are never printed.
// Registered in main.cpp before parsing:
//   kioskctl::ReaderCommands reader(app);  ...  if (reader.parsed()) return reader.run(std::cout, std::cerr);

#include <CLI/CLI.hpp>

#include <ostream>
#include <string>

namespace kioskctl {

struct ReaderTestOptions {
    std::string device = "pn532_uart:/dev/serial0";  // or $KIOSK_NFC_DEVICE
    int timeoutSeconds = 30;
    std::string metaKeyHex;
    std::string fileKeyHex;
    bool diversify = false;
};

class ReaderCommands {
public:
    static constexpr int kRead = 0;
    static constexpr int kFailed = 1;
    static constexpr int kUsage = 2;

    explicit ReaderCommands(CLI::App& app);
    ReaderCommands(const ReaderCommands&) = delete;
    ReaderCommands& operator=(const ReaderCommands&) = delete;

    bool parsed() const;
    int run(std::ostream& out, std::ostream& err);

    static int test(const ReaderTestOptions& options, std::ostream& out, std::ostream& err);

private:
    CLI::App* reader_ = nullptr;
    CLI::App* test_ = nullptr;
    ReaderTestOptions options_;
};

}  // namespace kioskctl
