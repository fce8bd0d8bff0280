#include "nfc/reader/MessageCodec.h"

#include <algorithm>
#include <string>
#include <type_traits>

namespace nfc {

namespace {

constexpr std::uint8_t kCardPresented = 1;
constexpr std::uint8_t kCardRemoved = 2;
constexpr std::uint8_t kReaderStatus = 3;
constexpr std::uint8_t kWriteCardRecord = 4;
constexpr std::uint8_t kCardWritten = 5;
constexpr std::uint8_t kSelfTestRequest = 6;
constexpr std::uint8_t kSelfTestResult = 7;

using Bytes = std::vector<std::uint8_t>;

void putString(Bytes& out, const std::string& text) {
    const std::size_t size = std::min(text.size(), MessageCodec::kMaxString);
    out.push_back(static_cast<std::uint8_t>(size & 0xFF));
    out.push_back(static_cast<std::uint8_t>(size >> 8));
    out.insert(out.end(), text.begin(), text.begin() + static_cast<std::ptrdiff_t>(size));
}

template <class Integer>
void putInteger(Bytes& out, Integer value) {
    for (std::size_t i = 0; i < sizeof(Integer); ++i) {
        out.push_back(static_cast<std::uint8_t>((value >> (8 * i)) & 0xFF));
    }
}

template <class Enum>
void putEnum(Bytes& out, Enum value) {
    out.push_back(static_cast<std::uint8_t>(value));
}

// Reads fields from one frame's payload; any overrun sets failed.
class Reader {
public:
    Reader(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint8_t byte() {
        if (at_ >= size_) {
            failed = true;
            return 0;
        }
        return data_[at_++];
    }
    std::string string() {
        const std::size_t low = byte();
        const std::size_t size = low | (static_cast<std::size_t>(byte()) << 8);
        if (failed || size > MessageCodec::kMaxString || size > size_ - at_) {
            failed = true;
            return "";
        }
        std::string text(reinterpret_cast<const char*>(data_ + at_), size);
        at_ += size;
        return text;
    }
    template <class Integer>
    Integer integer() {
        Integer value = 0;
        for (std::size_t i = 0; i < sizeof(Integer); ++i) {
            value |= static_cast<Integer>(static_cast<Integer>(byte()) << (8 * i));
        }
        return value;
    }
    template <class Enum>
    Enum enumeration(Enum last) {
        const auto value = byte();
        if (value > static_cast<std::uint8_t>(last)) {
            failed = true;
        }
        return static_cast<Enum>(value);
    }
    bool finished() const { return !failed && at_ == size_; }

    bool failed = false;

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

}  // namespace

WireMessage MessageCodec::toWire(NfcMessage message) {
    return std::visit([](auto value) { return WireMessage(std::move(value)); }, std::move(message));
}

std::vector<std::uint8_t> MessageCodec::encode(const WireMessage& message) {
    Bytes payload;
    std::visit(
        [&](const auto& value) {
            using T = std::decay_t<decltype(value)>;
            if constexpr (std::is_same_v<T, CardPresented>) {
                payload.push_back(kCardPresented);
                putString(payload, value.uid);
                putEnum(payload, value.kind);
                putEnum(payload, value.assurance);
                putString(payload, value.identity);
                putEnum(payload, value.refusal);
                putString(payload, value.detail);
            } else if constexpr (std::is_same_v<T, CardRemoved>) {
                payload.push_back(kCardRemoved);
            } else if constexpr (std::is_same_v<T, WriteCardRecord>) {
                payload.push_back(kWriteCardRecord);
                putInteger(payload, value.request);
                putString(payload, value.uid);
                putInteger(payload, value.serial);
                putInteger(payload, value.issuedAt);
            } else if constexpr (std::is_same_v<T, CardWritten>) {
                payload.push_back(kCardWritten);
                putInteger(payload, value.request);
                putString(payload, value.uid);
                putEnum(payload, value.error);
                putString(payload, value.identity);
                putString(payload, value.detail);
            } else if constexpr (std::is_same_v<T, SelfTestRequest>) {
                payload.push_back(kSelfTestRequest);
                putInteger(payload, value.request);
            } else if constexpr (std::is_same_v<T, SelfTestResult>) {
                payload.push_back(kSelfTestResult);
                putInteger(payload, value.request);
                payload.push_back(value.ok ? 1 : 0);
                putString(payload, value.detail);
            } else {
                payload.push_back(kReaderStatus);
                putEnum(payload, value.state);
                putString(payload, value.firmware);
                putString(payload, value.lastError);
                putString(payload, value.connstring);
            }
        },
        message);
    Bytes frame;
    const auto size = static_cast<std::uint32_t>(payload.size());
    for (int shift = 0; shift < 32; shift += 8) {
        frame.push_back(static_cast<std::uint8_t>((size >> shift) & 0xFF));
    }
    frame.insert(frame.end(), payload.begin(), payload.end());
    return frame;
}

void MessageCodec::feed(const std::uint8_t* data, std::size_t size) {
    if (corrupt_) {
        return;
    }
    if (consumed_ > 0 && consumed_ == buffer_.size()) {
        buffer_.clear();
        consumed_ = 0;
    }
    buffer_.insert(buffer_.end(), data, data + size);
}

std::optional<WireMessage> MessageCodec::next() {
    if (corrupt_ || buffer_.size() - consumed_ < 4) {
        return std::nullopt;
    }
    const std::uint8_t* head = buffer_.data() + consumed_;
    const std::size_t length = static_cast<std::size_t>(head[0]) | (static_cast<std::size_t>(head[1]) << 8) |
                               (static_cast<std::size_t>(head[2]) << 16) | (static_cast<std::size_t>(head[3]) << 24);
    if (length == 0 || length > kMaxFrame) {
        corrupt_ = true;
        return std::nullopt;
    }
    if (buffer_.size() - consumed_ - 4 < length) {
        return std::nullopt;
    }
    Reader in(head + 4, length);
    consumed_ += 4 + length;
    std::optional<WireMessage> message;
    switch (in.byte()) {
        case kCardPresented: {
            CardPresented card;
            card.uid = in.string();
            card.kind = in.enumeration(CardKind::Ntag424);
            card.assurance = in.enumeration(loyalty::Assurance::SecureMessaging);
            card.identity = in.string();
            card.refusal = in.enumeration(CardRefusal::Replayed);
            card.detail = in.string();
            message = std::move(card);
            break;
        }
        case kCardRemoved:
            message = CardRemoved{};
            break;
        case kReaderStatus: {
            ReaderStatus status;
            status.state = in.enumeration(ReaderState::Stopped);
            status.firmware = in.string();
            status.lastError = in.string();
            status.connstring = in.string();
            message = std::move(status);
            break;
        }
        case kWriteCardRecord: {
            WriteCardRecord write;
            write.request = in.integer<std::uint32_t>();
            write.uid = in.string();
            write.serial = in.integer<std::uint32_t>();
            write.issuedAt = in.integer<std::uint64_t>();
            message = std::move(write);
            break;
        }
        case kCardWritten: {
            CardWritten written;
            written.request = in.integer<std::uint32_t>();
            written.uid = in.string();
            written.error = in.enumeration(CardWriteError::ReaderUnavailable);
            written.identity = in.string();
            written.detail = in.string();
            message = std::move(written);
            break;
        }
        case kSelfTestRequest:
            message = SelfTestRequest{in.integer<std::uint32_t>()};
            break;
        case kSelfTestResult: {
            SelfTestResult result;
            result.request = in.integer<std::uint32_t>();
            const auto ok = in.byte();
            in.failed = in.failed || ok > 1;
            result.ok = ok == 1;
            result.detail = in.string();
            message = std::move(result);
            break;
        }
        default:
            in.failed = true;
    }
    if (!in.finished()) {
        corrupt_ = true;
        return std::nullopt;
    }
    if (consumed_ == buffer_.size()) {
        buffer_.clear();
        consumed_ = 0;
    }
    return message;
}

}  // namespace nfc
