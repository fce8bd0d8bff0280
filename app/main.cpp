// loyalty-kiosk: wiring only. Parses the command line, loads the programme and
// the language catalogues, opens the database, and connects the threads:
//   UI thread      the window and the flow (KioskWindow)
//   effect worker  the flow's effects against the database (services::EffectWorker)
//   reader         the supervised libnfc worker process (nfc::SupervisedCardReader)
//   sync           head office (kiosksync::SyncClient), when one is configured
//   demo           with --demo, the PN532 simulator in this process as the
//                  reader, its cards on keys 1-9 and the demo tray (app/demo)
// Messages from the last three reach the flow through one mailbox that wakes
// the UI thread (design brief §3).

#include <CLI/CLI.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "config/Catalog.h"
#include "config/ProgramLoader.h"
#include "demo/DemoCards.h"
#include "demo/DemoTray.h"
#include "kiosk/KioskFlow.h"
#include "nfc/reader/SupervisedCardReader.h"
#include "services/DriverMessages.h"
#include "services/EffectWorker.h"
#include "services/LogRing.h"
#include "services/Mailbox.h"
#include "storage/KioskIdentity.h"
#include "storage/KioskStore.h"
#include "sync/SyncClient.h"
#include "ui/KioskWindow.h"

namespace {

constexpr const char* kInstalledAssets = "/usr/share/loyalty-kiosk";
constexpr const char* kDefaultDatabase = "/var/lib/loyalty-kiosk/kiosk.db";
constexpr const char* kInstalledNfcWorker = "/usr/lib/loyalty-kiosk/kiosk-nfc-worker";
constexpr const char* kKeysDir = "/etc/loyalty-kiosk/keys";

// The card key files the reader's worker verifies cards with: each option,
// else the installed file when it exists; demo mode uses the demo keys
// published in assets/keys/ and a SUN counter file it starts afresh (the
// simulated NTAG 424 card's counter starts again at each run).
nfc::CardKeyFiles cardKeyFiles(nfc::CardKeyFiles chosen, bool refuseUidOnly, bool demo, const std::string& assetDir,
                               const std::string& database) {
    const auto fallback = [](std::string& path, const std::string& candidate) {
        std::error_code ignored;
        if (path.empty() && std::filesystem::exists(candidate, ignored)) {
            path = candidate;
        }
    };
    if (demo) {
        fallback(chosen.headOfficeKey, assetDir + "/keys/demo-head-office.json");
        fallback(chosen.kioskKey, assetDir + "/keys/demo-kiosk.json");
        fallback(chosen.sunKeys, assetDir + "/keys/demo-sun.json");
        if (chosen.sunCounters.empty()) {
            chosen.sunCounters = database + ".demo-sun-counters";
            std::error_code ignored;
            std::filesystem::remove(chosen.sunCounters, ignored);
        }
    }
    fallback(chosen.headOfficeKey, std::string(kKeysDir) + "/head-office.json");
    fallback(chosen.kioskKey, std::string(kKeysDir) + "/kiosk.json");
    fallback(chosen.sunKeys, std::string(kKeysDir) + "/sun.json");
    if (!chosen.sunKeys.empty() && chosen.sunCounters.empty()) {
        chosen.sunCounters = (std::filesystem::path(database).parent_path() / "sun-counters").string();
    }
    chosen.acceptUidOnly = !refuseUidOnly;
    return chosen;
}

// The value of an option, else of an environment variable, else fallback.
std::string optionOrEnv(const std::string& option, const char* variable, const std::string& fallback = {}) {
    if (!option.empty()) {
        return option;
    }
    if (const char* value = std::getenv(variable); value && *value) {
        return value;
    }
    return fallback;
}

// The shop's UTC offset now, from the system's time zone (TZ, /etc/localtime).
std::int32_t localUtcOffsetSeconds() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return static_cast<std::int32_t>(local.tm_gmtoff);
}

