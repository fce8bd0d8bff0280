#pragma once
// `headoffice load`: a load file into the store, all or nothing.

#include <string>
#include <string_view>

#include "headoffice/LoadPlanner.h"
#include "headoffice/Store.h"

namespace headoffice {

class Loader {
public:
    explicit Loader(Store& store) : store_(store) {}

    // Parses, validates against the file and the store, writes in one unit
    // of work. InvalidInput (every problem, one per line) writes nothing.
    Result<LoadSummary> load(std::string_view text);

private:
    Store& store_;
};

}  // namespace headoffice
