#include "nfc/reader/LibnfcDevice.h"

#include <nfc/nfc.h>

#include <algorithm>
#include <cstring>

// Exported by libnfc 1.8.0 (libnfc/chips/pn53x.h, used by its pn53x-* tools)
// but not in <nfc/nfc.h>. It sends one PN53x command with a timeout that
// also bounds the wait for the chip's ACK.
extern "C" int pn53x_transceive(nfc_device* pnd, const std::uint8_t* pbtTx, const std::size_t szTx,
                                std::uint8_t* pbtRx, const std::size_t szRxLen, int timeout);

namespace nfc {

namespace {

const nfc_modulation kTypeA106 = {NMT_ISO14443A, NBR_106};

TargetInfo toTargetInfo(const nfc_target& target) {
    const auto& a = target.nti.nai;
    TargetInfo info;
    info.uid.assign(a.abtUid, a.abtUid + std::min<std::size_t>(a.szUidLen, sizeof a.abtUid));
    info.atqa = static_cast<std::uint16_t>((a.abtAtqa[0] << 8) | a.abtAtqa[1]);
    info.sak = a.btSak;
    info.ats.assign(a.abtAts, a.abtAts + std::min<std::size_t>(a.szAtsLen, sizeof a.abtAts));
    return info;
}

// "PN532 v1.6" out of nfc_device_get_information_about's text.
std::string firmwareLine(nfc_device* device) {
    char* info = nullptr;
    if (nfc_device_get_information_about(device, &info) < 0 || info == nullptr) {
        return "";
    }
    std::string text = info;
    nfc_free(info);
    const auto at = text.find("PN53");
    if (at == std::string::npos) {
        return "";
    }
    const auto end = text.find_first_of("\r\n", at);
    std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
    while (!line.empty() && (line.back() == ' ' || line.back() == '(')) {
        line.pop_back();
    }
    // libnfc prints "PN532 v1.6 (0x07)"; keep the chip and version.
    const auto paren = line.find(" (");
    return paren == std::string::npos ? line : line.substr(0, paren);
}

// One context for the process while any device uses it (see the header).
std::mutex contextMutex;
nfc_context* sharedContext = nullptr;
int contextUsers = 0;

nfc_context* acquireContext() {
    std::lock_guard lock(contextMutex);
    if (contextUsers == 0) {
        nfc_init(&sharedContext);
        if (sharedContext == nullptr) {
            return nullptr;
        }
    }
    ++contextUsers;
    return sharedContext;
}

void releaseContext() {
    std::lock_guard lock(contextMutex);
    if (--contextUsers == 0) {
        nfc_exit(sharedContext);
        sharedContext = nullptr;
    }
}

}  // namespace

LibnfcDevice::LibnfcDevice() : context_(acquireContext()) {}

LibnfcDevice::~LibnfcDevice() {
    close();
    if (context_ != nullptr) {
        releaseContext();
    }
}

DeviceResult<std::string> LibnfcDevice::open(const std::string& connstring) {
    close();
    if (context_ == nullptr) {
        return loyalty::unexpected(DeviceError{kOpenFailed, "libnfc could not be initialised"});
    }
    nfc_device* device = nfc_open(context_, connstring.c_str());
    if (device == nullptr) {
        return loyalty::unexpected(DeviceError{kOpenFailed, "cannot open " + connstring});
    }
    {
        std::lock_guard lock(pointerMutex_);
        device_ = device;
    }
    if (nfc_initiator_init(device_) < 0) {
        auto error = failure("initiator init", nfc_device_get_last_error(device_));
        close();
        return loyalty::unexpected(std::move(error));
    }
    // nfc_initiator_init turns infinite select on; a select must answer at once.
    if (nfc_device_set_property_bool(device_, NP_INFINITE_SELECT, false) < 0) {
        auto error = failure("infinite select off", nfc_device_get_last_error(device_));
        close();
        return loyalty::unexpected(std::move(error));
    }
    std::string firmware = firmwareLine(device_);
    return firmware.empty() ? std::string("PN53x") : firmware;
}

void LibnfcDevice::close() {
    std::lock_guard lock(pointerMutex_);
    if (device_ != nullptr) {
        // nfc_close sends InRelease, RF off and PowerDown with the default
        // command timeout; a chip that answers at all answers in milliseconds,
        // and a silent one must not hold a stop or a reopen for a second.
        nfc_device_set_property_int(device_, NP_TIMEOUT_COMMAND, kCloseTimeoutMs);
        nfc_close(device_);
        device_ = nullptr;
    }
}

DeviceResult<std::optional<TargetInfo>> LibnfcDevice::poll(std::uint8_t pollNr, std::uint8_t period) {
    // Not nfc_initiator_poll_target: libnfc sends InAutoPoll with timeout 0,
    // and pn532_uart_send then waits for the ACK with no timeout and no abort
    // path, so a chip that goes silent hangs the thread for good. Here the
    // same command (ISO-DEP type A, then any type A) has a timeout covering
    // both the ACK and the answer, and the answer wait stays abortable.
    // Its answer is used as is: a select here would cost the tap a few more
    // round trips before the card can be read.
    const std::uint8_t command[] = {0x60, pollNr, period, 0x20, 0x10};
    const int timeoutMs = 150 * pollNr * 2 * period + kPollSlackMs;
    std::uint8_t answer[264];
    const int res = pn53x_transceive(device_, command, sizeof command, answer, sizeof answer, timeoutMs);
    if (res < 0) {
        return loyalty::unexpected(failure("poll", res));
    }
    if (res == 0 || answer[0] == 0) {
        return std::optional<TargetInfo>{};
    }
    // NbTg Type Len Tg SENS_RES(2) SEL_RES NFCIDLength NFCID1 [ATS (TL first)].
    // The card is listed in the chip (InDataExchange reaches it) but is not
    // yet libnfc's current target: adopt() does that after the read.
    const std::size_t size = static_cast<std::size_t>(res);
    if (size < 8 || answer[2] < 5 || static_cast<std::size_t>(answer[2]) + 3 > size) {
        return loyalty::unexpected(DeviceError{-90, "poll: malformed InAutoPoll answer"});
    }
    const std::uint8_t* data = answer + 3;
    const std::size_t length = answer[2];
    const std::size_t uidLength = data[4];
    if (uidLength != 4 && uidLength != 7 && uidLength != 10) {
        return loyalty::unexpected(DeviceError{-90, "poll: malformed InAutoPoll answer"});
    }
    if (5 + uidLength > length) {
        return loyalty::unexpected(DeviceError{-90, "poll: malformed InAutoPoll answer"});
    }
    TargetInfo target;
    target.atqa = static_cast<std::uint16_t>((data[1] << 8) | data[2]);
    target.sak = data[3];
    target.uid.assign(data + 5, data + 5 + uidLength);
    const std::size_t atsAt = 5 + uidLength;
    if (atsAt < length) {
        const std::size_t tl = data[atsAt];
        if (tl >= 1 && atsAt + tl <= length) {
            target.ats.assign(data + atsAt + 1, data + atsAt + tl);  // without TL, as libnfc keeps it
        }
    }
    return std::optional<TargetInfo>{std::move(target)};
}

DeviceResult<bool> LibnfcDevice::adopt(const TargetInfo& target) {
    auto selected = select(&target.uid);
    if (!selected) {
        return loyalty::unexpected(selected.error());
    }
    return selected->has_value();
}

DeviceResult<std::optional<TargetInfo>> LibnfcDevice::select(const Bytes* uid) {
    nfc_target target;
    std::memset(&target, 0, sizeof target);
    const int res = nfc_initiator_select_passive_target(device_, kTypeA106, uid ? uid->data() : nullptr,
                                                        uid ? uid->size() : 0, &target);
    if (res < 0) {
        return loyalty::unexpected(failure("select", res));
    }
    if (res == 0) {
        return std::optional<TargetInfo>{};
    }
    return std::optional<TargetInfo>{toTargetInfo(target)};
}

DeviceResult<bool> LibnfcDevice::isPresent() {
    const int res = nfc_initiator_target_is_present(device_, nullptr);
    if (res == NFC_SUCCESS) {
        return true;
    }
    if (isCardError(res)) {
        return false;
    }
    return loyalty::unexpected(failure("presence check", res));
}

int LibnfcDevice::transceive(const Bytes& command, Bytes& answer, int timeoutMs) {
    answer.resize(264);  // the PN532's largest answer
    const int res = nfc_initiator_transceive_bytes(device_, command.data(), command.size(), answer.data(),
                                                   answer.size(), timeoutMs);
    answer.resize(res > 0 ? static_cast<std::size_t>(res) : 0);
    return res;
}

std::string LibnfcDevice::lastErrorText() const {
    return device_ != nullptr ? nfc_strerror(device_) : "no device";
}

void LibnfcDevice::abort() {
    std::lock_guard lock(pointerMutex_);
    if (device_ != nullptr) {
        nfc_abort_command(device_);
    }
}

bool LibnfcDevice::isCardError(int code) {
    return code == NFC_ERFTRANS || code == NFC_ETGRELEASED || code == NFC_EMFCAUTHFAIL;
}

bool LibnfcDevice::isAborted(int code) {
    return code == NFC_EOPABORTED;
}

std::string LibnfcDevice::describe(int code) {
    switch (code) {
        case NFC_EIO: return "input/output error";
        case NFC_EINVARG: return "invalid argument";
        case NFC_EDEVNOTSUPP: return "not supported by the device";
        case NFC_ENOTSUCHDEV: return "no such device";
        case NFC_EOVFLOW: return "buffer overflow";
        case NFC_ETIMEOUT: return "timeout";
        case NFC_EOPABORTED: return "operation aborted";
        case NFC_ENOTIMPL: return "not implemented";
        case NFC_ETGRELEASED: return "target released";
        case NFC_ERFTRANS: return "RF transmission error";
        case NFC_EMFCAUTHFAIL: return "MIFARE authentication failed";
        case NFC_ESOFT: return "software error";
        case NFC_ECHIP: return "chip error";
        default: return "error " + std::to_string(code);
    }
}

DeviceError LibnfcDevice::failure(const std::string& what, int code) const {
    return DeviceError{code, what + ": " + describe(code)};
}

}  // namespace nfc
