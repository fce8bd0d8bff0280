#include <string>

#include "kiosk/Keypad.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Keypad){};

TEST(Keypad, TypesDigitsUpToItsLimit) {
    kiosk::Keypad keypad(4);
    CHECK_TRUE(keypad.empty());
    for (int digit : {1, 2, 3, 4}) {
        CHECK_TRUE(keypad.press(digit));
    }
    CHECK_FALSE(keypad.press(5));
    STRCMP_EQUAL("1234", keypad.digits().c_str());
    LONGS_EQUAL(1234, keypad.value());
}

TEST(Keypad, RefusesWhatIsNotADigit) {
    kiosk::Keypad keypad(4);
    CHECK_FALSE(keypad.press(-1));
    CHECK_FALSE(keypad.press(10));
    CHECK_TRUE(keypad.empty());
}

TEST(Keypad, BackAndClear) {
    kiosk::Keypad keypad(6);
    CHECK_FALSE(keypad.back());
    CHECK_FALSE(keypad.clear());
    keypad.press(4);
    keypad.press(2);
    CHECK_TRUE(keypad.back());
    STRCMP_EQUAL("4", keypad.digits().c_str());
    CHECK_TRUE(keypad.clear());
    CHECK_TRUE(keypad.empty());
    LONGS_EQUAL(0, keypad.value());
}

TEST(Keypad, MasksAPin) {
    kiosk::Keypad keypad(8);
    keypad.press(1);
    keypad.press(9);
    keypad.press(0);
    STRCMP_EQUAL("\u2022\u2022\u2022", keypad.masked().c_str());
}

TEST(Keypad, ResetClearsAndSetsANewLimitOfAtMostEighteenDigits) {
    kiosk::Keypad keypad(2);
    keypad.press(7);
    keypad.reset(30);
    CHECK_TRUE(keypad.empty());
    for (int i = 0; i < 18; ++i) {
        CHECK_TRUE(keypad.press(9));
    }
    CHECK_FALSE(keypad.press(9));
    CHECK_TRUE(keypad.value() > 0);
}
