#pragma once
// Faults injected into the chip's answers, one kind at a time, for the next
// host command only or for every command until cleared:
//   unplug      close the pty master (the host's next write fails with EIO)
//   garbage N   N bytes of line noise instead of ACK and answer (default 16)
//   checksum    the answer frame's data checksum is wrong
//   nack        a NACK frame instead of the ACK
//   error       ACK, then the syntax-error frame instead of the answer
//   slow MS     ACK at once, the answer MS milliseconds later (default 1000)
//   silent      no ACK, no answer (the command is not executed)
//   fatal       an InDataExchange/InCommunicateThru answer with status bit 7
//               set, which makes libnfc 1.8.0 abort() the host process

#include <optional>
#include <string>
#include <string_view>

namespace nfcsim {

enum class FaultKind { Unplug, Garbage, BadChecksum, Nack, ErrorFrame, Slow, Silent, FatalStatus };

struct Fault {
    FaultKind kind = FaultKind::Silent;
    unsigned argument = 0;  // garbage: byte count; slow: milliseconds
    bool persistent = false;  // every command until cleared, not only the next
};

class FaultPlan {
public:
    static std::optional<FaultKind> kindFromName(std::string_view name);
    static std::string name(FaultKind kind);
    static unsigned defaultArgument(FaultKind kind);

    void set(Fault fault) { fault_ = fault; }
    void clear() { fault_.reset(); }
    // The fault for the command that just arrived, consuming a one-shot fault.
    std::optional<Fault> takeForCommand();
    std::string describe() const;

private:
    std::optional<Fault> fault_;
};

}  // namespace nfcsim
