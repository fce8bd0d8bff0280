#include <memory>

#include "nfc/sim/CardFile.h"
#include "nfc/sim/NtagCard.h"
#include "nfc/sim/RfField.h"
#include "nfc/sim/UidOnlyCard.h"

#include <CppUTest/TestHarness.h>

using nfcsim::AirAnswer;
using nfcsim::Bytes;
using nfcsim::NtagCard;
using nfcsim::NtagModel;

namespace {

Bytes hex(const char* text) {
    return *nfcsim::parseHex(text);
}

bool isNak(const AirAnswer& answer, std::uint8_t code) {
    return answer && answer->bits == 4 && answer->data == Bytes{code};
}

bool isAck(const AirAnswer& answer) {
    return answer && answer->bits == 4 && answer->data == Bytes{0x0A};
}

NtagCard ntag(const char* kind) {
    const auto model = *NtagModel::byKind(kind);
    return NtagCard(model, NtagCard::factoryMemory(model, hex("04A1B2C3D4E5F6"), {}), {});
}

}  // namespace

TEST_GROUP(NtagCard){};

TEST(NtagCard, FactoryMemoryHoldsUidCheckBytesCcAndConfig) {
    const auto card = ntag("ntag213");
    const Bytes& m = card.memory();
    LONGS_EQUAL(45 * 4, m.size());
    CHECK(Bytes(m.begin(), m.begin() + 16) == hex("04A1B29F C3D4E5F6 04480000 E1101200"));
    CHECK(Bytes(m.begin() + 16, m.begin() + 19) == hex("0300FE"));
    CHECK(Bytes(m.begin() + 0x29 * 4, m.begin() + 0x29 * 4 + 4) == hex("040000FF"));
    CHECK(*NtagCard::uidFromMemory(m) == hex("04A1B2C3D4E5F6"));
}

TEST(NtagCard, ReadReturnsFourPagesAndWrapsAtTheEnd) {
    auto card = ntag("ntag213");
    const auto first = card.command(hex("3000"), true);
    CHECK(first && first->crc);
    CHECK(first->data == Bytes(card.memory().begin(), card.memory().begin() + 16));
    const auto last = card.command(hex("302C"), true);  // page 44, then pages 0, 1, 2
    LONGS_EQUAL(16, last->data.size());
    CHECK(Bytes(last->data.begin() + 4, last->data.end()) == Bytes(card.memory().begin(), card.memory().begin() + 12));
    CHECK(isNak(card.command(hex("302D"), true), NtagCard::kNakInvalid));
}

TEST(NtagCard, FastReadReturnsTheRangeAndHidesPasswordAndPack) {
    auto card = ntag("ntag213");
    const auto all = card.command(hex("3A002C"), true);
    LONGS_EQUAL(45 * 4, all->data.size());
    CHECK(Bytes(all->data.begin() + 0x2B * 4, all->data.end()) == Bytes(8, 0x00));  // PWD FFFFFFFF reads as zeros
    CHECK(isNak(card.command(hex("3A0500"), true), NtagCard::kNakInvalid));
    CHECK(isNak(card.command(hex("3A002D"), true), NtagCard::kNakInvalid));
}

TEST(NtagCard, WriteChangesUserMemoryAndRefusesUidPages) {
    auto card = ntag("ntag215");
    CHECK(isAck(card.command(hex("A20511223344"), true)));
    CHECK(Bytes(card.memory().begin() + 20, card.memory().begin() + 24) == hex("11223344"));
    CHECK(isNak(card.command(hex("A20011223344"), true), NtagCard::kNakInvalid));
    CHECK(isNak(card.command(hex("A205112233"), true), NtagCard::kNakInvalid));  // wrong length
}

TEST(NtagCard, LockBitsAreOneWayAndLockPages) {
    auto card = ntag("ntag213");
    CHECK(isAck(card.command(hex("A2020000F000"), true)));  // lock pages 4-7
    CHECK(isNak(card.command(hex("A20400000000"), true), NtagCard::kNakInvalid));
    CHECK(isAck(card.command(hex("A20200000000"), true)));  // clearing does nothing
    BYTES_EQUAL(0xF0, card.memory()[10]);
    CHECK(isAck(card.command(hex("A2280100 0000"), true)));  // dynamic lock: pages 16-17
    CHECK(isNak(card.command(hex("A21000000000"), true), NtagCard::kNakInvalid));
    CHECK(isAck(card.command(hex("A21200000000"), true)));
}

