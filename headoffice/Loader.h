#pragma once
// `headoffice load`: a load file into the store, all or nothing.

#include <cstdint>
#include <string>
#include <string_view>

#include "headoffice/LoadPlanner.h"
#include "headoffice/Store.h"

namespace headoffice {

class Loader {
public:
    // `nowMs` (Unix ms) is the load's clock: "days_ago" in earning
    // histories and the window of history the change log carries.
    Loader(Store& store, std::int64_t nowMs) : store_(store), nowMs_(nowMs) {}

    // Parses, validates against the file and the store, writes in one unit
    // of work. InvalidInput (every problem, one per line) writes nothing.
    Result<LoadSummary> load(std::string_view text);

private:
    Store& store_;
    std::int64_t nowMs_;
};

}  // namespace headoffice
