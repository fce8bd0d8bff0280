// ProgramLoader: names in other languages (`names`, offers' `descriptions`,
// stamp cards' `reward_names`): what is accepted, where it lands in
// loyalty::Program, and every refusal with its exact message and position.
// The snippets are appended to kMinimal (15 lines), so their first line is 16.
#include <string>

#include "app/config/ProgramTestText.h"
#include "config/ProgramLoader.h"
#include "loyalty/Program.h"

#include <CppUTest/TestHarness.h>

using config::ProgramLoader;
using loyalty::Program;
using namespace programtest;

namespace {

// Lines 16-20 when appended to kMinimal; `extra` starts at line 21.
std::string reward(const std::string& extra) {
    return "[[rewards]]\nid = \"coffee\"\nname = \"Free coffee\"\ncost = 150\nkind = \"physical\"\n" + extra;
}

// Lines 16-19 when appended to kMinimal; `extra` starts at line 20.
std::string offer(const std::string& extra) {
    return "[[offers]]\nid = \"birthday\"\nname = \"Happy birthday!\"\nbonus_points = 100\n" + extra;
}

Program load(const std::string& text) {
    auto result = ProgramLoader::loadString(text, "program.toml");
    if (!result) {
        FAIL(result.error().describe().c_str());
    }
    return std::move(result.value());
}

const std::string kAssetPath = std::string(KIOSK_SOURCE_ASSETS) + "/program.toml";

}  // namespace

TEST_GROUP(ProgramLoaderNames){};

// --- what is accepted ----------------------------------------------------------------

TEST(ProgramLoaderNames, namesAreOptionalAndEmptyWhenAbsent) {
    const Program program = load(kMinimal + reward("") + offer(""));
    CHECK_TRUE(program.names.empty());
    CHECK_TRUE(program.tiers[0].names.empty());
    CHECK_TRUE(program.rewards[0].names.empty());
    CHECK_TRUE(program.offers[0].names.empty());
    CHECK_TRUE(program.offers[0].descriptions.empty());
}

TEST(ProgramLoaderNames, everyKindOfItemTakesNamesByLanguage) {
    const Program program = load(
        insertAfterLine(kHeader, 2, "names = { es = \"Prueba\" }\n") +
        "[[tiers]]\nid = \"bronze\"\nname = \"Bronze\"\nnames = { es = \"Bronce\", pt-BR = \"Bronze\" }\nthreshold = 0\n" +
        "[[promotions]]\nid = \"tue\"\nname = \"Double Tuesday\"\nnames = { es = \"Martes doble\" }\n"
        "kind = \"multiplier\"\nmultiplier_percent = 200\n" +
        reward("names = { es = \"Café gratis\" }\n") +
        offer("names = { es = \"¡Feliz cumpleaños!\" }\ndescription = \"100 points.\"\n"
              "descriptions = { es = \"100 puntos.\" }\n") +
        "[[stamp_cards]]\nid = \"card\"\nfamily = \"coffee\"\nname = \"Coffee card\"\n"
        "names = { es = \"Tarjeta del café\" }\nstamps_required = 9\nreward_name = \"A coffee\"\n"
        "reward_names = { es = \"Un café\" }\n");
    STRCMP_EQUAL("Prueba", program.names.at("es").c_str());
    STRCMP_EQUAL("Bronce", program.tiers[0].names.at("es").c_str());
    STRCMP_EQUAL("Bronze", program.tiers[0].names.at("pt-BR").c_str());
    LONGS_EQUAL(2, program.tiers[0].names.size());
    STRCMP_EQUAL("Martes doble", program.promotions[0].names.at("es").c_str());
    STRCMP_EQUAL("Free coffee", program.rewards[0].name.c_str());
    STRCMP_EQUAL("Café gratis", program.rewards[0].names.at("es").c_str());
    STRCMP_EQUAL("¡Feliz cumpleaños!", program.offers[0].names.at("es").c_str());
    STRCMP_EQUAL("100 points.", program.offers[0].description.c_str());
    STRCMP_EQUAL("100 puntos.", program.offers[0].descriptions.at("es").c_str());
    STRCMP_EQUAL("Tarjeta del café", program.stampCards[0].names.at("es").c_str());
    STRCMP_EQUAL("Un café", program.stampCards[0].rewardNames.at("es").c_str());
}

TEST(ProgramLoaderNames, aSubTableHeaderWorksLikeAnInlineTable) {
    const Program program = load(kMinimal + reward("[rewards.names]\nes = \"Café gratis\"\nfr = \"Café offert\"\n"));
    LONGS_EQUAL(2, program.rewards[0].names.size());
    STRCMP_EQUAL("Café gratis", program.rewards[0].names.at("es").c_str());
    STRCMP_EQUAL("Café offert", program.rewards[0].names.at("fr").c_str());
}

TEST(ProgramLoaderNames, aLanguageNoCatalogueOffersIsKept) {
    const Program program = load(kMinimal + reward("names = { xx = \"Kafe\" }\n"));
    STRCMP_EQUAL("Kafe", program.rewards[0].names.at("xx").c_str());
}

