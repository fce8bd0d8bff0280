#include "storage/StoredValues.h"

#include <array>

namespace storage {

namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parseAmong(const std::array<Enum, N>& values, std::string_view (*name)(Enum),
                               std::string_view text) {
    for (Enum value : values) {
        if (name(value) == text) {
            return value;
        }
    }
    return std::nullopt;
}

constexpr std::array kCardKinds{CardKind::Uid, CardKind::Ntag21x, CardKind::Ntag424};
constexpr std::array kStaffRoles{StaffRole::Cashier, StaffRole::Manager, StaffRole::Technician};
constexpr std::array kCatalogueKinds{CatalogueKind::Tier, CatalogueKind::Reward, CatalogueKind::Offer,
                                     CatalogueKind::Promotion, CatalogueKind::StampCard};
constexpr std::array kMemberStatuses{loyalty::MemberStatus::Active, loyalty::MemberStatus::Blocked};
constexpr std::array kCardStatuses{loyalty::CardStatus::Active, loyalty::CardStatus::Lost,
                                   loyalty::CardStatus::Blocked};
constexpr std::array kEventTypes{
    loyalty::EventType::Earn,      loyalty::EventType::Redeem,        loyalty::EventType::Adjust,
    loyalty::EventType::Void,      loyalty::EventType::Enrol,         loyalty::EventType::CardLink,
    loyalty::EventType::CardBlock, loyalty::EventType::OfferActivate, loyalty::EventType::Stamp,
    loyalty::EventType::Rating,    loyalty::EventType::Expire,
};

}  // namespace

std::string_view cardKindName(CardKind kind) {
    switch (kind) {
        case CardKind::Uid: return "uid";
        case CardKind::Ntag21x: return "ntag21x";
        case CardKind::Ntag424: return "ntag424";
    }
    return "uid";
}

std::optional<CardKind> parseCardKind(std::string_view text) { return parseAmong(kCardKinds, cardKindName, text); }

loyalty::Assurance assuranceOf(CardKind kind) {
    switch (kind) {
        case CardKind::Uid: return loyalty::Assurance::Low;
        case CardKind::Ntag21x: return loyalty::Assurance::Signed;
        case CardKind::Ntag424: return loyalty::Assurance::SecureMessaging;
    }
    return loyalty::Assurance::Low;
}

std::string_view staffRoleName(StaffRole role) {
    switch (role) {
        case StaffRole::Cashier: return "cashier";
        case StaffRole::Manager: return "manager";
        case StaffRole::Technician: return "technician";
    }
    return "cashier";
}

std::optional<StaffRole> parseStaffRole(std::string_view text) {
    return parseAmong(kStaffRoles, staffRoleName, text);
}

std::string_view catalogueKindName(CatalogueKind kind) {
    switch (kind) {
        case CatalogueKind::Tier: return "tier";
        case CatalogueKind::Reward: return "reward";
        case CatalogueKind::Offer: return "offer";
        case CatalogueKind::Promotion: return "promotion";
        case CatalogueKind::StampCard: return "stamp_card";
    }
    return "tier";
}

std::optional<CatalogueKind> parseCatalogueKind(std::string_view text) {
    return parseAmong(kCatalogueKinds, catalogueKindName, text);
}

std::string_view memberStatusName(loyalty::MemberStatus status) {
    return status == loyalty::MemberStatus::Blocked ? "blocked" : "active";
}

std::optional<loyalty::MemberStatus> parseMemberStatus(std::string_view text) {
    return parseAmong(kMemberStatuses, memberStatusName, text);
}

std::string_view cardStatusName(loyalty::CardStatus status) {
    switch (status) {
        case loyalty::CardStatus::Active: return "active";
        case loyalty::CardStatus::Lost: return "lost";
        case loyalty::CardStatus::Blocked: return "blocked";
    }
    return "active";
}

std::optional<loyalty::CardStatus> parseCardStatus(std::string_view text) {
    return parseAmong(kCardStatuses, cardStatusName, text);
}

std::optional<loyalty::EventType> parseEventType(std::string_view text) {
    return parseAmong(kEventTypes, loyalty::eventTypeName, text);
}

}  // namespace storage
