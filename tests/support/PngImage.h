#pragma once
// A decoded PNG (stb_image), for asserting on screenshots.

#include <cstdint>
#include <string>
#include <vector>

namespace testsupport {

struct PngImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint32_t> pixels;  // 0xRRGGBB per pixel, rows top to bottom

    static PngImage load(const std::string& path);  // width 0 when unreadable
    std::uint32_t at(int x, int y) const { return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)]; }
    std::size_t distinctColours() const;
    // Share (0..1) of pixels that differ from the most common colour.
    double nonBackgroundShare() const;
    // Share of pixels that differ between two images of the same size (1 if sizes differ).
    double differenceShare(const PngImage& other) const;
};

}  // namespace testsupport
