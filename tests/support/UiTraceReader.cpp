#include "support/UiTraceReader.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace testsupport {
namespace {

// One trace line, or false when it is not a complete frame.
bool parseFrame(const std::string& line, TracedFrame& frame) {
    const auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return false;
    }
    frame.number = json.value("frame", 0L);
    frame.screen = json.value("screen", std::string());
    frame.texts = json.value("texts", std::vector<std::string>{});
    frame.presentedMs = json.value("t_ms", 0.0);
    frame.drawMs = json.value("draw_ms", 0.0);
    if (const auto buttons = json.find("buttons"); buttons != json.end() && buttons->is_array()) {
        for (const auto& entry : *buttons) {
            if (!entry.is_object()) {
                continue;
            }
            frame.buttons.push_back({entry.value("label", std::string()), entry.value("x", 0.0f),
                                     entry.value("y", 0.0f), entry.value("w", 0.0f), entry.value("h", 0.0f)});
        }
    }
    return true;
}

}  // namespace

bool TracedFrame::shows(const std::string& part) const {
    for (const auto& text : texts) {
        if (text.find(part) != std::string::npos) {
            return true;
        }
    }
    return false;
}

const TracedButton* TracedFrame::button(const std::string& label) const {
    for (const auto& candidate : buttons) {
        if (candidate.label == label) {
            return &candidate;
        }
    }
    return nullptr;
}

std::string TracedFrame::describe() const {
    std::ostringstream out;
    out << "frame " << number << " screen '" << screen << "' texts [";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        out << (i ? ", " : "") << '"' << texts[i] << '"';
    }
    out << "] buttons [";
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        out << (i ? ", " : "") << '"' << buttons[i].label << '"';
    }
    out << ']';
    return out.str();
}

std::vector<TracedFrame> readTrace(const std::string& path) {
    UiTraceReader reader(path);
    return reader.poll();
}

const std::vector<TracedFrame>& UiTraceReader::poll() {
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        return frames_;
    }
    in.seekg(static_cast<std::streamoff>(offset_));
    std::string rest((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t start = 0;
    for (std::size_t end = rest.find('\n'); end != std::string::npos; end = rest.find('\n', start)) {
        TracedFrame frame;
        if (parseFrame(rest.substr(start, end - start), frame)) {
            frames_.push_back(std::move(frame));
        }
        start = end + 1;
    }
    offset_ += start;  // a line without its newline yet is read again next time
    return frames_;
}

}  // namespace testsupport
