#include "kiwoomd/core/Scheduler.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kiwoomd {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

// An arbitrary, recognisable start so that "the clock did not move" cannot pass by accident at 0.
const Timestamp kStart = Timestamp{} + std::chrono::hours(1000);

// Milliseconds since kStart, as a plain number so that failures print readably.
std::int64_t elapsed(const VirtualScheduler& scheduler) {
    return std::chrono::duration_cast<milliseconds>(scheduler.now() - kStart).count();
}

TEST(VirtualScheduler, StartsAtTheGivenTimeWithNothingPending) {
    VirtualScheduler scheduler(kStart);
    EXPECT_EQ(scheduler.now(), kStart);
    EXPECT_EQ(scheduler.pendingTasks(), 0u);
}

TEST(VirtualScheduler, RunsTasksInDueOrderNotSchedulingOrder) {
    VirtualScheduler scheduler(kStart);
    std::vector<std::string> ran;
    scheduler.callAfter(milliseconds(300), [&] { ran.push_back("300"); });
    scheduler.callAfter(milliseconds(100), [&] { ran.push_back("100"); });
    scheduler.callAfter(milliseconds(200), [&] { ran.push_back("200"); });

    scheduler.runFor(seconds(1));

    EXPECT_EQ(ran, (std::vector<std::string>{"100", "200", "300"}));
    EXPECT_EQ(scheduler.pendingTasks(), 0u);
}

