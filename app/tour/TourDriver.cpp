#include "tour/TourDriver.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <utility>
#include <variant>

namespace tour {
namespace {

namespace fs = std::filesystem;

constexpr int kSettleFrames = 3;  // ui::FrameScheduler::kFramesAfterEvent: the third frame is captured
// Nothing drawn for this long after the last input: the screen did not
// change (the window idles), so the step is over without a new frame.
constexpr auto kQuietAfterInput = std::chrono::milliseconds(1500);

// The window's captures (NNN-<screen>.png), in the order written.
std::vector<fs::path> stagedShots(const std::string& staging) {
    std::vector<fs::path> shots;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(staging, error)) {
        if (entry.path().extension() == ".png") {
            shots.push_back(entry.path());
        }
    }
    std::sort(shots.begin(), shots.end());
    return shots;
}

void clearStaging(const std::string& staging) {
    std::error_code error;
    for (const auto& shot : stagedShots(staging)) {
        fs::remove(shot, error);
    }
}

}  // namespace

TourDriver::TourDriver(std::vector<TourStep> steps, const kiosk::KioskFlow& flow, TourPacing pacing)
    : steps_(std::move(steps)), flow_(flow), pacing_(std::move(pacing)) {}

std::string TourDriver::stagingDir(const std::string& screenshotDir) { return screenshotDir + "/.staging"; }

ui::FlowLinks TourDriver::links(std::function<void()> wake, std::function<void()> quit) {
    wake_ = std::move(wake);
    quit_ = std::move(quit);
    if (!pacing_.screenshotDir.empty()) {
        clearStaging(stagingDir(pacing_.screenshotDir));
    }
    ui::FlowLinks links;
    links.takeMessages = [this] { return takeMessages(); };
    links.takeIntents = [this] { return takeIntents(); };
    links.runEffects = [this](std::vector<kiosk::Effect> effects) {
        if (!effects.empty()) {
            lastEffect_ = std::move(effects.back());
        }
    };
    links.drawOverlay = [this](const ui::UiContext&) { onFrame(); };
    return links;
}

void TourDriver::delivered() {
    framesSinceInput_ = 0;
    lastActivity_ = Clock::now();
    if (!pacing_.screenshotDir.empty() && next_ == steps_[current_].inputs.size()) {
        // Only a capture after the step's last input shows where it rests.
        clearStaging(stagingDir(pacing_.screenshotDir));
    }
}

std::vector<kiosk::Message> TourDriver::takeMessages() {
    if (stopping_) {
        return {};
    }
    if (next_ == steps_[current_].inputs.size()) {
        if (!stepSettled() || !completeStep()) {
            return {};
        }
    }
    if (next_ == steps_[current_].inputs.size()) {
        return {};  // a step without inputs: it rests where the last one left the flow
    }
    const TourInput& input = steps_[current_].inputs[next_];
    if (const auto* message = std::get_if<kiosk::Message>(&input)) {
        ++next_;
        delivered();
        return {*message};
    }
    if (const auto* reply = std::get_if<Reply>(&input)) {
        ++next_;
        auto message = (*reply)(lastEffect_);
        delivered();
        return {std::move(message)};
    }
    return {};
}

std::vector<kiosk::Intent> TourDriver::takeIntents() {
    if (stopping_ || next_ == steps_[current_].inputs.size()) {
        return {};
    }
    const auto* intent = std::get_if<kiosk::Intent>(&steps_[current_].inputs[next_]);
    if (!intent) {
        return {};
    }
    ++next_;
    delivered();
    return {*intent};
}

void TourDriver::onFrame() {
    ++framesSinceInput_;
    lastActivity_ = Clock::now();
    // The settled frame (captured after this overlay) was drawn: wake the
    // loop at once instead of letting it idle, so the next step starts.
    if (!pacing_.continuous && framesSinceInput_ == kSettleFrames && next_ == steps_[current_].inputs.size() &&
        wake_) {
        wake_();
    }
}

bool TourDriver::stepSettled() const {
    if (pacing_.continuous) {
        return framesSinceInput_ >= pacing_.holdFrames;
    }
    if (!pacing_.screenshotDir.empty() && !stagedShots(stagingDir(pacing_.screenshotDir)).empty()) {
        return framesSinceInput_ >= kSettleFrames;
    }
    const bool quiet = Clock::now() - lastActivity_ > kQuietAfterInput;
    return quiet || (pacing_.screenshotDir.empty() && framesSinceInput_ >= kSettleFrames);
}

bool TourDriver::completeStep() {
    const TourStep& step = steps_[current_];
    const std::string label = std::to_string(current_ + 1) + " (" + step.name() + ")";
    if (flow_.screen() != step.screen) {
        stop("step " + label + ": the flow shows " + kiosk::screenName(flow_.screen()) + " instead");
        return false;
    }
    if (!pacing_.screenshotDir.empty()) {
        const auto shots = stagedShots(stagingDir(pacing_.screenshotDir));
        if (shots.empty()) {
            stop("step " + label + ": no screenshot: the screen looked the same as the step before");
            return false;
        }
        char name[160];
        std::snprintf(name, sizeof name, "%02zu-%s.png", current_ + 1, step.name().c_str());
        std::error_code error;
        fs::rename(shots.back(), fs::path(pacing_.screenshotDir) / name, error);
        if (error) {
            stop("step " + label + ": cannot move the screenshot to " + pacing_.screenshotDir + ": " + error.message());
            return false;
        }
        clearStaging(stagingDir(pacing_.screenshotDir));
    }
    ++stepsDone_;
    std::fprintf(stderr, "kiosk-tour: %02zu %s\n", current_ + 1, step.name().c_str());
    if (current_ + 1 == steps_.size()) {
        finished_ = true;
        stop({});
        return false;
    }
    ++current_;
    next_ = 0;
    return true;
}

void TourDriver::stop(std::string error) {
    error_ = std::move(error);
    stopping_ = true;
    if (!pacing_.screenshotDir.empty()) {
        std::error_code ignored;
        fs::remove_all(stagingDir(pacing_.screenshotDir), ignored);
    }
    if (quit_) {
        quit_();
    }
}

}  // namespace tour
