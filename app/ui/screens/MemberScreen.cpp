#include "ui/screens/MemberScreen.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <string>

#include "ui/Widgets.h"
#include "ui/widgets/DragScrollArea.h"

namespace ui {
namespace {

using Kind = MemberListRow::Kind;

constexpr const char* kEllipsis = "\u2026";
constexpr std::size_t kMaxLines = 2;  // a description or a reason never takes more

float textWidth(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, text.c_str()).x;
}

float lineHeight(ImFont* font) { return font->FontSize * 1.15f; }

bool continuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

// The text cut to width with an ellipsis, on a UTF-8 character boundary.
std::string fitted(const std::string& text, ImFont* font, float width) {
    if (textWidth(font, text) <= width) {
        return text;
    }
    std::size_t end = text.size();
    while (end > 0) {
        --end;
        while (end > 0 && continuationByte(text[end])) {
            --end;
        }
        std::size_t trimmed = end;
        while (trimmed > 0 && text[trimmed - 1] == ' ') {
            --trimmed;
        }
        std::string candidate = text.substr(0, trimmed) + kEllipsis;
        if (textWidth(font, candidate) <= width) {
            return candidate;
        }
    }
    return kEllipsis;
}

// Left-aligned lines of text wrapped to width; the last of maxLines is cut
// with an ellipsis when the text goes on.
std::vector<std::string> wrapped(const std::string& text, ImFont* font, float width, std::size_t maxLines) {
    std::vector<std::string> lines;
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    while (begin < end) {
        if (lines.size() + 1 == maxLines) {
            lines.push_back(fitted(std::string(begin, end), font, width));
            break;
        }
        const char* breakAt = font->CalcWordWrapPositionA(1.0f, begin, end, width);
        if (breakAt == begin) {  // one glyph wider than the column: never loop forever
            ++breakAt;
            while (breakAt < end && continuationByte(*breakAt)) {
                ++breakAt;
            }
        }
        const char* lineEnd = breakAt;
        while (lineEnd > begin && (lineEnd[-1] == ' ' || lineEnd[-1] == '\n')) {
            --lineEnd;
        }
        lines.emplace_back(begin, lineEnd);
        begin = breakAt;
        while (begin < end && (*begin == ' ' || *begin == '\n')) {
            ++begin;
        }
    }
    return lines;
}

// The largest of the roles whose single line fits width.
ImFont* largestFitting(const std::string& text, float width, std::initializer_list<FontRole> roles, const UiContext& ui) {
    ImFont* font = nullptr;
    for (FontRole role : roles) {
        font = ui.fonts.get(role);
        if (textWidth(font, text) <= width) {
            break;
        }
    }
    return font;
}

float rowPadding(const UiContext& ui) { return screenGap(ui) * 0.6f; }

Rect shifted(const Rect& rect, float dy) { return Rect{ImVec2(rect.pos.x, rect.pos.y + dy), rect.size}; }

// Width of the text column of a list row with something of sideWidth on its right.
float textColumn(const Rect& list, float sideWidth, const UiContext& ui) {
    return std::max(1.0f, list.size.x - 2.0f * rowPadding(ui) - sideWidth - (sideWidth > 0.0f ? screenGap(ui) : 0.0f));
}

// Affordable rewards first, otherwise in the view's order.
std::vector<std::size_t> rewardOrder(const kiosk::MemberView& view) {
    std::vector<std::size_t> order(view.rewards.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::stable_partition(order.begin(), order.end(), [&](std::size_t i) { return view.rewards[i].affordable; });
    return order;
}

void addListRows(const kiosk::MemberView& view, const UiContext& ui, MemberLayout& layout) {
    const Rect& list = layout.list;
    const float gap = screenGap(ui);
    const float pad = rowPadding(ui);
    const float minimum = ui.theme.minTouchTarget();
    ImFont* title = ui.fonts.get(FontRole::Button);
    ImFont* body = ui.fonts.get(FontRole::Body);
    ImFont* small = ui.fonts.get(FontRole::Small);
    float y = list.pos.y;
    const auto add = [&](Kind kind, std::size_t index, float height, std::optional<ImVec2> button, float spaceAfter) {
        MemberListRow row{kind, index, Rect{ImVec2(list.pos.x, y), ImVec2(list.size.x, height)}, std::nullopt};
        if (button) {
            row.button = Rect{ImVec2(list.max().x - pad - button->x, std::floor(y + (height - button->y) * 0.5f)), *button};
        }
        layout.rows.push_back(row);
        y += height + spaceAfter;
    };
    const auto addTitle = [&](Kind kind) {
        if (y > list.pos.y) {
            y += gap;  // space between sections
        }
        add(kind, 0, lineHeight(title) + gap * 0.3f, std::nullopt, 0.0f);
    };

    if (!view.offers.empty()) {
        addTitle(Kind::OffersTitle);
        for (std::size_t i = 0; i < view.offers.size(); ++i) {
            const kiosk::OfferLine& offer = view.offers[i];
            std::optional<ImVec2> button;
            float side = textWidth(small, offer.actionLabel) + small->FontSize;  // "Activated" with its tick
            if (!offer.active) {
                button = actionButtonSize(offer.actionLabel, minimum * 1.6f, ui);
                side = button->x;
            }
            const float column = textColumn(list, side, ui);
            const float text = lineHeight(title) +
                               static_cast<float>(wrapped(offer.description, body, column, kMaxLines).size()) * lineHeight(body);
            add(Kind::Offer, i, std::max(button ? button->y : 0.0f, text) + 2.0f * pad, button, gap * 0.5f);
        }
    }
    if (!view.rewards.empty()) {
        addTitle(Kind::RewardsTitle);
        for (std::size_t i : rewardOrder(view)) {
            const kiosk::RewardLine& reward = view.rewards[i];
            std::optional<ImVec2> button;
            if (reward.digital && reward.affordable) {
                button = actionButtonSize(reward.statusText, minimum * 1.6f, ui);
            }
            const float text = lineHeight(title) + lineHeight(body);
            add(Kind::Reward, i, std::max(button ? button->y : 0.0f, text) + 2.0f * pad, button, gap * 0.5f);
        }
    }
    if (!view.history.empty()) {
        addTitle(Kind::HistoryTitle);
        for (std::size_t i = 0; i < view.history.size(); ++i) {
            const kiosk::HistoryLine& line = view.history[i];
            const float column = textColumn(list, textWidth(title, line.pointsText), ui);
            const float reason = static_cast<float>(std::max<std::size_t>(1, wrapped(line.reasonText, body, column, kMaxLines).size()));
            add(Kind::History, i, reason * lineHeight(body) + lineHeight(small) + pad, std::nullopt, 0.0f);
        }
    }
    layout.listContentHeight = y - list.pos.y + pad;
}

// ---- drawing ---------------------------------------------------------------------

void drawStrike(ImDrawList* drawList, ImVec2 pos, float width, ImFont* font, ImU32 colour, const UiContext& ui) {
    const float y = std::floor(pos.y + font->FontSize * 0.55f);
    drawList->AddLine(ImVec2(pos.x, y), ImVec2(pos.x + width, y), colour, std::max(2.0f, 2.0f * ui.scale));
}

void drawTick(ImDrawList* drawList, ImVec2 pos, float size, ImU32 colour) {
    drawList->AddPolyline(std::array<ImVec2, 3>{ImVec2(pos.x, pos.y + size * 0.55f), ImVec2(pos.x + size * 0.38f, pos.y + size * 0.9f),
                                                ImVec2(pos.x + size, pos.y + size * 0.15f)}
                              .data(),
                          3, colour, 0, std::max(2.0f, size * 0.14f));
}

void drawRowCard(ImDrawList* drawList, const Rect& rect, bool highlight, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    const float rounding = ImGui::GetStyle().FrameRounding * 0.6f;
    drawList->AddRectFilled(rect.pos, rect.max(), toU32(palette.surface), rounding);
    if (ui.theme.highContrast()) {
        drawList->AddRect(rect.pos, rect.max(), toU32(palette.outline), rounding, 0, std::max(2.0f, 2.0f * ui.scale));
    }
    if (highlight) {  // in reach now: an accent bar on the left edge
        drawList->AddRectFilled(rect.pos, ImVec2(rect.pos.x + ui.theme.mm(1.0f), rect.max().y), toU32(palette.accent), rounding,
                                ImDrawFlags_RoundCornersLeft);
    }
}

std::optional<kiosk::Intent> drawRow(const MemberListRow& row, float dy, const kiosk::MemberView& view, const UiContext& ui) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const Palette& palette = ui.theme.palette();
    const float pad = rowPadding(ui);
    ImFont* title = ui.fonts.get(FontRole::Button);
    ImFont* body = ui.fonts.get(FontRole::Body);
    ImFont* small = ui.fonts.get(FontRole::Small);
    const Rect rect = shifted(row.rect, dy);
    const std::optional<Rect> button = row.button ? std::optional<Rect>(shifted(*row.button, dy)) : std::nullopt;
    const ImVec2 text(rect.pos.x + pad, rect.pos.y + pad);
    std::optional<kiosk::Intent> intent;
    ImGui::PushID(static_cast<int>(row.kind));
    ImGui::PushID(static_cast<int>(row.index));
    switch (row.kind) {
        case Kind::OffersTitle:
        case Kind::RewardsTitle:
        case Kind::HistoryTitle: {
            const std::string& label = row.kind == Kind::OffersTitle    ? view.offersTitle
                                       : row.kind == Kind::RewardsTitle ? view.rewardsTitle
                                                                        : view.historyTitle;
            drawText(drawList, title, rect.pos, toU32(palette.text), fitted(label, title, rect.size.x));
            break;
        }
        case Kind::Offer: {
            const kiosk::OfferLine& offer = view.offers[row.index];
            drawRowCard(drawList, rect, !offer.active, ui);
            const float side = button ? button->size.x : textWidth(small, offer.actionLabel) + small->FontSize;
            const float column = textColumn(rect, side, ui);
            drawText(drawList, title, text, toU32(palette.text), fitted(offer.name, title, column));
            float y = text.y + lineHeight(title);
            for (const auto& line : wrapped(offer.description, body, column, kMaxLines)) {
                drawText(drawList, body, ImVec2(text.x, y), toU32(palette.textMuted), line);
                y += lineHeight(body);
            }
            if (button) {
                if (touchButton("activate", offer.actionLabel, button->pos, button->size, ButtonStyle::Primary, ui)) {
                    intent = kiosk::ActivateOfferIntent{offer.id};
                }
            } else {
                const float labelX = rect.max().x - pad - textWidth(small, offer.actionLabel);
                const float labelY = rect.centre().y - small->FontSize * 0.5f;
                drawTick(drawList, ImVec2(labelX - small->FontSize, labelY), small->FontSize * 0.8f, toU32(palette.accent));
                drawText(drawList, small, ImVec2(labelX, labelY), toU32(palette.accent), offer.actionLabel);
            }
            break;
        }
        case Kind::Reward: {
            const kiosk::RewardLine& reward = view.rewards[row.index];
            drawRowCard(drawList, rect, reward.affordable, ui);
            const ImU32 colour = toU32(reward.affordable ? palette.text : palette.textMuted);
            const float side = button ? button->size.x : textWidth(body, reward.statusText);
            const float column = textColumn(rect, side, ui);
            drawText(drawList, title, text, colour, fitted(reward.name, title, column));
            drawText(drawList, body, ImVec2(text.x, text.y + lineHeight(title)), toU32(palette.textMuted),
                     fitted(reward.costText, body, column));
            if (button) {
                if (touchButton("take", reward.statusText, button->pos, button->size, ButtonStyle::Primary, ui)) {
                    intent = kiosk::ChooseReward{reward.id};
                }
            } else {
                drawText(drawList, body,
                         ImVec2(rect.max().x - pad - textWidth(body, reward.statusText), rect.centre().y - body->FontSize * 0.5f),
                         toU32(reward.affordable ? palette.accent : palette.textMuted), reward.statusText);
            }
            break;
        }
        case Kind::History: {
            const kiosk::HistoryLine& line = view.history[row.index];
            // A voided movement stays readable but is struck through and muted.
            const ImU32 colour = toU32(line.voided ? palette.textMuted : palette.text);
            const float pointsWidth = textWidth(title, line.pointsText);
            const float column = textColumn(rect, pointsWidth, ui);
            const ImVec2 top(text.x, rect.pos.y + pad * 0.5f);
            float y = top.y;
            for (const auto& reason : wrapped(line.reasonText, body, column, kMaxLines)) {
                drawText(drawList, body, ImVec2(top.x, y), colour, reason);
                if (line.voided) {
                    drawStrike(drawList, ImVec2(top.x, y), textWidth(body, reason), body, colour, ui);
                }
                y += lineHeight(body);
            }
            drawText(drawList, small, ImVec2(top.x, std::max(y, top.y + lineHeight(body))), toU32(palette.textMuted),
                     line.dateText);
            if (!line.pointsText.empty()) {
                const ImVec2 points(rect.max().x - pad - pointsWidth, top.y);
                drawText(drawList, title, points, colour, line.pointsText);
                if (line.voided) {
                    drawStrike(drawList, points, pointsWidth, title, colour, ui);
                }
            }
            drawList->AddLine(ImVec2(rect.pos.x, rect.max().y - 1.0f), ImVec2(rect.max().x, rect.max().y - 1.0f),
                              toU32(palette.outline), 1.0f);
            break;
        }
    }
    ImGui::PopID();
    ImGui::PopID();
    return intent;
}

float tierBarHeight(const UiContext& ui) { return std::max(ui.theme.mm(2.5f), 12.0f * ui.scale); }

ImFont* tierBadgeFont(const kiosk::MemberView& view, float width, const UiContext& ui) {
    return largestFitting(view.tierName, width - ui.theme.mm(6.0f), {FontRole::Button, FontRole::Body}, ui);
}

// How tall drawSummary's content is with this balance font and spacing.
float summaryHeight(const kiosk::MemberView& view, ImFont* balance, float gap, float width, const UiContext& ui) {
    ImFont* body = ui.fonts.get(FontRole::Body);
    float height = gap + centeredTextHeight(view.balanceText, balance, width);
    if (!view.pendingText.empty()) {
        height += centeredTextHeight(view.pendingText, body, width);
    }
    if (!view.tierName.empty()) {
        height += gap + tierBadgeFont(view, width, ui)->FontSize * 1.6f + gap + tierBarHeight(ui) + gap * 0.5f;
    }
    for (const std::string* text : {&view.tierProgressText, &view.expiryText, &view.nextRewardText}) {
        if (!text->empty()) {
            height += (text == &view.tierProgressText ? 0.0f : gap) + centeredTextHeight(*text, body, width);
        }
    }
    return height + gap;
}

void drawSummary(const kiosk::MemberView& view, const Rect& area, const UiContext& ui) {
    const Palette& palette = ui.theme.palette();
    float gap = screenGap(ui);
    const float rounding = ImGui::GetStyle().FrameRounding;
    // The panel behind the scrolling summary, on the screen's own draw list.
    ImGui::GetWindowDrawList()->AddRectFilled(area.pos, area.max(), toU32(palette.surface), rounding);
    if (ui.theme.highContrast()) {
        ImGui::GetWindowDrawList()->AddRect(area.pos, area.max(), toU32(palette.outline), rounding, 0,
                                            std::max(2.0f, 2.0f * ui.scale));
    }
    DragScrollArea::begin("summary", area.pos, area.size, ui);
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float left = origin.x + gap;
    const float width = std::max(1.0f, area.size.x - 2.0f * gap);
    ImFont* body = ui.fonts.get(FontRole::Body);

    // A short panel (800x480, a banner above): a smaller balance and tighter
    // spacing keep the expiry and the next reward in view rather than below
    // the fold of a panel nobody knows scrolls.
    ImFont* balance = largestFitting(view.balanceText, width, {FontRole::Display, FontRole::Heading, FontRole::Button}, ui);
    const float fullGap = gap;
    for (const float tighter : {0.5f, 0.25f}) {
        if (summaryHeight(view, balance, gap, width, ui) <= area.size.y) {
            break;
        }
        balance = largestFitting(view.balanceText, width, {FontRole::Heading, FontRole::Button}, ui);
        gap = fullGap * tighter;
    }
    float y = centeredText(view.balanceText, balance, toU32(palette.text), left, width, origin.y + gap);
    if (!view.pendingText.empty()) {
        y = centeredText(view.pendingText, body, toU32(palette.textMuted), left, width, y);
    }
    if (!view.tierName.empty()) {
        y += gap;
        ImFont* badgeFont = tierBadgeFont(view, width, ui);
        const ImVec2 badge(std::min(width, textWidth(badgeFont, view.tierName) + ui.theme.mm(6.0f)), badgeFont->FontSize * 1.6f);
        const ImVec2 badgeMin(std::floor(left + (width - badge.x) * 0.5f), y);
        drawList->AddRectFilled(badgeMin, ImVec2(badgeMin.x + badge.x, y + badge.y), toU32(palette.accent), badge.y * 0.5f);
        drawText(drawList, badgeFont,
                 ImVec2(std::floor(badgeMin.x + (badge.x - textWidth(badgeFont, view.tierName)) * 0.5f),
                        std::floor(y + (badge.y - badgeFont->FontSize) * 0.5f)),
                 toU32(palette.accentText), view.tierName);
        y += badge.y + gap;
        // Progress to the next tier.
        const float barHeight = tierBarHeight(ui);
        const float share = static_cast<float>(std::clamp(view.tierProgressPerMille, 0, 1000)) / 1000.0f;
        drawList->AddRectFilled(ImVec2(left, y), ImVec2(left + width, y + barHeight), toU32(palette.background), barHeight * 0.5f);
        if (share > 0.0f) {
            drawList->AddRectFilled(ImVec2(left, y), ImVec2(left + std::max(barHeight, width * share), y + barHeight),
                                    toU32(palette.accent), barHeight * 0.5f);
        }
        drawList->AddRect(ImVec2(left, y), ImVec2(left + width, y + barHeight), toU32(palette.outline), barHeight * 0.5f, 0,
                          std::max(1.0f, 2.0f * ui.scale));
        y += barHeight + gap * 0.5f;
    }
    if (!view.tierProgressText.empty()) {
        y = centeredText(view.tierProgressText, body, toU32(palette.text), left, width, y);
    }
    if (!view.expiryText.empty()) {
        // Points about to go: in amber (plain white in high contrast).
        const ImVec4 amber = ui.theme.highContrast() ? palette.text : ImVec4(0.98f, 0.75f, 0.14f, 1.0f);
        y = centeredText(view.expiryText, body, toU32(amber), left, width, y + gap);
    }
    if (!view.nextRewardText.empty()) {
        y = centeredText(view.nextRewardText, body, toU32(palette.accent), left, width, y + gap);
    }
    ImGui::SetCursorScreenPos(ImVec2(origin.x, y + gap - 1.0f));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));  // the content's extent, for the scroll range
    DragScrollArea::end(ui);
}

}  // namespace