TEST(ProgramLoaderNames, theShippedProgrammeNamesEveryItemInSpanish) {
    auto result = ProgramLoader::loadFile(kAssetPath);
    if (!result) {
        FAIL(result.error().describe().c_str());
    }
    const Program& program = *result;
    const auto spanish = [](const loyalty::LocalTexts& names, const std::string& what) {
        const auto it = names.find("es");
        CHECK_TEXT(it != names.end() && !it->second.empty(), ("no Spanish name for " + what).c_str());
    };
    spanish(program.names, "the programme");
    for (const auto& tier : program.tiers) {
        spanish(tier.names, "tier " + tier.id);
    }
    for (const auto& promotion : program.promotions) {
        spanish(promotion.names, "promotion " + promotion.id);
    }
    for (const auto& reward : program.rewards) {
        spanish(reward.names, "reward " + reward.id);
    }
    for (const auto& offer : program.offers) {
        spanish(offer.names, "offer " + offer.id);
        if (!offer.description.empty()) {
            spanish(offer.descriptions, "the description of offer " + offer.id);
        }
    }
    for (const auto& card : program.stampCards) {
        spanish(card.names, "stamp card " + card.id);
        spanish(card.rewardNames, "the reward of stamp card " + card.id);
    }
    STRCMP_EQUAL("Café gratis", program.findReward("free-coffee")->names.at("es").c_str());
    STRCMP_EQUAL("Oro", program.findTier("gold")->names.at("es").c_str());
}

// --- refusals -------------------------------------------------------------------------

TEST(ProgramLoaderNames, aPlainStringIsRefusedWithTheLanguageToName) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = \"Café gratis\"\n"), 21, 9,
                     "rewards[0].names: expected a table of texts by language such as names = { es = \"Café gratis\" }, "
                     "found a string (\"Café gratis\"); name the language of the text: { es = \"Café gratis\" }");
}

TEST(ProgramLoaderNames, aListIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = [\"es\"]\n"), 21, 9,
                     "rewards[0].names: expected a table of texts by language such as names = { es = \"Café gratis\" }, "
                     "found a list");
}

TEST(ProgramLoaderNames, aNameThatIsNotTextIsRefusedAtTheValue) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = { es = 5 }\n"), 21, 16,
                     "rewards[0].names.es: expected a string in quotes, found an integer (5)");
}

TEST(ProgramLoaderNames, aNestedTableIsNotAName) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = { es = { short = \"Café\" } }\n"), 21, 16,
                     "rewards[0].names.es: expected a string in quotes, found a table");
}

TEST(ProgramLoaderNames, aBlankNameIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = { es = \"  \" }\n"), 21, 16, "rewards[0].names.es: must not be empty");
}

TEST(ProgramLoaderNames, anEmptyLanguageCodeIsRefusedAtTheKey) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = { \"\" = \"Café gratis\" }\n"), 21, 11,
                     "rewards[0].names: \"\" is not a language code; use a catalogue's code such as \"es\" "
                     "(letters, digits, '-' or '_')");
}

TEST(ProgramLoaderNames, aLanguageCodeWithASpaceIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = { \"es \" = \"Café gratis\" }\n"), 21, 11,
                     "rewards[0].names: \"es \" is not a language code; use a catalogue's code such as \"es\" "
                     "(letters, digits, '-' or '_')");
}

TEST(ProgramLoaderNames, anEmptyTableIsRefused) {
    CHECK_LOAD_ERROR(kMinimal + reward("names = {}\n"), 21, 9,
                     "rewards[0].names: lists no language; add one such as { es = \"Café gratis\" } or leave the key "
                     "out");
}

TEST(ProgramLoaderNames, aBadNameInASubTableIsRefusedAtItsLine) {
    CHECK_LOAD_ERROR(kMinimal + reward("[rewards.names]\nes = \"Café gratis\"\nfr = 3\n"), 23, 6,
                     "rewards[0].names.fr: expected a string in quotes, found an integer (3)");
}

TEST(ProgramLoaderNames, tierNamesAreCheckedToo) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 14, "names = { es = \"\" }\n"), 15, 16,
                     "tiers[0].names.es: must not be empty");
}

TEST(ProgramLoaderNames, theProgrammesNamesAreCheckedToo) {
    CHECK_LOAD_ERROR(insertAfterLine(kMinimal, 2, "names = \"Prueba\"\n"), 3, 9,
                     "program.names: expected a table of texts by language such as names = { es = \"Premios Corner\" "
                     "}, found a string (\"Prueba\"); name the language of the text: { es = \"Prueba\" }");
}

TEST(ProgramLoaderNames, stampCardRewardNamesAreCheckedToo) {
    CHECK_LOAD_ERROR(kMinimal +
                         "[[stamp_cards]]\nid = \"card\"\nfamily = \"coffee\"\nname = \"Coffee card\"\n"
                         "stamps_required = 9\nreward_name = \"A coffee\"\nreward_names = { es = 1 }\n",
                     22, 23, "stamp_cards[0].reward_names.es: expected a string in quotes, found an integer (1)");
}

TEST(ProgramLoaderNames, descriptionsWithoutADescriptionAreRefused) {
    CHECK_LOAD_ERROR(kMinimal + offer("descriptions = { es = \"100 puntos.\" }\n"), 20, 16,
                     "offers[0].descriptions: needs the description in the programme's own language too "
                     "(description = \"...\"); other languages fall back to it");
}

TEST(ProgramLoaderNames, descriptionsOnARewardAreAnUnknownTable) {
    CHECK_LOAD_ERROR(kMinimal + reward("descriptions = { es = \"x\" }\n"), 21, 1,
                     "rewards[0].descriptions: unknown table; expected one of id, name, names, cost, kind, "
                     "minimum_tier, per_member_limit, total_limit, valid_from or valid_until");
}

TEST(ProgramLoaderNames, aMisspeltNamesKeySuggestsNames) {
    CHECK_LOAD_ERROR(kMinimal + reward("name_es = \"Café gratis\"\n"), 21, 1,
                     "rewards[0].name_es: unknown key; did you mean 'names'?");
}
