#include "drivers/nfc/LibnfcSession.h"

#include <nfc/nfc.h>

#include <cstring>

namespace nfctest {

const int LibnfcSession::kSuccess = NFC_SUCCESS;
const int LibnfcSession::kEio = NFC_EIO;
const int LibnfcSession::kEinvarg = NFC_EINVARG;
const int LibnfcSession::kEtimeout = NFC_ETIMEOUT;
const int LibnfcSession::kEoperationAborted = NFC_EOPABORTED;
const int LibnfcSession::kErftrans = NFC_ERFTRANS;
const int LibnfcSession::kEtargetReleased = NFC_ETGRELEASED;

namespace {

const nfc_modulation kTypeA106 = {NMT_ISO14443A, NBR_106};

Target toTarget(const nfc_target& target) {
    const auto& a = target.nti.nai;
    Target out;
    out.uid.assign(a.abtUid, a.abtUid + a.szUidLen);
    out.atqa.assign(a.abtAtqa, a.abtAtqa + 2);
    out.sak = a.btSak;
    out.ats.assign(a.abtAts, a.abtAts + a.szAtsLen);
    return out;
}

}  // namespace

LibnfcSession::LibnfcSession() {
    nfc_init(&context_);
}

LibnfcSession::~LibnfcSession() {
    close();
    if (context_) {
        nfc_exit(context_);
    }
}

bool LibnfcSession::open(const std::string& connstring) {
    close();
    if (!context_) {
        return false;
    }
    device_ = nfc_open(context_, connstring.c_str());
    return device_ != nullptr;
}

void LibnfcSession::close() {
    if (device_) {
        nfc_close(device_);
        device_ = nullptr;
    }
}

std::string LibnfcSession::firmware() {
    char* info = nullptr;
    if (!device_ || nfc_device_get_information_about(device_, &info) < 0 || !info) {
        return "";
    }
    std::string text = info;
    nfc_free(info);
    const auto at = text.find("PN53");
    if (at == std::string::npos) {
        return text;
    }
    const auto end = text.find('\n', at);
    return text.substr(at, end == std::string::npos ? std::string::npos : end - at);
}

int LibnfcSession::initiatorInit() {
    return nfc_initiator_init(device_);
}

int LibnfcSession::setInfiniteSelect(bool on) {
    return nfc_device_set_property_bool(device_, NP_INFINITE_SELECT, on);
}

int LibnfcSession::setEasyFraming(bool on) {
    return nfc_device_set_property_bool(device_, NP_EASY_FRAMING, on);
}

int LibnfcSession::setHandleCrc(bool on) {
    return nfc_device_set_property_bool(device_, NP_HANDLE_CRC, on);
}

std::optional<Target> LibnfcSession::select(int* result) {
    nfc_target target;
    std::memset(&target, 0, sizeof target);
    const int res = nfc_initiator_select_passive_target(device_, kTypeA106, nullptr, 0, &target);
    if (result) {
        *result = res;
    }
    if (res <= 0) {
        return std::nullopt;
    }
    return toTarget(target);
}

int LibnfcSession::deselect() {
    return nfc_initiator_deselect_target(device_);
}

int LibnfcSession::targetIsPresent() {
    return nfc_initiator_target_is_present(device_, nullptr);
}

Exchange LibnfcSession::transceive(const Bytes& command, int timeoutMs) {
    Exchange exchange;
    exchange.data.resize(300);
    exchange.result = nfc_initiator_transceive_bytes(device_, command.data(), command.size(), exchange.data.data(),
                                                     exchange.data.size(), timeoutMs);
    exchange.data.resize(exchange.result > 0 ? static_cast<std::size_t>(exchange.result) : 0);
    return exchange;
}

std::optional<Target> LibnfcSession::poll(std::uint8_t pollNr, std::uint8_t period, int* result) {
    nfc_target target;
    std::memset(&target, 0, sizeof target);
    const int res = nfc_initiator_poll_target(device_, &kTypeA106, 1, pollNr, period, &target);
    if (result) {
        *result = res;
    }
    if (res <= 0) {
        return std::nullopt;
    }
    return toTarget(target);
}

int LibnfcSession::abortCommand() {
    return nfc_abort_command(device_);
}

int LibnfcSession::lastError() {
    return nfc_device_get_last_error(device_);
}

std::string LibnfcSession::lastErrorText() {
    return device_ ? nfc_strerror(device_) : "no device";
}

}  // namespace nfctest
