#pragma once
// The demo's card tray: nine virtual cards (assets/cards/demo/tray.json)
// and the in-process PN532 simulator the kiosk's reader talks to in demo
// mode (loyalty-kiosk --demo). The tray index lists the cards:
//
//   {"cards": [{"key": 1, "label": "Gold Ana", "file": "1-gold-member.json"}, ...]}
//
// key 1-9 (unique), a short label, a card file (nfcsim::CardFile, relative to
// the index). Every card is loaded once and kept, so a card with state (the
// NTAG 424 DNA's read counter) carries it from one tap to the next.
//
// Toggle semantics, as a presenter holds cards to a reader: toggle(N) puts
// card N on the reader (taking away whatever was there first), toggle(N)
// again takes it away, toggle(0) takes any card away. No ImGui or SDL here;
// DemoTray is the on-screen part. One thread (the UI thread) calls it; the
// simulator carries each call out on its own thread.

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "loyalty/Expected.h"
#include "nfc/sim/Pn532Simulator.h"
#include "nfc/sim/VirtualCard.h"

namespace demo {

struct DemoCard {
    int key = 0;             // 1-9: the keyboard key and the tray button's number
    std::string label;       // short, English (a developer label, not a catalogue text)
    std::string file;        // the card file's path
    std::shared_ptr<nfcsim::VirtualCard> card;
};

class DemoCards {
public:
    // Reads the tray index and every card file it names. Errors name the
    // file and the entry (never throws).
    static loyalty::Expected<std::vector<DemoCard>, std::string> loadTray(const std::string& indexPath);

    // Loads the tray and starts the simulator (a pty) with no card on it.
    static loyalty::Expected<std::unique_ptr<DemoCards>, std::string> start(const std::string& indexPath);

    // What the kiosk passes as --reader: "pn532_uart:/dev/pts/N".
    std::string connstring() { return simulator_->connstring(); }
    const std::vector<DemoCard>& cards() const { return cards_; }
    // The key of the card on the reader, if any.
    std::optional<int> onReader() const { return onReader_; }

    // 0: takes any card away. The key of the card on the reader: takes it
    // away. Another tray key: presents that card (after taking away the one
    // on the reader). False for a key the tray does not have (nothing changes).
    bool toggle(int key);
    // Presents card `key` (taking away the one on the reader first); false
    // for a key the tray does not have.
    bool present(int key);
    void remove();

    nfcsim::Pn532Simulator& simulator() { return *simulator_; }

private:
    DemoCards(std::vector<DemoCard> cards, std::unique_ptr<nfcsim::Pn532Simulator> simulator);
    const DemoCard* find(int key) const;

    std::vector<DemoCard> cards_;
    std::unique_ptr<nfcsim::Pn532Simulator> simulator_;
    std::optional<int> onReader_;
};

}  // namespace demo
