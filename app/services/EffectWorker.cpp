#include "services/EffectWorker.h"

#include <chrono>
#include <cstdio>
#include <optional>
#include <type_traits>

#include "services/AccountLookup.h"
#include "services/CardIssuer.h"
#include "services/DecisionService.h"
#include "services/DiagnosticsCollector.h"
#include "services/StaffAuthenticator.h"
#include "storage/CardRepository.h"
#include "storage/LedgerSummary.h"
#include "storage/MemberRepository.h"
#include "storage/SystemClock.h"
#include "storage/Transaction.h"

namespace services {
namespace {

// Everything the worker needs from its own connection, made on its thread.
struct Services {
    storage::KioskStore store;
    AccountLookup lookup;
    DecisionService decisions;
    CardIssuer cards;
    StaffAuthenticator staff;
    DiagnosticsCollector diagnostics;

    Services(storage::KioskStore opened, const EffectWorkerOptions& options)
        : store(std::move(opened)),
          lookup(store.database()),
          decisions(store.database(), options.program),
          cards(store.database(), options.writeCard),
          staff(store.database(), options.lockout),
          diagnostics(store.database(), options.databasePath, options.version) {}
};

// The token of the card a decision links (enrolment: the card in hand;
// replacement: the new card), if it links one.
std::optional<std::string> linkedToken(const kiosk::RecordDecision& request) {
    if (std::holds_alternative<kiosk::EnrolMember>(request.what)) {
        return request.cardToken;
    }
    if (const auto* replace = std::get_if<kiosk::ReplaceCard>(&request.what)) {
        return replace->newCardToken;
    }
    return std::nullopt;
}

kiosk::TodaySummaryLoaded summaryAnswer(kiosk::RequestId request, storage::Database& db, const storage::RecordTime& now) {
    kiosk::TodaySummaryLoaded answer{request, {}};
    auto day = storage::LedgerSummary(db).forDay(now.shopDay());
    if (day) {
        answer.summary.transactions = day->transactions;
        answer.summary.pointsIssued = day->pointsIssued;
        answer.summary.pointsRedeemed = day->pointsRedeemed;
        answer.summary.transactionsPerHour.assign(day->transactionsPerHour.begin(), day->transactionsPerHour.end());
    }
    return answer;
}

kiosk::Message staffAnswer(kiosk::RequestId request,
                           const loyalty::Expected<StaffLogin, StaffLoginRefusal>& verified) {
    if (verified) {
        return kiosk::StaffVerified{request, verified->staffId, verified->displayName, toFlowRole(verified->role)};
    }
    kiosk::StaffRefused refused;
    refused.request = request;
    refused.attemptsLeft = verified.error().attemptsLeft;
    refused.lockedUntilUnixMs = verified.error().lockedUntilUnixMs;
    return refused;
}

// Stores head office's answer for a tapped card in the local copy, as the
// change feed would, in one transaction. A failure leaves the copy as it was
// (the lookup then answers from it) and is logged without the token.
void refreshFromHeadOffice(storage::Database& db, const kiosksync::CardLookupResult& answer, std::int64_t nowMs,
                           LogRing* log) {
    if (!answer.online()) {
        return;
    }
    auto stored = [&]() -> storage::Status {
        auto transaction = storage::Transaction::begin(db);
        if (!transaction) {
            return loyalty::unexpected(transaction.error());
        }
        if (auto member = storage::MemberRepository(db).upsert(answer.member, nowMs); !member) {
            return member;
        }
        if (auto card = storage::CardRepository(db).assignFromHeadOffice(answer.card.token, answer.card.memberId,
                                                                         answer.card.kind, answer.card.status, nowMs);
            !card) {
            return card;
        }
        return transaction->commit();
    }();
    if (!stored && log) {
        log->add("card lookup: head office's answer was not stored: " + stored.error().message);
    }
}

// The answer that tells the flow an effect could not be carried out.
kiosk::Message unavailable(const kiosk::Effect& effect) {
    return std::visit(
        [](const auto& asked) -> kiosk::Message {
            using T = std::decay_t<decltype(asked)>;
            if constexpr (std::is_same_v<T, kiosk::LookupCard>) {
                return kiosk::CardLookedUp{asked.request, kiosk::LookupFailed{}};
            } else if constexpr (std::is_same_v<T, kiosk::VerifyStaffPin>) {
                return kiosk::StaffRefused{asked.request, 0, std::nullopt};
            } else if constexpr (std::is_same_v<T, kiosk::RecordDecision>) {
                return kiosk::DecisionFailed{asked.request};
            } else if constexpr (std::is_same_v<T, kiosk::LoadTodaySummary>) {
                return kiosk::TodaySummaryLoaded{asked.request, {}};
            } else if constexpr (std::is_same_v<T, kiosk::LoadDiagnostics>) {
                kiosk::Diagnostics diagnostics;
                diagnostics.databaseOk = false;
                diagnostics.databaseCheck = "not available";
                return kiosk::DiagnosticsLoaded{asked.request, diagnostics};
            } else {
                return kiosk::ReaderTested{asked.request, false, "not available"};
            }
        },
        effect);
}

}  // namespace

EffectWorker::EffectWorker(EffectWorkerOptions options, Mailbox<kiosk::Message>& answers)
    : options_(std::move(options)), answers_(answers) {
    if (!options_.now) {
        const std::int32_t offset = options_.utcOffsetSeconds;
        options_.now = [offset] { return storage::SystemClock::now(offset); };
    }
}

EffectWorker::~EffectWorker() { stop(); }

void EffectWorker::start() { thread_ = std::thread([this] { run(); }); }

void EffectWorker::stop() {
    stopping_ = true;
    effects_.close();
    if (thread_.joinable()) {
        thread_.join();
    }
}

void EffectWorker::run() {
    // The UI thread's connection ran the quick check at start-up.
    auto opened = storage::KioskStore::open({options_.databasePath, storage::StoreAccess::ReadWrite, 5000, false});
    std::optional<Services> services;
    if (opened) {
        services.emplace(std::move(opened.value()), options_);
    } else {
        const std::string line = "the effect worker cannot open the database: " + opened.error().message;
        if (options_.log) {
            options_.log->add(line);
        } else {
            std::fprintf(stderr, "loyalty-kiosk: %s\n", line.c_str());
        }
    }
    while (!stopping_) {
        auto effect = effects_.take(std::chrono::milliseconds(500));
        if (!effect) {
            continue;
        }
        if (!services) {
            answers_.post(unavailable(*effect));
            continue;
        }
        const storage::RecordTime now = options_.now();
        const bool online = online_;
        std::visit(
            [&](const auto& asked) {
                using T = std::decay_t<decltype(asked)>;
                if constexpr (std::is_same_v<T, kiosk::LookupCard>) {
                    if (online && options_.onlineLookup && !asked.token.empty()) {
                        refreshFromHeadOffice(services->store.database(), options_.onlineLookup(asked.token),
                                              now.wallTimeMs, options_.log);
                    }
                    answers_.post(services->lookup.lookup(asked, now, online));
                } else if constexpr (std::is_same_v<T, kiosk::VerifyStaffPin>) {
                    const std::string& who = asked.staffId.empty() ? asked.staffCode : asked.staffId;
                    answers_.post(staffAnswer(asked.request, services->staff.verify(who, asked.pin, now.wallTimeMs)));
                } else if constexpr (std::is_same_v<T, kiosk::RecordDecision>) {
                    auto prepared = services->cards.prepare(asked, now);
                    if (const auto* failed = std::get_if<kiosk::DecisionFailed>(&prepared)) {
                        if (options_.log) {
                            options_.log->add("card not written, nothing recorded: " + services->cards.lastProblem());
                        }
                        answers_.post(*failed);
                        return;
                    }
                    const auto& request = std::get<kiosk::RecordDecision>(prepared);
                    auto answer = services->decisions.record(request, now);
                    if (auto* recorded = std::get_if<kiosk::DecisionRecorded>(&answer)) {
                        if (linkedToken(request) != linkedToken(asked)) {
                            recorded->cardToken = linkedToken(request);
                        }
                        if (options_.onRecorded) {
                            options_.onRecorded();
                        }
                    }
                    std::visit([this](auto value) { answers_.post(std::move(value)); }, std::move(answer));
                } else if constexpr (std::is_same_v<T, kiosk::LoadTodaySummary>) {
                    answers_.post(summaryAnswer(asked.request, services->store.database(), now));
                } else if constexpr (std::is_same_v<T, kiosk::LoadDiagnostics>) {
                    auto lines = options_.log ? options_.log->lines() : std::vector<std::string>{};
                    answers_.post(kiosk::DiagnosticsLoaded{asked.request, services->diagnostics.collect(std::move(lines))});
                } else if constexpr (std::is_same_v<T, kiosk::TestReader>) {
                    answers_.post(options_.testReader ? kiosk::Message(options_.testReader(asked.request))
                                                      : unavailable(asked));
                } else {
                    answers_.post(unavailable(asked));
                }
            },
            *effect);
    }
}

}  // namespace services
