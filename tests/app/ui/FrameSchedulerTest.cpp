#include <cstdint>

#include "ui/FrameScheduler.h"

// CppUTest last: its memory-leak macros redefine new.
#include <CppUTest/TestHarness.h>

TEST_GROUP(FrameScheduler){};

TEST(FrameScheduler, DrawsTheFirstFramesAtStartUp) {
    ui::FrameScheduler scheduler;
    for (int i = 0; i < ui::FrameScheduler::kFramesAfterEvent; ++i) {
        CHECK_TRUE(scheduler.shouldDraw());
        LONGS_EQUAL(0, scheduler.waitTimeoutMs(5000));
        scheduler.frameDrawn();
    }
    CHECK_FALSE(scheduler.shouldDraw());
}

TEST(FrameScheduler, SleepsWhenIdleUpToTheNextDeadlineOrTheCap) {
    ui::FrameScheduler scheduler;
    for (int i = 0; i < ui::FrameScheduler::kFramesAfterEvent; ++i) {
        scheduler.frameDrawn();
    }
    LONGS_EQUAL(250, scheduler.waitTimeoutMs(250));
    LONGS_EQUAL(ui::FrameScheduler::kMaxIdleWaitMs, scheduler.waitTimeoutMs(60000));
    LONGS_EQUAL(0, scheduler.waitTimeoutMs(-5));  // an overdue deadline: do not sleep
}

TEST(FrameScheduler, AnEventSchedulesAFewFramesThenIdlesAgain) {
    ui::FrameScheduler scheduler;
    for (int i = 0; i < 10; ++i) {
        scheduler.frameDrawn();  // extra calls never go negative
    }
    CHECK_FALSE(scheduler.shouldDraw());
    scheduler.wake();
    int drawn = 0;
    while (scheduler.shouldDraw()) {
        scheduler.frameDrawn();
        ++drawn;
    }
    LONGS_EQUAL(ui::FrameScheduler::kFramesAfterEvent, drawn);
}

TEST(FrameScheduler, ContinuousModeNeverSleeps) {
    ui::FrameScheduler scheduler(true);
    for (int i = 0; i < 10; ++i) {
        scheduler.frameDrawn();
    }
    CHECK_TRUE(scheduler.shouldDraw());
    LONGS_EQUAL(0, scheduler.waitTimeoutMs(1000));
}
