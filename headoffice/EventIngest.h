#pragma once
// Applies an uploaded batch to the store in one unit of work: reads what the
// events name, decides with IngestRules, writes, commits.

#include <cstdint>
#include <string>
#include <vector>

#include "headoffice/IngestRules.h"
#include "headoffice/Store.h"

namespace headoffice {

class EventIngest {
public:
    explicit EventIngest(Store& store) : store_(store) {}

    // One outcome per event, in order; a store failure writes nothing.
    Result<std::vector<EventOutcome>> ingest(const std::vector<IncomingEvent>& events, std::int64_t receivedAt);

private:
    Store& store_;
};

}  // namespace headoffice
