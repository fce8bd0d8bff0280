#pragma once
// A digital reward the customer has just taken: its one-time code as a large
// QR code on white with the code written under it, what to do with it, and
// Done. If the payload cannot be encoded, the code is shown as text alone.

#include <optional>
#include <string>

#include "kiosk/ViewModels.h"
#include "ui/Screen.h"
#include "ui/screens/ChromeBar.h"
#include "ui/widgets/QrCode.h"

namespace ui {

struct RewardCodeLayout {
    float top = 0.0f;  // below the chrome's banners
    Rect card;         // the white card: QR code on top, the code under it
    float qrSide = 0.0f;
    Rect text;         // title, reward name and hint
    Rect done;
};

class RewardCodeScreen final : public Screen<kiosk::RewardCodeView> {
public:
    const char* name() const override { return "reward_code"; }

    // Done sends kiosk::Done.
    static RewardCodeLayout layout(const kiosk::RewardCodeView& view, const UiContext& ui);

    // Whether the last frame drew a QR code (false: the code as text alone).
    bool showsQrCode() const { return qr_.has_value(); }

protected:
    std::optional<kiosk::Intent> drawContent(const kiosk::RewardCodeView& view, const UiContext& ui) override;

private:
    // The code is encoded once per payload, not once per frame.
    std::string encodedPayload_;
    bool encoded_ = false;
    std::optional<QrCode> qr_;
};

}  // namespace ui