TEST(NtagCard, PasswordProtectionFollowsAuth0AndProt) {
    auto card = ntag("ntag213");
    CHECK(isAck(card.command(hex("A22B12345678"), true)));  // PWD
    CHECK(isAck(card.command(hex("A22CABCD0000"), true)));  // PACK
    CHECK(isAck(card.command(hex("A22A80000000"), true)));  // ACCESS: PROT (read and write)
    CHECK(isAck(card.command(hex("A229040000 10"), true)));  // AUTH0 = 0x10
    CHECK(card.command(hex("300C"), true).has_value());    // below AUTH0: readable
    CHECK(isNak(card.command(hex("3010"), true), NtagCard::kNakInvalid));
    CHECK(isNak(card.command(hex("A21000000000"), true), NtagCard::kNakInvalid));
    CHECK(isNak(card.command(hex("1B00000000"), true), NtagCard::kNakAuth));
    const auto pack = card.command(hex("1B12345678"), true);
    CHECK(pack && pack->data == hex("ABCD"));
    CHECK(card.command(hex("3010"), true)->data.size() == 16);
    card.resetSession();
    CHECK(isNak(card.command(hex("3010"), true), NtagCard::kNakInvalid));
}

TEST(NtagCard, AnswersGetVersionReadSigAndNaksBadCrc) {
    auto card = ntag("ntag216");
    CHECK(card.command(hex("60"), true)->data == hex("0004040201001303"));
    LONGS_EQUAL(32, card.command(hex("3C00"), true)->data.size());
    CHECK(isNak(card.command(hex("3000"), false), NtagCard::kNakCrc));
    CHECK(isNak(card.command(hex("FF"), true), NtagCard::kNakInvalid));
}

TEST(NtagCard, CompatibilityWriteTakesTwoFrames) {
    auto card = ntag("ntag213");
    CHECK(isAck(card.command(hex("A006"), true)));
    CHECK(isAck(card.command(hex("0102030405060708090A0B0C0D0E0F10"), true)));
    CHECK(Bytes(card.memory().begin() + 24, card.memory().begin() + 28) == hex("01020304"));
}

TEST_GROUP(RfField){};

TEST(RfField, RawAnticollisionSelectsADoubleSizeUid) {
    nfcsim::RfField field;
    field.insert(std::make_shared<NtagCard>(ntag("ntag213")));
    field.setPower(true);
    const auto atqa = field.transceive({0x26}, 7, false);
    CHECK(atqa && atqa->data == hex("4400"));
    const auto cl1 = field.transceive(hex("9320"), 0, false);
    CHECK(cl1->data == hex("8804A1B29F"));
    const auto sak1 = field.transceive(hex("93708804A1B29F"), 0, true);
    CHECK(sak1->data == hex("04"));  // cascade bit: UID not complete
    CHECK(field.transceive(hex("9520"), 0, false)->data == hex("C3D4E5F604"));
    CHECK(field.transceive(hex("9570C3D4E5F604"), 0, true)->data == hex("00"));
    CHECK(field.selected());
    CHECK_FALSE(field.transceive(hex("5000"), 0, true).has_value());  // HLTA
    CHECK(field.state() == nfcsim::RfField::CardState::Halt);
    CHECK_FALSE(field.transceive({0x26}, 7, false).has_value());  // REQA does not wake a halted card
    CHECK(field.transceive({0x52}, 7, false).has_value());        // WUPA does
}

TEST(RfField, ANakSendsTheTagBackToIdle) {
    nfcsim::RfField field;
    field.insert(std::make_shared<NtagCard>(ntag("ntag213")));
    CHECK(field.activate({}, false, true).has_value());
    CHECK(field.exchange(hex("3099")).has_value());  // NAK
    CHECK_FALSE(field.selected());
    CHECK_FALSE(field.exchange(hex("3000")).has_value());
}

TEST(RfField, UidOnlyClassicIsFoundByItsUidAndNaksReads) {
    nfcsim::RfField field;
    field.insert(std::make_shared<nfcsim::UidOnlyCard>(hex("A1B2C3D4")));
    CHECK_FALSE(field.activate(hex("01020304"), false, true).has_value());
    const auto info = field.activate(hex("A1B2C3D4"), false, true);
    CHECK(info.has_value());
    CHECK(info->atqa == (std::array<std::uint8_t, 2>{0x00, 0x04}));
    BYTES_EQUAL(0x08, info->sak);
    CHECK(info->ats.empty());
    CHECK_FALSE(field.exchange(hex("60040102030405 06A1B2C3D4")).has_value());
}

TEST(RfField, FieldOffResetsTheCard) {
    nfcsim::RfField field;
    field.insert(std::make_shared<NtagCard>(ntag("ntag213")));
    field.activate({}, false, true);
    field.halt();
    CHECK_FALSE(field.activate({}, false, true).has_value());
    field.setPower(false);
    field.setPower(true);
    CHECK(field.activate({}, false, true).has_value());
}
