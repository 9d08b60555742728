// The event stream's rules, without sockets: what each subscriber is queued, in which order, and
// what happens to one that stops reading.
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/core/KstTime.h"
#include "support/ApiSamples.h"

#include <gtest/gtest.h>

#include <thread>

namespace kiwoomd::http {
namespace {

using namespace std::chrono_literals;

struct Event {
    std::string name;
    std::string id;
    std::string data;
};

// Parses queued chunks as an EventSource would: fields until a blank line, comments skipped.
std::vector<Event> drain(StreamSubscription& subscription, std::vector<std::string>* comments = nullptr) {
    std::deque<StreamChunk> chunks;
    subscription.takeInto(chunks);
    std::string text;
    for (const auto& chunk : chunks) {
        text += *chunk;
    }
    std::vector<Event> events;
    Event current;
    bool any = false;
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = text.find('\n', start);
        const std::string line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty()) {
            if (any) {
                events.push_back(current);
            }
            current = Event{};
            any = false;
        } else if (line[0] == ':') {
            if (comments) {
                comments->push_back(line);
            }
        } else if (line.rfind("event: ", 0) == 0) {
            current.name = line.substr(7);
            any = true;
        } else if (line.rfind("id: ", 0) == 0) {
            current.id = line.substr(4);
            any = true;
        } else if (line.rfind("data: ", 0) == 0) {
            current.data = line.substr(6);
            any = true;
        } else if (line.rfind("retry: ", 0) == 0) {
            current.name = "(retry)";
            current.data = line.substr(7);
            any = true;
        }
    }
    return events;
}

std::vector<std::string> namesOf(const std::vector<Event>& events) {
    std::vector<std::string> names;
    for (const auto& e : events) {
        names.push_back(e.name + (e.id.empty() ? "" : "#" + e.id));
    }
    return names;
}

class EventStreamHubTest : public ::testing::Test {
protected:
    EventStreamHubTest() {
        cache.setListener(
            [this](const std::string& id, const FeedSnapshotPtr& s) { hub->onSnapshot(id, s); });
        board.setListener([this](const SessionStatusPtr& s) { hub->onStatus(s); });
    }

    void makeHub(StreamSettings settings = {}) {
        hub = std::make_unique<EventStreamHub>(cache, board, clock, settings);
    }

    void publish(const std::string& feed, std::uint64_t version, bool stale = false, int rows = 1) {
        cache.publish(test::sampleSnapshot(feed, version, rows, clock.now(), stale));
    }

    void publishStatus(ConnectionState state, bool marketOpen = true) {
        SessionStatus status;
        status.connection = state;
        status.serverKind = ServerKind::Mock;
        status.marketOpen = marketOpen;
        board.publish(status);
    }

    ManualClock clock{fromKst(2026, 11, 25, 10, 0, 0)};
    SnapshotCache cache;
    StatusBoard board;
    std::unique_ptr<EventStreamHub> hub;
};

TEST_F(EventStreamHubTest, ANewSubscriberGetsRetryThenStatusThenEveryFeedsCurrentSnapshot) {
    makeHub();
    publish("kosdaq", 2);
    publish("kospi", 3);
    const auto subscriber = hub->subscribe({}, std::nullopt);
    ASSERT_TRUE(subscriber);
    const auto events = drain(*subscriber);
    EXPECT_EQ(namesOf(events), (std::vector<std::string>{"(retry)", "status", "kosdaq#2", "kospi#3"}));
    EXPECT_EQ(events[0].data, "3000");
    EXPECT_EQ(events[2].data, cache.get("kosdaq")->body) << "the data is the /api/volume-ranking body";
    EXPECT_NE(events[1].data.find("\"connection\":\"disconnected\""), std::string::npos);
}

TEST_F(EventStreamHubTest, SubscribersShareOneCopyOfEachSnapshotsEvent) {
    makeHub();
    publish("kospi", 1, false, 50);
    const auto first = hub->subscribe({}, std::nullopt);
    const auto second = hub->subscribe({}, std::nullopt);
    std::deque<StreamChunk> a;
    std::deque<StreamChunk> b;
    first->takeInto(a);
    second->takeInto(b);
    ASSERT_EQ(a.size(), 3u); // retry, status, kospi
    ASSERT_EQ(b.size(), 3u);
    EXPECT_EQ(a[2].get(), b[2].get()) << "one event text for every subscriber, not a copy each";
    publish("kospi", 2, false, 50);
    a.clear();
    b.clear();
    first->takeInto(a);
    second->takeInto(b);
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(a[0].get(), b[0].get());
}

