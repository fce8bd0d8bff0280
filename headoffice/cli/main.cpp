// headoffice: the head-office reference service of the sync protocol
// (docs/sync-protocol.md). Wiring only: parse the command line, run the
// command, return its exit code.
//   headoffice serve --store URL [--listen HOST:PORT] [--quiet] [--threads N]
//   headoffice load --store URL FILE
//   headoffice add-kiosk --store URL ID [--rotate]
//   headoffice info --store URL
// URL: sqlite:PATH, a plain PATH, or postgresql://... ($HEADOFFICE_STORE).
// Exit codes: 0 done, 1 failed, 2 usage.

#include <CLI/CLI.hpp>
#include <string>

#include "cli/Commands.h"

int main(int argc, char** argv) {
    CLI::App app{"headoffice: the loyalty kiosks' head office (docs/sync-protocol.md)"};
    app.require_subcommand(1);

    std::string store;
    const std::string storeHelp = "sqlite:PATH, a file path, or postgresql://user@host:port/db";

    std::string listen = "127.0.0.1:8480";
    bool quiet = false;
    std::size_t threads = 16;
    auto* serve = app.add_subcommand("serve", "serve the sync protocol");
    serve->add_option("--store", store, storeHelp)->envname("HEADOFFICE_STORE")->required();
    serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0: a free port, printed)");
    serve->add_flag("--quiet", quiet, "no request log");
    serve->add_option("--threads", threads, "request threads (default 16)")->check(CLI::Range(1, 256));

    std::string file;
    auto* load = app.add_subcommand("load", "load members, cards, staff, catalogue, reward totals and kiosks "
                                            "from a JSON file (all or nothing; loading twice changes nothing)");
    load->add_option("--store", store, storeHelp)->envname("HEADOFFICE_STORE")->required();
    load->add_option("FILE", file, "the load file (format: docs/sync-protocol.md, \"Head office\")")->required();

    std::string kioskId;
    bool rotate = false;
    auto* addKiosk = app.add_subcommand("add-kiosk", "register a kiosk and print its new token, once");
    addKiosk->add_option("--store", store, storeHelp)->envname("HEADOFFICE_STORE")->required();
    addKiosk->add_option("ID", kioskId, "the kiosk's id")->required();
    addKiosk->add_flag("--rotate", rotate, "give an existing kiosk a new token (the old one stops working)");

    auto* info = app.add_subcommand("info", "what the store holds, in counts");
    info->add_option("--store", store, storeHelp)->envname("HEADOFFICE_STORE")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : 2;
    }
    if (serve->parsed()) {
        return headoffice::Commands::serve(store, listen, quiet, threads);
    }
    if (load->parsed()) {
        return headoffice::Commands::load(store, file);
    }
    if (addKiosk->parsed()) {
        return headoffice::Commands::addKiosk(store, kioskId, rotate);
    }
    return headoffice::Commands::info(store);
}
