#pragma once
// The text codes stored in the database for enumerations, matching the CHECK
// constraints of storage/migrations/0001_initial.sql, and their parsers. An
// unknown stored code parses to nullopt (the caller reports it as Internal).

#include <optional>
#include <string_view>

#include "loyalty/Event.h"
#include "loyalty/Types.h"

namespace storage {

// How a card proves its identity (design brief §4); decides its assurance.
enum class CardKind { Uid, Ntag21x, Ntag424 };

enum class StaffRole { Cashier, Manager, Technician };

// What a catalogue document describes.
enum class CatalogueKind { Tier, Reward, Offer, Promotion, StampCard };

std::string_view cardKindName(CardKind kind);                  // "uid", "ntag21x", "ntag424"
std::optional<CardKind> parseCardKind(std::string_view text);
loyalty::Assurance assuranceOf(CardKind kind);                 // Low, Signed, SecureMessaging

std::string_view staffRoleName(StaffRole role);                // "cashier", "manager", "technician"
std::optional<StaffRole> parseStaffRole(std::string_view text);

std::string_view catalogueKindName(CatalogueKind kind);        // "tier", ..., "stamp_card"
std::optional<CatalogueKind> parseCatalogueKind(std::string_view text);

std::string_view memberStatusName(loyalty::MemberStatus status);  // "active", "blocked"
std::optional<loyalty::MemberStatus> parseMemberStatus(std::string_view text);

std::string_view cardStatusName(loyalty::CardStatus status);      // "active", "lost", "blocked"
std::optional<loyalty::CardStatus> parseCardStatus(std::string_view text);

// The inverse of loyalty::eventTypeName.
std::optional<loyalty::EventType> parseEventType(std::string_view text);

}  // namespace storage
