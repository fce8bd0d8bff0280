#pragma once
// The kiosk's fonts: TrueType/OpenType faces rasterised by FreeType at the
// exact pixel sizes they are drawn at (no scaled bitmap fonts), chosen from
// the window size once at start-up. Glyph ranges cover Latin, Latin-1 and
// Latin Extended-A plus the punctuation and currency signs the catalogues use.

#include <array>
#include <string>
#include <vector>

struct ImFont;

namespace ui {

enum class FontRole { Small, Body, Button, Heading, Display };

struct FontFaces {
    std::string regular;
    std::string bold;
};

class FontSet {
public:
    // The first candidate pair whose files both exist; empty paths when none.
    static FontFaces findFaces(const std::vector<FontFaces>& candidates);
    // The kiosk's faces: ASSETS/fonts/{regular,bold}.otf, else Debian's Inter
    // (fonts-inter), else DejaVu Sans (fonts-dejavu-core).
    static FontFaces kioskFaces(const std::string& assetDir);

    // Pixel height of a role at scale 1 (a 1280x800 panel).
    static float basePixels(FontRole role);
    static float minimumPixels(FontRole role);

    // Adds every role to ImGui's atlas and builds it with FreeType. Returns
    // an error message, empty on success.
    std::string load(const FontFaces& faces, float scale);

    ImFont* get(FontRole role) const { return fonts_[static_cast<std::size_t>(role)]; }
    // Pixel height at the current scale; small panels never go below a
    // legible minimum for the small and body text.
    float pixels(FontRole role) const;
    float scale() const { return scale_; }

private:
    std::array<ImFont*, 5> fonts_{};
    float scale_ = 1.0f;
};

}  // namespace ui