// The reader's worker program: --nfc-worker, $KIOSK_NFC_WORKER, the
// installed one, else the one built next to this binary.
std::string findNfcWorker(const std::string& requested) {
    std::string path = optionOrEnv(requested, "KIOSK_NFC_WORKER");
    if (!path.empty()) {
        return path;
    }
    std::error_code ignored;
    return std::filesystem::exists(kInstalledNfcWorker, ignored) ? kInstalledNfcWorker : KIOSK_BUILT_NFC_WORKER;
}

// The bearer token for head office, read from a file so it never appears in
// a process listing or a log. Whitespace around it is dropped.
loyalty::Expected<std::string, std::string> readToken(const std::string& path) {
    std::ifstream in(path);
    std::string token;
    if (!in || !(in >> token)) {
        return loyalty::unexpected("cannot read the head-office token from " + path);
    }
    return token;
}

// The technician's "test reader": a live test through the reader's worker
// (the chip answers a command now, or not), with the last reader status
// beside it when the test fails (why the reader is down).
class ReaderWatch {
public:
    void update(const nfc::ReaderStatus& status) {
        std::lock_guard lock(mutex_);
        last_ = status;
    }
    kiosk::ReaderTested test(kiosk::RequestId request, nfc::SupervisedCardReader* reader) const {
        if (reader == nullptr) {
            return {request, false, "no reader configured"};
        }
        const nfc::SelfTestResult live = reader->testReader(std::chrono::milliseconds(3000));
        if (live.ok) {
            return {request, true, live.detail};
        }
        std::lock_guard lock(mutex_);
        std::string detail = live.detail;
        if (last_) {
            detail += "; reader " + std::string(services::readerStateName(last_->state));
            if (!last_->lastError.empty()) {
                detail += ", last error: " + last_->lastError;
            }
        }
        return {request, false, detail};
    }

private:
    mutable std::mutex mutex_;
    std::optional<nfc::ReaderStatus> last_;
};

// --assets, then $KIOSK_ASSETS, then the installed location, then the source
// tree this binary was built from (a developer's build).
std::string findAssets(const std::string& requested) {
    if (!requested.empty()) {
        return requested;
    }
    if (const char* fromEnvironment = std::getenv("KIOSK_ASSETS"); fromEnvironment && *fromEnvironment) {
        return fromEnvironment;
    }
    std::error_code ignored;
    if (std::filesystem::is_directory(kInstalledAssets, ignored)) {
        return kInstalledAssets;
    }
    return KIOSK_SOURCE_ASSETS;
}

int fail(const std::string& message) {
    std::fprintf(stderr, "loyalty-kiosk: %s\n", message.c_str());
    return 1;
}

