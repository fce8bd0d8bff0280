#include "ui/FontSet.h"

#include <algorithm>
#include <filesystem>

#include <imgui.h>
#include <imgui_freetype.h>

namespace ui {
namespace {

// Latin, Latin-1 Supplement, Latin Extended-A, General Punctuation (dashes,
// quotes, bullet, ellipsis), currency signs (euro), arrows, and the
// multiplication sign and middle dot already in Latin-1.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x00FF,
    0x0100, 0x017F,
    0x2010, 0x2027,
    0x20A0, 0x20BF,
    0x2190, 0x2193,
    0,
};

bool isBold(FontRole role) { return role == FontRole::Button || role == FontRole::Heading || role == FontRole::Display; }

}  // namespace

FontFaces FontSet::kioskFaces(const std::string& assetDir) {
    return findFaces({
        {assetDir + "/fonts/regular.otf", assetDir + "/fonts/bold.otf"},
        {"/usr/share/fonts/opentype/inter/Inter-Regular.otf", "/usr/share/fonts/opentype/inter/Inter-SemiBold.otf"},
        {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"},
    });
}

FontFaces FontSet::findFaces(const std::vector<FontFaces>& candidates) {
    std::error_code ignored;
    for (const auto& faces : candidates) {
        if (std::filesystem::is_regular_file(faces.regular, ignored) &&
            std::filesystem::is_regular_file(faces.bold, ignored)) {
            return faces;
        }
    }
    return {};
}

float FontSet::basePixels(FontRole role) {
    switch (role) {
        case FontRole::Small: return 24.0f;
        case FontRole::Body: return 32.0f;
        case FontRole::Button: return 36.0f;
        case FontRole::Heading: return 64.0f;
        case FontRole::Display: return 88.0f;
    }
    return 32.0f;
}

float FontSet::minimumPixels(FontRole role) {
    switch (role) {
        case FontRole::Small: return 18.0f;
        case FontRole::Body: return 22.0f;
        default: return 0.0f;
    }
}

float FontSet::pixels(FontRole role) const {
    return std::max(basePixels(role) * scale_, minimumPixels(role));
}

std::string FontSet::load(const FontFaces& faces, float scale) {
    scale_ = scale;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;

    ImFontConfig config;
    config.OversampleH = 1;  // FreeType renders at the final size; no oversampling needed
    config.OversampleV = 1;
    config.PixelSnapH = true;
    for (std::size_t i = 0; i < fonts_.size(); ++i) {
        const auto role = static_cast<FontRole>(i);
        const std::string& file = isBold(role) ? faces.bold : faces.regular;
        fonts_[i] = io.Fonts->AddFontFromFileTTF(file.c_str(), pixels(role), &config, kGlyphRanges);
        if (fonts_[i] == nullptr) {
            return "cannot load font " + file;
        }
    }
    if (!io.Fonts->Build()) {
        return "FreeType could not rasterise the fonts (" + faces.regular + ", " + faces.bold + ")";
    }
    io.FontDefault = get(FontRole::Body);
    return {};
}

}  // namespace ui