TEST_F(EventStreamHubTest, TwoSubscribersGetTheSameVersionsInOrder) {
    makeHub();
    publish("kospi", 1);
    const auto first = hub->subscribe({}, std::nullopt);
    const auto second = hub->subscribe({}, std::nullopt);
    drain(*first);
    drain(*second);
    std::vector<std::string> seenByFirst;
    std::vector<std::string> seenBySecond;
    for (std::uint64_t version = 2; version <= 30; ++version) {
        publish(version % 3 == 0 ? "kosdaq" : "kospi", version);
        if (version % 4 == 0) { // they read at different moments
            for (const auto& e : drain(*first)) {
                seenByFirst.push_back(e.name + "#" + e.id);
            }
        }
        if (version % 7 == 0) {
            for (const auto& e : drain(*second)) {
                seenBySecond.push_back(e.name + "#" + e.id);
            }
        }
    }
    for (const auto& e : drain(*first)) {
        seenByFirst.push_back(e.name + "#" + e.id);
    }
    for (const auto& e : drain(*second)) {
        seenBySecond.push_back(e.name + "#" + e.id);
    }
    ASSERT_EQ(seenByFirst.size(), 29u);
    EXPECT_EQ(seenByFirst, seenBySecond);
    EXPECT_EQ(seenByFirst.front(), "kospi#2");
    EXPECT_EQ(seenByFirst.back(), "kosdaq#30");
}

TEST_F(EventStreamHubTest, ASubscriberThatStopsReadingIsDroppedWithoutHoldingUpTheOthers) {
    StreamSettings settings;
    settings.maxQueuedBytes = 64 * 1024;
    makeHub(settings);
    const auto reader = hub->subscribe({}, std::nullopt);
    const auto sleeper = hub->subscribe({}, std::nullopt); // never reads
    int delivered = 0;
    for (std::uint64_t version = 1; version <= 200; ++version) {
        publish("kospi", version, false, 40); // about 8 KB each
        delivered += static_cast<int>(drain(*reader).size());
        EXPECT_FALSE(reader->ended());
    }
    EXPECT_GE(delivered, 200);
    EXPECT_TRUE(sleeper->ended());
    EXPECT_EQ(hub->droppedCount(), 1u);
    EXPECT_TRUE(drain(*sleeper).empty()) << "its backlog was released, not kept";
}

TEST_F(EventStreamHubTest, ALastEventIdResumesWithOnlyTheSnapshotsNewerThanIt) {
    makeHub();
    publish("kospi", 5);
    publish("kosdaq", 7);
    publish("all", 9);
    const auto resumed = hub->subscribe({}, std::uint64_t{7});
    EXPECT_EQ(namesOf(drain(*resumed)), (std::vector<std::string>{"(retry)", "status", "all#9"}));
}

TEST_F(EventStreamHubTest, ALastEventIdFromAnEarlierRunGetsEverySnapshot) {
    makeHub();
    publish("kospi", 5);
    const auto resumed = hub->subscribe({}, std::uint64_t{500}); // this run never issued 500
    EXPECT_EQ(namesOf(drain(*resumed)), (std::vector<std::string>{"(retry)", "status", "kospi#5"}));
}

TEST_F(EventStreamHubTest, AFlagOnlyChangeIsSentAgainWithTheSameId) {
    makeHub();
    publish("kospi", 4);
    const auto subscriber = hub->subscribe({}, std::nullopt);
    drain(*subscriber);
    publish("kospi", 4, true); // the connection dropped: same rows, now stale
    const auto events = drain(*subscriber);
    ASSERT_EQ(namesOf(events), (std::vector<std::string>{"kospi#4"}));
    EXPECT_NE(events[0].data.find("\"stale\":true"), std::string::npos);
    cache.publish(cache.get("kospi")); // the very same body again: nothing to send
    EXPECT_TRUE(drain(*subscriber).empty());
}

TEST_F(EventStreamHubTest, AFlagOnlyChangeMissedWhileAwayIsSentOnResume) {
    makeHub();
    publish("kospi", 4);
    publish("kosdaq", 7); // the client's last event, then it lost its connection
    publish("kospi", 4, true);
    const auto resumed = hub->subscribe({}, std::uint64_t{7});
    const auto events = drain(*resumed);
    ASSERT_EQ(namesOf(events), (std::vector<std::string>{"(retry)", "status", "kospi#4"}));
    EXPECT_NE(events[2].data.find("\"stale\":true"), std::string::npos);

    publish("all", 9); // comes after the change, so a client that got 9 saw the change too
    EXPECT_EQ(namesOf(drain(*hub->subscribe({}, std::uint64_t{9}))),
              (std::vector<std::string>{"(retry)", "status"}));
}

