#pragma once
// A PN532 simulator on its pty plus a libnfc session opened on it: the
// fixture of the tests that drive the real libnfc stack.

#include <memory>
#include <string>

#include "drivers/nfc/LibnfcSession.h"
#include "nfc/sim/Pn532Simulator.h"
#include "nfc/sim/VirtualCard.h"

namespace nfctest {

class SimulatedReader {
public:
    SimulatedReader();

    nfcsim::Pn532Simulator& simulator() { return *simulator_; }
    LibnfcSession& nfc() { return nfc_; }

    // A card from assets/cards/<name>.
    static std::shared_ptr<nfcsim::VirtualCard> card(const std::string& name);
    void present(const std::string& name) { simulator_->present(card(name)); }
    // nfc_open on the simulator, then nfc_initiator_init; false on failure.
    bool openAndInit();

private:
    std::unique_ptr<nfcsim::Pn532Simulator> simulator_;
    LibnfcSession nfc_;
};

}  // namespace nfctest