TEST(VirtualScheduler, TasksDueAtTheSameTimeRunInSchedulingOrder) {
    VirtualScheduler scheduler(kStart);
    std::vector<int> ran;
    for (int i = 0; i < 5; ++i) {
        scheduler.callAfter(milliseconds(50), [&ran, i] { ran.push_back(i); });
    }

    scheduler.runFor(milliseconds(50));

    EXPECT_EQ(ran, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(VirtualScheduler, TheClockReadsEachTasksDueTimeWhileItRuns) {
    VirtualScheduler scheduler(kStart);
    std::vector<std::int64_t> seen;
    scheduler.callAfter(milliseconds(250), [&] { seen.push_back(elapsed(scheduler)); });
    scheduler.callAfter(milliseconds(1000), [&] { seen.push_back(elapsed(scheduler)); });

    scheduler.runFor(seconds(5));

    EXPECT_EQ(seen, (std::vector<std::int64_t>{250, 1000}));
}

TEST(VirtualScheduler, RunForEndsWithTheClockAtTheEndOfTheWindow) {
    VirtualScheduler scheduler(kStart);
    scheduler.callAfter(milliseconds(100), [] {});

    scheduler.runFor(milliseconds(1500));
    EXPECT_EQ(elapsed(scheduler), 1500);

    scheduler.runFor(milliseconds(500)); // nothing pending: the clock still moves
    EXPECT_EQ(elapsed(scheduler), 2000);
}

TEST(VirtualScheduler, TasksDueAfterTheWindowStayPending) {
    VirtualScheduler scheduler(kStart);
    bool ran = false;
    scheduler.callAfter(milliseconds(1001), [&] { ran = true; });

    scheduler.runFor(milliseconds(1000));
    EXPECT_FALSE(ran);
    EXPECT_EQ(scheduler.pendingTasks(), 1u);

    scheduler.runFor(milliseconds(1));
    EXPECT_TRUE(ran);
}

TEST(VirtualScheduler, ATaskDueExactlyAtTheEndOfTheWindowRuns) {
    VirtualScheduler scheduler(kStart);
    bool ran = false;
    scheduler.callAfter(milliseconds(1000), [&] { ran = true; });

    scheduler.runFor(milliseconds(1000));

    EXPECT_TRUE(ran);
}

TEST(VirtualScheduler, ANegativeDelayIsTreatedAsZero) {
    VirtualScheduler scheduler(kStart);
    std::int64_t at = -1;
    scheduler.callAfter(milliseconds(-500), [&] { at = elapsed(scheduler); });

    scheduler.runFor(milliseconds(0));

    EXPECT_EQ(at, 0);
}

TEST(VirtualScheduler, CancelledTasksDoNotRun) {
    VirtualScheduler scheduler(kStart);
    std::vector<int> ran;
    scheduler.callAfter(milliseconds(10), [&] { ran.push_back(1); });
    const TaskId second = scheduler.callAfter(milliseconds(20), [&] { ran.push_back(2); });
    scheduler.callAfter(milliseconds(30), [&] { ran.push_back(3); });

    scheduler.cancel(second);
    EXPECT_EQ(scheduler.pendingTasks(), 2u);
    scheduler.runFor(seconds(1));

    EXPECT_EQ(ran, (std::vector<int>{1, 3}));
}

TEST(VirtualScheduler, ATaskCanCancelALaterTask) {
    VirtualScheduler scheduler(kStart);
    bool laterRan = false;
    TaskId later = 0;
    scheduler.callAfter(milliseconds(10), [&] { scheduler.cancel(later); });
    later = scheduler.callAfter(milliseconds(20), [&] { laterRan = true; });

    scheduler.runFor(seconds(1));

    EXPECT_FALSE(laterRan);
    EXPECT_EQ(scheduler.pendingTasks(), 0u);
}

TEST(VirtualScheduler, ATaskCanCancelAnotherDueAtTheSameTime) {
    VirtualScheduler scheduler(kStart);
    bool secondRan = false;
    TaskId second = 0;
    scheduler.callAfter(milliseconds(10), [&] { scheduler.cancel(second); });
    second = scheduler.callAfter(milliseconds(10), [&] { secondRan = true; });

    scheduler.runFor(seconds(1));

    EXPECT_FALSE(secondRan);
}

TEST(VirtualScheduler, CancellingUnknownOrFinishedIdsIsHarmless) {
    VirtualScheduler scheduler(kStart);
    int runs = 0;
    const TaskId done = scheduler.callAfter(milliseconds(1), [&] { ++runs; });
    scheduler.runFor(milliseconds(1));
    const TaskId pending = scheduler.callAfter(milliseconds(1), [&] { ++runs; });

    scheduler.cancel(done);           // already ran
    scheduler.cancel(pending + 1000); // never issued
    scheduler.cancel(0);

    EXPECT_EQ(scheduler.pendingTasks(), 1u);
    scheduler.runFor(milliseconds(1));
    EXPECT_EQ(runs, 2);
}

TEST(VirtualScheduler, ATaskCancellingItselfWhileRunningIsHarmless) {
    VirtualScheduler scheduler(kStart);
    int runs = 0;
    TaskId self = 0;
    self = scheduler.callAfter(milliseconds(1), [&] {
        ++runs;
        scheduler.cancel(self);
    });

    scheduler.runFor(milliseconds(10));

    EXPECT_EQ(runs, 1);
    EXPECT_EQ(scheduler.pendingTasks(), 0u);
}

TEST(VirtualScheduler, IdsAreDistinct) {
    VirtualScheduler scheduler(kStart);
    const TaskId a = scheduler.callAfter(milliseconds(1), [] {});
    const TaskId b = scheduler.callAfter(milliseconds(1), [] {});
    EXPECT_NE(a, b);
}

TEST(VirtualScheduler, TasksScheduledFromATaskRunIfDueWithinTheWindow) {
    VirtualScheduler scheduler(kStart);
    std::vector<std::int64_t> ran;
    scheduler.callAfter(milliseconds(100), [&] {
        ran.push_back(elapsed(scheduler));
        scheduler.callAfter(milliseconds(0), [&] { ran.push_back(elapsed(scheduler)); });
        scheduler.callAfter(milliseconds(400), [&] { ran.push_back(elapsed(scheduler)); });
        scheduler.callAfter(milliseconds(901), [&] { ran.push_back(elapsed(scheduler)); });
    });

    scheduler.runFor(seconds(1));

    // 100 + 901 is past the one-second window, so the last one waits.
    EXPECT_EQ(ran, (std::vector<std::int64_t>{100, 100, 500}));
    EXPECT_EQ(scheduler.pendingTasks(), 1u);
}

TEST(VirtualScheduler, AZeroDelayTaskFromATaskRunsAfterTasksAlreadyDueThen) {
    VirtualScheduler scheduler(kStart);
    std::vector<std::string> ran;
    scheduler.callAfter(milliseconds(10), [&] {
        ran.push_back("first");
        scheduler.callAfter(milliseconds(0), [&] { ran.push_back("follow-up"); });
    });
    scheduler.callAfter(milliseconds(10), [&] { ran.push_back("second"); });

    scheduler.runFor(milliseconds(10));

    EXPECT_EQ(ran, (std::vector<std::string>{"first", "second", "follow-up"}));
}

TEST(VirtualScheduler, ARepeatingTaskRunsOncePerPeriodInTheWindow) {
    VirtualScheduler scheduler(kStart);
    int ticks = 0;
    std::function<void()> tick = [&] {
        ++ticks;
        scheduler.callAfter(seconds(1), tick);
    };
    scheduler.callAfter(seconds(1), tick);

    scheduler.runFor(seconds(10));

    EXPECT_EQ(ticks, 10);
    EXPECT_EQ(scheduler.pendingTasks(), 1u);
}

TEST(VirtualScheduler, RunUntilStopsAsSoonAsThePredicateHolds) {
    VirtualScheduler scheduler(kStart);
    int count = 0;
    for (int i = 1; i <= 5; ++i) {
        scheduler.callAfter(milliseconds(100 * i), [&] { ++count; });
    }

    EXPECT_TRUE(scheduler.runUntil([&] { return count == 2; }));

    EXPECT_EQ(count, 2);
    EXPECT_EQ(elapsed(scheduler), 200);
    EXPECT_EQ(scheduler.pendingTasks(), 3u);
}

TEST(VirtualScheduler, RunUntilStopsBetweenTasksDueAtTheSameTime) {
    VirtualScheduler scheduler(kStart);
    int count = 0;
    for (int i = 0; i < 3; ++i) {
        scheduler.callAfter(milliseconds(100), [&] { ++count; });
    }

    EXPECT_TRUE(scheduler.runUntil([&] { return count == 1; }));

    EXPECT_EQ(count, 1);
    EXPECT_EQ(scheduler.pendingTasks(), 2u);
}

TEST(VirtualScheduler, RunUntilWithThePredicateAlreadyTrueRunsNothing) {
    VirtualScheduler scheduler(kStart);
    bool ran = false;
    scheduler.callAfter(milliseconds(0), [&] { ran = true; });

    EXPECT_TRUE(scheduler.runUntil([] { return true; }));

    EXPECT_FALSE(ran);
    EXPECT_EQ(elapsed(scheduler), 0);
}

TEST(VirtualScheduler, RunUntilReturnsFalseWhenTheLimitPasses) {
    VirtualScheduler scheduler(kStart);
    bool ran = false;
    scheduler.callAfter(seconds(11), [&] { ran = true; });

    EXPECT_FALSE(scheduler.runUntil([&] { return ran; }, seconds(10)));

    EXPECT_FALSE(ran);
    EXPECT_EQ(elapsed(scheduler), 10000);
    EXPECT_EQ(scheduler.pendingTasks(), 1u);
}

TEST(VirtualScheduler, RunUntilReturnsFalseWhenNothingIsPending) {
    VirtualScheduler scheduler(kStart);
    EXPECT_FALSE(scheduler.runUntil([] { return false; }, seconds(3)));
    EXPECT_EQ(elapsed(scheduler), 3000);
}

TEST(VirtualScheduler, RunUntilRunsTasksDueExactlyAtTheLimit) {
    VirtualScheduler scheduler(kStart);
    bool ran = false;
    scheduler.callAfter(seconds(10), [&] { ran = true; });

    EXPECT_TRUE(scheduler.runUntil([&] { return ran; }, seconds(10)));
}

TEST(VirtualScheduler, RunForANegativeDurationDoesNotTurnTheClockBack) {
    VirtualScheduler scheduler(kStart);
    scheduler.runFor(milliseconds(-1000));
    EXPECT_EQ(elapsed(scheduler), 0);
}

TEST(ScheduledTask, StartsInactive) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    EXPECT_FALSE(task.isActive());
}

TEST(ScheduledTask, RunsOnceAfterTheDelay) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    int runs = 0;
    task.start(milliseconds(500), [&] { ++runs; });
    EXPECT_TRUE(task.isActive());

    scheduler.runFor(milliseconds(499));
    EXPECT_EQ(runs, 0);
    scheduler.runFor(milliseconds(1));
    EXPECT_EQ(runs, 1);
    scheduler.runFor(seconds(10));
    EXPECT_EQ(runs, 1);
}

