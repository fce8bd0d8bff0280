#include "headoffice/EventIngest.h"

namespace headoffice {

Result<std::vector<EventOutcome>> EventIngest::ingest(const std::vector<IncomingEvent>& events,
                                                      std::int64_t receivedAt) {
    std::vector<EventOutcome> outcomes;
    const SnapshotKeys keys = IngestRules::keysFor(events, receivedAt);
    auto done = store_.update(keys, [&](const Snapshot& snapshot) -> Result<WriteSet> {
        IngestDecision decision = IngestRules::decide(events, snapshot, receivedAt);
        outcomes = std::move(decision.outcomes);
        return std::move(decision.writes);
    });
    if (!done) {
        return loyalty::unexpected(done.error());
    }
    return outcomes;
}

}  // namespace headoffice
