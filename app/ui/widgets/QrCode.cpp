#include "ui/widgets/QrCode.h"

#include <qrencode.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>

namespace ui {

loyalty::Expected<QrCode, std::string> QrCode::encode(std::string_view text) {
    if (text.empty()) {
        return loyalty::unexpected(std::string("nothing to encode in a QR code"));
    }
    std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                          QR_ECLEVEL_M),
        &QRcode_free);
    if (!code) {
        const int error = errno;
        if (error == ERANGE) {
            return loyalty::unexpected("a QR code cannot hold " + std::to_string(text.size()) + " bytes");
        }
        return loyalty::unexpected(std::string("QR encoding failed: ") + std::strerror(error));
    }
    const int width = code->width;
    std::vector<std::uint8_t> modules(static_cast<std::size_t>(width) * static_cast<std::size_t>(width));
    for (std::size_t i = 0; i < modules.size(); ++i) {
        modules[i] = code->data[i] & 1u;  // bit 0: dark module; the other bits describe its role
    }
    return QrCode(width, std::move(modules));
}

bool QrCode::dark(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= width_) {
        return false;
    }
    return modules_[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) + static_cast<std::size_t>(x)] != 0;
}

float QrCode::draw(ImDrawList* drawList, ImVec2 topLeft, float side) const {
    const int total = width_ + 2 * kQuietZone;
    const float module = std::max(1.0f, std::floor(side / static_cast<float>(total)));
    const float used = module * static_cast<float>(total);
    const ImVec2 origin(std::floor(topLeft.x), std::floor(topLeft.y));
    drawList->AddRectFilled(origin, ImVec2(origin.x + used, origin.y + used), IM_COL32(255, 255, 255, 255));
    for (int y = 0; y < width_; ++y) {
        // One rectangle per horizontal run of dark modules keeps the vertex count low.
        int x = 0;
        while (x < width_) {
            if (!dark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < width_ && dark(x, y)) {
                ++x;
            }
            const float top = origin.y + static_cast<float>(y + kQuietZone) * module;
            drawList->AddRectFilled(ImVec2(origin.x + static_cast<float>(start + kQuietZone) * module, top),
                                    ImVec2(origin.x + static_cast<float>(x + kQuietZone) * module, top + module),
                                    IM_COL32(0, 0, 0, 255));
        }
    }
    return used;
}

}  // namespace ui