std::optional<Rect> MemberLayout::offerButton(std::size_t index) const {
    for (const auto& row : rows) {
        if (row.kind == Kind::Offer && row.index == index) {
            return row.button;
        }
    }
    return std::nullopt;
}

std::optional<Rect> MemberLayout::rewardButton(std::size_t index) const {
    for (const auto& row : rows) {
        if (row.kind == Kind::Reward && row.index == index) {
            return row.button;
        }
    }
    return std::nullopt;
}

MemberLayout MemberScreen::layout(const kiosk::MemberView& view, const UiContext& ui) {
    MemberLayout layout;
    layout.top = chromeBannerHeight(view.chrome, ui);
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);
    const float edge = margin * 0.5f;  // above and below: this screen needs the height
    const float contentWidth = ui.width - 2.0f * margin;
    const float minimum = ui.theme.minTouchTarget();

    // Header: the greeting on the left, the languages on the right.
    const float headerY = layout.top + edge;
    float x = ui.width - margin;
    layout.languages.resize(view.languages.size());
    for (std::size_t i = view.languages.size(); i-- > 0;) {
        const ImVec2 size = actionButtonSize(view.languages[i].label, minimum * 1.6f, ui);
        x -= size.x;
        layout.languages[i] = Rect{ImVec2(x, headerY), size};
        x -= gap;
    }
    const float headerHeight = std::max(actionButtonHeight(ui), lineHeight(ui.fonts.get(FontRole::Heading)));
    const float y = headerY + headerHeight + gap * 0.5f;

    // Bottom: Staff on the left, Done on the right, the notice between them
    // (where it costs no height on a small panel).
    const ImVec2 staff = actionButtonSize(view.staffLabel, minimum * 2.0f, ui);
    const ImVec2 done = actionButtonSize(view.doneLabel, minimum * 2.4f, ui);
    const float barHeight = std::max(staff.y, done.y);
    const float barY = ui.height - edge - barHeight;
    layout.staff = Rect{ImVec2(margin, barY), staff};
    layout.done = Rect{ImVec2(ui.width - margin - done.x, barY), done};
    const float noticeLeft = layout.staff.max().x + gap;
    const float noticeWidth = layout.done.pos.x - gap - noticeLeft;
    if (!view.notice.empty() && noticeWidth > 0.0f) {
        layout.notice = Rect{ImVec2(noticeLeft, barY), ImVec2(noticeWidth, barHeight)};
    }

    const float middleHeight = std::max(minimum, barY - gap * 0.5f - y);
    const float summaryWidth = std::floor((contentWidth - gap) * 0.4f);
    layout.summary = Rect{ImVec2(margin, y), ImVec2(summaryWidth, middleHeight)};
    layout.list = Rect{ImVec2(margin + summaryWidth + gap, y), ImVec2(contentWidth - summaryWidth - gap, middleHeight)};
    addListRows(view, ui, layout);
    return layout;
}

