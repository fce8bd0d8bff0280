#pragma once
// Cards (table cards): several per member, each with its status, kind, the
// last NTAG 424 SUN read counter accepted, and the per-card counters the
// offline and velocity limits need.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "loyalty/MemberState.h"
#include "storage/Database.h"
#include "storage/StoredValues.h"

namespace storage {

struct CardRecord {
    std::string token;  // as the reader reports it (UID hex, or the signed card id)
    std::string memberId;
    CardKind kind = CardKind::Uid;
    loyalty::CardStatus status = loyalty::CardStatus::Active;
    std::optional<std::int64_t> lastSunCounter;
    std::int32_t consecutiveOfflineRedemptions = 0;
    std::optional<std::int64_t> transactionsDay;  // shop-local day transactionsCount counts
    std::int32_t transactionsCount = 0;

    // The card as the rules see it on `today` (days since 1970-01-01): no
    // transactions today when the stored count belongs to another day.
    loyalty::CardState state(std::int64_t today) const;
};

class CardRepository {
public:
    explicit CardRepository(Database& db) : db_(db) {}

    Result<std::optional<CardRecord>> get(std::string_view token);

    // Links a card to a member, active. Linking it again to the same member
    // re-activates it; a card linked to another member is refused
    // (Constraint), as is an unknown member (NotFound). InvalidArgument for
    // an empty token.
    Status link(std::string_view token, std::string_view memberId, CardKind kind, std::int64_t nowMs);

    // A card as head office says it is (the change feed): head office is the
    // authority, so the card goes to `memberId` with `status` even when it
    // was another member's here (a card moved by a replacement at another
    // store). Moving it restarts its day count and its run of offline
    // redemptions. NotFound for an unknown member, InvalidArgument for an
    // empty token.
    Status assignFromHeadOffice(std::string_view token, std::string_view memberId, CardKind kind,
                                loyalty::CardStatus status, std::int64_t nowMs);

    // NotFound when there is no such card.
    Status setStatus(std::string_view token, loyalty::CardStatus status, std::int64_t nowMs);

    // NTAG 424 replay protection: stores `counter` and answers true only if it
    // is strictly above the last accepted one (or none was stored yet), in a
    // single statement, so two readers cannot both accept the same counter.
    // false: a replayed or old read. NotFound for an unknown card,
    // InvalidArgument for a negative counter.
    Result<bool> acceptSunCounter(std::string_view token, std::int64_t counter);

private:
    Status requireMember(std::string_view memberId);

    Database& db_;
};

}  // namespace storage
