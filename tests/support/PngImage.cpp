#include "support/PngImage.h"

#include <stb_image.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace testsupport {

PngImage PngImage::load(const std::string& path) {
    PngImage image;
    int channels = 0;
    unsigned char* data = stbi_load(path.c_str(), &image.width, &image.height, &channels, 3);
    if (data == nullptr) {
        image.width = image.height = 0;
        return image;
    }
    const auto count = static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height);
    image.pixels.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        image.pixels[i] = (std::uint32_t(data[i * 3]) << 16) | (std::uint32_t(data[i * 3 + 1]) << 8) | data[i * 3 + 2];
    }
    stbi_image_free(data);
    return image;
}

std::size_t PngImage::distinctColours() const {
    return std::unordered_set<std::uint32_t>(pixels.begin(), pixels.end()).size();
}

double PngImage::nonBackgroundShare() const {
    if (pixels.empty()) {
        return 0.0;
    }
    std::unordered_map<std::uint32_t, std::size_t> counts;
    for (auto pixel : pixels) {
        ++counts[pixel];
    }
    std::size_t most = 0;
    for (const auto& entry : counts) {
        most = std::max(most, entry.second);
    }
    return 1.0 - static_cast<double>(most) / static_cast<double>(pixels.size());
}

double PngImage::differenceShare(const PngImage& other) const {
    if (width != other.width || height != other.height || pixels.empty()) {
        return 1.0;
    }
    std::size_t different = 0;
    for (std::size_t i = 0; i < pixels.size(); ++i) {
        different += pixels[i] != other.pixels[i] ? 1 : 0;
    }
    return static_cast<double>(different) / static_cast<double>(pixels.size());
}

}  // namespace testsupport
