#pragma once
// The answer to a card lookup on tap (SyncClient::lookupCard).

#include <chrono>
#include <string>

#include "storage/CardRepository.h"
#include "storage/MemberRepository.h"

namespace kiosksync {

struct CardLookupResult {
    enum class Source {
        Online,       // head office answered in time: card and member below
        UnknownCard,  // head office answered in time: it has no such card (the local copy may, e.g. enrolled here)
        UseLocal,     // no answer in time (or offline, or stopping): answer from the local copy
    };
    Source source = Source::UseLocal;
    storage::CardRecord card;      // Online
    // Online: confirmedBalance is head office's balance (add local pending);
    // earned is head office's earning history, when it sends one. Stored
    // with MemberRepository::upsert, which adds the earns still pending here.
    storage::MemberRecord member;
    std::string why;               // UseLocal: why, for diagnostics (never the token)
    std::chrono::milliseconds took{0};

    bool online() const { return source == Source::Online; }
};

}  // namespace kiosksync
