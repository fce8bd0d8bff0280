#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "services/Mailbox.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

using namespace std::chrono_literals;

TEST_GROUP(Mailbox){};

TEST(Mailbox, ValuesFromSeveralThreadsArriveOnceEachInPostingOrderPerThread) {
    std::atomic<int> wakes{0};
    services::Mailbox<int> mailbox([&] { ++wakes; });
    constexpr int kPerThread = 2000;
    std::vector<std::thread> posters;
    for (int t = 0; t < 3; ++t) {
        posters.emplace_back([&mailbox, t] {
            for (int i = 0; i < kPerThread; ++i) {
                mailbox.post(t * kPerThread + i);
            }
        });
    }
    std::vector<int> received;
    while (received.size() < 3 * kPerThread) {
        for (int value : mailbox.drain()) {
            received.push_back(value);
        }
    }
    for (auto& poster : posters) {
        poster.join();
    }
    LONGS_EQUAL(3 * kPerThread, wakes.load());
    std::vector<int> last(3, -1);
    for (int value : received) {
        const int thread = value / kPerThread;
        CHECK_TRUE(value > last[static_cast<std::size_t>(thread)]);  // per-thread order kept, nothing doubled
        last[static_cast<std::size_t>(thread)] = value;
    }
    CHECK_TRUE(mailbox.drain().empty());
}

TEST(Mailbox, TakeWaitsForAValueOrTheTimeout) {
    services::Mailbox<std::string> mailbox;
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(mailbox.take(30ms).has_value());
    CHECK_TRUE(std::chrono::steady_clock::now() - start >= 30ms);
    std::thread later([&] {
        std::this_thread::sleep_for(20ms);
        mailbox.post("card");
    });
    auto value = mailbox.take(10s);
    later.join();
    CHECK_TRUE(value.has_value());
    STRCMP_EQUAL("card", value->c_str());
}

TEST(Mailbox, CloseRefusesNewValuesWakesATakerAndKeepsWhatWasQueued) {
    services::Mailbox<int> mailbox;
    CHECK_TRUE(mailbox.post(1));
    mailbox.close();
    CHECK_FALSE(mailbox.post(2));
    CHECK_TRUE(mailbox.closed());
    LONGS_EQUAL(1, *mailbox.take(10s));
    services::Mailbox<int> empty;
    std::thread closer([&] {
        std::this_thread::sleep_for(20ms);
        empty.close();
    });
    const auto start = std::chrono::steady_clock::now();
    CHECK_FALSE(empty.take(10s).has_value());  // woken by close, not by the 10 s timeout
    closer.join();
    CHECK_TRUE(std::chrono::steady_clock::now() - start < 5s);
}