TEST_F(EventStreamHubTest, AStatusEventComesOnlyWhenTheHeadlineChanges) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    drain(*subscriber);
    publishStatus(ConnectionState::Connected);
    publishStatus(ConnectionState::Connected); // counters change all the time; nothing to tell
    publishStatus(ConnectionState::Lost);
    publishStatus(ConnectionState::Lost, false);
    const auto events = drain(*subscriber);
    ASSERT_EQ(namesOf(events), (std::vector<std::string>{"status", "status", "status"}));
    EXPECT_NE(events[1].data.find("\"connection\":\"lost\""), std::string::npos);
}

TEST_F(EventStreamHubTest, AFeedFilterLimitsTheFeedEvents) {
    makeHub();
    publish("kospi", 1);
    publish("kosdaq", 2);
    const auto subscriber = hub->subscribe({"kosdaq"}, std::nullopt);
    publish("kospi", 3);
    publish("kosdaq", 4);
    EXPECT_EQ(namesOf(drain(*subscriber)),
              (std::vector<std::string>{"(retry)", "status", "kosdaq#2", "kosdaq#4"}));
}

TEST_F(EventStreamHubTest, AHeartbeatCommentFollowsFifteenSecondsOfSilence) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    drain(*subscriber);
    clock.advance(14s);
    hub->tick();
    std::vector<std::string> comments;
    drain(*subscriber, &comments);
    EXPECT_TRUE(comments.empty());
    clock.advance(1s);
    hub->tick();
    drain(*subscriber, &comments);
    EXPECT_EQ(comments, (std::vector<std::string>{": keep-alive"}));
}

TEST_F(EventStreamHubTest, EveryFeedEventSaysWhenItWasPublished) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    drain(*subscriber);
    publish("kospi", 1);
    std::vector<std::string> comments;
    drain(*subscriber, &comments);
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock.now().time_since_epoch()).count();
    EXPECT_EQ(comments, (std::vector<std::string>{": published " + std::to_string(ms)}));
}

TEST_F(EventStreamHubTest, SubscribersBeyondTheCapAreRefusedUntilOneLeaves) {
    StreamSettings settings;
    settings.maxSubscribers = 2;
    makeHub(settings);
    auto first = hub->subscribe({}, std::nullopt);
    const auto second = hub->subscribe({}, std::nullopt);
    EXPECT_FALSE(hub->subscribe({}, std::nullopt));
    EXPECT_EQ(hub->subscriberCount(), 2u);
    first.reset();
    EXPECT_EQ(hub->subscriberCount(), 1u);
    EXPECT_TRUE(hub->subscribe({}, std::nullopt));
}

TEST_F(EventStreamHubTest, ShutdownEndsEverySubscriptionAndRefusesNewOnes) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    hub->shutdown();
    EXPECT_TRUE(subscriber->ended());
    EXPECT_FALSE(hub->subscribe({}, std::nullopt));
}

TEST_F(EventStreamHubTest, AWaitingSubscriberTakesWhatIsQueuedWithoutWaitingOut) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    std::deque<StreamChunk> chunks;
    // The retry and status chunks are queued already: no wait, whatever the timeout.
    EXPECT_TRUE(subscriber->waitAndTake(chunks, std::chrono::hours(1)));
    EXPECT_GE(chunks.size(), 2u);
}

TEST_F(EventStreamHubTest, APublishWakesASubscriberWaitingOnAnotherThread) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    std::deque<StreamChunk> first;
    subscriber->waitAndTake(first, std::chrono::milliseconds(0));
    std::deque<StreamChunk> chunks;
    std::thread waiter([&] { subscriber->waitAndTake(chunks, std::chrono::hours(1)); });
    publish("kospi", 1);
    waiter.join(); // would hang for an hour if the publish did not wake it
    ASSERT_EQ(chunks.size(), 1u);
    EXPECT_NE(chunks.front()->find("event: kospi"), std::string::npos);
}

TEST_F(EventStreamHubTest, EndingASubscriptionReleasesItsWaiter) {
    makeHub();
    const auto subscriber = hub->subscribe({}, std::nullopt);
    std::deque<StreamChunk> first;
    subscriber->waitAndTake(first, std::chrono::milliseconds(0));
    bool stillOpen = true;
    std::thread waiter([&] {
        std::deque<StreamChunk> chunks;
        stillOpen = subscriber->waitAndTake(chunks, std::chrono::hours(1));
    });
    subscriber->end();
    waiter.join();
    EXPECT_FALSE(stillOpen);
    EXPECT_TRUE(subscriber->ended());
}

} // namespace
} // namespace kiwoomd::http
