#include "ui/UiTrace.h"

#include <cerrno>
#include <cstring>

#include <nlohmann/json.hpp>

namespace ui {
namespace {

thread_local UiTrace* activeTrace = nullptr;

}  // namespace

UiTrace::UiTrace(const std::string& path) {
    if (path.empty()) {
        return;  // in memory only
    }
    if (path == "-") {
        out_ = stderr;
        return;
    }
    out_ = std::fopen(path.c_str(), "a");
    if (!out_) {
        error_ = "cannot open " + path + " for the UI trace: " + std::strerror(errno);
        return;
    }
    ownsFile_ = true;
}

UiTrace::~UiTrace() {
    if (activeTrace == this) {
        activeTrace = nullptr;
    }
    if (ownsFile_) {
        std::fclose(out_);
    }
}

UiTrace* UiTrace::active() { return activeTrace; }

void UiTrace::beginFrame(std::string_view screen) {
    screen_ = screen;
    texts_.clear();
    buttons_.clear();
    activeTrace = error_.empty() ? this : nullptr;
}

void UiTrace::text(std::string_view text) {
    if (!text.empty()) {
        texts_.emplace_back(text);
    }
}

void UiTrace::button(std::string_view label, float x, float y, float w, float h) {
    buttons_.push_back({std::string(label), x, y, w, h});
}

void UiTrace::endFrame() { activeTrace = nullptr; }

void UiTrace::write(const FrameTiming& timing) {
    if (!out_) {
        return;
    }
    ++frame_;
    nlohmann::json line{{"frame", frame_}, {"screen", screen_}, {"texts", texts_}};
    if (!buttons_.empty()) {
        auto& buttons = line["buttons"] = nlohmann::json::array();
        for (const auto& b : buttons_) {
            buttons.push_back({{"label", b.label}, {"x", b.x}, {"y", b.y}, {"w", b.w}, {"h", b.h}});
        }
    }
    // Tenths of a millisecond are all the clock's jitter allows anyway.
    const auto tenths = [](double ms) { return static_cast<double>(static_cast<long long>(ms * 10.0)) / 10.0; };
    if (timing.presentedMs) {
        line["t_ms"] = tenths(*timing.presentedMs);
    }
    if (timing.drawMs) {
        line["draw_ms"] = tenths(*timing.drawMs);
    }
    if (timing.cardMs) {
        line["card_ms"] = tenths(*timing.cardMs);
    }
    // Replace invalid UTF-8 rather than throw out of a frame.
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fprintf(out_, "%s\n", text.c_str());
    std::fflush(out_);
}

}  // namespace ui
