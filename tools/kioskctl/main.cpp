// kioskctl: the technician's command line. Wiring only: parse the command
// line, hand over to the command's class, return its exit code.
//   kioskctl [--database PATH] db check|backup PATH|restore PATH|
//            export --format csv|json [--output FILE]|prune --retention-days N [--yes]|info
//   kioskctl reader test [--device CONN] [--timeout S]   (docs/reader.md)
// Exit codes: 0 ok, 1 a problem found or the operation failed, 2 usage.

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <string>

#include "kioskctl/CardCommands.h"
#include "kioskctl/DbCommands.h"
#include "kioskctl/ReaderCommands.h"

int main(int argc, char** argv) {
    CLI::App app{"kioskctl: technician's tool for the loyalty kiosk (docs/technician.md)"};
    app.require_subcommand(1);

    kioskctl::DbSettings settings;
    settings.databasePath = "/var/lib/loyalty-kiosk/kiosk.db";
    app.add_option("--database", settings.databasePath, "the kiosk's database (default: $KIOSK_DATABASE or "
                                                        "/var/lib/loyalty-kiosk/kiosk.db)")
        ->envname("KIOSK_DATABASE");
    app.add_option("--busy-timeout-ms", settings.busyTimeoutMs,
                   "how long to wait for a database another process holds")
        ->check(CLI::NonNegativeNumber);

    auto* db = app.add_subcommand("db", "the kiosk's database");
    db->require_subcommand(1);

    auto* check = db->add_subcommand("check", "full integrity check (PRAGMA integrity_check)");

    std::string backupPath;
    bool overwrite = false;
    auto* backup = db->add_subcommand("backup", "online backup to PATH (a file, or a directory to put it in)");
    backup->add_option("PATH", backupPath, "where to write the backup")->required();
    backup->add_flag("--force", overwrite, "replace PATH if it exists");

    std::string restorePath;
    auto* restore = db->add_subcommand("restore", "replace the database with a verified backup (kiosk stopped)");
    restore->add_option("PATH", restorePath, "the backup to restore")->required();

    std::string format;
    std::string outputPath;
    auto* exportLedger = db->add_subcommand("export", "the ledger with each event's sync state");
    exportLedger->add_option("--format", format, "csv or json")->required()->check(CLI::IsMember({"csv", "json"}));
    exportLedger->add_option("--output", outputPath, "file to write (default: standard output)");

    int retentionDays = 0;
    bool yes = false;
    auto* prune = db->add_subcommand("prune", "delete events head office acknowledged more than N days ago");
    prune->add_option("--retention-days", retentionDays, "keep events acknowledged in the last N days")
        ->required()
        ->check(CLI::NonNegativeNumber);
    prune->add_flag("--yes", yes, "really prune (without it, only count)");

    auto* info = db->add_subcommand("info", "path, size, schema, pragmas, outbox depth");

    kioskctl::CardCommands cards(app);  // card verify-sun (docs/cards.md)
    kioskctl::ReaderCommands reader(app);  // reader test (docs/reader.md)

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        const int code = app.exit(error);  // prints help or the error
        return code == 0 ? kioskctl::kExitOk : kioskctl::kExitUsage;
    }

    if (cards.parsed()) {
        return cards.run(std::cout, std::cerr);
    }
    if (reader.parsed()) {
        return reader.run(std::cout, std::cerr);
    }
    kioskctl::DbCommands commands(settings, std::cout, std::cerr);
    if (check->parsed()) {
        return commands.check();
    }
    if (backup->parsed()) {
        return commands.backup(backupPath, overwrite);
    }
    if (restore->parsed()) {
        return commands.restore(restorePath);
    }
    if (exportLedger->parsed()) {
        return commands.exportLedger(format, outputPath);
    }
    if (prune->parsed()) {
        return commands.prune(retentionDays, yes);
    }
    if (info->parsed()) {
        return commands.info();
    }
    return kioskctl::kExitUsage;
}
