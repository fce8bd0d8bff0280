#pragma once
// NfcMessage values over a byte stream (the reader worker's socket), in a
// simple framed format:
//   frame   = length(u32 LE, of what follows) type(u8) fields...
//   string  = length(u16 LE) bytes (at most kMaxString)
//   type 1 CardPresented: uid kind(u8) assurance(u8) identity refusal(u8) detail
//   type 2 CardRemoved
//   type 3 ReaderStatus:  state(u8) firmware lastError connstring
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

class MessageCodec {
public:
    static constexpr std::size_t kMaxFrame = 16 * 1024;
    static constexpr std::size_t kMaxString = 4096;

    static std::vector<std::uint8_t> encode(const NfcMessage& message);

    void feed(const std::uint8_t* data, std::size_t size);
    // The next whole message, if one has arrived.
    std::optional<NfcMessage> next();
    bool corrupt() const { return corrupt_; }

private:
    std::vector<std::uint8_t> buffer_;
    std::size_t consumed_ = 0;
    bool corrupt_ = false;
};

}  // namespace nfc