TEST(ScheduledTask, StartingAgainReplacesThePendingCallback) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    std::vector<std::string> ran;
    task.start(milliseconds(100), [&] { ran.push_back("first"); });
    task.start(milliseconds(300), [&] { ran.push_back("second"); });

    EXPECT_EQ(scheduler.pendingTasks(), 1u);
    scheduler.runFor(milliseconds(200));
    EXPECT_TRUE(ran.empty());
    scheduler.runFor(milliseconds(100));
    EXPECT_EQ(ran, std::vector<std::string>{"second"});
}

TEST(ScheduledTask, StopCancelsThePendingCallback) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    bool ran = false;
    task.start(milliseconds(100), [&] { ran = true; });

    task.stop();

    EXPECT_FALSE(task.isActive());
    EXPECT_EQ(scheduler.pendingTasks(), 0u);
    scheduler.runFor(seconds(1));
    EXPECT_FALSE(ran);
}

TEST(ScheduledTask, StopWhenIdleIsHarmless) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    task.stop();
    task.stop();
    EXPECT_FALSE(task.isActive());
}

TEST(ScheduledTask, IsInactiveWhileItsCallbackRunsAndAfterwards) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    std::optional<bool> activeInside;
    task.start(milliseconds(10), [&] { activeInside = task.isActive(); });

    scheduler.runFor(milliseconds(10));

    ASSERT_TRUE(activeInside.has_value());
    EXPECT_FALSE(*activeInside);
    EXPECT_FALSE(task.isActive());
}

