// nfc_bench: the card reader against the PN532 simulator, with its floor.
//
//   latency  time from the card entering the simulator's field (the moment
//            Pn532Simulator::present takes on its thread) to CardPresented
//            reaching the sink (the sink's first action takes the time),
//            over N taps per card (default 200), p50/p99, for each card kind
//            (default: NTAG213, UID-only MIFARE Classic, NTAG 424 DNA):
//              floor, same work: a minimal libnfc loop on the same simulator,
//                          polling flat out: nfc_initiator_select_passive_target
//                          (infinite select off), then exactly the commands the
//                          kiosk's identification sends for that card, replayed
//                          with nfc_initiator_transceive_bytes. The commands are
//                          recorded first from a LibnfcCardReader tap running
//                          the kiosk-nfc-worker's identification
//                          (defaultCardIdentify) and printed;
//              floor, one READ: the same loop with one READ 0 instead (the
//                          bench's old floor; NTAG21x only), for transparency;
//              in-process: LibnfcCardReader (this process, its own thread)
//                          with the worker's identification;
//              supervised: SupervisedCardReader (what the kiosk runs: the same
//                          reader in a kiosk-nfc-worker child, MessageCodec
//                          frames over a socket to a supervisor thread);
//            and each reader's ratio to the same-work floor (target within 1.5x).
//            The simulator runs in a child process of its own (as the chip is
//            outside the host), so no line gets cheaper same-process thread
//            switches to the chip than the worker does; --sim thread runs it
//            on a thread of this process instead (the bench's old setup).
//            With --runs R the whole set is measured R times (interleaved, so
//            drift hits every line alike) and the median of the runs' p50 and
//            p99 is printed, with each run's figures.
//   hop      what the process boundary costs by itself: a timestamp written
//            to a socket by a child process, read here after poll() as the
//            supervisor reads the worker (no libnfc, no simulator).
//   idle CPU the reader's threads (and the worker process) while polling an
//            empty field for S seconds (default 10), from /proc (target < 1%).
//
//   bench_nfc [--taps N] [--runs R] [--idle-seconds S] [--sim process|thread] [--card FILE]...
// A benchmark prints figures; it never fails on them. The machine's load
// average is printed with them: other work on the machine moves them a lot.
//
// The pieces: nfc_taps (a tap and its timing), nfc_field (the simulator in a
// process or a thread), nfc_floor (the floor loop), nfc_reader_taps (the
// readers' sink and the recorded identification), nfc_hop (the process
// boundary alone), nfc_report (series, printing, /proc).

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "nfc/reader/LibnfcCardReader.h"
#include "nfc/reader/SupervisedCardReader.h"
#include "nfc/sim/CardFile.h"
#include "nfc_field.h"
#include "nfc_floor.h"
#include "nfc_hop.h"
#include "nfc_reader_taps.h"
#include "nfc_report.h"

using namespace nfcbench;

