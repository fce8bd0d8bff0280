#pragma once
// What every Store must do, written once and run against SqliteStore and
// PostgresStore (SqliteStoreTest.cpp, PostgresStoreTest.cpp). Each case
// gets a fresh, empty store.

#include "headoffice/Store.h"

namespace hotest {

// The cases, for the two test files to list (X-macro).
#define HEADOFFICE_STORE_CASES(X)            \
    X(AppliesEventsToBalancesOnce)           \
    X(AnswersRetriesTheSameWay)              \
    X(RejectsWithEveryCode)                  \
    X(EnrolsAndLinksAndBlocksCards)          \
    X(KeepsRewardTotals)                     \
    X(PagesTheChangeLog)                     \
    X(LoadsIdempotentlyAndAllOrNothing)      \
    X(RollsBackAFailedUnitOfWork)            \
    X(KeepsKioskTokensAndHeartbeats)         \
    X(BulkInsertsAndSkipsKnownIds)           \
    X(KeepsTextExactly)                      \
    X(SerializesConcurrentUploads)           \
    X(KeepsEarningHistoryFromEvents)         \
    X(LoadsOpeningHistoryOnlyForNewMembers)

class StoreContract {
public:
    explicit StoreContract(headoffice::Store& store) : store_(store) {}

#define HEADOFFICE_DECLARE_CASE(name) void name();
    HEADOFFICE_STORE_CASES(HEADOFFICE_DECLARE_CASE)
#undef HEADOFFICE_DECLARE_CASE

private:
    headoffice::Store& store_;
};

}  // namespace hotest
