// Runs every curl example of docs/sync-protocol.md with the real curl
// against a head office freshly loaded with assets/headoffice/demo.json
// (its clock set to the example's server_time) and compares the answer
// with the one documented under it, field by field.

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "support/ChildProcess.h"
#include "support/FileBytes.h"
#include "support/TempDir.h"
#include "tests/headoffice/TestHeadOffice.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

namespace {

struct Example {
    std::string command;  // the shell command, as documented
    std::string answer;   // the documented answer
};

// Fenced blocks of the document; a block starting with "curl" followed by
// another block is an example and its answer.
std::vector<Example> examples(const std::string& markdown) {
    std::vector<std::string> blocks;
    std::istringstream in(markdown);
    std::string line;
    std::string block;
    bool inside = false;
    while (std::getline(in, line)) {
        if (line.rfind("```", 0) == 0) {
            if (inside) {
                blocks.push_back(block);
                block.clear();
            }
            inside = !inside;
            continue;
        }
        if (inside) {
            block += line + "\n";
        }
    }
    std::vector<Example> out;
    for (std::size_t i = 0; i + 1 < blocks.size(); ++i) {
        if (blocks[i].rfind("curl ", 0) == 0) {
            out.push_back(Example{blocks[i], blocks[i + 1]});
            ++i;
        }
    }
    return out;
}

std::string replaceAll(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
        text.replace(at, from.size(), to);
    }
    return text;
}

}  // namespace

TEST_GROUP(CurlExamples) {
    testsupport::TempDir dir{"headoffice-curl"};
};

TEST(CurlExamples, EveryDocumentedExampleAnswersAsDocumented) {
    const auto found = examples(testsupport::FileBytes::read(HEADOFFICE_PROTOCOL_DOC));
    CHECK_TRUE_TEXT(found.size() >= 4, "docs/sync-protocol.md lost its curl examples?");
    int index = 0;
    for (const auto& example : found) {
        const auto documented = nlohmann::json::parse(example.answer, nullptr, false);
        CHECK_FALSE_TEXT(documented.is_discarded(), ("the documented answer is not JSON:\n" + example.answer).c_str());
        hotest::TestHeadOffice office;
        office.loadDemo();
        if (documented.contains("server_time")) {
            office.setNow(documented["server_time"].get<std::int64_t>());
        }
        const std::string command = replaceAll(example.command, "http://127.0.0.1:8480", office.url());
        const std::string output = dir.file("answer-" + std::to_string(++index) + ".json");
        const auto code = testsupport::ChildProcess::run({"/bin/sh", "-c", command}, {}, output, 30000);
        CHECK_TRUE_TEXT(code.has_value() && *code == 0, ("curl failed:\n" + command).c_str());
        const std::string answer = testsupport::FileBytes::read(output);
        const auto actual = nlohmann::json::parse(answer, nullptr, false);
        CHECK_FALSE_TEXT(actual.is_discarded(), ("not JSON from:\n" + command + "\n" + answer).c_str());
        if (actual != documented) {
            const std::string diff = nlohmann::json::diff(documented, actual).dump(2);
            FAIL(("the answer differs from docs/sync-protocol.md for:\n" + example.command + "documented:\n" +
                  documented.dump() + "\nactual:\n" + actual.dump() + "\ndifference (JSON patch):\n" + diff)
                     .c_str());
        }
    }
}

TEST(CurlExamples, TheDocumentedUnknownCardAnswerHolds) {
    hotest::TestHeadOffice office;
    office.loadDemo();
    const std::string output = dir.file("unknown.txt");
    const std::string command = "curl -s -w '\\n%{http_code}' " + office.url() +
                                "/v1/cards/u:00000000 -H 'Authorization: Bearer demo-kiosk-token'";
    CHECK_EQUAL(0, testsupport::ChildProcess::run({"/bin/sh", "-c", command}, {}, output, 30000).value_or(-1));
    const std::string text = testsupport::FileBytes::read(output);
    STRCMP_CONTAINS("\n404", text.c_str());
    const auto body = nlohmann::json::parse(text.substr(0, text.rfind('\n')));
    STRCMP_EQUAL("unknown_card", body["error"]["code"].get<std::string>().c_str());
}
