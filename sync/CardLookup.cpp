#include "sync/CardLookup.h"

#include "sync/HeadOfficeAnswer.h"
#include "sync/JsonFields.h"
#include "sync/ProfileJson.h"

namespace kiosksync {

namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds since(Clock::time_point start) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
}

CardLookupResult useLocal(std::string why, Clock::time_point start) {
    CardLookupResult result;
    result.why = std::move(why);
    result.took = since(start);
    return result;
}

}  // namespace

CardLookup::CardLookup(net::HttpClientOptions http) : http_(std::move(http)), worker_([this] { work(); }) {}

CardLookup::~CardLookup() {
    stop();
    if (worker_.joinable()) {
        worker_.join();
    }
}

void CardLookup::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    http_.cancel();
    changed_.notify_all();
}

void CardLookup::holdUntil(Clock::time_point until) {
    std::lock_guard lock(mutex_);
    heldUntil_ = std::max(heldUntil_, until);
}

std::string CardLookup::pathFor(const std::string& token) {
    static const char* const hex = "0123456789ABCDEF";
    std::string path = "/v1/cards/";
    for (const char c : token) {
        const auto byte = static_cast<unsigned char>(c);
        const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '.' || c == '_' || c == '~' || c == ':';
        if (plain) {
            path += c;
        } else {
            path += '%';
            path += hex[byte >> 4];
            path += hex[byte & 0x0f];
        }
    }
    return path;
}

loyalty::Expected<CardLookupResult, std::string> CardLookup::parseAnswer(const std::string& body) {
    const auto parsed = JsonFields::parse(body);
    if (!parsed) {
        return loyalty::unexpected(std::string("the card answer is not JSON"));
    }
    JsonFields f(*parsed, "card answer");
    const nlohmann::json* card = f.object("card");
    const nlohmann::json* member = f.object("member");
    if (!f.ok()) {
        return loyalty::unexpected(f.problem());
    }
    auto cardRecord = ProfileJson::card(*card, "card");
    if (!cardRecord) {
        return loyalty::unexpected(cardRecord.error());
    }
    auto memberRecord = ProfileJson::member(*member, "member");
    if (!memberRecord) {
        return loyalty::unexpected(memberRecord.error());
    }
    CardLookupResult result;
    result.source = CardLookupResult::Source::Online;
    result.card = std::move(cardRecord.value());
    result.member = std::move(memberRecord.value());
    return result;
}

CardLookupResult CardLookup::lookup(const std::string& token, std::chrono::milliseconds deadline) {
    const auto start = Clock::now();
    const auto until = start + deadline;
    std::unique_lock caller(callers_, std::defer_lock);
    if (!caller.try_lock_until(until)) {
        return useLocal("another lookup took the time", start);
    }
    std::unique_lock lock(mutex_);
    if (stopping_) {
        return useLocal("the sync client is stopped", start);
    }
    if (Clock::now() < heldUntil_) {
        return useLocal("head office asked to wait (Retry-After)", start);
    }
    const std::uint64_t id = ++nextId_;
    job_ = Job{id, token, std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now())};
    changed_.notify_all();
    const bool answered = changed_.wait_until(lock, until, [&] { return doneId_ == id || stopping_; });
    if (answered && doneId_ == id) {
        CardLookupResult result = done_;
        result.took = since(start);
        return result;
    }
    if (job_ && job_->id == id) {
        job_.reset();  // not started yet: never will be
    } else {
        http_.cancel();  // in flight: abandon it (the worker resets the flag before its next job)
    }
    return useLocal("no answer from head office within " + std::to_string(deadline.count()) + " ms", start);
}

void CardLookup::work() {
    std::unique_lock lock(mutex_);
    while (true) {
        changed_.wait(lock, [&] { return stopping_ || job_.has_value(); });
        if (stopping_) {
            return;
        }
        const Job job = std::move(*job_);
        job_.reset();
        http_.resetCancel();
        lock.unlock();
        CardLookupResult result;
        try {
            result = run(job);
        } catch (...) {  // nothing leaves a thread
            result = useLocal("card lookup failed", Clock::now());
        }
        lock.lock();
        done_ = std::move(result);
        doneId_ = job.id;
        changed_.notify_all();
    }
}

CardLookupResult CardLookup::run(const Job& job) {
    const auto start = Clock::now();
    if (job.timeout.count() <= 0) {
        return useLocal("no time left for head office", start);
    }
    auto request = net::HttpRequest::get(pathFor(job.token));
    request.timeout = job.timeout;
    request.connectTimeout = job.timeout;
    const HeadOfficeAnswer answer = HeadOfficeAnswer::of(http_.send(request));
    if (answer.kind == AnswerKind::Failed && answer.status == 404 && answer.errorCode == "unknown_card") {
        CardLookupResult result;
        result.source = CardLookupResult::Source::UnknownCard;
        return result;
    }
    if (!answer.usable()) {
        return useLocal(answer.error, start);
    }
    auto parsed = parseAnswer(answer.response.body);
    if (!parsed) {
        return useLocal("malformed card answer from head office: " + parsed.error(), start);
    }
    return std::move(parsed.value());
}

}  // namespace kiosksync
