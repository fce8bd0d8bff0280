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
    activeTrace = error_.empty() ? this : nullptr;
}

void UiTrace::text(std::string_view text) {
    if (!text.empty()) {
        texts_.emplace_back(text);
    }
}

void UiTrace::endFrame() {
    activeTrace = nullptr;
    if (!out_) {
        return;
    }
    ++frame_;
    const nlohmann::json line{{"frame", frame_}, {"screen", screen_}, {"texts", texts_}};
    // Replace invalid UTF-8 rather than throw out of a frame.
    const std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    std::fprintf(out_, "%s\n", text.c_str());
    std::fflush(out_);
}

}  // namespace ui
