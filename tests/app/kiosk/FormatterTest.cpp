#include <string>
#include <vector>

#include "FlowTestSupport.h"
#include "kiosk/Formatter.h"

#include <CppUTest/TestHarness.h>

TEST_GROUP(Formatter) {
    std::vector<config::Catalog> catalogues = flowtest::shippedCatalogues();
    kiosk::Formatter english{catalogues[0], "EUR"};
    kiosk::Formatter spanish{catalogues[1], "EUR"};
};

TEST(Formatter, GroupsThousandsAsEachLanguageDoes) {
    STRCMP_EQUAL("1,240", english.number(1240).c_str());
    STRCMP_EQUAL("1.240", spanish.number(1240).c_str());
    STRCMP_EQUAL("999", english.number(999).c_str());
    STRCMP_EQUAL("-1,000,000", english.number(-1'000'000).c_str());
    STRCMP_EQUAL("-9,223,372,036,854,775,808", english.number(INT64_MIN).c_str());
}

TEST(Formatter, PointsAreSingularForOne) {
    STRCMP_EQUAL("1 pt", english.points(1).c_str());
    STRCMP_EQUAL("1,240 pts", english.points(1240).c_str());
    STRCMP_EQUAL("1 punto", spanish.points(1).c_str());
    STRCMP_EQUAL("1.240 puntos", spanish.points(1240).c_str());
    STRCMP_EQUAL("+18 pts", english.signedPoints(18).c_str());
    STRCMP_EQUAL("-150 pts", english.signedPoints(-150).c_str());
    STRCMP_EQUAL("0 pts", english.signedPoints(0).c_str());
}

TEST(Formatter, MoneyHasTwoDecimalsAndTheSymbolWhereTheLanguagePutsIt) {
    STRCMP_EQUAL("€12.34", english.money(1234).c_str());
    STRCMP_EQUAL("12,34 €", spanish.money(1234).c_str());
    STRCMP_EQUAL("€1,234.05", english.money(123405).c_str());
    STRCMP_EQUAL("€0.00", english.money(0).c_str());
    STRCMP_EQUAL("-0,05", spanish.moneyDigits(-5).c_str());
    kiosk::Formatter unknownCurrency{catalogues[0], "CHF"};
    STRCMP_EQUAL("CHF1.00", unknownCurrency.money(100).c_str());
}

TEST(Formatter, DatesAreWrittenAsTheLanguageWritesThem) {
    STRCMP_EQUAL("10 January 2027", english.date({2027, 1, 10}).c_str());
    STRCMP_EQUAL("10 de enero de 2027", spanish.date({2027, 1, 10}).c_str());
    STRCMP_EQUAL("1 de septiembre de 2026", spanish.date({2026, 9, 1}).c_str());
    STRCMP_EQUAL("3 ? 2026", english.date({2026, 13, 3}).c_str());
}
