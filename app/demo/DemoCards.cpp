#include "demo/DemoCards.h"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <utility>

#include <nlohmann/json.hpp>

#include "nfc/sim/CardFile.h"

namespace demo {
namespace {

constexpr std::size_t kMaxLabel = 24;  // fits a tray button at 800x480

loyalty::Unexpected<std::string> problem(const std::string& path, const std::string& what) {
    return loyalty::unexpected("demo tray " + path + ": " + what);
}

}  // namespace

loyalty::Expected<std::vector<DemoCard>, std::string> DemoCards::loadTray(const std::string& indexPath) {
    std::ifstream in(indexPath);
    if (!in) {
        return problem(indexPath, "cannot open");
    }
    std::ostringstream text;
    text << in.rdbuf();
    const auto index = nlohmann::json::parse(text.str(), nullptr, false);
    if (index.is_discarded() || !index.is_object()) {
        return problem(indexPath, "not a JSON object");
    }
    const auto list = index.find("cards");
    if (list == index.end() || !list->is_array() || list->empty()) {
        return problem(indexPath, "\"cards\" must be a non-empty list");
    }
    const std::filesystem::path base = std::filesystem::path(indexPath).parent_path();
    std::vector<DemoCard> cards;
    std::set<int> keys;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto& entry = (*list)[i];
        const std::string where = "card " + std::to_string(i + 1);
        if (!entry.is_object()) {
            return problem(indexPath, where + " is not an object");
        }
        const auto key = entry.find("key");
        if (key == entry.end() || !key->is_number_integer() || key->get<int>() < 1 || key->get<int>() > 9) {
            return problem(indexPath, where + ": \"key\" must be a whole number from 1 to 9");
        }
        DemoCard card;
        card.key = key->get<int>();
        if (!keys.insert(card.key).second) {
            return problem(indexPath, where + ": key " + std::to_string(card.key) + " is used twice");
        }
        const auto label = entry.find("label");
        if (label == entry.end() || !label->is_string() || label->get<std::string>().empty() ||
            label->get<std::string>().size() > kMaxLabel) {
            return problem(indexPath, where + ": \"label\" must be text of 1 to " + std::to_string(kMaxLabel) +
                                          " characters");
        }
        card.label = label->get<std::string>();
        const auto file = entry.find("file");
        if (file == entry.end() || !file->is_string() || file->get<std::string>().empty()) {
            return problem(indexPath, where + ": \"file\" must name a card file");
        }
        const std::filesystem::path path(file->get<std::string>());
        card.file = (path.is_absolute() ? path : base / path).string();
        auto loaded = nfcsim::CardFile::load(card.file);
        if (!loaded) {
            return problem(indexPath, where + " (key " + std::to_string(card.key) + "): " + loaded.error());
        }
        card.card = std::move(loaded.value());
        cards.push_back(std::move(card));
    }
    return cards;
}

loyalty::Expected<std::unique_ptr<DemoCards>, std::string> DemoCards::start(const std::string& indexPath) {
    auto cards = loadTray(indexPath);
    if (!cards) {
        return loyalty::unexpected(cards.error());
    }
    auto simulator = nfcsim::Pn532Simulator::start();
    if (!simulator) {
        return loyalty::unexpected("the PN532 simulator did not start: " + simulator.error());
    }
    return std::unique_ptr<DemoCards>(new DemoCards(std::move(cards.value()), std::move(simulator.value())));
}

DemoCards::DemoCards(std::vector<DemoCard> cards, std::unique_ptr<nfcsim::Pn532Simulator> simulator)
    : cards_(std::move(cards)), simulator_(std::move(simulator)) {}

const DemoCard* DemoCards::find(int key) const {
    for (const auto& card : cards_) {
        if (card.key == key) {
            return &card;
        }
    }
    return nullptr;
}

bool DemoCards::toggle(int key) {
    if (key == 0 || (onReader_ && *onReader_ == key)) {
        remove();
        return true;
    }
    return present(key);
}

bool DemoCards::present(int key) {
    const DemoCard* card = find(key);
    if (card == nullptr) {
        return false;
    }
    // Off the reader first, as a hand would do: the reader sees the first
    // card go (it no longer answers to its UID) before the next one comes.
    remove();
    simulator_->present(card->card);
    onReader_ = key;
    return true;
}

void DemoCards::remove() {
    simulator_->remove();
    onReader_.reset();
}

}  // namespace demo
