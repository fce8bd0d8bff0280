#include "drivers/nfc/reader/SimulatorRig.h"

#include <stdexcept>

#include "nfc/reader/CardIdentify.h"
#include "nfc/sim/CardFile.h"

namespace nfctest {

SimulatorRig::SimulatorRig() {
    nfcsim::SimulatorOptions options;
    options.linkPath = link();
    auto started = nfcsim::Pn532Simulator::start(options);
    if (!started) {
        throw std::runtime_error("pn532 simulator: " + started.error());
    }
    simulator_ = std::move(*started);
}

nfc::ReaderOptions SimulatorRig::options() const {
    nfc::ReaderOptions options;
    options.connstring = connstring();
    options.presencePeriod = std::chrono::milliseconds(50);
    options.backoffInitial = std::chrono::milliseconds(50);
    options.backoffMax = std::chrono::milliseconds(400);
    options.watchdogSlack = std::chrono::milliseconds(300);
    return options;
}

std::shared_ptr<nfcsim::VirtualCard> SimulatorRig::card(const std::string& name) {
    auto card = nfcsim::CardFile::load(std::string(KIOSK_SOURCE_ASSETS) + "/cards/" + name);
    if (!card) {
        throw std::runtime_error(card.error());
    }
    return *card;
}

std::string SimulatorRig::uidOf(const std::string& name) {
    return nfc::toHexUpper(card(name)->uid());
}

}  // namespace nfctest
