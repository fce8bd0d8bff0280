#pragma once
// The JSON forms of head office's records, as GET /v1/changes and
// GET /v1/cards/{token} send them (docs/sync-protocol.md, "Kinds and their
// data"), keys in the documented order, and the change-log entries that
// carry them. Written by hand (JsonText): a batch writes hundreds of these.

#include <string>
#include <vector>

#include "headoffice/Records.h"

namespace headoffice {

class RecordJson {
public:
    static std::string member(const Member& member);
    static std::string card(const Card& card);
    static std::string staff(const Staff& staff);
    static std::string catalogue(const CatalogueItem& item);  // the stored body as it is
    static std::string rewardTotal(const RewardTotal& total);

    // {"kind":...,"op":"upsert","id":...,"data":...} as a change-log entry.
    static Change memberChange(const Member& member);
    static Change cardChange(const Card& card);
    static Change staffChange(const Staff& staff);
    // A catalogue entry's id is "<kind>:<id>" (e.g. "reward:free-coffee"):
    // ids are only unique within a kind.
    static Change catalogueChange(const CatalogueItem& item);
    static Change rewardTotalChange(const RewardTotal& total);

    // Segments are kept as a JSON array of strings.
    static std::string segmentsText(const std::vector<std::string>& segments);
    static std::vector<std::string> segmentsFrom(const std::string& text);
    // A member's "earned": [{"day":"YYYY-MM-DD","points":N},...] in the order given.
    static std::string earnedText(const std::vector<EarnedDay>& earned);

private:
    static Change upsert(const char* kind, const std::string& id, const std::string& data);
};

}  // namespace headoffice
