#include "kiosk/KioskFlow.h"

#include <cassert>
#include <type_traits>
#include <utility>

namespace kiosk {

KioskFlow::KioskFlow(std::string programName, std::vector<config::Catalog> catalogues)
    : programName_(std::move(programName)), catalogues_(std::move(catalogues)) {
    assert(!catalogues_.empty());
}

const std::string& KioskFlow::language() const { return catalogue().language(); }

bool KioskFlow::handle(const Intent& intent) {
    return std::visit(
        [this](const auto& request) -> bool {
            using T = std::decay_t<decltype(request)>;
            if constexpr (std::is_same_v<T, ChooseLanguage>) {
                for (std::size_t i = 0; i < catalogues_.size(); ++i) {
                    if (catalogues_[i].language() == request.language) {
                        const bool changed = i != current_;
                        current_ = i;
                        return changed;
                    }
                }
                return false;  // a language we do not offer: nothing changes
            }
        },
        intent);
}

AttractView KioskFlow::attractView() const {
    const auto& texts = catalogue();
    AttractView view;
    view.programName = programName_;
    view.title = texts.text("attract.title");
    view.subtitle = texts.text("attract.subtitle");
    view.hint = texts.text("attract.hint");
    view.chooseLanguage = texts.text("attract.choose_language");
    view.readerLabel = texts.text("attract.reader_below");
    for (std::size_t i = 0; i < catalogues_.size(); ++i) {
        view.languages.push_back(
            {catalogues_[i].language(), catalogues_[i].text("language.name"), i == current_});
    }
    return view;
}

}  // namespace kiosk
