// GET /api/stream end to end inside one process: the router, the hub and the HTTP server on a
// free port, read by raw connections.
#include "kiwoomd/core/KstTime.h"
#include "kiwoomd/http/ApiRouter.h"
#include "kiwoomd/http/EventStreamHub.h"
#include "kiwoomd/http/HttpServer.h"
#include "support/ApiSamples.h"
#include "support/RawConnection.h"

#include <httplib.h>

#include <gtest/gtest.h>

#include <thread>

namespace kiwoomd::http {
namespace {

using test::RawConnection;
using namespace std::chrono_literals;

std::vector<std::string> idsIn(const std::string& text) {
    std::vector<std::string> ids;
    for (std::size_t at = text.find("\nid: "); at != std::string::npos; at = text.find("\nid: ", at + 1)) {
        ids.push_back(text.substr(at + 5, text.find('\n', at + 5) - at - 5));
    }
    return ids;
}

class EventStreamServerTest : public ::testing::Test {
protected:
    void start(StreamSettings streamSettings = {}, TransportSettings transport = {}) {
        hub = std::make_unique<EventStreamHub>(cache, board, clock, streamSettings);
        cache.setListener(
            [this](const std::string& id, const FeedSnapshotPtr& s) { hub->onSnapshot(id, s); });
        board.setListener([this](const SessionStatusPtr& s) { hub->onStatus(s); });
        publish(1, 10);
        router = std::make_unique<ApiRouter>(cache, board, clock, "kospi", "dev", GuardSettings{},
                                             RouterParts{hub.get(), &stats, nullptr});
        server = std::make_unique<HttpServer>(*router, transport, hub.get(), &stats);
        ASSERT_TRUE(server->start("127.0.0.1", 0)) << server->error();
        router->setPort(server->port());
    }

    void TearDown() override {
        if (server) {
            server->stop();
        }
        cache.setListener(nullptr);
        board.setListener(nullptr);
    }

    void publish(std::uint64_t version, int rows) {
        cache.publish(test::sampleSnapshot("kospi", version, rows, clock.now(), false,
                                           static_cast<std::int64_t>(version)));
    }

    std::string streamRequest(const std::string& extra = "") const {
        return "GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(server->port()) + "\r\n" +
               extra + "\r\n";
    }

    ManualClock clock{fromKst(2026, 11, 25, 10, 0, 0)};
    SnapshotCache cache;
    StatusBoard board;
    TransportStats stats;
    std::unique_ptr<EventStreamHub> hub;
    std::unique_ptr<ApiRouter> router;
    std::unique_ptr<HttpServer> server;
};

TEST_F(EventStreamServerTest, TwoSubscribersReceiveTheSameVersionsInOrder) {
    start();
    RawConnection first(server->port());
    RawConnection second(server->port());
    ASSERT_TRUE(first.send(streamRequest()));
    ASSERT_TRUE(second.send(streamRequest()));
    const std::string head =
        first.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    EXPECT_EQ(head.rfind("HTTP/1.1 200 OK\r\n", 0), 0u) << head.substr(0, 300);
    EXPECT_NE(head.find("Content-Type: text/event-stream\r\n"), std::string::npos);
    EXPECT_NE(head.find("Cache-Control: no-store"), std::string::npos);
    second.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    ASSERT_TRUE(hub->subscriberCount() == 2u);

    for (std::uint64_t version = 2; version <= 6; ++version) {
        publish(version, 10);
    }
    for (RawConnection* c : {&first, &second}) {
        c->readUntil([](const std::string& r) { return r.find("\nid: 6\n") != std::string::npos; });
        EXPECT_EQ(idsIn(c->received()), (std::vector<std::string>{"1", "2", "3", "4", "5", "6"}));
    }
}

TEST_F(EventStreamServerTest, AStreamAskedForWithGzipOrBrotliComesUncompressedSoEachEventArrivesAtOnce) {
    // A browser's EventSource sends Accept-Encoding: gzip, deflate, br. A compressed stream would
    // sit in the compressor until its buffer filled, so the dashboard saw no event at all.
    start();
    RawConnection client(server->port());
    ASSERT_TRUE(client.send(streamRequest("Accept-Encoding: gzip, deflate, br\r\n")));
    const std::string received =
        client.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    const std::string head = received.substr(0, received.find("\r\n\r\n"));
    EXPECT_EQ(head.find("Content-Encoding"), std::string::npos) << head;
    EXPECT_NE(received.find("event: kospi\nid: 1\n"), std::string::npos) << received.substr(0, 400);
    publish(2, 10);
    EXPECT_NE(client.readUntil([](const std::string& r) { return r.find("\nid: 2\n") != std::string::npos; })
                  .find("\nid: 2\n"),
              std::string::npos);
}

TEST_F(EventStreamServerTest, AClientThatStopsReadingIsDroppedWhileTheOtherGetsEverything) {
    StreamSettings settings;
    settings.maxQueuedBytes = 512 * 1024;
    TransportSettings transport;
    transport.writeTimeout = 1000ms; // the sleeper's worker gives up its blocked write after this
    start(settings, transport);
    RawConnection reader(server->port());
    RawConnection sleeper(server->port()); // subscribes, then never reads again
    ASSERT_TRUE(reader.send(streamRequest()));
    ASSERT_TRUE(sleeper.send(streamRequest()));
    sleeper.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    reader.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });

