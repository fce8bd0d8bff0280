#include "sync/HeadOfficeAnswer.h"

#include "net/RetryAfter.h"
#include "sync/JsonFields.h"

namespace kiosksync {

namespace {

// head office's error code, when the body is {"error":{"code":"..."}}; at most 40 characters.
std::string errorCodeOf(const std::string& body) {
    const auto parsed = JsonFields::parse(body);
    if (!parsed || !parsed->is_object()) {
        return {};
    }
    const auto error = parsed->find("error");
    if (error == parsed->end() || !error->is_object()) {
        return {};
    }
    const auto code = error->find("code");
    if (code == error->end() || !code->is_string()) {
        return {};
    }
    std::string text = code->get<std::string>();
    for (char& c : text) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        if (!plain) {
            c = '?';
        }
    }
    return text.substr(0, 40);
}

}  // namespace

std::string HeadOfficeAnswer::describeStatus(int status, const std::string& code) {
    std::string text = "head office answered " + std::to_string(status) + (code.empty() ? "" : " " + code);
    if (status == 401 || status == 403) {
        text += ": head office refused this kiosk";
    }
    return text;
}

HeadOfficeAnswer HeadOfficeAnswer::of(net::HttpResult result) {
    HeadOfficeAnswer answer;
    if (!result) {
        answer.kind = result.error().kind == net::HttpErrorKind::Cancelled ? AnswerKind::Cancelled
                                                                           : AnswerKind::NoAnswer;
        answer.error = "no answer from head office (" + result.error().describe() + ")";
        return answer;
    }
    answer.response = std::move(result.value());
    answer.status = answer.response.status;
    if (answer.response.ok()) {
        answer.kind = AnswerKind::Usable;
        return answer;
    }
    answer.errorCode = errorCodeOf(answer.response.body);
    answer.error = describeStatus(answer.status, answer.errorCode);
    switch (answer.status) {
        case 429:
        case 503:
            answer.kind = AnswerKind::Busy;
            answer.retryAfter = net::RetryAfter::of(answer.response);
            break;
        case 413: answer.kind = AnswerKind::TooLarge; break;
        case 401:
        case 403: answer.kind = AnswerKind::Refused; break;
        default: answer.kind = AnswerKind::Failed; break;
    }
    return answer;
}

}  // namespace kiosksync
