#include "ui/ScreenshotWriter.h"

#include <GLES2/gl2.h>
#include <stb_image_write.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace ui {

std::string ScreenshotWriter::capture(int width, int height, const std::string& path) {
    if (width <= 0 || height <= 0) {
        return "nothing to capture: the drawable is " + std::to_string(width) + "x" + std::to_string(height);
    }
    const auto stride = static_cast<std::size_t>(width) * 4;
    std::vector<unsigned char> pixels(stride * static_cast<std::size_t>(height));
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    if (const GLenum error = glGetError(); error != GL_NO_ERROR) {
        return "glReadPixels failed with GL error " + std::to_string(error);
    }
    // GL's rows run bottom to top; PNG's top to bottom. The window is opaque
    // whatever the framebuffer's alpha says, so the PNG is RGB: a quarter
    // fewer bytes to compress, and screenshots kept in docs/ stay small.
    const auto rgbStride = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> rgb(rgbStride * static_cast<std::size_t>(height));
    for (int row = 0; row < height; ++row) {
        const unsigned char* from = &pixels[static_cast<std::size_t>(height - 1 - row) * stride];
        unsigned char* to = &rgb[static_cast<std::size_t>(row) * rgbStride];
        for (int x = 0; x < width; ++x, from += 4, to += 3) {
            to[0] = from[0];
            to[1] = from[1];
            to[2] = from[2];
        }
    }
    stbi_write_png_compression_level = 9;
    const std::string partial = path + ".partial";
    if (stbi_write_png(partial.c_str(), width, height, 3, rgb.data(), static_cast<int>(rgbStride)) == 0) {
        return "cannot write " + partial + ": " + std::strerror(errno);
    }
    if (std::rename(partial.c_str(), path.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(partial.c_str());
        return "cannot rename " + partial + " to " + path + ": " + reason;
    }
    return {};
}

}  // namespace ui
