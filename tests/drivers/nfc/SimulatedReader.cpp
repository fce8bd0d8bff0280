#include "drivers/nfc/SimulatedReader.h"

#include <stdexcept>

#include "nfc/sim/CardFile.h"

namespace nfctest {

SimulatedReader::SimulatedReader() {
    auto started = nfcsim::Pn532Simulator::start();
    if (!started) {
        throw std::runtime_error("pn532 simulator: " + started.error());
    }
    simulator_ = std::move(*started);
}

std::shared_ptr<nfcsim::VirtualCard> SimulatedReader::card(const std::string& name) {
    auto card = nfcsim::CardFile::load(std::string(KIOSK_SOURCE_ASSETS) + "/cards/" + name);
    if (!card) {
        throw std::runtime_error(card.error());
    }
    return *card;
}

bool SimulatedReader::openAndInit() {
    return nfc_.open(simulator_->connstring()) && nfc_.initiatorInit() == 0;
}

}  // namespace nfctest
