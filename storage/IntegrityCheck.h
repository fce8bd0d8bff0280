#pragma once
// PRAGMA quick_check / integrity_check as a list of problems. The quick check
// (at every start-up) verifies the b-tree pages and records; the full check
// (the technician's kioskctl db check) also cross-checks every index. A file
// SQLite cannot even read as a database is one problem, not an error; an
// error means the check itself could not run (locked, I/O).

#include <string>
#include <vector>

#include "storage/Database.h"

namespace storage {

struct IntegrityReport {
    std::vector<std::string> problems;  // empty: the database is sound
    bool ok() const { return problems.empty(); }
    // "2 problems; first: *** in database main *** Page 7: ..."
    std::string summary() const;
};

class IntegrityCheck {
public:
    enum class Depth { Quick, Full };
    static Result<IntegrityReport> run(Database& db, Depth depth, int maxProblems = 100);
};

}  // namespace storage
