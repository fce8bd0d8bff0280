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
    // GL's rows run bottom to top; PNG's top to bottom.
    std::vector<unsigned char> flipped(pixels.size());
    for (int row = 0; row < height; ++row) {
        std::memcpy(&flipped[static_cast<std::size_t>(row) * stride],
                    &pixels[static_cast<std::size_t>(height - 1 - row) * stride], stride);
    }
    for (std::size_t i = 3; i < flipped.size(); i += 4) {
        flipped[i] = 255;  // the window is opaque whatever the framebuffer's alpha says
    }
    const std::string partial = path + ".partial";
    if (stbi_write_png(partial.c_str(), width, height, 4, flipped.data(), static_cast<int>(stride)) == 0) {
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
