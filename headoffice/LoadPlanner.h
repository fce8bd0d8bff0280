#pragma once
// What loading a file changes in the store, decided against what the store
// holds (inside the load's transaction). Idempotent: loading the same file
// twice writes nothing the second time. A member's "balance" and "earned"
// are its opening balance and earning history: an existing member keeps the
// balance and history its events gave it (a note says so when the file
// differs). A member's change-log entry carries its history inside the
// EarnedWindow of the load. Every
// change a kiosk needs gets a change-log entry: each member followed by its
// cards from the file, then the other cards, staff, catalogue and reward
// totals (kiosks are not sent to kiosks).

#include <string>
#include <vector>

#include "headoffice/HeadOfficeError.h"
#include "headoffice/LoadFile.h"
#include "headoffice/Snapshot.h"
#include "headoffice/WriteSet.h"

namespace headoffice {

struct SectionCounts {
    int added = 0;
    int updated = 0;
    int unchanged = 0;
};

struct LoadSummary {
    SectionCounts members, cards, staff, catalogue, rewardTotals, kiosks;
    std::size_t changes = 0;          // change-log entries appended
    std::vector<std::string> notes;   // e.g. balances kept
    std::string text() const;         // one line per section, then the notes
};

class LoadPlanner {
public:
    static SnapshotKeys keysFor(const LoadData& data, const EarnedWindow& window);
    // InvalidInput naming every card whose member is neither in the file nor the store.
    static Result<WriteSet> plan(const LoadData& data, const Snapshot& snapshot, const EarnedWindow& window,
                                 LoadSummary& summary);
};

}  // namespace headoffice
