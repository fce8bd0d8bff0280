#include "headoffice/Loader.h"

namespace headoffice {

Result<LoadSummary> Loader::load(std::string_view text) {
    auto data = LoadFile::parse(text, nowMs_);
    if (!data) {
        return loyalty::unexpected(data.error());
    }
    const EarnedWindow window = EarnedWindow::endingAt(nowMs_);
    LoadSummary summary;
    auto done = store_.update(LoadPlanner::keysFor(*data, window), [&](const Snapshot& snapshot) {
        return LoadPlanner::plan(*data, snapshot, window, summary);
    });
    if (!done) {
        Error error = done.error();
        if (error.code == ErrorCode::Conflict) {
            error.message += " (a staff card_token or kiosk token already used by another entry in the store?)";
        }
        return loyalty::unexpected(error);
    }
    return summary;
}

}  // namespace headoffice
