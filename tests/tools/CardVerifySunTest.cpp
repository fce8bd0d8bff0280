// `kioskctl card verify-sun` as a technician runs it: the real binary, the
// AN12196 example URL (all-zero keys), exit codes 0 valid, 1 invalid, 2 usage.

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

#include <CppUTest/TestHarness.h>

namespace {

struct Run {
    int exitCode = -1;
    std::string output;  // stdout and stderr
};

Run kioskctl(const std::string& arguments) {
    Run run;
    const std::string command = std::string(KIOSKCTL_BINARY) + " " + arguments + " 2>&1";
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) {
        return run;
    }
    std::array<char, 512> buffer{};
    while (fgets(buffer.data(), static_cast<int>(buffer.size()), pipe)) {
        run.output += buffer.data();
    }
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

const std::string kZeroKey = "00000000000000000000000000000000";
const std::string kUrl = "'https://loyalty.example/sun?picc_data=EF963FF7828658A599F3041510671E88&cmac=94EED9EE65337086'";

bool contains(const std::string& text, const char* part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

TEST_GROUP(KioskctlCardVerifySun) {};

TEST(KioskctlCardVerifySun, TheAn12196ExampleIsValid) {
    const Run run = kioskctl("card verify-sun --url " + kUrl + " --meta-key " + kZeroKey + " --file-key " + kZeroKey);
    LONGS_EQUAL(0, run.exitCode);
    CHECK_TEXT(contains(run.output, "UID: 04DE5F1EACC040"), run.output.c_str());
    CHECK_TEXT(contains(run.output, "counter: 61"), run.output.c_str());
    CHECK_TEXT(contains(run.output, "valid"), run.output.c_str());
}

TEST(KioskctlCardVerifySun, ACounterNotAboveTheLastOneIsAReplay) {
    const Run same = kioskctl("card verify-sun --url " + kUrl + " --meta-key " + kZeroKey + " --file-key " +
                              kZeroKey + " --last-counter 61");
    LONGS_EQUAL(1, same.exitCode);
    CHECK_TEXT(contains(same.output, "invalid"), same.output.c_str());
    CHECK_TEXT(contains(same.output, "replay"), same.output.c_str());
    const Run below = kioskctl("card verify-sun --url " + kUrl + " --meta-key " + kZeroKey + " --file-key " +
                               kZeroKey + " --last-counter 60");
    LONGS_EQUAL(0, below.exitCode);
}

TEST(KioskctlCardVerifySun, AWrongFileKeyIsABadMac) {
    const Run run = kioskctl("card verify-sun --url " + kUrl + " --meta-key " + kZeroKey +
                             " --file-key 00000000000000000000000000000001");
    LONGS_EQUAL(1, run.exitCode);
    CHECK_TEXT(contains(run.output, "UID: 04DE5F1EACC040"), run.output.c_str());
    CHECK_TEXT(contains(run.output, "bad MAC"), run.output.c_str());
    CHECK_FALSE(contains(run.output, "00000000000000000000000000000001"));  // keys are never printed
}

TEST(KioskctlCardVerifySun, AWrongMetaKeyCannotDecryptPiccData) {
    const Run run = kioskctl("card verify-sun --url " + kUrl + " --meta-key 0102030405060708090A0B0C0D0E0F10" +
                             " --file-key " + kZeroKey);
    LONGS_EQUAL(1, run.exitCode);
    CHECK_TEXT(contains(run.output, "invalid"), run.output.c_str());
}

TEST(KioskctlCardVerifySun, MalformedArgumentsAreUsageErrors) {
    LONGS_EQUAL(2, kioskctl("card verify-sun --url " + kUrl + " --meta-key 00 --file-key " + kZeroKey).exitCode);
    LONGS_EQUAL(2, kioskctl("card verify-sun --url " + kUrl + " --meta-key " + kZeroKey).exitCode);
    LONGS_EQUAL(2, kioskctl("card verify-sun --url " + kUrl + " --meta-key " + kZeroKey + " --file-key " + kZeroKey +
                            " --last-counter -1").exitCode);
}

TEST(KioskctlCardVerifySun, AUrlWithoutSunParametersIsInvalid) {
    const Run run = kioskctl("card verify-sun --url https://loyalty.example/c/ntag213-demo --meta-key " + kZeroKey +
                             " --file-key " + kZeroKey);
    LONGS_EQUAL(1, run.exitCode);
    CHECK_TEXT(contains(run.output, "invalid"), run.output.c_str());
}