    // The reader keeps pace: each version is published once it has read the one before, as a
    // browser does with a feed that updates every second. Only the sleeper falls behind.
    constexpr std::uint64_t kLast = 400;
    std::vector<std::string> ids = idsIn(reader.received());
    reader.clearReceived();
    for (std::uint64_t version = 2; version <= kLast; ++version) {
        publish(version, 200); // ~40 KB each: the sleeper's socket buffers fill within a few hundred
        const std::string needle = "\nid: " + std::to_string(version) + "\n";
        reader.readUntil([&](const std::string& r) { return r.find(needle) != std::string::npos; }, 10000);
        for (std::string& id : idsIn(reader.received())) {
            ids.push_back(std::move(id));
        }
        reader.clearReceived(); // nothing of the next version can have come yet
    }
    ASSERT_FALSE(ids.empty());
    EXPECT_EQ(ids.back(), std::to_string(kLast));
    EXPECT_EQ(ids.size(), kLast) << "the reader missed nothing";
    EXPECT_EQ(hub->droppedCount(), 1u);
    EXPECT_TRUE(sleeper.closedWithin(5000)) << "the sleeper's connection was closed";
    EXPECT_EQ(hub->subscriberCount(), 1u);
}

TEST_F(EventStreamServerTest, AClientThatHangsUpIsUnsubscribed) {
    start();
    {
        RawConnection client(server->port());
        ASSERT_TRUE(client.send(streamRequest()));
        client.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
        EXPECT_EQ(hub->subscriberCount(), 1u);
    }
    for (int i = 0; i < 200 && hub->subscriberCount() != 0; ++i) {
        std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(hub->subscriberCount(), 0u);
}

TEST_F(EventStreamServerTest, ReconnectingWithLastEventIdGetsOnlyWhatIsNew) {
    start();
    publish(2, 10);
    RawConnection client(server->port());
    ASSERT_TRUE(client.send(streamRequest("Last-Event-ID: 2\r\n")));
    client.readUntil([](const std::string& r) { return r.find("event: status") != std::string::npos; });
    client.readFor(300);
    EXPECT_TRUE(idsIn(client.received()).empty()) << "it already has version 2";
    publish(3, 10);
    client.readUntil([](const std::string& r) { return r.find("\nid: 3\n") != std::string::npos; });
    EXPECT_EQ(idsIn(client.received()), (std::vector<std::string>{"3"}));
}

TEST_F(EventStreamServerTest, SubscribersBeyondTheCapGet503) {
    StreamSettings settings;
    settings.maxSubscribers = 1;
    start(settings);
    RawConnection first(server->port());
    ASSERT_TRUE(first.send(streamRequest()));
    first.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    httplib::Client client("127.0.0.1", server->port());
    const auto refused = client.Get("/api/stream");
    ASSERT_TRUE(refused);
    EXPECT_EQ(refused->status, 503);
    EXPECT_NE(refused->body.find("\"too_many_subscribers\""), std::string::npos);
    EXPECT_EQ(refused->get_header_value("Retry-After"), "5");
}

TEST_F(EventStreamServerTest, StreamsHaveWorkersOfTheirOwnBesideTheConnectionWorkers) {
    TransportSettings transport;
    transport.maxConnections = 2;
    start({}, transport);
    std::vector<std::unique_ptr<RawConnection>> streams;
    for (int i = 0; i < 5; ++i) {
        streams.push_back(std::make_unique<RawConnection>(server->port()));
        ASSERT_TRUE(streams.back()->send(streamRequest()));
        streams.back()->readUntil(
            [](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    }
    EXPECT_EQ(stats.streamConnections.load(), 5);
    httplib::Client client("127.0.0.1", server->port());
    const auto response = client.Get("/api/health");
    ASSERT_TRUE(response);
    EXPECT_EQ(response->status, 200) << "five streams open, and a poller still gets in";
}

TEST_F(EventStreamServerTest, StopClosesEveryStream) {
    start();
    RawConnection client(server->port());
    ASSERT_TRUE(client.send(streamRequest()));
    client.readUntil([](const std::string& r) { return r.find("\nid: 1\n") != std::string::npos; });
    server->stop();
    EXPECT_TRUE(client.closedWithin(2000));
    EXPECT_EQ(hub->subscriberCount(), 0u);
}

} // namespace
} // namespace kiwoomd::http
