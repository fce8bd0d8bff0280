// localName / localDescription / localText: a programme item's text in a
// session's language, falling back to the programme file's own text.
#include <string>

#include "app/loyalty/ProgramFixture.h"
#include "loyalty/Program.h"

#include <CppUTest/TestHarness.h>

using namespace loyalty;

TEST_GROUP(LocalNames) {
    Program program = test::demoProgram();
};

TEST(LocalNames, aTranslatedNameIsUsedForItsLanguage) {
    Reward& coffee = program.rewards[0];
    coffee.names = {{"es", "Café gratis"}, {"fr", "Café offert"}};
    STRCMP_EQUAL("Café gratis", localName(coffee, "es").c_str());
    STRCMP_EQUAL("Café offert", localName(coffee, "fr").c_str());
}

TEST(LocalNames, aLanguageWithoutATranslationFallsBackToTheName) {
    Reward& coffee = program.rewards[0];
    coffee.names = {{"es", "Café gratis"}};
    STRCMP_EQUAL(coffee.name.c_str(), localName(coffee, "en").c_str());
    STRCMP_EQUAL(coffee.name.c_str(), localName(coffee, "").c_str());
    STRCMP_EQUAL(coffee.name.c_str(), localName(coffee, "ES").c_str());  // codes match exactly
    STRCMP_EQUAL(coffee.name.c_str(), localName(coffee, "es-MX").c_str());
}

TEST(LocalNames, anItemWithoutTranslationsAlwaysGivesItsName) {
    const Tier& gold = *program.findTier("gold");
    STRCMP_EQUAL("Gold", localName(gold, "es").c_str());
    POINTERS_EQUAL(&gold.name, &localName(gold, "es"));  // no copy: the item's own string
}

TEST(LocalNames, everyKindOfItemHasNames) {
    program.names = {{"es", "Premios"}};
    program.tiers[0].names = {{"es", "Bronce"}};
    program.promotions[0].names = {{"es", "Martes doble"}};
    program.offers[0].names = {{"es", "Oferta"}};
    program.stampCards[0].names = {{"es", "Tarjeta"}};
    STRCMP_EQUAL("Premios", localName(program, "es").c_str());
    STRCMP_EQUAL("Bronce", localName(program.tiers[0], "es").c_str());
    STRCMP_EQUAL("Martes doble", localName(program.promotions[0], "es").c_str());
    STRCMP_EQUAL("Oferta", localName(program.offers[0], "es").c_str());
    STRCMP_EQUAL("Tarjeta", localName(program.stampCards[0], "es").c_str());
    STRCMP_EQUAL(program.tiers[0].name.c_str(), localName(program.tiers[0], "en").c_str());
}

TEST(LocalNames, anOffersDescriptionHasItsOwnTranslations) {
    Offer& offer = program.offers[0];
    offer.description = "100 bonus points.";
    offer.names = {{"es", "Oferta"}};
    offer.descriptions = {{"es", "100 puntos extra."}};
    STRCMP_EQUAL("100 puntos extra.", localDescription(offer, "es").c_str());
    STRCMP_EQUAL("100 bonus points.", localDescription(offer, "en").c_str());
    offer.descriptions.clear();
    STRCMP_EQUAL("100 bonus points.", localDescription(offer, "es").c_str());
}

TEST(LocalNames, localTextWorksOnAnyTextsAndFallback) {
    const std::string fallback = "A free coffee";
    const LocalTexts texts{{"es", "Un café gratis"}};
    STRCMP_EQUAL("Un café gratis", localText(texts, fallback, "es").c_str());
    POINTERS_EQUAL(&fallback, &localText(texts, fallback, "de"));
    POINTERS_EQUAL(&fallback, &localText(LocalTexts{}, fallback, "es"));
}
