#pragma once
// A PN532 simulator with a stable symlink (it survives replug) in a fresh
// temporary directory, and reader options pointed at it with short
// backoffs for tests.

#include <memory>
#include <string>

#include "nfc/reader/ReaderOptions.h"
#include "nfc/sim/Pn532Simulator.h"
#include "nfc/sim/VirtualCard.h"
#include "support/TempDir.h"

namespace nfctest {

class SimulatorRig {
public:
    SimulatorRig();

    nfcsim::Pn532Simulator& simulator() { return *simulator_; }
    std::string link() const { return dir_.file("pn532"); }
    std::string connstring() const { return "pn532_uart:" + link(); }
    nfc::ReaderOptions options() const;

    // A card from assets/cards/<name>.
    static std::shared_ptr<nfcsim::VirtualCard> card(const std::string& name);
    static std::string uidOf(const std::string& name);
    void present(const std::string& name) { simulator_->present(card(name)); }
    void remove() { simulator_->remove(); }
    void fault(nfcsim::FaultKind kind, unsigned argument = 0, bool persistent = false) {
        simulator_->setFault({kind, argument, persistent});
    }

private:
    testsupport::TempDir dir_{"nfc-reader-test"};
    std::unique_ptr<nfcsim::Pn532Simulator> simulator_;
};

}  // namespace nfctest