// Opens the ledger (quick check, migrations), provisions the kiosk id on
// first start, and logs how the database runs. A database that cannot be
// opened stops the kiosk with the store's message (file and recovery).
loyalty::Expected<storage::KioskStore, std::string> openStore(const std::string& path, const std::string& kioskId) {
    auto store = storage::KioskStore::open({path});
    if (!store) {
        return loyalty::unexpected(store.error().message);
    }
    auto& db = store->database();
    const auto level = db.synchronousLevel();
    const auto journal = db.queryText("PRAGMA journal_mode");
    std::fprintf(stderr, "loyalty-kiosk: database %s: journal_mode=%s synchronous=%s schema=%d%s%s\n", path.c_str(),
                 journal ? journal->c_str() : "?",
                 level ? storage::Database::synchronousName(level.value()).c_str() : "?", store->schemaVersion(),
                 store->degraded() ? ", READ-ONLY: " : "", store->readOnlyReason().c_str());
    // The start-up check read every page through this connection's cache;
    // the UI thread hardly reads again (the workers have their own).
    (void)db.exec("PRAGMA shrink_memory");
    if (!kioskId.empty() && !store->readOnly()) {
        if (auto provisioned = storage::KioskIdentity(db).provision(kioskId, 0); !provisioned) {
            return loyalty::unexpected(provisioned.error().message);
        }
    }
    return std::move(store.value());
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App cli{"Loyalty kiosk: the in-store loyalty terminal"};
    std::string windowed;
    std::string assets;
    std::string programFile;
    std::string database;
    std::string kioskId;
    std::vector<std::string> languages{"en", "es"};
    std::string reader;
    std::string nfcWorker;
    std::string headOffice;
    std::string tokenFile;
    std::string caFile;
    kiosk::FlowSettings flowSettings;
    double customerIdleSeconds = 20.0;
    double staffIdleSeconds = 60.0;
    bool demoMode = false;
    nfc::CardKeyFiles cardKeys;
    bool refuseUidOnly = false;
    ui::KioskWindowOptions options;
    cli.add_option("--windowed", windowed, "Run in a window of this size instead of fullscreen, e.g. 1280x800");
    cli.add_option("--screenshot", options.screenshotPath, "Write a PNG of the first settled frame here and exit");
    cli.add_option("--assets", assets, "Directory with program.toml, i18n/ and fonts (default: installed assets)");
    cli.add_option("--program", programFile, "Programme file (default: ASSETS/program.toml)");
    cli.add_option("--database", database, "The kiosk's SQLite ledger (default: $KIOSK_DATABASE, else /var/lib/loyalty-kiosk/kiosk.db)");
    cli.add_option("--kiosk-id", kioskId, "Provision this kiosk id on first start (1-64 of A-Z a-z 0-9 . _ -)");
    cli.add_option("--languages", languages, "Languages offered, first is the default")->delimiter(',');
    cli.add_option("--dpi", options.dpi, "Pixel density of the panel; sizes touch targets")->check(CLI::Range(50.0, 600.0));
    cli.add_flag("--high-contrast", options.highContrast, "High-contrast theme");
    cli.add_option("--reader", reader, "libnfc connstring of the card reader (default: $KIOSK_READER; none: no reader)");
    cli.add_option("--nfc-worker", nfcWorker, "The kiosk-nfc-worker program (default: $KIOSK_NFC_WORKER, else installed)");
    cli.add_option("--head-office", headOffice, "Head office base URL (default: $KIOSK_HEAD_OFFICE; none: offline)");
    cli.add_option("--token-file", tokenFile, "File holding this kiosk's head-office token (default: $KIOSK_TOKEN_FILE)");
    cli.add_option("--ca-file", caFile, "PEM certificates to trust for head office instead of the system's");
    cli.add_option("--customer-idle", customerIdleSeconds, "Seconds before an untouched customer screen returns to attract")
        ->check(CLI::Range(1.0, 600.0));
    cli.add_option("--staff-idle", staffIdleSeconds, "Seconds before an untouched staff session logs out")
        ->check(CLI::Range(5.0, 3600.0));
    cli.add_option("--ui-trace", options.uiTracePath, "Append one JSON line per frame (screen, texts) to this file; - for stderr");
    cli.add_option("--screenshot-dir", options.screenshotDir, "Write a PNG of every screen shown into this directory");
    cli.add_flag("--continuous", options.continuous, "Draw every frame (benchmark baseline only)");
    cli.add_option("--head-office-key", cardKeys.headOfficeKey,
                   "Head office's public key file: verifies signed NTAG cards (default: " +
                       std::string(kKeysDir) + "/head-office.json if present)");
    cli.add_option("--kiosk-key", cardKeys.kioskKey,
                   "This kiosk's key and certificate file (default: " + std::string(kKeysDir) + "/kiosk.json if present)");
    cli.add_option("--sun-keys", cardKeys.sunKeys,
                   "NTAG 424 DNA SUN keys file (default: " + std::string(kKeysDir) + "/sun.json if present)");
    cli.add_option("--sun-counters", cardKeys.sunCounters,
                   "File of the last SUN counter per NTAG 424 card (default: sun-counters beside the database)");
    cli.add_flag("--no-uid-only", refuseUidOnly, "Refuse UID-only cards (MIFARE, unsigned NTAG)");
    cli.add_flag("--demo", demoMode,
                 "Demo mode: the PN532 simulator as the reader, demo cards on keys 1-9 (0 removes) and an on-screen tray");
    cli.set_version_flag("--version", KIOSK_VERSION);
    CLI11_PARSE(cli, argc, argv);

    if (!windowed.empty()) {
        options.window.fullscreen = false;
        if (!ui::parseWindowSize(windowed, options.window.width, options.window.height)) {
            return fail("--windowed takes WIDTHxHEIGHT between 320x240 and 7680x4320, got '" + windowed + "'");
        }
    }
    if (demoMode && !reader.empty()) {
        return fail("--demo and --reader exclude each other (demo mode's reader is the PN532 simulator)");
    }
    const std::string assetDir = findAssets(assets);
    if (programFile.empty()) {
        programFile = assetDir + "/program.toml";
    }
    auto program = config::ProgramLoader::loadFile(programFile);
    if (!program) {
        return fail("the programme file is not valid: " + program.error().describe());
    }
    auto catalogues = config::Catalog::loadLanguages(assetDir + "/i18n", languages);
    if (!catalogues) {
        return fail(catalogues.error());
    }

    if (database.empty()) {
        const char* fromEnvironment = std::getenv("KIOSK_DATABASE");
        database = fromEnvironment && *fromEnvironment ? fromEnvironment : kDefaultDatabase;
    }
    auto store = openStore(database, kioskId);
    if (!store) {
        return fail(store.error());
    }

    // Demo mode: the simulator stands in for the reader. Started before the
    // window (a broken tray stops the kiosk at once) and declared before the
    // window and the reader, so it outlives both.
    std::unique_ptr<demo::DemoCards> demoCards;
    std::unique_ptr<demo::DemoTray> demoTray;
    if (demoMode) {
        auto started = demo::DemoCards::start(assetDir + "/cards/demo/tray.json");
        if (!started) {
            return fail(started.error());
        }
        demoCards = std::move(started.value());
        demoTray = std::make_unique<demo::DemoTray>(*demoCards);
        reader = demoCards->connstring();
    }

    options.window.title = program->name;
    options.faces = ui::FontSet::kioskFaces(assetDir);

    options.utcOffsetSeconds = localUtcOffsetSeconds();
    flowSettings.customerIdleMs = static_cast<std::int64_t>(customerIdleSeconds * 1000.0);
    flowSettings.staffIdleMs = static_cast<std::int64_t>(staffIdleSeconds * 1000.0);
    kiosk::KioskFlow flow(*program, std::move(catalogues.value()), flowSettings);
    auto created = ui::KioskWindow::create(options, flow);
    if (!created) {
        return fail(created.error());
    }
    ui::KioskWindow& window = *created.value();
    services::LogRing log;

    if (demoCards) {
        log.add("demo mode: " + std::to_string(demoCards->cards().size()) + " demo cards on the PN532 simulator");
    }
    services::Mailbox<kiosk::Message> inbox(window.waker());

    // Head office, when configured: its own thread and connection.
    std::atomic<services::EffectWorker*> onlineSink{nullptr};  // set once the effect worker exists
    std::unique_ptr<kiosksync::SyncClient> sync;
    headOffice = optionOrEnv(headOffice, "KIOSK_HEAD_OFFICE");
    if (!headOffice.empty() && headOffice != "none") {
        auto token = readToken(optionOrEnv(tokenFile, "KIOSK_TOKEN_FILE", "/etc/loyalty-kiosk/token"));
        if (!token) {
            return fail(token.error());
        }
        kiosksync::SyncOptions syncOptions;
        syncOptions.databasePath = database;
        syncOptions.http.baseUrl = headOffice;
        syncOptions.http.bearerToken = token.value();
        syncOptions.http.caFile = caFile;
        syncOptions.log = [&log](const std::string& line) { log.add("sync: " + line); };
        sync = std::make_unique<kiosksync::SyncClient>(
            std::move(syncOptions), [&inbox, &onlineSink](const kiosksync::SyncStatus& s) {
                // The worker's offline limits and its online lookup on tap follow head office's reach.
                if (services::EffectWorker* worker = onlineSink.load()) {
                    worker->setOnline(s.online);
                }
                inbox.post(services::toFlowMessage(s));
            });
        if (const auto& problem = sync->configurationError()) {
            return fail("head office " + headOffice + ": " + problem->message);
        }
    } else {
        log.add("no head office configured: working offline");
    }

    // The card reader, in its supervised worker process.
    // Declared before the effect worker, which writes cards through it.
    std::unique_ptr<nfc::SupervisedCardReader> cardReader;
    bool issuesCards = false;
    if (!demoMode) {
        reader = optionOrEnv(reader, "KIOSK_READER");
    }
    if (!reader.empty() && reader != "none") {
        nfc::SupervisorOptions readerOptions;
        readerOptions.workerPath = findNfcWorker(nfcWorker);
        readerOptions.cards = cardKeyFiles(cardKeys, refuseUidOnly, demoMode, assetDir, database);
        issuesCards = !readerOptions.cards.kioskKey.empty() || !readerOptions.cards.acceptUidOnly;
        readerOptions.reader.connstring = reader;
        cardReader = std::make_unique<nfc::SupervisedCardReader>(std::move(readerOptions));
    } else {
        log.add("no card reader configured (--reader)");
    }

    // The flow's effects, on a worker thread with its own connection.
    ReaderWatch readerWatch;
    services::EffectWorkerOptions workerOptions;
    workerOptions.databasePath = database;
    workerOptions.program = *program;
    workerOptions.utcOffsetSeconds = options.utcOffsetSeconds;
    workerOptions.version = KIOSK_VERSION;
    workerOptions.log = &log;
    workerOptions.onRecorded = [&sync] {
        if (sync) {
            sync->notifyNewEvents();
        }
    };
    workerOptions.testReader = [&readerWatch, &cardReader](kiosk::RequestId request) {
        return readerWatch.test(request, cardReader.get());
    };
    if (sync) {
        workerOptions.onlineLookup = [&sync](const std::string& token) { return sync->lookupCard(token); };
    }
    if (cardReader && issuesCards) {
        // A blank NTAG gets this kiosk's signed record before it is enrolled.
        // With no kiosk key it is linked by its UID, unless UID-only cards are
        // refused: then the write fails and the screen says the kiosk cannot
        // issue cards (a UID-linked card would be refused at its next tap).
        workerOptions.writeCard = [&cardReader](const std::string& uid, std::uint32_t serial, std::uint64_t issuedAt) {
            return cardReader->writeCard(uid, serial, issuedAt, std::chrono::milliseconds(5000));
        };
    }
    services::EffectWorker worker(std::move(workerOptions), inbox);
    onlineSink = &worker;

    ui::FlowLinks links;
    links.takeMessages = [&inbox] { return inbox.drain(); };
    links.runEffects = [&worker](std::vector<kiosk::Effect> effects) {
        for (auto& effect : effects) {
            worker.post(std::move(effect));
        }
    };
    if (demoTray) {
        links.onKey = [&tray = *demoTray, &window](int key) {
            if (tray.onKey(key)) {
                window.redraw();  // the tray shows the card on the reader
            }
        };
        links.drawOverlay = [&tray = *demoTray](const ui::UiContext& context) { tray.draw(context); };
    }
    window.link(std::move(links));
    worker.start();
    if (sync) {
        sync->start();
    }
    if (cardReader) {
        cardReader->start([&inbox, &readerWatch, &log, &sync](nfc::NfcMessage message) {
            if (const auto* status = std::get_if<nfc::ReaderStatus>(&message)) {
                readerWatch.update(*status);
                log.add(std::string("reader: ") + services::readerStateName(status->state) +
                        (status->lastError.empty() ? "" : " (" + status->lastError + ")"));
                if (sync) {
                    sync->setReaderState(services::readerStateName(status->state), status->lastError);
                }
            }
            inbox.post(services::toFlowMessage(message));
        });
    }
    const int code = window.run();
    if (cardReader) {
        cardReader->stop();
    }
    if (sync) {
        sync->stop();
    }
    worker.stop();
    inbox.close();
    return code;
}