std::optional<kiosk::Intent> MemberScreen::drawContent(const kiosk::MemberView& view, const UiContext& ui) {
    beginChrome(view.chrome, ui);  // the layout starts below the banners
    std::optional<kiosk::Intent> intent;
    const MemberLayout at = layout(view, ui);
    const Palette& palette = ui.theme.palette();
    const float margin = screenMargin(ui);
    const float gap = screenGap(ui);
    ImDrawList* drawList = ImGui::GetWindowDrawList();

    // Greeting: first name only (the flow writes it).
    const float greetingWidth = (at.languages.empty() ? ui.width - margin : at.languages.front().pos.x - gap) - margin;
    ImFont* greeting = largestFitting(view.greeting, greetingWidth, {FontRole::Heading, FontRole::Button}, ui);
    const float headerHeight = std::max(actionButtonHeight(ui), lineHeight(ui.fonts.get(FontRole::Heading)));
    drawText(drawList, greeting,
             ImVec2(margin, std::floor(at.top + margin * 0.5f + (headerHeight - greeting->FontSize) * 0.5f)),
             toU32(palette.text), fitted(view.greeting, greeting, greetingWidth));
    for (std::size_t i = 0; i < view.languages.size(); ++i) {
        const kiosk::LanguageOption& language = view.languages[i];
        const std::string id = "lang-" + language.code;
        const auto style = language.selected ? ButtonStyle::Selected : ButtonStyle::Secondary;
        if (touchButton(id.c_str(), language.label, at.languages[i].pos, at.languages[i].size, style, ui) &&
            !language.selected) {
            intent = kiosk::ChooseLanguage{language.code};
        }
    }
    if (at.notice) {
        const float rounding = ImGui::GetStyle().FrameRounding * 0.6f;
        drawList->AddRectFilled(at.notice->pos, at.notice->max(), toU32(palette.surface), rounding);
        drawList->AddRect(at.notice->pos, at.notice->max(), toU32(palette.accent), rounding, 0, std::max(2.0f, 3.0f * ui.scale));
        const float width = at.notice->size.x - gap;
        ImFont* font = ui.fonts.get(FontRole::Body);
        if (centeredTextHeight(view.notice, font, width) > at.notice->size.y - gap * 0.5f) {
            font = ui.fonts.get(FontRole::Small);
        }
        const float height = centeredTextHeight(view.notice, font, width);
        centeredText(view.notice, font, toU32(palette.text), at.notice->pos.x + gap * 0.5f, width,
                     at.notice->pos.y + std::max(0.0f, (at.notice->size.y - height) * 0.5f));
    }

    drawSummary(view, at.summary, ui);

    DragScrollArea::begin("list", at.list.pos, at.list.size, ui);
    const float dy = ImGui::GetCursorScreenPos().y - at.list.pos.y;  // minus the scroll
    for (const auto& row : at.rows) {
        const Rect shown = shifted(row.rect, dy);
        if (shown.max().y < at.list.pos.y || shown.pos.y > at.list.max().y) {
            continue;  // scrolled out of sight
        }
        if (auto tapped = drawRow(row, dy, view, ui)) {
            intent = std::move(tapped);
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(at.list.pos.x, at.list.pos.y + dy + at.listContentHeight - 1.0f));
    ImGui::Dummy(ImVec2(1.0f, 1.0f));  // the content's extent, for the scroll range
    DragScrollArea::end(ui);

    if (touchButton("staff", view.staffLabel, at.staff.pos, at.staff.size, ButtonStyle::Secondary, ui)) {
        intent = kiosk::StartStaffLogin{};
    }
    if (touchButton("done", view.doneLabel, at.done.pos, at.done.size, ButtonStyle::Primary, ui)) {
        intent = kiosk::Done{};
    }
    return endChrome(view.chrome, ui, intent);
}

}  // namespace ui
