#include "kiosk_process.h"

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

namespace kioskbench {
namespace {

// The fields of /proc/PID/stat after the command name (which may hold spaces):
// [0] is field 3 (state), [1] the parent pid, [11] utime, [12] stime.
std::vector<std::string> statFields(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line) || line.rfind(')') == std::string::npos || line.rfind(')') + 2 > line.size()) {
        return {};
    }
    std::istringstream fields(line.substr(line.rfind(')') + 2));
    std::vector<std::string> values;
    std::string field;
    while (fields >> field) {
        values.push_back(field);
    }
    return values;
}

std::optional<double> number(const nlohmann::json& json, const char* key) {
    const auto it = json.find(key);
    if (it == json.end() || !it->is_number()) {
        return std::nullopt;
    }
    return it->get<double>();
}

std::optional<TraceFrame> parseFrame(const std::string& line) {
    auto json = nlohmann::json::parse(line, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return std::nullopt;
    }
    TraceFrame frame;
    frame.frame = json.value("frame", 0L);
    frame.screen = json.value("screen", "");
    if (const auto texts = json.find("texts"); texts != json.end() && texts->is_array()) {
        for (const auto& text : *texts) {
            if (text.is_string()) {
                frame.texts.push_back(text.get<std::string>());
            }
        }
    }
    frame.tMs = number(json, "t_ms");
    frame.drawMs = number(json, "draw_ms");
    frame.cardMs = number(json, "card_ms");
    return frame;
}

}  // namespace

std::optional<double> cpuSeconds(pid_t pid) {
    const auto values = statFields(pid);
    if (values.size() < 13) {
        return std::nullopt;
    }
    const double ticks = static_cast<double>(sysconf(_SC_CLK_TCK));
    return (std::stod(values[11]) + std::stod(values[12])) / ticks;
}

std::optional<Memory> memoryKb(pid_t pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/smaps_rollup");
    std::string line;
    Memory memory;
    bool found = false;
    const auto value = [&line](std::size_t skip) { return std::stol(line.substr(skip)); };
    while (std::getline(in, line)) {
        if (line.rfind("Pss:", 0) == 0) {
            memory.pss = value(4);
            found = true;
        } else if (line.rfind("Rss:", 0) == 0) {
            memory.rss = value(4);
        } else if (line.rfind("Private_Dirty:", 0) == 0) {
            memory.dirty = value(14);
        }
    }
    if (!found) {
        return std::nullopt;
    }
    return memory;
}

namespace {

// Every process's parent, from one pass over /proc: parent -> children.
std::multimap<pid_t, pid_t> childrenByParent() {
    std::multimap<pid_t, pid_t> byParent;
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator("/proc", error)) {
        const std::string name = entry.path().filename().string();
        if (name.empty() || !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        const auto child = static_cast<pid_t>(std::stol(name));
        const auto values = statFields(child);
        if (values.size() > 1) {
            byParent.emplace(static_cast<pid_t>(std::stol(values[1])), child);
        }
    }
    return byParent;
}

}  // namespace

std::vector<pid_t> childrenOf(pid_t pid) {
    const auto byParent = childrenByParent();
    std::vector<pid_t> children;
    const auto [first, last] = byParent.equal_range(pid);
    for (auto it = first; it != last; ++it) {
        children.push_back(it->second);
    }
    return children;
}

std::vector<pid_t> processTree(pid_t pid) {
    const auto byParent = childrenByParent();
    std::vector<pid_t> tree{pid};
    for (std::size_t i = 0; i < tree.size(); ++i) {
        const auto [first, last] = byParent.equal_range(tree[i]);
        for (auto it = first; it != last; ++it) {
            tree.push_back(it->second);
        }
    }
    return tree;
}

TreePss treePss(pid_t pid) {
    TreePss total;
    for (const pid_t member : processTree(pid)) {
        if (const auto memory = memoryKb(member)) {
            total.memory += *memory;
            total.kb += memory->pss;
            ++total.processes;
        }
    }
    return total;
}

double median(std::vector<double> values) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const auto n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

double percentile(std::vector<double> values, double p) {
    if (values.empty()) {
        return 0.0;
    }
    std::sort(values.begin(), values.end());
    const double rank = std::ceil(p / 100.0 * static_cast<double>(values.size()));
    const auto index = static_cast<std::size_t>(std::clamp(rank, 1.0, static_cast<double>(values.size()))) - 1;
    return values[index];
}

double mb(long kb) { return static_cast<double>(kb) / 1024.0; }

bool TraceFrame::shows(const std::string& part) const {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& text) { return text.find(part) != std::string::npos; });
}

std::vector<TraceFrame> TraceTail::next() {
    std::vector<TraceFrame> frames;
    std::ifstream in(path_, std::ios::binary);
    if (!in) {
        return frames;
    }
    in.seekg(offset_);
    std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto complete = chunk.rfind('\n');
    if (complete == std::string::npos) {
        return frames;
    }
    offset_ += static_cast<long>(complete + 1);
    std::istringstream lines(chunk.substr(0, complete + 1));
    std::string line;
    while (std::getline(lines, line)) {
        if (auto frame = parseFrame(line)) {
            frames.push_back(std::move(*frame));
        }
    }
    return frames;
}

std::vector<TraceFrame> readTrace(const std::string& path) { return TraceTail(path).next(); }

double steadyMs() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace kioskbench