namespace {

struct CardBench {
    std::string path;
    std::string kind;    // the simulator's card type ("ntag213")
    std::size_t index = 0;  // into the field's cards
    Recording recording;
    bool oneReadFloor = false;  // NTAG21x: the old floor (select + READ 0) works on it
    Series oneRead{"floor, select + one READ", false, {}, {}, 0, 0};
    Series sameWork{"floor, select + same work", false, {}, {}, 0, 0};
    Series inProcess{"in-process LibnfcCardReader", true, {}, {}, 0, 0};
    Series supervised{"supervised (kiosk-nfc-worker)", true, {}, {}, 0, 0};
};

bool runFloor(Field& field, const CardBench& bench, const std::vector<Exchange>& work, Series& into, int taps) {
    const std::string connstring = field.connstring();
    Arrivals arrivals;
    FloorLoop loop(connstring, arrivals, work);
    if (!loop.start()) {
        std::fprintf(stderr, "bench_nfc: floor loop cannot open %s\n", connstring.c_str());
        return false;
    }
    into.add(runTaps(field, bench.index, arrivals, taps, [&] { loop.cardRemoved(); }));
    loop.stop();
    return true;
}

int usage() {
    std::fprintf(stderr,
                 "usage: bench_nfc [--taps N] [--runs R] [--idle-seconds S] [--sim process|thread] [--card FILE]...\n"
                 "  N taps per card and line (200), R interleaved runs (1; the median of their p50/p99 is\n"
                 "  printed), S seconds of idle CPU (10); default cards: ntag213, mifare-classic-uid, ntag424-sun\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int taps = 200;
    int runs = 1;
    int idleSeconds = 10;
    bool simInProcess = false;
    std::vector<std::string> cardPaths;
    for (int i = 1; i < argc; i += 2) {
        const std::string arg = argv[i];
        if (i + 1 >= argc || arg == "--help") {
            return usage();
        }
        if (arg == "--taps") {
            taps = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--runs") {
            runs = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--idle-seconds") {
            idleSeconds = std::max(1, std::atoi(argv[i + 1]));
        } else if (arg == "--sim") {
            simInProcess = std::string(argv[i + 1]) == "thread";
        } else if (arg == "--card") {
            cardPaths.push_back(argv[i + 1]);
        } else {
            return usage();
        }
    }
    if (cardPaths.empty()) {
        for (const char* name : {"ntag213.json", "mifare-classic-uid.json", "ntag424-sun.json"}) {
            cardPaths.push_back(std::string(KIOSK_SOURCE_ASSETS) + "/cards/" + name);
        }
    }
    std::vector<CardBench> benches;
    std::vector<std::shared_ptr<nfcsim::VirtualCard>> cards;
    for (const auto& path : cardPaths) {
        auto card = nfcsim::CardFile::load(path);
        if (!card) {
            std::fprintf(stderr, "bench_nfc: %s\n", card.error().c_str());
            return 1;
        }
        CardBench bench;
        bench.path = path;
        bench.kind = (*card)->kind();
        bench.index = cards.size();
        bench.oneReadFloor = bench.kind.rfind("ntag2", 0) == 0;
        cards.push_back(*card);
        benches.push_back(std::move(bench));
    }
    // Before any thread of this process exists: the simulator's process is forked.
    std::unique_ptr<Field> field;
    if (simInProcess) {
        auto sim = nfcsim::Pn532Simulator::start();
        if (!sim) {
            std::fprintf(stderr, "bench_nfc: %s\n", sim.error().c_str());
            return 1;
        }
        field = std::make_unique<ThreadField>(std::move(*sim), cards);
    } else {
        std::string error;
        field = ProcessField::start(cards, error);
        if (!field) {
            std::fprintf(stderr, "bench_nfc: %s\n", error.c_str());
            return 1;
        }
    }
    const std::string connstring = field->connstring();
    nfc::ReaderOptions options;  // what the kiosk-nfc-worker runs (its identify is defaultCardIdentify)
    options.connstring = connstring;

#ifdef NDEBUG
    const char* build = "optimised build";
#else
    const char* build = "debug build (figures are not representative: use the release preset)";
#endif
    std::printf("nfc_bench: %d taps per card and line, %d run%s, pn532-sim (%s) %s, %s, %u cores, load %s\n", taps,
                runs, runs == 1 ? "" : "s", connstring.c_str(),
                simInProcess ? "on a thread of the bench" : "in a process of its own", build,
                std::thread::hardware_concurrency(), loadAverage().c_str());

    for (auto& bench : benches) {
        auto recording = record(*field, bench.index, options);
        if (!recording) {
            std::fprintf(stderr, "bench_nfc: could not record the identification of %s\n", bench.path.c_str());
            return 1;
        }
        bench.recording = std::move(*recording);
    }

    for (int run = 0; run < runs; ++run) {
        for (auto& bench : benches) {
            if (!runFloor(*field, bench, bench.recording.work, bench.sameWork, taps)) {
                return 1;
            }
            {
                ReaderProbe probe;
                nfc::LibnfcCardReader reader(options);
                reader.start(probe.sink());
                if (!probe.waitReady()) {
                    std::fprintf(stderr, "bench_nfc: in-process reader not ready\n");
                    return 1;
                }
                bench.inProcess.add(runTaps(*field, bench.index, probe.arrivals, taps));
                reader.stop();
            }
            {
                ReaderProbe probe;
                nfc::SupervisorOptions supervisorOptions;
                supervisorOptions.workerPath = KIOSK_NFC_WORKER;
                supervisorOptions.reader = options;
                nfc::SupervisedCardReader reader(supervisorOptions);
                reader.start(probe.sink());
                if (!probe.waitReady()) {
                    std::fprintf(stderr, "bench_nfc: supervised reader not ready\n");
                    return 1;
                }
                bench.supervised.add(runTaps(*field, bench.index, probe.arrivals, taps));
                reader.stop();
            }
            if (bench.oneReadFloor) {
                const std::vector<Exchange> oneRead{{{0x30, 0x00}, 350, 16}};
                if (!runFloor(*field, bench, oneRead, bench.oneRead, taps)) {
                    return 1;
                }
            }
        }
    }
    const Latencies hop = measureHop(std::max(200, taps));

    std::printf("latency, present -> CardPresented%s; load now %s:\n",
                runs > 1 ? " (median of the runs' p50 and p99)" : "", loadAverage().c_str());
    for (const auto& bench : benches) {
        std::printf("%s (%s): %s\n", bench.kind.c_str(), bench.path.substr(bench.path.rfind('/') + 1).c_str(),
                    outcome(bench.recording.card).c_str());
        std::printf("  identification after the select: %s\n", describe(bench.recording.work).c_str());
        if (bench.oneReadFloor) {
            printSeries(bench.oneRead, nullptr, runs > 1);
        }
        printSeries(bench.sameWork, nullptr, runs > 1);
        printSeries(bench.inProcess, &bench.sameWork, runs > 1);
        printSeries(bench.supervised, &bench.sameWork, runs > 1);
    }
    std::printf("  (floors poll flat out with selects and burn a core; the readers wait in InAutoPoll on the chip;\n"
                "   ratios are to the same-work floor)\n");
    std::printf("process hop, socket write in a child -> poll() + read() here: p50 %.1f us  p99 %.1f us  (%zu samples)\n",
                hop.percentile(50) * 1000.0, hop.percentile(99) * 1000.0, hop.ms.size());

    // Idle CPU with an empty field.
    double inProcessCpu = 0;
    {
        ReaderProbe probe;
        nfc::LibnfcCardReader reader(options);
        reader.start(probe.sink());
        if (!probe.waitReady()) {
            std::fprintf(stderr, "bench_nfc: in-process reader not ready\n");
            return 1;
        }
        const std::string stat = "/proc/self/task/" + std::to_string(probe.sinkThread.load()) + "/stat";
        const double before = cpuSeconds(stat);
        std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
        inProcessCpu = (cpuSeconds(stat) - before) / idleSeconds * 100.0;
        reader.stop();
    }
    double workerCpu = 0;
    double supervisorCpu = 0;
    {
        ReaderProbe probe;
        nfc::SupervisorOptions supervisorOptions;
        supervisorOptions.workerPath = KIOSK_NFC_WORKER;
        supervisorOptions.reader = options;
        nfc::SupervisedCardReader reader(supervisorOptions);
        reader.start(probe.sink());
        if (!probe.waitReady()) {
            std::fprintf(stderr, "bench_nfc: supervised reader not ready\n");
            return 1;
        }
        const std::string workerStat = "/proc/" + std::to_string(reader.workerPid()) + "/stat";
        const std::string supervisorStat = "/proc/self/task/" + std::to_string(probe.sinkThread.load()) + "/stat";
        const double workerBefore = cpuSeconds(workerStat);
        const double supervisorBefore = cpuSeconds(supervisorStat);
        std::this_thread::sleep_for(std::chrono::seconds(idleSeconds));
        workerCpu = (cpuSeconds(workerStat) - workerBefore) / idleSeconds * 100.0;
        supervisorCpu = (cpuSeconds(supervisorStat) - supervisorBefore) / idleSeconds * 100.0;
        reader.stop();
    }
    std::printf("idle CPU over %d s (%% of one core; clock tick %ld Hz):\n", idleSeconds, sysconf(_SC_CLK_TCK));
    std::printf("  in-process reader thread        %.2f %%\n", inProcessCpu);
    std::printf("  supervised: worker process      %.2f %%\n", workerCpu);
    std::printf("  supervised: supervisor thread   %.2f %%\n", supervisorCpu);
    return 0;
}
