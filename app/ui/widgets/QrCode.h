#pragma once
// A QR code for a digital reward's one-time code (libqrencode), drawn as
// crisp square modules: whole pixels per module, black on white with the
// four-module quiet zone scanners need, in every theme.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "loyalty/Expected.h"

namespace ui {

class QrCode {
public:
    // Encodes text as 8-bit data with error correction level M (15 %).
    // Fails with a message when the text is empty or too long for a QR code.
    static loyalty::Expected<QrCode, std::string> encode(std::string_view text);

    static constexpr int kQuietZone = 4;  // modules of white around the code

    int width() const { return width_; }  // modules per side, quiet zone excluded
    bool dark(int x, int y) const;        // false outside the code

    // Draws the code (quiet zone included) in a square of at most side px
    // at topLeft; returns the side actually used (a whole number of pixels
    // per module, never less than one).
    float draw(ImDrawList* drawList, ImVec2 topLeft, float side) const;

private:
    QrCode(int width, std::vector<std::uint8_t> modules) : width_(width), modules_(std::move(modules)) {}

    int width_ = 0;
    std::vector<std::uint8_t> modules_;  // 1 = dark, row-major
};

}  // namespace ui
