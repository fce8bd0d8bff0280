#pragma once
// NfcMessage values over a byte stream (the reader worker's socket), in a
// simple framed format:
//   frame   = length(u32 LE, of what follows) type(u8) fields...
//   string  = length(u16 LE) bytes (at most kMaxString)
//   type 1 CardPresented: uid kind(u8) assurance(u8) identity refusal(u8) detail
//   type 2 CardRemoved
//   type 3 ReaderStatus:  state(u8) firmware lastError connstring
//   type 4 WriteCardRecord (kiosk -> worker): request(u32) uid serial(u32) issuedAt(u64)
//   type 5 CardWritten: request(u32) uid error(u8) identity detail
//   type 6 SelfTestRequest (kiosk -> worker): request(u32)
//   type 7 SelfTestResult: request(u32) ok(u8) detail
// (integers little endian). Types 1-3, 5 and 7 flow from the worker to the
// kiosk, types 4 and 6 the other way; each side takes only its own.
// The decoder is fed whatever read() returned and yields whole messages; a
// frame that is too long, has an unknown type or enum value, or does not
// end where its fields do makes the stream corrupt for good (the peer is
// then killed and restarted, never trusted again).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "nfc/CardMessages.h"

namespace nfc {

// Everything that crosses the worker's socket.
using WireMessage = std::variant<CardPresented, CardRemoved, ReaderStatus, WriteCardRecord, CardWritten,
                                 SelfTestRequest, SelfTestResult>;

class MessageCodec {
public:
    static constexpr std::size_t kMaxFrame = 16 * 1024;
    static constexpr std::size_t kMaxString = 4096;

    static std::vector<std::uint8_t> encode(const WireMessage& message);
    static WireMessage toWire(NfcMessage message);

    void feed(const std::uint8_t* data, std::size_t size);
    // The next whole message, if one has arrived.
    std::optional<WireMessage> next();
    bool corrupt() const { return corrupt_; }

private:
    std::vector<std::uint8_t> buffer_;
    std::size_t consumed_ = 0;
    bool corrupt_ = false;
};

}  // namespace nfc
