#include "storage/IntegrityCheck.h"

namespace storage {
namespace {

bool isDamage(const StorageError& error) { return error.code == ErrorCode::Corrupt; }

}  // namespace

std::string IntegrityReport::summary() const {
    if (problems.empty()) {
        return "ok";
    }
    const std::string count = std::to_string(problems.size()) + (problems.size() == 1 ? " problem" : " problems");
    return count + "; first: " + problems.front();
}

Result<IntegrityReport> IntegrityCheck::run(Database& db, Depth depth, int maxProblems) {
    const std::string pragma = depth == Depth::Quick ? "quick_check" : "integrity_check";
    IntegrityReport report;
    auto statement = db.prepare("PRAGMA " + pragma + "(" + std::to_string(maxProblems) + ")");
    if (!statement) {
        if (isDamage(statement.error())) {
            report.problems.push_back(statement.error().message);
            return report;
        }
        return loyalty::unexpected(statement.error());
    }
    while (true) {
        auto row = statement->step();
        if (!row) {
            if (isDamage(row.error())) {
                report.problems.push_back(row.error().message);
                return report;
            }
            return loyalty::unexpected(row.error());
        }
        if (!row.value()) {
            break;
        }
        std::string line = statement->columnText(0);
        if (line != "ok") {
            report.problems.push_back(std::move(line));
        }
    }
    return report;
}

}  // namespace storage