TEST(ScheduledTask, CanRestartItselfFromItsCallback) {
    VirtualScheduler scheduler(kStart);
    ScheduledTask task(scheduler);
    std::vector<std::int64_t> ran;
    std::function<void()> again = [&] {
        ran.push_back(elapsed(scheduler));
        if (ran.size() < 3) {
            task.start(milliseconds(100), again);
        }
    };
    task.start(milliseconds(100), again);

    scheduler.runFor(seconds(1));

    EXPECT_EQ(ran, (std::vector<std::int64_t>{100, 200, 300}));
    EXPECT_FALSE(task.isActive());
}

TEST(ScheduledTask, DestroyingItCancelsItsCallback) {
    VirtualScheduler scheduler(kStart);
    bool ran = false;
    {
        ScheduledTask task(scheduler);
        task.start(milliseconds(100), [&] { ran = true; });
        EXPECT_EQ(scheduler.pendingTasks(), 1u);
    }

    EXPECT_EQ(scheduler.pendingTasks(), 0u);
    scheduler.runFor(seconds(1));
    EXPECT_FALSE(ran);
}

TEST(ScheduledTask, DestroyingAnotherTaskFromACallbackCancelsIt) {
    VirtualScheduler scheduler(kStart);
    auto victim = std::make_unique<ScheduledTask>(scheduler);
    ScheduledTask killer(scheduler);
    bool victimRan = false;
    victim->start(milliseconds(20), [&] { victimRan = true; });
    killer.start(milliseconds(10), [&] { victim.reset(); });

    scheduler.runFor(seconds(1));

    EXPECT_FALSE(victimRan);
    EXPECT_EQ(victim, nullptr);
}

} // namespace
} // namespace kiwoomd
