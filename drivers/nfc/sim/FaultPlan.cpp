#include "nfc/sim/FaultPlan.h"

namespace nfcsim {

namespace {

struct Named {
    const char* name;
    FaultKind kind;
};

constexpr Named kNames[] = {{"unplug", FaultKind::Unplug}, {"garbage", FaultKind::Garbage},
                            {"checksum", FaultKind::BadChecksum}, {"nack", FaultKind::Nack},
                            {"error", FaultKind::ErrorFrame}, {"slow", FaultKind::Slow},
                            {"silent", FaultKind::Silent},
                            {"fatal", FaultKind::FatalStatus}};

}  // namespace

std::optional<FaultKind> FaultPlan::kindFromName(std::string_view name) {
    for (const auto& entry : kNames) {
        if (name == entry.name) {
            return entry.kind;
        }
    }
    return std::nullopt;
}

std::string FaultPlan::name(FaultKind kind) {
    for (const auto& entry : kNames) {
        if (entry.kind == kind) {
            return entry.name;
        }
    }
    return "?";
}

unsigned FaultPlan::defaultArgument(FaultKind kind) {
    switch (kind) {
        case FaultKind::Garbage:
            return 16;
        case FaultKind::Slow:
            return 1000;
        default:
            return 0;
    }
}

std::optional<Fault> FaultPlan::takeForCommand() {
    auto fault = fault_;
    if (fault_ && !fault_->persistent) {
        fault_.reset();
    }
    return fault;
}

std::string FaultPlan::describe() const {
    if (!fault_) {
        return "none";
    }
    std::string text = name(fault_->kind);
    if (fault_->kind == FaultKind::Garbage || fault_->kind == FaultKind::Slow) {
        text += " " + std::to_string(fault_->argument);
    }
    return text + (fault_->persistent ? " always" : " once");
}

}  // namespace nfcsim
